"""SQL over the tables with embedded DuckDB: no server, no files, no network.

The tables are registered in an in-memory database (zero-copy from Arrow); then access to
files, extensions and the network is switched off before the query runs, so a query can
read the tables and nothing else. Results print as an aligned text table, CSV or JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from incidents.errors import QueryError
from incidents.tables._deps import require
from incidents.tables.files import csv_bytes
from incidents.tables.formats import OUTPUT_FORMATS, OutputFormat

__all__ = ["OUTPUT_FORMATS", "OutputFormat", "format_result", "query"]


def query(tables: Mapping[str, Any], sql: str) -> Any:
    """Run ``sql`` over ``tables`` (name -> ``pyarrow.Table``); the result as a
    ``pyarrow.Table`` (empty for a statement that returns no rows).

    A query DuckDB refuses raises :class:`~incidents.errors.QueryError` with the first line
    of DuckDB's message.
    """
    duckdb = require("duckdb", "incidents query")
    pa = require("pyarrow", "incidents query")
    connection = duckdb.connect(
        ":memory:",
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
    )
    try:
        for name, table in tables.items():
            connection.register(name, table)
        connection.execute("SET enable_external_access = false")
        connection.execute("SET lock_configuration = true")
        try:
            relation = connection.sql(sql)
            return pa.table({}) if relation is None else relation.to_arrow_table()
        except duckdb.Error as error:
            lines = [line.strip() for line in str(error).splitlines() if line.strip()]
            raise QueryError(sql, lines[0] if lines else type(error).__name__) from None
    finally:
        connection.close()


def _text(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _json_value(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    return value


def format_result(table: Any, format_: OutputFormat = "table") -> str:
    """A query result as text: an aligned table (numbers to the right), CSV with a header,
    or a JSON array of objects."""
    if format_ == "csv":
        return csv_bytes(table).decode("utf-8")
    rows = table.to_pylist()
    if format_ == "json":
        return json.dumps([_json_value(row) for row in rows], ensure_ascii=False, indent=2) + "\n"
    names = table.column_names
    cells = [[_text(row[name]) for name in names] for row in rows]
    numeric = [
        all(
            isinstance(row[name], int | float) and not isinstance(row[name], bool)
            for row in rows
            if row[name] is not None
        )
        for name in names
    ]
    widths = [max([len(name)] + [len(line[i]) for line in cells]) for i, name in enumerate(names)]

    def line(values: list[str]) -> str:
        padded = [
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(padded).rstrip()

    out = [line(list(names)), line(["-" * width for width in widths])]
    out += [line(values) for values in cells]
    count = len(rows)
    out.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(out) + "\n"
