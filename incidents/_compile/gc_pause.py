"""Pause the cyclic garbage collector while a document is read.

Reading builds many small objects and no reference cycles that need collecting while it
runs; the collector's passes over the growing heap are pure overhead (about 2.4 times the
time at 100,000 records, measured by ``benchmarks/``). It is switched back on, if it was on,
however the reading ends.

The benchmark harness measures every contestant under one collector policy, so it can switch
this pause off (:func:`set_pause`, private; or ``INCIDENTS_GC_PAUSE=0`` in the environment):
then the block runs with the collector as the caller left it.
"""

from __future__ import annotations

import gc
import os

__all__ = ["gc_paused", "set_pause"]

_pausing = os.environ.get("INCIDENTS_GC_PAUSE", "1") != "0"


def set_pause(enabled: bool) -> bool:
    """Whether ``gc_paused`` pauses the collector from now on; returns the previous setting."""
    global _pausing
    previous, _pausing = _pausing, enabled
    return previous


class gc_paused:  # noqa: N801 - used like a function: ``with gc_paused():``
    """Disable the garbage collector for the block; restore its state afterwards.

    A plain class rather than ``contextlib.contextmanager``: entering and leaving cost less,
    which shows on small documents.
    """

    __slots__ = ("_was_enabled",)

    def __enter__(self) -> None:
        self._was_enabled = _pausing and gc.isenabled()
        if self._was_enabled:
            gc.disable()

    def __exit__(self, *_: object) -> None:
        if self._was_enabled:
            gc.enable()
