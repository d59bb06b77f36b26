"""A deterministic corpus of realistic dataset documents, from one incident to 100,000 records.

Documents are built from templates as plain JSON data (much faster than building records, so
100,000 records take about a second), in the shape the library writes: keys in field order,
defaults left out. Every valid document passes ``incidents.validate`` with no problem at all
(no warning either); the benchmark checks that before timing anything.

What a document holds, per block of ten records (block ``b``, dated ``b`` days after the start):

* actors: a government body, a person (a Cyrillic name and its transliteration, an affiliation
  claim with a citation, a Wikidata id) and a media outlet (a website id);
* sources: a news article (outlet, URL, authors, language, publication date) and an official
  statement (``az-Latn``, state-affiliated);
* incidents: a raid (a located place with coordinates, participants, a casualty group with
  disputed count claims, responsibility claims asserted and denied, verbatim quotes), a death
  in custody a day or so later (approximate date, a named casualty with disputed causes, a
  ``follow_up_to`` link, a response to the previous block's measure) and a protest over an
  interval of days (a link to the previous block's raid);
* measures: a summons responding to the raid and the death, and a retroactive revocation of
  citizenship responding to the summons.

Four states head the document (``actor:state-…``), used as targets; a size that is not
``4 + 10 * blocks`` is padded with extra sources. Size 1 is one incident and the source it
cites.

:func:`with_problems` returns a copy with a realistic mix of problems in one record in
``every`` (schema, model and semantic ones); :func:`mutations` makes the small
single-mutation documents of the differential corpus.
"""

# ruff: noqa: RUF001 - the quotes are verbatim, typographic apostrophes included

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from collections.abc import Iterator
from typing import Any

__all__ = ["document", "edge_cases", "mutations", "records_in", "to_bytes", "with_problems"]

_START = dt.date(1990, 1, 1)
_STATES = (
    ("actor:state-russia", "Russia", "RU"),
    ("actor:state-azerbaijan", "Azerbaijan", "AZ"),
    ("actor:state-georgia", "Georgia", "GE"),
    ("actor:state-kazakhstan", "Kazakhstan", "KZ"),
)
_COUNTRIES = ("RU", "AZ", "GE", "KZ", "AM", "TR", "UA", "BY", "UZ", "DE")
_CITIES = (
    ("Екатеринбург", "Sverdlovsk Oblast", "RU", 56.8389, 60.6057),
    ("Bakı", "Absheron", "AZ", 40.4093, 49.8671),
    ("Тбилиси", "Tbilisi", "GE", 41.7151, 44.8271),
    ("Алматы", "Almaty Region", "KZ", 43.222, 76.8512),
    ("Gəncə", "Ganja-Dashkasan", "AZ", 40.6828, 46.3606),
    ("Новосибирск", "Novosibirsk Oblast", "RU", 55.0084, 82.9357),
)
_PEOPLE = (
    ("Зияддин Сафаров", "Ziyaddin Safarov"),
    ("Гусейн Сафаров", "Huseyn Safarov"),
    ("Игорь Картавых", "Igor Kartavykh"),
    ("Шахин Шыхлинский", "Shahin Shykhlinsky"),
    ("Мария Захарова", "Maria Zakharova"),
    ("Фуад Гусейнов", "Fuad Huseynov"),
)
_ROLES = ("spokesperson", "editor-in-chief", "deputy minister", "head of the diaspora")
_OUTLETS = ("Sputnik Azərbaycan", "The Moscow Times", "Caspian Daily", "Trend News", "AP")
_AUTHORS = ("Ayten Məmmədova", "Jim Heintz", "Дарья Андреева", "Sevil Əliyeva")
_LANGUAGES = ("en", "ru", "az", "az-Latn", "en-GB")
_RAID_QUOTES = (
    "In total, around 50 people were arrested, according to local media.",
    "Police said nine people were detained “for questioning” after the operation.",
    "The raids were carried out by Russian law enforcement on Friday, the ministry said.",
)
_DEATH_QUOTES = (
    "Russia’s Investigative Committee said Monday that one of the deaths had been "
    "caused by heart failure.",
    "It attributed the deaths to “post-traumatic shock caused by multiple injuries.”",
)


def _day(block: int, offset: int = 0) -> dt.date:
    return _START + dt.timedelta(days=block + offset)


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _month(day: dt.date) -> str:
    return day.isoformat()[:7]


def records_in(data: dict[str, Any]) -> int:
    """The number of records (actors, sources, incidents, measures) in a document."""
    return sum(len(data.get(key, ())) for key in ("actors", "sources", "incidents", "measures"))


