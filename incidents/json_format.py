"""JSON in and out: one :class:`~incidents.Dataset` per document.

Writing is deterministic: UTF-8, two-space indent, keys in field declaration order, fields
equal to their defaults omitted (``schema_version`` is always written), a final newline.

Reading is strict and never silent. Each of these is a :class:`~incidents.ParseError` that
lists every problem with its JSONPath:

* bytes that are not UTF-8, or that start with a byte-order mark;
* text that is not JSON (with line and column);
* nesting deeper than :data:`MAX_DEPTH` levels;
* a key that appears twice in one object;
* ``NaN``, ``Infinity``, numbers that overflow to infinity, integers of more than
  :data:`MAX_INTEGER_DIGITS` digits;
* unknown and missing fields, wrong types, bad vocabulary values, dates, ids and every other
  field check of the records;
* a missing or unsupported ``schema_version``.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from typing import Any, Final, cast

from incidents._diagnosis import DuplicateKeys, Flagged, diagnose
from incidents._fast_load import load
from incidents._gc import gc_paused
from incidents.converter import converter, structure_dataset, unstructure_dataset
from incidents.dataset import Dataset
from incidents.errors import ArgumentError, ParseError, ParseProblem

__all__ = ["MAX_DEPTH", "MAX_INTEGER_DIGITS", "from_json", "parse_json", "to_json"]

#: The deepest nesting of arrays and objects a document may have. Valid documents need
#: about ten levels; the bound keeps hostile input away from the parser's recursion.
MAX_DEPTH: Final = 64
#: Integers with more digits than this are refused before Python converts them.
MAX_INTEGER_DIGITS: Final = 20

_BOM: Final = "\ufeff"
_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET: Final = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP: Final = {"[": 1, "{": 1, "]": -1, "}": -1}
#: A document must say which version of the format it is (a record may leave it out).
_REQUIRED: Final = frozenset({"schema_version"})
#: Reads objects as tuples of (key, value) pairs (made once: ``json.loads`` with options
#: would build a decoder on every call).
_PAIRS: Final = json.JSONDecoder(object_pairs_hook=tuple)
#: A quote, white space, then a colon: a key with space before its colon (or a string
#: that starts with white space and a colon).
_SPACED_KEY: Final = re.compile(r'"[ \t\n\r]+:')
#: From this many characters on, ``check_json_quickly`` counts keys instead of reading pairs.
_COUNT_KEYS_FROM: Final = 256 * 1024


def to_json(dataset: Dataset) -> str:
    """The dataset as a JSON document (deterministic: same dataset, same text)."""
    if not isinstance(dataset, Dataset):
        reason = f"expected a Dataset, not {type(dataset).__name__}"
        raise ArgumentError("to_json", "dataset", dataset, reason)
    data = unstructure_dataset(dataset)
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def from_json(document: str | bytes) -> Dataset:
    """Read a dataset from JSON text or UTF-8 bytes; raise :class:`ParseError` on any problem."""
    with gc_paused():
        return _from_json(document)


def _from_json(document: str | bytes) -> Dataset:
    text = _decode(document)
    dataset = load_json_quickly(text)
    if dataset is not None:
        return dataset
    data, flagged = parse_json(text)
    version_problems = _version_problems(data)
    if not flagged and not version_problems:
        try:
            return structure_dataset(data)
        except Exception:  # noqa: S110 - any failure: let the walk say what and where
            pass
    problems = version_problems + diagnose(data, Dataset, converter)
    if not problems:  # pragma: no cover - the walk mirrors the converter; kept as a backstop
        problems = [ParseProblem("$", "the document could not be read as a dataset")]
    raise ParseError(problems)


def load_json_quickly(text: str) -> Dataset | None:
    """The dataset if the compiled loader accepts the document, else ``None``.

    Objects are read as tuples of pairs, so a key given twice is seen (and declined) rather
    than merged. Whatever this path declines (a key twice, ``NaN``, a huge number, nesting
    the record classes do not have, a syntax error), :func:`parse_json` and the diagnosis
    walk then report.
    """
    dataset: Dataset | None = _quickly(text, build=True)
    return dataset


def check_json_quickly(text: str) -> dict[str, Any] | None:
    """The document as plain data if the dataset would load from it, else ``None``.

    The same checks as :func:`load_json_quickly` without keeping the records: the data is
    what ``json.loads`` gives, for the semantic layer.

    When no string holds a quote and no key has white space before its colon, every ``"``
    is a string's delimiter and every key ends in ``":``, so counting ``":`` counts the keys
    of the text (plus any string that starts with a colon). If the objects ``json.loads``
    made hold as many, no key was given twice, and plain ``json.loads`` is enough; otherwise
    the objects are read as pairs, as for loading. Below :data:`_COUNT_KEYS_FROM` characters
    pairs are read anyway: there the extra passes over the text cost more than the tuples
    (measured with ``benchmarks/``; from 1,000 records on, counting is faster).
    """
    if (
        len(text) >= _COUNT_KEYS_FROM
        and '\\"' not in text
        and _SPACED_KEY.search(text) is None
        and not text.startswith(_BOM)
    ):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return None
        keys = load(data, Dataset, pairs=False, required=_REQUIRED, build=False)
        if keys is None:
            return None
        if keys == text.count('":'):
            return cast(dict[str, Any], data)
    checked: dict[str, Any] | None = _quickly(text, build=False)
    return checked


def _quickly(text: str, *, build: bool) -> Any:
    if text.startswith(_BOM):
        return None
    try:
        data = _PAIRS.decode(text)
    except (ValueError, RecursionError):
        return None
    return load(data, Dataset, pairs=True, required=_REQUIRED, build=build)


def parse_json(document: str | bytes) -> tuple[Any, bool]:
    """Parse strict JSON; return the data and whether values were flagged for the walk.

    Syntax errors, encoding errors and excessive nesting raise :class:`ParseError`
    directly. Duplicate keys and forbidden numbers are replaced by markers the later walk
    reports with their paths (so all of them are listed, not just the first).
    """
    text = _decode(document)
    if text.startswith(_BOM):
        raise ParseError([ParseProblem("$", _bom_message(), 1, 1, "E103")])
    _check_depth(text)
    flags: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) == len(items):
            return result
        marked = DuplicateKeys(result)
        counts = Counter(key for key, _ in items)
        marked.duplicates = tuple(key for key in result if counts[key] > 1)
        flags.append(True)
        return marked

    def constant(name: str) -> Flagged:
        flags.append(True)
        return Flagged(f"{name} is not a number JSON allows (nor does this library)", "E106")

    def number(text: str) -> float | Flagged:
        value = float(text)
        if math.isinf(value):
            flags.append(True)
            return Flagged(f"the number {text} is too large: it overflows to infinity", "E107")
        return value

    def integer(text: str) -> int | Flagged:
        digits = len(text.lstrip("-"))
        if digits > MAX_INTEGER_DIGITS:
            flags.append(True)
            return Flagged(f"an integer of {digits} digits is too large", "E107")
        return int(text)

    try:
        data = json.loads(
            text,
            object_pairs_hook=pairs,
            parse_constant=constant,
            parse_float=number,
            parse_int=integer,
        )
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg}"
        problem = ParseProblem("$", message, error.lineno, error.colno, "E101")
        raise ParseError([problem]) from None
    except RecursionError:  # pragma: no cover - the depth check runs first
        problem = ParseProblem("$", f"nested deeper than {MAX_DEPTH} levels", code="E104")
        raise ParseError([problem]) from None
    return data, bool(flags)


def _decode(document: str | bytes) -> str:
    if isinstance(document, str):
        return document
    if not isinstance(document, bytes | bytearray | memoryview):
        message = f"expected JSON text (str) or bytes, not {type(document).__name__}"
        raise ParseError([ParseProblem("$", message, code="E100")])
    raw = bytes(document)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ParseError([ParseProblem("$", _bom_message(), 1, 1, "E103")])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = "the document is UTF-16; save it as UTF-8"
        raise ParseError([ParseProblem("$", message, 1, 1, "E102")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"not valid UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}"
        raise ParseError([ParseProblem("$", message, line, column, "E102")]) from None


def _bom_message() -> str:
    return "the document starts with a byte-order mark; save it as UTF-8 without BOM"


def _check_depth(text: str) -> None:
    """Raise :class:`ParseError` if arrays and objects nest deeper than :data:`MAX_DEPTH`."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    deepest = max(itertools.accumulate(_DEPTH_STEP[char] for char in brackets), default=0)
    if deepest > MAX_DEPTH:
        message = f"arrays and objects are nested {deepest} levels deep; the limit is {MAX_DEPTH}"
        raise ParseError([ParseProblem("$", message, code="E104")])


def _version_problems(data: Any) -> list[ParseProblem]:
    if not isinstance(data, dict):
        return []
    if "schema_version" not in data:
        message = "required field 'schema_version' is missing; this library writes '1.0'"
        return [ParseProblem("$.schema_version", message, code="E202")]
    return []
