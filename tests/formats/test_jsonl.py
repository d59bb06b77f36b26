"""Tests for JSON Lines: writing, strict reading, streaming, and validation across lines."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import incidents
import incidents.validation.stream
from incidents import ParseError, strategies
from incidents.errors import ArgumentError, FileError
from incidents.formats.jsonl import (
    MAX_LINE_BYTES,
    from_jsonl,
    iter_jsonl,
    iter_records,
    numbered_lines,
    to_jsonl,
)
from incidents.validation._stream_index import pack_date, unpack_date
from incidents.validation.report import Problem
from incidents.validation.stream import validate_jsonl

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE = EXAMPLES / "russia-azerbaijan-2025.json"
KINDS = {"actors": "actor", "sources": "source", "incidents": "incident", "measures": "measure"}

HEADER = '{"schema_version":"1.0"}'
ACTOR = '{"actor":{"id":"actor:a","kind":"state","name":"A"}}'
SOURCE = '{"source":{"id":"source:s","title":"S"}}'
CITES = '"citations":[{"source":"source:s"}]'


def incident(slug: str, date: str, *extra: str) -> str:
    """An incident line citing source:s, with extra members."""
    members = ",".join((f'"id":"incident:{slug}","kind":"raid","title":"T","date":"{date}"',))
    return "{" + f'"incident":{{{members},{",".join((*extra, CITES))}}}' + "}"


def measure(slug: str, *extra: str) -> str:
    """A measure line by actor:a citing source:s, with extra members."""
    members = f'"id":"measure:{slug}","kind":"summon_envoy","initiator":"actor:a"'
    return "{" + f'"measure":{{{members},{",".join((*extra, CITES))}}}' + "}"


def problems(*lines: str) -> list[tuple[str, int | None, str]]:
    """(code, line, location) of every problem validate_jsonl finds in these lines."""
    text = "\n".join(lines) + "\n"
    return [(p.code, p.line, p.location) for p in validate_jsonl(io.BytesIO(text.encode()))]


def as_lines(document: dict[str, Any]) -> tuple[str, dict[str, int]]:
    """A JSON dataset document as JSON Lines, and the line of each record's pointer."""
    lines = [json.dumps({"schema_version": document["schema_version"]})]
    line_of = {}
    for key, kind in KINDS.items():
        for position, record in enumerate(document.get(key, [])):
            lines.append(json.dumps({kind: record}, ensure_ascii=False))
            line_of[f"/{key}/{position}"] = len(lines)
    return "\n".join(lines) + "\n", line_of


# -- writing -------------------------------------------------------------------------------


@settings(max_examples=30)
@given(strategies.datasets())
def test_every_dataset_round_trips_through_json_lines(dataset: incidents.Dataset) -> None:
    """from_jsonl(to_jsonl(d)) == d, from text and from bytes, and iter_records streams it."""
    text = to_jsonl(dataset)
    assert dataset == from_jsonl(text)
    assert dataset == from_jsonl(text.encode("utf-8"))
    assert list(dataset.records()) == list(iter_records(io.BytesIO(text.encode("utf-8"))))


def test_each_line_is_one_record_as_in_the_json_format() -> None:
    """Line 1 is the header; each other line wraps a record exactly as the JSON format has it."""
    dataset = incidents.read(EXAMPLE)
    document = json.loads(incidents.to_json(dataset))
    lines = to_jsonl(dataset).split("\n")
    assert '{"schema_version":"1.0"}' == lines[0]
    assert "" == lines[-1]
    expected = [{kind: record} for key, kind in KINDS.items() for record in document.get(key, [])]
    assert expected == [json.loads(line) for line in lines[1:-1]]
    compact = json.dumps(expected[0], ensure_ascii=False, separators=(",", ":"))
    assert compact == lines[1]


def test_writing_is_deterministic_and_streams_line_by_line() -> None:
    """to_jsonl is the join of iter_jsonl, and the same dataset always gives the same text."""
    dataset = incidents.read(EXAMPLE)
    assert to_jsonl(dataset) == "".join(iter_jsonl(dataset))
    assert to_jsonl(dataset) == to_jsonl(incidents.read(EXAMPLE))
    assert all(line.endswith("\n") for line in iter_jsonl(dataset))


