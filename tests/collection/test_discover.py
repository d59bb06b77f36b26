"""Which files belong: order, links, loops, unknown formats."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from incidents.collection.discover import discover
from incidents.errors import FileError


def _codes(path: Path) -> list[tuple[str, str]]:
    return [(Path(p.file).name, p.code) for p in discover(path).problems]


def test_the_example_collection_is_found_in_order(collection: Path) -> None:
    """Each folder's files by name, then its folders; the manifest is not a member."""
    found = discover(collection)
    assert found.has_manifest
    assert "russia-azerbaijan-2025" == found.manifest.name
    names = [member.relative for member in found.members]
    assert ["actors.json", "other-measures.json", "sources.json"] == names[:3]
    assert all(name.startswith("incidents/") for name in names[3:])
    assert () == found.problems


def test_unknown_formats_and_links_to_one_file(collection: Path) -> None:
    """A file of another format is W101; a link to a member is W102, read once."""
    (collection / "incidents.toml").unlink()
    (collection / "notes.txt").write_text("notes", encoding="utf-8")
    os.symlink(collection / "actors.json", collection / "zz-actors-again.json")
    found = discover(collection)
    assert [("notes.txt", "W101"), ("zz-actors-again.json", "W102")] == _codes(collection)
    assert 9 == len(found.members)


def test_a_symlink_loop_is_not_followed(collection: Path) -> None:
    """A folder linking back to one that contains it is E111 and is not walked."""
    os.symlink(collection, collection / "incidents" / "loop")
    assert [("loop", "E111")] == _codes(collection)


def test_a_folder_reached_twice_is_read_once(collection: Path, tmp_path: Path) -> None:
    """Two links to one folder: W102 for the second, its files read once."""
    os.symlink(collection / "incidents", collection / "zz-again")
    found = discover(collection)
    assert [("zz-again", "W102")] == _codes(collection)
    assert 9 == len(found.members)


def test_a_broken_link_and_an_empty_collection(tmp_path: Path) -> None:
    """A link to nothing is E100; a folder without dataset files is E112."""
    os.symlink(tmp_path / "missing.json", tmp_path / "gone.json")
    assert [("gone.json", "E100"), (tmp_path.name, "E112")] == _codes(tmp_path)


def test_excluded_folders_are_not_walked(collection: Path) -> None:
    """An exclude glob over a folder silences what is inside it, loops included."""
    os.symlink(collection, collection / "incidents" / "loop")
    manifest = collection / "incidents.toml"
    manifest.write_text(manifest.read_text() + 'exclude = ["incidents/loop/**"]\n')
    assert [] == _codes(collection)


def test_a_path_that_is_not_a_folder_is_a_file_error(tmp_path: Path) -> None:
    """A missing folder raises FileError naming it."""
    with pytest.raises(FileError, match="no such folder"):
        discover(tmp_path / "nope")
