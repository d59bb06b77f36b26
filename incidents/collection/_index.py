"""The rules across the files of a collection, over an index that holds no record.

Each file is read once; its records pass through :meth:`Index.add` as plain data, and the
index keeps only what the rules across records need: each id and where its first record is,
the date of each event, its edges (responses and links), and the references not resolved so
far. Memory grows with the number of ids and edges, not with the size of the records.

:meth:`Index.findings` then gives, file by file, the findings of the semantic rules that
span records, exactly as :mod:`incidents.validation.semantics` words them for one document:
E401 an id used twice in one file, E402 and E403 references that resolve nowhere in the
collection, E404 responses before their triggers, E409 measure links into the future,
E405 cycles. Ids used in two files are left to the caller (:attr:`Index.repeats`): whether
the two records are equal (W404) or not (E410) needs their content.

A place is a JSON Pointer; on a JSON Lines line it is ``"<line>\\x00<pointer>"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from incidents._compile.semantic_plan import Candidate, reference_walker, unresolved
from incidents._places import Finding
from incidents.model.dates import PartialDate
from incidents.model.events import Incident
from incidents.model.measures import DiplomaticMeasure
from incidents.validation._date_spans import DaySpan, day_span
from incidents.validation.semantics import (
    EVENT_KINDS,
    cycle_message,
    duplicate_id_message,
    edges,
    link_order_message,
    ordered_links,
    response_order_message,
)

__all__ = ["LINE_MARK", "Index", "Place"]

#: Separates a JSON Lines line number from the pointer within the line.
LINE_MARK: Final = "\x00"
#: (file number, record list key, position in the list; for JSON Lines, the line number).
Place = tuple[int, str, int]


class Index:
    """What the rules across files need, gathered one record at a time."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}  # id -> entry
        self.places: list[tuple[str, int, str, int]] = []  # entry -> (id, file, key, position)
        #: (entry of the first record, file, key, position) of each record whose id a record
        #: of another file has already used.
        self.repeats: list[tuple[int, int, str, int]] = []
        self.dates: dict[int, DaySpan] = {}  # entry -> date of its first event
        self.graph: dict[int, list[tuple[int, str, str]]] = {}  # entry -> (file, edge, target)
        self.candidates: dict[int, list[Candidate]] = {}  # file -> references not yet known
        self.found: dict[int, list[Finding]] = {}  # file -> findings
        # Responses and links whose target was not yet known: (file, edge, target, when, kind)
        self.pending: list[tuple[int, str, str, DaySpan, str | None]] = []
        self.spans: dict[str, DaySpan] = {}

    def place_name(self, file: int, key: str, position: int, jsonl: bool) -> str:
        """The pointer of a record (with its line on a JSON Lines line)."""
        return f"{position}{LINE_MARK}/{key}" if jsonl else f"/{key}/{position}"

    def add(
        self, file: int, key: str, position: int, record: dict[str, Any], kind: type, jsonl: bool
    ) -> None:
        """The record at ``position`` of the list ``key`` of file number ``file`` (for JSON
        Lines: on line ``position``, ``key`` the line's record key)."""
        pointer = self.place_name(file, key, position, jsonl)
        record_id = record.get("id")
        first: int | None = None  # the entry, when this is the first record with the id
        if isinstance(record_id, str):
            entry = self.ids.get(record_id)
            if entry is None:
                entry = self.ids[record_id] = len(self.places)
                self.places.append((record_id, file, key, position))
                first = entry
            elif self.places[entry][1] == file:
                _, _, first_key, first_position = self.places[entry]
                where = (
                    f"line {first_position}"
                    if jsonl
                    else self.place_name(file, first_key, first_position, False)
                )
                message = duplicate_id_message(record_id, where)
                self._find(file, (f"{pointer}/id", "E401", message))
            else:
                self.repeats.append((entry, file, key, position))
        candidates = self.candidates.setdefault(file, [])
        if jsonl:
            reference_walker(kind)(record, self.ids, candidates, pointer, "")
        else:
            reference_walker(kind)(record, self.ids, candidates, f"/{key}/", position)
        if kind in EVENT_KINDS:
            self._event(file, pointer, record, kind, first)

    def _event(
        self, file: int, pointer: str, record: dict[str, Any], kind: type, entry: int | None
    ) -> None:
        when = self._when(record, kind is Incident)
        if entry is not None:
            self.dates[entry] = when
            self.graph[entry] = [(file, edge, target) for edge, target in edges(pointer, record)]
        if when is None:
            return
        responses = record.get("in_response_to")
        if isinstance(responses, list):
            for position, target in enumerate(responses):
                if isinstance(target, str):
                    self._order(file, f"{pointer}/in_response_to/{position}", target, when, None)
        if kind is DiplomaticMeasure and record.get("links"):
            for edge, target, link in ordered_links(pointer, record):
                self._order(file, edge, target, when, link)

    def _when(self, record: dict[str, Any], incident: bool) -> DaySpan:
        for name in ("date",) if incident else ("announced", "effective"):
            text = record.get(name)
            if isinstance(text, str):
                return day_span(text, self.spans)
        return None

    def _order(self, file: int, edge: str, target: str, when: DaySpan, link: str | None) -> None:
        """E404 (``link`` None) or E409 now if the target's date is known, else later."""
        entry = self.ids.get(target)
        if entry is None or entry not in self.dates:
            self.pending.append((file, edge, target, when, link))
            return
        finding = self._late(edge, target, when, link)
        if finding is not None:
            self._find(file, finding)

    def _late(self, edge: str, target: str, when: DaySpan, link: str | None) -> Finding | None:
        entry = self.ids.get(target)
        then = self.dates.get(entry) if entry is not None else None
        if then is None or when is None or not when[2] < then[1]:
            return None
        before, after = PartialDate.parse(then[0]), PartialDate.parse(when[0])
        if link is not None:
            return edge, "E409", link_order_message(link, target, before, after)
        message = response_order_message(target, before, after)
        return None if message is None else (edge, "E404", message)

    def _find(self, file: int, finding: Finding) -> None:
        self.found.setdefault(file, []).append(finding)

    def findings(self) -> dict[int, list[Finding]]:
        """Every finding of the rules across records, by file (call once, at the end)."""
        for file, candidates in self.candidates.items():
            for finding in unresolved(candidates, self.ids):
                self._find(file, finding)
        for file, edge, target, when, link in self.pending:
            late = self._late(edge, target, when, link)
            if late is not None:
                self._find(file, late)
        for file, finding in self._cycles():
            self._find(file, finding)
        return self.found

    def _cycles(self) -> Iterator[tuple[int, Finding]]:
        """E405 once per cycle, at the edge that closes it (iterative depth-first search
        from each event in turn, as for one document)."""
        graph = self.graph
        state: dict[int, int] = {}  # 1 on the current path, 2 finished
        for root in graph:
            if root in state:
                continue
            state[root] = 1
            path = [root]
            cursor = [0]
            while path:
                node = path[-1]
                out = graph[node]
                edge = cursor[-1]
                while edge < len(out):
                    file, place, target_id = out[edge]
                    edge += 1
                    target = self.ids.get(target_id)
                    if target is None or target not in graph:
                        continue
                    seen = state.get(target, 0)
                    if not seen:
                        cursor[-1] = edge
                        state[target] = 1
                        path.append(target)
                        cursor.append(0)
                        break
                    if seen == 1:
                        names = [self.places[step][0] for step in path]
                        start = path.index(target)
                        loop = [*names[start:], names[start]]
                        yield file, (place, "E405", cycle_message(loop))
                else:
                    state[node] = 2
                    path.pop()
                    cursor.pop()
