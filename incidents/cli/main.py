"""The ``incidents`` command (also ``python -m incidents``): the parser and the dispatch.

Every subcommand has ``--help``. Exit codes are the same for all: 0 success, 1 problems in
the input (an invalid dataset), 2 a usage error or a file that cannot be read or written.
Errors are one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from incidents._version import __version__
from incidents.cli.console import EXIT_CODES, FAILURE, PROBLEMS, fail
from incidents.cli.convert import add_parser as add_convert
from incidents.cli.diff import add_parser as add_diff
from incidents.cli.export import add_parser as add_export
from incidents.cli.merge import add_parser as add_merge
from incidents.cli.plot import add_parser as add_plot
from incidents.cli.query import add_parser as add_query
from incidents.cli.schema import add_parser as add_schema
from incidents.cli.show import add_parser as add_show
from incidents.cli.validate import add_parser as add_validate
from incidents.cli.vocab import add_parser as add_vocab
from incidents.errors import IncidentsError

__all__ = ["main", "parser"]


def parser() -> argparse.ArgumentParser:
    """The command line's argument parser."""
    main_parser = argparse.ArgumentParser(
        prog="incidents",
        description="Validate, convert, summarise, export and query datasets of diplomatic\n"
        "incidents (JSON, JSON Lines and XML).",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    main_parser.add_argument("--version", action="version", version=f"incidents {__version__}")
    commands = main_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    subcommands = (add_validate, add_convert, add_export, add_query, add_schema, add_show)
    for add in (*subcommands, add_plot, add_vocab, add_merge, add_diff):
        add(commands)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: the process arguments); the exit code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # characters the terminal cannot show become escapes
            reconfigure(errors="backslashreplace")
    try:
        options = parser().parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else FAILURE
    try:
        code: int = options.handler(options)
        return code
    except IncidentsError as error:  # anything the library refused, said in one line
        return fail(str(error))
    except KeyboardInterrupt:
        print("incidents: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return PROBLEMS
