"""Diplomatic measures: what one actor did to another in response to incidents."""

from __future__ import annotations

import attrs

from incidents.model._fields import Each, InstanceOf, Maybe, Ref, Text, doc, fail
from incidents.model.citations import Citation
from incidents.model.dates import PartialDate
from incidents.model.locations import Location
from incidents.model.measure_kinds import MeasureKind
from incidents.model.vocabulary import MeasureStatus

__all__ = ["DiplomaticMeasure"]


@attrs.frozen(kw_only=True)
class DiplomaticMeasure:
    """An action one actor takes towards others: a summons, a cancelled visit, an expulsion.

    ``announced`` is when the measure was made public, ``effective`` when it takes effect;
    a measure effective before its announcement (citizenship revoked on 3 July as of
    18 June) is marked ``retroactive``.
    """

    id: str = attrs.field(validator=Ref(("measure",)), metadata=doc("Id, 'measure:slug'."))
    kind: MeasureKind = attrs.field(
        validator=InstanceOf(MeasureKind), metadata=doc("What the measure is.")
    )
    initiator: str = attrs.field(
        validator=Ref(("actor",)), metadata=doc("The actor that takes the measure.")
    )
    targets: tuple[str, ...] = attrs.field(
        default=(),
        validator=Each(Ref(("actor",))),
        metadata=doc("The actors it is aimed at (a state, its envoy, an outlet)."),
    )
    subjects: tuple[str, ...] = attrs.field(
        default=(),
        validator=Each(Ref(("actor",))),
        metadata=doc("Other actors it concerns: the performers of cancelled concerts, say."),
    )
    status: MeasureStatus = attrs.field(
        default=MeasureStatus.IMPLEMENTED,
        validator=InstanceOf(MeasureStatus),
        metadata=doc("How far it went."),
    )
    announced: PartialDate | None = attrs.field(
        default=None,
        validator=Maybe(InstanceOf(PartialDate)),
        metadata=doc("When it was made public."),
    )
    effective: PartialDate | None = attrs.field(
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
    in_response_to: tuple[str, ...] = attrs.field(
        default=(),
        validator=Each(Ref(("incident", "measure"))),
        metadata=doc("Incidents or measures this measure responds to."),
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(),
        validator=Each(InstanceOf(Citation)),
        metadata=doc("Sources that report the measure."),
    )
    note: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("Coding notes.")
    )

    def __attrs_post_init__(self) -> None:
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
