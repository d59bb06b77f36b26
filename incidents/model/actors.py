"""Actors: states, government bodies, officials, people, organisations, outlets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, cast

import attrs

from incidents.model._convert import (
    items,
    keep,
    to_actor_kind,
    to_identifier_scheme,
    to_ids,
    to_maybe_date,
)
from incidents.model._fields import (
    Country,
    Each,
    InstanceOf,
    Language,
    Maybe,
    Ref,
    Text,
    Url,
    doc,
    fail,
)
from incidents.model.citations import Citation, to_citations
from incidents.model.claims import Claim, ClaimOf
from incidents.model.counts import Count
from incidents.model.dates import PartialDate
from incidents.model.vocabulary import ActorKind, IdentifierScheme

__all__ = ["IDENTIFIER_PATTERNS", "Actor", "Affiliation", "ExternalId", "Name"]

#: What each identifier scheme's values look like (anchored regular expressions).
IDENTIFIER_PATTERNS: Final = {
    IdentifierScheme.WIKIDATA: r"^Q[1-9][0-9]*$",
    IdentifierScheme.OPENSANCTIONS: r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$",
    IdentifierScheme.ISNI: r"^[0-9]{15}[0-9X]$",
    IdentifierScheme.VIAF: r"^[1-9][0-9]{0,21}$",
    IdentifierScheme.LEI: r"^[A-Z0-9]{18}[0-9]{2}$",
}


@attrs.frozen(kw_only=True)
class Name:
    """Another name of an actor: a native spelling, a transliteration, a former name."""

    value: str = attrs.field(validator=Text(single_line=True), metadata=doc("The name."))
    language: str | None = attrs.field(
        default=None,
        validator=Maybe(Language()),
        metadata=doc("BCP 47 tag; a script subtag marks the writing system ('ru-Latn')."),
    )
    transliteration: bool = attrs.field(
        default=False,
        validator=InstanceOf(bool),
        metadata=doc("Whether this is a transliteration rather than a native spelling."),
    )


@attrs.frozen(kw_only=True)
class Affiliation:
    """Membership of an actor in an organisation, with a role, over a time span (Popolo)."""

    organization: str = attrs.field(
        validator=Ref(("actor",)), metadata=doc("The organisation, body or state.")
    )
    role: str | None = attrs.field(
        default=None,
        validator=Maybe(Text(single_line=True)),
        metadata=doc("Role or title, as the source words it ('editor-in-chief')."),
    )
    start: PartialDate | None = attrs.field(
        converter=to_maybe_date,
        default=None,
        validator=Maybe(InstanceOf(PartialDate)),
        metadata=doc("When the membership began."),
    )
    end: PartialDate | None = attrs.field(
        converter=to_maybe_date,
        default=None,
        validator=Maybe(InstanceOf(PartialDate)),
        metadata=doc("When it ended; absent while it lasts or when unknown."),
    )

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start.is_after(self.end):
            raise fail(self, "end", self.end, f"ends before it starts ({self.start})", "E302")


@attrs.frozen(kw_only=True)
class ExternalId:
    """The actor's identifier in another registry (Wikidata, OpenSanctions, ...)."""

    scheme: IdentifierScheme = attrs.field(
        converter=to_identifier_scheme,
        validator=InstanceOf(IdentifierScheme),
        metadata=doc("The registry."),
    )
    value: str = attrs.field(
        validator=Text(single_line=True), metadata=doc("The identifier in that registry.")
    )

    def __attrs_post_init__(self) -> None:
        if self.scheme is IdentifierScheme.WEBSITE:
            reason = Url().problem(self.value)
            if reason is not None:
                raise fail(self, "value", self.value, reason, "E206")
            return
        pattern = IDENTIFIER_PATTERNS[self.scheme]
        if re.fullmatch(pattern, self.value) is None:
            raise fail(
                self, "value", self.value, f"is not a {self.scheme.value} identifier", "E206"
            )


def to_names(value: Iterable[Name]) -> tuple[Name, ...]:
    return items(value)


def to_identifiers(value: Iterable[ExternalId]) -> tuple[ExternalId, ...]:
    return items(value)


def to_affiliation_claims(value: Iterable[Claim[Affiliation]]) -> tuple[Claim[Affiliation], ...]:
    return items(value)


def to_maybe_count(value: Count | int | None) -> Count | None:
    """A plain ``int`` (not a ``bool``) as ``Count.exactly(n)``; else ``value`` unchanged."""
    if type(value) is int:
        return Count.exactly(value)
    return cast("Count | None", value)


@attrs.frozen(kw_only=True)
class Actor:
    """Anyone who acts or is acted upon: a state, a ministry, an official, a person, an outlet.

    Roles are claims, not a title string: when one outlet calls someone editor-in-chief and
    another editorial director, the actor has two affiliation claims, each with its citation.
    """

    id: str = attrs.field(validator=Ref(("actor",)), metadata=doc("Id, 'actor:slug'."))
    kind: ActorKind = attrs.field(
        converter=to_actor_kind,
        validator=InstanceOf(ActorKind),
        metadata=doc("What sort of actor this is."),
    )
    name: str = attrs.field(
        validator=Text(single_line=True), metadata=doc("The usual English name.")
    )
    names: tuple[Name, ...] = attrs.field(
        converter=to_names,
        default=(),
        validator=Each(InstanceOf(Name)),
        metadata=doc("Other names: native spellings, transliterations, former names."),
    )
    country: str | None = attrs.field(
        default=None,
        validator=Maybe(Country()),
        metadata=doc("ISO 3166-1 alpha-2 code: the state itself, or the one a body belongs to."),
    )
    members: tuple[str, ...] = attrs.field(
        converter=to_ids,
        default=(),
        validator=Each(Ref(("actor",))),
        metadata=doc("The actors of a coalition, as far as the sources list them (1.1)."),
    )
    member_count: Count | None = attrs.field(
        converter=to_maybe_count,
        default=None,
        validator=Maybe(InstanceOf(Count)),
        metadata=doc("How many members a coalition has: 'more than 20 countries' (1.1)."),
    )
    affiliations: tuple[Claim[Affiliation], ...] = attrs.field(
        converter=to_affiliation_claims,
        default=(),
        validator=Each(ClaimOf(InstanceOf(Affiliation))),
        metadata=doc("Memberships and roles over time, each a claim with its citations."),
    )
    identifiers: tuple[ExternalId, ...] = attrs.field(
        converter=to_identifiers,
        default=(),
        validator=Each(InstanceOf(ExternalId)),
        metadata=doc("Identifiers in other registries (Wikidata QID, ...)."),
    )
    description: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("A sentence on who this is.")
    )
    citations: tuple[Citation, ...] = attrs.field(
        converter=to_citations,
        default=(),
        validator=Each(InstanceOf(Citation)),
        metadata=doc("Sources for the actor's description."),
    )

    def __attrs_post_init__(self) -> None:
        if self.kind is not ActorKind.COALITION and (self.members or self.member_count):
            field = "members" if self.members else "member_count"
            value = self.members or self.member_count
            raise fail(self, field, value, "only an actor of kind 'coalition' has members", "E209")


keep(to_names, to_identifiers, to_affiliation_claims, to_maybe_count)
