"""Format 1.x changes by additions only: every 1.0 file keeps reading, validating and
round-tripping, byte for byte, and a new dataset is written as 1.1."""

from __future__ import annotations

from pathlib import Path

import pytest

import incidents

FROZEN = Path(__file__).resolve().parent / "format-1.0"
FILES = sorted(FROZEN.iterdir())


def test_the_frozen_corpus_is_there():
    """The 1.0 corpus holds JSON, JSON Lines and XML files (copied when 1.1 was made)."""
    assert {".json", ".jsonl", ".xml"} == {path.suffix for path in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_a_1_0_file_reads_validates_and_round_trips_unchanged(path: Path):
    """A 1.0 file reads as a 1.0 dataset, validates without a problem, and is written back
    exactly as it was."""
    dataset = incidents.read(path)
    assert "1.0" == dataset.schema_version
    assert [] == [str(problem) for problem in incidents.validate(path)]
    text = path.read_bytes()
    write = {".json": incidents.to_json, ".jsonl": incidents.to_jsonl, ".xml": incidents.to_xml}
    written = write[path.suffix](dataset)
    assert text == (written if isinstance(written, bytes) else written.encode("utf-8"))


def test_a_new_dataset_is_format_1_1():
    """A dataset built in Python declares the newest version, and is written with it."""
    assert "1.1" == incidents.SCHEMA_VERSION == incidents.Dataset().schema_version
    assert '"schema_version": "1.1"' in incidents.to_json(incidents.Dataset())


def test_the_examples_are_still_1_0_files():
    """The bundled examples use nothing added in 1.1, so they stay readable by 1.0 readers."""
    for name in incidents.examples.names():
        assert "1.0" == incidents.examples.load(name).schema_version
