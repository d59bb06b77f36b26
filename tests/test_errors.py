"""Error quality: every error class says what was wrong and where, in fields, not just text."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import incidents
from incidents import (
    ArgumentError,
    CollectionError,
    CollectionProblem,
    FieldError,
    FileError,
    IncidentsError,
    MergeConflict,
    MergeError,
    MissingExtraError,
    OrderError,
    ParseError,
    ParseProblem,
    PositionalArgumentError,
    QueryError,
    TableError,
    UnknownIdError,
)
from incidents.formats.bounded import TooLargeError

ROOT = Path(__file__).resolve().parent.parent

#: Each error class, an example of it, and the fields that say what and where.
EXAMPLES = {
    FieldError: (
        FieldError("Actor", "country", "az", "must be upper case"),
        ("record", "field", "value", "reason"),
    ),
    ParseError: (
        ParseError(
            [ParseProblem("$.actors[0].country", "must be upper case", 3, 7, "E204")],
            source="a.json",
        ),
        ("problems", "source"),
    ),
    FileError: (FileError("data/a.json", "no such file"), ("path", "reason")),
    UnknownIdError: (UnknownIdError("actor:nobody"), ("record_id",)),
    ArgumentError: (
        ArgumentError("to_json", "dataset", {}, "expected a Dataset"),
        ("function", "argument", "value", "reason"),
    ),
    MissingExtraError: (
        MissingExtraError("pyarrow", "tables", "incidents.tables"),
        ("module", "extra", "feature"),
    ),
    TableError: (
        TableError("measures", 3, "kind", "'invade' is not a MeasureKind"),
        ("table", "row", "column", "reason"),
    ),
    PositionalArgumentError: (
        PositionalArgumentError("Citation", 1, ("source", "quote", "locator", "note")),
        ("record", "given", "fields"),
    ),
    OrderError: (
        OrderError("2025-06", "2025-06-27", "partial dates have no '<'"),
        ("first", "second", "reason"),
    ),
    TooLargeError: (TooLargeError("big.json", 10, 25), ("path", "limit", "size")),
    QueryError: (
        QueryError("SELEC 1", 'Parser Error: syntax error at or near "SELEC"'),
        ("sql", "reason"),
    ),
    CollectionError: (
        CollectionError(
            "data",
            [
                CollectionProblem(
                    "data/b.json",
                    "E410",
                    "id 'actor:x' names a different record",
                    "/actors/0/id",
                    4,
                    5,
                )
            ],
        ),
        ("root", "problems"),
    ),
    MergeError: (
        MergeError(
            [MergeConflict("incident:x", "title", (("a.json", "Raids"), ("b.json", "Arrests")))]
        ),
        ("conflicts",),
    ),
}


def _all_error_classes() -> set[type]:
    for module in pkgutil.walk_packages(incidents.__path__, "incidents."):
        if module.name != "incidents.strategies" or importlib.util.find_spec("hypothesis"):
            importlib.import_module(module.name)
    found: set[type] = set()
    pending = [IncidentsError]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("incidents"):
                found.add(sub)
                pending.append(sub)
    return found


def test_every_error_class_is_covered_here():
    """Each subclass of IncidentsError in the package has an example with its location fields."""
    assert set(EXAMPLES) == _all_error_classes()


@pytest.mark.parametrize("cls", list(EXAMPLES), ids=lambda cls: cls.__name__)
def test_error_carries_what_and_where(cls):
    """The example error has its location fields set, and its message shows them."""
    error, fields = EXAMPLES[cls]
    assert isinstance(error, IncidentsError)
    message = str(error)
    for name in fields:
        value = getattr(error, name)
        assert value is not None, name
        assert value != (), name
    if isinstance(error, ParseError):
        problem = error.problems[0]
        assert problem.path in message
        assert f"line {problem.line}" in message
        assert "a.json" in message
    else:
        shown = [getattr(error, name) for name in fields if isinstance(getattr(error, name), str)]
        assert all(text in message for text in shown if len(text) < 40), message


def test_the_package_raises_no_bare_base_error():
    """No module raises IncidentsError itself: every raise picks a class with location fields."""
    offenders = []
    for path in sorted((ROOT / "incidents").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"raise IncidentsError\(", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert [] == offenders


def test_errors_are_also_the_matching_builtin_errors():
    """Callers catching ValueError, OSError or KeyError still catch the library's errors."""
    assert issubclass(FieldError, ValueError)
    assert issubclass(ParseError, ValueError)
    assert issubclass(FileError, OSError)
    assert issubclass(UnknownIdError, KeyError)
    assert issubclass(ArgumentError, ValueError)
