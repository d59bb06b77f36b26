"""Arrow schemas of the tables, from the plan :mod:`incidents.tables.columns` generates.

Each field carries its description (``b"description"`` in the field's metadata), and a
column of vocabulary strings names its vocabulary (``b"vocabulary"``), so a Parquet file
documents itself.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

from incidents.tables._deps import require
from incidents.tables.columns import Column, ColumnType, TableSpec, table_specs

__all__ = ["ARROW_TYPE_NAMES", "arrow_schema", "arrow_schemas", "arrow_type"]

#: How each column type is written as an Arrow type (``str()`` of the pyarrow type).
ARROW_TYPE_NAMES: Final[dict[ColumnType, str]] = {
    "string": "string",
    "int64": "int64",
    "float64": "double",
    "bool": "bool",
    "date32": "date32[day]",
    "list<string>": "list<item: string>",
}


def arrow_type(kind: ColumnType) -> Any:
    """The pyarrow type of a column type."""
    pa = require("pyarrow", "Arrow tables")
    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "date32": pa.date32(),
        "list<string>": pa.list_(pa.string()),
    }
    return types[kind]


def _field(column: Column) -> Any:
    pa = require("pyarrow", "Arrow tables")
    metadata = {"description": column.doc}
    if column.vocabulary is not None:
        metadata["vocabulary"] = column.vocabulary.__name__
    return pa.field(column.name, arrow_type(column.kind), column.nullable, metadata)


def arrow_schema(spec: TableSpec) -> Any:
    """The ``pyarrow.Schema`` of one table."""
    pa = require("pyarrow", "Arrow tables")
    return pa.schema([_field(column) for column in spec.columns], {"description": spec.doc})


@cache
def arrow_schemas() -> dict[str, Any]:
    """Table name -> ``pyarrow.Schema``, for every table."""
    return {spec.name: arrow_schema(spec) for spec in table_specs()}
