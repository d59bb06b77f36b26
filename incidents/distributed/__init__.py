"""Past one machine: validate and export collections of JSON Lines shards on Dask.

:func:`validate_collection` is the collection check of :mod:`incidents.collection` run as
map (each file on a worker), reduce (the rules across files, on the client) and place (each
file with findings across files, on a worker), with the same findings in the same order;
:func:`export_collection` writes a collection's records as a Parquet dataset partitioned by
``year=`` and ``month=`` of their date, one task a file. Both run on a given
``distributed.Client``, on the cluster at a scheduler's address, or on a local cluster of
processes; Dask (the extra ``incidents[dask]``) is imported only then.
"""

from __future__ import annotations

from incidents.distributed.engine import SCHEDULER_VARIABLE, engine
from incidents.distributed.export import DATE_COLUMNS, export_collection
from incidents.distributed.validate import Progress, skeleton, validate_collection

__all__ = [
    "DATE_COLUMNS",
    "SCHEDULER_VARIABLE",
    "Progress",
    "engine",
    "export_collection",
    "skeleton",
    "validate_collection",
]
