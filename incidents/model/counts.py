"""Counts as sources report them: exact, approximate, bounded or a range."""

from __future__ import annotations

import itertools
from typing import Self

import attrs

from incidents.model._convert import to_count_qualifier
from incidents.model._fields import InstanceOf, IntRange, Maybe, doc, fail
from incidents.model.vocabulary import CountQualifier

__all__ = ["Count", "bounds_out_of_order"]

_NEEDS_BEST = frozenset(CountQualifier) - {CountQualifier.BETWEEN}
_WORDS = {
    CountQualifier.EXACT: "",
    CountQualifier.ABOUT: "about ",
    CountQualifier.AT_LEAST: "at least ",
    CountQualifier.MORE_THAN: "more than ",
    CountQualifier.AT_MOST: "at most ",
    CountQualifier.FEWER_THAN: "fewer than ",
}


def bounds_out_of_order(low: object, best: object, high: object) -> tuple[str, int, str] | None:
    """The first of ``low <= best <= high`` that fails, as (field, its value, reason).

    Bounds that are absent (or not integers) are skipped. The record check and the semantic
    layer (which sees plain data) both use this rule.
    """
    present = [
        (name, value)
        for name, value in (("low", low), ("best", best), ("high", high))
        if type(value) is int
    ]
    for (first, lower), (second, upper) in itertools.pairwise(present):
        if lower > upper:
            return second, upper, f"{second} ({upper}) must not be less than {first} ({lower})"
    return None


@attrs.frozen(kw_only=True)
class Count:
    """A number of people (or things) as a source gives it.

    Keep the source's wording: "around 50" is ``Count.about(50)``, "over fifty" is
    ``Count.more_than(50)``, "nine people" is ``Count.exactly(9)``, "30 to 40" is
    ``Count.between(30, 40)``. ``low`` and ``high`` may bound an approximate figure.
    Rules: every qualifier but ``between`` needs ``best``; ``exact`` allows no bounds;
    ``between`` needs ``low`` and ``high``; ``low <= best <= high``.
    """

    best: int | None = attrs.field(
        default=None,
        validator=Maybe(IntRange()),
        metadata=doc("The figure the source gives (the best estimate)."),
    )
    low: int | None = attrs.field(
        default=None, validator=Maybe(IntRange()), metadata=doc("Lowest plausible value.")
    )
    high: int | None = attrs.field(
        default=None, validator=Maybe(IntRange()), metadata=doc("Highest plausible value.")
    )
    qualifier: CountQualifier = attrs.field(
        converter=to_count_qualifier,
        default=CountQualifier.EXACT,
        validator=InstanceOf(CountQualifier),
        metadata=doc("How the figure relates to the true number."),
    )

    def __attrs_post_init__(self) -> None:
        if self.qualifier in _NEEDS_BEST and self.best is None:
            raise fail(
                self, "best", None, f"a count qualified {self.qualifier.value!r} needs best", "E209"
            )
        if self.qualifier is CountQualifier.EXACT:
            for name in ("low", "high"):
                if getattr(self, name) is not None:
                    raise fail(
                        self, name, getattr(self, name), "an exact count has no bounds", "E209"
                    )
        if self.qualifier is CountQualifier.BETWEEN:
            for name in ("low", "high"):
                if getattr(self, name) is None:
                    raise fail(
                        self, name, None, "a count qualified 'between' needs low and high", "E209"
                    )
        disorder = bounds_out_of_order(self.low, self.best, self.high)
        if disorder is not None:
            field, value, reason = disorder
            raise fail(self, field, value, reason, "E406")

    @classmethod
    def exactly(cls, value: int) -> Self:
        """Exactly ``value``: "nine people"."""
        return cls(best=value)

    @classmethod
    def about(cls, value: int, *, low: int | None = None, high: int | None = None) -> Self:
        """Approximately ``value``: "around 50"."""
        return cls(best=value, low=low, high=high, qualifier=CountQualifier.ABOUT)

    @classmethod
    def at_least(cls, value: int) -> Self:
        """``value`` or more: "at least 50"."""
        return cls(best=value, qualifier=CountQualifier.AT_LEAST)

    @classmethod
    def more_than(cls, value: int) -> Self:
        """Strictly more than ``value``: "over fifty"."""
        return cls(best=value, qualifier=CountQualifier.MORE_THAN)

    @classmethod
    def at_most(cls, value: int) -> Self:
        """``value`` or fewer: "up to 50"."""
        return cls(best=value, qualifier=CountQualifier.AT_MOST)

    @classmethod
    def fewer_than(cls, value: int) -> Self:
        """Strictly fewer than ``value``."""
        return cls(best=value, qualifier=CountQualifier.FEWER_THAN)

    @classmethod
    def between(cls, low: int, high: int, *, best: int | None = None) -> Self:
        """From ``low`` to ``high`` inclusive: "30 to 40"."""
        return cls(low=low, best=best, high=high, qualifier=CountQualifier.BETWEEN)

    def __str__(self) -> str:
        if self.qualifier is CountQualifier.BETWEEN:
            text = f"{self.low}-{self.high}"
            return text if self.best is None else f"{text} (best {self.best})"
        text = f"{_WORDS[self.qualifier]}{self.best}"
        if self.low is not None or self.high is not None:
            low = "" if self.low is None else self.low
            high = "" if self.high is None else self.high
            text += f" ({low}-{high})"
        return text
