"""Where each value of a JSON text starts: JSON Pointer -> (line, column).

Used to give problems found in parsed data a line and column in the source text. The text
must already have parsed as JSON (and passed the depth check), so this scanner can be small.
Lines and columns are 1-based; columns count characters, not bytes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from json import decoder
from json.scanner import NUMBER_RE
from typing import Final

from incidents._places import escape_pointer

__all__ = ["value_positions"]

_SPACE: Final = re.compile(r"[ \t\n\r]*")
_LITERALS: Final = ("true", "false", "null", "NaN", "Infinity", "-Infinity")
# The standard library's string scanner (not in its type stubs): (text, index) -> (str, end).
_scan_string: Callable[[str, int], tuple[str, int]] = decoder.scanstring  # type: ignore[attr-defined]


def value_positions(text: str) -> dict[str, tuple[int, int]]:
    """Map the JSON Pointer of every value in ``text`` to its (line, column)."""
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    offsets: dict[str, int] = {}
    _Scanner(text, offsets).value(_skip(text, 0), "")
    positions = {}
    for pointer, offset in offsets.items():
        line = bisect.bisect_right(line_starts, offset)
        positions[pointer] = (line, offset - line_starts[line - 1] + 1)
    return positions


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match else index


class _Scanner:
    def __init__(self, text: str, offsets: dict[str, int]) -> None:
        self.text = text
        self.offsets = offsets

    def value(self, index: int, pointer: str) -> int:
        """Record the value at ``index``; return the index just after it."""
        self.offsets[pointer] = index
        char = self.text[index : index + 1]
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
