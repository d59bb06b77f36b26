"""Arrow tables back into a dataset: the inverse of :mod:`incidents.tables.build`.

The tables carry every field (the EDTF text of each date, the qualifier of each count, the
position of each list item), so the dataset that comes back equals the one that went in.
Derived columns (a date's first and last day, a claim's ``value_json``, ``sources`` and
``quotes``) are not read. Bad tables raise :class:`~incidents.errors.TableError` naming the
table, the row and the column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from incidents.errors import FieldError, TableError
from incidents.model.citations import Citation
from incidents.model.claims import Claim
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.model.events import IncidentLink
from incidents.model.measures import MeasureLink
from incidents.model.vocabulary import IncidentLinkKind, MeasureLinkKind
from incidents.tables.columns import (
    CLAIM_VALUE_TABLES,
    TABLE_NAMES,
    Child,
    DatePart,
    Nested,
    Part,
    Scalar,
    table_specs,
)

__all__ = ["from_tables"]

Row = dict[str, Any]


class _Loader:
    """The rows of every table, indexed by owner, and the records built from them."""

    def __init__(self, tables: Mapping[str, Any]) -> None:
        self.specs = {spec.name: spec for spec in table_specs()}
        self.rows: dict[str, list[Row]] = {}
        for name in TABLE_NAMES:
            table = tables.get(name)
            if table is None:
                raise TableError(name, None, None, "is missing; give every table tables() makes")
            wanted = [column.name for column in self.specs[name].columns]
            missing = [column for column in wanted if column not in table.column_names]
            if missing:
                raise TableError(name, None, missing[0], "is missing from the table")
            self.rows[name] = table.select(wanted).to_pylist()
        self.children: dict[tuple[str, str], list[tuple[int, Row]]] = defaultdict(list)
        for spec in table_specs():
            if spec.keys and spec.name not in ("claims", "citations", "responses"):
                owner = spec.keys[0].name
                for index, row in enumerate(self.rows[spec.name]):
                    self.children[(spec.name, row[owner])].append((index, row))
        self.claims = self._index("claims", ("record_id", "parent", "field"))
        self.citations = self._index("citations", ("record_id", "path"))
        self.edges = self._index("responses", ("from_id", "field"))
        self.values = {
            table: {(row[self.specs[table].keys[0].name], row["path"]): row for row in rows}
            for table, rows in self.rows.items()
            if table in CLAIM_VALUE_TABLES.values()
        }

    def _index(self, table: str, keys: tuple[str, ...]) -> dict[tuple[Any, ...], list[Row]]:
        index: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
        for row in self.rows[table]:
            index[tuple(row[key] for key in keys)].append(row)
        for found in index.values():
            found.sort(key=lambda row: row["position"])
        return index

    def dataset(self) -> Dataset:
        if len(self.rows["dataset"]) != 1:
            raise TableError("dataset", None, None, "must have exactly one row")
        meta = self.rows["dataset"][0]
        records: dict[str, tuple[Any, ...]] = {}
        for table in ("actors", "sources", "incidents", "measures"):
            spec = self.specs[table]
            assert spec.item is not None  # noqa: S101 - every record table has its class
            seen: set[str] = set()
            built = []
            for index, row in enumerate(self.rows[table]):
                if row["id"] in seen:
                    reason = f"repeats the id {row['id']!r}; ids must be unique to be read back"
                    raise TableError(table, index, "id", reason)
                seen.add(row["id"])
                built.append(self.build(table, index, spec.item, spec.parts, row, row["id"], "$"))
            records[table] = tuple(built)
        dataset: Dataset = self.make(
            "dataset", 0, Dataset, {**records, **self.fields("dataset", 0, meta)}
        )
        return dataset

    def build(
        self,
        table: str,
        index: int,
        cls: type,
        parts: tuple[Part, ...],
        row: Row,
        rid: str,
        path: str,
    ) -> Any:
        """Build one record of ``cls`` from its row and the rows of its lists."""
        values: dict[str, Any] = {}
        for part in parts:
            if isinstance(part, Child):
                found = self.child(part, rid, path)
                if found:
                    values[part.field] = found
                continue
            value = self.value(table, index, part, row)
            if value is not None:
                values[part.field] = value
        return self.make(table, index, cls, values)

    def fields(self, table: str, index: int, row: Row) -> dict[str, Any]:
        values = {}
        for part in self.specs[table].parts:
            if not isinstance(part, Child):
                value = self.value(table, index, part, row)
                if value is not None:
                    values[part.field] = value
        return values

    def value(self, table: str, index: int, part: Part, row: Row) -> Any:
        """The value of one scalar, date or nested part of a row (``None``: absent)."""
        if isinstance(part, Scalar):
            value = row[part.column.name]
            if value is not None and part.column.vocabulary is not None:
                try:
                    return part.column.vocabulary(value)
                except ValueError:
                    reason = f"{value!r} is not a {part.column.vocabulary.__name__}"
                    raise TableError(table, index, part.column.name, reason) from None
            return value
        if isinstance(part, DatePart):
            text = row[part.edtf.name]
            if text is None:
                return None
            try:
                return PartialDate.parse(text)
            except FieldError as error:
                raise TableError(table, index, part.edtf.name, error.reason) from None
        if isinstance(part, Nested):
            values = {}
            for inner in part.parts:
                value = self.value(table, index, inner, row)
                if value is not None:
                    values[inner.field] = value
            return self.make(table, index, part.cls, values) if values else None
        raise TypeError(part)  # pragma: no cover - children are read by child()

    def child(self, part: Child, rid: str, path: str) -> tuple[Any, ...]:
        """The items of one list field of the record ``rid`` at ``path``."""
        if part.mode == "citations":
            spec = self.specs["citations"]
            return tuple(
                self.build("citations", 0, Citation, spec.parts, row, rid, path)
                for row in self.citations.get((rid, path), ())
            )
        if part.mode == "claims":
            return tuple(
                self.claim(row, rid) for row in self.claims.get((rid, path, part.field), ())
            )
        if part.mode == "edges":
            rows = self.edges.get((rid, part.field), ())
            if part.field == "in_response_to":
                return tuple(row["to_id"] for row in rows)
            link, kinds = (
                (MeasureLink, MeasureLinkKind)
                if rid.startswith("measure:")
                else (IncidentLink, IncidentLinkKind)
            )
            links = []
            for row in rows:
                try:
                    kind = kinds(row["kind"])
                except ValueError:
                    reason = f"{row['kind']!r} is not a {kinds.__name__}"
                    raise TableError("responses", None, "kind", reason) from None
                values = {"kind": kind, "target": row["to_id"]}
                links.append(self.make("responses", 0, link, values))
            return tuple(links)
        spec = self.specs[part.table]
        owned = self.children.get((part.table, rid), [])
        ordered = sorted(owned, key=lambda item: int(item[1]["position"]))
        if part.mode == "values":
            value = spec.columns[-1].name
            return tuple(row[value] for _, row in ordered)
        assert part.item is not None  # noqa: S101 - a records child has its class
        prefix = f"{path}.{part.field}["
        return tuple(
            self.build(part.table, index, part.item, spec.parts, row, rid, row["path"])
            for index, row in ordered
            if row["path"].startswith(prefix)
        )

    def claim(self, row: Row, rid: str) -> Claim[Any]:
        spec = self.specs["claims"]
        values: dict[str, Any] = {}
        claimed: Any = None
        for part in spec.parts:
            if part.field == "value":
                found = self.value("claims", 0, part, row)
                claimed = found if found is not None else claimed
            elif not isinstance(part, Child):
                found = self.value("claims", 0, part, row)
                if found is not None:
                    values[part.field] = found
        for table, by_path in self.values.items():
            value_row = by_path.get((rid, row["path"]))
            if value_row is not None:
                value_spec = self.specs[table]
                assert value_spec.item is not None  # noqa: S101
                claimed = self.build(
                    table, 0, value_spec.item, value_spec.parts, value_row, rid, row["path"]
                )
        if claimed is None:
            reason = f"the claim at {row['path']} of {rid} has no typed value"
            raise TableError("claims", None, "value_text", reason)
        citations = self.child(Child("citations", "citations", "citations"), rid, row["path"])
        if citations:
            values["citations"] = citations
        made: Claim[Any] = self.make("claims", 0, Claim, {"value": claimed, **values})
        return made

    def make(self, table: str, index: int, cls: type, values: dict[str, Any]) -> Any:
        try:
            return cls(**values)
        except FieldError as error:
            raise TableError(table, index, error.field, error.reason) from None
        except TypeError as error:
            reason = f"cannot build a {cls.__name__}: {error}"
            raise TableError(table, index, None, reason) from None


def from_tables(tables: Mapping[str, Any]) -> Dataset:
    """The dataset that :func:`~incidents.tables.build.tables` made ``tables`` from.

    ``tables`` maps each table name to a ``pyarrow.Table`` (as ``tables()`` returns them, or
    as read back from Parquet files); the result equals the original dataset.
    """
    return _Loader(tables).dataset()
