"""EDTF level 1 dates in every validator: accepted where a date goes, ordered by their spans."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

import incidents
from incidents import validate, validate_jsonl


def _crisis(trigger: str, response: str) -> dict[str, Any]:
    """A raid and a summons responding to it, with the two dates given."""
    cite = [{"source": "source:a"}]
    return {
        "schema_version": "1.1",
        "actors": [
            {"id": "actor:a", "kind": "state", "name": "A", "country": "AZ"},
            {"id": "actor:b", "kind": "state", "name": "B", "country": "RU"},
        ],
        "sources": [{"id": "source:a", "title": "A report"}],
        "incidents": [
            {
                "id": "incident:raid",
                "kind": "raid",
                "title": "A raid",
                "date": trigger,
                "citations": cite,
            }
        ],
        "measures": [
            {
                "id": "measure:summons",
                "kind": "summon_envoy",
                "initiator": "actor:a",
                "targets": ["actor:b"],
                "announced": response,
                "in_response_to": ["incident:raid"],
                "citations": cite,
            }
        ],
    }


def _jsonl(document: dict[str, Any]) -> bytes:
    return incidents.to_jsonl(incidents.from_json(json.dumps(document))).encode()


@pytest.mark.parametrize(
    ("trigger", "response", "refused"),
    [
        ("2018-03-04", "2018-03-03", True),
        ("2018-03-XX", "2018-03-01", False),
        ("2018-03-XX", "2018-02-28", True),
        ("201X", "2009-12-31", True),
        ("201X", "2010-01-01", False),
        ("2018-03-04/..", "2018-03-03", True),
        ("2018-03-04/", "2018-03-05", False),
        ("../2018-03", "1900", False),
        ("/2018-03", "0001", False),
        ("2018-03-04", "2018-02/..", False),
        ("2018-03-04", "../2018-03-03", True),
        ("2018-03-04", "/2018-03-04", False),
    ],
)
def test_response_order_follows_the_spans(trigger: str, response: str, refused: bool) -> None:
    """E404 exactly when the response's last day precedes the trigger's first, in JSON, JSON Lines
    and XML alike."""
    document = _crisis(trigger, response)
    found = [p.code for p in validate(json.dumps(document).encode())]
    assert (["E404"] if refused else []) == found
    assert found == [p.code for p in validate_jsonl(io.BytesIO(_jsonl(document)))]
    xml = incidents.to_xml(incidents.from_json(json.dumps(document)))
    assert found == [p.code for p in validate(xml)]


@pytest.mark.parametrize(
    "text", ["2018-03-14/..", "../2018-03", "2018-03-14/", "/2018-03", "2018-03-XX", "20XX"]
)
def test_level_1_dates_round_trip_in_every_format(text: str) -> None:
    """A level 1 date is written back exactly, as JSON, JSON Lines and XML."""
    dataset = incidents.from_json(json.dumps(_crisis("2018", text)))
    assert text == str(dataset.measures[0].announced)
    assert dataset == incidents.from_xml(incidents.to_xml(dataset))
    assert dataset == incidents.from_jsonl(incidents.to_jsonl(dataset))
    assert f'"announced": "{text}"' in incidents.to_json(dataset)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("2018-XX-05", "EDTF level 2"),
        ("../..", "no date on either side"),
        ("2018-03-XX?", "qualifier"),
    ],
)
def test_edtf_beyond_level_1_is_named_in_every_validator(text: str, what: str) -> None:
    """A date the library does not read is E206 naming what it is, in JSON and JSON Lines."""
    document = _crisis("2018", text)
    problems = list(validate(json.dumps(document).encode()))
    assert ["E206"] == [p.code for p in problems]
    assert what in problems[0].message
    valid = _jsonl(_crisis("2018", "2019")).decode()
    assert '"announced":"2019"' in valid.replace(" ", "")
    broken = valid.replace('"2019"', json.dumps(text))
    streamed = list(validate_jsonl(io.BytesIO(broken.encode())))
    assert ["E206"] == [p.code for p in streamed], streamed