def to_bytes(data: dict[str, Any]) -> bytes:
    """The document as the library writes it: UTF-8, two-space indent, final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def document(size: int, seed: int = 2025) -> dict[str, Any]:
    """A valid dataset document with ``size`` records (size 1: one incident and its source)."""
    if size < 1:
        raise ValueError("size must be at least 1")
    rng = random.Random(seed * 1_000_003 + size)  # noqa: S311 - a reproducible corpus
    if size < 14:
        return _small(size, rng)
    actors: list[dict[str, Any]] = [
        {"id": id_, "kind": "state", "name": name, "country": code} for id_, name, code in _STATES
    ]
    sources: list[dict[str, Any]] = []
    incidents: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    blocks = (size - len(_STATES)) // 10
    for block in range(blocks):
        _block(block, rng, actors, sources, incidents, measures)
    for extra in range(size - len(_STATES) - 10 * blocks):
        sources.append({"id": f"source:extra-{extra}", "title": f"Press review no. {extra + 1}"})
    return {
        "schema_version": "1.0",
        "actors": actors,
        "sources": sources,
        "incidents": incidents,
        "measures": measures,
    }


def stream(size: int, seed: int = 2025) -> Iterator[tuple[str, dict[str, Any]]]:
    """The records of ``document(size, seed)`` (size 14 or more), as ``(record key, record)``
    (``"incident"``), ten at a time, without holding the document: the states, then each
    block's actors, sources, incidents and measures, then the padding sources."""
    if size < 14:
        raise ValueError("size must be at least 14")
    rng = random.Random(seed * 1_000_003 + size)  # noqa: S311 - the same as document's
    for id_, name, code in _STATES:
        yield "actor", {"id": id_, "kind": "state", "name": name, "country": code}
    blocks = (size - len(_STATES)) // 10
    for block in range(blocks):
        lists: tuple[list[dict[str, Any]], ...] = ([], [], [], [])
        _block(block, rng, *lists)
        for key, records in zip(("actor", "source", "incident", "measure"), lists, strict=True):
            for record in records:
                yield key, record
    for extra in range(size - len(_STATES) - 10 * blocks):
        yield "source", {"id": f"source:extra-{extra}", "title": f"Press review no. {extra + 1}"}


def _small(size: int, rng: random.Random) -> dict[str, Any]:
    """One incident and the source it cites, padded with sources up to ``size`` (< 14).

    Size 1 gives the same two records: an incident alone would cite no source (E408).
    """
    source = _news_source(0, rng)
    del source["outlet"]  # the outlet is an actor this small document does not hold
    incident = _raid(0, rng)
    del incident["participants"], incident["responsibility"]
    incident["casualties"][0]["count"] = incident["casualties"][0]["count"][:1]
    incident["citations"] = incident["citations"][:1]
    extras = [
        {"id": f"source:extra-{extra}", "title": f"Press review no. {extra + 1}"}
        for extra in range(max(0, size - 2))
    ]
    return {"schema_version": "1.0", "sources": [source, *extras], "incidents": [incident]}


def _cite(source: str, quote: str | None = None, locator: str | None = None) -> dict[str, Any]:
    citation: dict[str, Any] = {"source": source}
    if quote is not None:
        citation["quote"] = quote
    if locator is not None:
        citation["locator"] = locator
    return citation


def _news_source(block: int, rng: random.Random) -> dict[str, Any]:
    outlet = rng.choice(_OUTLETS)
    return {
        "id": f"source:report-{block}-0",
        "title": f"{outlet}: police detain dozens after raids on the diaspora ({block})",
        "outlet": f"actor:outlet-{block}",
        "url": f"https://news.example.org/{_day(block).year}/raids-{block}?ref=rss",
        "published": _iso(_day(block, 1)),
        "language": rng.choice(_LANGUAGES),
        "authors": list(rng.sample(_AUTHORS, 2)),
    }


