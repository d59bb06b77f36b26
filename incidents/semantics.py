"""The semantic layer of validation: rules across records that no schema can state.

The checks run on the plain data of a document (not on records), so they still report
what they can when other parts of the document are broken. Each finding is a JSON Pointer,
a code from :mod:`incidents.codes` and a message:

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
that sees one record at a time (JSON Lines, :mod:`incidents.jsonl_validation`) runs the same
checks with the same messages: :func:`record_findings` for the rules within one record,
:func:`reference_findings` against any container of known ids, :func:`event_date` and
:func:`edges` for the rules across records, and the message helpers.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterator
from functools import cache
from typing import Any, Final

import attrs

from incidents._fields import Check, Each, InstanceOf, Maybe, Ref
from incidents._positions import escape_pointer
from incidents.actors import Actor
from incidents.claims import Claim, ClaimOf
from incidents.counts import Count, bounds_out_of_order
from incidents.dataset import Dataset
from incidents.dates import PartialDate
from incidents.errors import FieldError
from incidents.events import Incident
from incidents.ids import id_kind
from incidents.measures import DiplomaticMeasure
from incidents.sources import Citation, Source

__all__ = [
    "EVENT_KINDS",
    "Finding",
    "cycle_message",
    "duplicate_id_message",
    "edges",
    "event_date",
    "record_findings",
    "reference_findings",
    "response_order_message",
    "semantic_findings",
]

#: (JSON Pointer, code, message)
Finding = tuple[str, str, str]

_CLASSES: Final[dict[str, type]] = {
    "actors": Actor,
    "sources": Source,
    "incidents": Incident,
    "measures": DiplomaticMeasure,
}

#: The record classes that take part in responses and links (and need a date and a source).
EVENT_KINDS: Final = (Incident, DiplomaticMeasure)


def semantic_findings(data: Any) -> list[Finding]:
    """Every semantic problem in a dataset document given as plain data."""
    if not isinstance(data, dict):
        return []
    records = _records(data)
    index: dict[str, str] = {}
    findings: list[Finding] = []
    for pointer, record in records:
        record_id = record.get("id")
        if not isinstance(record_id, str):
            continue
        if record_id in index:
            message = duplicate_id_message(record_id, index[record_id])
            findings.append((f"{pointer}/id", "E401", message))
        else:
            index[record_id] = pointer
    for pointer, record in records:
        findings.extend(reference_findings(record, _kind(pointer), pointer, index))
    events = [(pointer, record) for pointer, record in records if pointer.startswith(_EVENTS)]
    findings.extend(_response_order(events))
    findings.extend(_cycles(events))
    for pointer, record in events:
        kind = _kind(pointer)
        if kind is DiplomaticMeasure:
            findings.extend(_measure_dates(pointer, record))
        findings.extend(_citations(pointer, record, kind))
    findings.extend(_walk_records(data, Dataset, ""))
    return findings


def record_findings(record: dict[str, Any], kind: type, pointer: str) -> Iterator[Finding]:
    """The rules one record (of class ``kind``, at ``pointer``) can break on its own.

    E406 and W403 anywhere in it; for a measure E407 and W401; for an incident or a measure
    E408, and W402 for its casualties.
    """
    if kind is DiplomaticMeasure:
        yield from _measure_dates(pointer, record)
    if kind in EVENT_KINDS:
        yield from _citations(pointer, record, kind)
    yield from _walk_records(record, kind, pointer)


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


def cycle_message(loop: list[str]) -> str:
    """The E405 message for a cycle given as the ids along it, the first repeated at the end."""
    return "closes a cycle: " + " -> ".join(loop)


_EVENTS: Final = ("/incidents/", "/measures/")


def _kind(pointer: str) -> type:
    """The record class of a record at ``/actors/2``, ``/measures/0``..."""
    return _CLASSES[pointer.split("/")[1]]


def _records(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for key in _CLASSES:
        items = data.get(key)
        if isinstance(items, list):
            found.extend(
                (f"/{key}/{position}", item)
                for position, item in enumerate(items)
                if isinstance(item, dict)
            )
    return found


def reference_findings(
    record: dict[str, Any], kind: type, pointer: str, known: Container[str]
) -> Iterator[Finding]:
    """E402/E403 for references in ``record`` (a ``kind``) that name no id in ``known``."""
    for ref_pointer, value, kinds, is_citation in _refs(record, kind, pointer):
        if not isinstance(value, str) or id_kind(value) not in kinds or value in known:
            continue  # malformed or of the wrong kind: the schema layer says so
        if is_citation:
            yield ref_pointer, "E403", f"cites {value!r}, which is not a source in this dataset"
        else:
            yield ref_pointer, "E402", f"refers to {value!r}, which is not in this dataset"


def _refs(data: Any, kind: type, pointer: str) -> Iterator[tuple[str, Any, tuple[str, ...], bool]]:
    """(pointer, id, accepted kinds, is-a-citation) for every reference under a record's data."""
    if not isinstance(data, dict):
        return
    citation = kind is Citation
    for name, check in _fields_that_refer(kind):
        if name in data:
            yield from _refs_in(data[name], check, f"{pointer}/{name}", citation)


