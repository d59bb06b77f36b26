"""PLOVER events: one per incident and per measure, with the manual's field names."""

from __future__ import annotations

import json

import incidents
from incidents.model.measure_kinds import MeasureKind
from incidents.tables.plover import INCIDENT_TYPES, QUAD, events, plover_jsonl

CRISIS = incidents.examples.load("russia-azerbaijan-2025")
EVENTS = {event["id"]: event for event in events(CRISIS)}


def test_one_event_per_incident_and_measure():
    """Every incident and measure is one event, and the JSON Lines file has a line each."""
    assert len(CRISIS.incidents) + len(CRISIS.measures) == len(EVENTS)
    lines = plover_jsonl(CRISIS).decode("utf-8").splitlines()
    assert list(EVENTS) == [json.loads(line)["id"] for line in lines]


def test_a_measure_takes_its_crosswalk_type_and_mode():
    """A summons is ACCUSE / disapprove, quad 3, from the initiator to the target."""
    summons = next(m for m in CRISIS.measures if m.kind is MeasureKind.SUMMON_ENVOY)
    event = EVENTS[summons.id]
    assert (["ACCUSE"], ["disapprove"], 3) == (event["event"], event["mode"], event["quad_code"])
    initiator = CRISIS.get(summons.initiator)
    assert initiator is not None
    assert initiator.name == event["actor"][0]["entity_text"]
    assert ["diplomatic"] == event["context"]
    assert event["cite_info"]["citation"].startswith("source:")


def test_dates_are_a_first_day_and_an_end_day_for_coarse_dates():
    """A day is one date; a month-only date is its first day with the last as enddate."""
    raids = EVENTS["incident:yekaterinburg-raids-2025"]
    assert "2025-06-27" == raids["date"]
    assert "enddate" not in raids
    downing = EVENTS["incident:azal-plane-downing-2024"]
    assert ("2024-12-01", "2024-12-31") == (downing["date"], downing["enddate"])
    month = incidents.Dataset(
        actors=(incidents.Actor(id="actor:a", kind=incidents.ActorKind.STATE, name="A"),),
        measures=(
            incidents.DiplomaticMeasure(
                id="measure:m",
                kind=MeasureKind.PROTEST_NOTE,
                initiator="actor:a",
                announced=incidents.PartialDate.parse("2025-06"),
            ),
        ),
    )
    (event,) = events(month)
    assert ("2025-06-01", "2025-06-30") == (event["date"], event["enddate"])


def test_every_type_used_has_a_quad_category():
    """The measure crosswalk and the incident table only use types with a quad category."""
    codes = [kind.plover.code for kind in MeasureKind if kind.plover is not None]
    codes += list(INCIDENT_TYPES.values())
    assert set() == {code.partition("-")[0] for code in codes} - set(QUAD)


def test_an_incident_without_a_type_says_so():
    """An incident kind with no PLOVER type has has_event false and no event."""
    incident = incidents.Incident(
        id="incident:x",
        kind=incidents.IncidentKind.BORDER_INCIDENT,
        title="X",
        date=incidents.PartialDate.parse("2025"),
    )
    (event,) = events(incidents.Dataset(incidents=(incident,)))
    assert (False, [], "2025-01-01", "2025-12-31") == (
        event["has_event"],
        event["event"],
        event["date"],
        event["enddate"],
    )
