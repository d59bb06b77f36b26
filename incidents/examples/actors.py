"""The actors the articles name in the events of the Russia–Azerbaijan 2025 example.

Roles are affiliation claims with their citations, because the articles disagree: the Sputnik
Azerbaijan managers' titles differ from outlet to outlet, and their alleged FSB ties are
claims some Azerbaijani outlets made.
"""

from __future__ import annotations

from typing import Final

from incidents.examples._helpers import cite, claim
from incidents.examples.sources import AP, CD, MT_JULY_4, MT_RIFT, TR
from incidents.model.actors import Actor, Affiliation, Name
from incidents.model.citations import Citation
from incidents.model.claims import Claim
from incidents.model.vocabulary import ActorKind

__all__ = ["ACTORS"]

STATE = ActorKind.STATE
BODY = ActorKind.GOVERNMENT_BODY
OFFICIAL = ActorKind.OFFICIAL
PERSON = ActorKind.PERSON
OUTLET = ActorKind.MEDIA_OUTLET
FORCE = ActorKind.SECURITY_FORCE


def _role(organization: str, role: str, *citations: Citation) -> Claim[Affiliation]:
    return claim(Affiliation(organization=organization, role=role), *citations)


ACTORS: Final = (
    # States
    Actor(id="actor:russia", kind=STATE, name="Russia", country="RU"),
    Actor(id="actor:azerbaijan", kind=STATE, name="Azerbaijan", country="AZ"),
    Actor(id="actor:ukraine", kind=STATE, name="Ukraine", country="UA"),
    # Azerbaijani bodies
    Actor(
        id="actor:az-mfa",
        kind=BODY,
        name="Ministry of Foreign Affairs of Azerbaijan",
        country="AZ",
    ),
    Actor(
        id="actor:az-culture-ministry",
        kind=BODY,
        name="Ministry of Culture of Azerbaijan",
        country="AZ",
    ),
    Actor(id="actor:az-parliament", kind=BODY, name="Parliament of Azerbaijan", country="AZ"),
    Actor(
        id="actor:az-prosecutor-general",
        kind=BODY,
        name="Prosecutor General's Office of Azerbaijan",
        country="AZ",
    ),
    Actor(
        id="actor:az-interior-ministry",
        kind=BODY,
        name="Ministry of Internal Affairs of Azerbaijan",
        country="AZ",
    ),
    Actor(
        id="actor:az-health-ministry",
        kind=BODY,
        name="Ministry of Health of Azerbaijan",
        country="AZ",
    ),
    Actor(id="actor:baku-police", kind=FORCE, name="Police in Baku", country="AZ"),
    # Russian bodies
    Actor(id="actor:ru-mfa", kind=BODY, name="Ministry of Foreign Affairs of Russia", country="RU"),
    Actor(
        id="actor:kremlin",
        kind=BODY,
        name="The Kremlin",
        country="RU",
        description="The Russian presidency, as the articles name it.",
    ),
    Actor(
        id="actor:ru-investigative-committee",
        kind=BODY,
        name="Investigative Committee of Russia",
        country="RU",
    ),
    Actor(
        id="actor:ru-prosecutor-general",
        kind=BODY,
        name="Prosecutor General's Office of Russia",
        country="RU",
    ),
    Actor(
        id="actor:yekaterinburg-police",
        kind=FORCE,
        name="Russian police in Yekaterinburg",
        country="RU",
        description="The security forces that raided Azerbaijani homes and diaspora centres in "
        "Yekaterinburg ('Russian security forces', 'police').",
    ),
    Actor(id="actor:ru-air-defence", kind=FORCE, name="Russian air defence", country="RU"),
    Actor(id="actor:fsb", kind=FORCE, name="Federal Security Service (FSB)", country="RU"),
    # Officials
    Actor(
        id="actor:vladimir-putin",
        kind=OFFICIAL,
        name="Vladimir Putin",
        country="RU",
        affiliations=(
            _role("actor:russia", "President", cite(MT_RIFT, "Russian President Vladimir Putin")),
        ),
    ),
    Actor(
        id="actor:ilham-aliyev",
        kind=OFFICIAL,
        name="Ilham Aliyev",
        country="AZ",
        affiliations=(
            _role("actor:azerbaijan", "President", cite(AP, "Azerbaijan President Ilham Aliyev")),
        ),
    ),
    Actor(
        id="actor:dmitry-peskov",
        kind=OFFICIAL,
        name="Dmitry Peskov",
        country="RU",
        affiliations=(_role("actor:kremlin", "spokesman", cite(AP, "spokesman Dmitry Peskov")),),
    ),
    Actor(
        id="actor:maria-zakharova",
        kind=OFFICIAL,
        name="Maria Zakharova",
        country="RU",
        affiliations=(
            _role(
                "actor:ru-mfa",
                "spokeswoman",
                cite(MT_JULY_4, "Russian Foreign Ministry spokeswoman Maria Zakharova"),
            ),
        ),
    ),
    Actor(
        id="actor:alexei-overchuk",
        kind=OFFICIAL,
        name="Alexei Overchuk",
        names=(Name(value="Alexey Overchuk", language="en"),),
        country="RU",
        affiliations=(
            _role(
                "actor:russia",
                "Deputy Prime Minister",
                cite(MT_RIFT, "Russian Deputy Prime Minister Alexei Overchuk"),
                cite(TR, "Russian Deputy Prime Minister Alexey Overchuk"),
            ),
        ),
    ),
    Actor(
        id="actor:pyotr-volokovykh",
        kind=OFFICIAL,
        name="Pyotr Volokovykh",
        country="RU",
        affiliations=(
            _role(
                "actor:russia",
                "chargé d'affaires in Azerbaijan",
                cite(MT_RIFT, "Russia’s chargé d’affaires, Pyotr Volokovykh"),
                cite(CD, "Russia’s chargé d’affaires, Pyotr Volokovykh"),
            ),
        ),
    ),
    Actor(
        id="actor:mikhail-yevdokimov",
        kind=OFFICIAL,
        name="Mikhail Yevdokimov",
        country="RU",
        affiliations=(
            _role(
                "actor:russia",
                "Ambassador to Azerbaijan",
                cite(TR, "Russian Ambassador Mikhail Yevdokimov"),
            ),
        ),
    ),
    Actor(
        id="actor:adalyat-hasanov",
        kind=OFFICIAL,
        name="Adalyat Hasanov",
        country="AZ",
        affiliations=(
            _role(
                "actor:az-health-ministry",
                "representative",
                cite(TR, "A representative of the Azerbaijani Ministry of Health, Adalyat Hasanov"),
            ),
        ),
    ),
    Actor(
        id="actor:volodymyr-zelenskyy",
        kind=OFFICIAL,
        name="Volodymyr Zelenskyy",
        country="UA",
        affiliations=(
            _role(
                "actor:ukraine", "President", cite(AP, "Ukrainian President Volodymyr Zelenskyy")
            ),
        ),
    ),
    Actor(
        id="actor:andrii-sybiha",
        kind=OFFICIAL,
        name="Andrii Sybiha",
        country="UA",
        affiliations=(
            _role(
                "actor:ukraine",
                "Foreign Minister",
                cite(AP, "Ukrainian Foreign Minister Andrii Sybiha"),
            ),
        ),
    ),
    Actor(
        id="actor:vladimir-medinsky",
        kind=OFFICIAL,
        name="Vladimir Medinsky",
        country="RU",
        affiliations=(
            _role("actor:vladimir-putin", "aide", cite(TR, "Putin’s aide Vladimir Medinsky")),
        ),
    ),
    # People
    Actor(id="actor:ziyaddin-safarov", kind=PERSON, name="Ziyaddin Safarov"),
    Actor(id="actor:huseyn-safarov", kind=PERSON, name="Huseyn Safarov"),
    Actor(
        id="actor:sayfaddin-huseynli",
        kind=PERSON,
        name="Sayfaddin Huseynli",
        description="A brother of Ziyaddin and Huseyn Safarov.",
        citations=(cite(AP, "Sayfaddin Huseynli, a brother of the two dead Azerbaijanis"),),
    ),
    Actor(
        id="actor:elshan-ibragimov",
        kind=PERSON,
        name="Elshan Ibragimov",
        affiliations=(
            _role(
                "actor:moscow-region-azerbaijani-autonomy",
                "chairman",
                cite(
                    MT_JULY_4,
                    "he had been listed as the chairman of the regional Azerbaijani cultural autonomy",
                ),
            ),
        ),
        description="Head of the Azerbaijani diaspora in the Moscow region.",
        citations=(cite(MT_JULY_4, "The head of the Azerbaijani diaspora in the Moscow region"),),
    ),
    Actor(
        id="actor:yevgeny-belousov",
        kind=PERSON,
        name="Yevgeny Belousov",
        names=(Name(value="Evgeny Belousov", language="en"),),
        country="RU",
        affiliations=(
            _role(
                "actor:sputnik-azerbaijan",
                "chief editor",
                cite(TR, "chief editor Yevgeny Belousov"),
            ),
            _role(
                "actor:sputnik-azerbaijan",
                "editor-in-chief",
                cite(AP, "Sputnik Azerbaijan's editor-in-chief Yevgeny Belousov"),
            ),
            _role(
                "actor:sputnik-azerbaijan",
                "deputy editor-in-chief",
                cite(
                    CD,
                    "Sputnik Azerbaijan’s editor-in-chief, Igor Kartavykh, and his deputy, Evgeny Belousov",
                ),
            ),
            claim(
                Affiliation(organization="actor:fsb"),
                cite(
                    CD,
                    "Some Azerbaijani media outlets claimed both men were affiliated with Russia’s Federal Security Service (FSB), though this information was not officially verified.",
                ),
                cite(TR, "They are suspected of cooperating with the FSB"),
                note="Alleged by some Azerbaijani outlets and suspected by the investigators; "
                "not officially verified.",
            ),
        ),
    ),
    Actor(
        id="actor:igor-kartavykh",
        kind=PERSON,
        name="Igor Kartavykh",
        country="RU",
        affiliations=(
            _role(
                "actor:sputnik-azerbaijan", "project head", cite(TR, "project head Igor Kartavykh")
            ),
            _role(
                "actor:sputnik-azerbaijan",
                "editorial board director",
                cite(AP, "editorial board director Igor Kartavykh"),
            ),
            _role(
                "actor:sputnik-azerbaijan",
                "editor-in-chief",
                cite(CD, "Sputnik Azerbaijan’s editor-in-chief, Igor Kartavykh"),
            ),
            claim(
                Affiliation(organization="actor:fsb"),
                cite(
                    CD,
                    "Some Azerbaijani media outlets claimed both men were affiliated with Russia’s Federal Security Service (FSB), though this information was not officially verified.",
                ),
                cite(TR, "They are suspected of cooperating with the FSB"),
                note="Alleged by some Azerbaijani outlets and suspected by the investigators; "
                "not officially verified.",
            ),
        ),
    ),
    Actor(id="actor:leonid-agutin", kind=PERSON, name="Leonid Agutin", description="Singer."),
    Actor(id="actor:anzhelika-varum", kind=PERSON, name="Anzhelika Varum", description="Singer."),
    Actor(id="actor:basta", kind=PERSON, name="Basta", description="Rapper."),
    # Organisations, communities and outlets
    Actor(
        id="actor:yekaterinburg-azerbaijani-diaspora",
        kind=ActorKind.COMMUNITY,
        name="Azerbaijani diaspora in Yekaterinburg",
        country="RU",
    ),
    Actor(
        id="actor:moscow-region-azerbaijani-autonomy",
        kind=ActorKind.ORGANIZATION,
        name="Regional Azerbaijani cultural autonomy (Moscow region)",
        country="RU",
    ),
    Actor(
        id="actor:azerbaijan-airlines",
        kind=ActorKind.ORGANIZATION,
        name="Azerbaijan Airlines",
        country="AZ",
    ),
    Actor(
        id="actor:sputnik-azerbaijan",
        kind=OUTLET,
        name="Sputnik Azerbaijan",
        country="AZ",
        description="The local branch of Russia's state news network Sputnik.",
        affiliations=(
            _role(
                "actor:rossiya-segodnya",
                "subsidiary",
                cite(AP, "Sputnik's parent company, Rossiya Segodnya"),
            ),
        ),
        citations=(
            cite(MT_RIFT, "Sputnik Azerbaijan, the local branch of Russia’s state news network"),
        ),
    ),
    Actor(
        id="actor:rossiya-segodnya",
        kind=ActorKind.ORGANIZATION,
        name="Rossiya Segodnya",
        country="RU",
    ),
    Actor(
        id="actor:the-moscow-times",
        kind=OUTLET,
        name="The Moscow Times",
        description="An independent news outlet that Russia's Prosecutor General's Office has "
        "designated an 'undesirable' organisation.",
    ),
    Actor(id="actor:ap-insight", kind=OUTLET, name="AP Insight"),
    Actor(
        id="actor:report-news-agency",
        kind=OUTLET,
        name="Report",
        country="AZ",
        description="Azerbaijani news agency.",
    ),
    Actor(id="actor:rbc", kind=OUTLET, name="RBC", country="RU"),
    Actor(
        id="actor:ostorozhno-novosti",
        kind=OUTLET,
        name="Ostorozhno Novosti",
        description="A Telegram news channel; it said it confirmed with Ibragimov that the "
        "video of his citizenship being revoked was authentic.",
        citations=(cite(MT_JULY_4, "The Telegram news channel Ostorozhno Novosti"),),
    ),
    Actor(
        id="actor:ruptly",
        kind=OUTLET,
        name="Ruptly",
        country="RU",
        description="Russian state-owned news agency.",
    ),
)
