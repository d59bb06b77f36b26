"""What record constructors convert: the obvious forms of a value, to the field's type.

``Incident(kind="raid", date="2025-06-27", citations=[...])`` builds the same record as
``Incident(kind=IncidentKind.RAID, date=PartialDate.parse("2025-06-27"), citations=(...,))``:

* a vocabulary term's text (``"raid"``) becomes the member (``IncidentKind.RAID``);
* EDTF text (``"2025-06"``) or a :class:`datetime.date` becomes a :class:`PartialDate`;
* any iterable (a list, a generator) becomes a tuple, in its order; text, bytes, mappings
  and sets are not lists of items (a set has no order) and are refused;
* a plain ``int`` becomes ``Count.exactly(n)``.

Anything else is passed on unchanged, and the field check refuses it with the same
:class:`~incidents.errors.FieldError` as before (naming the record and the field).

Each converter is a named function whose parameter says what it takes: the mypy attrs
plugin reads the ``__init__`` parameter types from them, and understands neither generic
converters nor factories that make them, so there is one per field type. The compiled
loaders build records without ``__init__`` from values already of the field's type, which
these converters return unchanged: :data:`FAITHFUL` lists them, for the loaders to skip.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping, Set
from typing import Any, Final, TypeVar, cast

import attrs

from incidents.errors import FieldError, PositionalArgumentError
from incidents.model.dates import PartialDate
from incidents.model.measure_kinds import MeasureKind
from incidents.model.vocabulary import (
    ActorKind,
    CasualtyOutcome,
    Confidence,
    CountQualifier,
    CountUnit,
    IdentifierScheme,
    IncidentKind,
    IncidentLinkKind,
    LocationPrecision,
    MeasureLinkKind,
    MeasureStatus,
    ParticipantRole,
    Publicity,
    SourceKind,
    Stance,
    Vocabulary,
)

T = TypeVar("T")
V = TypeVar("V", bound=Vocabulary)

#: Iterables that are not lists of items: text and bytes (of characters), mappings (of
#: keys) and sets (no order: the record would differ from one run to the next).
_NOT_ITEMS: Final = (str, bytes, bytearray, Mapping, Set)


# ------------------------------------------------------------------- the three rules


def items(value: Iterable[T]) -> tuple[T, ...]:
    """``value`` as a tuple, if it is an iterable of items; else unchanged (refused later)."""
    if type(value) is tuple or isinstance(value, _NOT_ITEMS) or not isinstance(value, Iterable):
        return cast("tuple[T, ...]", value)
    return tuple(value)


def _member(vocabulary: type[V], value: object) -> V:
    """The member of ``vocabulary`` whose term is ``value``; else ``value`` unchanged."""
    if type(value) is str:
        member = vocabulary._value2member_map_.get(value)
        if member is not None:
            return cast(V, member)
    return cast(V, value)


def _date(value: object) -> PartialDate:
    """``value`` read as EDTF text, or a :class:`datetime.date` as its day; else unchanged.

    Text that is not a date is left as it is: the field check then says what is wrong
    with it (:meth:`PartialDate.text_problem`), naming the record and the field.
    """
    if type(value) is str:
        try:
            return PartialDate.parse(value)
        except FieldError:
            pass
    elif type(value) is dt.date:  # not a datetime: its time of day would be dropped
        return PartialDate.of(value.year, value.month, value.day)
    return cast(PartialDate, value)


# ----------------------------------------------------------------------- vocabularies


def to_actor_kind(value: ActorKind | str) -> ActorKind:
    return _member(ActorKind, value)


def to_source_kind(value: SourceKind | str) -> SourceKind:
    return _member(SourceKind, value)


def to_incident_kind(value: IncidentKind | str) -> IncidentKind:
    return _member(IncidentKind, value)


def to_participant_role(value: ParticipantRole | str) -> ParticipantRole:
    return _member(ParticipantRole, value)


def to_incident_link_kind(value: IncidentLinkKind | str) -> IncidentLinkKind:
    return _member(IncidentLinkKind, value)


def to_casualty_outcome(value: CasualtyOutcome | str) -> CasualtyOutcome:
    return _member(CasualtyOutcome, value)


def to_measure_kind(value: MeasureKind | str) -> MeasureKind:
    return _member(MeasureKind, value)


def to_measure_link_kind(value: MeasureLinkKind | str) -> MeasureLinkKind:
    return _member(MeasureLinkKind, value)


def to_measure_status(value: MeasureStatus | str) -> MeasureStatus:
    return _member(MeasureStatus, value)


def to_stance(value: Stance | str) -> Stance:
    return _member(Stance, value)


def to_count_qualifier(value: CountQualifier | str) -> CountQualifier:
    return _member(CountQualifier, value)


def to_identifier_scheme(value: IdentifierScheme | str) -> IdentifierScheme:
    return _member(IdentifierScheme, value)


def to_maybe_measure_kind(value: MeasureKind | str | None) -> MeasureKind | None:
    return None if value is None else _member(MeasureKind, value)


def to_maybe_count_unit(value: CountUnit | str | None) -> CountUnit | None:
    return None if value is None else _member(CountUnit, value)


def to_maybe_publicity(value: Publicity | str | None) -> Publicity | None:
    return None if value is None else _member(Publicity, value)


def to_maybe_confidence(value: Confidence | str | None) -> Confidence | None:
    return None if value is None else _member(Confidence, value)


def to_maybe_location_precision(
    value: LocationPrecision | str | None,
) -> LocationPrecision | None:
    return None if value is None else _member(LocationPrecision, value)


# ------------------------------------------------------------------- dates


def to_date(value: PartialDate | str | dt.date) -> PartialDate:
    return _date(value)


def to_maybe_date(value: PartialDate | str | dt.date | None) -> PartialDate | None:
    return None if value is None else _date(value)


# ---------------------------------------------------------------------------- tuples


def to_ids(value: Iterable[str]) -> tuple[str, ...]:
    """Ids and other text items (``targets``, ``authors``); a lone string is refused."""
    return items(value)


#: The converters of the record constructors, here and beside the records they take
#: (``to_citations``, ...): each returns a value already of its field's type unchanged, so
#: code that builds records from such values (the compiled loaders) may skip it.
FAITHFUL: Final[set[Callable[[Any], object]]] = set()


def keep(*converters: Callable[[Any], object]) -> None:
    """Add ``converters`` to :data:`FAITHFUL` (each module of records calls it)."""
    FAITHFUL.update(converters)


keep(*(function for name, function in dict(globals()).items() if name.startswith("to_")))


def keywords_only(*records: type) -> None:
    """Make positional arguments to each record's constructor a
    :class:`~incidents.errors.PositionalArgumentError` naming the fields (not Python's bare
    ``TypeError``). The records are built by keyword: ``Incident(id=..., kind=...)``."""
    for record in records:
        _keywords_only(record)


def _keywords_only(record: type) -> None:
    init: Callable[..., None] = record.__init__  # type: ignore[misc]
    names = tuple(field.alias for field in attrs.fields(record) if field.init)

    @functools.wraps(init)
    def __init__(self: object, *args: object, **kwargs: Any) -> None:  # noqa: N807
        if args:
            raise PositionalArgumentError(record.__name__, len(args), names)
        init(self, **kwargs)

    record.__init__ = __init__  # type: ignore[misc]
