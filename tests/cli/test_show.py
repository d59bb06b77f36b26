"""Tests for ``incidents show``: it reports what ``validate`` reports, and the summary as
JSON data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import incidents
import incidents.cli.inputs
from incidents.cli.app import main
from incidents.cli.show import summary_document
from incidents.views.summary import contested_facts, timeline

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "sputnik-azerbaijan-2025.json"
CRISIS = ROOT / "examples" / "russia-azerbaijan-2025.json"
TRIGGER = '"incident:safarov-brothers-deaths-2025"\n'
MISSPELT = '"incident:safarov-brother-deaths-2025"\n'


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """main(arguments): the exit code, standard output and standard error."""
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dangling(tmp_path: Path) -> Path:
    """The Sputnik example with one reference to an incident that is not in it."""
    path = tmp_path / "dangling.json"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert TRIGGER in text
    path.write_text(text.replace(TRIGGER, MISSPELT, 1), encoding="utf-8")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A JSON file with three problems: a bad kind, a bad date and a missing name."""
    path = tmp_path / "bad.json"
    path.write_text(
        '{"schema_version": "1.0",\n'
        ' "actors": [{"id": "actor:a", "kind": "stat", "name": "A"},\n'
        '            {"id": "actor:b", "kind": "state"}],\n'
        ' "incidents": [{"id": "incident:i", "kind": "raid", "title": "T",\n'
        '                "date": "2025-6-27"}]}\n',
        encoding="utf-8",
    )
    return path


def _problem_lines(capsys: pytest.CaptureFixture[str], path: Path) -> list[str]:
    """The lines ``incidents validate PATH`` prints for the problems (the summary left out)."""
    main(["validate", str(path)])
    return capsys.readouterr().out.splitlines()[:-1]


