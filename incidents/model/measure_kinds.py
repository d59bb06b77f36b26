"""Kinds of diplomatic measure, each with its CAMEO code and PLOVER type-mode.

Sources of the crosswalk: the CAMEO 1.1b3 codebook (Schrodt), the PLOVER manual draft 0.8
and the POLECAT type and mode lists (which call PLOVER's DEMAND ``REQUEST`` and its
``confiscate`` mode ``seize``; this table uses the POLECAT names). Where a system has no
code for a measure the mapping is ``None`` or marked ``exact=False`` with the nearest code,
and ``note`` says why.
"""

from __future__ import annotations

from typing import Self

import attrs

from incidents.model.vocabulary import VOCABULARIES, Vocabulary

__all__ = ["ALL_VOCABULARIES", "VOCABULARIES_BY_NAME", "CodeMapping", "MeasureKind"]


@attrs.frozen
class CodeMapping:
    """A code in another event vocabulary: CAMEO (``"114"``) or PLOVER (``"ACCUSE-disapprove"``)."""

    #: The code: CAMEO digits, or a PLOVER ``TYPE`` or ``TYPE-mode``.
    code: str
    #: The code's official label.
    label: str
    #: False when the code is only the nearest one, not an equivalent.
    exact: bool = True


def _cameo(code: str, label: str, *, exact: bool = True) -> CodeMapping:
    return CodeMapping(code, label, exact)


def _plover(code: str, *, exact: bool = True) -> CodeMapping:
    kind, _, mode = code.partition("-")
    label = f"{kind} ({mode})" if mode else kind
    return CodeMapping(code, label, exact)


