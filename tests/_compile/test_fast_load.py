"""The compiled loaders (incidents._compile.loaders) build exactly what the converter builds.

The loaders are a fast path: on any input they either build the same records as the
converter with the record classes' validators, or decline. They must never accept what the
slow path refuses. Generated datasets, and the same datasets with one place changed to a
hostile value, hold them to that, in both input forms (dicts, and JSON objects as tuples of
pairs, where a key may also appear twice).
"""

from __future__ import annotations

import copy
import json
import linecache
import math
import os
import unicodedata
from typing import Any, Generic, TypeVar
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import incidents
from benchmarks.corpus import places, value_at
from incidents import ParseError, strategies
from incidents._compile.loaders import load, loader
from incidents.formats import json as json_format
from incidents.formats.converter import converter, structure_record, unstructure_dataset
from incidents.formats.json import check_json_quickly
from incidents.model._fields import _PLAIN_URL, Each, FloatRange, InstanceOf, IntRange, Text, Url
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate

MUTATIONS = {"thorough": 3000, "ci": 400}.get(os.environ.get("HYPOTHESIS_PROFILE", ""), 80)
REQUIRED = frozenset({"schema_version"})
REFUSED = object()

#: Values that break some field check in some place (or keep it, to test the accepts).
HOSTILE: list[Any] = [
    None,
    True,
    0,
    -1,
    7,
    2**53,
    10**25,
    1.5,
    90.5,
    float("nan"),
    float("inf"),
    "",
    " ",
    "x",
    " x",
    "x ",
    "x\n",
    "a\nb",
    "a\tb",
    "e\u0301",
    "\u00e9",
    "\u200b",
    "a\u200b",
    "\ud800",
    "\x01",
    "\x85",
    "\u2028x",
    "Ağdam",
    "Москва",
    "x" * 129,
    "actor:a",
    "actor:A",
    "actor:a-",
    "actor:a\n",
    "source:a",
    "incident:a",
    "measure:a",
    "person:a",
    "AZ",
    "az",
    "XK",
    "en",
    "en\n",
    "english",
    "2025",
    "2025-02-30",
    "2025-06~",
    "2025-06-27/2025-06-01",
    "1.0",
    "2.0",
    "https://example.org/a",
    "https://user@example.org/a",
    "ftp://example.org/",
    "https://exa mple.org/",
    "person",
    "raid",
    "asserts",
    "between",
    [],
    ["actor:a"],
    {},
    {"unknown": 1},
]


def _near_misses(value: Any) -> list[Any]:
    """Values close to ``value`` that may break the check its place has."""
    if isinstance(value, str):
        prefix, _, rest = value.partition(":")
        others = [f"{kind}:{rest or 'x'}" for kind in ("actor", "source", "incident", "measure")]
        return [
            value.upper(),
            value.lower(),
            value + "\n",
            value + "-",
            value + " ",
            " " + value,
            value + "\u200b",
            value + "e\u0301",
            value + "\x85",
            value * 200,
            value[:1],
            f"{prefix}:-{rest}",
            *others,
        ]
    if isinstance(value, bool):
        return [not value, int(value), str(value).lower()]
    if isinstance(value, int):
        return [value + 2**53, -value - 1, float(value), str(value), value > 0]
    if isinstance(value, float):
        return [value * 1000, -value * 1000, math.nan, math.inf, int(value), str(value)]
    if isinstance(value, list):
        return [[], value + value, [None], {"0": value}]
    if isinstance(value, dict):
        return [{}, list(value.items()), {**value, "extra": 1}]
    return []


def _slow(data: Any) -> Any:
    """What the converter and the record classes' validators make of ``data``."""
    try:
        return converter.structure(data, Dataset)
    except Exception:
        return REFUSED


def _pairs(data: Any) -> Any:
    """Plain data with objects as tuples of pairs, as ``json.loads(object_pairs_hook=tuple)``."""
    if isinstance(data, dict):
        return tuple((key, _pairs(value)) for key, value in data.items())
    if isinstance(data, list):
        return [_pairs(value) for value in data]
    return data


