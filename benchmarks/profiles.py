"""Where the time goes: cProfile of one hot path on one corpus size.

    python -m benchmarks.profiles load --size 100000
    python -m benchmarks.profiles validate --size 10000
    python -m benchmarks.profiles to_json --size 100000
    python -m benchmarks.profiles from_xml --size 100000
    python -m benchmarks.profiles semantics --size 100000
    python -m benchmarks.profiles all --size 10000 --top 20

Prints, for each case, the functions with the largest cumulative time (the time spent in the
function and everything it calls) as a percentage of the whole call, and those with the
largest own time. cProfile slows pure-Python code down more than C code, so read the
percentages as where to look, not as exact shares.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import incidents
from benchmarks import corpus
from incidents.validation.semantics import semantic_findings

CASES = ("load", "validate", "to_json", "from_xml", "semantics")

#: The stages of each hot path: (file, function) pairs shown first, in this order.
STAGES = {
    "load": [
        ("formats/json.py", "load_json_quickly"),
        ("formats/_fast_json.py", "read"),
        ("json/decoder.py", "raw_decode"),
        ("_compile/loaders.py", "load"),
        ("model/_fields.py", "settled"),
        ("model/dates.py", "_parse_cached"),
        ("formats/_strict_json.py", "parse_json"),
        ("formats/converter.py", "structure_dataset"),
    ],
    "validate": [
        ("validation/validator.py", "_quick_report"),
        ("formats/json.py", "check_json_quickly"),
        ("formats/_fast_json.py", "read"),
        ("json/decoder.py", "raw_decode"),
        ("validation/semantics.py", "semantic_findings"),
        ("formats/_strict_json.py", "parse_json"),
        ("validation/_schema_layer.py", "schema_findings"),
        ("validation/_model_layer.py", "model_findings"),
    ],
    "to_json": [
        ("formats/converter.py", "unstructure_dataset"),
        ("formats/_fast_json.py", "dumps"),
        ("json/encoder.py", "encode"),
    ],
    "from_xml": [
        ("formats/xml.py", "parse_xml"),
        ("formats/xml.py", "_parse"),
        ("formats/_xml_tree.py", "__init__"),
        ("formats/converter.py", "structure_dataset"),
        ("_compile/loaders.py", "load"),
    ],
    "semantics": [
        ("validation/semantics.py", "semantic_findings"),
        ("_compile/semantic_plan.py", "unresolved"),
        ("validation/semantics.py", "_event_when"),
        ("validation/semantics.py", "_measure_dates"),
        ("validation/semantics.py", "_citations"),
        ("validation/semantics.py", "late"),
        ("validation/semantics.py", "cycles"),
    ],
}


def _function_name(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return name  # a built-in: "<method 'search' of 're.Pattern' objects>"
    path = Path(filename)
    parts = path.parts
    if "incidents" in parts:
        where = "/".join(parts[parts.index("incidents") :])
    elif "site-packages" in parts:
        where = "/".join(parts[parts.index("site-packages") + 1 :])
    else:
        where = path.name
    return f"{where}:{line}({name})"


def report(
    title: str,
    function: Callable[[object], object],
    inputs: tuple[object, object],
    top: int,
    stages: list[tuple[str, str]],
) -> None:
    """Profile ``function(inputs[1])`` after a warm-up call on the small ``inputs[0]``."""
    small, large = inputs
    function(small)  # warm-up (caches, compiled schemas, imports) without a second long run
    gc.collect()
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    function(large)
    profiler.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]
    total = max(cumulative for _, _, _, cumulative, _ in entries.values())
    print(f"\n### {title}: {wall:.2f} s under cProfile\n")
    print("by stage:\n")
    print("| cumulative | calls | stage |")
    print("|---:|---:|---|")
    for filename, function_name in stages:
        matches = [
            (calls, cumulative)
            for (path, _, name), (_, calls, _, cumulative, _) in entries.items()
            if name == function_name and path.endswith(filename)
        ]
        if matches:  # same-named functions of one file (the field checks' __call__) add up
            calls = sum(calls for calls, _ in matches)
            cumulative = sum(cumulative for _, cumulative in matches)
            print(f"| {cumulative / total:5.1%} | {calls:,} | `{filename}({function_name})` |")
    print("\nlargest cumulative time:\n")
    print("| cumulative | own | calls | function |")
    print("|---:|---:|---:|---|")
    by_cumulative = sorted(entries.items(), key=lambda item: item[1][3], reverse=True)
    shown = 0
    for key, (_, calls, own, cumulative, _) in by_cumulative:
        name = _function_name(key)
        if name.startswith(("<built-in method builtins.exec>", "run.py", "profiles.py")):
            continue
        print(f"| {cumulative / total:5.1%} | {own / total:5.1%} | {calls:,} | `{name}` |")
        shown += 1
        if shown >= top:
            break
    print("\nlargest own time:\n")
    print("| own | cumulative | calls | function |")
    print("|---:|---:|---:|---|")
    for key, (_, calls, own, cumulative, _) in sorted(
        entries.items(), key=lambda item: item[1][2], reverse=True
    )[: max(5, top // 2)]:
        print(
            f"| {own / total:5.1%} | {cumulative / total:5.1%} | {calls:,} "
            f"| `{_function_name(key)}` |"
        )
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("case", choices=(*CASES, "all"))
    parser.add_argument("--size", type=int, default=10_000, help="records (default 10,000)")
    parser.add_argument("--top", type=int, default=15, help="rows per table")
    args = parser.parse_args(argv)
    data, small = corpus.document(args.size), corpus.document(100)
    raw, small_raw = corpus.to_bytes(data), corpus.to_bytes(small)
    print(f"# profiles at {corpus.records_in(data):,} records ({len(raw) / 1e6:.1f} MB of JSON)")
    for case in CASES if args.case == "all" else (args.case,):
        if case == "load":
            inputs: tuple[object, object] = (small_raw, raw)
            report("incidents.from_json", incidents.from_json, inputs, args.top, STAGES[case])
        elif case == "validate":
            title = "incidents.validate (valid file)"
            report(title, incidents.validate, (small_raw, raw), args.top, STAGES[case])
        elif case == "to_json":
            datasets = (incidents.from_json(small_raw), incidents.from_json(raw))
            report("incidents.to_json", incidents.to_json, datasets, args.top, STAGES[case])
        elif case == "from_xml":
            xml = incidents.to_xml(incidents.from_json(raw))
            small_xml = incidents.to_xml(incidents.from_json(small_raw))
            report(
                "incidents.from_xml", incidents.from_xml, (small_xml, xml), args.top, STAGES[case]
            )
        else:
            report("semantic_findings", semantic_findings, (small, data), args.top, STAGES[case])
    return 0


if __name__ == "__main__":
    sys.exit(main())
