"""Did-you-mean for references that resolve nowhere (E402, E403).

A dangling ``actor:azerbajan`` gets "did you mean 'actor:azerbaijan'?", the nearest id of
the same kind in the dataset. Both validators give the same suggestion: the in-memory one
from the ids it holds, the JSON Lines one from a pass over the ids it makes only when a
reference dangles. Suggestions are bounded so a broken file stays fast to check: the first
:data:`MAX_SUGGESTED` distinct dangling values are looked up, among at most :data:`MAX_IDS` ids.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from typing import Final

__all__ = ["MAX_IDS", "MAX_SUGGESTED", "Suggester", "suggestion"]

#: At most this many distinct dangling values get a suggestion, in document order.
MAX_SUGGESTED: Final = 20
#: Datasets with more ids than this get no suggestion (the lookup would be slow).
MAX_IDS: Final = 100_000
#: How alike the slugs must be (difflib's ratio) for a suggestion.
_CUTOFF: Final = 0.75
_DANGLING: Final = re.compile(r"^(?:refers to|cites) '([a-z]+):([a-z0-9-]+)'")


class Suggester:
    """Adds a did-you-mean to E402 and E403 messages, asking ``ids`` for the dataset's ids
    (in document order) the first time a reference dangles."""

    def __init__(self, ids: Callable[[], Sequence[str]]) -> None:
        self._ids = ids
        self._by_kind: dict[str, list[str]] | None = None
        self._found: dict[str, str | None] = {}

    def message(self, code: str, message: str) -> str:
        """``message`` with the nearest id appended, when there is one."""
        if code not in ("E402", "E403"):
            return message
        match = _DANGLING.match(message)
        if match is None:
            return message
        value = f"{match[1]}:{match[2]}"
        if value not in self._found:
            if len(self._found) >= MAX_SUGGESTED:
                return message
            self._found[value] = suggestion(match[1], match[2], self._kinds())
        nearest = self._found[value]
        return message if nearest is None else f"{message}; did you mean {nearest!r}?"

    def _kinds(self) -> dict[str, list[str]]:
        if self._by_kind is None:
            ids = self._ids()
            self._by_kind = {}
            if len(ids) <= MAX_IDS:
                for record_id in ids:
                    kind, _, slug = record_id.partition(":")
                    self._by_kind.setdefault(kind, []).append(slug)
        return self._by_kind


def suggestion(kind: str, slug: str, by_kind: dict[str, list[str]]) -> str | None:
    """The id of ``kind`` whose slug is nearest ``slug``, or ``None`` if none is near."""
    close = difflib.get_close_matches(slug, by_kind.get(kind, ()), n=1, cutoff=_CUTOFF)
    return f"{kind}:{close[0]}" if close else None
