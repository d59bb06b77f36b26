"""Which record goes in which lane of the escalation chart, and what each mark says.

The chart has a lane of incidents on top, then one lane for each direction of the dyad
(``Azerbaijan → Russia``, ``Russia → Azerbaijan``) and one for every other measure. A
measure goes in ``A → B`` when its initiator (or the actor it acts for) belongs to country
A and one of its targets to country B; everything else is ``others``. Countries are the
actors' ``country`` codes, so a ministry, an official and the state itself are one side.

A lane with more marks than the limit is *summarised*: the chart draws how many records
fall in each stretch of time instead of a mark and a label for each, so thousands of
records still give a readable picture. This module decides; :mod:`incidents.charts.chart`
draws. It needs no plotting library.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Final

import attrs

from incidents.errors import ArgumentError
from incidents.model.actors import Actor
from incidents.model.countries import COUNTRIES
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.model.events import Incident
from incidents.model.measure_kinds import MeasureKind
from incidents.model.measures import DiplomaticMeasure
from incidents.model.vocabulary import ActorKind, MeasureStatus
from incidents.views.coverage import PLOVER_TYPES

__all__ = [
    "CATEGORIES",
    "INCIDENT",
    "MAX_LABEL",
    "MAX_MARKS",
    "NO_PLOVER",
    "Lane",
    "Mark",
    "Plan",
    "Side",
    "plan",
    "quad_class",
]

#: The category of an incident's mark.
INCIDENT: Final = "incident"
#: The category of a measure whose kind has no PLOVER type.
NO_PLOVER: Final = "no PLOVER type"
#: PLOVER's quad categories (the PLOVER manual), in the order the legend lists them.
QUADS: Final = tuple(dict.fromkeys(quad for _, quad, _ in PLOVER_TYPES))
#: Every category a mark can have: incidents, the quad categories, no PLOVER type.
CATEGORIES: Final = (INCIDENT, *QUADS, NO_PLOVER)
#: A lane with more marks than this is summarised as counts over time.
MAX_MARKS: Final = 40
#: Labels longer than this many characters are cut, with an ellipsis.
MAX_LABEL: Final = 60

_QUAD_OF_TYPE: Final = {event_type: quad for event_type, quad, _ in PLOVER_TYPES}

#: Says whether the chart's font can draw a text as written.
Drawable = Callable[[str], bool]


def quad_class(kind: MeasureKind) -> str:
    """The PLOVER quad category of a measure kind (``"verbal conflict"``), read from its
    PLOVER code; :data:`NO_PLOVER` for a kind without one."""
    if kind.plover is None:
        return NO_PLOVER
    return _QUAD_OF_TYPE[kind.plover.code.partition("-")[0]]


@attrs.frozen
class Side:
    """One party of the dyad: a country code and the name the chart gives it."""

    #: ISO 3166-1 alpha-2 code.
    country: str
    #: The state's name in the dataset, or the country's English name.
    name: str


@attrs.frozen(kw_only=True)
class Mark:
    """One incident or measure as the chart draws it."""

    #: The record's id.
    record_id: str
    #: The first day its date may stand for, clipped to the window.
    start: dt.date
    #: The day after the last day it may stand for, clipped to the window.
    end: dt.date
    #: :data:`INCIDENT`, a PLOVER quad category or :data:`NO_PLOVER`.
    category: str
    #: The text beside the mark.
    label: str
    #: False for a measure only threatened, announced or rescinded (drawn hollow).
    implemented: bool = True
    #: The ids of the records it responds to.
    in_response_to: tuple[str, ...] = ()

    @property
    def is_span(self) -> bool:
        """Whether its date covers more than one day (drawn as a bar, not a point)."""
        return (self.end - self.start).days > 1


@attrs.frozen(kw_only=True)
class Lane:
    """A horizontal band of the chart and the marks in it, earliest first."""

    #: ``"Incidents"``, ``"Azerbaijan → Russia"`` or ``"Others"``.
    name: str
    #: What the lane holds, for its heading: ``"12 measures"``.
    description: str
    #: Its marks.
    marks: tuple[Mark, ...]
    #: Whether it holds more than :data:`MAX_MARKS` marks and is drawn as counts.
    summarised: bool = False


@attrs.frozen(kw_only=True)
class Plan:
    """Everything the chart draws, decided: title, lanes, window and what was left out."""

    #: The title.
    title: str
    #: The lanes, top to bottom; lanes with no marks are left out.
    lanes: tuple[Lane, ...]
    #: The first day drawn.
    start: dt.date
    #: The day after the last day drawn.
    end: dt.date
    #: The two sides, or ``None`` when no measure runs between two countries.
    dyad: tuple[Side, Side] | None
    #: What is not drawn and why, one sentence each.
    notes: tuple[str, ...] = ()


def plan(
    dataset: Dataset,
    *,
    dyad: Sequence[str] | None = None,
    start: PartialDate | str | dt.date | None = None,
    end: PartialDate | str | dt.date | None = None,
    title: str | None = None,
    drawable: Drawable = lambda _text: True,
    max_marks: int = MAX_MARKS,
) -> Plan:
    """Decide the chart of ``dataset``: its lanes, marks, window and title.

    ``dyad`` names the two sides, each as a country code (``"AZ"``), an actor id
    (``"actor:azerbaijan"``, standing for the actor's country) or an actor's or a country's
    name; by default they are the two countries with the most measures between them.
    ``start`` and ``end`` bound the window (a record is drawn when its date may fall in
    it). ``drawable`` says whether the font can draw a name; names it cannot are replaced
    by another name of the actor, or a name made from the id.
    """
    if not isinstance(dataset, Dataset):
        raise ArgumentError("plot", "dataset", dataset, "expected an incidents.Dataset")
    if max_marks < 1:
        raise ArgumentError("plot", "max_marks", max_marks, "must be 1 or more")
    sides = _dyad(dataset, dyad, drawable)
    first, last = _day(start, "start", first=True), _day(end, "end", first=False)
    if first is not None and last is not None and first >= last:
        raise ArgumentError("plot", "end", end, f"the window ends before it starts ({start})")
    names = _Names(dataset, drawable)
    lanes: dict[str, list[Mark]] = {"Incidents": []}
    if sides is not None:
        lanes[_direction(*sides)] = []
        lanes[_direction(*reversed(sides))] = []
    lanes["Others"] = []
    undated = outside = half_open = 0
    records: list[Incident | DiplomaticMeasure] = [*dataset.incidents, *dataset.measures]
    for record in records:
        date = record.date
        if date is None:
            undated += 1
            continue
        begin, finish = date.known_span()
        finish += dt.timedelta(days=1)
        half_open += date.start is None or (date.end is None and date.is_interval)
        if (first is not None and finish <= first) or (last is not None and begin >= last):
            outside += 1
            continue
        begin = max(begin, first) if first is not None else begin
        finish = min(finish, last) if last is not None else finish
        lanes[_lane_of(dataset, record, sides)].append(names.mark(record, begin, finish))
    drawn = [mark for marks in lanes.values() for mark in marks]
    if not drawn:
        raise ArgumentError("plot", "dataset", _describe(dataset), _nothing_to_draw(undated))
    notes = []
    if undated:
        notes.append(f"{_count(undated, 'undated record')} not drawn.")
    if outside:
        notes.append(f"{_count(outside, 'record')} outside the window not drawn.")
    if half_open:
        notes.append(
            f"{_count(half_open, 'record')} with an open or unknown end drawn at the known end."
        )
    window_start = first or min(mark.start for mark in drawn)
    window_end = last or max(mark.end for mark in drawn)
    built = tuple(_lane(name, marks, max_marks) for name, marks in lanes.items() if marks)
    if title is not None and not drawable(title):
        reason = "has characters the chart's font (DejaVu Sans) cannot draw; give a title in "
        reason += "a script it covers, such as Latin, Greek or Cyrillic"
        raise ArgumentError("plot", "title", title, reason)
    heading = title if title is not None else _title(sides, window_start, window_end)
    return Plan(
        title=heading,
        lanes=built,
        start=window_start,
        end=window_end,
        dyad=sides,
        notes=tuple(notes),
    )


def _lane(name: str, marks: list[Mark], max_marks: int) -> Lane:
    marks.sort(key=lambda mark: (mark.start, mark.end, mark.record_id))
    noun = "incident" if name == "Incidents" else "measure"
    summarised = len(marks) > max_marks
    description = _count(len(marks), noun)
    if summarised:
        description += f", more than {max_marks}: counted, not labelled"
    return Lane(name=name, description=description, marks=tuple(marks), summarised=summarised)


def _lane_of(
    dataset: Dataset, record: Incident | DiplomaticMeasure, sides: tuple[Side, Side] | None
) -> str:
    if isinstance(record, Incident):
        return "Incidents"
    if sides is None:
        return "Others"
    initiator = _country(dataset, record.on_behalf_of or record.initiator)
    targets = {_country(dataset, target) for target in record.targets}
    for one, other in (sides, tuple(reversed(sides))):
        if initiator == one.country and other.country in targets:
            return _direction(one, other)
    return "Others"


def _direction(one: Side, other: Side) -> str:
    return f"{one.name} \u2192 {other.name}"


def _country(dataset: Dataset, actor_id: str) -> str | None:
    actor = dataset.get(actor_id, Actor)
    return None if actor is None else actor.country


def _dyad(
    dataset: Dataset, dyad: Sequence[str] | None, drawable: Drawable
) -> tuple[Side, Side] | None:
    if dyad is None:
        pairs: Counter[tuple[str, str]] = Counter()
        for measure in dataset.measures:
            initiator = _country(dataset, measure.on_behalf_of or measure.initiator)
            for target in {_country(dataset, target) for target in measure.targets}:
                if initiator and target and initiator != target:
                    pairs[(min(initiator, target), max(initiator, target))] += 1
        if not pairs:
            return None
        (one, other), _ = min(pairs.items(), key=lambda item: (-item[1], item[0]))
        return _side(dataset, one, drawable), _side(dataset, other, drawable)
    if isinstance(dyad, str) or len(dyad) != 2:
        reason = "give two sides, such as ('AZ', 'RU') or ('actor:azerbaijan', 'actor:russia')"
        raise ArgumentError("plot", "dyad", dyad, reason)
    one, other = (_resolve(dataset, party) for party in dyad)
    if one == other:
        raise ArgumentError("plot", "dyad", dyad, f"both sides are the same country ({one})")
    return _side(dataset, one, drawable), _side(dataset, other, drawable)


def _resolve(dataset: Dataset, party: str) -> str:
    """The country code a side of the dyad stands for."""
    if not isinstance(party, str):
        raise ArgumentError("plot", "dyad", party, "each side is a text: a code, an id, a name")
    if party.upper() in COUNTRIES and len(party) == 2:
        return party.upper()
    actor = dataset.get(party, Actor)
    if actor is None:
        folded = party.casefold()
        actor = next((a for a in dataset.actors if a.name.casefold() == folded), None)
        if actor is None:
            by_name = {name.casefold(): code for code, name in COUNTRIES.items()}
            if folded in by_name:
                return by_name[folded]
            reason = "not a country code, an actor id or an actor's name in this dataset"
            raise ArgumentError("plot", "dyad", party, reason)
    if actor.country is None:
        reason = f"{actor.id} has no country, so it cannot stand for a side"
        raise ArgumentError("plot", "dyad", party, reason)
    return actor.country


def _side(dataset: Dataset, country: str, drawable: Drawable) -> Side:
    state = next(
        (
            actor
            for actor in dataset.actors
            if actor.kind is ActorKind.STATE and actor.country == country
        ),
        None,
    )
    name = COUNTRIES[country]
    if state is not None:
        name = _Names.actor_name(state, drawable) or name
    return Side(country=country, name=name)


def _day(
    value: PartialDate | str | dt.date | None, argument: str, *, first: bool
) -> dt.date | None:
    """The window's first day (``first``) or the day after its last."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value if first else value + dt.timedelta(days=1)
    if isinstance(value, str):
        try:
            value = PartialDate.parse(value)
        except ValueError as error:
            raise ArgumentError("plot", argument, value, str(error)) from None
    if not isinstance(value, PartialDate):
        raise ArgumentError("plot", argument, value, "expected a date such as '2025-06-27'")
    if first:
        return None if value.start is None else value.earliest
    return None if value.latest == dt.date.max else value.latest + dt.timedelta(days=1)


def _title(sides: tuple[Side, Side] | None, start: dt.date, end: dt.date) -> str:
    last = end - dt.timedelta(days=1)
    if (start.year, start.month) == (last.year, last.month):
        when = f"{start:%B %Y}"
    elif start.year == last.year:
        when = f"{start:%B} to {last:%B %Y}"
    else:
        when = f"{start:%B %Y} to {last:%B %Y}"
    if sides is None:
        return f"Incidents and diplomatic measures, {when}"
    return f"{sides[0].name} and {sides[1].name}, {when}"


def _describe(dataset: Dataset) -> str:
    return f"a dataset of {len(dataset.incidents)} incidents and {len(dataset.measures)} measures"


def _nothing_to_draw(undated: int) -> str:
    if undated:
        return (
            f"nothing to draw: its {_count(undated, 'record')} have no date, or none falls "
            "in the window; date them, or widen the window"
        )
    return "nothing to draw: no incident or measure has a date in the window"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


class _Names:
    """Labels for records, in text the chart's font can draw."""

    def __init__(self, dataset: Dataset, drawable: Drawable) -> None:
        self.dataset = dataset
        self.drawable = drawable

    def mark(self, record: Incident | DiplomaticMeasure, start: dt.date, end: dt.date) -> Mark:
        if isinstance(record, Incident):
            title = record.title if self.drawable(record.title) else _from_id(record.id)
            return Mark(
                record_id=record.id,
                start=start,
                end=end,
                category=INCIDENT,
                label=_cut(title),
                in_response_to=record.in_response_to,
            )
        actor = self.dataset.get(record.initiator, Actor)
        initiator = _from_id(record.initiator)
        if actor is not None:
            initiator = self.actor_name(actor, self.drawable) or initiator
        label = f"{record.kind.value.replace('_', ' ')} \u00b7 {initiator}"
        implemented = record.status is MeasureStatus.IMPLEMENTED
        if not implemented:
            label += f" ({record.status.value})"
        return Mark(
            record_id=record.id,
            start=start,
            end=end,
            category=quad_class(record.kind),
            label=_cut(label),
            implemented=implemented,
            in_response_to=record.in_response_to,
        )

    @staticmethod
    def actor_name(actor: Actor, drawable: Drawable) -> str | None:
        """The actor's name, or else its first other name the font draws (transliterations
        first); ``None`` when it has none."""
        others = sorted(actor.names, key=lambda name: not name.transliteration)
        for name in (actor.name, *(other.value for other in others)):
            if drawable(name):
                return name
        return None


def _from_id(record_id: str) -> str:
    """A readable name made from an id: ``actor:ilham-aliyev`` -> ``ilham aliyev``."""
    return re.sub(r"[-_]+", " ", record_id.partition(":")[2]) or record_id


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "\u2026"
