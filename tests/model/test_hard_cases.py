"""The seed articles' hard cases, written as records and round-tripped through JSON."""

from __future__ import annotations

import incidents
from incidents import (
    Actor,
    ActorKind,
    Affiliation,
    Casualty,
    CasualtyOutcome,
    Citation,
    Claim,
    Count,
    CountQualifier,
    Dataset,
    DiplomaticMeasure,
    Incident,
    IncidentKind,
    MeasureKind,
    MeasureStatus,
    PartialDate,
    Source,
    Stance,
)

# Four of the seed articles (../shared/seeds/), quoted verbatim below.
MT = "source:mt-rift-deepens"
OC = "source:tensions-rise-safarov-deaths"
AP = "source:ap-insight-arrest-of-russians"
CD = "source:cultural-diplomacy-in-crisis"
MT_JULY_4 = "source:mt-diaspora-head-stripped"


def _sources() -> tuple[Source, ...]:
    return (
        Source(
            id=MT,
            title="Azerbaijan-Russia Rift Deepens After Deaths of Azeri Men in Police Arrests",
            language="en",
        ),
        Source(
            id=OC,
            title="Azerbaijan-Russia Tensions Rise After Diaspora Raids and Safarov Deaths",
            language="en",
        ),
        Source(
            id=AP,
            title="The arrest of Russians in Azerbaijan – a new distancing between Baku and Moscow",
            language="en",
        ),
        Source(
            id=CD,
            title="Azerbaijans Cultural Diplomacy in Crisis Following Tragic Police Encounters",
            language="en",
        ),
        Source(
            id=MT_JULY_4,
            title="Head of Moscow Region's Azerbaijani Diaspora Stripped of Russian Citizenship",
            published=PartialDate.parse("2025-07-04"),
            url="https://www.themoscowtimes.com/2025/07/04/head-of-moscow-regions-azerbaijani"
            "-diaspora-stripped-of-russian-citizenship-a89688",
            language="en",
        ),
    )


def _actors() -> tuple[Actor, ...]:
    return (
        Actor(id="actor:russia", kind=ActorKind.STATE, name="Russia", country="RU"),
        Actor(id="actor:azerbaijan", kind=ActorKind.STATE, name="Azerbaijan", country="AZ"),
        Actor(
            id="actor:ru-investigative-committee",
            kind=ActorKind.GOVERNMENT_BODY,
            name="Investigative Committee of Russia",
            country="RU",
        ),
        Actor(
            id="actor:az-prosecutor-general",
            kind=ActorKind.GOVERNMENT_BODY,
            name="Prosecutor General's Office of Azerbaijan",
            country="AZ",
        ),
        Actor(id="actor:az-mfa", kind=ActorKind.GOVERNMENT_BODY, name="MFA", country="AZ"),
        Actor(id="actor:ru-mfa", kind=ActorKind.GOVERNMENT_BODY, name="MFA", country="RU"),
        Actor(id="actor:ziyaddin-safarov", kind=ActorKind.PERSON, name="Ziyaddin Safarov"),
        Actor(
            id="actor:sputnik-azerbaijan", kind=ActorKind.MEDIA_OUTLET, name="Sputnik Azerbaijan"
        ),
        Actor(
            id="actor:igor-kartavykh",
            kind=ActorKind.PERSON,
            name="Igor Kartavykh",
            affiliations=(
                Claim(
                    value=Affiliation(
                        organization="actor:sputnik-azerbaijan", role="editor-in-chief"
                    ),
                    citations=(
                        Citation(
                            source=CD, quote="Sputnik Azerbaijan’s editor-in-chief, Igor Kartavykh"
                        ),
                    ),
                ),
                Claim(
                    value=Affiliation(
                        organization="actor:sputnik-azerbaijan", role="editorial board director"
                    ),
                    citations=(
                        Citation(source=AP, quote="editorial board director Igor Kartavykh"),
                    ),
                ),
            ),
        ),
    )


def _raid() -> Incident:
    death = Casualty(
        outcome=CasualtyOutcome.KILLED,
        person="actor:ziyaddin-safarov",
        nationality="AZ",
        age=55,
        in_custody=True,
        cause=(
            Claim(
                value="acute ischemic heart disease",
                claimed_by="actor:ru-investigative-committee",
                citations=(
                    Citation(
                        source=OC,
                        quote="The Russian forensic examination cited acute ischemic heart "
                        "disease as the cause of death",
                    ),
                ),
            ),
            Claim(
                value="post-traumatic shock caused by multiple injuries",
                claimed_by="actor:az-prosecutor-general",
                citations=(
                    Citation(source=AP, quote="post-traumatic shock caused by multiple injuries"),
                ),
            ),
        ),
        citations=(Citation(source=AP),),
    )
    detained = Casualty(
        outcome=CasualtyOutcome.DETAINED,
        count=(
            Claim(
                value=Count.about(50),
                citations=(Citation(source=MT, quote="In total, around 50 people were arrested."),),
            ),
            Claim(
                value=Count.more_than(50),
                citations=(Citation(source=OC, quote="the detention of over fifty individuals"),),
            ),
            Claim(
                value=Count.exactly(9),
                citations=(Citation(source=AP, quote="with nine people detained"),),
            ),
        ),
        citations=(Citation(source=MT), Citation(source=OC), Citation(source=AP)),
    )
    return Incident(
        id="incident:yekaterinburg-raids-2025",
        kind=IncidentKind.RAID,
        title="Police raids on Azerbaijanis in Yekaterinburg",
        date=PartialDate.parse("2025-06-27"),
        casualties=(death, detained),
        citations=(
            Citation(source=OC, quote="On June 27, Russian security forces conducted raids"),
            Citation(source=MT, quote="during Friday’s raids"),
        ),
    )


