"""The harness's side cases: semantic checks by size, start-up, and the CLI over a folder.

Measured with the collector on (as users run them); they compare sizes or processes, not
libraries under different collector policies.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import incidents
from benchmarks import corpus
from benchmarks.harness import ROOT, Results, Row, measure_group
from benchmarks.peers import Peers, jsonschema_errors
from incidents.validation.semantics import semantic_findings


def walk_values(data: Any) -> int:
    """Visit every value of plain data once (the floor of any check that reads them all)."""
    count = 0
    stack = [data]
    while stack:
        value = stack.pop()
        if type(value) is dict:
            stack.extend(value.values())
        elif type(value) is list:
            stack.extend(value)
        else:
            count += 1
    return count


def run_semantics(sizes: Iterable[int], results: Results, repeats: int) -> None:
    """semantic_findings on each size, interleaved (so the ratios between sizes hold).

    On data as ``json.loads`` gives it (what ``validate`` checks), not on the generator's
    objects, whose layout in memory is another one.
    """
    documents = {size: json.loads(corpus.to_bytes(corpus.document(size))) for size in sizes}
    functions: dict[str, Callable[[], object]] = {}
    for size, data in documents.items():
        functions[f"{size:,}"] = lambda data=data: semantic_findings(data)
        functions[f"{size:,} floor"] = lambda data=data: walk_values(data)
    gc.freeze()
    try:
        timings = measure_group(functions, max(repeats, 5))
    finally:
        gc.unfreeze()
    for size in documents:
        timing = timings[f"{size:,}"]
        results.rows.append(Row("semantics", f"{size:,}", "semantic_findings", timing))
        floor = timings[f"{size:,} floor"]
        results.rows.append(Row("semantics", f"{size:,}", "walk every value (floor)", floor))
    del documents
    gc.collect()


def run_cli(files: int, results: Results, repeats: int, peers: Peers) -> None:
    if not (ROOT / "incidents" / "cli" / "main.py").exists():
        message = "skipped: incidents/cli/main.py does not exist yet"
        results.rows.append(
            Row("cli", f"{files:,} files", "python -m incidents validate", None, message)
        )
        results.notes.append(f"CLI case {message}")
        return
    with tempfile.TemporaryDirectory(prefix="incidents-bench-cli-") as folder:
        paths = []
        for number in range(files):
            size = (2, 14, 24, 34)[number % 4]
            path = Path(folder) / f"dataset-{number:04d}.json"
            path.write_bytes(corpus.to_bytes(corpus.document(size, seed=number)))
            paths.append(path)
        label = f"{files:,} files"
        command = [sys.executable, "-m", "incidents", "validate", folder]
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        }
        probe = subprocess.run(command, capture_output=True, text=True, env=env, check=False)  # noqa: S603
        if probe.returncode != 0:
            tail = (probe.stdout + probe.stderr).strip().splitlines()[-3:]
            note = f"exit {probe.returncode}: {' / '.join(tail)}"
            results.rows.append(Row("cli", label, "python -m incidents validate", None, note))
            return

        def cli() -> None:
            subprocess.run(command, capture_output=True, env=env, check=False)  # noqa: S603

        startup = [sys.executable, "-c", "import incidents"]

        def start() -> None:
            subprocess.run(startup, capture_output=True, env=env, check=False)  # noqa: S603

        def in_process(chosen: list[Path] = paths) -> None:
            for path in chosen:
                incidents.validate(path)

        def plain_schema(chosen: list[Path] = paths) -> None:
            for path in chosen:
                jsonschema_errors(peers.jsonschema, path.read_bytes())

        def nothing() -> None:
            return None

        # The probe above was the CLI's warm-up; the in-process loops warm up on 50 files.
        timings = measure_group(
            {
                "python -m incidents validate": cli,
                "python -c 'import incidents' (startup floor)": start,
                "incidents.validate per file, in process": in_process,
                "jsonschema per file, in process": plain_schema,
            },
            repeats,
            {
                "python -m incidents validate": nothing,
                "incidents.validate per file, in process": lambda: in_process(paths[:50]),
                "jsonschema per file, in process": lambda: plain_schema(paths[:50]),
            },
        )
        for name, timing in timings.items():
            results.rows.append(Row("cli", label, name, timing))


def run_startup(results: Results, repeats: int) -> None:
    """Start-up: ``import incidents`` and ``incidents --version`` against ``python -c pass``,
    each a fresh interpreter (what a pre-commit hook pays on every commit)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import incidents'": [sys.executable, "-c", "import incidents"],
        "python -m incidents --version": [sys.executable, "-m", "incidents", "--version"],
    }

    def runner(command: list[str]) -> Callable[[], None]:
        def run() -> None:
            subprocess.run(command, capture_output=True, env=env, check=True)  # noqa: S603

        return run

    timings = measure_group({name: runner(command) for name, command in commands.items()}, repeats)
    for name, timing in timings.items():
        results.rows.append(Row("startup", "one process", name, timing))
