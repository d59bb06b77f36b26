"""Partial dates: EDTF text round trips, rejected texts and comparison honest about precision."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable

import pytest
from hypothesis import given

from incidents import DatePoint, FieldError, PartialDate
from incidents.strategies import partial_dates


def day(text: str) -> dt.date:
    """Return the calendar day written as ``YYYY-MM-DD``."""
    return dt.date.fromisoformat(text)


# --- Parsing and printing -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2025",
        "2025-06",
        "2025-06-27",
        "2025-06~",
        "2025-06-27?",
        "2025%",
        "2025-06-27%",
        "2024-12-25/2025-07-04",
        "2025-06/2025-06-27",
        "2025~/2026-03?",
        "0001",
        "9999-12-31",
        "2024-02-29",
        "2018-03-14/..",
        "../2018-03",
        "2018-03-14/",
        "/2018-03",
        "2018-03-XX",
        "2018-XX",
        "2018-XX-XX",
        "201X",
        "20XX",
        "201X/2018-03-XX",
        "2018-03~/..",
    ],
)
def test_parse_and_str_round_trip(text: str) -> None:
    """Every supported form prints back exactly as it was written."""
    assert text == str(PartialDate.parse(text))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025", DatePoint(year=2025), None),
        ("2025-06", DatePoint(year=2025, month=6), None),
        ("2025-06-27", DatePoint(year=2025, month=6, day=27), None),
        ("2025-06~", DatePoint(year=2025, month=6, approximate=True), None),
        ("2025-06-27?", DatePoint(year=2025, month=6, day=27, uncertain=True), None),
        ("2025%", DatePoint(year=2025, approximate=True, uncertain=True), None),
        (
            "2024-12-25/2025-07-04",
            DatePoint(year=2024, month=12, day=25),
            DatePoint(year=2025, month=7, day=4),
        ),
        (
            "2025-06/2025-06-27",
            DatePoint(year=2025, month=6),
            DatePoint(year=2025, month=6, day=27),
        ),
    ],
)
def test_parse_reads_each_part(text: str, start: DatePoint, end: DatePoint | None) -> None:
    """Parsing sets year, month, day, qualifiers and the interval end."""
    date = PartialDate.parse(text)
    assert (start, end, end is not None) == (date.start, date.end, date.is_interval)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2025-13", "month must be from 1 to 12"),
        ("2025-00", "month must be from 1 to 12"),
        ("2025-02-30", "2025-02 has 28 days"),
        ("2025-02-29", "2025-02 has 28 days"),
        ("2025-06-31", "2025-06 has 30 days"),
        ("2025-06-00", "2025-06 has 30 days"),
        ("0000", "year must be from 1 to 9999"),
        ("2025-06-27/2025-06-01", "the interval ends before it starts"),
        ("2026/2025", "the interval ends before it starts"),
        ("25-06-01", "is not a date such as"),
        ("2025-6-1", "is not a date such as"),
        ("2025-06-27T10:00", "is not a date such as"),
        ("../..", "does not read"),
        ("/", "does not read"),
        ("2018-XX-05", "does not read"),
        ("", "is not a date such as"),
        (" 2025", "is not a date such as"),
        ("2025\n", "is not a date such as"),
        ("2025~~", "is not a date such as"),
        ("~2025", "is not a date such as"),
        ("12025", "is not a date such as"),
        ("-2025", "does not read"),
        ("2025-06-27/2025-06-28/2025-06-29", "is not a date such as"),
        ("２０２５", "is not a date such as"),
    ],
)
def test_parse_rejects_bad_text(text: str, reason: str) -> None:
    """Impossible dates, other formats and reversed intervals raise FieldError on text."""
    with pytest.raises(FieldError) as info:
        PartialDate.parse(text)
    error = info.value
    assert ("PartialDate", "text", text) == (error.record, error.field, error.value)
    assert reason in error.reason
    assert str(error).startswith("PartialDate.text: ")


@pytest.mark.parametrize("value", [2025, None, b"2025", dt.date(2025, 6, 27)])
def test_parse_rejects_non_text(value: object) -> None:
    """Only strings are parsed."""
    with pytest.raises(FieldError) as info:
        PartialDate.parse(value)  # type: ignore[arg-type]
    assert ("text", value) == (info.value.field, info.value.value)


def test_repr_is_the_parse_call() -> None:
    """repr() shows a PartialDate as the parse call that builds it."""
    assert "PartialDate.parse('2025-06~')" == repr(PartialDate.parse("2025-06~"))


# --- Building from numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "keywords", "text"),
    [
        ((2025,), {}, "2025"),
        ((2025, 6), {}, "2025-06"),
        ((2025, 6, 27), {}, "2025-06-27"),
        ((2025, 6), {"approximate": True}, "2025-06~"),
        ((2025, 6, 27), {"uncertain": True}, "2025-06-27?"),
        ((2025,), {"approximate": True, "uncertain": True}, "2025%"),
    ],
)
def test_of_builds_single_dates(
    arguments: tuple[int, ...], keywords: dict[str, bool], text: str
) -> None:
    """PartialDate.of builds the same date as parsing its text."""
    assert PartialDate.parse(text) == PartialDate.of(*arguments, **keywords)


@pytest.mark.parametrize(
    ("arguments", "field", "value"),
    [
        ((0,), "year", 0),
        ((10000,), "year", 10000),
        ((2025, 13), "month", 13),
        ((2025, 0), "month", 0),
        ((2025, 2, 29), "day", 29),
        ((2025, None, 1), "day", 1),
        ((2025.0,), "year", 2025.0),
        ((True,), "year", True),
        ((2025, "6"), "month", "6"),
    ],
)
def test_of_rejects_impossible_dates(
    arguments: tuple[object, ...], field: str, value: object
) -> None:
    """Out-of-range years, months and days, a day without a month and non-integers fail."""
    with pytest.raises(FieldError) as info:
        PartialDate.of(*arguments)  # type: ignore[arg-type]
    assert ("DatePoint", field, value) == (info.value.record, info.value.field, info.value.value)


@pytest.mark.parametrize("flag", ["approximate", "uncertain"])
def test_of_rejects_non_bool_qualifiers(flag: str) -> None:
    """Qualifier flags are True or False, not truthy stand-ins."""
    with pytest.raises(FieldError) as info:
        PartialDate.of(2025, **{flag: 1})  # type: ignore[arg-type]
    assert ("DatePoint", flag, 1) == (info.value.record, info.value.field, info.value.value)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2024-12-25", "2025-07-04"),
        (PartialDate.parse("2024-12-25"), PartialDate.parse("2025-07-04")),
        ("2024-12-25", PartialDate.parse("2025-07-04")),
    ],
)
def test_between_builds_intervals(start: PartialDate | str, end: PartialDate | str) -> None:
    """PartialDate.between takes dates or their text."""
    assert PartialDate.parse("2024-12-25/2025-07-04") == PartialDate.between(start, end)


@pytest.mark.parametrize(
    ("start", "end", "reason"),
    [
        ("2025-07", "2025-06", "the interval ends before it starts"),
        ("2025", "2025/2026", "interval ends must be single dates"),
        ("2024/2025", "2026", "interval ends must be single dates"),
    ],
)
def test_between_rejects_reversed_or_nested_intervals(start: str, end: str, reason: str) -> None:
    """An interval cannot end before it starts, and its ends are single dates."""
    with pytest.raises(FieldError) as info:
        PartialDate.between(start, end)
    assert ("PartialDate", "end") == (info.value.record, info.value.field)
    assert reason in info.value.reason


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        ("2025", None, "start"),
        (None, None, "start"),
        (DatePoint(year=2025), "2026", "end"),
        (DatePoint(year=2025), PartialDate.parse("2026"), "end"),
    ],
)
def test_partial_date_requires_date_points(start: object, end: object, field: str) -> None:
    """start and end are DatePoint objects, not text or PartialDates."""
    with pytest.raises(FieldError) as info:
        PartialDate(start=start, end=end)  # type: ignore[arg-type]
    assert ("PartialDate", field) == (info.value.record, info.value.field)


# --- Precision, qualifiers and widening ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2025", "2025-01-01", "2025-12-31"),
        ("2025-06", "2025-06-01", "2025-06-30"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2025-06-27", "2025-06-27", "2025-06-27"),
        ("2025-06~", "2025-05-01", "2025-07-31"),
        ("2025-06?", "2025-05-01", "2025-07-31"),
        ("2025-06%", "2025-05-01", "2025-07-31"),
        ("2025-06-27~", "2025-06-26", "2025-06-28"),
        ("2025-01-01?", "2024-12-31", "2025-01-02"),
        ("2025-12~", "2025-11-01", "2026-01-31"),
        ("2025-01~", "2024-12-01", "2025-02-28"),
        ("2024-03~", "2024-02-01", "2024-04-30"),
        ("2025~", "2024-01-01", "2026-12-31"),
        ("2024-12-25/2025-07-04", "2024-12-25", "2025-07-04"),
        ("2025-06/2025-06-27", "2025-06-01", "2025-06-27"),
        ("2024~/2025-06?", "2023-01-01", "2025-07-31"),
    ],
)
def test_earliest_and_latest(text: str, earliest: str, latest: str) -> None:
    """A date spans its whole unit; a qualifier widens it by one unit on each side."""
    date = PartialDate.parse(text)
    assert (day(earliest), day(latest)) == (date.earliest, date.latest)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("0001~", "0001-01-01", "0002-12-31"),
        ("0001-01~", "0001-01-01", "0001-02-28"),
        ("0001-01-01?", "0001-01-01", "0001-01-02"),
        ("9999~", "9998-01-01", "9999-12-31"),
        ("9999-12~", "9999-11-01", "9999-12-31"),
        ("9999-12-31%", "9999-12-30", "9999-12-31"),
        ("0001", "0001-01-01", "0001-12-31"),
        ("9999", "9999-01-01", "9999-12-31"),
    ],
)
def test_widening_clamps_at_the_calendar_edges(text: str, earliest: str, latest: str) -> None:
    """Widening years 1 and 9999 stops at the first and last representable days."""
    date = PartialDate.parse(text)
    assert (day(earliest), day(latest)) == (date.earliest, date.latest)


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2025", "year"), ("2025-06~", "month"), ("2025-06-27?", "day")],
)
def test_precision(text: str, precision: str) -> None:
    """A point's precision is the smallest unit it gives."""
    assert precision == PartialDate.parse(text).start.precision


