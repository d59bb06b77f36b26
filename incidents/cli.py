"""The ``incidents`` command (also ``python -m incidents``): validate, convert, schema, show.

Every subcommand has ``--help``. Exit codes are the same for all: 0 success, 1 problems in
the input (an invalid dataset), 2 a usage error or a file that cannot be read or written.
Errors are one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from pathlib import Path
from typing import Final

from incidents import __version__
from incidents.cli_inputs import STDIN, SUFFIXES, Format, Input, expand, format_of, opened
from incidents.cli_validate import (
    FAILURE,
    OK,
    PROBLEMS,
    describe_problem,
    plural,
    problems_in,
    run,
)
from incidents.codes import Severity
from incidents.dataset import Dataset
from incidents.diagrams import escalation_graph, timeline
from incidents.errors import FileError, IncidentsError, ParseError
from incidents.files import write, write_bytes
from incidents.json_format import from_json, to_json
from incidents.jsonl import from_jsonl, to_jsonl
from incidents.report import Problem, path_to_pointer
from incidents.schema_json import json_schema_text
from incidents.schema_xsd import xml_schema
from incidents.summary import render
from incidents.xml_format import from_xml, to_xml

__all__ = ["main", "parser"]

_EXIT_CODES: Final = """exit codes:
  0  success
  1  problems found in the input
  2  usage error, or a file that cannot be read or written"""


def parser() -> argparse.ArgumentParser:
    """The command line's argument parser."""
    main_parser = argparse.ArgumentParser(
        prog="incidents",
        description="Validate, convert and summarise datasets of diplomatic incidents\n"
        "(JSON, JSON Lines and XML).",
        epilog=_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    main_parser.add_argument("--version", action="version", version=f"incidents {__version__}")
    commands = main_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = _command(
        commands,
        "validate",
        "check dataset files and report every problem",
        "Check dataset files: syntax, the JSON Schema or XSD, the record rules and the rules "
        "across records. Prints one line a problem, path:line:column: CODE message, then a "
        "summary. JSON Lines files are checked as a stream, in memory that does not grow "
        "with the file.",
        """examples:
  incidents validate examples/
  incidents validate 'data/**/*.jsonl' --strict
  cat dataset.xml | incidents validate -
  incidents validate --format json data/ > report.json""",
    )
    validate.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a folder (searched for .json, .jsonl and .xml files), a glob, or - "
        "for standard input",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one line a problem (default); json: one JSON document for machines",
    )
    validate.add_argument("--strict", action="store_true", help="warnings fail too")

    convert = _command(
        commands,
        "convert",
        "convert a dataset between JSON, JSON Lines and XML",
        "Convert a dataset file; the suffixes (.json, .jsonl, .xml) pick the formats. The "
        "input is validated first: if it has errors, they are printed and nothing is "
        "written. The output is written atomically (never a partial file), and never over "
        "the input.",
        """examples:
  incidents convert crisis.json crisis.xml
  incidents convert crisis.xml --to jsonl > crisis.jsonl
  cat crisis.json | incidents convert - --to xml""",
    )
    convert.add_argument("input", metavar="IN", help="the dataset to read, or - for standard input")
    convert.add_argument("output", metavar="OUT", nargs="?", help="the file to write")
    convert.add_argument(
        "--to",
        choices=tuple(SUFFIXES.values()),
        help="write this format to standard output instead of a file",
    )

    schema = _command(
        commands,
        "schema",
        "print or write the bundled JSON Schema or XSD",
        "Print the schema of dataset documents that ships with the library: the JSON Schema "
        "(draft 2020-12) or the XSD, exactly as committed under schemas/.",
        """examples:
  incidents schema > incidents.schema.json
  incidents schema --format xsd -o incidents.xsd""",
    )
    schema.add_argument(
        "--format", choices=("json", "xsd"), default="json", help="which schema (default json)"
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write it here (atomically)")

    show = _command(
        commands,
        "show",
        "summarise a dataset: counts, timeline, contested facts",
        "Print a readable summary of a dataset: how many records of each kind, a timeline "
        "of incidents and measures with what each responds to, and the contested facts "
        "(claims that disagree) with their claimants and sources.",
        """examples:
  incidents show examples/russia-azerbaijan-2025.json
  incidents show --format graph examples/russia-azerbaijan-2025.json > crisis.mmd""",
    )
    show.add_argument("path", metavar="PATH", help="the dataset to read, or - for standard input")
    show.add_argument(
        "--format",
        choices=("text", "graph", "timeline"),
        default="text",
        help="text: the summary (default); graph: a Mermaid escalation graph of incidents and "
        "measures; timeline: a Mermaid timeline",
    )
    return main_parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    examples: str,
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, 79),
        epilog=f"{examples}\n\n{_EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


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
        if options.command == "validate":
            return run(options.paths, options.format, options.strict, sys.stdout, sys.stderr)
        if options.command == "convert":
            return _convert(options.input, options.output, options.to)
        if options.command == "schema":
            return _schema(options.format, options.output)
        return _show(options.path, options.format)
    except IncidentsError as error:  # anything the library refused, said in one line
        return _fail(str(error))
    except KeyboardInterrupt:
        print("incidents: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return PROBLEMS


def _fail(message: str) -> int:
    print(f"incidents: {message}", file=sys.stderr)
    return FAILURE


def _single(path: str) -> Input | str:
    """The one input ``path`` names (a file or -), or why it names none."""
    inputs, failures = expand([path])
    if failures:
        return f"{path}: {failures[0][1]}"
    if len(inputs) != 1 or Path(path).is_dir():
        return f"{path}: expected one file"
    return inputs[0]


def _load(item: Input, check: bool) -> Dataset | int:
    """Read the input (after validating it, with ``check``); or the exit code, problems
    printed on standard error."""
    try:
        with opened(item) as stream:
            format_ = format_of(item, stream)
            if check:
                start = stream.tell()
                problems = list(problems_in(stream, format_))
                for problem in problems:
                    print(describe_problem(item.name, problem), file=sys.stderr)
                errors = sum(problem.severity is Severity.ERROR for problem in problems)
                if errors:
                    message = f"{item.name}: {plural(errors, 'error')}; nothing written"
                    print(f"incidents: {message}", file=sys.stderr)
                    return PROBLEMS
                stream.seek(start)
            return _parse(stream.read(), format_)
    except FileError as error:
        return _fail(str(error))
    except ParseError as error:
        for found in error.problems:
            problem = Problem(
                code=found.code,
                message=found.message,
                location=path_to_pointer(found.path) if found.path.startswith("$") else found.path,
                line=found.line,
                column=found.column,
            )
            print(describe_problem(item.name, problem), file=sys.stderr)
        count = plural(len(error.problems), "problem")
        print(f"incidents: {item.name}: not read as a dataset ({count})", file=sys.stderr)
        return PROBLEMS


def _parse(data: bytes, format_: Format) -> Dataset:
    if format_ == "jsonl":
        return from_jsonl(data)
    return from_xml(data) if format_ == "xml" else from_json(data)


def _serialise(dataset: Dataset, format_: Format) -> bytes:
    if format_ == "xml":
        return to_xml(dataset)
    return (to_jsonl if format_ == "jsonl" else to_json)(dataset).encode("utf-8")


def _convert(source: str, target: str | None, to: Format | None) -> int:
    if (target is None) == (to is None):
        return _fail("convert: give an output file OUT or --to FORMAT (one of the two)")
    item = _single(source)
    if isinstance(item, str):
        return _fail(item)
    if target is not None:
        suffix = Path(target).suffix.lower()
        if suffix not in SUFFIXES:
            known = ", ".join(SUFFIXES)
            return _fail(f"{target}: unknown file type {suffix or '(none)'!r}; use one of {known}")
        if item.path is not None and _same_file(item.path, Path(target)):
            return _fail(f"{target}: is the input file; convert never overwrites its input")
    dataset = _load(item, check=True)
    if isinstance(dataset, int):
        return dataset
    try:
        if target is not None:
            write(dataset, target)
        else:
            payload = _serialise(dataset, to or "json")
            sys.stdout.flush()
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
    except FileError as error:
        return _fail(str(error))
    return OK


def _same_file(first: Path, second: Path) -> bool:
    """Whether the two paths name one file (links and relative paths resolved)."""
    if first.exists() and second.exists():
        return os.path.samefile(first, second)
    return first.resolve() == second.resolve()


def _schema(format_: str, output: str | None) -> int:
    payload = json_schema_text().encode("utf-8") if format_ == "json" else xml_schema()
    try:
        if output is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        else:
            write_bytes(payload, output)
    except FileError as error:
        return _fail(str(error))
    return OK


def _show(path: str, form: str = "text") -> int:
    item = _single(path)
    if isinstance(item, str):
        return _fail(item)
    dataset = _load(item, check=False)
    if isinstance(dataset, int):
        return dataset
    if form == "graph":
        sys.stdout.write(escalation_graph(dataset))
    elif form == "timeline":
        sys.stdout.write(timeline(dataset))
    else:
        title = STDIN if item.path is None else item.name
        sys.stdout.write(render(dataset, title=title))
    return OK
