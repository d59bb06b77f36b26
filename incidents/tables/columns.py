"""The tables and their columns, generated from the record classes and their field checks.

One walk over :class:`~incidents.model.dataset.Dataset` and the classes it holds decides every
table and column, the way the JSON Schema and XSD generators read the same fields: a field's
check says its column type (:class:`~incidents.model._fields.Text` and
:class:`~incidents.model._fields.Ref` are text, :class:`~incidents.model._fields.IntRange` an
integer, a vocabulary its strings, ``Maybe`` makes it nullable), a partial date becomes four
columns (``_start``, ``_end``, ``_edtf``, ``_precision``), a count or a location is flattened
with its field name as prefix, and a list becomes rows of another table. Nothing here imports
pyarrow: :mod:`incidents.tables.arrow_schemas` turns the plan into Arrow schemas.
"""

from __future__ import annotations

from functools import cache
from typing import Final, Literal

import attrs

from incidents.model._fields import (
    Check,
    Country,
    Each,
    FloatRange,
    InstanceOf,
    IntRange,
    Language,
    Maybe,
    Pattern,
    Ref,
    Text,
    Url,
)
from incidents.model.actors import Affiliation
from incidents.model.citations import Citation
from incidents.model.claims import Claim, ClaimOf
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.model.events import IncidentLink
from incidents.model.measures import MeasureLink
from incidents.model.vocabulary import Vocabulary

__all__ = [
    "CLAIM_VALUE_TABLES",
    "TABLE_NAMES",
    "Child",
    "Column",
    "ColumnType",
    "DatePart",
    "Nested",
    "Part",
    "Scalar",
    "TableSpec",
    "table_specs",
]

#: The column types; :mod:`incidents.tables.arrow_schemas` maps each to an Arrow type.
ColumnType = Literal["string", "int64", "float64", "bool", "date32", "list<string>"]

#: Child tables named for the domain rather than ``owner_field``.
_RENAMED: Final = {
    ("incident", "participants"): "participants",
    ("incident", "casualties"): "casualties",
    ("actor", "affiliations"): "affiliations",
}
#: Claims whose value is a record get a table of their own for the value's columns.
CLAIM_VALUE_TABLES: Final = {Affiliation: "affiliations"}


@attrs.frozen
class Column:
    """One column: its name, type, whether it may be null, and what it holds."""

    name: str
    kind: ColumnType
    nullable: bool
    doc: str
    #: The vocabulary whose strings the column holds, if any.
    vocabulary: type[Vocabulary] | None = None


@attrs.frozen
class Scalar:
    """A field stored as one column."""

    field: str
    column: Column


@attrs.frozen
class DatePart:
    """A partial date stored as four columns: first and last day, EDTF text, precision."""

    field: str
    start: Column
    end: Column
    edtf: Column
    precision: Column

    @property
    def columns(self) -> tuple[Column, ...]:
        """The four columns, in order."""
        return (self.start, self.end, self.edtf, self.precision)


@attrs.frozen
class Nested:
    """A value record (a count, a location) flattened into columns with a prefix.

    The value is absent exactly when all its columns are null: a count always has a
    qualifier, and a location a name, a country or coordinates.
    """

    field: str
    cls: type
    parts: tuple[Part, ...]


@attrs.frozen
class Child:
    """A list field, stored as rows of another table.

    ``mode`` is ``"records"`` (each item a row of ``table``), ``"values"`` (each id or text a
    row), ``"claims"``, ``"citations"`` or ``"edges"`` (rows of ``responses``).
    """

    field: str
    table: str
    mode: Literal["records", "values", "claims", "citations", "edges"]
    #: The record class of each item (mode ``"records"``).
    item: type | None = None
    #: The check of each claim's value (mode ``"claims"``).
    value: Check | None = None
    doc: str = ""


Part = Scalar | DatePart | Nested | Child


