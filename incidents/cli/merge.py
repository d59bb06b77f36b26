"""``incidents merge``: several datasets (files or collections) as one file.

Equal records collapse to one; two versions of one record are merged as the union of their
claims, citations and other lists (see :func:`incidents.merge`). Two different values of a
plain field (two titles, two dates) are a conflict: each is printed with both values and
both inputs, and nothing is written, unless ``--prefer first|last`` picks a side. The output
is written atomically, never over an input.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from incidents.cli.console import OK, PROBLEMS, Subcommands, exit_codes, fail, plural, subcommand

if TYPE_CHECKING:
    from incidents.collection.merge import Prefer
    from incidents.model.dataset import Dataset

__all__ = ["add_parser", "run"]


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents merge`` to the command line."""
    merge_parser = subcommand(
        commands,
        "merge",
        "merge datasets and collections into one file",
        "Merge dataset files and collection folders into one dataset file. Equal records "
        "collapse to one; versions of one record are merged as the union of their claims, "
        "citations and lists, so no source overwrites another. Two different values of a "
        "plain field are a conflict: each is printed and nothing is written, unless "
        "--prefer picks a side. The output is written atomically, never over an input.",
        """examples:
  incidents merge ours.json theirs.json -o merged.json
  incidents merge examples/collection/ -o crisis.jsonl
  incidents merge old/ new/ -o merged.json --prefer last""",
        exit_codes(
            "the merged dataset written",
            "an input has errors, or the inputs conflict (nothing written)",
            "usage error, or a file that cannot be read or written",
        ),
    )
    merge_parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a dataset file or a collection folder"
    )
    merge_parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the file to write (.json, .jsonl, .xml)",
    )
    merge_parser.add_argument(
        "--prefer",
        choices=("first", "last"),
        help="on a conflict keep the value of the first (or last) input that has one",
    )
    merge_parser.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return run(options.inputs, options.output, options.prefer)


def run(inputs: list[str], output: str, prefer: Prefer | None) -> int:
    """Merge ``inputs`` into the file ``output``; the exit code."""
    from incidents.cli.collections import load_any
    from incidents.cli.inputs import SUFFIXES
    from incidents.collection.merge import merge
    from incidents.errors import FileError, MergeError
    from incidents.formats.files import write

    suffix = Path(output).suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        return fail(f"{output}: unknown file type {suffix or '(none)'!r}; use one of {known}")
    for name in inputs:
        if Path(name).is_dir() and _within(Path(output), Path(name)):
            return fail(f"{output}: is inside the collection {name}; write it elsewhere")
        if _same_file(Path(name), Path(output)):
            return fail(f"{output}: is an input; merge never overwrites its inputs")
    datasets: list[Dataset] = []
    names: list[str] = []
    for name in inputs:
        loaded = load_any(name)
        if isinstance(loaded, int):
            return loaded
        datasets.append(loaded[0])
        names.append(loaded[1])
    try:
        merged = merge(*datasets, prefer=prefer, names=names)
    except MergeError as error:
        for conflict in error.conflicts:
            print(f"incidents: conflict: {conflict}", file=sys.stderr)
        count = plural(len(error.conflicts), "conflict")
        print(
            f"incidents: {count}; nothing written (--prefer first or --prefer last keeps one side)",
            file=sys.stderr,
        )
        return PROBLEMS
    try:
        write(merged, output)
    except FileError as error:
        return fail(str(error))
    print(f"{output}: {plural(len(merged), 'record')} from {plural(len(inputs), 'input')}")
    return OK


def _within(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _same_file(first: Path, second: Path) -> bool:
    """Whether the two paths name one file (links and relative paths resolved)."""
    if first.exists() and second.exists():
        return os.path.samefile(first, second)
    return first.resolve() == second.resolve()
