"""Small constructors that keep the hand-coded example records short and readable."""

from __future__ import annotations

from typing import TypeVar

from incidents.model.citations import Citation
from incidents.model.claims import Claim
from incidents.model.dates import PartialDate
from incidents.model.vocabulary import Stance

__all__ = ["cite", "claim", "date"]

T = TypeVar("T")


def date(text: str) -> PartialDate:
    """An EDTF date: ``date("2025-06-27")``."""
    return PartialDate.parse(text)


def cite(
    source: str, quote: str, *, note: str | None = None, locator: str | None = None
) -> Citation:
    """A citation of ``source`` with a verbatim ``quote`` from it."""
    return Citation(source=source, quote=quote, note=note, locator=locator)


def claim(
    value: T,
    *citations: Citation,
    by: str | None = None,
    denies: bool = False,
    note: str | None = None,
) -> Claim[T]:
    """A claim of ``value`` by actor ``by`` (``None``: the source itself), with citations."""
    stance = Stance.DENIES if denies else Stance.ASSERTS
    return Claim(value=value, claimed_by=by, stance=stance, citations=citations, note=note)
