"""``incidents export``: a dataset as tables (Parquet, CSV, DuckDB) or event-data rows.

The output is written atomically: a folder is written beside the target and renamed into
place, a file likewise. An existing output is refused unless ``--force``. What was written
is said on standard error.
"""

from __future__ import annotations

import argparse
import sys

from incidents.cli.console import OK, Subcommands, exit_codes, fail, subcommand
from incidents.tables.formats import EXPORT_FORMATS, ExportFormat

__all__ = ["add_parser", "run_export"]


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents export`` to the command line."""
    formats = "\n".join(f"  {name:8} {what}" for name, what in EXPORT_FORMATS.items())
    parser = subcommand(
        commands,
        "export",
        "export a dataset as tables (Parquet, CSV, DuckDB) or PLOVER, UCDP, ACLED, CAMEO rows",
        "Export a dataset file (.json, .jsonl, .xml) as analysis tables or event-data rows "
        "(needs the 'tables' extra: pip install 'incidents[tables]'). The input is validated "
        "first: if it has errors, they are printed and nothing is written. The output is "
        "written atomically; an existing one is replaced only with --force.",
        f"""formats:
{formats}

examples:
  incidents export crisis.json --to parquet crisis-tables
  incidents export crisis.json --to duckdb crisis.duckdb
  incidents export crisis.json --to plover crisis.plover.jsonl --force""",
        exit_codes(
            "the output written",
            "the input has errors (nothing written)",
            "usage error, a file that cannot be read or written, or the extra missing",
        ),
    )
    parser.add_argument(
        "input", metavar="DATA", help="the dataset to read, or - for standard input"
    )
    parser.add_argument(
        "--to", required=True, choices=tuple(EXPORT_FORMATS), help="the format to write"
    )
    parser.add_argument("output", metavar="OUT", help="the folder or file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing output")
    parser.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return run_export(options.input, options.to, options.output, options.force)


def run_export(source: str, to: ExportFormat, target: str, force: bool) -> int:
    """Export ``source`` as ``to`` to ``target``; the exit code."""
    from incidents.cli.inputs import load, single
    from incidents.errors import FileError, MissingExtraError
    from incidents.tables.export import export

    item = single(source)
    if isinstance(item, str):
        return fail(item)
    dataset = load(item, check=True)
    if isinstance(dataset, int):
        return dataset
    try:
        message = export(dataset, to, target, force)
    except (FileError, MissingExtraError) as error:
        return fail(str(error))
    print(f"incidents: {message}", file=sys.stderr)
    return OK
