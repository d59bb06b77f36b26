"""What every subcommand shares: exit codes, one-line messages, the shape of its help.

Exit codes are the same for all subcommands: 0 success, 1 problems in the input (an invalid
dataset), 2 a usage error or a file that cannot be read or written. Errors are one line on
standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections.abc import Callable
from typing import IO, Final

from incidents.validation.report import Problem

__all__ = [
    "EXIT_CODES",
    "FAILURE",
    "OK",
    "PROBLEMS",
    "ProgressBar",
    "Subcommands",
    "describe_problem",
    "fail",
    "plural",
    "subcommand",
]

#: Exit codes.
OK: Final = 0
PROBLEMS: Final = 1
FAILURE: Final = 2

#: The exit codes as every ``--help`` ends.
EXIT_CODES: Final = """exit codes:
  0  success
  1  problems found in the input
  2  usage error, or a file that cannot be read or written"""

#: The collection of subcommand parsers each subcommand module adds itself to.
Subcommands = argparse._SubParsersAction  # the type argparse gives no public name


def subcommand(
    commands: Subcommands[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    examples: str,
) -> argparse.ArgumentParser:
    """Add the parser of one subcommand: its summary in the main help, its description
    wrapped, its examples and the exit codes after its options."""
    return commands.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, 79),
        epilog=f"{examples}\n\n{EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def fail(message: str) -> int:
    """Print ``incidents: message`` on standard error; the exit code of a failure."""
    print(f"incidents: {message}", file=sys.stderr)
    return FAILURE


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
