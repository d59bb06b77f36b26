"""``incidents export``: a dataset as tables (Parquet, CSV, DuckDB) or event-data rows.

The output is written atomically: a folder is written beside the target and renamed into
place, a file likewise. An existing output is refused unless ``--force``. What was written
is said on standard error. A collection folder with ``--jobs N`` or ``--scheduler ADDRESS``
(or ``DASK_SCHEDULER_ADDRESS`` set) is validated and exported to Parquet on Dask, one task a
file, as a dataset partitioned by year and month (:mod:`incidents.distributed.export`).
"""

from __future__ import annotations

import argparse
import sys

from incidents.cli.cluster import Dask, add_dask_options, progress_line
from incidents.cli.console import (
    OK,
    PROBLEMS,
    ProgressBar,
    Subcommands,
    describe_problem,
    exit_codes,
    fail,
    subcommand,
)
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
  incidents export crisis.json --to plover crisis.plover.jsonl --force
  incidents export shards/ --to parquet shards-parquet --jobs 2""",
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
    add_dask_options(parser, "export a collection folder to partitioned Parquet on Dask")
    parser.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    dask = Dask.of(options)
    if dask is not None:
        verbose = options.verbosity == "verbose"
        return run_dask_export(
            options.input, options.to, options.output, options.force, dask, verbose
        )
    return run_export(options.input, options.to, options.output, options.force)


def run_dask_export(
    source: str, to: ExportFormat, target: str, force: bool, dask: Dask, verbose: bool = False
) -> int:
    """Validate the collection ``source`` and export it to Parquet on Dask; the exit code."""
    from incidents.collection.report import FileProblem
    from incidents.distributed.cluster import engine
    from incidents.distributed.export import export_collection
    from incidents.distributed.validate import validate_collection
    from incidents.errors import CollectionError, FileError, MissingExtraError

    if to != "parquet":
        return fail(f"--jobs and --scheduler export to Parquet only (--to parquet), not {to}")
    bar = ProgressBar(sys.stderr)
    try:
        with engine(None, dask.jobs, dask.scheduler, "incidents export on Dask") as client:
            progress = progress_line(bar, sys.stderr if verbose else None, source)
            report = validate_collection(source, client=client, progress=progress)
            bar.clear()
            if not report.ok:
                for problem in report.problems:
                    name = problem.file if isinstance(problem, FileProblem) else source
                    print(describe_problem(name, problem), file=sys.stdout)
                print(f"incidents: {source} has errors; nothing written", file=sys.stderr)
                return PROBLEMS
            message = export_collection(source, target, client=client, force=force)
    except (FileError, MissingExtraError, CollectionError) as error:
        return fail(str(error))
    print(f"incidents: {message}", file=sys.stderr)
    return OK


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
