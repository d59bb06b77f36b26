"""``diff`` and ``apply``: what changed between two versions of a dataset, as a delta.

A :class:`Delta` lists the records added and removed, and for each record whose content
changed, every field that differs with its old and new value (:class:`Change`). Records are
matched by id. ``apply(old, diff(old, new)) == new``: the delta also says how the records
are ordered when the new dataset does not keep the old order with new records at the end.

Datasets are compared record by record; ids are expected to be unique in each (a valid
dataset's are), a repeated id counts with its first record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from incidents.errors import ArgumentError
from incidents.formats.converter import converter
from incidents.model.dataset import Dataset, Record

__all__ = ["LISTS", "Change", "Delta", "apply", "changed_fields", "diff"]

#: The record lists of a dataset, in order.
LISTS: Final = ("actors", "sources", "incidents", "measures")


@attrs.frozen
class Change:
    """One field of one record that differs: its old and its new value."""

    #: The record's id.
    record_id: str
    #: The field's name (``title``, ``citations``).
    field: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the id, the field, the values as the JSON format writes them."""
        return {
            "id": self.record_id,
            "field": self.field,
            "old": converter.unstructure(self.old),
            "new": converter.unstructure(self.new),
        }

    def __str__(self) -> str:
        old, new = self.old, self.new
        if isinstance(old, tuple) and isinstance(new, tuple):
            gone = [item for item in old if item not in new]
            came = [item for item in new if item not in old]
            parts = [f"- {_show(item)}" for item in gone] + [f"+ {_show(item)}" for item in came]
            if not parts:  # the same items in another order
                parts = [f"order {_show(old)} -> {_show(new)}"]
            return f"{self.field}: " + "; ".join(parts)
        return f"{self.field}: {_show(old)} -> {_show(new)}"


