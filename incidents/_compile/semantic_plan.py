"""Per-class plans for the semantic layer, compiled once per record class.

Which fields of a record class can hold a reference, a claim or a count follows from the
field checks attrs runs (:mod:`incidents.model._fields`): a
:class:`~incidents.model._fields.Ref` is a reference, a
:class:`~incidents.model.claims.ClaimOf` a claim (whose claimant is a reference too), an
:class:`~incidents.model._fields.InstanceOf` a nested record with fields of its own. This module
reads those checks once per record class and writes a small Python function that walks a
record's plain data along exactly those fields: nested loops with no call per value, no
generator, and a JSON Pointer built only when a finding is produced. The functions are
compiled from source text made here (never from the data), so they can be read with
:func:`plan_source`.

Two walkers per class:

* :func:`reference_walker`: E402 and E403, the references that name no known id (as
  candidates: :func:`unresolved` makes the findings, so a reader can first note the
  references to ids it has not seen yet, and settle them when it has seen every record);
* :func:`claim_walker`: E406 (counts out of order) and W403 (repeated claims), or ``None``
  when the class holds neither.

Both append ``(pointer, code, message)`` to a list, in the order of the fields, then of the
items; a record's pointer is ``f"{base}{position}"`` (``base`` ``"/incidents/"`` and
``position`` ``3``, or a whole pointer and ``""``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Container
from functools import cache
from typing import Any, Final

import attrs

from incidents._compile.codegen import define
from incidents._places import Finding, escape_pointer
from incidents.model._fields import Check, Each, InstanceOf, Maybe, Ref
from incidents.model.citations import Citation
from incidents.model.claims import Claim, ClaimOf
from incidents.model.counts import Count, bounds_out_of_order
from incidents.model.ids import id_kind

__all__ = [
    "Candidate",
    "ClaimWalker",
    "ReferenceWalker",
    "claim_walker",
    "plan_source",
    "reference_walker",
    "referring_fields",
    "repeated_claims",
    "unresolved",
]

#: (JSON Pointer, code, message)

#: A reference that names no id the walker knew of: (pointer parts, the id kinds its field
#: takes, E402 or E403, the reference)
Candidate = tuple[tuple[Any, ...], tuple[str, ...], str, str]
#: ``walker(record, known, out, base, position)`` appends a :data:`Candidate` for each
#: reference that is text and not in ``known`` (:func:`unresolved` makes the findings)
ReferenceWalker = Callable[[dict[str, Any], Container[str], list[Candidate], str, Any], None]
#: ``walker(record, out, base, position)``
ClaimWalker = Callable[[dict[str, Any], list[Finding], str, Any], None]

_SOURCES: Final[dict[str, str]] = {}


def plan_source(name: str) -> str:
    """The source text of a compiled walker, e.g. ``"references_Incident"``."""
    return _SOURCES[name]


# --------------------------------------------------------------------------------- plans


def referring_fields(kind: type) -> tuple[str, ...]:
    """The names of the fields of ``kind`` (but its id) that :func:`reference_walker` reads."""
    return tuple(name for name, _ in _fields_that_refer(kind))


@cache
def _fields_that_refer(kind: type) -> tuple[tuple[str, Check], ...]:
    """The fields of ``kind`` (but its id) that can hold a reference, with their checks."""
    return tuple(
        (field.name, field.validator)
        for field in attrs.fields(kind)
        if field.name != "id" and isinstance(field.validator, Check) and _refers(field.validator)
    )


def _refers(check: Check) -> bool:
    if isinstance(check, Maybe | Each):
        return _refers(check.check)
    if isinstance(check, Ref | ClaimOf):
        return True  # a claim's claimant is a reference
    if isinstance(check, InstanceOf) and isinstance(check.kind, type) and attrs.has(check.kind):
        return bool(_fields_that_refer(check.kind))
    return False


@cache
def _fields_with_claims(kind: type) -> tuple[tuple[str, Check], ...]:
    """The fields of ``kind`` that can hold a count or claims, with their checks."""
    return tuple(
        (field.name, field.validator)
        for field in attrs.fields(kind)
        if isinstance(field.validator, Check) and _holds_claims(field.validator)
    )


def _holds_claims(check: Check) -> bool:
    if isinstance(check, Maybe | Each):
        return _holds_claims(check.check)
    if isinstance(check, ClaimOf):
        return True
    if isinstance(check, InstanceOf) and isinstance(check.kind, type) and attrs.has(check.kind):
        return check.kind is Count or bool(_fields_with_claims(check.kind))
    return False


# ----------------------------------------------------------------------- code generation


class _Writer:
    """Fresh variable names and constants for one generated function."""

    def __init__(self) -> None:
        self.names = 0
        self.constants: dict[str, object] = {}

    def name(self, stem: str) -> str:
        self.names += 1
        return f"{stem}{self.names}"

    def constant(self, value: object) -> str:
        name = f"_k{len(self.constants)}"
        self.constants[name] = value
        return name


def _block(header: str, body: list[str]) -> list[str]:
    """``header`` with ``body`` indented under it; nothing if the body is empty."""
    return [header, *(f"    {line}" for line in body)] if body else []


def _pointer(parts: list[str]) -> str:
    """An expression joining the pointer ``parts`` (expressions) into one string."""
    return f"_join(({', '.join(parts)},))"


def _join(parts: tuple[object, ...]) -> str:
    return "".join(map(str, parts))


def unresolved(candidates: list[Candidate], known: Container[str]) -> list[Finding]:
    """E402 and E403 for the ``candidates`` of a :data:`ReferenceWalker` that name no id in
    ``known`` and are well-formed ids of a kind their field takes (the schema layer reports
    the others)."""
    findings: list[Finding] = []
    for parts, kinds, code, value in candidates:
        if value in known or id_kind(value) not in kinds:
            continue
        if code == "E403":
            message = f"cites {value!r}, which is not a source in this dataset"
        else:
            message = f"refers to {value!r}, which is not in this dataset"
        findings.append((_join(parts), code, message))
    return findings


def _reference_record(kind: type, var: str, pointer: list[str], writer: _Writer) -> list[str]:
    """The references in the fields of ``var``, a dict holding a ``kind``."""
    citation = kind is Citation
    lines: list[str] = []
    for name, check in _fields_that_refer(kind):
        value = writer.name("v")
        path = [*pointer, repr(f"/{name}")]
        body = _reference_value(check, value, path, citation, writer)
        if body:
            lines += [f"{value} = {var}.get({name!r})", *body]
    return lines


def _reference_value(
    check: Check, var: str, pointer: list[str], citation: bool, writer: _Writer
) -> list[str]:
    if isinstance(check, Maybe):
        return _reference_value(check.check, var, pointer, citation, writer)
    if isinstance(check, Each):
        position, item = writer.name("p"), writer.name("i")
        body = _reference_value(check.check, item, [*pointer, "'/'", position], citation, writer)
        loop = _block(f"for {position}, {item} in enumerate({var}):", body)
        return _block(f"if isinstance({var}, list):", loop)
    if isinstance(check, Ref):
        kinds = writer.constant(check.kinds)
        code = "E403" if citation else "E402"
        return [
            f"if isinstance({var}, str) and {var} not in known:",
            f"    out.append((({', '.join(pointer)},), {kinds}, {code!r}, {var}))",
        ]
    if isinstance(check, ClaimOf):
        body = _reference_record(Claim, var, pointer, writer)
        value = writer.name("v")
        inner = _reference_value(check.check, value, [*pointer, "'/value'"], citation, writer)
        if inner:
            body += [f"{value} = {var}.get('value')", *inner]
        return _block(f"if isinstance({var}, dict):", body)
    if isinstance(check, InstanceOf) and isinstance(check.kind, type) and attrs.has(check.kind):
        return _block(
            f"if isinstance({var}, dict):", _reference_record(check.kind, var, pointer, writer)
        )
    return []


def _claim_record(kind: type, var: str, pointer: list[str], writer: _Writer) -> list[str]:
    """Counts and repeated claims in ``var``, a dict holding a ``kind``."""
    if kind.__name__ == "Count":
        low, best, high = writer.name("low"), writer.name("best"), writer.name("high")
        return [
            f"{low} = {var}.get('low')",
            f"{best} = {var}.get('best')",
            f"{high} = {var}.get('high')",
            f"if type({best}) is int:",
            f"    disordered = (type({low}) is int and {low} > {best}) or (",
            f"        type({high}) is int and {best} > {high})",
            "else:",
            f"    disordered = type({low}) is int and type({high}) is int and {low} > {high}",
            "if disordered:",
            f"    out.extend(_count_order({low}, {best}, {high}, {_pointer(pointer)}))",
        ]
    lines: list[str] = []
    for name, check in _fields_with_claims(kind):
        value = writer.name("v")
        body = _claim_value(check, value, [*pointer, repr(f"/{escape_pointer(name)}")], writer)
        if body:
            lines += [f"{value} = {var}.get({name!r})", *body]
    return lines


def _claim_value(check: Check, var: str, pointer: list[str], writer: _Writer) -> list[str]:
    if isinstance(check, Maybe):
        return _claim_value(check.check, var, pointer, writer)
    if isinstance(check, Each):
        body: list[str] = []
        if isinstance(check.check, ClaimOf):
            body += [
                f"if len({var}) > 1 and _may_repeat({var}):",
                f"    out.extend(repeated_claims({var}, {_pointer(pointer)}))",
            ]
        position, item = writer.name("p"), writer.name("i")
        inner = _claim_value(check.check, item, [*pointer, "'/'", position], writer)
        body += _block(f"for {position}, {item} in enumerate({var}):", inner)
        return _block(f"if isinstance({var}, list):", body)
    if isinstance(check, ClaimOf):
        body = []
        claimed = check.check
        if isinstance(claimed, InstanceOf) and isinstance(claimed.kind, type):
            value = writer.name("v")
            record = _claim_record(claimed.kind, value, [*pointer, "'/value'"], writer)
            if record:
                body += [f"{value} = {var}.get('value')"]
                body += _block(f"if isinstance({value}, dict):", record)
        body += _claim_record(Claim, var, pointer, writer)
        return _block(f"if isinstance({var}, dict):", body)
    if isinstance(check, InstanceOf) and isinstance(check.kind, type) and attrs.has(check.kind):
        return _block(
            f"if isinstance({var}, dict):", _claim_record(check.kind, var, pointer, writer)
        )
    return []


def _compile(name: str, arguments: str, body: list[str], writer: _Writer) -> Any:
    source = "\n".join([f"def {name}({arguments}):", *(f"    {line}" for line in body), ""])
    namespace: dict[str, Any] = {
        "_join": _join,
        "_count_order": _count_order,
        "_may_repeat": _may_repeat,
        "repeated_claims": repeated_claims,
        **writer.constants,
    }
    _SOURCES[name] = source
    return define(source, f"<semantic plan {name}>", namespace)[name]


@cache
def reference_walker(kind: type) -> ReferenceWalker:
    """The E402/E403 walker of a record class: ``walker(record, known, out, base, position)``."""
    writer = _Writer()
    body = _reference_record(kind, "record", ["base", "position"], writer) or ["pass"]
    walker: ReferenceWalker = _compile(
        f"references_{kind.__name__}", "record, known, out, base, position", body, writer
    )
    return walker


@cache
def claim_walker(kind: type) -> ClaimWalker | None:
    """The E406/W403 walker of a record class (``walker(record, out, base, position)``), or
    ``None`` if the class can hold no count or claim."""
    writer = _Writer()
    body = _claim_record(kind, "record", ["base", "position"], writer)
    if not body:
        return None
    walker: ClaimWalker = _compile(
        f"claims_{kind.__name__}", "record, out, base, position", body, writer
    )
    return walker


# ------------------------------------------------------------------- counts and claims


def _count_order(low: object, best: object, high: object, pointer: str) -> list[Finding]:
    disorder = bounds_out_of_order(low, best, high)
    if disorder is None:
        return []
    field, _, reason = disorder
    return [(f"{pointer}/{field}", "E406", reason)]


def _may_repeat(claims: list[Any]) -> bool:
    """Whether two of ``claims`` may have the same claimant, stance and value.

    ``False`` when every claim's claimant and stance are text (or absent) and no two claims
    share both: their values need not be compared then. Otherwise :func:`repeated_claims`
    decides.
    """
    seen: set[tuple[str | None, str | None]] = set()
    for claim in claims:
        if not isinstance(claim, dict):
            continue
        claimant = claim.get("claimed_by")
        stance = claim.get("stance", "asserts")
        if (claimant is not None and type(claimant) is not str) or (
            stance is not None and type(stance) is not str
        ):
            return True
        key = (claimant, stance)
        if key in seen:
            return True
        seen.add(key)
    return False


def repeated_claims(claims: list[Any], pointer: str) -> list[Finding]:
    """W403 for each claim of a list that repeats an earlier one's claimant, stance and value."""
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for position, claim in enumerate(claims):
        if not isinstance(claim, dict):
            continue
        key = json.dumps(
            [claim.get("claimed_by"), claim.get("stance", "asserts"), claim.get("value")],
            sort_keys=True,
            default=str,
        )
        if key in seen:
            message = f"repeats claim {seen[key]}: same claimant, stance and value"
            findings.append((f"{pointer}/{position}", "W403", message))
        else:
            seen[key] = position
    return findings
