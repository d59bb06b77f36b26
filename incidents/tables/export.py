"""One call for every export: the tables as Parquet, CSV or DuckDB, or the event-data rows.

:func:`export` writes one format to one target, atomically, and says what it wrote.
"""

from __future__ import annotations

import os
from pathlib import Path

from incidents.errors import ArgumentError
from incidents.model.dataset import Dataset
from incidents.tables import acled, cameo, plover, ucdp
from incidents.tables.build import tables
from incidents.tables.files import csv_bytes, replace_file, write_csv, write_duckdb, write_parquet
from incidents.tables.formats import EXPORT_FORMATS, ExportFormat

__all__ = ["EXPORT_FORMATS", "ExportFormat", "export"]


def export(
    dataset: Dataset, format_: ExportFormat, target: str | os.PathLike[str], force: bool = False
) -> str:
    """Write ``dataset`` as ``format_`` to ``target``; a sentence saying what was written.

    An existing target is refused (:class:`~incidents.errors.FileError`) unless ``force``.
    """
    path = Path(target)
    if format_ in ("parquet", "csv", "duckdb"):
        made = tables(dataset)
        writer = {"parquet": write_parquet, "csv": write_csv, "duckdb": write_duckdb}[format_]
        writer(made, path, force)
        rows = sum(table.num_rows for table in made.values())
        return f"wrote {len(made)} tables ({rows} rows) to {path} ({format_})"
    if format_ == "plover":
        payload = plover.plover_jsonl(dataset)
        count = payload.count(b"\n")
        replace_file(path, lambda temporary: temporary.write_bytes(payload), force)
        return f"wrote {count} PLOVER events to {path}"
    builders = {"ucdp": ucdp.ucdp_table, "acled": acled.acled_table, "cameo": cameo.cameo_table}
    if format_ not in builders:
        reason = f"use one of {', '.join(EXPORT_FORMATS)}"
        raise ArgumentError("export", "format_", format_, reason)
    table = builders[format_](dataset)
    data = csv_bytes(table)
    replace_file(path, lambda temporary: temporary.write_bytes(data), force)
    return f"wrote {table.num_rows} {format_.upper()}-style rows to {path} (csv)"
