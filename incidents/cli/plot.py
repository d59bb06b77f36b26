"""``incidents plot``: the escalation chart of a dataset, as an SVG, PNG or PDF file."""

from __future__ import annotations

import argparse
from pathlib import Path

from incidents.cli.console import OK, Subcommands, Verbosity, exit_codes, fail, subcommand, wrote

__all__ = ["add_parser", "plot"]

#: The option that sets each argument of incidents.plot, for messages.
_OPTIONS = {"dyad": "--dyad", "start": "--from", "end": "--to", "title": "--title"}


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents plot`` to the command line."""
    parser = subcommand(
        commands,
        "plot",
        "draw the escalation chart of a dataset (SVG, PNG or PDF)",
        "Draw the escalation chart of a dataset: incidents and diplomatic measures on a time "
        "line, one lane per direction of the dyad and one for the rest, measures coloured by "
        "the PLOVER quad category of their kind, arrows from each record to what responds to "
        "it. The output file's suffix picks the format; the same dataset always gives the "
        "same bytes. Needs Matplotlib: pip install 'incidents[plot]'.",
        """examples:
  incidents plot examples/russia-azerbaijan-2025.json -o crisis.svg
  incidents plot crisis.json -o week.png --dyad AZ RU --from 2025-06-24 --to 2025-07-05""",
        exit_codes(
            "the chart written",
            "the dataset cannot be read (its problems printed on standard error)",
            "usage error (a bad --dyad, --from or --to), Matplotlib not installed, or a\n"
            "     file that cannot be read or written",
        ),
        quiet="do not say what was written",
    )
    parser.add_argument("path", metavar="PATH", help="the dataset to read, or - for standard input")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the chart to write: .svg, .png or .pdf (written atomically)",
    )
    parser.add_argument(
        "--dyad",
        nargs=2,
        metavar=("A", "B"),
        help="the two sides: country codes (AZ RU), actor ids or names; default: the two "
        "countries with the most measures between them",
    )
    parser.add_argument("--from", dest="start", metavar="DATE", help="first day drawn (EDTF)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day drawn (EDTF)")
    parser.add_argument("--title", help="the chart's title (default: the dyad and the dates)")
    parser.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return plot(
        options.path,
        options.output,
        dyad=options.dyad,
        start=options.start,
        end=options.end,
        title=options.title,
        verbosity=options.verbosity,
    )


def plot(
    path: str,
    output: str,
    *,
    dyad: list[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    title: str | None = None,
    verbosity: Verbosity = "normal",
) -> int:
    """Draw the chart of the dataset at ``path`` into ``output``; the exit code."""
    from incidents.charts import plot as draw
    from incidents.charts import save
    from incidents.charts.chart import require_matplotlib
    from incidents.cli.inputs import load, single
    from incidents.errors import ArgumentError

    require_matplotlib()
    item = single(path)
    if isinstance(item, str):
        return fail(item)
    dataset = load(item, check=False)
    if isinstance(dataset, int):
        return dataset
    try:
        figure = draw(dataset, dyad=dyad, start=start, end=end, title=title)
    except ArgumentError as error:
        option = _OPTIONS.get(error.argument)
        where = f"{item.name}" if option is None else option
        return fail(f"{where}: {error.reason} (got {error.value!r})")
    save(figure, output)
    wrote(output, f"escalation chart, {Path(output).suffix.lstrip('.').upper()}", verbosity)
    return OK
