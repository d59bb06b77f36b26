"""Diplomatic measures: what one actor did to another in response to incidents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from incidents.model._convert import (
    items,
    keep,
    to_ids,
    to_maybe_count_unit,
    to_maybe_date,
    to_maybe_measure_kind,
    to_maybe_publicity,
    to_measure_kind,
    to_measure_link_kind,
    to_measure_status,
)
from incidents.model._fields import Each, InstanceOf, Maybe, Ref, Text, doc, fail
from incidents.model.citations import Citation, to_citations
from incidents.model.claims import Claim, ClaimOf, to_count_claims, to_text_claims
from incidents.model.counts import Count
from incidents.model.dates import PartialDate
from incidents.model.locations import Location
from incidents.model.measure_kinds import MeasureKind
from incidents.model.vocabulary import CountUnit, MeasureLinkKind, MeasureStatus, Publicity

__all__ = ["DEMANDING_KINDS", "DiplomaticMeasure", "MeasureLink"]

#: The measure kinds that ask something of their target, and so may say what (``demanded``).
DEMANDING_KINDS: Final = frozenset({MeasureKind.DEMAND, MeasureKind.THREATEN})


@attrs.frozen(kw_only=True)
class MeasureLink:
    """A typed link from this measure to another one (format 1.1)."""

    kind: MeasureLinkKind = attrs.field(
        converter=to_measure_link_kind,
        validator=InstanceOf(MeasureLinkKind),
        metadata=doc("How the two relate."),
    )
    target: str = attrs.field(validator=Ref(("measure",)), metadata=doc("The other measure."))


def to_measure_links(value: Iterable[MeasureLink]) -> tuple[MeasureLink, ...]:
    return items(value)


@attrs.frozen(kw_only=True)
class DiplomaticMeasure:
    """An action one actor takes towards others: a summons, a cancelled visit, an expulsion.

    ``announced`` is when the measure was made public, ``effective`` when it takes effect;
    a measure effective before its announcement (citizenship revoked on 3 July as of
    18 June) is marked ``retroactive``.
    """

    id: str = attrs.field(validator=Ref(("measure",)), metadata=doc("Id, 'measure:slug'."))
    kind: MeasureKind = attrs.field(
        converter=to_measure_kind,
        validator=InstanceOf(MeasureKind),
        metadata=doc("What the measure is."),
    )
    initiator: str = attrs.field(
        validator=Ref(("actor",)),
        metadata=doc(
            "The actor that takes the measure; for a measure taken jointly, an actor of kind "
            "'coalition'."
        ),
    )
    on_behalf_of: str | None = attrs.field(
        default=None,
        validator=Maybe(Ref(("actor",))),
        metadata=doc("The state or body the initiator speaks for (1.1)."),
    )
    targets: tuple[str, ...] = attrs.field(
        converter=to_ids,
        default=(),
        validator=Each(Ref(("actor",))),
        metadata=doc("The actors it is aimed at (a state, its envoy, an outlet)."),
    )
    subjects: tuple[str, ...] = attrs.field(
        converter=to_ids,
        default=(),
        validator=Each(Ref(("actor",))),
        metadata=doc("Other actors it concerns: the performers of cancelled concerts, say."),
    )
    count: tuple[Claim[Count], ...] = attrs.field(
        converter=to_count_claims,
        default=(),
        validator=Each(ClaimOf(InstanceOf(Count))),
        metadata=doc(
            "How many people, posts or entities it touched ('expels 23 diplomats'): one claim "
            "per differing report (1.1)."
        ),
    )
    counted: CountUnit | None = attrs.field(
        converter=to_maybe_count_unit,
        default=None,
        validator=Maybe(InstanceOf(CountUnit)),
        metadata=doc("What ``count`` counts; given with it (1.1)."),
    )
    demanded: MeasureKind | None = attrs.field(
        converter=to_maybe_measure_kind,
        default=None,
        validator=Maybe(InstanceOf(MeasureKind)),
        metadata=doc("What a demand or threat asks of the target, as a measure kind (1.1)."),
    )
    status: MeasureStatus = attrs.field(
        converter=to_measure_status,
        default=MeasureStatus.IMPLEMENTED,
        validator=InstanceOf(MeasureStatus),
        metadata=doc("How far it went."),
    )
    publicity: Publicity | None = attrs.field(
        converter=to_maybe_publicity,
        default=None,
        validator=Maybe(InstanceOf(Publicity)),
        metadata=doc(
            "Whether the initiator made it public: an unannounced measure is not one whose "
            "date is unknown (1.1)."
        ),
    )
    announced: PartialDate | None = attrs.field(
        converter=to_maybe_date,
        default=None,
        validator=Maybe(InstanceOf(PartialDate)),
        metadata=doc("When it was made public."),
    )
    effective: PartialDate | None = attrs.field(
        converter=to_maybe_date,
        default=None,
        validator=Maybe(InstanceOf(PartialDate)),
        metadata=doc("When it took (or takes) effect, if different from the announcement."),
    )
    retroactive: bool = attrs.field(
        default=False,
        validator=InstanceOf(bool),
        metadata=doc("Whether it takes effect before it was announced."),
    )
    summary: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("What was done, in a few lines.")
    )
    location: Location | None = attrs.field(
        default=None, validator=Maybe(InstanceOf(Location)), metadata=doc("Where, if relevant.")
    )
    forum: str | None = attrs.field(
        default=None,
        validator=Maybe(Ref(("actor",))),
        metadata=doc(
            "Where it was announced or brought: a parliament, a court, an organisation (1.1)."
        ),
    )
    attribution: tuple[Claim[str], ...] = attrs.field(
        converter=to_text_claims,
        default=(),
        validator=Each(ClaimOf(Ref(("actor",)))),
        metadata=doc(
            "Claims of who took the measure when that is disputed; each value is an actor id (1.1)."
        ),
    )
    in_response_to: tuple[str, ...] = attrs.field(
        converter=to_ids,
        default=(),
        validator=Each(Ref(("incident", "measure"))),
        metadata=doc("Incidents or measures this measure responds to."),
    )
    links: tuple[MeasureLink, ...] = attrs.field(
        converter=to_measure_links,
        default=(),
        validator=Each(InstanceOf(MeasureLink)),
        metadata=doc("Typed links to other measures: part of, reciprocal to, implements (1.1)."),
    )
    citations: tuple[Citation, ...] = attrs.field(
        converter=to_citations,
        default=(),
        validator=Each(InstanceOf(Citation)),
        metadata=doc("Sources that report the measure."),
    )
    note: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("Coding notes.")
    )

    def __attrs_post_init__(self) -> None:
        if self.count and self.counted is None:
            raise fail(self, "counted", None, "a count needs counted: what it counts", "E209")
        if self.counted is not None and not self.count:
            raise fail(self, "count", (), "counted needs a count", "E209")
        if self.demanded is not None and self.kind not in DEMANDING_KINDS:
            reason = "only a demand or threaten measure has demanded"
            raise fail(self, "demanded", self.demanded, reason, "E209")
        if not self.retroactive:
            return
        if self.announced is None or self.effective is None:
            raise fail(self, "retroactive", True, "a retroactive measure needs both dates", "E209")
        if self.effective.is_after(self.announced):
            raise fail(
                self,
                "effective",
                self.effective,
                f"a retroactive measure cannot start after its announcement ({self.announced})",
                "E407",
            )

    @property
    def date(self) -> PartialDate | None:
        """The earlier known of ``announced`` and ``effective`` (for timelines)."""
        if self.announced is None or self.effective is None:
            return self.announced or self.effective
        return min(self.announced, self.effective, key=PartialDate.sort_key)


keep(to_measure_links)