# --- Honest comparison --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "before", "after", "overlaps"),
    [
        ("2025-06", "2025-06-27", False, False, True),
        ("2025-06-27", "2025-06", False, False, True),
        ("2025", "2025-06-27", False, False, True),
        ("2025-06-26", "2025-06-27", True, False, False),
        ("2025-06-28", "2025-06-27", False, True, False),
        ("2025-06-27", "2025-06-27", False, False, True),
        ("2025-05", "2025-06-27", True, False, False),
        ("2025-06-26~", "2025-06-27", False, False, True),
        ("2025-05~", "2025-06-27", False, False, True),
        ("2025-04~", "2025-06-27", True, False, False),
        ("2024", "2025~", False, False, True),
        ("2023", "2025~", True, False, False),
        ("2024-12-25/2025-07-04", "2025-06-27", False, False, True),
        ("2024-12-25/2025-07-04", "2025-07-05", True, False, False),
        ("2024-12-25/2025-07-04", "2024-12-24", False, True, False),
        ("2024-12-25/2025-07-04", "2025-07-04/2025-08-01", False, False, True),
        ("2024-12-25/2025-07-03", "2025-07-04/2025-08-01", True, False, False),
    ],
)
def test_is_before_is_after_overlaps(
    first: str, second: str, before: bool, after: bool, overlaps: bool
) -> None:
    """A date is before another only when every day of it precedes every day of the other."""
    one, other = PartialDate.parse(first), PartialDate.parse(second)
    assert (before, after, overlaps) == (
        one.is_before(other),
        one.is_after(other),
        one.overlaps(other),
    )


