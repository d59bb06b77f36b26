"""Parquet, CSV and DuckDB files: written atomically, refused over an existing output."""

from __future__ import annotations

import csv
import json

import pytest

import incidents
from incidents.errors import FileError
from incidents.tables.columns import TABLE_NAMES
from incidents.tables.files import (
    read_duckdb,
    read_parquet,
    replace_folder,
    write_csv,
    write_duckdb,
    write_parquet,
)

pytest.importorskip("pyarrow")
pytest.importorskip("duckdb")

DATASET = incidents.examples.load("russia-azerbaijan-2025")
TABLES = incidents.tables(DATASET)


def test_parquet_folder_has_a_file_per_table_and_reads_back(tmp_path):
    """One .parquet file per table; read back they are the same tables."""
    target = tmp_path / "out"
    write_parquet(TABLES, target)
    assert sorted(f"{name}.parquet" for name in TABLE_NAMES) == sorted(
        p.name for p in target.iterdir()
    )
    back = read_parquet(target)
    assert all(back[name].equals(TABLES[name]) for name in TABLE_NAMES)


def test_csv_has_a_header_and_lists_as_json(tmp_path):
    """CSV files start with the column names; a list column holds a JSON array."""
    target = tmp_path / "csv"
    write_csv(TABLES, target)
    with (target / "claims.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == TABLES["claims"].num_rows
    assert ["source:mt-rift-deepens"] == json.loads(rows[0]["sources"])


def test_duckdb_file_has_a_table_per_table(tmp_path):
    """The database holds every table, with its rows."""
    target = tmp_path / "crisis.duckdb"
    write_duckdb(TABLES, target)
    back = read_duckdb(target)
    assert {name: t.num_rows for name, t in TABLES.items()} == {
        n: t.num_rows for n, t in back.items()
    }
    assert DATASET == incidents.from_tables(target)


def test_existing_output_is_refused_without_force(tmp_path):
    """An existing folder is left alone unless force is given; then it is replaced."""
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileError, match="already exists"):
        write_parquet(TABLES, target)
    assert ["keep.txt"] == [p.name for p in target.iterdir()]
    write_parquet(TABLES, target, force=True)
    assert not (target / "keep.txt").exists()
    assert [] == [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    """An error while the folder is written removes the temporary folder; no target appears."""
    target = tmp_path / "out"
    with pytest.raises(RuntimeError, match="disk full"):  # noqa: PT012, SIM117 - fails inside
        with replace_folder(target) as folder:
            (folder / "half.parquet").write_bytes(b"half")
            raise RuntimeError("disk full")
    assert [] == list(tmp_path.iterdir())


def test_reading_a_folder_without_the_tables_says_which_file(tmp_path):
    """A folder that lacks a table names the missing file."""
    write_parquet({"actors": TABLES["actors"]}, tmp_path / "part")
    with pytest.raises(FileError, match=r"dataset\.parquet: no such file"):
        read_parquet(tmp_path / "part")


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    """read_duckdb of a text file raises FileError, not DuckDB's exception."""
    path = tmp_path / "x.duckdb"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(FileError, match=r"x\.duckdb"):
        read_duckdb(path)
