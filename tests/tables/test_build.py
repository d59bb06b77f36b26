"""Datasets as Arrow tables: every record a row, every claim a row, and back again."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

import incidents
from incidents import strategies
from incidents.tables.build import date_columns, precision_of
from incidents.tables.columns import TABLE_NAMES

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

CRISIS = incidents.examples.load("russia-azerbaijan-2025")


def _claims(dataset: incidents.Dataset) -> int:
    count = 0
    for actor in dataset.actors:
        count += len(actor.affiliations)
    for incident in dataset.incidents:
        count += len(incident.responsibility)
        count += sum(len(c.count) + len(c.cause) for c in incident.casualties)
    for measure in dataset.measures:
        count += len(measure.count) + len(measure.attribution)
    return count


def _citations(dataset: incidents.Dataset) -> int:
    count = 0
    for actor in dataset.actors:
        count += len(actor.citations) + sum(len(c.citations) for c in actor.affiliations)
    for incident in dataset.incidents:
        count += len(incident.citations)
        count += sum(len(c.citations) for c in incident.responsibility)
        for casualty in incident.casualties:
            count += len(casualty.citations)
            count += sum(len(c.citations) for c in (*casualty.count, *casualty.cause))
    for measure in dataset.measures:
        count += len(measure.citations)
        count += sum(len(c.citations) for c in (*measure.count, *measure.attribution))
    return count


def expected_rows(dataset: incidents.Dataset) -> dict[str, int]:
    """The number of rows each table must have, counted from the records."""
    actors, incidents_, measures = dataset.actors, dataset.incidents, dataset.measures
    return {
        "dataset": 1,
        "actors": len(actors),
        "actor_names": sum(len(a.names) for a in actors),
        "actor_members": sum(len(a.members) for a in actors),
        "affiliations": sum(len(a.affiliations) for a in actors),
        "actor_identifiers": sum(len(a.identifiers) for a in actors),
        "sources": len(dataset.sources),
        "source_authors": sum(len(s.authors) for s in dataset.sources),
        "incidents": len(incidents_),
        "participants": sum(len(i.participants) for i in incidents_),
        "casualties": sum(len(i.casualties) for i in incidents_),
        "measures": len(measures),
        "measure_targets": sum(len(m.targets) for m in measures),
        "measure_subjects": sum(len(m.subjects) for m in measures),
        "responses": sum(len(r.in_response_to) + len(r.links) for r in (*incidents_, *measures)),
        "claims": _claims(dataset),
        "citations": _citations(dataset),
    }


@settings(max_examples=max(10, settings().max_examples // 2), deadline=None)
@given(strategies.datasets())
def test_any_dataset_exports_with_a_row_per_record_and_comes_back_equal(dataset):
    """Every valid dataset becomes tables whose row counts match its records, and the
    tables give back an equal dataset."""
    made = incidents.tables(dataset)
    assert list(TABLE_NAMES) == list(made)
    assert expected_rows(dataset) == {name: table.num_rows for name, table in made.items()}
    assert dataset == incidents.from_tables(made)


@settings(max_examples=max(5, settings().max_examples // 5), deadline=None)
@given(strategies.datasets())
def test_any_dataset_comes_back_equal_through_parquet_files(tmp_path_factory, dataset):
    """Written to Parquet files and read back, the tables give back an equal dataset."""
    folder = tmp_path_factory.mktemp("parquet") / "tables"
    incidents.tables  # noqa: B018 - the public name, not the subpackage
    from incidents.tables.files import write_parquet

    write_parquet(incidents.tables(dataset), folder)
    assert dataset == incidents.from_tables(folder)


@pytest.mark.parametrize("name", incidents.examples.names())
def test_examples_come_back_equal(name):
    """Each example dataset survives the tables."""
    dataset = incidents.examples.load(name)
    assert dataset == incidents.from_tables(incidents.tables(dataset))


def test_every_contested_fact_is_one_claim_row():
    """The three reports of the Yekaterinburg detentions are three claim rows with their figures."""
    claims = incidents.tables(CRISIS)["claims"].to_pylist()
    detained = [
        (row["value_qualifier"], row["value_best"], row["sources"])
        for row in claims
        if row["record_id"] == "incident:yekaterinburg-raids-2025"
        and row["parent"] == "$.casualties[0]"
    ]
    assert [
        ("about", 50, ["source:mt-rift-deepens", "source:cultural-diplomacy-in-crisis"]),
        ("more_than", 50, ["source:tensions-rise-safarov-deaths"]),
        ("exact", 9, ["source:ap-insight-arrest-of-russians"]),
    ] == detained
    row = next(
        r
        for r in claims
        if r["record_id"] == "incident:yekaterinburg-raids-2025"
        and r["path"] == "$.casualties[0].count[0]"
    )
    assert '{"best": 50, "qualifier": "about"}' == row["value_json"]
    assert [
        "In total, around 50 people were arrested.",
        "Approximately 50 individuals were arrested in total.",
    ] == row["quotes"]


def test_columns_are_typed():
    """Dates are date32, counts int64, and a column's description is in its metadata."""
    measures = incidents.tables(CRISIS)["measures"]
    assert pa.date32() == measures.schema.field("announced_start").type
    assert pa.int64() == incidents.tables(CRISIS)["claims"].schema.field("value_best").type
    field = measures.schema.field("kind")
    assert b"MeasureKind" == field.metadata[b"vocabulary"]
    assert field.metadata[b"description"]


def test_partial_dates_become_first_and_last_day_text_and_precision():
    """A month is its first and last day; an interval takes its coarser end's precision."""
    month = incidents.PartialDate.parse("2025-06")
    assert (dt.date(2025, 6, 1), dt.date(2025, 6, 30), "2025-06", "month") == date_columns(month)
    assert "month" == precision_of(incidents.PartialDate.parse("2025-06-27/2025-07"))
    approximate = incidents.PartialDate.parse("2025-06-27~")
    assert (dt.date(2025, 6, 26), dt.date(2025, 6, 28)) == date_columns(approximate)[:2]


def test_the_pandas_view():
    """to_pandas gives a DataFrame per table, as Table.to_pandas does."""
    pytest.importorskip("pandas")
    frames = incidents.to_pandas(CRISIS)
    assert list(TABLE_NAMES) == list(frames)
    assert len(CRISIS.measures) == len(frames["measures"])
    assert "summon_envoy" in set(frames["measures"]["kind"])
