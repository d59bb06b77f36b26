"""List every problem that keeps plain data from becoming records, each with its path.

The converter (the fast path) stops at the first problem and does not say where. When it
fails, or when the JSON reader flagged a problem of its own (a duplicate key, a NaN), this
module walks the data against the record classes' annotations and reports every problem:
wrong types, unknown and missing fields, bad vocabulary values, dates that do not parse,
and the records' own field checks, as ``$.incidents[2].date``-style paths.

A record the compiled loader accepts (:mod:`incidents._compile.loaders`) has nothing to
report and is not walked, so the walk of a record with one bad field goes down to that
field only; ``skip_loaded=False`` walks everything (for the tests that compare).
"""

from __future__ import annotations

import types
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs

from incidents._compile.loaders import load
from incidents._places import join_path
from incidents.errors import FieldError, ParseProblem
from incidents.formats._marks import Flagged
from incidents.model._fields import several
from incidents.model.dates import PartialDate
from incidents.model.vocabulary import Vocabulary, unknown_term_message

__all__ = ["describe", "diagnose"]

_MAX_LISTED = 12


def diagnose(
    data: Any, kind: type[Any], converter: Any, path: str = "$", *, skip_loaded: bool = True
) -> list[ParseProblem]:
    """Every problem that keeps ``data`` from structuring as ``kind``, in document order."""
    problems: list[ParseProblem] = []
    _Walk(converter, problems, skip_loaded).value(data, kind, path, {})
    return problems


