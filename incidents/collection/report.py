"""The report of a collection: problems that name their own file."""

from __future__ import annotations

from typing import Any

import attrs

from incidents.errors import CollectionProblem
from incidents.validation.report import Problem, Report

__all__ = ["CollectionReport", "FileProblem"]


@attrs.frozen(kw_only=True)
class FileProblem(Problem):
    """A :class:`~incidents.Problem` of one file of a collection: ``file`` names it."""

    #: The file (the collection's root joined with the file's path in it); the root itself
    #: for a problem of the whole collection.
    file: str = ""

    @classmethod
    def of(cls, file: str, problem: Problem) -> FileProblem:
        """``problem``, found in ``file``."""
        return cls(
            code=problem.code,
            message=problem.message,
            location=problem.location,
            line=problem.line,
            column=problem.column,
            file=file,
        )

    @classmethod
    def from_collection_problem(cls, problem: CollectionProblem) -> FileProblem:
        """A problem found choosing or reading the files (:class:`~incidents.CollectionProblem`)."""
        return cls(
            code=problem.code,
            message=problem.message,
            location=problem.location,
            line=problem.line,
            column=problem.column,
            file=problem.file,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the file, then what :meth:`Problem.to_dict` gives."""
        return {"file": self.file, **Problem.to_dict(self)}

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.code} {self.message}"
        return f"{text} (at {self.location})" if self.location else text


@attrs.frozen
class CollectionReport(Report):
    """Everything validation found in a collection, file by file; ``ok`` when there is no
    error. The problems are :class:`FileProblem` s, in the order of the files and, within a
    file, in document order; problems of the collection as a whole come first."""

    #: The root folder.
    root: str = ""
    #: The dataset files checked, in order.
    files: tuple[str, ...] = ()

    def of_file(self, file: str) -> tuple[Problem, ...]:
        """The problems of one file."""
        return tuple(p for p in self.problems if isinstance(p, FileProblem) and p.file == file)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``ok``, the root, the files and the problems."""
        return {**Report.to_dict(self), "root": self.root, "files": list(self.files)}
