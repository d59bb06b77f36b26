"""Where values start in a JSON text: the whole map, and the map on the way to a few values.

Given pointers, the scanner goes down only the objects and arrays that enclose them; every
pointer on their way must then have exactly the position the whole map gives it, duplicate
keys included (the last one wins, as in the whole map).
"""

from __future__ import annotations

import json

import pytest

from benchmarks import corpus
from incidents.formats._text_positions import value_positions

DUPLICATES = '{"a": {"x": 1,\n "y": [2, {"z": 3}]},\n "a": {"x": [4, 5]}, "b": {"c": 6}}'


def _on_the_way(pointer: str) -> list[str]:
    parts = pointer.split("/")
    return ["/".join(parts[:end]) for end in range(1, len(parts) + 1)]


@pytest.mark.parametrize("text", [DUPLICATES, json.dumps(corpus.document(24), indent=2)])
def test_the_values_on_the_way_have_their_whole_map_positions(text):
    whole = value_positions(text)
    assert len(whole) > 5
    for pointer in whole:
        asked = [pointer, "/nowhere", f"{pointer}/missing/deeper"]
        some = value_positions(text, asked)
        for way in _on_the_way(pointer):
            assert some[way] == whole[way], (pointer, way)
        assert len(some) < len(whole) or pointer == ""


def test_duplicate_keys_take_the_last_value_and_keep_the_first_ones_other_members():
    some = value_positions(DUPLICATES, ["/a/x", "/a/y/1/z"])
    assert some["/a/x"] == (3, 13)  # the second "a"
    assert some["/a/y/1/z"] == (2, 17)  # only the first "a" has it
    assert "/b/c" not in some  # "b" is not on the way: stepped over


def test_nothing_asked_is_only_the_document():
    assert value_positions(DUPLICATES, []) == {"": (1, 1)}
