"""``incidents show``: a readable summary of a dataset, the same as data, or its Mermaid
diagrams; and every problem ``incidents validate`` finds in it.

The file is validated first. Its problems are printed on standard error exactly as
``validate`` prints them (line, column and warnings included); a file that can be read as
a dataset is summarised even when a rule across records fails (a dangling reference), but
any error makes the exit code 1. ``--format json`` prints one document instead, the
problems inside it (:func:`summary_document` gives its shape).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from incidents.cli.console import (
    OK,
    PROBLEMS,
    Style,
    Subcommands,
    Verbosity,
    describe_problem,
    exit_codes,
    fail,
    subcommand,
    verdict,
)

if TYPE_CHECKING:
    from incidents.model.claims import Claim
    from incidents.model.dataset import Dataset
    from incidents.views.summary import TimelineEntry

__all__ = ["add_parser", "show", "summary_document"]


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents show`` to the command line."""
    show = subcommand(
        commands,
        "show",
        "summarise a dataset: counts, timeline, contested facts",
        "Print a readable summary of a dataset: how many records of each kind, a timeline "
        "of incidents and measures with what each responds to, and the contested facts "
        "(claims that disagree) with their claimants and sources. The file is validated "
        "first: its problems are printed on standard error as `incidents validate` prints "
        "them.",
        """examples:
  incidents show examples/russia-azerbaijan-2025.json
  incidents show --format json examples/russia-azerbaijan-2025.json > summary.json
  incidents show --format graph examples/russia-azerbaijan-2025.json > crisis.mmd""",
        exit_codes(
            "the summary printed; the dataset is valid (warnings allowed)",
            "the dataset has errors (printed on standard error); the summary is printed\n"
            "     when the file can still be read as a dataset",
        ),
        quiet="print the problems without the closing verdict line",
    )
    show.add_argument("path", metavar="PATH", help="the dataset to read, or - for standard input")
    show.add_argument(
        "--format",
        choices=("text", "json", "graph", "timeline"),
        default="text",
        help="text: the summary (default); json: the summary and the problems as one JSON "
        "document; graph: a Mermaid escalation graph of incidents and measures; timeline: "
        "a Mermaid timeline",
    )
    show.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return show(options.path, options.format, options.verbosity)


def show(path: str, form: str = "text", verbosity: Verbosity = "normal") -> int:
    """Print the summary of the dataset at ``path`` (``text`` or ``json``), or a Mermaid
    ``graph`` or ``timeline`` of it, after its problems; the exit code."""
    from incidents.cli.inputs import STDIN, examine, single
    from incidents.errors import FileError

    item = single(path)
    if isinstance(item, str):
        return fail(item)
    try:
        examined = examine(item)
    except FileError as error:
        return fail(str(error))
    dataset, errors = examined.dataset, examined.errors
    if form == "json":
        document = {
            "path": item.name,
            "ok": not errors,
            "problems": [problem.to_dict() for problem in examined.problems],
            "summary": None if dataset is None else summary_document(dataset),
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return PROBLEMS if errors else OK
    style = Style.of(sys.stderr)
    for problem in examined.problems:
        print(describe_problem(item.name, problem, style), file=sys.stderr)
    if dataset is not None:
        sys.stdout.write(_drawing(dataset, form, STDIN if item.path is None else item.name))
        sys.stdout.flush()
    if not errors:
        return OK
    if verbosity != "quiet":
        warnings = len(examined.problems) - errors
        said = verdict(False, errors, warnings)
        unread = "; not read as a dataset" if dataset is None else ""
        print(f"incidents: {item.name}: {style.paint(said, 'error')}{unread}", file=sys.stderr)
    return PROBLEMS


def _drawing(dataset: Dataset, form: str, title: str) -> str:
    from incidents.views.diagrams import escalation_graph, timeline
    from incidents.views.summary import render

    if form == "graph":
        return escalation_graph(dataset)
    if form == "timeline":
        return timeline(dataset)
    return render(dataset, title=title)


def summary_document(dataset: Dataset) -> dict[str, Any]:
    """The summary ``show`` prints, as JSON-ready data.

    ``counts``: records of each kind (``actors``, ``sources``, ``incidents``, ``measures``,
    ``records``). ``timeline``: incidents and measures in date order (undated last), each
    ``{"date", "id", "record", "kind", "in_response_to", "links"}`` (``record`` is
    ``"incident"`` or ``"measure"``, ``date`` an EDTF string or ``null``, each link
    ``{"kind", "target"}``), an incident with its ``title``, a measure with its
    ``initiator``, ``targets``, ``status``, ``announced`` and ``effective``. ``contested``:
    the facts the claims disagree on, each ``{"record", "fact", "claims"}``, each claim
    ``{"value", "stance", "claimed_by", "confidence", "date", "sources"}`` with the value in
    the file's own JSON form. Every key is always present; what the record lacks is
    ``null`` (or ``[]``).
    """
    from incidents.views.summary import contested_facts, timeline

    counts = {
        "actors": len(dataset.actors),
        "sources": len(dataset.sources),
        "incidents": len(dataset.incidents),
        "measures": len(dataset.measures),
        "records": len(dataset),
    }
    contested = [
        {
            "record": fact.record_id,
            "fact": fact.fact,
            "claims": [_claim(claim) for claim in fact.claims],
        }
        for fact in contested_facts(dataset)
    ]
    return {
        "counts": counts,
        "timeline": [_entry(entry) for entry in timeline(dataset)],
        "contested": contested,
    }


def _entry(entry: TimelineEntry) -> dict[str, Any]:
    from incidents.model.events import Incident

    record = entry.record
    data: dict[str, Any] = {
        "date": _text(entry.date),
        "id": record.id,
        "record": "incident" if isinstance(record, Incident) else "measure",
        "kind": record.kind.value,
        "in_response_to": list(record.in_response_to),
        "links": [{"kind": link.kind.value, "target": link.target} for link in record.links],
    }
    if isinstance(record, Incident):
        data["title"] = record.title
    else:
        data["initiator"] = record.initiator
        data["targets"] = list(record.targets)
        data["status"] = record.status.value
        data["announced"] = _text(record.announced)
        data["effective"] = _text(record.effective)
    return data


def _claim(claim: Claim[Any]) -> dict[str, Any]:
    from incidents.formats.converter import converter

    return {
        "value": converter.unstructure(claim.value),
        "stance": claim.stance.value,
        "claimed_by": claim.claimed_by,
        "confidence": None if claim.confidence is None else claim.confidence.value,
        "date": _text(claim.date),
        "sources": [citation.source for citation in claim.citations],
    }


def _text(value: object | None) -> str | None:
    return None if value is None else str(value)
