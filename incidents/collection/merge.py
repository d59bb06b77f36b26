"""``merge``: several datasets as one, without one source overwriting another.

Records are matched by id. Equal records collapse to one. Two versions of one record are
merged field by field:

* a field one version leaves out (``None``) takes the other's value;
* a list field is the union of both, in order of first appearance: the claims, citations,
  participants, casualties, names of both (claims are the model's way to hold
  disagreement, so "around 50" from one source and "nine" from another both stay). An item
  that is one thing told twice is merged in turn rather than repeated, when each list has
  one of it: a claim with the same value, claimant and stance (the citations of both
  united), a casualty of the same person and outcome (or the group of an outcome), a
  participant with the same actor and role;
* a location is merged like a record;
* any other difference (two titles, two dates, two statuses) is a conflict.

Conflicts are all collected and raised together as a :class:`~incidents.MergeError` with
both values and where each came from, unless ``prefer`` picks a side (``"first"``: the
value of the earliest input that has one; ``"last"``: the latest). Merging is associative
and idempotent: ``merge(merge(a, b), c) == merge(a, merge(b, c))`` and
``merge(a, a) == a``. The merged dataset declares the newest schema version of its inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, Literal

import attrs

from incidents.collection.diff import LISTS
from incidents.collection.manifest import newest
from incidents.errors import ArgumentError, FieldError, MergeConflict, MergeError
from incidents.model.casualties import Casualty
from incidents.model.claims import Claim
from incidents.model.dataset import Dataset, Record
from incidents.model.events import Participant
from incidents.model.locations import Location

__all__ = ["Prefer", "merge"]

#: Which side a conflict keeps: the first input's value or the last one's.
Prefer = Literal["first", "last"]

#: Plain fields merged like records (a location told more precisely in one input).
_NESTED: Final = (Location,)


def merge(
    *datasets: Dataset, prefer: Prefer | None = None, names: Sequence[str] | None = None
) -> Dataset:
    """One dataset of ``datasets``: equal records once, versions of one record merged (see
    the module's documentation); a :class:`~incidents.MergeError` listing every conflict
    unless ``prefer`` is ``"first"`` or ``"last"``.

    ``names`` name the inputs in conflicts (file names, say); by default ``input 1``,
    ``input 2``...
    """
    for position, dataset in enumerate(datasets):
        if not isinstance(dataset, Dataset):
            reason = f"expected a Dataset, not {type(dataset).__name__}"
            raise ArgumentError("merge", f"datasets[{position}]", dataset, reason)
    if prefer not in (None, "first", "last"):
        raise ArgumentError("merge", "prefer", prefer, "expected 'first', 'last' or None")
    labels = list(names) if names is not None else []
    if len(labels) != len(datasets):
        if names is not None:
            reason = f"expected {len(datasets)} names, one per dataset"
            raise ArgumentError("merge", "names", names, reason)
        labels = [f"input {position}" for position in range(1, len(datasets) + 1)]
    merger = _Merger(prefer)
    lists: dict[str, dict[str, Record]] = {key: {} for key in LISTS}
    origins: dict[str, list[str]] = {}
    for label, dataset in zip(labels, datasets, strict=True):
        for key in LISTS:
            records = lists[key]
            for record in getattr(dataset, key):
                first = records.get(record.id)
                if first is None:
                    records[record.id] = record
                    origins[record.id] = [label]
                    continue
                if first != record:
                    records[record.id] = merger.record(first, record, origins[record.id], label)
                if label not in origins[record.id]:
                    origins[record.id].append(label)
    if merger.conflicts:
        raise MergeError(merger.conflicts)
    return Dataset(
        schema_version=newest([dataset.schema_version for dataset in datasets]),
        actors=tuple(lists["actors"].values()),  # type: ignore[arg-type]
        sources=tuple(lists["sources"].values()),  # type: ignore[arg-type]
        incidents=tuple(lists["incidents"].values()),  # type: ignore[arg-type]
        measures=tuple(lists["measures"].values()),  # type: ignore[arg-type]
    )


class _Merger:
    """Merges versions of records, collecting the conflicts."""

    def __init__(self, prefer: Prefer | None) -> None:
        self.prefer = prefer
        self.conflicts: list[MergeConflict] = []

    def record(self, first: Record, second: Record, before: list[str], label: str) -> Record:
        """The two versions of one record as one."""
        self.record_id = first.id
        self.origins = (" + ".join(before), label)
        merged: Record = self._value(first, second, "")
        return merged

    def _value(self, first: Any, second: Any, path: str) -> Any:
        if first == second:
            return first
        if first is None:
            return second
        if second is None:
            return first
        if isinstance(first, tuple) and isinstance(second, tuple):
            return self._union(first, second, path)
        if type(first) is type(second) and _mergeable(first):
            return self._fields(first, second, path)
        return self._conflict(first, second, path)

    def _fields(self, first: Any, second: Any, path: str) -> Any:
        changes = {}
        for field in attrs.fields(type(first)):
            old, new = getattr(first, field.name), getattr(second, field.name)
            if old != new:
                changes[field.name] = self._value(old, new, _join(path, field.name))
        try:
            return attrs.evolve(first, **changes)
        except FieldError as error:  # the union breaks a rule of the record
            where = _join(path, error.field)
            reason = f"the merged record is not valid: {error.reason}"
            self.conflicts.append(
                MergeConflict(
                    self.record_id,
                    where,
                    (
                        (self.origins[0], getattr(first, error.field, None)),
                        (self.origins[1], reason),
                    ),
                )
            )
            return first

    def _union(self, first: tuple[Any, ...], second: tuple[Any, ...], path: str) -> tuple[Any, ...]:
        items = list(first)
        for item in second:
            if item in items:
                continue
            key = _identity(item)
            matches = [
                i for i, mine in enumerate(items) if key is not None and _identity(mine) == key
            ]
            alike = [other for other in second if key is not None and _identity(other) == key]
            if len(matches) == 1 and len(alike) == 1:  # one thing told twice: merge the two
                index = matches[0]
                items[index] = self._value(items[index], item, _join(path, str(index)))
            else:
                items.append(item)
        return tuple(items)

    def _conflict(self, first: Any, second: Any, path: str) -> Any:
        if self.prefer == "first":
            return first
        if self.prefer == "last":
            return second
        values = ((self.origins[0], first), (self.origins[1], second))
        self.conflicts.append(MergeConflict(self.record_id, path or "(record)", values))
        return first


def _mergeable(value: Any) -> bool:
    """Whether a value is merged field by field: a record, a location, or a list item that
    is one thing told twice (:func:`_identity`)."""
    if isinstance(value, _NESTED) or _identity(value) is not None:
        return True
    return attrs.has(type(value)) and hasattr(value, "id")


def _identity(item: Any) -> tuple[Any, ...] | None:
    """What makes two list items one thing told twice (merged, not repeated); ``None`` for
    items that are only ever equal or different."""
    if isinstance(item, Claim):
        return ("claim", item.value, item.claimed_by, item.stance)
    if isinstance(item, Casualty):  # a person, or the one group of an outcome
        return ("casualty", item.outcome, item.person)
    if isinstance(item, Participant):
        return ("participant", item.actor, item.role)
    return None


def _join(path: str, step: str) -> str:
    return f"{path}/{step}" if path else step
