"""Typed, validated, source-attributed records of diplomatic incidents.

Build records as frozen attrs classes, read and write them as JSON, and keep every
contested fact as claims with their sources. See ``README.md`` for a tour.
"""

import importlib
from types import ModuleType

from incidents._version import __version__
from incidents.errors import (
    ArgumentError,
    FieldError,
    FileError,
    IncidentsError,
    MissingExtraError,
    ParseError,
    ParseProblem,
    QueryError,
    TableError,
    UnknownIdError,
)
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
from incidents.schemagen import json_schema, xml_schema
from incidents.tables import from_tables, tables, to_pandas
from incidents.validation import Problem, Report, validate, validate_jsonl

__all__ = [
    "NAMESPACE",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Affiliation",
    "ArgumentError",
    "Casualty",
    "CasualtyOutcome",
    "Citation",
    "Claim",
    "CodeMapping",
    "Confidence",
    "Count",
    "CountQualifier",
    "CountUnit",
    "Dataset",
    "DatePoint",
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
    "MissingExtraError",
    "Name",
    "ParseError",
    "ParseProblem",
    "PartialDate",
    "Participant",
    "ParticipantRole",
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
    "converter",
    "from_json",
    "from_jsonl",
    "from_tables",
    "from_xml",
    "iter_jsonl",
    "iter_records",
    "json_schema",
    "make_id",
    "read",
    "slugify",
    "tables",
    "to_json",
    "to_jsonl",
    "to_pandas",
    "to_xml",
    "validate",
    "validate_jsonl",
    "write",
    "xml_schema",
]


def __getattr__(name: str) -> ModuleType:
    """``incidents.examples`` and ``incidents.strategies`` load on first use.

    The examples build their records when imported, and the strategies need Hypothesis, so
    neither is paid for by ``import incidents`` alone.
    """
    if name in ("examples", "strategies"):
        return importlib.import_module(f"incidents.{name}")
    raise AttributeError(f"module 'incidents' has no attribute {name!r}")
