"""Dataset: lookup by id, iteration by kind, and what construction checks."""

from __future__ import annotations

import pytest

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
