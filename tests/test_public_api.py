"""The public surface: the names other code relies on are exported and listed."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import incidents

DESIGN_NAMES = [
    "Actor",
    "Source",
    "Citation",
    "Claim",
    "Incident",
    "Casualty",
    "DiplomaticMeasure",
    "Dataset",
    "PartialDate",
    "Count",
    "Location",
    "from_json",
    "to_json",
    "read",
    "write",
    "IncidentsError",
    "ParseError",
]


@pytest.mark.parametrize("name", DESIGN_NAMES)
def test_design_names_are_exported(name):
    """Every name the design brief fixes is importable from the package and in __all__."""
    assert hasattr(incidents, name)
    assert name in incidents.__all__


def _isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions, as ruff's RUF022 sorts __all__."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


def test_all_is_sorted_and_complete():
    """__all__ is sorted and lists every public class and function the package defines."""
    public = {
        name
        for name, value in vars(incidents).items()
        if not name.startswith("_")
        and (inspect.isclass(value) or inspect.isfunction(value))
        and getattr(value, "__module__", "").startswith("incidents")
    }
    assert sorted(incidents.__all__, key=_isort_key) == incidents.__all__
    assert set() == public - set(incidents.__all__)


@pytest.mark.parametrize(
    "record",
    [
        incidents.Actor,
        incidents.Source,
        incidents.Citation,
        incidents.Claim,
        incidents.Incident,
        incidents.Casualty,
        incidents.DiplomaticMeasure,
        incidents.Dataset,
        incidents.Count,
        incidents.Location,
        incidents.Affiliation,
        incidents.Name,
        incidents.ExternalId,
        incidents.Participant,
        incidents.IncidentLink,
        incidents.PartialDate,
        incidents.DatePoint,
    ],
)
def test_records_are_frozen_keyword_only_and_documented(record):
    """Each record is a frozen attrs class with keyword-only, documented fields."""
    assert attrs.has(record)
    assert record.__doc__
    for field in attrs.fields(record):
        assert field.kw_only, field.name
        assert field.metadata.get("doc"), f"{record.__name__}.{field.name} has no doc"
    instance_fields = attrs.fields(record)
    assert instance_fields, record


def test_records_are_immutable():
    """Assigning to a field of a record raises attrs' FrozenInstanceError."""
    count = incidents.Count.exactly(9)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        count.best = 10  # type: ignore[misc]


def test_every_error_derives_from_the_base():
    """Each exception class the package exports is an IncidentsError."""
    errors = [
        value
        for value in vars(incidents).values()
        if inspect.isclass(value) and issubclass(value, BaseException)
    ]
    assert errors
    assert all(issubclass(error, incidents.IncidentsError) for error in errors)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter that imports this checkout."""
    root = str(Path(__file__).resolve().parent.parent)
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": root},
    )


def test_examples_and_strategies_are_reachable_from_the_package():
    """After a plain `import incidents`, incidents.examples and .strategies work, loaded lazily."""
    code = (
        "import sys, incidents\n"
        "assert 'incidents.examples' not in sys.modules\n"
        "assert incidents.examples.names()[0] == 'russia-azerbaijan-2025'\n"
        "assert hasattr(incidents.strategies, 'datasets')\n"
    )
    result = _python(code)
    assert 0 == result.returncode, result.stderr
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        incidents.nope  # noqa: B018


def test_import_incidents_loads_no_table_library():
    """`import incidents` loads the model only: not the readers' and validators' libraries
    (cattrs, lxml, jsonschema), nor pyarrow, duckdb, pandas or matplotlib, nor the compiled
    loaders, the command line, argparse or difflib (suggestions)."""
    code = (
        "import sys, incidents\n"
        "heavy = {'pyarrow', 'duckdb', 'pandas', 'matplotlib', 'cattrs', 'lxml', 'jsonschema'}\n"
        "heavy |= {'incidents.formats', 'incidents.validation', 'incidents.schemagen'}\n"
        "heavy |= {'incidents._compile', 'incidents.cli', 'argparse', 'difflib'}\n"
        "assert not heavy & set(sys.modules), heavy & set(sys.modules)\n"
        "assert callable(incidents.tables) and callable(incidents.from_tables)\n"
        "import incidents.tables.build\n"
        "assert callable(incidents.tables), 'the submodule must not hide the function'\n"
        "tables = incidents.tables(incidents.Dataset())\n"
        "assert 'pyarrow' in sys.modules and 'duckdb' not in sys.modules\n"
    )
    result = _python(code)
    assert 0 == result.returncode, result.stderr
