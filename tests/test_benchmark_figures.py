"""The speed figures of README.md and docs/benchmarks.md come from the recorded harness run.

``benchmarks/results/latest.json`` holds every sample of one run of ``python -m
benchmarks.run``, ``benchmarks/results/jsonl.json`` the JSON Lines runs of ``python -m
benchmarks.jsonl_memory --record``.
These tests read no clock: they check that the marked parts of the docs are what
``python -m benchmarks.report`` writes from that record, that every ratio quoted lies between
the recorded extremes, and that no speed figure is quoted anywhere else.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import report, verdicts  # noqa: E402

RECORD = ROOT / "benchmarks" / "results" / "latest.json"
#: A speed figure in prose: a number and the multiplication sign, or "3 times faster".
SPEED = re.compile(r"\d+(?:\.\d+)?\s?×|\d+(?:\.\d+)? times (?:faster|slower)")


def _samples() -> dict[tuple[str, str, str, str], list[float]]:
    data = json.loads(RECORD.read_text(encoding="utf-8"))
    return {
        (row["case"], row["size"], row["name"], row["policy"]): row["samples"]
        for row in data["rows"]
    }


def test_the_record_has_both_policies_and_at_least_five_rounds_a_figure() -> None:
    rows = json.loads(RECORD.read_text(encoding="utf-8"))["rows"]
    timed = [row for row in rows if row["samples"]]
    assert timed
    assert all(len(row["samples"]) >= 5 for row in timed)
    for case in ("load", "validate", "to_json", "from_xml"):
        assert {"on", "paused"} == {row["policy"] for row in timed if row["case"] == case}


def test_the_marked_parts_of_the_docs_are_written_from_the_record() -> None:
    written, _ = report.blocks(RECORD)
    for (path, name), content in written.items():
        found = report.marked(path.read_text(encoding="utf-8"), name)
        assert content == found.group(2), f"{path.name} {name}: run python -m benchmarks.report"


def test_every_ratio_quoted_lies_within_the_recorded_range() -> None:
    samples = _samples()
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    _, claims = report.blocks(RECORD)
    assert len(claims) >= 10
    for claim in claims:
        ours = samples[claim.case, claim.size, claim.ours, claim.policy]
        peer = samples[claim.case, claim.size, claim.peer, claim.policy]
        low, high = min(ours) / max(peer), max(ours) / min(peer)
        if claim.invert:
            low, high = 1 / high, 1 / low
        value = float(claim.text)
        slack = 0.5 if "." not in claim.text else 0.005  # the rounding of the printed figure
        assert low - slack <= value <= high + slack, (claim, low, high)
        assert f"{claim.text}×" in readme, claim


def test_the_json_lines_figures_are_the_recorded_ones() -> None:
    jsonl = RECORD.with_name("jsonl.json")
    if not jsonl.exists():
        pytest.fail("no JSON Lines runs: python -m benchmarks.jsonl_memory --record")
    runs = json.loads(jsonl.read_text(encoding="utf-8"))["jsonl"]
    largest = max(runs, key=lambda run: run["records"])
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    block = report.marked(readme, "jsonl").group(2)
    assert f"{largest['peak_rss_mb']:.0f} MB" in block
    assert f"{largest['records']:,} records" in block


def _outside_the_marks(text: str) -> str:
    return re.sub(r"<!-- (\w+):begin -->.*?<!-- \1:end -->", "", text, flags=re.DOTALL)


@pytest.mark.parametrize("name", ["README.md", "docs/benchmarks.md"])
def test_no_speed_figure_is_quoted_outside_the_written_parts(name: str) -> None:
    text = ROOT.joinpath(name).read_text(encoding="utf-8")
    text = text.split("\n## Earlier runs\n")[0]  # kept for the record, labelled as such
    found = SPEED.findall(_outside_the_marks(text))
    assert [] == found


def test_no_assertion_in_the_tests_reads_a_clock() -> None:
    """Speed is the harness's to measure: a test that asserts on a time fails here (the
    harness reports the same rule in its targets)."""
    clean, hits = verdicts.static_test_check()
    assert clean, f"assertions that read a clock: {hits}"
