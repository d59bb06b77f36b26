"""Signals and pipes with real processes: SIGTERM and SIGHUP clean up like SIGINT, a
SIGKILL's temporary file is never data and goes with the next write, a closed pipe is quiet."""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from incidents.formats.files import is_temporary, write_bytes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "russia-azerbaijan-2025.json"
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}


def _command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "incidents", *arguments]


def _big_input(folder: Path, padding: int = 400) -> Path:
    """A valid dataset of about 40 MB, so its XML takes a while to write."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    first = document["incidents"][0]
    for number in range(padding):
        extra = copy.deepcopy(first)
        extra["id"] = f"incident:padding-{number}"
        extra["summary"] = "word " * 19_000
        document["incidents"].append(extra)
    path = folder / "big.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if is_temporary(name))


def _convert_until_writing(folder: Path) -> subprocess.Popen[bytes]:
    """Start ``convert big.json out.xml``; return once its temporary file exists."""
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        _command("convert", "big.json", "out.xml"),
        cwd=folder,
        env=ENVIRONMENT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    for _ in range(120_000):  # a bound on the loop (about two minutes), not on speed
        if _temporaries(folder):
            return process
        assert process.poll() is None, "convert ended before it began writing"
        time.sleep(0.001)
    process.kill()
    pytest.fail("convert never began writing")


@pytest.mark.heavy
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_mid_write_cleans_up(tmp_path: Path, number: int) -> None:
    _big_input(tmp_path)
    process = _convert_until_writing(tmp_path)
    process.send_signal(number)
    _, error = process.communicate()
    assert process.returncode == 128 + number
    assert _temporaries(tmp_path) == []
    assert not (tmp_path / "out.xml").exists()
    assert error.decode() == "incidents: interrupted\n"


@pytest.mark.heavy
def test_a_kill_leaves_a_temporary_that_is_never_data_and_goes_with_the_next_write(
    tmp_path: Path,
) -> None:
    _big_input(tmp_path)
    process = _convert_until_writing(tmp_path)
    process.kill()
    process.communicate()
    left = _temporaries(tmp_path)
    assert len(left) == 1
    checked = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        _command("validate", "."), cwd=tmp_path, env=ENVIRONMENT, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    assert ".tmp" not in checked.stdout + checked.stderr
    converted = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        _command("convert", "big.json", "out.xml"), cwd=tmp_path, env=ENVIRONMENT
    )
    assert converted.returncode == 0
    assert _temporaries(tmp_path) == []
    assert (tmp_path / "out.xml").exists()


def test_a_stale_temporary_goes_with_the_next_write(tmp_path: Path) -> None:
    stale = tmp_path / ".out.json.abc123.tmp"
    stale.write_bytes(b'{"half": ')
    other = tmp_path / ".other.json.abc123.tmp"
    other.write_bytes(b"not this target's")
    write_bytes(b"{}", tmp_path / "out.json")
    assert not stale.exists()
    assert other.exists()
    assert (tmp_path / "out.json").read_bytes() == b"{}"


def test_a_temporary_another_writer_holds_is_left_alone(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    held = tmp_path / ".out.json.abc123.tmp"
    held.write_bytes(b"being written")
    holder = subprocess.Popen(  # noqa: S603 - a process that holds the lock, as a living writer
        [
            sys.executable,
            "-c",
            "import fcntl, sys; f = open(sys.argv[1], 'rb'); fcntl.flock(f, fcntl.LOCK_EX); "
            "print('locked', flush=True); sys.stdin.read()",
            str(held),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == b"locked\n"
        write_bytes(b"{}", tmp_path / "out.json")
        assert held.exists()
    finally:
        holder.communicate(b"")
    assert fcntl is not None


@pytest.mark.parametrize(
    ("name", "temporary"),
    [
        (".out.xml.k2j4h8a_.tmp", True),
        (".crisis.json.abcdefgh.tmp", True),
        ("out.xml", False),
        (".out.xml", False),
        ("out.xml.tmp", False),
        (".tmp", False),
    ],
)
def test_temporary_names(name: str, temporary: bool) -> None:
    assert is_temporary(name) is temporary


def test_a_folder_walk_skips_a_temporary_named_like_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "ok.json").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / ".out.json.abcdefgh.tmp").write_bytes(b"{")
    checked = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        _command("validate", str(tmp_path)), env=ENVIRONMENT, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert ".tmp" not in checked.stdout + checked.stderr


def test_a_closed_pipe_ends_quietly_with_its_own_code(tmp_path: Path) -> None:
    big = _big_input(tmp_path, padding=20)  # more than a pipe holds
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        _command("convert", str(big), "--to", "xml"),
        env=ENVIRONMENT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.read(10)
    process.stdout.close()  # as `| head -c 10` does
    _, error = process.communicate()
    assert process.returncode == 141
    assert error == b""


@pytest.mark.parametrize("delay", [0.0, 0.005, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15])
def test_an_interrupt_at_start_up_is_quiet(delay: float) -> None:
    """From the package's first line on (``-X importtime`` says when incidents._signals has
    loaded; the interpreter's own start-up before it is Python's), imports included."""
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-X", "importtime", "-m", "incidents", "validate", str(EXAMPLE)],
        env=ENVIRONMENT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    while b"incidents._signals" not in (line := process.stderr.readline()):
        assert line, "incidents._signals was never imported"
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, error = process.communicate()
    assert b"Traceback" not in error
    assert process.returncode in (0, 130)
