"""Collections on the command line: which folders are collections, and reading one.

A folder with an ``incidents.toml`` is a collection wherever ``incidents validate`` meets
it (the folder given, or one inside it): its files are checked together, references
resolving across them, instead of one by one. ``--collection`` makes every folder given a
collection, manifest or not. Files named one by one are always checked one by one.

:func:`load_any` reads what ``merge`` and ``diff`` take: a dataset file, ``-``, or a
collection folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

from incidents.cli.console import PROBLEMS, ProgressBar, describe_problem, fail, plural
from incidents.cli.inputs import Input, load, single
from incidents.collection.manifest import MANIFEST
from incidents.collection.read import read_collection
from incidents.collection.report import FileProblem
from incidents.collection.validate import validate_collection
from incidents.errors import CollectionError, FileError
from incidents.model.dataset import Dataset

__all__ = ["check_collection", "collection_roots", "inside", "load_any"]


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


def inside(item: Input, roots: list[Path]) -> bool:
    """Whether the input is a file of one of the collections (so not checked alone)."""
    if item.path is None or not roots:
        return False
    path = item.path.absolute()
    return any(path.is_relative_to(root.absolute()) for root in roots)


def check_collection(
    root: Path, stdout: IO[str] | None, bar: ProgressBar, tally: Any
) -> tuple[list[dict[str, Any]], int]:
    """Validate one collection, printing its problems on ``stdout`` (text) or returning
    them (JSON, ``stdout`` None): the files' JSON entries, and how many failed."""
    bar.update(0.0, str(root))
    report = validate_collection(root)
    by_file: dict[str, list[FileProblem]] = {name: [] for name in report.files}
    for problem in report.problems:
        assert isinstance(problem, FileProblem)  # noqa: S101 - what validate_collection gives
        by_file.setdefault(problem.file, []).append(problem)
        if stdout is not None:
            bar.clear()
            print(describe_problem(problem.file, problem), file=stdout)
    entries = []
    failed = 0
    for name, problems in by_file.items():
        passed = tally.add(problems)
        failed += not passed
        entries.append({"path": name, "ok": passed, "problems": [p.to_dict() for p in problems]})
    return entries, failed


def load_any(path: str) -> tuple[Dataset, str] | int:
    """The dataset ``path`` names (a file, ``-``, or a collection folder) and its name; or
    the exit code, problems printed on standard error."""
    if path != "-" and Path(path).is_dir():
        try:
            return read_collection(path).dataset, path
        except FileError as error:
            return fail(str(error))
        except CollectionError as error:
            for problem in error.problems:
                print(str(problem), file=sys.stderr)
            errors = sum(p.code.startswith("E") for p in error.problems)
            print(
                f"incidents: collection {path}: {plural(errors, 'error')}; not read",
                file=sys.stderr,
            )
            return PROBLEMS
    item = single(path)
    if isinstance(item, str):
        return fail(item)
    dataset = load(item, check=False)
    if isinstance(dataset, int):
        return dataset
    return dataset, item.name
