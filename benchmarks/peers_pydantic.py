"""pydantic v2 models equivalent to the records, with the same constraints.

What a user would write to get the library's contract from pydantic: strict types (no
coercion: ``"5"`` is not a number, ``1`` is not ``true``), ``extra="forbid"``, frozen models,
tuples for lists, an explicit ``null`` refused where the field may only be left out. Field
constraints run in pydantic-core (Rust): id patterns per kind, the ISO 3166-1 country codes as
a ``Literal``, BCP 47 tags, URLs, EDTF dates, number bounds, the text patterns and lengths.
What no pattern can say runs in Python validators: Unicode NFC, dates that exist, the count,
location, casualty, external id, affiliation and retroactive measure rules.

Vocabularies are the library's own ``StrEnum`` classes (data, not checks). Dates stay EDTF
strings (checked, not parsed into objects), so these models build less than the records do.

``load(data)`` is the typed load: ``Dataset.model_validate_json(data)``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic import StringConstraints as S

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


def _text(value: str) -> str:
    problem = rules.text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _date(value: str) -> str:
    problem = rules.date_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _id(*kinds: rules.IdKind) -> Any:
    return Annotated[str, S(pattern=rules.id_pattern(*kinds), max_length=130)]


def _line(max_length: int = 100_000) -> Any:
    pattern = S(pattern=rules.LINE_PATTERN, min_length=1, max_length=max_length)
    return Annotated[str, pattern, AfterValidator(_text)]


def _free(max_length: int = 100_000) -> Any:
    return Annotated[
        str, S(pattern=rules.TEXT_PATTERN, max_length=max_length), AfterValidator(_text)
    ]


ActorId = _id("actor")
SourceId = _id("source")
IncidentId = _id("incident")
MeasureId = _id("measure")
IncidentOrMeasureId = _id("incident", "measure")
Line = _line()
Text = _free()
Country = Literal[rules.COUNTRY_CODES]  # type: ignore[valid-type]
Language = Annotated[str, S(pattern=rules.LANGUAGE_PATTERN, max_length=35)]
Url = Annotated[str, S(pattern=rules.URL_PATTERN, max_length=2048)]
Date = Annotated[str, S(pattern=rules.DATE_PATTERN), AfterValidator(_date)]
CountInt = Annotated[int, Field(ge=0, le=rules.MAX_COUNT)]

T = TypeVar("T")

_IDENTIFIERS = {
    **{scheme: re.compile(pattern) for scheme, pattern in rules.IDENTIFIER_PATTERNS.items()},
    IdentifierScheme.WEBSITE: re.compile(rules.URL_PATTERN),
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Optional fields are annotated without None and default to None: pydantic does not validate
# defaults, so a field left out is None and an explicit null is refused, as in the library.


class Citation(_Model):
    source: SourceId
    quote: _free(5000) = None
    locator: Line = None
    note: Text = None


class Claim(_Model, Generic[T]):
    value: T
    claimed_by: ActorId = None
    stance: Stance = Stance.ASSERTS
    citations: tuple[Citation, ...] = ()
    note: Text = None


class Source(_Model):
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


class Name(_Model):
    value: Line
    language: Language = None
    transliteration: bool = False


class Affiliation(_Model):
    organization: ActorId
    role: Line = None
    start: Date = None
    end: Date = None

    @model_validator(mode="after")
    def _order(self) -> Affiliation:
        if self.start is not None and self.end is not None and rules.is_after(self.start, self.end):
            raise ValueError("ends before it starts")
        return self


class ExternalId(_Model):
    scheme: IdentifierScheme
    value: Line

    @model_validator(mode="after")
    def _form(self) -> ExternalId:
        if _IDENTIFIERS[self.scheme].search(self.value) is None:
            raise ValueError(f"is not a {self.scheme.value} identifier")
        return self


class Actor(_Model):
    id: ActorId
    kind: ActorKind
    name: Line
    names: tuple[Name, ...] = ()
    country: Country = None
    affiliations: tuple[Claim[Affiliation], ...] = ()
    identifiers: tuple[ExternalId, ...] = ()
    description: Text = None
    citations: tuple[Citation, ...] = ()


class Count(_Model):
    best: CountInt = None
    low: CountInt = None
    high: CountInt = None
    qualifier: CountQualifier = CountQualifier.EXACT

    @model_validator(mode="after")
    def _rules(self) -> Count:
        problem = rules.count_problem(self.best, self.low, self.high, self.qualifier.value)
        if problem is not None:
            raise ValueError(problem)
        return self


class Location(_Model):
    name: Line = None
    admin_area: Line = None
    country: Country = None
    latitude: Annotated[float, Field(ge=-90.0, le=90.0)] = None
    longitude: Annotated[float, Field(ge=-180.0, le=180.0)] = None
    precision: LocationPrecision = None

    @model_validator(mode="after")
    def _rules(self) -> Location:
        problem = rules.location_problem(
            self.name, self.country, self.latitude, self.longitude, self.precision
        )
        if problem is not None:
            raise ValueError(problem)
        return self


class Casualty(_Model):
    outcome: CasualtyOutcome
    person: ActorId = None
    count: tuple[Claim[Count], ...] = ()
    nationality: Country = None
    age: Annotated[int, Field(ge=0, le=150)] = None
    in_custody: bool = None
    cause: tuple[Claim[Text], ...] = ()
    citations: tuple[Citation, ...] = ()
    note: Text = None

    @model_validator(mode="after")
    def _person_or_count(self) -> Casualty:
        if (self.person is None) == (not self.count):
            raise ValueError("give a person or a count, not both")
        return self


class Participant(_Model):
    actor: ActorId
    role: ParticipantRole
    note: Text = None


class IncidentLink(_Model):
    kind: IncidentLinkKind
    target: IncidentId


class Incident(_Model):
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


class DiplomaticMeasure(_Model):
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

    @model_validator(mode="after")
    def _retroactive(self) -> DiplomaticMeasure:
        if not self.retroactive:
            return self
        if self.announced is None or self.effective is None:
            raise ValueError("a retroactive measure needs both dates")
        if rules.is_after(self.effective, self.announced):
            raise ValueError("a retroactive measure cannot start after its announcement")
        return self


class Dataset(_Model):
    schema_version: Annotated[str, S(pattern=rules.VERSION_PATTERN)]
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    incidents: tuple[Incident, ...] = ()
    measures: tuple[DiplomaticMeasure, ...] = ()


def load(data: bytes | str) -> Dataset:
    """The typed load: JSON bytes to validated models (raises ``pydantic.ValidationError``)."""
    return Dataset.model_validate_json(data)


def dump(dataset: Dataset) -> str:
    """The models as JSON, as the library writes it: two-space indent, defaults left out."""
    return dataset.model_dump_json(indent=2, exclude_defaults=True) + "\n"