@attrs.frozen
class TableSpec:
    """One table: its name, what a row is, its key columns and the parts of its item class."""

    name: str
    doc: str
    keys: tuple[Column, ...] = ()
    parts: tuple[Part, ...] = ()
    extra: tuple[Column, ...] = ()
    #: The record class a row holds (``None`` for edge and value tables).
    item: type | None = None

    @property
    def columns(self) -> tuple[Column, ...]:
        """Every column, in order: keys, the item's columns, then derived ones."""
        return (*self.keys, *_columns(self.parts), *self.extra)


def _columns(parts: tuple[Part, ...]) -> tuple[Column, ...]:
    found: list[Column] = []
    for part in parts:
        if isinstance(part, Scalar):
            found.append(part.column)
        elif isinstance(part, DatePart):
            found.extend(part.columns)
        elif isinstance(part, Nested):
            found.extend(_columns(part.parts))
    return tuple(found)


def _scalar_type(check: Check) -> tuple[ColumnType, type[Vocabulary] | None] | None:
    """The column type a scalar check describes (``None``: not a scalar)."""
    if isinstance(check, Text | Ref | Country | Language | Url | Pattern):
        return "string", None
    if isinstance(check, IntRange):
        return "int64", None
    if isinstance(check, FloatRange):
        return "float64", None
    if isinstance(check, InstanceOf) and isinstance(check.kind, type):
        if issubclass(check.kind, Vocabulary):
            return "string", check.kind
        if check.kind is bool:
            return "bool", None
    return None


def _doc(field: attrs.Attribute[object]) -> str:
    return str(field.metadata.get("doc", ""))


def _date(name: str, nullable: bool, doc: str) -> DatePart:
    return DatePart(
        field=name,
        start=Column(f"{name}_start", "date32", nullable, f"{doc} First day it may be."),
        end=Column(f"{name}_end", "date32", nullable, f"{doc} Last day it may be."),
        edtf=Column(f"{name}_edtf", "string", nullable, f"{doc} As EDTF text."),
        precision=Column(
            f"{name}_precision",
            "string",
            nullable,
            f"{doc} Precision: 'day', 'month' or 'year' (the coarser end of an interval).",
        ),
    )


def plan(
    cls: type,
    prefix: str = "",
    nullable: bool = False,
    owner: str = "",
    skip: frozenset[str] = frozenset(),
) -> tuple[Part, ...]:
    """The parts of record class ``cls``: its fields as columns and child tables.

    ``prefix`` names the columns of a flattened value (``location_``), ``nullable`` makes
    them all nullable (the value itself is optional), ``owner`` is the singular name of the
    table that holds ``cls`` (``incident``), for naming child tables; the fields in ``skip``
    are left out.
    """
    parts: list[Part] = []
    for field in attrs.fields(cls):
        if field.name in skip:
            continue
        check = field.validator
        optional = nullable
        if isinstance(check, Maybe):
            check, optional = check.check, True
        name, doc = f"{prefix}{field.name}", _doc(field)
        if not isinstance(check, Check):
            raise TypeError(f"{cls.__name__}.{field.name}: no field check to read a column from")
        scalar = _scalar_type(check)
        if scalar is not None:
            column = Column(name, scalar[0], optional, doc, scalar[1])
            parts.append(Scalar(field.name, column))
        elif isinstance(check, InstanceOf) and check.kind is PartialDate:
            parts.append(_date(name, optional, doc))
        elif isinstance(check, InstanceOf) and isinstance(check.kind, type):
            inner = plan(check.kind, f"{name}_", optional, owner)
            if any(isinstance(part, Child) for part in inner):
                raise TypeError(f"{cls.__name__}.{field.name}: a nested value with lists")
            parts.append(Nested(field.name, check.kind, inner))
        elif isinstance(check, Each):
            parts.append(_child(cls, field.name, check.check, owner, doc))
        else:
            raise TypeError(f"{cls.__name__}.{field.name}: no column type for {check!r}")
    return tuple(parts)


