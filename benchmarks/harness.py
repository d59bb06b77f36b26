"""The harness's measuring: collector policies, round-robin samples, results and their record.

Every contestant of a case runs under the same collector policy, and the harness reports both:

- ``on``: the cyclic garbage collector runs for everyone, as it does in a user's program; the
  library's own pause (:mod:`incidents._compile.gc_pause`) is switched off for the measurement.
- ``paused``: the collector is disabled around every contestant's calls alike (the library's
  own pause is then a no-op inside it).

A figure is the median of at least five samples (rounds), with the minimum and maximum beside
it; the samples go round-robin, one of each (contestant, policy) per round, so a busy machine
slows them alike. The whole run is recorded as data (:func:`record`,
``benchmarks/results/latest.json``), from which ``python -m benchmarks.report`` writes the
tables of ``docs/benchmarks.md`` and the speed sentences of ``README.md``.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import incidents
from incidents._compile import gc_pause

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "benchmarks" / "results" / "latest.json"
#: The JSON Lines runs (``python -m benchmarks.jsonl_memory --record``), recorded apart.
JSONL_RECORD = RECORD.with_name("jsonl.json")
POLICIES = ("on", "paused")
MIN_ROUNDS = 5

# ------------------------------------------------------------------------------- timing


@dataclass
class Timing:
    """The samples of one case for one contestant under one policy, in seconds per call."""

    samples: list[float]
    loops: int

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    @property
    def repeats(self) -> int:
        return len(self.samples)


def _loops(warm: float) -> int:
    """Calls per sample: short calls run in a loop of about 50 ms."""
    return 1 if warm >= 0.02 else min(1000, max(1, int(0.05 / max(warm, 1e-7))))


class _Policy:
    """Enter one collector policy for a sample: the same for every contestant."""

    def __init__(self, policy: str) -> None:
        self.policy = policy

    def __enter__(self) -> None:
        gc.collect()
        if self.policy == "paused":
            gc_pause.set_pause(True)
            gc.disable()
        else:
            gc_pause.set_pause(False)

    def __exit__(self, *_: object) -> None:
        gc.enable()
        gc_pause.set_pause(True)


def measure_policies(
    functions: dict[str, Callable[[], object]],
    repeats: int,
    warm_ups: dict[str, Callable[[], object]] | None = None,
    estimates: dict[str, float] | None = None,
    policies: tuple[str, ...] = POLICIES,
    rounds: int | None = None,
) -> dict[str, dict[str, Timing]]:
    """Time competing implementations of one case under each policy, interleaved.

    Each function is warmed up once (or with its ``warm_ups`` entry instead, for cases too
    long to run for nothing; its loop count is then 1), unless its ``estimates`` entry
    (seconds, from the previous size) is over 5 s: the smaller size ran the same code a moment
    before. Then ``max(repeats, 5)`` rounds (or exactly ``rounds``, for a case of minutes a
    sample, which says so where it is printed), each one sample of every (function, policy).
    Returns ``{policy: {name: Timing}}``.
    """
    warm_ups = warm_ups or {}
    estimates = estimates or {}
    loops: dict[str, int] = {}
    for name, function in functions.items():
        if estimates.get(name, 0.0) > 5:
            loops[name] = 1
            continue
        with _Policy("on"):
            start = time.perf_counter()
            warm_ups.get(name, function)()
            warm = time.perf_counter() - start
        loops[name] = 1 if name in warm_ups else _loops(warm)
    samples: dict[tuple[str, str], list[float]] = {
        (policy, name): [] for policy in policies for name in functions
    }
    for _ in range(rounds or max(repeats, MIN_ROUNDS)):
        for policy in policies:
            for name, function in functions.items():
                count = loops[name]
                with _Policy(policy):
                    start = time.perf_counter()
                    for _ in range(count):
                        function()
                    elapsed = time.perf_counter() - start
                samples[policy, name].append(elapsed / count)
    return {
        policy: {name: Timing(samples[policy, name], loops[name]) for name in functions}
        for policy in policies
    }


def measure_group(
    functions: dict[str, Callable[[], object]],
    repeats: int,
    warm_ups: dict[str, Callable[[], object]] | None = None,
    estimates: dict[str, float] | None = None,
    policy: str = "on",
    rounds: int | None = None,
) -> dict[str, Timing]:
    """:func:`measure_policies` under one policy."""
    return measure_policies(functions, repeats, warm_ups, estimates, (policy,), rounds)[policy]


def show_time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


# ------------------------------------------------------------------------------ results

TITLES = {
    "load": "Typed load: JSON bytes → validated objects",
    "validate": "validate: a valid file (bytes → report)",
    "problems": "validate: a file with problems (one record in 50)",
    "to_json": "to_json: objects → JSON text (two-space indent)",
    "to_xml": "to_xml: objects → XML bytes",
    "from_xml": "from_xml: XML bytes → objects",
    "semantics": "Semantic checks (semantic_findings on parsed data)",
    "cli": "CLI over a folder",
    "startup": "Start-up of a fresh interpreter",
}
#: The row each case's ratios divide by.
REFERENCES = {
    "load": "incidents.from_json",
    "validate": "incidents.validate",
    "problems": "incidents.validate",
    "to_json": "incidents.to_json",
    "to_xml": "incidents.to_xml",
    "from_xml": "incidents.from_xml + XSD",
    "semantics": "semantic_findings",
    "cli": "python -m incidents validate",
    "startup": "python -c pass",
}


@dataclass
class Row:
    case: str
    size: str
    name: str
    timing: Timing | None
    note: str = ""
    policy: str = "on"


@dataclass
class Target:
    name: str
    goal: str
    measured: str
    met: bool | None  # None: not measured in this run


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def timing(self, case: str, size: str, name: str, policy: str = "on") -> Timing | None:
        for row in self.rows:
            if (row.case, row.size, row.name, row.policy) == (case, size, name, policy):
                return row.timing
        return None

    def time(self, case: str, size: str, name: str, policy: str = "on") -> float | None:
        timing = self.timing(case, size, name, policy)
        return timing.median if timing else None


def verdict(met: bool | None) -> str:
    return "not measured" if met is None else "PASS" if met else "MISS"


def target_lines(targets: list[Target]) -> list[str]:
    """The targets met and missed, as a Markdown table."""
    return [
        "| target | goal | measured | verdict |",
        "|---|---|---|---|",
        *(
            f"| {target.name} | {target.goal} | {target.measured} | {verdict(target.met)} |"
            for target in targets
        ),
    ]


def print_targets(results: Results) -> None:
    """The targets met and missed, as a Markdown table, then the notes."""
    print("\n## Targets\n")
    print("\n".join(target_lines(results.targets)))
    for note in results.notes:
        print(f"\nnote: {note}")


def table_lines(rows: list[Row], reference: str) -> list[str]:
    """One case as Markdown: median (min to max), and the median ratio to ``reference``."""
    lines = [
        "| records | policy | implementation | median | min to max | x ours | runs x loops |",
        "|---:|---|---|---:|---:|---:|---|",
    ]
    ours = {
        (row.size, row.policy): row.timing.median
        for row in rows
        if row.name == reference and row.timing
    }
    for row in rows:
        if row.timing is None:
            lines.append(f"| {row.size} | {row.policy} | {row.name} | - | - | - | {row.note} |")
            continue
        base = ours.get((row.size, row.policy))
        ratio = f"{row.timing.median / base:.2f}" if base else "-"
        spread = f"{show_time(row.timing.low)} to {show_time(row.timing.high)}"
        runs = f"{row.timing.repeats} x {row.timing.loops}"
        note = f" ({row.note})" if row.note else ""
        lines.append(
            f"| {row.size} | {row.policy} | {row.name} | {show_time(row.timing.median)} "
            f"| {spread} | {ratio} | {runs}{note} |"
        )
    return lines


def print_table(title: str, rows: list[Row], reference: str) -> None:
    if not rows:
        return
    print(f"\n### {title}\n")
    print("\n".join(table_lines(rows, reference)))
    sys.stdout.flush()


# ---------------------------------------------------------------------------- the record


def machine_facts() -> dict[str, Any]:
    """The machine, the interpreter, the library's commit and the peers' versions."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    packages = [
        *("attrs", "cattrs", "jsonschema", "jsonschema-rs", "lxml", "orjson"),
        *("pydantic", "pydantic-core", "msgspec", "xsdata"),
    ]
    versions: dict[str, str] = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    commit = subprocess.run(  # noqa: S603 - a fixed git command
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cpus": f"nproc {len(os.sched_getaffinity(0))} ({os.cpu_count()} CPUs), {cpu}",
        "system": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "incidents": f"{incidents.__version__} at {commit or 'unknown'}",
        "packages": versions,
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
    }


