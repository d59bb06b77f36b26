"""The syntax layer: the document as bytes and text, before any field is looked at.

Its size (E108, checked before anything is parsed), reading a file, and the strict JSON
reader's verdict (:func:`incidents.formats._strict_json.parse_json`: encoding, JSON syntax, depth,
forbidden numbers). Duplicate keys and forbidden values come back marked in the data and
are listed by :func:`incidents.formats._marks.flag_findings`. The reader is the one
source of truth for syntax: :func:`incidents.from_json` refuses exactly what this layer
reports.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

from incidents._places import path_to_pointer
from incidents.errors import FileError, ParseError
from incidents.formats._strict_json import parse_json
from incidents.formats.bounded import TooLargeError, read_path
from incidents.validation.report import Problem, Report

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "Content",
    "looks_like_xml",
    "parse",
    "read_file",
    "single",
    "too_large",
]

#: Documents larger than this are refused with E108 before they are parsed (256 MiB).
MAX_DOCUMENT_BYTES: Final = 256 * 1024 * 1024

#: A document given as text or bytes.
Content = str | bytes | bytearray | memoryview


def single(code: str, message: str, line: int | None = None, column: int | None = None) -> Report:
    """A report of one problem with no location (the document as a whole)."""
    return Report((Problem(code=code, message=message, line=line, column=column),))


def read_file(path: Path) -> bytes | Report:
    """The content of the file at ``path``, or the report of why it cannot be read.

    Any path is read by :func:`incidents.formats.bounded.read_path`: a pipe, FIFO or device
    as a stream with the same bound as a file, anything else refused in one line.
    """
    try:
        return read_path(path, MAX_DOCUMENT_BYTES)
    except TooLargeError as error:
        return single("E108", f"{path} {error.reason}")
    except FileError as error:
        joint = " " if error.reason.startswith("is ") else ": "
        return single("E100", f"{path}{joint}{error.reason}")


def too_large(content: Content) -> Report | None:
    """The E108 report of a document over :data:`MAX_DOCUMENT_BYTES`, else ``None``."""
    if _size(content) > MAX_DOCUMENT_BYTES:
        return single("E108", f"the document is larger than {MAX_DOCUMENT_BYTES} bytes")
    return None


def parse(content: Content) -> tuple[Any, bool, str] | Report:
    """The plain data of a JSON document, whether the reader flagged values in it, and its
    text; or the report of the syntax problems that kept it from parsing."""
    try:
        data, flagged = parse_json(content if isinstance(content, str) else bytes(content))
    except ParseError as error:
        problems = [
            Problem(
                code=problem.code,
                message=_hint(problem.message, content),
                location=path_to_pointer(problem.path),
                line=problem.line,
                column=problem.column,
            )
            for problem in error.problems
        ]
        return Report(tuple(problems))
    text = content if isinstance(content, str) else bytes(content).decode("utf-8")
    return data, flagged, text


def _size(content: Content) -> int:
    """The size in bytes (UTF-8 for text; counted only when it could matter)."""
    if not isinstance(content, str):
        return len(content)
    if len(content) * 4 <= MAX_DOCUMENT_BYTES:
        return len(content)
    return len(content.encode("utf-8", "surrogatepass"))


def looks_like_xml(content: Content) -> bool:
    """Whether the document starts (after a BOM and white space) with '<'."""
    if isinstance(content, str):
        return content[:1000].lstrip("\ufeff \t\r\n").startswith("<")
    start = bytes(content[:1000]).removeprefix(b"\xef\xbb\xbf").replace(b"\x00", b"")
    return start.lstrip().startswith(b"<")  # NULs: UTF-16/32 XML, which the XML reader refuses


def _hint(message: str, content: Content) -> str:
    if isinstance(content, str) and _names_a_file(content):
        return f"{message} (text is read as the document; pass a pathlib.Path for a file)"
    return message


def _names_a_file(text: str) -> bool:
    """Whether ``text`` looks like the name of an existing file (a common mistake)."""
    if len(text) > 4096 or "\n" in text or "\x00" in text:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False
