"""What the event-data rows share: names of actors, counts of contested claims, spans of
dates, the sources of a record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from incidents.model.actors import Actor
from incidents.model.casualties import Casualty
from incidents.model.citations import Citation
from incidents.model.claims import Claim
from incidents.model.countries import COUNTRIES
from incidents.model.counts import Count
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.model.events import Incident
from incidents.model.sources import Source
from incidents.model.vocabulary import CountQualifier, IdentifierScheme, ParticipantRole, Stance

__all__ = [
    "Bounds",
    "actor",
    "all_citations",
    "bounds",
    "country_name",
    "day_span",
    "iso",
    "names",
    "outcome_bounds",
    "sides",
    "source_line",
    "wikidata",
]

#: (low, best, high) of a count.
Bounds = tuple[int, int, int]


def actor(dataset: Dataset, actor_id: str | None) -> Actor | None:
    """The actor with this id, if the dataset has it."""
    return None if actor_id is None else dataset.get(actor_id, Actor)


def names(dataset: Dataset, actor_ids: Iterable[str]) -> list[str]:
    """The names of the actors (the id itself for an actor the dataset lacks)."""
    found = []
    for actor_id in actor_ids:
        record = actor(dataset, actor_id)
        found.append(actor_id if record is None else record.name)
    return found


def wikidata(record: Actor) -> str | None:
    """The actor's Wikidata id, if it has one."""
    for identifier in record.identifiers:
        if identifier.scheme is IdentifierScheme.WIKIDATA:
            return identifier.value
    return None


def country_name(code: str | None) -> str | None:
    """The English short name of an ISO 3166-1 alpha-2 code."""
    return None if code is None else COUNTRIES.get(code, code)


def day_span(date: PartialDate) -> int:
    """How many days the date may stand for (1 for an unqualified day)."""
    return (date.known_span()[1] - date.known_span()[0]).days + 1


def sides(incident: Incident) -> tuple[list[str], list[str]]:
    """The incident's perpetrators and its targets and victims, as actor ids."""
    doers = [p.actor for p in incident.participants if p.role is ParticipantRole.PERPETRATOR]
    done_to = [
        p.actor
        for p in incident.participants
        if p.role in (ParticipantRole.TARGET, ParticipantRole.VICTIM)
    ]
    return doers, done_to


def _claim_bounds(count: Count) -> Bounds:
    """The smallest and largest number a count allows, and its figure."""
    if count.qualifier is CountQualifier.BETWEEN:
        low, high = count.low or 0, count.high or 0
        return low, count.best if count.best is not None else low, high
    best = count.best or 0
    low = count.low if count.low is not None else best
    high = count.high if count.high is not None else best
    if count.qualifier is CountQualifier.MORE_THAN:
        low, high = max(low, best + 1), max(high, best + 1)
    if count.qualifier is CountQualifier.FEWER_THAN:
        low, high = min(low, max(best - 1, 0)), min(high, max(best - 1, 0))
    return low, best, high


def bounds(claims: Iterable[Claim[Count]]) -> Bounds | None:
    """Low, best and high over the asserted claims of one count (``None``: none).

    low is the smallest number any claim allows, high the largest, best the median of the
    claims' figures (the lower middle one for an even number of claims). Denied claims are
    left out.
    """
    found = [_claim_bounds(c.value) for c in claims if c.stance is Stance.ASSERTS]
    if not found:
        return None
    figures = sorted(best for _, best, _ in found)
    middle = figures[(len(figures) - 1) // 2]
    return min(low for low, _, _ in found), middle, max(high for _, _, high in found)


def outcome_bounds(casualties: Iterable[Casualty]) -> Bounds | None:
    """The sum of the bounds of casualties of one outcome: a named person counts one."""
    total: Bounds | None = None
    for casualty in casualties:
        found = (1, 1, 1) if casualty.person is not None else bounds(casualty.count)
        if found is None:
            continue
        total = (
            found
            if total is None
            else (
                total[0] + found[0],
                total[1] + found[1],
                total[2] + found[2],
            )
        )
    return total


def all_citations(incident: Incident) -> Iterator[Citation]:
    """Every citation of an incident and of everything in it."""
    yield from incident.citations
    for casualty in incident.casualties:
        yield from casualty.citations
        for count in casualty.count:
            yield from count.citations
        for cause in casualty.cause:
            yield from cause.citations
    for claim in incident.responsibility:
        yield from claim.citations


def source_line(dataset: Dataset, citations: Iterable[Citation]) -> str | None:
    """The cited sources, each once: "title (outlet, published)", joined by "; "."""
    seen: dict[str, str] = {}
    for citation in citations:
        if citation.source in seen:
            continue
        source = dataset.get(citation.source, Source)
        if source is None:
            seen[citation.source] = citation.source
            continue
        details = names(dataset, [source.outlet]) if source.outlet is not None else []
        if source.published is not None:
            details.append(str(source.published))
        seen[citation.source] = (
            f"{source.title} ({', '.join(details)})" if details else source.title
        )
    return "; ".join(seen.values()) or None


def iso(day: dt.date | None) -> str | None:
    """A day as ``YYYY-MM-DD``."""
    return None if day is None else day.isoformat()
