"""Tests for incidents.formats.json: the round trip, the output format and strict reading."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given

import incidents
from incidents import (
    Actor,
    ActorKind,
    Casualty,
    CasualtyOutcome,
    Claim,
    Count,
    Dataset,
    DiplomaticMeasure,
    Incident,
    IncidentKind,
    ParseError,
    PartialDate,
    Source,
    from_json,
    strategies,
    to_json,
)
from incidents.formats.json import MAX_DEPTH, MAX_INTEGER_DIGITS

#: Stands in for raw JSON text (a NaN, a huge number) that ``json.dumps`` cannot produce.
RAW = "@@RAW@@"


def base_document() -> dict[str, Any]:
    """A small valid document with one record of each kind (a fresh copy each call)."""
    return {
        "schema_version": "1.0",
        "actors": [
            {
                "id": "actor:az",
                "kind": "state",
                "name": "Azerbaijan",
                "names": [{"value": "Азербайджан", "language": "ru"}],
                "country": "AZ",
            },
            {"id": "actor:ru", "kind": "state", "name": "Russia", "country": "RU"},
        ],
        "sources": [{"id": "source:report", "title": "A report", "language": "en"}],
        "incidents": [
            {
                "id": "incident:raid",
                "kind": "raid",
                "title": "Raids in Yekaterinburg",
                "date": "2025-06-27",
                "location": {
                    "name": "Yekaterinburg",
                    "country": "RU",
                    "latitude": 56.8,
                    "longitude": 60.6,
                },
                "casualties": [
                    {
                        "outcome": "detained",
                        "count": [{"value": {"best": 9}}],
                        "citations": [{"source": "source:report"}],
                    }
                ],
                "citations": [{"source": "source:report"}],
            }
        ],
        "measures": [
            {
                "id": "measure:summons",
                "kind": "summon_envoy",
                "initiator": "actor:az",
                "targets": ["actor:ru"],
                "announced": "2025-06-30",
                "in_response_to": ["incident:raid"],
            }
        ],
    }


def changed(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    """The base document after ``change`` has edited it in place."""
    document = base_document()
    change(document)
    return document


def with_raw(document: dict[str, Any], raw: str) -> str:
    """The document as JSON text with the :data:`RAW` placeholder string replaced by ``raw``."""
    text = json.dumps(document)
    assert f'"{RAW}"' in text
    return text.replace(f'"{RAW}"', raw)


def problems_of(document: str | bytes | object) -> tuple[incidents.ParseProblem, ...]:
    """The problems ``from_json`` reports for ``document`` (which must be rejected)."""
    with pytest.raises(ParseError) as caught:
        from_json(document)  # type: ignore[arg-type]
    return caught.value.problems


def paths_of(document: str | bytes | object) -> list[str]:
    """The sorted paths of the problems ``from_json`` reports for ``document``."""
    return sorted(problem.path for problem in problems_of(document))


def casualty(document: dict[str, Any]) -> dict[str, Any]:
    """The base document's one casualty."""
    found: dict[str, Any] = document["incidents"][0]["casualties"][0]
    return found


# --- Round trip ------------------------------------------------------------------------------


def test_base_document_is_valid() -> None:
    """The base document the other tests mutate reads without problems."""
    dataset = from_json(json.dumps(base_document()))

    assert ("actor:az", "actor:ru") == tuple(actor.id for actor in dataset.actors)
    assert Count.exactly(9) == dataset.incidents[0].casualties[0].count[0].value


@given(strategies.datasets())
def test_round_trip_and_stable_text(dataset: Dataset) -> None:
    """Text written for a dataset, or its UTF-8 bytes, reads back equal and writes the same."""
    text = to_json(dataset)
    again = from_json(text)

    assert dataset == again
    assert dataset == from_json(text.encode("utf-8"))
    assert text == to_json(dataset)
    assert text == to_json(again)


