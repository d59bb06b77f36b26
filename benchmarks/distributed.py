"""The Dask benchmark: a sharded JSON Lines collection validated in one process, then on a
local Dask cluster of two worker processes, in the same run.

Run from the repository root (it needs the extra ``incidents[dask]``)::

    python -m benchmarks.distributed                      # 1,000,000 records in 16 shards
    python -m benchmarks.distributed --records 200000 --shards 8

The generated corpus (:func:`benchmarks.corpus.stream`) is dealt out record by record to
``--shards`` JSON Lines files, so nearly every reference, response and link crosses shards.
``incidents.collection.validate_collection(folder)`` (one process) and
``incidents.distributed.validate_collection(folder, client=...)`` on a
``distributed.LocalCluster`` of ``--workers`` processes are timed in turn (best of
``--repeats``; the cluster is started before timing), their reports checked to be the same,
and each worker's peak resident memory read from the worker itself. The targets: two workers
at least 1.8 times as fast as one process, each worker under 300 MB. Nothing here asserts on
a time.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


MANIFEST = 'name = "sharded"\ninclude = ["**/*.jsonl"]\n'


def write_shards(
    folder: Path, records: Iterable[tuple[str, dict[str, Any]]], shards: int
) -> list[Path]:
    """A collection of ``shards`` JSON Lines files in ``folder``, records dealt out in turn
    (record ``n`` to shard ``n % shards``), each after a format 1.1 header; the shard paths."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "incidents.toml").write_text(MANIFEST, encoding="utf-8")
    paths = [folder / f"shard-{number:04d}.jsonl" for number in range(shards)]
    streams = [path.open("w", encoding="utf-8") for path in paths]
    try:
        for stream in streams:
            stream.write('{"schema_version":"1.1"}\n')
        for number, (key, record) in enumerate(records):
            line = json.dumps({key: record}, ensure_ascii=False, separators=(",", ":"))
            streams[number % shards].write(line + "\n")
    finally:
        for stream in streams:
            stream.close()
    return paths