def test_line_separators_in_text_are_escaped() -> None:
    """U+2028 and U+2029 in free text are written as escapes, so no reader splits the line."""
    summary = "first\u2028second\u2029third"
    raid = incidents.Incident(
        id="incident:x",
        kind=incidents.IncidentKind.RAID,
        title="T",
        date=incidents.PartialDate.parse("2025"),
        summary=summary,
    )
    dataset = incidents.Dataset(incidents=(raid,))
    text = to_jsonl(dataset)
    assert "\u2028" not in text
    assert "\u2029" not in text
    assert "\\u2028" in text
    assert 2 == len(text.splitlines())
    assert dataset == from_jsonl(text)


def test_to_jsonl_refuses_what_is_not_a_dataset() -> None:
    """Anything but a Dataset is refused with the library's error."""
    with pytest.raises(ArgumentError, match=r"to_jsonl\(dataset=...\): expected a Dataset"):
        to_jsonl({"schema_version": "1.0"})  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"iter_jsonl\(dataset=...\)"):
        iter_jsonl(None)  # type: ignore[arg-type]


def test_read_and_write_pick_json_lines_by_suffix(tmp_path: Path) -> None:
    """incidents.write and incidents.read use JSON Lines for .jsonl files."""
    dataset = incidents.read(EXAMPLE)
    target = tmp_path / "crisis.jsonl"
    incidents.write(dataset, target)
    assert to_jsonl(dataset) == target.read_text(encoding="utf-8")
    assert dataset == incidents.read(target)


def test_reading_a_bad_file_names_the_file_and_the_line(tmp_path: Path) -> None:
    """A .jsonl file with a bad line raises ParseError naming the file, the line and column."""
    target = tmp_path / "bad.jsonl"
    line = ACTOR.replace("state", "stat")
    target.write_text(f"{HEADER}\n{line}\n", encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        incidents.read(target)
    assert str(target) == caught.value.source
    [problem] = caught.value.problems
    assert ("$.actor.kind", 2, line.index('"stat"') + 1, "E204") == (
        problem.path,
        problem.line,
        problem.column,
        problem.code,
    )


# -- strict reading ------------------------------------------------------------------------


def codes(text: str | bytes) -> list[tuple[str, int | None, str]]:
    """(code, line, path) of each problem from_jsonl raises for ``text``."""
    with pytest.raises(ParseError) as caught:
        from_jsonl(text)
    return [(p.code, p.line, p.path) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [("E101", 1, "$")]),
        (f"{HEADER}\n\n{ACTOR}\n", [("E101", 2, "$")]),
        (f"{HEADER}\n{ACTOR}\n\n", [("E101", 3, "$")]),
        (f"{HEADER}\n   \n", [("E101", 2, "$")]),
        (f"{ACTOR}\n{SOURCE}\n", [("E202", 1, "$")]),
        ('{"schema_version":"2.0"}\n', [("E206", 1, "$.schema_version")]),
        ('{"schema_version":1}\n', [("E203", 1, "$.schema_version")]),
        ('{"schema_version":"1.0","note":"x"}\n', [("E201", 1, "$.note")]),
        ('{"version":"1.0"}\n', [("E202", 1, "$.schema_version"), ("E201", 1, "$.version")]),
        ("[]\n", [("E203", 1, "$")]),
        (f"{HEADER}\n[1]\n", [("E203", 2, "$")]),
        (f"{HEADER}\n{{}}\n", [("E202", 2, "$")]),
        (f"{HEADER}\n{HEADER}\n", [("E201", 2, "$.schema_version")]),
        (f'{HEADER}\n{{"actr":{{}}}}\n', [("E202", 2, "$")]),
        (f'{HEADER}\n{ACTOR[:-1]},"note":1}}\n', [("E201", 2, "$.note")]),
        (f'{HEADER}\n{ACTOR[:-1]},"source":{{}}}}\n', [("E201", 2, "$.source")]),
        (f"{HEADER}\n{ACTOR[:-1]},{ACTOR[1:]}\n", [("E105", 2, "$.actor")]),
        (f"{HEADER}\n{ACTOR[:-2]}\n", [("E101", 2, "$")]),
        (f'{HEADER}\n{{"actor":NaN}}\n', [("E106", 2, "$.actor")]),
        (f'{HEADER}\n{{"actor":5}}\n', [("E203", 2, "$.actor")]),
        (f"{HEADER}\n{ACTOR.replace('A', '')}\n", [("E208", 2, "$.actor.name")]),
    ],
)
def test_each_bad_line_is_refused_with_its_line(text: str, expected: list[Any]) -> None:
    """Every kind of bad line raises ParseError with the problem's code, line and path."""
    assert expected == codes(text)


