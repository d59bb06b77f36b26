"""The first pass of JSON Lines validation: a compact index of a file's records.

Ids go into an open-addressing table over flat arrays (two 64-bit keyed hashes per id);
incidents and measures keep their dates packed into integers and their edges (responses and
incident links) as table entries; the cycles among them are found on that graph. Nothing
here holds a record, nor the text of an id (but those of records in a cycle, for the
message), so memory grows by tens of bytes a record.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import Final, get_args

from incidents.formats.jsonl import RECORD_KINDS, is_header, parse_line, record_kind
from incidents.model.dates import DatePoint, Missing, PartialDate, Unspecified
from incidents.validation.semantics import EVENT_KINDS, cycle_message, edges, event_date

__all__ = ["NONE", "IdTable", "Index", "pack_date", "record_ids", "unpack_date"]

#: "No entry", "no event" in the index's arrays.
NONE: Final = -1


class Index:
    """What the first pass learns, in flat arrays: ids, event dates and the event graph.

    Entries number the distinct ids in order of first appearance; events number the
    incidents and measures (with an object as record) in file order.
    """

    def __init__(self) -> None:
        self.ids = IdTable()
        self.first_line = array("i")  # entry -> line of its first record
        self.first_event = array("i")  # entry -> first event with the id (its graph node)
        self.last_event = array("i")  # entry -> last event with the id (its date counts)
        self.event_entry = array("i")  # event -> entry of its id, or -1
        self.earliest = array("i")  # event -> first day (ordinal) of its date, 0 if none
        self.packed = array("q")  # event -> its date, packed
        self.edge_start = array("q", [0])  # event -> where its edges start in the arrays below
        self.edge_hash = array("q")  # edge -> target id's two hashes
        self.edge_target = array("i")  # edge -> target's entry (once the hashes are resolved)
        self.cycles: dict[tuple[int, int], list[int]] = {}  # (event, edge) -> entries
        self.names: dict[int, str] = {}  # entry -> id, for the entries in cycles

    def scan(self, number: int, line: bytes | str | None) -> None:
        """Index the record on line ``number`` (lines that do not parse hold none)."""
        data, _, problems = parse_line(number, line)
        if problems:
            return
        key = None if number == 1 and is_header(data) else record_kind(data)[0]
        if key is None or not isinstance(data[key], dict):
            return
        record = data[key]
        cls = RECORD_KINDS[key]
        record_id = record.get("id")
        entry = NONE
        if isinstance(record_id, str):
            entry, new = self.ids.add(record_id)
            if new:
                self.first_line.append(number)
                self.first_event.append(NONE)
                self.last_event.append(NONE)
        if cls not in EVENT_KINDS:
            return
        event = len(self.event_entry)
        self.event_entry.append(entry)
        if entry != NONE:
            if self.first_event[entry] == NONE:
                self.first_event[entry] = event
            self.last_event[entry] = event
        when = event_date(record, cls)
        self.earliest.append(when.earliest.toordinal() if when is not None else 0)
        self.packed.append(pack_date(when) if when is not None else 0)
        for _, target in edges("", record):
            self.edge_hash.extend(IdTable.hashes(target))
        self.edge_start.append(len(self.edge_hash) // 2)

    def finish(self) -> None:
        """Resolve the edges to entries and find the cycles."""
        hashes = self.edge_hash
        targets = array("i", bytes(4 * (len(hashes) // 2)))
        for edge in range(len(targets)):
            targets[edge] = self.ids.find_hashes(hashes[2 * edge], hashes[2 * edge + 1])
        self.edge_target = targets
        self.edge_hash = array("q")
        self._find_cycles()

    def _find_cycles(self) -> None:
        """Depth-first search from each event in file order, as for JSON documents."""
        targets, first_event, edge_start = self.edge_target, self.first_event, self.edge_start
        state = bytearray(len(first_event))  # 1 on the current path, 2 finished
        for event, start in enumerate(self.event_entry):
            if start == NONE or first_event[start] != event or state[start]:
                continue
            path = [start]
            stack = [edge_start[event]]
            state[start] = 1
            while stack:
                node = path[-1]
                position = stack[-1]
                if position == edge_start[first_event[node] + 1]:
                    state[node] = 2
                    path.pop()
                    stack.pop()
                    continue
                stack[-1] = position + 1
                target = targets[position]
                if target == NONE or first_event[target] == NONE:
                    continue
                if state[target] == 1:
                    owner = first_event[node]
                    loop = [*path[path.index(target) :], target]
                    self.cycles[(owner, position - edge_start[owner])] = loop
                elif state[target] == 0:
                    state[target] = 1
                    path.append(target)
                    stack.append(edge_start[first_event[target]])

    def name_cycles(self, lines: Iterator[tuple[int, bytes | str | None]]) -> None:
        """Read the ids of the records in cycles (a short pass that parses only their lines)."""
        wanted = {self.first_line[entry] for loop in self.cycles.values() for entry in loop}
        for number, line in lines:
            if number not in wanted:
                continue
            data, _, _ = parse_line(number, line)
            key = None if number == 1 and is_header(data) else record_kind(data)[0]
            record_id = data[key].get("id") if key and isinstance(data[key], dict) else None
            if isinstance(record_id, str):
                self.names[self.ids.find(record_id)] = record_id

    def cycle_message(self, event: int, edge: int) -> str | None:
        loop = self.cycles.get((event, edge))
        if loop is None:
            return None
        return cycle_message([self.names.get(entry, "?") for entry in loop])

    def event_date_of(self, entry: int) -> tuple[int, int]:
        """(first day as an ordinal, packed date) of the last event with the entry's id."""
        event = self.last_event[entry]
        if event == NONE:
            return 0, 0
        return self.earliest[event], self.packed[event]


