"""The additions of format 1.1: their record rules, in Python and in both schemas' verdicts."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

import incidents
from incidents import (
    Actor,
    ActorKind,
    Claim,
    Count,
    CountUnit,
    DiplomaticMeasure,
    FieldError,
    MeasureKind,
)


def _measure(**fields: Any) -> DiplomaticMeasure:
    return DiplomaticMeasure(
        id="measure:m",
        kind=fields.pop("kind", MeasureKind.EXPEL_DIPLOMATS),
        initiator="actor:a",
        **fields,
    )


@pytest.mark.parametrize(
    ("fields", "field", "reason"),
    [
        ({"count": (Claim(value=Count(best=23)),)}, "counted", "a count needs counted"),
        ({"counted": CountUnit.DIPLOMATS}, "count", "counted needs a count"),
        ({"demanded": MeasureKind.RECALL_ENVOY}, "demanded", "only a demand or threaten"),
    ],
)
def test_measure_rules(fields: dict[str, Any], field: str, reason: str) -> None:
    """A count comes with what it counts, and only a demand or threat says what it demands."""
    with pytest.raises(FieldError) as caught:
        _measure(**fields)
    assert (field, "E209") == (caught.value.field, caught.value.code)
    assert reason in caught.value.reason


def test_a_demand_says_what_it_demands() -> None:
    """``demanded`` is a measure kind, on a demand or a threat."""
    measure = _measure(kind=MeasureKind.DEMAND, demanded=MeasureKind.WITHDRAW_DIPLOMATS)
    assert MeasureKind.WITHDRAW_DIPLOMATS == measure.demanded


def test_only_a_coalition_has_members() -> None:
    """Members and a member count belong to an actor of kind 'coalition'."""
    Actor(id="actor:c", kind=ActorKind.COALITION, name="C", member_count=Count(best=20))
    with pytest.raises(FieldError) as caught:
        Actor(id="actor:s", kind=ActorKind.STATE, name="S", members=("actor:a",))
    assert ("members", "E209") == (caught.value.field, caught.value.code)


def _document(**measure: Any) -> bytes:
    record = {"id": "measure:m", "kind": "expel_diplomats", "initiator": "actor:a", **measure}
    return json.dumps({"schema_version": "1.1", "measures": [record]}).encode()


@pytest.mark.parametrize(
    ("measure", "location"),
    [
        ({"count": [{"value": {"best": 23}}]}, "/measures/0/counted"),
        ({"counted": "diplomats"}, "/measures/0/count"),
        ({"demanded": "recall_envoy"}, "/measures/0/kind"),
    ],
)
def test_validate_reports_the_rules(measure: dict[str, Any], location: str) -> None:
    """validate reports each rule as E209 (from the schema, where the model says the same)."""
    problems = [(p.code, p.location) for p in incidents.validate(_document(**measure))]
    assert ("E209", location) in problems or ("E202", location) in problems


def test_a_list_of_initiators_is_refused() -> None:
    """A measure has one initiator; a joint one is an actor of kind 'coalition'."""
    report = incidents.validate(_document(initiator=["actor:a", "actor:b"]))
    assert "E203" in [problem.code for problem in report]


def test_a_misspelt_term_gets_the_nearest_and_other() -> None:
    """An unknown term names the nearest terms and the fallback 'other', never a cut list."""
    (problem,) = [
        p for p in incidents.validate(_document(kind="expell_diplomat")) if p.code == "E204"
    ]
    assert "did you mean 'expel_diplomats'?" in problem.message
    assert "use 'other'" in problem.message
    assert "`incidents vocab MeasureKind` lists all" in problem.message


def test_reciprocal_links_close_no_cycle() -> None:
    """Two measures reciprocal to each other are not a cycle (the link has no direction)."""
    records = [
        {
            "id": f"measure:{name}",
            "kind": "expel_diplomats",
            "initiator": "actor:a",
            "announced": "2018-03-17",
            "links": [{"kind": "reciprocal_to", "target": f"measure:{other}"}],
            "citations": [{"source": "source:s"}],
        }
        for name, other in (("a", "b"), ("b", "a"))
    ]
    document = {
        "schema_version": "1.1",
        "actors": [{"id": "actor:a", "kind": "state", "name": "A"}],
        "sources": [{"id": "source:s", "title": "S"}],
        "measures": records,
    }
    assert [] == [str(problem) for problem in incidents.validate(json.dumps(document).encode())]


@pytest.mark.parametrize("kind", [["part_of"], {"a": 1}, 3])
def test_a_link_kind_that_is_not_text_is_reported_not_crashed_on(kind: Any) -> None:
    """A link whose kind is a list or an object is a schema problem, never E999 (the fuzz
    harness found this: the semantic layer looked the kind up in a set)."""
    document = json.loads(_document(links=[{"kind": kind, "target": "measure:m"}]))
    codes = {problem.code for problem in incidents.validate(json.dumps(document).encode())}
    assert "E999" not in codes
    assert codes & {"E203", "E204"}
    lines = [
        '{"schema_version":"1.1"}',
        json.dumps({"measure": document["measures"][0]}),
    ]
    stream = io.BytesIO(("\n".join(lines) + "\n").encode())
    assert "E999" not in {problem.code for problem in incidents.validate_jsonl(stream)}
