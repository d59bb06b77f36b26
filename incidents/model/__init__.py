"""The records and value types: what an incident file says, as frozen attrs classes.

The lowest part of the package (``docs/architecture.md``): it imports nothing of ours but
:mod:`incidents.errors` and :mod:`incidents._places`. Each module is one concept: the
record kinds (:mod:`~incidents.model.actors`, :mod:`~incidents.model.sources`,
:mod:`~incidents.model.citations`, :mod:`~incidents.model.events`,
:mod:`~incidents.model.casualties`, :mod:`~incidents.model.measures`,
:mod:`~incidents.model.dataset`), the value types
(:mod:`~incidents.model.claims`, :mod:`~incidents.model.dates`,
:mod:`~incidents.model.counts`, :mod:`~incidents.model.locations`,
:mod:`~incidents.model.ids`), the closed vocabularies with their CAMEO and PLOVER
crosswalk (:mod:`~incidents.model.vocabulary`, :mod:`~incidents.model.measure_kinds`,
:mod:`~incidents.model.countries`), and the field checks every record uses
(``_fields``), which the schema generators and the compiled loaders read too.
"""

from incidents.model._convert import keywords_only
from incidents.model.actors import Actor, Affiliation, ExternalId, Name
from incidents.model.casualties import Casualty
from incidents.model.citations import Citation
from incidents.model.claims import Claim
from incidents.model.counts import Count
from incidents.model.dataset import SCHEMA_VERSION, Dataset, Record
from incidents.model.dates import DatePoint, PartialDate
from incidents.model.events import Incident, IncidentLink, Participant
from incidents.model.ids import make_id, slugify
from incidents.model.locations import Location
from incidents.model.measure_kinds import CodeMapping, MeasureKind
from incidents.model.measures import DiplomaticMeasure, MeasureLink
from incidents.model.sources import Source
from incidents.model.vocabulary import (
    ActorKind,
    CasualtyOutcome,
    Confidence,
    CountQualifier,
    CountUnit,
    IdentifierScheme,
    IncidentKind,
    IncidentLinkKind,
    LocationPrecision,
    MeasureLinkKind,
    MeasureStatus,
    ParticipantRole,
    Publicity,
    SourceKind,
    Stance,
    Vocabulary,
)

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Affiliation",
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
    "IdentifierScheme",
    "Incident",
    "IncidentKind",
    "IncidentLink",
    "IncidentLinkKind",
    "Location",
    "LocationPrecision",
    "MeasureKind",
    "MeasureLink",
    "MeasureLinkKind",
    "MeasureStatus",
    "Name",
    "PartialDate",
    "Participant",
    "ParticipantRole",
    "Publicity",
    "Record",
    "Source",
    "SourceKind",
    "Stance",
    "Vocabulary",
    "make_id",
    "slugify",
]

# Positional arguments get an error that names the fields (records take keywords only).
keywords_only(
    Actor,
    Affiliation,
    Casualty,
    Citation,
    Claim,
    Count,
    Dataset,
    DiplomaticMeasure,
    ExternalId,
    Incident,
    IncidentLink,
    Location,
    MeasureLink,
    Name,
    Participant,
    Source,
)
