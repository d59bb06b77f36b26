"""validate_collection: each file's layers, then the rules across files."""

from __future__ import annotations

import os
from pathlib import Path

import incidents
from incidents.collection import read_collection, validate_collection
from incidents.collection.report import FileProblem
from tests.collection.conftest import EXAMPLE, RAIDS, ROOT, edit


def _found(path: Path) -> list[tuple[str, str, int | None, str]]:
    report = validate_collection(path)
    return [
        (Path(p.file).name, p.code, p.line, p.location)
        for p in report.problems
        if isinstance(p, FileProblem)
    ]


def test_the_example_collection_is_valid_though_its_files_are_not_alone() -> None:
    """References resolve across files: the collection is valid, an incident file alone not."""
    report = validate_collection(EXAMPLE)
    assert report.ok, str(report)
    assert () == report.problems
    assert 9 == len(report.files)
    alone = incidents.validate(EXAMPLE / RAIDS)
    assert {"E402", "E403"} <= {problem.code for problem in alone.problems}


def test_file_problems_are_those_of_single_file_validation(collection: Path) -> None:
    """A schema problem in one file has the code, line, column and pointer validate gives."""
    path = collection / "sources.json"
    path.write_text(path.read_text().replace('"kind": "news_article"', '"kind": "newz"', 1))
    alone = [p for p in incidents.validate(path).problems if p.code == "E204"]
    found = [p for p in validate_collection(collection).problems if p.code == "E204"]
    assert [(p.line, p.column, p.location, p.message) for p in alone] == [
        (p.line, p.column, p.location, p.message) for p in found
    ]
    assert all(isinstance(p, FileProblem) and p.file == str(path) for p in found)


def test_repeated_and_conflicting_records_across_files(collection: Path) -> None:
    """An equal copy is W404 naming both places; a different one E410 with the fields."""
    dataset = read_collection(EXAMPLE).dataset
    russia = incidents.converter.unstructure(dataset["actor:russia"])
    azerbaijan = incidents.converter.unstructure(dataset["actor:azerbaijan"])
    edit(
        collection / RAIDS,
        lambda data: data.update(actors=[russia, {**azerbaijan, "country": "RU"}]),
    )
    report = validate_collection(collection)
    (warning,) = report.warnings
    (error,) = report.errors
    assert ("W404", "/actors/0/id") == (warning.code, warning.location)
    assert "actors.json:4 (at /actors/0)" in warning.message
    assert ("E410", "/actors/1/id") == (error.code, error.location)
    assert "they differ in: country" in error.message
    assert "actors.json" in error.message
    assert error.line is not None
    assert error.column is not None


def test_semantic_rules_run_over_the_whole_collection(collection: Path) -> None:
    """A response before a trigger in another file (E404), a reference to nowhere (E402),
    a duplicate id inside one file (E401) and a cycle across files (E405)."""

    def change(data: dict) -> None:
        measure = data["measures"][0]
        measure["announced"] = "2024-01-01"  # before the raids, in another file
        data["measures"].append({**measure, "in_response_to": ["incident:nowhere"]})

    edit(collection / "incidents/03-safarov-brothers-deaths-2025.json", change)
    found = _found(collection)
    codes = {(name, code) for name, code, _, _ in found}
    assert ("03-safarov-brothers-deaths-2025.json", "E404") in codes
    assert ("03-safarov-brothers-deaths-2025.json", "E402") in codes
    assert ("03-safarov-brothers-deaths-2025.json", "E401") in codes
    assert all(line is not None for _, _, line, _ in found)


def test_a_cycle_across_files_is_found(collection: Path) -> None:
    """Two incidents in two files responding to each other close a cycle (E405)."""
    edit(
        collection / "incidents/01-azal-plane-downing-2024.json",
        lambda data: data["incidents"][0].update(
            in_response_to=["incident:yekaterinburg-raids-2025"]
        ),
    )
    edit(
        collection / RAIDS,
        lambda data: data["incidents"][0].update(
            in_response_to=["incident:azal-plane-downing-2024"]
        ),
    )
    cycles = [entry for entry in _found(collection) if entry[1] == "E405"]
    assert 1 == len(cycles)


def test_json_lines_and_xml_members(collection: Path) -> None:
    """Files in the other formats take part: JSON Lines references resolve across files, an
    XML file's copies of records are W404 at their XPaths; citations of sources no file has
    are E403 in the JSON Lines file as in the others."""
    actors = incidents.read(collection / "actors.json")
    (collection / "actors.json").unlink()
    incidents.write(actors, collection / "actors.jsonl")
    xml = (ROOT / "examples" / "sputnik-azerbaijan-2025.xml").read_text(encoding="utf-8")
    (collection / "sputnik.xml").write_text(xml, encoding="utf-8")
    (collection / "incidents.toml").unlink()
    report = validate_collection(collection)
    assert report.ok, str(report)
    copies = [entry for entry in _found(collection) if entry[0] == "sputnik.xml"]
    assert copies
    assert {"W404"} == {entry[1] for entry in copies}
    assert all(entry[3].startswith("/dataset") and entry[2] for entry in copies)
    (collection / "sputnik.xml").unlink()
    (collection / "sources.json").unlink()
    codes = {(entry[0], entry[1]) for entry in _found(collection)}
    assert ("actors.jsonl", "E403") in codes
    assert ("02-yekaterinburg-raids-2025.json", "E403") in codes


def test_bad_input_is_a_problem_per_case_and_nothing_raises(collection: Path) -> None:
    """A manifest typo, an unreadable file, a loop, a link to a member: one problem each."""
    manifest = collection / "incidents.toml"
    manifest.write_text(manifest.read_text() + "exlude = []\n")
    (collection / "broken.json").write_bytes(b"\xff\xfe")
    os.symlink(collection, collection / "incidents" / "loop")
    (collection / "broken.json").chmod(0o644)
    codes = [(name, code) for name, code, _, _ in _found(collection)]
    assert ("incidents.toml", "E110") in codes
    assert ("loop", "E111") in codes
    assert ("broken.json", "E102") in codes
    assert not validate_collection(collection / "missing").ok


def test_a_file_newer_than_the_manifest_format_is_e113(collection: Path) -> None:
    """A member declaring 1.1 in a collection whose manifest says format 1.0 is E113, at the
    file's schema_version; reading the collection refuses it likewise."""
    manifest = collection / "incidents.toml"
    text = manifest.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("format")]
    manifest.write_text("\n".join([*lines, 'format = "1.0"']) + "\n", encoding="utf-8")
    edit(collection / RAIDS, lambda data: data.update(schema_version="1.1"))
    report = incidents.validate(collection)
    found = [(p.code, p.file.endswith(RAIDS), p.location) for p in report.problems]
    assert ("E113", True, "/schema_version") in found
    assert "newer than the collection's format 1.0" in str(report)
