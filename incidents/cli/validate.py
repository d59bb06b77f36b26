"""``incidents validate``: check files and report every problem, as text or as JSON.

Text output is one line a problem, ``path:line:column: CODE message (at location)``, then a
summary line (left out with ``-q``; with ``-v``, a verdict line after each file). A path
that names no file (an empty folder, a glob that matches nothing) is said on standard error
and in the summary line, with the reason. JSON output (``--format json``) is one document
with every file's problems and the summary; for JSON Lines files those problems are gathered
in memory until the end, which the text output never does. Exit codes: 0 every file valid
(warnings allowed unless ``--strict``), 1 problems found, 2 a usage or input/output error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

import attrs

from incidents.cli.cluster import Dask, add_dask_options, progress_line
from incidents.cli.console import (
    FAILURE,
    OK,
    PROBLEMS,
    ProgressBar,
    Style,
    Subcommands,
    Verbosity,
    describe_problem,
    exit_codes,
    plural,
    subcommand,
    verdict,
)

if TYPE_CHECKING:
    from incidents.validation.report import Problem

__all__ = ["Tally", "add_parser", "run"]


@attrs.define
class Tally:
    """What the files held: counts for the summary and the exit code."""

    strict: bool = False
    files: int = 0
    invalid: int = 0
    errors: int = 0
    warnings: int = 0
    #: Every path that could not be read, with the reason.
    unreadable: list[tuple[str, str]] = attrs.Factory(list)

    def add(self, problems: list[Problem] | None = None, counts: tuple[int, int] = (0, 0)) -> bool:
        """Count one file from its problems (or its error and warning counts); whether it
        passes."""
        errors, warnings = counts
        if problems is not None:
            errors = sum(problem.severity == "error" for problem in problems)
            warnings = len(problems) - errors
        self.files += 1
        self.errors += errors
        self.warnings += warnings
        passed = self.passes(errors, warnings)
        self.invalid += not passed
        return passed

    def passes(self, errors: int, warnings: int) -> bool:
        """Whether a file with these counts is valid (warnings fail only when strict)."""
        return errors == 0 and not (self.strict and warnings)

    def exit_code(self) -> int:
        if self.unreadable:
            return FAILURE
        return PROBLEMS if self.invalid else OK

    def summary(self) -> str:
        """``2 files checked: 1 invalid, 5 errors, 1 warning``; what could not be read, and
        why, at the end (``no files checked: empty/: no .json, .jsonl or .xml files in this
        folder`` when nothing could)."""
        reasons = "; ".join(f"{path}: {reason}" for path, reason in self.unreadable)
        if not self.files and self.unreadable:
            return f"no files checked: {reasons}"
        text = (
            f"{plural(self.files, 'file')} checked: {self.invalid} invalid, "
            f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}"
        )
        if self.unreadable:
            text += f", {len(self.unreadable)} unreadable ({reasons})"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.exit_code() == OK,
            "files": self.files,
            "invalid": self.invalid,
            "unreadable": len(self.unreadable),
            "errors": self.errors,
            "warnings": self.warnings,
        }


def run(
    paths: list[str],
    output_format: str,
    strict: bool,
    stdout: IO[str],
    stderr: IO[str],
    progress: ProgressBar | None = None,
    verbosity: Verbosity = "normal",
    collection: bool = False,
    dask: Dask | None = None,
) -> int:
    """Validate the files ``paths`` name; print the report; return the exit code.

    Folders with an ``incidents.toml`` (every folder given, with ``collection``) are checked
    as collections, their files together; on Dask when ``dask`` says where."""
    from incidents.cli.collections import collection_roots, inside
    from incidents.cli.inputs import expand, format_of, opened, problems_in
    from incidents.errors import FileError, MissingExtraError

    roots, paths = collection_roots(paths, collection)
    inputs, failures = expand(paths) if paths else ([], [])
    inputs = [item for item in inputs if not inside(item.path, roots)]
    tally = Tally(strict=strict)
    report: list[dict[str, Any]] = []
    bar = progress or ProgressBar(stderr)
    text = output_format == "text"
    style = Style.of(stdout)

    def fail(name: str, reason: str) -> None:
        bar.clear()
        print(f"incidents: {name}: {reason}", file=stderr)
        tally.unreadable.append((name, reason))
        if text and verbosity == "verbose":
            print(f"{name}: {style.paint('unreadable', 'error')} ({reason})", file=stdout)

    for argument, reason in failures:
        fail(argument, reason)
    for position, item in enumerate(inputs):
        bar.update(position / len(inputs), item.name)

        def advance(done: int, total: int, position: int = position, name: str = item.name) -> None:
            bar.update((position + done / max(total, 1)) / len(inputs), name)

        try:
            with opened(item) as stream:
                problems = problems_in(stream, format_of(item, stream), advance)
                if text:
                    errors, warnings = _print_problems(item.name, problems, stdout, bar, style)
                    passed = tally.add(counts=(errors, warnings))
                    if verbosity == "verbose":
                        said = verdict(passed, errors, warnings)
                        print(f"{item.name}: {style.paint(said, _role(passed))}", file=stdout)
                else:
                    found = list(problems)
                    passed = tally.add(found)
                    entry = {"path": item.name, "ok": passed}
                    report.append({**entry, "problems": [p.to_dict() for p in found]})
        except FileError as error:
            fail(item.name, error.reason)
    for root in roots:
        shown = stdout if text else None
        verbose = verbosity == "verbose"
        try:
            report += _check_collection(root, shown, bar, tally, style, verbose, dask, stderr)
        except MissingExtraError as error:
            fail(str(root), str(error))
    bar.clear()
    if not text:
        unreadable = [{"path": path, "reason": reason} for path, reason in tally.unreadable]
        document = {"files": report, "unreadable": unreadable, "summary": tally.to_dict()}
        print(json.dumps(document, ensure_ascii=False, indent=2), file=stdout)
    elif verbosity != "quiet":
        print(style.paint(tally.summary(), _role(tally.exit_code() == OK)), file=stdout)
    return tally.exit_code()


def _role(passed: bool) -> Literal["ok", "error"]:
    return "ok" if passed else "error"


def _print_problems(
    name: str, problems: Iterator[Problem], stdout: IO[str], bar: ProgressBar, style: Style
) -> tuple[int, int]:
    """Print the problems as they come; (errors, warnings)."""
    errors = warnings = 0
    for problem in problems:
        bar.clear()
        print(describe_problem(name, problem, style), file=stdout)
        if problem.severity == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def _check_collection(
    root: Path,
    stdout: IO[str] | None,
    bar: ProgressBar,
    tally: Tally,
    style: Style,
    verbose: bool = False,
    dask: Dask | None = None,
    stderr: IO[str] | None = None,
) -> list[dict[str, Any]]:
    """Validate one collection (on Dask when ``dask`` says where): its problems printed on
    ``stdout`` as they come for text (``None`` for JSON), each file counted (and,
    ``verbose``, its verdict printed); the files' JSON entries."""
    from incidents.collection.report import FileProblem
    from incidents.distributed.validate import validate_collection

    bar.update(0.0, str(root))
    if dask is None:
        report = validate_collection(root)
    else:
        progress = progress_line(bar, stderr if verbose else None, str(root))
        report = validate_collection(
            root, jobs=dask.jobs, scheduler=dask.scheduler, progress=progress
        )
    by_file: dict[str, list[Problem]] = {name: [] for name in report.files}
    for problem in report.problems:
        name = problem.file if isinstance(problem, FileProblem) else str(root)
        by_file.setdefault(name, []).append(problem)
        if stdout is not None:
            bar.clear()
            print(describe_problem(name, problem, style), file=stdout)
    entries = []
    for name, problems in by_file.items():
        passed = tally.add(problems)
        if stdout is not None and verbose:
            errors = sum(problem.severity == "error" for problem in problems)
            said = verdict(passed, errors, len(problems) - errors)
            print(f"{name}: {style.paint(said, _role(passed))}", file=stdout)
        entries.append({"path": name, "ok": passed, "problems": [p.to_dict() for p in problems]})
    return entries


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents validate`` to the command line."""
    validate = subcommand(
        commands,
        "validate",
        "check dataset files and report every problem",
        "Check dataset files: syntax, the JSON Schema or XSD, the record rules and the rules "
        "across records. Prints one line a problem, path:line:column: CODE message, then a "
        "summary (-q: the problems only; -v: also each file with its verdict). JSON Lines "
        "files are checked as a stream, in memory that does not grow with the file.",
        """examples:
  incidents validate examples/
  incidents validate -v 'data/**/*.jsonl' --strict
  cat dataset.xml | incidents validate -
  incidents validate --format json data/ > report.json
  incidents validate --collection data/
  incidents validate --collection shards/ --jobs 2
  incidents validate --collection shards/ --scheduler tcp://10.0.0.5:8786""",
        exit_codes(
            "every file is valid (warnings allowed unless --strict)",
            "problems found: a file has errors (or warnings, with --strict)",
            "usage error, or a path that names no readable file (no such file, an empty "
            "folder,\n     a glob that matches nothing, permission denied)",
        ),
        quiet="print only the problems (no summary line)",
        verbose="list every file with its verdict, then the summary",
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
    validate.add_argument(
        "--collection",
        action="store_true",
        help="check each folder PATH as one collection (references resolve across its "
        "files); a folder with an incidents.toml is one anyway",
    )
    add_dask_options(validate, "check each collection on Dask")
    validate.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return run(
        options.paths,
        options.format,
        options.strict,
        sys.stdout,
        sys.stderr,
        None,
        options.verbosity,
        options.collection,
        Dask.of(options),
    )