class MeasureKind(Vocabulary):
    """What a diplomatic measure is: the action one actor takes towards another."""

    cameo: CodeMapping | None
    plover: CodeMapping | None
    note: str

    def __new__(
        cls,
        value: str,
        description: str = "",
        cameo: CodeMapping | None = None,
        plover: CodeMapping | None = None,
        note: str = "",
    ) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        member.cameo = cameo
        member.plover = plover
        member.note = note
        return member

    # Statements and complaints
    SUMMON_ENVOY = (
        "summon_envoy",
        "Summon another state's ambassador, chargé d'affaires or other envoy, usually to protest.",
        _cameo("114", "Complain officially"),
        _plover("ACCUSE-disapprove"),
        "CAMEO has no code for a summons; its codebook codes a summons with a protest as 114 "
        "(110 'Disapprove' when no protest is reported).",
    )
    PROTEST_NOTE = (
        "protest_note",
        "Lodge an official protest or protest note.",
        _cameo("114", "Complain officially"),
        _plover("ACCUSE-disapprove"),
    )
    CRITICIZE = (
        "criticize",
        "Publicly criticise or condemn another actor's actions.",
        _cameo("111", "Criticize or denounce"),
        _plover("ACCUSE-disapprove"),
    )
    ACCUSE = (
        "accuse",
        "Accuse another actor of wrongdoing.",
        _cameo("112", "Accuse, not specified below"),
        _plover("ACCUSE-allege"),
    )
    EXPRESS_CONCERN = (
        "express_concern",
        "State concern or pessimism about a situation or another actor's conduct.",
        _cameo("012", "Make pessimistic comment"),
        None,
        "PLOVER dropped CAMEO's 01 family of comments; there is no PLOVER equivalent.",
    )
    DENY_RESPONSIBILITY = (
        "deny_responsibility",
        "Deny responsibility for an incident, reject an accusation, or deny that a measure "
        "was taken at all (an expulsion an official calls a routine rotation).",
        _cameo("016", "Deny responsibility"),
        _plover("REJECT", exact=False),
        "PLOVER dropped CAMEO's 01 family; REJECT is the nearest type.",
    )
    APOLOGIZE = (
        "apologize",
        "Apologise or express regret for an incident.",
        _cameo("055", "Apologize"),
        _plover("CONCEDE"),
        "The PLOVER manual codes expressions of regret or remorse as CONCEDE (no modes).",
    )
    EXPRESS_CONDOLENCES = (
        "express_condolences",
        "Express condolences or sympathy, e.g. in a call to the victims' government.",
        _cameo("018", "Make empathetic comment"),
        _plover("SUPPORT", exact=False),
        "PLOVER has no equivalent for empathetic comments; SUPPORT is the nearest type.",
    )
    CALL_FOR_INVESTIGATION = (
        "call_for_investigation",
        "Call for an investigation, or for a full and objective one.",
        _cameo("0214", "Appeal for intelligence", exact=False),
        _plover("REQUEST-assist"),
        "CAMEO has no code for this; its codebook sends appeals for investigative help to 0214 "
        "(0213 is extradition, 101 a demand to comply with an investigation).",
    )
    CALL_FOR_RELEASE = (
        "call_for_release",
        "Call for detained people or seized property to be released.",
        _cameo("0253", "Appeal for release of persons or property"),
        _plover("REQUEST-yield"),
        "Use 1053 'Demand release of persons or property' when the call is a demand.",
    )
    DEMAND = (
        "demand",
        "Demand that another actor do something (say what in the summary).",
        _cameo("100", "Demand, not specified below"),
        _plover("REQUEST"),
    )
    THREATEN = (
        "threaten",
        "Threaten a measure (say which in the summary; a threatened measure of a known kind is "
        "better recorded as that kind with status 'threatened').",
        _cameo("130", "Threaten, not specified below"),
        _plover("THREATEN"),
    )
    # Contacts
    VISIT = (
        "visit",
        "Make an official visit to another actor.",
        _cameo("042", "Make a visit"),
        _plover("CONSULT-visit"),
    )
    HOST_VISIT = (
        "host_visit",
        "Host another actor's official visit.",
        _cameo("043", "Host a visit"),
        _plover("CONSULT-visit"),
    )
    PHONE_CALL = (
        "phone_call",
        "Hold a telephone conversation between officials.",
        _cameo("040", "Consult, not specified below"),
        _plover("CONSULT-phone"),
    )
    HOLD_TALKS = (
        "hold_talks",
        "Hold a meeting or talks.",
        _cameo("040", "Consult, not specified below"),
        _plover("CONSULT"),
    )
    # Reducing relations
    CANCEL_VISIT = (
        "cancel_visit",
        "Cancel an official visit, meeting or delegation.",
        _cameo("161", "Reduce or break diplomatic relations"),
        _plover("REJECT-meet"),
        "CAMEO codes cancelled meetings as 161; the PLOVER manual says cancelled meetings are "
        "REJECT (older PLOVER mappings had SANCTION-withdraw).",
    )
    REFUSE_INVITATION = (
        "refuse_invitation",
        "Decline an invitation to attend an event, meeting or ceremony.",
        _cameo("125", "Reject proposal to meet, discuss, or negotiate"),
        _plover("REJECT-meet"),
    )
    HALT_NEGOTIATIONS = (
        "halt_negotiations",
        "Halt or walk out of negotiations.",
        _cameo("164", "Halt negotiations"),
        _plover("SANCTION-withdraw"),
    )
    CANCEL_CULTURAL_EVENTS = (
        "cancel_cultural_events",
        "Cancel concerts, festivals, exchanges or other cultural events with another country.",
        _cameo("161", "Reduce or break diplomatic relations", exact=False),
        _plover("SANCTION-discontinue"),
        "No exact CAMEO code; 161 covers the termination of other diplomatic activities.",
    )
    EXPEL_DIPLOMATS = (
        "expel_diplomats",
        "Expel diplomats or declare them persona non grata.",
        _cameo("161", "Reduce or break diplomatic relations"),
        _plover("SANCTION-expel"),
        "The CAMEO codebook codes the expulsion of diplomats as 161, not 174.",
    )
    RECALL_ENVOY = (
        "recall_envoy",
        "Recall one's own ambassador or envoy, for consultations or for good (a lasting "
        "cut in the level of representation is downgrade_relations).",
        _cameo("161", "Reduce or break diplomatic relations"),
        _plover("SANCTION-withdraw"),
    )
    WITHDRAW_DIPLOMATS = (
        "withdraw_diplomats",
        "Withdraw some of one's own diplomatic or consular staff (not the envoy) or their "
        "families from a country.",
        _cameo("161", "Reduce or break diplomatic relations", exact=False),
        _plover("SANCTION-withdraw"),
        "PLOVER's 'withdraw' mode names diplomats; CAMEO's 166 covers peacekeepers, "
        "inspectors and aid agencies only, so 161 is the nearest.",
    )
    DOWNGRADE_RELATIONS = (
        "downgrade_relations",
        "Lower the level of diplomatic relations, e.g. from ambassadors to chargés d'affaires.",
        _cameo("161", "Reduce or break diplomatic relations"),
        _plover("SANCTION-discontinue"),
    )
    SEVER_RELATIONS = (
        "sever_relations",
        "Break off diplomatic relations altogether.",
        _cameo("161", "Reduce or break diplomatic relations"),
        _plover("SANCTION-discontinue"),
    )
    SUSPEND_CONTACTS = (
        "suspend_contacts",
        "Suspend official contacts, dialogue or cooperation formats without breaking relations.",
        _cameo("160", "Reduce relations, not specified below"),
        _plover("SANCTION-discontinue"),
    )
    RESTORE_RELATIONS = (
        "restore_relations",
        "Restore or upgrade diplomatic relations, return an envoy, resume suspended contacts.",
        _cameo("050", "Engage in diplomatic cooperation, not specified below", exact=False),
        _plover("SUPPORT"),
        "CAMEO has no code for restoring relations; 050 is the nearest. PLOVER's SUPPORT "
        "covers resuming diplomatic cooperation.",
    )
    CLOSE_MISSION = (
        "close_mission",
        "Close an embassy, consulate, representative office or cultural institute (one's own "
        "abroad, or another state's at home), or withdraw consent or an exequatur.",
        _cameo("161", "Reduce or break diplomatic relations"),
        _plover("SANCTION-discontinue"),
        "Closing one's own mission abroad is also read as PLOVER SANCTION-withdraw.",
    )
    OPEN_MISSION = (
        "open_mission",
        "Open an embassy, consulate, representative office or cultural institute, or "
        "establish diplomatic relations.",
        _cameo("054", "Grant diplomatic recognition", exact=False),
        _plover("SUPPORT"),
        "CAMEO has no code for opening a mission; 054 is the nearest. PLOVER codes the "
        "initiation of diplomatic ties as SUPPORT.",
    )
    RESTRICT_TRAVEL = (
        "restrict_travel",
        "Suspend or restrict visas, entry or travel for another country's nationals or officials.",
        _cameo("172", "Impose administrative sanctions, not specified below", exact=False),
        _plover("COERCE-restrict"),
        "CAMEO has no code for visa measures; 172 is the nearest. A travel ban on named "
        "officials as part of a sanctions package is impose_sanctions.",
    )
    IMPOSE_TRADE_RESTRICTIONS = (
        "impose_trade_restrictions",
        "Restrict trade short of sanctions: an import ban, tariffs, a customs or sanitary "
        "blockade of another country's goods.",
        _cameo("163", "Impose embargo, boycott, or sanctions", exact=False),
        _plover("SANCTION-discontinue"),
        "CAMEO codes embargoes, boycotts and sanctions together as 163; this kind keeps "
        "trade measures apart from sanctions.",
    )
    IMPOSE_SANCTIONS = (
        "impose_sanctions",
        "Impose sanctions, a boycott or an embargo.",
        _cameo("163", "Impose embargo, boycott, or sanctions"),
        _plover("SANCTION-discontinue"),
    )
    # Coercion
    RAID_MEDIA_OFFICE = (
        "raid_media_office",
        "Search, seize or close the office of a (foreign) media outlet.",
        _cameo("1711", "Confiscate property"),
        _plover("COERCE-seize"),
        "Add CAMEO 1721 / PLOVER COERCE-censor when the outlet is also suspended or blocked.",
    )
    RESTRICT_MEDIA = (
        "restrict_media",
        "Block, suspend or otherwise restrict a media outlet's work.",
        _cameo("1721", "Impose restrictions on political freedoms"),
        _plover("COERCE-censor"),
    )
    BAN_ORGANIZATION = (
        "ban_organization",
        "Ban an organisation or designate it 'undesirable' or 'extremist'.",
        _cameo("1721", "Impose restrictions on political freedoms"),
        _plover("COERCE-ban"),
    )
    ARREST_NATIONALS = (
        "arrest_nationals",
        "Arrest or detain another country's nationals.",
        _cameo("173", "Arrest, detain, or charge with legal action"),
        _plover("COERCE-arrest"),
    )
    OPEN_CRIMINAL_CASE = (
        "open_criminal_case",
        "Open a criminal case or investigation.",
        _cameo("091", "Investigate crime, corruption"),
        _plover("ACCUSE-investigate"),
    )
    BRING_CHARGES = (
        "bring_charges",
        "Charge or indict people.",
        _cameo("1121", "Accuse of crime, corruption"),
        _plover("ACCUSE-allege"),
    )
    DEPORT = (
        "deport",
        "Deport or expel individuals (not diplomats).",
        _cameo("174", "Expel or deport individuals"),
        _plover("COERCE-deport"),
    )
    REVOKE_CITIZENSHIP = (
        "revoke_citizenship",
        "Strip people of citizenship.",
        _cameo("172", "Impose administrative sanctions, not specified below", exact=False),
        _plover("COERCE-restrict", exact=False),
        "Neither CAMEO nor PLOVER has a code for revoking citizenship; 172 and COERCE-restrict "
        "are the nearest (174 / COERCE-deport if the person is also removed).",
    )
    BRING_LEGAL_CASE = (
        "bring_legal_case",
        "Bring a case before an international court, tribunal or trade body (the ICJ, the "
        "ECHR, the WTO).",
        _cameo("115", "Bring lawsuit against"),
        _plover("ACCUSE-allege"),
    )
    OTHER = (
        "other",
        "Any other measure; describe it in the summary.",
        None,
        None,
        "Not mapped.",
    )


#: Every closed vocabulary of the model, measure kinds last.
ALL_VOCABULARIES: tuple[type[Vocabulary], ...] = (*VOCABULARIES, MeasureKind)
#: The same, by class name (which is also its definition's name in the JSON Schema).
VOCABULARIES_BY_NAME: dict[str, type[Vocabulary]] = {v.__name__: v for v in ALL_VOCABULARIES}
