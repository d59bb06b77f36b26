"""Tests for the ``incidents`` command: every subcommand and exit code, through the real
entry point in a subprocess, and in process for the details."""

from __future__ import annotations

import io
import json
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import incidents
import incidents.cli.inputs
import incidents.cli.validate
import incidents.views.diagrams as diagrams
from incidents.cli.app import main
from incidents.cli.console import CLOSED_OUTPUT, ProgressBar, describe_problem
from incidents.cli.inputs import Input, expand, sniff
from incidents.cli.validate import Tally
from incidents.formats.jsonl import to_jsonl
from incidents.schemagen.json_generator import json_schema_text
from incidents.schemagen.xsd_generator import xml_schema
from incidents.validation.report import Problem

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "sputnik-azerbaijan-2025.json"

HEADER = '{"schema_version":"1.0"}'
ACTOR = '{"actor":{"id":"actor:a","kind":"state","name":"A"}}'
SOURCE = '{"source":{"id":"source:s","title":"S"}}'
UNCITED = (
    '{"incident":{"id":"incident:i","kind":"raid","title":"T","date":"2025",'
    '"casualties":[{"outcome":"killed","count":[{"value":{"best":1}}]}],'
    '"citations":[{"source":"source:s"}]}}'
)


def command(
    *arguments: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m incidents`` with the repository on the path."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(  # noqa: S603 - the test's own interpreter
        [sys.executable, "-m", "incidents", *arguments],
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=cwd or ROOT,
        check=False,
        timeout=120,
    )
    return result


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A valid JSON file, its JSON Lines and XML forms, and an invalid JSON Lines file."""
    dataset = incidents.read(EXAMPLE)
    paths = {
        "json": tmp_path / "crisis.json",
        "jsonl": tmp_path / "crisis.jsonl",
        "xml": tmp_path / "crisis.xml",
        "bad": tmp_path / "bad.jsonl",
        "warned": tmp_path / "warned.jsonl",
    }
    for name in ("json", "jsonl", "xml"):
        incidents.write(dataset, paths[name])
    paths["bad"].write_text(f"{HEADER}\n{ACTOR}\n{ACTOR.replace('state', 'x')}\n", "utf-8")
    paths["warned"].write_text(f"{HEADER}\n{SOURCE}\n{UNCITED}\n", "utf-8")
    return paths


# -- the real entry point, in a subprocess --------------------------------------------------


def test_version_and_help() -> None:
    """--version prints the version; --help works for the command and each subcommand."""
    result = command("--version")
    assert (0, f"incidents {incidents.__version__}\n") == (result.returncode, result.stdout)
    for arguments in ([], ["validate"], ["convert"], ["schema"], ["show"]):
        helped = command(*arguments, "--help")
        assert 0 == helped.returncode, arguments
        assert "exit codes:" in helped.stdout


def test_usage_errors_exit_2() -> None:
    """No subcommand, an unknown one, or a missing argument is a usage error."""
    for arguments in ([], ["frobnicate"], ["validate"], ["convert", "a.json"]):
        result = command(*arguments)
        assert 2 == result.returncode, arguments
        assert "Traceback" not in result.stderr


def test_validate_examples_folder_exits_0() -> None:
    """incidents validate examples/ finds every example and all are valid."""
    result = command("validate", "examples/")
    assert 0 == result.returncode, result.stdout + result.stderr
    # The files of examples/collection are counted one by one, checked as one collection.
    examples = [p for p in (ROOT / "examples").rglob("*.*") if p.suffix in (".json", ".xml")]
    assert f"{len(examples)} files checked: 0 invalid" in result.stdout


def test_validate_reports_problems_and_exits_1(files: dict[str, Path]) -> None:
    """Each problem is one line, path:line:column: CODE message; then the summary; exit 1."""
    result = command("validate", str(files["bad"]), str(files["json"]))
    assert 1 == result.returncode
    lines = result.stdout.splitlines()
    bad = re.escape(str(files["bad"]))
    assert re.fullmatch(rf"{bad}:3:16: E401 .* at line 2 \(at /actor/id\)", lines[0])
    assert re.fullmatch(rf"{bad}:3:\d+: E204 .* \(at /actor/kind\)", lines[1])
    assert "2 files checked: 1 invalid, 2 errors, 0 warnings" == lines[-1]


def test_validate_unreadable_paths_exit_2(tmp_path: Path, files: dict[str, Path]) -> None:
    """A missing file or a glob that matches nothing is an error on stderr, exit 2."""
    result = command("validate", str(files["json"]), str(tmp_path / "missing.json"), "nope/*.x")
    assert 2 == result.returncode
    assert f"incidents: {tmp_path / 'missing.json'}: no such file or folder" in result.stderr
    assert "incidents: nope/*.x: no files match this pattern" in result.stderr
    assert "Traceback" not in result.stderr
    reasons = f"{tmp_path / 'missing.json'}: no such file or folder; nope/*.x: no files match"
    assert result.stdout.endswith(f"0 warnings, 2 unreadable ({reasons} this pattern)\n")


def test_validate_reads_standard_input_in_every_format(files: dict[str, Path]) -> None:
    """- reads standard input and recognises JSON, XML and JSON Lines."""
    for name in ("json", "xml", "jsonl"):
        result = command("validate", "-", stdin=files[name].read_bytes())
        assert (0, "1 file checked: 0 invalid, 0 errors, 0 warnings\n") == (
            result.returncode,
            result.stdout,
        ), name
    bad = command("validate", "-", stdin=files["bad"].read_bytes())
    assert 1 == bad.returncode
    assert bad.stdout.startswith("<stdin>:3:")


def test_validate_strict_makes_warnings_fail(files: dict[str, Path]) -> None:
    """Warnings pass by default and fail with --strict."""
    relaxed = command("validate", str(files["warned"]))
    strict = command("validate", "--strict", str(files["warned"]))
    assert (0, 1) == (relaxed.returncode, strict.returncode)
    assert ": W402 " in relaxed.stdout
    assert "1 file checked: 1 invalid, 0 errors, 1 warning" in strict.stdout


def test_validate_format_json_is_one_document(files: dict[str, Path]) -> None:
    """--format json prints one JSON document with each file's problems and a summary."""
    result = command("validate", "--format", "json", str(files["bad"]), str(files["xml"]))
    assert 1 == result.returncode
    report = json.loads(result.stdout)
    assert [str(files["bad"]), str(files["xml"])] == [entry["path"] for entry in report["files"]]
    assert [False, True] == [entry["ok"] for entry in report["files"]]
    assert ["E401", "E204"] == [p["code"] for p in report["files"][0]["problems"]]
    expected = {"ok": False, "files": 2, "invalid": 1, "unreadable": 0, "errors": 2}
    assert expected == {key: report["summary"][key] for key in expected}


