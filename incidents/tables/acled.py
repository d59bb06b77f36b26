"""ACLED-style rows: one row per incident.

Column names and codes are those of the ACLED Codebook (2023): ``event_date``,
``time_precision`` (1 the day is known, 2 only the week or an approximate date, 3 only the
month), ``event_type`` and ``sub_event_type`` (ACLED's six types and their sub-types),
``actor1``/``assoc_actor_1`` and ``actor2``/``assoc_actor_2``, ``country``, ``admin1``,
``location``, ``latitude``/``longitude``, ``geo_precision`` (1 the town, 2 near a town or a
part of a region, 3 only the region), ``source``, ``notes`` and ``fatalities``.

Where reports of deaths disagree, ACLED records the lowest figure; so do these rows: each
killed casualty group counts its smallest asserted figure (a named person counts one), and
the notes say that the reports differ.
"""

from __future__ import annotations

from typing import Any, Final

from incidents.model.dataset import Dataset
from incidents.model.locations import Location
from incidents.model.vocabulary import CasualtyOutcome, IncidentKind, LocationPrecision
from incidents.tables._deps import require
from incidents.tables._rows import (
    all_citations,
    bounds,
    country_name,
    day_span,
    names,
    sides,
    source_line,
)

__all__ = ["EVENT_TYPES", "FIELDS", "LOSSES", "acled_table", "geo_precision", "rows"]

_OTHER: Final = ("Strategic developments", "Other")
_ATTACK: Final = ("Violence against civilians", "Attack")
#: ACLED's event type and sub-event type of each incident kind (the rest: Strategic
#: developments / Other, ACLED's type for non-violent events of political importance).
EVENT_TYPES: Final[dict[IncidentKind, tuple[str, str]]] = {
    IncidentKind.AIRCRAFT_DOWNING: (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    IncidentKind.ARREST: ("Strategic developments", "Arrests"),
    IncidentKind.DEATH_IN_CUSTODY: _ATTACK,
    IncidentKind.ATTACK: _ATTACK,
    IncidentKind.KILLING: _ATTACK,
    IncidentKind.POISONING: _ATTACK,
    IncidentKind.ATTACK_ON_MISSION: _ATTACK,
    IncidentKind.ABDUCTION: ("Violence against civilians", "Abduction/forced disappearance"),
    IncidentKind.PROTEST: ("Protests", "Peaceful protest"),
}

#: The columns, in order, and what each holds.
FIELDS: Final = (
    ("event_id_cnty", "The incident id."),
    ("event_date", "First day of the date."),
    ("year", "Its year."),
    ("time_precision", "1 day known, 2 within a week or approximate, 3 a month or longer."),
    ("event_type", "ACLED event type of the incident kind."),
    ("sub_event_type", "ACLED sub-event type."),
    ("actor1", "Name of the first perpetrator."),
    ("assoc_actor_1", "Names of the other perpetrators, joined by '; '."),
    ("actor2", "Name of the first target or victim."),
    ("assoc_actor_2", "Names of the other targets and victims, joined by '; '."),
    ("country", "Country name."),
    ("admin1", "Administrative area."),
    ("location", "The location's name."),
    ("latitude", "Latitude, WGS 84."),
    ("longitude", "Longitude, WGS 84."),
    ("geo_precision", "1 the town or the site, 2 near it or part of a region, 3 the region."),
    ("source", "The cited sources: 'title (outlet, published)', joined by '; '."),
    ("notes", "The summary; where death reports differ, a sentence listing them."),
    ("fatalities", "Deaths: the lowest asserted figure of each killed group, summed."),
)

#: What the incidents lose in these rows.
LOSSES: Final = (
    "An open or unknown interval end ('2018-03-14/..', '../2018-03') is left out: "
    "the dates span the end that is known.",
    "Contested death counts become the lowest asserted figure (ACLED's rule); the other "
    "figures survive only as words in the notes. Denied claims are left out.",
    "Every outcome but killed: injured, detained, missing and deported are not counted.",
    "Causes, responsibility claims, participant roles other than perpetrator, target and "
    "victim, links, in_response_to, the EDTF text and qualifiers of the date.",
    "Every measure: ACLED codes political violence and protest, not diplomacy.",
    "ACLED's actor codes (inter1, inter2, interaction) and civilian_targeting are not derived.",
)

_GEO: Final = {
    LocationPrecision.EXACT: 1,
    LocationPrecision.LOCALITY: 1,
    LocationPrecision.NEAR: 2,
    LocationPrecision.ADMIN_AREA: 3,
    LocationPrecision.COUNTRY: 3,
}


def geo_precision(location: Location | None) -> int | None:
    """ACLED's geo_precision for a location (``None`` without one)."""
    if location is None:
        return None
    if location.precision is not None:
        return _GEO[location.precision]
    return 1 if location.name is not None else 3


def _time_precision(days: int, qualified: bool) -> int:
    if days == 1 and not qualified:
        return 1
    return 2 if days <= 7 else 3


def rows(dataset: Dataset) -> list[dict[str, Any]]:
    """One row per incident, in file order."""
    found = []
    for incident in dataset.incidents:
        doers, done_to = sides(incident)
        doer_names, done_names = names(dataset, doers), names(dataset, done_to)
        fatalities, reports = 0, []
        for casualty in incident.casualties:
            if casualty.outcome is not CasualtyOutcome.KILLED:
                continue
            if casualty.person is not None:
                fatalities += 1
                continue
            estimate = bounds(casualty.count)
            fatalities += 0 if estimate is None else estimate[0]
            figures = {str(claim.value) for claim in casualty.count}
            if len(figures) > 1:
                reports.append(", ".join(sorted(figures)))
        notes = incident.summary or ""
        if reports:
            notes = f"{notes} Death reports differ: {'; '.join(reports)}.".strip()
        date, location = incident.date, incident.location
        point = date.start if date.end is None else None
        qualified = point is not None and (point.approximate or point.uncertain)
        event_type, sub_event_type = EVENT_TYPES.get(incident.kind, _OTHER)
        found.append(
            {
                "event_id_cnty": incident.id,
                "event_date": date.known_span()[0],
                "year": date.known_span()[0].year,
                "time_precision": _time_precision(day_span(date), qualified),
                "event_type": event_type,
                "sub_event_type": sub_event_type,
                "actor1": doer_names[0] if doer_names else None,
                "assoc_actor_1": "; ".join(doer_names[1:]) or None,
                "actor2": done_names[0] if done_names else None,
                "assoc_actor_2": "; ".join(done_names[1:]) or None,
                "country": None if location is None else country_name(location.country),
                "admin1": None if location is None else location.admin_area,
                "location": None if location is None else location.name,
                "latitude": None if location is None else location.latitude,
                "longitude": None if location is None else location.longitude,
                "geo_precision": geo_precision(location),
                "source": source_line(dataset, all_citations(incident)),
                "notes": notes or None,
                "fatalities": fatalities,
            }
        )
    return found


def acled_table(dataset: Dataset) -> Any:
    """The rows as a ``pyarrow.Table``."""
    pa = require("pyarrow", "ACLED-style rows")
    types = {"event_date": pa.date32(), "latitude": pa.float64(), "longitude": pa.float64()}
    types.update(
        dict.fromkeys(("year", "time_precision", "geo_precision", "fatalities"), pa.int64())
    )
    schema = pa.schema([(name, types.get(name, pa.string())) for name, _ in FIELDS])
    return pa.Table.from_pylist(rows(dataset), schema=schema)
