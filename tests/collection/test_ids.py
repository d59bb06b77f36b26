"""stable_id: the same content gives the same id, whoever codes it."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import incidents
from incidents import stable_id
from incidents.model.ids import id_kind
from incidents.strategies import actors, measures, sources
from incidents.strategies import incidents as incident_records


def test_the_id_is_made_of_date_kind_actors_and_title() -> None:
    """An incident's id reads as its date, kind, main actors and title."""
    raid = incidents.examples.load("russia-azerbaijan-2025")[
        "incident:sputnik-azerbaijan-raid-2025"
    ]
    assert stable_id(raid).startswith(f"incident:{raid.date}-media-office-raid-az-interior")
    assert stable_id(raid).endswith("-police-raid-sputnik-azerbaija-cf9ca61f")


def test_what_two_coders_differ_in_does_not_change_it() -> None:
    """The order of participants, the citations, the summary and the id do not count."""
    raid = incidents.examples.load("russia-azerbaijan-2025")["incident:yekaterinburg-raids-2025"]
    other = attrs.evolve(
        raid,
        id="incident:something-else",
        participants=tuple(reversed(raid.participants)),
        citations=raid.citations[:1],
        summary=None,
    )
    assert stable_id(raid) == stable_id(other)
    assert stable_id(raid) != stable_id(
        attrs.evolve(raid, date=incidents.PartialDate.parse("2025-06-28"))
    )


@given(incident_records() | measures() | actors() | sources())
def test_every_stable_id_is_a_well_formed_id_of_its_kind(record: incidents.Record) -> None:
    """The id is a valid id of the record's kind, at most 128 characters, and stable."""
    try:
        made = stable_id(record)
    except incidents.ArgumentError:  # content with no ASCII letter or digit at all
        return
    assert id_kind(made) == record.id.split(":")[0]
    assert stable_id(record) == made
    attrs.evolve(record, id=made)  # accepted by the record's own check


def test_long_content_is_cut_and_keeps_a_hash() -> None:
    """A very long title is cut to the id limit with a hash of the whole."""
    raid = incidents.examples.load("russia-azerbaijan-2025")["incident:yekaterinburg-raids-2025"]
    one = stable_id(attrs.evolve(raid, title="word " * 90 + "one"))
    two = stable_id(attrs.evolve(raid, title="word " * 90 + "two"))
    assert len(one) == 128
    assert one != two


def test_a_record_without_letters_or_digits_is_refused() -> None:
    """Not a record, or nothing to make an id of: ArgumentError."""
    with pytest.raises(incidents.ArgumentError, match="expected an Actor"):
        stable_id("incident:x")  # type: ignore[arg-type]
