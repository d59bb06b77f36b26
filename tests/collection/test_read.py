"""read_collection: the files as one dataset, with each record's origin."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import incidents
from incidents.collection import read_collection
from incidents.errors import CollectionError
from tests.collection.conftest import EXAMPLE, RAIDS, ROOT, edit


def _by_id(dataset: incidents.Dataset) -> dict[str, object]:
    return {record.id: record for record in dataset.records()}


def test_the_example_collection_reads_back_as_the_crisis() -> None:
    """examples/collection holds exactly the records of russia-azerbaijan-2025.

    The records of each kind are equal one by one; only the order of the measures differs,
    since they are grouped by the incident they respond to.
    """
    crisis = incidents.examples.load("russia-azerbaijan-2025")
    collection = read_collection(EXAMPLE)
    dataset = collection.dataset
    assert crisis.schema_version == dataset.schema_version
    assert _by_id(crisis) == _by_id(dataset)
    for key in ("actors", "sources", "incidents", "measures"):
        assert len(getattr(crisis, key)) == len(getattr(dataset, key))
    assert crisis.actors == dataset.actors
    assert crisis.incidents == dataset.incidents
    assert set() == {m.id for m in crisis.measures} ^ {m.id for m in dataset.measures}


def test_every_record_knows_its_file_and_line() -> None:
    """origin() names the file, the pointer and the line of a record."""
    collection = read_collection(EXAMPLE)
    origin = collection.origin("incident:yekaterinburg-raids-2025")
    assert origin.file.endswith(RAIDS)
    assert "/incidents/0" == origin.location
    text = Path(origin.file).read_text(encoding="utf-8").splitlines()
    assert text[origin.line].strip().startswith('"id": "incident:yekaterinburg-raids-2025"')
    with pytest.raises(incidents.UnknownIdError):
        collection.origin("actor:nobody")


def test_origins_in_json_lines_and_xml_files(collection: Path) -> None:
    """A record of a JSON Lines file is at its line; of an XML file, at its XPath and line."""
    actors = incidents.read(collection / "actors.json")
    (collection / "actors.json").unlink()
    incidents.write(actors, collection / "actors.jsonl")
    shutil.copy(ROOT / "examples" / "sputnik-azerbaijan-2025.xml", collection / "a-sputnik.xml")
    (collection / "incidents.toml").unlink()
    read = read_collection(collection)
    assert 85 == len(read)
    origin = read.origin(actors.actors[2].id)
    assert origin.file.endswith("actors.jsonl")
    assert origin.line == 4
    raid = read.origin("incident:sputnik-azerbaijan-raid-2025")
    assert raid.file.endswith("a-sputnik.xml")
    assert raid.location.startswith("/dataset/incidents/incident")
    assert raid.line is not None


def test_an_equal_copy_counts_once(collection: Path) -> None:
    """The same actor in two files is one record of the dataset."""
    russia = read_collection(EXAMPLE).dataset["actor:russia"]
    edit(
        collection / RAIDS,
        lambda data: data.update(actors=[incidents.converter.unstructure(russia)]),
    )
    assert 85 == len(read_collection(collection))


def test_a_conflicting_copy_is_an_error_naming_both_files(collection: Path) -> None:
    """The same id with other content: CollectionError naming both files and the fields."""
    russia = incidents.converter.unstructure(read_collection(EXAMPLE).dataset["actor:russia"])
    edit(
        collection / RAIDS,
        lambda data: data.update(actors=[{**russia, "name": "Russian Federation"}]),
    )
    with pytest.raises(CollectionError) as caught:
        read_collection(collection)
    (problem,) = caught.value.problems
    assert "E410" == problem.code
    assert problem.file.endswith(RAIDS)
    assert "actors.json" in problem.message
    assert "they differ in: name" in problem.message


def test_a_bad_file_is_an_error_with_its_place(collection: Path) -> None:
    """A file that does not read is a CollectionError with the file, code and line."""
    (collection / "sources.json").write_text(
        '{"schema_version": "1.0", "sources": [}', encoding="utf-8"
    )
    with pytest.raises(CollectionError, match=r"sources.json:1:\d+: E101"):
        read_collection(collection)
