"""Tests for incidents.validate: every problem code, order, robustness, offline use, the Report."""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import pytest

import incidents.examples
import incidents.validation._syntax_layer
import incidents.validation.validator
from incidents import validate as validate_target
from incidents.validation.codes import CODES, Severity
from incidents.validation.report import Problem, Report


def validate(target: Any) -> Report:
    """``incidents.validate``, with a document written here as a str passed as its bytes (a
    str given to ``incidents.validate`` is a path)."""
    return validate_target(target.encode("utf-8") if isinstance(target, str) else target)


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "russia-azerbaijan-2025.json"

# Building blocks of the documents below; each is one line of the document's text, so the
# line a problem is on is known from the position of its part in ``lines(...)``.
HEAD = '{"schema_version": "1.0",'
ACTOR = '"actors": [{"id": "actor:a", "kind": "state", "name": "A"}],'
SOURCE = '"sources": [{"id": "source:s", "title": "S"}],'
CITES = '"citations": [{"source": "source:s"}]'
INCIDENT = '"incidents": [{"id": "incident:i", "kind": "raid", "title": "T", "date": "2025-06-27",'
MEASURE = '"measures": [{"id": "measure:m", "kind": "summon_envoy", "initiator": "actor:a",'


def lines(*parts: str) -> str:
    """The document text with one part per line."""
    return "\n".join(parts)


class Case(NamedTuple):
    """One row of the code table: input, and where the problem must be reported."""

    code: str
    target: Any
    location: str
    line: int | None = None
    #: The text that starts the offending value on ``line``; the expected column is where
    #: it is on that line (``None``: no column expected).
    at: str | bytes | None = None
    #: A smaller ``MAX_DOCUMENT_BYTES`` for the duration of the test.
    limit: int | None = None


def expected_column(case: Case) -> int | None:
    """The 1-based column of ``case.at`` on ``case.line`` of the case's text."""
    if case.at is None or case.line is None:
        return None
    if isinstance(case.target, bytes):
        assert isinstance(case.at, bytes)
        return case.target.split(b"\n")[case.line - 1].index(case.at) + 1
    assert isinstance(case.at, str)
    return str(case.target).split("\n")[case.line - 1].index(case.at) + 1