def machine(facts: dict[str, Any] | None = None) -> list[str]:
    facts = facts or machine_facts()
    packages = ", ".join(f"{name} {version}" for name, version in facts["packages"].items())
    return [
        f"machine: {facts['cpus']}, {facts['system']}",
        f"python: {facts['python']}",
        f"packages: {packages}",
        f"incidents: {facts['incidents']}",
        "load average (1, 5, 15 min) at start: "
        + ", ".join(f"{v:.2f}" for v in facts["load_average_at_start"]),
    ]


def record(results: Results, command: str, facts: dict[str, Any], path: Path = RECORD) -> None:
    """Write the run as JSON (atomically): every sample, the targets and the machine."""
    data = {
        "command": command,
        "machine": facts,
        "load_average_at_end": [round(value, 2) for value in os.getloadavg()],
        "rows": [_row_data(row) for row in results.rows],
        "targets": [asdict(target) for target in results.targets],
        "notes": results.notes,
        "extra": results.extra,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    temporary.replace(path)


def _row_data(row: Row) -> dict[str, Any]:
    return {
        "case": row.case,
        "size": row.size,
        "name": row.name,
        "policy": row.policy,
        "note": row.note,
        "loops": row.timing.loops if row.timing else 0,
        "samples": row.timing.samples if row.timing else [],
    }


def merge(
    results: Results,
    cases: frozenset[str],
    command: str,
    facts: dict[str, Any],
    path: Path = RECORD,
) -> None:
    """Replace the rows of ``cases`` in the record with these, and say so in its notes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    kept = [row for row in data["rows"] if row["case"] not in cases]
    data["rows"] = kept + [_row_data(row) for row in results.rows]
    data["notes"].append(
        f"the rows of {', '.join(sorted(cases))} are from a later run, `{command}`, "
        f"at incidents {facts['incidents']} (load average at its start "
        f"{', '.join(map(str, facts['load_average_at_start']))})"
    )
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    temporary.replace(path)


def load_record(path: Path = RECORD) -> tuple[Results, dict[str, Any]]:
    """A recorded run back as :class:`Results`, and the whole record."""
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonl = path.with_name(JSONL_RECORD.name)
    if jsonl.exists():
        data.setdefault("extra", {})["jsonl"] = json.loads(jsonl.read_text("utf-8"))["jsonl"]
    results = Results(
        rows=[
            Row(
                row["case"],
                row["size"],
                row["name"],
                Timing(row["samples"], row["loops"]) if row["samples"] else None,
                row["note"],
                row["policy"],
            )
            for row in data["rows"]
        ],
        notes=data["notes"],
        extra=data.get("extra", {}),
    )
    return results, data