@given(strategies.datasets())
def test_written_keys_follow_field_order(dataset: Dataset) -> None:
    """Every record's keys are written in the order its fields are declared."""
    data = json.loads(to_json(dataset))
    kinds = {
        "actors": Actor,
        "sources": Source,
        "incidents": Incident,
        "measures": DiplomaticMeasure,
    }
    for key, kind in kinds.items():
        declared = [field.name for field in attrs.fields(kind)]
        for record in data.get(key, []):
            assert [name for name in declared if name in record] == list(record)


def test_bytes_like_inputs_are_read() -> None:
    """A bytearray and a memoryview of UTF-8 text are read like bytes."""
    raw = json.dumps(base_document()).encode("utf-8")
    expected = from_json(raw)

    assert expected == from_json(bytearray(raw))
    assert expected == from_json(memoryview(raw))


# --- Output format ---------------------------------------------------------------------------


def test_output_is_two_space_indented_utf8_with_final_newline() -> None:
    """The text is indented by two spaces, keeps non-ASCII letters and ends with a newline."""
    text = to_json(from_json(json.dumps(base_document())))

    assert json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n" == text
    assert text.startswith('{\n  "schema_version": "1.0",\n  "actors": [\n    {\n')
    assert '"value": "Азербайджан"' in text
    assert "\\u" not in text
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")


def test_incident_keys_start_with_id_kind_title_date() -> None:
    """An incident's keys come in declaration order: id, kind, title, date first."""
    incident = Incident(
        id="incident:x",
        kind=IncidentKind.RAID,
        title="A raid",
        date=PartialDate.parse("2025-06-27"),
        note="written last",
        summary="written after the date",
    )
    data = json.loads(to_json(Dataset(incidents=(incident,))))

    assert ["id", "kind", "title", "date", "summary", "note"] == list(data["incidents"][0])


def test_defaults_are_omitted() -> None:
    """Fields equal to their defaults (an exact qualifier, empty tuples) are not written."""
    incident = Incident(
        id="incident:x",
        kind=IncidentKind.ARREST,
        title="Arrests",
        date=PartialDate.parse("2025-06"),
        casualties=(
            Casualty(outcome=CasualtyOutcome.DETAINED, count=(Claim(value=Count.exactly(9)),)),
        ),
    )
    data = json.loads(to_json(Dataset(incidents=(incident,))))

    assert {"schema_version": "1.1", "incidents": [data["incidents"][0]]} == data
    assert {"outcome": "detained", "count": [{"value": {"best": 9}}]} == (
        data["incidents"][0]["casualties"][0]
    )
    assert ["id", "kind", "title", "date", "casualties"] == list(data["incidents"][0])


def test_default_source_kind_is_omitted() -> None:
    """A source of the default kind (a news article) is written without its kind."""
    data = json.loads(to_json(Dataset(sources=(Source(id="source:a", title="A"),))))

    assert [{"id": "source:a", "title": "A"}] == data["sources"]


def test_schema_version_is_always_written() -> None:
    """An empty dataset is written with its schema version, which equals the default."""
    assert '{\n  "schema_version": "1.1"\n}\n' == to_json(Dataset())


def test_to_json_refuses_what_is_not_a_dataset() -> None:
    """Writing something other than a Dataset raises IncidentsError."""
    with pytest.raises(incidents.ArgumentError, match="expected a Dataset, not dict"):
        to_json({"schema_version": "1.0"})  # type: ignore[arg-type]


def test_actor_written_with_non_ascii_name() -> None:
    """A name in Cyrillic appears verbatim in the written text."""
    actor = Actor(id="actor:az", kind=ActorKind.STATE, name="Азербайджан")

    assert '"name": "Азербайджан"' in to_json(Dataset(actors=(actor,)))


# --- Unknown and duplicate keys --------------------------------------------------------------


def test_unknown_key_in_record() -> None:
    """An unknown key in an incident is reported at its path."""
    document = changed(lambda d: d["incidents"][0].update(foo=1))

    assert ["$.incidents[0].foo"] == paths_of(json.dumps(document))