def _raid(block: int, rng: random.Random) -> dict[str, Any]:
    city, area, country, lat, lon = rng.choice(_CITIES)
    about = rng.randint(20, 90)
    source = f"source:report-{block}-0"
    statement = f"source:statement-{block}-1"
    return {
        "id": f"incident:raid-{block}",
        "kind": "raid",
        "title": f"Police raids on the Azerbaijani community in {city} ({block})",
        "date": _iso(_day(block)),
        "summary": (
            f"Security forces raided homes and cafés in {city}.\n"
            f"About {about} people were detained; two men died in custody."
        ),
        "location": {
            "name": city,
            "admin_area": area,
            "country": country,
            "latitude": round(lat + rng.uniform(-0.05, 0.05), 4),
            "longitude": round(lon + rng.uniform(-0.05, 0.05), 4),
            "precision": "locality",
        },
        "participants": [
            {"actor": f"actor:ministry-{block}", "role": "perpetrator"},
            {"actor": "actor:state-azerbaijan", "role": "target", "note": "Its nationals."},
        ],
        "casualties": [
            {
                "outcome": "detained",
                "count": [
                    {
                        "value": {"best": about, "qualifier": "about"},
                        "citations": [_cite(source, rng.choice(_RAID_QUOTES))],
                    },
                    {
                        "value": {"best": 9},
                        "claimed_by": f"actor:ministry-{block}",
                        "citations": [_cite(statement)],
                    },
                    {
                        "value": {"low": 30, "high": 60, "qualifier": "between"},
                        "claimed_by": f"actor:person-{block}",
                        "citations": [_cite(source, locator="paragraph 4")],
                    },
                ],
                "nationality": "AZ",
                "citations": [_cite(source)],
            }
        ],
        "responsibility": [
            {
                "value": f"actor:ministry-{block}",
                "claimed_by": "actor:state-azerbaijan",
                "citations": [_cite(statement)],
            },
            {
                "value": f"actor:ministry-{block}",
                "claimed_by": "actor:state-russia",
                "stance": "denies",
                "citations": [_cite(source)],
                "note": "The ministry called the operation lawful.",
            },
        ],
        "citations": [
            _cite(source, rng.choice(_RAID_QUOTES)),
            _cite(statement, "The Ministry of Foreign Affairs expresses its deep concern."),
        ],
    }


def _block(
    block: int,
    rng: random.Random,
    actors: list[dict[str, Any]],
    sources: list[dict[str, Any]],
    incidents: list[dict[str, Any]],
    measures: list[dict[str, Any]],
) -> None:
    native, latin = rng.choice(_PEOPLE)
    country = rng.choice(_COUNTRIES)
    news = f"source:report-{block}-0"
    statement = f"source:statement-{block}-1"
    day = _day(block)
    actors += [
        {
            "id": f"actor:ministry-{block}",
            "kind": "government_body",
            "name": f"Ministry of Internal Affairs, department {block}",
            "country": country,
        },
        {
            "id": f"actor:person-{block}",
            "kind": "official",
            "name": latin,
            "names": [
                {"value": native, "language": "ru"},
                {"value": latin, "language": "ru-Latn", "transliteration": True},
            ],
            "country": country,
            "affiliations": [
                {
                    "value": {
                        "organization": f"actor:ministry-{block}",
                        "role": rng.choice(_ROLES),
                        "start": _month(_day(block, -400)),
                    },
                    "citations": [_cite(news)],
                }
            ],
            "identifiers": [{"scheme": "wikidata", "value": f"Q{100_000 + block}"}],
            "description": f"{latin} speaks for the ministry.",
            "citations": [_cite(news)],
        },
        {
            "id": f"actor:outlet-{block}",
            "kind": "media_outlet",
            "name": rng.choice(_OUTLETS),
            "identifiers": [{"scheme": "website", "value": f"https://outlet-{block}.example.org/"}],
        },
    ]
    sources += [
        _news_source(block, rng),
        {
            "id": statement,
            "title": f"Statement of the Ministry of Foreign Affairs no. {block}/{day.year}",
            "kind": "official_statement",
            "outlet": f"actor:ministry-{block}",
            "published": _iso(_day(block, 1)),
            "language": "az-Latn",
            "state_affiliated": True,
            "note": "Published in Azerbaijani and English; the English text is quoted.",
        },
    ]
    death: dict[str, Any] = {
        "id": f"incident:death-{block}",
        "kind": "death_in_custody",
        "title": f"Death in custody after the raids ({block})",
        "date": _iso(_day(block, 1)) + "~",
        "location": {"country": "RU"},
        "casualties": [
            {
                "outcome": "killed",
                "person": f"actor:person-{block}",
                "nationality": "AZ",
                "age": rng.randint(25, 70),
                "in_custody": True,
                "cause": [
                    {
                        "value": "heart failure",
                        "claimed_by": "actor:state-russia",
                        "citations": [_cite(news, rng.choice(_DEATH_QUOTES))],
                    },
                    {
                        "value": "post-traumatic shock caused by multiple injuries",
                        "claimed_by": "actor:state-azerbaijan",
                        "citations": [_cite(statement)],
                    },
                ],
                "citations": [_cite(news)],
            }
        ],
        "links": [{"kind": "follow_up_to", "target": f"incident:raid-{block}"}],
        "in_response_to": [f"measure:revoke-{block - 1}"] if block else None,
        "citations": [_cite(news, rng.choice(_DEATH_QUOTES))],
    }
    protest: dict[str, Any] = {
        "id": f"incident:protest-{block}",
        "kind": "protest",
        "title": f"Protests outside the embassy ({block})",
        "date": f"{_iso(_day(block))}/{_iso(_day(block, 2))}",
        "location": {"name": "Embassy district", "country": rng.choice(_COUNTRIES)},
        "links": [{"kind": "related_to", "target": f"incident:raid-{block - 1}"}]
        if block
        else None,
        "citations": [_cite(statement)],
        "note": "Dates from the statement; numbers of protesters not given.",
    }
    incidents += [_raid(block, rng), _present(death), _present(protest)]
    measures += [
        {
            "id": f"measure:summons-{block}",
            "kind": "summon_envoy",
            "initiator": "actor:state-azerbaijan",
            "targets": ["actor:state-russia"],
            "announced": _iso(_day(block, 2)),
            "summary": "The ambassador was summoned and handed a note of protest.",
            "in_response_to": [f"incident:raid-{block}", f"incident:death-{block}"],
            "citations": [_cite(statement, "A note of protest was handed over.")],
        },
        {
            "id": f"measure:revoke-{block}",
            "kind": "revoke_citizenship",
            "initiator": "actor:state-russia",
            "targets": ["actor:state-azerbaijan"],
            "subjects": [f"actor:person-{block}"],
            "announced": _iso(_day(block, 3)) + "~",
            "effective": _iso(_day(block, -10)),
            "retroactive": True,
            "in_response_to": [f"measure:summons-{block}"],
            "citations": [
                _cite(news, "his citizenship had been retroactively revoked", "paragraph 2")
            ],
        },
    ]


