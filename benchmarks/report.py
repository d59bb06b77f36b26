"""Write the benchmark figures of the docs from the recorded run.

    python -m benchmarks.run                       # records benchmarks/results/latest.json
    python -m benchmarks.jsonl_memory --record     # records benchmarks/results/jsonl.json
    python -m benchmarks.distributed --record      # records benchmarks/results/distributed.json
    python -m benchmarks.report                    # rewrites the marked parts of the docs
    python -m benchmarks.report --check            # exit 1 if they are not what it would write

The tables of ``docs/benchmarks.md`` (between ``<!-- harness:begin -->`` and
``<!-- harness:end -->``) and the speed sentences of ``README.md`` (between
``<!-- speed:begin -->`` / ``<!-- speed:end -->`` and ``<!-- jsonl:begin -->`` /
``<!-- jsonl:end -->``) are written from the record and nothing else. Each ratio quoted is a
ratio of medians; :func:`claims` lists them with what they compare, so
``tests/test_benchmark_figures.py`` can check each against the recorded samples.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.distributed import DASK_RECORD, dask_lines
from benchmarks.harness import (
    POLICIES,
    RECORD,
    REFERENCES,
    ROOT,
    TITLES,
    Results,
    Target,
    load_record,
    table_lines,
    target_lines,
)
from benchmarks.targets import evaluate, records_of

README = ROOT / "README.md"
DOC = ROOT / "docs" / "benchmarks.md"
PYDANTIC = "pydantic model_validate_json"
JSONSCHEMA = "jsonschema (loads + iter_errors)"
RUST = "jsonschema-rs (loads + is_valid)"
TIMES = "\u00d7"  # the multiplication sign of the prose


@dataclass(frozen=True)
class Claim:
    """One figure in the prose: ``text`` (as printed, before the multiplication sign) is
    ``ours`` / ``peer`` (or the inverse if ``invert``) of the medians of ``case`` at ``size``."""

    text: str
    case: str
    size: str
    ours: str
    peer: str
    policy: str
    invert: bool = False


def _ratio(results: Results, case: str, size: str, ours: str, peer: str, policy: str) -> float:
    mine, theirs = results.time(case, size, ours, policy), results.time(case, size, peer, policy)
    if not mine or not theirs:
        raise SystemExit(f"the record has no {case} / {size} / {ours} or {peer} ({policy})")
    return mine / theirs


def _claim(
    results: Results, case: str, size: str, ours: str, peer: str, policy: str, invert: bool
) -> Claim:
    value = _ratio(results, case, size, ours, peer, policy)
    value = 1 / value if invert else value
    text = f"{value:.0f}" if value >= 10 else f"{value:.2f}"
    return Claim(text, case, size, ours, peer, policy, invert)


def _span(results: Results, case: str, peer: str, policy: str, invert: bool = False) -> list[Claim]:
    """The claims of the smallest and the largest ratio from 100 records up."""
    ours = REFERENCES[case]
    labels = sorted(
        {row.size for row in results.rows if row.case == case and records_of(row.size) >= 100},
        key=records_of,
    )
    found = [
        _claim(results, case, label, ours, peer, policy, invert)
        for label in labels
        if results.time(case, label, peer, policy) and results.time(case, label, ours, policy)
    ]
    found.sort(key=lambda claim: float(claim.text))
    return [found[0], found[-1]] if found else []


def _range(claims: list[Claim]) -> str:
    low, high = claims
    if low.text == high.text:
        return f"{low.text}{TIMES}"
    return f"{low.text}{TIMES} to {high.text}{TIMES}"


def _sizes(results: Results, case: str) -> str:
    # Only the sizes that were timed: a size the run skipped (a row without a timing, such as
    # validate beyond --validate-max) is not one the sentence may claim.
    timed = {row.size for row in results.rows if row.case == case and row.timing is not None}
    labels = sorted(timed, key=records_of)
    bigger = [label for label in labels if records_of(label) >= 100]
    return f"{bigger[0]} to {bigger[-1]}" if bigger else "-"


def speed_sentence(results: Results) -> tuple[str, list[Claim]]:
    """The README's paragraph on speed, and the figures it quotes."""
    claims: list[Claim] = []
    parts: dict[str, str] = {}
    for policy in POLICIES:
        one = _claim(
            results, "load", "1 incident", REFERENCES["load"], PYDANTIC, policy, invert=False
        )
        load = _span(results, "load", PYDANTIC, policy)
        schema = _span(results, "validate", JSONSCHEMA, policy, invert=True)
        one_schema = _claim(
            results, "validate", "1 incident", REFERENCES["validate"], JSONSCHEMA, policy, True
        )
        rust = _span(results, "validate", RUST, policy)
        claims += [one, *load, one_schema, *schema, *rust]
        parts[policy] = (
            f"`from_json` takes {one.text}{TIMES} the time of pydantic v2's "
            "`model_validate_json` for equivalent models on one small document and "
            f"{_range(load)} from "
            f"{_sizes(results, 'load')} records; `validate` of a valid file is "
            f"{one_schema.text}{TIMES} faster than plain `jsonschema` with the same schema on one "
            f"incident and {_range(schema)} from {_sizes(results, 'validate')} records, and "
            f"takes {_range(rust)} the time of `json.loads` plus `jsonschema-rs`"
        )
    text = (
        "Reading and validating are compiled per record class. On the generated corpus of "
        "`benchmarks/`, in the recorded run (medians of at least five rounds), with the "
        f"garbage collector on for every contestant, {parts['on']}. With the collector paused "
        f"for every contestant, {parts['paused']}. [docs/benchmarks.md](docs/benchmarks.md) "
        "has every figure with its minimum and maximum, the method, the targets met and "
        "missed, and where the time goes."
    )
    return _wrap(text), claims


