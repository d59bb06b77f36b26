"""incidents validate --collection, incidents merge and incidents diff, in process."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import incidents
from incidents.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
COLLECTION = ROOT / "examples" / "collection"
SPUTNIK = ROOT / "examples" / "sputnik-azerbaijan-2025.json"
AZAL = ROOT / "examples" / "azal-downing-2024.json"


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def conflicted(tmp_path: Path) -> Path:
    """A copy of the example collection whose raids file gives Azerbaijan another name."""
    folder = tmp_path / "crisis"
    shutil.copytree(COLLECTION, folder)
    actors = incidents.read(folder / "actors.json")
    azerbaijan = incidents.converter.unstructure(actors["actor:azerbaijan"])
    raids = folder / "incidents" / "02-yekaterinburg-raids-2025.json"
    data = json.loads(raids.read_text(encoding="utf-8"))
    data["actors"] = [{**azerbaijan, "name": "Republic of Azerbaijan"}]
    raids.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return folder


def test_a_collection_validates_whole_and_its_files_alone_do_not(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With a manifest or --collection, references resolve across files; file by file not."""
    assert (0, "9 files checked: 0 invalid, 0 errors, 0 warnings\n") == run(
        capsys, "validate", str(COLLECTION)
    )[:2]
    plain = tmp_path / "plain"
    shutil.copytree(COLLECTION, plain)
    (plain / "incidents.toml").unlink()
    code, out, _ = run(capsys, "validate", str(plain))
    assert 1 == code
    assert "E402" in out
    assert 0 == run(capsys, "validate", "--collection", str(plain))[0]
    code, out, _ = run(
        capsys, "validate", str(plain / "incidents" / "01-azal-plane-downing-2024.json")
    )
    assert 1 == code


def test_a_conflict_is_one_line_naming_both_files(
    capsys: pytest.CaptureFixture[str], conflicted: Path
) -> None:
    """E410 at the file, line and column of the copy, naming actors.json; JSON has the file."""
    code, out, _ = run(capsys, "validate", str(conflicted))
    assert 1 == code
    line = next(text for text in out.splitlines() if "E410" in text)
    assert line.startswith(str(conflicted / "incidents" / "02-yekaterinburg-raids-2025.json") + ":")
    assert "actors.json" in line
    assert "they differ in: name" in line
    code, out, _ = run(capsys, "validate", "--format", "json", str(conflicted))
    files = json.loads(out)["files"]
    (bad,) = [entry for entry in files if not entry["ok"]]
    assert bad["problems"][0]["file"] == bad["path"]


def test_merge_writes_one_file_or_reports_conflicts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, conflicted: Path
) -> None:
    """Merge two files atomically; a collection with a conflict is not read; exit 1."""
    output = tmp_path / "both.json"
    code, out, _ = run(capsys, "merge", str(SPUTNIK), str(AZAL), "-o", str(output))
    assert 0 == code
    merged = incidents.read(output)
    assert incidents.merge(incidents.read(SPUTNIK), incidents.read(AZAL)) == merged
    assert f"{output}: {len(merged)} records from 2 inputs\n" == out
    code, _, err = run(capsys, "merge", str(conflicted), "-o", str(tmp_path / "nope.json"))
    assert 1 == code
    assert "E410" in err
    assert not (tmp_path / "nope.json").exists()


def test_merge_conflicts_stop_it_unless_a_side_is_preferred(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two titles: both printed with both files, nothing written; --prefer last writes."""
    other = tmp_path / "other.json"
    data = json.loads(SPUTNIK.read_text(encoding="utf-8"))
    data["incidents"][0]["title"] = "The Sputnik raid"
    other.write_text(json.dumps(data), encoding="utf-8")
    output = tmp_path / "out.json"
    code, _, err = run(capsys, "merge", str(SPUTNIK), str(other), "-o", str(output))
    assert 1 == code
    assert "(" + str(SPUTNIK) in err
    assert "'The Sputnik raid' (" + str(other) + ")" in err
    assert "nothing written" in err
    assert not output.exists()
    assert (
        0
        == run(capsys, "merge", str(SPUTNIK), str(other), "-o", str(output), "--prefer", "last")[0]
    )
    assert "The Sputnik raid" == incidents.read(output).incidents[0].title


def test_merge_refuses_to_overwrite_an_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The output may not be an input, nor inside an input folder: exit 2."""
    copy = tmp_path / "a.json"
    shutil.copy(SPUTNIK, copy)
    code, _, err = run(capsys, "merge", str(copy), str(AZAL), "-o", str(copy))
    assert 2 == code
    assert "never overwrites" in err
    code, _, err = run(capsys, "merge", str(COLLECTION), "-o", str(COLLECTION / "all.json"))
    assert 2 == code
    assert "inside the collection" in err


def test_diff_exit_codes_and_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Equal: exit 0 and nothing printed; different: exit 1, text or JSON; unreadable: 2."""
    assert (0, "", "") == run(capsys, "diff", str(SPUTNIK), str(SPUTNIK))
    code, out, _ = run(capsys, "diff", str(SPUTNIK), str(AZAL))
    assert 1 == code
    assert any(line.startswith("+ incident:azal-plane-downing-2024 (") for line in out.splitlines())
    code, out, _ = run(capsys, "diff", "--format", "json", str(SPUTNIK), str(AZAL))
    delta = json.loads(out)
    assert not delta["equal"]
    assert "incident:azal-plane-downing-2024" in {entry["id"] for entry in delta["added"]}
    crisis = ROOT / "examples" / "russia-azerbaijan-2025.json"
    assert (1, "~ order of measures changed\n", "") == run(
        capsys, "diff", str(crisis), str(COLLECTION)
    )
    code, _, err = run(capsys, "diff", str(SPUTNIK), str(tmp_path / "missing.json"))
    assert 2 == code
    assert "Traceback" not in err


def test_diff_and_validate_write_nothing(
    capsys: pytest.CaptureFixture[str], conflicted: Path
) -> None:
    """After validate and diff, the collection folder holds exactly the files it held."""
    before = sorted(os.listdir(conflicted)) + sorted(os.listdir(conflicted / "incidents"))
    run(capsys, "validate", str(conflicted))
    run(capsys, "diff", str(COLLECTION), str(SPUTNIK))
    after = sorted(os.listdir(conflicted)) + sorted(os.listdir(conflicted / "incidents"))
    assert before == after
