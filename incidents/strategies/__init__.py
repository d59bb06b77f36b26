"""Hypothesis strategies for every record, and for whole consistent datasets.

Use them in your own tests (``pip install incidents[strategies]``)::

    from hypothesis import given
    from incidents import strategies

    @given(strategies.datasets())
    def test_round_trip(dataset):
        assert incidents.from_json(incidents.to_json(dataset)) == dataset

Every strategy produces records that pass their own checks. :func:`datasets` also keeps
the dataset consistent: ids are unique, references point at existing records of the right
kind, every incident, measure and casualty cites a source, and responses never come before
what they respond to (they only point at records generated with an earlier or equal date).
"""

from incidents.strategies.records import actors, casualties, datasets, incidents, measures, sources
from incidents.strategies.values import (
    citations,
    claims,
    countries,
    counts,
    date_points,
    free_text,
    ids,
    languages,
    locations,
    partial_dates,
    single_line_text,
    urls,
)

__all__ = [
    "actors",
    "casualties",
    "citations",
    "claims",
    "countries",
    "counts",
    "datasets",
    "date_points",
    "free_text",
    "ids",
    "incidents",
    "languages",
    "locations",
    "measures",
    "partial_dates",
    "single_line_text",
    "sources",
    "urls",
]
