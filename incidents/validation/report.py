"""Validation results: a :class:`Report` of :class:`Problem` entries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from incidents._places import pointer_to_path
from incidents.validation.codes import CODES, Severity

__all__ = ["Problem", "Report"]


@attrs.frozen(kw_only=True)
class Problem:
    """One problem: a stable code, its severity, a message and where it is."""

    #: Stable problem code (see :mod:`incidents.validation.codes` and ``docs/codes.md``).
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
        an XPath (its first step the ``dataset`` root, with the document's own prefix if
        any) as it is."""
        root = self.location[1:].split("/", 1)[0]
        if root == "dataset" or root.endswith(":dataset"):
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