@cache
def _fields_that_refer(kind: type) -> tuple[tuple[str, Check], ...]:
    """The fields of ``kind`` (but its id) that can hold a reference, with their checks."""
    return tuple(
        (field.name, field.validator)
        for field in attrs.fields(kind)
        if field.name != "id" and isinstance(field.validator, Check) and _refers(field.validator)
    )


def _refers(check: Check) -> bool:
    if isinstance(check, Maybe | Each):
        return _refers(check.check)
    if isinstance(check, Ref | ClaimOf):
        return True  # a claim's claimant is a reference
    if isinstance(check, InstanceOf) and isinstance(check.kind, type) and attrs.has(check.kind):
        return bool(_fields_that_refer(check.kind))
    return False


def _refs_in(
    value: Any, check: Check, pointer: str, citation: bool
) -> Iterator[tuple[str, Any, tuple[str, ...], bool]]:
    if isinstance(check, Maybe):
        yield from _refs_in(value, check.check, pointer, citation)
    elif isinstance(check, Each) and isinstance(value, list):
        for position, item in enumerate(value):
            yield from _refs_in(item, check.check, f"{pointer}/{position}", citation)
    elif isinstance(check, Ref):
        yield pointer, value, check.kinds, citation
    elif isinstance(check, ClaimOf) and isinstance(value, dict):
        yield from _refs(value, Claim, pointer)
        if "value" in value:
            yield from _refs_in(value["value"], check.check, f"{pointer}/value", citation)
    elif isinstance(check, InstanceOf) and isinstance(check.kind, type) and attrs.has(check.kind):
        yield from _refs(value, check.kind, pointer)


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


def _response_order(events: list[tuple[str, dict[str, Any]]]) -> Iterator[Finding]:
    by_id = {
        record["id"]: (pointer, record)
        for pointer, record in events
        if isinstance(record.get("id"), str)  # other ids cannot be referred to (nor hashed)
    }
    for pointer, record in events:
        responses = record.get("in_response_to")
        when = event_date(record, _kind(pointer))
        if not isinstance(responses, list) or when is None:
            continue
        for position, trigger_id in enumerate(responses):
            trigger = by_id.get(trigger_id) if isinstance(trigger_id, str) else None
            if trigger is None:
                continue
            then = event_date(trigger[1], _kind(trigger[0]))
            message = None if then is None else response_order_message(trigger_id, then, when)
            if message is not None:
                yield f"{pointer}/in_response_to/{position}", "E404", message


