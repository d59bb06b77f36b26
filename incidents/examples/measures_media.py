"""The measures of the Sputnik Azerbaijan affair and of the wider rift, in the 2025 example.

The raid on Sputnik Azerbaijan's office (30 June 2025) and what both sides said and did
after it, then the background the articles give: the plane downing's aftermath, visits and
refusals earlier in the year. :mod:`incidents.examples.measures` puts them after the
responses to the Yekaterinburg raids.
"""

from __future__ import annotations

from typing import Final

from incidents.examples._helpers import cite, date
from incidents.examples.events import DEATHS, PLANE, SPUTNIK_RAID
from incidents.examples.sources import AP, CD, MT_JULY_4, MT_RIFT, TR
from incidents.model.measure_kinds import MeasureKind
from incidents.model.measures import DiplomaticMeasure
from incidents.model.vocabulary import MeasureStatus

__all__ = ["CRIMINAL_CASE", "MEDIA_AND_RIFT", "REVOCATION"]

K = MeasureKind

CRIMINAL_CASE: Final = "measure:az-opens-criminal-case-on-deaths"
REVOCATION: Final = "measure:ru-revokes-ibragimov-citizenship"

MEDIA_AND_RIFT: Final = (
    DiplomaticMeasure(
        id="measure:az-suspends-sputnik",
        kind=K.RESTRICT_MEDIA,
        initiator="actor:azerbaijan",
        targets=("actor:sputnik-azerbaijan",),
        effective=date("2025-02"),
        summary="Sputnik Azerbaijan's accreditation was revoked and its activities suspended "
        "under a new media law restricting foreign ownership; it kept publishing online.",
        citations=(
            cite(AP, "despite having its accreditation revoked in February"),
            cite(
                MT_RIFT,
                "Sputnik officially suspended operations earlier this year after a new "
                "media law restricted foreign ownership",
            ),
            cite(TR, "the Azerbaijani government ordered the suspension of Sputnik’s activities"),
        ),
        note="The articles give different grounds: a media law limiting foreign ownership "
        "(Moscow Times, fourth article) and a failure to meet parity requirements (second "
        "article). Dated by AP Insight's 'February'.",
    ),
    DiplomaticMeasure(
        id="measure:az-accuses-sputnik-illegal-financing",
        kind=K.ACCUSE,
        initiator="actor:az-interior-ministry",
        targets=("actor:sputnik-azerbaijan",),
        announced=date("2025-06-30/2025-07-01"),
        summary="Azerbaijani authorities said Sputnik Azerbaijan had kept operating through "
        "'illegal financing'.",
        in_response_to=(SPUTNIK_RAID,),
        citations=(
            cite(
                AP,
                "The Interior Ministry said the Kremlin-backed media outlet had continued "
                'operating via "illegal financing,"',
            ),
            cite(
                CD,
                "The Azerbaijani Foreign Ministry accused the outlet of «operating through "
                "illegal financing»",
            ),
        ),
        note="AP Insight attributes the accusation to the Interior Ministry, the fourth article "
        "to the Foreign Ministry; coded under the Interior Ministry.",
    ),
    DiplomaticMeasure(
        id="measure:az-charges-sputnik-managers",
        kind=K.BRING_CHARGES,
        initiator="actor:azerbaijan",
        targets=("actor:russia",),
        subjects=("actor:yevgeny-belousov", "actor:igor-kartavykh"),
        announced=date("2025-06-30/2025-07-01"),
        summary="Belousov and Kartavykh were charged with conspiracy to commit fraud, to "
        "launder funds and to run an illegal enterprise, and ordered held for at least four "
        "months before trial; criminal cases were opened against the detainees.",
        in_response_to=(SPUTNIK_RAID,),
        citations=(
            cite(AP, "Belousov and Kartavykh were charged with conspiracy to commit fraud"),
            cite(
                TR,
                "criminal cases have been opened against the detainees for fraud, illegal "
                "entrepreneurship, and legalization of property obtained by criminal means",
            ),
        ),
        note="Follows from the detentions in the raid (recorded here as responding to it).",
    ),
    DiplomaticMeasure(
        id="measure:kremlin-calls-for-release",
        kind=K.CALL_FOR_RELEASE,
        initiator="actor:kremlin",
        targets=("actor:azerbaijan",),
        subjects=("actor:yevgeny-belousov", "actor:igor-kartavykh"),
        announced=date("2025-07-01"),
        summary="The Kremlin called for the release of the detained Sputnik staff.",
        in_response_to=(SPUTNIK_RAID,),
        citations=(cite(AP, "The Kremlin also called for their release."),),
    ),
    DiplomaticMeasure(
        id="measure:peskov-criticizes-measures-against-media",
        kind=K.CRITICIZE,
        initiator="actor:dmitry-peskov",
        targets=("actor:azerbaijan",),
        announced=date("2025-07-01"),
        summary="Kremlin spokesman Dmitry Peskov said such measures against members of the media "
        "were not in line with accepted norms or the spirit of Russian-Azerbaijani relations.",
        in_response_to=(SPUTNIK_RAID,),
        citations=(
            cite(
                AP,
                '"Such measures against members of the media are absolutely not in line '
                "with generally accepted rules and norms and, of course, do not match the "
                'spirit and nature of Russian-Azerbaijani relations," spokesman Dmitry Peskov '
                "said Tuesday.",
                note="Tuesday: 1 July 2025.",
            ),
        ),
    ),
    DiplomaticMeasure(
        id="measure:rossiya-segodnya-concern",
        kind=K.EXPRESS_CONCERN,
        initiator="actor:rossiya-segodnya",
        targets=("actor:azerbaijan",),
        announced=date("2025-07-01"),
        summary="Sputnik's parent company said it was 'deeply concerned' by the raid; its "
        "statement says the consulate was denied access to the detained citizens.",
        in_response_to=(SPUTNIK_RAID,),
        citations=(
            cite(
                AP,
                "Sputnik's parent company, Rossiya Segodnya, said Tuesday it was \"deeply "
                'concerned" by the raid',
            ),
        ),
    ),
    DiplomaticMeasure(
        id="measure:rossiya-segodnya-calls-for-release",
        kind=K.CALL_FOR_RELEASE,
        initiator="actor:rossiya-segodnya",
        targets=("actor:azerbaijan",),
        announced=date("2025-07-01"),
        summary="Rossiya Segodnya called on the Azerbaijani authorities to release its staff.",
        in_response_to=(SPUTNIK_RAID,),
        citations=(
            cite(
                AP,
                '"We call on the Azerbaijani authorities to immediately resolve this '
                'unacceptable situation and release our colleagues."',
            ),
        ),
    ),
    DiplomaticMeasure(
        id="measure:ru-accuses-az-interference",
        kind=K.ACCUSE,
        initiator="actor:russia",
        targets=("actor:azerbaijan",),
        announced=date("2025-07-01/2025-07-04"),
        summary="Moscow accused Azerbaijan of interfering in Russia's domestic law enforcement.",
        in_response_to=(CRIMINAL_CASE,),
        citations=(
            cite(
                MT_JULY_4,
                "Moscow has accused Azerbaijan of interfering in domestic law enforcement matters",
            ),
        ),
        note="Not dated: after Baku's criminal investigation (1 July), before the report of "
        "4 July.",
    ),
    DiplomaticMeasure(
        id="measure:zakharova-blames-outside-forces",
        kind=K.ACCUSE,
        initiator="actor:maria-zakharova",
        announced=date("2025-07-03"),
        summary="Russia's Foreign Ministry spokeswoman urged calm and blamed 'certain outside "
        "forces' for trying to drive a wedge between the two countries.",
        citations=(
            cite(
                MT_JULY_4,
                "Russian Foreign Ministry spokeswoman Maria Zakharova on Thursday urged calm",
                note="Thursday before the article's date, Friday 4 July: 3 July.",
            ),
        ),
        note="Aimed at unnamed 'outside forces', so no target is recorded.",
    ),
    DiplomaticMeasure(
        id=REVOCATION,
        kind=K.REVOKE_CITIZENSHIP,
        initiator="actor:russia",
        subjects=("actor:elshan-ibragimov",),
        status=MeasureStatus.IMPLEMENTED,
        announced=date("2025-07-03~"),
        effective=date("2025-06-18"),
        retroactive=True,
        summary="Russian officials told Elshan Ibragimov, head of the Azerbaijani diaspora in "
        "the Moscow region, that his Russian citizenship had been revoked retroactively as of "
        "18 June.",
        citations=(
            cite(
                MT_JULY_4,
                "his Russian citizenship had been retroactively revoked as of June 18",
                note="Shown in a video shared late Thursday, 3 July; the date he was told is "
                "not given, hence approximate.",
            ),
            cite(MT_JULY_4, "said Friday that Russian authorities revoked his citizenship"),
        ),
    ),
    DiplomaticMeasure(
        id="measure:zelenskyy-condolence-call",
        kind=K.EXPRESS_CONDOLENCES,
        initiator="actor:volodymyr-zelenskyy",
        targets=("actor:ilham-aliyev",),
        announced=date("2025-06-27/2025-07-01"),
        summary="Ukraine's President called Aliyev to express his condolences on the two deaths "
        "in Yekaterinburg.",
        in_response_to=(DEATHS,),
        citations=(
            cite(
                AP,
                "Ukrainian President Volodymyr Zelenskyy called Aliyev to express his "
                "condolences on the two deaths in Yekaterinburg",
            ),
        ),
        note="Not dated: after the deaths, before AP Insight's report of 1 July.",
    ),
    DiplomaticMeasure(
        id="measure:aliyev-declines-victory-day-parade",
        kind=K.REFUSE_INVITATION,
        initiator="actor:ilham-aliyev",
        targets=("actor:russia",),
        announced=date("2025-05"),
        summary="President Aliyev declined to attend Russia's Victory Day parade in Moscow on "
        "9 May.",
        in_response_to=(PLANE,),
        citations=(
            cite(
                AP, "In May, Aliyev **declined** to attend Russia’s Victory Day parade in Moscow."
            ),
            cite(
                TR,
                "Azerbaijan refused to participate in the Victory Day celebrations in Moscow "
                "on May 9",
            ),
        ),
        note="The link to the airliner downing is an expert's reading (Sergey Danilov, in the "
        "second article: 'one of the reasons').",
    ),
    DiplomaticMeasure(
        id="measure:putin-apologizes-to-aliyev",
        kind=K.APOLOGIZE,
        initiator="actor:vladimir-putin",
        targets=("actor:ilham-aliyev",),
        announced=date("2024-12/2025-06"),
        summary="Putin apologised to Aliyev for what he called a 'tragic incident' but stopped "
        "short of accepting responsibility, saying air defence in Chechnya was responding to a "
        "Ukrainian drone strike.",
        in_response_to=(PLANE,),
        citations=(
            cite(
                MT_RIFT,
                "Russian President Vladimir Putin issued a rare apology to Azerbaijani "
                "President Ilham Aliyev over the crash.",
            ),
            cite(AP, "Putin apologized to Aliyev for what he called a “tragic incident”"),
            cite(
                CD,
                "Russian President Vladimir Putin extended a rare apology to Azerbaijani "
                "President Ilham Aliyev",
            ),
            cite(TR, "later apologized, but has yet to provide compensation"),
        ),
        note="Not dated in the articles: after the downing in December 2024 and before June 2025.",
    ),
    DiplomaticMeasure(
        id="measure:sybiha-visits-azerbaijan",
        kind=K.VISIT,
        initiator="actor:andrii-sybiha",
        targets=("actor:azerbaijan",),
        announced=date("2025-05"),
        summary="Ukraine's Foreign Minister visited Azerbaijan, signalling closer ties between "
        "Baku and Kyiv.",
        citations=(
            cite(
                AP, "Later that month, Ukrainian Foreign Minister Andrii Sybiha visited Azerbaijan"
            ),
        ),
    ),
    DiplomaticMeasure(
        id="measure:az-rejects-medinsky-comparison",
        kind=K.CRITICIZE,
        initiator="actor:azerbaijan",
        targets=("actor:russia",),
        subjects=("actor:vladimir-medinsky",),
        summary="Azerbaijan reacted sharply to Medinsky comparing the frozen conflict in eastern "
        "Ukraine with Nagorno-Karabakh: Karabakh was never disputed territory.",
        citations=(
            cite(
                TR,
                "Azerbaijan reacted sharply, stating that Karabakh has never been a "
                "disputed territory",
            ),
        ),
        note="Not dated in the article.",
    ),
    DiplomaticMeasure(
        id="measure:ru-designates-moscow-times-undesirable",
        kind=K.BAN_ORGANIZATION,
        initiator="actor:ru-prosecutor-general",
        targets=("actor:the-moscow-times",),
        summary="Russia's Prosecutor General's Office designated The Moscow Times an "
        "'undesirable' organisation, after it had been labelled a 'foreign agent'.",
        citations=(
            cite(
                MT_RIFT,
                "Russia's Prosecutor General's Office has designated The Moscow Times "
                'as an "undesirable" organization',
                locator="The outlet's appeal to readers",
            ),
        ),
        note="Not dated in the article. The reporting outlet is itself the target: an actor "
        "that is also a source.",
    ),
)
