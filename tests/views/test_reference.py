"""The generated reference pages: complete, committed, and derived from the code."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import attrs
import pytest

from incidents import MeasureKind, cli
from incidents.cli.reference import cli_reference_markdown
from incidents.views.reference import _records, _vocabularies
from incidents.views.reference import model_reference_markdown as model_reference

ROOT = Path(__file__).resolve().parents[2]
MODEL = model_reference()
RECORDS = _records()


def _section(text: str, anchor: str) -> str:
    """The text of the section whose heading has ``{#anchor}``, up to the next heading."""
    start = text.index(f"{{#{anchor}}}")
    end = text.find("\n#", start)
    return text[start : end if end != -1 else len(text)]


@pytest.mark.parametrize(
    ("page", "generate"),
    [("model.md", model_reference), ("cli.md", cli_reference_markdown)],
)
def test_committed_pages_match_the_code(page, generate):
    """docs/reference/*.md are what the code generates now (run scripts/regenerate.py)."""
    assert generate() == (ROOT / "docs" / "reference" / page).read_text(encoding="utf-8")


def test_every_record_reachable_from_a_dataset_is_documented():
    """The walk from Dataset finds every record class of the model, claims included."""
    names = {cls.__name__ for cls in RECORDS}
    expected = {
        "Dataset",
        "Actor",
        "Name",
        "Affiliation",
        "ExternalId",
        "Claim",
        "Source",
        "Citation",
        "Incident",
        "Location",
        "Participant",
        "Casualty",
        "Count",
        "IncidentLink",
        "DiplomaticMeasure",
        "MeasureLink",
    }
    assert expected == names


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_every_field_has_a_row_with_its_description(cls):
    """Each field of a record is a row of its table: name, type, required, constraints, doc."""
    section = _section(MODEL, cls.__name__.lower())
    for field in attrs.fields(cls):
        row = re.search(rf"^\| `{field.name}` \|.*\|$", section, flags=re.MULTILINE)
        assert row is not None, f"{cls.__name__}.{field.name}"
        assert row[0].endswith(f"| {field.metadata['doc']} |")


def test_rows_show_types_requirements_and_constraints():
    """Rows give the id kinds, bounds, text rules, defaults and whether a field is required."""
    assert (
        "| `in_response_to` | list of [id](#ids) | no | `incident:…` or `measure:…` |"
        in _section(MODEL, "diplomaticmeasure")
    )
    assert "| `age` | integer | no | from 0 to 150 |" in _section(MODEL, "casualty")
    assert (
        "| `title` | [line of text](#text) | yes | one line, no white space at either end; "
        "at most 500 characters |" in _section(MODEL, "incident")
    )
    assert '| `status` | [MeasureStatus](#measurestatus) | no (default `"implemented"`) |' in (
        _section(MODEL, "diplomaticmeasure")
    )
    assert "| `schema_version` | string | yes |" in _section(MODEL, "dataset")
    assert "- latitude and longitude come together; precision needs both" in _section(
        MODEL, "location"
    )


@pytest.mark.parametrize("vocabulary", _vocabularies(RECORDS), ids=lambda v: v.__name__)
def test_every_vocabulary_term_is_listed_with_its_description(vocabulary):
    """Each term of each vocabulary is a row with its description."""
    section = _section(MODEL, vocabulary.__name__.lower())
    for member in vocabulary:
        assert f"| `{member.value}` | {member.description} |" in section


def test_measure_kinds_carry_their_cameo_and_plover_codes():
    """Each measure kind's row names its CAMEO and PLOVER codes, and whether they are nearest."""
    section = _section(MODEL, "measurekind")
    for kind in MeasureKind:
        (row,) = [line for line in section.splitlines() if line.startswith(f"| `{kind.value}` |")]
        mappings = [mapping for mapping in (kind.cameo, kind.plover) if mapping is not None]
        for mapping in mappings:
            assert f"`{mapping.code}`" in row
        assert len(mappings) + row.split(" | ").count("none") == 2
        assert all(mapping.exact for mapping in mappings) == ("(*nearest*)" not in row)
    row = next(line for line in section.splitlines() if "`revoke_citizenship`" in line)
    assert "`172` Impose administrative sanctions, not specified below (*nearest*)" in row
    assert "`COERCE-restrict` (*nearest*)" in row


def test_cli_reference_covers_every_command_and_option():
    """Every subcommand has a section with its usage, and every option string appears."""
    text = cli_reference_markdown()
    main = cli.parser()
    subcommands = {
        name: command
        for action in main._actions
        if isinstance(action, argparse._SubParsersAction)
        for name, command in action.choices.items()
    }
    assert {"validate", "convert", "schema", "show"} <= set(subcommands)
    for name, command in [("incidents", main), *subcommands.items()]:
        title = name if name == "incidents" else f"incidents {name}"
        section = text[text.index(f"## `{title}`") :]
        for action in command._actions:
            for flag in action.option_strings:
                assert f"`{flag}" in section, (name, flag)
    usage = "usage: incidents validate [-h] [-q] [-v] [--format {text,json}] [--strict]"
    assert usage in text
    assert "usage: incidents convert [-h] [-q] [-v] [--to {json,jsonl,xml}] [--no-clobber]" in text
    assert "| `-o FILE`, `--output FILE` | write it here (atomically) |" in text
