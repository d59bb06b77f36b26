"""Closed vocabularies: every enumerated field takes one of these snake_case strings.

Each member carries a ``description`` (used by the documentation and the generated schemas).
Members are ``str`` subclasses, so ``ActorKind.STATE == "state"``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Self

__all__ = [
    "VOCABULARIES",
    "ActorKind",
    "CasualtyOutcome",
    "Confidence",
    "CountQualifier",
    "CountUnit",
    "IdentifierScheme",
    "IncidentKind",
    "IncidentLinkKind",
    "LocationPrecision",
    "MeasureLinkKind",
    "MeasureStatus",
    "ParticipantRole",
    "Publicity",
    "SourceKind",
    "Stance",
    "Vocabulary",
    "unknown_term_message",
]

#: How many terms a message lists when it cannot suggest any.
_LISTED = 8


class Vocabulary(StrEnum):
    """Base of the closed vocabularies: a string enum whose members are documented."""

    _value_: str
    #: What the member means, in a sentence.
    description: str

    def __new__(cls, value: str, description: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    @classmethod
    def text_problem(cls, text: str) -> str:
        """What is wrong with ``text`` given for a member (a record field check's reason)."""
        if text in cls._value2member_map_:
            return f"expected {cls.__name__}, not str: use {cls.__name__}({text!r})"
        return unknown_term_message(cls, repr(text), text)


class ActorKind(Vocabulary):
    """What sort of actor a record describes."""

    STATE = "state", "A sovereign state acting as a whole (Russia, Azerbaijan)."
    GOVERNMENT_BODY = (
        "government_body",
        "A ministry, agency, court, parliament or other organ of a state.",
    )
    OFFICIAL = "official", "A person acting in an official capacity (minister, spokesperson)."
    PERSON = "person", "A private individual: a victim, a detainee, a performer, a journalist."
    ORGANIZATION = "organization", "A company, party, NGO or other non-state organisation."
    MEDIA_OUTLET = (
        "media_outlet",
        "A newspaper, agency, broadcaster or news website.",
    )
    SECURITY_FORCE = "security_force", "Police, security service, army unit or air defence."
    COMMUNITY = "community", "A community or diaspora, e.g. Azerbaijanis living in Yekaterinburg."
    INTERNATIONAL_ORGANIZATION = (
        "international_organization",
        "An intergovernmental organisation (UN, CIS, OSCE, ICAO).",
    )
    COALITION = (
        "coalition",
        "States or other actors acting together without being an organisation: the "
        "governments of a joint expulsion, 'more than twenty countries'. List its members "
        "when the sources do, or give its member count.",
    )


class SourceKind(Vocabulary):
    """What sort of document a source is."""

    NEWS_ARTICLE = "news_article", "A news report published by a media outlet."
    OFFICIAL_STATEMENT = (
        "official_statement",
        "A statement, press release or readout published by a government or organisation.",
    )
    REPORT = "report", "An investigative, NGO or intergovernmental report."
    SOCIAL_MEDIA_POST = "social_media_post", "A post on a social network or messaging channel."
    INTERVIEW = "interview", "A published interview or broadcast transcript."
    OTHER = "other", "Any other kind of document; say what in the source's note."


class IncidentKind(Vocabulary):
    """What happened in an incident."""

    AIRCRAFT_DOWNING = (
        "aircraft_downing",
        "An aircraft shot down, struck or brought down by weapons fire or air defence.",
    )
    RAID = "raid", "A police or security-service operation on premises or a community."
    ARREST = "arrest", "People arrested or detained by authorities."
    DEATH_IN_CUSTODY = "death_in_custody", "A person dies while held by authorities."
    MEDIA_OFFICE_RAID = (
        "media_office_raid",
        "Authorities search, seize or close the office of a media outlet.",
    )
    DEPORTATION = "deportation", "People expelled or deported from a country."
    ATTACK = "attack", "A violent attack on people or property."
    KILLING = "killing", "One or more people killed outside custody."
    PROTEST = "protest", "A public demonstration or protest."
    BORDER_INCIDENT = "border_incident", "A clash or violation at a border or in airspace."
    CYBER_OPERATION = "cyber_operation", "An intrusion, disruption or leak carried out online."
    TRIAL = "trial", "A court hearing, verdict or sentencing."
    POISONING = "poisoning", "People poisoned, or exposed to a poison or nerve agent."
    ABDUCTION = "abduction", "A person seized and taken away outside the law."
    ESPIONAGE = "espionage", "Spying uncovered: an agent caught, a network exposed."
    AIRSPACE_VIOLATION = (
        "airspace_violation",
        "An aircraft or drone enters another state's airspace without leave.",
    )
    MARITIME_INCIDENT = (
        "maritime_incident",
        "A ship seized, rammed, blocked or fired on at sea.",
    )
    ATTACK_ON_MISSION = (
        "attack_on_mission",
        "An embassy, consulate or diplomat attacked, stormed or harassed.",
    )
    DEATH = (
        "death",
        "A person dies and the cause or responsibility is not (yet) established; use killing "
        "or death_in_custody when the sources say so.",
    )
    DIPLOMATIC_EVENT = (
        "diplomatic_event",
        "A non-violent act that sets off a crisis: a law passed, an office opened, a "
        "statement, a vote, a visit.",
    )
    OTHER = "other", "Anything else; describe it in the summary."


class ParticipantRole(Vocabulary):
    """The part an actor played in an incident."""

    PERPETRATOR = "perpetrator", "Carried out the act (as reported; contested blame is a claim)."
    TARGET = "target", "The act was aimed at this actor (an office, a community, a state)."
    VICTIM = "victim", "Was harmed: killed, injured, detained or otherwise affected."
    INVESTIGATOR = "investigator", "Investigates the incident (prosecutor, investigative body)."
    WITNESS = "witness", "Saw or reported the events first hand."
    MEDIATOR = "mediator", "Tried to resolve or de-escalate the incident."
    RESPONDER = "responder", "Reacted on the scene: rescue, medical or consular staff."
    ACTOR = (
        "actor",
        "Carried out an event that is not hostile: opened the office, passed the law, made "
        "the statement.",
    )


class IncidentLinkKind(Vocabulary):
    """How one incident relates to another; links point from the later or smaller incident."""

    PART_OF = "part_of", "This incident is one episode of the target incident."
    CAUSED_BY = "caused_by", "This incident happened because of the target incident."
    FOLLOW_UP_TO = (
        "follow_up_to",
        "This incident continues the target one later on (a trial after an arrest); an "
        "episode of the target itself (a death in the custody a raid began) is part_of.",
    )
    RELATED_TO = "related_to", "This incident is related to the target without a causal claim."


class CasualtyOutcome(Vocabulary):
    """What happened to a casualty."""

    KILLED = "killed", "Died as a result of the incident (including in custody)."
    INJURED = "injured", "Was wounded, hurt or made ill (by a poison, say)."
    EXPOSED = (
        "exposed",
        "Was exposed to a poison, agent or other hazard; whether it harmed them is not known.",
    )
    HOSPITALISED = (
        "hospitalised",
        "Was taken to hospital; use injured as well, in a casualty of its own, once the "
        "harm is known.",
    )
    DETAINED = "detained", "Was arrested, detained or held by authorities."
    MISSING = "missing", "Whereabouts unknown after the incident."
    DEPORTED = "deported", "Was expelled or deported."


class MeasureLinkKind(Vocabulary):
    """How one measure relates to another; links point from the part or the later measure."""

    PART_OF = (
        "part_of",
        "This measure is one state's share of the target, a coordinated or joint measure "
        "(so the two are not counted twice).",
    )
    RECIPROCAL_TO = (
        "reciprocal_to",
        "This measure and the target answer each other in kind at about the same time, with "
        "no order between them (tit-for-tat expulsions announced on one day).",
    )
    IMPLEMENTS = (
        "implements",
        "This measure carries out the target, a decision announced before it.",
    )


class CountUnit(Vocabulary):
    """What the count of a measure counts."""

    DIPLOMATS = "diplomats", "Diplomats, including those declared persona non grata."
    STAFF = "staff", "Staff of a mission or office, diplomatic or not."
    PERSONS = "persons", "People of any status: nationals, residents, journalists."
    ORGANIZATIONS = "organizations", "Organisations: companies, outlets, NGOs."
    COUNTRIES = "countries", "States, e.g. the members of a coordinated measure."
    MISSIONS = "missions", "Embassies, consulates, representative offices or institutes."
    OTHER = "other", "Anything else; say what in the measure's note."


class Publicity(Vocabulary):
    """Whether the initiator made a measure public."""

    ANNOUNCED = "announced", "Made public by the initiator."
    UNANNOUNCED = (
        "unannounced",
        "Taken without an announcement; known from its effects or from the target.",
    )
    LEAKED = "leaked", "Made public by someone else against the initiator's wishes."
    UNKNOWN = "unknown", "The sources do not say how it became known."


class Confidence(Vocabulary):
    """How sure a claimant says it is, in its own words (quote them in the citation)."""

    CONFIRMED = "confirmed", "Stated as established fact, or confirmed by evidence."
    HIGHLY_LIKELY = "highly_likely", 'Stated as "highly likely" or "almost certainly".'
    LIKELY = "likely", 'Stated as "likely" or "probably".'
    POSSIBLE = "possible", 'Stated as "possible", "may have" or "cannot be ruled out".'
    ALLEGED = "alleged", "Alleged or accused without a stated degree of certainty."


class MeasureStatus(Vocabulary):
    """How far a diplomatic measure went."""

    THREATENED = "threatened", "Threatened or warned of, not decided."
    ANNOUNCED = "announced", "Decided and announced, not yet in force."
    IMPLEMENTED = "implemented", "Carried out or in force."
    RESCINDED = "rescinded", "Withdrawn or reversed after announcement or implementation."


class Stance(Vocabulary):
    """Whether a claimant affirms or rejects a claim's value."""

    ASSERTS = "asserts", "The claimant says the value is true."
    DENIES = "denies", "The claimant says the value is false."


class CountQualifier(Vocabulary):
    """How a reported figure relates to the true number."""

    EXACT = "exact", 'Exactly ``best`` ("nine people").'
    ABOUT = "about", 'Approximately ``best`` ("around 50").'
    AT_LEAST = "at_least", '``best`` or more ("at least 50").'
    MORE_THAN = "more_than", 'Strictly more than ``best`` ("over fifty").'
    AT_MOST = "at_most", '``best`` or fewer ("up to 50").'
    FEWER_THAN = "fewer_than", 'Strictly fewer than ``best`` ("fewer than 50").'
    BETWEEN = "between", 'Between ``low`` and ``high`` inclusive ("30 to 40").'


class LocationPrecision(Vocabulary):
    """How precisely a location's coordinates pin down where something happened."""

    EXACT = "exact", "The coordinates are the site itself (a building, a crash site)."
    NEAR = "near", "The coordinates are close to the site, within a few kilometres."
    LOCALITY = "locality", "The coordinates stand for a town or city."
    ADMIN_AREA = "admin_area", "The coordinates stand for a region or province."
    COUNTRY = "country", "The coordinates stand for a whole country."


class IdentifierScheme(Vocabulary):
    """Registries that assign identifiers to actors."""

    WIKIDATA = "wikidata", "A Wikidata item id, e.g. ``Q159`` (Russia)."
    OPENSANCTIONS = "opensanctions", "An OpenSanctions entity id."
    ISNI = "isni", "An International Standard Name Identifier (16 characters)."
    VIAF = "viaf", "A Virtual International Authority File id (digits)."
    LEI = "lei", "A Legal Entity Identifier (20 characters)."
    WEBSITE = "website", "The actor's official website (an http or https URL)."


#: Every vocabulary of this module, in the order it defines them (measure kinds, with their
#: crosswalk, are in :mod:`incidents.model.measure_kinds`).
VOCABULARIES: Final[tuple[type[Vocabulary], ...]] = (
    ActorKind,
    SourceKind,
    IncidentKind,
    ParticipantRole,
    IncidentLinkKind,
    MeasureLinkKind,
    CountUnit,
    Publicity,
    Confidence,
    CasualtyOutcome,
    MeasureStatus,
    Stance,
    CountQualifier,
    LocationPrecision,
    IdentifierScheme,
)


def unknown_term_message(vocabulary: type[Vocabulary], shown: str, value: object) -> str:
    """What to say of ``value`` (described as ``shown``) that is not a term of
    ``vocabulary``: the nearest terms, the fallback ``other`` where there is one, and where
    to see them all."""
    terms = [member.value for member in vocabulary]
    name = vocabulary.__name__
    import difflib  # only when a message is written: import incidents stays light

    near = difflib.get_close_matches(str(value).lower(), terms, n=3, cutoff=0.6)
    if near:
        text = f"{shown} is not a valid {name}; did you mean {_either(near)}?"
    else:
        listed = ", ".join(repr(term) for term in terms[:_LISTED] if term != "other")
        more = "" if len(terms) <= _LISTED else ", ..."
        text = f"{shown} is not a valid {name}; expected one of {listed}{more}."
    if "other" in terms:
        use = vocabulary("other").description.rstrip(".")
        text += f" If none fits, use 'other' ({use[:1].lower()}{use[1:]})."
    return f"{text} `incidents vocab {name}` lists all {len(terms)} terms."


def _either(terms: list[str]) -> str:
    quoted = [repr(term) for term in terms]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" or {quoted[-1]}"
