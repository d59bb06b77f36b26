"""Problem codes: stable identifiers for everything validation can report.

Codes never change meaning. ``E`` codes are errors (the document is not valid), ``W`` codes
are warnings (valid, but probably not what the author meant). The hundreds digit is the
layer that finds the problem: 1 syntax, 2 schema, 3 model rules the schema cannot express,
4 semantics across records. ``docs/codes.md`` is generated from this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

import attrs

__all__ = ["CODES", "Code", "Layer", "Severity", "codes_markdown"]


class Severity(StrEnum):
    """How bad a problem is: errors make a report fail, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


class Layer(StrEnum):
    """The validation layer that finds a problem."""

    SYNTAX = "syntax"
    SCHEMA = "schema"
    MODEL = "model"
    SEMANTICS = "semantics"


@attrs.frozen
class Code:
    """A problem code: its identifier, severity, layer and what it means."""

    code: str
    layer: Layer
    title: str
    explanation: str

    @property
    def severity(self) -> Severity:
        """Errors start with E, warnings with W."""
        return Severity.ERROR if self.code.startswith("E") else Severity.WARNING


_TABLE: Final = (
    Code(
        "E100",
        Layer.SYNTAX,
        "cannot read input",
        "The file is missing, unreadable, a "
        "directory, or the input is not a path, text, bytes or mapping.",
    ),
    Code(
        "E101",
        Layer.SYNTAX,
        "not JSON",
        "The text is not valid JSON; line and column point at the first error.",
    ),
    Code("E102", Layer.SYNTAX, "not UTF-8", "The bytes are not valid UTF-8 (or are UTF-16)."),
    Code(
        "E103",
        Layer.SYNTAX,
        "byte-order mark",
        "The document starts with a byte-order mark; save it as UTF-8 without one.",
    ),
    Code(
        "E104",
        Layer.SYNTAX,
        "nested too deep",
        "Arrays and objects nest deeper than the limit (64 levels).",
    ),
    Code(
        "E105",
        Layer.SYNTAX,
        "duplicate key",
        "A key appears twice in one object; JSON "
        "readers disagree on which value wins, so it is refused.",
    ),
    Code(
        "E106",
        Layer.SYNTAX,
        "not a JSON number",
        "NaN, Infinity and -Infinity are not numbers JSON allows.",
    ),
    Code(
        "E107",
        Layer.SYNTAX,
        "number too large",
        "A number overflows to infinity, or an integer has more than 20 digits.",
    ),
    Code("E108", Layer.SYNTAX, "input too large", "The document is larger than the size limit."),
    Code(
        "E109",
        Layer.SYNTAX,
        "forbidden XML construct",
        "The XML has a DOCTYPE, an entity reference or a processing instruction; none is "
        "allowed (they are how XML attacks work, and the format needs none).",
    ),
    Code(
        "E201",
        Layer.SCHEMA,
        "unknown field",
        "A record has a field the format does not define (often a typo).",
    ),
    Code(
        "E202",
        Layer.SCHEMA,
        "missing field",
        "A required field, or one another field depends on, is missing.",
    ),
    Code(
        "E203",
        Layer.SCHEMA,
        "wrong type",
        "A value has the wrong JSON type: a string "
        "where a number belongs, an object where an array belongs, or null.",
    ),
    Code(
        "E204",
        Layer.SCHEMA,
        "not in vocabulary",
        "A value is not one of the allowed terms (a kind, a status, a country code).",
    ),
    Code(
        "E205",
        Layer.SCHEMA,
        "bad id",
        "An id or reference is malformed or names the wrong "
        "kind of record ('source:x' where an actor is expected).",
    ),
    Code(
        "E206",
        Layer.SCHEMA,
        "bad format",
        "A date, language tag, URL or other formatted string does not have the right form.",
    ),
    Code(
        "E207", Layer.SCHEMA, "out of range", "A number is below its minimum or above its maximum."
    ),
    Code(
        "E208",
        Layer.SCHEMA,
        "bad text",
        "Text is empty, too long, has control characters, "
        "line breaks in a one-line field, or white space at either end.",
    ),
    Code(
        "E209",
        Layer.SCHEMA,
        "record rule broken",
        "Fields of one record do not fit "
        "together (a count qualifier without its figure, a latitude without longitude).",
    ),
    Code("E210", Layer.SCHEMA, "schema violation", "Any other violation of the JSON Schema."),
    Code(
        "E301",
        Layer.MODEL,
        "text not normalised",
        "Text is not in Unicode NFC, is only invisible characters, or holds a lone surrogate.",
    ),
    Code(
        "E302",
        Layer.MODEL,
        "impossible date",
        "A date that does not exist (30 February) or "
        "an interval or span that ends before it starts.",
    ),
    Code(
        "E303",
        Layer.MODEL,
        "model rule broken",
        "A rule of the record model that the schema cannot express is broken.",
    ),
    Code(
        "E401",
        Layer.SEMANTICS,
        "duplicate id",
        "Two records share an id; ids are unique across the dataset.",
    ),
    Code(
        "E402",
        Layer.SEMANTICS,
        "unresolved reference",
        "A reference names a record that is not in the dataset.",
    ),
    Code(
        "E403",
        Layer.SEMANTICS,
        "unknown source",
        "A citation names a source that is not in the dataset.",
    ),
    Code(
        "E404",
        Layer.SEMANTICS,
        "response before trigger",
        "An incident or measure responds "
        "to something that certainly happened after it (partial dates taken into account).",
    ),
    Code("E405", Layer.SEMANTICS, "cycle", "Responses or incident links form a cycle."),
    Code(
        "E406",
        Layer.SEMANTICS,
        "count bounds out of order",
        "A count's low, best and high are not in order (low <= best <= high).",
    ),
    Code(
        "E407",
        Layer.SEMANTICS,
        "retroactive measure after announcement",
        "A measure marked retroactive takes effect after its announcement.",
    ),
    Code("E408", Layer.SEMANTICS, "uncited event", "An incident or measure cites no source."),
    Code(
        "W401",
        Layer.SEMANTICS,
        "effective before announced",
        "A measure takes effect before its announcement but is not marked retroactive.",
    ),
    Code("W402", Layer.SEMANTICS, "uncited casualty", "A casualty cites no source of its own."),
    Code(
        "W403",
        Layer.SEMANTICS,
        "repeated claim",
        "Two claims on one field have the same claimant, stance and value.",
    ),
    Code(
        "E999",
        Layer.SYNTAX,
        "validator failure",
        "The validator itself failed on this input. This is a bug in incidents: please "
        "report it with the input.",
    ),
)

#: Every problem code, by identifier.
CODES: Mapping[str, Code] = MappingProxyType({entry.code: entry for entry in _TABLE})


def codes_markdown() -> str:
    """The code table as Markdown (``docs/codes.md``)."""
    lines = [
        "# Problem codes",
        "",
        "Generated from `incidents/codes.py`; do not edit by hand.",
        "",
        "| code | severity | layer | title | meaning |",
        "|---|---|---|---|---|",
    ]
    for entry in _TABLE:
        lines.append(
            f"| {entry.code} | {entry.severity} | {entry.layer} | {entry.title} "
            f"| {entry.explanation} |"
        )
    return "\n".join(lines) + "\n"
