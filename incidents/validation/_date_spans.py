"""Date texts as spans of days, for the semantic layer's rules on order.

Exactly what :meth:`PartialDate.parse <incidents.PartialDate.parse>` accepts, with its
``earliest`` and ``latest`` days. The EDTF level 0 texts nearly every record has are read
here without building the date: a document of 100,000 records has some 30,000 different
date texts, and each is read once per call. Level 1 texts (open or unknown ends, ``X``
digits) are left to the model's parser.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final

from incidents.errors import FieldError
from incidents.model.dates import PartialDate, Precision, _shift

__all__ = ["DaySpan", "day_span"]

#: A date text with its first and last day, or ``None`` if the text is not a date.
DaySpan = tuple[str, dt.date, dt.date] | None


def day_span(text: str, dates: dict[str, DaySpan]) -> DaySpan:
    """``text`` read as a date, once per call (``dates`` remembers)."""
    try:
        return dates[text]
    except KeyError:
        pass
    when = _days(text)
    dates[text] = when
    return when


def _days(text: str) -> DaySpan:
    """(text, first day, last day) of a date text, or ``None`` if it is not a date.

    Exactly what ``PartialDate.parse(text)`` accepts, with its ``earliest`` and ``latest``,
    without building the date: a document of 100,000 records has some 30,000 different date
    texts. The date itself is parsed only for a message.
    """
    match = _LEVEL0.fullmatch(text)
    if match is None:  # EDTF level 1, or not a date: the model's parser decides
        try:
            date = PartialDate.parse(text)
        except FieldError:
            return None
        return text, date.earliest, date.latest
    year, month, day, qualifier, end_year, end_month, end_day, end_qualifier = match.groups()
    start = _point_days(year, month, day, qualifier)
    if start is None:
        return None
    if end_year is None:
        return text, start[0], start[1]
    end = _point_days(end_year, end_month, end_day, end_qualifier)
    if end is None or start[0] > end[1]:  # an interval that ends before it starts
        return None
    return text, start[0], end[1]


#: EDTF level 0: a year, month or day, qualified or not, or an interval of two.
_LEVEL0: Final = re.compile(
    r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%])?"
    r"(?:/([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%])?)?"
)
_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _point_days(
    year_text: str, month_text: str | None, day_text: str | None, qualifier: str | None
) -> tuple[dt.date, dt.date] | None:
    """The first and last day of one end of a date (``DatePoint.earliest`` and ``latest``),
    or ``None`` where ``DatePoint`` refuses it."""
    year = int(year_text)
    if not 1 <= year <= 9999:
        return None
    precision: Precision
    if month_text is None:
        first, last, precision = dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    else:
        month = int(month_text)
        if not 1 <= month <= 12:
            return None
        days = 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]
        if day_text is None:
            first, last = dt.date(year, month, 1), dt.date(year, month, days)
            precision = "month"
        else:
            day = int(day_text)
            if not 1 <= day <= days:
                return None
            first = last = dt.date(year, month, day)
            precision = "day"
    if qualifier is not None:  # approximate or uncertain: one unit wider on each side
        return _shift(first, precision, -1), _shift(last, precision, +1)
    return first, last
