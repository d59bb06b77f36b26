"""Hypothesis strategies for the value types: text, ids, dates, counts, places, claims."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import TypeVar, get_args

from hypothesis import strategies as st

from incidents.model._fields import Text
from incidents.model.citations import Citation
from incidents.model.claims import Claim
from incidents.model.countries import COUNTRIES
from incidents.model.counts import Count
from incidents.model.dates import DatePoint, Missing, PartialDate, Unspecified
from incidents.model.ids import IdKind
from incidents.model.locations import Location
from incidents.model.vocabulary import (
    Confidence,
    CountQualifier,
    LocationPrecision,
    Stance,
)

__all__ = [
    "citations",
    "claims",
    "countries",
    "counts",
    "date_points",
    "free_text",
    "ids",
    "languages",
    "locations",
    "partial_dates",
    "single_line_text",
    "urls",
]

T = TypeVar("T")

# Strategy factories without list arguments are cached: Hypothesis strategies are immutable,
# and building them again for every record costs more than drawing from them.

# Letters from the scripts the seed articles use, mixed with the full range of Unicode.
_SAMPLE_WORDS = (
    "Bakı",  # noqa: RUF001 - Azerbaijani dotless i
    "Екатеринбург",
    "Şəfəq",
    "Sputnik Azərbaycan",
    "Səfərov",
    "Ильхам",
)
_CHARACTERS = st.characters(exclude_categories=("Cs", "Cc", "Cn", "Zl", "Zp"))
_SINGLE_LINE = Text(single_line=True)
_MULTI_LINE = Text()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def single_line_text(max_size: int = 30) -> st.SearchStrategy[str]:
    """Names and titles: one line, NFC, no outer white space, any script."""
    generated = st.text(_CHARACTERS, min_size=1, max_size=max_size).map(_nfc).map(str.strip)
    return st.one_of(st.sampled_from(_SAMPLE_WORDS), generated).filter(
        lambda text: _SINGLE_LINE.problem(text) is None
    )


@cache
def free_text(max_size: int = 80) -> st.SearchStrategy[str]:
    """Summaries, quotes and notes: may span lines; NFC; never blank."""
    alphabet = st.one_of(_CHARACTERS, st.just("\n"))
    generated = st.text(alphabet, min_size=1, max_size=max_size).map(_nfc)
    return generated.filter(lambda text: _MULTI_LINE.problem(text) is None)


@cache
def ids(kind: IdKind) -> st.SearchStrategy[str]:
    """Well-formed ids of one kind: ``actor:az-mfa``."""
    word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    slug = st.lists(word, min_size=1, max_size=3).map("-".join)
    return slug.map(lambda text: f"{kind}:{text}")


@cache
def countries() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes."""
    return st.sampled_from(sorted(COUNTRIES))


@cache
def languages() -> st.SearchStrategy[str]:
    """BCP 47 language tags."""
    common = st.sampled_from(["en", "ru", "az", "az-Latn", "ru-Latn", "en-GB", "tr", "uk"])
    simple = st.from_regex(r"[a-z]{2,3}(-[A-Z]{2})?", fullmatch=True)
    return st.one_of(common, simple)


@cache
def urls() -> st.SearchStrategy[str]:
    """Absolute https URLs."""
    label = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=10)
    path = st.text("abcdefghijklmnopqrstuvwxyz0123456789-/", max_size=20)
    return st.builds(lambda host, rest: f"https://{host}.example/{rest}", label, path)


