"""The benchmark harness: incidents against its peers, on the same data, in the same run.

Run from the repository root (after ``pip install -e '.[bench]'``, or with the peers installed)::

    python -m benchmarks.run            # full: up to 100,000 records (about 10 minutes)
    python -m benchmarks.run --quick    # up to 1,000 records (about a minute)

(``python benchmarks/run.py`` works too.) Every time is the best of several repeats with
``time.perf_counter`` after a warm-up run, in one process, on one generated corpus
(:mod:`benchmarks.corpus`); a fast case runs in a loop and is divided by the loop count. The
implementations of one case are sampled in turn (round-robin), so a busy machine slows them
alike and the ratios hold. A case expected to take over 5 s (from its time at the previous
size) is not warmed up again and is sampled once. The
corpus objects are moved out of the garbage collector's sight (``gc.freeze``) before timing,
so what one case keeps alive does not slow the collections of another; the collector itself
stays on, as it is for users. The harness prints the tables, the ratios, and which targets are
met (PASS) or not (MISS). Nothing here asserts on a time.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jsonschema
from lxml import etree

import incidents
from benchmarks import corpus
from incidents._compile.gc_pause import gc_paused
from incidents.formats.converter import structure_dataset
from incidents.formats.xml import parse_xml
from incidents.validation.semantics import semantic_findings

ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------- timing


@dataclass
class Timing:
    """The best time of one case for one implementation, in seconds per call."""

    best: float
    repeats: int
    loops: int


def _loops(warm: float) -> int:
    """Calls per sample: short calls run in a loop of about 50 ms."""
    return 1 if warm >= 0.02 else min(1000, max(1, int(0.05 / max(warm, 1e-7))))


def _repeats(repeats: int, warm: float) -> int:
    """Long calls are sampled fewer times: over 5 s once, over 0.5 s at most three times."""
    if warm > 5:
        return 1
    if warm > 0.5:
        return min(repeats, 3)
    return repeats


def measure_group(
    functions: dict[str, Callable[[], object]],
    repeats: int,
    warm_ups: dict[str, Callable[[], object]] | None = None,
    estimates: dict[str, float] | None = None,
) -> dict[str, Timing]:
    """Time competing implementations of one case, interleaved.

    Each function is warmed up once (or with its ``warm_ups`` entry instead, for cases too
    long to run for nothing; its loop count is then 1); then the samples go round-robin, one
    of each implementation per round, and each keeps its best. Interleaving makes a busy
    machine slow every implementation alike, so the ratios hold even when the times wobble.

    A function whose ``estimates`` entry (seconds, from the previous size) is over 5 s is not
    warmed up again: the smaller size ran the same code a moment before, and the group then
    takes one sample of each.
    """
    warm_ups = warm_ups or {}
    estimates = estimates or {}
    loops: dict[str, int] = {}
    rounds = repeats
    for name, function in functions.items():
        if estimates.get(name, 0.0) > 5:
            loops[name] = 1
            rounds = 1
            continue
        gc.collect()
        start = time.perf_counter()
        warm_ups.get(name, function)()
        warm = time.perf_counter() - start
        loops[name] = 1 if name in warm_ups else _loops(warm)
        rounds = min(rounds, _repeats(repeats, warm))
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(rounds):
        for name, function in functions.items():
            gc.collect()
            start = time.perf_counter()
            for _ in range(loops[name]):
                function()
            best[name] = min(best[name], (time.perf_counter() - start) / loops[name])
    return {name: Timing(best[name], rounds, loops[name]) for name in functions}


def show_time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


# ------------------------------------------------------------------------------ results


@dataclass
class Row:
    case: str
    size: str
    name: str
    timing: Timing | None
    note: str = ""


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

    def time(self, case: str, size: str, name: str) -> float | None:
        for row in self.rows:
            if (row.case, row.size, row.name) == (case, size, name) and row.timing:
                return row.timing.best
        return None


def print_targets(results: Results) -> None:
    """The targets met and missed, as a Markdown table, then the notes."""
    print("\n## Targets\n")
    print("| target | goal | measured | verdict |")
    print("|---|---|---|---|")
    for target in results.targets:
        verdict = "not measured" if target.met is None else "PASS" if target.met else "MISS"
        print(f"| {target.name} | {target.goal} | {target.measured} | {verdict} |")
    for note in results.notes:
        print(f"\nnote: {note}")


def print_table(title: str, rows: list[Row], reference: str) -> None:
    """One case: a markdown table of times and ratios to ``reference`` (ours)."""
    if not rows:
        return
    print(f"\n### {title}\n")
    print("| records | implementation | time | x ours | repeats x loops |")
    print("|---:|---|---:|---:|---|")
    ours = {row.size: row.timing.best for row in rows if row.name == reference and row.timing}
    for row in rows:
        if row.timing is None:
            print(f"| {row.size} | {row.name} | - | - | {row.note} |")
            continue
        base = ours.get(row.size)
        ratio = f"{row.timing.best / base:.2f}" if base else "-"
        runs = f"{row.timing.repeats} x {row.timing.loops}"
        note = f" ({row.note})" if row.note else ""
        print(
            f"| {row.size} | {row.name} | {show_time(row.timing.best)} | {ratio} | {runs}{note} |"
        )
    sys.stdout.flush()


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


def build(size: int, validate_max: int) -> Corpus:
    data = corpus.document(size)
    raw = corpus.to_bytes(data)
    broken = corpus.to_bytes(corpus.with_problems(data)) if size <= validate_max else b""
    dataset = incidents.from_json(raw)
    return Corpus(size, data, raw, broken, dataset, incidents.to_xml(dataset))


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
    if peers.xsdata:
        item.extra["xsdata"] = peers.xsdata.parse(item.xml)


# --------------------------------------------------------------------------------- peers


@dataclass
class Peers:
    pydantic: Any = None
    msgspec: Any = None
    xsdata: Any = None
    jsonschema: Any = None
    jsonschema_rs: Any = None
    missing: list[str] = field(default_factory=list)


def load_peers() -> Peers:
    peers = Peers()
    schema = incidents.json_schema()
    peers.jsonschema = jsonschema.Draft202012Validator(schema)
    try:
        from benchmarks import peers_pydantic

        peers.pydantic = peers_pydantic
    except ImportError as error:
        peers.missing.append(f"pydantic ({error})")
    try:
        from benchmarks import peers_msgspec

        peers.msgspec = peers_msgspec
    except ImportError as error:
        peers.missing.append(f"msgspec ({error})")
    try:
        from benchmarks.peers_xsdata import Binding

        peers.xsdata = Binding()
    except (ImportError, subprocess.CalledProcessError, OSError) as error:
        peers.missing.append(f"xsdata ({error})")
    try:
        import jsonschema_rs

        peers.jsonschema_rs = jsonschema_rs.validator_for(schema)
    except ImportError as error:
        peers.missing.append(f"jsonschema-rs ({error})")
    return peers


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


def jsonschema_errors(validator: Any, document: bytes) -> list[Any]:
    return list(validator.iter_errors(json.loads(document)))


def run_size(item: Corpus, peers: Peers, results: Results, repeats: int, validate_max: int) -> None:
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
    if item.size <= validate_max:
        valid = groups["validate"] = {
            "incidents.validate": lambda: incidents.validate(raw),
            "jsonschema (loads + iter_errors)": lambda: jsonschema_errors(peers.jsonschema, raw),
        }
        if peers.jsonschema_rs:
            rust = peers.jsonschema_rs
            valid["jsonschema-rs (loads + is_valid)"] = lambda: rust.is_valid(json.loads(raw))
        problems = groups["problems"] = {
            "incidents.validate": lambda: incidents.validate(broken),
            "jsonschema (loads + iter_errors)": lambda: jsonschema_errors(peers.jsonschema, broken),
        }
        if peers.pydantic:
            problems["pydantic (all errors)"] = lambda: _fails(peers.pydantic.load, broken)
    else:
        note = f"skipped above {validate_max:,} records"
        for case in ("validate", "problems"):
            results.rows.append(Row(case, item.label, "incidents.validate", None, note))

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
    if item.size <= validate_max:
        reads["incidents.validate (XML)"] = lambda: incidents.validate(xml)
    if peers.xsdata:
        reads["xsdata XmlParser"] = lambda: peers.xsdata.parse(xml)

    for case, functions in groups.items():
        estimates = {name: _estimate(results, case, name, item) for name in functions}
        for name, timing in measure_group(functions, repeats, estimates=estimates).items():
            results.rows.append(Row(case, item.label, name, timing))


def _estimate(results: Results, case: str, name: str, item: Corpus) -> float:
    """This case's time at the previous size, scaled to this size (0 if not measured)."""
    records = corpus.records_in(item.data)
    for row in reversed(results.rows):
        if row.case == case and row.name == name and row.timing is not None:
            return row.timing.best * records / _records(row.size)
    return 0.0


