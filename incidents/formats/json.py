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
    what ``json.loads`` gives, for the semantic layer.

    When no string holds a quote and no key has white space before its colon, every ``"``
    is a string's delimiter and every key ends in ``":``, so counting ``":`` counts the keys
    of the text (plus any string that starts with a colon). If the objects ``json.loads``
    made hold as many, no key was given twice, and plain ``json.loads`` is enough; otherwise
    the objects are read as pairs, as for loading. Below :data:`_COUNT_KEYS_FROM` characters
    pairs are read anyway: there the extra passes over the text cost more than the tuples
    (measured with ``benchmarks/``; from 1,000 records on, counting is faster). With orjson,
    a document it may read is read by it, at every size.
    """
    fast = fast_read(text)
    if fast is not None:
        _drop_schema_key(fast)
        if load(fast, Dataset, pairs=False, required=_REQUIRED, build=False) is None:
            return None
        return cast(dict[str, Any], fast)
    if (
        len(text) >= _COUNT_KEYS_FROM
        and '\\"' not in text
        and _SPACED_KEY.search(text) is None
        and not text.startswith(BOM)
    ):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return None
        schema_key = _drop_schema_key(data)
        keys = load(data, Dataset, pairs=False, required=_REQUIRED, build=False)
        if keys is None:
            return None
        if keys + schema_key == text.count('":'):
            return cast(dict[str, Any], data)
    checked: dict[str, Any] | None = _quickly(text, build=False)
    return checked


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
