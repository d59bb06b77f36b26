"""The chart's one font, and which texts it draws."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

from incidents.charts.fonts import FONT_FILES, drawable, font


@pytest.mark.parametrize(
    "text",
    ["Ilham Əliyev", "Ağdam, Şuşa, Gəncə", "Ильхам Алиев", "Ζελένσκι", "Հայաստան", "→ · …"],
)
def test_latin_azerbaijani_cyrillic_greek_and_armenian_are_drawn(text):
    """The scripts DejaVu Sans covers are drawn as written."""
    assert drawable(text)


@pytest.mark.parametrize("text", ["إلهام علييف", "אבא", "阿利耶夫", "イルハム", "일함"])
def test_arabic_hebrew_and_cjk_are_not(text):
    """Right-to-left scripts (set unjoined and reversed) and CJK (no glyphs) are refused."""
    assert not drawable(text)


def test_the_font_is_the_copy_inside_matplotlib():
    """The font file is Matplotlib's own, not one found on the machine."""
    properties = font(9, bold=True)
    assert Path(matplotlib.get_data_path()) / FONT_FILES[1] == Path(properties.get_file())
    assert 9 == properties.get_size_in_points()
