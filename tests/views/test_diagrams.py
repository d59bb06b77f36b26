"""Mermaid pictures of a dataset: one node per event, one arrow per reference, stable text."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given

from incidents import (
    Dataset,
    DiplomaticMeasure,
    Incident,
    IncidentKind,
    IncidentLink,
    IncidentLinkKind,
    MeasureKind,
    MeasureStatus,
    PartialDate,
    examples,
    from_json,
    strategies,
    to_json,
)
from incidents.views.diagrams import escalation_graph, timeline

NODE = re.compile(r'^    ([a-z0-9_]+)(\["[^"]*"\]|\("[^"]*"\)):::(incident|measure|missing)$')
ARROW = re.compile(r"^    ([a-z0-9_]+) --> ([a-z0-9_]+)$")
LINK = re.compile(r'^    ([a-z0-9_]+) -\.->\|"[a-z ]+"\| ([a-z0-9_]+)$')
STYLE = re.compile(r"^    classDef (incident|measure|missing) [a-z-]+:\S.*$")


def _parts(graph: str) -> tuple[list[re.Match[str]], list[re.Match[str]], list[re.Match[str]]]:
    """The graph's nodes, response arrows and link arrows; every other line is a style."""
    header, *lines = graph.splitlines()
    assert "flowchart LR" == header
    nodes, arrows, links = [], [], []
    for line in lines:
        for pattern, found in ((NODE, nodes), (ARROW, arrows), (LINK, links)):
            match = pattern.match(line)
            if match:
                found.append(match)
                break
        else:
            assert STYLE.match(line), line
    return nodes, arrows, links


def _events(dataset: Dataset) -> list[Incident | DiplomaticMeasure]:
    return [*dataset.incidents, *dataset.measures]


@pytest.mark.parametrize("name", examples.names())
def test_graph_has_a_node_per_event_and_an_arrow_per_reference(name):
    """Nodes are the incidents and measures; arrows the in_response_to entries and links."""
    dataset = examples.load(name)
    nodes, arrows, links = _parts(escalation_graph(dataset))
    assert len(_events(dataset)) == len(nodes)
    assert sum(len(event.in_response_to) for event in _events(dataset)) == len(arrows)
    assert sum(len(event.links) for event in _events(dataset)) == len(links)
    declared = {node[1] for node in nodes}
    assert len(declared) == len(nodes)
    assert {end for edge in arrows + links for end in edge.groups()} <= declared


def test_arrows_run_from_trigger_to_response():
    """`a --> b` means b responds to a; a link points from the incident that holds it."""
    dataset = examples.load("russia-azerbaijan-2025")
    _, arrows, links = _parts(escalation_graph(dataset))
    node_ids = {re.sub(r"[^a-z0-9]", "_", event.id): event for event in _events(dataset)}
    for arrow in arrows:
        trigger, response = node_ids[arrow[1]], node_ids[arrow[2]]
        assert trigger.id in response.in_response_to
    for link in links:
        source, target = node_ids[link[1]], node_ids[link[2]]
        assert isinstance(source, Incident)
        assert target.id in {each.target for each in source.links}


def test_labels_show_title_or_kind_and_initiator_and_date():
    """An incident shows its title, a measure its kind and initiator's name; both their date."""
    graph = escalation_graph(examples.load("sputnik-azerbaijan-2025"))
    assert (
        "    incident_sputnik_azerbaijan_raid_2025[\"Police raid Sputnik Azerbaijan's office in "
        'Baku and detain its staff<br/>2025-06-30"]:::incident'
    ) in graph.splitlines()
    assert (
        '    measure_kremlin_calls_for_release("call for release by The Kremlin<br/>2025-07-01")'
        ":::measure"
    ) in graph.splitlines()


def test_characters_mermaid_reads_as_syntax_are_escaped():
    """Quotes, angle brackets and backticks in a title become Mermaid entity codes."""
    incident = Incident(
        id="incident:x",
        kind=IncidentKind.OTHER,
        title='The "<b>bold</b>" `raid`',
        date=PartialDate.parse("2025"),
    )
    graph = escalation_graph(Dataset(incidents=(incident,)))
    label = "The #quot;#lt;b#gt;bold#lt;/b#gt;#quot; #96;raid#96;<br/>2025"
    assert f'    incident_x["{label}"]:::incident' in graph.splitlines()
    _parts(graph)