def test_unknown_key_at_top_level() -> None:
    """An unknown top-level key is reported at its path."""
    document = changed(lambda d: d.update(foo=[]))

    assert ["$.foo"] == paths_of(json.dumps(document))


def test_unknown_key_listed_with_other_problems() -> None:
    """When another problem forces the full walk, an unknown key is reported at its path."""
    document = changed(lambda d: d["incidents"][0].update(foo=1, title=RAW))

    paths = paths_of(with_raw(document, "NaN"))

    assert ["$.incidents[0].foo", "$.incidents[0].title"] == paths


def test_unknown_key_with_odd_characters_is_quoted_in_the_path() -> None:
    """A key that is not an identifier is written in brackets and quotes in the path."""
    document = changed(lambda d: d["incidents"][0].update({'a "b"': 1, "title": RAW}))

    paths = paths_of(with_raw(document, "NaN"))

    assert ["$.incidents[0].title", '$.incidents[0]["a \\"b\\""]'] == paths


def test_duplicate_key_in_record() -> None:
    """A key that appears twice in an actor is reported at the key's path."""
    text = json.dumps(base_document()).replace(
        '"name": "Azerbaijan"', '"name": "Azerbaijan", "name": "Azerbaycan"'
    )

    problems = problems_of(text)

    assert ["$.actors[0].name"] == [problem.path for problem in problems]
    assert "duplicate key 'name'" in problems[0].message


def test_duplicate_key_at_top_level() -> None:
    """A top-level key that appears twice is reported at ``$.actors``."""
    text = '{"actors": [], ' + json.dumps(base_document())[1:]

    assert ["$.actors"] == paths_of(text)


def test_duplicate_key_in_claim_value() -> None:
    """A duplicate key inside a claimed count is reported at the count's field."""
    text = json.dumps(base_document()).replace('"best": 9', '"best": 9, "best": 10')

    assert ["$.incidents[0].casualties[0].count[0].value.best"] == paths_of(text)


# --- Numbers ---------------------------------------------------------------------------------

LATITUDE = "$.incidents[0].location.latitude"
BEST = "$.incidents[0].casualties[0].count[0].value.best"


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1E999999"])
def test_non_finite_numbers_are_refused(raw: str) -> None:
    """NaN, infinities and numbers that overflow to infinity are reported at the value."""
    document = changed(lambda d: d["incidents"][0]["location"].update(latitude=RAW))

    assert [LATITUDE] == paths_of(with_raw(document, raw))


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_non_finite_numbers_in_integer_fields_are_refused(raw: str) -> None:
    """NaN and infinity are reported in an integer field too."""
    document = changed(lambda d: casualty(d)["count"][0]["value"].update(best=RAW))

    assert [BEST] == paths_of(with_raw(document, raw))


@pytest.mark.parametrize("raw", ["9" * 5000, "-" + "9" * 5000, "1" + "0" * MAX_INTEGER_DIGITS])
def test_huge_integers_are_refused(raw: str) -> None:
    """An integer of thousands of digits is a ParseError at its path, not a conversion crash."""
    document = changed(lambda d: casualty(d)["count"][0]["value"].update(best=RAW))

    problems = problems_of(with_raw(document, raw))

    assert [BEST] == [problem.path for problem in problems]
    assert "too large" in problems[0].message


def test_huge_integer_as_whole_document() -> None:
    """A document that is one 5000-digit integer is a ParseError at ``$``."""
    assert ["$"] == paths_of("7" * 5000)


def test_integer_of_max_digits_is_checked_by_range() -> None:
    """An integer of exactly MAX_INTEGER_DIGITS digits is read and then refused by its range."""
    document = changed(lambda d: casualty(d)["count"][0]["value"].update(best=RAW))

    problems = problems_of(with_raw(document, "9" * MAX_INTEGER_DIGITS))

    assert [BEST] == [problem.path for problem in problems]
    assert "must be from 0 to" in problems[0].message


