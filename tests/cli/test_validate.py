"""Tests for ``incidents validate``: verdicts with ``-v``, problems only with ``-q``, paths
that name nothing said in the summary line, and the repository's own pre-commit hook run
by pre-commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from incidents.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "azal-downing-2024.json"
BAD = '{"schema_version":"1.0","actors":[{"id":"actor:a","kind":"stat","name":"A"}]}\n'
WARNED = (
    '{"schema_version":"1.0"}\n{"source":{"id":"source:s","title":"S"}}\n'
    '{"incident":{"id":"incident:i","kind":"raid","title":"T","date":"2025",'
    '"casualties":[{"outcome":"killed","count":[{"value":{"best":1}}]}],'
    '"citations":[{"source":"source:s"}]}}\n'
)


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """main(arguments): the exit code, standard output and standard error."""
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with a valid file, an invalid one and one with a warning."""
    shutil.copy(GOOD, tmp_path / "a-good.json")
    (tmp_path / "b-bad.json").write_text(BAD, encoding="utf-8")
    (tmp_path / "c-warned.jsonl").write_text(WARNED, encoding="utf-8")
    return tmp_path


def test_verbose_lists_every_file_with_its_verdict(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    """-v prints a verdict line after each file's problems, then the summary."""
    code, out, _ = run(capsys, "validate", "-v", str(folder), str(folder / "missing.json"))
    assert 2 == code
    lines = out.splitlines()
    assert f"{folder / 'missing.json'}: unreadable (no such file or folder)" == lines[0]
    assert f"{folder / 'a-good.json'}: ok" == lines[1]
    assert lines[2].startswith(f"{folder / 'b-bad.json'}:1:")
    assert f"{folder / 'b-bad.json'}: invalid (1 error)" == lines[3]
    assert ": W402 " in lines[4]
    assert f"{folder / 'c-warned.jsonl'}: ok (1 warning)" == lines[5]
    assert lines[6].startswith("3 files checked: 1 invalid, 1 error, 1 warning, 1 unreadable")
    assert 7 == len(lines)


def test_verbose_and_strict_call_a_warned_file_invalid(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    """With --strict a file with warnings only is invalid, and -v says so."""
    code, out, _ = run(capsys, "-v", "validate", "--strict", str(folder / "c-warned.jsonl"))
    assert 1 == code
    assert f"{folder / 'c-warned.jsonl'}: invalid (1 warning)" in out.splitlines()


def test_quiet_prints_only_the_problems(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """-q leaves out the summary line; problems (warnings too) and the exit code stay."""
    code, out, _ = run(capsys, "-q", "validate", str(folder))
    assert 1 == code
    lines = out.splitlines()
    assert 2 == len(lines)
    assert [": E204 ", ": W402 "] == [
        line[line.index(": ", len(str(folder))) :][:7] for line in lines
    ]
    assert (0, "", "") == run(capsys, "validate", "-q", str(folder / "a-good.json"))


def test_an_empty_folder_is_said_in_the_summary_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The summary on standard output says why nothing was checked, as stderr does."""
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "validate", str(empty))
    assert 2 == code
    reason = "no .json, .jsonl or .xml files in this folder"
    assert f"no files checked: {empty}: {reason}\n" == out
    assert f"incidents: {empty}: {reason}\n" == err


def test_a_glob_that_matches_nothing_is_said_in_the_summary_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A pattern without matches next to a real file: counted and explained in the summary."""
    pattern = str(tmp_path / "*.xml")
    code, out, _ = run(capsys, "validate", str(GOOD), pattern)
    assert 2 == code
    expected = "1 file checked: 0 invalid, 0 errors, 0 warnings, 1 unreadable"
    assert f"{expected} ({pattern}: no files match this pattern)\n" == out
    assert 2 == run(capsys, "validate", "-q", pattern)[0]


# -- pre-commit, for real ---------------------------------------------------------------------


def _git(folder: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=folder, check=True, capture_output=True)  # noqa: S603, S607


def _try_repo(repo: Path, file: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo ROOT incidents-validate --files FILE`` in ``repo``, offline.

    pre-commit makes a virtual environment for the hook and runs ``pip install .`` of this
    repository in it. Offline, pip gets no index (``PIP_NO_INDEX``), builds the package
    with the hatchling of the environment running the tests (``PIP_NO_BUILD_ISOLATION=0``
    turns build isolation off) and finds the dependencies already installed there, on the
    ``PYTHONPATH``. The ``incidents`` the hook imports is the one pip installed from the
    copy pre-commit made: ``PYTHONPATH`` folders are not site folders, so the editable
    install of the test environment (a ``.pth`` file) does not apply in the hook's.
    """
    paths = sysconfig.get_paths()
    environ = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),  # nothing of the test in ~/.cache
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
        "PYTHONPATH": os.pathsep.join(dict.fromkeys((paths["purelib"], paths["platlib"]))),
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    environ.pop("PIP_FIND_LINKS", None)
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT)]
    return subprocess.run(  # noqa: S603 - the test's own interpreter
        [*pre_commit, "incidents-validate", "--files", file, "--verbose"],
        cwd=repo,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_repository_hook_passes_a_good_file_and_fails_a_bad_one(tmp_path: Path) -> None:
    """pre-commit runs the hook of .pre-commit-hooks.yaml on a new repository: the valid
    file passes, the invalid one fails with its problem on the hook's output."""
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
    pytest.importorskip("hatchling", reason="hatchling (the test extra) builds the hook offline")
    repo = tmp_path / "data"
    repo.mkdir()
    shutil.copy(GOOD, repo / "good.json")
    (repo / "bad.json").write_text(BAD, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "good.json", "bad.json")
    passed = _try_repo(repo, "good.json", tmp_path / "cache-good")
    assert 0 == passed.returncode, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    failed = _try_repo(repo, "bad.json", tmp_path / "cache-bad")
    assert 1 == failed.returncode, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "- hook id: incidents-validate" in failed.stdout
    assert "bad.json:1:58: E204 the string 'stat' is not a valid ActorKind" in failed.stdout
    assert "1 file checked: 1 invalid, 1 error, 0 warnings" in failed.stdout
