"""orjson, when it is installed (the ``fast`` extra), under the rules of the strict reader.

orjson reads and writes JSON several times faster than the standard library, but it keeps
the last of a key given twice, reads an integer beyond 64 bits as a float, and writes some
floats in another spelling than ``json.dumps``. So it is used only where the result is
provably the one the standard library path gives, and everything else falls back to that
path (which then reports any problem exactly as without orjson):

Reading (:func:`read`). The text must hold no ``\\"`` and no ``\\u`` (then no string holds a
quote) and no key with white space before its colon. Then every ``":``
of the text ends a key or opens a string that starts with a colon, and the same holds of
orjson's compact writing of the data it read, with the same strings: the two counts of
``":`` are equal exactly when no key was dropped, that is when no key was given twice (a
dropped entry only removes occurrences, never adds one). ``NaN``, ``Infinity`` and numbers
that overflow are refused by orjson itself. An integer outside 64 bits, which orjson reads as
a float, is at least 2**63 in size, beyond the bounds of every number of the records (the
largest is a count's 2**53 - 1), so the records' checks refuse it and the caller's path
reports it; ``tests/formats/test_fast_json.py`` checks that every number of the schema is
bounded so.

Writing (:func:`dumps`). orjson's two-space indentation, separators and string escapes are
``json.dumps(ensure_ascii=False, indent=2)``'s; its floats differ only in the spelling of
negative exponents and of numbers from 0.00001 to 0.0001 (checked on every float spelling,
see the tests), so an output holding a digit before ``e-``, or ``0.0000``, or ``null``, is
written again with ``json.dumps``.

``tests/formats/test_fast_json.py`` runs the JSON tests with and without orjson and checks
the two agree byte for byte.
"""

from __future__ import annotations

import json
import re
from types import ModuleType
from typing import Any, Final

from incidents.formats._strict_json import BOM

__all__ = ["dumps", "read"]


def _orjson() -> ModuleType | None:
    try:
        import orjson
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    return orjson


#: The module, or None to use the standard library (tests switch it off).
orjson: ModuleType | None = _orjson()

#: What the key count cannot see through (with an escaped quote or a \\u escape): white
#: space between a key and its colon.
_SPACED_KEY: Final = re.compile(r'"[ \t\n\r]+:')
#: A float orjson spells differently from ``repr``.


def read(text: str) -> Any:
    """The document as ``json.loads`` gives it (dicts) if orjson may read it, else ``None``.

    ``None`` also for any document orjson refuses: the caller's own path decides and says why.
    """
    module = orjson
    if module is None or text.startswith(BOM):
        return None
    if "\\" in text and ('\\"' in text or "\\u" in text):
        return None
    if _SPACED_KEY.search(text) is not None:
        return None
    try:
        data = module.loads(text)
        written = module.dumps(data)  # deeper than 254 levels: TypeError, "Recursion limit"
    except (ValueError, TypeError):  # orjson.JSONDecodeError is a ValueError
        return None
    if written.count(b'":') != text.count('":'):
        return None  # a key was given twice
    return data


def _spelled_as_json_dumps(written: bytes) -> bool:
    """Whether no float of orjson's writing may be spelled otherwise by ``json.dumps``.

    orjson and ``repr`` differ only on a negative exponent of one digit (``1e-7`` against
    ``1e-07``) and on numbers from 0.00001 to 0.0001 (``0.00001`` against ``1e-05``); a
    ``null`` may be a NaN, which ``json.dumps`` refuses. Substring searches, not a regular
    expression: they cost little even on a large document, and a text that merely holds
    ``null``, ``0.0000`` or a digit before ``e-`` only costs the second writing.
    """
    if b"0.0000" in written or b"null" in written:
        return False
    found = written.find(b"e-")
    while found > 0:
        if 48 <= written[found - 1] <= 57:  # a digit, then e-: an exponent
            return False
        found = written.find(b"e-", found + 2)
    return True


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\\n"``."""
    module = orjson
    if module is not None:
        try:
            written: bytes = module.dumps(data, option=module.OPT_INDENT_2)
        except TypeError:  # an integer beyond 64 bits: json.dumps writes it
            written = b"null"
        if _spelled_as_json_dumps(written):
            return written.decode("utf-8") + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