def test_references_outside_the_dataset_get_a_placeholder():
    """A trigger or link target that is not in the dataset is drawn as a dashed placeholder."""
    incident = Incident(
        id="incident:x",
        kind=IncidentKind.OTHER,
        title="X",
        date=PartialDate.parse("2025"),
        links=(IncidentLink(kind=IncidentLinkKind.PART_OF, target="incident:gone"),),
    )
    measure = DiplomaticMeasure(
        id="measure:y",
        kind=MeasureKind.THREATEN,
        initiator="actor:nobody",
        in_response_to=("measure:gone",),
    )
    graph = escalation_graph(Dataset(incidents=(incident,), measures=(measure,)))
    nodes, arrows, links = _parts(graph)
    assert ["incident", "measure", "missing", "missing"] == [node[3] for node in nodes]
    assert '("threaten by actor:nobody<br/>undated"):::measure' in graph
    assert [("measure_gone", "measure_y")] == [arrow.groups() for arrow in arrows]
    assert [("incident_x", "incident_gone")] == [link.groups() for link in links]


@pytest.mark.parametrize("draw", [escalation_graph, timeline])
def test_output_is_stable(draw):
    """The same dataset gives the same text, also after a round trip through JSON."""
    dataset = examples.load("russia-azerbaijan-2025")
    assert draw(dataset) == draw(dataset)
    assert draw(dataset) == draw(from_json(to_json(dataset)))
    assert draw(dataset).endswith("\n")


def _timeline_events(text: str) -> list[tuple[str, str]]:
    """(period, event) for every event of a Mermaid timeline."""
    header, *lines = text.splitlines()
    assert "timeline" == header
    events, period = [], None
    for line in lines:
        if line.startswith("        : "):
            event = line.removeprefix("        : ")
        else:
            assert re.fullmatch(r"    [^:#\n]+ : .+", line), line
            period, event = line.strip().split(" : ", 1)
        assert ": " not in event, line  # it would start another event
        events.append((period, event))
    return events


def test_timeline_has_every_event_by_month_in_date_order():
    """Each incident and measure once, under the month of its earliest day, undated last."""
    dataset = examples.load("russia-azerbaijan-2025")
    events = _timeline_events(timeline(dataset))
    assert len(_events(dataset)) == len(events)
    periods = list(dict.fromkeys(period for period, _ in events))
    assert [
        "December 2024",
        "February 2025",
        "May 2025",
        "June 2025",
        "July 2025",
        "undated",
    ] == periods
    assert ("June 2025", "2025-06-18 · revoke citizenship by Russia") == events[5]
    assert ("undated", "criticize by Azerbaijan") == events[-2]


def test_timeline_text_never_starts_a_new_event():
    """A colon before a space in a title would split the event; it becomes a dash."""
    incident = Incident(
        id="incident:x", kind=IncidentKind.OTHER, title="Baku: raid", date=PartialDate.parse("2025")
    )
    assert "timeline\n    2025 : 2025 · Baku - raid\n" == timeline(Dataset(incidents=(incident,)))


@given(strategies.datasets())
def test_any_dataset_draws_consistently(dataset):
    """For any dataset: a node per event, an arrow per reference, an event per record."""
    nodes, arrows, links = _parts(escalation_graph(dataset))
    targets = {ref for event in _events(dataset) for ref in event.in_response_to}
    targets |= {link.target for event in _events(dataset) for link in event.links}
    outside = targets - {event.id for event in _events(dataset)}
    assert len(_events(dataset)) + len(outside) == len(nodes)
    assert sum(len(event.in_response_to) for event in _events(dataset)) == len(arrows)
    assert sum(len(event.links) for event in _events(dataset)) == len(links)
    assert len(_events(dataset)) == len(_timeline_events(timeline(dataset)))


def test_a_measure_with_status_shows_it():
    """A measure that was only threatened says so in its label."""
    measure = attrs.evolve(
        examples.load("russia-azerbaijan-2025").measures[0], status=MeasureStatus.THREATENED
    )
    assert "(threatened)<br/>" in escalation_graph(Dataset(measures=(measure,)))


def test_measure_links_are_drawn_like_incident_links() -> None:
    """A measure linked to another (format 1.1) gets a dashed arrow labelled with the kind."""
    from incidents import MeasureLink, MeasureLinkKind

    whole = DiplomaticMeasure(
        id="measure:whole", kind=MeasureKind.EXPEL_DIPLOMATS, initiator="actor:a"
    )
    part = DiplomaticMeasure(
        id="measure:part",
        kind=MeasureKind.EXPEL_DIPLOMATS,
        initiator="actor:a",
        links=(MeasureLink(kind=MeasureLinkKind.PART_OF, target="measure:whole"),),
    )
    graph = escalation_graph(Dataset(measures=(whole, part)))
    assert '    measure_part -.->|"part of"| measure_whole' in graph
