"""``read_collection``: a folder of dataset files read as one :class:`Collection`.

Every file of the collection (:mod:`incidents.collection.discover`) is read with the
readers of :mod:`incidents.formats`, and their records are joined in file order: actors of
every file first, then sources, incidents and measures, each in the order of the files and
within a file. A record found in two files counts once when the two are equal; two
different records with one id are a :class:`~incidents.CollectionError` naming both files
and the fields that differ. References are not checked here (a dataset may be work in
progress), as for one file: :func:`incidents.collection.validate_collection` checks them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final

import attrs

from incidents._places import path_to_pointer
from incidents.collection.diff import changed_fields
from incidents.collection.discover import Member, discover
from incidents.collection.manifest import Manifest, newer, newest
from incidents.errors import CollectionError, CollectionProblem, FileError, ParseError
from incidents.formats._text_positions import value_positions
from incidents.formats.files import read
from incidents.formats.jsonl import numbered_lines
from incidents.formats.xml import parse_xml
from incidents.model.dataset import Dataset, Record

__all__ = ["KEYS", "Collection", "Origin", "read_collection"]

#: The lists of a dataset document, in order, and the key of one record on a JSON Lines line.
KEYS: Final = {
    "actors": "actor",
    "sources": "source",
    "incidents": "incident",
    "measures": "measure",
}


@attrs.frozen
class Origin:
    """Where a record of a collection came from: its file, and its place in the file."""

    #: The file (the root joined with its path in the collection).
    file: str
    #: JSON Pointer of the record in the file (``/incidents/0``; ``/incident`` on a JSON
    #: Lines line), or its XPath in an XML file.
    location: str
    #: 1-based line of the record.
    line: int | None
    #: 1-based column of the record, when known.
    column: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where} (at {self.location})"


@attrs.frozen(eq=False)
class Collection:
    """A collection read whole: the merged :class:`~incidents.Dataset`, the manifest, the
    files, and where each record came from (:meth:`origin`)."""

    #: The root folder.
    root: Path
    #: What ``incidents.toml`` says (the defaults when there is none).
    manifest: Manifest
    #: The dataset files, in the order they were read.
    files: tuple[Member, ...]
    #: Every record of every file, once.
    dataset: Dataset
    #: id -> (file number, list key, position in that file's list of the kind).
    places: Mapping[str, tuple[int, str, int]] = attrs.field(repr=False)
    # Lines and columns of the files asked about, found on first use.
    _positions: dict[int, dict[str, tuple[int, int]]] = attrs.field(
        factory=dict, init=False, repr=False
    )
    _jsonl_lines: dict[int, dict[tuple[str, int], int]] = attrs.field(
        factory=dict, init=False, repr=False
    )

    def origin(self, record_id: str) -> Origin:
        """The file, line and place of the record with ``record_id`` (its first file, for a
        record repeated in several); :class:`~incidents.UnknownIdError` if there is none."""
        place = self.places.get(record_id)
        if place is None:
            self.dataset[record_id]  # raises UnknownIdError
        assert place is not None  # noqa: S101 - the lookup above raised otherwise
        number, key, position = place
        return self._locate(number, key, position)

    def __iter__(self) -> Iterator[Record]:
        return self.dataset.records()

    def __len__(self) -> int:
        return len(self.dataset)

    def _locate(self, number: int, key: str, position: int) -> Origin:
        member = self.files[number]
        name = str(member.path)
        if member.format == "jsonl":
            if number not in self._jsonl_lines:
                self._jsonl_lines[number] = _record_lines(member.path)
            lines = self._jsonl_lines[number]
            return Origin(name, f"/{KEYS[key]}", lines.get((key, position)), 1)
        pointer = f"/{key}/{position}"
        if member.format == "xml":
            document = parse_xml(member.path.read_bytes())
            xpath, line = document.where(pointer)
            return Origin(name, xpath, line)
        if number not in self._positions:
            text = member.path.read_bytes().decode("utf-8")
            self._positions[number] = value_positions(text)
        positions = self._positions[number]
        line, column = positions.get(pointer, (None, None))
        return Origin(name, pointer, line, column)


def read_collection(path: str | os.PathLike[str]) -> Collection:
    """Read the collection at ``path`` (a folder, or its ``incidents.toml``) as one dataset.

    Raises :class:`~incidents.FileError` when ``path`` is not a folder, and
    :class:`~incidents.CollectionError` listing every problem, each with its file, when a
    file cannot be read, the manifest is wrong, a link loops, or two files give one id to
    different records. Warnings (a skipped file, a file reached twice) do not stop it.
    """
    found = discover(path)
    problems = [problem for problem in found.problems if problem.code.startswith("E")]
    lists: dict[str, list[Record]] = {key: [] for key in KEYS}
    places: dict[str, tuple[int, str, int]] = {}
    records: dict[str, Record] = {}
    versions: list[str] = []
    for number, member in enumerate(found.members):
        dataset = _read(member, problems)
        if dataset is None:
            continue
        versions.append(dataset.schema_version)
        if found.manifest.format and newer(dataset.schema_version, found.manifest.format):
            message = (
                f"declares schema version {dataset.schema_version}, newer than the "
                f"collection's format {found.manifest.format}"
            )
            problems.append(CollectionProblem(str(member.path), "E113", message))
        for key in KEYS:
            for position, record in enumerate(getattr(dataset, key)):
                first = records.get(record.id)
                if first is None:
                    records[record.id] = record
                    places[record.id] = (number, key, position)
                    lists[key].append(record)
                elif first != record:
                    other = found.members[places[record.id][0]]
                    fields = ", ".join(changed_fields(first, record))
                    message = (
                        f"id {record.id!r} names a different record in {other.path}; "
                        f"they differ in: {fields}"
                    )
                    where = f"/{key}/{position}/id"
                    problems.append(CollectionProblem(str(member.path), "E410", message, where))
    if problems:
        raise CollectionError(str(found.root), problems)
    dataset = Dataset(
        schema_version=found.manifest.format or newest(versions),
        actors=tuple(lists["actors"]),  # type: ignore[arg-type]
        sources=tuple(lists["sources"]),  # type: ignore[arg-type]
        incidents=tuple(lists["incidents"]),  # type: ignore[arg-type]
        measures=tuple(lists["measures"]),  # type: ignore[arg-type]
    )
    return Collection(found.root, found.manifest, found.members, dataset, places)


def _read(member: Member, problems: list[CollectionProblem]) -> Dataset | None:
    """The dataset of one file, or ``None`` with its problems added to ``problems``."""
    name = str(member.path)
    try:
        return read(member.path)
    except FileError as error:
        problems.append(CollectionProblem(name, "E100", error.reason))
    except ParseError as error:
        for problem in error.problems:
            where = path_to_pointer(problem.path) if problem.path.startswith("$") else problem.path
            found = CollectionProblem(
                name, problem.code, problem.message, where, problem.line, problem.column
            )
            problems.append(found)
    return None


def _record_lines(path: Path) -> dict[tuple[str, int], int]:
    """(list key, position among its kind) -> line, for the records of a JSON Lines file."""
    plural = {single: key for key, single in KEYS.items()}
    counts = dict.fromkeys(KEYS, 0)
    lines: dict[tuple[str, int], int] = {}
    with path.open("rb") as stream:
        for number, line in numbered_lines(stream):
            try:
                data = json.loads(line) if line is not None else None
            except ValueError:
                continue
            if not isinstance(data, dict) or len(data) != 1:
                continue
            key = plural.get(next(iter(data)))
            if key is not None:
                lines[(key, counts[key])] = number
                counts[key] += 1
    return lines