# --- Encodings -------------------------------------------------------------------------------


def test_invalid_utf8_has_line_and_column() -> None:
    """Bytes that are not UTF-8 are reported with the line and column of the bad byte."""
    raw = b'{\n  "schema_version": "1.0",\n  "x\xff": 1\n}\n'

    problems = problems_of(raw)

    assert [("$", 3, 5)] == [(p.path, p.line, p.column) for p in problems]
    assert "0xff" in problems[0].message


def test_invalid_utf8_in_a_valid_document() -> None:
    """A stray byte inside an otherwise valid document's text is refused."""
    raw = json.dumps(base_document()).encode("utf-8").replace(b"Raids", b"R\xe4ids")

    problems = problems_of(raw)

    assert 1 == len(problems)
    assert 1 == problems[0].line
    assert raw.index(b"\xe4") + 1 == problems[0].column


@pytest.mark.parametrize("prefix", [b"\xef\xbb\xbf", "\ufeff"], ids=["bytes", "str"])
def test_byte_order_mark_is_refused(prefix: bytes | str) -> None:
    """A document that starts with a UTF-8 byte-order mark is refused at line 1, column 1."""
    text = json.dumps(base_document())
    document = prefix + (text.encode("utf-8") if isinstance(prefix, bytes) else text)

    problems = problems_of(document)

    assert [("$", 1, 1)] == [(p.path, p.line, p.column) for p in problems]
    assert "byte-order mark" in problems[0].message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused(encoding: str) -> None:
    """UTF-16 text, with or without a byte-order mark, is a ParseError."""
    assert ["$"] == paths_of(json.dumps(base_document()).encode(encoding))


def test_utf16_with_bom_says_utf16() -> None:
    """UTF-16 with a byte-order mark is reported as UTF-16."""
    problems = problems_of(json.dumps(base_document()).encode("utf-16"))

    assert "UTF-16" in problems[0].message


# --- Nesting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
        "[" * 100_000 + "]" * 100_000,
        '{"a": ' * 100_000 + "1" + "}" * 100_000,
        "[" * 100_000,
    ],
    ids=["limit-plus-one", "100k-arrays", "100k-objects", "100k-unclosed"],
)
def test_deep_nesting_is_refused(text: str) -> None:
    """Nesting deeper than MAX_DEPTH is a ParseError (never a RecursionError)."""
    problems = problems_of(text)

    assert ["$"] == [problem.path for problem in problems]
    assert "nested" in problems[0].message


def test_deep_nesting_inside_a_record_is_refused() -> None:
    """Deeply nested arrays in a field of a valid document are a ParseError."""
    document = changed(lambda d: d["incidents"][0].update(note=RAW))

    assert ["$"] == paths_of(with_raw(document, "[" * 100_000 + "]" * 100_000))


def test_nesting_at_the_limit_is_parsed() -> None:
    """Arrays nested exactly MAX_DEPTH deep parse; the problem is then the top-level type."""
    problems = problems_of("[" * MAX_DEPTH + "]" * MAX_DEPTH)

    assert ["$"] == [problem.path for problem in problems]
    assert "expected an object (Dataset)" in problems[0].message


@pytest.mark.parametrize("title", ["[" * 200, "{[" * 150, '\\"[' * 100])
def test_brackets_inside_strings_do_not_count_as_nesting(title: str) -> None:
    """Brackets inside string values (also after escaped quotes) do not count as nesting."""
    text = json.dumps(base_document()).replace('"Raids in Yekaterinburg"', f'"{title}"')

    assert json.loads(f'"{title}"') == from_json(text).incidents[0].title


