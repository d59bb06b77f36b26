"""orjson (the ``fast`` extra) and the standard library give the same results, byte for byte.

Every test runs twice, with orjson and with the pure-Python path (``_fast_json.orjson`` set
to None), and most compare the two: the dataset read, the text written, the error raised and
the validation report. The documents are the benchmark corpus, mutations of it, the hazard
files and hand-made traps for the duplicate-key count (keys twice, with strings that start
with a colon, escaped quotes and ``\\u`` escapes to hide a key from the count), integers
beyond 64 bits and floats that orjson spells differently.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import incidents
from incidents.formats import _fast_json
from incidents.formats._strict_json import MAX_DEPTH
from incidents.formats.json import read_as_strictly

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402

orjson = pytest.importorskip("orjson")
HAZARDS = sorted((ROOT / "tests" / "hazards" / "json").glob("*.json"))


@pytest.fixture(params=["orjson", "pure Python"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pure Python":
        monkeypatch.setattr(_fast_json, "orjson", None)
    return str(request.param)


def _outcome(function: Callable[[Any], Any], document: bytes | str) -> tuple[str, str]:
    try:
        result = function(document)
    except incidents.IncidentsError as error:
        return type(error).__name__, str(error)
    if isinstance(result, incidents.Dataset):
        return "dataset", incidents.to_json(result)
    return "report", str(result)


def _both(function: Callable[[Any], Any], document: bytes | str) -> tuple[Any, Any]:
    fast = _outcome(function, document)
    saved = _fast_json.orjson
    _fast_json.orjson = None
    try:
        plain = _outcome(function, document)
    finally:
        _fast_json.orjson = saved
    return fast, plain


def _traps() -> Iterator[tuple[str, bytes]]:
    base = corpus.to_bytes(corpus.document(14)).decode("utf-8")
    data = json.loads(base)
    title = data["incidents"][0]["title"]
    twice = base.replace(f'"title": "{title}"', f'"title": "{title}",\n "title": "x"', 1)
    yield "a key twice", twice.encode()
    # A string that starts with a colon adds a '":' of its own, on both sides of the count.
    colon = twice.replace(f'"title": "{title}"', '"title": ":starts with a colon"', 1)
    yield "a key twice and a string opening with a colon", colon.encode()
    quote = twice.replace('"title": "x"', '"title": "x \\" :"', 1)
    yield "a key twice and an escaped quote", quote.encode()
    escaped = twice.replace('"title": "x"', '"title": "x\\u0022:"', 1)
    yield "a key twice and a \\u0022 escape", escaped.encode()
    spaced = base.replace(f'"title": "{title}"', f'"title" : "{title}", "title" : "y"', 1)
    yield "a key twice, spaced from its colon", spaced.encode()
    opening = '{\n  "schema_version": "1.0"'
    outer = base.replace(opening, '{"schema_version": "1.0", "actors": []', 1)
    yield "a list key twice at the top", outer.encode()
    big = base.replace('"best": ', '"best": 123456789012345678901', 1)
    yield "an integer beyond 64 bits", big.encode()
    bigger = base.replace('"best": ', '"best": 1234567890123456789012345', 1)
    yield "an integer of 25 digits", bigger.encode()
    yield "a valid document", base.encode()
    # Nesting the strict reader refuses before reading, and orjson reads (to 1,024 levels).
    for depth in (MAX_DEPTH - 4, MAX_DEPTH + 1, 300):
        nested = "[" * depth + "1" + "]" * depth
        yield (
            f"nested {depth} deep",
            base.replace('"best": ', f'"best": {nested}, "x": ', 1).encode(),
        )
    for field in ("best", "age", "latitude", "longitude"):
        for number in ("18446744073709551616", "-9223372036854775809", "1" * 40):
            if f'"{field}": ' in base:
                changed = base.replace(f'"{field}": ', f'"{field}": {number}', 1)
                yield f"{field} {number[:22]} (beyond 64 bits)", changed.encode()


def _numbers(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        kinds = node.get("type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        if kinds & {"integer", "number"}:
            yield path, node
        for key, value in node.items():
            yield from _numbers(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _numbers(value, f"{path}/{index}")


def test_every_number_of_the_records_is_bounded_well_inside_64_bits() -> None:
    """What makes orjson's reading of a huge integer as a float harmless (see _fast_json)."""
    found = dict(_numbers(incidents.json_schema()))
    assert len(found) >= 5
    for path, node in found.items():
        assert -(2**53) <= node["minimum"], path
        assert node["maximum"] <= 2**53, path


def test_orjson_is_used_when_installed() -> None:
    assert _fast_json.orjson is orjson
    text = corpus.to_bytes(corpus.document(14)).decode()
    assert _fast_json.read(text) == json.loads(text)


@pytest.mark.parametrize("size", [1, 14, 100])
def test_the_corpus_reads_and_writes_the_same_bytes(size: int, mode: str) -> None:
    raw = corpus.to_bytes(corpus.document(size))
    dataset = incidents.from_json(raw)
    assert raw.decode("utf-8") == incidents.to_json(dataset)
    assert mode in {"orjson", "pure Python"}