def _child(cls: type, field: str, check: Check, owner: str, doc: str) -> Child:
    if isinstance(check, ClaimOf):
        return Child(field, "claims", "claims", value=check.check)
    if isinstance(check, InstanceOf) and check.kind is Citation:
        return Child(field, "citations", "citations")
    if field == "in_response_to" or (
        isinstance(check, InstanceOf) and check.kind in (IncidentLink, MeasureLink)
    ):
        return Child(field, "responses", "edges")
    table = _RENAMED.get((owner, field), f"{owner}_{field}")
    if isinstance(check, InstanceOf) and isinstance(check.kind, type) and attrs.has(check.kind):
        return Child(field, table, "records", check.kind)
    if _scalar_type(check) == ("string", None):
        return Child(field, table, "values", doc=doc)
    raise TypeError(f"{cls.__name__}.{field}: no table for a list of {check!r}")


def _key(name: str, doc: str, type_: ColumnType = "string") -> Column:
    return Column(name, type_, False, doc)


def _owned(owner: str, what: str, path: bool) -> tuple[Column, ...]:
    keys = (
        _key(f"{owner}_id", f"Id of the {owner} the {what} belongs to."),
        _key("position", "Its place in its list, from 0.", "int64"),
    )
    if not path:
        return keys
    where = _key("path", f"Where the {what} is in the {owner}, as JSONPath ('$.casualties[0]').")
    return (*keys, where)


def _ids(what: str) -> tuple[Column, ...]:
    return (
        _key("record_id", f"Id of the record (actor, incident or measure) that holds the {what}."),
        _key("record_kind", "Its kind: 'actor', 'source', 'incident' or 'measure'."),
    )


@cache
def table_specs() -> tuple[TableSpec, ...]:
    """Every table, in the order of :data:`TABLE_NAMES`."""
    dataset_parts = tuple(part for part in plan(Dataset) if not isinstance(part, Child))
    specs: dict[str, TableSpec] = {
        "dataset": TableSpec("dataset", _DOCS["dataset"], parts=dataset_parts, item=Dataset)
    }
    queue: list[tuple[str, Child]] = []
    for field in attrs.fields(Dataset):
        check = field.validator
        if isinstance(check, Each) and isinstance(check.check, InstanceOf):
            cls = check.check.kind
            assert isinstance(cls, type)  # noqa: S101 - Dataset holds tuples of records
            owner = field.name.removesuffix("s")
            parts = plan(cls, owner=owner)
            specs[field.name] = TableSpec(field.name, _DOCS[field.name], (), parts, (), cls)
            queue += [(owner, part) for part in parts if isinstance(part, Child)]
    claim_values: list[Check] = []
    while queue:
        owner, child = queue.pop(0)
        if child.mode == "claims" and child.value is not None:
            claim_values.append(child.value)
            kind = child.value.kind if isinstance(child.value, InstanceOf) else None
            if kind in CLAIM_VALUE_TABLES:
                assert isinstance(kind, type)  # noqa: S101
                name = CLAIM_VALUE_TABLES[kind]
                keys = _owned(owner, "claim", path=True)
                specs[name] = TableSpec(
                    name, _doc_of(name), keys, plan(kind, owner=owner), (), kind
                )
        elif child.mode == "records" and child.item is not None and child.table not in specs:
            parts = plan(child.item, owner=owner)
            keys = _owned(owner, child.item.__name__.lower(), path=True)
            specs[child.table] = TableSpec(
                child.table, _doc_of(child.table), keys, parts, (), child.item
            )
            queue += [(owner, part) for part in parts if isinstance(part, Child)]
        elif child.mode == "values":
            value = Column(child.field.removesuffix("s"), "string", False, child.doc)
            specs[child.table] = TableSpec(
                child.table, _doc_of(child.table), _owned(owner, "item", path=False), (), (value,)
            )
    specs["responses"] = _responses()
    specs["claims"] = _claims(claim_values)
    specs["citations"] = _citations()
    unnamed = sorted(set(specs) - set(TABLE_NAMES))
    if unnamed:  # a new list field: name its table in TABLE_NAMES and document it
        raise TypeError(f"tables without a place in TABLE_NAMES: {', '.join(unnamed)}")
    return tuple(specs[name] for name in TABLE_NAMES if name in specs)


