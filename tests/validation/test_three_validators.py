"""One verdict: the library and three JSON Schema validators on one differential corpus.

The corpus is a small valid document changed one way at a time: every number field in every
JSON spelling of a number (``38``, ``38.0``, ``3.8e1``, ``-0.0``, ``1e400`` ...), every
pattern and text field with every line terminator and white-space character before, inside
and after its value (and as its whole value), and names in each Unicode normalisation form.
For each document, Python's ``jsonschema``, ``jsonschema-rs`` and Ajv (JavaScript, when
``node`` and ``npm ci`` have installed it) give one verdict; and the library's
``validate`` agrees with it, except where a rule the schema cannot state applies: then
every problem the library reports has a code of
:data:`incidents.validation.beyond_schema.BEYOND_SCHEMA`
(listed in ``docs/codes.md``), and each of those rules has an example here that the schema
accepts and the library refuses with that code.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

import incidents
from incidents.validation.beyond_schema import BEYOND_SCHEMA

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "schemas" / "incidents.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
PYTHON = jsonschema.Draft202012Validator(SCHEMA)
RUST = jsonschema_rs.validator_for(SCHEMA)
AJV_SCRIPT = Path(__file__).resolve().parent / "ajv_verdicts.cjs"
AJV_INSTALLED = (ROOT / "node_modules" / "ajv" / "dist" / "2020.js").exists()
NODE = shutil.which("node")

#: A small document with a field of every kind the schema checks.
BASE: dict[str, Any] = {
    "schema_version": "1.0",
    "actors": [
        {"id": "actor:azerbaijan", "kind": "state", "name": "Azerbaijan", "country": "AZ"},
        {"id": "actor:russia", "kind": "state", "name": "Russia", "country": "RU"},
    ],
    "sources": [
        {
            "id": "source:report",
            "title": "A report",
            "url": "https://example.org/report?id=1",
            "published": "2025-06-30",
            "language": "az-Latn",
        }
    ],
    "incidents": [
        {
            "id": "incident:raid",
            "kind": "raid",
            "title": "Raids in Yekaterinburg",
            "date": "2025-06-27",
            "summary": "Police raided homes.\nTwo men died.",
            "location": {"name": "Yekaterinburg", "country": "RU", "latitude": 56.84,
                         "longitude": 60.6, "precision": "locality"},
            "casualties": [
                {
                    "outcome": "killed",
                    "count": [{"value": {"best": 2}, "citations": [{"source": "source:report"}]}],
                    "citations": [{"source": "source:report"}],
                }
            ],
            "citations": [{"source": "source:report", "quote": "raided"}],
        }
    ],
    "measures": [
        {
            "id": "measure:summons",
            "kind": "summon_envoy",
            "initiator": "actor:azerbaijan",
            "targets": ["actor:russia"],
            "announced": "2025-06-30",
            "in_response_to": ["incident:raid"],
            "citations": [{"source": "source:report"}],
        }
    ],
}  # fmt: skip

#: Where the fields of each kind are in BASE.
INTEGER_FIELDS = [("incidents", 0, "casualties", 0, "count", 0, "value", "best")]
NUMBER_FIELDS = [("incidents", 0, "location", "latitude")]
PATTERN_FIELDS = [
    ("schema_version",),
    ("actors", 0, "id"),
    ("actors", 0, "country"),
    ("sources", 0, "language"),
    ("sources", 0, "url"),
    ("sources", 0, "published"),
    ("incidents", 0, "date"),
    ("measures", 0, "initiator"),
]
TEXT_FIELDS = [("actors", 0, "name"), ("incidents", 0, "title"), ("incidents", 0, "summary")]

#: Every JSON spelling of a number, integral or not, in range or not.
NUMBERS = [
    "2", "2.0", "2.00", "2e0", "2E0", "2e+0", "0.2e1", "20e-1", "200E-2", "-0", "-0.0", "0e5",
    "0.0", "1e2", "1E2", "100.0", "2.5", "-1", "-1.0", "1e-7", "9007199254740991",
    "9007199254740991.0", "9007199254740992", "9007199254740993", "1e15", "1e16", "1e300",
    "1e400", "-1e400", "123456789012345678901", "0.1e-400", "5e-324",
]  # fmt: skip
#: Line terminators and white space of every dialect, and characters that look like them.
TERMINATORS = [
    "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\t", " ", "\x1c", "\x1f",
    "\x00", "\u00a0", "\u1680", "\u2000", "\u200a", "\u200b", "\u202f", "\u3000", "\ufeff",
    "\u180e",
]  # fmt: skip
#: Names in each normalisation form (and text that only NFKC would change).
NAMES = ["Azərbaycan", "Sputnik Азербайджан", "Åland", "\u212bngström", "ﬁnance", "Ⅻ", "ｆｕｌｌ"]


def _set(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target: Any = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


def _get(document: dict[str, Any], path: tuple[Any, ...]) -> Any:
    value: Any = document
    for key in path:
        value = value[key]
    return value


def _text(document: dict[str, Any]) -> str:
    try:
        text = json.dumps(document, ensure_ascii=False)
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: written as an escape
        text = json.dumps(document)
    return text


def corpus() -> Iterator[tuple[str, str]]:
    """(name, JSON text) of every document of the corpus."""
    yield "base", _text(BASE)
    for example in sorted((ROOT / "examples").glob("*.json")):
        yield example.name, example.read_text(encoding="utf-8")
    marker = "31415926535"
    for path in INTEGER_FIELDS + NUMBER_FIELDS:
        template = _text(_set(BASE, path, int(marker)))
        for spelling in NUMBERS:
            yield f"{'/'.join(map(str, path))} = {spelling}", template.replace(marker, spelling)
    for path in PATTERN_FIELDS + TEXT_FIELDS:
        value = _get(BASE, path)
        for char in TERMINATORS:
            for where, changed in (
                ("after", value + char),
                ("before", char + value),
                ("inside", value[:2] + char + value[2:]),
                ("alone", char),
            ):
                codes = "+".join(f"U+{ord(c):04X}" for c in char)
                name = f"{'/'.join(map(str, path))} {where} {codes}"
                yield name, _text(_set(BASE, path, changed))
    for path in TEXT_FIELDS:
        for name in NAMES:
            for form in ("NFC", "NFD", "NFKC", "NFKD"):
                label = f"{'/'.join(map(str, path))} {form} {name!r}"
                yield label, _text(_set(BASE, path, unicodedata.normalize(form, name)))
            yield f"{'/'.join(map(str, path))} as given {name!r}", _text(_set(BASE, path, name))
    for code, example in BEYOND_EXAMPLES.items():
        yield f"beyond {code}", _text(example)


def _beyond(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    return _set(BASE, path, value)


def _reversed_interval() -> dict[str, Any]:
    return _beyond(("incidents", 0, "date"), "2025-07-01/2025-06-01")


def _count_out_of_order() -> dict[str, Any]:
    count = {"low": 5, "best": 3, "high": 9, "qualifier": "between"}
    return _beyond(("incidents", 0, "casualties", 0, "count", 0, "value"), count)


def _response_before_trigger() -> dict[str, Any]:
    return _beyond(("measures", 0, "announced"), "2025-06-01")


def _dangling_reference() -> dict[str, Any]:
    return _beyond(("measures", 0, "targets"), ["actor:nobody"])


def _duplicate_id() -> dict[str, Any]:
    return _beyond(("actors", 1, "id"), "actor:azerbaijan")


def _uncited() -> dict[str, Any]:
    return _beyond(("measures", 0, "citations"), [])


def _unknown_source() -> dict[str, Any]:
    return _beyond(("measures", 0, "citations"), [{"source": "source:nowhere"}])


def _response_to_itself() -> dict[str, Any]:
    return _beyond(("measures", 0, "in_response_to"), ["measure:summons"])


def _retroactive_after() -> dict[str, Any]:
    document = _beyond(("measures", 0, "announced"), "2025-07-03")
    document["measures"][0].update(effective="2025-07-10", retroactive=True)
    return document


def _implements_later() -> dict[str, Any]:
    later = {**copy.deepcopy(BASE["measures"][0]), "id": "measure:later", "announced": "2025-07-15"}
    document = _beyond(
        ("measures", 0, "links"), [{"kind": "implements", "target": "measure:later"}]
    )
    document["measures"].append(later)
    return document


#: An example of each rule beyond the schema, by the rule's name in BEYOND_SCHEMA.
BEYOND_EXAMPLES: dict[str, dict[str, Any]] = {
    "nfc": _beyond(("actors", 0, "name"), "Aze\u0301rbaijan"),
    "invisible": _beyond(("incidents", 0, "title"), "\u200b\u200b"),
    "surrogate": _beyond(("actors", 0, "name"), "Azerbaijan \ud800"),
    "real-day": _beyond(("incidents", 0, "date"), "2025-02-30"),
    "interval-order": _reversed_interval(),
    "url-port": _beyond(("sources", 0, "url"), "https://example.org:99999/report"),
    "count-order": _count_out_of_order(),
    "unique-ids": _duplicate_id(),
    "references": _dangling_reference(),
    "response-order": _response_before_trigger(),
    "citations": _uncited(),
    "known-sources": _unknown_source(),
    "no-cycles": _response_to_itself(),
    "retroactive": _retroactive_after(),
    "link-order": _implements_later(),
}


@cache
def ajv_verdicts() -> dict[str, bool | None]:
    """Ajv's verdict on every document of the corpus (one run of node for all)."""
    documents = list(corpus())
    result = subprocess.run(  # noqa: S603 - our own script, our own arguments
        [str(NODE), str(AJV_SCRIPT), str(SCHEMA_FILE)],
        input=json.dumps([text for _, text in documents]),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    verdicts = json.loads(result.stdout)
    return {name: verdict for (name, _), verdict in zip(documents, verdicts, strict=True)}


def _schema_verdicts(text: str) -> tuple[bool, bool | None]:
    """Python's and Rust's verdicts; Rust's is ``None`` for a document it cannot hold (a
    lone surrogate: Rust's strings, like serde_json's, are Unicode scalar values only)."""
    document = json.loads(text)
    try:
        rust = RUST.is_valid(document)
    except UnicodeEncodeError:
        assert _LONE_SURROGATE.search(text), text[:200]
        rust = None
    return PYTHON.is_valid(document), rust


def _codes(text: str) -> set[str]:
    report = incidents.validate(text.encode("utf-8", "surrogatepass"))
    return {problem.code for problem in report if problem.severity == "error"}


CORPUS = list(corpus())
#: A lone surrogate escape in JSON text: a high one not followed by a low one, or the reverse.
_LONE_SURROGATE = re.compile(
    r"\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f]"
)
BEYOND_CODES = frozenset(rule.code for rule in BEYOND_SCHEMA)


def test_the_corpus_is_large():
    """The corpus has hundreds of documents and no two share a name."""
    names = [name for name, _ in CORPUS]
    assert len(names) == len(set(names))
    assert len(names) > 900


@pytest.mark.parametrize(("name", "text"), CORPUS, ids=[name for name, _ in CORPUS])
def test_python_and_rust_schema_validators_agree_with_the_library(name, text):
    """jsonschema and jsonschema-rs give one verdict, and the library's is the same unless a
    rule beyond the schema is broken (then only codes of those rules are reported)."""
    python, rust = _schema_verdicts(text)
    assert rust in (python, None), name
    codes = _codes(text)
    if not python:
        assert codes, f"{name}: the schema refuses it, the library accepts it"
    elif name.startswith("beyond "):
        assert codes <= BEYOND_CODES, f"{name}: the schema accepts it; the library says {codes}"
    else:  # of the rules beyond the schema, only the text rules can apply to these
        assert codes <= {"E301"}, f"{name}: the schema accepts it; the library says {codes}"


@pytest.mark.skipif(NODE is None or not AJV_INSTALLED, reason="needs node and `npm ci` (Ajv)")
def test_ajv_agrees_with_python_and_rust_on_the_whole_corpus():
    """Ajv's verdict (JavaScript's regular expressions and numbers) is Python's on every
    document of the corpus."""
    verdicts = ajv_verdicts()
    disagreements = [
        (name, verdicts[name], _schema_verdicts(text)[0])
        for name, text in CORPUS
        if verdicts[name] != _schema_verdicts(text)[0]
    ]
    assert [] == disagreements


def test_every_rule_beyond_the_schema_has_an_example():
    """Each listed rule has an example the schema accepts and the library refuses, with the
    rule's code."""
    assert {rule.name for rule in BEYOND_SCHEMA} == set(BEYOND_EXAMPLES)
    for rule in BEYOND_SCHEMA:
        text = _text(BEYOND_EXAMPLES[rule.name])
        python, rust = _schema_verdicts(text)
        assert python, rule.name
        assert rust in (True, None), rule.name
        assert rule.code in _codes(text), (rule.name, _codes(text))


def test_integral_floats_are_read_as_integers():
    """38.0, 3.8e1 and -0.0 in an integer field are read, and written back, as integers."""
    marker = "31415926535"
    template = _text(_set(BASE, INTEGER_FIELDS[0], int(marker)))
    for spelling, expected in (("38.0", 38), ("3.8e1", 38), ("-0.0", 0), ("1e2", 100)):
        dataset = incidents.from_json(template.replace(marker, spelling))
        best = dataset.incidents[0].casualties[0].count[0].value.best
        assert (expected, int) == (best, type(best))
        assert f'"best": {expected}' in incidents.to_json(dataset)


def test_a_final_line_feed_is_refused_by_every_validator():
    """An id, a date and the format version with a trailing line feed are invalid for all."""
    for path in (("actors", 0, "id"), ("incidents", 0, "date"), ("schema_version",)):
        text = _text(_set(BASE, path, _get(BASE, path) + "\n"))
        assert (False, False) == _schema_verdicts(text)
        assert _codes(text)