# --- Types, vocabularies, dates and ids --------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: casualty(d).update(age="30"), "$.incidents[0].casualties[0].age"),
        (lambda d: casualty(d).update(age=True), "$.incidents[0].casualties[0].age"),
        (lambda d: casualty(d).update(age=30.5), "$.incidents[0].casualties[0].age"),
        (lambda d: d["incidents"][0].update(title=5), "$.incidents[0].title"),
        (lambda d: d["incidents"][0].update(title=None), "$.incidents[0].title"),
        (lambda d: d["actors"][0].update(name=["Azerbaijan"]), "$.actors[0].name"),
        (
            lambda d: d["actors"][0]["names"][0].update(transliteration=1),
            "$.actors[0].names[0].transliteration",
        ),
        (lambda d: casualty(d).update(in_custody=1), "$.incidents[0].casualties[0].in_custody"),
        (
            lambda d: casualty(d).update(in_custody="true"),
            "$.incidents[0].casualties[0].in_custody",
        ),
        (lambda d: d["incidents"][0]["location"].update(latitude="5"), LATITUDE),
        (lambda d: d["incidents"][0]["location"].update(latitude=False), LATITUDE),
        (lambda d: d["incidents"][0].update(casualties={}), "$.incidents[0].casualties"),
        (lambda d: d["measures"][0].update(targets="actor:ru"), "$.measures[0].targets"),
        (lambda d: d["measures"][0].update(targets=[1]), "$.measures[0].targets[0]"),
        (lambda d: d.update(actors=None), "$.actors"),
        (lambda d: d["incidents"][0].update(location="Yekaterinburg"), "$.incidents[0].location"),
        (
            lambda d: casualty(d)["count"][0].update(value="9"),
            "$.incidents[0].casualties[0].count[0].value",
        ),
        (lambda d: d.update(schema_version=1), "$.schema_version"),
    ],
)
def test_wrong_types_are_reported_at_their_path(
    change: Callable[[dict[str, Any]], object], path: str
) -> None:
    """A value of the wrong JSON type is reported at its path; nothing is coerced."""
    assert [path] == paths_of(json.dumps(changed(change)))


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["incidents"][0].update(kind="riot"), "$.incidents[0].kind"),
        (lambda d: d["incidents"][0].update(kind="RAID"), "$.incidents[0].kind"),
        (lambda d: d["measures"][0].update(kind="nope"), "$.measures[0].kind"),
        (lambda d: d["actors"][0].update(kind=1), "$.actors[0].kind"),
        (lambda d: casualty(d).update(outcome="dead"), "$.incidents[0].casualties[0].outcome"),
    ],
)
def test_bad_vocabulary_values_are_reported(
    change: Callable[[dict[str, Any]], object], path: str
) -> None:
    """A value outside a vocabulary is reported at its path."""
    problems = problems_of(json.dumps(changed(change)))

    assert [path] == [problem.path for problem in problems]
    assert "is not a valid" in problems[0].message


@pytest.mark.parametrize("date", ["2025-13-01", "2025-02-30", "27 June 2025", "", "2025/06/27"])
def test_bad_date_text_is_reported(date: str) -> None:
    """Date text that is not the supported EDTF subset is reported at the date's path."""
    document = changed(lambda d: d["incidents"][0].update(date=date))

    assert ["$.incidents[0].date"] == paths_of(json.dumps(document))


def test_date_of_wrong_type_is_reported() -> None:
    """A number where a date string belongs is reported at the date's path."""
    document = changed(lambda d: d["incidents"][0].update(date=2025))

    assert ["$.incidents[0].date"] == paths_of(json.dumps(document))


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["measures"][0].update(initiator="source:report"), "$.measures[0].initiator"),
        (lambda d: d["measures"][0].update(initiator="az"), "$.measures[0].initiator"),
        (lambda d: d["measures"][0].update(targets=["actor:Ru"]), "$.measures[0].targets[0]"),
        (
            lambda d: d["measures"][0].update(in_response_to=["actor:az"]),
            "$.measures[0].in_response_to[0]",
        ),
        (lambda d: d["incidents"][0].update(id="measure:raid"), "$.incidents[0].id"),
    ],
)
def test_bad_ids_are_reported(change: Callable[[dict[str, Any]], object], path: str) -> None:
    """An id with the wrong kind prefix or a malformed slug is reported at its path."""
    assert [path] == paths_of(json.dumps(changed(change)))


