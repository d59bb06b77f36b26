"""Dataset: lookup by id, iteration by kind, and what construction checks."""

from __future__ import annotations

import pytest

import incidents
from incidents import (
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    Citation,
    Dataset,
    FieldError,
    Incident,
    IncidentKind,
    PartialDate,
    Source,
    UnknownIdError,
)

RUSSIA = Actor(id="actor:russia", kind=ActorKind.STATE, name="Russia", country="RU")
SOURCE = Source(id="source:mt", title="The Moscow Times")
RAID = Incident(
    id="incident:raid",
    kind=IncidentKind.RAID,
    title="Raid",
    date=PartialDate.parse("2025-06-27"),
    citations=(Citation(source="source:mt"),),
)
DATASET = Dataset(actors=(RUSSIA,), sources=(SOURCE,), incidents=(RAID,))


def test_lookup_by_id_returns_the_record():
    """dataset[id] and dataset.get(id) find records of every kind."""
    assert RUSSIA == DATASET["actor:russia"]
    assert RAID == DATASET.get("incident:raid")
    assert SOURCE == DATASET.get("source:mt", Source)


def test_get_with_a_kind_filters():
    """get(id, kind) returns None when the record is of another kind."""
    assert DATASET.get("actor:russia", Incident) is None
    assert DATASET.get("actor:nobody") is None


def test_unknown_id_raises_library_error():
    """dataset[missing] raises UnknownIdError, which is also a KeyError."""
    with pytest.raises(UnknownIdError, match="actor:nobody") as caught:
        DATASET["actor:nobody"]
    assert isinstance(caught.value, KeyError)


def test_membership_length_and_iteration():
    """'in', len() and records() see every record, actors first."""
    assert "incident:raid" in DATASET
    assert "incident:other" not in DATASET
    assert 3 == len(DATASET)
    assert [RUSSIA, SOURCE, RAID] == list(DATASET.records())


def test_first_record_wins_on_duplicate_ids():
    """Duplicate ids are allowed at construction; lookup returns the first record."""
    twin = Actor(id="actor:russia", kind=ActorKind.STATE, name="Russian Federation")
    dataset = Dataset(actors=(RUSSIA, twin))
    assert RUSSIA == dataset["actor:russia"]


def test_schema_version_defaults_and_is_checked():
    """A new dataset is version 1.0; a 2.x version is rejected."""
    assert SCHEMA_VERSION == Dataset().schema_version
    with pytest.raises(FieldError, match="schema_version"):
        Dataset(schema_version="2.0")


def test_records_of_the_wrong_kind_are_rejected():
    """An incident in the actors tuple raises FieldError naming the position."""
    with pytest.raises(FieldError) as caught:
        Dataset(actors=(RAID,))  # type: ignore[arg-type]
    assert ("Dataset", "actors[0]") == (caught.value.record, caught.value.field)


def test_datasets_compare_by_value_and_hash():
    """Two datasets with equal records are equal and hash alike."""
    twin = Dataset(actors=(RUSSIA,), sources=(SOURCE,), incidents=(RAID,))
    assert DATASET == twin
    assert hash(DATASET) == hash(twin)


def test_a_dataset_iterates_over_its_records():
    """list(dataset) gives every record in file order, as records() does; len agrees."""
    dataset = incidents.examples.load("russia-azerbaijan-2025")
    assert list(dataset.records()) == list(dataset)
    assert len(dataset) == len(list(dataset))


def test_chronological_orders_events_by_date_undated_last():
    """Incidents and measures by sort_key of their date; undated ones last, in file order."""
    dataset = incidents.examples.load("russia-azerbaijan-2025")
    ordered = dataset.chronological()
    assert len(dataset.incidents) + len(dataset.measures) == len(ordered)
    dated = [event for event in ordered if event.date is not None]
    keys = [event.date.sort_key() for event in dated]
    assert sorted(keys) == keys
    assert all(event.date is None for event in ordered[len(dated) :])


def test_partial_dates_refuse_less_than_with_what_to_use():
    """sorted() of partial dates raises OrderError (a TypeError) naming the key to use."""
    dates = [incidents.PartialDate.parse("2025-06"), incidents.PartialDate.parse("2025-06-27")]
    with pytest.raises(incidents.OrderError, match=r"key=PartialDate\.sort_key"):
        sorted(dates)
    with pytest.raises(TypeError):
        dates[0] >= dates[1]  # noqa: B015 - the comparison is the test
    assert dates == sorted(dates, key=incidents.PartialDate.sort_key)
