"""``incidents show``: a readable summary of a dataset, or its Mermaid diagrams."""

from __future__ import annotations

import argparse
import sys

from incidents.cli.console import OK, Subcommands, fail, subcommand
from incidents.cli.inputs import STDIN, load, single
from incidents.views.diagrams import escalation_graph, timeline
from incidents.views.summary import render

__all__ = ["add_parser", "show"]


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents show`` to the command line."""
    show = subcommand(
        commands,
        "show",
        "summarise a dataset: counts, timeline, contested facts",
        "Print a readable summary of a dataset: how many records of each kind, a timeline "
        "of incidents and measures with what each responds to, and the contested facts "
        "(claims that disagree) with their claimants and sources.",
        """examples:
  incidents show examples/russia-azerbaijan-2025.json
  incidents show --format graph examples/russia-azerbaijan-2025.json > crisis.mmd""",
    )
    show.add_argument("path", metavar="PATH", help="the dataset to read, or - for standard input")
    show.add_argument(
        "--format",
        choices=("text", "graph", "timeline"),
        default="text",
        help="text: the summary (default); graph: a Mermaid escalation graph of incidents and "
        "measures; timeline: a Mermaid timeline",
    )
    show.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return show(options.path, options.format)


def show(path: str, form: str = "text") -> int:
    """Print the summary of the dataset at ``path`` (``text``), or a Mermaid ``graph`` or
    ``timeline`` of it."""
    item = single(path)
    if isinstance(item, str):
        return fail(item)
    dataset = load(item, check=False)
    if isinstance(dataset, int):
        return dataset
    if form == "graph":
        sys.stdout.write(escalation_graph(dataset))
    elif form == "timeline":
        sys.stdout.write(timeline(dataset))
    else:
        title = STDIN if item.path is None else item.name
        sys.stdout.write(render(dataset, title=title))
    return OK