def _present(record: dict[str, Any]) -> dict[str, Any]:
    """The record without the fields set to None (left out, as the library writes them)."""
    return {key: value for key, value in record.items() if value is not None}


# ----------------------------------------------------------------------------- problems

#: The problems :func:`with_problems` plants, in turn: (kind, what validate reports).
PROBLEMS = (
    ("unknown field", "E201"),
    ("bad vocabulary term", "E204"),
    ("wrong id kind", "E205"),
    ("unresolved reference", "E402"),
    ("unknown source", "E403"),
    ("text not NFC", "E301"),
    ("impossible date", "E302"),
    ("count bounds out of order", "E406"),
    ("lower-case country", "E204"),
    ("missing field", "E202"),
    ("uncited measure", "E408"),
    ("response before trigger", "E404"),
)


def with_problems(data: dict[str, Any], every: int = 50) -> dict[str, Any]:
    """A copy of a corpus document with one problem in about one record in ``every``.

    The problems cycle through :data:`PROBLEMS`, each planted in a record that can carry it.
    """
    broken = copy.deepcopy(data)
    incidents = broken.get("incidents", [])
    measures = broken.get("measures", [])
    raids = [record for record in incidents if record["kind"] == "raid"]
    count = max(1, records_in(broken) // every)
    for number in range(count):
        kind = PROBLEMS[number % len(PROBLEMS)][0]
        raid = raids[(number * 7) % len(raids)]
        measure = measures[(number * 5) % len(measures)] if measures else None
        if kind == "unknown field":
            raid["titel"] = raid["title"]
        elif kind == "bad vocabulary term":
            raid["kind"] = "raidd"
        elif kind == "wrong id kind" and measure is not None:
            measure["initiator"] = "source:" + measure["initiator"].partition(":")[2]
        elif kind == "unresolved reference" and measure is not None:
            measure["in_response_to"] = [*measure["in_response_to"], f"incident:gone-{number}"]
        elif kind == "unknown source":
            raid["citations"][0]["source"] = f"source:gone-{number}"
        elif kind == "text not NFC":
            raid["title"] = "Cafe\u0301 raided in " + raid["title"]  # e + combining acute
        elif kind == "impossible date":
            raid["date"] = raid["date"][:4] + "-02-30"
        elif kind == "count bounds out of order":
            raid["casualties"][0]["count"][0]["value"] = {
                "best": 50,
                "low": 60,
                "qualifier": "about",
            }
        elif kind == "lower-case country":
            raid["location"]["country"] = raid["location"]["country"].lower()
        elif kind == "missing field":
            del raid["title"]
        elif kind == "uncited measure" and measure is not None:
            measure["citations"] = []
        elif kind == "response before trigger" and measure is not None:
            measure["announced"] = "1900-01-01"
            measure.pop("effective", None)
            measure.pop("retroactive", None)
    return broken


# ------------------------------------------------------------------------ differential

_ID_PREFIXES = ("actor:", "source:", "incident:", "measure:")


def places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path (tuple of keys and indexes) to a value in plain data, the root excluded."""
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        yield (*path, key)
        yield from places(value, (*path, key))


def value_at(data: Any, path: tuple[Any, ...]) -> Any:
    """The value of plain data at ``path`` (as :func:`places` gives them)."""
    for key in path:
        data = data[key]
    return data


def mutations(data: dict[str, Any], count: int, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` copies of ``data``, each with one random mutation (the differential corpus).

    The mutations are those of ``tests/validation/test_differential.py``: drop a field,
    change a value's JSON type, add an unknown key, change an id's kind, put a number out of
    range. Some leave
    the document valid (dropping an optional field, say), which is the point: every verdict
    must agree, valid or not.
    """
    rng = random.Random(seed)  # noqa: S311 - a reproducible corpus
    spots = list(places(data))
    keyed = [path for path in spots if isinstance(path[-1], str)]
    objects = [()] + [path for path in spots if isinstance(value_at(data, path), dict)]
    ids = [
        path
        for path in spots
        if isinstance(value_at(data, path), str) and value_at(data, path).startswith(_ID_PREFIXES)
    ]
    numbers = [
        path
        for path in spots
        if isinstance(value_at(data, path), int | float)
        and not isinstance(value_at(data, path), bool)
    ]
    documents = []
    for _ in range(count):
        mutated = copy.deepcopy(data)
        kind = rng.choice(("drop", "type", "unknown", "prefix", "range"))
        if kind == "drop":
            path = rng.choice(keyed)
            del value_at(mutated, path[:-1])[path[-1]]
        elif kind == "type":
            path = rng.choice(spots)
            old = value_at(mutated, path)
            choices = [
                v for v in (None, True, 7, "text", [], {}) if _json_type(v) != _json_type(old)
            ]
            value_at(mutated, path[:-1])[path[-1]] = rng.choice(choices)
        elif kind == "unknown":
            value_at(mutated, rng.choice(objects))["zz_unknown"] = rng.choice(
                (1, "x", None, [], {})
            )
        elif kind == "prefix":
            path = rng.choice(ids)
            old_kind, _, slug = value_at(mutated, path).partition(":")
            prefixes = [p for p in _ID_PREFIXES if not p.startswith(old_kind)]
            value_at(mutated, path[:-1])[path[-1]] = rng.choice(prefixes) + slug
        else:
            path = rng.choice(numbers)
            value_at(mutated, path[:-1])[path[-1]] = rng.choice((-1, 2**53, 1000.5, -181.0))
        documents.append(mutated)
    return documents


def edge_cases() -> list[tuple[str, dict[str, Any]]]:
    """Small documents at the edges where the schema and the record classes may differ.

    Each is the one-incident document with one value changed. The harness shows every
    implementation's verdict on them: the peers follow the schema's patterns, so where they
    part from ``from_json`` the schema and the model disagree (or a regex engine does).
    """
    cases: list[tuple[str, dict[str, Any]]] = []

    def case(name: str, change: Any) -> None:
        data = document(1)
        change(data)
        cases.append((name, data))

    source = ("sources", 0)
    incident = ("incidents", 0)

    def put(where: tuple[str, int], key: str, value: Any) -> Any:
        return lambda data: data[where[0]][where[1]].__setitem__(key, value)

    case(
        "URL with user info (https://user@host/)", put(source, "url", "https://user@example.org/a")
    )
    case("language tag with a final line feed ('en\\n')", put(source, "language", "en\n"))
    case("id slug of 121 characters", put(incident, "id", "incident:" + "a" * 121))
    case("integral float as a count (9.0)", _count(9.0))
    case("title ending in a no-break space", put(incident, "title", "Raid\u00a0"))
    case("summary of one zero-width space", put(incident, "summary", "\u200b"))
    case("30 February", put(incident, "date", "2025-02-30"))
    return cases


def _count(value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["incidents"][0]["casualties"][0]["count"][0]["value"] = {"best": value}

    return change


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]
