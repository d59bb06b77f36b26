"""The problem code table: well-formed, complete, and documented in docs/codes.md."""

from __future__ import annotations

import re
from pathlib import Path

from incidents.validation.codes import CODES, Layer, Severity, codes_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_docs_table_matches_the_code_table():
    """docs/codes.md is what `python -m incidents.validation.codes` generates (no hand edits)."""
    assert codes_markdown() == (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")


def test_codes_are_well_formed_and_layered():
    """Codes are E or W plus three digits; the hundreds digit names the layer; each says what
    it means and what to do."""
    digit = {"1": Layer.SYNTAX, "2": Layer.SCHEMA, "3": Layer.MODEL, "4": Layer.SEMANTICS}
    for code, entry in CODES.items():
        assert re.fullmatch(r"[EW][1-4]\d\d|E999", code), code
        assert code == entry.code
        if code != "E999":
            assert digit[code[1]] == entry.layer, code
        expected = Severity.ERROR if code.startswith("E") else Severity.WARNING
        assert expected == entry.severity
        assert entry.title
        assert entry.explanation.endswith(".")
        assert entry.fix.endswith("."), code


def test_every_code_the_library_emits_is_in_the_table():
    """Each code literal in the package source is defined in the table."""
    emitted = set()
    for path in (ROOT / "incidents").glob("*.py"):
        emitted |= set(re.findall(r'"([EW]\d{3})"', path.read_text(encoding="utf-8")))
    assert set() == emitted - set(CODES)
