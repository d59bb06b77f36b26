"""The record rules, written once for the pydantic and msgspec peers.

The patterns are the published JSON Schema's (taken from the library, so the peers check the
same shapes); the rules that no pattern can state (Unicode NFC, dates that exist, an
interval's order, counts in order, a retroactive measure's dates) are small independent
functions here, the code a user moving to pydantic or msgspec would have to write. They do
not call the library's own checks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
import unicodedata
from typing import Final

from incidents.model._fields import LANGUAGE_PATTERN, MAX_COUNT
from incidents.model.actors import IDENTIFIER_PATTERNS
from incidents.model.countries import COUNTRIES
from incidents.model.dates import EDTF_PATTERN
from incidents.model.ids import IdKind, id_pattern

__all__ = [
    "COUNTRY_CODES",
    "DATE_PATTERN",
    "IDENTIFIER_PATTERNS",
    "LANGUAGE_PATTERN",
    "LINE_PATTERN",
    "MAX_COUNT",
    "TEXT_PATTERN",
    "URL_PATTERN",
    "VERSION_PATTERN",
    "count_problem",
    "date_bounds",
    "date_problem",
    "id_pattern",
    "is_after",
    "location_problem",
    "text_problem",
]

COUNTRY_CODES: Final = tuple(sorted(COUNTRIES))
DATE_PATTERN: Final = EDTF_PATTERN
VERSION_PATTERN: Final = r"^1\.(0|[1-9][0-9]*)$"
URL_PATTERN: Final = r"^https?://[^\s/?#@]+(?:[/?#][^\s]*)?$"

# Characters text may not hold (the schema's sets; literal characters, so that Rust's regex
# crate and Python's re read the same class).
_FORBIDDEN: Final = "\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff"
_FORBIDDEN_IN_LINE: Final = "\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff"
#: One line: no forbidden character, no line break or tab, no white space at either end.
LINE_PATTERN: Final = (
    f"^[^\\s{_FORBIDDEN_IN_LINE}](?:[^{_FORBIDDEN_IN_LINE}]*[^\\s{_FORBIDDEN_IN_LINE}])?$"
)
#: Text: at least one non-space character, no forbidden character.
TEXT_PATTERN: Final = f"^[^{_FORBIDDEN}]*[^\\s{_FORBIDDEN}][^{_FORBIDDEN}]*$"

IdKinds = tuple[IdKind, ...]


def text_problem(value: str) -> str | None:
    """What the patterns cannot see: NFC, and text made only of invisible characters."""
    if not unicodedata.is_normalized("NFC", value):
        return "text must be in Unicode NFC"
    if not any(char.isprintable() and not char.isspace() for char in value):
        return "text must not be only invisible characters"
    return None


_POINT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%])?")


def _point_bounds(text: str) -> tuple[dt.date, dt.date]:
    match = _POINT.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a date")
    year, month, day, qualifier = match.groups()
    y = int(year)
    if y < 1:
        raise ValueError("year must be from 1 to 9999")
    if month is None:
        first, last, unit = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    else:
        m = int(month)
        days = calendar.monthrange(y, m)[1]
        if day is None:
            first, last, unit = dt.date(y, m, 1), dt.date(y, m, days), "month"
        else:
            d = int(day)
            if not 1 <= d <= days:
                raise ValueError(f"{y}-{m:02d} has {days} days, so no day {d}")
            first = last = dt.date(y, m, d)
            unit = "day"
    if qualifier:
        first, last = _widen(first, unit, -1), _widen(last, unit, +1)
    return first, last


def _widen(day: dt.date, unit: str, direction: int) -> dt.date:
    try:
        if unit == "day":
            return day + dt.timedelta(days=direction)
        if unit == "month":
            year, month = divmod(day.year * 12 + day.month - 1 + direction, 12)
            last = calendar.monthrange(year, month + 1)[1]
            return dt.date(year, month + 1, 1 if direction < 0 else last)
        return (
            dt.date(day.year + direction, 1, 1) if direction < 0 else dt.date(day.year + 1, 12, 31)
        )
    except (ValueError, OverflowError):
        return dt.date.min if direction < 0 else dt.date.max


def date_bounds(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day an EDTF date (already matching the pattern) may stand for."""
    start, _, end = text.partition("/")
    first, last = _point_bounds(start)
    if end:
        last = _point_bounds(end)[1]
        if first > last:  # as the library compares an interval's ends
            raise ValueError("the interval ends before it starts")
    return first, last


def date_problem(text: str) -> str | None:
    """Why an EDTF date (matching the pattern) does not exist, or None."""
    try:
        date_bounds(text)
    except ValueError as error:
        return str(error)
    return None


def is_after(first: str, second: str) -> bool:
    """Whether date ``first`` is certainly after date ``second``."""
    return date_bounds(first)[0] > date_bounds(second)[1]


def count_problem(
    best: int | None, low: int | None, high: int | None, qualifier: str
) -> str | None:
    """The count rules: which figures a qualifier needs, and low <= best <= high."""
    if qualifier != "between" and best is None:
        return f"a count qualified {qualifier!r} needs best"
    if qualifier == "exact" and (low is not None or high is not None):
        return "an exact count has no bounds"
    if qualifier == "between" and (low is None or high is None):
        return "a count qualified 'between' needs low and high"
    present = [value for value in (low, best, high) if value is not None]
    if any(a > b for a, b in itertools.pairwise(present)):
        return "low <= best <= high"
    return None


def location_problem(
    name: str | None, country: str | None, lat: float | None, lon: float | None, precision: object
) -> str | None:
    """The location rules: coordinates in pairs, precision with them, something given."""
    if (lat is None) != (lon is None):
        return "latitude and longitude come together"
    if precision is not None and lat is None:
        return "precision needs coordinates"
    if name is None and country is None and lat is None:
        return "a location needs a name, a country or coordinates"
    return None