def edges(pointer: str, record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(edge pointer, target id) for the record's responses and incident links."""
    responses = record.get("in_response_to")
    if isinstance(responses, list):
        for position, target in enumerate(responses):
            if isinstance(target, str):
                yield f"{pointer}/in_response_to/{position}", target
    links = record.get("links")
    if isinstance(links, list):
        for position, link in enumerate(links):
            if isinstance(link, dict) and isinstance(link.get("target"), str):
                yield f"{pointer}/links/{position}/target", link["target"]


def _cycles(events: list[tuple[str, dict[str, Any]]]) -> Iterator[Finding]:
    """E405 once per cycle, at the edge that closes it (depth-first search, iterative)."""
    graph: dict[str, list[tuple[str, str]]] = {}
    for pointer, record in events:
        record_id = record.get("id")
        if isinstance(record_id, str) and record_id not in graph:
            graph[record_id] = list(edges(pointer, record))
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    for start in graph:
        if start in state:
            continue
        path = [start]
        stack = [iter(graph[start])]
        state[start] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            edge, target = step
            if target not in graph:
                continue
            if state.get(target) == 1:
                loop = [*path[path.index(target) :], target]
                yield edge, "E405", cycle_message(loop)
            elif target not in state:
                state[target] = 1
                path.append(target)
                stack.append(iter(graph[target]))


def _measure_dates(pointer: str, record: dict[str, Any]) -> Iterator[Finding]:
    announced = _date(record.get("announced"))
    effective = _date(record.get("effective"))
    if announced is None or effective is None:
        return
    if record.get("retroactive") is True:
        if effective.is_after(announced):
            message = (
                f"a retroactive measure cannot take effect ({effective}) after its "
                f"announcement ({announced})"
            )
            yield f"{pointer}/effective", "E407", message
    elif effective.is_before(announced):
        message = (
            f"takes effect ({effective}) before its announcement ({announced}); "
            "if that is right, set retroactive to true"
        )
        yield f"{pointer}/effective", "W401", message


def _date(text: Any) -> PartialDate | None:
    if not isinstance(text, str):
        return None
    try:
        return PartialDate.parse(text)
    except FieldError:
        return None


def _citations(pointer: str, record: dict[str, Any], kind: type) -> Iterator[Finding]:
    noun = "incident" if kind is Incident else "measure"
    if not record.get("citations"):
        yield pointer, "E408", f"this {noun} cites no source; add a citation"
    casualties = record.get("casualties") if noun == "incident" else None
    if isinstance(casualties, list):
        for position, casualty in enumerate(casualties):
            if isinstance(casualty, dict) and not casualty.get("citations"):
                message = "this casualty cites no source of its own; add a citation"
                yield f"{pointer}/casualties/{position}", "W402", message


def _walk_records(data: Any, kind: type, pointer: str) -> Iterator[Finding]:
    """Counts (E406) and repeated claims (W403) anywhere in the document."""
    if not isinstance(data, dict):
        return
    if kind.__name__ == "Count":
        yield from _count_order(data, pointer)
        return
    for name, check in _fields_with_claims(kind):
        value = data.get(name)
        if value is not None:
            yield from _walk_value(value, check, f"{pointer}/{escape_pointer(name)}")


@cache
def _fields_with_claims(kind: type) -> tuple[tuple[str, Check], ...]:
    """The fields of ``kind`` that can hold a count or claims, with their checks."""
    return tuple(
        (field.name, field.validator)
        for field in attrs.fields(kind)
        if isinstance(field.validator, Check) and _holds_claims(field.validator)
    )


def _holds_claims(check: Check) -> bool:
    if isinstance(check, Maybe | Each):
        return _holds_claims(check.check)
    if isinstance(check, ClaimOf):
        return True
    if isinstance(check, InstanceOf) and isinstance(check.kind, type) and attrs.has(check.kind):
        return check.kind is Count or bool(_fields_with_claims(check.kind))
    return False


def _walk_value(value: Any, check: Check, pointer: str) -> Iterator[Finding]:
    if isinstance(check, Maybe):
        yield from _walk_value(value, check.check, pointer)
    elif isinstance(check, Each) and isinstance(value, list):
        if isinstance(check.check, ClaimOf):
            yield from _repeated_claims(value, pointer)
        for position, item in enumerate(value):
            yield from _walk_value(item, check.check, f"{pointer}/{position}")
    elif isinstance(check, ClaimOf) and isinstance(value, dict):
        inner = check.check
        if isinstance(inner, InstanceOf) and isinstance(inner.kind, type):
            yield from _walk_records(value.get("value"), inner.kind, f"{pointer}/value")
        yield from _walk_records(value, Claim, pointer)
    elif isinstance(check, InstanceOf) and isinstance(check.kind, type) and attrs.has(check.kind):
        yield from _walk_records(value, check.kind, pointer)


def _count_order(count: dict[str, Any], pointer: str) -> Iterator[Finding]:
    disorder = bounds_out_of_order(count.get("low"), count.get("best"), count.get("high"))
    if disorder is not None:
        field, _, reason = disorder
        yield f"{pointer}/{field}", "E406", reason


def _repeated_claims(claims: list[Any], pointer: str) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for position, claim in enumerate(claims):
        if not isinstance(claim, dict):
            continue
        key = json.dumps(
            [claim.get("claimed_by"), claim.get("stance", "asserts"), claim.get("value")],
            sort_keys=True,
            default=str,
        )
        if key in seen:
            message = f"repeats claim {seen[key]}: same claimant, stance and value"
            yield f"{pointer}/{position}", "W403", message
        else:
            seen[key] = position
