"""Where the work runs: a Dask client, given, on a cluster at an address, or on a local
cluster of processes started for one run and stopped after it.

``import incidents.distributed`` never imports Dask: :func:`require` imports ``distributed``
when it is first needed, or raises :class:`~incidents.errors.MissingExtraError` naming the
extra ``incidents[dask]`` that installs it. Nothing listens beyond 127.0.0.1 on a local
cluster (no dashboard either).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from types import ModuleType
from typing import Any, Final

from incidents.errors import MissingExtraError

__all__ = ["SCHEDULER_VARIABLE", "engine", "require"]

#: The environment variable naming the scheduler of an existing cluster (as Dask reads it).
SCHEDULER_VARIABLE: Final = "DASK_SCHEDULER_ADDRESS"


def require(feature: str) -> ModuleType:
    """The ``distributed`` package for ``feature``; :class:`MissingExtraError` without it."""
    try:
        import distributed
    except ImportError:
        raise MissingExtraError("distributed", "dask", feature) from None
    return distributed


@contextlib.contextmanager
def engine(
    client: Any = None, jobs: int | None = None, scheduler: str | None = None, feature: str = ""
) -> Iterator[Any]:
    """A Dask client: ``client`` itself; else one connected to ``scheduler``; else one of a
    local cluster of ``jobs`` worker processes (one thread each) started here and stopped
    on leaving."""
    if client is not None:
        yield client
        return
    distributed = require(feature or "running on Dask")
    if scheduler:
        with distributed.Client(scheduler) as connected:
            yield connected
        return
    workers = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    with (
        distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        distributed.Client(cluster) as local,
    ):
        yield local
