"""UCDP GED-style rows: one row per incident and casualty outcome.

Column names are those of the UCDP Georeferenced Event Dataset codebook (version 23.1):
``best``, ``low`` and ``high`` estimates, ``date_start``, ``date_end``, ``date_prec`` (1 the
day is known, 2 within 2-6 days, 3 within a week, 4 within a month, 5 longer), ``where_prec``
(1 the exact place, 2 within 25 km, 4 only the first-order administrative area, 6 only the
country), ``side_a`` and ``side_b``, ``source_article``. GED counts deaths only; these rows
count every outcome the model has, named in the extra column ``outcome`` (filter on
``outcome = 'killed'`` for GED's meaning).
"""

from __future__ import annotations

from typing import Any, Final

from incidents.model.dataset import Dataset
from incidents.model.locations import Location
from incidents.model.vocabulary import LocationPrecision
from incidents.tables._deps import require
from incidents.tables._rows import (
    all_citations,
    country_name,
    day_span,
    names,
    outcome_bounds,
    sides,
    source_line,
)

__all__ = ["FIELDS", "LOSSES", "date_prec", "rows", "ucdp_table", "where_prec"]

#: The columns, in order, and what each holds.
FIELDS: Final = (
    ("id", "The incident id and the outcome: 'incident:x#killed'."),
    ("relid", "The incident id."),
    ("year", "Year of the first day."),
    ("outcome", "Which casualties are counted: killed, injured, detained, ... (not in GED)."),
    ("side_a", "Names of the perpetrators, joined by '; '."),
    ("side_b", "Names of the targets and victims, joined by '; '."),
    ("source_article", "The cited sources: 'title (outlet, published)', joined by '; '."),
    ("number_of_sources", "How many sources the incident cites."),
    ("where_prec", "1 exact place or named town, 2 within 25 km, 4 region, 6 country."),
    ("where_description", "The location's name."),
    ("adm_1", "Its administrative area."),
    ("latitude", "Latitude, WGS 84."),
    ("longitude", "Longitude, WGS 84."),
    ("country", "Country name."),
    ("date_prec", "1 day known, 2 within 2-6 days, 3 a week, 4 a month, 5 longer."),
    ("date_start", "First day the date may be."),
    ("date_end", "Last day it may be."),
    ("best", "Best estimate: per casualty group the median of the asserted claims' figures."),
    ("low", "Lowest estimate: the smallest number any asserted claim allows."),
    ("high", "Highest estimate: the largest number any asserted claim allows."),
)

#: What the incidents lose in these rows.
LOSSES: Final = (
    "An open or unknown interval end ('2018-03-14/..', '../2018-03') is left out: "
    "the dates span the end that is known.",
    "Which source says which count: the claims become one low/best/high per incident and "
    "outcome (the sum over its casualty groups; a named person counts one); denied claims "
    "are left out.",
    "Causes of death, nationality, age, custody, the casualties' own dates and notes.",
    "GED's own codes: conflict, dyad and side ids, type_of_violence, Gleditsch-Ward "
    "numbers; sides are actor names.",
    "Incidents without casualties, and every measure (GED has no diplomacy).",
    "Responsibility claims, links, in_response_to, participants other than perpetrators, "
    "targets and victims, the EDTF text of the date.",
)

_WHERE: Final = {
    LocationPrecision.EXACT: 1,
    LocationPrecision.LOCALITY: 1,
    LocationPrecision.NEAR: 2,
    LocationPrecision.ADMIN_AREA: 4,
    LocationPrecision.COUNTRY: 6,
}


def where_prec(location: Location | None) -> int | None:
    """GED's where_prec for a location (``None`` without one)."""
    if location is None:
        return None
    if location.precision is not None:
        return _WHERE[location.precision]
    if location.name is not None:
        return 1
    return 4 if location.admin_area is not None else 6


def date_prec(days: int) -> int:
    """GED's date_prec for a date that may stand for ``days`` days."""
    return 1 if days == 1 else 2 if days <= 6 else 3 if days <= 7 else 4 if days <= 31 else 5


def rows(dataset: Dataset) -> list[dict[str, Any]]:
    """One row per incident and casualty outcome, in file order."""
    found = []
    for incident in dataset.incidents:
        outcomes: dict[str, list[Any]] = {}
        for casualty in incident.casualties:
            outcomes.setdefault(casualty.outcome.value, []).append(casualty)
        if not outcomes:
            continue
        doers, done_to = sides(incident)
        citations = list(all_citations(incident))
        location = incident.location
        for outcome, casualties in outcomes.items():
            estimate = outcome_bounds(casualties)
            low, best, high = estimate if estimate is not None else (None, None, None)
            found.append(
                {
                    "id": f"{incident.id}#{outcome}",
                    "relid": incident.id,
                    "year": incident.date.known_span()[0].year,
                    "outcome": outcome,
                    "side_a": "; ".join(names(dataset, doers)) or None,
                    "side_b": "; ".join(names(dataset, done_to)) or None,
                    "source_article": source_line(dataset, citations),
                    "number_of_sources": len({citation.source for citation in citations}),
                    "where_prec": where_prec(location),
                    "where_description": None if location is None else location.name,
                    "adm_1": None if location is None else location.admin_area,
                    "latitude": None if location is None else location.latitude,
                    "longitude": None if location is None else location.longitude,
                    "country": None if location is None else country_name(location.country),
                    "date_prec": date_prec(day_span(incident.date)),
                    "date_start": incident.date.known_span()[0],
                    "date_end": incident.date.known_span()[1],
                    "best": best,
                    "low": low,
                    "high": high,
                }
            )
    return found


def ucdp_table(dataset: Dataset) -> Any:
    """The rows as a ``pyarrow.Table``."""
    pa = require("pyarrow", "UCDP-style rows")
    integers = {"year", "number_of_sources", "where_prec", "date_prec", "best", "low", "high"}
    types = {"latitude": pa.float64(), "longitude": pa.float64()}
    types.update({"date_start": pa.date32(), "date_end": pa.date32()})
    types.update(dict.fromkeys(integers, pa.int64()))
    schema = pa.schema([(name, types.get(name, pa.string())) for name, _ in FIELDS])
    return pa.Table.from_pylist(rows(dataset), schema=schema)