def test_show_prints_exactly_the_problems_validate_prints(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    """On a file that is no dataset, show prints validate's problem lines, positions and
    all, says it read nothing, and exits 1."""
    expected = _problem_lines(capsys, broken)
    assert 3 <= len(expected)
    assert all(line.startswith(f"{broken}:") for line in expected)
    code, out, err = run(capsys, "show", str(broken))
    assert (1, "") == (code, out)
    *problems, last = err.splitlines()
    assert expected == problems
    assert f"incidents: {broken}: invalid ({len(expected)} errors); not read as a dataset" == last


def test_a_dangling_reference_is_shown_and_exits_1(
    capsys: pytest.CaptureFixture[str], dangling: Path
) -> None:
    """A dataset whose only problem is semantic is summarised, its problem printed with
    line and column, and the exit code is 1."""
    code, out, err = run(capsys, "show", str(dangling))
    assert 1 == code
    assert out.startswith(f"{dangling}\n\n  actors ")
    assert "incident:safarov-brother-deaths-2025" in err
    assert err.startswith(f"{dangling}:927:9: E402 refers to 'incident:safarov-brother-deaths")
    assert err.endswith(f"incidents: {dangling}: invalid (1 error)\n")


def test_quiet_show_leaves_out_the_verdict_line(
    capsys: pytest.CaptureFixture[str], dangling: Path
) -> None:
    """-q keeps the problems and drops the closing verdict."""
    code, _, err = run(capsys, "-q", "show", str(dangling))
    assert 1 == code
    assert 1 == len(err.splitlines())
    assert ": E402 " in err


def test_warnings_are_shown_for_a_valid_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A dataset with only warnings is summarised, its warnings printed, exit 0."""
    path = tmp_path / "warned.jsonl"
    path.write_text(
        '{"schema_version":"1.0"}\n{"source":{"id":"source:s","title":"S"}}\n'
        '{"incident":{"id":"incident:i","kind":"raid","title":"T","date":"2025",'
        '"casualties":[{"outcome":"killed","count":[{"value":{"best":1}}]}],'
        '"citations":[{"source":"source:s"}]}}\n',
        encoding="utf-8",
    )
    expected = _problem_lines(capsys, path)
    code, out, err = run(capsys, "show", str(path))
    assert 0 == code
    assert "\nTimeline\n" in out
    assert expected == err.splitlines()
    assert ": W402 " in err


def test_show_json_is_the_summary_as_data(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives the counts, the timeline and the contested facts of the text."""
    code, out, err = run(capsys, "show", "--format", "json", str(CRISIS))
    assert (0, "") == (code, err)
    document = json.loads(out)
    dataset = incidents.read(CRISIS)
    assert {"path", "ok", "problems", "summary"} == set(document)
    assert (str(CRISIS), True, []) == (document["path"], document["ok"], document["problems"])
    assert summary_document(dataset) == document["summary"]
    summary = document["summary"]
    counts = {"actors": 48, "sources": 5, "incidents": 6, "measures": 26, "records": 85}
    assert counts == summary["counts"]
    assert [entry.record.id for entry in timeline(dataset)] == [
        entry["id"] for entry in summary["timeline"]
    ]
    facts = contested_facts(dataset)
    assert [(fact.record_id, fact.fact) for fact in facts] == [
        (fact["record"], fact["fact"]) for fact in summary["contested"]
    ]


def test_show_json_entries_have_every_key() -> None:
    """Each timeline entry and claim carries the documented keys, values in wire form."""
    summary = summary_document(incidents.read(CRISIS))
    common = {"date", "id", "record", "kind", "in_response_to", "links"}
    for entry in summary["timeline"]:
        extra = (
            {"title"}
            if entry["record"] == "incident"
            else {"initiator", "targets", "status", "announced", "effective"}
        )
        assert common | extra == set(entry), entry["id"]
    raids = next(e for e in summary["timeline"] if e["id"] == "incident:yekaterinburg-raids-2025")
    assert ("2025-06-27", "raid", "incident") == (raids["date"], raids["kind"], raids["record"])
    claim_keys = {"value", "stance", "claimed_by", "confidence", "date", "sources"}
    claims = [claim for fact in summary["contested"] for claim in fact["claims"]]
    assert claims
    assert all(claim_keys == set(claim) for claim in claims)
    assert {"asserts", "denies"} >= {claim["stance"] for claim in claims}
    counted = next(
        fact for fact in summary["contested"] if fact["fact"] == "casualty 1 (detained): count"
    )
    assert {"best": 50, "qualifier": "about"} == counted["claims"][0]["value"]


@pytest.mark.parametrize(("form", "start"), [("graph", "flowchart LR"), ("timeline", "timeline")])
def test_the_diagrams_come_with_the_problems(
    capsys: pytest.CaptureFixture[str], dangling: Path, form: str, start: str
) -> None:
    """The Mermaid forms are drawn for a readable dataset and its problems still printed."""
    code, out, err = run(capsys, "show", "--format", form, str(dangling))
    assert 1 == code
    assert out.startswith(start)
    assert ": E402 " in err


def test_show_json_of_a_file_that_is_no_dataset(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    """The JSON document carries validate's problems and no summary; exit 1, stderr quiet."""
    main(["validate", "--format", "json", str(broken)])
    expected = json.loads(capsys.readouterr().out)["files"][0]["problems"]
    code, out, err = run(capsys, "show", "--format", "json", str(broken))
    assert (1, "") == (code, err)
    document = json.loads(out)
    assert (False, expected, None) == (document["ok"], document["problems"], document["summary"])


def test_an_oversized_document_is_not_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document over the size limit is reported (E108) and not read."""
    monkeypatch.setattr(incidents.cli.inputs, "MAX_DOCUMENT_BYTES", 100)
    code, out, err = run(capsys, "show", str(EXAMPLE))
    assert (1, "") == (code, out)
    assert err.startswith(f"{EXAMPLE}: E108 the document is ")
    assert err.endswith("invalid (1 error); not read as a dataset\n")


def test_what_the_reader_refuses_is_reported_even_if_validation_missed_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, broken: Path
) -> None:
    """Should validation ever pass a file the reader refuses, the reader's problems are
    printed and the exit code is 1."""
    monkeypatch.setattr(incidents.cli.inputs, "problems_in", lambda *_: iter(()))
    code, out, err = run(capsys, "show", str(broken))
    assert (1, "") == (code, out)
    assert f"{broken}: E204 the string 'stat'" in err  # the reader knows no line
    assert "(at /actors/0/kind)" in err
    assert err.endswith("; not read as a dataset\n")
