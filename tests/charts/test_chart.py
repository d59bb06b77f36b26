"""The escalation chart as a figure: readable for any dataset, never a traceback."""

from __future__ import annotations

import datetime as dt
import inspect
import itertools
import subprocess
import sys

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import incidents
from incidents import (
    Actor,
    ActorKind,
    ArgumentError,
    Dataset,
    DiplomaticMeasure,
    MeasureKind,
    Name,
    PartialDate,
    examples,
)
from incidents.charts import chart, plot

CRISIS = examples.load("russia-azerbaijan-2025")


def _texts(figure):
    """Every text drawn in the axes, with its box on the canvas."""
    renderer = FigureCanvasAgg(figure).get_renderer()
    (axes,) = figure.axes
    return [(text.get_text(), text.get_window_extent(renderer)) for text in axes.texts]


def _overlapping(figure):
    return [
        (a, b)
        for (a, box_a), (b, box_b) in itertools.combinations(_texts(figure), 2)
        if box_a.overlaps(box_b)
    ]


def _states(*more):
    return (
        Actor(id="actor:ru", kind=ActorKind.STATE, name="Russia", country="RU"),
        Actor(id="actor:az", kind=ActorKind.STATE, name="Azerbaijan", country="AZ"),
        *more,
    )


def test_the_crisis_is_drawn_with_a_label_for_every_record_and_none_overlapping():
    """Every dated record has its label, and no two texts of the chart overlap."""
    figure = plot(CRISIS)
    assert isinstance(figure, Figure)
    texts = [text for text, _ in _texts(figure)]
    assert "Azerbaijan → Russia" in " ".join(texts)
    assert sum("summon envoy" in text for text in texts) == 3
    assert [] == _overlapping(figure)
    assert "Azerbaijan and Russia, December 2024 to July 2025" == figure.texts[0].get_text()


def test_a_window_and_a_dyad_are_drawn_without_overlap():
    """The crisis week, Russia first: still no overlapping text."""
    figure = plot(CRISIS, dyad=("RU", "AZ"), start="2025-06-24", end="2025-07-05")
    assert [] == _overlapping(figure)
    texts = [text for text, _ in _texts(figure)]
    assert texts.index(" Russia → Azerbaijan") < texts.index(" Azerbaijan → Russia")


def test_one_record_is_a_chart():
    """A single dated record gives a chart with its label and the day on the axis."""
    single = Dataset(
        actors=_states(),
        measures=(
            DiplomaticMeasure(
                id="measure:one",
                kind=MeasureKind.EXPEL_DIPLOMATS,
                initiator="actor:ru",
                targets=("actor:az",),
                announced=PartialDate.parse("2025-06-28"),
            ),
        ),
    )
    texts = [text for text, _ in _texts(plot(single))]
    assert "expel diplomats · Russia" in texts
    assert any(text.startswith("28 Jun") for text in texts)


def test_names_in_any_script_draw_without_a_missing_glyph():
    """Azerbaijani, Cyrillic, Arabic and CJK names: drawn or replaced, never a warning."""
    actors = _states(
        Actor(id="actor:az-mfa", kind=ActorKind.GOVERNMENT_BODY, name="Xarici İşlər Nazirliyi",
              country="AZ"),
        Actor(id="actor:ru-mfa", kind=ActorKind.GOVERNMENT_BODY, name="МИД России", country="RU"),
        Actor(id="actor:sa", kind=ActorKind.STATE, name="السعودية", country="SA",
              names=(Name(value="Saudi Arabia", language="en"),)),
        Actor(id="actor:cn-mfa", kind=ActorKind.GOVERNMENT_BODY, name="中华人民共和国外交部",
              country="CN"),
    )  # fmt: skip
    measures = tuple(
        DiplomaticMeasure(
            id=f"measure:{initiator.partition(':')[2]}",
            kind=MeasureKind.CRITICIZE,
            initiator=initiator,
            targets=(target,),
            announced=PartialDate.parse("2025-06-28"),
        )
        for initiator, target in [
            ("actor:az-mfa", "actor:ru"),
            ("actor:ru-mfa", "actor:az"),
            ("actor:sa", "actor:az"),
            ("actor:cn-mfa", "actor:ru"),
        ]
    )
    figure = plot(Dataset(actors=actors, measures=measures))
    incidents.charts.chart_bytes(figure, "svg")  # warnings are errors in the test suite
    incidents.charts.chart_bytes(figure, "png")
    texts = " ".join(text for text, _ in _texts(figure))
    assert "Xarici İşlər Nazirliyi" in texts
    assert "МИД России" in texts
    assert "criticize · Saudi Arabia" in texts
    assert "criticize · cn mfa" in texts


