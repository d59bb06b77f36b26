"""incidents._signals in process: who is the command line, the exit codes, the two stages."""

from __future__ import annotations

import signal
import sys

import pytest

from incidents import _signals


@pytest.mark.parametrize(
    ("argv", "orig_argv", "expected"),
    [
        (["/venv/bin/incidents", "validate"], ["python", "/venv/bin/incidents"], True),
        (["-m"], ["python", "-X", "importtime", "-m", "incidents", "validate"], True),
        (["-m"], ["python", "-mincidents"], True),
        (["-m"], ["python", "-m", "pytest"], False),
        (["-c"], ["python", "-c", "import incidents", "-m", "incidents"], False),
        (["script.py"], ["python", "script.py"], False),
    ],
)
def test_who_is_the_command_line(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], orig_argv: list[str], expected: bool
) -> None:
    monkeypatch.setattr(sys, "argv", argv)
    monkeypatch.setattr(sys, "orig_argv", orig_argv)
    assert _signals.is_command_line() is expected


def test_exit_codes_are_128_plus_the_signal() -> None:
    assert 130 == _signals.exit_code(KeyboardInterrupt())
    assert 143 == _signals.exit_code(_signals.Interrupted(signal.SIGTERM))
    assert 129 == _signals.exit_code(_signals.Interrupted(signal.SIGHUP))


def test_the_running_stage_raises_and_then_ignores(monkeypatch: pytest.MonkeyPatch) -> None:
    saved = {number: signal.getsignal(number) for number in _signals.SIGNALS}
    monkeypatch.setattr(_signals, "_stage", None)
    try:
        assert not _signals.installed()
        _signals.running()
        assert _signals.installed()
        with pytest.raises(_signals.Interrupted) as caught:
            signal.raise_signal(signal.SIGTERM)
        assert caught.value.number == signal.SIGTERM
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN  # a second one is ignored
        _signals.starting()
        assert signal.getsignal(signal.SIGTERM) is _signals._exit_now
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
