"""Incidents: discrete events such as a raid, an arrest, a death in custody, a downing."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from incidents.model._convert import (
    items,
    keep,
    to_date,
    to_ids,
    to_incident_kind,
    to_incident_link_kind,
    to_participant_role,
)
from incidents.model._fields import Each, InstanceOf, Maybe, Ref, Text, doc
from incidents.model.casualties import Casualty, to_casualties
from incidents.model.citations import Citation, to_citations
from incidents.model.claims import Claim, ClaimOf, to_text_claims
from incidents.model.dates import PartialDate
from incidents.model.locations import Location
from incidents.model.vocabulary import IncidentKind, IncidentLinkKind, ParticipantRole

__all__ = ["Incident", "IncidentLink", "Participant"]


@attrs.frozen(kw_only=True)
class Participant:
    """An actor that took part in an incident, and in what role."""

    actor: str = attrs.field(validator=Ref(("actor",)), metadata=doc("The actor."))
    role: ParticipantRole = attrs.field(
        converter=to_participant_role,
        validator=InstanceOf(ParticipantRole),
        metadata=doc("The part it played."),
    )
    note: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("Detail on the role.")
    )


def to_participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return items(value)


def to_incident_links(value: Iterable[IncidentLink]) -> tuple[IncidentLink, ...]:
    return items(value)


@attrs.frozen(kw_only=True)
class IncidentLink:
    """A typed link from this incident to another one."""

    kind: IncidentLinkKind = attrs.field(
        converter=to_incident_link_kind,
        validator=InstanceOf(IncidentLinkKind),
        metadata=doc("How the two relate."),
    )
    target: str = attrs.field(validator=Ref(("incident",)), metadata=doc("The other incident."))


@attrs.frozen(kw_only=True)
class Incident:
    """Something that happened on a date and caused a diplomatic reaction.

    Blame that parties dispute goes in ``responsibility`` as claims (Azerbaijan blames Russian
    air defence; Russia denies); undisputed roles go in ``participants``.
    """

    id: str = attrs.field(validator=Ref(("incident",)), metadata=doc("Id, 'incident:slug'."))
    kind: IncidentKind = attrs.field(
        converter=to_incident_kind,
        validator=InstanceOf(IncidentKind),
        metadata=doc("What happened."),
    )
    title: str = attrs.field(
        validator=Text(single_line=True, max_length=500), metadata=doc("A short headline.")
    )
    date: PartialDate = attrs.field(
        converter=to_date,
        validator=InstanceOf(PartialDate),
        metadata=doc("When it happened, as precisely as the sources say."),
    )
    summary: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("A neutral account in a few lines.")
    )
    location: Location | None = attrs.field(
        default=None, validator=Maybe(InstanceOf(Location)), metadata=doc("Where it happened.")
    )
    participants: tuple[Participant, ...] = attrs.field(
        converter=to_participants,
        default=(),
        validator=Each(InstanceOf(Participant)),
        metadata=doc("Actors involved and their roles."),
    )
    casualties: tuple[Casualty, ...] = attrs.field(
        converter=to_casualties,
        default=(),
        validator=Each(InstanceOf(Casualty)),
        metadata=doc("People killed, injured, detained, missing or deported."),
    )
    responsibility: tuple[Claim[str], ...] = attrs.field(
        converter=to_text_claims,
        default=(),
        validator=Each(ClaimOf(Ref(("actor",)))),
        metadata=doc("Claims of who is responsible; each value is an actor id."),
    )
    links: tuple[IncidentLink, ...] = attrs.field(
        converter=to_incident_links,
        default=(),
        validator=Each(InstanceOf(IncidentLink)),
        metadata=doc("Typed links to other incidents."),
    )
    in_response_to: tuple[str, ...] = attrs.field(
        converter=to_ids,
        default=(),
        validator=Each(Ref(("incident", "measure"))),
        metadata=doc("Incidents or measures this incident was a reaction to."),
    )
    citations: tuple[Citation, ...] = attrs.field(
        converter=to_citations,
        default=(),
        validator=Each(InstanceOf(Citation)),
        metadata=doc("Sources that report the incident."),
    )
    note: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("Coding notes.")
    )


keep(to_participants, to_incident_links)