CASES = [
    # --- syntax ----------------------------------------------------------------------------
    Case("E100", Path("/nonexistent/incidents/dataset.json"), ""),
    Case("E100", 42, ""),
    Case(
        "E101",
        lines(HEAD, '"sources": [{"id": "source:s",', ' "title": "S",}]}'),
        "",
        3,
        "}",
    ),
    Case(
        "E102",
        lines(HEAD, '"sources": [{"id": "source:s", "title": "S').encode() + b'\xff"}]}',
        "",
        2,
        b"\xff",
    ),
    Case("E103", b"\xef\xbb\xbf" + lines(HEAD, '"actors": []}').encode(), "", 1, b"\xef"),
    Case("E104", '{"schema_version": "1.0", "x":\n' + "[" * 64 + "]" * 64 + "}", ""),
    Case(
        "E105",
        lines(HEAD, '"sources": [{"id": "source:s", "title": "S",', ' "title": "T"}]}'),
        "/sources/0/title",
        3,
        '"T"',
    ),
    Case(
        "E106",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            INCIDENT,
            f' "location": {{"latitude": NaN, "longitude": 0}}, {CITES}}}]}}',
        ),
        "/incidents/0/location/latitude",
        5,
        "NaN",
    ),
    Case(
        "E107",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            INCIDENT,
            f' "location": {{"latitude": 1e999, "longitude": 0}}, {CITES}}}]}}',
        ),
        "/incidents/0/location/latitude",
        5,
        "1e999",
    ),
    Case("E108", lines(HEAD, ACTOR, SOURCE, '"incidents": []}'), "", limit=64),
    Case(
        "E109",
        '<?xml version="1.0"?>\n<!DOCTYPE dataset [<!ENTITY x "y">]>\n<dataset/>',
        "/",
        2,
    ),
    # --- schema ----------------------------------------------------------------------------
    Case(
        "E201",
        lines(HEAD, '"actors": [{"id": "actor:a", "kind": "state", "name": "A", "bogus": 1}]}'),
        "/actors/0/bogus",
        2,
        "1}",
    ),
    Case(
        "E202",
        lines(HEAD, '"actors": [{"id": "actor:a", "kind": "state"}]}'),
        "/actors/0/name",
        2,
        '{"id"',
    ),
    Case(
        "E203",
        lines(
            HEAD, '"actors": [{"id": "actor:a", "kind": "state", "name": "A", "names": "Anna"}]}'
        ),
        "/actors/0/names",
        2,
        '"Anna"',
    ),
    Case(
        "E204",
        lines(HEAD, '"actors": [{"id": "actor:a", "kind": "stat", "name": "A"}]}'),
        "/actors/0/kind",
        2,
        '"stat"',
    ),
    Case(
        "E205",
        lines(HEAD, '"actors": [{"id": "actor:A", "kind": "state", "name": "A"}]}'),
        "/actors/0/id",
        2,
        '"actor:A"',
    ),
    Case(
        "E206",
        lines(HEAD, ACTOR, '"sources": [{"id": "source:s", "title": "S", "url": "ftp://x"}]}'),
        "/sources/0/url",
        3,
        '"ftp://x"',
    ),
    Case(
        "E207",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            INCIDENT,
            f' "location": {{"latitude": 100, "longitude": 0}}, {CITES}}}]}}',
        ),
        "/incidents/0/location/latitude",
        5,
        "100",
    ),
    Case(
        "E208",
        lines(HEAD, '"actors": [{"id": "actor:a", "kind": "state", "name": " A"}]}'),
        "/actors/0/name",
        2,
        '" A"',
    ),
    Case(
        "E209",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            INCIDENT,
            f' "casualties": [{{"outcome": "killed", {CITES}}}],',
            f" {CITES}}}]}}",
        ),
        "/incidents/0/casualties/0",
        5,
        '{"outcome"',
    ),
    # --- model -----------------------------------------------------------------------------
    Case(
        "E301",
        lines(HEAD, '"actors": [{"id": "actor:a", "kind": "state", "name": "Cafe\u0301"}]}'),
        "/actors/0/name",
        2,
        '"Cafe',
    ),
    # The schema's date pattern accepts any day 01-31, so 30 February is the model's to find.
    Case(
        "E302",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            '"incidents": [{"id": "incident:i", "kind": "raid", "title": "T",',
            f' "date": "2025-02-30", {CITES}}}]}}',
        ),
        "/incidents/0/date",
        5,
        '"2025-02-30"',
    ),
    # --- semantics -------------------------------------------------------------------------
    Case(
        "E401",
        lines(
            HEAD,
            '"actors": [{"id": "actor:a", "kind": "state", "name": "A"},',
            '{"id": "actor:a", "kind": "state", "name": "B"}]}',
        ),
        "/actors/1/id",
        3,
        '"actor:a"',
    ),
    Case(
        "E402",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            '"measures": [{"id": "measure:m", "kind": "summon_envoy", "initiator": "actor:x",',
            f' "announced": "2025-06-28", {CITES}}}]}}',
        ),
        "/measures/0/initiator",
        4,
        '"actor:x"',
    ),
    Case(
        "E403",
        lines(HEAD, ACTOR, SOURCE, INCIDENT, ' "citations": [{"source": "source:x"}]}]}'),
        "/incidents/0/citations/0/source",
        5,
        '"source:x"',
    ),
    Case(
        "E404",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            INCIDENT,
            f" {CITES}}}],",
            MEASURE,
            ' "announced": "2025-06-01", "in_response_to": ["incident:i"],',
            f" {CITES}}}]}}",
        ),
        "/measures/0/in_response_to/0",
        7,
        '"incident:i"',
    ),
    Case(
        "E405",
        lines(
            HEAD,
            SOURCE,
            '"incidents": [',
            '{"id": "incident:a", "kind": "raid", "title": "A", "date": "2025-06-27",',
            f' "in_response_to": ["incident:b"], {CITES}}},',
            '{"id": "incident:b", "kind": "raid", "title": "B", "date": "2025-06-27",',
            f' "in_response_to": ["incident:a"], {CITES}}}]}}',
        ),
        "/incidents/1/in_response_to/0",
        7,
        '"incident:a"',
    ),
    Case(
        "E406",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            INCIDENT,
            f' "casualties": [{{"outcome": "detained", {CITES},',
            '  "count": [{"value": {"qualifier": "about", "low": 10, "best": 5}}]}],',
            f" {CITES}}}]}}",
        ),
        "/incidents/0/casualties/0/count/0/value/best",
        6,
        "5}",
    ),
    Case(
        "E407",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            MEASURE,
            ' "announced": "2025-06-01", "effective": "2025-07-01", "retroactive": true,',
            f" {CITES}}}]}}",
        ),
        "/measures/0/effective",
        5,
        '"2025-07-01"',
    ),
    Case(
        "E409",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            '"measures": [{"id": "measure:part", "kind": "expel_diplomats",',
            ' "initiator": "actor:a", "announced": "2018-03-14",',
            ' "links": [{"kind": "part_of", "target": "measure:whole"}],',
            f" {CITES}}},",
            '{"id": "measure:whole", "kind": "expel_diplomats", "initiator": "actor:a",',
            f' "announced": "2018-03-26", {CITES}}}]}}',
        ),
        "/measures/0/links/0/target",
        6,
        '"measure:whole"',
    ),
    Case(
        "E408",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            '"incidents": [{"id": "incident:i", "kind": "raid", "title": "T",',
            ' "date": "2025-06-27"}]}',
        ),
        "/incidents/0",
        4,
        '{"id"',
    ),
    Case(
        "W401",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            MEASURE,
            ' "announced": "2025-06-01", "effective": "2025-05-01",',
            f" {CITES}}}]}}",
        ),
        "/measures/0/effective",
        5,
        '"2025-05-01"',
    ),
    Case(
        "W402",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            INCIDENT,
            ' "casualties": [{"outcome": "killed", "person": "actor:a"}],',
            f" {CITES}}}]}}",
        ),
        "/incidents/0/casualties/0",
        5,
        '{"outcome"',
    ),
    Case(
        "W403",
        lines(
            HEAD,
            ACTOR,
            SOURCE,
            INCIDENT,
            ' "responsibility": [{"value": "actor:a", "claimed_by": "actor:a"},',
            '  {"value": "actor:a", "claimed_by": "actor:a"}],',
            f" {CITES}}}]}}",
        ),
        "/incidents/0/responsibility/1",
        6,
        '{"value"',
    ),
]


