"""Where each value of a JSON text starts: JSON Pointer -> (line, column).

Used to give problems found in parsed data a line and column in the source text. The text
must already have parsed as JSON (and passed the depth check), so this scanner can be small.
Lines and columns are 1-based; columns count characters, not bytes.

Given the pointers it is asked about, the scanner goes down only the objects and arrays on
their way and steps over every other value with the standard library's C scanner, so that
placing a few problems in a large document costs about one ``json.loads`` of it rather
than a character-by-character walk of all of it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection
from json import decoder, scanner
from json.scanner import NUMBER_RE
from typing import Final

from incidents._places import escape_pointer

__all__ = ["value_positions"]

_SPACE: Final = re.compile(r"[ \t\n\r]*")
_LITERALS: Final = ("true", "false", "null", "NaN", "Infinity", "-Infinity")
# The standard library's string scanner (not in its type stubs): (text, index) -> (str, end).
_scan_string: Callable[[str, int], tuple[str, int]] = decoder.scanstring  # type: ignore[attr-defined]
# The standard library's value scanner: (text, index) -> (value, end); C where available.
_scan_value: Callable[[str, int], tuple[object, int]] = scanner.make_scanner(
    decoder.JSONDecoder()  # type: ignore[arg-type]
)


def value_positions(
    text: str, pointers: Collection[str] | None = None
) -> dict[str, tuple[int, int]]:
    """Map the JSON Pointer of every value in ``text`` to its (line, column).

    With ``pointers``, only the values on the way to those (each of them and every value
    that encloses one, where the text has it) are sure to be in the map, with the same
    positions as in the whole map.
    """
    offsets: dict[str, int] = {}
    ways = None if pointers is None else _enclosing(pointers)
    _Scanner(text, offsets, ways).value(_skip(text, 0), "")
    if pointers is None or ways is None:
        line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        positions = {}
        for pointer, offset in offsets.items():
            line = bisect.bisect_right(line_starts, offset)
            positions[pointer] = (line, offset - line_starts[line - 1] + 1)
        return positions
    asked = ways.union(pointers, [""])
    return _lines_and_columns(text, {p: at for p, at in offsets.items() if p in asked})


def _lines_and_columns(text: str, offsets: dict[str, int]) -> dict[str, tuple[int, int]]:
    """(line, column) of each offset, counting line feeds from one offset to the next."""
    positions = {}
    line, previous = 1, 0
    for pointer, offset in sorted(offsets.items(), key=lambda item: item[1]):
        line += text.count("\n", previous, offset)
        previous = offset
        positions[pointer] = (line, offset - text.rfind("\n", 0, offset))
    return positions


def _enclosing(pointers: Collection[str]) -> set[str]:
    """Every pointer that encloses one of ``pointers`` ('' encloses them all)."""
    ways: set[str] = set()
    for pointer in pointers:
        while pointer:
            pointer = pointer.rsplit("/", 1)[0]
            if pointer in ways:
                break
            ways.add(pointer)
    return ways


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match else index


class _Scanner:
    def __init__(self, text: str, offsets: dict[str, int], ways: set[str] | None) -> None:
        self.text = text
        self.offsets = offsets
        #: The objects and arrays to go into (``None``: all of them).
        self.ways = ways

    def value(self, index: int, pointer: str) -> int:
        """Record the value at ``index``; return the index just after it."""
        self.offsets[pointer] = index
        char = self.text[index : index + 1]
        if self.ways is not None and char in ("{", "[") and pointer not in self.ways:
            try:
                return _scan_value(self.text, index)[1]
            except (StopIteration, ValueError, RecursionError):
                pass  # a value the standard reader refuses: walked below, as without pointers
        if char == "{":
            return self.members(index + 1, pointer)
        if char == "[":
            return self.items(index + 1, pointer)
        if char == '"':
            return _scan_string(self.text, index + 1)[1]
        number = NUMBER_RE.match(self.text, index)
        if number:
            return int(number.end())
        for literal in _LITERALS:
            if self.text.startswith(literal, index):
                return index + len(literal)
        raise ValueError(f"not JSON at offset {index}")

    def members(self, index: int, pointer: str) -> int:
        index = _skip(self.text, index)
        if self.text.startswith("}", index):
            return index + 1
        while True:
            key, index = _scan_string(self.text, index + 1)
            index = _skip(self.text, _skip(self.text, index) + 1)  # past the colon
            index = _skip(self.text, self.value(index, f"{pointer}/{escape_pointer(key)}"))
            if self.text.startswith("}", index):
                return index + 1
            index = _skip(self.text, index + 1)  # past the comma

    def items(self, index: int, pointer: str) -> int:
        index = _skip(self.text, index)
        if self.text.startswith("]", index):
            return index + 1
        position = 0
        while True:
            index = _skip(self.text, self.value(index, f"{pointer}/{position}"))
            position += 1
            if self.text.startswith("]", index):
                return index + 1
            index = _skip(self.text, index + 1)
