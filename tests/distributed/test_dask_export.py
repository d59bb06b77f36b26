"""export_collection on a real Dask cluster: a year=/month= partitioned Parquet dataset that
DuckDB and pyarrow read back with the rows and aggregates of the single-process export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import corpus
from benchmarks.distributed import write_shards
from incidents.collection import read_collection
from incidents.distributed import export_collection
from incidents.errors import FileError
from incidents.tables.build import tables

pa_dataset = pytest.importorskip("pyarrow.dataset")
duckdb = pytest.importorskip("duckdb")
pa = pytest.importorskip("pyarrow")
#: The partition columns, typed: a table whose rows have no date has no value to infer from.
HIVE = pa_dataset.partitioning(
    pa.schema([("year", pa.int64()), ("month", pa.int64())]), flavor="hive"
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, client: Any) -> tuple[Path, dict[str, Any]]:
    """A sharded corpus exported on Dask; the single-process tables of the same records."""
    root = tmp_path_factory.mktemp("export")
    folder = root / "corpus"
    write_shards(folder, corpus.stream(1200, seed=5), 5)
    message = export_collection(folder, root / "out", client=client)
    assert "from 5 files" in message
    return root / "out", tables(read_collection(folder).dataset)


def test_every_table_has_the_rows_of_one_process(exported) -> None:
    out, single = exported
    for name, table in single.items():
        if name == "dataset":  # one row a file, not one for the whole collection
            continue
        got = pa_dataset.dataset(out / name, format="parquet", partitioning=HIVE).to_table()
        assert got.num_rows == table.num_rows, name


def test_partitions_are_year_and_month_of_the_date(exported) -> None:
    out, single = exported
    folders = sorted(p.relative_to(out / "incidents") for p in (out / "incidents").glob("*/*"))
    assert folders
    assert all(str(p).startswith("year=") and "/month=" in str(p) for p in folders)
    years = {d.year for d in single["incidents"]["date_start"].to_pylist() if d is not None}
    assert {int(str(p).split("/")[0][5:]) for p in folders} == years


def test_duckdb_reads_it_as_is(exported) -> None:
    out, single = exported
    sql = (
        "select count(*), count(distinct id), min(date_start), max(date_start), "
        "count(distinct year * 100 + month) from read_parquet($glob, hive_partitioning=true)"
    )
    glob = str(out / "incidents" / "**" / "*.parquet")
    ((count, ids, first, last, months),) = duckdb.execute(sql, {"glob": glob}).fetchall()
    incidents = single["incidents"]
    dates = [d for d in incidents["date_start"].to_pylist() if d is not None]
    assert (count, ids) == (incidents.num_rows, len(set(incidents["id"].to_pylist())))
    assert (first, last) == (min(dates), max(dates))
    assert months == len({(d.year, d.month) for d in dates})
    by_kind = duckdb.execute(
        "select kind, count(*) from read_parquet($glob, hive_partitioning=true) "
        "group by kind order by kind",
        {"glob": str(out / "measures" / "**" / "*.parquet")},
    ).fetchall()
    expected: dict[str, int] = {}
    for kind in single["measures"]["kind"].to_pylist():
        expected[kind] = expected.get(kind, 0) + 1
    assert by_kind == sorted(expected.items())


def test_an_existing_target_is_refused(exported, client) -> None:
    out, _ = exported
    with pytest.raises(FileError, match="already exists"):
        export_collection(out.parent / "corpus", out, client=client)


def test_a_file_that_is_not_a_dataset_writes_nothing(tmp_path: Path, client: Any) -> None:
    folder = tmp_path / "corpus"
    write_shards(folder, corpus.stream(200), 2)
    (folder / "shard-0001.jsonl").write_text('{"schema_version":"1.1"}\n{"incident": 3}\n')
    with pytest.raises(FileError, match=r"shard-0001\.jsonl"):
        export_collection(folder, tmp_path / "out", client=client)
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["corpus"]  # no temporary folder left
