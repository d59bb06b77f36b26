"""A dataset as Arrow tables: one walk over the records, driven by the generated plan.

Each table is gathered column by column as Python lists, then turned into a
``pyarrow.Table`` with its schema (:mod:`incidents.tables.arrow_schemas`). Paths follow the
JSONPath the readers report, relative to the record: ``$`` is the record itself,
``$.casualties[0].count[1]`` the second count claim of its first casualty.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, Final

from incidents.formats.converter import converter
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.tables._deps import require
from incidents.tables.arrow_schemas import arrow_schemas
from incidents.tables.columns import (
    CLAIM_VALUE_TABLES,
    Child,
    DatePart,
    Nested,
    Part,
    Scalar,
    TableSpec,
    table_specs,
)

__all__ = ["date_columns", "precision_of", "tables"]

_COARSER: Final = {"day": 0, "month": 1, "year": 2, "decade": 3, "century": 4}


def precision_of(date: PartialDate) -> str:
    """``"day"``, ``"month"``, ``"year"``, ``"decade"`` or ``"century"``: the coarser of the
    ends an interval has (a missing end, open or unknown, is not counted; its first or last
    day column is the calendar's first or last day)."""
    points = [point.precision for point in (date.start, date.end) if point is not None]
    return max(points, key=_COARSER.__getitem__)


def date_columns(date: PartialDate) -> tuple[dt.date, dt.date, str, str]:
    """The four columns of a partial date: first day, last day, EDTF text, precision."""
    return date.earliest, date.latest, str(date), precision_of(date)


Columns = dict[str, list[Any]]


class _Builder:
    """The columns of every table, filled record by record."""

    def __init__(self) -> None:
        self.specs = {spec.name: spec for spec in table_specs()}
        self.data: dict[str, Columns] = {
            spec.name: {column.name: [] for column in spec.columns} for spec in table_specs()
        }
        self.dates: dict[PartialDate, tuple[dt.date, dt.date, str, str]] = {}
        self.emitters: dict[tuple[str, int], Callable[[Any, Any], None]] = {}

    def record(self, table: str, record: Any, kind: str) -> None:
        """Add one top-level record (an actor, a source, an incident, a measure)."""
        columns = self.data[table]
        self.parts(columns, self.specs[table].parts, record, record.id, kind, "$")

    def parts(
        self, columns: Columns, parts: tuple[Part, ...], item: Any, rid: str, kind: str, path: str
    ) -> None:
        """Add ``item``'s columns to a row of ``columns`` and its lists to their tables."""
        for part in parts:
            if isinstance(part, Scalar):
                columns[part.column.name].append(getattr(item, part.field))
            elif isinstance(part, DatePart):
                self.date(columns, part, getattr(item, part.field))
            elif isinstance(part, Nested):
                self.nested(columns, part, getattr(item, part.field))
            else:
                self.child(part, getattr(item, part.field), rid, kind, path)

    def date(self, columns: Columns, part: DatePart, date: PartialDate | None) -> None:
        if date is None:
            values: tuple[Any, ...] = (None, None, None, None)
        else:
            values = self.dates.get(date) or self.dates.setdefault(date, date_columns(date))
        for column, value in zip(part.columns, values, strict=True):
            columns[column.name].append(value)

    def nested(self, columns: Columns, part: Nested, value: Any) -> None:
        if value is None:
            for inner in part.parts:
                self.nested_none(columns, inner)
            return
        self.parts(columns, part.parts, value, "", "", "")

    def nested_none(self, columns: Columns, part: Part) -> None:
        if isinstance(part, Scalar):
            columns[part.column.name].append(None)
        elif isinstance(part, DatePart):
            self.date(columns, part, None)
        elif isinstance(part, Nested):
            for inner in part.parts:
                self.nested_none(columns, inner)

    def child(self, part: Child, items: tuple[Any, ...], rid: str, kind: str, path: str) -> None:
        if not items:
            return
        columns = self.data[part.table]
        if part.mode == "citations":
            self.citations(items, rid, kind, path)
        elif part.mode == "claims":
            self.claims(part, items, rid, kind, path)
        elif part.mode == "edges":
            for position, item in enumerate(items):
                columns["from_id"].append(rid)
                if isinstance(item, str):
                    columns["to_id"].append(item)
                    columns["kind"].append("in_response_to")
                else:
                    columns["to_id"].append(item.target)
                    columns["kind"].append(item.kind.value)
                columns["field"].append(part.field)
                columns["position"].append(position)
        elif part.mode == "values":
            owner, _, value = self.specs[part.table].columns
            for position, item in enumerate(items):
                columns[owner.name].append(rid)
                columns["position"].append(position)
                columns[value.name].append(item)
        else:
            spec = self.specs[part.table]
            owner_id = spec.keys[0].name
            for position, item in enumerate(items):
                where = f"{path}.{part.field}[{position}]"
                columns[owner_id].append(rid)
                columns["position"].append(position)
                columns["path"].append(where)
                self.parts(columns, spec.parts, item, rid, kind, where)

    def citations(self, items: tuple[Any, ...], rid: str, kind: str, path: str) -> None:
        columns = self.data["citations"]
        for position, citation in enumerate(items):
            columns["record_id"].append(rid)
            columns["record_kind"].append(kind)
            columns["path"].append(path)
            columns["position"].append(position)
            columns["source"].append(citation.source)
            columns["quote"].append(citation.quote)
            columns["locator"].append(citation.locator)
            columns["note"].append(citation.note)

    def claims(self, part: Child, items: tuple[Any, ...], rid: str, kind: str, path: str) -> None:
        columns = self.data["claims"]
        spec = self.specs["claims"]
        for position, claim in enumerate(items):
            where = f"{path}.{part.field}[{position}]"
            for name, value in (
                ("record_id", rid),
                ("record_kind", kind),
                ("path", where),
                ("parent", path),
                ("field", part.field),
                ("position", position),
            ):
                columns[name].append(value)
            value = claim.value
            for value_part in spec.parts:
                if isinstance(value_part, Scalar) and value_part.field == "value":
                    columns[value_part.column.name].append(value if type(value) is str else None)
                elif isinstance(value_part, Nested) and value_part.field == "value":
                    present = value if isinstance(value, value_part.cls) else None
                    self.nested(columns, value_part, present)
                elif isinstance(value_part, DatePart):
                    self.date(columns, value_part, getattr(claim, value_part.field))
                elif isinstance(value_part, Scalar):
                    columns[value_part.column.name].append(getattr(claim, value_part.field))
            table = CLAIM_VALUE_TABLES.get(type(value))
            if table is not None:
                value_columns = self.data[table]
                value_spec = self.specs[table]
                value_columns[value_spec.keys[0].name].append(rid)
                value_columns["position"].append(position)
                value_columns["path"].append(where)
                self.parts(value_columns, value_spec.parts, value, rid, kind, where)
            data = converter.unstructure(value)
            columns["value_json"].append(json.dumps(data, ensure_ascii=False))
            columns["sources"].append([citation.source for citation in claim.citations])
            columns["quotes"].append([c.quote for c in claim.citations if c.quote is not None])
            self.citations(claim.citations, rid, kind, where)


def tables(dataset: Dataset) -> dict[str, Any]:
    """The dataset as named ``pyarrow.Table`` objects (see ``docs/reference/tables.md``).

    Every table of :data:`~incidents.tables.columns.TABLE_NAMES` is present, empty when the
    dataset has no such rows.
    """
    pa = require("pyarrow", "incidents.tables")
    builder = _Builder()
    builder.data["dataset"]["schema_version"].append(dataset.schema_version)
    for table, records, kind in (
        ("actors", dataset.actors, "actor"),
        ("sources", dataset.sources, "source"),
        ("incidents", dataset.incidents, "incident"),
        ("measures", dataset.measures, "measure"),
    ):
        for record in records:
            builder.record(table, record, kind)
    schemas = arrow_schemas()
    return {
        name: pa.Table.from_pydict(_plain(builder.specs[name], columns), schema=schemas[name])
        for name, columns in builder.data.items()
    }


def _plain(spec: TableSpec, columns: Columns) -> Columns:
    """Vocabulary members as their strings (Arrow takes ``str``, not its subclasses)."""
    for column in spec.columns:
        if column.vocabulary is not None:
            columns[column.name] = [None if v is None else v.value for v in columns[column.name]]
    return columns
