"""The coverage tables: every CAMEO root and PLOVER type, each kind under its own code."""

from __future__ import annotations

from incidents import MeasureKind
from incidents.views.coverage import CAMEO_ROOTS, PLOVER_TYPES, coverage_markdown


def test_every_root_and_type_has_a_row() -> None:
    """CAMEO's twenty roots (01 to 20) and PLOVER's sixteen types are all listed."""
    assert [f"{n:02}" for n in range(1, 21)] == [root for root, _, _ in CAMEO_ROOTS]
    assert 16 == len({event_type for event_type, _, _ in PLOVER_TYPES})


def test_each_measure_kind_is_listed_under_its_codes() -> None:
    """A mapped kind appears in the row of its CAMEO root and of its PLOVER type."""
    text = "\n".join(coverage_markdown())
    rows = {line.split(" | ")[0].strip("| "): line for line in text.splitlines() if "|" in line}
    names = {root: f"{root} {name}" for root, name, _ in CAMEO_ROOTS}
    quads = {event_type: f"{event_type} ({quad})" for event_type, quad, _ in PLOVER_TYPES}
    for kind in MeasureKind:
        if kind.cameo is not None:
            assert f"`{kind.value}`" in rows[names[kind.cameo.code[:2]]]
        if kind.plover is not None:
            assert f"`{kind.value}`" in rows[quads[kind.plover.code.partition("-")[0]]]


def test_a_root_without_kinds_says_why() -> None:
    """A root no measure kind falls under says where such acts go instead."""
    text = "\n".join(coverage_markdown())
    assert "| 18 Assault | none: violence is an incident" in text
