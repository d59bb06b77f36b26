"""``incidents plot``: the chart file, and one line on standard error for every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidents.charts import chart_bytes, plot
from incidents.cli.app import main
from incidents.examples import load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "russia-azerbaijan-2025.json"


def test_plot_writes_the_chart_the_library_draws(tmp_path):
    """The command writes the same SVG bytes as incidents.plot with the same options."""
    target = tmp_path / "week.svg"
    arguments = ["--dyad", "RU", "AZ", "--from", "2025-06-24", "--to", "2025-07-05"]
    assert 0 == main(["plot", str(EXAMPLE), "-o", str(target), *arguments])
    expected = plot(load("russia-azerbaijan-2025"), dyad=("RU", "AZ"), start="2025-06-24",
                    end="2025-07-05")  # fmt: skip
    assert chart_bytes(expected, "svg") == target.read_bytes()


def test_plot_takes_a_title_and_writes_png(tmp_path):
    """--title sets the title; the suffix picks PNG."""
    target = tmp_path / "chart.png"
    assert 0 == main(["plot", str(EXAMPLE), "-o", str(target), "--title", "The crisis"])
    assert target.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--dyad", "AZ", "Atlantis"], "incidents: --dyad: not a country code, an actor id"),
        (["--from", "soon"], "incidents: --from: "),
        (["--from", "2026-01-01"], "russia-azerbaijan-2025.json: nothing to draw"),
        (["-o", "chart.jpg"], "unknown chart type '.jpg'"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(arguments, message, tmp_path, capsys, monkeypatch):
    """A bad option, an empty window or an unknown suffix: one line, exit code 2, no file."""
    monkeypatch.chdir(tmp_path)
    if "-o" not in arguments:
        arguments = [*arguments, "-o", "chart.svg"]
    assert 2 == main(["plot", str(EXAMPLE), *arguments])
    error = capsys.readouterr().err
    assert message in error
    assert 1 == len(error.splitlines())
    assert [] == list(tmp_path.iterdir())


def test_a_missing_file_or_output_option(tmp_path, capsys):
    """A missing dataset is exit 2 with its name; -o is required."""
    assert 2 == main(["plot", str(tmp_path / "none.json"), "-o", str(tmp_path / "c.svg")])
    assert "none.json" in capsys.readouterr().err
    assert 2 == main(["plot", str(EXAMPLE)])
    assert "-o/--output" in capsys.readouterr().err


def test_plot_says_what_it_wrote_and_refuses_a_file_that_is_no_dataset(tmp_path, capsys):
    """A chart written is said on standard error; a bad file's problems are printed, exit 1."""
    target = tmp_path / "chart.svg"
    assert 0 == main(["plot", str(EXAMPLE), "-o", str(target)])
    assert f"wrote {target} (escalation chart, SVG)\n" == capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version":"1.0","actors":[{"id":"actor:a","kind":"stat"}]}', "utf-8")
    assert 1 == main(["plot", str(bad), "-o", str(tmp_path / "bad.svg")])
    err = capsys.readouterr().err
    assert f"{bad}: E204 " in err
    assert "(at /actors/0/kind)" in err
    assert err.endswith("not read as a dataset (2 problems)\n")
    assert not (tmp_path / "bad.svg").exists()
