"""The table plan is read from the record classes and their field checks."""

from __future__ import annotations

from incidents.model.vocabulary import MeasureStatus
from incidents.tables.columns import TABLE_NAMES, table_specs

SPECS = {spec.name: spec for spec in table_specs()}


def _column(table: str, name: str):
    return next(column for column in SPECS[table].columns if column.name == name)


def test_every_table_is_named_once_in_order():
    """The plan makes exactly the tables of TABLE_NAMES, in that order."""
    assert list(TABLE_NAMES) == [spec.name for spec in table_specs()]


def test_column_types_and_nullability_come_from_the_checks():
    """Ref is text, IntRange an integer, Maybe nullable, a vocabulary its strings."""
    assert ("string", False) == (
        _column("measures", "initiator").kind,
        _column("measures", "initiator").nullable,
    )
    assert ("int64", True) == (
        _column("casualties", "age").kind,
        _column("casualties", "age").nullable,
    )
    assert ("float64", True) == (_column("incidents", "location_latitude").kind, True)
    assert MeasureStatus is _column("measures", "status").vocabulary
    assert "bool" == _column("measures", "retroactive").kind


def test_dates_counts_and_locations_are_flattened_with_their_field_name():
    """announced -> announced_start/_end/_edtf/_precision; member_count -> member_count_best..."""
    names = [column.name for column in SPECS["measures"].columns]
    assert ["announced_start", "announced_end", "announced_edtf", "announced_precision"] == [
        name for name in names if name.startswith("announced_")
    ]
    actor_names = [column.name for column in SPECS["actors"].columns]
    assert {
        "member_count_best",
        "member_count_low",
        "member_count_high",
        "member_count_qualifier",
    } <= set(actor_names)


def test_claims_hold_each_kind_of_value_in_typed_columns():
    """Text and ids in value_text, counts in value_best/low/high/qualifier, plus JSON."""
    names = {column.name for column in SPECS["claims"].columns}
    assert {"value_text", "value_best", "value_low", "value_high", "value_qualifier"} <= names
    assert {
        "value_json",
        "claimed_by",
        "stance",
        "confidence",
        "date_edtf",
        "sources",
        "quotes",
    } <= names


def test_every_column_is_documented():
    """Each column has a description (it goes into the Arrow metadata and the reference)."""
    assert [] == [
        f"{spec.name}.{column.name}"
        for spec in table_specs()
        for column in spec.columns
        if not column.doc
    ]
