"""Failure on the cluster: a worker killed mid-shard is retried with the same result; a task
that fails for good is one problem of its file, not a crash."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from benchmarks import corpus
from benchmarks.distributed import write_shards
from incidents.collection import validate_collection as single_process
from incidents.distributed import validate_collection
from tests.distributed.conftest import planted


class _Broken:
    """A future whose task failed for good (as when Dask gives up on a shard)."""

    def result(self) -> Any:
        raise RuntimeError("worker died three times")

    def release(self) -> None:
        pass


class _Client:
    """A client whose first task fails and whose others run here."""

    def map(self, function: Any, *arguments: Any, **_: Any) -> list[Any]:
        futures: list[Any] = []
        for number, call in enumerate(zip(*arguments, strict=True)):
            futures.append(
                _Broken()
                if number == 0 and function.__name__ == "_check_file"
                else _Done(function(*call))
            )
        return futures


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value

    def release(self) -> None:
        pass


def test_a_task_that_fails_is_one_problem_of_its_file(tmp_path: Path) -> None:
    folder = planted(tmp_path / "corpus", 200, 2)
    report = validate_collection(folder, client=_Client())
    failed = [p for p in report.problems if "could not be checked on the Dask cluster" in p.message]
    assert [(p.file, p.code) for p in failed] == [(report.files[0], "E999")]
    assert any(p.file == report.files[1] for p in report.problems)  # the others are checked


@pytest.mark.heavy
def test_a_worker_killed_mid_shard_is_retried(tmp_path: Path, client: Any) -> None:
    """Kill (SIGKILL) the worker process running a shard while it runs: Dask runs the shard
    again on a worker and the report is the one of a single process."""
    folder = tmp_path / "corpus"
    write_shards(folder, corpus.stream(12_000), 2)
    expected = single_process(folder)
    pids = client.run(os.getpid)  # worker address -> process id
    killed: list[str] = []

    def kill_one_busy_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            busy = [
                address
                for address, keys in client.processing().items()
                if any(str(key).startswith("incidents-check") for key in keys)
            ]
            if busy:
                time.sleep(0.5)  # well into the shard
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])
            time.sleep(0.05)

    killer = threading.Thread(target=kill_one_busy_worker)
    killer.start()
    got = validate_collection(folder, client=client)
    killer.join()
    assert killed  # a worker really died mid-shard
    assert [p.to_dict() for p in got.problems] == [p.to_dict() for p in expected.problems]
