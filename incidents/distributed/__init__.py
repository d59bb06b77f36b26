"""Past one machine: validate and export collections of JSON Lines shards on Dask.

:func:`validate_collection` is the collection check of :mod:`incidents.collection` run as
map (each file on a worker), reduce (the rules across files, on the client) and place (each
file with findings across files, on a worker), with the same findings in the same order;
:func:`export_collection` writes a collection's tables as a Parquet dataset partitioned by
``year=`` and ``month=`` of their date, one task a file. Both run on a given
``distributed.Client``, on the cluster at a scheduler's address, or on a local cluster of
processes; Dask (the extra ``incidents[dask]``) is imported only then. The names here are
loaded on first use, so the command line can read :data:`SCHEDULER_VARIABLE` without the
validators.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from incidents.distributed.cluster import SCHEDULER_VARIABLE, engine
    from incidents.distributed.export import DATE_COLUMNS, export_collection
    from incidents.distributed.validate import Progress, skeleton, validate_collection

#: Where each name lives.
_LAZY: Final = {
    "SCHEDULER_VARIABLE": "cluster",
    "engine": "cluster",
    "DATE_COLUMNS": "export",
    "export_collection": "export",
    "Progress": "validate",
    "skeleton": "validate",
    "validate_collection": "validate",
}

__all__ = [
    "DATE_COLUMNS",
    "SCHEDULER_VARIABLE",
    "Progress",
    "engine",
    "export_collection",
    "skeleton",
    "validate_collection",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'incidents.distributed' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"incidents.distributed.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
