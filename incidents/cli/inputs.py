"""The command line's inputs: paths, folders, globs and ``-``, opened and recognised.

Folders are searched recursively for ``*.json``, ``*.jsonl`` and ``*.xml`` files (sorted,
hidden folders skipped); globs are expanded here too, for shells that do not (Windows);
``-`` is standard input, copied once to a temporary file so it can be read twice, as is a
pipe, FIFO or device named by a path (``/dev/stdin``, ``<(...)``), up to the size bound of
files. A folder walk skips, and reports, anything that is not a regular file or a link to one. The
format is the suffix's, or for standard input and other suffixes it is recognised from the
content: XML starts with ``<``, JSON Lines has the header alone on its first line and more
lines after it, anything else is taken as JSON.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Final, Literal

import attrs

from incidents._places import path_to_pointer
from incidents.cli.console import PROBLEMS, describe_problem, fail, plural
from incidents.errors import FileError, ParseError
from incidents.formats.bounded import read_bounded, regular_file_reason, seekable
from incidents.formats.files import MAX_FILE_BYTES, is_temporary, open_file
from incidents.formats.json import from_json
from incidents.formats.jsonl import from_jsonl
from incidents.formats.xml import from_xml
from incidents.model.dataset import Dataset
from incidents.validation.codes import Severity
from incidents.validation.report import Problem
from incidents.validation.stream import validate_jsonl
from incidents.validation.validator import MAX_DOCUMENT_BYTES, validate

__all__ = [
    "STDIN",
    "SUFFIXES",
    "Examined",
    "Format",
    "Input",
    "examine",
    "expand",
    "format_of",
    "load",
    "opened",
    "problems_in",
    "single",
    "sniff",
]

#: A format the command line reads and writes.
Format = Literal["json", "jsonl", "xml"]

#: The name standard input is shown by.
STDIN: Final = "<stdin>"
#: The suffixes searched for in folders, and the format each names.
SUFFIXES: Final[dict[str, Format]] = {".json": "json", ".jsonl": "jsonl", ".xml": "xml"}
_GLOB_CHARACTERS: Final = frozenset("*?[")
_HEAD_BYTES: Final = 64 * 1024


@attrs.frozen
class Input:
    """One file to read: the name shown in messages, and its path (``None``: standard input)."""

    name: str
    path: Path | None


def expand(arguments: list[str]) -> tuple[list[Input], list[tuple[str, str]]]:
    """The files the arguments name, in order and without repeats; and (argument, reason)
    for each argument that names none."""
    found: dict[str, Input] = {}
    failures: list[tuple[str, str]] = []
    for argument in arguments:
        if argument == "-":
            found.setdefault("-", Input(STDIN, None))
            continue
        matches = _matches(argument, failures)
        if isinstance(matches, str):
            failures.append((argument, matches))
        for path in [] if isinstance(matches, str) else matches:
            found.setdefault(str(path), Input(str(path), path))
    return list(found.values()), failures


def _matches(argument: str, skipped: list[tuple[str, str]]) -> list[Path] | str:
    """The files an argument names, or why there are none (what a folder walk skips is added
    to ``skipped``)."""
    path = Path(argument)
    if os.path.lexists(path) and not path.exists():  # a broken link or a link loop
        return regular_file_reason(path) or "no such file or folder"
    if path.is_dir():
        files = _search(path, skipped)
        return files or "no .json, .jsonl or .xml files in this folder"
    if path.exists() or not _GLOB_CHARACTERS & set(argument):
        return [path] if path.exists() else "no such file or folder"
    files = []
    for match in sorted(glob.glob(argument, recursive=True)):
        files += _search(Path(match), skipped) if Path(match).is_dir() else [Path(match)]
    return files or "no files match this pattern"


def _search(folder: Path, skipped: list[tuple[str, str]]) -> list[Path]:
    """Dataset files under ``folder``, sorted, hidden folders and the writer's temporary
    files skipped; a name with a dataset suffix that is not a regular file (or a link to
    one) is added to ``skipped``."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):  # a writer's temporary file is never data
            if Path(name).suffix.lower() in SUFFIXES and not is_temporary(name):
                reason = regular_file_reason(Path(root, name))
                if reason is None:
                    found.append(Path(root, name))
                else:
                    skipped.append((str(Path(root, name)), reason))
    return found


@contextlib.contextmanager
def opened(item: Input) -> Iterator[IO[bytes]]:
    """The input as a seekable binary stream; :class:`~incidents.FileError` if unreadable."""
    with contextlib.ExitStack() as stack:
        if item.path is None:
            yield seekable(sys.stdin.buffer, MAX_FILE_BYTES, STDIN, stack)
            return
        stream = stack.enter_context(open_file(item.path))  # a pipe or FIFO is copied:
        yield seekable(stream, MAX_FILE_BYTES, item.name, stack)


