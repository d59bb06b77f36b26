"""Linear time: every pre-scan and regular expression of the readers and validators.

Each case is an input crafted against one scan or pattern (the worst its author could find:
unterminated strings of escaped quotes, long runs of what a pattern repeats, the character
that makes it fail at the very end). It is fed at 16, 64 and 256 KiB, and the test compares
the time of the largest with the time of the smallest: linear work grows 16 times, quadratic
work 256 times. No time limit is set; only the ratio of processor times is checked, so a slow
or busy machine passes as long as the work grows in proportion to the input.

``python tests/test_linear_time.py`` prints the timings of every case.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest

import incidents

#: Sizes in bytes, smallest first.
SIZES = (16 * 1024, 64 * 1024, 256 * 1024)
#: Largest over smallest time allowed: 16 for linear work, 256 for quadratic.
MAX_RATIO = 48.0


class Crafted(NamedTuple):
    """One crafted input: what it attacks, the call that reads it, and its maker by size."""

    name: str
    read: Callable[[bytes], Any]
    make: Callable[[int], bytes]


def _document(**records: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema_version": "1.0", **records}


def _incident(**fields: Any) -> dict[str, Any]:
    return {"id": "incident:a", "kind": "raid", "title": "t", "date": "2025", **fields}


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def _with_incident(**fields: Any) -> Callable[[int], bytes]:
    """A document whose one incident has ``fields``, each value made from the size."""
    return lambda size: _json(_document(incidents=[_incident(**_fill(fields, size))]))


def _with_source(**fields: Any) -> Callable[[int], bytes]:
    def make(size: int) -> bytes:
        source = {"id": "source:a", "title": "t", **_fill(fields, size)}
        return _json(_document(sources=[source]))

    return make


def _fill(fields: dict[str, Callable[[int], Any]], size: int) -> dict[str, Any]:
    return {name: value(size) for name, value in fields.items()}


def _repeat(unit: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    """``head``, then ``unit`` repeated to about ``size`` bytes, then ``tail``."""
    return lambda size: head + unit * (size // len(unit.encode())) + tail


def _raw(make: Callable[[int], str]) -> Callable[[int], bytes]:
    return lambda size: make(size).encode("utf-8", "surrogatepass")


def _dangling(size: int) -> bytes:
    """Many actors and as many references to ids that do not exist (did-you-mean)."""
    count = size // 120
    actors = [
        {"id": f"actor:a{number}", "kind": "state", "name": f"A{number}"} for number in range(count)
    ]
    participants = [{"actor": f"actor:b{number}", "role": "target"} for number in range(count)]
    return _json(_document(actors=actors, incidents=[_incident(participants=participants)]))


def _chain(size: int) -> bytes:
    """A chain of measures, each a response to the one before (cycles and order)."""
    count = size // 200
    measures = [
        {
            "id": f"measure:m{number}",
            "kind": "summon_envoy",
            "initiator": "actor:x",
            "targets": ["actor:x"],
            "announced": "2025-06-27",
            "citations": [{"source": "source:s"}],
            **({"in_response_to": [f"measure:m{number - 1}"]} if number else {}),
        }
        for number in range(count)
    ]
    actors = [{"id": "actor:x", "kind": "state", "name": "X"}]
    sources = [{"id": "source:s", "title": "S"}]
    return _json(_document(actors=actors, sources=sources, measures=measures))


def _xml(body: Callable[[int], str], head: str = "") -> Callable[[int], bytes]:
    def make(size: int) -> bytes:
        return (
            f'{head}<dataset xmlns="urn:incidents:xml:1" schema_version="1.0">'
            f"{body(size)}</dataset>"
        ).encode()

    return make


def _declaration(size: int) -> bytes:
    return b'<?xml version="1.0"' + b" " * size + b' encoding="UTF-8"?><dataset/>'


def _actor(
    kind: Callable[[int], str] = lambda size: "state",
    name: Callable[[int], str] = lambda size: "A",
) -> Callable[[int], str]:
    """An XML actor whose kind and name are made from the size."""
    return lambda size: (
        f'<actors><actor id="actor:a" kind="{kind(size)}"><name>{name(size)}</name>'
        "</actor></actors>"
    )


def _actor_lines(size: int) -> str:
    line = '{{"actor":{{"id":"actor:a{}","kind":"state","name":"A"}}}}\n'
    return "".join(line.format(number) for number in range(size // 60))


def _jsonl(line: Callable[[int], str]) -> Callable[[int], bytes]:
    return lambda size: ('{"schema_version":"1.0"}\n' + line(size) + "\n").encode()


#: The crafted inputs, by the scan or pattern each attacks.
CRAFTED = [
    # The strict reader's nesting pre-check (the 85-second file).
    Crafted(
        "depth: unterminated escaped quotes",
        incidents.validate,
        _raw(_repeat('\\"', "[" * 70 + '"')),
    ),
    Crafted(
        "depth: unterminated escaped quotes (from_json)",
        incidents.from_json,
        _raw(_repeat('\\"', "[" * 70 + '"')),
    ),
    Crafted(
        "depth: brackets inside strings",
        incidents.validate,
        _raw(_repeat("[{", "[" * 70 + '"', '"' + "]" * 70)),
    ),
    Crafted(
        "depth: escaped backslashes", incidents.validate, _raw(_repeat("\\\\", "[" * 70 + '"'))
    ),
    # The quick path's key count.
    Crafted(
        "keys: white space before colons",
        incidents.validate,
        _raw(_repeat('"' + " " * 60 + ",", "{", "}")),
    ),
    Crafted(
        "keys: escaped quotes in a key",
        incidents.validate,
        _raw(_repeat('\\"', '{"schema_version":"1.0","', '":1}')),
    ),
    # Numbers.
    Crafted(
        "numbers: a long integer",
        incidents.validate,
        _raw(_repeat("1", '{"schema_version":"1.0","x":', "}")),
    ),
    Crafted(
        "numbers: a long fraction",
        incidents.validate,
        _raw(_repeat("1", '{"schema_version":"1.0","x":1.', "}")),
    ),
    # Field patterns, in the model and in the JSON Schema.
    Crafted("date: a run of X", incidents.validate, _with_incident(date=_repeat("X"))),
    Crafted("date: qualifiers then X", incidents.validate, _with_incident(date=_repeat("~X"))),
    Crafted(
        "date: repeated year", incidents.validate, _with_incident(date=_repeat("2025-", tail="/"))
    ),
    Crafted(
        "id: hyphenated slug, bad end",
        incidents.validate,
        _with_incident(id=_repeat("a-", "incident:", "!")),
    ),
    Crafted(
        "id: reference to a long id",
        incidents.validate,
        _with_incident(in_response_to=lambda size: ["incident:" + "a" * size]),
    ),
    Crafted(
        "language: repeated subtags",
        incidents.validate,
        _with_source(language=_repeat("-aaaaa", "en", "!")),
    ),
    Crafted(
        "language: private use", incidents.validate, _with_source(language=_repeat("-a", "x", "-"))
    ),
    Crafted(
        "url: long host, bad end",
        incidents.validate,
        _with_source(url=_repeat("a.", "https://", " ")),
    ),
    Crafted(
        "url: long path, bad end",
        incidents.validate,
        _with_source(url=_repeat("/a", "https://h", "\x01")),
    ),
    Crafted(
        "text: spaces then a control",
        incidents.validate,
        _with_incident(title=_repeat(" ", "a", "\x00")),
    ),
    Crafted("text: spaces at the end", incidents.validate, _with_incident(title=_repeat(" ", "a"))),
    Crafted(
        "text: combining marks", incidents.validate, _with_incident(summary=_repeat("e\u0301"))
    ),
    Crafted(
        "text: invisible characters", incidents.validate, _with_incident(title=_repeat("\u200b"))
    ),
    Crafted("text: line breaks", incidents.validate, _with_incident(title=_repeat("a\n"))),
    # Rules across records.
    Crafted("semantics: dangling references", incidents.validate, _dangling),
    Crafted("semantics: a chain of responses", incidents.validate, _chain),
    # XML.
    Crafted("xml: long declaration", incidents.validate, _declaration),
    Crafted("xml: many comments", incidents.validate, _xml(_repeat("<!-- - -->"))),
    Crafted("xml: unknown elements", incidents.validate, _xml(_repeat("<x/>"))),
    Crafted(
        "xml: unknown attributes on one line",
        incidents.validate,
        _xml(
            _repeat(
                '<actor id="actor:a" kind="state" x="1"><name>A</name></actor>',
                "<actors>",
                "</actors>",
            )
        ),
    ),
    Crafted(
        "xml: an attribute value of brackets", incidents.validate, _xml(_actor(kind=_repeat("['")))
    ),
    Crafted(
        "xml: text of escaped quotes", incidents.from_xml, _xml(_actor(name=_repeat("&quot;")))
    ),
    # JSON Lines.
    Crafted(
        "jsonl: one line of escaped quotes",
        incidents.validate,
        _jsonl(_repeat('\\"', "[" * 70 + '"')),
    ),
    Crafted("jsonl: many short lines", incidents.validate, _jsonl(_actor_lines)),
]


def _seconds(call: Callable[[bytes], Any], data: bytes, repeats: int = 3) -> float:
    """The time of one call: the fastest of ``repeats`` runs of enough calls to take about
    20 ms (short runs are mostly the timer's noise)."""
    loops = max(1, min(100, round(0.02 / max(_once(call, data), 1e-6))))
    return min(_once(call, data, loops) for _ in range(repeats)) / loops


def _once(call: Callable[[bytes], Any], data: bytes, loops: int = 1) -> float:
    # The processor time of this process, not the wall clock: on a busy machine (the suite
    # runs on every core, beside other work) the wall clock also counts the time other
    # processes ran, which made a linear case look quadratic.
    start = time.process_time()
    for _ in range(loops):
        with contextlib.suppress(incidents.IncidentsError):
            call(data)
    return time.process_time() - start


def timings(case: Crafted) -> list[float]:
    """The time of the case at each of :data:`SIZES`."""
    _once(case.read, case.make(SIZES[0]))  # warm the caches and compiled code
    return [_seconds(case.read, case.make(size)) for size in SIZES]


#: The cases that take more than a fraction of a second at 256 KiB: run with the heavy tests.
SLOW = frozenset(
    {
        "keys: escaped quotes in a key",
        "semantics: dangling references",
        "jsonl: many short lines",
    }
)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, id=case.name, marks=[pytest.mark.heavy] if case.name in SLOW else [])
        for case in CRAFTED
    ],
)
def test_work_grows_linearly_with_the_input(case):
    """From 16 to 256 KiB the time grows at most 48 times (linear: 16, quadratic: 256)."""
    times = timings(case)
    ratio = times[-1] / max(times[0], 1e-6)
    assert ratio < MAX_RATIO, f"{case.name}: {[f'{t:.4f}' for t in times]} s, ratio {ratio:.1f}"


def test_every_case_is_the_size_it_claims():
    """Each crafted input is within a factor of two of its nominal size, and slow cases exist."""
    assert {case.name for case in CRAFTED} >= SLOW
    for case in CRAFTED:
        for size in SIZES:
            assert size / 2 <= len(case.make(size)) <= size * 2 + 4096, case.name


if __name__ == "__main__":
    for crafted in CRAFTED:
        found = timings(crafted)
        shown = " ".join(f"{seconds:8.4f}" for seconds in found)
        print(f"{crafted.name:48} {shown}  x{found[-1] / max(found[0], 1e-6):6.1f}", flush=True)
    sys.exit(0)
