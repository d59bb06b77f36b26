"""Faults: interrupted writes and conversions never damage the target or leave debris."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

import incidents
from incidents import ArgumentError, cli, examples
from incidents.formats import files, jsonl
from incidents.formats import json as json_format
from incidents.formats import xml as xml_format

DATASET = examples.load("azal-downing-2024")


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def converted(tmp_path: Path) -> tuple[Path, Path]:
    """An input file and an existing target whose content must survive a failed convert."""
    source = tmp_path / "in.json"
    incidents.write(DATASET, source)
    target = tmp_path / "out.xml"
    target.write_bytes(b"previous content\n")
    return source, target


def _debris(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


@pytest.mark.parametrize("suffix", [".json", ".xml", ".jsonl"])
def test_convert_with_a_failing_serialiser_leaves_the_target(converted, monkeypatch, suffix):
    """A serialiser that fails mid-conversion: exit 2, one-line message, target unchanged."""
    source, _ = converted
    target = source.with_name(f"out{suffix}")
    target.write_bytes(b"previous content\n")

    def fail(dataset: object) -> str:
        raise ArgumentError("to_x", "dataset", dataset, "simulated failure")

    for module, name in ((json_format, "to_json"), (xml_format, "to_xml"), (jsonl, "to_jsonl")):
        monkeypatch.setattr(module, name, fail)  # where convert's serialisers come from
        monkeypatch.setattr(files, name, fail)
    code, _, err = _run("convert", str(source), str(target))
    assert 2 == code
    assert "simulated failure" in err
    assert "Traceback" not in err
    assert b"previous content\n" == target.read_bytes()
    assert [] == _debris(target.parent)


def test_convert_with_a_failing_rename_leaves_the_target(converted, monkeypatch):
    """os.replace failing at the last step: exit 2, target unchanged, temporary file removed."""
    source, target = converted

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, _, err = _run("convert", str(source), str(target))
    assert 2 == code
    assert "No space left on device" in err
    assert b"previous content\n" == target.read_bytes()
    assert [] == _debris(target.parent)


def test_write_interrupted_by_keyboard_leaves_the_target(tmp_path, monkeypatch):
    """An interruption (not an OSError) during the write still removes the temporary file."""
    target = tmp_path / "out.json"
    target.write_bytes(b"previous content\n")

    def interrupt(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        incidents.write(DATASET, target)
    assert b"previous content\n" == target.read_bytes()
    assert [] == _debris(tmp_path)


def test_reading_a_file_deleted_before_the_read(tmp_path):
    """A file that vanished is a FileError for read() and exit 2 for the command line."""
    path = tmp_path / "gone.json"
    incidents.write(DATASET, path)
    path.unlink()
    with pytest.raises(incidents.FileError, match="no such file"):
        incidents.read(path)
    code, _, err = _run("validate", str(path))
    assert 2 == code
    assert str(path) in err


def test_reading_a_directory(tmp_path):
    """A directory given where a file is expected is a clean FileError."""
    folder = tmp_path / "data.json"
    folder.mkdir()
    with pytest.raises(incidents.FileError, match="is a directory"):
        incidents.read(folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_reading_an_unreadable_file(tmp_path):
    """A file without read permission is a clean FileError and exit 2."""
    path = tmp_path / "secret.json"
    incidents.write(DATASET, path)
    path.chmod(0)
    with pytest.raises(incidents.FileError, match="permission denied"):
        incidents.read(path)
    assert 2 == _run("validate", str(path))[0]
