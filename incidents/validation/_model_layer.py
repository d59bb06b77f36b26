"""The model layer: what the record classes refuse beyond the JSON Schema.

NFC text, real calendar dates, ordered intervals and the other field checks of
:mod:`incidents.model` that a schema cannot state. The compiled loaders give the verdict
first (:func:`loads_as_records`); only a document they refuse is walked, to list every
problem with its place.
"""

from __future__ import annotations

from typing import Any

from incidents._places import Finding, path_to_pointer
from incidents.formats._diagnosis import diagnose
from incidents.formats.converter import converter, structure_dataset
from incidents.model.dataset import Dataset

__all__ = ["loads_as_records", "model_findings"]


def loads_as_records(data: Any) -> bool:
    """Whether the plain data structures into a dataset (the typed load's verdict)."""
    try:
        structure_dataset(data)
    except Exception:
        return False
    return True


def model_findings(
    data: Any, cls: type = Dataset, path: str = "$", *, skip_loaded: bool = True
) -> list[Finding]:
    """What the record classes reject in ``data`` (a ``cls`` at JSONPath ``path``).

    The schema's findings are taken out by the caller
    (:func:`incidents.validation._record_layers.uncovered`). Callers try the typed load
    first (the fast path); this walk runs only when it failed. ``skip_loaded=False`` also
    walks the records the compiled loader accepts.
    """
    return [
        (path_to_pointer(problem.path), problem.code, problem.message)
        for problem in diagnose(data, cls, converter, path, skip_loaded=skip_loaded)
    ]
