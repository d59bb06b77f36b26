"""Verdicts, not times: the differential corpus and the test suite's freedom from timed asserts."""

from __future__ import annotations

import re
from typing import Any

import incidents
from benchmarks import corpus
from benchmarks.harness import ROOT
from benchmarks.peers import Peers, fails


def differential(peers: Peers, count: int) -> dict[str, Any]:
    """Verdicts on valid documents and single mutations of them: who agrees with whom."""
    documents = [corpus.document(size, seed=seed) for size, seed in ((14, 1), (24, 2), (34, 3))]
    mutated = [m for base in documents for m in corpus.mutations(base, count // 3, seed=len(base))]
    everything = documents + mutated
    agree_schema = 0
    disagreements: dict[str, list[str]] = {
        "validate vs jsonschema": [],
        "pydantic": [],
        "msgspec": [],
    }
    peer_agree = {"pydantic": 0, "msgspec": 0}
    invalid = 0
    for data in everything:
        raw = corpus.to_bytes(data)
        plain = peers.jsonschema.is_valid(data)
        report = incidents.validate(raw)
        ours = not any(problem.code[:2] in ("E1", "E2") for problem in report.problems)
        typed = not fails(incidents.from_json, raw)
        invalid += not typed
        if plain == ours:
            agree_schema += 1
        else:
            disagreements["validate vs jsonschema"].append(_first_line(report))
        for name in ("pydantic", "msgspec"):
            module = getattr(peers, name)
            if module is None:
                continue
            verdict = not fails(module.load, raw)
            if verdict == typed:
                peer_agree[name] += 1
            else:
                disagreements[name].append(
                    f"from_json {'accepts' if typed else 'rejects'}; {_first_line(report)}"
                )
    edges = []
    for name, data in corpus.edge_cases():
        raw = corpus.to_bytes(data)
        report = incidents.validate(raw)
        codes = " ".join(sorted({problem.code for problem in report.problems})) or "none"
        verdicts_here = [
            "valid" if peers.jsonschema.is_valid(data) else "invalid",
            f"{'valid' if report.ok else 'invalid'} ({codes})",
            "accepts" if not fails(incidents.from_json, raw) else "rejects",
        ]
        for module in (peers.pydantic, peers.msgspec):
            if module is None:
                verdicts_here.append("-")
            else:
                verdicts_here.append("accepts" if not fails(module.load, raw) else "rejects")
        edges.append((name, verdicts_here))
    return {
        "edges": edges,
        "documents": len(everything),
        "invalid": invalid,
        "validate_agrees": agree_schema,
        "peers_agree": peer_agree,
        "disagreements": disagreements,
        "no_timed_asserts": static_test_check(),
    }


def _first_line(report: incidents.Report) -> str:
    return str(report).splitlines()[0][:160] if report.problems else "no problem"


def static_test_check() -> tuple[bool, list[str]]:
    """Whether the test suite has no timed assertions (an ``assert`` that reads a clock).

    A clock read elsewhere (a deadline for a wait loop) is not an assertion on speed.
    """
    clock = re.compile(r"perf_counter|time\.time\(|timeit|time\.monotonic|process_time")
    hits = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "tests").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.lstrip().startswith("assert") and clock.search(line)
    ]
    return not hits, hits
