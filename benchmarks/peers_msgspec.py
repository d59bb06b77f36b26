"""msgspec Structs equivalent to the records: a typed decode with the same constraints.

msgspec is strict by default (no ``"5"`` for a number, no ``1`` for ``true``); the Structs
forbid unknown fields, are frozen and omit defaults when encoding. Field constraints are
``msgspec.Meta`` (patterns, lengths, bounds; ids per kind, ISO 3166-1 codes as a ``Literal``,
BCP 47 tags, URLs, EDTF dates). What ``Meta`` cannot say runs in ``__post_init__``: Unicode NFC
and the invisible-text rule for every text field, dates that exist, and the count, location,
casualty, external id, affiliation and retroactive measure rules.

Optional fields are annotated without ``None`` and default to ``None``: msgspec does not check
defaults, so a field left out is ``None`` and an explicit ``null`` is refused, as in the
library. Vocabularies are the library's own ``StrEnum`` classes.

``load(data)`` is the typed decode: ``msgspec.json.decode(data, type=Dataset)``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar

import msgspec
from msgspec import Meta

from benchmarks import _rules as rules
from incidents.model.measure_kinds import MeasureKind
from incidents.model.vocabulary import (
    ActorKind,
    CasualtyOutcome,
    CountQualifier,
    IdentifierScheme,
    IncidentKind,
    IncidentLinkKind,
    LocationPrecision,
    MeasureStatus,
    ParticipantRole,
    SourceKind,
    Stance,
)

__all__ = ["Dataset", "dump", "load"]


def _id(*kinds: rules.IdKind) -> Any:
    return Annotated[str, Meta(pattern=rules.id_pattern(*kinds), max_length=130)]


def _line(max_length: int = 100_000) -> Any:
    return Annotated[str, Meta(pattern=rules.LINE_PATTERN, min_length=1, max_length=max_length)]


def _free(max_length: int = 100_000) -> Any:
    return Annotated[str, Meta(pattern=rules.TEXT_PATTERN, max_length=max_length)]


ActorId = _id("actor")
SourceId = _id("source")
IncidentId = _id("incident")
MeasureId = _id("measure")
IncidentOrMeasureId = _id("incident", "measure")
Line = _line()
Text = _free()
Country = Literal[rules.COUNTRY_CODES]  # type: ignore[valid-type]
Language = Annotated[str, Meta(pattern=rules.LANGUAGE_PATTERN, max_length=35)]
Url = Annotated[str, Meta(pattern=rules.URL_PATTERN, max_length=2048)]
Date = Annotated[str, Meta(pattern=rules.DATE_PATTERN)]
CountInt = Annotated[int, Meta(ge=0, le=rules.MAX_COUNT)]

T = TypeVar("T")

_IDENTIFIERS = {
    **{scheme: re.compile(pattern) for scheme, pattern in rules.IDENTIFIER_PATTERNS.items()},
    IdentifierScheme.WEBSITE: re.compile(rules.URL_PATTERN),
}


class _Record(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, frozen=True):
    """Checks the text and date fields named in ``_texts`` and ``_dates`` after decoding."""

    _texts: ClassVar[tuple[str, ...]] = ()
    _text_lists: ClassVar[tuple[str, ...]] = ()
    _dates: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        for name in self._texts:
            value = getattr(self, name)
            if value is not None:
                _check_text(value)
        for name in self._text_lists:
            for value in getattr(self, name):
                _check_text(value)
        for name in self._dates:
            value = getattr(self, name)
            if value is not None:
                problem = rules.date_problem(value)
                if problem is not None:
                    raise ValueError(problem)


def _check_text(value: str) -> None:
    problem = rules.text_problem(value)
    if problem is not None:
        raise ValueError(problem)


class Citation(_Record):
    _texts = ("quote", "locator", "note")
    source: SourceId
    quote: _free(5000) = None
    locator: Line = None
    note: Text = None


class Claim(_Record, Generic[T]):
    _texts = ("note",)
    value: T
    claimed_by: ActorId = None
    stance: Stance = Stance.ASSERTS
    citations: tuple[Citation, ...] = ()
    note: Text = None


class TextClaim(Claim[Text]):
    """A claim whose value is text: the value is checked too."""

    _texts = ("value", "note")


class Source(_Record):
    _texts = ("title", "note")
    _text_lists = ("authors",)
    _dates = ("published",)
    id: SourceId
    title: _line(1000)
    kind: SourceKind = SourceKind.NEWS_ARTICLE
    outlet: ActorId = None
    url: Url = None
    published: Date = None
    language: Language = None
    authors: tuple[Line, ...] = ()
    state_affiliated: bool = None
    note: Text = None


class Name(_Record):
    _texts = ("value",)
    value: Line
    language: Language = None
    transliteration: bool = False


class Affiliation(_Record):
    _texts = ("role",)
    _dates = ("start", "end")
    organization: ActorId
    role: Line = None
    start: Date = None
    end: Date = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.start is not None and self.end is not None and rules.is_after(self.start, self.end):
            raise ValueError("ends before it starts")


class ExternalId(_Record):
    _texts = ("value",)
    scheme: IdentifierScheme
    value: Line

    def __post_init__(self) -> None:
        super().__post_init__()
        if _IDENTIFIERS[self.scheme].search(self.value) is None:
            raise ValueError(f"is not a {self.scheme.value} identifier")


class Actor(_Record):
    _texts = ("name", "description")
    id: ActorId
    kind: ActorKind
    name: Line
    names: tuple[Name, ...] = ()
    country: Country = None
    affiliations: tuple[Claim[Affiliation], ...] = ()
    identifiers: tuple[ExternalId, ...] = ()
    description: Text = None
    citations: tuple[Citation, ...] = ()


class Count(_Record):
    best: CountInt = None
    low: CountInt = None
    high: CountInt = None
    qualifier: CountQualifier = CountQualifier.EXACT

    def __post_init__(self) -> None:
        problem = rules.count_problem(self.best, self.low, self.high, self.qualifier.value)
        if problem is not None:
            raise ValueError(problem)


class Location(_Record):
    _texts = ("name", "admin_area")
    name: Line = None
    admin_area: Line = None
    country: Country = None
    latitude: Annotated[float, Meta(ge=-90.0, le=90.0)] = None
    longitude: Annotated[float, Meta(ge=-180.0, le=180.0)] = None
    precision: LocationPrecision = None

    def __post_init__(self) -> None:
        super().__post_init__()
        problem = rules.location_problem(
            self.name, self.country, self.latitude, self.longitude, self.precision
        )
        if problem is not None:
            raise ValueError(problem)


class Casualty(_Record):
    _texts = ("note",)
    outcome: CasualtyOutcome
    person: ActorId = None
    count: tuple[Claim[Count], ...] = ()
    nationality: Country = None
    age: Annotated[int, Meta(ge=0, le=150)] = None
    in_custody: bool = None
    cause: tuple[TextClaim, ...] = ()
    citations: tuple[Citation, ...] = ()
    note: Text = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if (self.person is None) == (not self.count):
            raise ValueError("give a person or a count, not both")


class Participant(_Record):
    _texts = ("note",)
    actor: ActorId
    role: ParticipantRole
    note: Text = None


class IncidentLink(_Record):
    kind: IncidentLinkKind
    target: IncidentId


class Incident(_Record):
    _texts = ("title", "summary", "note")
    _dates = ("date",)
    id: IncidentId
    kind: IncidentKind
    title: _line(500)
    date: Date
    summary: Text = None
    location: Location = None
    participants: tuple[Participant, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    responsibility: tuple[Claim[ActorId], ...] = ()
    links: tuple[IncidentLink, ...] = ()
    in_response_to: tuple[IncidentOrMeasureId, ...] = ()
    citations: tuple[Citation, ...] = ()
    note: Text = None


class DiplomaticMeasure(_Record):
    _texts = ("summary", "note")
    _dates = ("announced", "effective")
    id: MeasureId
    kind: MeasureKind
    initiator: ActorId
    targets: tuple[ActorId, ...] = ()
    subjects: tuple[ActorId, ...] = ()
    status: MeasureStatus = MeasureStatus.IMPLEMENTED
    announced: Date = None
    effective: Date = None
    retroactive: bool = False
    summary: Text = None
    location: Location = None
    in_response_to: tuple[IncidentOrMeasureId, ...] = ()
    citations: tuple[Citation, ...] = ()
    note: Text = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.retroactive:
            return
        if self.announced is None or self.effective is None:
            raise ValueError("a retroactive measure needs both dates")
        if rules.is_after(self.effective, self.announced):
            raise ValueError("a retroactive measure cannot start after its announcement")


class Dataset(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, frozen=True):
    schema_version: Annotated[str, Meta(pattern=rules.VERSION_PATTERN)]
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    incidents: tuple[Incident, ...] = ()
    measures: tuple[DiplomaticMeasure, ...] = ()


_DECODER = msgspec.json.Decoder(Dataset)
_ENCODER = msgspec.json.Encoder()


def load(data: bytes | str) -> Dataset:
    """The typed decode: JSON bytes to validated Structs (raises ``msgspec.ValidationError``)."""
    return _DECODER.decode(data)


def dump(dataset: Dataset) -> bytes:
    """The Structs as JSON as the library writes it: two-space indent, defaults left out."""
    return msgspec.json.format(_ENCODER.encode(dataset), indent=2) + b"\n"
