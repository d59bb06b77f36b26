"""Example datasets, hand-coded from five news articles on the 2025 Russia–Azerbaijan crisis.

``names()`` lists them and ``load(name)`` returns one as a :class:`~incidents.Dataset`; they
double as test fixtures for other projects and as documentation of how to code incidents
(see ``docs/coding-guide.md``). The records are Python constructors in this package; the
files under ``examples/`` are generated from them.

* ``russia-azerbaijan-2025``: the whole crisis as the five articles tell it;
* ``azal-downing-2024``: the airliner downing, its responsibility claims and the responses
  to it, with everything they refer to;
* ``sputnik-azerbaijan-2025``: the raid on Sputnik Azerbaijan and the responses to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from incidents.errors import ArgumentError
from incidents.examples.actors import ACTORS
from incidents.examples.events import INCIDENTS, PLANE, SPUTNIK_RAID
from incidents.examples.measures import MEASURES
from incidents.examples.sources import SOURCES
from incidents.formats.converter import converter
from incidents.model.dataset import Dataset, Record
from incidents.model.events import Incident
from incidents.model.measures import DiplomaticMeasure

__all__ = ["load", "names"]


#: The examples use nothing added after format 1.0, so they stay 1.0 files: every 1.x
#: reader, this library's first release included, reads them.
_VERSION: Final = "1.0"


def _crisis() -> Dataset:
    return Dataset(
        schema_version=_VERSION,
        actors=ACTORS,
        sources=SOURCES,
        incidents=INCIDENTS,
        measures=MEASURES,
    )


def _responses_to(dataset: Dataset, trigger: str) -> Iterator[str]:
    events: tuple[Incident | DiplomaticMeasure, ...] = (*dataset.incidents, *dataset.measures)
    for event in events:
        if trigger in event.in_response_to:
            yield event.id


def _around(trigger: str) -> Callable[[], Dataset]:
    """The dataset of ``trigger``, what responds to it, and everything those refer to."""

    def build() -> Dataset:
        crisis = _crisis()
        return _subset(crisis, [trigger, *_responses_to(crisis, trigger)])

    return build


_DATASETS: Final[dict[str, Callable[[], Dataset]]] = {
    "russia-azerbaijan-2025": _crisis,
    "azal-downing-2024": _around(PLANE),
    "sputnik-azerbaijan-2025": _around(SPUTNIK_RAID),
}


def names() -> list[str]:
    """The names of the example datasets."""
    return list(_DATASETS)


def load(name: str) -> Dataset:
    """The example dataset called ``name`` (see :func:`names`)."""
    try:
        build = _DATASETS[name]
    except KeyError:
        known = ", ".join(_DATASETS)
        reason = f"no such example dataset; the examples are {known}"
        raise ArgumentError("load", "name", name, reason) from None
    return build()


def _subset(dataset: Dataset, seeds: list[str]) -> Dataset:
    """The records named by ``seeds`` and, transitively, every record they refer to.

    A reference to a record the subset leaves out (an ``in_response_to`` pointing outside,
    say) is kept only when the record it names is kept too; references to records outside
    are dropped by keeping their targets in, so the subset is complete on its own.
    """
    keep: dict[str, Record] = {}
    queue = list(seeds)
    while queue:
        record_id = queue.pop()
        if record_id in keep:
            continue
        record = dataset[record_id]
        keep[record_id] = record
        queue.extend(ref for ref in _strings(converter.unstructure(record)) if ref in dataset)
    ordered = [record for record in dataset.records() if record.id in keep]
    return Dataset(
        schema_version=dataset.schema_version,
        actors=tuple(r for r in ordered if r in dataset.actors),
        sources=tuple(r for r in ordered if r in dataset.sources),
        incidents=tuple(r for r in ordered if r in dataset.incidents),
        measures=tuple(r for r in ordered if r in dataset.measures),
    )


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
