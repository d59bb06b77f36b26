"""The targets of issue 21 (and the older ones the harness keeps), judged from one run.

:func:`evaluate` reads only :class:`~benchmarks.harness.Results` (rows, and the verdicts and
JSON Lines figures in ``extra``), so the same judgement is made when the run prints and when
``python -m benchmarks.report`` writes the docs from the record. Every timed target is judged
under both collector policies, on the medians.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from benchmarks.harness import MIN_ROUNDS, POLICIES, Results, Target

#: Records per second of ``incidents validate`` on the million-record JSON Lines file before
#: issue 21 (README: "a million records take about 100 s").
JSONL_BEFORE = 10_000.0


def records_of(label: str) -> int:
    return 1 if label == "1 incident" else int(label.split()[0].replace(",", ""))


def _labels(results: Results, case: str) -> list[str]:
    return sorted({row.size for row in results.rows if row.case == case}, key=records_of)


def ratios(
    results: Results, case: str, ours: str, peer: str, policy: str, invert: bool = False
) -> list[tuple[str, float]]:
    """Ours over the peer's median (or the peer's over ours), size by size."""
    found = []
    for label in _labels(results, case):
        mine = results.time(case, label, ours, policy)
        theirs = results.time(case, label, peer, policy)
        if mine and theirs:
            found.append((label, theirs / mine if invert else mine / theirs))
    return found


def listing(values: list[tuple[str, float]]) -> str:
    return ", ".join(f"{label}: {value:.2f}x" for label, value in values) or "-"


def _judge(values: list[tuple[str, float]], test: Callable[[str, float], bool]) -> bool | None:
    return all(test(label, value) for label, value in values) if values else None


def evaluate(results: Results) -> None:
    """Append every target to ``results.targets``."""
    for policy in POLICIES:
        _timed_targets(results, policy)
    _other_targets(results)


def _timed_targets(results: Results, policy: str) -> None:
    def add(name: str, goal: str, measured: str, met: bool | None) -> None:
        results.targets.append(Target(f"{name} (collector {policy})", goal, measured, met))

    problems = [
        (label, broken / valid)
        for label in _labels(results, "problems")
        if (broken := results.time("problems", label, "incidents.validate", policy))
        and (valid := results.time("validate", label, "incidents.validate", policy))
    ]
    add(
        "1. diagnostics (proxy)",
        "file with problems (1 record in 50) ≤ 3x the valid file's time; exact cases in "
        "benchmarks/diagnostics.py",
        listing(problems),
        _judge(problems, lambda _, value: value <= 3),
    )
    load = ratios(results, "load", "incidents.from_json", "pydantic model_validate_json", policy)
    add(
        "2. from_json vs pydantic",
        "≤ 1.3x model_validate_json at 1 incident, ≤ 1.0x from 100 records",
        listing(load),
        _judge(load, lambda label, value: value <= (1.3 if label == "1 incident" else 1.0)),
    )
    dumps = ratios(results, "to_json", "incidents.to_json", "json.dumps indent=2 (floor)", policy)
    add(
        "3. to_json vs json.dumps",
        "≤ 1.0x json.dumps of the same dict, same formatting, every size",
        listing(dumps),
        _judge(dumps, lambda _, value: value <= 1.0),
    )
    steps = _steps(results, "to_json", "incidents.to_json", policy)
    add(
        "3. to_json linear",
        "10x the records ≤ 11x the time, up to 100,000",
        listing(steps),
        _judge(steps, lambda _, value: value <= 11),
    )
    xml_out = ratios(results, "to_xml", "incidents.to_xml", "xsdata XmlSerializer", policy, True)
    add(
        "3. to_xml vs xsdata",
        "measured (no goal): xsdata's time over ours",
        listing(xml_out),
        True if xml_out else None,
    )
    xml = ratios(
        results, "from_xml", "incidents.from_xml + XSD", "xsdata XmlParser", policy, invert=True
    )
    add(
        "4. from_xml + XSD vs xsdata",
        "≥ 3x faster, every size",
        listing(xml),
        _judge(xml, lambda _, value: value >= 3),
    )
    schema = ratios(
        results, "validate", "incidents.validate", "jsonschema (loads + iter_errors)", policy, True
    )
    add(
        "5. validate vs jsonschema",
        "≥ 25x faster on a valid file, every size",
        listing(schema),
        _judge(schema, lambda _, value: value >= 25),
    )
    rust = ratios(
        results, "validate", "incidents.validate", "jsonschema-rs (loads + is_valid)", policy
    )
    add(
        "5. validate vs json.loads + jsonschema-rs",
        "≤ 1.5x the time, bytes to verdict, every size",
        listing(rust) if rust else "jsonschema-rs not installed",
        _judge(rust, lambda _, value: value <= 1.5),
    )


def _steps(results: Results, case: str, name: str, policy: str) -> list[tuple[str, float]]:
    """The time ratio between consecutive sizes, scaled to a tenfold step in records."""
    points = [
        (records_of(label), time)
        for label in _labels(results, case)
        if (time := results.time(case, label, name, policy)) and records_of(label) >= 100
    ]
    return [
        (f"{small:,}→{large:,}", (large_time / small_time) * 10 / (large / small))
        for (small, small_time), (large, large_time) in itertools.pairwise(points)
    ]


def _other_targets(results: Results) -> None:
    add = results.targets.append
    jsonl = results.extra.get("jsonl", [])
    if jsonl:
        rates = ", ".join(
            f"{run['records']:,}: {run['records_per_second']:,.0f}/s" for run in jsonl
        )
        peaks = [run["peak_rss_mb"] for run in jsonl]
        fastest = max(run["records_per_second"] for run in jsonl)
        largest = max(jsonl, key=lambda run: run["records"])
        add(
            Target(
                "6. JSON Lines validate, records/s",
                f"≥ 2x before ({JSONL_BEFORE:,.0f}/s at 1,000,000)",
                f"{rates} ({largest['records_per_second'] / JSONL_BEFORE:.2f}x at "
                f"{largest['records']:,}; best {fastest:,.0f}/s)",
                largest["records_per_second"] >= 2 * JSONL_BEFORE,
            )
        )
        add(
            Target(
                "6. JSON Lines peak memory flat",
                "peak RSS at the largest size ≤ 1.5x the smallest's",
                ", ".join(f"{run['records']:,}: {run['peak_rss_mb']:.0f} MB" for run in jsonl),
                peaks[-1] <= 1.5 * peaks[0],
            )
        )
    else:
        add(Target("6. JSON Lines", "records/s and flat memory", "not recorded", None))
    rounds = [len(row.timing.samples) for row in results.rows if row.timing]
    policies = {row.policy for row in results.rows if row.case == "load"}
    add(
        Target(
            "7. fair harness",
            f"both collector policies; every figure the median of ≥ {MIN_ROUNDS} runs",
            f"policies {', '.join(sorted(policies))}; fewest runs {min(rounds, default=0)}",
            set(POLICIES) <= policies and min(rounds, default=0) >= MIN_ROUNDS,
        )
    )
    semantics = _steps(results, "semantics", "semantic_findings", "on")
    add(
        Target(
            "semantic checks O(n)",
            "10x the records ≤ 11x the time",
            listing(semantics),
            _judge(semantics, lambda _, value: value <= 11),
        )
    )
    verdicts = results.extra.get("verdicts")
    if verdicts:
        same = verdicts["validate_agrees"] == verdicts["documents"]
        add(
            Target(
                "differential corpus",
                "validate's schema verdict = jsonschema's on every document",
                f"{verdicts['validate_agrees']}/{verdicts['documents']}",
                same,
            )
        )
        clean, hits = verdicts["no_timed_asserts"]
        add(
            Target(
                "no timed assertions in tests",
                "no assert reads a clock in tests/",
                "none found" if clean else ", ".join(hits[:6]),
                clean,
            )
        )
