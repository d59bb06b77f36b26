"""Tests for the parser and the dispatch: suggestions for mistyped names, the global
``-q`` and ``-v``, each subcommand's help, and a start that loads nothing heavy."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import incidents
from incidents.cli.app import main, parse, parser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "azal-downing-2024.json"


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """main(arguments): the exit code, standard output and standard error."""
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("valdate", "validate"), ("conver", "convert"), ("shwo", "show"), ("vocabs", "vocab")],
)
def test_a_mistyped_command_suggests_the_right_one(
    capsys: pytest.CaptureFixture[str], typed: str, meant: str
) -> None:
    """An unknown command near a known one is a usage error that names it."""
    code, out, err = run(capsys, "-v", typed, "x.json")
    assert (2, "") == (code, out)
    assert err.startswith("usage: incidents ")
    assert err.endswith(f"incidents: error: unknown command {typed!r}; did you mean {meant!r}?\n")


def test_the_command_after_a_double_dash_is_checked_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """-- ends the options; the word after it is the command, and checked as one."""
    code, _, err = run(capsys, "-q", "--", "shw", "x.json")
    assert 2 == code
    assert "unknown command 'shw'; did you mean 'show'?" in err
    code, _, err = run(capsys, "-q", "--")
    assert 2 == code
    assert "the following arguments are required: COMMAND" in err


def test_a_command_near_nothing_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """With no near command, the message lists them all."""
    code, _, err = run(capsys, "frobnicate")
    assert 2 == code
    expected = "unknown command 'frobnicate'; choose from validate, convert, export, query, schema"
    assert expected in err


@pytest.mark.parametrize(
    ("arguments", "usage", "hint"),
    [
        (["validate", "--strct", "x"], "incidents validate", "--strct (did you mean --strict?)"),
        (
            ["validate", "x", "--strct=1"],
            "incidents validate",
            "--strct=1 (did you mean --strict?)",
        ),
        (["convert", "a.json", "b.xml", "--no-clober"], "incidents convert", "--no-clobber?"),
        (
            ["--verbsoe", "validate", "x"],
            "incidents validate",
            "--verbsoe (did you mean --verbose?)",
        ),
        (["schema", "--fromat", "xsd"], "incidents schema", "--fromat (did you mean --format?)"),
    ],
)
def test_a_mistyped_option_suggests_the_right_one(
    capsys: pytest.CaptureFixture[str], arguments: list[str], usage: str, hint: str
) -> None:
    """An unknown option is reported with the nearest option of that command, under the
    command's own usage line."""
    code, _, err = run(capsys, *arguments)
    assert 2 == code
    assert err.startswith(f"usage: {usage} ")
    assert "unrecognized arguments: " in err
    assert hint in err


def test_an_option_near_nothing_is_reported_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    """No suggestion is made up for an option unlike any other."""
    code, _, err = run(capsys, "validate", "--xyzzy", "x")
    assert 2 == code
    assert err.endswith("incidents validate: error: unrecognized arguments: --xyzzy\n")


@pytest.mark.parametrize(
    ("arguments", "verbosity"),
    [
        (["validate", "x"], "normal"),
        (["-v", "validate", "x"], "verbose"),
        (["validate", "-v", "x"], "verbose"),
        (["validate", "x", "--verbose"], "verbose"),
        (["-q", "validate", "x"], "quiet"),
        (["validate", "--quiet", "x"], "quiet"),
        (["-q", "validate", "-v", "x"], "verbose"),
        (["-v", "show", "x"], "verbose"),
        (["schema", "-q"], "quiet"),
    ],
)
def test_quiet_and_verbose_go_before_or_after_the_command(
    arguments: list[str], verbosity: str
) -> None:
    """-q and -v are accepted on both sides of the command; the last one given wins."""
    assert verbosity == parse(arguments).verbosity


def test_quiet_and_verbose_together_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """-q and -v on the same side of the command contradict each other."""
    code, _, err = run(capsys, "validate", "-q", "-v", "x")
    assert 2 == code
    assert "not allowed with argument" in err


