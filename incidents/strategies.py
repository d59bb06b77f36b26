"""Hypothesis strategies for every record, and for whole consistent datasets.

Use them in your own tests (``pip install incidents[strategies]``)::

    from hypothesis import given
    from incidents import strategies

    @given(strategies.datasets())
    def test_round_trip(dataset):
        assert incidents.from_json(incidents.to_json(dataset)) == dataset

Every strategy produces records that pass their own checks. :func:`datasets` also keeps
the dataset consistent: ids are unique, references point at existing records of the right
kind, every incident, measure and casualty cites a source, and responses never come before
what they respond to (they only point at records generated with an earlier or equal date).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from incidents.model._fields import Text
from incidents.model.actors import IDENTIFIER_PATTERNS, Actor, Affiliation, ExternalId, Name
from incidents.model.casualties import Casualty
from incidents.model.citations import Citation
from incidents.model.claims import Claim
from incidents.model.countries import COUNTRIES
from incidents.model.counts import Count
from incidents.model.dataset import Dataset
from incidents.model.dates import DatePoint, PartialDate
from incidents.model.events import Incident, IncidentLink, Participant
from incidents.model.ids import IdKind
from incidents.model.locations import Location
from incidents.model.measure_kinds import MeasureKind
from incidents.model.measures import DiplomaticMeasure
from incidents.model.sources import Source
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

__all__ = [
    "actors",
    "casualties",
    "citations",
    "claims",
    "countries",
    "counts",
    "datasets",
    "date_points",
    "free_text",
    "ids",
    "incidents",
    "languages",
    "locations",
    "measures",
    "partial_dates",
    "single_line_text",
    "sources",
    "urls",
]

T = TypeVar("T")

# Strategy factories without list arguments are cached: Hypothesis strategies are immutable,
# and building them again for every record costs more than drawing from them.

# Letters from the scripts the seed articles use, mixed with the full range of Unicode.
_SAMPLE_WORDS = (
    "Bakı",  # noqa: RUF001 - Azerbaijani dotless i
    "Екатеринбург",
    "Şəfəq",
    "Sputnik Azərbaycan",
    "Səfərov",
    "Ильхам",
)
_CHARACTERS = st.characters(exclude_categories=("Cs", "Cc", "Cn", "Zl", "Zp"))
_SINGLE_LINE = Text(single_line=True)
_MULTI_LINE = Text()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def single_line_text(max_size: int = 30) -> st.SearchStrategy[str]:
    """Names and titles: one line, NFC, no outer white space, any script."""
    generated = st.text(_CHARACTERS, min_size=1, max_size=max_size).map(_nfc).map(str.strip)
    return st.one_of(st.sampled_from(_SAMPLE_WORDS), generated).filter(
        lambda text: _SINGLE_LINE.problem(text) is None
    )


@cache
def free_text(max_size: int = 80) -> st.SearchStrategy[str]:
    """Summaries, quotes and notes: may span lines; NFC; never blank."""
    alphabet = st.one_of(_CHARACTERS, st.just("\n"))
    generated = st.text(alphabet, min_size=1, max_size=max_size).map(_nfc)
    return generated.filter(lambda text: _MULTI_LINE.problem(text) is None)


@cache
def ids(kind: IdKind) -> st.SearchStrategy[str]:
    """Well-formed ids of one kind: ``actor:az-mfa``."""
    word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    slug = st.lists(word, min_size=1, max_size=3).map("-".join)
    return slug.map(lambda text: f"{kind}:{text}")


@cache
def countries() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes."""
    return st.sampled_from(sorted(COUNTRIES))


@cache
def languages() -> st.SearchStrategy[str]:
    """BCP 47 language tags."""
    common = st.sampled_from(["en", "ru", "az", "az-Latn", "ru-Latn", "en-GB", "tr", "uk"])
    simple = st.from_regex(r"[a-z]{2,3}(-[A-Z]{2})?", fullmatch=True)
    return st.one_of(common, simple)


@cache
def urls() -> st.SearchStrategy[str]:
    """Absolute https URLs."""
    label = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=10)
    path = st.text("abcdefghijklmnopqrstuvwxyz0123456789-/", max_size=20)
    return st.builds(lambda host, rest: f"https://{host}.example/{rest}", label, path)


