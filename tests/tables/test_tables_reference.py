"""The generated reference of the tables is committed and current."""

from __future__ import annotations

from pathlib import Path

from incidents.tables.columns import TABLE_NAMES
from incidents.tables.reference import tables_reference_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_committed_page_matches_the_code():
    """docs/reference/tables.md is what the code generates (run scripts/regenerate.py)."""
    committed = (ROOT / "docs" / "reference" / "tables.md").read_text(encoding="utf-8")
    assert tables_reference_markdown() == committed


def test_every_table_and_mapping_has_a_section():
    """Each table, and the PLOVER, UCDP, ACLED and CAMEO rows, have a heading."""
    text = tables_reference_markdown()
    for name in TABLE_NAMES:
        assert f"## `{name}`" in text
    for anchor in ("plover", "ucdp", "acled", "cameo"):
        assert f"{{#{anchor}}}" in text
