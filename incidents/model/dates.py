"""Partial dates: a year, a month or a day, or an interval of them, possibly qualified.

The text form is EDTF (ISO 8601-2) level 0 and the parts of level 1 that incident records need:

==========================  ===================================================
``2025``                    some day in 2025
``2025-06``                 some day in June 2025
``2025-06-27``              27 June 2025
``2025-06~``                approximately June 2025
``2025-06-27?``             27 June 2025, uncertain
``2025-06-27%``             approximate and uncertain
``2024-12-25/2025-07-04``   an interval; each end has its own precision and qualifier
``2018-03-14/..``           an open end: from 14 March 2018 and still going on
``../2018-03``              an open start: since a time nobody dates, until March 2018
``2018-03-14/``             an unknown end: it ended, but no source says when
``/2018-03``                an unknown start
``2018-03-XX``              a day that exists but is not given (some day in March 2018)
``2018-XX``, ``2018-XX-XX`` an unspecified month (and day): some day in 2018
``201X``, ``20XX``          an unspecified last digit (a decade) or two (a century)
==========================  ===================================================

Comparison is honest about precision: ``2025-06`` is neither before nor after ``2025-06-27``,
so the ordinary ``<`` operators are not defined; use :meth:`PartialDate.is_before`,
:meth:`PartialDate.is_after` and :meth:`PartialDate.overlaps`. A qualified point (``~``, ``?``
or ``%``) is widened by one unit of its precision on each side before comparing: ``2025-06~``
covers 1 May to 31 July 2025. An open or unknown end reaches as far as the calendar does, so
it never makes a date certainly before or after another on that side.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Final, Literal, Self, cast, get_args

import attrs

from incidents.errors import FieldError, OrderError
from incidents.model._edtf_messages import SEASON, not_a_date
from incidents.model._edtf_patterns import _PARSER, EDTF_PATTERN
from incidents.model._fields import doc, fail

__all__ = [
    "EDTF_PATTERN",
    "DatePoint",
    "Missing",
    "PartialDate",
    "Precision",
    "Unspecified",
    "not_a_date",
]

#: How much of a date is known: a point's span is one day, month, year, decade or century.
Precision = Literal["century", "decade", "year", "month", "day"]
#: Which trailing part of a point is written as ``X`` (EDTF level 1 unspecified digits).
Unspecified = Literal["day", "month", "month_and_day", "year_digit", "year_digits"]
#: A missing interval end: ``"open"`` (``..``, it goes on) or ``"unknown"`` (empty: it has a
#: bound nobody gives).
Missing = Literal["open", "unknown"]

_QUALIFIERS: Final = {
    None: (False, False),
    "~": (True, False),
    "?": (False, True),
    "%": (True, True),
}
_MISSING: Final = frozenset(get_args(Missing))
#: Which parts an unspecified point has: (month given, day given, year a multiple of).
_UNSPECIFIED_SHAPE: Final[dict[str | None, tuple[bool, bool, int]]] = {
    "day": (True, False, 1),
    "month": (False, False, 1),
    "month_and_day": (False, False, 1),
    "year_digit": (False, False, 10),
    "year_digits": (False, False, 100),
}


@attrs.frozen(kw_only=True, order=False)
class DatePoint:
    """One end of a partial date: a year, a year and month, or a full day, maybe qualified.

    ``unspecified`` says which trailing part the source leaves unspecified (EDTF ``X``):
    ``DatePoint(year=2018, month=3, unspecified="day")`` is ``2018-03-XX``, and
    ``DatePoint(year=2010, unspecified="year_digit")`` is ``201X``, the decade 2010-2019.
    """

    year: int = attrs.field(metadata=doc("Year, 1 to 9999."))
    month: int | None = attrs.field(default=None, metadata=doc("Month 1-12, if known."))
    day: int | None = attrs.field(default=None, metadata=doc("Day of the month, if known."))
    approximate: bool = attrs.field(
        default=False, metadata=doc("EDTF '~': the source gives the date as approximate.")
    )
    uncertain: bool = attrs.field(
        default=False, metadata=doc("EDTF '?': the source is unsure of the date.")
    )
    unspecified: Unspecified | None = attrs.field(
        default=None,
        metadata=doc(
            "EDTF 'X': the trailing part the source leaves unspecified: 'day' (2018-03-XX), "
            "'month' (2018-XX), 'month_and_day' (2018-XX-XX), 'year_digit' (201X) or "
            "'year_digits' (20XX)."
        ),
    )

    def __attrs_post_init__(self) -> None:
        for name in ("year", "month", "day"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise fail(
                    self, name, value, f"expected an integer, not {type(value).__name__}", "E203"
                )
        for name in ("approximate", "uncertain"):
            if not isinstance(getattr(self, name), bool):
                raise fail(self, name, getattr(self, name), "expected True or False", "E203")
        if not 1 <= self.year <= 9999:
            raise fail(self, "year", self.year, "year must be from 1 to 9999", "E207")
        if self.unspecified is not None:
            self._check_unspecified()
        if self.month is None:
            if self.day is not None:
                raise fail(self, "day", self.day, "a day needs a month", "E206")
            return
        if not 1 <= self.month <= 12:
            raise fail(self, "month", self.month, "month must be from 1 to 12", "E302")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                reason = f"{self.year}-{self.month:02d} has {last} days, so no day {self.day}"
                raise fail(self, "day", self.day, reason, "E302")

    def _check_unspecified(self) -> None:
        shape = _UNSPECIFIED_SHAPE.get(self.unspecified)
        if shape is None:
            reason = f"expected one of {', '.join(get_args(Unspecified))} or None"
            raise fail(self, "unspecified", self.unspecified, reason, "E203")
        with_month, _, multiple = shape
        if (self.month is not None) != with_month or self.day is not None:
            given = "a month and no day" if with_month else "neither month nor day"
            reason = f"unspecified {self.unspecified!r} takes {given}"
            raise fail(self, "unspecified", self.unspecified, reason, "E206")
        if self.year % multiple:
            reason = (
                f"unspecified {self.unspecified!r} takes a year that is a multiple of {multiple}"
            )
            raise fail(self, "year", self.year, reason, "E206")
        if self.approximate or self.uncertain:
            reason = "a date with unspecified digits cannot also be approximate or uncertain"
            raise fail(self, "unspecified", self.unspecified, reason, "E206")

    @property
    def precision(self) -> Precision:
        """``"century"``, ``"decade"``, ``"year"``, ``"month"`` or ``"day"``: what is known."""
        if self.unspecified == "year_digits":
            return "century"
        if self.unspecified == "year_digit":
            return "decade"
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def earliest(self) -> dt.date:
        """The first day this point may stand for (widened when qualified)."""
        first = dt.date(self.year, self.month or 1, self.day or 1)
        if not (self.approximate or self.uncertain):
            return first
        return _shift(first, self.precision, -1)

    @property
    def latest(self) -> dt.date:
        """The last day this point may stand for (widened when qualified)."""
        if self.unspecified in ("year_digit", "year_digits"):
            return dt.date(self.year + (9 if self.unspecified == "year_digit" else 99), 12, 31)
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        last = dt.date(self.year, month, day)
        if not (self.approximate or self.uncertain):
            return last
        return _shift(last, self.precision, +1)

    def __str__(self) -> str:
        if self.unspecified is not None:
            return _unspecified_text(self)
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            text += "%"
        elif self.approximate:
            text += "~"
        elif self.uncertain:
            text += "?"
        return text


def _unspecified_text(point: DatePoint) -> str:
    if point.unspecified == "year_digits":
        return f"{point.year // 100:02d}XX"
    if point.unspecified == "year_digit":
        return f"{point.year // 10:03d}X"
    if point.unspecified == "day":
        return f"{point.year:04d}-{point.month:02d}-XX"
    return f"{point.year:04d}-XX" + ("-XX" if point.unspecified == "month_and_day" else "")


@attrs.frozen(kw_only=True, order=False, repr=False)
class PartialDate:
    """A date known to a year, month or day, or an interval between two such dates.

    Build one from EDTF text with :meth:`parse` (``PartialDate.parse("2025-06-27")``) or from
    numbers with :meth:`of`; ``str()`` gives the EDTF text back. An interval may have one
    end missing: ``start_missing`` or ``end_missing`` is ``"open"`` (``2018-03-14/..``, it
    goes on) or ``"unknown"`` (``2018-03-14/``, it ended but no one says when).
    """

    start: DatePoint | None = attrs.field(
        default=None,
        metadata=doc("The date, or the start of the interval; absent when the start is missing."),
    )
    end: DatePoint | None = attrs.field(
        default=None, metadata=doc("The end of the interval; absent for a single date.")
    )
    start_missing: Missing | None = attrs.field(
        default=None,
        metadata=doc("Why an interval has no start: 'open' ('../2018') or 'unknown' ('/2018')."),
    )
    end_missing: Missing | None = attrs.field(
        default=None,
        metadata=doc("Why an interval has no end: 'open' ('2018/..') or 'unknown' ('2018/')."),
    )

    def __attrs_post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, DatePoint):
                raise fail(self, name, value, "expected DatePoint or None", "E203")
        for name in ("start_missing", "end_missing"):
            value = getattr(self, name)
            if value is not None and value not in _MISSING:
                raise fail(self, name, value, "expected 'open', 'unknown' or None", "E203")
        self._check_ends()

    def _check_ends(self) -> None:
        if (self.start is None) == (self.start_missing is None):
            reason = "give either a start or why it is missing (start_missing), not both"
            if self.start is None and self.end is None:
                reason = "a date needs a start, or an end and why the start is missing"
            raise fail(self, "start", self.start, reason, "E206")
        if self.end is not None and self.end_missing is not None:
            reason = "give either an end or why it is missing (end_missing), not both"
            raise fail(self, "end_missing", self.end_missing, reason, "E206")
        if self.start is None and self.end is None:
            reason = "an interval with a missing start needs an end"
            raise fail(self, "end", self.end, reason, "E206")
        first, last = self.start, self.end
        if first is not None and last is not None and first.earliest > last.latest:
            reason = f"the interval ends before it starts ({self})"
            raise fail(self, "end", str(self.end), reason, "E302")

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read EDTF text (see the module documentation); raise :class:`FieldError` if bad."""
        if not isinstance(text, str):
            reason = "expected EDTF text such as '2025-06-27'"
            raise FieldError(cls.__name__, "text", text, reason, "E203")
        if cls is PartialDate:  # dates repeat across records: parse each text once
            return cast(Self, _parse_cached(text))
        return cls._parse(text)

    @classmethod
    def text_problem(cls, text: str) -> str:
        """What is wrong with ``text`` given for a date (a record field check's reason)."""
        try:
            cls.parse(text)
        except FieldError as error:
            return error.reason
        return f"expected {cls.__name__}, not str: use {cls.__name__}.parse({text!r})"

    @classmethod
    def _parse(cls, text: str) -> Self:
        match = _PARSER.fullmatch(text)
        try:
            ends = None if match is None else _ends(match)
            if ends is not None:
                start, start_missing, end, end_missing = ends
                return cls(
                    start=start, end=end, start_missing=start_missing, end_missing=end_missing
                )
            code, reason = "E206", not_a_date(text)
        except FieldError as error:
            code, reason = error.code, error.reason
            if SEASON.search(text):  # a season reads as a month from 21 to 41
                reason = not_a_date(text)
        raise FieldError(cls.__name__, "text", text, reason, code)

    @classmethod
    def of(
        cls,
        year: int,
        month: int | None = None,
        day: int | None = None,
        *,
        approximate: bool = False,
        uncertain: bool = False,
    ) -> Self:
        """A single date: ``PartialDate.of(2025, 6, 27)``."""
        point = DatePoint(
            year=year, month=month, day=day, approximate=approximate, uncertain=uncertain
        )
        return cls(start=point)

    @classmethod
    def between(cls, start: PartialDate | str, end: PartialDate | str) -> Self:
        """An interval from two single dates (or their EDTF text)."""
        first = start if isinstance(start, PartialDate) else cls.parse(start)
        last = end if isinstance(end, PartialDate) else cls.parse(end)
        if first.is_interval or last.is_interval:
            raise FieldError(cls.__name__, "end", last, "interval ends must be single dates")
        return cls(start=first.start, end=last.start)

    @property
    def is_interval(self) -> bool:
        """Whether this is an interval rather than a single date."""
        return not (self.end is None and self.start_missing is None and self.end_missing is None)

    @property
    def earliest(self) -> dt.date:
        """The first day this date may stand for (``date.min`` when the start is missing)."""
        return dt.date.min if self.start is None else self.start.earliest

    @property
    def latest(self) -> dt.date:
        """The last day this date may stand for (``date.max`` when the end is missing)."""
        if self.end is not None:
            return self.end.latest
        if self.end_missing is not None or self.start is None:
            return dt.date.max
        return self.start.latest

    def known_span(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the ends this date gives, leaving out a missing one:
        ``2018-03-14/..`` is 14 March 2018 and ``../2018-03`` March 2018. For tables and
        charts, which must put a date somewhere; comparisons use ``earliest`` and ``latest``."""
        first = cast(DatePoint, self.start if self.start is not None else self.end)
        last = cast(DatePoint, self.end if self.end is not None else self.start)
        return first.earliest, last.latest  # a date has at least one end

    def is_before(self, other: PartialDate) -> bool:
        """Whether this date is certainly before ``other`` (every day of it precedes every day)."""
        return self.latest < other.earliest

    def is_after(self, other: PartialDate) -> bool:
        """Whether this date is certainly after ``other``."""
        return self.earliest > other.latest

    def overlaps(self, other: PartialDate) -> bool:
        """Whether the two dates may share a day (neither is certainly before the other)."""
        return not (self.is_before(other) or self.is_after(other))

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """A key for timelines: by earliest day, then by latest day.

        ``sorted(dates, key=PartialDate.sort_key)``; for records,
        :meth:`Dataset.chronological <incidents.Dataset.chronological>`.
        """
        return (self.earliest, self.latest)

    def __lt__(self, other: object) -> bool:
        raise _not_ordered(self, other)

    def __le__(self, other: object) -> bool:
        raise _not_ordered(self, other)

    def __gt__(self, other: object) -> bool:
        raise _not_ordered(self, other)

    def __ge__(self, other: object) -> bool:
        raise _not_ordered(self, other)

    def __str__(self) -> str:
        if not self.is_interval:
            return str(self.start)
        return (
            f"{_end_text(self.start, self.start_missing)}/{_end_text(self.end, self.end_missing)}"
        )

    def __repr__(self) -> str:
        return f"PartialDate.parse({str(self)!r})"


def _not_ordered(date: PartialDate, other: object) -> OrderError:
    reason = (
        "partial dates have no '<' (2025-06 is neither before nor after 2025-06-27); sort "
        "with key=PartialDate.sort_key (records: Dataset.chronological()), or ask "
        "date.is_before(other), is_after or overlaps"
    )
    return OrderError(date, other, reason)


def _end_text(point: DatePoint | None, missing: Missing | None) -> str:
    if point is not None:
        return str(point)
    return ".." if missing == "open" else ""


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> PartialDate:
    """``PartialDate.parse`` for the base class, remembered (dates are immutable)."""
    return PartialDate._parse(text)


def _ends(
    match: re.Match[str],
) -> tuple[DatePoint | None, Missing | None, DatePoint | None, Missing | None] | None:
    """The two ends of a matched text, or ``None`` if it is not a date this library reads
    after all: nothing on either side of ``/``, or ``X`` where EDTF level 1 has none."""
    groups = match.groups()
    start = None if groups[0] is None else _point(*groups[0:4])
    if match["slash"] is None:
        return None if start is None else (start, None, None, None)
    end = None if groups[6] is None else _point(*groups[6:10])
    if (start is None and groups[0] is not None) or (end is None and groups[6] is not None):
        return None
    if start is None and end is None:
        return None
    start_missing: Missing | None = None
    if start is None:
        start_missing = "open" if match["aopen"] else "unknown"
    end_missing: Missing | None = None
    if end is None:
        end_missing = "open" if match["bopen"] else "unknown"
    return start, start_missing, end, end_missing


def _point(
    year: str, month: str | None, day: str | None, qualifier: str | None
) -> DatePoint | None:
    """One end from its texts with ``X`` digits as ``unspecified``, or ``None`` where the
    ``X`` digits are not the last part of the date or come with a qualifier (EDTF level 2)."""
    unspecified: Unspecified | None = None
    if "X" in year:
        if month is not None:
            return None
        unspecified = "year_digit" if year.count("X") == 1 else "year_digits"
    elif month == "XX":
        if day not in (None, "XX"):
            return None
        unspecified = "month" if day is None else "month_and_day"
        month = day = None
    elif day == "XX":
        unspecified, day = "day", None
    if unspecified is not None and qualifier is not None:
        return None
    approximate, uncertain = _QUALIFIERS[qualifier]
    return DatePoint(
        year=int(year.replace("X", "0")),
        month=int(month) if month else None,
        day=int(day) if day else None,
        approximate=approximate,
        uncertain=uncertain,
        unspecified=unspecified,
    )


def _shift(day: dt.date, precision: Precision, direction: int) -> dt.date:
    """Move ``day`` by one unit of ``precision`` in ``direction``, clamped to the calendar."""
    try:
        if precision == "day":
            return day + dt.timedelta(days=direction)
        if precision == "month":
            month_index = day.year * 12 + day.month - 1 + direction
            year, month = divmod(month_index, 12)
            month += 1
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1 if direction < 0 else last)
        year = day.year + direction
        return dt.date(year, 1, 1) if direction < 0 else dt.date(year, 12, 31)
    except (ValueError, OverflowError):
        return dt.date.min if direction < 0 else dt.date.max
