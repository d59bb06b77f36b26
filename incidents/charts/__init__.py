"""Pictures of a dataset drawn with Matplotlib: the escalation chart.

:func:`plot` returns the chart as a Matplotlib figure and :func:`save` writes it as SVG, PNG
or PDF, the same bytes every time. ``incidents.plot`` is the same function, loaded only when
called, so ``import incidents`` does not import Matplotlib; install it with
``pip install 'incidents[plot]'``. The parts: :mod:`~incidents.charts.lanes` (which record
goes where), :mod:`~incidents.charts.layout` (rows, labels, ticks),
:mod:`~incidents.charts.fonts` (the fixed font), :mod:`~incidents.charts.chart` (the figure)
and :mod:`~incidents.charts.files` (writing it).
"""

from incidents.charts.chart import plot
from incidents.charts.files import chart_bytes, save
from incidents.charts.lanes import quad_class

__all__ = ["chart_bytes", "plot", "quad_class", "save"]
