"""``export_collection``: a collection's tables as one Parquet dataset, one task a file.

Each file of the collection is read on a worker (:func:`incidents.read`), made into the
tables of :func:`incidents.tables.tables`, and each table is written into
``<target>/<table>/``: the tables with a date of their record (:data:`DATE_COLUMNS`: an
incident's ``date``, a measure's ``announced`` or else ``effective``, a source's
``published``, a casualty's or a claim's ``date``) partitioned Hive-style by the year and
month of its first day (``year=2025/month=6/part-00003-0.parquet``; no date:
``year=__HIVE_DEFAULT_PARTITION__``), the others as ``part-00003.parquet`` files. DuckDB,
Spark, BigQuery and pyarrow read each table folder as one table as it is.

The whole is written in a temporary folder beside ``target`` and renamed to it at the end,
so a failed export leaves nothing half-written. Workers must see ``target`` at the same path
(a local cluster, or a shared file system).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

from incidents.collection.discover import Member, discover
from incidents.distributed.cluster import engine
from incidents.errors import CollectionError, FileError
from incidents.tables._deps import require
from incidents.tables.files import replace_folder

__all__ = ["DATE_COLUMNS", "export_collection"]

#: The columns whose first non-null value, row by row, gives a table's partition date.
DATE_COLUMNS: Final = ("date_start", "announced_start", "effective_start", "published_start")
#: The partition columns, as the Hive layout names them.
PARTITIONS: Final = ("year", "month")


def export_collection(
    path: str | os.PathLike[str],
    target: str | os.PathLike[str],
    client: Any = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
) -> str:
    """Write the tables of the collection at ``path`` as a partitioned Parquet dataset in
    the folder ``target``, one Dask task a file; a sentence saying what was written.

    Runs on ``client``, on the cluster at ``scheduler``, or on a local cluster of ``jobs``
    processes (by default one a core). It does not validate: check the collection first
    (:func:`incidents.validate_collection`); a file that cannot be read as a dataset raises
    :class:`~incidents.FileError` and nothing is written. An existing ``target`` is
    refused unless ``force``. Needs the extras ``incidents[dask]``.
    """
    require("pyarrow.dataset", "export_collection")
    found = discover(path)
    errors = [problem for problem in found.problems if problem.code.startswith("E")]
    if errors:
        raise CollectionError(str(found.root), errors)
    members = list(found.members)
    with (
        engine(client, jobs, scheduler, "export_collection") as dask,
        replace_folder(Path(target), force) as folder,
    ):
        futures = dask.map(
            _export_file, members, [str(folder)] * len(members), range(len(members)), pure=False
        )
        rows: dict[str, int] = {}
        for member, future in zip(members, futures, strict=True):
            try:
                counts = future.result()
            except FileError:
                raise
            except Exception as error:
                raise FileError(str(member.path), f"{type(error).__name__}: {error}") from None
            for name, count in counts.items():
                rows[name] = rows.get(name, 0) + count
        _empty_tables(folder, rows)
    total = sum(rows.values())
    return (
        f"wrote {len(rows)} tables ({total} rows) from {len(members)} files to {target} "
        "(Parquet, partitioned by year and month)"
    )


def _export_file(member: Member, folder: str, number: int) -> dict[str, int]:
    """(a worker) The tables of one file, written into ``folder``; rows by table."""
    from incidents.formats.files import read
    from incidents.tables.build import tables

    try:
        dataset = read(member.path)
    except FileError:
        raise
    except Exception as error:  # ParseError and the like: the file's own report says more
        reason = f"cannot be read as a dataset ({error}); run incidents validate on it"
        raise FileError(str(member.path), reason) from None
    counts: dict[str, int] = {}
    for name, table in tables(dataset).items():
        counts[name] = table.num_rows
        if table.num_rows:
            write_table(table, Path(folder) / name, number)
    return counts


def write_table(table: Any, folder: Path, number: int) -> None:
    """One file's rows of a table into the table's folder: partitioned by year and month of
    its :data:`DATE_COLUMNS` if it has one, else as ``part-<number>.parquet``."""
    pc = require("pyarrow.compute", "export_collection")
    ds = require("pyarrow.dataset", "export_collection")
    pq = require("pyarrow.parquet", "export_collection")
    columns = [name for name in DATE_COLUMNS if name in table.column_names]
    folder.mkdir(parents=True, exist_ok=True)
    if not columns:
        pq.write_table(table, folder / f"part-{number:05d}.parquet")
        return
    when = pc.coalesce(*(table[name] for name in columns))
    table = table.append_column("year", pc.year(when)).append_column("month", pc.month(when))
    ds.write_dataset(
        table,
        folder,
        format="parquet",
        partitioning=list(PARTITIONS),
        partitioning_flavor="hive",
        basename_template=f"part-{number:05d}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )


def _empty_tables(folder: Path, rows: dict[str, int]) -> None:
    """An empty file (with the table's columns) for each table no file had rows of."""
    pq = require("pyarrow.parquet", "export_collection")
    from incidents.model.dataset import Dataset
    from incidents.tables.build import tables

    for name, table in tables(Dataset()).items():
        rows.setdefault(name, 0)
        if not rows[name]:
            (folder / name).mkdir(exist_ok=True)
            pq.write_table(table, folder / name / "part-empty.parquet")