def test_every_bad_line_is_listed() -> None:
    """from_jsonl lists the problems of all lines, not only the first bad one."""
    text = f"{HEADER}\n{ACTOR.replace('state', 'x')}\n{SOURCE}\n{SOURCE.replace('S', '')}\n"
    assert [("E204", 2, "$.actor.kind"), ("E208", 4, "$.source.title")] == codes(text)


def test_a_first_line_holding_a_record_is_still_checked_as_one() -> None:
    """Without a header, line 1 is reported and also read as a record."""
    text = f"{ACTOR.replace('state', 'x')}\n"
    assert [("E202", 1, "$"), ("E204", 1, "$.actor.kind")] == codes(text)


def test_bytes_are_checked_line_by_line() -> None:
    """Invalid UTF-8 and a byte-order mark are reported on their line."""
    bad = f"{HEADER}\n".encode() + b'{"actor":"\xff"}\n'
    assert [("E102", 2, "$")] == codes(bad)
    assert [("E103", 1, "$")] == codes(b"\xef\xbb\xbf" + HEADER.encode())


def test_carriage_returns_and_a_missing_final_line_feed_are_accepted() -> None:
    """CRLF line ends and a last line without a line feed read as usual."""
    dataset = from_jsonl(f"{HEADER}\r\n{ACTOR}\r\n{SOURCE}")
    assert ["actor:a", "source:s"] == [record.id for record in dataset.records()]


def test_the_header_version_is_kept() -> None:
    """A 1.x header other than 1.0 is read and kept in the dataset."""
    assert "1.3" == from_jsonl('{"schema_version":"1.3"}\n').schema_version


def test_from_jsonl_refuses_other_types() -> None:
    """Only text and bytes are read."""
    with pytest.raises(ParseError, match="expected JSON Lines text"):
        from_jsonl(42)  # type: ignore[arg-type]


