"""Hypothesis strategies for the records, and for whole consistent datasets."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from incidents.model.actors import IDENTIFIER_PATTERNS, Actor, Affiliation, ExternalId, Name
from incidents.model.casualties import Casualty
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.model.events import Incident, IncidentLink, Participant
from incidents.model.measure_kinds import MeasureKind
from incidents.model.measures import DEMANDING_KINDS, DiplomaticMeasure, MeasureLink
from incidents.model.sources import Source
from incidents.model.vocabulary import (
    ActorKind,
    CasualtyOutcome,
    CountUnit,
    IdentifierScheme,
    IncidentKind,
    IncidentLinkKind,
    MeasureLinkKind,
    MeasureStatus,
    ParticipantRole,
    Publicity,
    SourceKind,
)
from incidents.strategies.values import (
    _at_least_one,
    _refs,
    _some,
    citations,
    claims,
    countries,
    counts,
    free_text,
    ids,
    languages,
    locations,
    partial_dates,
    single_line_text,
    urls,
)

__all__ = ["actors", "casualties", "datasets", "incidents", "measures", "sources"]

T = TypeVar("T")


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
    actor = st.builds(
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
    coalition = st.builds(
        attrs.evolve,
        actor,
        kind=st.just(ActorKind.COALITION),
        members=_some(_refs(actor_ids, "actor"), max_size=3),
        member_count=st.none() | counts(),
    )
    return st.one_of(actor, coalition)


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
            date=draw(st.none() | partial_dates()),
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
    link_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[DiplomaticMeasure]:
    """Diplomatic measures responding to ``response_ids`` and linked to ``link_ids``
    (to any measure id when ``None``); retroactive ones included."""
    link = st.builds(
        MeasureLink,
        kind=st.sampled_from(MeasureLinkKind),
        target=ids("measure") if link_ids is None else st.sampled_from(link_ids or ["x"]),
    )

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
        kind = draw(st.sampled_from(MeasureKind))
        count = draw(_some(claims(counts(), actor_ids, source_ids)))
        demands = kind in DEMANDING_KINDS and draw(st.booleans())
        return DiplomaticMeasure(
            id=draw(ids("measure") if id is None else id),
            kind=kind,
            initiator=draw(_refs(actor_ids, "actor")),
            on_behalf_of=draw(st.none() | _refs(actor_ids, "actor")),
            targets=draw(_some(_refs(actor_ids, "actor"))),
            subjects=draw(_some(_refs(actor_ids, "actor"))),
            count=count,
            counted=draw(st.sampled_from(CountUnit)) if count else None,
            demanded=draw(st.sampled_from(MeasureKind)) if demands else None,
            status=draw(st.sampled_from(MeasureStatus)),
            publicity=draw(st.none() | st.sampled_from(Publicity)),
            announced=announced,
            effective=effective,
            retroactive=retroactive,
            summary=draw(st.none() | free_text()),
            location=draw(st.none() | locations()),
            forum=draw(st.none() | _refs(actor_ids, "actor")),
            attribution=draw(_some(claims(_refs(actor_ids, "actor"), actor_ids, source_ids))),
            in_response_to=responses,
            links=draw(_some(link)) if link_ids is None or link_ids else (),
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
        measure = measures(actor_ids, source_ids, (), link_ids=())
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
                # Links point only at measures dated no later: never into the future.
                targets = [other for other in earlier if other.startswith("measure:")]
                measure_link = st.builds(
                    MeasureLink,
                    kind=st.sampled_from(MeasureLinkKind),
                    target=st.sampled_from(targets),
                )
                records[event_id] = attrs.evolve(
                    drawn,
                    id=event_id,
                    announced=when if drawn.announced or drawn.retroactive else None,
                    effective=effective,
                    in_response_to=responses,
                    links=draw(_some(measure_link)) if targets else (),
                )
        return Dataset(
            actors=the_actors,
            sources=the_sources,
            incidents=tuple(records[event_id] for event_id in incident_ids),
            measures=tuple(records[event_id] for event_id in measure_ids),
        )

    return build()
