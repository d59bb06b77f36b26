"""diff and apply: a delta that turns the old dataset into the new one."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import incidents
from incidents import Dataset, apply, diff
from incidents.strategies import datasets
from tests.collection.test_merge import views

#: Whole datasets are slow to draw: a quarter of the profile's examples (15 by default, 500
#: with HYPOTHESIS_PROFILE=thorough).
_FEWER = settings(max_examples=max(10, settings().max_examples // 4))


@_FEWER
@given(datasets(max_records=3), datasets(max_records=3))
def test_apply_of_diff_gives_the_new_dataset(old: Dataset, new: Dataset) -> None:
    """apply(old, diff(old, new)) == new, for any two datasets."""
    assert new == apply(old, diff(old, new))


@_FEWER
@given(st.data())
def test_apply_of_diff_between_versions_of_one_dataset(data: st.DataObject) -> None:
    """The same for two versions that share most records (changes, not only additions)."""
    base = data.draw(datasets(max_records=3))
    old, new = data.draw(views(base)), data.draw(views(base))
    delta = diff(old, new)
    assert new == apply(old, delta)
    assert delta.equal == (old == new)


def test_a_delta_lists_added_removed_and_changed_fields() -> None:
    """Every change is a field with its old and new value; text and JSON show them."""
    crisis = incidents.examples.load("russia-azerbaijan-2025")
    raid = crisis.incidents[1]
    new = attrs.evolve(
        crisis,
        incidents=(attrs.evolve(raid, title="Raids in Yekaterinburg"), *crisis.incidents[2:]),
        actors=(
            *crisis.actors,
            incidents.Actor(id="actor:x", kind=incidents.ActorKind.STATE, name="X"),
        ),
    )
    delta = diff(crisis, new)
    assert (crisis.incidents[0],) == delta.removed
    assert ("actor:x",) == tuple(record.id for record in delta.added)
    (change,) = delta.changed
    assert (raid.id, "title", raid.title, "Raids in Yekaterinburg") == (
        change.record_id,
        change.field,
        change.old,
        change.new,
    )
    text = str(delta)
    assert "- incident:azal-plane-downing-2024" in text
    assert f'~ {raid.id}\n    title: "{raid.title}" -> "Raids in Yekaterinburg"' in text
    document = delta.to_dict()
    assert {
        "id": raid.id,
        "field": "title",
        "old": raid.title,
        "new": "Raids in Yekaterinburg",
    } == document["changed"][0]
    assert new == apply(crisis, delta)


def test_an_equal_dataset_has_an_empty_delta() -> None:
    """diff of a dataset with itself changes nothing."""
    crisis = incidents.examples.load("sputnik-azerbaijan-2025")
    delta = diff(crisis, crisis)
    assert delta.equal
    assert not delta
    assert "no differences" == str(delta)


def test_a_delta_that_does_not_fit_is_refused() -> None:
    """apply checks each change's old value: a delta for another dataset is an ArgumentError."""
    crisis = incidents.examples.load("sputnik-azerbaijan-2025")
    raid = crisis.incidents[0]
    new = attrs.evolve(crisis, incidents=(attrs.evolve(raid, title="Other"),))
    delta = diff(crisis, new)
    with pytest.raises(incidents.ArgumentError, match="does not fit"):
        apply(new, delta)
    with pytest.raises(incidents.ArgumentError, match="expected a Delta"):
        apply(crisis, {})  # type: ignore[arg-type]
