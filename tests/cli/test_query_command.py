"""incidents query: SQL over a dataset file, a Parquet folder or a DuckDB file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from incidents.cli.app import main

pytest.importorskip("duckdb")

ROOT = Path(__file__).resolve().parents[2]
CRISIS = str(ROOT / "examples" / "russia-azerbaijan-2025.json")
SQL = "SELECT count(*) AS n FROM measures"


def test_query_a_dataset_file(capsys):
    """The crisis has 26 measures."""
    assert 0 == main(["query", CRISIS, SQL])
    assert " n\n--\n26\n(1 row)\n" == capsys.readouterr().out


@pytest.mark.parametrize(("to", "name"), [("parquet", "tables"), ("duckdb", "crisis.duckdb")])
def test_query_an_export(tmp_path, capsys, to, name):
    """The same answer from the exported Parquet folder and DuckDB file, as JSON."""
    target = tmp_path / name
    assert 0 == main(["export", CRISIS, "--to", to, str(target)])
    capsys.readouterr()
    assert 0 == main(["query", str(target), SQL, "--format", "json"])
    assert [{"n": 26}] == json.loads(capsys.readouterr().out)


def test_bad_sql_is_one_line_and_exit_2(capsys):
    """A syntax error prints one line on standard error and exits 2, no traceback."""
    assert 2 == main(["query", CRISIS, "SELEC 1"])
    captured = capsys.readouterr()
    assert "" == captured.out
    assert 1 == len(captured.err.splitlines())
    assert captured.err.startswith("incidents: query failed: Parser Error")


def test_an_unknown_table_is_one_line(capsys):
    """A table that does not exist is DuckDB's catalog error, in one line."""
    assert 2 == main(["query", CRISIS, "SELECT * FROM nope"])
    assert 1 == len(capsys.readouterr().err.splitlines())