def test_no_progress_bar_when_standard_error_is_not_a_terminal(files: dict[str, Path]) -> None:
    """With standard error piped, nothing is drawn on it."""
    result = command("validate", str(files["jsonl"]), str(files["json"]), str(files["xml"]))
    assert (0, "") == (result.returncode, result.stderr)


def test_convert_writes_each_format_and_refuses_bad_input(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    """convert writes by suffix (exit 0), refuses invalid input (exit 1) writing nothing."""
    target = tmp_path / "out.xml"
    assert 0 == command("convert", str(files["jsonl"]), str(target)).returncode
    assert incidents.read(EXAMPLE) == incidents.read(target)
    refused = command("convert", str(files["bad"]), str(tmp_path / "bad.xml"))
    assert 1 == refused.returncode
    assert "nothing written" in refused.stderr
    assert not (tmp_path / "bad.xml").exists()


def test_convert_to_standard_output(files: dict[str, Path]) -> None:
    """--to writes the converted dataset to standard output."""
    result = command("convert", str(files["xml"]), "--to", "jsonl")
    assert 0 == result.returncode
    assert to_jsonl(incidents.read(EXAMPLE)) == result.stdout


def test_convert_never_overwrites_its_input(files: dict[str, Path]) -> None:
    """An output that is the input (by another spelling) is refused with exit 2."""
    original = files["json"].read_bytes()
    other_spelling = files["json"].parent / "." / files["json"].name
    result = command("convert", str(files["json"]), str(other_spelling))
    assert 2 == result.returncode
    assert "is the input file" in result.stderr
    assert original == files["json"].read_bytes()


def test_schema_prints_or_writes_the_bundled_schemas(tmp_path: Path) -> None:
    """schema prints the committed JSON Schema; --format xsd -o writes the XSD."""
    printed = command("schema")
    assert (0, json_schema_text()) == (printed.returncode, printed.stdout)
    target = tmp_path / "incidents.xsd"
    assert 0 == command("schema", "--format", "xsd", "-o", str(target)).returncode
    assert (ROOT / "schemas" / "incidents.xsd").read_bytes() == target.read_bytes()


def test_show_summarises_a_dataset(files: dict[str, Path]) -> None:
    """show prints counts, the timeline and the contested facts (exit 0)."""
    result = command("show", str(files["jsonl"]))
    assert 0 == result.returncode
    assert result.stdout.startswith(f"{files['jsonl']}\n\n  actors ")
    assert "\nTimeline\n" in result.stdout
    assert "\nContested facts\n" in result.stdout


def test_show_exit_codes(tmp_path: Path, files: dict[str, Path]) -> None:
    """show exits 1 for a file that is not a dataset and 2 for one that cannot be read."""
    bad = command("show", str(files["bad"]))
    assert 1 == bad.returncode
    assert ": E204 " in bad.stderr
    missing = command("show", str(tmp_path / "missing.xml"))
    assert 2 == missing.returncode


def _hooks(text: str) -> Any:
    """The hooks, parsed by PyYAML (which pre-commit, of the test extra, brings)."""
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load(text)


def test_the_pre_commit_hook_runs_the_validator() -> None:
    """.pre-commit-hooks.yaml declares incidents-validate for .json, .jsonl and .xml files."""
    hooks = _hooks((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert "incidents-validate" == hook["id"]
    assert "incidents validate" == hook["entry"]
    assert "python" == hook["language"]
    assert hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    assert all(pattern.search(name) for name in ("a.json", "b/c.jsonl", "d.xml"))
    assert not any(pattern.search(name) for name in ("a.json.bak", "b.txt", "c.xmlx"))


# -- in process: the details -----------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """main(arguments): the exit code, standard output and standard error."""
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err


def test_main_returns_the_exit_codes_of_help_and_usage_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--help and --version return 0, a usage error 2, without leaving main."""
    assert 0 == run(capsys, "--help")[0]
    assert (0, f"incidents {incidents.__version__}\n") == run(capsys, "--version")[:2]
    assert 2 == run(capsys, "validate")[0]


def test_validate_in_process(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    """Problems print as they are found, warnings do not fail, the folder is searched."""
    code, out, _ = run(capsys, "validate", str(files["json"].parent))
    assert 1 == code
    assert "5 files checked: 1 invalid, 2 errors, 1 warning" == out.splitlines()[-1]


def test_validate_json_in_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: dict[str, Path]
) -> None:
    """The JSON report lists unreadable paths with their reasons."""
    code, out, err = run(
        capsys, "validate", "--format", "json", str(files["warned"]), str(tmp_path / "no.json")
    )
    report = json.loads(out)
    assert 2 == code
    assert [{"path": str(tmp_path / "no.json"), "reason": "no such file or folder"}] == report[
        "unreadable"
    ]
    assert [True] == [entry["ok"] for entry in report["files"]]
    assert 1 == report["summary"]["warnings"]
    assert "no such file or folder" in err


def test_validate_standard_input_in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, files: dict[str, Path]
) -> None:
    """- is read once even when given twice."""
    stdin = io.TextIOWrapper(io.BytesIO(files["bad"].read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "validate", "-", "-")
    assert 1 == code
    assert out.startswith("<stdin>:3:")
    assert out.endswith("1 file checked: 1 invalid, 2 errors, 0 warnings\n")


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (FileNotFoundError(2, "No such file"), "no such file"),
        (IsADirectoryError(21, "Is a directory"), "is a directory, not a file"),
        (OSError(5, "Input/output error"), "Input/output error"),
    ],
)
def test_a_file_that_cannot_be_opened_is_unreadable(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, Path],
    error: OSError,
    reason: str,
) -> None:
    """A file found but not opened is exit 2 with its reason; the others are still checked."""
    original = Path.open

    def refuse(self: Path, *arguments: Any, **options: Any) -> Any:
        if self.name in ("crisis.json", "crisis.jsonl"):
            raise error
        return original(self, *arguments, **options)

    monkeypatch.setattr(Path, "open", refuse)
    code, out, err = run(capsys, "validate", str(files["json"]), str(files["xml"]))
    assert 2 == code
    assert f"incidents: {files['json']}: {reason}\n" == err
    assert out.endswith(f"0 warnings, 1 unreadable ({files['json']}: {reason})\n")
    assert 2 == run(capsys, "show", str(files["jsonl"]))[0]
    assert 2 == run(capsys, "convert", str(files["jsonl"]), "--to", "json")[0]


def test_an_oversized_document_is_e108(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, files: dict[str, Path]
) -> None:
    """A JSON or XML document over the size limit is refused without being read."""
    monkeypatch.setattr(incidents.cli.inputs, "MAX_DOCUMENT_BYTES", 100)
    code, out, _ = run(capsys, "validate", str(files["xml"]))
    assert 1 == code
    assert f"{files['xml']}: E108 the document is " in out


def test_convert_in_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: dict[str, Path]
) -> None:
    """convert's refusals: both or neither of OUT and --to, an unknown suffix, a folder."""
    assert 2 == run(capsys, "convert", str(files["json"]))[0]
    assert 2 == run(capsys, "convert", str(files["json"]), "x.xml", "--to", "xml")[0]
    code, _, err = run(capsys, "convert", str(files["json"]), str(tmp_path / "out.txt"))
    assert (2, "unknown file type '.txt'") == (code, err.split(": ", 2)[-1].split(";")[0])
    assert 2 == run(capsys, "convert", str(tmp_path), "--to", "xml")[0]
    assert 2 == run(capsys, "convert", str(tmp_path / "no.json"), "--to", "xml")[0]
    code, _, err = run(capsys, "convert", str(files["json"]), str(tmp_path / "no" / "x.jsonl"))
    assert 2 == code
    assert "cannot create a file here" in err
    code, out, _ = run(capsys, "convert", str(files["jsonl"]), "--to", "json")
    assert (0, incidents.to_json(incidents.read(EXAMPLE))) == (code, out)


def test_convert_prints_warnings_and_still_converts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: dict[str, Path]
) -> None:
    """Warnings go to standard error; the output is written."""
    code, _, err = run(capsys, "convert", str(files["warned"]), str(tmp_path / "w.json"))
    assert 0 == code
    assert ": W402 " in err
    assert (tmp_path / "w.json").exists()


def test_convert_and_show_read_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, files: dict[str, Path]
) -> None:
    """- works for convert and show, in any format."""
    for name in ("xml", "jsonl"):
        data = files[name].read_bytes()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        code, out, _ = run(capsys, "convert", "-", "--to", "json")
        assert (0, incidents.to_json(incidents.read(EXAMPLE))) == (code, out)
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(files["json"].read_bytes()), encoding="utf-8")
    )
    code, out, _ = run(capsys, "show", "-")
    assert 0 == code
    assert out.startswith("<stdin>\n")