def test_a_line_over_the_limit_is_refused_without_holding_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A line longer than MAX_LINE_BYTES is E108, in text, bytes and streams alike."""
    monkeypatch.setattr(incidents.formats.jsonl, "MAX_LINE_BYTES", 40)
    long_source = '{"source":{"id":"source:long","title":"' + "x" * 60 + '"}}'
    text = f"{HEADER}\n{long_source}\n{SOURCE}\n"
    assert [("E108", 2, "$")] == codes(text)
    assert [("E108", 2, "$")] == codes(text.encode())
    lines = list(numbered_lines(io.BytesIO(text.encode())))
    assert [(1, HEADER.encode()), (2, None), (3, SOURCE.encode())] == lines
    assert [(1, HEADER), (2, None), (3, SOURCE)] == list(numbered_lines(io.StringIO(text)))
    assert 40 < MAX_LINE_BYTES


def test_iter_records_reads_lazily_and_stops_at_the_first_bad_line() -> None:
    """Records before a bad line are yielded; the bad line raises with its problems."""
    stream = io.BytesIO(f"{HEADER}\n{ACTOR}\n{SOURCE}\n[]\n{SOURCE}\n".encode())
    records = iter_records(stream)
    assert "actor:a" == next(records).id
    assert "source:s" == next(records).id
    with pytest.raises(ParseError) as caught:
        next(records)
    assert [4] == [problem.line for problem in caught.value.problems]


def test_iter_records_takes_any_iterable_of_lines() -> None:
    """A list of lines (with or without line feeds) reads like a file."""
    records = iter_records([f"{HEADER}\n", ACTOR, SOURCE.encode()])
    assert ["actor:a", "source:s"] == [record.id for record in records]


def test_iter_records_refuses_an_empty_stream() -> None:
    """A stream without a single line has no header."""
    with pytest.raises(ParseError, match="the document is empty"):
        list(iter_records(io.BytesIO(b"")))


# -- validation across lines ---------------------------------------------------------------


def test_the_examples_are_valid_as_json_lines() -> None:
    """Every example dataset, written as JSON Lines, validates without a problem."""
    for path in sorted(EXAMPLES.glob("*.json")):
        text = to_jsonl(incidents.read(path))
        assert [] == list(validate_jsonl(io.BytesIO(text.encode()))), path.name


def test_references_may_point_forward() -> None:
    """A measure may respond to, cite and name records on later lines."""
    lines = [
        HEADER,
        measure("m", '"in_response_to":["incident:i"]', '"targets":["actor:b"]'),
        incident("i", "2025-06-27"),
        ACTOR,
        '{"actor":{"id":"actor:b","kind":"state","name":"B"}}',
        SOURCE,
    ]
    assert [] == problems(*lines)


def test_a_forward_trigger_dated_later_is_e404() -> None:
    """A response dated before its trigger on a later line is E404 on the response."""
    lines = [
        HEADER,
        ACTOR,
        SOURCE,
        measure("m", '"announced":"2025-06-01"', '"in_response_to":["incident:i"]'),
        incident("i", "2025-06-27"),
    ]
    assert [("E404", 4, "/measure/in_response_to/0")] == problems(*lines)


def test_a_cycle_across_lines_is_reported_once_with_its_ids() -> None:
    """Records that respond to each other form a cycle, reported at the closing edge."""
    lines = [
        HEADER,
        ACTOR,
        SOURCE,
        incident("a", "2025", '"in_response_to":["incident:b"]'),
        incident("b", "2025", '"links":[{"kind":"part_of","target":"incident:c"}]'),
        incident("c", "2025", '"in_response_to":["incident:a"]'),
    ]
    found = list(validate_jsonl(io.BytesIO(("\n".join(lines) + "\n").encode())))
    assert [("E405", 6, "/incident/in_response_to/0")] == [
        (p.code, p.line, p.location) for p in found
    ]
    expected = "closes a cycle: incident:a -> incident:b -> incident:c -> incident:a"
    assert expected == found[0].message


def test_a_duplicate_id_names_the_first_line() -> None:
    """E401 says on which line the id was first used."""
    found = list(validate_jsonl(io.BytesIO(f"{HEADER}\n{ACTOR}\n{ACTOR}\n".encode())))
    assert [("E401", 3, "/actor/id")] == [(p.code, p.line, p.location) for p in found]
    assert "id 'actor:a' is already used by the record at line 2" == found[0].message


MUTATIONS: dict[str, Callable[[dict[str, Any]], None]] = {}


def mutation(code: str) -> Callable[[Callable[[dict[str, Any]], None]], Any]:
    """Register a change to the example document that must bring ``code``."""

    def register(change: Callable[[dict[str, Any]], None]) -> Any:
        MUTATIONS[code] = change
        return change

    return register


@mutation("E201")
def _unknown_field(document: dict[str, Any]) -> None:
    document["actors"][0]["nickname"] = "x"


@mutation("E204")
def _not_in_vocabulary(document: dict[str, Any]) -> None:
    document["incidents"][0]["kind"] = "raidd"


@mutation("E206")
def _bad_date(document: dict[str, Any]) -> None:
    document["measures"][0]["announced"] = "2025-6-1"


@mutation("E302")
def _impossible_date(document: dict[str, Any]) -> None:
    document["incidents"][1]["date"] = "2025-02-30"


@mutation("E401")
def _duplicate_id(document: dict[str, Any]) -> None:
    document["measures"][3]["id"] = document["measures"][1]["id"]


@mutation("E402")
def _unresolved(document: dict[str, Any]) -> None:
    document["measures"][0]["targets"] = ["actor:nobody"]


@mutation("E403")
def _unknown_source(document: dict[str, Any]) -> None:
    document["incidents"][0]["citations"][0]["source"] = "source:nowhere"


@mutation("E404")
def _response_before_trigger(document: dict[str, Any]) -> None:
    first, second = document["incidents"][0], document["incidents"][1]
    first["date"] = "2025-06-01"
    first["in_response_to"] = [second["id"]]
    second["date"] = "2025-07-01"


@mutation("E409")
def _link_into_the_future(document: dict[str, Any]) -> None:
    part, whole = document["measures"][0], document["measures"][1]
    for field in ("effective", "retroactive"):
        part.pop(field, None)
        whole.pop(field, None)
    part["announced"] = "2025-06-01"
    whole["announced"] = "2025-07-20"
    part["links"] = [{"kind": "part_of", "target": whole["id"]}]


@mutation("E405")
def _cycle(document: dict[str, Any]) -> None:
    first, second = document["incidents"][0], document["incidents"][1]
    first["in_response_to"] = [second["id"]]
    second["in_response_to"] = [first["id"]]
    second["date"] = first["date"]


@mutation("E406")
def _count_order(document: dict[str, Any]) -> None:
    casualty = next(
        c for i in document["incidents"] for c in i.get("casualties", ()) if "count" in c
    )
    casualty["count"][0]["value"] = {"best": 5, "low": 3, "high": 4, "qualifier": "about"}


@mutation("E407")
def _retroactive_after(document: dict[str, Any]) -> None:
    document["measures"][0].update(announced="2025-06-01", effective="2025-07-01", retroactive=True)


@mutation("E408")
def _uncited(document: dict[str, Any]) -> None:
    del document["measures"][2]["citations"]


@mutation("W401")
def _effective_before(document: dict[str, Any]) -> None:
    document["measures"][0].update(announced="2025-07-01", effective="2025-06-01")
    document["measures"][0].pop("retroactive", None)


@mutation("W402")
def _uncited_casualty(document: dict[str, Any]) -> None:
    casualty = next(c for i in document["incidents"] for c in i.get("casualties", ()))
    casualty.pop("citations", None)


@mutation("W403")
def _repeated_claim(document: dict[str, Any]) -> None:
    casualty = next(
        c for i in document["incidents"] for c in i.get("casualties", ()) if "count" in c
    )
    casualty["count"].append(copy.deepcopy(casualty["count"][0]))


@mutation("E205")
def _response_to_a_record_that_is_no_event(document: dict[str, Any]) -> None:
    document["actors"][0]["id"] = "incident:not-an-event"
    dated = next(measure for measure in document["measures"] if "announced" in measure)
    dated["in_response_to"] = ["incident:not-an-event", 5]


@mutation("E202")
def _count_rule(document: dict[str, Any]) -> None:
    casualty = next(
        c for i in document["incidents"] for c in i.get("casualties", ()) if "count" in c
    )
    casualty["count"][0]["value"] = {"low": 5, "qualifier": "between"}


def as_json_lines_problem(problem: Problem, line_of: dict[str, int]) -> tuple[Any, ...]:
    """Where a problem found in the JSON document must be found in the JSON Lines one."""
    parts = problem.location.split("/")
    record, rest = "/".join(parts[:3]), "/".join(parts[3:])
    location = f"/{KINDS[parts[1]]}" + (f"/{rest}" if rest else "")
    message = problem.message
    for pointer, line in line_of.items():
        message = message.replace(f"record at {pointer}", f"record at line {line}")
    return (line_of[record], location, problem.code, message)


@pytest.mark.parametrize("code", sorted(MUTATIONS))
def test_json_lines_find_what_json_finds(code: str) -> None:
    """For each code, a JSON Lines file gets the same problems, codes and messages as the
    same dataset as one JSON document, on the line of the record it is in."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    MUTATIONS[code](document)
    text, line_of = as_lines(document)
    whole = incidents.validate(json.dumps(document, ensure_ascii=False, indent=2).encode())
    streamed = list(validate_jsonl(io.BytesIO(text.encode("utf-8"))))
    assert code in [problem.code for problem in streamed]
    expected = [as_json_lines_problem(problem, line_of) for problem in whole]
    assert expected == [(p.line, p.location, p.code, p.message) for p in streamed]
    assert all(p.column is not None for p in streamed)