@pytest.mark.parametrize("compare", [operator.lt, operator.le, operator.gt, operator.ge])
def test_ordering_operators_are_not_defined(compare: Callable[[object, object], object]) -> None:
    """<, <=, > and >= raise TypeError rather than guess an order."""
    first, second = PartialDate.parse("2025-06"), PartialDate.parse("2025-06-27")
    with pytest.raises(TypeError):
        compare(first, second)


def test_less_than_raises_type_error() -> None:
    """The < operator between two partial dates raises TypeError."""
    first, second = PartialDate.parse("2025"), PartialDate.parse("2026")
    with pytest.raises(TypeError, match="partial dates have no"):
        _ = first < second  # type: ignore[operator]


def test_sort_key_orders_by_earliest_then_latest() -> None:
    """sort_key puts a timeline in order of first possible day, then last possible day."""
    texts = ["2025-06-27", "2025", "2025-06", "2024-12-25/2025-07-04", "2025-06-27~"]
    dates = sorted((PartialDate.parse(text) for text in texts), key=PartialDate.sort_key)
    expected = ["2024-12-25/2025-07-04", "2025", "2025-06", "2025-06-27~", "2025-06-27"]
    assert expected == [str(date) for date in dates]


def test_sort_key_value() -> None:
    """sort_key is the pair (earliest, latest)."""
    assert (day("2025-05-01"), day("2025-07-31")) == PartialDate.parse("2025-06~").sort_key()


