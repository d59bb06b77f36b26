"""Which files belong to a collection: the folder walked, the manifest's globs applied.

The walk is recursive and in a fixed order (each folder's files by name, then its folders
by name); hidden files and folders (a leading ``.``, which includes the writer's temporary
files ``.NAME.RANDOM.tmp``) and the manifest itself are skipped.
Links are followed, with a problem for each case that would otherwise read a file twice or
walk forever:

* E111 a folder that is a link back to a folder containing it (a symlink loop): not followed;
* W102 a file or folder reached a second time through a link: read once;
* W101 a file whose suffix is not ``.json``, ``.jsonl`` or ``.xml``: skipped;
* E100 a link that points nowhere, or a folder that cannot be listed;
* E110 a bad manifest (see :mod:`incidents.collection.manifest`);
* E112 no dataset file at all.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final, Literal

import attrs

from incidents.collection.manifest import MANIFEST, Manifest, read_manifest
from incidents.errors import CollectionProblem, FileError

__all__ = ["SUFFIXES", "Discovery", "Member", "discover", "find_root"]

#: A format of the files in a collection.
Format = Literal["json", "jsonl", "xml"]
#: The suffixes of dataset files, and the format each names.
SUFFIXES: Final[Mapping[str, Format]] = {".json": "json", ".jsonl": "jsonl", ".xml": "xml"}


@attrs.frozen
class Member:
    """A dataset file of a collection."""

    #: The file, as the root joined with its relative path (how messages name it).
    path: Path
    #: The path from the root, ``/`` between folders (what the globs match).
    relative: str
    #: Its format, by suffix.
    format: Format


@attrs.frozen
class Discovery:
    """The files of a collection, and the problems found choosing them."""

    root: Path
    manifest: Manifest
    #: Whether the root has an ``incidents.toml``.
    has_manifest: bool
    members: tuple[Member, ...]
    problems: tuple[CollectionProblem, ...]


def find_root(path: str | os.PathLike[str]) -> Path:
    """The root folder a path names: the folder itself, or the folder of the manifest file
    given. :class:`~incidents.FileError` if it is neither."""
    target = Path(path)
    if target.name == MANIFEST and target.is_file():
        return target.parent
    if target.is_dir():
        return target
    reason = "is a file, not a collection folder" if target.exists() else "no such folder"
    raise FileError(str(target), reason)


def discover(path: str | os.PathLike[str]) -> Discovery:
    """The dataset files of the collection at ``path`` (a folder, or its manifest)."""
    root = find_root(path)
    problems: list[CollectionProblem] = []
    manifest_path = root / MANIFEST
    has_manifest = manifest_path.is_file()
    default_name = root.resolve().name
    if has_manifest:
        manifest, found = read_manifest(manifest_path, default_name)
        problems += [
            CollectionProblem(str(manifest_path), "E110", p.message, "", p.line, p.column)
            for p in found
        ]
    else:
        manifest = Manifest(name=default_name)
    walk = _Walk(root, manifest, problems)
    walk.run()
    if not walk.members:
        message = "no dataset file (.json, .jsonl or .xml) belongs to this collection"
        problems.append(CollectionProblem(str(root), "E112", message))
    return Discovery(root, manifest, has_manifest, tuple(walk.members), tuple(problems))


class _Walk:
    """The walk of a collection's folders (iterative, so deep trees need no recursion)."""

    def __init__(self, root: Path, manifest: Manifest, problems: list[CollectionProblem]) -> None:
        self.root = root
        self.manifest = manifest
        self.problems = problems
        self.members: list[Member] = []
        self.files: dict[tuple[int, int], str] = {}
        self.folders: dict[tuple[int, int], str] = {}

    def run(self) -> None:
        identity = _identity(self.root)
        if identity is None:
            self._problem(self.root, "E100", "cannot read this folder")
            return
        self.folders[identity] = str(self.root)
        # (folder, its relative path with a trailing /, the folders it is inside: identity
        # -> name)
        stack: list[tuple[Path, str, dict[tuple[int, int], str]]] = [
            (self.root, "", {identity: str(self.root)})
        ]
        while stack:
            folder, relative, ancestors = stack.pop()
            inner = self._folder(folder, relative, ancestors)
            stack.extend(reversed(inner))

    def _folder(
        self, folder: Path, relative: str, ancestors: dict[tuple[int, int], str]
    ) -> list[tuple[Path, str, dict[tuple[int, int], str]]]:
        """Take the files of ``folder``; return its folders to walk, in order."""
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            self._problem(folder, "E100", f"cannot list this folder: {error.strerror or error}")
            return []
        inner = []
        for entry in entries:
            if entry.name.startswith("."):  # hidden, so never a writer's temporary file either
                continue
            path = folder / entry.name
            name = f"{relative}{entry.name}"
            if _is_dir(entry):
                if self.manifest.excludes_folder(name):
                    continue
                found = self._inner(path, ancestors)
                if found is not None:
                    inner.append((path, f"{name}/", {**ancestors, found: str(path)}))
            elif relative or entry.name != MANIFEST:
                self._file(entry, path, name)
        return inner

    def _inner(self, path: Path, ancestors: dict[tuple[int, int], str]) -> tuple[int, int] | None:
        """The identity of a folder to walk, or ``None`` (a loop, or a folder seen before)."""
        identity = _identity(path)
        if identity is None:
            self._problem(path, "E100", "cannot read this folder")
            return None
        if identity in ancestors:
            message = f"is a link back to {ancestors[identity]}, which contains it; not followed"
            self._problem(path, "E111", message)
            return None
        if identity in self.folders:
            message = f"is the same folder as {self.folders[identity]} (through a link); read once"
            self._problem(path, "W102", message)
            return None
        self.folders[identity] = str(path)
        return identity

    def _file(self, entry: os.DirEntry[str], path: Path, name: str) -> None:
        if not self.manifest.selects(name):
            return
        try:
            is_file = entry.is_file()
        except OSError:
            is_file = False
        if not is_file:
            if entry.is_symlink() and not path.exists():
                target = _link_target(path)
                self._problem(path, "E100", f"is a link to {target}, which does not exist")
            return
        identity = _identity(path)
        if identity is None:
            self._problem(path, "E100", "cannot read this file")
            return
        if identity in self.files:
            message = f"is the same file as {self.files[identity]} (through a link); read once"
            self._problem(path, "W102", message)
            return
        self.files[identity] = str(path)
        suffix = path.suffix.lower()
        format_ = SUFFIXES.get(suffix)
        if format_ is None:
            message = (
                f"is not a dataset file (suffix {suffix or '(none)'!r}, not .json, .jsonl or "
                ".xml); skipped"
            )
            self._problem(path, "W101", message)
            return
        self.members.append(Member(path, name, format_))

    def _problem(self, path: Path, code: str, message: str) -> None:
        self.problems.append(CollectionProblem(str(path), code, message))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of what ``path`` names, links followed; ``None`` if it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:  # pragma: no cover - it was a link a moment ago
        return "?"
