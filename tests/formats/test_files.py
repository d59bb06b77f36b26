"""Tests for incidents.formats.files: reading and writing dataset files, atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

import incidents
import incidents.formats.files
from incidents import (
    Actor,
    ActorKind,
    Citation,
    Dataset,
    FileError,
    Incident,
    IncidentKind,
    Name,
    ParseError,
    PartialDate,
    Source,
    read,
    to_json,
    write,
)

OLD_CONTENT = b'{"old": "content"}\n'


def sample_dataset() -> Dataset:
    """A small dataset with non-ASCII text."""
    return Dataset(
        actors=(
            Actor(
                id="actor:az",
                kind=ActorKind.STATE,
                name="Azerbaijan",
                names=(Name(value="Азербайджан", language="ru"),),
                country="AZ",
            ),
        ),
        sources=(Source(id="source:report", title="Bakı report"),),
        incidents=(
            Incident(
                id="incident:raid",
                kind=IncidentKind.RAID,
                title="Raids in Yekaterinburg",
                date=PartialDate.parse("2025-06-27"),
                citations=(Citation(source="source:report"),),
            ),
        ),
    )


def mode_of(path: Path) -> int:
    """The permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    """A written dataset reads back equal."""
    target = tmp_path / "data.json"
    dataset = sample_dataset()

    write(dataset, target)

    assert dataset == read(target)


def test_read_and_write_accept_str_paths(tmp_path: Path) -> None:
    """Paths may be given as strings."""
    target = str(tmp_path / "data.json")

    write(sample_dataset(), target)

    assert sample_dataset() == read(target)


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    """A ``.JSON`` file is written and read as JSON."""
    target = tmp_path / "DATA.JSON"

    write(sample_dataset(), target)

    assert sample_dataset() == read(target)


def test_written_file_is_the_utf8_json_text(tmp_path: Path) -> None:
    """The file holds exactly ``to_json(dataset)`` encoded as UTF-8."""
    target = tmp_path / "data.json"
    dataset = sample_dataset()

    write(dataset, target)

    assert to_json(dataset).encode("utf-8") == target.read_bytes()


def test_write_replaces_an_existing_file(tmp_path: Path) -> None:
    """Writing over an existing file replaces its content and leaves no other file."""
    target = tmp_path / "data.json"
    target.write_bytes(OLD_CONTENT)

    write(sample_dataset(), target)

    assert to_json(sample_dataset()).encode("utf-8") == target.read_bytes()
    assert ["data.json"] == sorted(path.name for path in tmp_path.iterdir())


@pytest.mark.parametrize("name", ["data.txt", "data", "data.json.bak", "data.yaml"])
def test_unknown_suffix_is_refused_on_write(tmp_path: Path, name: str) -> None:
    """Writing to a file whose suffix names no known format raises FileError and writes nothing."""
    target = tmp_path / name

    with pytest.raises(FileError, match="unknown file type") as caught:
        write(sample_dataset(), target)

    assert str(target) == caught.value.path
    assert [] == list(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["data.txt", "data"])
def test_unknown_suffix_is_refused_on_read(tmp_path: Path, name: str) -> None:
    """Reading a file whose suffix names no known format raises FileError, even if it is JSON."""
    target = tmp_path / name
    target.write_text(to_json(sample_dataset()), encoding="utf-8")

    with pytest.raises(FileError, match="unknown file type") as caught:
        read(target)

    assert str(target) == caught.value.path


def test_reading_a_missing_file_is_a_file_error(tmp_path: Path) -> None:
    """Reading a file that does not exist raises FileError naming the path."""
    target = tmp_path / "missing.json"

    with pytest.raises(FileError) as caught:
        read(target)

    assert str(target) == caught.value.path
    assert str(caught.value).startswith(str(target))


def test_reading_a_directory_is_a_file_error(tmp_path: Path) -> None:
    """Reading a directory raises FileError naming the path."""
    target = tmp_path / "folder.json"
    target.mkdir()

    with pytest.raises(FileError, match="directory") as caught:
        read(target)

    assert str(caught.value).startswith(str(target))


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_reading_an_unreadable_file_is_a_file_error(tmp_path: Path) -> None:
    """Reading a file without read permission raises FileError naming the path."""
    target = tmp_path / "secret.json"
    target.write_text(to_json(sample_dataset()), encoding="utf-8")
    target.chmod(0)

    with pytest.raises(FileError, match="permission denied") as caught:
        read(target)

    assert str(caught.value).startswith(str(target))


def test_permission_error_on_open_is_a_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PermissionError while opening (simulated, so it also runs as root) is a FileError."""
    target = tmp_path / "secret.json"
    target.write_text(to_json(sample_dataset()), encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)

    with pytest.raises(FileError, match="permission denied") as caught:
        read(target)

    assert str(caught.value).startswith(str(target))


def test_file_larger_than_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file larger than MAX_FILE_BYTES raises FileError before it is parsed."""
    target = tmp_path / "big.json"
    target.write_text(to_json(sample_dataset()), encoding="utf-8")
    monkeypatch.setattr(incidents.formats.files, "MAX_FILE_BYTES", 10)

    with pytest.raises(FileError, match="the limit is 10") as caught:
        read(target)

    assert str(target) == caught.value.path