@cache
def date_points(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[DatePoint]:
    """Years, months or days, sometimes approximate or uncertain, sometimes with ``X`` digits."""

    @st.composite
    def build(draw: st.DrawFn) -> DatePoint:
        year = draw(st.integers(min_year, max_year))
        month = draw(st.none() | st.integers(1, 12))
        day = None
        if month is not None and draw(st.booleans()):
            day = draw(st.integers(1, 28)) if month == 2 else draw(st.integers(1, 30))
        if day is None and draw(st.integers(0, 7)) == 0:  # EDTF level 1: unspecified digits
            return _unspecified_point(draw, year, month, min_year, max_year)
        return DatePoint(
            year=year,
            month=month,
            day=day,
            approximate=draw(st.booleans()),
            uncertain=draw(st.booleans()),
        )

    return build()


def _unspecified_point(
    draw: st.DrawFn, year: int, month: int | None, min_year: int, max_year: int
) -> DatePoint:
    """``2018-03-XX``, ``2018-XX``, ``2018-XX-XX``, ``201X`` or ``20XX`` within the years."""
    if month is not None:
        return DatePoint(year=year, month=month, unspecified="day")
    decade, century = year - year % 10, year - year % 100
    forms: list[tuple[int, Unspecified]] = [(year, "month"), (year, "month_and_day")]
    if decade >= max(min_year, 1) and decade + 9 <= max_year:
        forms.append((decade, "year_digit"))
    if century >= max(min_year, 1) and century + 99 <= max_year:
        forms.append((century, "year_digits"))
    first, unspecified = draw(st.sampled_from(forms))
    return DatePoint(year=first, unspecified=unspecified)


@cache
def partial_dates(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[PartialDate]:
    """Single partial dates, intervals whose start does not follow their end, and now and
    then an interval with an open or unknown end (EDTF level 1)."""
    points = date_points(min_year, max_year)
    single = st.builds(lambda point: PartialDate(start=point), points)

    def interval(pair: tuple[DatePoint, DatePoint]) -> PartialDate:
        first, second = sorted(pair, key=lambda point: (point.earliest, point.latest))
        return PartialDate(start=first, end=second)

    missing = st.sampled_from(get_args(Missing))
    half_open = st.one_of(
        st.builds(lambda point, why: PartialDate(start=point, end_missing=why), points, missing),
        st.builds(lambda point, why: PartialDate(end=point, start_missing=why), points, missing),
    )
    intervals = st.tuples(points, points).map(interval)
    return st.one_of(single, single, intervals, intervals, half_open)


@cache
def counts() -> st.SearchStrategy[Count]:
    """Counts of every qualifier, with consistent bounds."""
    number = st.integers(0, 10_000)

    @st.composite
    def build(draw: st.DrawFn) -> Count:
        qualifier = draw(st.sampled_from(CountQualifier))
        values = sorted(draw(st.lists(number, min_size=3, max_size=3)))
        low, best, high = values
        if qualifier is CountQualifier.EXACT:
            return Count(best=best)
        if qualifier is CountQualifier.BETWEEN:
            middle = draw(st.none() | st.just(best))
            return Count(low=low, best=middle, high=high, qualifier=qualifier)
        return Count(
            best=best,
            low=draw(st.none() | st.just(low)),
            high=draw(st.none() | st.just(high)),
            qualifier=qualifier,
        )

    return build()


@cache
def locations() -> st.SearchStrategy[Location]:
    """Places with a name, a country or coordinates (and sometimes all of them)."""

    @st.composite
    def build(draw: st.DrawFn) -> Location:
        coordinates = draw(st.booleans())
        name = draw(st.none() | single_line_text())
        country = draw(st.none() | countries())
        if name is None and country is None and not coordinates:
            country = draw(countries())
        latitude = longitude = precision = None
        if coordinates:
            latitude = draw(st.floats(-90, 90, allow_nan=False))
            longitude = draw(st.floats(-180, 180, allow_nan=False))
            precision = draw(st.none() | st.sampled_from(LocationPrecision))
        return Location(
            name=name,
            admin_area=draw(st.none() | single_line_text()),
            country=country,
            latitude=latitude,
            longitude=longitude,
            precision=precision,
        )

    return build()


def _refs(pool: Sequence[str] | None, kind: IdKind) -> st.SearchStrategy[str]:
    return st.sampled_from(pool) if pool else ids(kind)


def _some(strategy: st.SearchStrategy[T], max_size: int = 2) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def _at_least_one(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, min_size=1, max_size=2).map(tuple)


def citations(source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Citation]:
    """Citations of the given sources (of any source id when none are given)."""
    return st.builds(
        Citation,
        source=_refs(source_ids, "source"),
        quote=st.none() | free_text(),
        locator=st.none() | single_line_text(),
        note=st.none() | free_text(),
    )


def claims(
    values: st.SearchStrategy[T],
    actor_ids: Sequence[str] | None = None,
    source_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Claim[T]]:
    """Claims of the given values, by the given actors, citing the given sources."""
    return st.builds(
        Claim,
        value=values,
        claimed_by=st.none() | _refs(actor_ids, "actor"),
        stance=st.sampled_from(Stance),
        confidence=st.none() | st.sampled_from(Confidence),
        date=st.none() | partial_dates(),
        citations=_at_least_one(citations(source_ids)),
        note=st.none() | free_text(),
    )
