"""A readable summary of a dataset: what it holds, what happened when, and what is disputed.

:func:`render` gives the plain text ``incidents show`` prints: the number of records of each
kind, a timeline of incidents and measures in date order with the records each responds to,
and the contested facts, each fact with every version, its claimant and its sources. The
parts are available as data too: :func:`timeline` and :func:`contested_facts`.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator, Sequence
from typing import Any, Final

import attrs

from incidents.formats.converter import converter
from incidents.model.actors import Actor, Affiliation
from incidents.model.claims import Claim
from incidents.model.counts import Count
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.model.events import Incident
from incidents.model.measures import DiplomaticMeasure
from incidents.model.vocabulary import MeasureStatus, Publicity, Stance

__all__ = ["WIDTH", "ContestedFact", "TimelineEntry", "contested_facts", "render", "timeline"]

#: The width :func:`render` fits its lines to by default.
WIDTH: Final = 100

_ARROW: Final = "\u21b3"  # ↳


@attrs.frozen(kw_only=True)
class TimelineEntry:
    """An incident or a measure, with the date it is placed at (``None``: undated)."""

    #: The incident's date, or the measure's earlier of announced and effective.
    date: PartialDate | None
    #: The incident or measure.
    record: Incident | DiplomaticMeasure


@attrs.frozen(kw_only=True)
class ContestedFact:
    """A fact the claims disagree on: which record and field, and every claim made on it."""

    #: The record the fact belongs to.
    record_id: str
    #: Which fact of it: ``"responsibility"``, ``"casualty 1 (killed): cause"``,
    #: ``"affiliation with actor:sputnik-azerbaijan"``.
    fact: str
    #: Every claim on the fact, in the record's order.
    claims: tuple[Claim[Any], ...]


def timeline(dataset: Dataset) -> list[TimelineEntry]:
    """Incidents and measures by date (earliest first; undated ones last, in file order)."""
    entries = [TimelineEntry(date=incident.date, record=incident) for incident in dataset.incidents]
    entries += [TimelineEntry(date=measure.date, record=measure) for measure in dataset.measures]
    dated = sorted(
        (entry for entry in entries if entry.date is not None),
        key=lambda entry: entry.date.sort_key() if entry.date is not None else (),
    )
    return dated + [entry for entry in entries if entry.date is None]


def contested_facts(dataset: Dataset) -> list[ContestedFact]:
    """Every fact on which the claims differ in value or stance, in record order.

    The facts that hold claims are casualty counts and causes, an incident's responsibility,
    a measure's attribution and count, and an actor's affiliations (grouped by organization:
    affiliations with different organizations are not in conflict).
    """
    facts: list[ContestedFact] = []
    for actor in dataset.actors:
        facts += _affiliations(actor)
    for incident in dataset.incidents:
        for number, casualty in enumerate(incident.casualties, 1):
            label = f"casualty {number} ({casualty.outcome.value})"
            facts += _fact(incident.id, f"{label}: count", casualty.count)
            facts += _fact(incident.id, f"{label}: cause", casualty.cause)
        facts += _fact(incident.id, "responsibility", incident.responsibility)
    for measure in dataset.measures:
        facts += _fact(measure.id, "attribution", measure.attribution)
        facts += _fact(measure.id, "count", measure.count)
    return facts


def _affiliations(actor: Actor) -> list[ContestedFact]:
    by_organization: dict[str, list[Claim[Affiliation]]] = {}
    for claim in actor.affiliations:
        by_organization.setdefault(claim.value.organization, []).append(claim)
    facts = []
    for organization, claims in by_organization.items():
        facts += _fact(actor.id, f"affiliation with {organization}", claims)
    return facts


def _fact(record_id: str, fact: str, claims: Sequence[Claim[Any]]) -> list[ContestedFact]:
    versions = {(_key(claim.value), claim.stance) for claim in claims}
    if len(versions) < 2:
        return []
    return [ContestedFact(record_id=record_id, fact=fact, claims=tuple(claims))]


def _key(value: Any) -> str:
    return json.dumps(converter.unstructure(value), sort_keys=True, ensure_ascii=False)


def render(dataset: Dataset, *, title: str = "", width: int = WIDTH) -> str:
    """The summary as plain text, wrapped to ``width`` characters."""
    lines = [*_wrap(title or "Dataset", width), ""]
    lines += _counts(dataset)
    lines += ["", "Timeline"]
    entries = timeline(dataset)
    lines += _timeline(entries, width) if entries else ["  (no incidents or measures)"]
    lines += ["", "Contested facts"]
    facts = contested_facts(dataset)
    lines += _contested(dataset, facts, width) if facts else ["  (none: no claims disagree)"]
    return "\n".join(lines) + "\n"


def _counts(dataset: Dataset) -> list[str]:
    rows = [
        ("actors", len(dataset.actors)),
        ("sources", len(dataset.sources)),
        ("incidents", len(dataset.incidents)),
        ("measures", len(dataset.measures)),
        ("records", len(dataset)),
    ]
    digits = len(str(len(dataset)))
    return [f"  {name:<11}{count:>{digits}}" for name, count in rows]


def _timeline(entries: list[TimelineEntry], width: int) -> Iterator[str]:
    """One line per record (its description on the next lines when it does not fit), then
    one line per record it responds to or links to."""
    column = max(10, *(len(_date(entry.date)) for entry in entries))
    indent = " " * (2 + column + 2)
    for entry in entries:
        record = entry.record
        head = f"  {_date(entry.date):<{column}}  {record.id}  {record.kind.value}"
        what = _what(record)
        if len(head) + 2 + len(what) <= width:
            yield f"{head}  {what}"
        else:
            yield from _wrap(head, width, "", indent)
            yield from _wrap(what, width, indent, indent)
        if record.summary:
            yield from _wrap(_first_sentence(record.summary), width, indent, indent)
        for trigger in record.in_response_to:
            yield from _wrap(f"{_ARROW} responds to {trigger}", width, indent, indent + "  ")
        for link in record.links:
            kind = link.kind.value.replace("_", " ")
            yield from _wrap(f"{_ARROW} {kind} {link.target}", width, indent, indent + "  ")
        if isinstance(record, DiplomaticMeasure) and _two_dates(record):
            when = f"{_ARROW} announced {record.announced}, in effect from {record.effective}"
            yield from _wrap(when, width, indent, indent + "  ")


def _date(date: PartialDate | None) -> str:
    return "undated" if date is None else str(date)


def _first_sentence(text: str) -> str:
    """The summary's first sentence (all of it when it has one), white space collapsed."""
    words = " ".join(text.split())
    end = words.find(". ")
    return words if end < 0 else words[: end + 1]


