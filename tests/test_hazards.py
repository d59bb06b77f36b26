"""The hazard corpus: every hostile or broken document gets its library error and code.

See tests/hazards/README.md. Each case runs through from_json/from_xml, validate and read;
no socket may be opened and the bait file's marker may never appear anywhere.
"""

from __future__ import annotations

import gzip
import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import incidents

HERE = Path(__file__).resolve().parent / "hazards"
MARKER = "HAZARD-SECRET-7f3a9c"


class Hazard(NamedTuple):
    """One hostile document and the problem codes it must produce (any of ``codes``)."""

    name: str
    codes: frozenset[str]
    content: Callable[[], bytes]
    #: Takes many seconds (runs with ``INCIDENTS_HEAVY=1``, as ``.ci/run`` does).
    heavy: bool = False


def _file(relative: str) -> Callable[[], bytes]:
    return lambda: (HERE / relative).read_bytes()


def _deep_json() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


def _huge_string(megabytes: int) -> Callable[[], bytes]:
    def content() -> bytes:
        document = {
            "schema_version": "1.0",
            "actors": [{"id": "actor:x", "kind": "state", "name": "x" * (megabytes << 20)}],
        }
        return json.dumps(document).encode()

    return content


def _deep_xml() -> bytes:
    return (
        b'<dataset xmlns="urn:incidents:xml:1">'
        + b"<a>" * 10_000
        + b"</a>" * 10_000
        + b"</dataset>"
    )


def _huge_text_node() -> bytes:
    return (
        b'<dataset xmlns="urn:incidents:xml:1" schema_version="1.0"><actors>'
        b'<actor id="actor:x" kind="state"><name>' + b"x" * (20 * 1024 * 1024) + b"</name>"
        b"</actor></actors></dataset>"
    )


def _escaped_quotes() -> bytes:
    """The nesting pre-check's worst case: an unterminated string of escaped quotes after
    deep brackets (85 seconds at 100 KB before the check was made linear)."""
    return b"[" * 70 + b'"' + b'\\"' * (128 * 1024)


def _date_of_x() -> bytes:
    """A date of 256 Ki X's: the EDTF hints' searches were quadratic on runs of X."""
    incident = {"id": "incident:a", "kind": "raid", "title": "t", "date": "X" * (256 * 1024)}
    return json.dumps({"schema_version": "1.0", "incidents": [incident]}).encode()


def _brackets_in_a_name() -> bytes:
    """Brackets inside a string, deep enough to count if strings were not skipped."""
    actor = {"id": "actor:a", "kind": "state", "name": "[{" * (128 * 1024) + "\u0000"}
    return json.dumps({"schema_version": "1.0", "actors": [actor]}).encode()


def _gzip_bomb() -> bytes:
    return gzip.compress(b'<dataset xmlns="urn:incidents:xml:1">' + b" " * (50 * 1024 * 1024))


