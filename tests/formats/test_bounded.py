"""Any path a user can give: pipes, /dev/stdin, FIFOs, devices, sockets, links and folders.

Each is read as a stream with the same bound as a file, or refused in one line before
anything is read; nothing hangs, nothing grows without bound, nothing ends in a traceback.
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import incidents
from incidents import cli
from incidents.errors import FileError
from incidents.formats import bounded
from incidents.formats.bounded import TooLargeError, open_path, read_bounded, read_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "azal-downing-2024.json"
POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and devices are POSIX")


def _run(*arguments: str, stdin: bytes = b"", in_bash: bool = False) -> subprocess.CompletedProcess:
    """The real command line, as a program (with the worktree's code)."""
    command = " ".join(arguments) if in_bash else [sys.executable, "-m", "incidents", *arguments]
    return subprocess.run(  # noqa: S603 - our own program with our own arguments
        ["bash", "-c", command] if in_bash else command,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _main(*arguments: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(arguments))
    return code, out.getvalue(), err.getvalue()


@POSIX
def test_a_pipe_on_dev_stdin_is_read_as_a_stream():
    """`cat x.json | incidents validate /dev/stdin` validates, as JSON and as JSON Lines."""
    result = _run("validate", "/dev/stdin", stdin=EXAMPLE.read_bytes())
    assert (0, b"") == (result.returncode, result.stderr), result.stderr
    lines = incidents.to_jsonl(incidents.read(EXAMPLE)).encode()
    result = _run("validate", "/dev/stdin", stdin=lines)
    assert (0, b"") == (result.returncode, result.stderr), result.stderr
    result = _run("show", "/dev/stdin", stdin=EXAMPLE.read_bytes())
    assert 0 == result.returncode, result.stderr


@POSIX
def test_process_substitution_is_read_as_a_stream():
    """`incidents validate <(cat x.json)` (a pipe named /dev/fd/N) validates without seeking."""
    python = f"PYTHONPATH={ROOT} {sys.executable} -m incidents"
    result = _run(f"{python} validate <(cat {EXAMPLE})", in_bash=True)
    assert (0, b"") == (result.returncode, result.stderr), result.stderr
    result = _run(f"{python} convert <(cat {EXAMPLE}) --to xml", in_bash=True)
    assert 0 == result.returncode, result.stderr
    assert result.stdout.startswith(b"<?xml")


@POSIX
def test_a_fifo_with_a_writer_is_read(tmp_path):
    """A FIFO whose writer sends a document is read like a file."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(EXAMPLE.read_bytes(),))
    writer.start()
    try:
        assert incidents.validate(fifo).ok
    finally:
        writer.join(timeout=30)


@POSIX
def test_a_fifo_without_a_writer_is_refused_instead_of_hanging(tmp_path, monkeypatch):
    """With no writer, the FIFO is refused after the wait, by validate, read and the CLI."""
    monkeypatch.setattr(bounded, "FIFO_WAIT_SECONDS", 0.2)
    fifo = tmp_path / "lonely.json"
    os.mkfifo(fifo)
    report = incidents.validate(fifo)
    assert ["E100"] == [problem.code for problem in report]
    assert "FIFO" in report.problems[0].message
    with pytest.raises(FileError, match="does it have a writer"):
        incidents.read(fifo)
    code, _, err = _main("validate", str(fifo))
    assert 2 == code
    assert 1 == len(err.strip().splitlines())


@POSIX
def test_a_folder_walk_skips_and_reports_what_is_not_a_regular_file(tmp_path):
    """A FIFO (with no writer) and a link loop in a folder are skipped, said, and not read."""
    (tmp_path / "good.json").write_bytes(EXAMPLE.read_bytes())
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    (tmp_path / "link.json").symlink_to(tmp_path / "good.json")
    code, out, err = _main("validate", str(tmp_path))
    assert 2 == code  # something named could not be read
    assert "2 files checked: 0 invalid" in out  # good.json and the link to it
    assert "fifo.json: is a FIFO, not a regular file; skipped" in err
    assert "loop.json: is a symbolic link loop" in err


@POSIX
def test_a_symbolic_link_loop_says_so(tmp_path):
    """A link loop is not 'no such file', for validate, read, show and the folder walk."""
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    assert "symbolic link loop" in incidents.validate(loop).problems[0].message
    with pytest.raises(FileError, match="symbolic link loop"):
        incidents.read(loop)
    code, _, err = _main("show", str(loop))
    assert (
        2,
        f"incidents: {loop}: is a symbolic link loop (a link that leads back to itself)\n",
    ) == (
        code,
        err,
    )
    broken = tmp_path / "broken.json"
    broken.symlink_to(tmp_path / "nothing.json")
    with pytest.raises(FileError, match="broken symbolic link"):
        incidents.read(broken)


@POSIX
def test_character_devices_are_streams_with_the_bound(monkeypatch):
    """/dev/null reads as empty; /dev/zero stops at the bound, in read, validate and show."""
    assert b"" == read_path("/dev/null", 10)
    with pytest.raises(TooLargeError, match="larger than the limit of 1000 bytes"):
        read_path("/dev/zero", 1000)
    monkeypatch.setattr("incidents.cli.inputs.MAX_FILE_BYTES", 1024 * 1024)
    code, out, err = _main("show", "/dev/zero")  # show reports what validate reports
    assert (1, "") == (code, out)
    assert "/dev/zero: E108 the document is larger than" in err
    assert "not read as a dataset" in err
    assert ["E108"] == [problem.code for problem in _validated_with_bound("/dev/zero", monkeypatch)]


def _validated_with_bound(path: str, monkeypatch: pytest.MonkeyPatch) -> incidents.Report:
    monkeypatch.setattr("incidents.validation._syntax_layer.MAX_DOCUMENT_BYTES", 4096)
    return incidents.validate(path)


@POSIX
def test_sockets_and_folders_are_refused(tmp_path):
    """A Unix socket and a folder are refused with what they are, before reading."""
    path = tmp_path / "socket.json"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        with pytest.raises(FileError, match="is a socket, not a file"):
            open_path(path)
    finally:
        server.close()
    with pytest.raises(FileError, match="is a directory"):
        open_path(tmp_path)


def test_a_regular_file_over_the_bound_is_refused_unread(tmp_path):
    """A file's size is looked at first: over the bound, it is refused from its size."""
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 5000)
    with path.open("rb") as stream, pytest.raises(TooLargeError, match="is 5000 bytes"):
        read_bounded(stream, 4096, str(path))
    assert b" " * 5000 == read_path(path, 5000)


def test_a_stream_that_is_not_a_file_is_read_in_chunks():
    """An in-memory stream is read to its end, and refused past the bound."""
    assert b"abc" * 10 == read_bounded(io.BytesIO(b"abc" * 10), 30, "<memory>")
    with pytest.raises(TooLargeError):
        read_bounded(io.BytesIO(b"abc" * 10), 29, "<memory>")