def _responses() -> TableSpec:
    keys = (
        _key("from_id", "Id of the incident or measure that responds or links."),
        _key("to_id", "Id of the incident or measure it responds to or links to."),
        _key(
            "kind",
            "'in_response_to', or the link kind (IncidentLinkKind, MeasureLinkKind).",
        ),
        _key("field", "The field that holds the edge: 'in_response_to' or 'links'."),
        _key("position", "Its place in that field's list, from 0.", "int64"),
    )
    return TableSpec("responses", _DOCS["responses"], keys)


def _claims(values: list[Check]) -> TableSpec:
    keys = (
        *_ids("claim"),
        _key("path", "Where the claim is in the record, as JSONPath ('$.casualties[0].count[1]')."),
        _key("parent", "Where the list of claims is held: '$' (the record) or '$.casualties[0]'."),
        _key("field", "The field of claims: 'count', 'cause', 'responsibility', ..."),
        _key("position", "Its place in that list, from 0.", "int64"),
    )
    value_parts: list[Part] = []
    if any(_scalar_type(value) == ("string", None) for value in values):
        text = Column("value_text", "string", True, "The value, when it is an id or text.")
        value_parts.append(Scalar("value", text))
    for value in values:
        kind = value.kind if isinstance(value, InstanceOf) else None
        new = not any(isinstance(p, Nested) and p.cls is kind for p in value_parts)
        if isinstance(kind, type) and kind not in CLAIM_VALUE_TABLES and new:
            value_parts.append(Nested("value", kind, plan(kind, "value_", True)))
    envelope = tuple(
        part for part in plan(Claim, skip=frozenset({"value"})) if not isinstance(part, Child)
    )
    extra = (
        Column("value_json", "string", False, "The claimed value as JSON, whatever its type."),
        Column("sources", "list<string>", False, "Ids of the sources its citations cite."),
        Column("quotes", "list<string>", False, "The quotes of its citations that have one."),
    )
    return TableSpec("claims", _DOCS["claims"], keys, (*value_parts, *envelope), extra, Claim)


def _citations() -> TableSpec:
    keys = (
        *_ids("citation"),
        _key("path", "Where the cited fact is in the record, as JSONPath: '$' for the record."),
        _key("position", "Its place in that fact's citations, from 0.", "int64"),
    )
    return TableSpec("citations", _DOCS["citations"], keys, plan(Citation), (), Citation)


def _doc_of(name: str) -> str:
    return _DOCS.get(name, "")


#: Every table, in the order they are documented and written.
TABLE_NAMES: Final = (
    "dataset",
    "actors",
    "actor_names",
    "actor_members",
    "affiliations",
    "actor_identifiers",
    "sources",
    "source_authors",
    "incidents",
    "participants",
    "casualties",
    "measures",
    "measure_targets",
    "measure_subjects",
    "responses",
    "claims",
    "citations",
)

_DOCS: Final = {
    "dataset": "One row: the dataset's schema version.",
    "actors": "One row per actor.",
    "actor_names": "One row per other name of an actor.",
    "actor_members": "One row per listed member of a coalition.",
    "affiliations": (
        "One row per affiliation claim: the claimed membership. The claim itself (claimant, "
        "stance, sources) is the row of claims with the same actor id and path."
    ),
    "actor_identifiers": "One row per identifier of an actor in another registry.",
    "sources": "One row per source.",
    "source_authors": "One row per byline of a source.",
    "incidents": "One row per incident.",
    "participants": "One row per participant of an incident.",
    "casualties": (
        "One row per casualty (a person or a counted group) of an incident; its counts and "
        "causes are rows of claims whose parent is the casualty's path."
    ),
    "measures": "One row per diplomatic measure.",
    "measure_targets": "One row per target of a measure.",
    "measure_subjects": "One row per subject of a measure.",
    "responses": (
        "One row per edge between events: each in_response_to entry and each typed link of "
        "an incident or a measure."
    ),
    "claims": (
        "One row per claim, wherever it is (a casualty's count and cause, an incident's "
        "responsibility, a measure's count and attribution, an actor's affiliations): every "
        "contested fact is one row, in the statement style of FollowTheMoney."
    ),
    "citations": "One row per citation, of a record or of anything in it.",
}
