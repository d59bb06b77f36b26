"""``incidents query``: SQL over a dataset's tables with embedded DuckDB.

DATA is a dataset file (.json, .jsonl, .xml), a folder of Parquet files or a DuckDB
database written by ``incidents export``. The query sees the tables and nothing else (no
files, no extensions, no network). A query DuckDB refuses is one line on standard error
and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from incidents.cli.console import OK, Subcommands, exit_codes, fail, subcommand
from incidents.tables.columns import TABLE_NAMES
from incidents.tables.formats import OUTPUT_FORMATS, OutputFormat

__all__ = ["add_parser", "run_query"]


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents query`` to the command line."""
    parser = subcommand(
        commands,
        "query",
        "run SQL over a dataset's tables (embedded DuckDB)",
        "Run an SQL query over the tables of a dataset with embedded DuckDB and print the "
        "result (needs the 'tables' extra: pip install 'incidents[tables]'). DATA is a "
        "dataset file, or a Parquet folder or DuckDB database written by incidents export. "
        f"The tables: {', '.join(TABLE_NAMES)}.",
        """examples:
  incidents query crisis.json "SELECT kind, count(*) AS n FROM measures GROUP BY kind"
  incidents query crisis-tables "SELECT * FROM claims WHERE field = 'count'" --format csv""",
        exit_codes(
            "the result printed",
            "the input has errors",
            "usage error, bad SQL, a file that cannot be read, or the extra missing",
        ),
    )
    parser.add_argument("input", metavar="DATA", help="a dataset file, Parquet folder or .duckdb")
    parser.add_argument("sql", metavar="SQL", help="the query")
    parser.add_argument(
        "--format", choices=OUTPUT_FORMATS, default="table", help="how to print the result"
    )
    parser.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return run_query(options.input, options.sql, options.format)


def _tables(source: str) -> dict[str, Any] | int:
    """The tables of DATA, or the exit code (problems printed)."""
    from incidents.cli.inputs import load, single
    from incidents.tables.build import tables
    from incidents.tables.files import read_duckdb, read_parquet

    path = Path(source)
    if path.is_dir():
        return read_parquet(path)
    if path.suffix.lower() == ".duckdb":
        return read_duckdb(path)
    item = single(source)
    if isinstance(item, str):
        return fail(item)
    dataset = load(item, check=False)
    return dataset if isinstance(dataset, int) else tables(dataset)


def run_query(source: str, sql: str, format_: OutputFormat) -> int:
    """Run ``sql`` over the tables of ``source`` and print the result; the exit code."""
    from incidents.errors import FileError, MissingExtraError, QueryError
    from incidents.tables.query import format_result, query

    try:
        found = _tables(source)
        if isinstance(found, int):
            return found
        result = query(found, sql)
    except (FileError, MissingExtraError, QueryError) as error:
        return fail(str(error))
    sys.stdout.write(format_result(result, format_))
    return OK
