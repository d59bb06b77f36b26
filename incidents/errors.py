"""The exceptions the library raises: all derive from :class:`IncidentsError`.

Every exception carries data, not just text: the record and field that were wrong, the
JSON path of each problem in a document, the file that could not be read.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "ArgumentError",
    "CollectionError",
    "CollectionProblem",
    "FieldError",
    "FileError",
    "IncidentsError",
    "MergeConflict",
    "MergeError",
    "MissingExtraError",
    "OrderError",
    "ParseError",
    "ParseProblem",
    "PositionalArgumentError",
    "QueryError",
    "TableError",
    "UnknownIdError",
]


class IncidentsError(Exception):
    """Base class of every error raised by the library."""


class FieldError(IncidentsError, ValueError):
    """A record was built with a value its field does not accept.

    ``record`` is the class name (``"Incident"``), ``field`` the attribute name, ``value`` the
    rejected value and ``reason`` what is wrong with it, phrased so a person can fix it.
    ``code`` is the problem code validation reports for it (see :mod:`incidents.validation.codes`).
    """

    def __init__(
        self, record: str, field: str, value: object, reason: str, code: str = "E303"
    ) -> None:
        self.record = record
        self.field = field
        self.value = value
        self.reason = reason
        self.code = code
        super().__init__(record, field, value, reason)

    def __str__(self) -> str:
        return f"{self.record}.{self.field}: {self.reason} (got {_preview(self.value)})"


@attrs.frozen
class ParseProblem:
    """One problem found while reading a document: where it is and what is wrong."""

    #: JSONPath-style location of the offending value, e.g. ``$.incidents[2].date``.
    path: str
    #: What is wrong, phrased so a person can fix it.
    message: str
    #: 1-based line in the source text, when the problem is tied to one.
    line: int | None = None
    #: 1-based column in the source text, when the problem is tied to one.
    column: int | None = None
    #: The problem code validation reports for it (see :mod:`incidents.validation.codes`).
    code: str = "E210"

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f" (line {self.line}, column {self.column})"
        return f"{where}: {self.message}"


class ParseError(IncidentsError, ValueError):
    """A document could not be read into records; ``problems`` lists every problem found.

    ``source`` names the file the document came from, when there was one.
    """

    def __init__(self, problems: Iterable[ParseProblem], source: str | None = None) -> None:
        self.problems: tuple[ParseProblem, ...] = tuple(problems)
        self.source = source
        if not self.problems:
            raise ValueError("ParseError needs at least one problem")
        super().__init__(self.problems, source)

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        if count == 1:
            return f"{prefix}{self.problems[0]}"
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        return f"{prefix}{count} problems:\n{lines}"


class FileError(IncidentsError, OSError):
    """A file could not be read or written; ``path`` names it and ``reason`` says why."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(path, reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ArgumentError(IncidentsError, ValueError):
    """A library function was called with an argument it cannot take.

    ``function`` names the function, ``argument`` the parameter, ``value`` what was passed and
    ``reason`` what it should have been.
    """

    def __init__(self, function: str, argument: str, value: object, reason: str) -> None:
        self.function = function
        self.argument = argument
        self.value = value
        self.reason = reason
        super().__init__(function, argument, value, reason)

    def __str__(self) -> str:
        return f"{self.function}({self.argument}=...): {self.reason} (got {_preview(self.value)})"


class PositionalArgumentError(IncidentsError, TypeError):
    """A record was built with positional arguments: records take keyword arguments only.

    ``record`` is the class name, ``given`` how many positional arguments were passed and
    ``fields`` the names of the fields the constructor takes.
    """

    def __init__(self, record: str, given: int, fields: tuple[str, ...]) -> None:
        self.record = record
        self.given = given
        self.fields = fields
        super().__init__(record, given, fields)

    def __str__(self) -> str:
        return (
            f"{self.record} takes keyword arguments only, not {self.given} positional "
            f"argument(s): write {self.record}({', '.join(f'{f}=...' for f in self.fields[:3])}"
            f"{', ...' if len(self.fields) > 3 else ''}); its fields are "
            f"{', '.join(self.fields)}"
        )


class MissingExtraError(IncidentsError, ImportError):
    """A feature needs a package of an optional extra that is not installed.

    ``module`` is the package that could not be imported (``"pyarrow"``), ``extra`` the
    extra that installs it (``"tables"``) and ``feature`` what needed it.
    """

    def __init__(self, module: str, extra: str, feature: str) -> None:
        self.module = module
        self.extra = extra
        self.feature = feature
        super().__init__(module, extra, feature)

    def __str__(self) -> str:
        return (
            f"{self.feature} needs {self.module}, which is not installed: "
            f"pip install 'incidents[{self.extra}]'"
        )