def test_reference_of_wrong_kind_says_what_it_refers_to() -> None:
    """A source id where an actor belongs is reported as referring to a source."""
    document = changed(lambda d: d["measures"][0].update(initiator="source:report"))

    problems = problems_of(json.dumps(document))

    assert "refers to a source" in problems[0].message


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["incidents"][0].pop("title"), "$.incidents[0].title"),
        (lambda d: d["incidents"][0].pop("date"), "$.incidents[0].date"),
        (lambda d: d["actors"][1].pop("id"), "$.actors[1].id"),
        (lambda d: casualty(d).pop("outcome"), "$.incidents[0].casualties[0].outcome"),
        (lambda d: d.pop("schema_version"), "$.schema_version"),
    ],
)
def test_missing_required_fields_are_reported(
    change: Callable[[dict[str, Any]], object], path: str
) -> None:
    """A missing required field is reported at the path it should have."""
    problems = problems_of(json.dumps(changed(change)))

    assert [path] == [problem.path for problem in problems]
    assert "missing" in problems[0].message


@pytest.mark.parametrize("version", ["2.0", "1", "1.01", "0.9", "v1.0", ""])
def test_unsupported_schema_version_is_refused(version: str) -> None:
    """A schema version other than 1.x is reported at ``$.schema_version``."""
    document = changed(lambda d: d.update(schema_version=version))

    assert ["$.schema_version"] == paths_of(json.dumps(document))


def test_later_minor_schema_version_is_read() -> None:
    """A document of schema version 1.7 is read."""
    document = changed(lambda d: d.update(schema_version="1.7"))

    assert "1.7" == from_json(json.dumps(document)).schema_version


# --- Cross-field rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (
            lambda d: casualty(d)["count"][0].update(
                value={"best": 5, "low": 10, "qualifier": "about"}
            ),
            BEST,
        ),
        (
            lambda d: casualty(d)["count"][0].update(value={"best": 9, "low": 1}),
            "$.incidents[0].casualties[0].count[0].value.low",
        ),
        (
            lambda d: casualty(d).update(person="actor:az"),
            "$.incidents[0].casualties[0].count",
        ),
        (
            lambda d: d["measures"][0].update(retroactive=True),
            "$.measures[0].retroactive",
        ),
        (
            lambda d: d["incidents"][0]["location"].pop("longitude"),
            "$.incidents[0].location.longitude",
        ),
    ],
)
def test_cross_field_rules_are_reported_at_the_field(
    change: Callable[[dict[str, Any]], object], path: str
) -> None:
    """A broken rule between fields of one record is reported at the offending field."""
    assert [path] == paths_of(json.dumps(changed(change)))


# --- Whole documents -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["[]", "[{}]", '"1.0"', "null", "true", "5"], ids=lambda text: text
)
def test_top_level_must_be_an_object(text: str) -> None:
    """A document whose top level is not an object is reported at ``$``."""
    problems = problems_of(text)

    assert ["$"] == [problem.path for problem in problems]
    assert "expected an object (Dataset)" in problems[0].message


@pytest.mark.parametrize("document", [base_document(), None, 5, ["{}"]], ids=repr)
def test_input_must_be_text_or_bytes(document: object) -> None:
    """Anything but str or bytes (even an already parsed dict) is a ParseError."""
    problems = problems_of(document)

    assert ["$"] == [problem.path for problem in problems]
    assert "expected JSON text (str) or bytes" in problems[0].message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{\n  "schema_version": "1.0",\n}', 3, 1),
        ('{\n  "schema_version": "1.0"\n  "actors": []\n}', 3, 3),
        ("", 1, 1),
        ("{'schema_version': '1.0'}", 1, 2),
        ('{"schema_version": "1.0"} x', 1, 27),
        ('{"schema_version": "1.0"', 1, 25),
    ],
)
def test_invalid_json_has_line_and_column(text: str, line: int, column: int) -> None:
    """Text that is not JSON is reported at ``$`` with the line and column of the error."""
    problems = problems_of(text)

    assert [("$", line, column)] == [(p.path, p.line, p.column) for p in problems]
    assert problems[0].message.startswith("not valid JSON")


