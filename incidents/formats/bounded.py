"""The one bounded reader behind every function and command that reads a path.

A user can give any path: a regular file, a symbolic link, a pipe (``/dev/stdin``, process
substitution ``<(...)``), a FIFO, a character device (``/dev/zero``, a terminal), a
folder, a socket. Each is either read as a stream, never seeking, with the same size bound
as a file, or refused in one line before anything is read:

* a regular file larger than the bound is refused from its size, unread;
* a pipe, FIFO or character device is read in chunks and refused as soon as it passes the
  bound (so ``/dev/zero`` costs at most the bound, never all memory);
* a FIFO is opened without blocking and must have data (or its writer's end of file) within
  :data:`FIFO_WAIT_SECONDS`: one with no writer is refused instead of hanging forever;
* folders, sockets and block devices are refused; a symbolic link loop and a broken link
  say so.

:func:`regular_file_reason` is the rule of folder walks: anything that is not a regular file
or a link to one is skipped, with the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import stat
import tempfile
from pathlib import Path
from typing import IO, BinaryIO, Final

from incidents.errors import FileError

__all__ = [
    "CHUNK_BYTES",
    "FIFO_WAIT_SECONDS",
    "TooLargeError",
    "open_path",
    "read_bounded",
    "read_path",
    "regular_file_reason",
    "seekable",
]

#: How long a FIFO may stay silent after it is opened before it is refused (seconds).
FIFO_WAIT_SECONDS: Final = 10.0
#: How much of a stream is read at a time.
CHUNK_BYTES: Final = 1024 * 1024


class TooLargeError(FileError):
    """The input is larger than the bound it was read with; ``limit`` is the bound."""

    def __init__(self, path: str, limit: int, size: int | None = None) -> None:
        self.limit = limit
        self.size = size
        told = (
            f"is {size} bytes; the limit is" if size is not None else "is larger than the limit of"
        )
        super().__init__(path, f"{told} {limit} bytes")


def open_path(path: str | os.PathLike[str]) -> BinaryIO:
    """Open any path for reading bytes, or raise :class:`~incidents.FileError` saying why not.

    Regular files and character devices open as they are; a FIFO (or a pipe named by a path,
    such as ``/dev/stdin``) is opened without blocking and waited on for at most
    :data:`FIFO_WAIT_SECONDS`.
    """
    name = str(path)
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise FileError(name, _stat_reason(path, error)) from None
    if stat.S_ISDIR(mode):
        raise FileError(name, "is a directory, not a file")
    if stat.S_ISFIFO(mode):
        return _open_fifo(path)
    if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode)):
        raise FileError(name, f"is {_kind(mode)}, not a file")
    try:
        return Path(path).open("rb")
    except IsADirectoryError:  # the path changed since it was looked at
        raise FileError(name, "is a directory, not a file") from None
    except FileNotFoundError:
        raise FileError(name, "no such file") from None
    except PermissionError:
        raise FileError(name, "permission denied") from None
    except OSError as error:
        raise FileError(name, error.strerror or str(error)) from None


def read_bounded(stream: IO[bytes], limit: int, name: str) -> bytes:
    """Everything ``stream`` holds, at most ``limit`` bytes; :class:`TooLargeError` beyond.

    A regular file's size is looked at first, so a file over the bound is never read.
    """
    try:
        size = os.fstat(stream.fileno()).st_size
        regular = stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, AttributeError, ValueError):  # not a real file (io.BytesIO)
        regular = False
        size = 0
    if regular and size > limit:
        raise TooLargeError(name, limit, size)
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = stream.read(min(CHUNK_BYTES, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLargeError(name, limit)
    except OSError as error:
        if isinstance(error, FileError):
            raise
        raise FileError(name, error.strerror or str(error)) from None
    return b"".join(chunks)


def read_path(path: str | os.PathLike[str], limit: int) -> bytes:
    """The content of any path (see :func:`open_path`), at most ``limit`` bytes."""
    with open_path(path) as stream:
        return read_bounded(stream, limit, str(path))


def seekable(stream: IO[bytes], limit: int, name: str, spool: contextlib.ExitStack) -> IO[bytes]:
    """``stream`` itself if it can seek, else a temporary copy of it (at most ``limit``
    bytes, kept in memory up to 8 MiB) that can; the copy is closed with ``spool``."""
    check = getattr(stream, "seekable", None)
    if check is not None and check():
        return stream
    copy = spool.enter_context(tempfile.SpooledTemporaryFile(8 * 1024 * 1024))  # noqa: SIM115
    total = 0
    try:
        while chunk := stream.read(CHUNK_BYTES):
            total += len(chunk)
            if total > limit:
                raise TooLargeError(name, limit)
            copy.write(chunk)
    except OSError as error:
        if isinstance(error, FileError):
            raise
        raise FileError(name, error.strerror or str(error)) from None
    copy.seek(0)
    return copy


def regular_file_reason(path: str | os.PathLike[str]) -> str | None:
    """``None`` for a regular file or a link to one; else why a folder walk skips it."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return _stat_reason(path, error)
    if stat.S_ISREG(mode):
        return None
    return f"is {_kind(mode)}, not a regular file; skipped"


def _open_fifo(path: str | os.PathLike[str]) -> BinaryIO:
    name = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise FileError(name, error.strerror or str(error)) from None
    try:
        poller = select.poll()
        poller.register(descriptor, select.POLLIN | select.POLLHUP)
        if not poller.poll(int(FIFO_WAIT_SECONDS * 1000)):
            reason = (
                f"is a FIFO with nothing to read after {FIFO_WAIT_SECONDS:g} s: does it have "
                "a writer? Start the writer first, or pipe the data to standard input (-)"
            )
            raise FileError(name, reason)
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _stat_reason(path: str | os.PathLike[str], error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symbolic link loop (a link that leads back to itself)"
    if isinstance(error, FileNotFoundError):
        if os.path.islink(path):
            return f"is a broken symbolic link (to {os.readlink(path)}, which does not exist)"
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"  # pragma: no cover - doors, whiteouts
