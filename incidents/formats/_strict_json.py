"""The strict JSON reader: text or bytes to plain data, refusing what JSON should not carry.

Bytes must be UTF-8 without a byte-order mark; nesting is bounded by :data:`MAX_DEPTH`
before the parser recurses; a duplicate key, ``NaN``, ``Infinity``, a number that
overflows and an integer of more than :data:`MAX_INTEGER_DIGITS` digits are marked in the
data (:mod:`incidents.formats._marks`) rather than stopping the reading, so every one of
them is reported. The readers of JSON and JSON Lines and the syntax layer of validation all
read through :func:`parse_json`.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from typing import Any, Final

from incidents.errors import ParseError, ParseProblem
from incidents.formats._marks import DuplicateKeys, Flagged

__all__ = [
    "BOM",
    "MAX_DEPTH",
    "MAX_INTEGER_DIGITS",
    "SCHEMA_KEY",
    "decode",
    "parse_json",
]

#: The deepest nesting of arrays and objects a document may have. Valid documents need
#: about ten levels; the bound keeps hostile input away from the parser's recursion.
MAX_DEPTH: Final = 64
#: Integers with more digits than this are refused before Python converts them.
MAX_INTEGER_DIGITS: Final = 20

#: The byte-order mark, refused at the start of a document.
BOM: Final = "\ufeff"
#: A string, or an unterminated one to the end of the text. The closing quote is optional so
#: that the pattern never fails once it has started: a pattern that must find its closing
#: quote fails at every quote of an unterminated string of escaped quotes, each time after
#: scanning to the end, which is quadratic in the length of the text.
_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKET: Final = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP: Final = {"[": 1, "{": 1, "]": -1, "}": -1}
_BYTE_STEP: Final = {ord(char): step for char, step in _DEPTH_STEP.items()}
#: Every byte but a quote and the four brackets (deleted to find the depth quickly).
_NOT_KEPT: Final = bytes(byte for byte in range(256) if byte not in b'"[]{}')
#: A backslash and the character after it.
_ESCAPE: Final = re.compile(rb"\\.", re.DOTALL)
#: A string once only quotes and brackets are left (unterminated: to the end).
_QUOTED: Final = re.compile(b'"[^"]*"?')


#: A document's top-level ``"$schema"`` (a string: the address of a JSON Schema, for editors
#: that offer completion and inline errors from it) is accepted and ignored by every reader;
#: it is not a field of :class:`~incidents.Dataset`, so writing the dataset leaves it out.
SCHEMA_KEY: Final = "$schema"


def parse_json(document: str | bytes) -> tuple[Any, bool]:
    """Parse strict JSON; return the data and whether values were flagged for the walk.

    Syntax errors, encoding errors and excessive nesting raise :class:`ParseError`
    directly. Duplicate keys and forbidden numbers are replaced by markers the later walk
    reports with their paths (so all of them are listed, not just the first).
    """
    text = decode(document)
    if text.startswith(BOM):
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
        _check_depth(text, exactly=True)  # too deep is said first, as before the quick count
        message = f"not valid JSON: {error.msg}"
        problem = ParseProblem("$", message, error.lineno, error.colno, "E101")
        raise ParseError([problem]) from None
    except RecursionError:  # pragma: no cover - the depth check runs first
        _check_depth(text, exactly=True)
        problem = ParseProblem("$", f"nested deeper than {MAX_DEPTH} levels", code="E104")
        raise ParseError([problem]) from None
    if isinstance(data, dict) and isinstance(data.get(SCHEMA_KEY), str):
        del data[SCHEMA_KEY]  # for editors; see SCHEMA_KEY
    return data, bool(flags)


def decode(document: str | bytes) -> str:
    """The document as text: bytes must be UTF-8 with no byte-order mark."""
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


def _check_depth(text: str, *, exactly: bool = False) -> None:
    """Raise :class:`ParseError` if arrays and objects nest deeper than :data:`MAX_DEPTH`.

    The quick reading (:func:`_deepest_quickly`) decides for every text ``json.loads``
    accepts; ``exactly`` (after ``json.loads`` refused the text, and whenever the quick
    reading finds the text too deep) counts the brackets outside :data:`_STRING`'s strings.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    if not exactly and _deepest_quickly(text) <= MAX_DEPTH:
        return
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    deepest = max(itertools.accumulate(_DEPTH_STEP[char] for char in brackets), default=0)
    if deepest > MAX_DEPTH:
        message = f"arrays and objects are nested {deepest} levels deep; the limit is {MAX_DEPTH}"
        raise ParseError([ParseProblem("$", message, code="E104")])


def _deepest_quickly(text: str) -> int:
    """The deepest nesting of brackets outside strings, if the text is valid JSON.

    A backslash and the character after it are dropped, then all but quotes and brackets
    (C-speed passes over the encoded text, against a regular expression over every
    character), so every quote left delimits a string. In valid JSON a backslash occurs only
    in a string, where it escapes the next character; outside one (invalid JSON) this may
    count otherwise, so :func:`parse_json` counts exactly whenever ``json.loads`` refuses the
    text.
    """
    raw = text.encode("utf-8", "surrogatepass")
    if b"\\" in raw:
        raw = _ESCAPE.sub(b"", raw)
    kept = raw.translate(None, _NOT_KEPT)
    return max(itertools.accumulate(_BYTE_STEP[byte] for byte in _QUOTED.sub(b"", kept)), default=0)