def _two_dates(measure: DiplomaticMeasure) -> bool:
    """Whether a measure has an announcement and a different date of effect."""
    announced, effective = measure.announced, measure.effective
    return announced is not None and effective is not None and announced != effective


def _what(record: Incident | DiplomaticMeasure) -> str:
    if isinstance(record, Incident):
        return record.title
    text = record.initiator
    if record.targets:
        text += " -> " + ", ".join(record.targets)
    if record.count:
        counted = "" if record.counted is None else f" {record.counted.value}"
        text += f": {record.count[0].value}{counted}"
        if len(record.count) > 1:
            text += f" ({len(record.count)} reports)"
    notes = []
    if record.status is not MeasureStatus.IMPLEMENTED:
        notes.append(record.status.value)
    if record.publicity is not None and record.publicity is not Publicity.ANNOUNCED:
        notes.append(record.publicity.value)
    if notes:
        text += f" ({', '.join(notes)})"
    return text


def _contested(dataset: Dataset, facts: list[ContestedFact], width: int) -> Iterator[str]:
    """Each fact, then each version: the value, and on the next line who says so."""
    for fact in facts:
        yield from _wrap(f"{fact.record_id}: {fact.fact}", width, "  ", "    ")
        for claim in fact.claims:
            value = _value(dataset, claim.value)
            if claim.stance is Stance.DENIES:
                value = f"denied: {value}"
            yield from _wrap(value, width, "    - ", "      ")
            said = []
            if claim.claimed_by is not None:
                said.append(f"claimed by {claim.claimed_by}")
            if claim.confidence is not None:
                said.append(claim.confidence.value.replace("_", " "))
            if claim.date is not None:
                said.append(f"on {claim.date}")
            sources = ", ".join(citation.source for citation in claim.citations)
            said.append(f"sources: {sources}" if sources else "no source cited")
            yield from _wrap("; ".join(said), width, "      ", "        ")


def _value(dataset: Dataset, value: Any) -> str:
    if isinstance(value, Count):
        return str(value)
    if isinstance(value, Affiliation):
        text = f"role {value.role!r}" if value.role is not None else "member (no role given)"
        if value.start is not None:
            text += f" from {value.start}"
        if value.end is not None:
            text += f" until {value.end}"
        return text
    if isinstance(value, str) and value.startswith("actor:"):
        actor = dataset.get(value, Actor)
        return value if actor is None else f"{value} ({actor.name})"
    return " ".join(str(value).split())


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``text`` wrapped to ``width``, the first line starting with ``first``, the others
    with ``rest``; words longer than a line are broken."""
    return textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    ) or [first.rstrip()]
