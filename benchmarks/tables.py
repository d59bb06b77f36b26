"""The tables benchmark: export to Parquet and SQL over the export, against from_json and
pandas ``json_normalize`` of the same documents, in the same run.

Run from the repository root (with the ``tables`` and ``pandas`` extras installed)::

    python -m benchmarks.tables                    # 1,000, 10,000 and 100,000 records
    python -m benchmarks.tables --sizes 1000,10000

Per size: ``incidents.from_json`` of the corpus bytes (the reference), the export of the
records read (``incidents.tables`` then the Parquet files), pandas ``json_normalize`` of the
same document (every record list flattened; the peer), and a ``GROUP BY`` over the exported
folder as ``incidents query`` runs it (read the Parquet files, register them in DuckDB, run
the query). The ``incidents query`` command itself is timed too, interpreter start included.
Nothing here asserts on a time: the harness prints the times, the ratios and the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import incidents
from benchmarks import corpus
from benchmarks.harness import (
    ROOT,
    Results,
    Row,
    Target,
    machine,
    measure_group,
    print_table,
    print_targets,
)
from incidents.tables.files import read_parquet, write_parquet
from incidents.tables.query import query

GROUP_BY = "SELECT kind, status, count(*) AS n FROM measures GROUP BY ALL ORDER BY n DESC"


def normalize(document: bytes) -> dict[str, Any]:
    """pandas json_normalize of every record list of the document (the peer)."""
    import pandas as pd

    data = json.loads(document)
    return {
        name: pd.json_normalize(data[name])
        for name in ("actors", "sources", "incidents", "measures")
        if name in data
    }


def run(sizes: list[int], repeats: int, results: Results) -> None:
    for size in sizes:
        raw = corpus.to_bytes(corpus.document(size))
        label = f"{corpus.records_in(json.loads(raw)):,}"
        dataset = incidents.from_json(raw)
        with tempfile.TemporaryDirectory(prefix="incidents-bench-tables-") as folder:
            target = Path(folder) / "tables"

            def export(dataset: incidents.Dataset = dataset, target: Path = target) -> None:
                write_parquet(incidents.tables(dataset), target, force=True)

            timings = measure_group(
                {
                    "incidents.from_json": lambda raw=raw: incidents.from_json(raw),
                    "export to Parquet (tables + files)": export,
                    "pandas json_normalize (peer)": lambda raw=raw: normalize(raw),
                },
                repeats,
            )
            for name, timing in timings.items():
                results.rows.append(Row("export", label, name, timing))
            export()
            timings = measure_group(
                {
                    "query GROUP BY on the export": lambda target=target: query(
                        read_parquet(target), GROUP_BY
                    )
                },
                repeats,
            )
            for name, timing in timings.items():
                results.rows.append(Row("query", label, name, timing))
            command = [sys.executable, "-m", "incidents", "query", str(target), GROUP_BY]
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True, env=env)  # noqa: S603
            elapsed = time.perf_counter() - start
            results.rows.append(
                Row(
                    "query",
                    label,
                    "incidents query (command, one run)",
                    None,
                    f"{elapsed:.2f} s with interpreter start",
                )
            )
            results.notes.append(f"incidents query command at {label}: {elapsed:.2f} s")
        print(f"  size {label}: done", file=sys.stderr)


def evaluate(results: Results) -> None:
    labels = sorted({row.size for row in results.rows}, key=lambda s: int(s.replace(",", "")))
    ratios, queries = [], []
    for label in labels:
        export = results.time("export", label, "export to Parquet (tables + files)")
        load = results.time("export", label, "incidents.from_json")
        peer = results.time("export", label, "pandas json_normalize (peer)")
        if export and load and peer:
            ratios.append((label, export / load, peer / load))
        answer = results.time("query", label, "query GROUP BY on the export")
        if answer is not None:
            queries.append((label, answer))
    results.targets.append(
        Target(
            "export to Parquet vs from_json",
            "≤ 2 x from_json, every size",
            ", ".join(
                f"{label}: {ratio:.2f}x (json_normalize {peer:.2f}x)"
                for label, ratio, peer in ratios
            ),
            all(ratio <= 2 for _, ratio, _ in ratios) if ratios else None,
        )
    )
    results.targets.append(
        Target(
            "GROUP BY after the export",
            "< 1 s at 100,000 records",
            ", ".join(f"{label}: {seconds * 1000:.0f} ms" for label, seconds in queries),
            all(seconds < 1 for _, seconds in queries) if queries else None,
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated records")
    parser.add_argument("--repeats", type=int, default=3, help="best of N")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    print("# incidents tables benchmark\n")
    print(f"command: python -m benchmarks.tables --sizes {args.sizes} --repeats {args.repeats}")
    for line in machine():
        print(line)
    results = Results()
    run(sizes, args.repeats, results)
    print("\n## Results\n")
    print("'x ours' divides by incidents.from_json of the same size.")
    print_table(
        "Export to Parquet", [r for r in results.rows if r.case == "export"], "incidents.from_json"
    )
    print_table(
        "GROUP BY over the export",
        [r for r in results.rows if r.case == "query"],
        "query GROUP BY on the export",
    )
    evaluate(results)
    print_targets(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