class QueryError(IncidentsError, ValueError):
    """An SQL query over the tables failed; ``reason`` is the engine's message, one line."""

    def __init__(self, sql: str, reason: str) -> None:
        self.sql = sql
        self.reason = reason
        super().__init__(sql, reason)

    def __str__(self) -> str:
        query = " ".join(self.sql.split())
        if len(query) > 60:
            query = query[:57] + "..."
        return f"query failed: {self.reason} (in {query!r})"


class TableError(IncidentsError, ValueError):
    """Tables could not be read back into records (``incidents.from_tables``).

    ``table`` names the table, ``row`` the 0-based row (``None`` when the problem is the
    table itself), ``column`` the column (``None`` when it is not one column), and
    ``reason`` what is wrong.
    """

    def __init__(self, table: str, row: int | None, column: str | None, reason: str) -> None:
        self.table = table
        self.row = row
        self.column = column
        self.reason = reason
        super().__init__(table, row, column, reason)

    def __str__(self) -> str:
        where = f"table {self.table!r}"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column {self.column!r}"
        return f"{where}: {self.reason}"


class OrderError(IncidentsError, TypeError):
    """Two values that have no order, such as partial dates, were compared with ``<``.

    ``first`` and ``second`` are the two values and ``reason`` says why they have no order
    and what to use instead.
    """

    def __init__(self, first: object, second: object, reason: str) -> None:
        self.first = first
        self.second = second
        self.reason = reason
        super().__init__(first, second, reason)

    def __str__(self) -> str:
        return f"cannot compare {self.first} with {self.second}: {self.reason}"


class UnknownIdError(IncidentsError, KeyError):
    """A dataset lookup named an id that no record in the dataset has."""

    def __init__(self, record_id: str) -> None:
        self.record_id = record_id
        super().__init__(record_id)

    def __str__(self) -> str:
        return f"no record with id {self.record_id!r} in this dataset"


@attrs.frozen
class CollectionProblem:
    """One problem that kept a collection from being read: the file it is in, and what."""

    #: The file, as a path under the collection's root (the root itself for the whole).
    file: str
    #: The problem code (see :mod:`incidents.validation.codes`).
    code: str
    #: What is wrong, phrased so a person can fix it.
    message: str
    #: JSON Pointer (or XPath, for XML) of the place in the file; ``""`` for the whole file.
    location: str = ""
    #: 1-based line in the file, when known.
    line: int | None = None
    #: 1-based column in the file, when known.
    column: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f":{self.column}"
        at = f" (at {self.location})" if self.location else ""
        return f"{where}: {self.code} {self.message}{at}"


class CollectionError(IncidentsError, ValueError):
    """A folder of dataset files could not be read as one dataset.

    ``root`` names the collection's folder and ``problems`` lists every
    :class:`CollectionProblem` that stopped it, each with its own file: an unreadable or
    invalid file, a manifest with a typo, a symlink loop, an id used by two different records.
    """

    def __init__(self, root: str, problems: Iterable[CollectionProblem]) -> None:
        self.root = root
        self.problems: tuple[CollectionProblem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("CollectionError needs at least one problem")
        super().__init__(root, self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        if count == 1:
            return f"collection {self.root}: {self.problems[0]}"
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        return f"collection {self.root}: {count} problems:\n{lines}"


@attrs.frozen
class MergeConflict:
    """One field two inputs of a merge disagree on: the record, the field, each value and
    where it came from."""

    #: The id of the record both inputs hold.
    record_id: str
    #: The field, as a path inside the record (``title``, ``casualties/0/age``).
    field: str
    #: (origin, value) for each input that gives the field a value, in input order.
    values: tuple[tuple[str, object], ...]

    def __str__(self) -> str:
        shown = " vs ".join(f"{_preview(value, 60)} ({origin})" for origin, value in self.values)
        return f"{self.record_id} {self.field}: {shown}"


class MergeError(IncidentsError, ValueError):
    """Inputs of a merge disagree on plain fields (two titles, two dates) and no side was
    preferred; ``conflicts`` lists each, with both values and both origins.

    Pass ``prefer="first"`` or ``prefer="last"`` (``--prefer`` on the command line) to keep
    one side.
    """

    def __init__(self, conflicts: Iterable[MergeConflict]) -> None:
        self.conflicts: tuple[MergeConflict, ...] = tuple(conflicts)
        if not self.conflicts:
            raise ValueError("MergeError needs at least one conflict")
        super().__init__(self.conflicts)

    def __str__(self) -> str:
        count = len(self.conflicts)
        advice = "; nothing merged (prefer a side: prefer='first' or 'last')"
        if count == 1:
            return f"merge conflict: {self.conflicts[0]}{advice}"
        lines = "\n".join(f"  {conflict}" for conflict in self.conflicts)
        return f"{count} merge conflicts{advice}:\n{lines}"


def _preview(value: object, limit: int = 80) -> str:
    """Return ``repr(value)``, shortened to about ``limit`` characters."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text