#: The codes only a collection of files can give, tested in tests/collection/.
COLLECTION_CODES = {"E110", "E111", "E112", "E113", "W101", "W102", "E410", "W404"}


def test_the_table_has_a_row_for_every_code():
    """Every code but E210, E303 (unreachable, see below), E999 (a failure) and the codes
    of collections has a row."""
    expected = set(CODES) - {"E210", "E303", "E999"} - COLLECTION_CODES
    assert expected == {case.code for case in CASES}


def test_the_collection_codes_are_tested_with_collections():
    """Each code only a collection gives is named in the collection tests."""
    tests = Path(__file__).resolve().parents[1] / "collection"
    text = "".join(path.read_text(encoding="utf-8") for path in tests.glob("test_*.py"))
    assert {code for code in COLLECTION_CODES if code not in text} == set()


@pytest.mark.parametrize(
    "case", [pytest.param(case, id=f"{case.code}-{index}") for index, case in enumerate(CASES)]
)
def test_each_code_is_reported_where_the_problem_is(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each bad document yields its code at the expected pointer, line and column."""
    if case.limit is not None:
        monkeypatch.setattr(incidents.validation._syntax_layer, "MAX_DOCUMENT_BYTES", case.limit)
    report = validate(case.target)
    found = {(p.code, p.location, p.line, p.column) for p in report}
    assert (case.code, case.location, case.line, expected_column(case)) in found, str(report)
    warning = case.code.startswith("W")
    assert warning == report.ok
    if warning:
        assert () == report.errors


def test_e210_is_the_fallback_for_untranslated_schema_keywords():
    """E210 is in the table for schema keywords the schema layer has no wording for."""
    # Every keyword the bundled schema uses has its own code, so no document reaches E210;
    # it stays for schema keywords added later without a translation.
    assert "schema violation" == CODES["E210"].title


def test_e303_is_in_the_table_but_no_document_reaches_it():
    """E303 (model rule broken) is in the table although no document can trigger it."""
    # E303 is only the default code of FieldError and fail(); every check and record rule a
    # document reaches passes an explicit code. The two remaining defaults are
    # PartialDate.parse of a non-string (the walk reports the wrong type first, as E203, as
    # checked here) and PartialDate.between (never called while reading).
    assert "model rule broken" == CODES["E303"].title
    report = validate(
        lines(HEAD, ACTOR, SOURCE, INCIDENT.replace('"2025-06-27"', "20250627") + f" {CITES}}}]}}")
    )
    assert [("E203", "/incidents/0/date")] == [(p.code, p.location) for p in report]


def test_a_failure_inside_the_validator_is_reported_as_e999(monkeypatch: pytest.MonkeyPatch):
    """When a layer raises, validate returns a report with E999 instead of raising."""

    def broken(data: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(incidents.validation.validator, "semantic_findings", broken)
    report = validate('{"schema_version": "1.0"}')
    assert [("E999", "RuntimeError: boom", "")] == [(p.code, p.message, p.location) for p in report]
    assert not report.ok
    assert Severity.ERROR == report.problems[0].severity


def test_e108_refuses_a_large_file_before_reading_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A file over the size limit is refused with E108 naming the file and its size."""
    monkeypatch.setattr(incidents.validation._syntax_layer, "MAX_DOCUMENT_BYTES", 10)
    path = tmp_path / "big.json"
    path.write_text('{"schema_version": "1.0"}', encoding="utf-8")
    report = validate(path)
    assert [("E108", f"{path} is 25 bytes; the limit is 10 bytes")] == [
        (p.code, p.message) for p in report
    ]


def test_e108_counts_bytes_of_text_input(monkeypatch: pytest.MonkeyPatch):
    """The size limit is in bytes for text too: 8 characters that are 14 bytes exceed 10."""
    monkeypatch.setattr(incidents.validation._syntax_layer, "MAX_DOCUMENT_BYTES", 10)
    assert ["E108"] == [p.code for p in validate('"éééééé"')]


# --- several problems, in document order ---------------------------------------------------

MANY = lines(
    HEAD,
    '"actors": [{"id": "actor:a", "kind": "stat", "name": "A"},',
    '{"id": "actor:a", "kind": "state", "name": " B", "bogus": 1}],',
    '"sources": [{"id": "source:s", "title": "S", "url": "ftp://x"}],',
    '"incidents": [{"id": "incident:i", "kind": "raid", "title": "T", "date": "2025-02-30",',
    ' "location": {"latitude": 100, "longitude": 0},',
    ' "citations": [{"source": "source:missing"}]}],',
    '"measures": [{"id": "measure:m", "kind": "summon_envoy", "initiator": "actor:b",',
    ' "announced": "2025-06-01", "effective": "2025-05-01",',
    f" {CITES}}}]}}",
)


def test_every_problem_is_reported_in_document_order():
    """A document with many problems lists all of them, ordered by line and column."""
    report = validate(MANY)
    assert [
        ("E204", "/actors/0/kind"),
        ("E401", "/actors/1/id"),
        ("E208", "/actors/1/name"),
        ("E201", "/actors/1/bogus"),
        ("E206", "/sources/0/url"),
        ("E302", "/incidents/0/date"),
        ("E207", "/incidents/0/location/latitude"),
        ("E403", "/incidents/0/citations/0/source"),
        ("E402", "/measures/0/initiator"),
        ("W401", "/measures/0/effective"),
    ] == [(p.code, p.location) for p in report]
    positions = [(p.line, p.column) for p in report]
    assert sorted(positions) == positions  # type: ignore[type-var]
    assert [2, 3, 3, 3, 4, 5, 6, 7, 8, 9] == [p.line for p in report]


def test_mapping_input_reports_the_same_problems_without_positions():
    """An already-parsed dict gives the same codes and pointers as its text, with no line."""
    report = validate(json.loads(MANY))
    assert [(p.code, p.location) for p in validate(MANY)] == [(p.code, p.location) for p in report]
    assert {None} == {p.line for p in report} | {p.column for p in report}


def test_problems_at_a_repeated_key_are_ordered_by_line():
    """A problem at a repeated key (line 4) comes after one on line 3, not before it."""
    report = validate(lines(HEAD, '"actors": 1,', '"sources": 2,', '"actors": 3}'))
    positions = [(p.line, p.column) for p in report]
    assert sorted(positions) == positions  # type: ignore[type-var]


# --- validate never raises -----------------------------------------------------------------


def _self_referencing() -> dict[str, Any]:
    document: dict[str, Any] = {"schema_version": "1.0"}
    document["actors"] = [document]
    return document


@pytest.mark.parametrize(
    ("target", "code"),
    [
        pytest.param(None, "E100", id="None"),
        pytest.param(42, "E100", id="int"),
        pytest.param([], "E100", id="list"),
        pytest.param(b"", "E101", id="empty-bytes"),
        pytest.param("", "E101", id="empty-text"),
        pytest.param("null", "E203", id="null"),
        pytest.param("[]", "E203", id="array"),
        pytest.param('{"schema_version": "1.0", "actors": 5}', "E203", id="actors-number"),
        pytest.param(Path(__file__).resolve().parent, "E112", id="directory"),
        pytest.param(
            {"schema_version": "1.0", "actors": [{"id": "actor:a", "names": {"x"}}]},
            "E203",
            id="set",
        ),
        pytest.param({"schema_version": "1.0", "actors": ("x",)}, "E203", id="tuple"),
        pytest.param(
            {"schema_version": "1.0", "published": dt.datetime(2025, 6, 27, tzinfo=dt.UTC)},
            "E201",
            id="datetime",
        ),
        pytest.param(
            {
                "schema_version": "1.0",
                "incidents": [
                    {
                        "id": "incident:i",
                        "kind": "raid",
                        "title": "T",
                        "date": dt.date(2025, 6, 27),
                    }
                ],
            },
            "E203",
            id="date-object",
        ),
        pytest.param(_self_referencing(), "E104", id="self-reference"),
    ],
)
def test_validate_never_raises(target: object, code: str):
    """Input that is not a dataset gives a failing report (with the expected code)."""
    report = validate(target)  # type: ignore[arg-type]
    assert isinstance(report, Report)
    assert not report.ok
    assert code in {p.code for p in report}


# --- no network ----------------------------------------------------------------------------


def test_validation_never_touches_the_network(monkeypatch: pytest.MonkeyPatch):
    """Validating valid and invalid documents opens no connection and resolves no name."""
    calls: list[str] = []

    def refuse(name: str) -> Any:
        def refused(*args: object, **kwargs: object) -> object:
            calls.append(name)
            raise AssertionError(f"network access: {name}")

        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    reports = [validate(target) for target in (EXAMPLE, MANY, CASES[-1].target, "{", b"\xff")]
    assert [] == calls
    assert [True, False, True, False, False] == [report.ok for report in reports]
    assert "E999" not in {p.code for report in reports for p in report}


# --- the Report and Problem API ------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        pytest.param(EXAMPLE, id="path"),
        pytest.param(EXAMPLE.read_text(encoding="utf-8"), id="text"),
        pytest.param(EXAMPLE.read_bytes(), id="bytes"),
        pytest.param(json.loads(EXAMPLE.read_text(encoding="utf-8")), id="dict"),
    ],
)
def test_the_example_is_valid(target: object):
    """examples/russia-azerbaijan-2025.json has no problem at all, however it is passed."""
    report = validate(target)  # type: ignore[arg-type]
    assert () == report.problems
    assert report.ok
    assert "valid: 0 error(s), 0 warning(s)" == str(report)


