"""``validate_collection`` on Dask: map each file, reduce to the rules across files, place.

The three steps of :func:`incidents.collection.validate_collection`, with the same code for
every rule, so the findings are the same, in content and order:

1. **Map**, one task a file (:func:`_check_file`): the per-file layers of the single-process
   check (for a JSON Lines shard, the stream validator with its compact index), and an
   *extract* of the file's records: for each, its place and only the fields the rules across
   records read (:func:`skeleton`: the id, the dates, the references, responses and links).
   The extract is packed as it grows, a few thousand records to a pickled chunk, so a worker
   holds a few hundred bytes a record rather than a Python object for every field.
2. **Reduce**, on the client: the extracts, fed in file order to the collection's index
   (:class:`incidents.collection.validate.Checker`) as the single-process check feeds it
   whole records, give every finding across files: ids used twice, references that resolve
   nowhere, responses before their triggers, measure links into the future, cycles. Each
   extract is fetched when the files before it are in, then dropped, so the client holds
   the index, not the extracts.
3. **Place**, one task a file that has such findings (:func:`_place_file`): each at its
   line, column and pointer.

A file whose task fails (its worker died more often than Dask retries, or the check itself
failed) is one E999 problem of that file; the others are checked as usual.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable, Iterator
from typing import Any, Final

from incidents._compile.gc_pause import gc_paused
from incidents._compile.semantic_plan import referring_fields
from incidents._places import Finding
from incidents.collection.discover import Member
from incidents.collection.report import CollectionReport, FileProblem
from incidents.collection.validate import Checker, checked
from incidents.collection.validate import validate_collection as single_process
from incidents.distributed.cluster import engine
from incidents.formats.jsonl import RECORD_KINDS
from incidents.validation.report import Problem

__all__ = ["Progress", "skeleton", "validate_collection"]

#: Called as files are done: (files done, files, records done, seconds since the start).
Progress = Callable[[int, int, int, float], None]
#: (record list key, position or line, the record's skeleton, record kind, JSON Lines?)
Entry = tuple[str, int, dict[str, Any], type, bool]
#: The extract of one file as it travels: pickled chunks of entries, in the file's order.
Extract = list[bytes]
#: Entries a chunk: large enough that pickling costs little, small enough to stay cheap.
_CHUNK: Final = 4096
#: The fields every record kind's rules across records may read, beyond its references.
_ALWAYS: Final = ("id", "date", "announced", "effective")
_FIELDS: Final = {kind: (*_ALWAYS, *referring_fields(kind)) for kind in RECORD_KINDS.values()}


def skeleton(record: dict[str, Any], kind: type) -> dict[str, Any]:
    """The part of a record the rules across records read: its id, its dates, and the fields
    that can hold a reference (with whatever they hold)."""
    return {name: record[name] for name in _FIELDS[kind] if name in record}


def validate_collection(
    path: str | os.PathLike[str],
    client: Any = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> CollectionReport:
    """Validate the collection at ``path`` whole, as
    :func:`incidents.collection.validate_collection` does, with the same problems in the
    same order.

    With none of ``client``, ``jobs`` and ``scheduler`` it runs in this process and needs
    no Dask. Otherwise it runs on Dask: on ``client`` (a ``distributed.Client``), on the
    cluster whose scheduler is at ``scheduler``, or on a local cluster of ``jobs`` worker
    processes started for this call. The files must be readable by the workers at the same
    paths. ``progress`` is called as files are done. Without the extra ``incidents[dask]``
    a run on Dask raises :class:`~incidents.MissingExtraError`; bad input never raises.
    """
    if client is None and jobs is None and not scheduler:
        return single_process(path)
    with engine(client, jobs, scheduler, "validate_collection on Dask") as dask:
        return checked(path, lambda checker: _run(checker, dask, progress))


def _run(checker: Checker, client: Any, progress: Progress | None) -> list[FileProblem]:
    """Map, reduce and place the files of ``checker`` on ``client``."""
    members, version = checker.members, checker.version
    futures = client.map(
        _check_file, list(members), [version] * len(members), pure=False, key=_keys(members)
    )
    start, records = time.monotonic(), 0
    for number, future in enumerate(futures):
        try:
            problems, extract = future.result()
        except Exception as error:  # the task failed: one problem of this file
            problems, extract = [_failure(error)], []
        future.release()
        checker.local[number] = problems
        for key, position, record, kind, jsonl in entries(extract):
            checker.add(number, key, position, record, kind, jsonl)
            records += 1
        if progress is not None:
            progress(number + 1, len(members), records, time.monotonic() - start)
    return checker.across(lambda found: _place(client, members, found))


def _place(
    client: Any, members: tuple[Member, ...], found: dict[int, list[Finding]]
) -> dict[int, list[Problem]]:
    numbers = sorted(found)
    futures = client.map(
        _place_file, [members[n] for n in numbers], [found[n] for n in numbers], pure=False
    )
    placed: dict[int, list[Problem]] = {}
    for number, future in zip(numbers, futures, strict=True):
        try:
            placed[number] = future.result()
        except Exception as error:
            placed[number] = [_failure(error)]
    return placed


def _keys(members: tuple[Member, ...]) -> list[str]:
    """Task names that say which file each task checks (in Dask's dashboard and logs)."""
    stamp = time.time_ns()
    return [f"incidents-check-{stamp}-{number}" for number in range(len(members))]


def _failure(error: BaseException) -> Problem:
    message = f"could not be checked on the Dask cluster: {type(error).__name__}: {error}"
    return Problem(code="E999", message=message)


class _FileChecker(Checker):
    """The map step for one file: its problems, and the extract of its records."""

    def __init__(self, member: Member, version: str | None) -> None:
        super().__init__((member,), version)
        self.extract: Extract = []
        self.pending: list[Entry] = []

    def add(
        self, number: int, key: str, position: int, record: dict[str, Any], kind: type, jsonl: bool
    ) -> None:
        self.pending.append((key, position, skeleton(record, kind), kind, jsonl))
        if len(self.pending) >= _CHUNK:
            self.pack()

    def pack(self) -> None:
        """Pickle the entries not yet packed into one more chunk of the extract."""
        if self.pending:
            self.extract.append(pickle.dumps(self.pending, protocol=pickle.HIGHEST_PROTOCOL))
            self.pending = []


def entries(extract: Extract) -> Iterator[Entry]:
    """The entries of an extract, a chunk unpacked at a time, in the file's order."""
    for chunk in extract:
        yield from pickle.loads(chunk)  # noqa: S301 - made by _check_file, as Dask's own results


def _check_file(member: Member, version: str | None) -> tuple[list[Problem], Extract]:
    """(a worker) The problems of one file on its own, and the extract of its records."""
    checker = _FileChecker(member, version)
    with gc_paused():  # as in one process: the extract is many small objects
        problems = checker.check(0, member)
    checker.pack()
    return problems, checker.extract


def _place_file(member: Member, findings: list[Finding]) -> list[Problem]:
    """(a worker) The findings across files of one file, at their places in it."""
    return Checker((member,), None).placed(member, findings)
