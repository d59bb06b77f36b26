"""``validate``: check a document in layers and report every problem with a code and place.

Layers (see :mod:`incidents.validation.codes`):

1. syntax: encoding, JSON syntax, duplicate keys, forbidden numbers, depth and size;
2. schema: the bundled JSON Schema (what any other language's validator would say);
3. model: the record classes' rules that the schema cannot express (NFC text, real dates);
4. semantics: rules across records (:mod:`incidents.validation.semantics`).

``validate`` never raises on bad input: every problem, including an unreadable file, is in
the returned :class:`~incidents.validation.report.Report`.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from incidents._compile.gc_pause import gc_paused
from incidents._places import Finding
from incidents.errors import ArgumentError, FileError, ParseError
from incidents.formats._marks import flag_findings
from incidents.formats._strict_json import SCHEMA_KEY
from incidents.formats.inputs import DataSource, given
from incidents.formats.json import read_as_strictly, read_json_quickly, to_json
from incidents.formats.xml import parse_xml
from incidents.validation._model_layer import loads_as_records, model_findings
from incidents.validation._placement import placed
from incidents.validation._record_layers import (
    NotReadStrictlyError,
    document_shape_findings,
    uncovered,
)
from incidents.validation._schema_layer import schema_findings
from incidents.validation._syntax_layer import (
    MAX_DOCUMENT_BYTES,
    Content,
    looks_like_xml,
    parse,
    read_file,
    single,
    too_large,
)
from incidents.validation._xsd_layer import xsd_findings
from incidents.validation.report import Problem, Report
from incidents.validation.semantics import semantic_findings
from incidents.validation.stream import validate_jsonl

__all__ = ["MAX_DOCUMENT_BYTES", "validate"]


def validate(target: DataSource) -> Report:
    """Validate a dataset and report every problem; never raises on bad input.

    ``target`` is anything :func:`incidents.read` takes (:mod:`incidents.formats.inputs`):
    a ``Dataset`` or a record, a path (``pathlib.Path`` or ``str``: a str is always a path),
    bytes, a file object open in binary or text mode, or an already-parsed mapping. Problems
    come in document order, each with a code, a message, a JSON Pointer (``Problem.path``
    gives it as ``$.measures[3].targets[0]``) and, for a file or content, the line and column.
    A ``Dataset`` built in Python has passed the record classes' checks, so only the rules
    across records (the semantic layer) can still find something in it.
    """
    try:
        with gc_paused():
            return _validate(target)
    except RecursionError:
        return single("E104", "the document is nested too deeply to check")
    except Exception as error:
        return single("E999", f"{type(error).__name__}: {error}")


def _validate(target: Any) -> Report:
    try:
        found = given(target, "validate", "target")
    except ArgumentError as error:
        return single("E100", error.reason)
    if found.path is not None:
        return _validate_file(found.path)
    if found.dataset is not None:  # the records are built: what is left is across records
        data = json.loads(to_json(found.dataset))
        return placed(data, _checks(data, flagged=False), text=None)
    if found.mapping is not None:
        data = _plain(found.mapping)
        if isinstance(data.get(SCHEMA_KEY), str):
            del data[SCHEMA_KEY]
        return placed(data, _checks(data, flagged=True), text=None)
    content = found.content if found.content is not None else b""
    if found.format == "jsonl":
        raw = content.encode("utf-8") if isinstance(content, str) else content
        return Report(tuple(validate_jsonl(io.BytesIO(raw))))
    return _validate_text(content)


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
    content = read_file(path)
    return content if isinstance(content, Report) else _validate_text(content)


def _validate_jsonl(path: Path) -> Report:
    """A JSON Lines file, checked as a stream (every layer; references across lines)."""
    try:
        return Report(tuple(validate_jsonl(path)))
    except FileError as error:
        return single("E100", str(error))


def _validate_text(content: Content) -> Report:
    report = too_large(content)
    if report is not None:
        return report
    if looks_like_xml(content):
        return _validate_xml(content if isinstance(content, str) else bytes(content))
    quick = _quick_report(content)
    if isinstance(quick, Report):
        return quick
    if quick is not None:
        data, text = quick
        try:
            return placed(data, _checks(data, False, quickly_read=True), text)
        except NotReadStrictlyError:
            pass  # read it again, strictly
    parsed = parse(content)
    if isinstance(parsed, Report):
        return parsed
    data, flagged, text = parsed
    return placed(data, _checks(data, flagged), text)


def _quick_report(content: Content) -> Report | tuple[Any, str] | None:
    """The report of a document the record classes load (the fast path); else orjson's
    data and the text, when orjson read it (so the layered path need not read it again, see
    :func:`incidents.formats.json.read_json_quickly`); else ``None``.

    The record classes accept only what the schema accepts (the differential tests hold the
    two to that), so a document they load has no syntax, schema or model problem: only the
    semantic layer can still find something. Anything else takes the layered path.
    """
    try:
        text = content if isinstance(content, str) else bytes(content).decode("utf-8")
    except UnicodeDecodeError:
        return None
    checked, parsed = read_json_quickly(text)
    if checked is not None:
        return placed(checked, _unique(semantic_findings(checked)), text)
    return None if parsed is None else (parsed, text)


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
    found: list[tuple[str, str, str, int | None, int | None]] = []
    loaded = not document.marked and loads_as_records(document.data)
    model = [] if loaded else model_findings(document.data)
    for pointer, code, message in model + semantic_findings(document.data):
        xpath, line, column = document.place(pointer)
        found.append((xpath, code, message, line, column))
    # The XSD's own wording is kept only where the model and semantic layers said nothing
    # (nor on an attribute of a text field they already reported as not mapped).
    places = {finding[0] for finding in found}
    unmapped = {finding[0] for finding in found if _UNMAPPED in finding[2]}
    found += [
        finding
        for finding in xsd_findings(document)
        if finding[0] not in places and finding[0].split("/@")[0] not in unmapped
    ]
    unique: dict[tuple[str, str], tuple[str, str, str, int | None, int | None]] = {}
    for finding in found:
        unique.setdefault((finding[0], finding[1]), finding)
    ordered = sorted(unique.values(), key=lambda f: (f[3] or 0, f[4] or 0, f[0], f[1]))
    return Report(
        tuple(
            Problem(code=code, message=message, location=xpath, line=line, column=column)
            for xpath, code, message, line, column in ordered
        )
    )


#: What the XML reader says of an attribute on a text field (incidents.formats._xml_tree).
_UNMAPPED: Final = "not part of the incidents XML mapping"


def _checks(
    data: Any, flagged: bool, *, whole: bool = False, quickly_read: bool = False
) -> list[Finding]:
    """The findings of the schema, model and semantic layers (and flagged syntax).

    Record by record (:mod:`incidents.validation._record_layers`): only the records the
    typed load refuses are walked. ``whole`` walks the whole document with ``jsonschema``
    and the model's walk instead, as before (kept for the tests that hold the two to the
    same findings); so does a document that is not an object of lists of objects.
    ``quickly_read`` (orjson's data) raises :class:`NotReadStrictlyError` where a part the
    records refuse may read otherwise under the strict reader.
    """
    shape = None if whole else document_shape_findings(data, flagged, quickly_read=quickly_read)
    if shape is None:
        if quickly_read and not read_as_strictly(data, 0):
            raise NotReadStrictlyError
        if not flagged and loads_as_records(data):
            # Fast path. The record classes accept only what the schema accepts (the
            # differential tests hold the two to that), so a document they load has no
            # schema or model problem: only the semantic layer can still find something.
            return _unique(semantic_findings(data))
        schema = list(schema_findings(data, skip_loaded=not whole))
        shape = schema + uncovered(model_findings(data, skip_loaded=not whole), schema)
    findings: list[Finding] = list(flag_findings(data)) if flagged else []
    findings += shape
    findings += semantic_findings(data)
    return _unique(findings)


def _unique(findings: list[Finding]) -> list[Finding]:
    """The findings without repeats of a code at one place (the first wording is kept)."""
    unique: dict[tuple[str, str], Finding] = {}
    for finding in findings:
        unique.setdefault((finding[0], finding[1]), finding)
    return list(unique.values())
