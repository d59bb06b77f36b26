"""Validate a JSON Lines dataset as a stream, in memory that does not hold the records.

The file is read twice, one line at a time:

1. **Index.** Each record's id goes into a compact table (two 64-bit keyed hashes per id in
   flat arrays, about 40 bytes an id); each incident and measure keeps its date packed into
   two integers and its edges (responses and incident links) as table entries. The cycles
   among incidents and measures (E405) are then found on that compact graph.
2. **Check.** Each line goes through the same layers as a JSON document: strict JSON, the
   JSON Schema definition of its record kind, the record model, and the semantic rules,
   within the record (:func:`~incidents.validation.semantics.record_findings`) and across
   lines against the index (unique ids, references that resolve, forward ones included,
   responses not before their triggers, cycles). The problems of each line are yielded as
   soon as the line is checked, so they come in line order and are never all held at once.

A line the record classes accept is not also run through the JSON Schema: the schema is
generated from those classes and the differential tests hold the two to the same verdict.
A line they refuse goes through both, so its messages are those of a JSON document.

Locations are a JSON Pointer within the line's object (``/incident/date``) with the line
number and the column.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from typing import IO, Any, Final

import attrs

from incidents._places import Finding, path_to_pointer
from incidents.errors import FileError, ParseProblem
from incidents.formats._marks import flag_findings
from incidents.formats.bounded import seekable
from incidents.formats.files import MAX_FILE_BYTES, open_file
from incidents.formats.jsonl import (
    RECORD_KINDS,
    empty_document,
    header_findings,
    is_header,
    located,
    missing_header,
    numbered_lines,
    parse_line,
    record_kind,
)
from incidents.model.measures import DiplomaticMeasure
from incidents.validation._record_layers import record_shape_findings
from incidents.validation._stream_index import NONE, Index, record_ids, unpack_date
from incidents.validation._suggestions import MAX_IDS, Suggester
from incidents.validation.report import Problem
from incidents.validation.semantics import (
    EVENT_KINDS,
    duplicate_id_message,
    edges,
    event_date,
    link_order_message,
    ordered_links,
    record_findings,
    reference_findings,
    response_order_message,
)

__all__ = ["MAX_LINES", "PROGRESS_EVERY", "Progress", "validate_jsonl"]

#: Called with (bytes done, bytes to do) as the check advances; both passes count.
Progress = Callable[[int, int], None]
#: The most lines a file may have (the index numbers lines with 32-bit integers).
MAX_LINES: Final = 2**31 - 1
#: How many lines pass between two progress calls.
PROGRESS_EVERY: Final = 2000


def validate_jsonl(
    source: str | os.PathLike[str] | IO[bytes], progress: Progress | None = None
) -> Iterator[Problem]:
    """Every problem in a JSON Lines dataset, line by line, as it is found.

    ``source`` is a path or a binary stream; a stream that cannot seek (standard input, a
    pipe, a FIFO) is first copied to a temporary file (up to 1 GiB), since the check reads
    the data twice. Problems carry
    the line, the column and a JSON Pointer within the line's object. A file that cannot be
    read raises :class:`~incidents.FileError`; anything wrong with the content is a problem.
    """
    with contextlib.ExitStack() as stack:
        stream = _open(source, stack)
        start = stream.tell()
        total = stream.seek(0, os.SEEK_END) - start
        stream.seek(start)
        index = Index()
        report = _reporter(progress, 2 * total)
        try:
            for number, line in numbered_lines(stream):
                if number > MAX_LINES:
                    reason = f"has more than {MAX_LINES} lines, the most a stream check takes"
                    raise FileError(_name(source), reason)
                index.scan(number, line)
                report(number, line, 0)
            index.finish()
            if index.cycles:
                stream.seek(start)
                index.name_cycles(numbered_lines(stream))
            stream.seek(start)
            checker = _Checker(index)
            held: list[Problem] | None = None  # from the first dangling reference on
            for number, line in numbered_lines(stream):
                for problem in checker.check(number, line):
                    if held is None and problem.code in ("E402", "E403"):
                        held = []
                    if held is None:
                        yield problem
                    else:
                        held.append(problem)
                report(number, line, total)
            if held:  # a third pass, for did-you-mean: the ids, as strings
                stream.seek(start)
                ids = record_ids(numbered_lines(stream), MAX_IDS)
                suggester = Suggester(lambda: ids)
                for kept in held:
                    message = suggester.message(kept.code, kept.message)
                    yield attrs.evolve(kept, message=message)
        except OSError as error:
            raise FileError(_name(source), error.strerror or str(error)) from None
        if checker.lines == 0:
            empty = empty_document()
            yield Problem(code=empty.code, message=empty.message, line=1, column=1)


def _name(source: object) -> str:
    if isinstance(source, str | os.PathLike):
        return str(source)
    return str(getattr(source, "name", "<stream>"))


def _open(source: str | os.PathLike[str] | IO[bytes], stack: contextlib.ExitStack) -> IO[bytes]:
    """The source as a stream that can seek: a pipe, FIFO or device (by path or as a stream)
    is first copied to a temporary file, up to :data:`~incidents.formats.files.MAX_FILE_BYTES`."""
    if isinstance(source, str | os.PathLike):
        stream: IO[bytes] = stack.enter_context(open_file(source))
    else:
        stream = source
    return seekable(stream, MAX_FILE_BYTES, _name(source), stack)


def _reporter(progress: Progress | None, total: int) -> Callable[[int, Any, int], None]:
    """A function counting bytes line by line and calling ``progress`` now and then."""
    done = [0, 0]  # bytes in this pass, pass offset

    def report(number: int, line: Any, offset: int) -> None:
        if progress is None:
            return
        if offset != done[1]:
            done[:] = [0, offset]
        done[0] += (len(line) if line is not None else 0) + 1
        if number % PROGRESS_EVERY == 0:
            progress(min(offset + done[0], total), total)

    return report


class _Checker:
    """The second pass: every layer for each line, with the index for the rules across lines."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.lines = 0
        self.event = -1  # the number of the last event seen

    def check(self, number: int, line: bytes | str | None) -> list[Problem]:
        self.lines = number
        try:
            data, flagged, problems = parse_line(number, line)
            if not problems:
                problems = self._check(number, line, data, flagged)
        except Exception as error:  # the validator's own failure: say so, go on
            message = f"{type(error).__name__}: {error}"
            problems = [ParseProblem("$", message, number, None, "E999")]
        return [
            Problem(
                code=problem.code,
                message=problem.message,
                location=path_to_pointer(problem.path),
                line=problem.line,
                column=problem.column,
            )
            for problem in problems
        ]

    def _check(
        self, number: int, line: bytes | str | None, data: Any, flagged: bool
    ) -> list[ParseProblem]:
        findings: list[Finding] = list(flag_findings(data, "")) if flagged else []
        key = None
        if number == 1 and is_header(data):
            findings += header_findings(data)
        else:
            if number == 1:
                findings.append(missing_header())
            key, wrapper = record_kind(data)
            findings += wrapper
        if key is not None:
            findings += self._record(number, key, data[key], flagged)
        if not findings:
            return []
        text = line.decode("utf-8") if isinstance(line, bytes) else line or ""
        return located(number, text, findings)

    def _record(self, number: int, key: str, value: Any, flagged: bool) -> list[Finding]:
        cls = RECORD_KINDS[key]
        pointer = f"/{key}"
        findings = record_shape_findings(value, cls, pointer, flagged)
        if not isinstance(value, dict):
            return findings
        findings += record_findings(value, cls, pointer)
        index = self.index
        record_id = value.get("id")
        entry = index.ids.find(record_id) if isinstance(record_id, str) else NONE
        if isinstance(record_id, str) and entry != NONE and index.first_line[entry] != number:
            first = f"line {index.first_line[entry]}"
            findings.append((f"{pointer}/id", "E401", duplicate_id_message(record_id, first)))
        findings += reference_findings(value, cls, pointer, index.ids)
        if cls in EVENT_KINDS:
            self.event += 1
            findings += self._responses(value, cls, pointer)
            findings += self._link_order(value, cls, pointer)
            for position, (edge, _) in enumerate(edges(pointer, value)):
                message = index.cycle_message(self.event, position)
                if message is not None:
                    findings.append((edge, "E405", message))
        return findings

    def _link_order(self, record: dict[str, Any], cls: type, pointer: str) -> list[Finding]:
        """E409: measure links to measures that certainly happened after this one."""
        if cls is not DiplomaticMeasure or not record.get("links"):
            return []
        when = event_date(record, cls)
        if when is None:
            return []
        latest = when.latest.toordinal()
        findings: list[Finding] = []
        for edge, target, kind in ordered_links(pointer, record):
            entry = self.index.ids.find(target)
            earliest, packed = self.index.event_date_of(entry) if entry != NONE else (0, 0)
            if earliest == 0 or latest >= earliest:
                continue
            message = link_order_message(kind, target, unpack_date(packed), when)
            findings.append((edge, "E409", message))
        return findings

    def _responses(self, record: dict[str, Any], cls: type, pointer: str) -> list[Finding]:
        """E404: responses to events that certainly happened after this one."""
        responses = record.get("in_response_to")
        when = event_date(record, cls)
        if not isinstance(responses, list) or when is None:
            return []
        latest = when.latest.toordinal()
        findings: list[Finding] = []
        for position, trigger_id in enumerate(responses):
            if not isinstance(trigger_id, str):
                continue
            entry = self.index.ids.find(trigger_id)
            earliest, packed = self.index.event_date_of(entry) if entry != NONE else (0, 0)
            if earliest == 0 or latest >= earliest:
                continue
            message = response_order_message(trigger_id, unpack_date(packed), when)
            if message is not None:
                findings.append((f"{pointer}/in_response_to/{position}", "E404", message))
        return findings
