"""The CAMEO dyadic table: a row per measure and target, quad class and Goldstein."""

from __future__ import annotations

import pytest

import incidents
from incidents.model.measure_kinds import MeasureKind
from incidents.tables.cameo import GOLDSTEIN, quad_class, rows

CRISIS = incidents.examples.load("russia-azerbaijan-2025")


def test_every_crosswalk_code_has_a_goldstein_value():
    """A new CAMEO code in the crosswalk needs its value from GDELT's table here."""
    codes = {kind.cameo.code for kind in MeasureKind if kind.cameo is not None}
    assert set() == codes - set(GOLDSTEIN)
    assert set() == set(GOLDSTEIN) - codes


def test_one_row_per_measure_and_target():
    """Measures with targets give a row per target, others one row."""
    expected = sum(max(1, len(measure.targets)) for measure in CRISIS.measures)
    assert expected == len(rows(CRISIS))


def test_a_summons_row():
    """A summons is CAMEO 114, quad class 3, Goldstein -2."""
    row = next(r for r in rows(CRISIS) if r["measure_kind"] == "summon_envoy")
    assert ("114", 3, -2.0, "ACCUSE-disapprove") == (
        row["cameo_code"],
        row["quad_class"],
        row["goldstein"],
        row["plover"],
    )


@pytest.mark.parametrize(("code", "quad"), [("012", 1), ("0253", 1), ("091", 3), ("1711", 4)])
def test_quad_class_by_root(code, quad):
    """Roots 01-05 verbal cooperation, 09-13 verbal conflict, 14-20 material conflict."""
    assert quad == quad_class(code)
