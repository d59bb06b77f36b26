"""The semantic layer of validation: rules across records that no schema can state.

The checks run on the plain data of a document (not on records), so they still report
what they can when other parts of the document are broken. Each finding is a JSON Pointer,
a code from :mod:`incidents.validation.codes` and a message:

* E401 ids are unique across the dataset;
* E402 every reference resolves to a record in the dataset (the ``kind:`` prefix already
  makes it the right kind), E403 every citation's source exists;
* E404 nothing responds to something that certainly happens after it (a measure acts when
  it is announced; its effective date may be earlier, when it is retroactive);
* E405 responses and incident links form no cycle;
* E406 ``low <= best <= high`` in every count;
* E407 a retroactive measure does not take effect after its announcement, W401 a measure
  that does take effect before it is marked retroactive;
* E408 every incident and measure cites a source, W402 so does every casualty;
* W403 no two claims on one field have the same claimant, stance and value.

:func:`semantic_findings` checks a whole document. The pieces are public so that a reader
that sees one record at a time (JSON Lines, :mod:`incidents.validation.stream`) runs the same
checks with the same messages: :func:`record_findings` for the rules within one record,
:func:`reference_findings` against any container of known ids, :func:`event_date` and
:func:`edges` for the rules across records, and the message helpers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterator
from typing import Any, Final

from incidents._compile.semantic_plan import Candidate, claim_walker, reference_walker, unresolved
from incidents._places import Finding
from incidents.errors import FieldError
from incidents.model.actors import Actor
from incidents.model.dates import PartialDate
from incidents.model.events import Incident
from incidents.model.measures import DiplomaticMeasure
from incidents.model.sources import Source
from incidents.model.vocabulary import MeasureLinkKind
from incidents.validation._date_spans import DaySpan, day_span
from incidents.validation._suggestions import Suggester

__all__ = [
    "EVENT_KINDS",
    "cycle_message",
    "duplicate_id_message",
    "edges",
    "event_date",
    "link_order_message",
    "ordered_links",
    "record_findings",
    "reference_findings",
    "response_order_message",
    "semantic_findings",
]

#: (JSON Pointer, code, message)

_CLASSES: Final[dict[str, type]] = {
    "actors": Actor,
    "sources": Source,
    "incidents": Incident,
    "measures": DiplomaticMeasure,
}
_KEYS: Final = tuple(_CLASSES)

#: The record classes that take part in responses and links (and need a date and a source).
EVENT_KINDS: Final = (Incident, DiplomaticMeasure)


def semantic_findings(data: Any) -> list[Finding]:
    """Every semantic problem in a dataset document given as plain data.

    In this order: E401; E402 and E403 record by record; E404; E409; E405; E407, W401, E408
    and W402 event by event; E406 and W403 record by record.

    One pass over the records does every rule of one record and notes what the rules across
    records need; what depends on records further on (a reference or a response to a later
    record, a cycle) is settled after it.
    """
    if not isinstance(data, dict):
        return []
    groups: list[tuple[str, type, list[Any]]] = []
    known: dict[str, int] = {}  # id -> where its first record is: position * 4 + list number
    duplicates: list[Finding] = []
    unknown: list[Candidate] = []  # references to no id seen so far
    events: list[Finding] = []
    claims: list[Finding] = []
    dates: dict[str, DaySpan] = {}
    graph = _Graph()
    ordered: list[tuple[str, str, str, tuple[str, dt.date, dt.date]]] = []  # for E409
    for number, (key, kind) in enumerate(_CLASSES.items()):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        groups.append((key, kind, items))
        refer = reference_walker(kind)
        walk = claim_walker(kind)
        incident = kind is Incident
        measure = kind is DiplomaticMeasure
        base = f"/{key}/"
        for position, record in enumerate(items):
            if not isinstance(record, dict):
                continue
            record_id = record.get("id")
            if isinstance(record_id, str):
                here = position * 4 + number
                first = known.setdefault(record_id, here)
                if first != here:
                    where = f"/{_KEYS[first % 4]}/{first // 4}"
                    message = duplicate_id_message(record_id, where)
                    duplicates.append((f"{base}{position}/id", "E401", message))
            refer(record, known, unknown, base, position)
            if walk is not None:
                walk(record, claims, base, position)
            if not (incident or measure):
                continue
            when = _event_when(record, incident, dates)
            triggers = record.get("in_response_to")
            if isinstance(record_id, str):
                graph.add(record_id, record, when, triggers)
            if when is not None and isinstance(triggers, list) and triggers:
                graph.respond(base, position, triggers, when)
            if measure:
                _measure_dates(record, base, position, events, dates)
                if when is not None and record.get("links"):
                    pointer = f"{base}{position}"
                    ordered += [(*link, when) for link in ordered_links(pointer, record)]
            _citations(record, incident, base, position, events)
    references = unresolved(unknown, known)
    if references:  # did-you-mean, from the ids in document order
        suggester = Suggester(lambda: list(known))
        references = [(at, code, suggester.message(code, text)) for at, code, text in references]
    responses = graph.late()
    links = [
        (edge, "E409", order)
        for edge, target, kind, when in ordered
        if (order := _link_order(graph.date(target), kind, target, when)) is not None
    ]
    cycles = graph.cycles(groups)
    return duplicates + references + responses + links + cycles + events + claims


def _link_order(
    then: DaySpan, kind: str, target: str, when: tuple[str, dt.date, dt.date]
) -> str | None:
    if then is None or not when[2] < then[1]:  # not certainly before the target
        return None
    return link_order_message(kind, target, PartialDate.parse(then[0]), PartialDate.parse(when[0]))


def record_findings(record: dict[str, Any], kind: type, pointer: str) -> Iterator[Finding]:
    """The rules one record (of class ``kind``, at ``pointer``) can break on its own.

    E406 and W403 anywhere in it; for a measure E407 and W401; for an incident or a measure
    E408, and W402 for its casualties.
    """
    findings: list[Finding] = []
    if kind is DiplomaticMeasure:
        _measure_dates(record, pointer, "", findings, {})
    if kind in EVENT_KINDS:
        _citations(record, kind is Incident, pointer, "", findings)
    if isinstance(record, dict):
        walk = claim_walker(kind)
        if walk is not None:
            walk(record, findings, pointer, "")
    return iter(findings)


def reference_findings(
    record: dict[str, Any], kind: type, pointer: str, known: Container[str]
) -> Iterator[Finding]:
    """E402/E403 for references in ``record`` (a ``kind``) that name no id in ``known``.

    A reference that is not a well-formed id of a kind its field takes is left to the schema
    layer.
    """
    candidates: list[Candidate] = []
    if isinstance(record, dict):
        reference_walker(kind)(record, known, candidates, pointer, "")
    return iter(unresolved(candidates, known))


def duplicate_id_message(record_id: str, first: str) -> str:
    """The E401 message: ``first`` says where the id was first used."""
    return f"id {record_id!r} is already used by the record at {first}"


def response_order_message(trigger_id: str, then: PartialDate, when: PartialDate) -> str | None:
    """The E404 message if a record dated ``when`` responds to one dated ``then`` that
    certainly happened after it; else ``None``."""
    if not when.is_before(then):
        return None
    return (
        f"responds to {trigger_id!r} ({then}), which certainly happened after this record ({when})"
    )


#: The measure links that point back in time: from the part to the whole, from the act to
#: the decision it carries out. ``reciprocal_to`` has no order (and makes no cycle).
ORDERED_LINKS: Final = frozenset({MeasureLinkKind.PART_OF.value, MeasureLinkKind.IMPLEMENTS.value})
_UNORDERED_LINKS: Final = frozenset({MeasureLinkKind.RECIPROCAL_TO.value})


def _kind(link: dict[str, Any]) -> str | None:
    """A link's kind if it is text (a broken document may hold anything there)."""
    kind = link.get("kind")
    return kind if isinstance(kind, str) else None


