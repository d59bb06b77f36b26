"""Benchmark: ``validate`` of an invalid document against the same document valid.

Run from the repository root::

    python -m benchmarks.diagnostics              # 1 incident to 10,000 records
    python -m benchmarks.diagnostics --full       # up to 100,000 records
    python -m benchmarks.diagnostics --sizes 1 1000

For each size the corpus document (:mod:`benchmarks.corpus`) is validated as bytes three
ways: valid, with one problem, and with 100 problems (:func:`benchmarks.corpus.with_problems`,
a mix of schema, model and semantic ones; a document with fewer than 100 raids to plant
them in gets one per raid, and the table says how many were reported). Each figure is the
median of 5 runs after a warm-up, with the minimum and maximum beside it; the three
documents are run in turn, so a busy machine slows them alike. The targets of issue 21
(one problem at most 2x the valid time, 100 problems at most 3x) are printed as PASS or
MISS; nothing here asserts on a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import incidents
from benchmarks import corpus

#: (problems planted, the most time they may take, as a multiple of the valid time).
TARGETS = ((1, 2.0), (100, 3.0))
RUNS = 5


def documents(size: int) -> list[tuple[str, bytes]]:
    """(label, bytes): the valid document, then one with each number of problems."""
    data = corpus.document(size)
    records = corpus.records_in(data)
    raids = sum(record["kind"] == "raid" for record in data.get("incidents", []))
    result = [("valid", corpus.to_bytes(data))]
    for wanted, _ in TARGETS:
        planted = max(1, min(wanted, raids))
        every = max(1, -(-records // planted))  # records // every == planted, at most
        result.append((f"{wanted}", corpus.to_bytes(corpus.with_problems(data, every=every))))
    return result


def _time(document: bytes) -> float:
    start = time.perf_counter()
    incidents.validate(document)
    return time.perf_counter() - start


def measure(size: int, runs: int = RUNS) -> dict[str, tuple[float, float, float, int]]:
    """label -> (median, min, max, problems reported) for the documents of ``size``."""
    cases = documents(size)
    counts = {label: len(incidents.validate(text).problems) for label, text in cases}  # warm-up
    samples: dict[str, list[float]] = {label: [] for label, _ in cases}
    for _ in range(runs):
        for label, text in cases:
            samples[label].append(_time(text))
    return {
        label: (statistics.median(times), min(times), max(times), counts[label])
        for label, times in samples.items()
    }


def _cell(figures: tuple[float, float, float, int]) -> str:
    median, low, high = (value * 1000 for value in figures[:3])
    return f"{median:9.1f} ms ({low:.1f}-{high:.1f})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--full", action="store_true", help="up to 100,000 records")
    parser.add_argument("--sizes", type=int, nargs="+", help="the sizes to run")
    parser.add_argument("--runs", type=int, default=RUNS, help="runs per figure (median)")
    arguments = parser.parse_args(argv)
    sizes = arguments.sizes or ([1, 100, 1000, 10_000] + ([100_000] if arguments.full else []))
    print("validate: invalid documents against the same document valid")
    print(f"median of {arguments.runs} runs (min-max); problems = as reported by validate")
    header = f"{'records':>8} | {'valid':>28} | {'1 problem':>28} | ratio | "
    header += f"{'100 problems':>28} | ratio | problems | targets"
    print(header)
    print("-" * len(header))
    for size in sizes:
        figures = measure(size, arguments.runs)
        valid = figures["valid"][0]
        row = f"{size:>8} | {_cell(figures['valid']):>28}"
        verdicts = []
        for wanted, limit in TARGETS:
            ratio = figures[f"{wanted}"][0] / valid
            row += f" | {_cell(figures[f'{wanted}']):>28} | {ratio:5.2f}"
            verdicts.append(f"{wanted}: {'PASS' if ratio <= limit else 'MISS'} (<= {limit:g}x)")
        row += f" | {figures['100'][3]:>8} | {', '.join(verdicts)}"
        print(row, flush=True)


if __name__ == "__main__":
    main()
