"""``incidents vocab``: the vocabularies with their descriptions and codes."""

from __future__ import annotations

import pytest

from incidents.cli import main


def test_one_vocabulary_with_its_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """A measure kind is printed with its description and its CAMEO and PLOVER codes."""
    assert 0 == main(["vocab", "measurekind"])
    out = capsys.readouterr().out
    assert out.startswith("MeasureKind: What a diplomatic measure is")
    assert "  expel_diplomats\n      Expel diplomats or declare them persona non grata.\n" in out
    assert "      CAMEO 161 (Reduce or break diplomatic relations); PLOVER SANCTION-expel\n" in out
    assert "CAMEO ~172" in out  # a nearest code is marked


def test_every_vocabulary_without_a_name(capsys: pytest.CaptureFixture[str]) -> None:
    """With no name, every vocabulary is printed, the 1.1 ones included."""
    assert 0 == main(["vocab"])
    out = capsys.readouterr().out
    for name in ("ActorKind:", "CountUnit:", "MeasureLinkKind:", "Publicity:", "Confidence:"):
        assert name in out


def test_an_unknown_name_suggests_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt vocabulary is a usage error that names the one meant."""
    assert 2 == main(["vocab", "MeasureKnd"])
    assert "did you mean MeasureKind?" in capsys.readouterr().err
