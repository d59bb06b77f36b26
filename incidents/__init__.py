"""Typed, validated, source-attributed records of diplomatic incidents.

Build records as frozen attrs classes, read and write them as JSON, and keep every
contested fact as claims with their sources. See ``README.md`` for a tour.
"""

import importlib
from types import ModuleType

from incidents.actors import Actor, Affiliation, ExternalId, Name
from incidents.casualties import Casualty
from incidents.claims import Claim
from incidents.converter import converter
from incidents.counts import Count
from incidents.dataset import SCHEMA_VERSION, Dataset, Record
from incidents.dates import DatePoint, PartialDate
from incidents.errors import (
    ArgumentError,
    FieldError,
    FileError,
    IncidentsError,
    ParseError,
    ParseProblem,
    UnknownIdError,
)
from incidents.events import Incident, IncidentLink, Participant
from incidents.files import read, write
from incidents.ids import make_id, slugify
from incidents.json_format import from_json, to_json
from incidents.jsonl import from_jsonl, to_jsonl
from incidents.locations import Location
from incidents.measure_kinds import CodeMapping, MeasureKind
from incidents.measures import DiplomaticMeasure
from incidents.report import Problem, Report
from incidents.schema_json import json_schema
from incidents.schema_xsd import xml_schema
from incidents.sources import Citation, Source
from incidents.validation import validate
from incidents.vocabulary import (
    ActorKind,
    CasualtyOutcome,
    CountQualifier,
    IdentifierScheme,
    IncidentKind,
    IncidentLinkKind,
    LocationPrecision,
    MeasureStatus,
    ParticipantRole,
    SourceKind,
    Stance,
)
from incidents.xml_format import NAMESPACE, from_xml, to_xml

__version__ = "0.1.0"

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
    "Count",
    "CountQualifier",
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
    "MeasureStatus",
    "Name",
    "ParseError",
    "ParseProblem",
    "PartialDate",
    "Participant",
    "ParticipantRole",
    "Problem",
    "Record",
    "Report",
    "Source",
    "SourceKind",
    "Stance",
    "UnknownIdError",
    "__version__",
    "converter",
    "from_json",
    "from_jsonl",
    "from_xml",
    "json_schema",
    "make_id",
    "read",
    "slugify",
    "to_json",
    "to_jsonl",
    "to_xml",
    "validate",
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