def _measures() -> tuple[DiplomaticMeasure, ...]:
    summons = DiplomaticMeasure(
        id="measure:az-summons-ru-charge-2025-06-28",
        kind=MeasureKind.SUMMON_ENVOY,
        initiator="actor:az-mfa",
        targets=("actor:russia",),
        announced=PartialDate.parse("2025-06-28"),
        in_response_to=("incident:yekaterinburg-raids-2025",),
        citations=(Citation(source=MT, quote="summoned Russia’s chargé d’affaires"),),
    )
    counter_summons = DiplomaticMeasure(
        id="measure:ru-summons-az-ambassador-2025-07-01",
        kind=MeasureKind.SUMMON_ENVOY,
        initiator="actor:ru-mfa",
        targets=("actor:azerbaijan",),
        announced=PartialDate.parse("2025-07-01"),
        in_response_to=("measure:az-summons-ru-charge-2025-06-28",),
        citations=(Citation(source=MT, quote="Azerbaijan's ambassador in Moscow was summoned"),),
    )
    revocation = DiplomaticMeasure(
        id="measure:ru-revokes-ibragimov-citizenship",
        kind=MeasureKind.REVOKE_CITIZENSHIP,
        initiator="actor:russia",
        status=MeasureStatus.IMPLEMENTED,
        announced=PartialDate.parse("2025-07-03~"),
        effective=PartialDate.parse("2025-06-18"),
        retroactive=True,
        citations=(
            Citation(
                source=MT_JULY_4,
                quote="his Russian citizenship had been retroactively revoked as of June 18",
                note="Announced in a video shared late Thursday, 3 July 2025 (the article is "
                "dated Friday 4 July).",
            ),
        ),
    )
    return summons, counter_summons, revocation


def _dataset() -> Dataset:
    return Dataset(actors=_actors(), sources=_sources(), incidents=(_raid(),), measures=_measures())


def test_contested_cause_of_death_keeps_both_claims():
    """Both causes of death survive a JSON round trip with their claimants."""
    loaded = incidents.from_json(incidents.to_json(_dataset()))
    incident = loaded.get("incident:yekaterinburg-raids-2025", Incident)
    assert incident is not None
    claims = incident.casualties[0].cause
    expected = [
        ("acute ischemic heart disease", "actor:ru-investigative-committee"),
        ("post-traumatic shock caused by multiple injuries", "actor:az-prosecutor-general"),
    ]
    assert expected == [(claim.value, claim.claimed_by) for claim in claims]


def test_three_detained_counts_keep_their_wording():
    """'Around 50', 'over fifty' and 'nine' stay three differently qualified counts."""
    loaded = incidents.from_json(incidents.to_json(_dataset()))
    counts = [claim.value for claim in loaded.incidents[0].casualties[1].count]
    expected = [
        (50, CountQualifier.ABOUT),
        (50, CountQualifier.MORE_THAN),
        (9, CountQualifier.EXACT),
    ]
    assert expected == [(count.best, count.qualifier) for count in counts]
    assert ["about 50", "more than 50", "9"] == [str(count) for count in counts]


def test_contested_roles_are_two_affiliation_claims():
    """Editor-in-chief versus editorial board director: two claims on one actor."""
    loaded = incidents.from_json(incidents.to_json(_dataset()))
    actor = loaded.get("actor:igor-kartavykh", Actor)
    assert actor is not None
    roles = [claim.value.role for claim in actor.affiliations]
    assert ["editor-in-chief", "editorial board director"] == roles


def test_retroactive_revocation_keeps_announced_and_effective_dates():
    """Citizenship revoked about 3 July, effective 18 June: both dates and the flag survive."""
    loaded = incidents.from_json(incidents.to_json(_dataset()))
    measure = loaded.get("measure:ru-revokes-ibragimov-citizenship", DiplomaticMeasure)
    assert measure is not None
    assert ("2025-07-03~", "2025-06-18", True) == (
        str(measure.announced),
        str(measure.effective),
        measure.retroactive,
    )
    assert measure.date == PartialDate.parse("2025-06-18")


def test_two_step_response_chain_round_trips():
    """Raid -> Azerbaijani summons -> Russian counter-summons survives as a chain."""
    dataset = incidents.from_json(incidents.to_json(_dataset()))
    chain = []
    record_id = "measure:ru-summons-az-ambassador-2025-07-01"
    while record_id:
        chain.append(record_id)
        record = dataset[record_id]
        responses = getattr(record, "in_response_to", ())
        record_id = responses[0] if responses else ""
    expected = [
        "measure:ru-summons-az-ambassador-2025-07-01",
        "measure:az-summons-ru-charge-2025-06-28",
        "incident:yekaterinburg-raids-2025",
    ]
    assert expected == chain


def test_responsibility_claims_assert_and_deny():
    """Blame for the airliner downing: Azerbaijan asserts, Russia denies, both kept."""
    downing = Incident(
        id="incident:azal-8243-downing",
        kind=IncidentKind.AIRCRAFT_DOWNING,
        title="AZAL flight 8243 brought down",
        date=PartialDate.parse("2024-12-25"),
        responsibility=(
            Claim(value="actor:russia", claimed_by="actor:azerbaijan", stance=Stance.ASSERTS),
            Claim(value="actor:russia", claimed_by="actor:russia", stance=Stance.DENIES),
        ),
        citations=(Citation(source=AP),),
    )
    dataset = Dataset(sources=_sources(), incidents=(downing,))
    assert dataset == incidents.from_json(incidents.to_json(dataset))