# --- Equality and hashing -----------------------------------------------------------------


def test_equal_by_value() -> None:
    """Dates built in different ways but with the same value are equal and hash alike."""
    parsed, built = PartialDate.parse("2025-06-27"), PartialDate.of(2025, 6, 27)
    assert parsed == built
    assert hash(parsed) == hash(built)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("2025-06", "2025-06~"),
        ("2025-06~", "2025-06?"),
        ("2025-06?", "2025-06%"),
        ("2025-06", "2025-06-01"),
        ("2025", "2025/2025"),
        ("2025-06/2025-07", "2025-06/2025-08"),
    ],
)
def test_different_values_are_unequal(first: str, second: str) -> None:
    """Precision, qualifiers and interval ends all take part in equality."""
    assert PartialDate.parse(first) != PartialDate.parse(second)


def test_hashable_in_sets_and_dicts() -> None:
    """Equal dates collapse in a set and find each other as dictionary keys."""
    dates = {PartialDate.parse("2025-06"), PartialDate.of(2025, 6), PartialDate.parse("2025")}
    assert 2 == len(dates)
    assert "june" == {PartialDate.of(2025, 6): "june"}[PartialDate.parse("2025-06")]


def test_partial_dates_are_frozen() -> None:
    """A partial date cannot be changed after it is built."""
    date = PartialDate.parse("2025")
    with pytest.raises(AttributeError):
        date.start = DatePoint(year=2026)  # type: ignore[misc]


# --- Properties ---------------------------------------------------------------------------


@given(partial_dates())
def test_str_parse_round_trip_property(date: PartialDate) -> None:
    """Any partial date prints to text that parses back to an equal date."""
    assert date == PartialDate.parse(str(date))


@given(partial_dates())
def test_earliest_not_after_latest_property(date: PartialDate) -> None:
    """No partial date ends before it begins, and it overlaps itself."""
    assert date.earliest <= date.latest
    assert date.overlaps(date)


@given(partial_dates(), partial_dates())
def test_comparison_is_consistent_property(first: PartialDate, second: PartialDate) -> None:
    """is_before and is_after mirror each other, and overlaps means neither holds."""
    assert first.is_before(second) == second.is_after(first)
    assert first.overlaps(second) == second.overlaps(first)
    assert first.overlaps(second) == (not first.is_before(second) and not first.is_after(second))


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("../..", "no date on either side of '/'"),
        ("/", "no date on either side of '/'"),
        ("2018-XX-05", "unspecified digits ('X') other than the last part"),
        ("201X-05", "unspecified digits ('X') other than the last part"),
        ("X018", "unspecified digits ('X') other than the last part"),
        ("2018-03-XX~", "unspecified digits ('X') and a qualifier"),
        ("2018-21", "a season"),
        ("Y12345", "a year outside"),
        ("[2018,2019]", "a set of dates"),
    ],
)
def test_edtf_the_library_does_not_read_says_so(text: str, what: str) -> None:
    """Valid EDTF beyond the supported subset is named as such, with what to write instead."""
    with pytest.raises(FieldError) as caught:
        PartialDate.parse(text)
    assert f"is EDTF with {what}" in caught.value.reason
    assert "which this library does not read" in caught.value.reason


@pytest.mark.parametrize("text", ["2025-6-27", "27/06/2025", "June 2025", "2025-06-27 "])
def test_a_typo_is_not_taken_for_edtf(text: str) -> None:
    """A malformed date gets the list of forms, not the EDTF explanation."""
    with pytest.raises(FieldError) as caught:
        PartialDate.parse(text)
    assert caught.value.reason.startswith("is not a date such as")


