"""Differential tests: the JSON Schema and the record classes agree on what is valid.

On generated valid datasets and on mutated ones (a field dropped, a value of the wrong type,
an unknown key, an id of the wrong kind, a number out of range), the schema's verdict (in
Python and in Rust) and the typed load's verdict (``from_json``) must be the same: the two
contracts never drift apart. ``HYPOTHESIS_PROFILE=thorough`` runs thousands of examples.
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

import jsonschema
import jsonschema_rs
from hypothesis import given, settings
from hypothesis import strategies as st

import incidents
from benchmarks.corpus import places as corpus_places
from benchmarks.corpus import value_at
from incidents import ParseError, strategies

SCHEMA = incidents.json_schema()
PYTHON = jsonschema.Draft202012Validator(SCHEMA)
RUST = jsonschema_rs.validator_for(SCHEMA)
EXAMPLES = {"thorough": 2000, "ci": 300}.get(os.environ.get("HYPOTHESIS_PROFILE", ""), 50)

ID_PREFIXES = ("actor:", "source:", "incident:", "measure:")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A generated valid document with one mutation applied."""
    document = json.loads(incidents.to_json(draw(strategies.datasets(max_records=3))))
    mutation = draw(st.sampled_from(["drop", "type", "unknown", "prefix", "range"]))
    places = list(corpus_places(document))
    if mutation == "unknown":
        objects = [()] + [path for path in places if isinstance(value_at(document, path), dict)]
        target = value_at(document, draw(st.sampled_from(objects)))
        target["zz_unknown"] = draw(st.sampled_from([1, "x", None, [], {}]))
        return document
    if mutation == "drop":
        keyed = [path for path in places if isinstance(path[-1], str)]
        path = draw(st.sampled_from(keyed or [("schema_version",)]))
        del value_at(document, path[:-1])[path[-1]]
        return document
    if mutation == "type":
        path = draw(st.sampled_from(places or [("schema_version",)]))
        old = value_at(document, path)
        choices = [v for v in (None, True, 7, "text", [], {}) if _json_type(v) != _json_type(old)]
        value_at(document, path[:-1])[path[-1]] = draw(st.sampled_from(choices))
        return document
    if mutation == "prefix":
        ids = [
            path
            for path in places
            if isinstance(value_at(document, path), str)
            and value_at(document, path).startswith(ID_PREFIXES)
        ]
        if ids:
            path = draw(st.sampled_from(ids))
            old = value_at(document, path)
            kind, _, slug = old.partition(":")
            new_kind = draw(st.sampled_from([p for p in ID_PREFIXES if not p.startswith(kind)]))
            value_at(document, path[:-1])[path[-1]] = new_kind + slug
        return document
    numbers = [
        path
        for path in places
        if isinstance(value_at(document, path), int | float)
        and not isinstance(value_at(document, path), bool)
    ]
    if numbers:
        path = draw(st.sampled_from(numbers))
        value_at(document, path[:-1])[path[-1]] = draw(st.sampled_from([-1, 2**53, 1000.5, -181.0]))
    return document


def _typed_verdict(document: dict[str, Any]) -> bool:
    try:
        incidents.from_json(json.dumps(document))
    except ParseError:
        return False
    return True


def _verdicts(document: dict[str, Any]) -> tuple[bool, bool, bool]:
    return (PYTHON.is_valid(document), RUST.is_valid(document), _typed_verdict(document))


@settings(max_examples=EXAMPLES)
@given(strategies.datasets(max_records=3))
def test_schema_and_model_accept_the_same_valid_datasets(dataset):
    """Every generated dataset is valid for both schema implementations and the typed load."""
    document = json.loads(incidents.to_json(dataset))
    assert (True, True, True) == _verdicts(document)


@settings(max_examples=EXAMPLES)
@given(mutated_documents())
def test_schema_and_model_agree_on_mutated_datasets(document):
    """After one mutation the Python schema, the Rust schema and from_json agree."""
    python, rust, typed = _verdicts(copy.deepcopy(document))
    assert python == rust == typed, json.dumps(document, ensure_ascii=False)[:2000]
