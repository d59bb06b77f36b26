"""The names of the formats: what ``incidents export`` writes (and what each target is)
and how ``incidents query`` prints.

Kept apart from :mod:`incidents.tables.export` and :mod:`incidents.tables.query` so the
command line can offer them without loading the tables.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["EXPORT_FORMATS", "OUTPUT_FORMATS", "ExportFormat", "OutputFormat"]

ExportFormat = Literal["parquet", "csv", "duckdb", "plover", "ucdp", "acled", "cameo"]
#: The formats :func:`export` writes, and what each target is.
EXPORT_FORMATS: Final[dict[ExportFormat, str]] = {
    "parquet": "a folder of Parquet files, one per table",
    "csv": "a folder of CSV files with a header, one per table",
    "duckdb": "a DuckDB database file with one table per table",
    "plover": "a PLOVER JSON Lines file, one event per incident and per measure",
    "ucdp": "a CSV file of UCDP GED-style rows, one per incident and casualty outcome",
    "acled": "a CSV file of ACLED-style rows, one per incident",
    "cameo": "a CSV file of CAMEO-coded dyadic rows, one per measure and target",
}

OutputFormat = Literal["table", "csv", "json"]
#: How ``incidents query`` prints a result.
OUTPUT_FORMATS: Final[tuple[OutputFormat, ...]] = ("table", "csv", "json")
