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


def _chunk_size(size: int) -> int:
    """(on a worker) Set the entries to a packed chunk of the extract; read it back."""
    import incidents.distributed.validate as module

    module._CHUNK = size  # type: ignore[misc]
    return module._CHUNK


def test_the_extract_travels_packed_in_chunks_in_file_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import incidents.distributed.validate as module
    from incidents.collection.discover import discover

    monkeypatch.setattr(module, "_CHUNK", 7)
    folder = planted(tmp_path / "corpus", 400, 2)
    member = next(m for m in discover(folder).members if m.format == "jsonl")
    _, extract = module._check_file(member, None)
    assert all(isinstance(chunk, bytes) for chunk in extract)
    entries = list(module.entries(extract))
    assert len(extract) == -(-len(entries) // 7)  # full chunks of 7, then the rest
    lines = [line for _, line, _, _, jsonl in entries if jsonl]
    assert lines == sorted(lines)
    assert len(lines) == len(entries) > 190


def test_small_chunks_on_the_workers_give_the_same_findings(tmp_path: Path, client: Any) -> None:
    import incidents.distributed.validate as module

    folder = planted(tmp_path / "corpus", 300, 3)
    assert set(client.run(_chunk_size, 5).values()) == {5}
    try:
        got = validate_collection(folder, client=client)
    finally:
        client.run(_chunk_size, module._CHUNK)
    assert _dicts(got) == _dicts(single_process(folder))
