"""The reference page of the record model, generated from the code.

:func:`model_reference_markdown` walks the record classes from :class:`~incidents.Dataset`:
each record's fields with their types, whether they are required, their defaults, the
constraints their field checks enforce (id kinds, bounds, text rules) and their
descriptions, the record rules the JSON Schema states, and every vocabulary member with its
description (measure kinds with their CAMEO and PLOVER codes). :func:`cli_reference_markdown`
renders the help of the command line's argument parser. ``scripts/regenerate.py`` writes both
under ``docs/reference/``, and the tests fail when a committed page differs from the code.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from typing import Any, Final

import attrs

from incidents.model._fields import (
    MAX_COUNT,
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
from incidents.model.claims import Claim, ClaimOf
from incidents.model.countries import COUNTRIES
from incidents.model.dataset import SCHEMA_VERSION, Dataset
from incidents.model.dates import PartialDate
from incidents.model.ids import ID_KINDS, id_pattern
from incidents.model.measure_kinds import CodeMapping, MeasureKind
from incidents.model.vocabulary import Vocabulary
from incidents.schemagen.json_generator import json_schema
from incidents.views.coverage import coverage_markdown

__all__ = ["GENERATED", "model_reference_markdown"]

#: The note at the top of every generated page, naming its source.
GENERATED: Final = "<!-- Generated from {} by scripts/regenerate.py; do not edit. -->"


# The record model ---------------------------------------------------------------------------


def model_reference_markdown() -> str:
    """The model reference page (``docs/reference/model.md``) as Markdown."""
    records = _records()
    vocabularies = _vocabularies(records)
    defs = json_schema()["$defs"]
    lines = [
        "# Model reference",
        "",
        GENERATED.format("the record classes and vocabularies"),
        "",
        f"Every record of the format (version {SCHEMA_VERSION}), field by field, and every "
        "term of every vocabulary. A field's name is its JSON key and its XML attribute or "
        "element. Optional fields equal to their default are left out when a dataset is "
        "written. The [record model](../model.md) page explains the decisions behind it.",
        "",
        "## Records",
        "",
    ]
    for cls in records:
        lines += _record_section(cls, defs)
    lines += ["## Value types", ""]
    lines += _value_types(defs)
    lines += ["## Vocabularies", ""]
    lines += [
        "Each vocabulary is a closed set of snake_case strings; the Python members are "
        '`str` enums (`ActorKind.STATE == "state"`).',
        "",
    ]
    for vocabulary in vocabularies:
        lines += _vocabulary_section(vocabulary)
    return "\n".join(lines).rstrip("\n") + "\n"


def _records() -> list[type]:
    """The record classes reachable from :class:`Dataset`, in the order they are met."""
    found: list[type] = []
    queue: list[type] = [Dataset]
    while queue:
        cls = queue.pop(0)
        if cls in found:
            continue
        found.append(cls)
        for field in attrs.fields(cls):
            queue += [kind for kind in _kinds(field.validator) if attrs.has(kind)]
    return found


def _vocabularies(records: list[type]) -> list[type[Vocabulary]]:
    found: list[type[Vocabulary]] = []
    for cls in records:
        for field in attrs.fields(cls):
            for kind in _kinds(field.validator):
                if issubclass(kind, Vocabulary) and kind not in found:
                    found.append(kind)
    return found


def _kinds(check: object) -> Iterator[type]:
    """The record and vocabulary classes a field check accepts (not value types)."""
    if isinstance(check, Maybe | Each):
        yield from _kinds(check.check)
    elif isinstance(check, ClaimOf):
        yield Claim
        yield from _kinds(check.check)
    elif isinstance(check, InstanceOf):
        kinds = check.kind if isinstance(check.kind, tuple) else (check.kind,)
        yield from (kind for kind in kinds if kind is not PartialDate and kind is not bool)


def _claim_fields(records: list[type]) -> Iterator[str]:
    """'`Record.field`: value type' for every field that holds claims."""
    for cls in records:
        for field in attrs.fields(cls):
            check = field.validator
            inner = check.check if isinstance(check, Each) else check
            if isinstance(inner, ClaimOf):
                constraints = _constraints(inner.check)
                suffix = f" ({constraints})" if constraints else ""
                yield f"`{cls.__name__}.{field.name}`: {_type(inner.check)}{suffix}"


def _record_section(cls: type, defs: dict[str, Any]) -> list[str]:
    required = set(defs.get(cls.__name__, {}).get("required", ()))
    if cls is Claim:
        required = {"value"}
    lines = [f"### {cls.__name__} {{#{_anchor(cls)}}}", "", _doc(cls), ""]
    lines += ["| field | type | required | constraints | description |", "|---|---|---|---|---|"]
    for field in attrs.fields(cls):
        if cls is Claim and field.name == "value":
            kind = "the claimed value"
            constraints = "as the field holding the claims requires"
        else:
            kind, constraints = _type(field.validator), _constraints(field.validator)
        needed = "yes" if field.name in required else _default(field.default)
        text = field.metadata["doc"]
        lines.append(f"| `{field.name}` | {kind} | {needed} | {constraints} | {text} |")
    lines.append("")
    if cls is Claim:
        lines += ["The fields that hold claims, and the type of their values:", ""]
        lines += [f"- {item}" for item in _claim_fields(_records())]
        lines.append("")
    rules = [
        re.sub(r"must match (\S+)", r"must match `\1`", rule["description"])
        for rule in defs.get(cls.__name__, {}).get("allOf", ())
    ]
    if rules:
        lines += [
            "Rules across its fields (the JSON Schema states them too):",
            "",
        ]
        lines += [f"- {rule}" for rule in rules]
        lines.append("")
    return lines


def _anchor(cls: type) -> str:
    return cls.__name__.lower()


def _doc(obj: object) -> str:
    """A docstring as Markdown paragraphs, without indentation."""
    text = inspect.cleandoc(obj.__doc__ or "")
    return "\n\n".join(" ".join(part.split()) for part in text.split("\n\n"))


def _type(check: object) -> str:
    """A field check's type, in words, linked to its section."""
    if isinstance(check, Maybe):
        return _type(check.check)
    if isinstance(check, Each):
        return f"list of {_type(check.check)}"
    if isinstance(check, ClaimOf):
        return f"[claims](#claim) of {_type(check.check)}"
    if isinstance(check, Ref):
        return "[id](#ids)"
    if isinstance(check, Text):
        return "[line of text](#text)" if check.single_line else "[text](#text)"
    if isinstance(check, Country):
        return "[country code](#country-codes)"
    if isinstance(check, Language):
        return "[language tag](#language-tags)"
    if isinstance(check, Url):
        return "[URL](#urls)"
    if isinstance(check, Pattern):
        return "string"
    if isinstance(check, IntRange):
        return "integer"
    if isinstance(check, FloatRange):
        return "number"
    if isinstance(check, InstanceOf) and isinstance(check.kind, type):
        if check.kind is bool:
            return "boolean"
        if check.kind is PartialDate:
            return "[partial date](#partial-dates)"
        name = check.kind.__name__
        return f"[{name}](#{name.lower()})"
    raise TypeError(f"no type for {check!r}")  # pragma: no cover - every field has a check