class _Walk:
    def __init__(self, converter: Any, problems: list[ParseProblem], skip_loaded: bool) -> None:
        self.converter = converter
        self.problems = problems
        self.skip_loaded = skip_loaded

    def report(self, path: str, message: str, code: str) -> None:
        self.problems.append(ParseProblem(path, message, code=code))

    def value(self, data: Any, kind: Any, path: str, bindings: dict[Any, Any]) -> bool:
        """Check ``data`` against ``kind``; report problems; return whether it is fine."""
        if isinstance(data, Flagged):
            self.report(path, data.message, data.code)
            return False
        if isinstance(kind, TypeVar):
            kind = bindings.get(kind, Any)
        if kind is Any:
            return True
        origin = get_origin(kind)
        if origin in (Union, types.UnionType):
            options = [arg for arg in get_args(kind) if arg is not type(None)]
            if data is None:
                self.report(path, "null is not allowed: leave the field out instead", "E203")
                return False
            if len(options) == 1:
                return self.value(data, options[0], path, bindings)
            self.report(path, "unsupported union type", "E210")  # pragma: no cover
            return False
        if origin is tuple:
            return self.array(data, get_args(kind)[0], path, bindings)
        if kind is PartialDate:
            return self.date(data, path)
        if attrs.has(origin or kind):
            loaded = self.skip_loaded and type(data) is dict
            if loaded and load(data, kind, pairs=False, build=False) is not None:
                return True
            return self.record(data, kind, path)
        if isinstance(kind, type) and issubclass(kind, Enum):
            return self.member(data, kind, path)
        return self.scalar(data, kind, path)

    def scalar(self, data: Any, kind: Any, path: str) -> bool:
        if kind is bool:
            ok, expected = type(data) is bool, "true or false"
        elif kind is int:
            integral = type(data) is float and data.is_integer()  # 38.0 is an integer
            ok, expected = type(data) is int or integral, "an integer"
        elif kind is float:
            ok, expected = type(data) in (int, float), "a number"
        elif kind is str:
            ok, expected = type(data) is str, "a string"
        else:  # pragma: no cover - every annotation in the model is handled above
            ok, expected = isinstance(data, kind), getattr(kind, "__name__", str(kind))
        if not ok:
            found = describe(data)
            if type(data) is list:
                found = several(path.rsplit(".", 1)[-1], found)
            else:
                found = f"found {found}"
            self.report(path, f"expected {expected}, {found}", "E203")
        return ok

    def date(self, data: Any, path: str) -> bool:
        if type(data) is not str:
            found = describe(data)
            message = f"expected a date string such as '2025-06-27', found {found}"
            self.report(path, message, "E203")
            return False
        try:
            PartialDate.parse(data)
        except FieldError as error:
            self.report(path, f"{data!r}: {error.reason}", error.code)
            return False
        return True

    def member(self, data: Any, kind: type[Enum], path: str) -> bool:
        allowed = [str(member.value) for member in kind]
        if type(data) is str and data in allowed:
            return True
        if issubclass(kind, Vocabulary):
            message = unknown_term_message(kind, describe(data), data)
        else:  # pragma: no cover - every enumeration of the model is a Vocabulary
            message = f"{describe(data)} is not a valid {kind.__name__}"
        self.report(path, message, "E204")
        return False

    def array(self, data: Any, item_kind: Any, path: str, bindings: dict[Any, Any]) -> bool:
        if type(data) is not list:
            self.report(path, f"expected an array, found {describe(data)}", "E203")
            return False
        results = [
            self.value(item, item_kind, join_path(path, index), bindings)
            for index, item in enumerate(data)
        ]
        return all(results)

    def record(self, data: Any, kind: Any, path: str) -> bool:
        cls = get_origin(kind) or kind
        name = cls.__name__
        if not isinstance(data, dict):
            self.report(path, f"expected an object ({name}), found {describe(data)}", "E203")
            return False
        ok = True
        for key in getattr(data, "duplicates", ()):
            message = f"duplicate key {key!r} (each key may appear once)"
            self.report(join_path(path, key), message, "E105")
            ok = False
        bindings = dict(zip(getattr(cls, "__parameters__", ()), get_args(kind), strict=False))
        fields = attrs.fields(cls)
        names = {field.name for field in fields}
        for key in data:
            if key not in names:
                expected = ", ".join(field.name for field in fields)
                message = f"unknown field in {name}; fields are {expected}"
                self.report(join_path(path, key), message, "E201")
                ok = False
        blank = object.__new__(cls)
        values: dict[str, Any] = {}
        for field in fields:
            field_path = join_path(path, field.name)
            if field.name not in data:
                if field.default is attrs.NOTHING:
                    message = f"required field {field.name!r} of {name} is missing"
                    self.report(field_path, message, "E202")
                    ok = False
                continue
            if not self.value(data[field.name], field.type, field_path, bindings):
                ok = False
                continue
            value = self.converter.structure(data[field.name], _bind(field.type, bindings))
            values[field.name] = value
            try:
                if field.validator is not None:
                    field.validator(blank, field, value)
            except FieldError as error:
                self.report(_field_path(path, error.field), _explain(error), error.code)
                ok = False
        if not ok:
            return False
        try:  # the cross-field rules, once every field is fine on its own
            cls(**values)
        except FieldError as error:
            self.report(_field_path(path, error.field), _explain(error), error.code)
            return False
        return True


def _explain(error: FieldError) -> str:
    """A field check's reason with the value it is about: "'english' is not a BCP 47 tag"."""
    if error.value is None or isinstance(error.value, tuple | dict | list):
        return error.reason
    shown = repr(error.value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    if error.reason.startswith(("is ", "must ", "refers ", "has ", "contains ")):
        return f"{shown} {error.reason}"
    return f"{error.reason} (got {shown})"


def _bind(kind: Any, bindings: dict[Any, Any]) -> Any:
    """Replace a type variable by its binding (``Claim[Count].value`` is a ``Count``)."""
    return bindings.get(kind, Any) if isinstance(kind, TypeVar) else kind


def _field_path(path: str, field: str) -> str:
    """``citations[2]`` under ``$.x`` -> ``$.x.citations[2]``."""
    name, _, rest = field.partition("[")
    return join_path(path, name) + (f"[{rest}" if rest else "")


def describe(data: Any) -> str:
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, dict):
        return "an object"
    if isinstance(data, list):
        return "an array"
    if isinstance(data, str):
        text = data if len(data) <= 40 else data[:37] + "..."
        return f"the string {text!r}"
    if isinstance(data, int | float):
        text = repr(data)
        return f"the number {text if len(text) <= 40 else text[:37] + '...'}"
    return type(data).__name__  # pragma: no cover - JSON has no other types