def test_every_record_class_compiles_in_both_forms() -> None:
    assert loader(Dataset, False) is not None
    assert loader(Dataset, True, REQUIRED) is not None


@given(strategies.datasets())
def test_builds_the_same_records_as_the_converter(dataset: Dataset) -> None:
    data = unstructure_dataset(dataset)
    assert load(data, Dataset, pairs=False) == dataset
    assert load(_pairs(data), Dataset, pairs=True, required=REQUIRED) == dataset
    text = incidents.to_json(dataset)
    pairs = json.loads(text, object_pairs_hook=tuple)
    assert load(pairs, Dataset, pairs=True) == dataset
    checked = load(pairs, Dataset, pairs=True, build=False)
    assert checked == json.loads(text)
    assert json.dumps(checked) == json.dumps(json.loads(text))  # the same key order too
    keys = sum(len(value_at(data, path)) for path in [(), *places(data)] if _is_object(data, path))
    assert load(data, Dataset, pairs=False, build=False) == keys
    assert _checked(text) == data


@settings(max_examples=MUTATIONS)
@given(strategies.datasets(), st.data())
def test_never_accepts_what_the_converter_refuses(dataset: Dataset, data: st.DataObject) -> None:
    plain = unstructure_dataset(dataset)
    spots = list(places(plain))
    mutated = copy.deepcopy(plain)
    action = data.draw(st.sampled_from(["replace", "drop", "add"]))
    if action == "add" or not spots:
        objects = [(), *(p for p in spots if isinstance(value_at(plain, p), dict))]
        target = value_at(mutated, data.draw(st.sampled_from(objects)))
        target[data.draw(st.sampled_from(["unknown", "id", "note", "value"]))] = data.draw(
            st.sampled_from(HOSTILE)
        )
    else:
        path = data.draw(st.sampled_from(spots))
        parent = value_at(mutated, path[:-1])
        if action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            pool = HOSTILE + _near_misses(parent[path[-1]])
            parent[path[-1]] = copy.deepcopy(data.draw(st.sampled_from(pool)))
    expected = _slow(mutated)
    counted = load(mutated, Dataset, pairs=False, build=False)
    if counted is not None:
        assert expected is not REFUSED, f"the count accepted what the converter refuses: {mutated}"
    checked = load(_pairs(mutated), Dataset, pairs=True, build=False)
    if checked is not None:
        assert expected is not REFUSED, f"the check accepted what the converter refuses: {mutated}"
        assert checked == mutated
    for built in (
        load(mutated, Dataset, pairs=False),
        load(_pairs(mutated), Dataset, pairs=True),
    ):
        if built is not None:
            assert expected is not REFUSED, (
                f"the fast path accepted what the converter refuses: {mutated}"
            )
            assert built == expected


@given(strategies.datasets(), st.data())
def test_a_key_given_twice_is_declined(dataset: Dataset, data: st.DataObject) -> None:
    pairs = _pairs(unstructure_dataset(dataset))
    objects = [p for p in _places_of_pairs(pairs) if p]
    chosen = data.draw(st.sampled_from(objects))
    doubled = _replace(pairs, chosen, (*chosen, chosen[0]))
    assert load(doubled, Dataset, pairs=True) is None
    assert load(doubled, Dataset, pairs=True, build=False) is None
    assert _checked(_text(doubled, [])) is None


def _checked(text: str) -> Any:
    """``check_json_quickly`` by reading pairs and by counting keys; both must agree."""
    by_pairs = check_json_quickly(text)
    with mock.patch.object(json_format, "_COUNT_KEYS_FROM", 0):
        by_count = check_json_quickly(text)
    assert by_count == by_pairs
    return by_count


def _is_object(data: Any, path: tuple[Any, ...]) -> bool:
    return isinstance(value_at(data, path), dict)


def _text(value: Any, spacing: list[str]) -> str:
    """JSON text of plain data with objects as pairs, a key's colon spaced as ``spacing`` says."""
    if isinstance(value, tuple):
        items = [
            f"{json.dumps(key)}{spacing.pop() if spacing else ''}: {_text(item, spacing)}"
            for key, item in value
        ]
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_text(item, spacing) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


