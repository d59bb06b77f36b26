"""``incidents diff``: what changed between two datasets (files or collections).

Text output for people: ``- id`` a removed record, ``+ id`` an added one, ``~ id`` a changed
one with each field that differs, old value then new. ``--format json`` prints the delta
(:meth:`incidents.Delta.to_dict`) for tools. Like ``diff``, the exit code is 0 when the two
are equal, 1 when they differ and 2 when one cannot be read. Nothing is written.
"""

from __future__ import annotations

import argparse
import json

from incidents.cli.console import FAILURE, OK, PROBLEMS, Subcommands, exit_codes, subcommand

__all__ = ["add_parser", "run"]


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents diff`` to the command line."""
    diff_parser = subcommand(
        commands,
        "diff",
        "show what changed between two datasets or collections",
        "Compare two datasets (files or collection folders) record by record: records "
        "added (+), removed (-) and changed (~), each change a field with its old and new "
        "value. Exit 0 when they are equal, 1 when they differ, as diff does.",
        """examples:
  incidents diff release-1.json release-2.json
  incidents diff examples/russia-azerbaijan-2025.json examples/collection/
  incidents diff --format json old/ new/ > delta.json""",
        exit_codes(
            "the two are equal",
            "they differ",
            "usage error, or an input that cannot be read (or has errors)",
        ),
    )
    diff_parser.add_argument("old", metavar="OLD", help="a dataset file or a collection folder")
    diff_parser.add_argument("new", metavar="NEW", help="a dataset file or a collection folder")
    diff_parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one line a record and a field (default); json: the delta for tools",
    )
    diff_parser.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return run(options.old, options.new, options.format)


def run(old: str, new: str, output_format: str) -> int:
    """Print the delta from ``old`` to ``new``; the exit code (0 equal, 1 different)."""
    from incidents.cli.collections import load_any
    from incidents.collection.diff import diff

    before = load_any(old)
    if isinstance(before, int):
        return FAILURE
    after = load_any(new)
    if isinstance(after, int):
        return FAILURE
    delta = diff(before[0], after[0])
    if output_format == "json":
        print(json.dumps(delta.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in delta.lines():
            print(line)
    return OK if delta.equal else PROBLEMS