def test_dollar_signs_are_text_not_mathematics():
    """A label with dollar signs is drawn as written, not parsed as TeX."""
    actor = Actor(id="actor:fund", kind=ActorKind.ORGANIZATION, name="$5 $10 fund", country="RU")
    measure = DiplomaticMeasure(
        id="measure:m",
        kind=MeasureKind.CRITICIZE,
        initiator="actor:fund",
        targets=("actor:az",),
        announced=PartialDate.parse("2025-06-28"),
    )
    figure = plot(Dataset(actors=_states(actor), measures=(measure,)))
    assert "criticize · $5 $10 fund" in [text for text, _ in _texts(figure)]


def test_thousands_of_records_are_counted_not_labelled():
    """Five thousand measures draw in seconds, as counts, with few texts and none overlapping."""
    first = dt.date(2020, 1, 1)
    measures = tuple(
        DiplomaticMeasure(
            id=f"measure:m{n}",
            kind=(MeasureKind.SUMMON_ENVOY, MeasureKind.EXPEL_DIPLOMATS)[n % 2],
            initiator=("actor:ru", "actor:az")[n % 3 == 0],
            targets=(("actor:az", "actor:ru")[n % 3 == 0],),
            announced=PartialDate.parse((first + dt.timedelta(days=n % 1500)).isoformat()),
            in_response_to=(f"measure:m{n - 1}",) if n else (),
        )
        for n in range(5000)
    )
    figure = plot(Dataset(actors=_states(), measures=measures))
    incidents.charts.chart_bytes(figure, "svg")
    texts = [text for text, _ in _texts(figure)]
    assert len(texts) < 40
    assert any("counted, not labelled" in text for text in texts)
    assert [] == _overlapping(figure)


def test_nothing_to_draw_is_a_clear_error():
    """No dated record: an ArgumentError naming the dataset, not an empty figure."""
    with pytest.raises(ArgumentError, match="nothing to draw"):
        plot(Dataset())


def test_incidents_plot_is_the_function_every_time():
    """incidents.plot stays the function after the charts package is imported."""
    assert isinstance(incidents.plot(CRISIS), Figure)
    assert isinstance(incidents.plot(CRISIS, start="2025-06-28"), Figure)
    assert incidents.charts.plot is chart.plot


def test_incidents_plot_takes_what_charts_plot_takes():
    """The lazy wrapper has the same parameters and defaults as the function it calls."""
    wrapper = inspect.signature(incidents.plot).parameters
    real = inspect.signature(chart.plot).parameters
    assert [(p.name, p.default) for p in real.values()] == [
        (p.name, p.default) for p in wrapper.values()
    ]


def test_import_incidents_does_not_import_matplotlib():
    """``import incidents`` leaves Matplotlib unloaded; drawing loads it."""
    code = (
        "import sys, incidents; assert 'matplotlib' not in sys.modules, 'loaded'; "
        "import incidents.charts; assert 'matplotlib' not in sys.modules, 'charts loaded it'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - our own code


def test_without_matplotlib_the_error_names_the_extra():
    """With Matplotlib missing, plot raises an IncidentsError naming incidents[plot]."""
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import incidents\n"
        "try:\n"
        "    incidents.plot(incidents.Dataset())\n"
        "except incidents.IncidentsError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(  # noqa: S603 - the test's own interpreter and code
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    assert "pip install 'incidents[plot]'" in result.stdout