def _fails(function: Callable[[bytes], object], document: bytes) -> bool:
    try:
        function(document)
    except Exception:  # the peer's validation error, whatever its class
        return True
    return False


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


def run_semantics(
    sizes: Iterable[int], results: Results, repeats: int
) -> list[tuple[int, float, float]]:
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
    measured = []
    for size in documents:
        timing = timings[f"{size:,}"]
        results.rows.append(Row("semantics", f"{size:,}", "semantic_findings", timing))
        floor = timings[f"{size:,} floor"]
        results.rows.append(Row("semantics", f"{size:,}", "walk every value (floor)", floor))
        measured.append((size, timing.best, floor.best))
    del documents
    gc.collect()
    return measured


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


# ------------------------------------------------------------------------- differential


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
        typed = not _fails(incidents.from_json, raw)
        invalid += not typed
        if plain == ours:
            agree_schema += 1
        else:
            disagreements["validate vs jsonschema"].append(_first_line(report))
        for name in ("pydantic", "msgspec"):
            module = getattr(peers, name)
            if module is None:
                continue
            verdict = not _fails(module.load, raw)
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
            "accepts" if not _fails(incidents.from_json, raw) else "rejects",
        ]
        for module in (peers.pydantic, peers.msgspec):
            if module is None:
                verdicts_here.append("-")
            else:
                verdicts_here.append("accepts" if not _fails(module.load, raw) else "rejects")
        edges.append((name, verdicts_here))
    return {
        "edges": edges,
        "documents": len(everything),
        "invalid": invalid,
        "validate_agrees": agree_schema,
        "peers_agree": peer_agree,
        "disagreements": disagreements,
    }


