"""read and validate take the same things by one rule: a str is always a path."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import incidents
from incidents import ArgumentError, Dataset, examples
from incidents.formats.inputs import content_format

NAME = "azal-downing-2024"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _forms(tmp_path: Path) -> dict[str, object]:
    """The same dataset in every form the rule accepts."""
    dataset = examples.load(NAME)
    text = incidents.to_json(dataset)
    lines = incidents.to_jsonl(dataset)
    xml = incidents.to_xml(dataset)
    (tmp_path / "d.jsonl").write_text(lines, encoding="utf-8")
    return {
        "dataset": dataset,
        "path": EXAMPLES / f"{NAME}.json",
        "str path": str(EXAMPLES / f"{NAME}.xml"),
        "jsonl path": tmp_path / "d.jsonl",
        "json bytes": text.encode(),
        "jsonl bytes": lines.encode(),
        "xml bytes": xml,
        "bytearray": bytearray(text.encode()),
        "memoryview": memoryview(xml),
        "binary file": io.BytesIO(xml),
        "text file": io.StringIO(text),
        "jsonl text file": io.StringIO(lines),
        "mapping": json.loads(text),
    }


@pytest.mark.parametrize(
    "form",
    [
        "dataset",
        "path",
        "str path",
        "jsonl path",
        "json bytes",
        "jsonl bytes",
        "xml bytes",
        "bytearray",
        "memoryview",
        "binary file",
        "text file",
        "jsonl text file",
        "mapping",
    ],
)
def test_read_and_validate_take_every_form(form: str, tmp_path: Path) -> None:
    """Each form reads to the same dataset and validates without a problem."""
    assert examples.load(NAME) == incidents.read(_forms(tmp_path)[form])
    assert [] == list(incidents.validate(_forms(tmp_path)[form]))


@pytest.mark.parametrize("document", ['{"schema_version": "1.0"}', "  [1]", "<dataset/>", "a\nb"])
def test_a_str_that_looks_like_a_document_is_refused_with_what_to_pass(document: str) -> None:
    """No sniffing of strings: read raises ArgumentError, validate reports E100, both
    saying to pass bytes or io.StringIO."""
    with pytest.raises(ArgumentError) as caught:
        incidents.read(document)
    assert "a str is a path" in str(caught.value)
    assert "io.StringIO(text)" in caught.value.reason
    report = incidents.validate(document)
    assert ["E100"] == [problem.code for problem in report]
    assert "text.encode()" in report.problems[0].message


def test_a_file_whose_name_starts_like_a_document_is_still_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'[draft].json' names a file: a str that names an existing file is read as one."""
    monkeypatch.chdir(tmp_path)
    Path("[draft].json").write_text(incidents.to_json(Dataset()), encoding="utf-8")
    assert Dataset() == incidents.read("[draft].json")
    assert incidents.validate("[draft].json").ok


def test_a_missing_path_is_a_file_problem() -> None:
    """A str that looks like a path but names nothing: FileError from read, E100 from validate."""
    with pytest.raises(incidents.FileError):
        incidents.read("no-such-file.json")
    assert ["E100"] == [p.code for p in incidents.validate("no-such-file.json")]


def test_one_record_is_a_dataset_of_that_record() -> None:
    """A record alone reads as a dataset holding it, and validates as one (its references
    dangle)."""
    actor = examples.load(NAME).actors[0]
    assert Dataset(actors=(actor,)) == incidents.read(actor)
    assert incidents.validate(actor).ok
    measure = examples.load("russia-azerbaijan-2025").measures[0]
    assert {"E402", "E403"} >= {p.code for p in incidents.validate(measure)}


@pytest.mark.parametrize("target", [42, None, 1.5, object(), ["a"]])
def test_anything_else_is_refused_by_name(target: object) -> None:
    """Other types: ArgumentError from read, E100 from validate, naming what is accepted."""
    with pytest.raises(ArgumentError) as caught:
        incidents.read(target)  # type: ignore[arg-type]
    assert "pass a Dataset or a record, a path" in caught.value.reason
    assert ["E100"] == [p.code for p in incidents.validate(target)]  # type: ignore[arg-type]


def test_a_file_object_not_open_for_reading_is_refused(tmp_path: Path) -> None:
    """A file open for writing gets an ArgumentError saying how to open it."""
    with (tmp_path / "out.json").open("wb") as stream, pytest.raises(ArgumentError) as caught:
        incidents.read(stream)
    assert "open it with 'rb' or 'r'" in caught.value.reason


def test_content_errors_name_the_file_object() -> None:
    """A ParseError from a named file object's content names the file."""
    stream = io.BytesIO(b'{"schema_version": "1.0", "actors": 1}')
    stream.name = "upload.json"
    with pytest.raises(incidents.ParseError) as caught:
        incidents.read(stream)
    assert "upload.json" == caught.value.source


def test_a_mapping_that_is_not_json_data_is_refused() -> None:
    """A mapping holding something JSON cannot carry gets an ArgumentError, not a TypeError."""
    with pytest.raises(ArgumentError, match="not JSON data"):
        incidents.read({"schema_version": "1.0", "actors": [object()]})


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"schema_version": "1.0"}', "json"),
        (b'{"schema_version": "1.0"}\n{"actor": {}}\n', "jsonl"),
        ("\ufeff  <dataset/>", "xml"),
        (b'{"schema_version": "1.0",\n "actors": []}', "json"),
        (b"not json\nat all", "json"),
        (b"", "json"),
    ],
)
def test_the_format_of_content_is_told_by_the_content(content: bytes | str, expected: str) -> None:
    """'<' starts XML; a header line and more lines is JSON Lines; the rest JSON."""
    assert expected == content_format(content)
