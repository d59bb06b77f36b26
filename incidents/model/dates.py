"""Partial dates: a year, a month or a day, or an interval of them, possibly qualified.

The text form is a subset of EDTF (ISO 8601-2) levels 0 and 1:

========================  =====================================================
``2025``                  some day in 2025
``2025-06``               some day in June 2025
``2025-06-27``            27 June 2025
``2025-06~``              approximately June 2025
``2025-06-27?``           27 June 2025, uncertain
``2025-06-27%``           approximate and uncertain
``2024-12-25/2025-07-04`` an interval; each end has its own precision and qualifier
========================  =====================================================

Comparison is honest about precision: ``2025-06`` is neither before nor after ``2025-06-27``,
so the ordinary ``<`` operators are not defined; use :meth:`PartialDate.is_before`,
:meth:`PartialDate.is_after` and :meth:`PartialDate.overlaps`. A qualified point (``~``, ``?``
or ``%``) is widened by one unit of its precision on each side before comparing: ``2025-06~``
covers 1 May to 31 July 2025.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Final, Literal, Self, cast

import attrs

from incidents.errors import FieldError
from incidents.model._fields import doc, fail

__all__ = ["EDTF_PATTERN", "DatePoint", "PartialDate", "Precision", "not_a_date"]

Precision = Literal["year", "month", "day"]

_POINT = (
    r"(?P<{p}year>[0-9]{{4}})"
    r"(?:-(?P<{p}month>[0-9]{{2}})(?:-(?P<{p}day>[0-9]{{2}}))?)?"
    r"(?P<{p}q>[~?%])?"
)
_PARSER: Final = re.compile(_POINT.format(p="a") + r"(?:/" + _POINT.format(p="b") + r")?")

#: Regular expression for the supported EDTF subset (shape only; month and day ranges too).
_POINT_SHAPE = r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?[~?%]?"
EDTF_PATTERN: Final = rf"^{_POINT_SHAPE}(?:/{_POINT_SHAPE})?$"

_QUALIFIERS: Final = {
    None: (False, False),
    "~": (True, False),
    "?": (False, True),
    "%": (True, True),
}


@attrs.frozen(kw_only=True, order=False)
class DatePoint:
    """One end of a partial date: a year, a year and month, or a full day, maybe qualified."""

    year: int = attrs.field(metadata=doc("Year, 1 to 9999."))
    month: int | None = attrs.field(default=None, metadata=doc("Month 1-12, if known."))
    day: int | None = attrs.field(default=None, metadata=doc("Day of the month, if known."))
    approximate: bool = attrs.field(
        default=False, metadata=doc("EDTF '~': the source gives the date as approximate.")
    )
    uncertain: bool = attrs.field(
        default=False, metadata=doc("EDTF '?': the source is unsure of the date.")
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

    @property
    def precision(self) -> Precision:
        """``"year"``, ``"month"`` or ``"day"``."""
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
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        last = dt.date(self.year, month, day)
        if not (self.approximate or self.uncertain):
            return last
        return _shift(last, self.precision, +1)

    def __str__(self) -> str:
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


@attrs.frozen(kw_only=True, order=False, repr=False)
class PartialDate:
    """A date known to a year, month or day, or an interval between two such dates.

    Build one from EDTF text with :meth:`parse` (``PartialDate.parse("2025-06-27")``) or from
    numbers with :meth:`of`; ``str()`` gives the EDTF text back.
    """

    start: DatePoint = attrs.field(metadata=doc("The date, or the start of the interval."))
    end: DatePoint | None = attrs.field(
        default=None, metadata=doc("The end of the interval; absent for a single date.")
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.start, DatePoint):
            raise fail(self, "start", self.start, "expected DatePoint", "E203")
        if self.end is None:
            return
        if not isinstance(self.end, DatePoint):
            raise fail(self, "end", self.end, "expected DatePoint or None", "E203")
        if self.start.earliest > self.end.latest:
            raise fail(
                self, "end", str(self.end), f"the interval ends before it starts ({self})", "E302"
            )

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
    def _parse(cls, text: str) -> Self:
        match = _PARSER.fullmatch(text)
        if match is None:
            raise FieldError(cls.__name__, "text", text, not_a_date(text), "E206")
        try:
            start = _point(match, "a")
            end = _point(match, "b") if match["byear"] else None
            return cls(start=start, end=end)
        except FieldError as error:
            reason = error.reason
            if _SEASON.search(text):  # a season reads as a month from 21 to 41
                reason = not_a_date(text)
            raise FieldError(cls.__name__, "text", text, reason, error.code) from None

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
        if first.end is not None or last.end is not None:
            raise FieldError(cls.__name__, "end", last, "interval ends must be single dates")
        return cls(start=first.start, end=last.start)

    @property
    def is_interval(self) -> bool:
        """Whether this is an interval rather than a single date."""
        return self.end is not None

    @property
    def earliest(self) -> dt.date:
        """The first day this date may stand for."""
        return self.start.earliest

    @property
    def latest(self) -> dt.date:
        """The last day this date may stand for."""
        return (self.end or self.start).latest

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
        """A key for timelines: by earliest day, then by latest day."""
        return (self.earliest, self.latest)

    def __str__(self) -> str:
        if self.end is None:
            return str(self.start)
        return f"{self.start}/{self.end}"

    def __repr__(self) -> str:
        return f"PartialDate.parse({str(self)!r})"


#: An EDTF season or quarter: a "month" from 21 to 41.
_SEASON: Final = re.compile(r"^[0-9]{4}-(?:2[1-9]|3[0-9]|4[01])(?:$|[~?%/])")
#: EDTF forms this library does not read, each with what it is and what to write instead.
_UNSUPPORTED: Final[tuple[tuple[re.Pattern[str], str, str], ...]] = (
    (
        re.compile(r"^\.\./|/\.\.$"),
        "an open end ('..')",
        "close the interval at the last date the sources support",
    ),
    (
        re.compile(r"^/|/$"),
        "an unknown end (nothing on one side of '/')",
        "give the end the sources support, or a single date",
    ),
    (
        re.compile(r"[0-9X]X|X[0-9]|-XX"),
        "unspecified digits ('X')",
        "leave the unknown part out: '2018-03' for '2018-03-XX', '2018' for '2018-XX'",
    ),
    (
        _SEASON,
        "a season or quarter (21 to 41)",
        "the interval of its months, such as '2018-03/2018-05'",
    ),
    (re.compile(r"^Y|^-"), "a year outside 1 to 9999", "a year from 1 to 9999"),
    (re.compile(r"^[\[{]"), "a set of dates", "one date or interval per record"),
)


def not_a_date(text: str) -> str:
    """Why ``text`` is not a date this library reads: valid EDTF it does not support is
    named as such, so it is not mistaken for a typo."""
    for pattern, what, instead in _UNSUPPORTED:
        if pattern.search(text):
            return f"is EDTF with {what}, which this library does not read yet; {instead}"
    return (
        "is not a date such as '2025', '2025-06', '2025-06-27', '2025-06~' or "
        "'2024-12-25/2025-07-04'"
    )


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> PartialDate:
    """``PartialDate.parse`` for the base class, remembered (dates are immutable)."""
    return PartialDate._parse(text)


def _point(match: re.Match[str], prefix: str) -> DatePoint:
    month, day = match[f"{prefix}month"], match[f"{prefix}day"]
    approximate, uncertain = _QUALIFIERS[match[f"{prefix}q"]]
    return DatePoint(
        year=int(match[f"{prefix}year"]),
        month=int(month) if month else None,
        day=int(day) if day else None,
        approximate=approximate,
        uncertain=uncertain,
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
