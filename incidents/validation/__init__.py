"""Validation in layers: syntax, schema (JSON Schema or XSD), model, semantics.

In the layering of ``docs/architecture.md`` it uses the model, the readers of
:mod:`incidents.formats` and the generated schemas. :func:`validate` checks one document
and never raises on bad input; :func:`validate_jsonl` checks JSON Lines as a stream. Every
problem is a :class:`Problem` with a stable code from :data:`CODES`.
"""

from incidents.validation.codes import CODES, Code, Layer, Severity
from incidents.validation.report import Problem, Report
from incidents.validation.stream import validate_jsonl
from incidents.validation.validator import validate

__all__ = [
    "CODES",
    "Code",
    "Layer",
    "Problem",
    "Report",
    "Severity",
    "validate",
    "validate_jsonl",
]
