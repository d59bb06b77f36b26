"""The chart's one font, and which texts it can draw.

Every text of the chart is set in DejaVu Sans, the copy that ships inside Matplotlib
(``mpl-data/fonts/ttf``), never a font found on the machine: the same input gives the same
picture and the same bytes everywhere. DejaVu Sans covers Latin (Azerbaijani's schwa, g
with breve and dotless i included), Greek, Cyrillic, Armenian and Georgian, but not
Chinese, Japanese or Korean; and
although it has Arabic and Hebrew letters, Matplotlib sets text left to right without
joining letters, so Arabic or Hebrew would come out reversed and broken. :func:`drawable`
therefore refuses a text with a character the font lacks or one written right to left,
and the chart uses another name for it (see :mod:`incidents.charts.lanes`), so no glyph is
ever missing and no warning is ever raised.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from matplotlib.font_manager import FontProperties

__all__ = ["FONT_FILES", "drawable", "font"]

#: The font files used, regular and bold, inside Matplotlib's data folder.
FONT_FILES: Final = ("fonts/ttf/DejaVuSans.ttf", "fonts/ttf/DejaVuSans-Bold.ttf")

#: Bidirectional classes of characters written right to left (Hebrew, Arabic, Syriac...).
_RIGHT_TO_LEFT: Final = frozenset({"R", "AL"})


@cache
def _path(bold: bool) -> str:
    import matplotlib

    return str(Path(matplotlib.get_data_path()) / FONT_FILES[bold])


@cache
def _characters() -> frozenset[int]:
    """The code points both the regular and the bold font have a glyph for."""
    from matplotlib.ft2font import FT2Font

    regular, bold = (frozenset(FT2Font(_path(weight)).get_charmap()) for weight in (0, 1))
    return regular & bold


def drawable(text: str) -> bool:
    """Whether the chart's font draws ``text`` as it should be read: every character has
    a glyph and none is written right to left."""
    characters = _characters()
    return all(
        (ord(character) in characters or character in "\n\t")
        and unicodedata.bidirectional(character) not in _RIGHT_TO_LEFT
        for character in text
    )


def font(size: float, *, bold: bool = False) -> FontProperties:
    """The chart's font at ``size`` points."""
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=_path(bold), size=size)
