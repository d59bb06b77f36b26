"""What every subcommand shares: exit codes, one-line messages, colour, the shape of its help.

Exit codes are the same for all subcommands: 0 success, 1 problems in the input (an invalid
dataset), 2 a usage error or a file that cannot be read or written, 128 + the signal's
number when interrupted, 141 when standard output was closed before the end. Errors are one line on
standard error, never a traceback. This module imports nothing heavy: the parser, and so
``incidents --version``, is built from it without loading the readers or the validators.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
import time
from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from incidents.validation.report import Problem

__all__ = [
    "CLOSED_OUTPUT",
    "EXIT_CODES",
    "FAILURE",
    "FORMATS",
    "OK",
    "PROBLEMS",
    "QUIET",
    "VERBOSE",
    "ProgressBar",
    "Style",
    "Subcommands",
    "Verbosity",
    "describe_problem",
    "exit_codes",
    "fail",
    "plural",
    "subcommand",
    "use_colour",
    "verbosity_options",
    "verdict",
    "wrote",
]

#: Exit codes.
OK: Final = 0
PROBLEMS: Final = 1
FAILURE: Final = 2
#: Standard output closed before the end (``| head``): the output stops there, quietly. As
#: a shell reports a program SIGPIPE ended (128 + 13); never 1, which is problems found.
CLOSED_OUTPUT: Final = 141

#: The formats the command line reads and writes, by the name ``--to`` takes.
FORMATS: Final = {"json": "JSON", "jsonl": "JSON Lines", "xml": "XML"}

#: How much a subcommand says besides its output and the problems it finds: ``quiet``
#: (``-q``) leaves out summaries and what was written, ``verbose`` (``-v``) adds a line a file.
Verbosity = Literal["quiet", "normal", "verbose"]

_USAGE_OR_FILE: Final = "usage error, or a file that cannot be read or written"


def exit_codes(success: str, problems: str | None, failure: str = _USAGE_OR_FILE) -> str:
    """The ``exit codes:`` block a subcommand's help ends with; ``problems`` (exit 1) left
    out for a subcommand that reads no dataset."""
    lines = ["exit codes:", f"  0  {success}"]
    if problems is not None:
        lines.append(f"  1  {problems}")
    lines.append(f"  2  {failure}")
    lines += [
        "  130  interrupted: Ctrl-C (SIGINT); 143 for SIGTERM, 129 for SIGHUP; no partial file",
        f"  {CLOSED_OUTPUT}  standard output closed before the end (| head): output stops, quietly",
    ]
    return "\n".join(lines)


#: The exit codes as the main ``--help`` ends.
EXIT_CODES: Final = exit_codes("success", "problems found in the input")

#: The collection of subcommand parsers each subcommand module adds itself to.
Subcommands = argparse._SubParsersAction  # the type argparse gives no public name


#: What ``-q`` and ``-v`` do, unless a subcommand says it more exactly.
QUIET: Final = "say less: only the output asked for and the problems found"
VERBOSE: Final = "say more where there is more to say (validate: each file's verdict)"
_NOTHING_MORE: Final = "accepted by every command; this one has nothing more to say"


def subcommand(
    commands: Subcommands[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    examples: str,
    codes: str,
    quiet: str = QUIET,
    verbose: str = _NOTHING_MORE,
) -> argparse.ArgumentParser:
    """Add the parser of one subcommand: its summary in the main help, its description
    wrapped, its examples and its own exit codes (from :func:`exit_codes`) after its
    options. The global ``-q`` and ``-v`` are accepted after the subcommand too, with
    help that says what they do for it."""
    return commands.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, 79),
        epilog=f"{examples}\n\n{codes}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[verbosity_options(after_command=True, quiet=quiet, verbose=verbose)],
    )


def verbosity_options(
    *, after_command: bool, quiet: str = QUIET, verbose: str = VERBOSE
) -> argparse.ArgumentParser:
    """A parent parser with ``-q`` and ``-v``; after the subcommand they have no default,
    so they never undo the same option given before it."""
    options = argparse.ArgumentParser(add_help=False)
    group = options.add_mutually_exclusive_group()
    default = argparse.SUPPRESS if after_command else "normal"
    group.add_argument(
        "-q",
        "--quiet",
        dest="verbosity",
        action="store_const",
        const="quiet",
        default=default,
        help=quiet,
    )
    group.add_argument(
        "-v",
        "--verbose",
        dest="verbosity",
        action="store_const",
        const="verbose",
        default=default,
        help=verbose,
    )
    return options


def use_colour(
    stream: IO[str], environ: Mapping[str, str] = os.environ, *, windows: bool = os.name == "nt"
) -> bool:
    """Whether to colour what goes to ``stream``: never with ``NO_COLOR`` set (to anything
    but the empty string), always with ``FORCE_COLOR`` set, otherwise only on a terminal
    whose ``TERM`` is not ``dumb`` (the order CPython's own coloured output follows). On
    Windows, only in a terminal known to draw ANSI colours (Windows Terminal, or one that
    sets ``TERM``): the old console prints the codes as they are."""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    if windows and not (environ.get("WT_SESSION") or environ.get("TERM")):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Style:
    """ANSI colours for one stream, or plain text when they are off."""

    _CODES: Final = {"error": "1;31", "warning": "33", "ok": "32", "bold": "1"}

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    @classmethod
    def of(cls, stream: IO[str]) -> Style:
        """The style :func:`use_colour` decides for ``stream``."""
        return cls(use_colour(stream))

    def paint(self, text: str, role: Literal["error", "warning", "ok", "bold"]) -> str:
        """``text`` in the colour of ``role`` (red errors, yellow warnings, green success)."""
        return f"\x1b[{self._CODES[role]}m{text}\x1b[0m" if self.enabled and text else text


def fail(message: str) -> int:
    """Print ``incidents: message`` on standard error; the exit code of a failure."""
    print(f"incidents: {message}", file=sys.stderr)
    return FAILURE


def describe_problem(name: str, problem: Problem, style: Style | None = None) -> str:
    """``path:line:column: CODE message (at location)``; the column, the line or the
    location left out when unknown; the code coloured by severity when ``style`` is on."""
    where = name
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    code = problem.code
    if style is not None:
        code = style.paint(code, "warning" if problem.severity == "warning" else "error")
    text = f"{where}: {code} {problem.message}"
    return f"{text} (at {problem.location})" if problem.location else text


def verdict(passed: bool, errors: int, warnings: int) -> str:
    """What ``-v`` says of one file: ``ok``, ``ok (1 warning)``, ``invalid (2 errors)``."""
    counts = [plural(count, noun) for count, noun in ((errors, "error"), (warnings, "warning"))]
    found = ", ".join(count for count in counts if not count.startswith("0 "))
    word = "ok" if passed else "invalid"
    return f"{word} ({found})" if found else word


def wrote(path: str, what: str, verbosity: Verbosity, stream: IO[str] | None = None) -> None:
    """Say on standard error that ``path`` was written (``wrote OUT (what)``), unless quiet."""
    if verbosity != "quiet":
        print(f"wrote {path} ({what})", file=stream or sys.stderr)


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
