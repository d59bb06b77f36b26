"""Where things go on the escalation chart: rows, labels, date ticks and counts over time.

Everything here is arithmetic on the lanes of :mod:`incidents.charts.lanes`, in points
along the time axis, so it needs no plotting library and can be tested on its own.

* A date is a *span*, from the first day it may stand for to the day after its last:
  ``2025-06`` covers thirty days, ``2025-06-27`` one.
* Each mark's label goes right of it, or left when the right would run off the axis, or
  inside a bar too long for either.
  Marks are packed into rows so that no two marks or labels of a row overlap (greedy
  interval packing, which uses the fewest rows for intervals taken in order of their left
  ends), and so no two labels ever overlap.
* A summarised lane counts its records per stretch of time (:func:`counts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import attrs

__all__ = ["Placement", "Tick", "counts", "place", "ticks"]

#: Points between a mark and its label.
LABEL_PAD: Final = 3.0
#: Points kept free between two things on one row.
ROW_GAP: Final = 6.0


@attrs.frozen
class Placement:
    """Where one mark's label goes, and on which row of its lane."""

    #: 0 for the top row of the lane.
    row: int
    #: Where the label goes: ``"right"`` of the mark, ``"left"`` of it, or ``"inside"`` a bar.
    side: str
    #: The left and right ends of the mark and its label together, in points.
    left_end: float
    right_end: float


@attrs.frozen
class Tick:
    """A labelled day on the time axis."""

    day: dt.date
    label: str


def place(
    marks: Sequence[tuple[float, float, float]],
    *,
    width: float,
    pad: float = LABEL_PAD,
    gap: float = ROW_GAP,
) -> list[Placement]:
    """Place each mark's label and give it a row.

    ``marks`` are ``(left, right, label width)`` in points on an axis ``width`` points long.
    A label goes right of its mark when it fits before the end of the axis, else left of
    it when it fits after the start, else inside the mark when the mark is a bar long
    enough to hold it, else on whichever side has more room. Rows are filled greedily, in
    order of the left end of each mark with its label: a mark takes the first row whose
    last occupant ends ``gap`` points before it.
    """
    extents = []
    for left, right, label in marks:
        if right + pad + label <= width:
            extents.append(("right", left, right + pad + label))
        elif left - pad - label >= 0:
            extents.append(("left", left - pad - label, right))
        elif right - left >= label + 2 * pad:
            extents.append(("inside", left, right))
        elif width - right >= left:
            extents.append(("right", left, right + pad + label))
        else:
            extents.append(("left", left - pad - label, right))
    order = sorted(range(len(extents)), key=lambda index: (extents[index][1], index))
    row_ends: list[float] = []
    rows = [0] * len(extents)
    for index in order:
        _, low, high = extents[index]
        row = next((r for r, end in enumerate(row_ends) if end + gap <= low), len(row_ends))
        if row == len(row_ends):
            row_ends.append(high)
        else:
            row_ends[row] = high
        rows[index] = row
    return [
        Placement(row=rows[index], side=side, left_end=low, right_end=high)
        for index, (side, low, high) in enumerate(extents)
    ]


def counts(
    spans: Sequence[tuple[dt.date, str]],
    *,
    start: dt.date,
    end: dt.date,
    bins: int = 60,
) -> tuple[int, list[dt.date], dict[str, list[int]]]:
    """How many records of each category start in each stretch of the window.

    ``spans`` are ``(first day, category)``. The window from ``start`` to ``end`` (the day
    after the last) is cut into at most ``bins`` stretches of a whole number of days: a
    day, a week, or more. Returns the stretch length in days, the first day of each
    stretch, and per category the count in each.
    """
    days = max((end - start).days, 1)
    length = 1 if days <= bins else 7 if days <= 7 * bins else -(-days // bins)
    number = -(-days // length)
    firsts = [start + dt.timedelta(days=length * index) for index in range(number)]
    table: dict[str, list[int]] = {}
    for day, category in spans:
        index = min(max((day - start).days // length, 0), number - 1)
        table.setdefault(category, [0] * number)[index] += 1
    return length, firsts, table


def ticks(start: dt.date, end: dt.date, *, most: int = 10) -> list[Tick]:
    """Labelled days for the axis from ``start`` to ``end`` (the day after the last): days,
    Mondays, first days of months or of years, whichever gives at most ``most`` labels."""
    days = (end - start).days
    for step in (1, 2, 3, 7, 14):
        if days // step + 1 <= most:
            first = start
            if step >= 7:  # on Mondays
                first = start + dt.timedelta(days=-start.weekday() % 7)
            found = [first + dt.timedelta(days=n) for n in range(0, (end - first).days + 1, step)]
            return [Tick(day, _day_label(day, index == 0)) for index, day in enumerate(found)]
    for months in (1, 2, 3, 6):
        found = _months(start, end, months)
        if len(found) <= most:
            return [Tick(day, f"{day:%b %Y}") for day in found]
    years = 1
    while days / 365.25 / years > most:  # 1, 2, 5, 10, 20, 50... years
        years *= 5 if str(years)[0] == "2" else 2
    return [Tick(day, f"{day:%Y}") for day in _months(start, end, 12 * years)]


def _day_label(day: dt.date, first: bool) -> str:
    label = f"{day.day} {day:%b}"
    return f"{label} {day:%Y}" if first or (day.month, day.day) == (1, 1) else label


def _months(start: dt.date, end: dt.date, step: int) -> list[dt.date]:
    """First days of months from ``start`` to ``end``, every ``step`` months, on a month
    number that is a multiple of the step (January, April, July, October for three)."""
    index = start.year * 12 + start.month - 1
    if start.day != 1:
        index += 1
    index += -index % step
    found: list[dt.date] = []
    while True:
        if index // 12 > dt.MAXYEAR:
            return found
        day = dt.date(index // 12, index % 12 + 1, 1)
        if day > end:
            return found
        found.append(day)
        index += step
