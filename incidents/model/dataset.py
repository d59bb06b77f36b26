"""A dataset: one file's worth of actors, sources, incidents and measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from typing import Final, TypeVar, overload

import attrs

from incidents.errors import UnknownIdError
from incidents.model._convert import items, keep
from incidents.model._fields import Each, InstanceOf, Pattern, doc
from incidents.model.actors import Actor
from incidents.model.events import Incident
from incidents.model.measures import DiplomaticMeasure
from incidents.model.sources import Source

__all__ = ["SCHEMA_VERSION", "Dataset", "Record"]

#: The newest version of the record format, the one a new :class:`Dataset` declares. Files of
#: any 1.x version are read; a dataset is written with the version it declares, so a 1.0
#: file read and written again stays a 1.0 file (``docs/versioning.md``).
SCHEMA_VERSION: Final = "1.1"

#: Any record with an id.
Record = Actor | Source | Incident | DiplomaticMeasure
R = TypeVar("R", Actor, Source, Incident, DiplomaticMeasure)


def to_actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return items(value)


def to_sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return items(value)


def to_incidents(value: Iterable[Incident]) -> tuple[Incident, ...]:
    return items(value)


def to_measures(value: Iterable[DiplomaticMeasure]) -> tuple[DiplomaticMeasure, ...]:
    return items(value)


@attrs.frozen(kw_only=True)
class Dataset:
    """The records of one file, with lookup by id.

    Casualties live inside their incidents: a casualty exists only as part of an incident,
    so nesting keeps ownership explicit and needs no id or back-reference to check.

    Building a dataset checks each record; it does not check that references resolve or ids
    are unique (a dataset may be work in progress). Lookup by id returns the first record
    with that id.
    """

    schema_version: str = attrs.field(
        default=SCHEMA_VERSION,
        validator=Pattern(r"^1\.(0|[1-9][0-9]*)$", "a 1.x schema version such as '1.1'"),
        metadata=doc(
            "Version of the record format: '1.1' for a new dataset, '1.0' for a file that "
            "uses nothing added since."
        ),
    )
    actors: tuple[Actor, ...] = attrs.field(
        converter=to_actors,
        default=(),
        validator=Each(InstanceOf(Actor)),
        metadata=doc("Actors."),
    )
    sources: tuple[Source, ...] = attrs.field(
        converter=to_sources,
        default=(),
        validator=Each(InstanceOf(Source)),
        metadata=doc("Sources."),
    )
    incidents: tuple[Incident, ...] = attrs.field(
        converter=to_incidents,
        default=(),
        validator=Each(InstanceOf(Incident)),
        metadata=doc("Incidents."),
    )
    measures: tuple[DiplomaticMeasure, ...] = attrs.field(
        converter=to_measures,
        default=(),
        validator=Each(InstanceOf(DiplomaticMeasure)),
        metadata=doc("Diplomatic measures."),
    )

    @cached_property
    def _index(self) -> Mapping[str, Record]:
        index: dict[str, Record] = {}
        for record in self.records():
            index.setdefault(record.id, record)
        return index

    def __iter__(self) -> Iterator[Record]:
        """Every record, as :meth:`records` gives them: ``list(dataset)``, ``for record in
        dataset``."""
        return self.records()

    def chronological(self) -> list[Incident | DiplomaticMeasure]:
        """The incidents and measures by date: by :meth:`PartialDate.sort_key` of their date
        (a measure's earlier of announced and effective), undated last, and in file order
        where dates tie."""
        events: list[Incident | DiplomaticMeasure] = [*self.incidents, *self.measures]
        undated = (dt.date.max, dt.date.max)
        return sorted(events, key=lambda event: event.date.sort_key() if event.date else undated)

    def records(self) -> Iterator[Record]:
        """Every record: actors, then sources, incidents and measures, in file order."""
        yield from self.actors
        yield from self.sources
        yield from self.incidents
        yield from self.measures

    @overload
    def get(self, record_id: str) -> Record | None: ...
    @overload
    def get(self, record_id: str, kind: type[R]) -> R | None: ...
    def get(self, record_id: str, kind: type[R] | None = None) -> Record | None:
        """The record with ``record_id``, or ``None``; with ``kind``, only a record of it."""
        record = self._index.get(record_id)
        if kind is not None and not isinstance(record, kind):
            return None
        return record

    def __getitem__(self, record_id: str) -> Record:
        record = self._index.get(record_id)
        if record is None:
            raise UnknownIdError(record_id)
        return record

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._index

    def __len__(self) -> int:
        return len(self.actors) + len(self.sources) + len(self.incidents) + len(self.measures)


keep(to_actors, to_sources, to_incidents, to_measures)