def test_verbose_before_and_after_the_command_prints_the_same(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """incidents -v validate F and incidents validate -v F print the same report."""
    before = run(capsys, "-v", "validate", str(EXAMPLE))
    after = run(capsys, "validate", "-v", str(EXAMPLE))
    assert before == after
    assert f"{EXAMPLE}: ok\n1 file checked: 0 invalid, 0 errors, 0 warnings\n" == before[1]


def _epilog(command: str) -> str:
    main_parser = parser()
    if command == "incidents":
        return main_parser.epilog or ""
    [subcommands] = [
        action for action in main_parser._actions if hasattr(action, "_name_parser_map")
    ]
    return subcommands.choices[command].epilog or ""


@pytest.mark.parametrize(
    ("command", "exit_1"),
    [
        ("incidents", "problems found in the input"),
        ("validate", "problems found: a file has errors"),
        ("convert", "the input has errors"),
        ("show", "the dataset has errors"),
        ("plot", "the dataset cannot be read"),
        ("schema", None),
        ("vocab", None),
    ],
)
def test_each_command_has_its_own_exit_codes(command: str, exit_1: str | None) -> None:
    """Every help ends with the exit codes of that command; those that read no dataset
    have no exit code 1."""
    epilog = _epilog(command)
    codes = epilog[epilog.index("exit codes:") :]
    assert "  0  " in codes
    assert "  2  " in codes
    if exit_1 is None:
        assert "  1  " not in codes
        assert "problems found in the input" not in epilog
    else:
        assert exit_1 in codes


def test_schema_help_speaks_of_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    """schema --help says what its exit codes mean for it."""
    code, out, _ = run(capsys, "schema", "--help")
    assert 0 == code
    assert "problem" not in out
    assert "0  the schema printed or written" in out
    assert "-q, --quiet           do not say what was written (with -o)" in out


HEAVY = (
    "incidents.formats",
    "incidents.validation",
    "incidents.schemagen",
    "incidents.views",
    "incidents.charts",
    "incidents._compile",
    "jsonschema",
    "lxml",
    "cattrs",
)

_PROBE = textwrap.dedent(
    """
    import importlib.abc, sys, types
    from pathlib import Path

    HEAVY = {heavy!r}

    class Refuse(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in HEAVY or ".".join(name.split(".")[:2]) in HEAVY:
                raise ImportError(f"the command line's start imported {{name}}")
            return None

    sys.meta_path.insert(0, Refuse())
    # The package without its __init__, which loads its own names: only the command line's
    # own imports are on trial here.
    package = types.ModuleType("incidents")
    package.__path__ = [str(Path({root!r}) / "incidents")]
    sys.modules["incidents"] = package
    from incidents.cli.app import main
    codes = [main(arguments) for arguments in {runs!r}]
    print(codes, file=sys.stderr)
    """
)


def test_the_start_imports_no_reader_or_validator() -> None:
    """--version and every --help build the parser without importing the formats, the
    validators, the schema generators, the views or their libraries."""
    runs = [["--version"], ["--help"]] + [
        [command, "--help"] for command in ("validate", "convert", "schema", "show", "plot")
    ]
    probe = _PROBE.format(heavy=HEAVY, root=str(ROOT), runs=runs)
    result = subprocess.run(  # noqa: S603 - the test's own interpreter
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert f"{[0] * len(runs)}\n" == result.stderr
    assert result.stdout.startswith("incidents ")


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_is_answered_before_the_parser_is_built(flag: str) -> None:
    """``python -m incidents --version`` prints the version without importing the parser,
    the subcommands or argparse (the fast path of :func:`incidents.cli.main`)."""
    probe = (
        "import runpy, sys\n"
        f"sys.argv = ['incidents', {flag!r}]\n"
        "try:\n"
        "    runpy.run_module('incidents', run_name='__main__')\n"
        "except SystemExit as exit_:\n"
        "    assert exit_.code == 0, exit_.code\n"
        "loaded = {'incidents.cli.app', 'argparse'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(  # noqa: S603 - the test's own interpreter
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"incidents {incidents.__version__}\n"


def test_the_probe_would_catch_a_heavy_import() -> None:
    """The same probe fails when a subcommand does load the validators (it can fail)."""
    probe = _PROBE.format(heavy=HEAVY, root=str(ROOT), runs=[["validate", str(EXAMPLE)]])
    result = subprocess.run(  # noqa: S603 - the test's own interpreter
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert "the command line's start imported incidents." in result.stderr


def test_the_command_stays_callable_after_it_ran(capsys: pytest.CaptureFixture[str]) -> None:
    """``incidents.cli.main`` is the function after a command has loaded the parser too (a
    submodule of that name would have replaced it on the package at its first import)."""
    from incidents import cli

    assert 0 == cli.main(["vocab"])
    assert callable(cli.main)
    assert 0 == cli.main(["--version"])
    assert capsys.readouterr().out.endswith(f"incidents {incidents.__version__}\n")