def test_show_in_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: dict[str, Path]
) -> None:
    """show reports each parse problem of a bad XML file and says it read nothing."""
    bad = tmp_path / "bad.xml"
    bad.write_bytes(files["xml"].read_bytes().replace(b'kind="state"', b'kind="stat"', 1))
    code, _, err = run(capsys, "show", str(bad))
    assert 1 == code
    assert f"{bad}:" in err
    assert "E204" in err
    assert err.endswith(f"incidents: {bad}: invalid (1 error); not read as a dataset\n")
    assert 2 == run(capsys, "show", str(tmp_path))[0]


def test_schema_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """schema --format xsd prints the XSD; -o into a missing folder is exit 2."""
    assert (0, xml_schema().decode("utf-8")) == run(capsys, "schema", "--format", "xsd")[:2]
    target = tmp_path / "schema.json"
    assert 0 == run(capsys, "schema", "-o", str(target))[0]
    assert json_schema_text() == target.read_text(encoding="utf-8")
    assert 2 == run(capsys, "schema", "-o", str(tmp_path / "no" / "schema.json"))[0]


def test_interruptions_and_closed_pipes_end_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Ctrl-C exits 130 with a short message; a closed output pipe exits without a trace."""

    def interrupted(*_: Any, **__: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(incidents.cli.validate, "run", interrupted)
    assert (130, "", "incidents: interrupted\n") == run(capsys, "validate", "x")

    def closed(*_: Any, **__: Any) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(incidents.cli.validate, "run", closed)
    out = tmp_path / "out"
    with out.open("w") as stream:
        monkeypatch.setattr(sys, "stdout", stream)
        assert CLOSED_OUTPUT == main(["validate", "x"])


def test_progress_bar_is_drawn_only_on_a_terminal_after_the_delay() -> None:
    """The bar waits for the delay, redraws at most ten times a second, and clears itself."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    now = [0.0]
    terminal = Terminal()
    bar = ProgressBar(terminal, delay=2.0, clock=lambda: now[0], width=10)
    bar.update(0.1, "a.jsonl")
    assert "" == terminal.getvalue()
    now[0] = 2.5
    bar.update(0.5, "a.jsonl")
    assert "\ra.jsonl [#####.....]  50%" == terminal.getvalue()
    now[0] = 2.55
    bar.update(0.6, "a.jsonl")
    now[0] = 3.0
    bar.update(1.5, "x" * 50)
    assert terminal.getvalue().endswith(f"\r...{'x' * 33} [##########] 100%")
    bar.clear()
    bar.clear()
    assert terminal.getvalue().endswith("\r" + " " * 54 + "\r")
    assert 3 == terminal.getvalue().count("\r") - 1

    piped = io.StringIO()
    quiet = ProgressBar(piped, delay=0.0)
    quiet.update(0.5, "a")
    quiet.clear()
    assert "" == piped.getvalue()


