"""Peak memory and throughput of ``incidents validate`` on a large JSON Lines file.

    python benchmarks/jsonl_memory.py                    # one million records
    python benchmarks/jsonl_memory.py --records 100000 --keep /tmp/big.jsonl
    python -m benchmarks.jsonl_memory --record       # 10,000, 100,000 and 1,000,000 records,
                                                     # recorded in benchmarks/results/jsonl.json

Generates a valid dataset of ``--records`` records from templates (blocks of two actors, a
source, four incidents and three measures, with references backwards and forwards across
lines, responses and incident links), runs ``python -m incidents validate FILE`` in a
subprocess, and reports the wall and CPU time, records per second (wall) and the child's
peak resident memory. Exits 1 if the check fails or the peak reaches ``--limit-mb`` (200 by
default).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "benchmarks" / "results" / "jsonl.json"
BLOCK = 10  # records per block: 2 actors, 1 source, 4 incidents, 3 measures
START = dt.date(2000, 1, 1)


def _dump(kind: str, record: dict[str, object]) -> str:
    return json.dumps({kind: record}, ensure_ascii=False, separators=(",", ":")) + "\n"


def block(number: int, blocks: int) -> Iterator[str]:
    """The ten lines of block ``number``; block dates never decrease."""
    day = (START + dt.timedelta(days=number // 40)).isoformat()
    actor = f"actor:state-{number}"
    official = f"actor:official-{number}"
    source = f"source:report-{number}"
    following = f"actor:state-{number + 1 if number + 1 < blocks else 0}"  # forward
    yield _dump("actor", {"id": actor, "kind": "state", "name": f"State {number}", "country": "AZ"})
    yield _dump(
        "actor",
        {
            "id": official,
            "kind": "official",
            "name": f"Official {number}",
            "affiliations": [
                {
                    "value": {"organization": actor, "role": "minister"},
                    "citations": [{"source": source}],
                }
            ],
        },
    )
    yield _dump(
        "source",
        {
            "id": source,
            "title": f"Report number {number}",
            "url": f"https://example.org/reports/{number}",
            "published": day,
            "language": "en",
        },
    )
    for item in range(4):
        incident = {
            "id": f"incident:event-{number}-{item}",
            "kind": "raid",
            "title": f"Raid {item} of block {number}",
            "date": day,
            "location": {"name": "Yekaterinburg", "country": "RU"},
            "participants": [
                {"actor": actor, "role": "perpetrator"},
                {"actor": following, "role": "target"},
            ],
            "casualties": [
                {
                    "outcome": "detained",
                    "count": [
                        {
                            "value": {"best": 50, "qualifier": "about"},
                            "citations": [{"source": source}],
                        },
                        {"value": {"best": 9}, "claimed_by": official},
                    ],
                    "citations": [{"source": source}],
                }
            ],
            "citations": [{"source": source, "quote": "In total, around 50 people were arrested."}],
        }
        if item:
            incident["links"] = [{"kind": "follow_up_to", "target": f"incident:event-{number}-0"}]
        yield _dump("incident", incident)
    for item in range(3):
        responses = [f"incident:event-{number}-{item}"]
        if number:
            responses.append(f"measure:response-{number - 1}-{item}")
        yield _dump(
            "measure",
            {
                "id": f"measure:response-{number}-{item}",
                "kind": "summon_envoy",
                "initiator": following,
                "targets": [actor],
                "announced": day,
                "in_response_to": responses,
                "citations": [{"source": source}],
            },
        )


def generate(path: Path, records: int) -> int:
    """Write a valid JSON Lines dataset of about ``records`` records; return how many."""
    blocks = max(1, records // BLOCK)
    with path.open("w", encoding="utf-8") as stream:
        stream.write('{"schema_version":"1.0"}\n')
        for number in range(blocks):
            stream.writelines(block(number, blocks))
    return blocks * BLOCK


def measure(path: Path, records: int) -> dict[str, float]:
    """Run the validator on ``path`` in a subprocess; wall time, rate and peak memory."""
    command = [sys.executable, "-m", "incidents", "validate", str(path)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            command, env=environment, stdout=out, stderr=err
        )
        # This child's own usage (RUSAGE_CHILDREN would add up every child so far).
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - before
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(
            command, child.returncode, out.read().decode(), err.read().decode()
        )
    peak = usage.ru_maxrss
    peak_mb = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    print(" ".join(["PYTHONPATH=" + str(ROOT), *command]))
    print(result.stdout.strip())
    if result.returncode != 0:
        print(result.stderr.strip(), file=sys.stderr)
    return {
        "exit_code": result.returncode,
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "records_per_second": records / seconds,
        "peak_rss_mb": peak_mb,
    }


def main(argv: list[str] | None = None) -> int:
    """Generate, measure, report; exit 1 if the file is not valid or the peak is too high."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000, help="how many records")
    parser.add_argument("--keep", type=Path, help="write the file here and keep it")
    parser.add_argument("--limit-mb", type=float, default=200.0, help="peak RSS allowed")
    parser.add_argument("--record", action="store_true", help="add to the harness's record")
    parser.add_argument(
        "--sizes", default="10000,100000,1000000", help="record counts for --record"
    )
    options = parser.parse_args(argv)
    if options.record:
        return record_sizes([int(size) for size in options.sizes.split(",")], options.limit_mb)
    return run_one(options.records, options.keep, options.limit_mb)


def record_sizes(sizes: list[int], limit_mb: float) -> int:
    """Measure each size (each in a fresh subprocess) and add the runs to the record."""
    runs = []
    failed = 0
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "records.jsonl"
            records = generate(path, size)
            result = measure(path, records)
        failed += result["exit_code"] != 0 or result["peak_rss_mb"] >= limit_mb
        runs.append({"records": records, **result})
    load = [round(value, 2) for value in os.getloadavg()]
    data = {"command": "python -m benchmarks.jsonl_memory --record", "jsonl": runs, "load": load}
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    temporary = RECORD.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    temporary.replace(RECORD)
    print(f"recorded in {RECORD.relative_to(ROOT)}")
    return 1 if failed else 0


def run_one(records_wanted: int, keep: Path | None, limit_mb: float) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = keep or Path(folder) / "records.jsonl"
        before = time.perf_counter()
        records = generate(path, records_wanted)
        size = path.stat().st_size
        print(
            f"generated {records} records, {size / 1e6:.0f} MB, "
            f"in {time.perf_counter() - before:.1f} s"
        )
        result = measure(path, records)
    print(
        f"{records} records: {result['seconds']:.1f} s wall, {result['cpu_seconds']:.1f} s CPU, "
        f"{result['records_per_second']:.0f} records/s, "
        f"peak RSS {result['peak_rss_mb']:.1f} MB (limit {limit_mb:.0f} MB)"
    )
    ok = result["exit_code"] == 0 and result["peak_rss_mb"] < limit_mb
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