HAZARDS = [
    Hazard("json/duplicate-keys.json", frozenset({"E105"}), _file("json/duplicate-keys.json")),
    Hazard("json/nan.json", frozenset({"E106"}), _file("json/nan.json")),
    Hazard("json/infinity.json", frozenset({"E106"}), _file("json/infinity.json")),
    Hazard("json/overflow-1e400.json", frozenset({"E107"}), _file("json/overflow-1e400.json")),
    Hazard(
        "json/integer-5000-digits.json", frozenset({"E107"}), _file("json/integer-5000-digits.json")
    ),
    Hazard("json/byte-order-mark.json", frozenset({"E103"}), _file("json/byte-order-mark.json")),
    Hazard("json/invalid-utf8.json", frozenset({"E102"}), _file("json/invalid-utf8.json")),
    Hazard("json/utf16.json", frozenset({"E102"}), _file("json/utf16.json")),
    Hazard("json/lone-surrogate.json", frozenset({"E301"}), _file("json/lone-surrogate.json")),
    Hazard(
        "json/control-character.json", frozenset({"E208"}), _file("json/control-character.json")
    ),
    Hazard("json/nfd-name.json", frozenset({"E301"}), _file("json/nfd-name.json")),
    Hazard("json/truncated.json", frozenset({"E101"}), _file("json/truncated.json")),
    Hazard("json/deep-100000.json", frozenset({"E104"}), _deep_json),
    Hazard("json/string-1mb.json", frozenset({"E208"}), _huge_string(1)),
    Hazard("json/string-100mb.json", frozenset({"E208"}), _huge_string(100), heavy=True),
    Hazard("json/escaped-quotes-256k.json", frozenset({"E104"}), _escaped_quotes),
    Hazard("json/date-of-x-256k.json", frozenset({"E206"}), _date_of_x),
    Hazard("json/brackets-in-a-name-256k.json", frozenset({"E208"}), _brackets_in_a_name),
    Hazard("xml/billion-laughs.xml", frozenset({"E109"}), _file("xml/billion-laughs.xml")),
    Hazard("xml/quadratic-blowup.xml", frozenset({"E109"}), _file("xml/quadratic-blowup.xml")),
    Hazard(
        "xml/external-entity-local-file.xml",
        frozenset({"E109"}),
        _file("xml/external-entity-local-file.xml"),
    ),
    Hazard(
        "xml/external-parameter-entity.xml",
        frozenset({"E109"}),
        _file("xml/external-parameter-entity.xml"),
    ),
    Hazard("xml/remote-dtd.xml", frozenset({"E109"}), _file("xml/remote-dtd.xml")),
    Hazard("xml/schema-location.xml", frozenset({"E201"}), _file("xml/schema-location.xml")),
    Hazard("xml/xinclude.xml", frozenset({"E201"}), _file("xml/xinclude.xml")),
    Hazard(
        "xml/processing-instruction.xml",
        frozenset({"E109"}),
        _file("xml/processing-instruction.xml"),
    ),
    Hazard("xml/gzip.xml", frozenset({"E101", "E102"}), _file("xml/gzip.xml")),
    Hazard("xml/deep-10000.xml", frozenset({"E104"}), _deep_xml),
    Hazard("xml/text-node-20mb.xml", frozenset({"E101", "E208"}), _huge_text_node),
    Hazard("xml/gzip-bomb.xml", frozenset({"E101", "E102"}), _gzip_bomb),
]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record and refuse every attempt to open a connection or resolve a name."""
    calls: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        raise OSError("network is off in the hazard tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return calls


def _read_document(document: bytes, suffix: str) -> Any:
    return incidents.from_xml(document) if suffix == ".xml" else incidents.from_json(document)


@pytest.mark.parametrize(
    "hazard",
    [
        pytest.param(hazard, id=hazard.name, marks=[pytest.mark.heavy] if hazard.heavy else [])
        for hazard in HAZARDS
    ],
)
def test_hazard_is_refused_with_its_code(hazard, tmp_path, monkeypatch, no_network):
    """The hazard raises ParseError with its code, fails validation, and leaks nothing."""
    monkeypatch.chdir(HERE)  # relative bait paths (secret.txt) resolve to real files here
    document = hazard.content()
    suffix = Path(hazard.name).suffix
    with pytest.raises(incidents.ParseError) as caught:
        _read_document(document, suffix)
    codes = {problem.code for problem in caught.value.problems}
    assert codes & hazard.codes, str(caught.value)[:500]
    report = incidents.validate(document)
    assert not report.ok
    assert {problem.code for problem in report} & hazard.codes, str(report)[:500]
    path = tmp_path / Path(hazard.name).name
    path.write_bytes(document)
    with pytest.raises(incidents.ParseError) as from_file:
        incidents.read(path)
    assert str(path) == from_file.value.source
    text = " ".join(
        [str(caught.value)[:10_000], str(report)[:10_000], str(from_file.value)[:10_000]]
    )
    assert MARKER not in text
    assert [] == no_network


def test_every_file_in_the_corpus_is_in_the_table():
    """No hazard file is left without an expected outcome."""
    files = {str(path.relative_to(HERE)) for path in HERE.glob("*/*") if path.is_file()}
    assert files <= {hazard.name for hazard in HAZARDS}
