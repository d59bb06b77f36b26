"""The public Hypothesis strategies produce valid, consistent records."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from incidents import Dataset, DiplomaticMeasure, Incident, strategies
from incidents.model.ids import id_kind


def _revalidate(record: object) -> None:
    """Run every attrs validator and the cross-field rules again by rebuilding the record."""
    attrs.validate(record)  # type: ignore[arg-type]
    assert record == attrs.evolve(record)  # type: ignore[misc]


@given(
    st.one_of(
        strategies.actors(),
        strategies.sources(),
        strategies.incidents(),
        strategies.measures(),
        strategies.casualties(),
        strategies.citations(),
        strategies.counts(),
        strategies.locations(),
        strategies.partial_dates(),
    )
)
def test_generated_records_pass_their_own_checks(record):
    """Every generated record passes its own validators when checked again."""
    _revalidate(record)


@given(strategies.datasets())
def test_generated_datasets_are_consistent(dataset: Dataset):
    """Ids are unique, references resolve to the right kind, responses come after triggers."""
    ids = [record.id for record in dataset.records()]
    assert len(ids) == len(set(ids))
    for event in (*dataset.incidents, *dataset.measures):
        assert event.citations
        for citation in event.citations:
            assert citation.source in dataset
        for trigger_id in event.in_response_to:
            trigger = dataset[trigger_id]
            assert isinstance(trigger, Incident | DiplomaticMeasure)
            assert id_kind(trigger_id) in ("incident", "measure")
            mine = event.date
            theirs = trigger.date
            if mine is not None and theirs is not None:
                assert not mine.is_before(theirs)
    for measure in dataset.measures:
        assert measure.initiator in dataset
