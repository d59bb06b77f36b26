"""The schema layer of validation: JSON Schema errors as problems a person can act on.

jsonschema's own messages name schema internals ("is not valid under any of the given
schemas"); here each error becomes a code from :mod:`incidents.validation.codes` and a message that
says what to change, using the same wording as the record classes' own checks. Validation
runs offline: the only schema is the bundled one, in a local registry with no retrieval.

The walk steps over a record that the compiled loader accepts as its class (a ``$ref`` to
the definition of a record class, say ``#/$defs/Citation``), and over a text that its
field check passes (a ``$ref`` to ``Line``, ``Url``, an id...): the schema is generated from
those classes and the differential tests hold the two to the same verdict, so such a record
has nothing to report, and a document with one bad field costs the walk of the records
around that field only. ``skip_loaded=False`` walks everything (for the tests that compare).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from typing import Any, Final, get_args, get_origin

import attrs
import jsonschema
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from incidents._compile.loaders import load
from incidents._places import Finding, escape_pointer
from incidents.formats._diagnosis import describe
from incidents.formats._marks import Flagged
from incidents.model._fields import Country, Language, Ref, Text, Url, several
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate, not_a_date
from incidents.model.measure_kinds import VOCABULARIES_BY_NAME
from incidents.model.vocabulary import unknown_term_message
from incidents.schemagen.json_generator import REF_DEFINITIONS, SCHEMA_ID, json_schema

__all__ = ["schema_findings"]

#: (JSON Pointer, code, message)

_TEXT_CHECKS: Final = {"Line": Text(single_line=True), "Text": Text()}
_REF_CHECKS: Final = {name: Ref(kinds) for kinds, name in REF_DEFINITIONS.items()}
_FORMAT_CHECKS: Final = {"LanguageTag": Language(), "Url": Url()}


class _Schema:
    """The bundled schema, its validator, and the names of its definitions.

    With a ``definition`` name (``"Incident"``), the validator checks one record against that
    definition of the same schema: the root's ``$ref`` is pointed at it, so references,
    definition names and messages are exactly those of whole documents.
    """

    def __init__(self, definition: str = "", skip_loaded: bool = True) -> None:
        self.root = json_schema()
        if definition:
            self.root["$ref"] = f"#/$defs/{definition}"
        self.defs: dict[str, Any] = self.root["$defs"]
        self.names = {id(definition): name for name, definition in self.defs.items()}
        resource = Resource.from_contents(self.root)
        registry: Registry[Any] = Registry().with_resource(SCHEMA_ID, resource)
        kind = _skipping_loaded() if skip_loaded else jsonschema.Draft202012Validator
        self.validator = kind(self.root, registry=registry)

    def chain(self, error: ValidationError) -> list[tuple[str | int, Any]]:
        """The (keyword, subschema) steps from the root to the failing keyword.

        jsonschema leaves ``$ref`` out of error paths, so a step that is not in the current
        schema is looked up in the definition the schema refers to (recorded as a ``$ref``
        step, so the definition's name can be found).
        """
        node: Any = self.root
        steps: list[tuple[str | int, Any]] = []
        for segment in error.schema_path:
            while isinstance(node, dict) and segment not in node and "$ref" in node:
                node = self.defs[str(node["$ref"]).rsplit("/", 1)[-1]]
                steps.append(("$ref", node))
            node = node[segment]
            steps.append((segment, node))
        return steps


@cache
def _schema(definition: str = "", skip_loaded: bool = True) -> _Schema:
    return _Schema(definition, skip_loaded)


@cache
def _record_classes() -> dict[str, type]:
    """``$ref`` -> record class, for each definition that is exactly one record class's.

    The dataset is left out (its schema requires ``schema_version``, which has a default in
    the class), and so are claims (their definitions are per value check) and dates
    (written as text).
    """
    classes: dict[str, type] = {}
    stack: list[Any] = [Dataset]
    while stack:
        kind = stack.pop()
        origin = get_origin(kind) or kind
        if isinstance(origin, type) and attrs.has(origin):
            if origin.__name__ in classes or origin is PartialDate:
                continue
            classes[origin.__name__] = origin
            attrs.resolve_types(origin)
            stack += [field.type for field in attrs.fields(origin)]
        stack += [arg for arg in get_args(kind) if arg is not Ellipsis]
    defs = json_schema()["$defs"]
    return {
        f"#/$defs/{name}": cls
        for name, cls in classes.items()
        if name in defs and cls is not Dataset and not getattr(cls, "__parameters__", ())
    }


#: ``$ref`` -> the field check of a text definition; the checks are stricter than the
#: definitions (NFC, real calendar rules), so a text a check passes has nothing to report.
_TEXT_REFS: Final = {
    f"#/$defs/{name}": check
    for name, check in {**_TEXT_CHECKS, **_REF_CHECKS, **_FORMAT_CHECKS}.items()
} | {"#/$defs/CountryCode": Country()}


@cache
def _skipping_loaded() -> Any:
    """The 2020-12 validator, stepping over the records the compiled loader accepts (and
    the texts their field checks pass)."""
    base = jsonschema.Draft202012Validator
    follow = base.VALIDATORS["$ref"]
    classes = _record_classes()

    def ref(validator: Any, ref: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
        if type(instance) is str:
            check = _TEXT_REFS.get(ref)
            if check is None or check.problem(instance) is not None:
                yield from follow(validator, ref, instance, schema)
            return
        cls = classes.get(ref)
        if (
            cls is None
            or type(instance) is not dict
            or load(instance, cls, pairs=False, build=False) is None
        ):
            yield from follow(validator, ref, instance, schema)

    return jsonschema.validators.extend(base, {"$ref": ref})  # type: ignore[no-untyped-call]


def schema_findings(
    data: Any, definition: str = "", *, skip_loaded: bool = True
) -> Iterator[Finding]:
    """Every schema violation in ``data``, as findings.

    ``data`` is a dataset document, or with ``definition`` (a ``$defs`` name such as
    ``"Incident"``) one record checked against that definition; pointers are relative to
    ``data``. ``skip_loaded=False`` also walks the records the compiled loader accepts.
    """
    schema = _schema(definition, skip_loaded)
    for error in schema.validator.iter_errors(data):
        if isinstance(error.instance, Flagged):
            continue  # reported by the syntax layer
        yield from _findings(schema, error)


def _pointer(error: ValidationError) -> str:
    return "".join(f"/{escape_pointer(part)}" for part in error.absolute_path)


def _rule(schema: _Schema, error: ValidationError) -> str | None:
    """The description of the record rule (an ``allOf`` entry) the error is under, if any."""
    steps = schema.chain(error)
    description = None
    for (segment, node), (previous, _) in zip(steps[1:], steps, strict=False):
        if previous == "allOf" and isinstance(segment, int) and isinstance(node, dict):
            description = node.get("description")
    return description


def _definition(schema: _Schema, error: ValidationError) -> str:
    """The name of the definition whose keyword failed ('' if none)."""
    name = ""
    for segment, node in schema.chain(error):
        if segment == "$ref" or isinstance(node, dict):
            name = schema.names.get(id(node), name)
    return name


def _findings(schema: _Schema, error: ValidationError) -> Iterator[Finding]:
    pointer = _pointer(error)
    keyword = error.validator
    value: Any = error.instance
    subschema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    expected: Any = error.validator_value
    rule = _rule(schema, error)
    name = _definition(schema, error)
    if keyword == "additionalProperties" and isinstance(value, dict):
        known = list(subschema.get("properties", {}))
        for key in value:
            if key not in known:
                message = f"unknown field in {_public(name)}; fields are {', '.join(known)}"
                yield f"{pointer}/{escape_pointer(key)}", "E201", message
        return
    if keyword == "required":
        field = ast.literal_eval(error.message.rsplit(" is a required property", 1)[0])
        message = f"required field {field!r} of {_public(name)} is missing"
        yield f"{pointer}/{escape_pointer(field)}", "E202", _with_rule(message, rule)
        return
    if keyword == "dependentRequired":
        # jsonschema says "'longitude' is a dependency of 'latitude'"
        needed, _, given = error.message.partition(" is a dependency of ")
        field = ast.literal_eval(needed)
        message = f"{field!r} is required when {given} is given"
        yield f"{pointer}/{escape_pointer(field)}", "E202", _with_rule(message, rule)
        return
    if keyword == "type":
        words = _TYPE_WORDS.get(str(expected), str(expected))
        if value is None and pointer and not pointer.rsplit("/", 1)[-1].isdigit():
            yield pointer, "E203", "null is not allowed: leave the field out instead"
        elif pointer == "":
            yield pointer, "E203", f"expected a dataset (a JSON object), found {describe(value)}"
        elif isinstance(value, list):
            field = pointer.rsplit("/", 1)[-1]
            yield pointer, "E203", f"expected {words}, {several(field, describe(value))}"
        else:
            yield pointer, "E203", f"expected {words}, found {describe(value)}"
        return
    if keyword == "anyOf" and all("const" in option for option in expected):
        yield (
            pointer,
            "E204",
            unknown_term_message(VOCABULARIES_BY_NAME[name], describe(value), value),
        )
        return
    if keyword == "enum" and name == "CountryCode":
        yield pointer, "E204", f"{value!r} {Country().problem(value)}"
        return
    if keyword == "pattern" and pointer == "/schema_version":
        yield (
            pointer,
            "E206",
            f"{value!r} is not a supported format version; this library reads 1.x",
        )
        return
    if keyword == "pattern":
        yield pointer, *_pattern(name, value, rule)
        return
    if keyword in ("minimum", "maximum"):
        low, high = subschema.get("minimum"), subschema.get("maximum")
        yield pointer, "E207", f"{value!r} is out of range: it must be from {low} to {high}"
        return
    if keyword in ("maxLength", "minLength") and isinstance(value, str):
        code = "E205" if name in _REF_CHECKS else "E206" if name in _FORMAT_CHECKS else "E208"
        if keyword == "minLength":
            yield pointer, code, "must not be empty"
        else:
            yield pointer, code, f"is {len(value)} characters long; the limit is {expected}"
        return
    if name in _TEXT_CHECKS and keyword == "not":
        reason = _TEXT_CHECKS[name].problem(value) or "breaks the text rules"
        yield pointer, "E208", reason
        return
    if rule is not None:
        yield pointer, "E209", rule
        return
    yield pointer, "E210", error.message  # pragma: no cover - every keyword in use is above


_TYPE_WORDS: Final = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "array": "an array",
    "object": "an object",
}


def _public(name: str) -> str:
    """The public class a definition stands for: a claim of any value is a ``Claim``."""
    return "Claim" if name.endswith("Claim") else name


def _with_rule(message: str, rule: str | None) -> str:
    return message if rule is None else f"{message} ({rule})"


def _pattern(name: str, value: Any, rule: str | None) -> tuple[str, str]:
    if name in _REF_CHECKS:
        return "E205", f"{value!r} {_REF_CHECKS[name].problem(value)}"
    if name in _FORMAT_CHECKS:
        return "E206", f"{value!r} {_FORMAT_CHECKS[name].problem(value)}"
    if name == "PartialDate":
        return "E206", f"{value!r} {not_a_date(value)}"
    if name == "Text":
        return "E208", "must not be empty or only white space"
    if rule is not None:
        return "E206", f"{value!r}: {rule}"
    return "E206", f"{value!r} does not have the required form"
