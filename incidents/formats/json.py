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

import json
import re
from typing import Any, Final, cast

from incidents._compile.gc_pause import gc_paused
from incidents._compile.loaders import load
from incidents.errors import ArgumentError, ParseError, ParseProblem
from incidents.formats._diagnosis import diagnose
from incidents.formats._fast_json import dumps as fast_dumps
from incidents.formats._fast_json import read as fast_read
from incidents.formats._strict_json import (
    BOM,
    MAX_DEPTH,
    MAX_INTEGER_DIGITS,
    SCHEMA_KEY,
    decode,
    parse_json,
)
from incidents.formats.converter import converter, structure_dataset, unstructure_dataset
from incidents.model.dataset import SCHEMA_VERSION, Dataset

__all__ = ["MAX_DEPTH", "MAX_INTEGER_DIGITS", "from_json", "parse_json", "to_json"]

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
#: The smallest size of a float orjson may have read from an integer (beyond 64 bits).
_BEYOND_64_BITS: Final = float(2**63)


def to_json(dataset: Dataset) -> str:
    """The dataset as a JSON document (deterministic: same dataset, same text)."""
    if not isinstance(dataset, Dataset):
        reason = f"expected a Dataset, not {type(dataset).__name__}"
        raise ArgumentError("to_json", "dataset", dataset, reason)
    return fast_dumps(unstructure_dataset(dataset))


def from_json(document: str | bytes) -> Dataset:
    """Read a dataset from JSON text or UTF-8 bytes; raise :class:`ParseError` on any problem."""
    with gc_paused():
        return _from_json(document)


def _from_json(document: str | bytes) -> Dataset:
    text = decode(document)
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
    walk then report. With orjson (the ``fast`` extra), a document it may read
    (:func:`incidents.formats._fast_json.read`: it has proved no key is given twice) is read
    by it into dicts instead.
    """
    data = fast_read(text)
    if data is None:
        dataset: Dataset | None = _quickly(text, build=True)
        return dataset
    _drop_schema_key(data)
    built: Dataset | None = load(data, Dataset, pairs=False, required=_REQUIRED, build=True)
    return built


def _drop_schema_key(data: Any) -> int:
    """Remove a text ``$schema`` (for editors) from the document's object; 1 if so."""
    if isinstance(data, dict) and isinstance(data.get(SCHEMA_KEY), str):
        del data[SCHEMA_KEY]
        return 1
    return 0


def check_json_quickly(text: str) -> dict[str, Any] | None:
    """The document as plain data if the dataset would load from it, else ``None``.

    The same checks as :func:`load_json_quickly` without keeping the records: the data is
    what ``json.loads`` gives, for the semantic layer (see :func:`read_json_quickly`).
    """
    return read_json_quickly(text)[0]


def read_json_quickly(text: str) -> tuple[dict[str, Any] | None, Any]:
    """``(checked, parsed)``: the document as plain data if the dataset would load from it,
    else ``None``; and, when it would not, the data :func:`parse_json` would give for the
    text with nothing flagged if that is known for sure, else ``None``.

    When no string holds a quote and no key has white space before its colon, every ``"``
    is a string's delimiter and every key ends in ``":``, so counting ``":`` counts the keys
    of the text (plus any string that starts with a colon). If the objects ``json.loads``
    made hold as many, no key was given twice, and plain ``json.loads`` is enough; otherwise
    the objects are read as pairs, as for loading. Below :data:`_COUNT_KEYS_FROM` characters
    pairs are read anyway: there the extra passes over the text cost more than the tuples
    (measured with ``benchmarks/``; from 1,000 records on, counting is faster). With orjson,
    a document it may read is read by it, at every size.

    ``parsed`` lets the validator's slower layers work on a document the dataset does not
    load without reading the text a second time. It is orjson's data, which is the strict
    reader's (:func:`parse_json`, with nothing flagged) except perhaps inside a value that
    :func:`read_as_strictly` refuses: orjson refused ``NaN``, ``Infinity`` and overflowing
    numbers, and :func:`incidents.formats._fast_json.read` proved no key is given twice.
    """
    fast = fast_read(text)
    if fast is not None:
        _drop_schema_key(fast)
        if load(fast, Dataset, pairs=False, required=_REQUIRED, build=False) is not None:
            return cast(dict[str, Any], fast), None
        return None, fast
    if (
        len(text) >= _COUNT_KEYS_FROM
        and '\\"' not in text
        and _SPACED_KEY.search(text) is None
        and not text.startswith(BOM)
    ):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return None, None
        schema_key = _drop_schema_key(data)
        keys = load(data, Dataset, pairs=False, required=_REQUIRED, build=False)
        if keys is None:
            return None, None
        if keys + schema_key == text.count('":'):
            return cast(dict[str, Any], data), None
    checked: dict[str, Any] | None = _quickly(text, build=False)
    return checked, None


def read_as_strictly(value: Any, level: int) -> bool:
    """Whether orjson's reading of ``value``, found ``level`` arrays and objects deep in its
    document, is surely the strict reader's.

    The two readers differ on two things only (see :func:`read_json_quickly`): nesting beyond
    :data:`MAX_DEPTH`, which the strict reader refuses before reading (orjson reads 1,024
    levels), and an integer beyond 64 bits, which orjson reads as a float (the strict reader
    as an integer, or a marked value beyond :data:`MAX_INTEGER_DIGITS` digits); a float that
    is a whole number that large may have been one. The caller asks only of the values the
    records refuse: a record the compiled loader accepts has neither.
    """
    stack = [(value, level)]
    while stack:
        node, depth = stack.pop()
        kind = type(node)
        if kind is dict or kind is list:
            if depth >= MAX_DEPTH:
                return False
            children = node.values() if kind is dict else node
            stack.extend((child, depth + 1) for child in children)
        elif kind is float and abs(node) >= _BEYOND_64_BITS and node.is_integer():
            return False
    return True


def _quickly(text: str, *, build: bool) -> Any:
    if text.startswith(BOM):
        return None
    try:
        data = _PAIRS.decode(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, tuple) and any(key == SCHEMA_KEY for key, _ in data):
        data = tuple(pair for pair in data if pair[0] != SCHEMA_KEY or not isinstance(pair[1], str))
    return load(data, Dataset, pairs=True, required=_REQUIRED, build=build)


def _version_problems(data: Any) -> list[ParseProblem]:
    if not isinstance(data, dict):
        return []
    if "schema_version" not in data:
        message = f"required field 'schema_version' is missing; give '{SCHEMA_VERSION}'"
        return [ParseProblem("$.schema_version", message, code="E202")]
    return []
