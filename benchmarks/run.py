"""The benchmark harness: incidents against its peers, on the same data, in the same run.

Run from the repository root (after ``pip install -e '.[bench]'``, or with the peers installed)::

    python -m benchmarks.run            # full: up to 100,000 records; records the run
    python -m benchmarks.run --quick    # up to 1,000 records (a few minutes); not recorded
    python -m benchmarks.report         # docs/benchmarks.md and README.md from the record

(``python benchmarks/run.py`` works too.) Every contestant of a case runs under the same
collector policy, and both policies are measured, interleaved (:mod:`benchmarks.harness`):
the collector on for all (the library's own pause switched off), and paused for all. Each
figure is the median of at least five samples with ``time.perf_counter`` after a warm-up run,
with the minimum and maximum beside it; a fast case runs in a loop and is divided by the loop
count. The samples of one case go round-robin, so a busy machine slows the contestants alike
and the ratios hold. The corpus objects are moved out of the collector's sight
(``gc.freeze``) before timing, so what one case keeps alive does not slow the collections of
another. The harness prints the tables, the ratios and which targets of issue 21 are met
(PASS) or not (MISS), and (``--record``, the default for a full run) writes every sample to
``benchmarks/results/latest.json``. Nothing here asserts on a time.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import etree

import incidents
from benchmarks import corpus
from benchmarks.harness import (
    RECORD,
    REFERENCES,
    TITLES,
    Results,
    Row,
    machine,
    machine_facts,
    measure_policies,
    merge,
    print_table,
    print_targets,
    record,
)
from benchmarks.peers import Peers, fails, jsonschema_errors, load_peers
from benchmarks.side_cases import run_cli, run_semantics, run_startup
from benchmarks.targets import evaluate, records_of
from benchmarks.verdicts import differential
from incidents._compile.gc_pause import gc_paused
from incidents.formats.converter import structure_dataset
from incidents.formats.xml import parse_xml
from incidents.validation.semantics import semantic_findings


@dataclass(frozen=True)
class Limits:
    """The largest sizes of the costly cases (the pure-Python jsonschema walk)."""

    validate: int
    problems: int
    xml: int
    cases: frozenset[str] | None = None  # None: every case


# ---------------------------------------------------------------------------- the corpus


@dataclass
class Corpus:
    """One size of the corpus in every form the cases need."""

    size: int
    data: dict[str, Any]
    json: bytes
    broken: bytes
    dataset: incidents.Dataset
    xml: bytes
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return "1 incident" if self.size == 1 else f"{corpus.records_in(self.data):,}"


def build(size: int, limits: Limits) -> Corpus:
    data = corpus.document(size)
    raw = corpus.to_bytes(data)
    broken = corpus.to_bytes(corpus.with_problems(data)) if size <= limits.problems else b""
    dataset = incidents.from_json(raw)
    xml = incidents.to_xml(dataset) if size <= limits.xml else b""
    return Corpus(size, data, raw, broken, dataset, xml)


def check(item: Corpus, peers: Peers) -> None:
    """The corpus is what it claims to be: valid for everyone, broken where it should be."""
    if item.size <= 1000:
        report = incidents.validate(item.json)
        if report.problems:
            raise SystemExit(f"corpus of size {item.size} is not clean:\n{report}")
    elif semantic_findings(item.data):
        raise SystemExit(f"corpus of size {item.size} breaks a semantic rule")
    if incidents.to_json(item.dataset).encode("utf-8") != item.json:
        raise SystemExit(f"corpus of size {item.size} is not in the library's own form")
    if peers.pydantic:
        item.extra["pydantic"] = peers.pydantic.load(item.json)
    if peers.msgspec:
        item.extra["msgspec"] = peers.msgspec.load(item.json)
    if peers.xsdata and item.xml:
        item.extra["xsdata"] = peers.xsdata.parse(item.xml)


# --------------------------------------------------------------------------------- cases

_XSD = etree.XMLSchema(etree.fromstring(incidents.xml_schema()))


def from_xml_with_xsd(document: bytes) -> incidents.Dataset:
    """``from_xml`` plus the XSD, on one parse: safe parse, XSD check, then the records.

    With the garbage collector paused for the whole call, as ``from_xml`` pauses it.
    """
    with gc_paused():
        parsed = parse_xml(document)
        if not _XSD.validate(parsed.root):
            raise ValueError(str(_XSD.error_log))
        return structure_dataset(parsed.data)


def run_size(item: Corpus, peers: Peers, results: Results, repeats: int, limits: Limits) -> None:
    groups: dict[str, dict[str, Callable[[], object]]] = {}
    raw, broken, xml = item.json, item.broken, item.xml

    # Typed load: bytes -> validated objects.
    load = groups["load"] = {
        "json.loads (floor)": lambda: json.loads(raw),
        "incidents.from_json": lambda: incidents.from_json(raw),
    }
    if peers.pydantic:
        load["pydantic model_validate_json"] = lambda: peers.pydantic.load(raw)
    if peers.msgspec:
        load["msgspec typed decode"] = lambda: peers.msgspec.load(raw)

    # validate: a valid file, and one with problems.
    if item.size <= limits.validate:
        valid = groups["validate"] = {
            "incidents.validate": lambda: incidents.validate(raw),
            "jsonschema (loads + iter_errors)": lambda: jsonschema_errors(peers.jsonschema, raw),
        }
        if peers.jsonschema_rs:
            rust = peers.jsonschema_rs
            valid["jsonschema-rs (loads + is_valid)"] = lambda: rust.is_valid(json.loads(raw))
    else:
        note = f"skipped above {limits.validate:,} records"
        results.rows.append(Row("validate", item.label, "incidents.validate", None, note))
    if item.size <= limits.problems:
        problems = groups["problems"] = {
            "incidents.validate": lambda: incidents.validate(broken),
            "jsonschema (loads + iter_errors)": lambda: jsonschema_errors(peers.jsonschema, broken),
        }
        if peers.pydantic:
            problems["pydantic (all errors)"] = lambda: fails(peers.pydantic.load, broken)

    # Writing.
    dumps = groups["to_json"] = {
        "json.dumps indent=2 (floor)": lambda: corpus.to_bytes(item.data),
        "incidents.to_json": lambda: incidents.to_json(item.dataset),
    }
    if "pydantic" in item.extra:
        model = item.extra["pydantic"]
        dumps["pydantic model_dump_json"] = lambda: peers.pydantic.dump(model)
    if "msgspec" in item.extra:
        struct = item.extra["msgspec"]
        dumps["msgspec encode + format"] = lambda: peers.msgspec.dump(struct)
    if item.size > limits.xml:
        return _measure(groups, item, results, repeats, limits)
    writes = groups["to_xml"] = {"incidents.to_xml": lambda: incidents.to_xml(item.dataset)}
    if "xsdata" in item.extra:
        bound = item.extra["xsdata"]
        writes["xsdata XmlSerializer"] = lambda: peers.xsdata.render(bound)

    # Reading XML.
    reads = groups["from_xml"] = {
        "lxml fromstring (floor)": lambda: etree.fromstring(xml),
        "incidents.from_xml": lambda: incidents.from_xml(xml),
        "incidents.from_xml + XSD": lambda: from_xml_with_xsd(xml),
    }
    if item.size <= limits.validate:
        reads["incidents.validate (XML)"] = lambda: incidents.validate(xml)
    if peers.xsdata:
        reads["xsdata XmlParser"] = lambda: peers.xsdata.parse(xml)

    _measure(groups, item, results, repeats, limits)


def _measure(
    groups: dict[str, dict[str, Callable[[], object]]],
    item: Corpus,
    results: Results,
    repeats: int,
    limits: Limits,
) -> None:
    for case, functions in groups.items():
        if limits.cases is not None and case not in limits.cases:
            continue
        estimates = {name: _estimate(results, case, name, item) for name in functions}
        measured = measure_policies(functions, repeats, estimates=estimates)
        for policy, timings in measured.items():
            for name, timing in timings.items():
                results.rows.append(Row(case, item.label, name, timing, policy=policy))


def _estimate(results: Results, case: str, name: str, item: Corpus) -> float:
    """This case's time at the previous size, scaled to this size (0 if not measured)."""
    records = corpus.records_in(item.data)
    for row in reversed(results.rows):
        if row.case == case and row.name == name and row.timing is not None:
            return row.timing.median * records / records_of(row.size)
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 1,000 records")
    parser.add_argument("--sizes", help="comma-separated record counts (default by mode)")
    parser.add_argument("--repeats", type=int, help="rounds per case (at least 5; default 5)")
    parser.add_argument("--validate-max", type=int, help="largest size for the validate cases")
    parser.add_argument("--problems-max", type=int, default=1000, help="largest 'problems' size")
    parser.add_argument("--xml-max", type=int, default=100_000, help="largest size for XML cases")
    parser.add_argument("--record-path", type=Path, default=RECORD, help="where to record")
    parser.add_argument("--cases", help="only these size cases (comma-separated), no side cases")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="with --cases: replace those cases' rows in the record, keep the rest",
    )
    parser.add_argument("--cli-files", type=int, default=1000, help="files for the CLI case")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI case")
    parser.add_argument(
        "--record", action=argparse.BooleanOptionalAction, help="write the record (full: yes)"
    )
    args = parser.parse_args(argv)

    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else ([1, 100, 1000] if args.quick else [1, 100, 1000, 10_000, 100_000])
    )
    semantic_sizes = [1000, 10_000] if args.quick else [1000, 10_000, 100_000]
    repeats = max(args.repeats or 5, 5)
    cases = frozenset(args.cases.split(",")) if args.cases else None
    limits = Limits(
        args.validate_max or (1000 if args.quick else 10_000),
        args.problems_max,
        args.xml_max,
        cases,
    )
    mode = "quick" if args.quick else "full"
    command = " ".join(["python -m benchmarks.run", *(argv if argv is not None else sys.argv[1:])])

    started = time.perf_counter()
    print(f"# incidents benchmarks ({mode})\n")
    print(f"command: {command}")
    facts = machine_facts()
    for line in machine(facts):
        print(line)
    peers = load_peers()
    for missing in peers.missing:
        print(f"peer not available, its rows are left out: {missing}")
    print(
        f"sizes: {', '.join(f'{s:,}' for s in sizes)}; "
        f"semantics: {', '.join(f'{s:,}' for s in semantic_sizes)}; "
        f"validate up to {limits.validate:,}, problems up to {limits.problems:,}, "
        f"XML up to {limits.xml:,}; "
        f"median of {repeats} rounds, collector on for all and paused for all"
    )
    sys.stdout.flush()

    results = Results()
    results.notes.extend(f"peer not available: {missing}" for missing in peers.missing)
    for size in sizes:
        item = build(size, limits)
        check(item, peers)
        gc.freeze()
        try:
            run_size(item, peers, results, repeats, limits)
        finally:
            gc.unfreeze()
        print(f"  size {item.label}: done ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        del item
        gc.collect()
    if cases is not None:
        for case, title in TITLES.items():
            rows = [row for row in results.rows if row.case == case]
            print_table(title, rows, REFERENCES[case])
        if args.merge:
            merge(results, cases, command, facts, args.record_path)
            print(f"merged into {args.record_path}")
        elif args.record:
            record(results, command, facts, args.record_path)
        return 0
    run_semantics(semantic_sizes, results, repeats)
    run_startup(results, 10 if args.quick else 20)
    if not args.no_cli:
        run_cli(args.cli_files, results, 1 if args.quick else 2, peers)
    verdicts = results.extra["verdicts"] = differential(peers, 150 if args.quick else 600)

    print("\n## Results\n")
    print("Times are per call, the median of the rounds with their minimum and maximum; 'x ours'")
    print("divides the medians by the incidents row of the same size and policy (from_xml: by")
    print("from_xml + XSD), so a peer above 1 is slower than incidents and below 1 faster.")
    for case, title in TITLES.items():
        print_table(title, [row for row in results.rows if row.case == case], REFERENCES[case])

    evaluate(results)
    print_verdicts(verdicts, peers)
    print_targets(results)
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"\ntotal time: {time.perf_counter() - started:.0f} s; load average at the end: {load}")
    if args.record if args.record is not None else not args.quick:
        record(results, command, facts, args.record_path)
        print(f"recorded: {args.record_path} (python -m benchmarks.report writes the docs)")
    if peers.xsdata:
        peers.xsdata.close()
    return 0


def print_verdicts(verdicts: dict[str, Any], peers: Peers) -> None:
    print("\n## Differential corpus\n")
    print(
        f"{verdicts['documents']} documents (3 valid, the rest one mutation each; "
        f"{verdicts['invalid']} invalid for from_json):"
    )
    print(
        f"- validate's schema verdict (no E1xx/E2xx) equals plain jsonschema's on "
        f"{verdicts['validate_agrees']}/{verdicts['documents']}"
    )
    for name, agreed in verdicts["peers_agree"].items():
        if getattr(peers, name) is not None:
            total = verdicts["documents"]
            print(f"- {name} accepts exactly what from_json accepts on {agreed}/{total}")
    for name, found in verdicts["disagreements"].items():
        for line in found[:3]:
            print(f"  - {name} disagrees: {line}")

    print("\n### Edge cases (not part of the targets)\n")
    print("| document | jsonschema | incidents.validate | from_json | pydantic | msgspec |")
    print("|---|---|---|---|---|---|")
    for name, found in verdicts["edges"]:
        print(f"| {name} | {' | '.join(found)} |")


if __name__ == "__main__":
    sys.exit(main())
