"""Marks the strict readers leave in plain data: values that must not be loaded.

A reader that meets a duplicate key or a forbidden number does not stop at the first: it
puts a mark in its place (:class:`DuplicateKeys` for an object, :class:`Flagged` for a
value) and goes on, so that :func:`flag_findings` and the walk of
:mod:`incidents.formats._diagnosis` can list every one of them with its place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from incidents._places import Finding, escape_pointer

__all__ = ["DuplicateKeys", "Flagged", "flag_findings"]


class Flagged:
    """A value the reader replaced because it must not be loaded (NaN, a huge number).

    ``message`` says what was wrong; the walk reports it at the value's path.
    """

    __slots__ = ("code", "message")

    def __init__(self, message: str, code: str) -> None:
        self.message = message
        self.code = code

    def __repr__(self) -> str:
        return f"Flagged({self.message!r})"


class DuplicateKeys(dict[str, Any]):
    """A JSON object in which some keys appeared more than once (the last value is kept)."""

    duplicates: tuple[str, ...] = ()


def flag_findings(data: Any, pointer: str = "") -> Iterator[Finding]:
    """The syntax problems the JSON reader marked in ``data``: duplicate keys (an object of
    :class:`DuplicateKeys`) and forbidden numbers (a :class:`Flagged` value)."""
    if isinstance(data, Flagged):
        yield pointer, data.code, data.message
    elif isinstance(data, dict):
        for key in getattr(data, "duplicates", ()):
            message = f"duplicate key {key!r} (each key may appear once)"
            yield f"{pointer}/{escape_pointer(key)}", "E105", message
        for key, value in data.items():
            yield from flag_findings(value, f"{pointer}/{escape_pointer(key)}")
    elif isinstance(data, list):
        for position, value in enumerate(data):
            yield from flag_findings(value, f"{pointer}/{position}")
