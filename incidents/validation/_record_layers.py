"""The schema and model layers, record by record: the slow walks only where a record fails.

A document with one bad record used to be walked whole by ``jsonschema`` and by the
model's diagnosis walk. Here each record of a document (and each line of a JSON Lines
stream) gets the compiled loader's verdict first (:mod:`incidents._compile.loaders`, the
fast path of valid documents); only a record it declines goes through the JSON Schema
(its own definition, :func:`schema_findings` with a definition name) and the model's walk.
The rest of the document, its top level with the record lists left empty, is checked the
same way. Messages, codes and pointers are those of the whole-document walk
(``tests/validation/test_record_layers.py`` holds the two to the same problems on the
differential corpus): the schema's definition of a record is the one the document's schema
refers to, and the model's walk is given the record's place.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any, Final, get_args

import attrs

from incidents._compile.loaders import load
from incidents._places import Finding, join_path
from incidents.formats._marks import DuplicateKeys
from incidents.formats.converter import converter
from incidents.formats.json import read_as_strictly
from incidents.model.dataset import Dataset
from incidents.validation._model_layer import model_findings
from incidents.validation._schema_layer import schema_findings

__all__ = [
    "NotReadStrictlyError",
    "document_shape_findings",
    "record_shape_findings",
    "uncovered",
]

#: Fields of the document's top level the schema requires although the class has a default.
_REQUIRED: Final = frozenset({"schema_version"})
#: The record classes a document's top-level lists hold (a JSON object each).
_OBJECTS: Final = (dict, DuplicateKeys)


@cache
def _record_lists() -> dict[str, type]:
    """Each list field of :class:`Dataset` and the record class of its items."""
    attrs.resolve_types(Dataset)
    return {
        field.name: get_args(field.type)[0]
        for field in attrs.fields(Dataset)
        if get_args(field.type)
    }


def _loads(value: Any, cls: type) -> bool:
    """Whether ``value`` structures as ``cls`` (the compiled loader, else the converter)."""
    if load(value, cls, pairs=False, build=False) is not None:
        return True
    try:
        converter.structure(value, cls)
    except Exception:
        return False
    return True


def uncovered(model: list[Finding], schema: list[Finding]) -> list[Finding]:
    """The model's findings that the schema's do not already report.

    A finding at or under a place the schema reported is left out, and so is a record rule
    (E209) of a record for which the schema reported a record rule (E202/E209).
    """
    covered = [pointer for pointer, _, _ in schema]
    ruled = {pointer.rsplit("/", 1)[0] for pointer, code, _ in schema if code in ("E202", "E209")}
    return [
        finding
        for finding in model
        if not any(finding[0] == done or finding[0].startswith(f"{done}/") for done in covered)
        and not (finding[1] == "E209" and finding[0].rsplit("/", 1)[0] in ruled)
    ]


def _schema(value: Any, definition: str, pointer: str) -> list[Finding]:
    return [
        (pointer + place, code, message)
        for place, code, message in schema_findings(value, definition)
    ]


def record_shape_findings(value: Any, cls: type, pointer: str, flagged: bool) -> list[Finding]:
    """The schema and model layers for one record at ``pointer`` (a JSON Lines line's).

    With ``flagged`` (the reader marked values in the line) the record is walked whatever
    the typed load says.
    """
    if not flagged and _loads(value, cls):
        return []
    model = [(pointer + place, code, text) for place, code, text in model_findings(value, cls)]
    if not isinstance(value, dict):
        return model
    schema = _schema(value, cls.__name__, pointer)
    return schema + uncovered(model, schema)


class NotReadStrictlyError(Exception):
    """The data came from the quick reader and a part the records refuse may read otherwise
    under the strict reader (:func:`incidents.formats.json.read_as_strictly`): the caller
    reads the text again strictly."""


def document_shape_findings(
    data: Any, flagged: bool, *, quickly_read: bool = False
) -> list[Finding] | None:
    """The schema and model layers of a whole document, checked record by record.

    ``None`` when the document is not an object whose record lists hold objects (then the
    caller walks it whole: there is nothing to split). The findings are those of the
    whole-document walk, the schema's first; none when, unflagged, the document loads as a
    dataset (the typed load decides, as for the whole document). With ``quickly_read``
    (orjson's data), :class:`NotReadStrictlyError` is raised when the top level or a record the
    compiled loader refuses may read otherwise under the strict reader.
    """
    if not isinstance(data, dict):
        return None
    top = copy.copy(data)  # an object with duplicate keys stays one, its marks with it
    failing: list[tuple[str, str, type, Any]] = []  # (JSONPath, pointer, class, record)
    for name, cls in _record_lists().items():
        records = data.get(name)
        if type(records) is not list:
            continue  # not a list: the top level's checks say so
        if not all(type(record) in _OBJECTS for record in records):
            return None
        top[name] = []
        for position, record in enumerate(records):
            if load(record, cls, pairs=False, build=False) is None:
                path = join_path(join_path("$", name), position)
                failing.append((path, f"/{name}/{position}", cls, record))
    if quickly_read and not (
        read_as_strictly(top, 0) and all(read_as_strictly(r, 2) for _, _, _, r in failing)
    ):
        raise NotReadStrictlyError
    # The records the compiled loader declines are walked (it tests every value's type, so
    # it declines the reader's marks too); the model's walk finds nothing in one exactly
    # when the converter structures it.
    model = [
        finding for path, _, cls, record in failing for finding in model_findings(record, cls, path)
    ]
    if not flagged and not model and _loads(top, Dataset):
        return []  # the document loads as a dataset: the typed load's verdict, as a whole
    schema: list[Finding] = []
    if flagged or load(top, Dataset, pairs=False, required=_REQUIRED, build=False) is None:
        schema += _schema(top, "", "")
        model = model_findings(top, Dataset, "$") + model
    for _, pointer, cls, record in failing:
        schema += _schema(record, cls.__name__, pointer)
    return schema + uncovered(model, schema)
