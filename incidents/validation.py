"""``validate``: check a document in layers and report every problem with a code and place.

Layers (see :mod:`incidents.codes`):

1. syntax: encoding, JSON syntax, duplicate keys, forbidden numbers, depth and size;
2. schema: the bundled JSON Schema (what any other language's validator would say);
3. model: the record classes' rules that the schema cannot express (NFC text, real dates);
4. semantics: rules across records (:mod:`incidents.semantics`).

``validate`` never raises on bad input: every problem, including an unreadable file, is in
the returned :class:`~incidents.report.Report`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from incidents._diagnosis import Flagged, diagnose
from incidents._gc import gc_paused
from incidents._positions import escape_pointer, value_positions
from incidents._schema_layer import schema_findings
from incidents._xsd_layer import xsd_findings
from incidents.converter import converter, structure_dataset
from incidents.dataset import Dataset
from incidents.errors import FileError, ParseError
from incidents.json_format import check_json_quickly, parse_json
from incidents.report import Problem, Report, path_to_pointer
from incidents.semantics import semantic_findings
from incidents.xml_format import parse_xml

__all__ = ["MAX_DOCUMENT_BYTES", "validate"]

#: Documents larger than this are refused with E108 before they are parsed (256 MiB).
MAX_DOCUMENT_BYTES: Final = 256 * 1024 * 1024

Finding = tuple[str, str, str]


def validate(target: os.PathLike[str] | str | bytes | Mapping[str, Any]) -> Report:
    """Validate a dataset document and report every problem; never raises on bad input.

    ``target`` is a path (``pathlib.Path`` or other ``os.PathLike``) to read, JSON text
    (``str``) or bytes, or an already-parsed mapping. Problems come in document order, each
    with a code, a message, a JSON Pointer and, for text input, the line and column.
    """
    try:
        with gc_paused():
            return _validate(target)
    except RecursionError:
        return _single("E104", "the document is nested too deeply to check")
    except Exception as error:
        return _single("E999", f"{type(error).__name__}: {error}")


def _single(code: str, message: str, line: int | None = None, column: int | None = None) -> Report:
    return Report((Problem(code=code, message=message, line=line, column=column),))


def _validate(target: Any) -> Report:
    if isinstance(target, str | bytes | bytearray | memoryview):  # none of them is a path
        return _validate_text(target)
    if isinstance(target, os.PathLike):
        return _validate_file(Path(target))
    if isinstance(target, Mapping):
        data = _plain(target)
        return _report(data, _checks(data, flagged=True), text=None)
    kinds = "a path (pathlib.Path), JSON text, bytes or a mapping"
    return _single(
        "E100", f"cannot validate an object of type {type(target).__name__}; pass {kinds}"
    )


def _plain(data: Any) -> Any:
    """Mappings of any kind as dicts, lists as lists; other values as they are."""
    if isinstance(data, Mapping) and not isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    return data


def _validate_file(path: Path) -> Report:
    if path.suffix.lower() == ".jsonl":
        return _validate_jsonl(path)
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            return _single("E108", f"{path} is {size} bytes; the limit is {MAX_DOCUMENT_BYTES}")
        with path.open("rb") as stream:
            content = stream.read(MAX_DOCUMENT_BYTES + 1)
    except IsADirectoryError:
        return _single("E100", f"{path} is a directory, not a file")
    except FileNotFoundError:
        return _single("E100", f"{path}: no such file")
    except PermissionError:
        return _single("E100", f"{path}: permission denied")
    except OSError as error:
        return _single("E100", f"{path}: {error.strerror or error}")
    return _validate_text(content)


def _validate_jsonl(path: Path) -> Report:
    """A JSON Lines file, checked as a stream (every layer; references across lines)."""
    from incidents.jsonl_validation import validate_jsonl

    try:
        return Report(tuple(validate_jsonl(path)))
    except FileError as error:
        return _single("E100", str(error))


def _validate_text(content: str | bytes | bytearray | memoryview) -> Report:
    if _size(content) > MAX_DOCUMENT_BYTES:
        return _single("E108", f"the document is larger than {MAX_DOCUMENT_BYTES} bytes")
    if _looks_like_xml(content):
        return _validate_xml(content if isinstance(content, str) else bytes(content))
    quick = _quick_report(content)
    if quick is not None:
        return quick
    try:
        data, flagged = parse_json(content if isinstance(content, str) else bytes(content))
    except ParseError as error:
        problems = [
            Problem(
                code=problem.code,
                message=_hint(problem.message, content),
                location=path_to_pointer(problem.path),
                line=problem.line,
                column=problem.column,
            )
            for problem in error.problems
        ]
        return Report(tuple(problems))
    text = content if isinstance(content, str) else bytes(content).decode("utf-8")
    return _report(data, _checks(data, flagged), text)


def _quick_report(content: str | bytes | bytearray | memoryview) -> Report | None:
    """The report of a document the record classes load (the fast path), else ``None``.

    The record classes accept only what the schema accepts (the differential tests hold the
    two to that), so a document they load has no syntax, schema or model problem: only the
    semantic layer can still find something. Anything else takes the layered path.
    """
    try:
        text = content if isinstance(content, str) else bytes(content).decode("utf-8")
    except UnicodeDecodeError:
        return None
    data = check_json_quickly(text)
    if data is None:
        return None
    return _report(data, _unique(semantic_findings(data)), text)


def _size(content: str | bytes | bytearray | memoryview) -> int:
    """The size in bytes (UTF-8 for text; counted only when it could matter)."""
    if not isinstance(content, str):
        return len(content)
    if len(content) * 4 <= MAX_DOCUMENT_BYTES:
        return len(content)
    return len(content.encode("utf-8", "surrogatepass"))


def _looks_like_xml(content: str | bytes | bytearray | memoryview) -> bool:
    """Whether the document starts (after a BOM and white space) with '<'."""
    if isinstance(content, str):
        return content[:1000].lstrip("\ufeff \t\r\n").startswith("<")
    start = bytes(content[:1000]).removeprefix(b"\xef\xbb\xbf").replace(b"\x00", b"")
    return start.lstrip().startswith(b"<")  # NULs: UTF-16/32 XML, which the XML reader refuses


def _validate_xml(content: str | bytes) -> Report:
    """XML: safe parsing, the XSD, then the same model and semantic layers as JSON."""
    try:
        document = parse_xml(content)
    except ParseError as error:
        problems = [
            Problem(code=p.code, message=p.message, location=p.path, line=p.line, column=p.column)
            for p in error.problems
        ]
        return Report(tuple(problems))
    found: list[tuple[str, str, str, int | None]] = []
    loaded = not document.marked and _loads_as_records(document.data)
    model = [] if loaded else _model_findings(document.data, [])
    for pointer, code, message in model + semantic_findings(document.data):
        xpath, line = document.where(pointer)
        found.append((xpath, code, message, line))
    # The XSD's own wording is kept only where the model and semantic layers said nothing.
    places = {xpath for xpath, _, _, _ in found}
    found += [finding for finding in xsd_findings(document) if finding[0] not in places]
    unique: dict[tuple[str, str], tuple[str, str, str, int | None]] = {}
    for finding in found:
        unique.setdefault((finding[0], finding[1]), finding)
    ordered = sorted(unique.values(), key=lambda f: (f[3] or 0, f[0], f[1]))
    return Report(
        tuple(
            Problem(code=code, message=message, location=xpath, line=line)
            for xpath, code, message, line in ordered
        )
    )


def _hint(message: str, content: str | bytes | bytearray | memoryview) -> str:
    if isinstance(content, str) and _names_a_file(content):
        return f"{message} (text is read as the document; pass a pathlib.Path for a file)"
    return message


def _names_a_file(text: str) -> bool:
    """Whether ``text`` looks like the name of an existing file (a common mistake)."""
    if len(text) > 4096 or "\n" in text or "\x00" in text:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


def _checks(data: Any, flagged: bool) -> list[Finding]:
    """The findings of the schema, model and semantic layers (and flagged syntax)."""
    if not flagged and _loads_as_records(data):
        # Fast path. The record classes accept only what the schema accepts (the
        # differential tests hold the two to that), so a document they load has no schema
        # or model problem: only the semantic layer can still find something.
        return _unique(semantic_findings(data))
    findings: list[Finding] = list(_flags(data, "")) if flagged else []
    schema = list(schema_findings(data))
    findings += schema
    covered = [pointer for pointer, _, _ in schema]
    # A record rule the schema reported (E202/E209) covers the model's version of it.
    ruled = {pointer.rsplit("/", 1)[0] for pointer, code, _ in schema if code in ("E202", "E209")}
    findings += [
        finding
        for finding in _model_findings(data, covered)
        if not (finding[1] == "E209" and finding[0].rsplit("/", 1)[0] in ruled)
    ]
    findings += semantic_findings(data)
    return _unique(findings)


def _unique(findings: list[Finding]) -> list[Finding]:
    """The findings without repeats of a code at one place (the first wording is kept)."""
    unique: dict[tuple[str, str], Finding] = {}
    for finding in findings:
        unique.setdefault((finding[0], finding[1]), finding)
    return list(unique.values())


def _loads_as_records(data: Any) -> bool:
    """Whether the plain data structures into a dataset (the typed load's verdict)."""
    try:
        structure_dataset(data)
    except Exception:
        return False
    return True


def _flags(data: Any, pointer: str) -> Iterator[Finding]:
    """Duplicate keys and forbidden numbers the JSON reader marked."""
    if isinstance(data, Flagged):
        yield pointer, data.code, data.message
    elif isinstance(data, dict):
        for key in getattr(data, "duplicates", ()):
            message = f"duplicate key {key!r} (each key may appear once)"
            yield f"{pointer}/{escape_pointer(key)}", "E105", message
        for key, value in data.items():
            yield from _flags(value, f"{pointer}/{escape_pointer(key)}")
    elif isinstance(data, list):
        for position, value in enumerate(data):
            yield from _flags(value, f"{pointer}/{position}")


def _model_findings(data: Any, covered: list[str]) -> list[Finding]:
    """What the record classes reject beyond the schema (skipping places already reported).

    Callers try the typed load first (the fast path); this walk runs only when it failed.
    """
    findings = []
    for problem in diagnose(data, Dataset, converter):
        pointer = path_to_pointer(problem.path)
        if any(pointer == done or pointer.startswith(f"{done}/") for done in covered):
            continue
        findings.append((pointer, problem.code, problem.message))
    return findings


def _report(data: Any, findings: list[Finding], text: str | None) -> Report:
    if not findings:
        return Report(())
    order = _document_order(data)
    positions = value_positions(text) if text is not None and findings else {}
    problems = []
    for pointer, code, message in findings:
        anchor = _nearest(pointer, positions or order)
        line, column = positions.get(anchor, (None, None)) if positions else (None, None)
        rank = (line, column) if line is not None else (order.get(_nearest(pointer, order), 0), 0)
        problems.append((rank, pointer, code, message, line, column))
    problems.sort(key=lambda entry: (entry[0], entry[1], entry[2]))
    return Report(
        tuple(
            Problem(code=code, message=message, location=pointer, line=line, column=column)
            for _, pointer, code, message, line, column in problems
        )
    )


def _nearest(pointer: str, known: Mapping[str, Any]) -> str:
    """The pointer itself if known, else its nearest known ancestor ('' is the document)."""
    while pointer and pointer not in known:
        pointer = pointer.rsplit("/", 1)[0]
    return pointer


def _document_order(data: Any) -> dict[str, int]:
    """Pointer -> position in a depth-first walk of the data (document order)."""
    order: dict[str, int] = {}
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, value = stack.pop()
        order[pointer] = len(order)
        if isinstance(value, dict):
            children = [(f"{pointer}/{escape_pointer(k)}", v) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(f"{pointer}/{i}", v) for i, v in enumerate(value)]
        else:
            continue
        stack.extend(reversed(children))
    return order