def _constraints(check: object) -> str:
    """What a field check requires beyond its type, in words."""
    if isinstance(check, Maybe):
        return _constraints(check.check)
    if isinstance(check, Each):
        inner = _constraints(check.check)
        at_least = f"at least {check.min_items} item(s)" if check.min_items else ""
        return "; ".join(part for part in (at_least, inner) if part)
    if isinstance(check, ClaimOf):
        return _constraints(check.check)
    if isinstance(check, Ref):
        return " or ".join(f"`{kind}:…`" for kind in check.kinds)
    if isinstance(check, Text):
        rules = ["one line, no white space at either end"] if check.single_line else []
        return "; ".join([*rules, f"at most {check.max_length:,} characters"])
    if isinstance(check, Pattern):
        return check.meaning
    if isinstance(check, IntRange):
        return f"from {check.minimum:,} to {check.maximum:,}"
    if isinstance(check, FloatRange):
        return f"from {check.minimum:g} to {check.maximum:g}"
    kind = check.kind if isinstance(check, InstanceOf) else None
    if isinstance(kind, type) and issubclass(kind, Vocabulary):
        return f"one of {len(kind)} terms"
    return ""


def _default(value: object) -> str:
    """'no', with the default when it is not simply 'absent'."""
    if value is None or value == ():
        return "no"
    if isinstance(value, bool):
        return f"no (default `{str(value).lower()}`)"
    return f'no (default `"{value}"`)'