@given(strategies.datasets(), st.data())
def test_checking_text_finds_a_key_given_twice(dataset: Dataset, data: st.DataObject) -> None:
    pairs = _pairs(unstructure_dataset(dataset))
    objects = [p for p in _places_of_pairs(pairs) if p]
    chosen = data.draw(st.sampled_from(objects))
    doubled = _replace(pairs, chosen, (*chosen, chosen[data.draw(st.integers(0, len(chosen) - 1))]))
    spacing = data.draw(st.lists(st.sampled_from(["", "", " ", "\n\t"]), max_size=200))
    assert _checked(_text(doubled, spacing)) is None
    once = _text(pairs, spacing)
    assert _checked(once) == json.loads(once)


@pytest.mark.parametrize(
    "note",
    [
        'she said \\"no\\"',
        ": starts with a colon",
        '\\"quoted\\": key-like',
        "ends with a backslash \\\\",
    ],
)
def test_checking_text_with_quotes_and_colons_in_strings(note: str) -> None:
    text = (
        '{"schema_version": "1.0", "sources": [{"id": "source:a", "title": "T", "note": "'
        + note
        + '"}]}'
    )
    assert _checked(text) == json.loads(text)
    doubled = text.replace('"title": "T"', '"title": "T", "title": "U"')
    assert _checked(doubled) is None


def _places_of_pairs(value: Any) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(value, tuple):
        found.append(value)
        for _, item in value:
            found.extend(_places_of_pairs(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_places_of_pairs(item))
    return found


def _replace(value: Any, old: Any, new: Any) -> Any:
    if value is old:
        return new
    if isinstance(value, tuple):
        return tuple((key, _replace(item, old, new)) for key, item in value)
    if isinstance(value, list):
        return [_replace(item, old, new) for item in value]
    return value


def test_a_json_array_of_pairs_is_not_taken_for_an_object() -> None:
    document = {"schema_version": "1.0", "actors": [[["id", "actor:a"], ["kind", "person"]]]}
    data = json.loads(json.dumps(document), object_pairs_hook=tuple)
    assert load(data, Dataset, pairs=True) is None
    with pytest.raises(ParseError):
        incidents.from_json(json.dumps(document))


def test_a_document_must_name_its_schema_version() -> None:
    data = json.loads('{"actors": []}', object_pairs_hook=tuple)
    assert load(data, Dataset, pairs=True) == Dataset()
    assert load(data, Dataset, pairs=True, required=REQUIRED) is None
    with pytest.raises(ParseError) as caught:
        incidents.from_json('{"actors": []}')
    assert [problem.code for problem in caught.value.problems] == ["E202"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('{"schema_version": "1.0", "schema_version": "1.0"}', "E105"),
        ('{"schema_version": NaN}', "E106"),
        ('{"schema_version": 1e400}', "E107"),
        ('{"schema_version": ' + "9" * 5000 + "}", "E107"),
        ("[" * 100_000 + "]" * 100_000, "E104"),
        ('{"schema_version": "1.0",}', "E101"),
    ],
)
def test_what_the_fast_path_declines_is_still_reported(text: str, code: str) -> None:
    with pytest.raises(ParseError) as caught:
        incidents.from_json(text)
    assert code in [problem.code for problem in caught.value.problems]


@given(st.text(max_size=40), st.booleans())
def test_text_settled_by_a_match_keeps_every_rule(text: str, single_line: bool) -> None:
    check = Text(single_line=single_line)
    if check.settled(text):
        assert check.rule_broken(text) is None, text


@pytest.mark.parametrize(
    "text",
    ["Ağdam", "Москва", "e\u0301", "a\u200b", "\u200b", " Ağdam", "Ağdam\n", "a\u2028b", "\u00a0x"],
)
def test_text_settled_and_rules_agree_on_non_ascii(text: str) -> None:
    for single_line in (True, False):
        check = Text(single_line=single_line)
        assert (check.problem(text) is None) == (check.rule_broken(text) is None)
        if not unicodedata.is_normalized("NFC", text):
            assert not check.settled(text)


@attrs.frozen(kw_only=True)
class Odd:
    number: int = attrs.field(validator=attrs.validators.instance_of(int))
    ratio: float = 0.5


