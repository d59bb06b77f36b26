"""validate_collection on a real Dask cluster: the same problems, in the same order, as in
one process, over sharded corpora with planted problems of every code across records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import incidents
from incidents.collection import validate_collection as single_process
from incidents.distributed import skeleton, validate_collection
from incidents.model.events import Incident
from tests.distributed.conftest import ACROSS, planted


def _dicts(report: Any) -> list[dict[str, Any]]:
    return [problem.to_dict() for problem in report.problems]


@pytest.mark.parametrize(("size", "shards", "seed"), [(400, 4, 1), (700, 3, 2), (300, 7, 3)])
def test_same_findings_as_one_process(tmp_path: Path, client: Any, size, shards, seed) -> None:
    folder = planted(tmp_path / "corpus", size, shards, seed)
    expected = single_process(folder)
    codes = {problem.code for problem in expected.problems}
    assert codes >= ACROSS, ACROSS - codes  # every rule across records has a finding
    assert len(codes - ACROSS) >= 5  # and per-record layers too
    got = validate_collection(folder, client=client)
    assert _dicts(got) == _dicts(expected)
    assert got.files == expected.files
    assert got.root == expected.root


def test_public_name_runs_on_dask(tmp_path: Path, client: Any) -> None:
    folder = planted(tmp_path / "corpus")
    report = incidents.validate_collection(folder, client=client)
    assert _dicts(report) == _dicts(single_process(folder))


def test_without_a_client_it_is_the_single_process_check(tmp_path: Path) -> None:
    folder = planted(tmp_path / "corpus", 200, 2)
    assert _dicts(validate_collection(folder)) == _dicts(single_process(folder))


def test_an_unreadable_shard_is_one_problem(tmp_path: Path, client: Any) -> None:
    folder = planted(tmp_path / "corpus", 200, 2)
    (folder / "shard-0001.jsonl").write_bytes(b"\xff\xfe\x00garbage\n" * 3)
    expected = single_process(folder)
    got = validate_collection(folder, client=client)
    assert _dicts(got) == _dicts(expected)
    broken = [p for p in got.problems if p.file.endswith("shard-0001.jsonl")]
    assert broken
    assert not got.ok


def test_skeleton_keeps_what_the_rules_across_records_read() -> None:
    record = {
        "id": "incident:a",
        "kind": "raid",
        "title": "long text",
        "date": "2025-06-27",
        "in_response_to": ["incident:b"],
        "citations": [{"source": "source:x"}],
    }
    kept = skeleton(record, Incident)
    assert kept == {key: record[key] for key in ("id", "date", "in_response_to", "citations")}
