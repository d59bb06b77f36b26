"""Collections on the command line: which folders are collections, and reading one.

A folder with an ``incidents.toml`` is a collection wherever ``incidents validate`` meets
it (the folder given, or one inside it): its files are checked together, references
resolving across them, instead of one by one. ``--collection`` makes every folder given a
collection, manifest or not. Files named one by one are always checked one by one.

:func:`load_any` reads what ``merge`` and ``diff`` take: a dataset file or a collection
folder. (The module imports no validation: ``validate`` checks the collections itself, so
the command line keeps its number of import floors.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from incidents.cli.console import PROBLEMS, fail, plural
from incidents.collection.manifest import MANIFEST

if TYPE_CHECKING:
    from incidents.model.dataset import Dataset

__all__ = ["collection_roots", "inside", "load_any"]


def collection_roots(paths: list[str], forced: bool) -> tuple[list[Path], list[str]]:
    """The collection folders among (or inside) ``paths``, and the paths left to check one
    file at a time (with ``forced``, a folder given is a collection and is not left)."""
    roots: list[Path] = []
    rest: list[str] = []
    for argument in paths:
        folder = Path(argument)
        if argument == "-" or not folder.is_dir():
            rest.append(argument)
            continue
        if forced or (folder / MANIFEST).is_file():
            roots.append(folder)
            continue
        found = _manifests_under(folder)
        roots += found
        rest.append(argument)
    return roots, rest


def _manifests_under(folder: Path) -> list[Path]:
    """The folders under ``folder`` that hold a manifest (not looking inside those)."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        if MANIFEST in files and Path(root) != folder:
            found.append(Path(root))
            folders[:] = []
    return found


def inside(path: Path | None, roots: list[Path]) -> bool:
    """Whether the file at ``path`` is in one of the collections (so not checked alone)."""
    if path is None or not roots:
        return False
    path = path.absolute()
    return any(path.is_relative_to(root.absolute()) for root in roots)


def load_any(path: str) -> tuple[Dataset, str] | int:
    """The dataset ``path`` names (a dataset file or a collection folder) and its name; or
    the exit code, the problems printed on standard error."""
    from incidents.collection.read import read_collection
    from incidents.errors import CollectionError, FileError, ParseError
    from incidents.formats.files import read

    try:
        if Path(path).is_dir():
            return read_collection(path).dataset, path
        return read(path), path
    except FileError as error:
        return fail(str(error))
    except ParseError as error:
        for found in error.problems:
            print(f"{path}: {found}", file=sys.stderr)
        print(f"incidents: {path}: not read as a dataset", file=sys.stderr)
        return PROBLEMS
    except CollectionError as error:
        for problem in error.problems:
            print(str(problem), file=sys.stderr)
        errors = sum(p.code.startswith("E") for p in error.problems)
        print(f"incidents: collection {path}: {plural(errors, 'error')}; not read", file=sys.stderr)
        return PROBLEMS
