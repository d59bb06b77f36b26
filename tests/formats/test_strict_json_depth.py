"""The depth check of the strict JSON reader: its quick reading gives the verdict of counting
the brackets outside the strings of the whole text, on every text."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from incidents.errors import ParseError
from incidents.formats import _strict_json
from incidents.formats._strict_json import MAX_DEPTH, parse_json


def _by_removing_strings(text: str) -> int:
    """The reference: every string removed from the text, then the brackets counted."""
    brackets = _strict_json._NOT_BRACKET.sub("", _strict_json._STRING.sub("", text))
    return max(itertools.accumulate(_strict_json._DEPTH_STEP[char] for char in brackets), default=0)


def _verdict(text: str) -> tuple[str, str] | None:
    try:
        parse_json(text)
    except ParseError as error:
        return error.problems[0].code, error.problems[0].message
    return None


def _reference_verdict(text: str) -> tuple[str, str] | None:
    """What the reader answered when it always removed the strings from the whole text."""
    deepest = _by_removing_strings(text)
    if text.count("[") + text.count("{") > MAX_DEPTH and deepest > MAX_DEPTH:
        message = f"arrays and objects are nested {deepest} levels deep; the limit is {MAX_DEPTH}"
        return "E104", message
    try:
        json.loads(text)
    except ValueError as error:
        return "E101", f"not valid JSON: {error.msg}"  # type: ignore[attr-defined]
    return None


#: Text made of what matters to the depth: brackets, quotes, backslashes, other characters.
_PIECES = st.text(alphabet='[]{}"\\ a:,né\u2028\U0001f600', max_size=200)
#: Deep text: many brackets around a few other pieces.
_DEEP = st.builds(
    lambda depth, inner, outer: outer + "[" * depth + inner + "]" * depth,
    st.integers(MAX_DEPTH - 3, MAX_DEPTH + 3),
    _PIECES,
    st.sampled_from(["", "\\", '"\\"', "\\[", '"']),
)


@given(_PIECES)
def test_on_json_the_quick_depth_is_the_depth_of_the_text_without_its_strings(text):
    try:
        json.loads(text)
    except ValueError:
        return
    assert _strict_json._deepest_quickly(text) == _by_removing_strings(text)


@given(st.one_of(_PIECES, _DEEP))
@example("[" * MAX_DEPTH + "\\[" + "]" * (MAX_DEPTH + 1))  # a backslash outside a string
@example('\\"' + "[" * (MAX_DEPTH + 1) + '"')
def test_the_reader_answers_as_when_it_removed_every_string_from_the_text(text):
    assert _verdict(text) == _reference_verdict(text)


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1, 500])
@pytest.mark.parametrize("string", ['"[[{"', '"a\\"[[\\n"', '"\\\\"'])
def test_nesting_past_the_limit_is_refused_with_or_without_a_backslash(depth, string):
    text = "[" * depth + string + "]" * depth
    if depth > MAX_DEPTH:
        assert _verdict(text) == (
            "E104",
            f"arrays and objects are nested {depth} levels deep; the limit is {MAX_DEPTH}",
        )
    else:
        assert _verdict(text) is None