def _value_types(defs: dict[str, Any]) -> list[str]:
    ids = [f"- `{kind}:…`: `{id_pattern(kind)}`" for kind in ID_KINDS]
    countries = " · ".join(f"`{code}` {name}" for code, name in COUNTRIES.items())
    return [
        "### Ids {#ids}",
        "",
        "Ids are `kind:slug`: the kind of record, a colon, then lower-case ASCII letters and "
        "digits in words joined by single hyphens (at most 130 characters in all). A field "
        "that refers to another record accepts only ids of the kinds its type names. "
        "`incidents.make_id(kind, name)` builds one from a name. The patterns:",
        "",
        *ids,
        "",
        "### Text {#text}",
        "",
        f"- **text**: {defs['Text']['description']}",
        f"- **line of text**: {defs['Line']['description']}",
        "",
        "Each field's greatest length is in its constraints. Rules no schema can state (Unicode "
        "NFC, text that is only invisible characters) are checked by `incidents.validate` "
        "(code E301).",
        "",
        "### Partial dates {#partial-dates}",
        "",
        f"{defs['PartialDate']['description']} On the wire a partial date is a string matching:",
        "",
        "```text",
        defs["PartialDate"]["pattern"],
        "```",
        "",
        "The day must exist (no 30 February) and an interval must not end before it starts "
        "(code E302).",
        "",
        "### Numbers {#numbers}",
        "",
        f"Integers are from 0 to 2**53 - 1 ({MAX_COUNT:,}) unless a field says otherwise, so "
        "that every JSON implementation reads them exactly; numbers are finite.",
        "",
        "### Country codes {#country-codes}",
        "",
        f"{defs['CountryCode']['description']} Upper case; the {len(COUNTRIES)} codes:",
        "",
        f'??? note "All {len(COUNTRIES)} codes"',
        "",
        f"    {countries}",
        "",
        "### Language tags {#language-tags}",
        "",
        f"{defs['LanguageTag']['description']} The accepted shape:",
        "",
        "```text",
        defs["LanguageTag"]["pattern"],
        "```",
        "",
        "### URLs {#urls}",
        "",
        f"{defs['Url']['description']} At most {defs['Url']['maxLength']:,} characters, no "
        "white space.",
        "",
    ]


def _vocabulary_section(vocabulary: type[Vocabulary]) -> list[str]:
    name = vocabulary.__name__
    lines = [f"### {name} {{#{name.lower()}}}", "", _doc(vocabulary), ""]
    if issubclass(vocabulary, MeasureKind):
        lines += [
            "CAMEO codes follow the CAMEO 1.1b3 codebook, PLOVER codes the PLOVER manual (draft "
            "0.8) with the POLECAT names; *nearest* marks a code that is only the closest one.",
            "",
            "| term | description | CAMEO | PLOVER | note |",
            "|---|---|---|---|---|",
        ]
        for kind in MeasureKind:
            lines.append(
                f"| `{kind.value}` | {kind.description} | {_code(kind.cameo, labelled=True)} "
                f"| {_code(kind.plover, labelled=False)} | {kind.note} |"
            )
        lines += ["", *coverage_markdown()]
    else:
        lines += ["| term | description |", "|---|---|"]
        lines += [f"| `{member.value}` | {member.description} |" for member in vocabulary]
    lines.append("")
    return lines


def _code(mapping: CodeMapping | None, *, labelled: bool) -> str:
    """A code (with its label: PLOVER labels only repeat the code) and whether it is exact."""
    if mapping is None:
        return "none"
    label = f" {mapping.label}" if labelled else ""
    nearest = "" if mapping.exact else " (*nearest*)"
    return f"`{mapping.code}`{label}{nearest}"
