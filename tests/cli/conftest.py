"""What every command-line test starts from: no colour asked for or refused by the
environment the tests run in (``FORCE_COLOR`` in a CI runner would colour every report)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_colour_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset NO_COLOR and FORCE_COLOR (subprocesses inherit the change)."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