def format_of(item: Input, stream: IO[bytes]) -> Format:
    """The input's format: by suffix, else recognised from its start (the stream is left
    where it was)."""
    if item.path is not None and item.path.suffix.lower() in SUFFIXES:
        return SUFFIXES[item.path.suffix.lower()]
    start = stream.tell()
    head = stream.read(_HEAD_BYTES)
    stream.seek(start)
    return sniff(head)


def sniff(head: bytes) -> Format:
    """The format of a document that starts with ``head``."""
    if head.removeprefix(b"\xef\xbb\xbf").replace(b"\x00", b"").lstrip().startswith(b"<"):
        return "xml"
    first, newline, rest = head.partition(b"\n")
    if not newline or not rest.strip():
        return "json"
    try:
        data = json.loads(first)
    except ValueError:
        return "json"
    return "jsonl" if isinstance(data, dict) and list(data) == ["schema_version"] else "json"


def single(path: str) -> Input | str:
    """The one input ``path`` names (a file or -), or why it names none."""
    inputs, failures = expand([path])
    if failures:
        return f"{path}: {failures[0][1]}"
    if len(inputs) != 1 or Path(path).is_dir():
        return f"{path}: expected one file"
    return inputs[0]


def problems_in(
    stream: IO[bytes], format_: Format, progress: Callable[[int, int], None] | None = None
) -> Iterator[Problem]:
    """Every problem in an open input of the given format (JSON Lines as a stream)."""
    if format_ == "jsonl":
        yield from validate_jsonl(stream, progress)
        return
    start = stream.tell()
    size = stream.seek(0, 2) - start
    stream.seek(start)
    if size > MAX_DOCUMENT_BYTES:
        message = f"the document is {size} bytes; the limit is {MAX_DOCUMENT_BYTES}"
        yield Problem(code="E108", message=message)
        return
    yield from validate(stream.read(MAX_DOCUMENT_BYTES + 1)).problems


def load(item: Input, check: bool) -> Dataset | int:
    """Read the input (after validating it, with ``check``); or the exit code, problems
    printed on standard error."""
    try:
        with opened(item) as stream:
            format_ = format_of(item, stream)
            if check:
                start = stream.tell()
                problems = list(problems_in(stream, format_))
                for problem in problems:
                    print(describe_problem(item.name, problem), file=sys.stderr)
                errors = sum(problem.severity is Severity.ERROR for problem in problems)
                if errors:
                    message = f"{item.name}: {plural(errors, 'error')}; nothing written"
                    print(f"incidents: {message}", file=sys.stderr)
                    return PROBLEMS
                stream.seek(start)
            return _parse(read_bounded(stream, MAX_FILE_BYTES, item.name), format_)
    except FileError as error:
        return fail(str(error))
    except ParseError as error:
        for problem in _problems_of(error):
            print(describe_problem(item.name, problem), file=sys.stderr)
        count = plural(len(error.problems), "problem")
        print(f"incidents: {item.name}: not read as a dataset ({count})", file=sys.stderr)
        return PROBLEMS


@attrs.frozen
class Examined:
    """An input validated and, where it can be, read: what ``incidents show`` works from."""

    #: Every problem validation finds, as ``incidents validate`` reports them.
    problems: tuple[Problem, ...]
    #: The dataset, or ``None`` when the input cannot be read as one.
    dataset: Dataset | None

    @property
    def errors(self) -> int:
        """How many of the problems are errors."""
        return sum(problem.severity is Severity.ERROR for problem in self.problems)


def examine(item: Input) -> Examined:
    """Validate the input, then read it as a dataset if it can be (a dataset whose only
    errors are semantic, such as a dangling reference, is read);
    :class:`~incidents.FileError` if it cannot be opened."""
    with opened(item) as stream:
        format_ = format_of(item, stream)
        start = stream.tell()
        problems = tuple(problems_in(stream, format_))
        if any(problem.code == "E108" for problem in problems):  # too large to read
            return Examined(problems, None)
        stream.seek(start)
        try:
            return Examined(problems, _parse(stream.read(), format_))
        except ParseError as error:
            if not any(problem.severity is Severity.ERROR for problem in problems):
                problems += tuple(_problems_of(error))  # the reader refused what validation let by
            return Examined(problems, None)


def _problems_of(error: ParseError) -> Iterator[Problem]:
    """A reader's problems as validation's (a JSONPath turned into a JSON Pointer)."""
    for found in error.problems:
        yield Problem(
            code=found.code,
            message=found.message,
            location=path_to_pointer(found.path) if found.path.startswith("$") else found.path,
            line=found.line,
            column=found.column,
        )


def _parse(data: bytes, format_: Format) -> Dataset:
    if format_ == "jsonl":
        return from_jsonl(data)
    return from_xml(data) if format_ == "xml" else from_json(data)