@cache
def date_points(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[DatePoint]:
    """Years, months or days, sometimes approximate or uncertain."""

    @st.composite
    def build(draw: st.DrawFn) -> DatePoint:
        year = draw(st.integers(min_year, max_year))
        month = draw(st.none() | st.integers(1, 12))
        day = None
        if month is not None and draw(st.booleans()):
            day = draw(st.integers(1, 28)) if month == 2 else draw(st.integers(1, 30))
        return DatePoint(
            year=year,
            month=month,
            day=day,
            approximate=draw(st.booleans()),
            uncertain=draw(st.booleans()),
        )

    return build()


@cache
def partial_dates(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[PartialDate]:
    """Single partial dates and intervals whose start does not follow their end."""
    points = date_points(min_year, max_year)
    single = st.builds(lambda point: PartialDate(start=point), points)

    def interval(pair: tuple[DatePoint, DatePoint]) -> PartialDate:
        first, second = sorted(pair, key=lambda point: (point.earliest, point.latest))
        return PartialDate(start=first, end=second)

    return st.one_of(single, st.tuples(points, points).map(interval))


@cache
def counts() -> st.SearchStrategy[Count]:
    """Counts of every qualifier, with consistent bounds."""
    number = st.integers(0, 10_000)

    @st.composite
    def build(draw: st.DrawFn) -> Count:
        qualifier = draw(st.sampled_from(CountQualifier))
        values = sorted(draw(st.lists(number, min_size=3, max_size=3)))
        low, best, high = values
        if qualifier is CountQualifier.EXACT:
            return Count(best=best)
        if qualifier is CountQualifier.BETWEEN:
            middle = draw(st.none() | st.just(best))
            return Count(low=low, best=middle, high=high, qualifier=qualifier)
        return Count(
            best=best,
            low=draw(st.none() | st.just(low)),
            high=draw(st.none() | st.just(high)),
            qualifier=qualifier,
        )

    return build()


@cache
def locations() -> st.SearchStrategy[Location]:
    """Places with a name, a country or coordinates (and sometimes all of them)."""

    @st.composite
    def build(draw: st.DrawFn) -> Location:
        coordinates = draw(st.booleans())
        name = draw(st.none() | single_line_text())
        country = draw(st.none() | countries())
        if name is None and country is None and not coordinates:
            country = draw(countries())
        latitude = longitude = precision = None
        if coordinates:
            latitude = draw(st.floats(-90, 90, allow_nan=False))
            longitude = draw(st.floats(-180, 180, allow_nan=False))
            precision = draw(st.none() | st.sampled_from(LocationPrecision))
        return Location(
            name=name,
            admin_area=draw(st.none() | single_line_text()),
            country=country,
            latitude=latitude,
            longitude=longitude,
            precision=precision,
        )

    return build()


def _refs(pool: Sequence[str] | None, kind: IdKind) -> st.SearchStrategy[str]:
    return st.sampled_from(pool) if pool else ids(kind)


def _some(strategy: st.SearchStrategy[T], max_size: int = 2) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def _at_least_one(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, min_size=1, max_size=2).map(tuple)


def citations(source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Citation]:
    """Citations of the given sources (of any source id when none are given)."""
    return st.builds(
        Citation,
        source=_refs(source_ids, "source"),
        quote=st.none() | free_text(),
        locator=st.none() | single_line_text(),
        note=st.none() | free_text(),
    )


def claims(
    values: st.SearchStrategy[T],
    actor_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Claim[T]]:
    """Claims of the given values, by the given actors, citing the given sources."""
    return st.builds(
        Claim,
        value=values,
        claimed_by=st.none() | _refs(actor_ids, "actor"),
        stance=st.sampled_from(Stance),
        citations=_at_least_one(citations(source_ids)),
        note=st.none() | free_text(),
    )


@cache
def _external_ids() -> st.SearchStrategy[ExternalId]:
    examples = {
        IdentifierScheme.WIKIDATA: st.integers(1, 10**9).map(lambda n: f"Q{n}"),
        IdentifierScheme.OPENSANCTIONS: st.from_regex(r"[a-z]{2}-[a-z0-9]{4,12}", fullmatch=True),
        IdentifierScheme.ISNI: st.from_regex(r"[0-9]{15}[0-9X]", fullmatch=True),
        IdentifierScheme.VIAF: st.integers(1, 10**12).map(str),
        IdentifierScheme.LEI: st.from_regex(r"[A-Z0-9]{18}[0-9]{2}", fullmatch=True),
        IdentifierScheme.WEBSITE: urls(),
    }
    assert set(examples) >= set(IDENTIFIER_PATTERNS)  # noqa: S101 - a new scheme needs an example
    return st.one_of(
        [
            st.builds(ExternalId, scheme=st.just(scheme), value=value)
            for scheme, value in examples.items()
        ]
    )


def actors(
    actor_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    id: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Actor]:
    """Actors with names, affiliations (claims) and identifiers."""
    affiliation = st.builds(
        Affiliation,
        organization=_refs(actor_ids, "actor"),
        role=st.none() | single_line_text(),
        start=st.none() | partial_dates(1990, 2000),
        end=st.none() | partial_dates(2002, 2030),
    )
    name = st.builds(
        Name,
        value=single_line_text(),
        language=st.none() | languages(),
        transliteration=st.booleans(),
    )
    return st.builds(
        Actor,
        id=ids("actor") if id is None else id,
        kind=st.sampled_from(ActorKind),
        name=single_line_text(),
        names=_some(name),
        country=st.none() | countries(),
        affiliations=_some(claims(affiliation, actor_ids, source_ids)),
        identifiers=_some(_external_ids()),
        description=st.none() | free_text(),
        citations=_some(citations(source_ids)),
    )


def sources(
    actor_ids: Sequence[str] | None = None,
    id: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Source]:
    """Sources: articles, statements, reports."""
    return st.builds(
        Source,
        id=ids("source") if id is None else id,
        title=single_line_text(60),
        kind=st.sampled_from(SourceKind),
        outlet=st.none() | _refs(actor_ids, "actor"),
        url=st.none() | urls(),
        published=st.none() | partial_dates(1990, 2030),
        language=st.none() | languages(),
        authors=_some(single_line_text()),
        state_affiliated=st.none() | st.booleans(),
        note=st.none() | free_text(),
    )


def casualties(
    actor_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Casualty]:
    """Named or counted casualties, with claims on counts and causes."""

    @st.composite
    def build(draw: st.DrawFn) -> Casualty:
        named = draw(st.booleans())
        return Casualty(
            outcome=draw(st.sampled_from(CasualtyOutcome)),
            person=draw(_refs(actor_ids, "actor")) if named else None,
            count=() if named else draw(_at_least_one(claims(counts(), actor_ids, source_ids))),
            nationality=draw(st.none() | countries()),
            age=draw(st.none() | st.integers(0, 150)),
            in_custody=draw(st.none() | st.booleans()),
            cause=draw(_some(claims(free_text(), actor_ids, source_ids))),
            citations=draw(_at_least_one(citations(source_ids))),
            note=draw(st.none() | free_text()),
        )

    return build()


def incidents(
    actor_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    incident_ids: Sequence[str] | None = None,
    response_ids: Sequence[str] | None = None,
    id: st.SearchStrategy[str] | None = None,
    date: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[Incident]:
    """Incidents linking to ``incident_ids`` and responding to ``response_ids``."""
    link = st.builds(
        IncidentLink, kind=st.sampled_from(IncidentLinkKind), target=_refs(incident_ids, "incident")
    )
    participant = st.builds(
        Participant,
        actor=_refs(actor_ids, "actor"),
        role=st.sampled_from(ParticipantRole),
        note=st.none() | free_text(),
    )
    responses: st.SearchStrategy[tuple[str, ...]]
    if response_ids is None:
        responses = _some(st.one_of(ids("incident"), ids("measure")))
    else:
        responses = _some(st.sampled_from(response_ids)) if response_ids else st.just(())
    return st.builds(
        Incident,
        id=ids("incident") if id is None else id,
        kind=st.sampled_from(IncidentKind),
        title=single_line_text(60),
        date=partial_dates() if date is None else date,
        summary=st.none() | free_text(),
        location=st.none() | locations(),
        participants=_some(participant),
        casualties=_some(casualties(actor_ids, source_ids)),
        responsibility=_some(claims(_refs(actor_ids, "actor"), actor_ids, source_ids)),
        links=_some(link) if incident_ids is None or incident_ids else st.just(()),
        in_response_to=responses,
        citations=_at_least_one(citations(source_ids)),
        note=st.none() | free_text(),
    )


def measures(
    actor_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
    response_ids: Sequence[str] | None = None,
    id: st.SearchStrategy[str] | None = None,
    date: st.SearchStrategy[PartialDate] | None = None,
) -> st.SearchStrategy[DiplomaticMeasure]:
    """Diplomatic measures responding to ``response_ids``; retroactive ones included."""

    @st.composite
    def build(draw: st.DrawFn) -> DiplomaticMeasure:
        announced = draw(st.none() | (partial_dates() if date is None else date))
        effective = None
        retroactive = False
        if announced is not None and draw(st.booleans()):
            effective = draw(partial_dates() if date is None else date)
            retroactive = not effective.is_after(announced) and draw(st.booleans())
        if response_ids is None:
            responses = draw(_some(st.one_of(ids("incident"), ids("measure"))))
        else:
            responses = draw(_some(st.sampled_from(response_ids))) if response_ids else ()
        return DiplomaticMeasure(
            id=draw(ids("measure") if id is None else id),
            kind=draw(st.sampled_from(MeasureKind)),
            initiator=draw(_refs(actor_ids, "actor")),
            targets=draw(_some(_refs(actor_ids, "actor"))),
            subjects=draw(_some(_refs(actor_ids, "actor"))),
            status=draw(st.sampled_from(MeasureStatus)),
            announced=announced,
            effective=effective,
            retroactive=retroactive,
            summary=draw(st.none() | free_text()),
            location=draw(st.none() | locations()),
            in_response_to=responses,
            citations=draw(_at_least_one(citations(source_ids))),
            note=draw(st.none() | free_text()),
        )

    return build()


def datasets(max_records: int = 4) -> st.SearchStrategy[Dataset]:
    """Consistent datasets of up to ``max_records`` records of each kind."""

    @st.composite
    def build(draw: st.DrawFn) -> Dataset:
        actor_ids = draw(st.lists(ids("actor"), min_size=1, max_size=max_records, unique=True))
        source_ids = draw(st.lists(ids("source"), min_size=1, max_size=max_records, unique=True))
        incident_ids = draw(st.lists(ids("incident"), max_size=max_records, unique=True))
        measure_ids = draw(st.lists(ids("measure"), max_size=max_records, unique=True))
        # One strategy per record kind for the whole dataset (building strategies is costly);
        # each drawn record then gets its id, date and links.
        actor = actors(actor_ids, source_ids)
        source = sources(actor_ids)
        incident = incidents(actor_ids, source_ids, (), ())
        measure = measures(actor_ids, source_ids, ())
        the_actors = tuple(attrs.evolve(draw(actor), id=actor_id) for actor_id in actor_ids)
        the_sources = tuple(attrs.evolve(draw(source), id=source_id) for source_id in source_ids)
        # Date the events, then let each respond only to events dated no later than itself.
        events = [(event_id, draw(partial_dates(2000, 2030))) for event_id in incident_ids]
        events += [(event_id, draw(partial_dates(2000, 2030))) for event_id in measure_ids]
        events.sort(key=lambda event: event[1].sort_key())
        records: dict[str, Any] = {}
        for position, (event_id, when) in enumerate(events):
            earlier = [other for other, _ in events[:position]]
            responses = tuple(draw(_some(st.sampled_from(earlier)))) if earlier else ()
            if event_id.startswith("incident:"):
                targets = [other for other in earlier if other.startswith("incident:")]
                link = st.builds(
                    IncidentLink,
                    kind=st.sampled_from(IncidentLinkKind),
                    target=st.sampled_from(targets or [event_id]),
                )
                records[event_id] = attrs.evolve(
                    draw(incident),
                    id=event_id,
                    date=when,
                    in_response_to=responses,
                    links=draw(_some(link)) if targets else (),
                )
            else:
                drawn = draw(measure)
                effective = drawn.effective and when
                records[event_id] = attrs.evolve(
                    drawn,
                    id=event_id,
                    announced=when if drawn.announced or drawn.retroactive else None,
                    effective=effective,
                    in_response_to=responses,
                )
        return Dataset(
            actors=the_actors,
            sources=the_sources,
            incidents=tuple(records[event_id] for event_id in incident_ids),
            measures=tuple(records[event_id] for event_id in measure_ids),
        )

    return build()
