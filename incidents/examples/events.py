"""The incidents of the Russia–Azerbaijan 2025 example, with their casualties.

Relative dates are resolved against the articles (see the sources' notes): the raids were on
Friday 27 June 2025 (the only article with absolute dates says "On June 27"), the Sputnik
Azerbaijan raid on Monday 30 June.
"""

from __future__ import annotations

from typing import Final

from incidents.examples._helpers import cite, claim, date
from incidents.examples.sources import AP, CD, MT_JULY_4, MT_RIFT, TR
from incidents.model.casualties import Casualty
from incidents.model.counts import Count
from incidents.model.events import Incident, IncidentLink, Participant
from incidents.model.locations import Location
from incidents.model.vocabulary import (
    CasualtyOutcome,
    IncidentKind,
    IncidentLinkKind,
    ParticipantRole,
)

__all__ = ["INCIDENTS"]

KILLED = CasualtyOutcome.KILLED
DETAINED = CasualtyOutcome.DETAINED
PERPETRATOR = ParticipantRole.PERPETRATOR
TARGET = ParticipantRole.TARGET
VICTIM = ParticipantRole.VICTIM
INVESTIGATOR = ParticipantRole.INVESTIGATOR

PLANE: Final = "incident:azal-plane-downing-2024"
RAIDS: Final = "incident:yekaterinburg-raids-2025"
DEATHS: Final = "incident:safarov-brothers-deaths-2025"
SPUTNIK_RAID: Final = "incident:sputnik-azerbaijan-raid-2025"
RUSSIANS_ARRESTED: Final = "incident:russian-nationals-arrested-2025"
DEPORTATION: Final = "incident:ibragimov-deportation-2025"

# The Russian and Azerbaijani versions of how the Safarov brothers died. The Investigative
# Committee named heart failure for one of the two men without saying which, so its claim
# is recorded on both casualties, with that note.
_RUSSIAN_EXAMINATION = claim(
    "acute ischemic heart disease",
    cite(
        TR,
        "The Russian forensic examination cited acute ischemic heart disease as the cause of death",
    ),
    by="actor:russia",
    note="The Russian forensic examination, as reported by the Azerbaijani Ministry of Health.",
)
_INVESTIGATIVE_COMMITTEE = claim(
    "heart failure",
    cite(
        AP,
        "Russia’s Investigative Committee said Monday that one of the deaths had been "
        "caused by heart failure.",
    ),
    cite(MT_RIFT, "one man appeared to have died from heart failure"),
    cite(CD, "one individual likely died from heart failure"),
    by="actor:ru-investigative-committee",
    note="Said on Monday 30 June of one of the two men, without naming which; the second "
    "death was still under investigation.",
)
_PROSECUTOR_GENERAL = claim(
    "post-traumatic shock caused by multiple injuries",
    cite(
        AP,
        "It attributed the deaths of 60-year-old Huseyn Safarov and 55-year-old Ziyaddin "
        "Safarov to “post-traumatic shock caused by multiple injuries.”",
    ),
    by="actor:az-prosecutor-general",
)
_AZERBAIJANI_EXAMINATION = claim(
    "numerous bruises and hemorrhages",
    cite(TR, "the Azerbaijani examination revealed numerous bruises and hemorrhages"),
    by="actor:az-health-ministry",
)

