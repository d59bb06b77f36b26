"""Tests for what the subcommands share: colour by NO_COLOR and FORCE_COLOR, problem lines,
verdicts and exit-code blocks."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from incidents.cli.console import Style, describe_problem, exit_codes, use_colour, verdict
from incidents.validation.report import Problem

ROOT = Path(__file__).resolve().parents[2]
RED, YELLOW, GREEN, RESET = "\x1b[1;31m", "\x1b[33m", "\x1b[32m", "\x1b[0m"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("environ", "terminal", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),  # set but empty: as if unset
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": ""}, False, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),  # NO_COLOR wins
        ({"TERM": "dumb"}, True, False),
        ({"TERM": "dumb", "FORCE_COLOR": "1"}, False, True),
    ],
)
def test_colour_follows_no_color_force_color_and_the_terminal(
    environ: dict[str, str], terminal: bool, expected: bool
) -> None:
    """NO_COLOR turns colour off, FORCE_COLOR on; otherwise only a terminal gets it."""
    stream = Terminal() if terminal else io.StringIO()
    assert expected == use_colour(stream, environ, windows=False)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, False),
        ({"WT_SESSION": "0a1b"}, True),
        ({"TERM": "xterm-256color"}, True),
        ({"FORCE_COLOR": "1"}, True),
        ({"WT_SESSION": "0a1b", "NO_COLOR": "1"}, False),
    ],
)
def test_on_windows_only_a_terminal_known_to_draw_colours_gets_them(
    environ: dict[str, str], expected: bool
) -> None:
    """The old Windows console shows escape codes as text: colour needs Windows Terminal,
    a TERM, or FORCE_COLOR."""
    assert expected == use_colour(Terminal(), environ, windows=True)


def test_a_stream_without_isatty_gets_no_colour() -> None:
    """An object that cannot say whether it is a terminal is not one."""
    assert not use_colour(object(), {}, windows=False)  # type: ignore[arg-type]


def test_problem_codes_are_coloured_by_severity() -> None:
    """Errors red, warnings yellow, the rest of the line as it is; no codes when off."""
    error = Problem(code="E204", message="bad", location="/a", line=2, column=3)
    warning = Problem(code="W402", message="uncited", location="/b")
    on, off = Style(True), Style(False)
    assert f"f.json:2:3: {RED}E204{RESET} bad (at /a)" == describe_problem("f.json", error, on)
    assert f"f.json: {YELLOW}W402{RESET} uncited (at /b)" == describe_problem("f.json", warning, on)
    assert describe_problem("f.json", error) == describe_problem("f.json", error, off)
    assert f"{GREEN}ok{RESET}" == on.paint("ok", "ok")
    assert "" == on.paint("", "error")


def test_verdicts_name_what_was_found() -> None:
    """ok, ok with warnings, invalid with its counts."""
    assert "ok" == verdict(True, 0, 0)
    assert "ok (2 warnings)" == verdict(True, 0, 2)
    assert "invalid (1 error)" == verdict(False, 1, 0)
    assert "invalid (3 errors, 1 warning)" == verdict(False, 3, 1)
    assert "invalid (1 warning)" == verdict(False, 0, 1)


def test_exit_codes_without_a_code_1() -> None:
    """A subcommand that reads no dataset lists 0 and 2 (and the interrupt and closed-pipe
    codes every command shares), never 1."""
    block = exit_codes("done", None, "oops")
    assert block.startswith("exit codes:\n  0  done\n  2  oops\n  130  interrupted")
    assert "\n  1  " not in block
    assert "\n  141  standard output closed" in block


def _validate(environ: dict[str, str], path: Path) -> str:
    result = subprocess.run(  # noqa: S603 - the test's own interpreter
        [sys.executable, "-m", "incidents", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), **environ},
    )
    return result.stdout


def test_colour_through_the_command(tmp_path: Path) -> None:
    """FORCE_COLOR colours a piped report, NO_COLOR beats it, and a pipe alone is plain."""
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"schema_version":"1.0","actors":[{"id":"actor:a","kind":"stat","name":"A"}]}',
        encoding="utf-8",
    )
    environ = dict.fromkeys(("NO_COLOR", "FORCE_COLOR"), "")
    forced = _validate({**environ, "FORCE_COLOR": "1"}, bad)
    assert f": {RED}E204{RESET} " in forced
    assert forced.endswith(f"{RED}1 file checked: 1 invalid, 1 error, 0 warnings{RESET}\n")
    assert "\x1b[" not in _validate({"NO_COLOR": "1", "FORCE_COLOR": "1"}, bad)
    assert "\x1b[" not in _validate(environ, bad)
