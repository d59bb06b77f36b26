"""PLOVER JSON Lines: one event per measure and per incident.

Field names follow the "Data Fields" chapter of the PLOVER manual
(github.com/openeventdata/PLOVER, ``PLOVER_MANUAL.tex`` at commit 5e0c24f): the event's
``id``, ``date``, ``enddate``, ``actor`` and ``recipient`` (lists of entity objects),
``event``, ``mode``, ``context``, ``event_loc`` (a location object), ``quad_code``, ``text``,
``cite_info`` (a citation object) and ``comment``; entity objects have ``entity_text`` and
``identifier_id`` (the Wikidata id). A measure's type and mode come from the crosswalk on
:class:`~incidents.model.measure_kinds.MeasureKind`; ``quad_code`` is the quad category
the manual gives each type (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict, the order of the GDELT and ICEWS quad classes).
"""

from __future__ import annotations

import json
from typing import Any, Final

from incidents.model.citations import Citation
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.model.locations import Location
from incidents.model.measure_kinds import CodeMapping
from incidents.model.sources import Source
from incidents.model.vocabulary import IncidentKind
from incidents.tables._rows import actor, country_name, names, sides, wikidata

__all__ = ["FIELDS", "INCIDENT_TYPES", "LOSSES", "QUAD", "events", "plover_jsonl"]

#: The quad category of each PLOVER type, as the manual's "Event Categories" chapter gives it.
QUAD: Final = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

#: The PLOVER type-mode of an incident kind, where one fits; the modes are the manual's
#: (COERCE: arrest, deport, seize, cyber; ASSAULT: abduct). Kinds that are not an act of one
#: party on another (a death, a border incident, a trial) have none and are written with
#: ``has_event`` false.
INCIDENT_TYPES: Final[dict[IncidentKind, str]] = {
    IncidentKind.AIRCRAFT_DOWNING: "ASSAULT",
    IncidentKind.RAID: "COERCE",
    IncidentKind.ARREST: "COERCE-arrest",
    IncidentKind.MEDIA_OFFICE_RAID: "COERCE-seize",
    IncidentKind.DEPORTATION: "COERCE-deport",
    IncidentKind.ATTACK: "ASSAULT",
    IncidentKind.KILLING: "ASSAULT",
    IncidentKind.PROTEST: "PROTEST",
    IncidentKind.CYBER_OPERATION: "COERCE-cyber",
    IncidentKind.POISONING: "ASSAULT",
    IncidentKind.ABDUCTION: "ASSAULT-abduct",
    IncidentKind.ATTACK_ON_MISSION: "ASSAULT",
}

#: The fields written, and what each holds.
FIELDS: Final = (
    ("id", "The record id ('measure:...', 'incident:...')."),
    ("has_event", "False for an incident whose kind has no PLOVER type."),
    ("date", "First day of the date (a measure: the earlier of announced and effective)."),
    ("enddate", "Last day, when the date is an interval or coarser than a day."),
    ("actor", "Entity objects: a measure's initiator; an incident's perpetrators."),
    ("recipient", "Entity objects: a measure's targets; an incident's targets and victims."),
    ("event", "The PLOVER type, as a one-item list (empty without one)."),
    ("mode", "The PLOVER mode, as a list (empty without one)."),
    ("context", "['diplomatic'] for a measure; empty for an incident."),
    ("event_loc", "resolved_place, province, country (name), lat, lon of the location."),
    ("quad_code", "The type's quad category, 1 to 4."),
    ("text", "The quote of the record's first citation."),
    ("cite_info", "citation (source id), title, url, language, publication of that source."),
    ("comment", "The record's summary."),
    ("entity_text", "In an entity object: the actor's name."),
    ("identifier_id", "In an entity object: the actor's Wikidata id, where it has one."),
    ("country", "In an entity object: the actor's ISO 3166-1 alpha-2 code (an extra field)."),
)

