"""The example datasets: valid in every form, faithful to the articles they quote."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import incidents
from incidents import examples
from incidents.examples.sources import AP, CD, MT_JULY_4, MT_RIFT, TR
from incidents.formats.converter import converter

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
ARTICLES = {
    MT_JULY_4: "000_209b391bbe736a86.txt",
    MT_RIFT: "001_59283d03600a927d.txt",
    TR: "002_1fe94715d9737df7.txt",
    AP: "003_8d37927690d2fbd0.txt",
    CD: "004_32b1e652103c748a.txt",
}
CRISIS = examples.load("russia-azerbaijan-2025")


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _article(source_id: str) -> str:
    path = SEEDS / ARTICLES[source_id]
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have ../shared beside the clone")
        pytest.skip(f"{path} is not here (the articles live in ../shared/seeds)")
    return _normalised(path.read_text(encoding="utf-8"))


def _citations(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict):
        if "source" in data and set(data) <= {"source", "quote", "locator", "note"}:
            yield data
        for value in data.values():
            yield from _citations(value)
    elif isinstance(data, list):
        for value in data:
            yield from _citations(value)


@pytest.mark.parametrize("name", examples.names())
def test_examples_are_valid_in_every_form(name):
    """Each example has no error and no warning as objects, as JSON and as XML."""
    dataset = examples.load(name)
    as_json = incidents.to_json(dataset)
    as_xml = incidents.to_xml(dataset)
    for form in (dataset, json.loads(as_json), as_json.encode(), as_xml):
        report = incidents.validate(form)
        assert [] == [str(problem) for problem in report]
    assert dataset == incidents.from_json(as_json) == incidents.from_xml(as_xml)
    assert dataset == incidents.from_xml(incidents.to_xml(incidents.from_json(as_json)))


@pytest.mark.parametrize("name", examples.names())
def test_exported_files_match_the_python_records(name):
    """examples/<name>.json and .xml are what the records generate (scripts/regenerate.py)."""
    dataset = examples.load(name)
    assert incidents.to_json(dataset) == (ROOT / "examples" / f"{name}.json").read_text("utf-8")
    assert incidents.to_xml(dataset) == (ROOT / "examples" / f"{name}.xml").read_bytes()


def test_every_quote_is_verbatim_in_the_article_it_cites():
    """Each citation's quote occurs in its article (white space normalised)."""
    missing = [
        (citation["source"], citation["quote"])
        for citation in _citations(converter.unstructure(CRISIS))
        if "quote" in citation
        and _normalised(citation["quote"]) not in _article(citation["source"])
    ]
    assert [] == missing


def test_every_incident_measure_and_casualty_quotes_its_source():
    """Incidents, measures and casualties each cite at least one source with a quote."""
    events = [*CRISIS.incidents, *CRISIS.measures]
    casualties = [casualty for incident in CRISIS.incidents for casualty in incident.casualties]
    for record in [*events, *casualties]:
        assert any(citation.quote for citation in record.citations), record


def test_every_article_is_cited():
    """Each of the five articles is cited by at least one record."""
    cited = {citation["source"] for citation in _citations(converter.unstructure(CRISIS))}
    assert set(ARTICLES) == cited
    assert set(ARTICLES) == {source.id for source in CRISIS.sources}


def test_the_hard_cases_are_recorded():
    """Contested causes, counts, roles and blame, and a retroactive date, are all present."""
    deaths = CRISIS.get("incident:safarov-brothers-deaths-2025", incidents.Incident)
    assert deaths is not None
    causes = {claim.value for claim in deaths.casualties[0].cause}
    assert {
        "acute ischemic heart disease",
        "post-traumatic shock caused by multiple injuries",
    } <= causes
    raids = CRISIS.get("incident:yekaterinburg-raids-2025", incidents.Incident)
    assert raids is not None
    assert ["about 50", "more than 50", "9"] == [str(c.value) for c in raids.casualties[0].count]
    kartavykh = CRISIS.get("actor:igor-kartavykh", incidents.Actor)
    assert kartavykh is not None
    roles = {claim.value.role for claim in kartavykh.affiliations}
    assert {"project head", "editorial board director", "editor-in-chief"} <= roles
    plane = CRISIS.get("incident:azal-plane-downing-2024", incidents.Incident)
    assert plane is not None
    assert {incidents.Stance.ASSERTS, incidents.Stance.DENIES} == {
        claim.stance for claim in plane.responsibility
    }
    revocation = CRISIS.get("measure:ru-revokes-ibragimov-citizenship", incidents.DiplomaticMeasure)
    assert revocation is not None
    assert revocation.retroactive
    assert revocation.effective is not None
    assert revocation.announced is not None
    assert revocation.effective.is_before(revocation.announced)


def test_names_and_load():
    """names() lists the datasets; load() of an unknown name raises a library error."""
    assert "russia-azerbaijan-2025" == examples.names()[0]
    with pytest.raises(incidents.IncidentsError, match="russia-azerbaijan-2025"):
        examples.load("nope")


def test_focused_datasets_are_subsets_of_the_crisis():
    """The smaller datasets hold only records of the whole crisis, and fewer of them."""
    everything = set(CRISIS.records())
    for name in examples.names()[1:]:
        records = set(examples.load(name).records())
        assert records < everything
