"""A real Dask cluster for the tests of this folder, and sharded corpora with planted problems.

The cluster is a ``distributed.LocalCluster`` of two worker processes on 127.0.0.1 with no
dashboard, started once per test module and closed after it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks import corpus
from benchmarks.distributed import write_shards

distributed = pytest.importorskip("distributed")

#: The codes of the rules across records (and across files) every planted corpus holds.
ACROSS = frozenset({"E401", "E402", "E403", "E404", "E405", "E409", "W404", "E410"})
_KEYS = {"actors": "actor", "sources": "source", "incidents": "incident", "measures": "measure"}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a local cluster of two worker processes (one thread each)."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def planted(folder: Path, size: int = 400, shards: int = 4, seed: int = 2025) -> Path:
    """A sharded collection of ``size`` records with problems of every per-record kind
    (:func:`benchmarks.corpus.with_problems`) and one or more of every code across records."""
    data = corpus.with_problems(corpus.document(size, seed), every=25)
    incidents, measures = data["incidents"], data["measures"]
    # E405: two incidents that respond to each other (same date: no E404 between them).
    first, second = incidents[1], incidents[-2]
    second["date"] = first["date"]
    first["in_response_to"] = [second["id"]]
    second["in_response_to"] = [first["id"]]
    # E409: a measure part of a measure announced after it.
    early, late = measures[0], measures[-1]
    early["announced"], late["announced"] = "1980-01-01", "2030-01-01"
    for record in (early, late):
        record.pop("effective", None)
        record.pop("retroactive", None)
    early["links"] = [{"kind": "part_of", "target": late["id"]}]
    # E402: a reference to no record.
    measures[2]["targets"] = [*measures[2].get("targets", []), "actor:nobody"]
    records = [(_KEYS[key], record) for key in _KEYS for record in data.get(key, [])]
    paths = write_shards(folder, records, shards)
    lines = [path.read_text(encoding="utf-8").splitlines(keepends=True) for path in paths]
    # E401: a line repeated in its own shard; W404: a record repeated in the next shard;
    # E410: a record of another shard repeated with a different title.
    lines[0].append(lines[0][3])
    lines[1].append(lines[0][5])
    changed = json.loads(lines[-1][4])
    key = next(iter(changed))
    changed[key] = {**copy.deepcopy(changed[key]), "name": "Changed", "title": "Changed"}
    lines[0].append(json.dumps(changed, ensure_ascii=False) + "\n")
    for path, text in zip(paths, lines, strict=True):
        path.write_text("".join(text), encoding="utf-8")
    # A JSON document among the shards, one of its records also in a shard (W404).
    document = {"schema_version": "1.1", "sources": [json.loads(lines[1][2]).get("source")]}
    if document["sources"][0] is None:
        document["sources"] = [data["sources"][0]]
    (folder / "more.json").write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    manifest = folder / "incidents.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('"**/*.jsonl"', '"**/*.jsonl", "*.json"'),
        encoding="utf-8",
    )
    return folder
