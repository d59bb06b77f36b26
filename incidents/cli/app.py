"""The ``incidents`` command (also ``python -m incidents``): the parser and the dispatch.

Every subcommand has ``--help``. Exit codes are the same for all: 0 success, 1 problems in
the input (an invalid dataset), 2 a usage error or a file that cannot be read or written,
128 + the signal's number when interrupted (130 SIGINT, 143 SIGTERM, 129 SIGHUP) and 141
when standard output is closed before the end (``| head``).
Errors are one line on standard error, never a traceback. A mistyped command or option is
answered with the nearest one (``difflib``, as ``incidents vocab`` does for vocabularies).

Building the parser imports only ``argparse`` and the subcommand modules, which load the
readers and validators inside their handlers: ``incidents --version`` and ``--help`` stay
fast.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence

import incidents._signals as _signals
from incidents._version import __version__
from incidents.cli.console import CLOSED_OUTPUT, EXIT_CODES, FAILURE, fail, verbosity_options
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

__all__ = ["main", "parse", "parser"]


def parser() -> argparse.ArgumentParser:
    """The command line's argument parser."""
    main_parser = argparse.ArgumentParser(
        prog="incidents",
        description="Validate, convert, summarise, export and query datasets of diplomatic\n"
        "incidents (JSON, JSON Lines and XML). -q and -v may come before or after the command.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[verbosity_options(after_command=False)],
    )
    main_parser.add_argument(
        "-V", "--version", action="version", version=f"incidents {__version__}"
    )
    commands = main_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    subcommands = (add_validate, add_convert, add_export, add_query, add_schema, add_show)
    for add in (*subcommands, add_plot, add_vocab, add_merge, add_diff):
        add(commands)
    return main_parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The options ``argv`` (default: the process arguments) gives; a usage error (exit 2)
    names the nearest command or option to a mistyped one."""
    main_parser = parser()
    arguments = sys.argv[1:] if argv is None else list(argv)
    commands = _commands(main_parser)
    command = _command_in(arguments)
    if command is not None and command not in commands:
        near = difflib.get_close_matches(command, list(commands), n=1)
        hint = f"did you mean {near[0]!r}?" if near else f"choose from {', '.join(commands)}"
        main_parser.error(f"unknown command {command!r}; {hint}")
    options, extras = main_parser.parse_known_args(arguments)
    if extras:
        subparser = commands[options.command]
        known = [*_option_strings(main_parser), *_option_strings(subparser)]
        words = [_with_suggestion(extra, known) for extra in extras]
        subparser.error(f"unrecognized arguments: {' '.join(words)}")
    return options


def _commands(main_parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in main_parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}  # pragma: no cover - the parser always has its subcommands


def _command_in(arguments: list[str]) -> str | None:
    """The command among the arguments: the first that is not an option (no option before
    the command takes a value)."""
    for position, argument in enumerate(arguments):
        if argument == "--":
            return arguments[position + 1] if position + 1 < len(arguments) else None
        if not argument.startswith("-") or argument == "-":
            return argument
    return None


def _option_strings(command: argparse.ArgumentParser) -> list[str]:
    return [flag for action in command._actions for flag in action.option_strings]


def _with_suggestion(argument: str, known: list[str]) -> str:
    """``--strct (did you mean --strict?)`` for an option near a known one."""
    if not argument.startswith("-"):
        return argument
    near = difflib.get_close_matches(argument.split("=", 1)[0], known, n=1)
    return f"{argument} (did you mean {near[0]}?)" if near else argument


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: the process arguments); the exit code.

    In the ``incidents`` command itself, SIGINT, SIGTERM and SIGHUP interrupt it the same
    way (:mod:`incidents._signals`): what it was writing is removed, ``incidents:
    interrupted`` is said, and the exit code is 128 + the signal's number.
    """
    command_line = _signals.installed()
    try:
        if command_line:
            _signals.running()
        return _run(argv)
    except KeyboardInterrupt as interrupt:
        print("incidents: interrupted", file=sys.stderr)
        return _signals.exit_code(interrupt)
    finally:
        if command_line:  # ending now writes nothing more: back to a quiet exit
            _signals.starting()


def _run(argv: list[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # characters the terminal cannot show become escapes
            reconfigure(errors="backslashreplace")
    try:
        options = parse(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else FAILURE
    try:
        code: int = options.handler(options)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except IncidentsError as error:  # anything the library refused, said in one line
        return fail(str(error))
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return CLOSED_OUTPUT
