"""The collection benchmark: a folder of many files validated whole, against the same records
as one JSON Lines file, in the same run.

Run from the repository root::

    python -m benchmarks.collections                         # 100,000 records in 1,000 files
    python -m benchmarks.collections --records 10000 --files 100

The generated corpus (:mod:`benchmarks.corpus`) is split into ``--files`` JSON documents:
file ``k`` holds every ``files``-th record of each kind from the ``k``-th on, so nearly
every reference, response and link crosses files. The same records are written as one
JSON Lines file. Both are checked to be valid before timing, then
``incidents.collection.validate_collection(folder)`` and ``incidents.validate(path)`` of
the JSON Lines file are timed in turn (best of ``--repeats``). The target: the collection
in under 1.5 times the JSON Lines time. The peak of memory Python allocates during one
collection check (``tracemalloc``) is printed at the full size and at a tenth of it, to see
how it grows. Nothing here asserts on a time.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import incidents
from benchmarks import corpus
from benchmarks.harness import (
    Results,
    Row,
    Target,
    machine,
    measure_group,
    print_table,
    print_targets,
    show_time,
)
from incidents.collection import validate_collection

LISTS = ("actors", "sources", "incidents", "measures")


def split(data: dict[str, Any], files: int) -> list[dict[str, Any]]:
    """The document as ``files`` documents, records dealt out in turn."""
    return [
        {
            "schema_version": data["schema_version"],
            **{key: data[key][number::files] for key in LISTS if data.get(key)},
        }
        for number in range(files)
    ]


def write_corpus(folder: Path, records: int, files: int) -> tuple[Path, Path, int]:
    """The collection folder and the JSON Lines file of one corpus; its record count."""
    data = corpus.document(records)
    collection = folder / "collection"
    collection.mkdir()
    for number, part in enumerate(split(data, files)):
        (collection / f"part-{number:04d}.json").write_bytes(corpus.to_bytes(part))
    jsonl = folder / "all.jsonl"
    jsonl.write_text(incidents.to_jsonl(incidents.from_json(corpus.to_bytes(data))), "utf-8")
    return collection, jsonl, corpus.records_in(data)


def peak_memory(function: Any) -> int:
    """The peak of memory Python allocated while ``function`` ran, in bytes."""
    gc.collect()
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run(records: int, files: int, repeats: int, results: Results) -> dict[str, int]:
    peaks: dict[str, int] = {}
    for size, count in ((records // 10, max(files // 10, 1)), (records, files)):
        with tempfile.TemporaryDirectory(prefix="incidents-bench-collection-") as name:
            collection, jsonl, total = write_corpus(Path(name), size, count)
            label = f"{total:,} in {count:,} files"
            report = validate_collection(collection)
            if report.problems:
                raise SystemExit(f"the collection is not clean:\n{report}")
            single = incidents.validate(jsonl)
            if single.problems:
                raise SystemExit(f"the JSON Lines file is not clean:\n{single}")
            if size == records:
                timings = measure_group(
                    {
                        "validate_collection(folder)": lambda c=collection: validate_collection(c),
                        "validate(one .jsonl file)": lambda j=jsonl: incidents.validate(j),
                    },
                    repeats,
                )
                for implementation, timing in timings.items():
                    results.rows.append(Row("collection", label, implementation, timing))
            peaks[label] = peak_memory(lambda c=collection: validate_collection(c))
        print(f"  {label}: done", file=sys.stderr)
    return peaks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="records in all")
    parser.add_argument("--files", type=int, default=1000, help="files of the collection")
    parser.add_argument("--repeats", type=int, default=3, help="best of N")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print("# incidents collection benchmark\n")
    print(
        f"command: python -m benchmarks.collections --records {args.records} "
        f"--files {args.files} --repeats {args.repeats}"
    )
    for line in machine():
        print(line)
    results = Results()
    peaks = run(args.records, args.files, args.repeats, results)
    print("\n## Results\n")
    print("'x ours' divides by validate_collection of the same records.")
    print_table(
        "A collection against one JSON Lines file",
        results.rows,
        "validate_collection(folder)",
    )
    print("\nPeak memory Python allocated during one validate_collection:\n")
    for label, peak in peaks.items():
        print(f"- {label}: {peak / 2**20:.1f} MiB")
    labels = {row.size for row in results.rows}
    ratio = None
    for label in labels:
        ours = results.time("collection", label, "validate_collection(folder)")
        theirs = results.time("collection", label, "validate(one .jsonl file)")
        if ours and theirs:
            ratio = ours / theirs
            measured = f"{label}: {show_time(ours)} vs {show_time(theirs)}, {ratio:.2f}x"
            results.targets.append(
                Target(
                    "collection vs JSON Lines", "< 1.5 x one JSON Lines file", measured, ratio < 1.5
                )
            )
    print_targets(results)
    print(f"\ntotal time: {time.perf_counter() - started:.0f} s")
    print(json.dumps({"ratio": ratio}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
