"""How every layer names a place in a document: JSON Pointer, JSONPath, and findings.

Readers report problems with a JSONPath (``$.incidents[2].date``, in
:class:`~incidents.errors.ParseProblem`); validation reports a JSON Pointer (RFC 6901,
``/incidents/2/date``, in :class:`~incidents.validation.report.Problem`). The two spellings
are converted here, once, for every layer. A :data:`Finding` is a problem found in plain
data before it is placed at a line and column.

This module, like :mod:`incidents.errors`, imports nothing else of the package, so any
layer may use it.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["Finding", "escape_pointer", "join_path", "path_to_pointer", "pointer_to_path"]

#: (JSON Pointer, code, message): one problem found in plain data, not yet placed.
Finding = tuple[str, str, str]

_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PATH_PART: Final = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]')


def escape_pointer(key: str | int) -> str:
    """One JSON Pointer reference token (RFC 6901): ``a/b`` -> ``a~1b``."""
    return str(key).replace("~", "~0").replace("/", "~1")


def join_path(path: str, key: str | int) -> str:
    """Extend a JSONPath: ``join_path("$", "incidents")`` -> ``"$.incidents"``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _IDENTIFIER.fullmatch(key):
        return f"{path}.{key}"
    escaped = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'{path}["{escaped}"]'


def pointer_to_path(pointer: str) -> str:
    """``/incidents/2/date`` -> ``$.incidents[2].date`` (keys that are not names are quoted)."""
    path = "$"
    if not pointer:
        return path
    for token in pointer[1:].split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        path = f"{path}[{key}]" if key.isdigit() else join_path(path, key)
    return path


def path_to_pointer(path: str) -> str:
    """``$.incidents[2].date`` -> ``/incidents/2/date`` (the inverse of :func:`pointer_to_path`)."""
    pointer = ""
    for name, index, quoted in _PATH_PART.findall(path[1:]):
        key = name or index or re.sub(r"\\(.)", r"\1", quoted)
        pointer += "/" + escape_pointer(key)
    return pointer
