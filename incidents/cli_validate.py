"""``incidents validate``: check files and report every problem, as text or as JSON.

Text output is one line a problem, ``path:line:column: CODE message (at location)``, then a
summary line. JSON output (``--format json``) is one document with every file's problems
and the summary; for JSON Lines files those problems are gathered in memory until the end,
which the text output never does. Exit codes: 0 every file valid (warnings allowed unless
``--strict``), 1 problems found, 2 a usage or input/output error.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import IO, Any, Final

import attrs

from incidents.cli_inputs import Format, Input, expand, format_of, opened
from incidents.codes import Severity
from incidents.errors import FileError
from incidents.jsonl_validation import validate_jsonl
from incidents.report import Problem
from incidents.validation import MAX_DOCUMENT_BYTES, validate

__all__ = ["ProgressBar", "Tally", "describe_problem", "plural", "problems_in", "run"]

#: Exit codes.
OK: Final = 0
PROBLEMS: Final = 1
FAILURE: Final = 2


def problems_in(
    stream: IO[bytes], format_: Format, progress: Callable[[int, int], None] | None = None
) -> Iterator[Problem]:
    """Every problem in an open input of the given format (JSON Lines as a stream)."""
    if format_ == "jsonl":
        yield from validate_jsonl(stream, progress)
        return
    start = stream.tell()
    size = stream.seek(0, 2) - start
    stream.seek(start)
    if size > MAX_DOCUMENT_BYTES:
        message = f"the document is {size} bytes; the limit is {MAX_DOCUMENT_BYTES}"
        yield Problem(code="E108", message=message)
        return
    yield from validate(stream.read(MAX_DOCUMENT_BYTES + 1)).problems


def describe_problem(name: str, problem: Problem) -> str:
    """``path:line:column: CODE message (at location)``; the column, the line or the
    location left out when unknown."""
    where = name
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    text = f"{where}: {problem.code} {problem.message}"
    return f"{text} (at {problem.location})" if problem.location else text


@attrs.define
class Tally:
    """What the files held: counts for the summary and the exit code."""

    strict: bool = False
    files: int = 0
    invalid: int = 0
    unreadable: int = 0
    errors: int = 0
    warnings: int = 0

    def add(self, problems: list[Problem] | None = None, counts: tuple[int, int] = (0, 0)) -> bool:
        """Count one file from its problems (or its error and warning counts); whether it
        passes."""
        errors, warnings = counts
        if problems is not None:
            errors = sum(problem.severity is Severity.ERROR for problem in problems)
            warnings = len(problems) - errors
        self.files += 1
        self.errors += errors
        self.warnings += warnings
        passed = errors == 0 and not (self.strict and warnings)
        self.invalid += not passed
        return passed

    def exit_code(self) -> int:
        if self.unreadable:
            return FAILURE
        return PROBLEMS if self.invalid else OK

    def summary(self) -> str:
        """``2 files checked: 1 invalid, 5 errors, 1 warning``."""
        text = (
            f"{plural(self.files, 'file')} checked: {self.invalid} invalid, "
            f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}"
        )
        if self.unreadable:
            text += f", {self.unreadable} unreadable"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.exit_code() == OK,
            "files": self.files,
            "invalid": self.invalid,
            "unreadable": self.unreadable,
            "errors": self.errors,
            "warnings": self.warnings,
        }


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


class ProgressBar:
    """A one-line progress bar drawn with carriage returns on a terminal.

    Nothing is drawn unless ``stream`` is a terminal, nor before ``delay`` seconds of work,
    nor more than ten times a second. :meth:`clear` wipes it before other output.
    """

    def __init__(
        self,
        stream: IO[str],
        delay: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        width: int = 30,
    ) -> None:
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(isatty and isatty())
        self.stream = stream
        self.delay = delay
        self.clock = clock
        self.width = width
        self.started = clock()
        self.drawn_at = float("-inf")
        self.shown = 0

    def update(self, fraction: float, label: str) -> None:
        """Show ``fraction`` (0 to 1) of the work done, while working on ``label``."""
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or now - self.drawn_at < 0.1:
            return
        self.drawn_at = now
        fraction = min(max(fraction, 0.0), 1.0)
        filled = round(fraction * self.width)
        if len(label) > 36:
            label = "..." + label[-33:]
        bar = "#" * filled + "." * (self.width - filled)
        text = f"{label} [{bar}] {fraction:4.0%}"
        padding = " " * max(self.shown - len(text), 0)
        self.stream.write(f"\r{text}{padding}")
        self.stream.flush()
        self.shown = len(text)

    def clear(self) -> None:
        """Wipe the bar, if it is shown."""
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0


def run(
    paths: list[str],
    output_format: str,
    strict: bool,
    stdout: IO[str],
    stderr: IO[str],
    progress: ProgressBar | None = None,
) -> int:
    """Validate the files ``paths`` name; print the report; return the exit code."""
    inputs, failures = expand(paths)
    tally = Tally(strict=strict)
    report: list[dict[str, Any]] = []
    unreadable: list[dict[str, str]] = []
    bar = progress or ProgressBar(stderr)
    text = output_format == "text"

    def fail(name: str, reason: str) -> None:
        bar.clear()
        print(f"incidents: {name}: {reason}", file=stderr)
        unreadable.append({"path": name, "reason": reason})
        tally.unreadable += 1

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
                    counts = _print_problems(item, problems, stdout, bar)
                    tally.add(counts=counts)
                else:
                    found = list(problems)
                    passed = tally.add(found)
                    entry = {"path": item.name, "ok": passed}
                    report.append({**entry, "problems": [p.to_dict() for p in found]})
        except FileError as error:
            fail(item.name, error.reason)
    bar.clear()
    if text:
        print(tally.summary(), file=stdout)
    else:
        document = {"files": report, "unreadable": unreadable, "summary": tally.to_dict()}
        print(json.dumps(document, ensure_ascii=False, indent=2), file=stdout)
    return tally.exit_code()


def _print_problems(
    item: Input, problems: Iterator[Problem], stdout: IO[str], bar: ProgressBar
) -> tuple[int, int]:
    """Print the problems as they come; (errors, warnings)."""
    errors = warnings = 0
    for problem in problems:
        bar.clear()
        print(describe_problem(item.name, problem), file=stdout)
        if problem.severity is Severity.ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
