"""The generated JSON Schema: committed, valid 2020-12, portable, and faithful to the model."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jsonschema
import jsonschema_rs
import pytest
from hypothesis import given

import incidents
from incidents import strategies
from incidents.schemagen.json_generator import json_schema, json_schema_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import regenerate  # noqa: E402 - the maintenance script, not part of the package

SCHEMA = json_schema()
PYTHON_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
RUST_VALIDATOR = jsonschema_rs.validator_for(SCHEMA)


def test_committed_schema_matches_the_code():
    """schemas/incidents.schema.json is exactly what the classes generate now."""
    committed = (ROOT / "schemas" / "incidents.schema.json").read_text(encoding="utf-8")
    assert json_schema_text() == committed


def test_regenerate_script_detects_and_fixes_drift(tmp_path, capsys):
    """scripts/regenerate.py --check fails on a stale file; a plain run rewrites it."""
    stale = tmp_path / "incidents.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    files = {stale: json_schema_text}
    assert 1 == regenerate.main(["--check"], files)
    assert "out of date" in capsys.readouterr().out
    assert 0 == regenerate.main([], files)
    assert 0 == regenerate.main(["--check"], files)
    assert json_schema_text() == stale.read_text(encoding="utf-8")


def test_regenerate_script_covers_the_committed_files():
    """The regeneration script writes the schema file the drift test reads."""
    assert ROOT / "schemas" / "incidents.schema.json" in regenerate.DERIVED
    assert [] == regenerate.stale()


def test_schema_passes_the_2020_12_metaschema():
    """The schema is itself valid against the draft 2020-12 metaschema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert "https://json-schema.org/draft/2020-12/schema" == SCHEMA["$schema"]


def test_one_definition_per_record_and_value_type():
    """$defs has a definition for every record, value type and vocabulary."""
    expected = {
        "Actor",
        "Affiliation",
        "Casualty",
        "Citation",
        "Count",
        "Dataset",
        "DiplomaticMeasure",
        "ExternalId",
        "Incident",
        "IncidentLink",
        "Location",
        "Name",
        "Participant",
        "PartialDate",
        "Source",
        "ActorKind",
        "MeasureKind",
        "IncidentKind",
        "CountryCode",
        "LanguageTag",
    }
    assert set() == expected - set(SCHEMA["$defs"])


def test_records_forbid_unknown_keys_and_are_documented():
    """Object definitions forbid extra properties; every definition and property is described."""
    for name, definition in SCHEMA["$defs"].items():
        assert definition.get("description"), name
        if definition.get("type") == "object":
            assert definition["additionalProperties"] is False, name
            for field, schema in definition["properties"].items():
                assert schema.get("description"), f"{name}.{field}"


def test_vocabulary_members_are_documented():
    """Each vocabulary member is a const with its own description; measures name their codes."""
    kinds = SCHEMA["$defs"]["MeasureKind"]["anyOf"]
    summon = next(option for option in kinds if option["const"] == "summon_envoy")
    assert "CAMEO: 114" in summon["description"]
    assert "PLOVER: ACCUSE-disapprove" in summon["description"]
    assert len(incidents.MeasureKind) == len(kinds)


def test_references_are_patterned_by_kind():
    """A reference to an actor accepts only actor ids."""
    initiator = SCHEMA["$defs"]["DiplomaticMeasure"]["properties"]["initiator"]
    assert "#/$defs/ActorId" == initiator["$ref"]
    assert "^actor:" in SCHEMA["$defs"]["ActorId"]["pattern"]


@pytest.mark.parametrize("validator", ["python", "rust"])
def test_the_example_file_is_valid(validator):
    """The bundled example validates with both implementations."""
    document = json.loads(
        (ROOT / "examples" / "russia-azerbaijan-2025.json").read_text(encoding="utf-8")
    )
    if validator == "python":
        assert [] == list(PYTHON_VALIDATOR.iter_errors(document))
    else:
        assert RUST_VALIDATOR.is_valid(document)


@given(strategies.datasets())
def test_generated_datasets_are_valid_in_both_implementations(dataset):
    """Every dataset the model accepts, the schema accepts too, in Python and in Rust."""
    document = json.loads(incidents.to_json(dataset))
    assert [] == [error.message for error in PYTHON_VALIDATOR.iter_errors(document)]
    assert RUST_VALIDATOR.is_valid(document)


def test_schema_relies_on_no_format_checker():
    """No 'format' keyword: every check is a standard assertion that always runs."""
    assert '"format"' not in json_schema_text()


def test_schema_refers_only_to_its_own_definitions():
    """Every $ref is local ('#/$defs/...'), so validation never needs to fetch anything."""
    refs = re.findall(r'"\$ref": "([^"]*)"', json_schema_text())
    assert refs
    assert [] == [ref for ref in refs if not ref.startswith("#/$defs/")]


def test_a_schema_key_for_editors_is_accepted_by_every_validator():
    """A top-level "$schema" string is valid for the library, jsonschema and jsonschema-rs,
    read and then left out when written; a "$schema" that is not a string is an error."""

    document = json.loads(incidents.to_json(incidents.examples.load("azal-downing-2024")))
    with_key = {"$schema": "./schemas/incidents.schema.json", **document}
    text = json.dumps(with_key, indent=2).encode()
    assert incidents.validate(text).ok
    assert incidents.validate(with_key).ok
    jsonschema.Draft202012Validator(incidents.json_schema()).validate(with_key)
    assert jsonschema_rs.validator_for(incidents.json_schema()).is_valid(with_key)
    assert incidents.to_json(incidents.read(text)) == incidents.to_json(incidents.read(document))
    wrong = json.dumps({**with_key, "$schema": 5}).encode()
    assert ["E203"] == [problem.code for problem in incidents.validate(wrong)]
