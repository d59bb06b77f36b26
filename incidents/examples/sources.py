"""The five articles of the Russia–Azerbaijan 2025 example, as sources.

The articles are in ``shared/seeds/`` of the project. Where an article gives no date of its
own, ``published`` is left out or bounded from what the text says, and ``note`` explains.
"""

from __future__ import annotations

from typing import Final

from incidents.examples._helpers import date
from incidents.model.sources import Source
from incidents.model.vocabulary import SourceKind

__all__ = ["AP", "CD", "MT_JULY_4", "MT_RIFT", "SOURCES", "TR"]

MT_JULY_4: Final = "source:mt-diaspora-head-stripped"
MT_RIFT: Final = "source:mt-rift-deepens"
TR: Final = "source:tensions-rise-safarov-deaths"
AP: Final = "source:ap-insight-arrest-of-russians"
CD: Final = "source:cultural-diplomacy-in-crisis"

SOURCES: Final = (
    Source(
        id=MT_JULY_4,
        title="Head of Moscow Region's Azerbaijani Diaspora Stripped of Russian Citizenship",
        kind=SourceKind.NEWS_ARTICLE,
        outlet="actor:the-moscow-times",
        url="https://www.themoscowtimes.com/2025/07/04/head-of-moscow-regions-azerbaijani"
        "-diaspora-stripped-of-russian-citizenship-a89688",
        published=date("2025-07-04"),
        language="en",
        state_affiliated=False,
        note="Dated July 04, 2025 (a Friday): its 'Thursday' is 3 July and 'Friday' 4 July.",
    ),
    Source(
        id=MT_RIFT,
        title="Azerbaijan-Russia Rift Deepens After Deaths of Azeri Men in Police Arrests",
        kind=SourceKind.NEWS_ARTICLE,
        outlet="actor:the-moscow-times",
        published=date("2025-06-30/2025-07-01"),
        language="en",
        state_affiliated=False,
        note="The page carries no date. It reports Monday 30 June's raid on Sputnik "
        "Azerbaijan ('Later on Monday') and calls the 27 June raids 'last week', so it was "
        "published on 30 June or 1 July 2025. 'Friday' is 27 June, 'Saturday' 28 June, "
        "'Sunday' 29 June and 'Monday' 30 June.",
    ),
    Source(
        id=TR,
        title="Azerbaijan-Russia Tensions Rise After Diaspora Raids and Safarov Deaths",
        kind=SourceKind.NEWS_ARTICLE,
        language="en",
        note="Neither the outlet nor the date is given (the text says 'As noted by the media "
        "BBC News'); its latest event is 1 July 2025. It gives absolute dates, which anchor "
        "the other articles' weekdays.",
    ),
    Source(
        id=AP,
        title="The arrest of Russians in Azerbaijan – a new distancing between Baku and Moscow",
        kind=SourceKind.NEWS_ARTICLE,
        outlet="actor:ap-insight",
        published=date("2025-07-01?"),
        language="en",
        authors=("TA",),
        note="Byline 'TA | AP Insight'; no date. It reports statements made 'Tuesday', so it "
        "is dated 1 July 2025, uncertain. 'Friday' is 27 June, 'Monday' 30 June, 'Tuesday' "
        "1 July.",
    ),
    Source(
        id=CD,
        title="Azerbaijans Cultural Diplomacy in Crisis Following Tragic Police Encounters",
        kind=SourceKind.NEWS_ARTICLE,
        language="en",
        note="Neither the outlet nor the date is given; like the Moscow Times article of 30 "
        "June or 1 July it says the raids were 'last week' and reports Monday's raid on "
        "Sputnik Azerbaijan, so 'Friday' is 27 June and 'Monday' 30 June 2025.",
    ),
)
