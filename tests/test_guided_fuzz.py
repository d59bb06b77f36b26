"""Coverage-guided fuzzing: one Hypothesis harness for ``from_json``, ``from_jsonl``,
``from_xml`` and ``validate``, seeded with the hazard corpus and the examples.

The harness is a Hypothesis test whose input is a seed and a few mutations; its
``fuzz_one_input`` turns any byte string into one such input, so a coverage-guided engine
can drive it: ``python tests/test_guided_fuzz.py SECONDS`` runs it under atheris when atheris
is installed (libFuzzer keeps the inputs that reach new code), and otherwise feeds it random
byte strings for that long. Either way every input checks two things:

* only :class:`incidents.IncidentsError` subclasses escape the readers, and ``validate``
  returns a report without E999 (its own failure);
* the work is linear: an input of 4 KiB or more is read in at most ``SLOWER_PER_BYTE`` times
  the time per byte of the slowest seed of its format (each seed also read with one value of
  the wrong kind, the slower diagnosis path), measured the same way in the same process: a
  ratio, as tests/test_linear_time.py does, never a wall-clock limit alone.

The default suite runs a short campaign (a few seconds); ``INCIDENTS_HEAVY=1`` runs three
minutes (``.ci/run`` does): under atheris, coverage-guided, where the test extra installs it
(Linux x86-64, the Pythons it has wheels for), else random. docs/robustness.md records the
campaigns run and what they found.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import incidents
from incidents import IncidentsError

ROOT = Path(__file__).resolve().parent.parent
HAZARDS = ROOT / "tests" / "hazards"
#: How much slower per byte than the slowest seed an input may be before it counts as
#: superlinear (quadratic work on an input of 40 KB is thousands of times slower per byte).
SLOWER_PER_BYTE = 20.0
#: Inputs shorter than this are too quick to time meaningfully.
TIMED_BYTES = 4096


def _seeds() -> dict[str, list[bytes]]:
    """The corpus by format: the hazard files and the examples (JSON Lines from the JSON)."""
    json_seeds = sorted((HAZARDS / "json").glob("*.json")) + sorted(
        (ROOT / "examples").glob("*.json")
    )
    xml_seeds = sorted((HAZARDS / "xml").glob("*.xml")) + sorted((ROOT / "examples").glob("*.xml"))
    jsonl = [incidents.to_jsonl(incidents.read(path)).encode() for path in _examples("json")]
    return {
        "json": [path.read_bytes() for path in json_seeds],
        "jsonl": jsonl,
        "xml": [path.read_bytes() for path in xml_seeds],
    }


def _examples(suffix: str) -> list[Path]:
    return sorted((ROOT / "examples").glob(f"*.{suffix}"))


SEEDS = _seeds()
READERS: dict[str, Callable[[bytes], Any]] = {
    "json": incidents.from_json,
    "jsonl": incidents.from_jsonl,
    "xml": incidents.from_xml,
}


def _mutate(seed: bytes, edits: list[tuple[int, int, int, bytes]]) -> bytes:
    """Apply (kind, at, length, data) edits: delete, repeat, replace or insert a slice."""
    text = bytearray(seed)
    for kind, at, length, data in edits:
        if not text:
            text += data
            continue
        start = at % len(text)
        end = min(len(text), start + length)
        if kind == 0:
            del text[start:end]
        elif kind == 1:
            text[start:start] = text[start:end] * 3
        elif kind == 2:
            text[start:end] = data
        else:
            text[start:start] = data
    return bytes(text)


_EDIT = st.tuples(
    st.integers(0, 3),
    st.integers(0, 1 << 20),
    st.integers(0, 64),
    st.binary(max_size=16) | st.sampled_from([b"[", b"{", b'"', b"\\", b"<", b"&", b"\x00"]),
)


def _seconds(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _per_byte(format_: str, document: bytes) -> float:
    """The least time per byte of three reads (the least is the one least disturbed)."""
    read = READERS[format_]

    def once() -> None:
        with contextlib.suppress(IncidentsError):
            read(document)

    return min(_seconds(once) for _ in range(3)) / max(1, len(document))


def _baseline(format_: str) -> float:
    """The slowest per byte of the seeds of a format, each also with one value of the wrong
    kind (so read by the slower diagnosis walk, which says what is wrong and where)."""
    broken = {"json": (b'"kind": "', b'"kind": 5, "x": "'), "xml": (b' kind="', b' kind="5')}
    old, new = broken["xml" if format_ == "xml" else "json"]
    documents = [seed for seed in SEEDS[format_] if len(seed) >= TIMED_BYTES]
    documents += [seed.replace(old, new, 1) for seed in documents if old in seed]
    return max(_per_byte(format_, document) for document in documents)


BASELINES: dict[str, float] = {}


def check(format_: str, document: bytes) -> None:
    """The two properties (see the module) for one input."""
    read = READERS[format_]
    start = time.perf_counter()
    with contextlib.suppress(IncidentsError):
        read(document)
    elapsed = time.perf_counter() - start
    report = incidents.validate(document)
    assert not any(problem.code == "E999" for problem in report.problems), report.problems
    if len(document) >= TIMED_BYTES:
        baseline = BASELINES.setdefault(format_, _baseline(format_))
        if elapsed / len(document) > SLOWER_PER_BYTE * baseline:  # timed again: the least
            per_byte = _per_byte(format_, document)
            assert per_byte <= SLOWER_PER_BYTE * baseline, (format_, len(document), per_byte)


@settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(
    format_=st.sampled_from(sorted(READERS)),
    choice=st.integers(0, 1000),
    edits=st.lists(_EDIT, max_size=4),
)
def harness(format_: str, choice: int, edits: list[tuple[int, int, int, bytes]]) -> None:
    seeds = SEEDS[format_]
    check(format_, _mutate(seeds[choice % len(seeds)], edits))


def campaign(seconds: float, seed: int = 0) -> int:
    """Feed the harness random byte strings for ``seconds``; the number of executions."""
    chooser = random.Random(seed)  # noqa: S311 - reproducible, not secret
    deadline = time.monotonic() + seconds
    executions = 0
    while time.monotonic() < deadline:
        harness.hypothesis.fuzz_one_input(chooser.randbytes(chooser.randrange(8, 512)))
        executions += 1
    return executions


def test_every_seed_passes_unmutated() -> None:
    for format_, seeds in SEEDS.items():
        for seed in seeds:
            check(format_, seed)


def test_a_short_campaign() -> None:
    assert campaign(3.0) > 0


def _atheris() -> bool:
    try:
        import atheris  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.heavy
def test_a_three_minute_campaign() -> None:
    """Coverage-guided under atheris (libFuzzer) where the test extra installed it, in a
    subprocess of its own (libFuzzer owns the process and exits at the end); else random."""
    if not _atheris():
        executions = campaign(180.0, seed=20)
        print(f"guided fuzz (random, no atheris): {executions} executions in 3 minutes")
        assert executions > 0
        return
    done = subprocess.run(  # noqa: S603 - this file, under this interpreter
        [sys.executable, __file__, "180"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=ROOT,
    )
    assert 0 == done.returncode, done.stderr[-4000:]
    runs = re.search(r"Done (\d+) runs in (\d+) second", done.stderr)
    edges = re.findall(r"cov: (\d+)", done.stderr)
    assert runs, done.stderr[-4000:]
    assert edges, done.stderr[-4000:]
    print(f"guided fuzz (atheris): {runs[1]} executions in {runs[2]} s, {edges[-1]} edges")
    assert int(runs[1]) > 0


def main(seconds: float) -> None:  # pragma: no cover - a campaign in its own process
    """Run under atheris (coverage-guided) if installed, else :func:`campaign`."""
    try:
        import atheris
    except ImportError:
        executions = campaign(seconds, seed=int(time.time()))
        print(f"{executions} executions in {seconds:.0f} s, no crash")
        return
    atheris.instrument_all()  # the library's code, and the rest loaded, reports its edges
    for format_ in READERS:  # the per-byte baselines, instrumented as the inputs will be
        BASELINES[format_] = _baseline(format_)
    options = [f"-max_total_time={int(seconds)}", "-rss_limit_mb=4096", "-print_final_stats=1"]
    atheris.Setup([sys.argv[0], *options], harness.hypothesis.fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":  # pragma: no cover
    main(float(sys.argv[1]) if len(sys.argv) > 1 else float(os.environ.get("SECONDS", "60")))
