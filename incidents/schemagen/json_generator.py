"""The JSON Schema (draft 2020-12) of a dataset document, generated from the record classes.

The schema is derived from the attrs classes: their fields, types and documentation, and the
field checks' parameters (the id kinds a reference takes, a number's bounds, text rules).
Cross-field rules that JSON Schema can express (which fields a count qualifier needs, that
coordinates come in pairs) are added from :data:`_RECORD_RULES`, next to a pointer to the
Python rule they mirror. Rules JSON Schema cannot express (``low <= best <= high``, Unicode
NFC, an interval's order) are checked by the library's own validation layers; ``docs/codes.md``
lists them with their codes.

Every pattern means the same in every regular-expression dialect a validator may use
(ECMA-262, Python's ``re``, Rust's ``regex``): white space is spelled out as a class instead
of ``\\s`` (whose members differ between the three), and an anchored end is written
``$(?!\\n)``, since Python's ``$`` (which Python's ``jsonschema`` uses) also matches before a
final line feed.

``python scripts/regenerate.py`` writes ``schemas/incidents.schema.json`` from the code;
``--check`` fails when the file differs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any, Final

import attrs

from incidents.formats._strict_json import SCHEMA_KEY
from incidents.model._fields import (
    LANGUAGE_PATTERN,
    Check,
    Country,
    Each,
    FloatRange,
    InstanceOf,
    IntRange,
    Language,
    Maybe,
    Pattern,
    Ref,
    Text,
    Url,
)
from incidents.model.actors import IDENTIFIER_PATTERNS, Actor, ExternalId
from incidents.model.casualties import Casualty
from incidents.model.claims import Claim, ClaimOf
from incidents.model.countries import COUNTRIES
from incidents.model.counts import Count
from incidents.model.dataset import SCHEMA_VERSION, Dataset
from incidents.model.dates import EDTF_PATTERN, PartialDate
from incidents.model.ids import MAX_ID_LENGTH, IdKind, id_pattern
from incidents.model.locations import Location
from incidents.model.measure_kinds import MeasureKind
from incidents.model.measures import DEMANDING_KINDS, DiplomaticMeasure
from incidents.model.vocabulary import ActorKind, CountQualifier, IdentifierScheme, Vocabulary

__all__ = ["REF_DEFINITIONS", "SCHEMA_ID", "json_schema", "json_schema_text"]

#: The schema's ``$id``: stable for every 1.x version of the format.
SCHEMA_ID: Final = "urn:incidents:schema:dataset:1"
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

# Characters no text field may hold (see incidents.model._fields.Text); lone surrogates are left
# out because many regular expression engines cannot express them.
#: White space, spelled out: exactly what ``str.isspace`` calls white space (the model's
#: rule), since ``\s`` differs between dialects (ECMA-262's has U+FEFF and not U+001C-U+001F
#: or U+0085; Rust's has neither U+FEFF nor U+001C-U+001F).
SPACE_CLASS: Final = (
    "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029"
    "\\u202f\\u205f\\u3000"
)
#: What a URL may not hold: white space and the characters text may not hold.
_NOT_IN_URL: Final = SPACE_CLASS + "\\x00-\\x08\\x0e-\\x1b\\x7f-\\x84\\x86-\\x9f\\ufffe\\uffff"
_FORBIDDEN = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]"
_FORBIDDEN_IN_LINE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]"

# Cross-field rules JSON Schema can state, keyed by record; each mirrors the Python rule in
# the record's __attrs_post_init__ (the differential tests keep the two in step). Each rule's
# description is also the message a validator shows when the rule is broken.
_RECORD_RULES: Final[dict[type, list[dict[str, Any]]]] = {
    Count: [
        {
            "description": "a count qualified 'between' needs low and high; any other needs best",
            "if": {
                "required": ["qualifier"],
                "properties": {"qualifier": {"const": CountQualifier.BETWEEN.value}},
            },
            "then": {"required": ["low", "high"]},
            "else": {"required": ["best"]},
        },
        {
            "description": "an exact count (no qualifier) has no low or high",
            "if": {"not": {"required": ["qualifier"]}},
            "then": {"properties": {"low": False, "high": False}},
        },
    ],
    Location: [
        {
            "description": "latitude and longitude come together; precision needs both",
            "dependentRequired": {
                "latitude": ["longitude"],
                "longitude": ["latitude"],
                "precision": ["latitude", "longitude"],
            },
        },
        {
            "description": "a location needs a name, a country or coordinates",
            "anyOf": [
                {"required": ["name"]},
                {"required": ["country"]},
                {"required": ["latitude"]},
            ],
        },
    ],
    Casualty: [
        {
            "description": "give a person (an actor id) or a count",
            "anyOf": [
                {"required": ["person"]},
                {"required": ["count"], "properties": {"count": {"minItems": 1}}},
            ],
        },
        {
            "description": "give a person or a count, not both",
            "not": {"required": ["person", "count"], "properties": {"count": {"minItems": 1}}},
        },
    ],
    ExternalId: [
        {
            "description": f"a {scheme.value} identifier must match {pattern}",
            "if": {"properties": {"scheme": {"const": scheme.value}}},
            "then": {"properties": {"value": {"pattern": pattern}}},
        }
        for scheme, pattern in IDENTIFIER_PATTERNS.items()
    ]
    + [
        {
            "description": "a website identifier must be an http or https URL",
            "if": {"properties": {"scheme": {"const": IdentifierScheme.WEBSITE.value}}},
            "then": {"properties": {"value": {"$ref": "#/$defs/Url"}}},
        }
    ],
    DiplomaticMeasure: [
        {
            "description": "a retroactive measure needs both its announced and effective dates",
            "if": {"required": ["retroactive"], "properties": {"retroactive": {"const": True}}},
            "then": {"required": ["announced", "effective"]},
        },
        {
            "description": "a count needs counted: what it counts",
            "if": {"required": ["count"], "properties": {"count": {"minItems": 1}}},
            "then": {"required": ["counted"]},
        },
        {
            "description": "counted needs a count",
            "if": {"required": ["counted"]},
            "then": {"required": ["count"], "properties": {"count": {"minItems": 1}}},
        },
        {
            "description": "only a demand or threaten measure has demanded",
            "if": {"required": ["demanded"]},
            "then": {"properties": {"kind": {"enum": sorted(DEMANDING_KINDS)}}},
        },
    ],
    Actor: [
        {
            "description": "only an actor of kind 'coalition' has members",
            "if": {
                "anyOf": [
                    {"required": ["members"], "properties": {"members": {"minItems": 1}}},
                    {"required": ["member_count"]},
                ]
            },
            "then": {"properties": {"kind": {"const": ActorKind.COALITION.value}}},
        }
    ],
}

# Fields that have a Python default but must be present in a document.
_REQUIRED_ON_THE_WIRE: Final = {(Dataset, "schema_version")}

#: The ``$defs`` name of each kind of reference (the id kinds it accepts).
REF_DEFINITIONS: Final[dict[tuple[IdKind, ...], str]] = {
    ("actor",): "ActorId",
    ("source",): "SourceId",
    ("incident",): "IncidentId",
    ("measure",): "MeasureId",
    ("incident", "measure"): "IncidentOrMeasureId",
}


class _Builder:
    """Collects ``$defs`` while walking the record classes."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, name: str, make: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: records may refer to themselves
            self.defs[name] = make()
        return {"$ref": f"#/$defs/{name}"}

    def record(self, cls: type, value_check: Check | None = None, name: str = "") -> dict[str, Any]:
        """The ``$ref`` of a record's definition (a claim's value check picks its variant)."""
        return self.ref(name or cls.__name__, lambda: self._record_schema(cls, value_check))

    def _record_schema(self, cls: type, value_check: Check | None) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if field.name == "value" and value_check is not None:
                value = self.value(value_check)
            else:
                value = self.field(field)
            properties[field.name] = {"description": field.metadata["doc"], **value}
            if field.default is attrs.NOTHING or (cls, field.name) in _REQUIRED_ON_THE_WIRE:
                required.append(field.name)
        schema: dict[str, Any] = {
            "type": "object",
            "description": _doc(cls),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        if not required:
            del schema["required"]
        rules = _RECORD_RULES.get(cls)
        if rules:
            schema["allOf"] = rules
        return schema

    def field(self, field: attrs.Attribute[Any]) -> dict[str, Any]:
        check = field.validator
        if not isinstance(check, Check):  # pragma: no cover - every model field has a check
            raise TypeError(f"{field.name} has no field check to derive a schema from")
        return self.value(check)

    def value(self, check: Check) -> dict[str, Any]:
        if isinstance(check, Maybe):
            return self.value(check.check)
        if isinstance(check, Each):
            schema: dict[str, Any] = {"type": "array", "items": self.value(check.check)}
            if check.min_items:
                schema["minItems"] = check.min_items
            return schema
        if isinstance(check, ClaimOf):
            name = f"{_value_name(check.check)}Claim"
            return self.record(Claim, check.check, name)
        if isinstance(check, Ref):
            name = REF_DEFINITIONS[check.kinds]
            return self.ref(name, lambda: _id_schema(check))
        if isinstance(check, Text):
            name = "Line" if check.single_line else "Text"
            schema = self.ref(name, lambda: _text_schema(check.single_line))
            return {**schema, "maxLength": check.max_length}
        if isinstance(check, Country):
            return self.ref("CountryCode", _country_schema)
        if isinstance(check, Language):
            return self.ref("LanguageTag", _language_schema)
        if isinstance(check, Url):
            return self.ref("Url", _url_schema)
        if isinstance(check, Pattern):
            return {"type": "string", "pattern": check.regex}
        if isinstance(check, IntRange):
            return {"type": "integer", "minimum": check.minimum, "maximum": check.maximum}
        if isinstance(check, FloatRange):
            return {"type": "number", "minimum": check.minimum, "maximum": check.maximum}
        if isinstance(check, InstanceOf):
            return self.instance(check.kind)
        raise TypeError(f"no schema for {check!r}")  # pragma: no cover

    def instance(self, kind: type | tuple[type, ...]) -> dict[str, Any]:
        if kind is bool:
            return {"type": "boolean"}
        if kind is PartialDate:
            return self.ref("PartialDate", _date_schema)
        if isinstance(kind, type) and issubclass(kind, Vocabulary):
            vocabulary = kind
            return self.ref(kind.__name__, lambda: _vocabulary_schema(vocabulary))
        if isinstance(kind, type) and attrs.has(kind):
            return self.record(kind)
        raise TypeError(f"no schema for {kind!r}")  # pragma: no cover


def _value_name(check: Check) -> str:
    if isinstance(check, InstanceOf) and isinstance(check.kind, type):
        return check.kind.__name__
    if isinstance(check, Ref):
        return REF_DEFINITIONS[check.kinds]
    if isinstance(check, Text):
        return "Text"
    raise TypeError(f"no claim name for {check!r}")  # pragma: no cover


def _doc(cls: type) -> str:
    """The class docstring as one paragraph per line, without indentation."""
    text = (cls.__doc__ or "").strip()
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    return "\n\n".join(paragraphs)


def _id_schema(check: Ref) -> dict[str, Any]:
    kinds = " or ".join(f"'{kind}:'" for kind in check.kinds)
    return {
        "type": "string",
        "description": f"An id starting {kinds}, then lower-case words joined by hyphens.",
        "pattern": id_pattern(*check.kinds),
        "maxLength": MAX_ID_LENGTH,
    }


def _text_schema(single_line: bool) -> dict[str, Any]:
    if single_line:
        return {
            "type": "string",
            "description": "One line of text in Unicode NFC: not blank, no line breaks or tabs, "
            "no leading or trailing white space, no control characters.",
            "minLength": 1,
            "not": {
                "type": "string",
                "anyOf": [
                    {"pattern": _FORBIDDEN_IN_LINE},
                    {"pattern": f"^[{SPACE_CLASS}]"},
                    {"pattern": f"[{SPACE_CLASS}]$"},
                ],
            },
        }
    return {
        "type": "string",
        "description": "Text in Unicode NFC: not blank, no control characters but tab and line "
        "feed, no carriage returns.",
        "pattern": f"[^{SPACE_CLASS}]",
        "not": {"type": "string", "pattern": _FORBIDDEN},
    }


def _country_schema() -> dict[str, Any]:
    return {
        "type": "string",
        "description": "An officially assigned ISO 3166-1 alpha-2 country code.",
        "enum": sorted(COUNTRIES),
    }


def _language_schema() -> dict[str, Any]:
    return {
        "type": "string",
        "description": "A BCP 47 language tag such as 'az', 'ru' or 'az-Latn'.",
        "pattern": LANGUAGE_PATTERN,
        "maxLength": 35,
    }


def _url_schema() -> dict[str, Any]:
    return {
        "type": "string",
        "description": "An absolute http or https URL.",
        "pattern": f"^https?://[^{_NOT_IN_URL}/?#@]+(?:[/?#][^{_NOT_IN_URL}]*)?$",
        "maxLength": 2048,
    }


def _date_schema() -> dict[str, Any]:
    return {
        "type": "string",
        "description": "A partial date in EDTF: '2025', '2025-06', '2025-06-27', qualified "
        "with '~' (approximate), '?' (uncertain) or '%' (both); an interval "
        "'2024-12-25/2025-07-04', with an open ('2018-03-14/..') or unknown ('2018-03-14/') "
        "end; unspecified digits at the end ('2018-03-XX', '2018-XX', '201X').",
        "pattern": EDTF_PATTERN,
    }


def _vocabulary_schema(kind: type[Vocabulary]) -> dict[str, Any]:
    options = []
    for member in kind:
        description = member.description
        if isinstance(member, MeasureKind):
            description += _crosswalk(member)
        options.append({"const": member.value, "description": description})
    return {"type": "string", "description": _doc(kind), "anyOf": options}


def _crosswalk(member: MeasureKind) -> str:
    parts = []
    for system, mapping in (("CAMEO", member.cameo), ("PLOVER", member.plover)):
        if mapping is None:
            parts.append(f"{system}: none")
        else:
            nearest = "" if mapping.exact else " (nearest)"
            parts.append(f"{system}: {mapping.code} {mapping.label}{nearest}")
    return " [" + "; ".join(parts) + "]"


@cache
def _generate() -> str:
    builder = _Builder()
    root = builder.record(Dataset)
    dataset = builder.defs["Dataset"]
    dataset["properties"] = {
        SCHEMA_KEY: {
            "type": "string",
            "description": "The address of this schema, for editors that complete and check "
            "a file from it; readers ignore it and writers leave it out.",
        },
        **dataset["properties"],
    }
    schema = {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": f"incidents dataset, format {SCHEMA_VERSION}",
        "description": _doc(Dataset),
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
    _portable_ends(schema)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _portable_ends(node: Any) -> None:
    """Write every pattern's anchored end ``$`` as ``$(?!\\n)`` (see the module docstring)."""
    if isinstance(node, list):
        for item in node:
            _portable_ends(item)
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "pattern" and isinstance(value, str) and value.endswith("$"):
            node[key] = value + "(?!\\n)"
        elif key != "pattern":
            _portable_ends(value)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a dataset document (a fresh copy each call)."""
    schema: dict[str, Any] = json.loads(_generate())
    return schema


def json_schema_text() -> str:
    """The JSON Schema as the text committed under ``schemas/``."""
    return _generate()
