"""``incidents convert``: a dataset from one format to another, validated first.

The suffixes (``.json``, ``.jsonl``, ``.xml``) pick the formats, or ``--to`` writes to
standard output. An input with errors is reported and nothing is written; the output is
written atomically and never over the input (nor over any existing file, with
``--no-clobber``), and ``convert`` says on standard error what it wrote.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from incidents.cli.console import (
    FORMATS,
    OK,
    Subcommands,
    Verbosity,
    exit_codes,
    fail,
    plural,
    subcommand,
    wrote,
)

if TYPE_CHECKING:
    from incidents.cli.inputs import Format
    from incidents.model.dataset import Dataset

__all__ = ["add_parser", "convert"]


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents convert`` to the command line."""
    convert = subcommand(
        commands,
        "convert",
        "convert a dataset between JSON, JSON Lines and XML",
        "Convert a dataset file; the suffixes (.json, .jsonl, .xml) pick the formats. The "
        "input is validated first: if it has errors, they are printed and nothing is "
        "written. The output is written atomically (never a partial file), and never over "
        "the input; what was written is said on standard error.",
        """examples:
  incidents convert crisis.json crisis.xml
  incidents convert --no-clobber crisis.json crisis.jsonl
  incidents convert crisis.xml --to jsonl > crisis.jsonl
  cat crisis.json | incidents convert - --to xml""",
        exit_codes(
            "the dataset converted (warnings allowed)",
            "the input has errors (printed on standard error); nothing written",
            "usage error, a file that cannot be read or written, an output that is the "
            "input,\n     or one that exists with --no-clobber",
        ),
        quiet="do not say what was written",
    )
    convert.add_argument("input", metavar="IN", help="the dataset to read, or - for standard input")
    convert.add_argument("output", metavar="OUT", nargs="?", help="the file to write")
    convert.add_argument(
        "--to",
        choices=tuple(FORMATS),
        help="write this format to standard output instead of a file",
    )
    convert.add_argument(
        "--no-clobber",
        action="store_true",
        help="refuse to replace an existing OUT (exit 2) instead of replacing it",
    )
    convert.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return convert(options.input, options.output, options.to, options.no_clobber, options.verbosity)


def convert(
    source: str,
    target: str | None,
    to: Format | None,
    no_clobber: bool = False,
    verbosity: Verbosity = "normal",
) -> int:
    """Convert ``source`` to the file ``target`` or, with ``to``, to standard output."""
    from incidents.cli.inputs import SUFFIXES, load, single
    from incidents.errors import FileError
    from incidents.formats.files import write_bytes, write_pieces

    if (target is None) == (to is None):
        return fail("convert: give an output file OUT or --to FORMAT (one of the two)")
    item = single(source)
    if isinstance(item, str):
        return fail(item)
    if target is not None:
        suffix = Path(target).suffix.lower()
        if suffix not in SUFFIXES:
            known = ", ".join(SUFFIXES)
            return fail(f"{target}: unknown file type {suffix or '(none)'!r}; use one of {known}")
        if item.path is not None and _same_file(item.path, Path(target)):
            return fail(f"{target}: is the input file; convert never overwrites its input")
        if no_clobber and os.path.lexists(target):
            return fail(f"{target}: already exists; nothing written (--no-clobber)")
    dataset = load(item, check=True)
    if isinstance(dataset, int):
        return dataset
    format_ = SUFFIXES[Path(target).suffix.lower()] if target is not None else to or "json"
    payload = _serialise(dataset, format_)
    try:
        if target is not None:
            write_bytes(payload, target)
        else:
            sys.stdout.flush()
            write_pieces(sys.stdout.buffer, payload)
            sys.stdout.buffer.flush()
    except FileError as error:
        return fail(str(error))
    if target is not None:
        wrote(target, f"{plural(len(dataset), 'record')}, {FORMATS[format_]}", verbosity)
    return OK


def _same_file(first: Path, second: Path) -> bool:
    """Whether the two paths name one file (links and relative paths resolved)."""
    if first.exists() and second.exists():
        return os.path.samefile(first, second)
    return first.resolve() == second.resolve()


def _serialise(dataset: Dataset, format_: Format) -> bytes:
    from incidents.formats.json import to_json
    from incidents.formats.jsonl import to_jsonl
    from incidents.formats.xml import to_xml

    if format_ == "xml":
        return to_xml(dataset)
    return (to_jsonl if format_ == "jsonl" else to_json)(dataset).encode("utf-8")
