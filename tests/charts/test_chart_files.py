"""Writing charts: the same bytes every time, by suffix, atomically."""

from __future__ import annotations

import re

import pytest

from incidents import ArgumentError, FileError, examples
from incidents.charts import chart_bytes, plot, save

CRISIS = examples.load("sputnik-azerbaijan-2025")


@pytest.mark.parametrize("form", ["svg", "png", "pdf"])
def test_the_same_chart_gives_the_same_bytes(form):
    """Two charts of one dataset, drawn apart, are byte for byte the same file."""
    assert chart_bytes(plot(CRISIS), form) == chart_bytes(plot(CRISIS), form)


def test_svg_has_no_date_and_its_text_as_outlines():
    """The SVG carries no time stamp, names its title, and draws text as paths."""
    svg = chart_bytes(plot(CRISIS, title="Sputnik"), "svg").decode("utf-8")
    assert "<dc:date>" not in svg
    assert "<dc:title>Sputnik</dc:title>" in svg
    assert "<text" not in svg
    assert "<!-- Sputnik -->" in svg
    assert re.search(r'<path id="DejaVuSans-', svg)


def test_save_writes_by_suffix(tmp_path):
    """.svg, .png and .pdf files start as their formats do; nothing else is left behind."""
    figure = plot(CRISIS)
    for name, start in [("c.svg", b"<?xml"), ("c.png", b"\x89PNG"), ("c.PDF", b"%PDF")]:
        save(figure, tmp_path / name)
        assert (tmp_path / name).read_bytes().startswith(start)
    assert ["c.PDF", "c.png", "c.svg"] == sorted(p.name for p in tmp_path.iterdir())


def test_an_unknown_suffix_or_folder_is_a_file_error(tmp_path):
    """A .jpg, or a folder that does not exist, is a FileError naming the file."""
    figure = plot(CRISIS)
    with pytest.raises(FileError, match=r"unknown chart type '\.jpg'; use \.svg, \.png, \.pdf"):
        save(figure, tmp_path / "c.jpg")
    with pytest.raises(FileError, match="cannot create a file here"):
        save(figure, tmp_path / "missing" / "c.svg")
    with pytest.raises(ArgumentError, match="use one of svg, png, pdf"):
        chart_bytes(figure, "gif")
