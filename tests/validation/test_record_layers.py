"""Record by record or whole: the schema and model layers give the same problems.

``validate`` walks only the records the typed load refuses
(:mod:`incidents.validation._record_layers`); the whole-document walk with ``jsonschema`` is
kept behind a private flag (``_checks(..., whole=True)``) so that these tests can hold the
two to the same report (codes, messages, pointers, lines, columns and order) on the
differential corpus, on the benchmark's documents with many problems, and on the shapes
that are not split (a top level that is not an object, a record that is not an object).
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given

from benchmarks import corpus
from incidents.validation import validator
from incidents.validation._placement import placed
from incidents.validation._record_layers import document_shape_findings
from incidents.validation._syntax_layer import parse
from incidents.validation.report import Report
from tests.validation.test_differential import mutated_documents


def _reports(text: str) -> tuple[Report, Report]:
    """The report of ``text`` record by record, and with the whole-document walk."""
    parsed = parse(text)
    assert not isinstance(parsed, Report), parsed
    data, flagged, text = parsed
    fast = placed(data, validator._checks(data, flagged), text)
    whole = placed(copy.deepcopy(data), validator._checks(data, flagged, whole=True), text)
    return fast, whole


def _assert_same(document: Any) -> Report:
    text = json.dumps(document, ensure_ascii=False, indent=2)
    fast, whole = _reports(text)
    assert fast == whole
    # The validate() of the text is the record-by-record one.
    assert validator.validate(text.encode("utf-8", "surrogatepass")) == fast
    # A mapping is checked as a document too (every value is flagged as possibly marked).
    mapping = placed(document, validator._checks(document, True), None)
    assert mapping == placed(document, validator._checks(document, True, whole=True), None)
    return fast


@pytest.mark.parametrize("size", [1, 24, 104])
def test_the_differential_corpus_gives_the_same_problems(size):
    """Every mutated document of the benchmark's differential corpus: the same report."""
    reported = 0
    for document in corpus.mutations(corpus.document(size), 40, seed=size):
        reported += len(_assert_same(document).problems) > 0
    assert reported > 15  # most mutations break something: the test compares problems


@given(mutated_documents())
def test_generated_mutations_give_the_same_problems(document):
    _assert_same(document)


@pytest.mark.parametrize("every", [10, 50])
def test_documents_with_many_problems_give_the_same_problems(every):
    """The benchmark's documents with problems (schema, model and semantic ones)."""
    report = _assert_same(corpus.with_problems(corpus.document(300), every=every))
    assert len(report.problems) >= 300 // every // 2


def test_the_examples_with_the_record_rules_beyond_the_schema_give_the_same_problems():
    base = corpus.document(24)
    bad = copy.deepcopy(base)
    bad["incidents"][0]["date"] = "2025-07-01/2025-06-01"  # a reversed interval (model)
    bad["incidents"][1]["title"] = "Caf\u0065\u0301"  # not NFC (model)
    bad["incidents"][2] = {"kind": "raid"}  # missing fields (schema)
    bad["actors"][0]["name"] = 7  # a wrong type (schema)
    bad["zz_unknown"] = 1  # at the top level
    del bad["schema_version"]
    codes = {problem.code for problem in _assert_same(bad)}
    assert {"E201", "E202", "E203", "E301"} <= codes


@pytest.mark.parametrize(
    "text",
    [
        '{"schema_version": "1.1", "actors": [], "actors": [{"id": "actor:x"}]}',
        '{"schema_version": "1.1", "incidents": [{"id": "incident:a", "id": 1}]}',
        '{"schema_version": "1.1", "incidents": [{"id": "incident:a", "casualties": NaN}]}',
        '{"schema_version": "1.1", "actors": [{"id": "actor:a", "members": 1e999}]}',
    ],
)
def test_marked_documents_give_the_same_problems(text):
    """Duplicate keys and forbidden numbers (the reader's marks) at every level."""
    fast, whole = _reports(text)
    assert fast == whole
    assert fast.problems


@pytest.mark.parametrize(
    "document",
    [
        [],
        "text",
        {"schema_version": "1.1", "incidents": [7, {"id": "incident:a"}]},
        {"schema_version": "1.1", "incidents": [[]], "actors": {}},
        {"schema_version": "1.1", "measures": None},
    ],
)
def test_shapes_that_are_not_split_give_the_same_problems(document):
    """A top level that is not an object, or records that are not objects: walked whole."""
    _assert_same(document)


def test_only_documents_of_records_are_split():
    assert document_shape_findings([], flagged=False) is None
    assert document_shape_findings({"incidents": [7]}, flagged=False) is None
    assert document_shape_findings({"incidents": "x"}, flagged=False) is not None


def test_a_valid_document_has_no_finding_in_either_walk():
    data = corpus.document(104)
    assert document_shape_findings(data, flagged=False) == []
    assert _assert_same(data).problems == ()
