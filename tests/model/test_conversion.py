"""What record constructors convert (incidents.model._convert), and what mypy makes of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest

from incidents import (
    Actor,
    ActorKind,
    Citation,
    Count,
    DiplomaticMeasure,
    FieldError,
    Incident,
    IncidentKind,
    MeasureKind,
    MeasureStatus,
    PartialDate,
    Participant,
    ParticipantRole,
    PositionalArgumentError,
)
from incidents._compile.loaders import loader
from incidents.model import Dataset
from incidents.model._convert import FAITHFUL

CITE = Citation(source="source:apa")


def incident(**changes: Any) -> Incident:
    fields: dict[str, Any] = {
        "id": "incident:raid",
        "kind": IncidentKind.RAID,
        "title": "Raid",
        "date": PartialDate.parse("2025-06-27"),
    }
    return Incident(**{**fields, **changes})


@pytest.mark.parametrize(
    ("given", "explicit"),
    [
        ({"kind": "raid"}, {"kind": IncidentKind.RAID}),
        ({"date": "2025-06"}, {"date": PartialDate.parse("2025-06")}),
        ({"date": dt.date(2025, 6, 27)}, {"date": PartialDate.of(2025, 6, 27)}),
        ({"citations": [CITE]}, {"citations": (CITE,)}),
        ({"citations": (c for c in [CITE, CITE])}, {"citations": (CITE, CITE)}),
        ({"in_response_to": ["incident:downing"]}, {"in_response_to": ("incident:downing",)}),
        (
            {"participants": [Participant(actor="actor:ru", role="target")]},
            {"participants": (Participant(actor="actor:ru", role=ParticipantRole.TARGET),)},
        ),
    ],
)
def test_incident_converts(given: dict[str, Any], explicit: dict[str, Any]) -> None:
    """The converted record equals (and hashes as) the one built with the explicit types."""
    converted, built = incident(**given), incident(**explicit)
    assert (converted, hash(converted)) == (built, hash(built))
    field = next(iter(given))
    assert type(getattr(converted, field)) is type(explicit[field])


def test_measure_and_actor_convert() -> None:
    """Optional vocabularies and dates, and a plain int for a Count."""
    measure = DiplomaticMeasure(
        id="measure:m",
        kind="summon_envoy",
        initiator="actor:az",
        status="announced",
        announced="2025-06-30",
        targets=["actor:ru"],
    )
    assert (measure.kind, measure.status, measure.targets) == (
        MeasureKind.SUMMON_ENVOY,
        MeasureStatus.ANNOUNCED,
        ("actor:ru",),
    )
    assert measure.announced == PartialDate.parse("2025-06-30")
    coalition = Actor(id="actor:c", kind="coalition", name="C", member_count=20)
    assert (coalition.kind, coalition.member_count) == (ActorKind.COALITION, Count.exactly(20))


def test_records_stay_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        incident(kind="raid").kind = "arrest"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("kind", "raidd", "'raidd' is not a valid IncidentKind; did you mean 'raid'?"),
        ("date", "2025-13", "month must be from 1 to 12"),
        ("date", dt.datetime(2025, 6, 27, 12), "expected PartialDate, not datetime"),
        ("citations", "source:apa", "expected tuple, not str"),
        ("citations", {CITE}, "expected tuple, not set"),
        ("citations", {"source": "source:apa"}, "expected tuple, not dict"),
        ("kind", 3, "expected IncidentKind, not int"),
    ],
)
def test_what_is_not_converted_is_refused(field: str, value: object, reason: str) -> None:
    """Anything else reaches the field check: a FieldError naming the record and field."""
    with pytest.raises(FieldError) as info:
        incident(**{field: value})
    assert (info.value.record, info.value.field, info.value.value) == ("Incident", field, value)
    assert info.value.reason.startswith(reason)


def test_a_bool_is_not_a_count() -> None:
    with pytest.raises(FieldError) as info:
        Actor(id="actor:c", kind="coalition", name="C", member_count=True)
    assert info.value.field == "member_count"


def test_every_converter_is_skipped_by_the_loaders() -> None:
    """Every field converter is one the compiled loaders know (else the fast path is lost)."""
    assert loader(Dataset, True) is not None
    assert loader(Dataset, False) is not None
    seen: set[object] = set()
    todo: list[type] = [Dataset]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for field in attrs.fields(cls):
            assert field.converter is None or field.converter in FAITHFUL, (cls, field.name)
        attrs.resolve_types(cls)
        for field in attrs.fields(cls):
            for arg in (*getattr(field.type, "__args__", ()), field.type):
                inner = getattr(arg, "__origin__", arg)
                if isinstance(inner, type) and attrs.has(inner):
                    todo.append(inner)
    assert len(seen) > 10


TYPING_CHECK = Path(__file__).with_name("typing_check.py")


def test_mypy_accepts_the_direct_forms_and_rejects_nonsense() -> None:
    """mypy --strict (attrs plugin) on tests/model/typing_check.py: the lines marked
    ``# rejected`` and only they are errors, and the revealed types are the field types."""
    api = pytest.importorskip("mypy.api")
    out, _, _ = api.run(
        ["--strict", "--no-incremental", "--cache-dir=/dev/null", str(TYPING_CHECK)]
    )
    lines = TYPING_CHECK.read_text("utf-8").splitlines()
    expected = {n for n, line in enumerate(lines, 1) if line.rstrip().endswith("# rejected")}
    errors = {int(line.split(":")[1]) for line in out.splitlines() if ": error:" in line}
    assert errors == expected, out
    assert 'Revealed type is "incidents.model.vocabulary.IncidentKind"' in out, out
    assert 'Revealed type is "incidents.model.dates.PartialDate"' in out, out
    assert 'incidents.model.citations.Citation, ...]"' in out, out


@pytest.mark.parametrize("record", [Incident, Citation, Count, Dataset, Participant])
def test_positional_arguments_are_refused_by_name(record: type) -> None:
    """Positional arguments: an IncidentsError (and TypeError) naming the keyword fields."""
    with pytest.raises(PositionalArgumentError) as info:
        record("x")
    fields = tuple(field.alias for field in attrs.fields(record))
    assert (info.value.record, info.value.given, info.value.fields) == (record.__name__, 1, fields)
    assert isinstance(info.value, TypeError)
    assert f"{record.__name__} takes keyword arguments only" in str(info.value)
    assert ", ".join(fields) in str(info.value)
