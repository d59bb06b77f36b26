"""ACLED-style rows: the lowest death figure where reports differ."""

from __future__ import annotations

import incidents
from incidents.tables.acled import geo_precision, rows


def _killed(*counts: incidents.Count) -> incidents.Dataset:
    claims = tuple(
        incidents.Claim(value=count, citations=(incidents.Citation(source="source:s"),))
        for count in counts
    )
    casualty = incidents.Casualty(outcome=incidents.CasualtyOutcome.KILLED, count=claims)
    incident = incidents.Incident(
        id="incident:x",
        kind=incidents.IncidentKind.ATTACK,
        title="X",
        date=incidents.PartialDate.parse("2025-06-27"),
        summary="An attack.",
        casualties=(casualty,),
    )
    return incidents.Dataset(incidents=(incident,))


def test_contested_deaths_take_the_lowest_figure_and_say_so():
    """'About 5' and 'three' dead: fatalities 3, and the notes list both reports."""
    (row,) = rows(_killed(incidents.Count.about(5), incidents.Count.exactly(3)))
    assert 3 == row["fatalities"]
    assert "An attack. Death reports differ: 3, about 5." == row["notes"]
    assert ("Violence against civilians", "Attack", 1) == (
        row["event_type"],
        row["sub_event_type"],
        row["time_precision"],
    )


def test_one_row_per_incident_of_the_crisis():
    """The crisis's six incidents are six rows; the downing killed 38."""
    crisis = incidents.examples.load("russia-azerbaijan-2025")
    found = {row["event_id_cnty"]: row for row in rows(crisis)}
    assert len(crisis.incidents) == len(found)
    assert 38 == found["incident:azal-plane-downing-2024"]["fatalities"]


def test_geo_precision():
    """A named town is 1, a region 3."""
    assert 1 == geo_precision(incidents.Location(name="Baku"))
    assert 3 == geo_precision(incidents.Location(country="AZ"))
