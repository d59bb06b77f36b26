"""Tests for ``incidents convert``: what it says it wrote, and ``--no-clobber``."""

from __future__ import annotations

from pathlib import Path

import pytest

import incidents
from incidents.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "sputnik-azerbaijan-2025.json"


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """main(arguments): the exit code, standard output and standard error."""
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("suffix", "name"), [(".xml", "XML"), (".jsonl", "JSON Lines"), (".json", "JSON")]
)
def test_convert_says_what_it_wrote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str, name: str
) -> None:
    """One line on standard error: the file, how many records, which format."""
    target = tmp_path / f"out{suffix}"
    records = len(incidents.read(EXAMPLE))
    assert (0, "", f"wrote {target} ({records} records, {name})\n") == run(
        capsys, "convert", str(EXAMPLE), str(target)
    )
    assert incidents.read(EXAMPLE) == incidents.read(target)


def test_quiet_convert_says_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """-q (before or after the command) leaves the message out; --to never prints it."""
    assert (0, "", "") == run(capsys, "-q", "convert", str(EXAMPLE), str(tmp_path / "a.xml"))
    assert (0, "", "") == run(capsys, "convert", str(EXAMPLE), str(tmp_path / "b.xml"), "-q")
    code, out, err = run(capsys, "convert", str(EXAMPLE), "--to", "xml")
    assert (0, "") == (code, err)
    assert out.startswith("<?xml")


def test_no_clobber_refuses_an_existing_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--no-clobber keeps an existing file (exit 2, one line) and writes a new one."""
    existing = tmp_path / "kept.xml"
    existing.write_bytes(b"keep me")
    code, out, err = run(capsys, "convert", "--no-clobber", str(EXAMPLE), str(existing))
    assert (2, "") == (code, out)
    assert f"incidents: {existing}: already exists; nothing written (--no-clobber)\n" == err
    assert b"keep me" == existing.read_bytes()
    fresh = tmp_path / "fresh.xml"
    assert 0 == run(capsys, "convert", "--no-clobber", str(EXAMPLE), str(fresh))[0]
    assert incidents.read(EXAMPLE) == incidents.read(fresh)
    assert 0 == run(capsys, "convert", str(EXAMPLE), str(existing))[0]  # without: replaced
    assert incidents.read(EXAMPLE) == incidents.read(existing)


def test_no_clobber_counts_a_dangling_link_as_existing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A symbolic link to nothing is a file name in use: it is not replaced."""
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "nowhere.json")
    assert 2 == run(capsys, "convert", "--no-clobber", str(EXAMPLE), str(link))[0]
    assert link.is_symlink()


def test_schema_says_what_it_wrote(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """schema -o says it wrote the file, unless quiet."""
    target = tmp_path / "incidents.xsd"
    assert (0, "", f"wrote {target} (XSD)\n") == run(
        capsys, "schema", "--format", "xsd", "-o", str(target)
    )
    assert (0, "", "") == run(capsys, "schema", "-q", "-o", str(tmp_path / "s.json"))