# --- EDTF level 1: open and unknown ends, unspecified digits ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2018-03-14/..",
            PartialDate(start=DatePoint(year=2018, month=3, day=14), end_missing="open"),
        ),
        (
            "2018-03-14/",
            PartialDate(start=DatePoint(year=2018, month=3, day=14), end_missing="unknown"),
        ),
        ("../2018-03", PartialDate(end=DatePoint(year=2018, month=3), start_missing="open")),
        ("/2018-03", PartialDate(end=DatePoint(year=2018, month=3), start_missing="unknown")),
        ("2018-03-XX", PartialDate(start=DatePoint(year=2018, month=3, unspecified="day"))),
        ("2018-XX", PartialDate(start=DatePoint(year=2018, unspecified="month"))),
        ("2018-XX-XX", PartialDate(start=DatePoint(year=2018, unspecified="month_and_day"))),
        ("201X", PartialDate(start=DatePoint(year=2010, unspecified="year_digit"))),
        ("20XX", PartialDate(start=DatePoint(year=2000, unspecified="year_digits"))),
    ],
)
def test_level_1_forms_read_into_parts(text: str, expected: PartialDate) -> None:
    """Each EDTF level 1 form becomes its missing end or its unspecified part."""
    assert expected == PartialDate.parse(text)


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2018-03-XX", "2018-03-01", "2018-03-31", "month"),
        ("2018-XX", "2018-01-01", "2018-12-31", "year"),
        ("2018-XX-XX", "2018-01-01", "2018-12-31", "year"),
        ("201X", "2010-01-01", "2019-12-31", "decade"),
        ("20XX", "2000-01-01", "2099-12-31", "century"),
        ("2018-03-14/..", "2018-03-14", "9999-12-31", "day"),
        ("2018-03-14/", "2018-03-14", "9999-12-31", "day"),
        ("../2018-03", "0001-01-01", "2018-03-31", None),
        ("/2018-03", "0001-01-01", "2018-03-31", None),
    ],
)
def test_level_1_spans(text: str, earliest: str, latest: str, precision: str | None) -> None:
    """Unspecified digits span what they leave open; a missing end reaches the calendar's end."""
    date = PartialDate.parse(text)
    start_precision = None if date.start is None else date.start.precision
    assert (day(earliest), day(latest), precision) == (date.earliest, date.latest, start_precision)


def test_an_open_end_never_makes_an_order_certain() -> None:
    """An interval that goes on is after its start, and not certainly before anything later."""
    ongoing = PartialDate.parse("2018-03-14/..")
    assert ongoing.is_after(PartialDate.parse("2018-03-13"))
    assert ongoing.overlaps(PartialDate.parse("2030"))
    assert PartialDate.parse("../2018-03").overlaps(PartialDate.parse("1900"))
    assert PartialDate.parse("../2018-03").is_before(PartialDate.parse("2018-04-01"))


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({}, "a date needs a start"),
        ({"start_missing": "open"}, "an interval with a missing start needs an end"),
        (
            {"start": DatePoint(year=2018), "start_missing": "open"},
            "give either a start or why it is missing",
        ),
        (
            {"start": DatePoint(year=2018), "end": DatePoint(year=2019), "end_missing": "open"},
            "give either an end or why it is missing",
        ),
        ({"start": DatePoint(year=2018), "end_missing": "later"}, "expected 'open', 'unknown'"),
    ],
)
def test_missing_ends_are_checked(fields: dict[str, object], reason: str) -> None:
    """A start or its reason for missing, never both; a missing start needs an end."""
    with pytest.raises(FieldError) as caught:
        PartialDate(**fields)  # type: ignore[arg-type]
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"year": 2018, "month": 3, "unspecified": "month"}, "takes neither month nor day"),
        ({"year": 2018, "unspecified": "day"}, "takes a month and no day"),
        ({"year": 2018, "month": 3, "day": 1, "unspecified": "day"}, "takes a month and no day"),
        ({"year": 2015, "unspecified": "year_digit"}, "a multiple of 10"),
        ({"year": 2010, "unspecified": "year_digits"}, "a multiple of 100"),
        ({"year": 2010, "unspecified": "decade"}, "expected one of day, month"),
        ({"year": 2010, "unspecified": "year_digit", "approximate": True}, "cannot also be"),
    ],
)
def test_unspecified_digits_are_checked(fields: dict[str, object], reason: str) -> None:
    """An unspecified part fits the parts the point has, and is not also qualified."""
    with pytest.raises(FieldError) as caught:
        DatePoint(**fields)  # type: ignore[arg-type]
    assert reason in caught.value.reason


@given(partial_dates())
def test_every_generated_date_prints_as_the_schema_pattern_property(date: PartialDate) -> None:
    """str() of any date matches EDTF_PATTERN and parses back to an equal date."""
    import re

    from incidents.model.dates import EDTF_PATTERN

    text = str(date)
    assert re.fullmatch(EDTF_PATTERN[1:-1], text)
    assert date == PartialDate.parse(text)
