"""The manifest: keys, their checks, the globs."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidents.collection.manifest import Manifest, glob_pattern, read_manifest


def _read(tmp_path: Path, text: str) -> tuple[Manifest, list[tuple[str, int | None]]]:
    path = tmp_path / "incidents.toml"
    path.write_text(text, encoding="utf-8")
    manifest, problems = read_manifest(path, "folder")
    return manifest, [(problem.message, problem.line) for problem in problems]


def test_a_manifest_is_read(tmp_path: Path) -> None:
    """Every key is read; lists become tuples."""
    text = 'name = "x"\ndescription = "d"\nformat = "1.0"\ninclude = ["**/*.json"]\nexclude = []\n'
    manifest, problems = _read(tmp_path, text)
    assert [] == problems
    assert Manifest(name="x", description="d", format="1.0", include=("**/*.json",)) == manifest


def test_a_typo_is_named_with_its_line_and_the_nearest_key(tmp_path: Path) -> None:
    """An unknown key is E110 at its line, with the key it probably meant."""
    _, problems = _read(tmp_path, 'name = "x"\nexlude = ["a/**"]\n')
    ((message, line),) = problems
    assert 2 == line
    assert "unknown key 'exlude'; did you mean 'exclude'?" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("format = 1.0\n", "format: expected a version string"),
        ('format = "2.0"\n', "is not a 1.x version"),
        ('format = "1.99"\n', "newer than this library reads"),
        ('include = "*.json"\n', "include: expected a list of glob strings"),
        ('exclude = ["/abs/**"]\n', "is not a glob relative to the root"),
        ('name = "x\n', "not TOML"),
    ],
)
def test_wrong_values_are_problems(tmp_path: Path, text: str, expected: str) -> None:
    """Each wrong value is one problem saying what is expected, at line 1."""
    _, problems = _read(tmp_path, text)
    ((message, line),) = problems
    assert expected in message
    assert 1 == line


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("**/*.json", "a.json", True),
        ("**/*.json", "a/b/c.json", True),
        ("*.json", "a/b.json", False),
        ("drafts/**", "drafts/x/y.json", True),
        ("data/?.xml", "data/a.xml", True),
        ("data/[!a]*.xml", "data/a1.xml", False),
        ("data/[ab]*.xml", "data/b1.xml", True),
    ],
)
def test_globs(glob: str, path: str, matches: bool) -> None:
    """``*`` stays in a folder, ``**`` crosses folders, ``?`` and sets as in shells."""
    assert matches == (glob_pattern(glob).fullmatch(path) is not None)


def test_include_and_exclude_select_files() -> None:
    """A file belongs when an include glob matches it and no exclude glob does."""
    manifest = Manifest(include=("**/*.json",), exclude=("drafts/**",))
    assert manifest.selects("a/b.json")
    assert not manifest.selects("drafts/b.json")
    assert not manifest.selects("a/b.xml")
    assert manifest.excludes_folder("drafts")