def test_every_semantic_code_is_covered() -> None:
    """The equivalence test above has a case for every semantic code."""
    collection_only = {"E410", "W404"}  # two files of a collection (tests/collection/)
    semantic = {code for code in incidents.validation.codes.CODES if code[1] == "4"}
    assert semantic - collection_only <= set(MUTATIONS)


def test_many_ids_grow_the_index() -> None:
    """Thousands of ids (the table grows several times) still resolve, duplicates found."""
    actors = [f'{{"actor":{{"id":"actor:a{n}","kind":"state","name":"A"}}}}' for n in range(3000)]
    targets = ",".join(f'"actor:a{n}"' for n in range(0, 3000, 7))
    lines = [HEADER, SOURCE, measure("m", f'"initiator":"actor:a2999","targets":[{targets}]')]
    lines[2] = lines[2].replace('"initiator":"actor:a",', "")
    assert [("E401", 3004, "/actor/id")] == problems(*lines, *actors, actors[5])


@given(strategies.partial_dates())
def test_packed_dates_unpack_to_the_same_date(date: incidents.PartialDate) -> None:
    """The index's one-integer form of a date loses nothing."""
    assert date == unpack_date(pack_date(date))
    assert 0 <= pack_date(date) < 1 << 63


def test_standard_input_is_read_twice_through_a_temporary_copy() -> None:
    """A stream that cannot seek is copied first, so forward references still resolve."""

    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            chunk = self.data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    lines = [HEADER, measure("m", '"in_response_to":["incident:i"]'), incident("i", "2025"), ACTOR]
    text = "\n".join([*lines, SOURCE]) + "\n"
    assert [] == list(validate_jsonl(Pipe(text.encode())))  # type: ignore[arg-type]


