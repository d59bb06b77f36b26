"""Validation results: a :class:`Report` of :class:`Problem` entries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from incidents.codes import CODES, Severity

__all__ = ["Problem", "Report", "path_to_pointer", "pointer_to_path"]

_PATH_PART = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]')


@attrs.frozen(kw_only=True)
class Problem:
    """One problem: a stable code, its severity, a message and where it is."""

    #: Stable problem code (see :mod:`incidents.codes` and ``docs/codes.md``).
    code: str
    #: What is wrong, phrased so a person can fix it.
    message: str
    #: Where the problem is: a JSON Pointer (RFC 6901) for JSON input (``""`` is the whole
    #: document), an XPath (namespace prefix ``i``) for XML input.
    location: str = ""
    #: 1-based line in the source text, when known.
    line: int | None = None
    #: 1-based column in the source text, when known.
    column: int | None = None

    @property
    def severity(self) -> Severity:
        """``error`` or ``warning``, fixed by the code."""
        return CODES[self.code].severity

    @property
    def path(self) -> str:
        """A JSON location as a JSONPath (``/incidents/2/date`` -> ``$.incidents[2].date``);
        an XPath as it is."""
        if self.location.startswith("/i:"):
            return self.location
        return pointer_to_path(self.location)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``line`` and ``column`` only when known)."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "location": self.location,
        }
        if self.line is not None:
            data["line"] = self.line
            data["column"] = self.column
        return data

    def __str__(self) -> str:
        if self.line is None:
            where = self.location or "/"
        elif self.column is None:
            where = f"{self.line}"
        else:
            where = f"{self.line}:{self.column}"
        suffix = f" (at {self.location or '/'})" if self.line is not None else ""
        return f"{where}: {self.code} {self.message}{suffix}"


@attrs.frozen
class Report:
    """Everything validation found; ``ok`` when there is no error (warnings allowed)."""

    #: Every problem, in document order.
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the document is valid: no problem is an error."""
        return not any(problem.severity is Severity.ERROR for problem in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that make the document invalid."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems that do not."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``ok`` and the problems."""
        return {"ok": self.ok, "problems": [problem.to_dict() for problem in self.problems]}

    def __str__(self) -> str:
        lines = [str(problem) for problem in self.problems]
        errors, warnings = len(self.errors), len(self.warnings)
        verdict = "valid" if self.ok else "invalid"
        lines.append(f"{verdict}: {errors} error(s), {warnings} warning(s)")
        return "\n".join(lines)


def pointer_to_path(pointer: str) -> str:
    """``/incidents/2/date`` -> ``$.incidents[2].date`` (keys that are not names are quoted)."""
    path = "$"
    if not pointer:
        return path
    for token in pointer[1:].split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        if key.isdigit():
            path += f"[{key}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            path += f".{key}"
        else:
            escaped = key.replace("\\", "\\\\").replace('"', '\\"')
            path += f'["{escaped}"]'
    return path


def path_to_pointer(path: str) -> str:
    """``$.incidents[2].date`` -> ``/incidents/2/date`` (the inverse of :func:`pointer_to_path`)."""
    pointer = ""
    for name, index, quoted in _PATH_PART.findall(path[1:]):
        key = name or index or re.sub(r"\\(.)", r"\1", quoted)
        pointer += "/" + key.replace("~", "~0").replace("/", "~1")
    return pointer
