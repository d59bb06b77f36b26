"""Rows and labels that never overlap, date ticks, and counts over time."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from incidents.charts.layout import ROW_GAP, counts, place, ticks

WIDTH = 700.0


def test_a_label_goes_right_then_left_then_inside():
    """Right of the mark when it fits, else left, else inside a bar long enough."""
    right, left, inside = place([(10, 18, 100), (650, 658, 100), (5, 695, 100)], width=WIDTH)
    assert ("right", "left", "inside") == (right.side, left.side, inside.side)
    assert (10, 121) == (right.left_end, right.right_end)
    assert (547, 658) == (left.left_end, left.right_end)


def test_a_label_that_fits_nowhere_takes_the_roomier_side():
    """A short bar in the middle of a narrow axis with a long label: the wider side."""
    (placed,) = place([(40, 50, 500)], width=100)
    assert "right" == placed.side


def test_marks_that_would_collide_go_on_new_rows_and_free_rows_are_reused():
    """Two overlapping marks take two rows; a later one reuses the first free row."""
    rows = [p.row for p in place([(0, 8, 50), (20, 28, 50), (200, 208, 50)], width=WIDTH)]
    assert [0, 1, 0] == rows


_MARKS = st.lists(
    st.tuples(st.floats(0, WIDTH), st.floats(0, 200), st.floats(1, 300)).map(
        lambda t: (t[0], min(t[0] + t[1], WIDTH), t[2])
    ),
    max_size=60,
)


@given(_MARKS)
def test_nothing_on_a_row_overlaps(marks):
    """Whatever the marks, two on one row are at least the gap apart, labels included."""
    placed = place(marks, width=WIDTH)
    by_row: dict[int, list[tuple[float, float]]] = {}
    for item in placed:
        by_row.setdefault(item.row, []).append((item.left_end, item.right_end))
    for extents in by_row.values():
        extents.sort()
        for (_, first_end), (second_start, _) in itertools.pairwise(extents):
            assert first_end + ROW_GAP <= second_start + 1e-9
    for (left, right, _), item in zip(marks, placed, strict=True):
        assert item.left_end <= left + 1e-9
        assert right <= item.right_end + 1e-9


@given(_MARKS)
def test_rows_are_never_more_than_the_marks(marks):
    """Every row holds at least one mark."""
    rows = {item.row for item in place(marks, width=WIDTH)}
    assert rows == set(range(len(rows)))


def test_ticks_fit_the_window():
    """Days for a week, Mondays for two months, months for a year, years for centuries."""
    week = ticks(dt.date(2025, 6, 24), dt.date(2025, 7, 1))
    assert "24 Jun 2025" == week[0].label
    assert ["25 Jun", "26 Jun"] == [t.label for t in week[1:3]]
    two_months = ticks(dt.date(2025, 6, 1), dt.date(2025, 8, 1))
    assert all(t.day.weekday() == 0 for t in two_months)
    year = ticks(dt.date(2024, 12, 1), dt.date(2025, 8, 1))
    assert "Dec 2024" == year[0].label
    assert all(t.day.day == 1 for t in year)
    ages = ticks(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    assert 1 <= len(ages) <= 10
    for found in (week, two_months, year, ages):
        assert len(found) <= 10
        assert [t.day for t in found] == sorted(t.day for t in found)


@given(st.dates(), st.integers(1, 40000))
def test_ticks_are_inside_the_window_and_few(start, days):
    """At most ten ticks, all inside the window."""
    end = min(start + dt.timedelta(days=min(days, (dt.date.max - start).days)), dt.date.max)
    found = ticks(start, end)
    assert len(found) <= 10
    assert all(start <= tick.day <= end for tick in found)


def test_counts_put_each_record_in_its_stretch():
    """A day a stretch for a short window, weeks for a longer one; nothing is lost."""
    start = dt.date(2025, 6, 1)
    spans = [(start + dt.timedelta(days=n % 50), "a" if n % 3 else "b") for n in range(300)]
    length, firsts, table = counts(spans, start=start, end=dt.date(2025, 7, 21))
    assert 1 == length
    assert 50 == len(firsts)
    assert 300 == sum(map(sum, table.values()))
    length, firsts, table = counts(spans, start=start, end=dt.date(2026, 6, 1))
    assert 7 == length
    assert 300 == sum(map(sum, table.values()))
    length, _, _ = counts(spans, start=start, end=dt.date(2045, 6, 1))
    assert length > 7
