"""UCDP GED-style rows: one per incident and outcome, with low, best and high."""

from __future__ import annotations

import incidents
from incidents.tables.ucdp import date_prec, rows, where_prec

CRISIS = incidents.examples.load("russia-azerbaijan-2025")
ROWS = {row["id"]: row for row in rows(CRISIS)}


def test_contested_counts_become_low_best_high():
    """About 50, more than 50 and nine detained (plus groups of 6 and 1) give 16, 57, 58."""
    row = ROWS["incident:yekaterinburg-raids-2025#detained"]
    assert (16, 57, 58) == (row["low"], row["best"], row["high"])
    assert "Russian police in Yekaterinburg" == row["side_a"]


def test_deaths_of_the_downing():
    """The airliner downing: 38 killed, in December 2024 (date_prec 4: within a month)."""
    row = ROWS["incident:azal-plane-downing-2024#killed"]
    assert (38, 38, 38, 4) == (row["low"], row["best"], row["high"], row["date_prec"])
    assert row["source_article"]


def test_only_incidents_with_casualties_have_rows():
    """Each row is an incident with casualties of that outcome."""
    with_casualties = {i.id for i in CRISIS.incidents if i.casualties}
    assert with_casualties == {row["relid"] for row in ROWS.values()}


def test_precision_codes():
    """date_prec by the number of days; where_prec by the location's precision."""
    assert [1, 2, 3, 4, 5] == [date_prec(days) for days in (1, 6, 7, 31, 365)]
    assert where_prec(incidents.Location(country="AZ")) == 6
    assert where_prec(None) is None