def ordered_links(pointer: str, record: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(edge pointer, target id, kind) for a measure's links that must not point into the
    future (:data:`ORDERED_LINKS`)."""
    links = record.get("links")
    if isinstance(links, list):
        for position, link in enumerate(links):
            if isinstance(link, dict) and _kind(link) in ORDERED_LINKS:
                target = link.get("target")
                if isinstance(target, str):
                    yield f"{pointer}/links/{position}/target", target, link["kind"]


def link_order_message(kind: str, target_id: str, then: PartialDate, when: PartialDate) -> str:
    """The E409 message for a measure dated ``when`` linked (``kind``) to one dated ``then``
    that certainly happened after it."""
    verb = "is part of" if kind == MeasureLinkKind.PART_OF.value else "implements"
    return (
        f"{verb} {target_id!r} ({then}), which certainly happened after this measure ({when}); "
        "a measure is part of, or implements, one of the same time or earlier"
    )


def cycle_message(loop: list[str]) -> str:
    """The E405 message for a cycle given as the ids along it, the first repeated at the end."""
    return "closes a cycle: " + " -> ".join(loop)


def event_date(record: dict[str, Any], kind: type) -> PartialDate | None:
    """When an incident happened, or when a measure was taken (announced, else effective)."""
    fields = ("date",) if kind is Incident else ("announced", "effective")
    for name in fields:
        text = record.get(name)
        if isinstance(text, str):
            try:
                return PartialDate.parse(text)
            except FieldError:
                return None
    return None


def edges(pointer: str, record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(edge pointer, target id) for the record's responses and links (incident links, and
    measure links but ``reciprocal_to``, which has no direction)."""
    responses = record.get("in_response_to")
    if isinstance(responses, list):
        for position, target in enumerate(responses):
            if isinstance(target, str):
                yield f"{pointer}/in_response_to/{position}", target
    links = record.get("links")
    if isinstance(links, list):
        for position, link in enumerate(links):
            if (
                isinstance(link, dict)
                and isinstance(link.get("target"), str)
                and _kind(link) not in _UNORDERED_LINKS
            ):
                yield f"{pointer}/links/{position}/target", link["target"]


def _event_when(record: dict[str, Any], incident: bool, dates: dict[str, DaySpan]) -> DaySpan:
    """:func:`event_date`, with the first and last day."""
    if incident:
        text = record.get("date")
        return day_span(text, dates) if isinstance(text, str) else None
    text = record.get("announced")
    if isinstance(text, str):
        return day_span(text, dates)
    text = record.get("effective")
    return day_span(text, dates) if isinstance(text, str) else None


def _measure_dates(
    record: dict[str, Any],
    base: str,
    position: Any,
    findings: list[Finding],
    dates: dict[str, DaySpan],
) -> None:
    """E407 and W401: a measure's effective date against its announcement."""
    announced_text = record.get("announced")
    effective_text = record.get("effective")
    if not (isinstance(announced_text, str) and isinstance(effective_text, str)):
        return
    announced = day_span(announced_text, dates)
    effective = day_span(effective_text, dates)
    if announced is None or effective is None:
        return
    if record.get("retroactive") is True:
        if effective[1] > announced[2]:  # effective.is_after(announced)
            message = (
                f"a retroactive measure cannot take effect ({PartialDate.parse(effective[0])}) "
                f"after its announcement ({PartialDate.parse(announced[0])})"
            )
            findings.append((f"{base}{position}/effective", "E407", message))
    elif effective[2] < announced[1]:  # effective.is_before(announced)
        message = (
            f"takes effect ({PartialDate.parse(effective[0])}) before its announcement "
            f"({PartialDate.parse(announced[0])}); if that is right, set retroactive to true"
        )
        findings.append((f"{base}{position}/effective", "W401", message))


# --------------------------------------------------------------------------- the events


def _citations(
    record: dict[str, Any], incident: bool, base: str, position: Any, findings: list[Finding]
) -> None:
    """E408 for an event that cites no source, W402 for each casualty that cites none."""
    if not record.get("citations"):
        noun = "incident" if incident else "measure"
        findings.append(
            (f"{base}{position}", "E408", f"this {noun} cites no source; add a citation")
        )
    if not incident:
        return
    casualties = record.get("casualties")
    if isinstance(casualties, list):
        for index, casualty in enumerate(casualties):
            if isinstance(casualty, dict) and not casualty.get("citations"):
                message = "this casualty cites no source of its own; add a citation"
                findings.append((f"{base}{position}/casualties/{index}", "W402", message))


class _Graph:
    """The events as a graph of responses and incident links, for E404 and E405.

    A node per event id, numbered in order: its first event's date and edges (the targets of
    :func:`edges`, each the target's node, or its id while no event has it). ``later`` keeps
    the date of the last event with an id that is used again: a response is checked against
    that one.

    A response is checked when it is added, if the event it responds to has been seen, and
    otherwise (or if an event id is used again) by :meth:`late`.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, int] = {}
        self.records: list[dict[str, Any]] = []
        self.dates: list[DaySpan] = []
        self.later: dict[str, DaySpan] = {}
        self.start: list[int] = []  # node -> where its edges start in ``targets``
        self.targets: list[int | str] = []
        self.responders: list[tuple[str, int, list[Any], tuple[str, dt.date, dt.date]]] = []
        self.pending: list[tuple[int, int, str]] = []  # (responder, position, trigger id)
        self.found: list[tuple[int, int, Finding]] = []  # E404: (responder, position, finding)

    def add(self, record_id: str, record: dict[str, Any], when: DaySpan, responses: Any) -> None:
        """An event with an id; ``responses`` is its ``in_response_to``."""
        nodes = self.nodes
        node = nodes.setdefault(record_id, len(self.records))
        if node != len(self.records):
            self.later[record_id] = when
            return
        self.records.append(record)
        self.dates.append(when)
        targets = self.targets
        self.start.append(len(targets))
        if isinstance(responses, list):
            for target in responses:
                if isinstance(target, str):
                    targets.append(nodes.get(target, target))
        links = record.get("links")
        if isinstance(links, list):
            for link in links:
                if isinstance(link, dict) and _kind(link) not in _UNORDERED_LINKS:
                    target = link.get("target")
                    if isinstance(target, str):
                        targets.append(nodes.get(target, target))

    def date(self, record_id: str) -> DaySpan:
        """The date of the last event with ``record_id`` (``None`` if there is none)."""
        node = self.nodes.get(record_id)
        if node is None:
            return None
        if self.later and record_id in self.later:
            return self.later[record_id]
        return self.dates[node]

    def respond(
        self, base: str, position: int, triggers: list[Any], when: tuple[str, dt.date, dt.date]
    ) -> None:
        """The responses (``triggers``) of the event at ``base + position``, dated ``when``."""
        responder = len(self.responders)
        self.responders.append((base, position, triggers, when))
        nodes = self.nodes
        for index, trigger_id in enumerate(triggers):
            if not isinstance(trigger_id, str):
                continue
            if trigger_id not in nodes:
                self.pending.append((responder, index, trigger_id))
                continue
            finding = self._late(responder, index, trigger_id)
            if finding is not None:
                self.found.append((responder, index, finding))

    def _late(self, responder: int, index: int, trigger_id: str) -> Finding | None:
        """E404 if the event ``trigger_id`` comes after the responder (``None`` if not)."""
        base, position, _, when = self.responders[responder]
        then = self.date(trigger_id)
        if then is None or not when[2] < then[1]:  # when.is_before(then)
            return None
        message = response_order_message(
            trigger_id, PartialDate.parse(then[0]), PartialDate.parse(when[0])
        )
        if message is None:
            return None
        return f"{base}{position}/in_response_to/{index}", "E404", message

    def late(self) -> list[Finding]:
        """Every E404, in the order of the events and their responses."""
        if self.later:  # an event id used again: check every response against its last event
            self.found = []
            self.pending = [
                (responder, index, trigger_id)
                for responder, (_, _, triggers, _) in enumerate(self.responders)
                for index, trigger_id in enumerate(triggers)
                if isinstance(trigger_id, str)
            ]
        for responder, index, trigger_id in self.pending:
            finding = self._late(responder, index, trigger_id)
            if finding is not None:
                self.found.append((responder, index, finding))
        self.found.sort(key=lambda found: found[:2])
        return [finding for _, _, finding in self.found]

    def cycles(self, groups: list[tuple[str, type, list[Any]]]) -> list[Finding]:
        """E405 once per cycle, at the edge that closes it (depth-first search, iterative,
        from each node in turn)."""
        count = len(self.records)
        if not count:
            return []
        start = [*self.start, len(self.targets)]
        nodes = self.nodes
        targets = [
            target if type(target) is int else nodes.get(target, -1)  # type: ignore[arg-type]
            for target in self.targets
        ]
        findings: list[Finding] = []
        state = bytearray(count)  # 1 on the current path, 2 finished
        where: dict[int, str] = {}  # id() of an event -> its pointer, made for a first finding
        for root in range(count):
            if state[root]:
                continue
            state[root] = 1
            path = [root]
            cursor = [start[root]]
            while path:
                node = path[-1]
                edge = cursor[-1]
                end = start[node + 1]
                while edge < end:
                    target = targets[edge]
                    edge += 1
                    if target < 0:
                        continue
                    seen = state[target]
                    if not seen:
                        cursor[-1] = edge
                        state[target] = 1
                        path.append(target)
                        cursor.append(start[target])
                        break
                    if seen == 1:
                        if not where:
                            where = _event_pointers(groups)
                        record = self.records[node]
                        closing = list(edges(where[id(record)], record))[edge - 1 - start[node]]
                        ids = [self.records[step]["id"] for step in path]
                        loop = [*ids[path.index(target) :], ids[path.index(target)]]
                        findings.append((closing[0], "E405", cycle_message(loop)))
                else:
                    state[node] = 2
                    path.pop()
                    cursor.pop()
        return findings


def _event_pointers(groups: list[tuple[str, type, list[Any]]]) -> dict[int, str]:
    """The pointer of each event record object (its first place), by ``id()``."""
    pointers: dict[int, str] = {}
    for key, kind, items in groups:
        if kind in EVENT_KINDS:
            for position, record in enumerate(items):
                pointers.setdefault(id(record), f"/{key}/{position}")
    return pointers
