"""Running generated source: the compiled loaders and the semantic plans.

Both write small Python functions from the record classes and their field checks (never
from the data they will read). :func:`define` runs such source and registers it with
:mod:`linecache`, so that tracebacks and debuggers show the generated lines.
"""

from __future__ import annotations

import linecache
from typing import Any

__all__ = ["define"]


def define(source: str, filename: str, namespace: dict[str, Any]) -> dict[str, Any]:
    """Run ``source`` (named ``filename``, e.g. ``"<semantic plan x>"``) in ``namespace``."""
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - source we wrote
    return namespace
