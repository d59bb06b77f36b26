"""Under load: validate, read and write from 8 threads at once give the single-threaded
answers; 10,000 validations in one process keep memory flat (tracemalloc)."""

from __future__ import annotations

import gc
import json
import random
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import incidents

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json")) + sorted((ROOT / "examples").glob("*.xml"))
THREADS = 8


def _mutations(document: dict[str, Any], count: int, seed: int) -> list[bytes]:
    """``count`` variants of a document, each with one change that breaks a rule or a type
    (a key removed, or a value replaced by one of another type or out of range)."""
    chooser = random.Random(seed)  # noqa: S311 - reproducible test data
    replacements: list[Any] = [None, 38.0, -1, "", "x" * 300, [], {}, "2025-02-30", True]
    variants = []
    for _ in range(count):
        copy = json.loads(json.dumps(document))
        kinds = ("incidents", "measures", "actors")
        records = chooser.choice([copy[kind] for kind in kinds if copy.get(kind)])
        record = chooser.choice(records)
        key = chooser.choice(sorted(record))
        if chooser.random() < 0.3:
            del record[key]
        else:
            record[key] = chooser.choice(replacements)
        variants.append(json.dumps(copy).encode("utf-8"))
    return variants


def _inputs() -> list[bytes | Path]:
    document = json.loads((ROOT / "examples" / "azal-downing-2024.json").read_text("utf-8"))
    return [*EXAMPLES, *_mutations(document, 40, seed=20)]


def _answer(item: bytes | Path, folder: Path, index: int) -> tuple[Any, ...]:
    """What validate, read and write make of one input (written bytes included)."""
    report = incidents.validate(item)
    problems = tuple((p.code, p.message, p.location, p.line, p.column) for p in report.problems)
    written: bytes | None = None
    if report.ok:
        dataset = incidents.read(item)
        target = folder / f"out-{index}-{len(problems)}.xml"
        incidents.write(dataset, target)
        written = target.read_bytes()
    return report.ok, problems, written


def test_eight_threads_give_the_single_threaded_answers(tmp_path: Path) -> None:
    inputs = _inputs()
    alone = tmp_path / "alone"
    alone.mkdir()
    expected = [_answer(item, alone, index) for index, item in enumerate(inputs)]
    assert any(not ok for ok, _, _ in expected)  # the mutations do break rules
    together = tmp_path / "together"
    together.mkdir()
    work = [(item, index) for _ in range(3) for index, item in enumerate(inputs)]
    random.Random(8).shuffle(work)  # noqa: S311 - a reproducible order
    with ThreadPoolExecutor(THREADS) as pool:
        folders = [together / str(n) for n in range(len(work))]
        for folder in folders:
            folder.mkdir()
        results = list(
            pool.map(
                lambda job: (job[1][1], _answer(job[1][0], folders[job[0]], job[1][1])),
                enumerate(work),
            )
        )
    for index, answer in results:
        assert answer == expected[index]
    assert gc.isenabled()  # the readers' collector pause ends however the threads interleave


@pytest.mark.heavy
def test_ten_thousand_validations_keep_memory_flat() -> None:
    """Growth from the 2,000th to the 10,000th document stays within a small slack (a leak of
    a hundred bytes a document would be over it). Small documents, so 10,000 take seconds;
    memory is traced from the 2,000th on, which is all the comparison needs."""
    document = json.loads((ROOT / "examples" / "azal-downing-2024.json").read_text("utf-8"))
    small = {**document, "actors": document["actors"][:3], "sources": []}
    small |= {"incidents": [], "measures": []}
    variants = [json.dumps(small).encode("utf-8"), *_mutations(small, 9, seed=10)]
    assert incidents.validate(variants[0]).ok
    for number in range(1, 2_001):
        incidents.validate(variants[number % len(variants)])
    gc.collect()
    tracemalloc.start()
    try:
        at_2000, _ = tracemalloc.get_traced_memory()
        for number in range(2_001, 10_001):
            incidents.validate(variants[number % len(variants)])
        gc.collect()
        at_10000, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert at_10000 - at_2000 < 256 * 1024, (at_2000, at_10000)
