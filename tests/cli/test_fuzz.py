"""Fuzzing: mutated documents never make the library raise anything but its own errors.

Mutations start from valid generated documents (not random bytes): slices deleted, repeated
or replaced, bytes inserted, the text cut short, and JSON values replaced by arbitrary JSON.
For each, ``from_json`` / ``from_xml`` return a dataset or raise an ``IncidentsError``, and
``validate`` returns a report without raising and without E999 (its own failure).

The default run is short. ``INCIDENTS_FUZZ_EXAMPLES=20000 pytest tests/cli/test_fuzz.py`` runs a
long campaign (see docs/robustness.md).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import incidents
from incidents import IncidentsError, cli, strategies

EXAMPLES = int(os.environ.get("INCIDENTS_FUZZ_EXAMPLES", "50"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def byte_mutations(draw: st.DrawFn, document: bytes) -> bytes:
    """``document`` with one to three byte-level mutations."""
    data = bytearray(document)
    for _ in range(draw(st.integers(1, 3))):
        if not data:
            break
        start = draw(st.integers(0, len(data) - 1))
        end = draw(st.integers(start, min(len(data), start + 40)))
        action = draw(st.sampled_from(["delete", "insert", "replace", "repeat", "truncate"]))
        if action == "delete":
            del data[start:end]
        elif action == "insert":
            data[start:start] = draw(st.binary(min_size=1, max_size=8))
        elif action == "replace":
            data[start:end] = draw(st.binary(max_size=8))
        elif action == "repeat":
            data[start:start] = data[start:end] * draw(st.integers(1, 3))
        else:
            del data[start:]
    return bytes(data)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    places = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            places += _places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            places += _places(child, (*path, index))
    return places


@st.composite
def json_mutations(draw: st.DrawFn) -> bytes:
    """A valid document with a byte mutation or a value replaced by arbitrary JSON."""
    document = json.loads(incidents.to_json(draw(strategies.datasets(max_records=2))))
    if draw(st.booleans()):
        return draw(byte_mutations(json.dumps(document, ensure_ascii=False).encode()))
    path = draw(st.sampled_from(_places(document)[1:] or [("schema_version",)]))
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = draw(json_values)
    return json.dumps(document).encode()


@st.composite
def xml_mutations(draw: st.DrawFn) -> bytes:
    """A valid XML document with byte-level mutations."""
    return draw(byte_mutations(incidents.to_xml(draw(strategies.datasets(max_records=2)))))


def _only_library_errors(read: Any, document: bytes) -> None:
    with contextlib.suppress(IncidentsError):
        read(document)


def _validates_without_failing(document: bytes) -> None:
    report = incidents.validate(document)
    assert isinstance(report, incidents.Report)
    assert "E999" not in {problem.code for problem in report}, str(report)


@FUZZ
@given(json_mutations())
def test_from_json_raises_only_library_errors(document):
    """Mutated JSON is read or refused with an IncidentsError, never anything else."""
    _only_library_errors(incidents.from_json, document)


@FUZZ
@given(json_mutations())
def test_validate_never_fails_on_json(document):
    """validate() reports on mutated JSON without raising and without failing itself."""
    _validates_without_failing(document)


@FUZZ
@given(xml_mutations())
def test_from_xml_raises_only_library_errors(document):
    """Mutated XML is read or refused with an IncidentsError, never anything else."""
    _only_library_errors(incidents.from_xml, document)


@FUZZ
@given(xml_mutations())
def test_validate_never_fails_on_xml(document):
    """validate() reports on mutated XML without raising and without failing itself."""
    _validates_without_failing(document)


@FUZZ
@given(json_values)
def test_validate_never_fails_on_any_mapping(value):
    """validate() of any parsed JSON value (as a mapping under a dataset) never fails."""
    _validates_without_failing(json.dumps({"schema_version": "1.0", "actors": value}).encode())
    report = incidents.validate({"schema_version": "1.0", "incidents": [value]})
    assert "E999" not in {problem.code for problem in report}


@FUZZ
@given(
    document=st.one_of(json_mutations(), xml_mutations()),
    suffix=st.sampled_from([".json", ".xml", ".jsonl"]),
)
def test_cli_validate_reports_and_exits_cleanly(document, suffix):
    """`incidents validate FILE` on a mutated file exits 0 or 1 with no traceback, never E999."""
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(document)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["validate", "--format", "json", str(path)])
    assert code in (0, 1), err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert "E999" not in out.getvalue()
    assert str(path) == json.loads(out.getvalue())["files"][0]["path"]


def test_cli_validate_in_a_subprocess_survives_garbage(tmp_path):
    """The real entry point, run as a program on hostile bytes, reports and exits 1."""
    cases = [b"\x00\xff" * 50, b"[" * 200_000, b"<dataset", b"{" + b'"a":1,' * 1000]
    for number, content in enumerate(cases):
        path = tmp_path / f"case{number}.json"
        path.write_bytes(content)
    result = subprocess.run(  # noqa: S603 - our own program with our own arguments
        [sys.executable, "-m", "incidents", "validate", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert 1 == result.returncode, result.stderr
    assert "Traceback" not in result.stderr
    assert "4 files checked: 4 invalid" in result.stdout
