"""Pictures of a dataset as Mermaid text: the escalation graph and the timeline.

:func:`escalation_graph` draws every incident and diplomatic measure as a node, with an arrow
from each trigger to its response (``in_response_to``) and a dashed arrow for each incident
link. :func:`timeline` lists the same records by date. Both return `Mermaid
<https://mermaid.js.org>`_ source, which GitHub, GitLab, MkDocs Material and the Mermaid Live
Editor draw; the same dataset always gives the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from incidents.model.actors import Actor
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.model.events import Incident
from incidents.model.measures import DiplomaticMeasure
from incidents.model.vocabulary import MeasureStatus
from incidents.views.summary import timeline as dated_records

__all__ = ["escalation_graph", "timeline"]

# Characters Mermaid would read as syntax inside a quoted label, and its entity codes for them.
_LABEL_ESCAPES: Final = str.maketrans({'"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;"})
_STYLES: Final = (
    "    classDef incident fill:#fde8e8,stroke:#b42318,color:#000",
    "    classDef measure fill:#e3edff,stroke:#1d4ed8,color:#000",
    "    classDef missing fill:#fff,stroke:#888,stroke-dasharray:4 3,color:#555",
)


def escalation_graph(dataset: Dataset) -> str:
    """The dataset's incidents and measures as a Mermaid ``flowchart LR``.

    One node per incident (a rectangle: its title and date) and per measure (rounded: its
    kind, initiator and date), in file order; an arrow ``trigger --> response`` for every
    entry of ``in_response_to``; a dashed arrow labelled with the link's kind (``part of``)
    from an incident or a measure to the one it links to. A reference to a record that is not in
    the dataset gets a dashed placeholder node, so every reference is drawn.
    """
    events: list[Incident | DiplomaticMeasure] = [*dataset.incidents, *dataset.measures]
    known = {event.id for event in events}
    lines = ["flowchart LR"]
    for event in events:
        lines.append(f"    {_node(event.id)}{_shape(event, _graph_label(dataset, event))}")
    missing = sorted({target for _, target, _ in _edges(events)} - known)
    for target in missing:
        lines.append(f'    {_node(target)}["{_escape(target)}<br/>not in this dataset"]:::missing')
    for source, target, link in _edges(events):
        if link is None:
            lines.append(f"    {_node(target)} --> {_node(source)}")
        else:
            lines.append(f'    {_node(source)} -.->|"{_escape(link)}"| {_node(target)}')
    lines += _STYLES
    return "\n".join(lines) + "\n"


def timeline(dataset: Dataset) -> str:
    """The dataset's incidents and measures as a Mermaid ``timeline``, earliest first.

    Records are ordered by :meth:`PartialDate.sort_key` of their date (a measure's earlier of
    announced and effective), undated ones last. Each period of the timeline is the month
    of an earliest day (the year, for a date known only to the year), listing its records in
    order, each with its date.
    """
    lines = ["timeline"]
    period = None
    for entry in dated_records(dataset):
        month = _period(entry.date)
        text = _describe(dataset, entry.record)
        if entry.date is not None:
            text = f"{entry.date} · {text}"
        text = _timeline_text(text)
        if month == period:
            lines.append(f"        : {text}")
        else:
            lines.append(f"    {month} : {text}")
            period = month
    return "\n".join(lines) + "\n"


def _edges(
    events: list[Incident | DiplomaticMeasure],
) -> Iterator[tuple[str, str, str | None]]:
    """(record, referenced id, link kind or None for a response) for every reference."""
    for event in events:
        for trigger in event.in_response_to:
            yield event.id, trigger, None
        for link in event.links:  # incident links, and measure links (format 1.1)
            yield event.id, link.target, link.kind.value.replace("_", " ")


def _node(record_id: str) -> str:
    """A Mermaid node id for a record id: ``incident:x-y`` -> ``incident_x_y``.

    Slugs hold only lower-case letters, digits and hyphens, so the mapping is one-to-one,
    and the kind prefix keeps node ids clear of Mermaid keywords such as ``end``.
    """
    return re.sub(r"[^a-z0-9]", "_", record_id)


def _shape(event: Incident | DiplomaticMeasure, label: str) -> str:
    if isinstance(event, Incident):
        return f'["{label}"]:::incident'
    return f'("{label}"):::measure'


def _graph_label(dataset: Dataset, event: Incident | DiplomaticMeasure) -> str:
    date = _when(event.date)
    return f"{_escape(_describe(dataset, event))}<br/>{_escape(date)}"


def _describe(dataset: Dataset, event: Incident | DiplomaticMeasure) -> str:
    """An incident's title; a measure's kind and initiator (and status unless implemented)."""
    if isinstance(event, Incident):
        return event.title
    actor = dataset.get(event.initiator, Actor)
    initiator = event.initiator if actor is None else actor.name
    text = f"{event.kind.value.replace('_', ' ')} by {initiator}"
    if event.status is not MeasureStatus.IMPLEMENTED:
        text += f" ({event.status.value})"
    return text


def _period(date: PartialDate | None) -> str:
    if date is None:
        return "undated"
    point = date.start or date.end  # a date always has one of the two
    if point is None or point.precision in ("century", "decade", "year"):
        return f"{date.earliest if point is None else point.earliest:%Y}"
    return f"{point.earliest:%B %Y}"


def _when(date: PartialDate | None) -> str:
    return "undated" if date is None else str(date)


def _escape(text: str) -> str:
    return " ".join(text.split()).translate(_LABEL_ESCAPES)


def _timeline_text(text: str) -> str:
    """Text for a timeline event: a colon before white space would start a new event, and
    ``%%`` a comment."""
    return re.sub(r":(?=\s)", " -", " ".join(text.split())).replace("%%", "% %")
