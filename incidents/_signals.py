"""Signals for the ``incidents`` command: SIGTERM and SIGHUP end it exactly as SIGINT does.

The command line (and only it: :func:`is_command_line`) goes through two stages:

* **starting** (from the first line of ``incidents/__init__.py`` until the command runs):
  nothing has been written yet, so a signal ends the process at once, quietly, with
  ``incidents: interrupted`` and exit code 128 + the signal's number (no traceback, even in
  the middle of an import);
* **running** (inside :func:`incidents.cli.app.main`): a signal raises :class:`Interrupted`,
  a :class:`KeyboardInterrupt`, so every ``finally`` and ``except BaseException`` runs (the
  atomic writer removes its temporary file) before the command exits with 128 + the number.
  A second signal while that clean-up runs is ignored.

A program that imports :mod:`incidents` as a library keeps its own handlers: nothing here is
installed unless the process is the ``incidents`` command or ``python -m incidents``.
This module imports only what the interpreter has loaded already (``os``, ``signal``,
``sys``) and is the first thing the package runs: importing it in the command line puts the
starting handlers in place. Before that is the interpreter's own start-up (some 20 ms), where
Python's default SIGINT handling applies.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the modules the interpreter has loaded already, at run time
    from collections.abc import Callable
    from types import FrameType
    from typing import Final

__all__ = [
    "SIGNALS",
    "Interrupted",
    "exit_code",
    "installed",
    "is_command_line",
    "running",
    "starting",
]

#: The signals that interrupt the command, where the platform has them.
SIGNALS: Final = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

#: The names of the command's programs (the console script; its Windows forms).
_PROGRAMS: Final = frozenset({"incidents", "incidents.exe", "incidents-script.py"})
_MESSAGE: Final = b"incidents: interrupted\n"

_stage: str | None = None


class Interrupted(KeyboardInterrupt):
    """SIGINT, SIGTERM or SIGHUP arrived while the command ran."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        #: The signal's number.
        self.number = number


def exit_code(interrupt: KeyboardInterrupt) -> int:
    """128 + the number of the signal behind ``interrupt`` (a plain KeyboardInterrupt is
    SIGINT: 130)."""
    number = interrupt.number if isinstance(interrupt, Interrupted) else signal.SIGINT
    return 128 + int(number)


def is_command_line() -> bool:
    """Whether this process is the ``incidents`` command: the console script, or
    ``python -m incidents``."""
    if os.path.basename(sys.argv[0]) in _PROGRAMS:
        return True
    arguments = list(getattr(sys, "orig_argv", ()))
    for position, argument in enumerate(arguments):
        if argument == "-mincidents":
            return True
        if argument == "-m":
            return arguments[position + 1 : position + 2] == ["incidents"]
        if argument == "-c":  # the rest are the program's own arguments
            return False
    return False


def installed() -> bool:
    """Whether the command's handlers are in place (so never in a program that only imports
    the library, such as a test run)."""
    return _stage is not None


def starting() -> None:
    """Handlers that end the process at once, quietly (nothing has been written yet)."""
    _install("starting", _exit_now)


def running() -> None:
    """Handlers that raise :class:`Interrupted`, so clean-up code runs (see the module)."""
    _install("running", _interrupt)


def _install(stage: str, handler: Callable[[int, FrameType | None], None]) -> None:
    global _stage
    try:
        for number in SIGNALS:
            signal.signal(number, handler)
    except ValueError:  # pragma: no cover - not the main thread: the command runs in it
        return
    _stage = stage


def _exit_now(number: int, frame: FrameType | None) -> None:
    try:
        os.write(2, _MESSAGE)
    finally:
        os._exit(128 + number)


def _interrupt(number: int, frame: FrameType | None) -> None:
    for each in SIGNALS:  # a second signal must not cut the clean-up short
        signal.signal(each, signal.SIG_IGN)
    raise Interrupted(number)


if is_command_line():
    starting()
