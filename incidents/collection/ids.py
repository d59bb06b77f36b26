"""Stable ids: an id derived from what a record says, so two people coding one event agree.

:func:`incidents.make_id` turns a name into an id (``make_id("actor", "AZ MFA")`` is
``actor:az-mfa``); :func:`stable_id` derives the whole id from the record's content, from
the fields two coders of the same event would fill alike, in this order:

=============== ====================================================================
record          the id is made of
=============== ====================================================================
``Incident``    its date, its kind, its main actors (the perpetrators and targets, or
                else every participant, by id), and its title
``Measure``     its date (announced, else effective), its kind, its initiator and its
                targets
``Actor``       its country and its name
``Source``      its publication date, its outlet and its title
=============== ====================================================================

Every part is slugged (:func:`incidents.slugify`) and the parts are joined by hyphens:
``incident:2025-06-27-raid-ru-mvd-az-community-police-raids-on-azerbaijanis``. An actor is
named by its id's slug. A slug longer than an id may be is cut, and ends with eight
characters of the SHA-256 of the whole content, so long ids stay distinct. The same content always
gives the same id, in every version of this library (the rule is part of the format's
documentation, ``docs/collections.md``): a change to it would be a new function.
"""

from __future__ import annotations

import hashlib
from typing import Final

from incidents.errors import ArgumentError
from incidents.model.actors import Actor
from incidents.model.dataset import Record
from incidents.model.events import Incident
from incidents.model.ids import MAX_ID_LENGTH, MAX_SLUG_LENGTH, slugify
from incidents.model.measures import DiplomaticMeasure
from incidents.model.sources import Source
from incidents.model.vocabulary import ParticipantRole

__all__ = ["stable_id"]

#: The roles that make an actor one of an incident's main actors.
MAIN_ROLES: Final = frozenset({ParticipantRole.PERPETRATOR, ParticipantRole.TARGET})
_HASH_LENGTH: Final = 8


def stable_id(record: Record) -> str:
    """The id :data:`record`'s content gives it (see the module's documentation); the
    record's own id is not used, so a record can be given its stable id with
    ``attrs.evolve(record, id=stable_id(record))``."""
    if isinstance(record, Incident):
        main = [p.actor for p in record.participants if p.role in MAIN_ROLES]
        actors = main or [p.actor for p in record.participants]
        parts = ["incident", str(record.date), record.kind.value, *_actors(actors), record.title]
    elif isinstance(record, DiplomaticMeasure):
        when = record.announced or record.effective
        date = [] if when is None else [str(when)]
        actors = _actors([record.initiator, *record.targets])
        parts = ["measure", *date, record.kind.value, *actors]
    elif isinstance(record, Actor):
        parts = ["actor", record.country or "", record.name]
    elif isinstance(record, Source):
        date = [] if record.published is None else [str(record.published)]
        outlet = record.outlet.split(":", 1)[-1] if record.outlet else ""
        parts = ["source", *date, outlet, record.title]
    else:
        reason = "expected an Actor, Source, Incident or DiplomaticMeasure"
        raise ArgumentError("stable_id", "record", record, reason)
    kind, rest = parts[0], parts[1:]
    slug = "-".join(filter(None, (slugify(part) for part in rest)))
    if not slug:
        reason = "its content has no ASCII letters or digits to make an id of"
        raise ArgumentError("stable_id", "record", record, reason)
    room = MAX_ID_LENGTH - len(kind) - 1
    whole = "\x1f".join(rest)  # the content before any part is cut
    if len(slug) > room or any(len(slugify(part)) >= MAX_SLUG_LENGTH for part in rest):
        digest = hashlib.sha256(whole.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
        slug = f"{slug[: room - _HASH_LENGTH - 1].rstrip('-')}-{digest}"
    return f"{kind}:{slug}"


def _actors(ids: list[str]) -> list[str]:
    """The slugs of actor ids, sorted and without repeats (coders list actors in any order)."""
    return sorted({actor_id.split(":", 1)[1] for actor_id in ids})
