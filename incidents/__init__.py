"""Typed, validated, source-attributed records of diplomatic incidents.

Build records as frozen attrs classes, read and write them as JSON, and keep every
contested fact as claims with their sources. See ``README.md`` for a tour.
"""

from __future__ import annotations

# First of all: in the command line, an interrupt from here on ends quietly (incidents._signals).
from incidents import _signals  # noqa: F401

# isort: split

import datetime as dt
import importlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from incidents._version import __version__
from incidents.errors import (
    ArgumentError,
    CollectionError,
    CollectionProblem,
    FieldError,
    FileError,
    IncidentsError,
    MergeConflict,
    MergeError,
    MissingExtraError,
    OrderError,
    ParseError,
    ParseProblem,
    PositionalArgumentError,
    QueryError,
    TableError,
    UnknownIdError,
)
from incidents.model import (
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    Affiliation,
    Casualty,
    CasualtyOutcome,
    Citation,
    Claim,
    CodeMapping,
    Confidence,
    Count,
    CountQualifier,
    CountUnit,
    Dataset,
    DatePoint,
    DiplomaticMeasure,
    ExternalId,
    IdentifierScheme,
    Incident,
    IncidentKind,
    IncidentLink,
    IncidentLinkKind,
    Location,
    LocationPrecision,
    MeasureKind,
    MeasureLink,
    MeasureLinkKind,
    MeasureStatus,
    Name,
    PartialDate,
    Participant,
    ParticipantRole,
    Publicity,
    Record,
    Source,
    SourceKind,
    Stance,
    make_id,
    slugify,
)

# The function incidents.tables, bound over the subpackage of the same name (see
# docs/architecture.md); the subpackage imports pyarrow and duckdb only when called.
from incidents.tables import from_tables, tables, to_pandas

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from incidents.collection import (
        Change,
        Collection,
        CollectionReport,
        Delta,
        apply,
        diff,
        merge,
        read_collection,
        stable_id,
    )
    from incidents.distributed import validate_collection
    from incidents.formats import (
        NAMESPACE,
        converter,
        from_json,
        from_jsonl,
        from_xml,
        iter_jsonl,
        iter_records,
        read,
        to_json,
        to_jsonl,
        to_xml,
        write,
    )
    from incidents.formats.inputs import DataSource
    from incidents.schemagen import json_schema, xml_schema
    from incidents.validation import Problem, Report, validate_jsonl

#: Where each name that is loaded on first use lives. The readers and writers, the schema
#: generators and the validators need cattrs, lxml and jsonschema, and the compiled loaders
#: are generated when first imported: ``import incidents`` (and ``incidents --version``)
#: pays for none of them until a name from here is used.
_LAZY: Final = {
    **dict.fromkeys(
        (
            "NAMESPACE",
            "converter",
            "from_json",
            "from_jsonl",
            "from_xml",
            "iter_jsonl",
            "iter_records",
            "read",
            "to_json",
            "to_jsonl",
            "to_xml",
            "write",
        ),
        "incidents.formats",
    ),
    **dict.fromkeys(("json_schema", "xml_schema"), "incidents.schemagen"),
    **dict.fromkeys(("Problem", "Report", "validate_jsonl"), "incidents.validation"),
    **dict.fromkeys(
        (
            "Change",
            "Collection",
            "CollectionReport",
            "Delta",
            "apply",
            "diff",
            "merge",
            "read_collection",
            "stable_id",
        ),
        "incidents.collection",
    ),
    # In one process by default (incidents.collection's), on Dask with client= or jobs=.
    "validate_collection": "incidents.distributed",
}

__all__ = [
    "NAMESPACE",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Affiliation",
    "ArgumentError",
    "Casualty",
    "CasualtyOutcome",
    "Change",
    "Citation",
    "Claim",
    "CodeMapping",
    "Collection",
    "CollectionError",
    "CollectionProblem",
    "CollectionReport",
    "Confidence",
    "Count",
    "CountQualifier",
    "CountUnit",
    "Dataset",
    "DatePoint",
    "Delta",
    "DiplomaticMeasure",
    "ExternalId",
    "FieldError",
    "FileError",
    "IdentifierScheme",
    "Incident",
    "IncidentKind",
    "IncidentLink",
    "IncidentLinkKind",
    "IncidentsError",
    "Location",
    "LocationPrecision",
    "MeasureKind",
    "MeasureLink",
    "MeasureLinkKind",
    "MeasureStatus",
    "MergeConflict",
    "MergeError",
    "MissingExtraError",
    "Name",
    "OrderError",
    "ParseError",
    "ParseProblem",
    "PartialDate",
    "Participant",
    "ParticipantRole",
    "PositionalArgumentError",
    "Problem",
    "Publicity",
    "QueryError",
    "Record",
    "Report",
    "Source",
    "SourceKind",
    "Stance",
    "TableError",
    "UnknownIdError",
    "__version__",
    "apply",
    "converter",
    "diff",
    "from_json",
    "from_jsonl",
    "from_tables",
    "from_xml",
    "iter_jsonl",
    "iter_records",
    "json_schema",
    "make_id",
    "merge",
    "plot",
    "read",
    "read_collection",
    "slugify",
    "stable_id",
    "tables",
    "to_json",
    "to_jsonl",
    "to_pandas",
    "to_xml",
    "validate",
    "validate_collection",
    "validate_jsonl",
    "write",
    "xml_schema",
]


def validate(target: DataSource) -> Report:
    """Validate a dataset, or a collection folder, and report every problem; never raises
    on bad input.

    ``target`` is anything :func:`incidents.read` takes (a ``Dataset`` or a record, a path
    as ``pathlib.Path`` or ``str``, bytes, a file object, a mapping): see
    :func:`incidents.validation.validate` for the layers and what each problem holds. A path
    to a folder is validated as a collection
    (:func:`~incidents.collection.validate_collection`): its files together, references
    resolving across them, every problem naming its file.
    """
    if isinstance(target, str | os.PathLike):
        try:
            folder = Path(target).is_dir()
        except (OSError, ValueError):  # not a name any file can have: not a folder
            folder = False
        if folder:
            from incidents.collection import validate_collection

            return validate_collection(target)
    from incidents.validation import validate as validate_one

    return validate_one(target)


def plot(
    dataset: Dataset,
    *,
    dyad: Sequence[str] | None = None,
    start: PartialDate | str | dt.date | None = None,
    end: PartialDate | str | dt.date | None = None,
    title: str | None = None,
    max_marks: int = 40,
) -> Figure:
    """The escalation chart of ``dataset`` as a Matplotlib figure (``pip install
    'incidents[plot]'``); see :func:`incidents.charts.plot` for the arguments, and write it
    with :func:`incidents.charts.save`.

    Matplotlib is imported on the first call, not by ``import incidents``.
    """
    from incidents.charts.chart import plot as draw

    return draw(dataset, dyad=dyad, start=start, end=end, title=title, max_marks=max_marks)


def __getattr__(name: str) -> object:
    """The names of ``_LAZY``, and ``incidents.examples``, ``incidents.strategies`` and
    ``incidents.charts``, load on first use.

    The examples build their records when imported, the strategies need Hypothesis and the
    charts Matplotlib, so none is paid for by ``import incidents`` alone.
    """
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value  # found directly from now on
        return value
    if name in ("charts", "examples", "strategies"):
        return importlib.import_module(f"incidents.{name}")
    raise AttributeError(f"module 'incidents' has no attribute {name!r}")
