"""The diplomatic measures of the Russia–Azerbaijan 2025 example, linked by ``in_response_to``.

This module holds the responses to the Yekaterinburg raids and the deaths in custody;
:mod:`incidents.examples.measures_media` the Sputnik Azerbaijan affair and the wider rift.

A measure an article does not date gets the narrowest interval the text supports (usually
from its trigger to the article's publication) and a note saying so.
"""

from __future__ import annotations

from typing import Final

from incidents.examples._helpers import cite, date
from incidents.examples.events import DEATHS, RAIDS, SPUTNIK_RAID
from incidents.examples.measures_media import CRIMINAL_CASE, MEDIA_AND_RIFT
from incidents.examples.sources import AP, CD, MT_JULY_4, MT_RIFT, TR
from incidents.model.measure_kinds import MeasureKind
from incidents.model.measures import DiplomaticMeasure

__all__ = ["MEASURES", "RAID_RESPONSES"]

K = MeasureKind

CULTURAL_EVENTS: Final = "measure:az-cancels-russian-cultural-events"
PARLIAMENT_TRIP: Final = "measure:az-parliament-cancels-moscow-meeting"
OVERCHUK_VISIT: Final = "measure:az-cancels-overchuk-visit"
UNDATED_AFTER_RAIDS: Final = (
    "The article gives no date; it falls between the raids (27 June) and the last report "
    "(4 July 2025)."
)