def test_a_file_is_read_by_path(tmp_path: Path) -> None:
    """A path is opened and checked; a missing one raises FileError."""
    target = tmp_path / "data.jsonl"
    target.write_text(f"{HEADER}\n{ACTOR}\n{ACTOR}\n", encoding="utf-8")
    assert ["E401"] == [problem.code for problem in validate_jsonl(target)]
    assert ["E401"] == [problem.code for problem in validate_jsonl(str(target))]
    with pytest.raises(FileError, match="no such file"):
        list(validate_jsonl(tmp_path / "missing.jsonl"))
    with pytest.raises(FileError, match="is a directory"):
        list(validate_jsonl(tmp_path))


def test_an_empty_file_has_no_header() -> None:
    """A file without lines is one problem, on line 1."""
    assert [("E101", 1, "")] == problems()[:0] + [
        (p.code, p.line, p.location) for p in validate_jsonl(io.BytesIO(b""))
    ]


def test_bad_lines_do_not_stop_the_check() -> None:
    """Lines that do not parse are reported and the others still checked."""
    lines = [HEADER, "{", ACTOR, "", ACTOR.replace("state", "x").replace("actor:a", "actor:b")]
    assert [("E101", 2, ""), ("E101", 4, ""), ("E204", 5, "/actor/kind")] == problems(*lines)


def test_a_failure_inside_the_validator_is_e999_on_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If a check raises, that line gets E999 and the other lines are still checked."""

    def broken(*_: Any) -> Iterator[Any]:
        raise RuntimeError("boom")

    monkeypatch.setattr(incidents.validation.stream, "record_findings", broken)
    found = problems(HEADER, ACTOR, "[]")
    assert [("E999", 2, ""), ("E203", 3, "")] == found


def test_progress_is_reported_in_bytes_over_both_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The progress callback sees bytes done grow to twice the file's size."""
    monkeypatch.setattr(incidents.validation.stream, "PROGRESS_EVERY", 1)
    text = f"{HEADER}\n{ACTOR}\n{SOURCE}\n".encode()
    calls: list[tuple[int, int]] = []
    list(validate_jsonl(io.BytesIO(text), lambda done, total: calls.append((done, total))))
    assert (2 * len(text), 2 * len(text)) == calls[-1]
    assert sorted(calls) == calls
    assert 6 == len(calls)


def test_lines_that_are_not_records_are_reported_as_such() -> None:
    """A record that is not an object, a flagged header, a record on line 1, duplicate keys."""
    assert [("E203", 2, "/incident")] == problems(HEADER, '{"incident":[1]}')
    assert [("E106", 1, "/schema_version")] == problems('{"schema_version":NaN}')
    assert [("E202", 1, ""), ("E204", 1, "/actor/kind")] == problems(ACTOR.replace("state", "x"))
    duplicated = ACTOR.replace('"name":"A"', '"name":"A","name":"A"')
    assert [("E105", 2, "/actor/name")] == problems(HEADER, duplicated)


def test_too_many_lines_is_a_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file with more lines than the index can number is refused as a whole."""
    monkeypatch.setattr(incidents.validation.stream, "MAX_LINES", 2)
    stream = io.BytesIO(f"{HEADER}\n{ACTOR}\n{SOURCE}\n".encode())
    with pytest.raises(FileError, match="has more than 2 lines") as caught:
        list(validate_jsonl(stream))
    assert "<stream>" == caught.value.path


def test_a_read_error_is_a_file_error() -> None:
    """An error while reading becomes a FileError naming the stream."""

    class Failing(io.BytesIO):
        name = "disk.jsonl"

        def readline(self, size: int | None = -1) -> bytes:
            raise OSError(5, "Input/output error")

    with pytest.raises(FileError, match=r"disk\.jsonl: Input/output error"):
        list(validate_jsonl(Failing(b"")))


def test_an_id_that_is_not_text_is_no_record_to_refer_to() -> None:
    """A record whose id is a list is reported by the schema, in JSON Lines and in JSON."""
    record = '{"id":[],"kind":"summon_envoy","initiator":"actor:a",' + CITES + "}"
    found = problems(HEADER, SOURCE, '{"measure":' + record + "}")
    assert [("E203", 3, "/measure/id"), ("E402", 3, "/measure/initiator")] == found
    document = '{"schema_version":"1.0","measures":[' + record + "," + record + "]}"
    report = incidents.validate(document.encode())
    assert ["E203", "E203"] == [p.code for p in report if p.location.endswith("/id")]
    assert "E999" not in [p.code for p in report]