@pytest.mark.parametrize(("name", "document"), list(_traps()), ids=[n for n, _ in _traps()])
def test_traps_for_the_key_count_give_the_same_outcome(name: str, document: bytes) -> None:
    fast, plain = _both(incidents.from_json, document)
    assert fast == plain
    if "twice" in name:
        assert "ParseError" == fast[0]
    fast, plain = _both(incidents.validate, document)
    assert fast == plain


@pytest.mark.parametrize("path", HAZARDS, ids=[path.name for path in HAZARDS])
def test_the_hazard_files_give_the_same_outcome(path: Path) -> None:
    document = path.read_bytes()
    for function in (incidents.from_json, incidents.validate):
        fast, plain = _both(function, document)
        assert fast == plain


def test_mutations_of_the_corpus_give_the_same_outcome() -> None:
    base = corpus.document(24, seed=5)
    for data in [base, *corpus.mutations(base, 60, seed=11)]:
        raw = corpus.to_bytes(data)
        for function in (incidents.from_json, incidents.validate):
            fast, plain = _both(function, raw)
            assert fast == plain


@pytest.mark.parametrize("value", [1e-05, 1e-7, 0.00012, 12.5, -0.0, 179.999999, 1e-4])
def test_floats_are_written_as_json_dumps_writes_them(value: float) -> None:
    data = {"latitude": value, "values": [value, {"nested": value}], "text": "2e5 0.0000 null"}
    expected = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    assert expected == _fast_json.dumps(data)


def test_text_of_every_kind_is_written_as_json_dumps_writes_it(mode: str) -> None:
    text = "".join(chr(code) for code in range(0x800)) + "\u2028\u2029\ufeff\ue000\uffff😀"
    data = {"text": text, "empty": {}, "list": [], "deep": [[{"a": [1, 2.5, True, None]}]]}
    expected = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    assert expected == _fast_json.dumps(data), mode


def test_a_big_integer_is_written_by_json_dumps(mode: str) -> None:
    data = {"n": 10**30}
    assert json.dumps(data, indent=2) + "\n" == _fast_json.dumps(data), mode


def test_every_kind_of_float_is_written_as_json_dumps_writes_it() -> None:
    """Floats of every exponent and random bit patterns, next to text that looks like them."""
    import random
    import struct

    chooser = random.Random(21)  # noqa: S311 - reproducible test data
    floats = [m * 10.0**e for e in range(-300, 300) for m in (1, 1.5, 3.14159, 9.99)]
    floats += [
        value
        for _ in range(20_000)
        if (value := struct.unpack("d", struct.pack("Q", chooser.getrandbits(64)))[0])
        == value  # not NaN
        and abs(value) != float("inf")
    ]
    for start in range(0, len(floats), 500):
        data = {"values": floats[start : start + 500], "text": "re-elected e-mail 5e-"}
        expected = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        assert expected == _fast_json.dumps(data)


def _nesting(node: Any, definitions: dict[str, Any], seen: frozenset[str]) -> float:
    """The most arrays and objects a value of the schema ``node`` can nest (inf: no bound)."""
    if isinstance(node, list):
        return max((_nesting(item, definitions, seen) for item in node), default=0)
    if not isinstance(node, dict):
        return 0
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return float("inf")
        return _nesting(definitions[name], definitions, seen | {name})
    kinds = node.get("type")
    kinds = set(kinds) if isinstance(kinds, list) else {kinds}
    here = 1 if kinds & {"object", "array"} else 0
    inner = [_nesting(v, definitions, seen) for k, v in node.items() if k not in ("enum", "const")]
    return here + max(inner, default=0)


def test_what_the_records_accept_nests_far_inside_the_strict_readers_limit() -> None:
    """What lets the validator check only the refused records of orjson's data for depth
    (incidents.formats.json.read_as_strictly): the schema has no cycle, and a document it
    accepts nests at most a few levels, far inside MAX_DEPTH."""
    path = Path(__file__).resolve().parents[2] / "schemas" / "incidents.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert _nesting(schema, schema["$defs"], frozenset()) <= 12 < MAX_DEPTH


@pytest.mark.parametrize(
    ("value", "level", "expected"),
    [
        ({"a": [1, 2.5, "x"]}, 0, True),
        ([[]], MAX_DEPTH - 2, True),
        ([[]], MAX_DEPTH - 1, False),
        ({"best": 1.8446744073709552e19}, 2, False),
        ({"best": -9.3e18}, 2, False),
        ({"best": 9.3e18 + 0.5}, 2, False),
        ({"best": 1e300 / 3}, 2, False),
        ({"best": 12.5, "worst": 9.2e18}, 2, True),
    ],
)
def test_what_orjson_may_read_otherwise_is_refused(value: Any, level: int, expected: bool) -> None:
    assert read_as_strictly(value, level) is expected