@attrs.frozen(kw_only=True)
class Delta:
    """What turns one dataset into another (see :func:`diff` and :func:`apply`)."""

    #: Records in the new dataset only, in its order.
    added: tuple[Record, ...] = ()
    #: Records in the old dataset only, in its order.
    removed: tuple[Record, ...] = ()
    #: Every differing field of the records in both, in the new dataset's order.
    changed: tuple[Change, ...] = ()
    #: (old, new) when the schema version changed.
    schema_version: tuple[str, str] | None = None
    #: The ids of each record list (actors, sources, incidents, measures) in the new order,
    #: for the lists whose new order is not the old one with the added records at the end
    #: (``()`` for the others); ``None`` when no list is reordered.
    order: tuple[tuple[str, ...], ...] | None = None

    @property
    def equal(self) -> bool:
        """Whether the two datasets were equal (the delta changes nothing)."""
        return not (self.added or self.removed or self.changed or self.schema_version or self.order)

    def __bool__(self) -> bool:
        return not self.equal

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``incidents diff --format json``)."""
        return {
            "equal": self.equal,
            "schema_version": (
                None
                if self.schema_version is None
                else {"old": self.schema_version[0], "new": self.schema_version[1]}
            ),
            "added": [_record_dict(record) for record in self.added],
            "removed": [_record_dict(record) for record in self.removed],
            "changed": [change.to_dict() for change in self.changed],
            "order": (
                None
                if self.order is None
                else {key: list(ids) for key, ids in zip(LISTS, self.order, strict=True) if ids}
            ),
        }

    def lines(self) -> Iterator[str]:
        """The delta for people: ``+ id`` added, ``- id`` removed, ``~ id`` and its fields."""
        if self.schema_version is not None:
            yield f"~ schema_version: {self.schema_version[0]} -> {self.schema_version[1]}"
        for record in self.removed:
            yield f"- {record.id}{_label(record)}"
        for record in self.added:
            yield f"+ {record.id}{_label(record)}"
        current = None
        for change in self.changed:
            if change.record_id != current:
                current = change.record_id
                yield f"~ {current}"
            yield f"    {change}"
        if self.order is not None:
            moved = [name for name, ids in zip(LISTS, self.order, strict=True) if ids]
            yield f"~ order of {', '.join(moved)} changed"

    def __str__(self) -> str:
        return "\n".join(self.lines()) if not self.equal else "no differences"


def changed_fields(old: Record, new: Record) -> list[str]:
    """The names of the fields in which two records of one class differ."""
    return [
        field.name
        for field in attrs.fields(type(old))
        if getattr(old, field.name) != getattr(new, field.name)
    ]


def diff(old: Dataset, new: Dataset) -> Delta:
    """What changed from ``old`` to ``new``: records added, removed, and changed field by
    field (see :class:`Delta`); ``apply(old, diff(old, new)) == new``."""
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Dataset):
            reason = f"expected a Dataset, not {type(value).__name__}"
            raise ArgumentError("diff", name, value, reason)
    before = _index(old.records())
    after = _index(new.records())
    removed = tuple(record for record_id, record in before.items() if record_id not in after)
    added = tuple(record for record_id, record in after.items() if record_id not in before)
    changed = []
    for record_id, record in after.items():
        previous = before.get(record_id)
        if previous is None or previous == record:
            continue
        if type(previous) is not type(record):  # pragma: no cover - the id prefix says the kind
            removed += (previous,)
            added += (record,)
            continue
        for field in changed_fields(previous, record):
            changed.append(
                Change(record_id, field, getattr(previous, field), getattr(record, field))
            )
    version = None
    if old.schema_version != new.schema_version:
        version = (old.schema_version, new.schema_version)
    delta = Delta(added=added, removed=removed, changed=tuple(changed), schema_version=version)
    wanted = [tuple(record.id for record in getattr(new, key)) for key in LISTS]
    applied = apply(old, delta)
    produced = [tuple(record.id for record in getattr(applied, key)) for key in LISTS]
    if produced == wanted:
        return delta
    # Only the lists whose order differs; () for the others (an empty list has no order).
    order = tuple(ids if ids != made else () for ids, made in zip(wanted, produced, strict=True))
    return attrs.evolve(delta, order=order)


def apply(old: Dataset, delta: Delta) -> Dataset:
    """``old`` with ``delta`` applied: removed records taken out, changed fields set, added
    records appended (and the order of the delta, if it has one).

    :class:`~incidents.ArgumentError` if the delta does not fit: a record to remove or
    change that is not there, a field whose old value is not the one the delta expects, an
    added record whose id is taken.
    """
    if not isinstance(old, Dataset):
        raise ArgumentError("apply", "old", old, f"expected a Dataset, not {type(old).__name__}")
    if not isinstance(delta, Delta):
        reason = f"expected a Delta, not {type(delta).__name__}"
        raise ArgumentError("apply", "delta", delta, reason)
    present = _index(old.records())
    gone = {record.id for record in delta.removed}
    changes: dict[str, dict[str, Any]] = {}
    for change in delta.changed:
        record = present.get(change.record_id)
        if record is None or change.record_id in gone:
            raise _misfit(f"the record {change.record_id!r} to change is not in the dataset")
        current = getattr(record, change.field, _MISSING)
        if current is _MISSING or current != change.old:
            raise _misfit(f"{change.record_id} {change.field} is not {_show(change.old)}")
        changes.setdefault(change.record_id, {})[change.field] = change.new
    for record in delta.removed:
        if present.get(record.id) != record:
            raise _misfit(f"the record {record.id!r} to remove is not in the dataset as it was")
    for record in delta.added:
        if record.id in present and record.id not in gone:
            raise _misfit(f"the added record {record.id!r} has an id the dataset already uses")
    lists: dict[str, list[Record]] = {}
    for key in LISTS:
        kept = [
            attrs.evolve(record, **changes[record.id]) if record.id in changes else record
            for record in getattr(old, key)
            if record.id not in gone
        ]
        kept += [record for record in delta.added if _list_of(record) == key]
        lists[key] = kept
    if delta.order is not None:
        for key, ids in zip(LISTS, delta.order, strict=True):
            if not ids:
                continue
            by_id = _index(lists[key])
            lists[key] = [by_id[record_id] for record_id in ids if record_id in by_id]
    version = delta.schema_version[1] if delta.schema_version else old.schema_version
    return Dataset(
        schema_version=version,
        actors=tuple(lists["actors"]),  # type: ignore[arg-type]
        sources=tuple(lists["sources"]),  # type: ignore[arg-type]
        incidents=tuple(lists["incidents"]),  # type: ignore[arg-type]
        measures=tuple(lists["measures"]),  # type: ignore[arg-type]
    )


_MISSING: Final = object()
_LIST_OF_KIND: Final = {"actor": "actors", "source": "sources", "incident": "incidents"}


def _list_of(record: Record) -> str:
    return _LIST_OF_KIND.get(record.id.split(":", 1)[0], "measures")


def _index(records: Iterable[Record]) -> dict[str, Record]:
    index: dict[str, Record] = {}
    for record in records:
        index.setdefault(record.id, record)
    return index


def _misfit(reason: str) -> ArgumentError:
    return ArgumentError("apply", "delta", None, f"the delta does not fit this dataset: {reason}")


def _record_dict(record: Record) -> dict[str, Any]:
    return {"id": record.id, "record": converter.unstructure(record)}


def _label(record: Record) -> str:
    name = getattr(record, "title", None) or getattr(record, "name", None)
    return f" ({name})" if isinstance(name, str) else ""


def _show(value: Any, limit: int = 120) -> str:
    """A value as compact JSON, shortened to about ``limit`` characters."""
    text = json.dumps(converter.unstructure(value), ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= limit else text[: limit - 3] + "..."
