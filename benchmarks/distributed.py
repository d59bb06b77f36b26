"""The Dask benchmark: a sharded JSON Lines collection validated in one process, then on a
local Dask cluster of two worker processes, in the same run.

Run from the repository root (it needs the extra ``incidents[dask]``)::

    python -m benchmarks.distributed                      # 1,000,000 records in 16 shards
    python -m benchmarks.distributed --records 200000 --shards 8

The generated corpus (:func:`benchmarks.corpus.stream`) is dealt out record by record to
``--shards`` JSON Lines files, so nearly every reference, response and link crosses shards.
``incidents.collection.validate_collection(folder)`` (one process) and
``incidents.distributed.validate_collection(folder, client=...)`` on a
``distributed.LocalCluster`` of ``--workers`` processes are timed in turn, round after
round (the median of ``--rounds``; the cluster is started before timing), their reports
checked to be the same, and each worker's peak resident memory read from the worker itself.
A third contestant is the machine's own ceiling: the map alone, the files shared out to as
many plain processes as workers, started at once, with no Dask, no reduce and no placement.
The targets: two workers at least 1.8 times as fast as one process, each worker under 300 MB.
Nothing here asserts on a time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus
from benchmarks.harness import (
    RECORD,
    Results,
    Row,
    Target,
    machine,
    machine_facts,
    measure_group,
    print_targets,
    show_time,
    table_lines,
)
from benchmarks.harness import (
    record as write_record,
)

ONE_PROCESS = "one process"
ON_DASK = "Dask, {workers} worker processes"
#: The machine's own ceiling: the map alone in plain processes started at once.
CEILING = "ceiling: the map alone, {workers} plain processes"

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


def map_part(folder: str, part: int, parts: int) -> None:
    """(in a process of the ceiling) The map of every ``parts``-th file of the collection at
    ``folder`` from file ``part`` on, as a Dask worker does it, with nothing sent anywhere."""
    from incidents.collection.discover import discover
    from incidents.distributed.validate import _check_file

    for member in discover(folder).members[part::parts]:
        _check_file(member, None)


def run_apart(folder: Path, parts: int) -> None:
    """The ceiling: ``parts`` fresh processes, started at once, each mapping its share of the
    files (:func:`map_part`); no Dask, no reduce, no placement. Waits for all of them."""
    root = str(Path(__file__).resolve().parent.parent)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (root, os.environ.get("PYTHONPATH")))),
    }
    code = (
        "import sys; from benchmarks.distributed import map_part; "
        "map_part(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))"
    )
    processes = [
        subprocess.Popen(  # noqa: S603 - this interpreter, our own code, our own folder
            [sys.executable, "-c", code, str(folder), str(part), str(parts)], env=env
        )
        for part in range(parts)
    ]
    failed = [process.args for process in processes if process.wait() != 0]
    if failed:
        raise SystemExit(f"a process of the ceiling failed: {failed}")


def _peak_rss() -> int:
    """(on a worker) The peak resident memory of this process, in bytes (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def reduce_costs(folder: Path) -> dict[str, float]:
    """The costs of the reduce, measured in this process: the extract's pickled bytes a
    record (what travels from the workers), the index's memory an id (tracemalloc) and the
    reduce's time a record."""
    import gc
    import pickle
    import tracemalloc

    from incidents.collection.discover import discover
    from incidents.collection.validate import Checker
    from incidents.distributed.validate import _check_file, entries

    found = discover(folder)
    packed = [_check_file(member, None)[1] for member in found.members]
    wire = sum(len(pickle.dumps(extract, protocol=5)) for extract in packed)
    extracts = [list(entries(extract)) for extract in packed]
    records = sum(len(extract) for extract in extracts)

    def reduce() -> Checker:
        checker = Checker(found.members, None)
        for number, extract in enumerate(extracts):
            for key, position, record, kind, jsonl in extract:
                checker.add(number, key, position, record, kind, jsonl)
        checker.index.findings()
        return checker

    started = time.perf_counter()
    reduce()
    seconds = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()
    checker = reduce()  # the index alone: the extracts were made before
    index_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    ids = len(checker.index.places)
    return {
        "records": records,
        "ids": ids,
        "wire_bytes_per_record": wire / records,
        "index_bytes_per_id": index_bytes / ids,
        "reduce_seconds_per_record": seconds / records,
    }


DASK_RECORD = RECORD.with_name("distributed.json")


def main(argv: list[str] | None = None) -> int:
    import distributed

    from incidents.collection import validate_collection as single_process
    from incidents.distributed import validate_collection

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000, help="records in all")
    parser.add_argument("--shards", type=int, default=16, help="JSON Lines files")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (one of each a round)")
    parser.add_argument(
        "--cost-records", type=int, default=100_000, help="records of the reduce's measurement"
    )
    parser.add_argument("--record", action="store_true", help=f"write {DASK_RECORD.name}")
    parser.add_argument("--record-to", type=Path, default=DASK_RECORD, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    command = (
        f"python -m benchmarks.distributed --records {args.records} --shards {args.shards} "
        f"--workers {args.workers} --rounds {args.rounds} --cost-records {args.cost_records}"
    )
    facts = machine_facts()
    print("# incidents Dask benchmark\n")
    print(f"command: {command}")
    for line in machine(facts):
        print(line)
    results = Results()
    label = f"{args.records:,} in {args.shards} shards"
    one_name, dask_name = ONE_PROCESS, ON_DASK.format(workers=args.workers)
    ceiling_name = CEILING.format(workers=args.workers)
    with (
        tempfile.TemporaryDirectory(prefix="incidents-bench-dask-") as name,
        distributed.LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        folder = Path(name) / "corpus"
        write_shards(folder, corpus.stream(args.records), args.shards)
        warm = Path(name) / "warm"
        write_shards(warm, corpus.stream(2_000), args.workers * 2)
        print(f"  corpus written ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        reports: dict[str, Any] = {}
        timings = measure_group(
            {
                one_name: lambda: reports.__setitem__("one", single_process(folder)),
                dask_name: lambda: reports.__setitem__(
                    "dask", validate_collection(folder, client=client)
                ),
                ceiling_name: lambda: run_apart(folder, args.workers),
            },
            args.rounds,
            warm_ups={
                one_name: lambda: single_process(warm),
                dask_name: lambda: validate_collection(warm, client=client),
                ceiling_name: lambda: run_apart(warm, args.workers),
            },
            rounds=args.rounds,
        )
        if reports["one"].problems or reports["dask"].problems != reports["one"].problems:
            raise SystemExit("the corpus is not clean, or the two reports differ")
        peaks = client.run(_peak_rss)
        for implementation, timing in timings.items():
            results.rows.append(Row("dask", label, implementation, timing))
        small = Path(name) / "costs"
        write_shards(small, corpus.stream(min(args.cost_records, args.records)), args.shards)
        costs = reduce_costs(small)
    results.extra = {
        "records": args.records,
        "shards": args.shards,
        "workers": args.workers,
        "worker_peak_bytes": sorted(peaks.values()),
        "costs": costs,
    }
    results.targets += targets(results, label, one_name, dask_name)
    print("\n## Results\n")
    print("\n".join(dask_lines(results)))
    print_targets(results)
    print(f"\ntotal time: {time.perf_counter() - started:.0f} s")
    if args.record:
        write_record(results, command, facts, args.record_to)
        print(f"recorded in {args.record_to}")
    return 0


def targets(results: Results, label: str, one_name: str, dask_name: str) -> list[Target]:
    """The issue's two targets: the speed-up of the cluster, and each worker's memory."""
    one = results.time("dask", label, one_name)
    on_dask = results.time("dask", label, dask_name)
    found = []
    if one and on_dask:
        speedup = one / on_dask
        measured = f"{show_time(one)} vs {show_time(on_dask)} (medians), {speedup:.2f}\u00d7"
        found.append(
            Target("Dask speed-up", "\u2265 1.8\u00d7 one process", measured, speedup >= 1.8)
        )
    worst = max(results.extra["worker_peak_bytes"])
    found.append(
        Target("worker memory", "< 300 MB each", f"{worst / 1e6:.0f} MB at most", worst < 300e6)
    )
    return found


def dask_lines(results: Results) -> list[str]:
    """The run as Markdown: the table, each worker's peak memory, the reduce's costs, and the
    bound on the speed-up those costs set."""
    extra, costs = results.extra, results.extra["costs"]
    lines = table_lines(results.rows, ONE_PROCESS)
    peaks = ", ".join(f"{peak / 2**20:.0f} MiB" for peak in extra["worker_peak_bytes"])
    timings = {row.name: row.timing for row in results.rows}
    one = timings[ONE_PROCESS]
    assert one is not None, "the record has no time for one process"
    ceiling = timings.get(CEILING.format(workers=extra["workers"]))
    on_dask = timings.get(ON_DASK.format(workers=extra["workers"]))
    per_record = one.median / extra["records"]
    serial = costs["reduce_seconds_per_record"] / per_record
    bound = 1 / (serial + (1 - serial) / extra["workers"])
    lines += [
        "",
        f"Peak resident memory of each worker (VmHWM): {peaks}. The reduce, measured in one "
        f"process on {costs['records']:,} records: {costs['wire_bytes_per_record']:.0f} bytes "
        f"of extract a record sent to the client, {costs['index_bytes_per_id']:.0f} bytes of "
        f"index an id (`tracemalloc`), {costs['reduce_seconds_per_record'] * 1e6:.1f} \u00b5s "
        f"a record, against {per_record * 1e6:.0f} \u00b5s a record for the whole check in one "
        f"process: if the reduce ran after the map instead of beside it, it would be "
        f"{serial:.1%} of the work, bounding {extra['workers']} workers at "
        f"{bound:.2f}\u00d7 (Amdahl).",
    ]
    if ceiling and on_dask:
        apart = one.median / ceiling.median
        why = (
            f", not {extra['workers']}\u00d7: processes that run at once here each run slower "
            "than one alone"
            if apart < 0.95 * extra["workers"]
            else ""
        )
        lines += [
            "",
            f"The ceiling row is what this machine gives {extra['workers']} processes that "
            f"share nothing: each maps its share of the files as a worker does, with no Dask, "
            f"no reduce and no placement. It is {apart:.2f}\u00d7 one process{why}; the "
            f"cluster reaches {ceiling.median / on_dask.median:.0%} of that ceiling.",
        ]
    return lines


if __name__ == "__main__":
    sys.exit(main())
