"""Writing charts: SVG, PNG or PDF by suffix, the same bytes for the same chart, atomically.

Matplotlib stamps files with the time they were made and gives SVG elements random ids;
:func:`chart_bytes` turns both off (no date, ids from a fixed salt) so a chart drawn twice
is byte for byte the same file, and a drift test can compare a committed picture with the
code. SVG text is drawn as outlines (``svg.fonttype`` ``path``): the picture looks the
same in every browser and on every machine, whatever fonts it has, at the cost of text
that cannot be selected; the text of each label is kept in a comment beside its outline.
Files are written atomically with :func:`incidents.formats.files.write_bytes`.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

from incidents.charts.chart import require_matplotlib
from incidents.errors import ArgumentError, FileError
from incidents.formats.files import write_bytes

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["CHART_FORMATS", "chart_bytes", "save"]

#: The formats a chart is written in, by suffix.
CHART_FORMATS: Final = ("svg", "png", "pdf")
#: Dots per inch of a PNG.
PNG_DPI: Final = 150


def chart_bytes(figure: Figure, form: str = "svg") -> bytes:
    """The chart as the bytes of an SVG, PNG or PDF file, the same every time."""
    require_matplotlib()
    import matplotlib

    if form not in CHART_FORMATS:
        reason = f"use one of {', '.join(CHART_FORMATS)}"
        raise ArgumentError("chart_bytes", "form", form, reason)
    title = next((text.get_text() for text in figure.texts), "")
    metadata: dict[str, str | None] = {"Title": title}
    if form == "svg":
        metadata["Date"] = None
    elif form == "pdf":
        metadata.update(CreationDate=None, ModDate=None)
    buffer = io.BytesIO()
    # No random ids in SVG; text as outlines; TrueType fonts embedded in PDF.
    with matplotlib.rc_context(
        {"svg.hashsalt": "incidents", "svg.fonttype": "path", "pdf.fonttype": 42}
    ):
        figure.savefig(buffer, format=form, metadata=metadata, dpi=PNG_DPI)
    return buffer.getvalue()


def save(figure: Figure, path: str | os.PathLike[str]) -> None:
    """Write the chart to ``path``; the suffix picks the format (``.svg``, ``.png`` or
    ``.pdf``). The write is atomic: a failure leaves no half-written file."""
    target = Path(path)
    form = target.suffix.lower().lstrip(".")
    if form not in CHART_FORMATS:
        known = ", ".join(f".{name}" for name in CHART_FORMATS)
        raise FileError(
            str(target), f"unknown chart type {target.suffix or '(none)'!r}; use {known}"
        )
    write_bytes(chart_bytes(figure, form), target)
