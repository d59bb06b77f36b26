"""incidents export: atomic outputs, --force, messages on standard error, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidents.cli.app import main

pytest.importorskip("pyarrow")
pytest.importorskip("duckdb")

ROOT = Path(__file__).resolve().parents[2]
CRISIS = "examples/russia-azerbaijan-2025.json"


def test_export_to_parquet_says_what_it_wrote(tmp_path, capsys, monkeypatch):
    """A Parquet folder is written and the message names it; stdout stays empty."""
    monkeypatch.chdir(ROOT)
    target = tmp_path / "tables"
    assert 0 == main(["export", CRISIS, "--to", "parquet", str(target)])
    captured = capsys.readouterr()
    assert "" == captured.out
    assert f"incidents: wrote 17 tables (404 rows) to {target} (parquet)\n" == captured.err
    assert (target / "claims.parquet").exists()


def test_an_existing_output_needs_force(tmp_path, capsys, monkeypatch):
    """Exporting over an existing file fails with exit 2 and one line; --force replaces it."""
    monkeypatch.chdir(ROOT)
    target = tmp_path / "events.jsonl"
    target.write_text("old\n", encoding="utf-8")
    assert 2 == main(["export", CRISIS, "--to", "plover", str(target)])
    err = capsys.readouterr().err
    assert 1 == len(err.splitlines())
    assert "already exists" in err
    assert "old\n" == target.read_text(encoding="utf-8")
    assert 0 == main(["export", CRISIS, "--to", "plover", str(target), "--force"])
    assert 32 == len(target.read_text(encoding="utf-8").splitlines())


def test_a_missing_input_is_one_line_and_exit_2(tmp_path, capsys):
    """An input that does not exist is named in one line."""
    assert 2 == main(["export", str(tmp_path / "nope.json"), "--to", "csv", str(tmp_path / "o")])
    assert "nope.json: no such file or folder" in capsys.readouterr().err


def test_an_invalid_dataset_is_not_exported(tmp_path, capsys):
    """A dataset with errors is reported and nothing is written (exit 1)."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0", "actors": [{"id": "actor:x"}]}', encoding="utf-8")
    assert 1 == main(["export", str(bad), "--to", "csv", str(tmp_path / "out")])
    assert not (tmp_path / "out").exists()
    assert "nothing written" in capsys.readouterr().err
