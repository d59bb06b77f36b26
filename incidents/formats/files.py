"""Reading and writing dataset files, chosen by suffix; writes are atomic."""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO, Final

from incidents.errors import ArgumentError, FileError, ParseError
from incidents.formats.bounded import open_path, read_path
from incidents.formats.inputs import DataSource, given
from incidents.formats.json import from_json, to_json
from incidents.formats.jsonl import from_jsonl, to_jsonl
from incidents.formats.xml import from_xml, to_xml
from incidents.model.dataset import Dataset

__all__ = [
    "MAX_FILE_BYTES",
    "is_temporary",
    "open_file",
    "read",
    "write",
    "write_bytes",
    "write_pieces",
]

#: Files larger than this are refused before they are read, and streams (pipes, FIFOs,
#: devices) as soon as they pass it (1 GiB).
MAX_FILE_BYTES: Final = 1 << 30

_FORMATS: Final = (".json", ".jsonl", ".xml")
#: The writer's temporary files: ``.NAME.RANDOM.tmp`` beside the target ``NAME``.
_TEMPORARY: Final = re.compile(r"\..+\.[^.]+\.tmp", re.DOTALL)
#: How much is written at a time: an interrupt is answered between two pieces.
_PIECE: Final = 1 << 20


def read(source: DataSource) -> Dataset:
    """Read a dataset from a file or from anything else :mod:`incidents.formats.inputs`
    accepts: a path (``str`` or ``pathlib.Path``), bytes, a file object, a mapping, or a
    ``Dataset`` (given back as it is).

    A file's suffix picks the format (``.json``, ``.jsonl`` or ``.xml``); content is told by
    its file object's name or by itself. Raises :class:`~incidents.FileError` when a file
    cannot be read, :class:`~incidents.ParseError` (whose message names the file) when the
    content is bad, and :class:`~incidents.ArgumentError` for anything else, such as a str
    holding a document instead of a path.
    """
    found = given(source, "read")
    if found.dataset is not None:
        return found.dataset
    if found.path is not None:
        return _read_path(found.path)
    if found.mapping is not None:
        try:
            text = json.dumps(found.mapping, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as error:
            reason = f"the mapping is not JSON data ({error})"
            raise ArgumentError("read", "source", found.mapping, reason) from None
        return from_json(text)
    content = found.content if found.content is not None else b""
    parse = {"json": from_json, "jsonl": from_jsonl, "xml": from_xml}[found.format]
    try:
        return parse(content)
    except ParseError as error:
        raise ParseError(error.problems, source=found.name) from None


def _read_path(target: Path) -> Dataset:
    suffix = _format_of(target)
    data = read_path(target, MAX_FILE_BYTES)
    parse = {".json": from_json, ".jsonl": from_jsonl, ".xml": from_xml}[suffix]
    try:
        return parse(data)
    except ParseError as error:
        raise ParseError(error.problems, source=str(target)) from None


def open_file(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file for reading bytes; :class:`~incidents.FileError` says why it cannot be.

    Any path opens as :func:`incidents.formats.bounded.open_path` opens it: a FIFO without
    a writer, a folder, a socket and a symbolic link loop are refused with what they are.
    """
    return open_path(path)


def write(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write a dataset file atomically; the suffix picks the format (``.json``, ``.jsonl``
    or ``.xml``).

    The text goes to a temporary file in the same folder, is flushed to disk, and then
    replaces the target in one step: readers see the old file or the new one, never half a
    file, and a failure leaves the target as it was and no temporary file behind.
    """
    target = Path(path)
    suffix = _format_of(target)
    if suffix == ".xml":
        payload = to_xml(dataset)
    else:
        payload = (to_jsonl if suffix == ".jsonl" else to_json)(dataset).encode("utf-8")
    write_bytes(payload, target)


def write_bytes(payload: bytes, path: str | os.PathLike[str]) -> None:
    """Write ``payload`` to ``path`` atomically, whatever the suffix (see :func:`write`).

    The temporary file is ``.NAME.RANDOM.tmp`` beside the target, locked while it is
    written. One left by a writer that was killed (SIGKILL, a power cut) is never read as
    data (:func:`is_temporary`; folder walks skip it) and is removed by the next write to
    the same target; one another process is still writing is left alone.
    """
    target = Path(path)
    folder = target.parent
    _remove_stale(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise FileError(str(target), f"cannot create a file here: {error.strerror}") from None
    try:
        _lock(handle, blocking=True)
        if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
            os.fchmod(handle, _mode_for(target))
        with os.fdopen(handle, "wb") as stream:
            write_pieces(stream, payload)
            stream.flush()
            os.fsync(stream.fileno())
            os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise FileError(str(target), error.strerror or str(error)) from None
        raise
    _sync_folder(folder)


def write_pieces(stream: BinaryIO, payload: bytes) -> None:
    """Write ``payload`` a megabyte at a time, so an interrupt or a closed pipe is answered
    between two pieces rather than after the whole."""
    view = memoryview(payload)
    for start in range(0, len(view), _PIECE):
        stream.write(view[start : start + _PIECE])


def is_temporary(name: str) -> bool:
    """Whether a file name is one of the writer's temporary files (``.NAME.RANDOM.tmp``),
    which no reader or folder walk takes for data."""
    return _TEMPORARY.fullmatch(name) is not None


def _remove_stale(target: Path) -> None:
    """Remove the temporary files of ``target`` that no living writer holds (its lock goes
    with the process that took it)."""
    prefix = f".{target.name}."
    try:
        with os.scandir(target.parent) as listing:
            names = [entry.name for entry in listing if entry.name.startswith(prefix)]
    except OSError:
        return  # the write itself will say what is wrong with the folder
    for name in names:
        if not is_temporary(name):
            continue
        stale = target.parent / name
        try:
            descriptor = os.open(stale, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if _lock(descriptor, blocking=False):
                os.unlink(stale)
        except OSError:  # pragma: no cover - gone, or not ours to remove
            pass
        finally:
            os.close(descriptor)


def _lock(descriptor: int, *, blocking: bool) -> bool:
    """Take the exclusive lock of an open file; ``False`` if another process holds it.
    Where there are no such locks (Windows), a stale file is never removed."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return blocking
    flags = fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB)
    try:
        fcntl.flock(descriptor, flags)
    except BlockingIOError:
        return False
    return True


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        known = ", ".join(_FORMATS)
        raise FileError(str(path), f"unknown file type {suffix or '(none)'!r}; use one of {known}")
    return suffix


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets rw-r--r--."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o644


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry so the rename survives a crash (where the OS allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open folders
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(descriptor)