def test_any_mapping_is_accepted():
    """A read-only mapping (the signature says Mapping) validates like the dict it wraps."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert () == validate(MappingProxyType(data)).problems


def test_report_lists_errors_and_warnings():
    """ok, errors, warnings and iteration agree with the problems' codes."""
    report = validate(MANY)
    assert not report.ok
    assert list(report.problems) == list(report)
    assert ["W401"] == [p.code for p in report.warnings]
    assert 9 == len(report.errors)
    assert {Severity.ERROR} == {p.severity for p in report.errors}
    assert str(report).endswith("\ninvalid: 9 error(s), 1 warning(s)")


def test_a_report_with_only_warnings_is_valid():
    """Warnings do not fail a report; str() gives each problem, then the verdict."""
    w401 = next(case for case in CASES if case.code == "W401")
    report = validate(w401.target)
    assert report.ok
    assert () == report.errors
    assert [
        "5:42: W401 takes effect (2025-05-01) before its announcement (2025-06-01); "
        "if that is right, set retroactive to true (at /measures/0/effective)",
        "valid: 0 error(s), 1 warning(s)",
    ] == str(report).split("\n")


def test_problem_path_to_dict_and_str():
    """A problem has a JSONPath, a dict form with line and column only when known, and str."""
    problem = Problem(code="E302", message="bad", location="/incidents/2/date", line=7, column=3)
    assert "$.incidents[2].date" == problem.path
    assert {
        "code": "E302",
        "severity": "error",
        "message": "bad",
        "location": "/incidents/2/date",
        "line": 7,
        "column": 3,
    } == problem.to_dict()
    assert "7:3: E302 bad (at /incidents/2/date)" == str(problem)
    unplaced = Problem(code="W402", message="uncited", location="/a~1b/x y")
    assert '$["a/b"]["x y"]' == unplaced.path
    assert {
        "code": "W402",
        "severity": "warning",
        "message": "uncited",
        "location": "/a~1b/x y",
    } == unplaced.to_dict()
    assert "/a~1b/x y: W402 uncited" == str(unplaced)
    assert "$" == Problem(code="E100", message="m").path