RAID_RESPONSES: Final = (
    DiplomaticMeasure(
        id="measure:az-summons-ru-charge-2025-06-28",
        kind=K.SUMMON_ENVOY,
        initiator="actor:az-mfa",
        targets=("actor:russia",),
        subjects=("actor:pyotr-volokovykh",),
        announced=date("2025-06-28"),
        summary="Azerbaijan's Foreign Ministry summoned Russia's chargé d'affaires to protest "
        "the 'brutal killing' of the two men during the raids.",
        in_response_to=(RAIDS, DEATHS),
        citations=(
            cite(
                MT_RIFT,
                "Azerbaijan’s Foreign Ministry summoned Russia’s chargé d’affaires, "
                "Pyotr Volokovykh, on Saturday",
                note="Saturday after Friday 27 June: 28 June.",
            ),
            cite(
                CD,
                "On Saturday, Azerbaijan’s Foreign Ministry summoned Russia’s chargé "
                "d’affaires, Pyotr Volokovykh",
            ),
        ),
    ),
    DiplomaticMeasure(
        id=CULTURAL_EVENTS,
        kind=K.CANCEL_CULTURAL_EVENTS,
        initiator="actor:az-culture-ministry",
        targets=("actor:russia",),
        subjects=("actor:leonid-agutin", "actor:anzhelika-varum", "actor:basta"),
        announced=date("2025-06-29"),
        summary="Azerbaijan's Culture Ministry cancelled all Russian-linked concerts, "
        "exhibitions and festivals, including concerts by Leonid Agutin, Anzhelika Varum and "
        "Basta, citing 'demonstrative targeted and extrajudicial killings' on ethnic grounds.",
        in_response_to=(DEATHS,),
        citations=(
            cite(
                TR,
                "On June 29, Azerbaijan canceled all cultural events involving Russian "
                "companies, including concerts by Leonid Agutin, Anzhelika Varum, and Basta.",
            ),
            cite(
                MT_RIFT,
                "Azerbaijan’s Culture Ministry on Sunday canceled all Russian-linked "
                "concerts, exhibitions and festivals, citing “demonstrative targeted and "
                "extrajudicial killings” carried out on ethnic grounds.",
            ),
            cite(
                CD,
                "Azerbaijan’s Culture Ministry announced on Sunday the cancellation of all "
                "events related to Russian culture",
            ),
            cite(
                AP,
                "the Culture Ministry canceled concerts, exhibitions and other events by "
                "Russian state and private institutions",
            ),
        ),
    ),
    DiplomaticMeasure(
        id=PARLIAMENT_TRIP,
        kind=K.CANCEL_VISIT,
        initiator="actor:az-parliament",
        targets=("actor:russia",),
        announced=date("2025-06-28/2025-07-01"),
        summary="Azerbaijan's parliament pulled out of a scheduled bilateral meeting with "
        "Russian deputies in Moscow.",
        in_response_to=(DEATHS,),
        citations=(
            cite(
                MT_RIFT,
                "Azerbaijan’s parliament also pulled out of a scheduled bilateral "
                "meeting in Moscow",
            ),
            cite(
                CD,
                "Azerbaijan’s parliament withdrew from a planned bilateral meeting set to "
                "take place in Moscow",
            ),
            cite(
                TR,
                "Azerbaijani parliamentarians refused to travel to Moscow for a joint "
                "meeting with Russian deputies",
            ),
            cite(
                AP,
                "Azerbaijan protested the deaths by **canceling** a scheduled trip to "
                "Moscow by government officials",
            ),
        ),
        note="AP Insight speaks of 'government officials', the other three of the parliament; "
        "coded as one measure by the parliament. Not dated in the articles: between the raids "
        "and the reports of 30 June–1 July.",
    ),
    DiplomaticMeasure(
        id=OVERCHUK_VISIT,
        kind=K.CANCEL_VISIT,
        initiator="actor:azerbaijan",
        targets=("actor:russia",),
        subjects=("actor:alexei-overchuk",),
        announced=date("2025-06-28/2025-07-01"),
        summary="The Azerbaijani government called off a visit to Baku by Russian Deputy Prime "
        "Minister Alexei Overchuk.",
        in_response_to=(DEATHS,),
        citations=(
            cite(
                MT_RIFT,
                "the government canceled a visit by Russian Deputy Prime Minister Alexei Overchuk",
            ),
            cite(
                MT_RIFT,
                "“The government of Azerbaijan does not consider it appropriate under "
                "the current circumstances for Overchuk or any other official representative "
                "of Russia to visit the country,”",
            ),
            cite(TR, "also canceled the visit of Russian Deputy Prime Minister Alexey Overchuk"),
            cite(AP, "It also called off a visit to Baku by a Russian deputy prime minister"),
            cite(
                CD,
                "the government halted an official visit from Russian Deputy Prime Minister "
                "Alexei Overchuk",
            ),
        ),
        note="Not dated in the articles: between the raids and the reports of 30 June–1 July. "
        "The Moscow Times and the fourth article quote officials via the news agency Report.",
    ),
    DiplomaticMeasure(
        id="measure:kremlin-regrets-cultural-cancellations",
        kind=K.EXPRESS_CONCERN,
        initiator="actor:kremlin",
        targets=("actor:azerbaijan",),
        announced=date("2025-06-29/2025-07-01"),
        summary="The Kremlin said it 'sincerely regrets' the cancellation of Russian cultural "
        "programmes in Azerbaijan.",
        in_response_to=(CULTURAL_EVENTS,),
        citations=(
            cite(
                MT_RIFT,
                "The Kremlin said it “sincerely regrets” the cancellation of Russian "
                "cultural programs in Azerbaijan.",
            ),
            cite(
                CD,
                "The Kremlin expressed its “sincere regret” regarding the cancellation of "
                "Russian cultural activities in Azerbaijan.",
            ),
        ),
        note="Regret at another state's act, not an apology: coded as concern (CAMEO 012), not "
        "as 'apologize' (055).",
    ),
    DiplomaticMeasure(
        id="measure:ru-summons-az-ambassador",
        kind=K.SUMMON_ENVOY,
        initiator="actor:ru-mfa",
        targets=("actor:azerbaijan",),
        announced=date("2025-06-30/2025-07-01"),
        summary="Russia's Foreign Ministry summoned Azerbaijan's ambassador in Moscow over "
        "'the unfriendly actions of Baku and the illegal detention of Russian journalists'.",
        in_response_to=(SPUTNIK_RAID, CULTURAL_EVENTS, OVERCHUK_VISIT, PARLIAMENT_TRIP),
        citations=(
            cite(
                MT_RIFT,
                "Russia’s Foreign Ministry said Azerbaijan's ambassador in Moscow was "
                "summoned “in connection with the unfriendly actions of Baku and the illegal "
                "detention of Russian journalists.”",
            ),
            cite(
                CD,
                "Russia’s Foreign Ministry announced that Azerbaijan’s ambassador in Moscow "
                "was summoned “in response to Baku’s unfriendly actions and the unlawful "
                "detention of Russian journalists.”",
            ),
        ),
        note="Reported after the Sputnik raid of Monday 30 June ('Amid the reports'), in "
        "articles of 30 June or 1 July.",
    ),
    DiplomaticMeasure(
        id=CRIMINAL_CASE,
        kind=K.OPEN_CRIMINAL_CASE,
        initiator="actor:az-prosecutor-general",
        targets=("actor:russia",),
        announced=date("2025-07-01"),
        summary="Azerbaijan's Prosecutor General's Office opened a criminal case into the "
        "torture and intentional murder of people of Azerbaijani origin in Russia.",
        in_response_to=(DEATHS, RAIDS),
        citations=(
            cite(
                TR,
                "On July 1, the General Prosecutor’s Office opened a case regarding torture "
                "and intentional murder of citizens of Azerbaijani origin in Russia.",
            ),
            cite(
                AP,
                "On Tuesday, the Prosecutor General’s Office of Azerbaijan said it would "
                "launch a criminal investigation into the two deaths.",
                note="Tuesday: 1 July 2025.",
            ),
            cite(
                MT_JULY_4,
                "Baku has since launched a criminal investigation into the deaths of the two men",
            ),
        ),
    ),
    DiplomaticMeasure(
        id="measure:az-calls-for-investigation",
        kind=K.CALL_FOR_INVESTIGATION,
        initiator="actor:az-prosecutor-general",
        targets=("actor:russia",),
        announced=date("2025-06-27/2025-07-04"),
        summary="Azerbaijan's prosecutors appealed to Moscow to investigate the deaths of the "
        "Safarov brothers and the beatings of other Azerbaijanis.",
        in_response_to=(DEATHS, RAIDS),
        citations=(
            cite(
                TR,
                "The Azerbaijani Prosecutor’s Office appealed to Moscow to investigate the "
                "circumstances of the Safarov brothers’ deaths and the beatings of other "
                "Azerbaijanis.",
            ),
        ),
        note=UNDATED_AFTER_RAIDS,
    ),
    DiplomaticMeasure(
        id="measure:az-summons-ru-ambassador-yevdokimov",
        kind=K.SUMMON_ENVOY,
        initiator="actor:az-mfa",
        targets=("actor:russia",),
        subjects=("actor:mikhail-yevdokimov",),
        announced=date("2025-06-27/2025-07-04"),
        summary="Russia's ambassador was summoned to Azerbaijan's Foreign Ministry, which "
        "expects a thorough investigation and punishment of those responsible, and recalled "
        "the lack of an investigation into the airliner crash.",
        in_response_to=(DEATHS,),
        citations=(
            cite(
                TR,
                "Russian Ambassador Mikhail Yevdokimov was summoned to the Ministry of "
                "Foreign Affairs, where a thorough investigation and punishment of those "
                "responsible are expected.",
            ),
        ),
        note="Only this article reports it, and names a different envoy from the 28 June "
        "summons of the chargé d'affaires; kept as a measure of its own. " + UNDATED_AFTER_RAIDS,
    ),
    DiplomaticMeasure(
        id="measure:az-mfa-criticizes-russian-media",
        kind=K.CRITICIZE,
        initiator="actor:az-mfa",
        targets=("actor:russia",),
        announced=date("2025-06-27/2025-07-04"),
        summary="Azerbaijan's Foreign Ministry complained of ethnic intolerance in Russian "
        "media coverage of the raids, which labelled Azerbaijanis an 'ethnic criminal group'.",
        in_response_to=(RAIDS,),
        citations=(
            cite(
                TR,
                "The Azerbaijani Ministry of Foreign Affairs expressed complaints against "
                "Russian media for displays of ethnic intolerance",
            ),
        ),
        note=UNDATED_AFTER_RAIDS,
    ),
)

#: Every measure of the example, in the order the files list them.
MEASURES: Final = (*RAID_RESPONSES, *MEDIA_AND_RIFT)
