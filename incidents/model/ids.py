"""Record ids: ``kind:slug``, e.g. ``actor:az-mfa`` or ``incident:yekaterinburg-raids-2025``.

The kind prefix says which record an id names, so a reference can be checked without the
dataset: a field that points at an actor accepts only ``actor:`` ids. The slug is lower-case
ASCII letters and digits in hyphen-separated words; the whole id is at most 128 characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

from incidents.errors import ArgumentError

__all__ = [
    "ID_KINDS",
    "SLUG_PATTERN",
    "IdKind",
    "id_kind",
    "id_pattern",
    "make_id",
    "slugify",
]

#: The record kinds that have ids, as used in the prefix.
IdKind = Literal["actor", "source", "incident", "measure"]
ID_KINDS: Final[tuple[IdKind, ...]] = ("actor", "source", "incident", "measure")

#: Regular expression (without anchors) for the slug part of an id.
SLUG_PATTERN: Final = r"[a-z0-9]+(?:-[a-z0-9]+)*"
#: The longest id, prefix included (the schemas state the same bound).
MAX_ID_LENGTH: Final = 128
MAX_SLUG_LENGTH: Final = MAX_ID_LENGTH - len("incident:")

# Latin letters with no Unicode decomposition to an ASCII base letter.
_NO_DECOMPOSITION: Final = str.maketrans(
    {
        "ə": "e",
        "Ə": "E",
        "ı": "i",  # noqa: RUF001 - Azerbaijani and Turkish dotless i
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "Th",
    }
)

_ID = re.compile(rf"(?P<kind>[a-z]+):(?P<slug>{SLUG_PATTERN})")


def id_pattern(*kinds: IdKind) -> str:
    """Return an anchored regular expression matching ids of the given kinds (all if none)."""
    chosen = kinds or ID_KINDS
    alternatives = "|".join(chosen)
    prefix = f"(?:{alternatives})" if len(chosen) > 1 else alternatives
    return f"^{prefix}:{SLUG_PATTERN}$"


def id_kind(value: str) -> str | None:
    """Return the kind prefix of a well-formed id (``"actor"``), or ``None`` if malformed."""
    match = _ID.fullmatch(value)
    if match is None or len(value) > MAX_ID_LENGTH:
        return None
    kind = match["kind"]
    return kind if kind in ID_KINDS else None


def slugify(text: str) -> str:
    """Turn a name into a slug: ``"Sputnik Azərbaycan"`` -> ``"sputnik-azerbaycan"``.

    Letters are stripped of diacritics, everything that is not a letter or digit becomes a
    hyphen. Letters with no ASCII form (Cyrillic, say) are dropped, so transliterate first.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:MAX_SLUG_LENGTH].rstrip("-")


def make_id(kind: IdKind, name: str) -> str:
    """Return a well-formed id of ``kind`` for ``name``: ``make_id("actor", "AZ MFA")``."""
    slug = slugify(name)
    if not slug:
        reason = "needs ASCII letters or digits (transliterate other scripts first)"
        raise ArgumentError("make_id", "name", name, reason)
    return f"{kind}:{slug}"