def test_report_to_dict_is_json_ready():
    """Report.to_dict has ok and the problems' dicts, and survives json.dumps."""
    report = validate(next(case for case in CASES if case.code == "W402").target)
    data = report.to_dict()
    assert {
        "ok": True,
        "problems": [
            {
                "code": "W402",
                "severity": "warning",
                "message": "this casualty cites no source of its own; add a citation",
                "location": "/incidents/0/casualties/0",
                "line": 5,
                "column": 17,
            }
        ],
    } == data
    assert data == json.loads(json.dumps(data))


def test_severity_follows_the_code():
    """E codes are errors and W codes warnings, whatever the message says."""
    assert Severity.ERROR == Problem(code="E408", message="warning").severity
    assert Severity.WARNING == Problem(code="W403", message="error").severity


def test_mapping_input_has_no_line():
    """Problems found in an already-parsed dict carry a pointer but no line or column."""
    report = validate({"schema_version": "1.0", "actors": [{"id": "actor:a", "kind": "state"}]})
    assert [("E202", "/actors/0/name", None, None)] == [
        (p.code, p.location, p.line, p.column) for p in report
    ]
    assert "/actors/0/name: E202 required field 'name' of Actor is missing" == str(
        report.problems[0]
    )


# --- messages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("E202", "required field 'name' of Actor is missing"),
        ("E402", "refers to 'actor:x', which is not in this dataset"),
        ("E405", "closes a cycle: incident:a -> incident:b -> incident:a"),
        ("E101", "not valid JSON: Expecting property name enclosed in double quotes"),
    ],
)
def test_messages_say_what_to_fix(code: str, message: str):
    """Representative messages are exact, readable sentences."""
    case = next(case for case in CASES if case.code == code)
    assert [message] == [p.message for p in validate(case.target) if p.code == code]


