"""JSON Lines in and out: one record per line, for datasets read and checked as a stream.

The format (``.jsonl``, see ``docs/jsonl.md``): UTF-8, one JSON object per line, lines ended
by a line feed. Line 1 is the header ``{"schema_version":"1.0"}``. Every other line holds one
record, as an object with exactly one key naming its kind (``actor``, ``source``,
``incident`` or ``measure``) whose value is the record exactly as in the JSON format::

    {"schema_version":"1.0"}
    {"actor":{"id":"actor:russia","kind":"state","name":"Russia","country":"RU"}}
    {"source":{"id":"source:ap","title":"AP"}}

Blank lines are not allowed. Writing is deterministic: compact separators, keys in field
declaration order, fields equal to their defaults omitted, actors first, then sources,
incidents and measures, a final line feed. Reading is as strict as for JSON documents, line
by line; :func:`iter_records` reads one record at a time from a stream.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any, Final

import attrs

from incidents._places import Finding, escape_pointer, path_to_pointer, pointer_to_path
from incidents.errors import ArgumentError, ParseError, ParseProblem
from incidents.formats._diagnosis import describe, diagnose
from incidents.formats._marks import Flagged, flag_findings
from incidents.formats._strict_json import parse_json
from incidents.formats._text_positions import value_positions
from incidents.formats.converter import converter, structure_record
from incidents.model.actors import Actor
from incidents.model.dataset import SCHEMA_VERSION, Dataset, Record
from incidents.model.events import Incident
from incidents.model.measures import DiplomaticMeasure
from incidents.model.sources import Source

__all__ = [
    "HEADER_EXAMPLE",
    "MAX_LINE_BYTES",
    "RECORD_KINDS",
    "from_jsonl",
    "header_findings",
    "iter_jsonl",
    "iter_records",
    "numbered_lines",
    "record_kind",
    "to_jsonl",
]

#: The key that names each kind of record on a line, and the record's class.
RECORD_KINDS: Final[dict[str, type[Record]]] = {
    "actor": Actor,
    "source": Source,
    "incident": Incident,
    "measure": DiplomaticMeasure,
}
#: Lines longer than this (in bytes) are refused without being read whole (16 MiB).
MAX_LINE_BYTES: Final = 16 * 1024 * 1024
#: The header as this library writes it, for messages.
HEADER_EXAMPLE: Final = f'{{"schema_version":"{SCHEMA_VERSION}"}}'

_VERSION: Final = re.compile(attrs.fields(Dataset).schema_version.validator.regex)  # type: ignore[union-attr]
_KIND_NAMES: Final = ", ".join(RECORD_KINDS)
_FIELDS: Final = {cls: key for key, cls in RECORD_KINDS.items()}


def iter_jsonl(dataset: Dataset) -> Iterator[str]:
    """The lines of :func:`to_jsonl`, one at a time, each ending with a line feed."""
    _check_dataset("iter_jsonl", dataset)
    return _lines(dataset)


def _check_dataset(function: str, dataset: object) -> None:
    if not isinstance(dataset, Dataset):
        reason = f"expected a Dataset, not {type(dataset).__name__}"
        raise ArgumentError(function, "dataset", dataset, reason)


def _lines(dataset: Dataset) -> Iterator[str]:
    yield _dumps({"schema_version": dataset.schema_version})
    for record in dataset.records():
        kind = type(record)
        yield _dumps({_FIELDS[kind]: converter.unstructure(record, kind)})


def to_jsonl(dataset: Dataset) -> str:
    """The dataset as JSON Lines (deterministic: same dataset, same text)."""
    _check_dataset("to_jsonl", dataset)
    return "".join(_lines(dataset))


def _dumps(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # Some line readers split at U+2028 and U+2029 too; escaped, they cannot break a line.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


def from_jsonl(document: str | bytes) -> Dataset:
    """Read a dataset from JSON Lines text or UTF-8 bytes; raise :class:`ParseError` listing
    every problem (each with its line) if any line is bad."""
    if isinstance(document, str):
        lines: list[bytes] | list[str] = document.split("\n")
    elif isinstance(document, bytes | bytearray | memoryview):
        lines = bytes(document).split(b"\n")
    else:
        message = f"expected JSON Lines text (str) or bytes, not {type(document).__name__}"
        raise ParseError([ParseProblem("$", message, code="E100")])
    if not lines[-1]:
        lines.pop()  # the piece after the final line feed
    records: dict[type, list[Record]] = {cls: [] for cls in RECORD_KINDS.values()}
    problems: list[ParseProblem] = [] if lines else [empty_document()]
    version = "1.0"
    for number, line in _numbered(lines):
        header, record, found = _read_line(number, line)
        version = header or version
        problems += found
        if record is not None:
            records[type(record)].append(record)
    if problems:
        raise ParseError(problems)
    return Dataset(
        schema_version=version,
        actors=tuple(records[Actor]),  # type: ignore[arg-type]
        sources=tuple(records[Source]),  # type: ignore[arg-type]
        incidents=tuple(records[Incident]),  # type: ignore[arg-type]
        measures=tuple(records[DiplomaticMeasure]),  # type: ignore[arg-type]
    )


def iter_records(stream: IO[bytes] | IO[str] | Iterable[bytes | str]) -> Iterator[Record]:
    """Read records one at a time from JSON Lines: a file opened in binary (or text) mode,
    or any iterable of lines.

    The header is checked first. Memory holds one line at a time, so a file of any size can
    be read. The first bad line stops the reading with a :class:`ParseError` listing that
    line's problems (use :mod:`incidents.validation.stream` to list the problems of every
    line).
    """
    empty = True
    for number, line in numbered_lines(stream):
        empty = False
        _, record, problems = _read_line(number, line)
        if problems:
            raise ParseError(problems)
        if record is not None:
            yield record
    if empty:
        raise ParseError([empty_document()])


def empty_document() -> ParseProblem:
    """The problem of a document without a single line."""
    message = f"not valid JSON Lines: the document is empty; line 1 must be {HEADER_EXAMPLE}"
    return ParseProblem("$", message, 1, 1, "E101")


def numbered_lines(
    stream: IO[bytes] | IO[str] | Iterable[bytes | str],
) -> Iterator[tuple[int, bytes | str | None]]:
    """(line number, line without its line feed) for every line; ``None`` for a line longer
    than :data:`MAX_LINE_BYTES`, which is skipped without being held in memory.

    A stream is read with bounded ``readline`` calls, so a final line feed ends the last
    line (it does not start an empty one). Any other iterable gives one line per item.
    """
    readline = getattr(stream, "readline", None)
    if readline is None:
        yield from _numbered(stream)
        return
    number = 0
    while True:
        chunk = readline(MAX_LINE_BYTES + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) > MAX_LINE_BYTES and chunk[-1:] not in ("\n", b"\n"):
            while chunk and chunk[-1:] not in ("\n", b"\n"):  # skip the rest of the line
                chunk = readline(MAX_LINE_BYTES)
            yield number, None
            continue
        yield number, chunk[:-1] if chunk[-1:] in ("\n", b"\n") else chunk


def _numbered(lines: Iterable[bytes | str]) -> Iterator[tuple[int, bytes | str | None]]:
    """Number lines given one by one (each without, or with one final, line feed)."""
    for number, line in enumerate(lines, 1):
        yield number, _bounded(line[:-1] if line[-1:] in ("\n", b"\n") else line)


def _bounded(line: bytes | str) -> bytes | str | None:
    if isinstance(line, str) and len(line) * 4 <= MAX_LINE_BYTES:
        return line
    size = len(line) if isinstance(line, bytes) else len(line.encode("utf-8", "surrogatepass"))
    return None if size > MAX_LINE_BYTES else line


def _read_line(
    number: int, line: bytes | str | None
) -> tuple[str | None, Record | None, list[ParseProblem]]:
    """The header version (line 1), the record, and the problems of one line."""
    data, flagged, problems = parse_line(number, line)
    if problems:
        return None, None, problems
    findings: list[Finding] = list(flag_findings(data, "")) if flagged else []
    version = None
    key = None
    if number == 1 and is_header(data):
        findings += header_findings(data)
        version = data.get("schema_version") if not findings else None
    else:
        if number == 1:
            findings.append(missing_header())
        key, wrapper = record_kind(data)
        findings += wrapper
    text = line.decode("utf-8") if isinstance(line, bytes) else line or ""
    record = None
    if key is not None:
        cls = RECORD_KINDS[key]
        value = data[key]
        record = None if flagged else _structure(value, cls)
        if record is None:
            findings += [
                (path_to_pointer(problem.path), problem.code, problem.message)
                for problem in diagnose(value, cls, converter, f"$.{key}")
            ]
    if findings:
        return None, None, located(number, text, findings)
    return version, record, []


def _structure(value: Any, cls: type[Record]) -> Record | None:
    try:
        record: Record = structure_record(value, cls)
    except Exception:  # any failure: the walk says what and where
        return None
    return record


def parse_line(number: int, line: bytes | str | None) -> tuple[Any, bool, list[ParseProblem]]:
    """Parse one line strictly: the data, whether values were flagged (duplicate keys,
    forbidden numbers), and the problems that kept it from parsing (with the line number)."""
    if line is None:
        message = f"the line is longer than the limit of {MAX_LINE_BYTES} bytes"
        return None, False, [ParseProblem("$", message, number, None, "E108")]
    if not line.strip():
        message = "not valid JSON: a blank line (JSON Lines has no blank lines)"
        return None, False, [ParseProblem("$", message, number, 1, "E101")]
    try:
        data, flagged = parse_json(line)
    except ParseError as error:
        problems = [attrs.evolve(problem, line=number) for problem in error.problems]
        return None, False, problems
    return data, flagged, []


def is_header(data: Any) -> bool:
    """Whether line 1 is meant as the header: anything but an object holding a record."""
    if not isinstance(data, dict) or "schema_version" in data:
        return True
    return not any(key in RECORD_KINDS for key in data)


def missing_header() -> Finding:
    """The problem of a first line that holds a record instead of the header."""
    message = f"line 1 must be the header {HEADER_EXAMPLE}; this line holds a record"
    return "", "E202", message


def header_findings(data: Any) -> list[Finding]:
    """What is wrong with line 1 as the header ``{"schema_version":"1.0"}``."""
    if not isinstance(data, dict):
        return [("", "E203", f"line 1 must be the header {HEADER_EXAMPLE}, found {describe(data)}")]
    findings: list[Finding] = [
        (f"/{escape_pointer(key)}", "E201", "unknown field in the header; it holds schema_version")
        for key in data
        if key != "schema_version"
    ]
    version = data.get("schema_version")
    if "schema_version" not in data:
        message = f"required field 'schema_version' is missing; line 1 must be {HEADER_EXAMPLE}"
        findings.insert(0, ("/schema_version", "E202", message))
    elif isinstance(version, Flagged):
        pass  # reported where the flags are
    elif type(version) is not str:
        findings.insert(
            0, ("/schema_version", "E203", f"expected a string, found {describe(version)}")
        )
    elif _VERSION.fullmatch(version) is None:
        message = f"{version!r} is not a supported format version; this library reads 1.x"
        findings.insert(0, ("/schema_version", "E206", message))
    return findings


def record_kind(data: Any) -> tuple[str | None, list[Finding]]:
    """The key naming the record a line holds (``"incident"``), or ``None``; and what is wrong
    with the line's object around the record (unknown keys, a second record, the header)."""
    if not isinstance(data, dict):
        message = f"expected an object with one key naming the record kind ({_KIND_NAMES})"
        return None, [("", "E203", f"{message}, found {describe(data)}")]
    findings: list[Finding] = [
        (f"/{escape_pointer(key)}", "E105", f"duplicate key {key!r} (each key may appear once)")
        for key in getattr(data, "duplicates", ())
    ]
    kind = next((key for key in data if key in RECORD_KINDS), None)
    if kind is None and list(data) != ["schema_version"]:
        keys = ", ".join(repr(key) for key in list(data)[:5]) or "none"
        message = (
            f"no record on this line: expected one key naming the record kind ({_KIND_NAMES}); "
            f"found keys {keys}"
        )
        return None, [*findings, ("", "E202", message)]
    for key in data:
        if key == kind:
            continue
        if key in RECORD_KINDS:
            message = f"a line holds one record; put this {key} on a line of its own"
        elif key == "schema_version":
            message = "the header belongs on line 1 only"
        else:
            message = f"{key!r} is not a record kind; use one of {_KIND_NAMES}"
        findings.append((f"/{escape_pointer(key)}", "E201", message))
    return kind, findings


def located(number: int, text: str, findings: list[Finding]) -> list[ParseProblem]:
    """Findings on line ``number`` (whose text is ``text``) as problems with a JSONPath and
    a column, unique by place and code, in the order of their columns."""
    positions = value_positions(text)
    unique: dict[tuple[str, str], Finding] = {}
    for finding in findings:
        unique.setdefault((finding[0], finding[1]), finding)
    problems = []
    for pointer, code, message in unique.values():
        anchor = pointer
        while anchor and anchor not in positions:
            anchor = anchor.rsplit("/", 1)[0]
        column = positions.get(anchor, (1, 1))[1]
        problems.append((column, pointer, code, message))
    problems.sort(key=lambda entry: (entry[0], entry[1], entry[2]))
    return [
        ParseProblem(pointer_to_path(pointer), message, number, column, code)
        for column, pointer, code, message in problems
    ]