def test_many_problems_are_all_reported() -> None:
    """A document with many problems, one of them a NaN, lists every one with its path."""

    def break_many(document: dict[str, Any]) -> None:
        document["actors"][0]["kind"] = "planet"
        document["actors"][1]["country"] = "XX"
        document["sources"][0].pop("title")
        document["incidents"][0].update(date="June", summary=RAW)
        casualty(document).update(age=200, in_custody="no")
        document["measures"][0].update(initiator="source:report", targets=["actor:ru", 7])
        document["measures"].append({"id": "measure:x", "kind": "summon_envoy"})

    paths = paths_of(with_raw(changed(break_many), "NaN"))

    assert [
        "$.actors[0].kind",
        "$.actors[1].country",
        "$.incidents[0].casualties[0].age",
        "$.incidents[0].casualties[0].in_custody",
        "$.incidents[0].date",
        "$.incidents[0].summary",
        "$.measures[0].initiator",
        "$.measures[0].targets[1]",
        "$.measures[1].initiator",
        "$.sources[0].title",
    ] == paths


def test_many_problems_without_flagged_values_are_all_reported() -> None:
    """Without NaNs or duplicates (the converter's fast path fails first) all are listed."""

    def break_many(document: dict[str, Any]) -> None:
        document["schema_version"] = "2.0"
        document["actors"][1].update(id="actor:RU", name="")
        document["incidents"][0]["location"].update(latitude=91)
        document["measures"][0].update(announced="2025-06-31", status="done")

    paths = paths_of(json.dumps(changed(break_many)))

    assert [
        "$.actors[1].id",
        "$.actors[1].name",
        "$.incidents[0].location.latitude",
        "$.measures[0].announced",
        "$.measures[0].status",
        "$.schema_version",
    ] == paths


def test_problems_are_listed_in_document_order() -> None:
    """Problems come in the order their values appear in the document."""
    document = changed(lambda d: (d["actors"][1].update(kind="x"), d["actors"][0].update(kind=2)))

    problems = problems_of(json.dumps(document))

    assert ["$.actors[0].kind", "$.actors[1].kind"] == [problem.path for problem in problems]


def test_parse_error_message_lists_every_problem() -> None:
    """The ParseError's text counts the problems and names each path."""
    document = changed(lambda d: (d["actors"][1].update(kind="x"), d["actors"][0].update(kind=2)))

    with pytest.raises(ParseError) as caught:
        from_json(json.dumps(document))

    text = str(caught.value)
    assert text.startswith("2 problems:\n")
    assert "  $.actors[0].kind: " in text
    assert "  $.actors[1].kind: " in text
    assert caught.value.source is None


def test_problems_have_no_line_when_found_by_the_walk() -> None:
    """Problems found in the data (not the text) carry no line or column."""
    document = changed(lambda d: d["incidents"][0].update(kind="riot"))

    problems = problems_of(json.dumps(document))

    assert [(None, None)] == [(problem.line, problem.column) for problem in problems]


def test_explicit_null_is_refused() -> None:
    """An optional field given as null is an error with its path: absent fields are left out."""
    document = changed(lambda doc: doc["incidents"][0].update(summary=None))
    with pytest.raises(ParseError) as caught:
        from_json(json.dumps(document))
    assert ["$.incidents[0].summary"] == [problem.path for problem in caught.value.problems]
    assert "leave the field out" in caught.value.problems[0].message