@pytest.mark.parametrize("value", ["5", "null", "true"])
def test_a_wrong_type_in_a_text_field_is_reported_once(value: str):
    """A non-string name is one problem (E203), not also 'expected text, not int' (E208)."""
    text = lines(HEAD, '"actors": [{"id": "actor:a", "kind": "state", "name": ' + value + "}]}")
    assert [("E203", "/actors/0/name")] == [(p.code, p.location) for p in validate(text)]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        pytest.param('"id"', '"source:' + "a" * 130 + '"', "E205", id="id"),
        pytest.param('"title"', '"' + "a" * 1001 + '"', "E208", id="title"),
        pytest.param('"url"', '"https://example.org/' + "a" * 2048 + '"', "E206", id="url"),
    ],
)
def test_an_over_long_value_gets_its_own_code(field: str, value: str, code: str):
    """Too long ids, titles and URLs are E205, E208 and E206, not the catch-all E210."""
    source = {"id": '"source:s"', "title": '"S"', "url": '"https://example.org/"'}
    source[field.strip('"')] = value
    body = ", ".join(f'"{key}": {text}' for key, text in source.items())
    report = validate(lines(HEAD, '"sources": [{' + body + "}]}"))
    assert [code] == [p.code for p in report]


def test_a_json_lines_path_is_checked_as_a_stream(tmp_path):
    """validate(Path('x.jsonl')) reads JSON Lines, with line numbers and cross-line references."""
    path = tmp_path / "crisis.jsonl"
    dataset = incidents.examples.load("sputnik-azerbaijan-2025")
    incidents.write(dataset, path)
    assert validate(path).ok
    text = re.sub(r'("initiator": ?)"actor:kremlin"', r'\1"actor:nobody"', path.read_text("utf-8"))
    path.write_text(text, encoding="utf-8")
    report = validate(path)
    assert {"E402"} == {problem.code for problem in report}
    assert all(problem.line is not None for problem in report)
    assert ["E100"] == [problem.code for problem in validate(tmp_path / "missing.jsonl")]
