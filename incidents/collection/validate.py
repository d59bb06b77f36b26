"""``validate_collection``: check a folder of dataset files whole, every problem in its file.

One pass per file, then the rules across files:

1. **Per file**, the layers a single file gets from :func:`incidents.validate` (syntax,
   the JSON Schema or XSD, the record model, and the semantic rules within one record:
   E406, E407, W401, E408, W402, W403), with the same codes, messages, lines, columns and
   pointers. A file the record classes load takes the fast path; any other one goes
   through every layer. JSON Lines files are checked as a stream.
2. **Across the collection**, the semantic rules that span records run over every file at
   once (:mod:`incidents.collection._index`): ids unique, references resolved, responses
   after their triggers, measure links not into the future, no cycles. An id in two files
   is W404 when the two records are equal (the warning names both places) and E410 when
   they differ (naming the other file and the differing fields).

Problems of choosing the files (:mod:`incidents.collection.discover`) come first. Nothing
is written, and nothing raises on bad input: an unreadable file is a problem in the report.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Final

from incidents._compile.gc_pause import gc_paused
from incidents._places import Finding, path_to_pointer
from incidents.collection._index import LINE_MARK, Index
from incidents.collection.diff import changed_fields
from incidents.collection.discover import Member, discover
from incidents.collection.manifest import newer
from incidents.collection.read import KEYS
from incidents.collection.report import CollectionReport, FileProblem
from incidents.errors import FileError
from incidents.formats._text_positions import value_positions
from incidents.formats.converter import structure_record
from incidents.formats.files import open_file
from incidents.formats.json import check_json_quickly
from incidents.formats.jsonl import (
    RECORD_KINDS,
    is_header,
    located,
    numbered_lines,
    parse_line,
    record_kind,
)
from incidents.formats.xml import parse_xml
from incidents.validation._placement import placed
from incidents.validation._syntax_layer import MAX_DOCUMENT_BYTES, parse, read_file
from incidents.validation.report import Problem, Report
from incidents.validation.semantics import record_findings
from incidents.validation.stream import validate_jsonl
from incidents.validation.validator import validate

__all__ = ["CROSS_RECORD", "Checker", "Placer", "checked", "validate_collection"]

#: The codes of the rules across records: checked over the whole collection, not per file.
CROSS_RECORD: Final = frozenset({"E401", "E402", "E403", "E404", "E405", "E409"})
_CLASSES: Final = {key: RECORD_KINDS[single] for key, single in KEYS.items()}
#: Places the findings of the rules across files: file number -> findings, to problems.
Placer = Callable[[dict[int, list[Finding]]], dict[int, list[Problem]]]


def validate_collection(path: str | os.PathLike[str]) -> CollectionReport:
    """Validate the collection at ``path`` (a folder, or its ``incidents.toml``) whole.

    Every problem is a :class:`~incidents.collection.FileProblem` naming its file, with the
    line, column and pointer single-file validation gives. Never raises on bad input.
    """
    return checked(path, Checker.run)


def checked(
    path: str | os.PathLike[str], run: Callable[[Checker], list[FileProblem]]
) -> CollectionReport:
    """The report of the collection at ``path``: the problems of choosing its files, then
    those ``run`` finds with a :class:`Checker` of its files (how and where it checks them)."""
    try:
        found = discover(path)
    except FileError as error:
        problem = FileProblem(code="E100", message=error.reason, file=error.path)
        return CollectionReport((problem,), root=str(path))
    with gc_paused():
        checker = Checker(found.members, found.manifest.format)
        problems = [FileProblem.from_collection_problem(p) for p in found.problems]
        problems += run(checker)
    files = tuple(str(member.path) for member in found.members)
    return CollectionReport(tuple(problems), root=str(found.root), files=files)


class Checker:
    """The files of one collection, checked once each, then together."""

    def __init__(self, members: tuple[Member, ...], version: str | None) -> None:
        self.members = members
        self.version = version
        self.index = Index()
        self.local: dict[int, list[Problem]] = {}
        self.positions: dict[int, dict[str, tuple[int, int]]] = {}  # lines of files read again
        self.documents: dict[int, Any] = {}  # XML documents read again

    def run(self) -> list[FileProblem]:
        for number, member in enumerate(self.members):
            self.local[number] = self.check(number, member)
        return self.across()

    def check(self, number: int, member: Member) -> list[Problem]:
        """The problems of one file on its own; its records go to :meth:`add`."""
        try:
            return self._file(number, member)
        except Exception as error:  # the validator's own failure: say so, go on
            message = f"{type(error).__name__}: {error}"
            return [Problem(code="E999", message=message)]

    def add(
        self, number: int, key: str, position: int, record: dict[str, Any], kind: type, jsonl: bool
    ) -> None:
        """One record of file ``number`` for the rules across files (into the index)."""
        self.index.add(number, key, position, record, kind, jsonl)

    def across(self, place: Placer | None = None) -> list[FileProblem]:
        """The rules across files over the index, then every file's problems in order.

        ``place`` gives the problems of the findings of each file that has some (by default
        :meth:`placed`, file after file, in this process)."""
        found = self.index.findings()
        for number, problem in self._repeats():
            self.local.setdefault(number, []).append(problem)
        if place is None:
            placed_problems = {n: self.placed(self.members[n], f) for n, f in found.items()}
        else:
            placed_problems = place(found)
        problems: list[FileProblem] = []
        for number, member in enumerate(self.members):
            mine = self.local.get(number, [])
            mine += placed_problems.get(number, [])
            mine.sort(key=lambda p: (p.line or 0, p.column or 0))
            problems += [FileProblem.of(str(member.path), problem) for problem in mine]
        return problems

    # ---------------------------------------------------------------------- one file

    def _file(self, number: int, member: Member) -> list[Problem]:
        if member.format == "jsonl":
            return self._jsonl(number, member)
        content = _read(member)
        if not isinstance(content, bytes):
            return list(content.problems)
        if member.format == "xml":
            problems = _across_removed(validate(content).problems)
            try:
                data = parse_xml(content).data
            except Exception:  # the report above says why it does not parse
                return problems
            self._records(number, data, None, jsonl=False)
            return problems + self._version(data)
        try:
            text: str | None = content.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        data = check_json_quickly(text) if text is not None else None
        if data is not None:  # the fast path: only the semantic layer can find anything
            local: list[Finding] = []
            self._records(number, data, local, jsonl=False)
            problems = list(placed(data, local, text).problems) if local else []
            return problems + self._version(data)
        problems = _across_removed(validate(content).problems)
        parsed = parse(content)
        if isinstance(parsed, tuple):
            self._records(number, parsed[0], None, jsonl=False)
            problems += self._version(parsed[0])
        return problems

    def _records(self, number: int, data: Any, local: list[Finding] | None, jsonl: bool) -> None:
        if not isinstance(data, dict):
            return
        add = self.add
        for key, kind in _CLASSES.items():
            items = data.get(key)
            if not isinstance(items, list):
                continue
            for position, record in enumerate(items):
                if isinstance(record, dict):
                    add(number, key, position, record, kind, jsonl)
                    if local is not None:
                        local += record_findings(record, kind, f"/{key}/{position}")

    def _jsonl(self, number: int, member: Member) -> list[Problem]:
        try:
            problems = _across_removed(validate_jsonl(member.path))
            with open_file(member.path) as stream:
                for line_number, line in numbered_lines(stream):
                    data, _, trouble = parse_line(line_number, line)
                    if trouble:
                        continue
                    if line_number == 1 and is_header(data):
                        problems += self._version(data, line=1)
                        continue
                    key = record_kind(data)[0]
                    if key is not None and isinstance(data[key], dict):
                        kind = RECORD_KINDS[key]
                        self.add(number, key, line_number, data[key], kind, True)
        except FileError as error:
            return [Problem(code="E100", message=error.reason)]
        except OSError as error:
            return [Problem(code="E100", message=error.strerror or str(error))]
        return problems

    def _version(self, data: Any, line: int | None = None) -> list[Problem]:
        """E113 if the file declares a version newer than the manifest's format."""
        version = data.get("schema_version") if isinstance(data, dict) else None
        if not (self.version and isinstance(version, str)):
            return []
        try:
            if not newer(version, self.version):
                return []
        except (IndexError, ValueError):  # not a 1.x version: the schema layer says so
            return []
        message = (
            f"declares schema version {version}, newer than the collection's format "
            f"{self.version} (incidents.toml)"
        )
        return [Problem(code="E113", message=message, location="/schema_version", line=line)]

    # ------------------------------------------------------------- across the files

    def placed(self, member: Member, findings: list[Finding]) -> list[Problem]:
        """Findings of the rules across files, at their lines and columns in the file."""
        if member.format == "jsonl":
            by_line: dict[int, list[Finding]] = {}
            for pointer, code, message in findings:
                number_text, _, inner = pointer.partition(LINE_MARK)
                by_line.setdefault(int(number_text), []).append((inner, code, message))
            problems = []
            for line_number, text in self._lines(member, set(by_line)).items():
                for p in located(line_number, text, by_line[line_number]):
                    location = path_to_pointer(p.path)
                    problems.append(
                        Problem(
                            code=p.code,
                            message=p.message,
                            location=location,
                            line=p.line,
                            column=p.column,
                        )
                    )
            return problems
        content = member.path.read_bytes()
        if member.format == "xml":
            document = parse_xml(content)
            problems = []
            for pointer, code, message in findings:
                xpath, xml_line = document.where(pointer)
                problems.append(Problem(code=code, message=message, location=xpath, line=xml_line))
            return problems
        return list(placed(None, findings, content.decode("utf-8")).problems)

    def _lines(self, member: Member, wanted: set[int]) -> dict[int, str]:
        lines: dict[int, str] = {}
        with open_file(member.path) as stream:
            for number, line in numbered_lines(stream):
                if number in wanted and line is not None:
                    lines[number] = line.decode("utf-8") if isinstance(line, bytes) else line
        return lines

    def _repeats(self) -> list[tuple[int, Problem]]:
        """W404 or E410 for each record whose id a record of another file has."""
        found = []
        loaded: dict[int, Any] = {}
        for entry, number, key, position in self.index.repeats:
            record_id, first_number, first_key, first_position = self.index.places[entry]
            first = self._record(first_number, first_key, first_position, loaded)
            second = self._record(number, key, position, loaded)
            where = self._where(first_number, first_key, first_position)
            member = self.members[number]
            jsonl = member.format == "jsonl"
            pointer = f"/{key}/id" if jsonl else f"/{key}/{position}/id"
            differences = _differences(first, second, key)
            if differences:
                code = "E410"
                message = (
                    f"id {record_id!r} names a different record in {where}; "
                    f"they differ in: {', '.join(differences)}"
                )
            else:
                code = "W404"
                message = f"the same record is in {where}; it counts once"
            line, column = self._position(number, key, position, pointer)
            location = self._xpath(number, pointer) if member.format == "xml" else pointer
            problem = Problem(
                code=code, message=message, location=location, line=line, column=column
            )
            found.append((number, problem))
        return found

    def _xpath(self, number: int, pointer: str) -> str:
        xpath: str = self._xml(number).where(pointer)[0]
        return xpath

    def _xml(self, number: int) -> Any:
        """The parsed XML document of a file read again (once)."""
        if number not in self.documents:
            self.documents[number] = parse_xml(self.members[number].path.read_bytes())
        return self.documents[number]

    def _record(self, number: int, key: str, position: int, loaded: dict[int, Any]) -> Any:
        member = self.members[number]
        if member.format == "jsonl":
            line = self._lines(member, {position}).get(position)
            data = parse_line(position, line)[0] if line is not None else None
            return data.get(key) if isinstance(data, dict) else None
        if number not in loaded:
            content = member.path.read_bytes()
            if member.format == "xml":
                loaded[number] = self._xml(number).data
            else:
                parsed = parse(content)
                loaded[number] = parsed[0] if isinstance(parsed, tuple) else None
        data = loaded[number]
        items = data.get(key) if isinstance(data, dict) else None
        return items[position] if isinstance(items, list) and position < len(items) else None

    def _where(self, number: int, key: str, position: int) -> str:
        """A record's place for a message: ``file:line (at pointer)``."""
        member = self.members[number]
        if member.format == "jsonl":
            return f"{member.path}:{position} (at /{key})"
        pointer = f"/{key}/{position}"
        line, _ = self._position(number, key, position, pointer)
        return f"{member.path}:{line} (at {pointer})" if line else f"{member.path} (at {pointer})"

    def _position(
        self, number: int, key: str, position: int, pointer: str
    ) -> tuple[int | None, int | None]:
        member = self.members[number]
        if member.format == "jsonl":
            text = self._lines(member, {position}).get(position, "")
            spots = value_positions(text) if text else {}
            inner = spots.get(pointer, (1, 1))
            return position, inner[1]
        if member.format == "xml":
            return self._xml(number).where(pointer)[1], None
        if number not in self.positions:
            self.positions[number] = value_positions(member.path.read_bytes().decode("utf-8"))
        return self.positions[number].get(pointer, (None, None))


def _read(member: Member) -> bytes | Report:
    """The bytes of a file, or the report of why they cannot be read (as validate says)."""
    try:
        if member.path.stat().st_size <= MAX_DOCUMENT_BYTES:
            return member.path.read_bytes()  # not read_file's buffer of the largest size
    except OSError:
        pass
    return read_file(member.path)


def _across_removed(problems: Any) -> list[Problem]:
    """A file's problems without those of the rules across records (checked on the whole)."""
    return [problem for problem in problems if problem.code not in CROSS_RECORD]


def _differences(first: Any, second: Any, key: str) -> list[str]:
    """The fields in which two versions of a record differ (none: they are equal)."""
    kind = _CLASSES[key] if key in _CLASSES else RECORD_KINDS[key]
    try:
        one, two = structure_record(first, kind), structure_record(second, kind)
    except Exception:  # either is broken (its file's report says how): compare the data
        if first == second:
            return []
        if not (isinstance(first, dict) and isinstance(second, dict)):
            return ["(the whole record)"]
        return sorted(name for name in {*first, *second} if first.get(name) != second.get(name))
    return changed_fields(one, two)
