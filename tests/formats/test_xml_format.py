"""XML in and out: lossless round trips, a fixed mapping, and output valid against the XSD."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import xmlschema
from hypothesis import given
from lxml import etree

import incidents
from incidents import (
    Actor,
    ActorKind,
    Casualty,
    CasualtyOutcome,
    Citation,
    Claim,
    Count,
    Dataset,
    Incident,
    IncidentKind,
    Location,
    ParseError,
    PartialDate,
    Source,
    strategies,
)
from incidents.schemagen.xsd_generator import xml_schema, xml_schema_text

ROOT = Path(__file__).resolve().parents[2]
COMMITTED_XSD = (ROOT / "schemas" / "incidents.xsd").read_bytes()
LXML_SCHEMA = etree.XMLSchema(etree.fromstring(COMMITTED_XSD))
PURE_PYTHON_SCHEMA = xmlschema.XMLSchema10(COMMITTED_XSD.decode("utf-8"))
NS = {"i": incidents.NAMESPACE}


def assert_valid_xml(document: bytes) -> None:
    """The document validates against the committed XSD with lxml and with xmlschema."""
    tree = etree.fromstring(document)
    valid = LXML_SCHEMA.validate(tree)
    assert valid, str(LXML_SCHEMA.error_log)
    errors = [str(error) for error in PURE_PYTHON_SCHEMA.iter_errors(document.decode("utf-8"))]
    assert [] == errors


def test_committed_xsd_matches_the_code():
    """schemas/incidents.xsd is exactly what the classes generate now."""
    assert xml_schema_text() == COMMITTED_XSD.decode("utf-8")
    assert xml_schema() == incidents.xml_schema()


def test_xsd_is_a_valid_schema_for_both_validators():
    """The XSD compiles in libxml2 (lxml) and in the pure-Python xmlschema package."""
    assert LXML_SCHEMA is not None
    assert incidents.NAMESPACE == PURE_PYTHON_SCHEMA.target_namespace


@given(strategies.datasets())
def test_round_trips_are_lossless(dataset: Dataset):
    """from_xml(to_xml(d)) == d, and JSON after XML gives the same dataset back."""
    document = incidents.to_xml(dataset)
    assert dataset == incidents.from_xml(document)
    assert dataset == incidents.from_json(incidents.to_json(incidents.from_xml(document)))


@given(strategies.datasets())
def test_generated_xml_is_valid_and_stable(dataset: Dataset):
    """Every generated document validates with both validators and is written identically twice."""
    document = incidents.to_xml(dataset)
    assert document == incidents.to_xml(incidents.from_xml(document))
    assert_valid_xml(document)


def test_example_file_is_valid_xml():
    """The bundled example, written as XML, validates against the XSD."""
    assert_valid_xml(
        incidents.to_xml(incidents.read(ROOT / "examples" / "russia-azerbaijan-2025.json"))
    )


def _sample() -> Dataset:
    return Dataset(
        actors=(
            Actor(id="actor:russia", kind=ActorKind.STATE, name="Russia"),
            Actor(id="actor:azerbaijan", kind=ActorKind.STATE, name="Azerbaijan"),
        ),
        sources=(Source(id="source:mt", title="The Moscow Times", language="en"),),
        incidents=(
            Incident(
                id="incident:raids",
                kind=IncidentKind.RAID,
                title="Raids in Yekaterinburg",
                date=PartialDate.parse("2025-06-27"),
                summary="  Two lines,\nindented  ",
                location=Location(name="Екатеринбург", country="RU", latitude=56.8, longitude=60.6),
                casualties=(
                    Casualty(
                        outcome=CasualtyOutcome.DETAINED,
                        count=(Claim(value=Count.about(50)),),
                        citations=(Citation(source="source:mt"),),
                    ),
                ),
                responsibility=(Claim(value="actor:russia", claimed_by="actor:azerbaijan"),),
                citations=(Citation(source="source:mt", quote="around 50"),),
            ),
        ),
    )


def test_mapping_puts_scalars_in_attributes_and_text_in_elements():
    """Ids, kinds, dates and numbers are attributes; titles and summaries are elements."""
    root = etree.fromstring(incidents.to_xml(_sample()))
    incident = root.find("i:incidents/i:incident", NS)
    assert {"id": "incident:raids", "kind": "raid", "date": "2025-06-27"} == dict(incident.attrib)
    assert ["title", "summary", "location", "casualties", "responsibility", "citations"] == [
        etree.QName(child).localname for child in incident
    ]
    location = incident.find("i:location", NS)
    assert {"country": "RU", "latitude": "56.8", "longitude": "60.6"} == dict(location.attrib)
    assert "Екатеринбург" == location.findtext("i:name", namespaces=NS)
    count = incident.find("i:casualties/i:casualty/i:count/i:claim/i:value", NS)
    assert {"best": "50", "qualifier": "about"} == dict(count.attrib)
    claim = incident.find("i:responsibility/i:claim", NS)
    assert {"value": "actor:russia", "claimed_by": "actor:azerbaijan"} == dict(claim.attrib)


def test_document_is_declared_utf8_in_the_namespace():
    """The output starts with an XML declaration and puts everything in one namespace."""
    document = incidents.to_xml(_sample())
    assert document.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<dataset xmlns=")
    root = etree.fromstring(document)
    assert {incidents.NAMESPACE} == {etree.QName(node).namespace for node in root.iter()}
    assert incidents.SCHEMA_VERSION == root.get("schema_version")


def test_white_space_in_text_survives():
    """Leading, trailing and inner white space and line breaks in a summary round-trip."""
    dataset = _sample()
    assert dataset == incidents.from_xml(incidents.to_xml(dataset))
    text = incidents.from_xml(incidents.to_xml(dataset)).incidents[0].summary
    assert "  Two lines,\nindented  " == text


def test_problems_have_an_xpath_and_a_line():
    """A bad attribute is reported with the XPath of the attribute and its line."""
    document = incidents.to_xml(_sample()).replace(b'kind="raid"', b'kind="raidd"')
    with pytest.raises(ParseError) as caught:
        incidents.from_xml(document)
    problem = caught.value.problems[0]
    assert "/dataset/incidents/incident[1]/@kind" == problem.path
    assert 17 == problem.line
    assert "E204" == problem.code


def test_unknown_and_misplaced_content_is_refused():
    """Unknown elements, unknown attributes and wrong item names are each reported."""
    document = (
        incidents.to_xml(_sample())
        .replace(b"<title>", b"<subtitle>x</subtitle><title>")
        .replace(b'language="en"', b'language="en" lang="en"')
        .replace(b'<citation source="source:mt"/>', b'<cite source="source:mt"/>', 1)
    )
    with pytest.raises(ParseError) as caught:
        incidents.from_xml(document)
    found = {(problem.code, problem.path) for problem in caught.value.problems}
    assert {
        ("E201", "/dataset/sources/source[1]/@lang"),
        ("E201", "/dataset/incidents/incident[1]/subtitle"),
    } <= found
    assert any("its items are <citation>" in p.message for p in caught.value.problems)


def test_read_and_write_pick_xml_by_suffix(tmp_path):
    """write(..., 'x.xml') writes XML that read() reads back; the JSON twin is equal."""
    dataset = _sample()
    incidents.write(dataset, tmp_path / "data.xml")
    incidents.write(dataset, tmp_path / "data.json")
    assert (tmp_path / "data.xml").read_bytes() == incidents.to_xml(dataset)
    assert incidents.read(tmp_path / "data.xml") == incidents.read(tmp_path / "data.json")


def test_validate_reads_xml_by_content():
    """validate() recognises XML text and reports the same semantic codes as for JSON."""
    document = incidents.to_xml(_sample())
    assert incidents.validate(document).ok
    broken = document.replace(b'source="source:mt"', b'source="source:nope"', 1)
    report = incidents.validate(broken)
    json_report = incidents.validate(
        json.dumps(json.loads(incidents.to_json(_sample())))
        .replace('"source:mt"}', '"source:nope"}', 1)
        .encode()
    )
    assert {p.code for p in json_report} == {p.code for p in report}
    assert "E403" in {p.code for p in report}


def test_every_xml_written_by_tests_is_checked():
    """The autouse fixture in conftest.py wraps to_xml, so all XML the tests write is validated."""
    assert "checked" == incidents.to_xml.__name__
    assert "checked" == incidents.formats.files.to_xml.__name__


@pytest.mark.parametrize("bad", ["\x01", "\x1b", "\r", "\ud800", "\ufffe", "\x85"])
def test_characters_xml_cannot_carry_are_refused_for_every_format(bad):
    """Such characters fail at construction and in a JSON file, so to_xml never meets them."""
    with pytest.raises(incidents.FieldError):
        Source(id="source:x", title=f"A{bad}B")
    document = json.dumps(
        {"schema_version": "1.0", "sources": [{"id": "source:x", "title": f"A{bad}B"}]}
    )
    with pytest.raises(ParseError) as caught:
        incidents.from_json(document)
    assert ["$.sources[0].title"] == [problem.path for problem in caught.value.problems]