@attrs.frozen(kw_only=True)
class Wrapper:
    odd: Odd


@attrs.frozen
class Loose:
    table: dict[str, int]


@attrs.frozen
class WithFactory:
    items: tuple[int, ...] = attrs.field(factory=tuple)


def test_a_validator_of_another_kind_runs_on_the_built_record() -> None:
    built = load({"odd": {"number": 3, "ratio": 2}}, Wrapper, pairs=False)
    assert built == Wrapper(odd=Odd(number=3, ratio=2.0))
    assert type(built.odd.ratio) is float
    assert load({"odd": {"number": 3, "ratio": math.inf}}, Wrapper, pairs=False) is None


def test_a_field_the_compiler_does_not_know_means_no_loader() -> None:
    assert loader(Loose, False) is None
    assert load({"table": {}}, Loose, pairs=False) is None


def test_defaults_made_by_a_factory_are_made_afresh() -> None:
    assert load({}, WithFactory, pairs=False) == WithFactory()
    assert load({"items": [1, 2]}, WithFactory, pairs=False) == WithFactory(items=(1, 2))
    assert load({"items": [True]}, WithFactory, pairs=False) is None


@given(
    st.one_of(
        strategies.actors(), strategies.sources(), strategies.incidents(), strategies.measures()
    )
)
def test_single_records_load_as_the_converter_builds_them(record: Any) -> None:
    data = converter.unstructure(record)
    assert structure_record(data, type(record)) == record
    assert load(data, type(record), pairs=False) == record


@given(
    st.one_of(
        st.from_regex(_PLAIN_URL, fullmatch=True),
        st.text(alphabet=st.characters(codec="ascii"), max_size=40).map("https://".__add__),
    )
)
def test_urls_settled_by_a_match_keep_every_rule(url: str) -> None:
    check = Url()
    if len(url) <= check.max_length and _PLAIN_URL.fullmatch(url):
        assert check.rule_broken(url) is None, url


T = TypeVar("T")


@attrs.frozen
class Converted:
    number: int = attrs.field(converter=int)


@attrs.frozen
class Either:
    value: int | str


@attrs.frozen
class Pair:
    items: tuple[int, int]


@attrs.frozen
class RangeOnTuple:
    items: tuple[int, ...] = attrs.field(validator=IntRange())


@attrs.frozen
class InfiniteRange:
    value: float = attrs.field(validator=FloatRange(-math.inf, math.inf))


@attrs.frozen
class TextAsDate:
    when: PartialDate = attrs.field(validator=Text())


@attrs.frozen
class Open(Generic[T]):
    value: T


@pytest.mark.parametrize(
    "cls", [Converted, Either, Pair, RangeOnTuple, InfiniteRange, TextAsDate, Open, int]
)
def test_what_the_compiler_cannot_check_inline_gets_no_loader(cls: Any) -> None:
    assert loader(cls, False) is None


@attrs.frozen
class AtLeastOne:
    items: tuple[int, ...] = attrs.field(validator=Each(IntRange(), min_items=1))
    label: str = attrs.field(default="x", validator=InstanceOf(str))


@attrs.frozen(slots=False)
class NoSlots:
    label: str = attrs.field(validator=Text())


def test_minimum_items_plain_strings_and_classes_without_slots() -> None:
    assert load({"items": [1]}, AtLeastOne, pairs=False) == AtLeastOne(items=(1,))
    assert load({"items": []}, AtLeastOne, pairs=False) is None
    assert load({"items": [1], "label": "y"}, AtLeastOne, pairs=False) == AtLeastOne((1,), "y")
    assert load({"label": "a b"}, NoSlots, pairs=False) == NoSlots("a b")
    assert load({"label": " "}, NoSlots, pairs=False) is None


def test_generated_lines_show_in_tracebacks() -> None:
    filenames = set()
    for build in (True, False):
        function = loader(Dataset, False, frozenset(), build)
        assert function is not None
        code = function.__code__
        assert linecache.getline(code.co_filename, code.co_firstlineno).startswith("def ")
        filenames.add(code.co_filename)
    assert len(filenames) == 2  # each loader keeps its own lines
