"""Claims: one party's version of a contested fact."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

import attrs

from incidents.model._convert import items, keep, to_maybe_confidence, to_maybe_date, to_stance
from incidents.model._fields import Check, Each, InstanceOf, Maybe, Ref, Text, doc
from incidents.model.citations import Citation, to_citations
from incidents.model.counts import Count
from incidents.model.dates import PartialDate
from incidents.model.vocabulary import Confidence, Stance

__all__ = ["Claim", "ClaimOf"]

T = TypeVar("T")


def to_text_claims(value: Iterable[Claim[str]]) -> tuple[Claim[str], ...]:
    return items(value)


def to_count_claims(value: Iterable[Claim[Count]]) -> tuple[Claim[Count], ...]:
    return items(value)


@attrs.frozen(kw_only=True)
class Claim(Generic[T]):
    """A value for a fact, who claims it and who reports the claim.

    When sources disagree, each version is its own claim: the Russian Investigative
    Committee's "heart failure" and the Azerbaijani Prosecutor General's "multiple injuries"
    are two claims on one casualty's cause of death. ``claimed_by`` is absent when the
    reporting source itself states the fact.
    """

    value: T = attrs.field(metadata=doc("The claimed value."))
    claimed_by: str | None = attrs.field(
        default=None,
        validator=Maybe(Ref(("actor",))),
        metadata=doc("The actor who makes the claim; absent when the source states it itself."),
    )
    stance: Stance = attrs.field(
        converter=to_stance,
        default=Stance.ASSERTS,
        validator=InstanceOf(Stance),
        metadata=doc("Whether the claimant asserts or denies the value."),
    )
    confidence: Confidence | None = attrs.field(
        converter=to_maybe_confidence,
        default=None,
        validator=Maybe(InstanceOf(Confidence)),
        metadata=doc(
            "How sure the claimant says it is ('highly likely'); quote the wording in a "
            "citation (1.1)."
        ),
    )
    date: PartialDate | None = attrs.field(
        converter=to_maybe_date,
        default=None,
        validator=Maybe(InstanceOf(PartialDate)),
        metadata=doc("When the claim was made (1.1)."),
    )
    citations: tuple[Citation, ...] = attrs.field(
        converter=to_citations,
        default=(),
        validator=Each(InstanceOf(Citation)),
        metadata=doc("The sources that report the claim."),
    )
    note: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("Context for the claim.")
    )


@attrs.frozen
class ClaimOf(Check):
    """A :class:`Claim` whose value passes ``check``."""

    check: Check

    def problem(self, value: object) -> str | None:
        if not isinstance(value, Claim):
            return f"expected Claim, not {type(value).__name__}"
        reason = self.check.problem(value.value)
        return None if reason is None else f"value {reason}"

    def code_for(self, value: object) -> str:
        return self.check.code_for(value.value) if isinstance(value, Claim) else "E203"


keep(to_text_claims, to_count_claims)