def _first_line(report: incidents.Report) -> str:
    return str(report).splitlines()[0][:160] if report.problems else "no problem"


# ----------------------------------------------------------------------------- machine


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    packages = [
        "incidents",
        "attrs",
        "cattrs",
        "jsonschema",
        "jsonschema-rs",
        "lxml",
        "pydantic",
        "pydantic-core",
        "msgspec",
        "xsdata",
    ]
    versions = []
    for name in packages:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            if name == "incidents":  # run from the work tree without being installed
                versions.append(f"incidents {incidents.__version__} (work tree)")
            else:
                versions.append(f"{name} (not installed)")
    commit = subprocess.run(  # noqa: S603 - a fixed git command
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return [
        f"machine: nproc {len(os.sched_getaffinity(0))} ({os.cpu_count()} CPUs), {cpu}, "
        f"{platform.system()} {platform.release()}",
        f"python: {platform.python_implementation()} {platform.python_version()}",
        f"packages: {', '.join(versions)}",
        f"incidents at: {commit or 'unknown'}",
        "load average (1, 5, 15 min) at start: " + ", ".join(f"{v:.2f}" for v in os.getloadavg()),
    ]


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


# -------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 1,000 records")
    parser.add_argument("--sizes", help="comma-separated record counts (default by mode)")
    parser.add_argument("--repeats", type=int, help="best of N (default 3 quick, 5 full)")
    parser.add_argument("--validate-max", type=int, help="largest size for the validate cases")
    parser.add_argument("--cli-files", type=int, default=1000, help="files for the CLI case")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI case")
    args = parser.parse_args(argv)

    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else ([1, 100, 1000] if args.quick else [1, 100, 1000, 10_000, 100_000])
    )
    semantic_sizes = [1000, 10_000] if args.quick else [1000, 10_000, 100_000]
    repeats = args.repeats or (3 if args.quick else 5)
    validate_max = args.validate_max or (1000 if args.quick else 10_000)
    mode = "quick" if args.quick else "full"
    command = "python -m benchmarks.run" + (" --quick" if args.quick else "")

    started = time.perf_counter()
    print(f"# incidents benchmarks ({mode})\n")
    print(
        f"command: {command}"
        + (f" (argv: {' '.join(argv or sys.argv[1:])})" if argv or sys.argv[1:] else "")
    )
    for line in machine():
        print(line)
    peers = load_peers()
    for missing in peers.missing:
        print(f"peer not available, its rows are left out: {missing}")
    print(
        f"sizes: {', '.join(f'{s:,}' for s in sizes)}; "
        f"semantics: {', '.join(f'{s:,}' for s in semantic_sizes)}; "
        f"validate up to {validate_max:,}; best of {repeats}"
    )
    sys.stdout.flush()

    results = Results()
    for size in sizes:
        item = build(size, validate_max)
        check(item, peers)
        gc.freeze()
        try:
            run_size(item, peers, results, repeats, validate_max)
        finally:
            gc.unfreeze()
        print(f"  size {item.label}: done ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        del item
        gc.collect()
    semantics = run_semantics(semantic_sizes, results, repeats)
    run_startup(results, 10 if args.quick else 20)
    if not args.no_cli:
        run_cli(args.cli_files, results, 1 if args.quick else 2, peers)
    verdicts = differential(peers, 150 if args.quick else 600)

    titles = {
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
    references = {
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
    print("\n## Results\n")
    print(
        "Times are per call; 'x ours' divides by the incidents row of the same size (from_xml: by"
    )
    print("from_xml + XSD), so a peer above 1 is slower than incidents and below 1 faster.")
    for case, title in titles.items():
        print_table(title, [row for row in results.rows if row.case == case], references[case])

    evaluate(results, sizes, semantics, verdicts)
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

    print_targets(results)
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"\ntotal time: {time.perf_counter() - started:.0f} s; load average at the end: {load}")
    if peers.xsdata:
        peers.xsdata.close()
    return 0


def evaluate(
    results: Results,
    sizes: list[int],
    semantics: list[tuple[int, float, float]],
    verdicts: dict[str, Any],
) -> None:
    labels = sorted({row.size for row in results.rows if row.case == "load"}, key=_records)

    def ratios(case: str, ours: str, peer: str, invert: bool = False) -> list[tuple[str, float]]:
        found = []
        for label in labels:
            mine, theirs = results.time(case, label, ours), results.time(case, label, peer)
            if mine and theirs:
                found.append((label, theirs / mine if invert else mine / theirs))
        return found

    def listing(values: list[tuple[str, float]]) -> str:
        return ", ".join(f"{label}: {value:.2f}x" for label, value in values) or "-"

    load = ratios("load", "incidents.from_json", "pydantic model_validate_json")
    results.targets.append(
        Target(
            "typed load vs pydantic",
            "from_json ≤ 1.5 x model_validate_json, every size",
            listing(load),
            all(value <= 1.5 for _, value in load) if load else None,
        )
    )
    validate = ratios(
        "validate", "incidents.validate", "jsonschema (loads + iter_errors)", invert=True
    )
    same = verdicts["validate_agrees"] == verdicts["documents"]
    results.targets.append(
        Target(
            "validate vs jsonschema",
            "≥ 20x faster on valid files, every size; identical verdicts",
            f"{listing(validate)} faster; verdicts "
            f"{verdicts['validate_agrees']}/{verdicts['documents']} equal",
            (all(value >= 20 for _, value in validate) and same) if validate else None,
        )
    )
    xml = ratios("from_xml", "incidents.from_xml + XSD", "xsdata XmlParser", invert=True)
    results.targets.append(
        Target(
            "from_xml + XSD vs xsdata",
            "≥ 3x faster than the xsdata binding, every size",
            f"{listing(xml)} faster",
            all(value >= 3 for _, value in xml) if xml else None,
        )
    )
    steps = [
        (f"{small:,}→{large:,}", large_time / small_time, large_floor / small_floor)
        for (small, small_time, small_floor), (
            large,
            large_time,
            large_floor,
        ) in itertools.pairwise(semantics)
    ]
    results.targets.append(
        Target(
            "semantic checks O(n)",
            "10x the records ≤ 11x the time",
            listing([(label, value) for label, value, _ in steps])
            + " (a walk over every value of the same data: "
            + ", ".join(f"{floor:.2f}x" for _, _, floor in steps)
            + ")",
            all(value <= 11 for _, value, _ in steps) if steps else None,
        )
    )
    clean, hits = static_test_check()
    results.targets.append(
        Target(
            "no timed assertions in tests",
            "no assert reads a clock in tests/",
            "none found" if clean else ", ".join(hits[:6]),
            clean,
        )
    )
    results.targets.append(Target("harness prints ratios and verdicts", "this table", "yes", True))
    del sizes


def _records(label: str) -> int:
    return 1 if label == "1 incident" else int(label.replace(",", ""))


if __name__ == "__main__":
    sys.exit(main())