class IdTable:
    """A set of ids that numbers them: open addressing over flat arrays of hashes.

    An id is known by two 64-bit hashes from Python's keyed string hash (random per process,
    so no input can be crafted to collide); two distinct ids would have to agree on 128
    bits to be confused.
    """

    def __init__(self) -> None:
        self.slots = array("i", [NONE]) * 1024  # slot -> entry
        self.first = array("q")  # entry -> first hash
        self.second = array("q")  # entry -> second hash

    @staticmethod
    def hashes(text: str) -> tuple[int, int]:
        return hash(text), hash(text + "\x00")

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.find(text) != NONE

    def find(self, text: str) -> int:
        """The entry of ``text``, or -1."""
        return self.find_hashes(*self.hashes(text))

    def find_hashes(self, first: int, second: int) -> int:
        slots, mask = self.slots, len(self.slots) - 1
        slot = first & mask
        while True:
            entry = slots[slot]
            if entry == NONE:
                return NONE
            if self.first[entry] == first and self.second[entry] == second:
                return entry
            slot = (slot + 1) & mask

    def add(self, text: str) -> tuple[int, bool]:
        """The entry of ``text`` and whether it is new."""
        first, second = self.hashes(text)
        slots, mask = self.slots, len(self.slots) - 1
        slot = first & mask
        while True:
            entry = slots[slot]
            if entry == NONE:
                break
            if self.first[entry] == first and self.second[entry] == second:
                return entry, False
            slot = (slot + 1) & mask
        entry = len(self.first)
        slots[slot] = entry
        self.first.append(first)
        self.second.append(second)
        if 2 * len(self.first) > len(slots):
            self._grow()
        return entry, True

    def _grow(self) -> None:
        self.slots = slots = array("i", [NONE]) * (2 * len(self.slots))
        mask = len(slots) - 1
        for entry, first in enumerate(self.first):
            slot = first & mask
            while slots[slot] != NONE:
                slot = (slot + 1) & mask
            slots[slot] = entry


def record_ids(lines: Iterable[tuple[int, bytes | str | None]], most: int) -> list[str]:
    """The ids of the records on ``lines``, in file order, stopping past ``most`` of them."""
    ids: list[str] = []
    for number, line in lines:
        data, _, problems = parse_line(number, line)
        if problems:
            continue
        key = None if number == 1 and is_header(data) else record_kind(data)[0]
        record = None if key is None else data[key]
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            ids.append(record["id"])
            if len(ids) > most:
                break
    return ids


def pack_date(date: PartialDate) -> int:
    """A partial date as one integer (61 bits): each end in 28 bits, then whether there is
    an end point and why an end is missing (2 bits each)."""
    packed = 0 if date.start is None else _pack_point(date.start)
    if date.end is not None:
        packed |= _pack_point(date.end) << 28 | 1 << 56
    return (
        packed
        | _MISSING_CODES.index(date.start_missing) << 57
        | _MISSING_CODES.index(date.end_missing) << 59
    )


_UNSPECIFIED_CODES: Final[tuple[Unspecified | None, ...]] = (None, *get_args(Unspecified))
_MISSING_CODES: Final[tuple[Missing | None, ...]] = (None, *get_args(Missing))


def _pack_point(point: DatePoint) -> int:
    return (
        point.year << 14
        | (point.month or 0) << 10
        | (point.day or 0) << 5
        | _UNSPECIFIED_CODES.index(point.unspecified) << 2
        | point.approximate << 1
        | point.uncertain
    )


def unpack_date(value: int) -> PartialDate:
    start_missing = _MISSING_CODES[value >> 57 & 3]
    return PartialDate(
        start=None if start_missing else _unpack_point(value & (1 << 28) - 1),
        end=_unpack_point(value >> 28 & (1 << 28) - 1) if value >> 56 & 1 else None,
        start_missing=start_missing,
        end_missing=_MISSING_CODES[value >> 59 & 3],
    )


def _unpack_point(value: int) -> DatePoint:
    return DatePoint(
        year=value >> 14,
        month=value >> 10 & 15 or None,
        day=value >> 5 & 31 or None,
        approximate=bool(value & 2),
        uncertain=bool(value & 1),
        unspecified=_UNSPECIFIED_CODES[value >> 2 & 7],
    )
