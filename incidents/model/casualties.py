"""Casualties: people killed, injured, detained, missing or deported in an incident."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from incidents.model._convert import items, keep, to_casualty_outcome, to_maybe_date
from incidents.model._fields import Country, Each, InstanceOf, IntRange, Maybe, Ref, Text, doc, fail
from incidents.model.citations import Citation, to_citations
from incidents.model.claims import Claim, ClaimOf, to_count_claims, to_text_claims
from incidents.model.counts import Count
from incidents.model.dates import PartialDate
from incidents.model.vocabulary import CasualtyOutcome

__all__ = ["Casualty"]


@attrs.frozen(kw_only=True)
class Casualty:
    """One person, or a counted group, that an incident harmed.

    Give ``person`` (an actor id) for a named individual, or ``count`` for a group; never
    both. Counts and causes are claims, because sources disagree: "around 50", "over fifty"
    and "nine" detained are three count claims on one casualty group.
    """

    outcome: CasualtyOutcome = attrs.field(
        converter=to_casualty_outcome,
        validator=InstanceOf(CasualtyOutcome),
        metadata=doc("What happened to them."),
    )
    person: str | None = attrs.field(
        default=None,
        validator=Maybe(Ref(("actor",))),
        metadata=doc("The individual, as an actor id."),
    )
    count: tuple[Claim[Count], ...] = attrs.field(
        converter=to_count_claims,
        default=(),
        validator=Each(ClaimOf(InstanceOf(Count))),
        metadata=doc("How many, for a group: one claim per differing report."),
    )
    date: PartialDate | None = attrs.field(
        converter=to_maybe_date,
        default=None,
        validator=Maybe(InstanceOf(PartialDate)),
        metadata=doc(
            "When it happened to them, if later than the incident: a death weeks after a "
            "poisoning (1.1)."
        ),
    )
    nationality: str | None = attrs.field(
        default=None,
        validator=Maybe(Country()),
        metadata=doc("ISO 3166-1 alpha-2 code of their citizenship."),
    )
    age: int | None = attrs.field(
        default=None,
        validator=Maybe(IntRange(0, 150)),
        metadata=doc("Age in years at the time of the incident."),
    )
    in_custody: bool | None = attrs.field(
        default=None,
        validator=Maybe(InstanceOf(bool)),
        metadata=doc("Whether they were held by authorities when it happened."),
    )
    cause: tuple[Claim[str], ...] = attrs.field(
        converter=to_text_claims,
        default=(),
        validator=Each(ClaimOf(Text())),
        metadata=doc("Cause of death or injury: one claim per party's version."),
    )
    citations: tuple[Citation, ...] = attrs.field(
        converter=to_citations,
        default=(),
        validator=Each(InstanceOf(Citation)),
        metadata=doc("Sources that report this casualty."),
    )
    note: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("Anything else, e.g. how long held.")
    )

    def __attrs_post_init__(self) -> None:
        if self.person is not None and self.count:
            raise fail(self, "count", self.count, "give person or count, not both", "E209")
        if self.person is None and not self.count:
            raise fail(self, "person", None, "give a person (actor id) or a count", "E209")


def to_casualties(value: Iterable[Casualty]) -> tuple[Casualty, ...]:
    return items(value)


keep(to_casualties)