#: What the records lose as PLOVER events.
LOSSES: Final = (
    "An open or unknown interval end ('2018-03-14/..', '../2018-03') is left out: "
    "the dates span the end that is known.",
    "Precision and qualifiers of dates: 2025-06 becomes date 2025-06-01 and enddate "
    "2025-06-30; '~' and '?' widen the span and are not marked.",
    "A measure's second date (announced or effective, whichever is later), status, "
    "publicity, retroactive flag, counts, subjects, on_behalf_of and forum.",
    "Every citation but the first (cite_info and text describe one source), the notes.",
    "Casualties, claims (contested counts, causes, responsibility, attribution) and affiliations.",
    "The chains: in_response_to and links (PLOVER's link field names a common reference, "
    "not a response).",
    "Whether a crosswalk code is exact or only the nearest one.",
    "Entity 'code' (PLOVER's three-letter country codes): the library holds ISO alpha-2 "
    "codes, written as the extra field 'country'.",
)


def _entity(dataset: Dataset, actor_id: str) -> dict[str, Any]:
    record = actor(dataset, actor_id)
    if record is None:
        return {"entity_text": actor_id}
    entity: dict[str, Any] = {"entity_text": record.name}
    qid = wikidata(record)
    if qid is not None:
        entity["identifier_id"] = qid
    if record.country is not None:
        entity["country"] = record.country
    return entity


def _dates(date: PartialDate | None) -> dict[str, Any]:
    if date is None:
        return {}
    found = {"date": date.known_span()[0].isoformat()}
    if date.known_span()[1] != date.known_span()[0]:
        found["enddate"] = date.known_span()[1].isoformat()
    return found


def _code(code: str | None) -> dict[str, Any]:
    if code is None:
        return {"event": [], "mode": []}
    kind, _, mode = code.partition("-")
    return {"event": [kind], "mode": [mode] if mode else [], "quad_code": QUAD[kind]}


def _location(location: Location | None) -> dict[str, Any]:
    if location is None:
        return {}
    place = {
        "resolved_place": location.name,
        "province": location.admin_area,
        "country": country_name(location.country),
        "lat": location.latitude,
        "lon": location.longitude,
    }
    return {"event_loc": {key: value for key, value in place.items() if value is not None}}


def _citation(dataset: Dataset, citations: tuple[Citation, ...]) -> dict[str, Any]:
    if not citations:
        return {}
    first = citations[0]
    found: dict[str, Any] = {"cite_info": {"citation": first.source}}
    source = dataset.get(first.source, Source)
    if source is not None:
        info = {
            "citation": source.id,
            "title": source.title,
            "url": source.url,
            "language": source.language,
            "publication": names(dataset, [source.outlet])[0] if source.outlet else None,
        }
        found["cite_info"] = {key: value for key, value in info.items() if value is not None}
    if first.quote is not None:
        found["text"] = first.quote
    return found


def _event(
    dataset: Dataset,
    record: Any,
    date: PartialDate | None,
    doers: list[str],
    done_to: list[str],
    code: str | None,
    context: list[str],
) -> dict[str, Any]:
    event: dict[str, Any] = {"id": record.id, "has_event": code is not None}
    event.update(_dates(date))
    event["actor"] = [_entity(dataset, actor_id) for actor_id in doers]
    event["recipient"] = [_entity(dataset, actor_id) for actor_id in done_to]
    event.update(_code(code))
    event["context"] = context
    event.update(_location(record.location))
    event.update(_citation(dataset, record.citations))
    if record.summary is not None:
        event["comment"] = record.summary
    return event


def events(dataset: Dataset) -> list[dict[str, Any]]:
    """The PLOVER events: the incidents, then the measures, in file order."""
    found = []
    for incident in dataset.incidents:
        doers, done_to = sides(incident)
        code = INCIDENT_TYPES.get(incident.kind)
        found.append(_event(dataset, incident, incident.date, doers, done_to, code, []))
    for measure in dataset.measures:
        mapping: CodeMapping | None = measure.kind.plover
        code = None if mapping is None else mapping.code
        found.append(
            _event(
                dataset,
                measure,
                measure.date,
                [measure.initiator],
                list(measure.targets),
                code,
                ["diplomatic"],
            )
        )
    return found


def plover_jsonl(dataset: Dataset) -> bytes:
    """The events as JSON Lines (UTF-8, one event a line)."""
    lines = [json.dumps(event, ensure_ascii=False) + "\n" for event in events(dataset)]
    return "".join(lines).encode("utf-8")
