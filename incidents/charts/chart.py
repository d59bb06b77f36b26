"""The escalation chart as a Matplotlib figure: :func:`plot`.

Time runs left to right. The top lane holds the incidents (dark diamonds, or dark bars
for a date known only as a span); below it one lane for each direction of the dyad and
one for every other measure. A measure is a dot coloured by the PLOVER quad category of
its kind (verbal or material, cooperation or conflict), or a bar of that colour when its
date is a span (``2025-06``, ``2025-06-27/2025-07-04``); hollow when it was only
threatened, announced or rescinded. Grey arrows run from each record to the ones that
respond to it (``in_response_to``). Lanes too full to label are drawn as counts over time.

The figure is built without ``pyplot`` (no global state, no window) and with one fixed
font (:mod:`incidents.charts.fonts`); :func:`incidents.charts.save` writes it with fixed
metadata, so the same dataset always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from incidents.charts.fonts import drawable, font
from incidents.charts.lanes import (
    CATEGORIES,
    INCIDENT,
    MAX_MARKS,
    NO_PLOVER,
    Lane,
    Mark,
    Plan,
)
from incidents.charts.lanes import plan as make_plan
from incidents.charts.layout import counts, place, ticks
from incidents.errors import MissingExtraError
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

__all__ = ["COLOURS", "WIDTH", "plot"]

#: The colour of each category of mark: incidents dark, cooperation blue, conflict warm.
COLOURS: Final = {
    INCIDENT: "#262626",
    "verbal cooperation": "#74a9cf",
    "material cooperation": "#0b5394",
    "verbal conflict": "#f1a340",
    "material conflict": "#c0392b",
    NO_PLOVER: "#9e9e9e",
}
#: The figure's width in inches.
WIDTH: Final = 11.0

_MARGIN: Final = 0.3  # inches left and right of the axes
_TOP: Final = 0.8  # inches above the first lane: title and subtitle
_BOTTOM: Final = 0.95  # inches below the last lane: date labels, legend, notes
_HEADING: Final = 0.27  # inches of a lane's heading
_ROW: Final = 0.2  # inches of one row of marks
_COUNTS: Final = 0.9  # inches of the bars of a summarised lane
_LANE_GAP: Final = 0.1  # inches between lanes
_LABEL_SIZE: Final = 7.5
_POINT: Final = 4.0  # half the width of a dot or diamond, in points
_BAR: Final = 0.1  # inches: the thickness of a span's bar
_AXIS_POINTS: Final = (WIDTH - 2 * _MARGIN) * 72
_TEXT: Final = "#222222"
_DARK: Final = frozenset({INCIDENT, "material cooperation", "material conflict"})
_MUTED: Final = "#666666"


def plot(
    dataset: Dataset,
    *,
    dyad: Sequence[str] | None = None,
    start: PartialDate | str | dt.date | None = None,
    end: PartialDate | str | dt.date | None = None,
    title: str | None = None,
    max_marks: int = MAX_MARKS,
) -> Figure:
    """The escalation chart of ``dataset``, as a Matplotlib figure.

    ``dyad`` picks the two sides (country codes such as ``("AZ", "RU")``, actor ids or
    names; by default the two countries with the most measures between them); ``start``
    and ``end`` bound the window (dates such as ``"2025-06-20"``, inclusive); ``title``
    replaces the title made from the dyad and the dates; a lane of more than
    ``max_marks`` records is drawn as counts over time. Write the figure with
    :func:`incidents.charts.save` for the same bytes every time.

    Raises :class:`~incidents.ArgumentError` when there is nothing to draw (no record has
    a date in the window) or an argument is wrong, and :class:`~incidents.MissingExtraError`
    when Matplotlib is not installed (``pip install 'incidents[plot]'``).
    """
    require_matplotlib()
    decided = make_plan(
        dataset,
        dyad=dyad,
        start=start,
        end=end,
        title=title,
        drawable=drawable,
        max_marks=max_marks,
    )
    return _Drawing(decided).figure


def require_matplotlib() -> None:
    """Raise :class:`~incidents.MissingExtraError` naming the extra when Matplotlib is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise MissingExtraError("matplotlib", "plot", "the escalation chart") from None