def jsonl_sentence(data: dict[str, Any]) -> str:
    """The README's sentence on the JSON Lines check of a million records."""
    runs = data.get("extra", {}).get("jsonl", [])
    if not runs:
        return "(not recorded: run `python -m benchmarks.jsonl_memory --record`)"
    run = max(runs, key=lambda found: found["records"])
    return _wrap(
        f"{run['records']:,} records took {run['seconds']:.0f} s and a peak of "
        f"{run['peak_rss_mb']:.0f} MB in the recorded run "
        f"(`python -m benchmarks.jsonl_memory --record`)."
    )


def harness_block(results: Results, data: dict[str, Any]) -> str:
    """The Results part of docs/benchmarks.md: the run, the targets, every table."""
    facts = data["machine"]
    packages = ", ".join(f"{name} {version}" for name, version in facts["packages"].items())
    lines = [
        f"`{data['command']}`, recorded in `benchmarks/results/latest.json`. Machine: "
        f"{facts['cpus']}, {facts['system']}; {facts['python']}; incidents {facts['incidents']}; "
        f"{packages}. Load average at the start "
        f"{', '.join(map(str, facts['load_average_at_start']))}, at the end "
        f"{', '.join(map(str, data['load_average_at_end']))} (2 cores shared with other work: "
        "absolute times wobble, the round-robin ratios less).",
        "",
        "### Targets",
        "",
        *target_lines(results.targets),
    ]
    lines += [
        "",
        "In each table the median is of the rounds (one sample of every contestant and policy "
        'per round), with the fastest and slowest round beside it; "x ours" divides the '
        "medians by incidents' own row of the same size and policy (for `from_xml`, by "
        "`from_xml + XSD`): above 1 is slower than incidents, below 1 faster.",
    ]
    for case, title in TITLES.items():
        rows = [row for row in results.rows if row.case == case]
        if rows:
            lines += ["", f"### {title}", "", *table_lines(rows, REFERENCES[case])]
    runs = data.get("extra", {}).get("jsonl", [])
    if runs:
        lines += [
            "",
            "### JSON Lines: `incidents validate FILE.jsonl` in a subprocess",
            "",
            "| records | wall | CPU | records/s | peak RSS |",
            "|---:|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {run['records']:,} | {run['seconds']:.1f} s | {run['cpu_seconds']:.1f} s "
            f"| {run['records_per_second']:,.0f} | {run['peak_rss_mb']:.0f} MB |"
            for run in runs
        ]
    verdicts = data.get("extra", {}).get("verdicts")
    if verdicts:
        lines += [
            "",
            "### Differential corpus",
            "",
            f"{verdicts['documents']} documents (3 valid, the rest one mutation each): "
            f"validate's schema verdict equals plain jsonschema's on "
            f"{verdicts['validate_agrees']}; "
            + "; ".join(
                f"{name} accepts exactly what from_json accepts on {agreed}"
                for name, agreed in verdicts["peers_agree"].items()
            )
            + ".",
        ]
    return "\n".join(lines)


def _wrap(text: str, width: int = 95) -> str:
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def dask_block(path: Path) -> str:
    """The Dask part of docs/benchmarks.md, from ``benchmarks/results/distributed.json``."""
    if not path.exists():
        return "(not recorded: run `python -m benchmarks.distributed --record`)"
    results, data = load_record(path)
    facts = data["machine"]
    timed = [row.timing for row in results.rows if row.timing]
    spread = max(timing.high / timing.low - 1 for timing in timed) if timed else 0.0
    lines = [
        f"`{data['command']} --record`, recorded in `benchmarks/results/{path.name}`. Machine: "
        f"{facts['cpus']}; {facts['python']}; incidents {facts['incidents']}. Load average at "
        f"the start {', '.join(map(str, facts['load_average_at_start']))}, at the end "
        f"{', '.join(map(str, data['load_average_at_end']))}. Each round times every "
        "contestant once, in the order of the table; a round is minutes long, so there are fewer "
        "than the harness's five. The slowest round of a contestant took up to "
        f"{spread:.0%} longer than its fastest.",
        "",
        *dask_lines(results),
        "",
        *target_lines([Target(**target) for target in data["targets"]]),
    ]
    return "\n".join(lines)


def blocks(path: Path = RECORD) -> tuple[dict[tuple[Path, str], str], list[Claim]]:
    """What goes between each pair of markers, and the claims of the README's prose."""
    results, data = load_record(path)
    evaluate(results)
    speed, claims = speed_sentence(results)
    return {
        (DOC, "harness"): harness_block(results, data),
        (README, "speed"): speed,
        (README, "jsonl"): jsonl_sentence(data),
        (DOC, "dask"): dask_block(path.with_name(DASK_RECORD.name)),
    }, claims


def marked(text: str, name: str) -> re.Match[str]:
    pattern = re.compile(rf"(<!-- {name}:begin -->\n)(.*?)(\n<!-- {name}:end -->)", flags=re.DOTALL)
    found = pattern.search(text)
    if found is None:
        raise SystemExit(f"no <!-- {name}:begin --> ... <!-- {name}:end --> markers")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    parser.add_argument("--record", type=Path, default=RECORD, help="the recorded run")
    args = parser.parse_args(argv)
    written, _ = blocks(args.record)
    stale = []
    for path in {path for path, _ in written}:
        text = original = path.read_text(encoding="utf-8")
        for (where, name), content in written.items():
            if where == path:
                found = marked(text, name)
                text = text[: found.start(2)] + content + text[found.end(2) :]
        if text != original:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                path.write_text(text, encoding="utf-8")
    verb = "out of date" if args.check else "rewritten"
    for path in stale:
        print(f"{path}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