def test_progress_bar_during_validation(
    monkeypatch: pytest.MonkeyPatch, files: dict[str, Path]
) -> None:
    """While files are checked the bar advances, and it is wiped before each output line."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(incidents.validation.stream, "PROGRESS_EVERY", 1)
    err, out = Terminal(), io.StringIO()
    bar = ProgressBar(err, delay=0.0, clock=iter(range(0, 10**6, 1)).__next__)
    code = incidents.cli.validate.run(
        [str(files["bad"]), str(files["jsonl"])], "text", False, out, err, bar
    )
    assert 1 == code
    assert "%" in err.getvalue()
    assert err.getvalue().endswith("\r")
    assert "\r" not in out.getvalue()


def test_paths_folders_and_globs_expand_in_order(tmp_path: Path) -> None:
    """Folders are searched recursively (hidden ones skipped), globs expanded, repeats dropped."""
    for name in ("b.json", "a.xml", "sub/c.jsonl", ".hidden/d.json", "e.txt", "sub/F.JSON"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found, failures = expand([str(tmp_path), str(tmp_path / "*.json"), "-", "-"])
    names = [Path(item.name).relative_to(tmp_path).as_posix() for item in found[:-1]]
    assert ["a.xml", "b.json", "sub/F.JSON", "sub/c.jsonl"] == names
    assert Input("<stdin>", None) == found[-1]
    assert [] == failures
    empty = tmp_path / "empty"
    empty.mkdir()
    assert ([], [(str(empty), "no .json, .jsonl or .xml files in this folder")]) == expand(
        [str(empty)]
    )
    found, _ = expand([str(tmp_path / "s*")])
    assert ["sub/F.JSON", "sub/c.jsonl"] == [
        Path(item.name).relative_to(tmp_path).as_posix() for item in found
    ]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<?xml version='1.0'?><dataset/>", "xml"),
        (b"\xef\xbb\xbf  <dataset/>", "xml"),
        (b'{"schema_version": "1.0"}\n', "json"),
        (b'{"schema_version":"1.0"}\n{"actor":{}}\n', "jsonl"),
        (b'{"schema_version":"1.0","actors":[]}\n{"x":1}\n', "json"),
        (b"{\n" + b'  "schema_version": "1.0"\n}\n', "json"),
        (b"{not json\nx\n", "json"),
        (b"", "json"),
    ],
)
def test_standard_input_is_recognised_by_its_start(head: bytes, expected: str) -> None:
    """XML starts with '<'; JSON Lines has the header alone on line 1 and more lines."""
    assert expected == sniff(head)


def test_problem_lines_leave_out_what_is_unknown() -> None:
    """The line, the column and the location appear only when known."""
    full = Problem(code="E204", message="bad", location="/actor/kind", line=3, column=7)
    assert "f.jsonl:3:7: E204 bad (at /actor/kind)" == describe_problem("f.jsonl", full)
    no_column = Problem(code="E104", message="deep", line=3)
    assert "f.jsonl:3: E104 deep" == describe_problem("f.jsonl", no_column)
    nowhere = Problem(code="E108", message="big")
    assert "f.json: E108 big" == describe_problem("f.json", nowhere)


def test_the_summary_counts_in_words() -> None:
    """Singular and plural nouns; unreadable files only when there are some."""
    tally = Tally()
    tally.add(counts=(1, 0))
    assert "1 file checked: 1 invalid, 1 error, 0 warnings" == tally.summary()
    tally.add(counts=(0, 2))
    tally.unreadable.append(("gone.json", "no such file or folder"))
    expected = "2 files checked: 1 invalid, 1 error, 2 warnings, 1 unreadable"
    assert f"{expected} (gone.json: no such file or folder)" == tally.summary()
    assert 2 == tally.exit_code()


def test_convert_refuses_invalid_input_in_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, files: dict[str, Path]
) -> None:
    """Errors are printed on standard error and nothing is written; the input is never the
    output."""
    target = tmp_path / "bad.xml"
    code, out, err = run(capsys, "convert", str(files["bad"]), str(target))
    assert (1, "") == (code, out)
    assert err.endswith(f"incidents: {files['bad']}: 2 errors; nothing written\n")
    assert not target.exists()
    assert 2 == run(capsys, "convert", str(files["json"]), str(files["json"]))[0]
    assert 2 == run(capsys, "convert", str(files["json"]), str(tmp_path / "noext"))[0]
    code, out, _ = run(capsys, "convert", str(files["json"]), "--to", "xml")
    assert (0, incidents.to_xml(incidents.read(EXAMPLE)).decode("utf-8")) == (code, out)


def test_python_dash_m_runs_main(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The package's __main__ exits with main's code."""
    monkeypatch.setattr(sys, "argv", ["incidents", "--version"])
    # A test that imported every module (tests/test_errors.py) leaves __main__ imported, and
    # runpy warns when it runs a module that is already there.
    monkeypatch.delitem(sys.modules, "incidents.__main__", raising=False)
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("incidents", run_name="__main__")
    assert 0 == caught.value.code
    assert f"incidents {incidents.__version__}\n" == capsys.readouterr().out


@pytest.mark.parametrize(("form", "start"), [("graph", "flowchart LR"), ("timeline", "timeline")])
def test_show_draws_mermaid(form: str, start: str) -> None:
    """`show --format graph|timeline` prints the Mermaid drawing incidents.views.diagrams makes."""
    path = Path(__file__).resolve().parents[2] / "examples" / "azal-downing-2024.json"
    result = subprocess.run(  # noqa: S603 - our own program with our own arguments
        [sys.executable, "-m", "incidents", "show", "--format", form, str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert 0 == result.returncode, result.stderr
    drawing = getattr(diagrams, "escalation_graph" if form == "graph" else "timeline")
    assert drawing(incidents.read(path)) == result.stdout
    assert result.stdout.startswith(start)