class _Drawing:
    """One figure being drawn from a plan."""

    def __init__(self, decided: Plan) -> None:
        from matplotlib.figure import Figure

        self.plan = decided
        span = (decided.end - decided.start).days
        pad = max(span * 0.015, 0.6)
        self.x0 = decided.start.toordinal() - pad
        self.x1 = decided.end.toordinal() + pad
        self.placements = [self._place(lane) for lane in decided.lanes]
        heights = [
            self._height(lane, rows)
            for lane, rows in zip(decided.lanes, self.placements, strict=True)
        ]
        body = sum(heights) + _LANE_GAP * (len(heights) - 1)
        self.figure = Figure(figsize=(WIDTH, _TOP + body + _BOTTOM), dpi=100)
        total = _TOP + body + _BOTTOM
        self.axes = self.figure.add_axes(
            (_MARGIN / WIDTH, _BOTTOM / total, 1 - 2 * _MARGIN / WIDTH, body / total)
        )
        self.axes.set_xlim(self.x0, self.x1)
        self.axes.set_ylim(body, 0)
        self.axes.set_axis_off()
        self.positions: dict[str, tuple[float, float, float]] = {}
        top = 0.0
        for number, (lane, height) in enumerate(zip(decided.lanes, heights, strict=True)):
            self._lane(lane, self.placements[number], top, height, shaded=number % 2 == 0)
            top += height + _LANE_GAP
        self._arrows()
        self._axis(body)
        self._titles(total)
        self._legend(total)

    def _x(self, day: dt.date) -> float:
        return float(day.toordinal())

    def _points(self, x: float) -> float:
        return (x - self.x0) / (self.x1 - self.x0) * _AXIS_POINTS

    def _extent(self, mark: Mark) -> tuple[float, float]:
        """The mark's left and right ends in points."""
        if mark.is_span:
            left, right = self._points(self._x(mark.start)), self._points(self._x(mark.end))
            return left, max(right, left + 2 * _POINT)
        middle = self._points(self._x(mark.start) + 0.5)
        return middle - _POINT, middle + _POINT

    def _place(self, lane: Lane) -> list[tuple[Mark, int, str]]:
        if lane.summarised:
            return []
        from matplotlib.textpath import TextToPath

        measure = TextToPath()
        size = font(_LABEL_SIZE)
        marks = [
            (*self._extent(mark), measure.get_text_width_height_descent(mark.label, size, False)[0])
            for mark in lane.marks
        ]
        found = place(marks, width=_AXIS_POINTS)
        return [(mark, at.row, at.side) for mark, at in zip(lane.marks, found, strict=True)]

    @staticmethod
    def _height(lane: Lane, placed: list[tuple[Mark, int, str]]) -> float:
        if lane.summarised:
            return _HEADING + _COUNTS
        rows = 1 + max((row for _, row, _ in placed), default=0)
        return _HEADING + rows * _ROW + 0.05

    def _lane(
        self,
        lane: Lane,
        placed: list[tuple[Mark, int, str]],
        top: float,
        height: float,
        *,
        shaded: bool,
    ) -> None:
        axes = self.axes
        axes.axhspan(top, top + height, color="#f4f4f4" if shaded else "#fbfbfb", zorder=0, lw=0)
        name = axes.text(
            self.x0,
            top + 0.04,
            f" {lane.name}",
            fontproperties=font(9, bold=True),
            va="top",
            ha="left",
            color=_TEXT,
            parse_math=False,
            zorder=4,
        )
        from matplotlib.textpath import TextToPath

        bold = font(9, bold=True)
        width = TextToPath().get_text_width_height_descent(name.get_text(), bold, False)[0]
        offset = (width + 8) / _AXIS_POINTS * (self.x1 - self.x0)
        axes.text(
            self.x0 + offset,
            top + 0.05,
            lane.description,
            fontproperties=font(7.5),
            va="top",
            ha="left",
            color=_MUTED,
            parse_math=False,
            zorder=4,
        )
        if lane.summarised:
            self._counts(axes, lane, top + height - 0.04, _COUNTS - 0.12)
            return
        for mark, row, side in placed:
            y = top + _HEADING + (row + 0.5) * _ROW
            self._mark(axes, mark, y, side)

    def _mark(self, axes: Axes, mark: Mark, y: float, side: str) -> None:
        colour = COLOURS[mark.category]
        face = colour if mark.implemented else "white"
        left, end = self._x(mark.start), self._x(mark.end)
        if mark.is_span:
            axes.broken_barh(
                [(left, end - left)],
                (y - _BAR / 2, _BAR),
                facecolors=face,
                edgecolors=colour,
                linewidth=1.0,
                zorder=3,
            )
            anchor_left, anchor_right = left, end
        else:
            middle = left + 0.5
            shape = "D" if mark.category == INCIDENT else "o"
            axes.plot(
                [middle],
                [y],
                marker=shape,
                markersize=6.5 if shape == "D" else 6,
                markerfacecolor=face,
                markeredgecolor=colour,
                markeredgewidth=1.2,
                linestyle="none",
                zorder=3,
            )
            anchor_left = anchor_right = middle
        pad = (_POINT + 3) / _AXIS_POINTS * (self.x1 - self.x0)
        if mark.is_span:
            pad = 3 / _AXIS_POINTS * (self.x1 - self.x0)
        x = {"right": anchor_right + pad, "left": anchor_left - pad, "inside": anchor_left + pad}
        inside = side == "inside"
        axes.text(
            x[side],
            y,
            mark.label,
            fontproperties=font(_LABEL_SIZE),
            va="center",
            ha="right" if side == "left" else "left",
            parse_math=False,
            zorder=4,
            color="white" if inside and mark.implemented and mark.category in _DARK else _TEXT,
        )
        self.positions[mark.record_id] = (anchor_left, anchor_right, y)

    def _counts(self, axes: Axes, lane: Lane, base: float, tallest: float) -> None:
        length, firsts, table = counts(
            [(mark.start, mark.category) for mark in lane.marks],
            start=self.plan.start,
            end=self.plan.end,
        )
        totals = [sum(column) for column in zip(*table.values(), strict=True)]
        most = max(totals)
        bottoms = [0.0] * len(firsts)
        for category in CATEGORIES:
            if category not in table:
                continue
            heights = [count / most * tallest for count in table[category]]
            axes.bar(
                [self._x(day) for day in firsts],
                [-h for h in heights],
                width=length,
                bottom=[base - b for b in bottoms],
                align="edge",
                color=COLOURS[category],
                linewidth=0,
                zorder=3,
            )
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        per = "a day" if length == 1 else f"{length} days"
        axes.text(
            self.x1,
            base - tallest,
            f"tallest bar: {most:,} records in {per} ",
            fontproperties=font(7),
            ha="right",
            va="bottom",
            color=_MUTED,
            parse_math=False,
        )

    def _arrows(self) -> None:
        from matplotlib.patches import FancyArrowPatch

        for lane in self.plan.lanes:
            for mark in lane.marks:
                if mark.record_id not in self.positions:
                    continue
                response_left, _, response_y = self.positions[mark.record_id]
                for trigger in mark.in_response_to:
                    if trigger not in self.positions:
                        continue
                    _, trigger_right, trigger_y = self.positions[trigger]
                    self.axes.add_patch(
                        FancyArrowPatch(
                            (trigger_right, trigger_y),
                            (response_left, response_y),
                            arrowstyle="-|>",
                            mutation_scale=7,
                            color="#8a8a8a",
                            linewidth=0.6,
                            alpha=0.6,
                            shrinkA=4,
                            shrinkB=4,
                            zorder=2,
                            connectionstyle="arc3,rad=-0.12",
                        )
                    )

    def _axis(self, body: float) -> None:
        axes = self.axes
        first, last = dt.date.fromordinal(int(self.x0) + 1), dt.date.fromordinal(int(self.x1))
        for tick in ticks(first, last):
            x = self._x(tick.day)
            axes.axvline(x, color="#d9d9d9", linewidth=0.5, zorder=1)
            axes.text(
                x,
                body + 0.06,
                tick.label,
                fontproperties=font(7.5),
                ha="center",
                va="top",
                color=_MUTED,
                parse_math=False,
                clip_on=False,
            )
        axes.axhline(body, color="#999999", linewidth=0.8, zorder=1)

    def _titles(self, total: float) -> None:
        figure = self.figure
        left = _MARGIN / WIDTH
        figure.text(
            left,
            1 - 0.22 / total,
            self.plan.title,
            fontproperties=font(13, bold=True),
            ha="left",
            va="top",
            color=_TEXT,
            parse_math=False,
        )
        shown = sum(len(lane.marks) for lane in self.plan.lanes)
        incidents = sum(len(lane.marks) for lane in self.plan.lanes if lane.name == "Incidents")
        subtitle = (
            f"{_count(incidents, 'incident')} and {_count(shown - incidents, 'measure')}, "
            "by date; arrows run from a record to what responds to it"
        )
        figure.text(
            left,
            1 - 0.52 / total,
            subtitle,
            fontproperties=font(8.5),
            ha="left",
            va="top",
            color=_MUTED,
            parse_math=False,
        )

    def _legend(self, total: float) -> None:
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        present = {mark.category for lane in self.plan.lanes for mark in lane.marks}
        handles: list[Line2D | Patch] = []
        for category in CATEGORIES:
            if category not in present:
                continue
            marker = "D" if category == INCIDENT else "o"
            handles.append(_dot(marker, COLOURS[category], COLOURS[category], category))
        handles.append(_dot("o", "white", "#555555", "hollow: not implemented"))
        handles.append(Patch(facecolor="#bbbbbb", edgecolor="#888888", label="bar: a span"))
        handles.append(Line2D([], [], color="#8a8a8a", linewidth=0.8, label="\u2192 responds to"))
        self.figure.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(_MARGIN / WIDTH, 0.22 / total),
            ncol=5,
            frameon=False,
            prop=font(7.5),
            handlelength=1.4,
            columnspacing=1.4,
            borderaxespad=0,
            labelcolor=_TEXT,
        )
        notes = " ".join(
            (*self.plan.notes, "Colours: PLOVER quad category of each measure's kind.")
        )
        self.figure.text(
            _MARGIN / WIDTH,
            0.06 / total,
            notes,
            fontproperties=font(7),
            ha="left",
            va="bottom",
            color=_MUTED,
            parse_math=False,
        )


def _dot(marker: str, face: str, edge: str, label: str) -> Line2D:
    from matplotlib.lines import Line2D

    return Line2D(
        [],
        [],
        marker=marker,
        markersize=6,
        markerfacecolor=face,
        markeredgecolor=edge,
        markeredgewidth=1.2,
        linestyle="none",
        label=label,
    )


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