def test_bad_content_is_a_parse_error_naming_the_file(tmp_path: Path) -> None:
    """A file with bad content raises ParseError whose source and text name the file."""
    target = tmp_path / "bad.json"
    target.write_text('{"schema_version": "1.0", "actors": 5}', encoding="utf-8")

    with pytest.raises(ParseError) as caught:
        read(target)

    assert str(target) == caught.value.source
    assert str(caught.value).startswith(f"{target}: ")
    assert ["$.actors"] == [problem.path for problem in caught.value.problems]


def test_syntax_error_in_a_file_keeps_line_and_column(tmp_path: Path) -> None:
    """A JSON syntax error read from a file keeps its line and column."""
    target = tmp_path / "bad.json"
    target.write_bytes(b'{\n  "schema_version": "1.0",\n}\n')

    with pytest.raises(ParseError) as caught:
        read(target)

    assert [(3, 1)] == [(problem.line, problem.column) for problem in caught.value.problems]
    assert str(caught.value).startswith(f"{target}: $ (line 3, column 1)")


def test_failed_serialisation_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When producing the text fails, the old file stays as it was and no temporary is left."""
    target = tmp_path / "data.json"
    target.write_bytes(OLD_CONTENT)

    class SerialiseError(Exception):
        """Raised by the patched serialiser."""

    def explode(dataset: Dataset) -> str:
        raise SerialiseError

    monkeypatch.setattr(incidents.formats.files, "to_json", explode)

    with pytest.raises(SerialiseError):
        write(sample_dataset(), target)

    assert OLD_CONTENT == target.read_bytes()
    assert ["data.json"] == sorted(path.name for path in tmp_path.iterdir())


def test_failed_replace_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed final rename raises FileError, keeps the old file and leaves no temporary."""
    target = tmp_path / "data.json"
    target.write_bytes(OLD_CONTENT)
    attempts: list[tuple[str, str]] = []

    def refuse(source: str, destination: str) -> None:
        attempts.append((os.path.basename(source), os.path.basename(destination)))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(incidents.formats.files.os, "replace", refuse)

    with pytest.raises(FileError, match="No space left on device") as caught:
        write(sample_dataset(), target)

    assert str(target) == caught.value.path
    assert OLD_CONTENT == target.read_bytes()
    assert ["data.json"] == sorted(path.name for path in tmp_path.iterdir())
    assert 1 == len(attempts)
    assert attempts[0][0].startswith(".data.json.")
    assert "data.json" == attempts[0][1]


def test_interrupted_write_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception other than OSError while writing propagates and removes the temporary."""
    target = tmp_path / "data.json"
    target.write_bytes(OLD_CONTENT)

    def interrupt(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(incidents.formats.files.os, "fsync", interrupt)

    with pytest.raises(KeyboardInterrupt):
        write(sample_dataset(), target)

    assert OLD_CONTENT == target.read_bytes()
    assert ["data.json"] == sorted(path.name for path in tmp_path.iterdir())


def test_writing_into_a_missing_folder_is_a_file_error(tmp_path: Path) -> None:
    """Writing into a folder that does not exist raises FileError naming the path."""
    target = tmp_path / "missing" / "data.json"

    with pytest.raises(FileError) as caught:
        write(sample_dataset(), target)

    assert str(target) == caught.value.path
    assert not target.parent.exists()


def test_writing_over_a_directory_is_a_file_error(tmp_path: Path) -> None:
    """Writing to a path that is a directory raises FileError and leaves no temporary file."""
    target = tmp_path / "folder.json"
    target.mkdir()

    with pytest.raises(FileError) as caught:
        write(sample_dataset(), target)

    assert str(target) == caught.value.path
    assert target.is_dir()
    assert ["folder.json"] == sorted(path.name for path in tmp_path.iterdir())


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o444])
def test_overwrite_keeps_permission_bits(tmp_path: Path, mode: int) -> None:
    """Overwriting an existing file keeps its permission bits."""
    target = tmp_path / "data.json"
    target.write_bytes(OLD_CONTENT)
    target.chmod(mode)

    write(sample_dataset(), target)

    assert mode == mode_of(target)
    assert to_json(sample_dataset()).encode("utf-8") == target.read_bytes()


def test_new_file_gets_mode_644(tmp_path: Path) -> None:
    """A newly created file is readable by everyone and writable by its owner (0o644)."""
    target = tmp_path / "data.json"
    previous = os.umask(0o077)
    try:
        write(sample_dataset(), target)
    finally:
        os.umask(previous)

    assert 0o644 == mode_of(target)


def test_write_refuses_what_is_not_a_dataset(tmp_path: Path) -> None:
    """Writing something other than a Dataset raises IncidentsError and creates no file."""
    with pytest.raises(incidents.IncidentsError):
        write({"schema_version": "1.0"}, tmp_path / "data.json")  # type: ignore[arg-type]

    assert [] == list(tmp_path.iterdir())