INCIDENTS: Final = (
    Incident(
        id=PLANE,
        kind=IncidentKind.AIRCRAFT_DOWNING,
        title="Azerbaijan Airlines passenger jet brought down on its way from Baku to Grozny",
        date=date("2024-12"),
        summary="A passenger plane flying from Baku to Grozny was hit as it approached Grozny "
        "and crashed in western Kazakhstan, near Aktau, killing 38 of the 67 people aboard.",
        location=Location(name="Grozny", admin_area="Chechnya", country="RU", precision=None),
        participants=(
            Participant(actor="actor:azerbaijan-airlines", role=VICTIM),
            Participant(
                actor="actor:ru-air-defence",
                role=PERPETRATOR,
                note="As Aliyev and two of the outlets state; see the responsibility claims.",
            ),
        ),
        casualties=(
            Casualty(
                outcome=KILLED,
                count=(
                    claim(
                        Count.exactly(38),
                        cite(MT_RIFT, "killing 38 people on board"),
                        cite(AP, "killing 38 of 67 people aboard"),
                        cite(CD, "resulting in the deaths of 38 individuals"),
                    ),
                ),
                citations=(cite(AP, "killing 38 of 67 people aboard"),),
                note="67 people were aboard (AP Insight).",
            ),
        ),
        responsibility=(
            claim(
                "actor:ru-air-defence",
                cite(
                    TR, "according to President Ilham Aliyev, was shot down by Russian air defense"
                ),
                cite(AP, "Aliyev said it was attacked over Russia, albeit unintentionally"),
                by="actor:ilham-aliyev",
            ),
            claim(
                "actor:ru-air-defence",
                cite(MT_RIFT, "Russian air defenses shot down a passenger plane"),
                cite(CD, "Russian air defenses shot down a passenger plane"),
                note="Stated as fact by the two outlets.",
            ),
            claim(
                "actor:ru-air-defence",
                cite(TR, "Russia initially denied responsibility"),
                by="actor:russia",
                denies=True,
            ),
            claim(
                "actor:ru-air-defence",
                cite(AP, "stopped short of acknowledging responsibility"),
                cite(MT_RIFT, "he stopped short of accepting responsibility"),
                by="actor:vladimir-putin",
                denies=True,
                note="Putin apologised but did not accept responsibility: air defence in "
                "Chechnya was responding to a Ukrainian drone strike, he said. Coded as a "
                "refusal to accept, not an explicit denial.",
            ),
        ),
        citations=(
            cite(
                MT_RIFT,
                "Russian air defenses shot down a passenger plane flying from Baku to "
                "Grozny in the republic of Chechnya in December",
            ),
            cite(AP, "an Azerbaijani passenger jet was **attacked** as it approached Grozny"),
            cite(TR, "the plane that crashed near Aktau in Kazakhstan"),
        ),
        note="The articles date it only to 'December'; they were written in 2025.",
    ),
    Incident(
        id=RAIDS,
        kind=IncidentKind.RAID,
        title="Police raids on ethnic Azerbaijanis in Yekaterinburg",
        date=date("2025-06-27"),
        summary="Russian police raided the homes of ethnic Azerbaijanis and Azerbaijani "
        "diaspora centres in Yekaterinburg as part of an investigation into killings from the "
        "early 2000s. Two brothers died; several people were seriously injured; dozens were "
        "detained.",
        location=Location(name="Yekaterinburg", country="RU"),
        participants=(
            Participant(actor="actor:yekaterinburg-police", role=PERPETRATOR),
            Participant(actor="actor:yekaterinburg-azerbaijani-diaspora", role=TARGET),
            Participant(actor="actor:ru-investigative-committee", role=INVESTIGATOR),
        ),
        casualties=(
            Casualty(
                outcome=DETAINED,
                count=(
                    claim(
                        Count.about(50),
                        cite(MT_RIFT, "In total, around 50 people were arrested."),
                        cite(CD, "Approximately 50 individuals were arrested in total."),
                    ),
                    claim(
                        Count.more_than(50),
                        cite(TR, "resulting in the detention of over fifty individuals"),
                    ),
                    claim(Count.exactly(9), cite(AP, "with nine people detained")),
                ),
                citations=(cite(MT_RIFT, "In total, around 50 people were arrested."),),
                note="The three versions disagree: around 50, over fifty, nine.",
            ),
            Casualty(
                outcome=CasualtyOutcome.INJURED,
                count=(
                    claim(
                        Count.at_least(2),
                        cite(MT_RIFT, "The ministry said several others were seriously injured."),
                        cite(
                            CD,
                            "The ministry also reported that several others sustained "
                            "serious injuries.",
                        ),
                        by="actor:az-mfa",
                        note="'Several': no figure is given; recorded as at least two.",
                    ),
                    claim(
                        Count.at_least(2),
                        cite(AP, "several others were seriously injured in the raids"),
                        cite(TR, "Some of them sustained injuries"),
                        note="'Several' / 'some' (officials, unnamed): recorded as at least two.",
                    ),
                ),
                citations=(cite(CD, "several others sustained serious injuries"),),
            ),
            Casualty(
                outcome=DETAINED,
                count=(
                    claim(
                        Count.exactly(6),
                        cite(
                            MT_JULY_4,
                            "six others were charged with murder and attempted "
                            "murder and placed in pre-trial detention",
                        ),
                    ),
                ),
                in_custody=True,
                citations=(cite(MT_JULY_4, "placed in pre-trial detention"),),
                note="Charged with murder and attempted murder and held before trial.",
            ),
            Casualty(
                outcome=DETAINED,
                count=(
                    claim(
                        Count.exactly(1),
                        cite(
                            MT_JULY_4,
                            "A local Azerbaijani diaspora leader was also violently "
                            "detained, then released after questioning as a witness.",
                        ),
                    ),
                ),
                citations=(cite(MT_JULY_4, "violently detained"),),
                note="An unnamed local diaspora leader, released after questioning as a witness.",
            ),
        ),
        responsibility=(
            claim(
                "actor:yekaterinburg-police",
                cite(MT_JULY_4, "accusing Russian police of torture and deliberate killings"),
                by="actor:azerbaijan",
            ),
        ),
        citations=(
            cite(
                TR,
                "On June 27, Russian security forces conducted raids on Azerbaijani "
                "diaspora centers",
            ),
            cite(
                AP,
                "Russian police raids Friday on the homes of ethnic Azerbaijanis in Yekaterinburg",
            ),
            cite(MT_RIFT, "mass police arrests in the Russian city of Yekaterinburg last week"),
            cite(CD, "extensive police operations in Yekaterinburg, Russia, last week"),
        ),
        note="Russian authorities said the arrests targeted an 'ethnic criminal group' linked "
        "to murders from the early 2000s.",
    ),
    Incident(
        id=DEATHS,
        kind=IncidentKind.DEATH_IN_CUSTODY,
        title="Ziyaddin and Huseyn Safarov die in police custody",
        date=date("2025-06-27"),
        summary="Two brothers died during the Yekaterinburg raids, in police custody. Russian "
        "and Azerbaijani examinations disagree on the cause. Their bodies were delivered to "
        "Azerbaijan on 30 June.",
        location=Location(name="Yekaterinburg", country="RU"),
        participants=(
            Participant(
                actor="actor:yekaterinburg-police",
                role=PERPETRATOR,
                note="As Azerbaijan alleges; see the responsibility claims.",
            ),
            Participant(actor="actor:ru-investigative-committee", role=INVESTIGATOR),
            Participant(actor="actor:az-prosecutor-general", role=INVESTIGATOR),
        ),
        casualties=(
            Casualty(
                outcome=KILLED,
                person="actor:ziyaddin-safarov",
                age=55,
                in_custody=True,
                cause=(
                    _RUSSIAN_EXAMINATION,
                    _INVESTIGATIVE_COMMITTEE,
                    _PROSECUTOR_GENERAL,
                    _AZERBAIJANI_EXAMINATION,
                ),
                citations=(
                    cite(TR, "55-year-old Ziyaddin"),
                    cite(
                        AP,
                        "Two brothers, Ziyaddin and Huseyn Safarov, died while in police custody",
                    ),
                ),
            ),
            Casualty(
                outcome=KILLED,
                person="actor:huseyn-safarov",
                age=60,
                in_custody=True,
                cause=(
                    _RUSSIAN_EXAMINATION,
                    _INVESTIGATIVE_COMMITTEE,
                    _PROSECUTOR_GENERAL,
                    claim(
                        "post-hemorrhagic shock",
                        cite(AP, "Huseyn had also suffered post-hemorrhagic shock, it said."),
                        by="actor:az-prosecutor-general",
                    ),
                    _AZERBAIJANI_EXAMINATION,
                ),
                citations=(
                    cite(TR, "60-year-old Huseyn"),
                    cite(
                        AP,
                        "Two brothers, Ziyaddin and Huseyn Safarov, died while in police custody",
                    ),
                ),
            ),
        ),
        responsibility=(
            claim(
                "actor:yekaterinburg-police",
                cite(
                    MT_RIFT,
                    "to protest what it called the “brutal killing” of the two Azerbaijani men",
                ),
                cite(
                    CD, "to express outrage over what it deemed the «brutal killing» of the two men"
                ),
                by="actor:az-mfa",
            ),
            claim(
                "actor:yekaterinburg-police",
                cite(AP, "subjected to beatings and other physical abuse by Russian officials"),
                by="actor:az-prosecutor-general",
            ),
        ),
        links=(IncidentLink(kind=IncidentLinkKind.PART_OF, target=RAIDS),),
        citations=(
            cite(AP, "Two brothers, Ziyaddin and Huseyn Safarov, died while in police custody"),
            cite(TR, "the Safarov brothers – 55-year-old Ziyaddin and 60-year-old Huseyn – died"),
            cite(MT_RIFT, "the deaths of two ethnic Azerbaijani men during mass police arrests"),
            cite(TR, "The brothers’ bodies were delivered to Azerbaijan on June 30"),
        ),
    ),
    Incident(
        id=SPUTNIK_RAID,
        kind=IncidentKind.MEDIA_OFFICE_RAID,
        title="Police raid Sputnik Azerbaijan's office in Baku and detain its staff",
        date=date("2025-06-30"),
        summary="Masked police stormed the Baku office of Sputnik Azerbaijan, the local branch "
        "of Russia's state news network, and detained seven people linked to it, among them "
        "its two managers; a Russian journalist covering the raid was detained too. "
        "Kartavykh's apartment was searched and computer equipment seized.",
        location=Location(name="Baku", country="AZ"),
        participants=(
            Participant(actor="actor:baku-police", role=PERPETRATOR),
            Participant(actor="actor:az-interior-ministry", role=PERPETRATOR),
            Participant(actor="actor:sputnik-azerbaijan", role=TARGET),
        ),
        casualties=(
            Casualty(
                outcome=DETAINED,
                count=(
                    claim(
                        Count.exactly(7),
                        cite(TR, "police detained seven editorial staff members"),
                        cite(
                            AP,
                            "Seven people linked to a Kremlin-funded media outlet in "
                            "Azerbaijan's capital have been detained",
                        ),
                    ),
                ),
                citations=(cite(AP, "Five others linked to the media outlet also were detained"),),
                note="Includes Belousov and Kartavykh, recorded by name below.",
            ),
            Casualty(
                outcome=DETAINED,
                person="actor:yevgeny-belousov",
                nationality="RU",
                in_custody=True,
                citations=(
                    cite(
                        AP,
                        "Both were arrested and ordered held for at least four months in "
                        "pre-trial detention.",
                    ),
                ),
                note="Ordered held for at least four months before trial.",
            ),
            Casualty(
                outcome=DETAINED,
                person="actor:igor-kartavykh",
                nationality="RU",
                in_custody=True,
                citations=(
                    cite(
                        AP,
                        "Both were arrested and ordered held for at least four months in "
                        "pre-trial detention.",
                    ),
                ),
                note="Ordered held for at least four months before trial.",
            ),
            Casualty(
                outcome=DETAINED,
                count=(
                    claim(
                        Count.exactly(1),
                        cite(
                            CD,
                            "a third Russian journalist was detained on Monday while "
                            "covering the police raid",
                        ),
                        by="actor:ruptly",
                    ),
                ),
                nationality="RU",
                citations=(cite(CD, "according to the Russian state-owned Ruptly news agency"),),
            ),
        ),
        in_response_to=(DEATHS,),
        citations=(
            cite(AP, "On Monday, masked police stormed the offices of Sputnik Azerbaijan."),
            cite(
                MT_RIFT,
                "Later on Monday, law enforcement authorities in Baku raided the "
                "office of Sputnik Azerbaijan",
            ),
            cite(CD, "police in Baku conducted a raid on the office of Sputnik Azerbaijan"),
            cite(TR, "On June 30, police detained seven editorial staff members"),
        ),
        note="Coded as a response to the deaths: AP Insight calls the detentions 'the latest "
        "sign of the rift between Moscow and Baku over the deaths'. Some Azerbaijani outlets "
        "reported that two alleged FSB agents were arrested in the raid (Moscow Times); see "
        "the managers' affiliation claims.",
    ),
    Incident(
        id=RUSSIANS_ARRESTED,
        kind=IncidentKind.ARREST,
        title="Azerbaijan arrests at least ten Russian nationals",
        date=date("2025-06-30/2025-07-04"),
        summary="Azerbaijani authorities said they arrested at least 10 Russian nationals: two "
        "work for Sputnik, the others are accused of cybercrimes and drug trafficking.",
        location=Location(country="AZ"),
        participants=(Participant(actor="actor:azerbaijan", role=PERPETRATOR),),
        casualties=(
            Casualty(
                outcome=DETAINED,
                count=(
                    claim(
                        Count.at_least(10),
                        cite(
                            MT_JULY_4,
                            "Azerbaijani authorities said they arrested at least 10 "
                            "Russian nationals",
                        ),
                        by="actor:azerbaijan",
                    ),
                ),
                nationality="RU",
                citations=(cite(MT_JULY_4, "arrested at least 10 Russian nationals"),),
            ),
        ),
        links=(IncidentLink(kind=IncidentLinkKind.RELATED_TO, target=SPUTNIK_RAID),),
        in_response_to=(RAIDS,),
        citations=(
            cite(
                MT_JULY_4,
                "In apparent retaliation, Azerbaijani authorities said they "
                "arrested at least 10 Russian nationals, two of whom work for the "
                "Kremlin-funded Sputnik news agency",
            ),
        ),
        note="Dated between the Sputnik raid (30 June) and the report (4 July), which gives no "
        "date; 'apparent retaliation' for the raids is the Moscow Times' reading.",
    ),
    Incident(
        id=DEPORTATION,
        kind=IncidentKind.DEPORTATION,
        title="Elshan Ibragimov deported from Russia",
        date=date("2025-07-03/2025-07-04"),
        summary="After Russia revoked his citizenship, the head of the Azerbaijani diaspora in "
        "the Moscow region was being deported, according to anonymous sources cited by RBC; "
        "he said he planned to return to Azerbaijan.",
        casualties=(
            Casualty(
                outcome=CasualtyOutcome.DEPORTED,
                person="actor:elshan-ibragimov",
                citations=(
                    cite(MT_JULY_4, "Ibragimov was being"),
                    cite(MT_JULY_4, 'for "actions that threaten Russia\'s national security."'),
                ),
                note="The reason given, by anonymous sources cited by RBC: actions that "
                "threaten Russia's national security.",
            ),
        ),
        in_response_to=("measure:ru-revokes-ibragimov-citizenship",),
        citations=(
            cite(
                MT_JULY_4,
                "According to anonymous sources cited by the RBC news outlet, Ibragimov was being",
            ),
            cite(MT_JULY_4, "he plans to return to Azerbaijan"),
        ),
        note="Reported on Friday 4 July; the video of the revocation was shared late Thursday "
        "3 July.",
    ),
)
