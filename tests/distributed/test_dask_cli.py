"""incidents validate --collection on Dask: --jobs, --scheduler, DASK_SCHEDULER_ADDRESS, and
without the extra."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks import corpus
from incidents.cli.app import main
from incidents.distributed.cluster import require
from incidents.errors import MissingExtraError
from tests.distributed.conftest import planted


def _json(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, Any, str]:
    code = main(["validate", "--format", "json", *arguments])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_scheduler_gives_the_report_of_one_process(tmp_path, client, capsys) -> None:
    folder = str(planted(tmp_path / "corpus", 200, 3))
    one = _json(capsys, "--collection", folder)
    address = client.scheduler.address
    on_dask = _json(capsys, "--collection", folder, "--scheduler", address)
    assert on_dask[:2] == one[:2]
    assert one[0] == 1  # the planted problems


def test_the_environment_names_the_scheduler(tmp_path, client, capsys, monkeypatch) -> None:
    folder = str(planted(tmp_path / "corpus", 200, 2))
    one = _json(capsys, "--collection", folder)
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", client.scheduler.address)
    assert _json(capsys, "--collection", folder, "-v")[:2] == one[:2]


def test_jobs_starts_a_local_cluster_and_says_how_far_it_is(tmp_path, capsys) -> None:
    folder = str(planted(tmp_path / "corpus", 200, 2))
    expected = _json(capsys, "--collection", folder)
    code = main(["validate", "-v", "--collection", folder, "--jobs", "1"])
    captured = capsys.readouterr()
    assert code == expected[0]
    assert "3/3 shards done" in captured.err  # two shards and more.json
    assert "records/s" in captured.err


def test_jobs_must_be_a_positive_number(capsys) -> None:
    assert main(["validate", "--collection", ".", "--jobs", "0"]) == 2
    assert "whole number of workers" in capsys.readouterr().err


def test_without_the_extra_it_names_it(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(MissingExtraError, match=r"incidents\[dask\]"):
        require("validate_collection on Dask")
    folder = str(planted(tmp_path / "corpus", 200, 2))
    code = main(["validate", "--collection", folder, "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == 2
    assert "pip install 'incidents[dask]'" in err


def test_without_the_extra_plain_runs_need_no_dask(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    folder = str(planted(tmp_path / "corpus", 200, 2))
    assert main(["validate", "-q", "--collection", folder]) == 1


def test_the_local_cluster_listens_on_localhost_only() -> None:
    """Every socket the local cluster's processes listen on is bound to 127.0.0.1."""
    import psutil

    from incidents.distributed import engine

    with engine(jobs=2) as client:
        me = psutil.Process()
        pids = {me.pid, *(child.pid for child in me.children(recursive=True))}
        listening = [
            connection.laddr
            for connection in psutil.net_connections("inet")
            if connection.status == psutil.CONN_LISTEN and connection.pid in pids
        ]
        assert len(client.scheduler_info()["workers"]) == 2
    assert listening
    assert {address.ip for address in listening} == {"127.0.0.1"}


def test_export_a_collection_on_dask(tmp_path, client, capsys) -> None:
    from benchmarks.distributed import write_shards

    folder = tmp_path / "corpus"
    write_shards(folder, corpus.stream(300), 3)
    out = tmp_path / "out"
    address = client.scheduler.address
    code = main(["export", str(folder), "--to", "parquet", str(out), "--scheduler", address])
    assert code == 0, capsys.readouterr().err
    assert "partitioned by year and month" in capsys.readouterr().err
    assert list((out / "incidents").glob("year=*/month=*/part-*.parquet"))


def test_export_refuses_a_collection_with_errors(tmp_path, client, capsys) -> None:
    folder = planted(tmp_path / "corpus", 200, 2)
    out = tmp_path / "out"
    address = client.scheduler.address
    code = main(["export", str(folder), "--to", "parquet", str(out), "--scheduler", address])
    captured = capsys.readouterr()
    assert code == 1
    assert "nothing written" in captured.err
    assert "E401" in captured.out
    assert not out.exists()
