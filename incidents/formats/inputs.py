"""What every function that takes a dataset accepts, by one rule.

``read``, ``validate`` and the functions built on them take the same things:

* a :class:`~incidents.Dataset`, or one record (an ``Actor``, ``Source``, ``Incident`` or
  ``DiplomaticMeasure``, taken as a dataset of that record alone);
* a path: a :class:`pathlib.Path` (any ``os.PathLike``) or a ``str``. **A str is always a
  path**, never a document: a str that looks like one (it starts with ``{``, ``[`` or ``<``
  and names no file) is refused with a message saying to pass bytes or ``io.StringIO``;
* the document's content as ``bytes`` (or ``bytearray``, ``memoryview``);
* a file object open in binary or text mode (``open(path, "rb")``, ``io.BytesIO``,
  ``io.StringIO``, ``sys.stdin``);
* a mapping: the document already parsed (``json.load``'s result).

The format of content is told by the file object's name when it has a known suffix, and
otherwise by the content: ``<`` starts XML, a header line followed by record lines is JSON
Lines, anything else is JSON.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, Final, Literal, get_args

import attrs

from incidents.errors import ArgumentError
from incidents.model.dataset import Dataset, Record

__all__ = ["DataSource", "Given", "content_format", "given"]

#: Everything ``read`` and ``validate`` accept (see the module documentation).
DataSource = (
    Dataset
    | Record
    | os.PathLike[str]
    | str
    | bytes
    | bytearray
    | memoryview
    | IO[bytes]
    | IO[str]
    | Mapping[str, Any]
)

Format = Literal["json", "jsonl", "xml"]

_ACCEPTED: Final = (
    "a Dataset or a record, a path (pathlib.Path or str), bytes, a file object open in "
    "binary or text mode, or a mapping"
)
_SUFFIXES: Final[dict[str, Format]] = {".json": "json", ".jsonl": "jsonl", ".xml": "xml"}


@attrs.frozen
class Given:
    """What a function was given, sorted by the rule: exactly one field is set."""

    dataset: Dataset | None = None
    path: Path | None = None
    content: bytes | str | None = None
    mapping: Mapping[str, Any] | None = None
    #: The file object's name, for messages and to tell the format by suffix.
    name: str | None = None

    @property
    def format(self) -> Format:
        """The format of ``content``: by the name's suffix when known, else by the content."""
        if self.name is not None:
            known = _SUFFIXES.get(Path(self.name).suffix.lower())
            if known is not None:
                return known
        return content_format(self.content if self.content is not None else b"")


def given(target: object, function: str, argument: str = "source") -> Given:
    """Sort ``target`` by the rule; :class:`~incidents.ArgumentError` if it fits none.

    A file object is read here, to its end.
    """
    if isinstance(target, Dataset):
        return Given(dataset=target)
    if isinstance(target, _RECORDS):
        return Given(dataset=_dataset_of(target))
    if isinstance(target, str):
        if _looks_like_a_document(target):
            reason = (
                "a str is a path, and this one looks like a document, not a file name; pass "
                "the document as bytes (text.encode()) or as a file object (io.StringIO(text)), "
                "or read it with incidents.from_json, from_jsonl or from_xml"
            )
            raise ArgumentError(function, argument, target, reason)
        return Given(path=Path(target))
    if isinstance(target, os.PathLike):
        return Given(path=Path(os.fspath(target)))
    if isinstance(target, bytes | bytearray | memoryview):
        return Given(content=bytes(target))
    if isinstance(target, Mapping):
        return Given(mapping=target)
    if callable(getattr(target, "read", None)):
        return _file_object(target, function, argument)
    reason = f"cannot read an object of type {type(target).__name__}; pass {_ACCEPTED}"
    raise ArgumentError(function, argument, target, reason)


def content_format(content: bytes | str) -> Format:
    """``"xml"``, ``"jsonl"`` or ``"json"``, told from the content itself."""
    head = content[:4096]
    text = head if isinstance(head, str) else head.decode("utf-8", "replace")
    text = text.lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        return "xml"
    first, newline, rest = text.partition("\n")
    if newline and rest.strip() and first.rstrip().endswith("}"):
        try:
            header = json.loads(first)
        except ValueError:
            return "json"
        if isinstance(header, dict) and "schema_version" in header and len(header) <= 2:
            return "jsonl"
    return "json"


_RECORDS: Final[tuple[type, ...]] = get_args(Record)


def _dataset_of(record: Any) -> Dataset:
    name = type(record).__name__
    if name == "Actor":
        return Dataset(actors=(record,))
    if name == "Source":
        return Dataset(sources=(record,))
    if name == "Incident":
        return Dataset(incidents=(record,))
    return Dataset(measures=(record,))


def _looks_like_a_document(text: str) -> bool:
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start not in ("{", "[", "<") and "\n" not in text:
        return False
    try:
        return not Path(text).exists()
    except (OSError, ValueError):  # too long or a NUL: no file has that name
        return True


def _file_object(target: Any, function: str, argument: str) -> Given:
    name = getattr(target, "name", None)
    name = name if isinstance(name, str) and not name.startswith("<") else None
    try:
        content = target.read()
    except io.UnsupportedOperation:
        reason = "the file object is not open for reading; open it with 'rb' or 'r'"
        raise ArgumentError(function, argument, target, reason) from None
    except OSError as error:
        raise ArgumentError(function, argument, target, error.strerror or str(error)) from None
    except UnicodeDecodeError as error:
        reason = f"the text stream could not be decoded ({error.reason}); open it with 'rb'"
        raise ArgumentError(function, argument, target, reason) from None
    if isinstance(content, str | bytes | bytearray):
        return Given(content=content if isinstance(content, str) else bytes(content), name=name)
    reason = f"its read() gave {type(content).__name__}, not bytes or str"
    raise ArgumentError(function, argument, target, reason)
