"""The README's set-up commands and code examples work as written."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_readme_starts_with_exactly_two_commands():
    """The first block of the README holds exactly two commands: run the examples, run the tests."""
    first = README.split("```", 2)[1]
    assert first.startswith("sh\n")
    commands = [line for line in first.splitlines()[1:] if line.strip()]
    assert 2 == len(commands)
    assert "examples/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    """.ci/run contains the README's test command verbatim, so CI and people run the same."""
    test_command = README.split("```", 2)[1].splitlines()[2]
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci_script.splitlines()
    # Inside a subshell of its own, so that `set -e` stops CI when a test fails mid-list.
    assert f"(\n{test_command}\n)" in ci_script


@pytest.mark.parametrize("block", _blocks("python"))
def test_python_examples_run(block, monkeypatch):
    """Every python block in the README runs without error."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    for name, value in namespace.items():
        if name.startswith("test_") and callable(value):
            value()


@pytest.mark.parametrize("block", _blocks("pycon"))
def test_console_examples_show_real_output(block):
    """Every pycon block in the README shows what the library really prints."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block, {"incidents": __import__("incidents")}, "README", None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    result = runner.run(test, out=report.append)
    assert 0 == result.failed, "".join(report)
