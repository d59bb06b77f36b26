"""Field checks: records reject bad values with a FieldError naming record, field and value."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from typing import Any

import attrs
import pytest

from incidents import (
    Actor,
    ActorKind,
    Affiliation,
    Casualty,
    CasualtyOutcome,
    Citation,
    Claim,
    Count,
    CountQualifier,
    DiplomaticMeasure,
    ExternalId,
    FieldError,
    IdentifierScheme,
    Incident,
    IncidentKind,
    IncidentLink,
    IncidentLinkKind,
    IncidentsError,
    Location,
    LocationPrecision,
    MeasureKind,
    MeasureStatus,
    Name,
    PartialDate,
    Participant,
    ParticipantRole,
    Source,
    SourceKind,
    Stance,
)
from incidents.model._fields import Each, Ref

MAX_COUNT = 2**53 - 1

#: The smallest valid keyword arguments of each record; tests change one field at a time.
VALID: dict[type, dict[str, Any]] = {
    Actor: {
        "id": "actor:az-mfa",
        "kind": ActorKind.GOVERNMENT_BODY,
        "name": "Ministry of Foreign Affairs of Azerbaijan",
    },
    Affiliation: {"organization": "actor:sputnik-azerbaycan"},
    Casualty: {"outcome": CasualtyOutcome.KILLED, "person": "actor:ziyaddin-safarov"},
    Citation: {"source": "source:apa-2025-06-28"},
    Claim: {"value": "heart failure"},
    Count: {"best": 9},
    DiplomaticMeasure: {
        "id": "measure:az-cancels-russian-culture-events",
        "kind": MeasureKind.CANCEL_CULTURAL_EVENTS,
        "initiator": "actor:az-ministry-of-culture",
    },
    ExternalId: {"scheme": IdentifierScheme.WIKIDATA, "value": "Q159"},
    Incident: {
        "id": "incident:yekaterinburg-raids-2025",
        "kind": IncidentKind.RAID,
        "title": "Police raid Azerbaijani homes in Yekaterinburg",
        "date": PartialDate.parse("2025-06-27"),
    },
    IncidentLink: {"kind": IncidentLinkKind.FOLLOW_UP_TO, "target": "incident:raid"},
    Location: {"name": "Yekaterinburg"},
    Name: {"value": "Azərbaycan Respublikası Xarici İşlər Nazirliyi"},
    Participant: {"actor": "actor:russian-police", "role": ParticipantRole.PERPETRATOR},
    Source: {"id": "source:apa-2025-06-28", "title": "Azerbaijan cancels Russian concerts"},
}


def build(record: type, **changes: Any) -> Any:
    """Build ``record`` from its valid arguments with ``changes`` applied."""
    return record(**{**VALID[record], **changes})


def rejected(record: type, **changes: Any) -> FieldError:
    """Return the FieldError that building ``record`` with ``changes`` raises."""
    with pytest.raises(FieldError) as info:
        build(record, **changes)
    return info.value


# --- The error itself ---------------------------------------------------------------------


@pytest.mark.parametrize("record", list(VALID), ids=lambda record: record.__name__)
def test_valid_arguments_build(record: type) -> None:
    """The baseline arguments of every record build without error."""
    assert isinstance(build(record), record)


def test_field_error_is_a_value_error_and_an_incidents_error() -> None:
    """FieldError can be caught as ValueError or as the library's base error."""
    error = rejected(Actor, id="source:x")
    assert isinstance(error, ValueError)
    assert isinstance(error, IncidentsError)


def test_field_error_names_record_field_value_and_reason() -> None:
    """A rejected id is reported with the record, the field, the value and why."""
    error = rejected(Actor, id="source:x")
    assert ("Actor", "id", "source:x") == (error.record, error.field, error.value)
    assert "refers to a source, but this field takes 'actor:…'" == error.reason


def test_field_error_str_reads_well() -> None:
    """str() puts record.field first, then the reason, then the rejected value."""
    error = rejected(Actor, id="source:x")
    expected = "Actor.id: refers to a source, but this field takes 'actor:…' (got 'source:x')"
    assert expected == str(error)


def test_field_error_str_shortens_long_values() -> None:
    """A very long rejected value is cut short in the message."""
    error = rejected(Actor, id="actor:" + "a" * 500)
    text = str(error)
    assert text.startswith("Actor.id: is not a well-formed id")
    assert text.endswith("...)")
    assert len(text) < 300


# --- Ids and references -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "source:x",
        "incident:x",
        "measure:x",
        "person:x",
        "Actor:az-mfa",
        "az-mfa",
        "actor:Bad_Slug",
        "actor:UPPER",
        "actor:",
        "actor:-x",
        "actor:x-",
        "actor:a--b",
        "actor:a_b",
        "actor:a b",
        "actor:ä",
        " actor:x",
        "actor:x\n",
        "actor::x",
        "actor:" + "a" * 123,
        "",
    ],
)
def test_actor_id_rejects_malformed_or_foreign_ids(value: str) -> None:
    """Actor.id takes only well-formed 'actor:' ids of at most 128 characters."""
    error = rejected(Actor, id=value)
    assert ("Actor", "id", value) == (error.record, error.field, error.value)


@pytest.mark.parametrize(
    "value", ["actor:a", "actor:2025", "actor:a-b-1", "actor:az-mfa", "actor:" + "a" * 122]
)
def test_actor_id_accepts_well_formed_ids(value: str) -> None:
    """Lower-case letters and digits in single-hyphenated words, up to 128 characters, pass."""
    assert value == build(Actor, id=value).id


@pytest.mark.parametrize("value", [None, 7, b"actor:x", ("actor:x",)])
def test_id_rejects_non_strings(value: object) -> None:
    """An id must be a string."""
    error = rejected(Actor, id=value)
    assert ("id", value) == (error.field, error.value)
    assert "expected an id string" in error.reason


@pytest.mark.parametrize(
    ("record", "field", "value", "kind_named"),
    [
        (Source, "id", "actor:apa", "an actor"),
        (Incident, "id", "measure:raid", "a measure"),
        (DiplomaticMeasure, "id", "incident:raid", "an incident"),
        (DiplomaticMeasure, "initiator", "source:apa", "a source"),
        (DiplomaticMeasure, "initiator", "incident:raid", "an incident"),
        (DiplomaticMeasure, "initiator", "measure:summons", "a measure"),
        (Citation, "source", "actor:apa", "an actor"),
        (Source, "outlet", "source:apa", "a source"),
        (Affiliation, "organization", "measure:x", "a measure"),
        (Participant, "actor", "incident:raid", "an incident"),
        (IncidentLink, "target", "measure:x", "a measure"),
        (Claim, "claimed_by", "source:apa", "a source"),
        (Casualty, "person", "incident:raid", "an incident"),
    ],
)
def test_reference_rejects_ids_of_other_kinds(
    record: type, field: str, value: str, kind_named: str
) -> None:
    """A reference field names the kind of record the rejected id points at."""
    error = rejected(record, **{field: value})
    assert (record.__name__, field, value) == (error.record, error.field, error.value)
    assert f"refers to {kind_named}" in error.reason


def test_initiator_accepts_actor_ids() -> None:
    """DiplomaticMeasure.initiator takes an actor id."""
    assert "actor:az-mfa" == build(DiplomaticMeasure, initiator="actor:az-mfa").initiator


@pytest.mark.parametrize("record", [Incident, DiplomaticMeasure])
def test_in_response_to_accepts_incidents_and_measures(record: type) -> None:
    """in_response_to takes incident and measure ids."""
    ids = ("incident:plane-downing", "measure:summons")
    assert ids == build(record, in_response_to=ids).in_response_to


@pytest.mark.parametrize("record", [Incident, DiplomaticMeasure])
@pytest.mark.parametrize(
    ("ids", "field", "value"),
    [
        (("actor:az-mfa",), "in_response_to[0]", "actor:az-mfa"),
        (("incident:raid", "source:apa"), "in_response_to[1]", "source:apa"),
        (("measure:x", "incident:Bad"), "in_response_to[1]", "incident:Bad"),
    ],
)
def test_in_response_to_rejects_other_ids(
    record: type, ids: tuple[str, ...], field: str, value: str
) -> None:
    """An in_response_to item that is not an incident or measure id is named by its index."""
    error = rejected(record, in_response_to=ids)
    assert (record.__name__, field, value) == (error.record, error.field, error.value)


def test_in_response_to_reason_lists_accepted_kinds() -> None:
    """The reason says which kinds the field takes."""
    error = rejected(Incident, in_response_to=("actor:az-mfa",))
    expected = "refers to an actor, but this field takes 'incident:…' or 'measure:…'"
    assert expected == error.reason


@pytest.mark.parametrize(
    ("field", "value"),
    [("targets", ("actor:ru", "incident:raid")), ("subjects", ("source:apa",))],
)
def test_measure_actor_lists_reject_other_ids(field: str, value: tuple[str, ...]) -> None:
    """targets and subjects hold actor ids only."""
    error = rejected(DiplomaticMeasure, **{field: value})
    assert f"{field}[{len(value) - 1}]" == error.field
    assert value[-1] == error.value


def test_responsibility_claims_hold_actor_ids() -> None:
    """A responsibility claim whose value is not an actor id is rejected."""
    claim = Claim(value="source:apa")
    error = rejected(Incident, responsibility=(claim,))
    assert ("responsibility[0]", claim) == (error.field, error.value)
    assert error.reason.startswith("value refers to a source")


# --- Country codes ------------------------------------------------------------------------

COUNTRY_FIELDS = [(Actor, "country"), (Location, "country"), (Casualty, "nationality")]


@pytest.mark.parametrize(("record", "field"), COUNTRY_FIELDS)
@pytest.mark.parametrize("value", ["AZ", "RU", "US", "GB", "AX"])
def test_country_accepts_assigned_codes(record: type, field: str, value: str) -> None:
    """Officially assigned ISO 3166-1 alpha-2 codes pass."""
    assert value == getattr(build(record, **{field: value}), field)


@pytest.mark.parametrize(("record", "field"), COUNTRY_FIELDS)
@pytest.mark.parametrize("value", ["XK", "ZZ", "UK", "EU", "AZE", "A", "", " AZ", "AZ "])
def test_country_rejects_codes_not_in_the_table(record: type, field: str, value: str) -> None:
    """User-assigned, reserved, alpha-3 and padded codes are rejected."""
    error = rejected(record, **{field: value})
    assert (record.__name__, field, value) == (error.record, error.field, error.value)
    assert "is not an ISO 3166-1 alpha-2 country code" == error.reason


@pytest.mark.parametrize(("value", "hint"), [("az", "'AZ'"), ("Ru", "'RU'"), ("gB", "'GB'")])
def test_country_in_wrong_case_gets_upper_case_hint(value: str, hint: str) -> None:
    """A known code in the wrong case is rejected with the upper-case spelling to use."""
    error = rejected(Actor, country=value)
    assert f"must be upper case: use {hint}" == error.reason


@pytest.mark.parametrize("value", [31, b"AZ", ("AZ",)])
def test_country_rejects_non_strings(value: object) -> None:
    """A country code must be a string."""
    error = rejected(Location, country=value)
    assert value == error.value
    assert error.reason.startswith("expected a country code")


# --- Language tags ------------------------------------------------------------------------

LANGUAGE_FIELDS = [(Name, "language"), (Source, "language")]


@pytest.mark.parametrize(("record", "field"), LANGUAGE_FIELDS)
@pytest.mark.parametrize(
    "value",
    [
        "az",
        "ru",
        "ru-Latn",
        "az-Latn",
        "en-GB",
        "es-419",
        "zh-Hant-TW",
        "de-CH-1901",
        "sl-rozaj",
        "en-a-bbb-x-ccc",
        "x-private",
        "AZ",
    ],
)
def test_language_accepts_bcp47_tags(record: type, field: str, value: str) -> None:
    """Well-formed BCP 47 tags, including private-use ones, pass."""
    assert value == getattr(build(record, **{field: value}), field)


@pytest.mark.parametrize(("record", "field"), LANGUAGE_FIELDS)
@pytest.mark.parametrize(
    "value",
    [
        "e",
        "az_Latn",
        "",
        "en-",
        "-en",
        "en GB",
        "x-",
        "en-GB-" + "-".join(["abcdefgh"] * 4),
        "english",
        "engl",
        "az\n",
        "en-GB\n",
    ],
)
def test_language_rejects_malformed_tags(record: type, field: str, value: str) -> None:
    """Words, underscores, blanks, dangling hyphens, final line feeds and long tags fail."""
    error = rejected(record, **{field: value})
    assert (record.__name__, field, value) == (error.record, error.field, error.value)
    assert "is not a BCP 47 language tag" in error.reason


def test_language_rejects_non_strings() -> None:
    """A language tag must be a string."""
    error = rejected(Name, language=7)
    assert "expected a language tag, not int" == error.reason


# --- Text ---------------------------------------------------------------------------------

NFD_NAME = unicodedata.normalize("NFD", "Şəki İlham")
NFC_NAME = unicodedata.normalize("NFC", NFD_NAME)
SINGLE_LINE_FIELDS = [
    (Actor, "name"),
    (Name, "value"),
    (Source, "title"),
    (Incident, "title"),
    (Location, "admin_area"),
    (Citation, "locator"),
    (Affiliation, "role"),
]
MULTI_LINE_FIELDS = [
    (Incident, "summary"),
    (DiplomaticMeasure, "note"),
    (Citation, "quote"),
    (Actor, "description"),
    (Claim, "note"),
]
#: Values no text field accepts, with a part of the reason.
BAD_TEXT = [
    ("", "must not be empty"),
    ("   ", "must not be empty"),
    ("\n\t", "must not be empty"),
    ("\u00a0", "must not be empty"),
    ("null\x00byte", "U+0000 at position 4"),
    ("escape\x1b[0m", "U+001B"),
    ("line\r\nend", "U+000D"),
    ("del\x7f", "U+007F"),
    ("c1\x85", "U+0085"),
    ("lone \ud800 surrogate", "U+D800"),
    ("non\ufffecharacter", "U+FFFE"),
    ("non\uffffcharacter", "U+FFFF"),
    (NFD_NAME, "NFC"),
    (5, "expected text, not int"),
    (b"bytes", "expected text, not bytes"),
]
#: Values a multi-line text field accepts but a single-line one rejects.
MULTI_LINE_ONLY = [
    ("Baku\nAirport", "single line"),
    ("Baku\tAirport", "single line"),
    ("Baku\u2028Airport", "single line"),
    ("Baku\u2029Airport", "single line"),
    (" Baku", "white space"),
    ("Baku ", "white space"),
    ("Baku\n", "single line"),
]


def test_nfd_name_differs_from_its_nfc_form() -> None:
    """The decomposed sample really is decomposed (so the NFC tests mean something)."""
    assert NFC_NAME != NFD_NAME


@pytest.mark.parametrize(("record", "field"), SINGLE_LINE_FIELDS + MULTI_LINE_FIELDS)
@pytest.mark.parametrize(("value", "reason"), BAD_TEXT)
def test_text_rejects_blank_forbidden_and_unnormalised(
    record: type, field: str, value: object, reason: str
) -> None:
    """Empty, control characters, lone surrogates, non-characters and NFD text are rejected."""
    error = rejected(record, **{field: value})
    assert (record.__name__, field, value) == (error.record, error.field, error.value)
    assert reason in error.reason
    assert f"{record.__name__}.{field}: " in str(error)


@pytest.mark.parametrize(("record", "field"), SINGLE_LINE_FIELDS)
@pytest.mark.parametrize(("value", "reason"), MULTI_LINE_ONLY)
def test_single_line_text_rejects_breaks_tabs_and_padding(
    record: type, field: str, value: str, reason: str
) -> None:
    """Names and titles are one line with no tabs and no leading or trailing white space."""
    error = rejected(record, **{field: value})
    assert (record.__name__, field, value) == (error.record, error.field, error.value)
    assert reason in error.reason


@pytest.mark.parametrize(("record", "field"), MULTI_LINE_FIELDS)
@pytest.mark.parametrize("value", [value for value, _ in MULTI_LINE_ONLY])
def test_multi_line_text_accepts_breaks_tabs_and_padding(
    record: type, field: str, value: str
) -> None:
    """Summaries, notes and quotes may span lines and carry tabs or padding."""
    assert value == getattr(build(record, **{field: value}), field)


@pytest.mark.parametrize(("record", "field"), SINGLE_LINE_FIELDS + MULTI_LINE_FIELDS)
@pytest.mark.parametrize(
    "value", [NFC_NAME, "Azərbaycan", "Екатеринбург", "Baku — Moscow", "\U0001f600"]
)
def test_text_accepts_nfc_unicode(record: type, field: str, value: str) -> None:
    """NFC text in any script, astral characters included, passes."""
    assert value == getattr(build(record, **{field: value}), field)


@pytest.mark.parametrize(
    ("record", "field", "limit"),
    [(Incident, "title", 500), (Source, "title", 1000), (Citation, "quote", 5000)],
)
def test_text_length_limit(record: type, field: str, limit: int) -> None:
    """A text of exactly the limit passes and one character more is rejected."""
    assert limit == len(getattr(build(record, **{field: "a" * limit}), field))
    error = rejected(record, **{field: "a" * (limit + 1)})
    assert f"is {limit + 1} characters long; the limit is {limit}" == error.reason


# --- Integers and counts ------------------------------------------------------------------


@pytest.mark.parametrize("field", ["best", "low", "high"])
@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (-1, "must be from 0 to 9007199254740991"),
        (MAX_COUNT + 1, "must be from 0 to 9007199254740991"),
        (2**64, "must be from 0 to 9007199254740991"),
        (True, "expected an integer, not bool"),
        (False, "expected an integer, not bool"),
        (1.0, "expected an integer, not float"),
        ("3", "expected an integer, not str"),
    ],
)
def test_count_numbers_reject_negative_huge_and_non_integers(
    field: str, value: object, reason: str
) -> None:
    """Count figures are integers from 0 to 2**53 - 1; bools and floats are rejected."""
    changes = {"best": None, "low": 0, "high": 10, "qualifier": CountQualifier.BETWEEN}
    error = rejected(Count, **{**changes, field: value})
    assert ("Count", field, value, reason) == (error.record, error.field, error.value, error.reason)


@pytest.mark.parametrize("value", [0, 1, MAX_COUNT])
def test_count_accepts_the_whole_range(value: int) -> None:
    """0 and 2**53 - 1 are both acceptable counts."""
    assert value == Count.exactly(value).best


@pytest.mark.parametrize(
    ("arguments", "field", "value"),
    [
        ({"best": 9, "low": 5}, "low", 5),
        ({"best": 9, "high": 12}, "high", 12),
        ({"qualifier": CountQualifier.ABOUT}, "best", None),
        ({"qualifier": CountQualifier.EXACT}, "best", None),
        ({"qualifier": CountQualifier.AT_LEAST}, "best", None),
        ({"low": 30, "qualifier": CountQualifier.BETWEEN}, "high", None),
        ({"high": 40, "qualifier": CountQualifier.BETWEEN}, "low", None),
        ({"best": 35, "qualifier": CountQualifier.BETWEEN}, "low", None),
        ({"best": 5, "low": 10, "qualifier": CountQualifier.ABOUT}, "best", 5),
        ({"best": 50, "high": 40, "qualifier": CountQualifier.ABOUT}, "high", 40),
        ({"low": 40, "high": 30, "qualifier": CountQualifier.BETWEEN}, "high", 30),
        ({"low": 30, "best": 50, "high": 40, "qualifier": CountQualifier.BETWEEN}, "high", 40),
        ({"best": 9, "qualifier": "roughly"}, "qualifier", "roughly"),
    ],
)
def test_count_rules(arguments: dict[str, Any], field: str, value: object) -> None:
    """Exact counts have no bounds, between needs both bounds, and low <= best <= high."""
    with pytest.raises(FieldError) as info:
        Count(**arguments)
    assert ("Count", field, value) == (info.value.record, info.value.field, info.value.value)


def test_count_between_reason_names_the_missing_bound() -> None:
    """A 'between' count without high says it needs low and high."""
    with pytest.raises(FieldError, match="needs low and high"):
        Count(low=30, qualifier=CountQualifier.BETWEEN)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (Count.exactly(9), (9, None, None, CountQualifier.EXACT, "9")),
        (Count.about(50), (50, None, None, CountQualifier.ABOUT, "about 50")),
        (Count.about(50, low=40, high=60), (50, 40, 60, CountQualifier.ABOUT, "about 50 (40-60)")),
        (Count.at_least(50), (50, None, None, CountQualifier.AT_LEAST, "at least 50")),
        (Count.more_than(50), (50, None, None, CountQualifier.MORE_THAN, "more than 50")),
        (Count.at_most(50), (50, None, None, CountQualifier.AT_MOST, "at most 50")),
        (Count.fewer_than(50), (50, None, None, CountQualifier.FEWER_THAN, "fewer than 50")),
        (Count.between(30, 40), (None, 30, 40, CountQualifier.BETWEEN, "30-40")),
        (Count.between(30, 30), (None, 30, 30, CountQualifier.BETWEEN, "30-30")),
        (Count.between(30, 40, best=35), (35, 30, 40, CountQualifier.BETWEEN, "30-40 (best 35)")),
    ],
)
def test_count_constructors(count: Count, expected: tuple[object, ...]) -> None:
    """The named constructors set best, bounds and qualifier, and str() words them."""
    assert expected == (count.best, count.low, count.high, count.qualifier, str(count))


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (-1, "must be from 0 to 150"),
        (151, "must be from 0 to 150"),
        (True, "expected an integer, not bool"),
        (30.0, "expected an integer, not float"),
        ("30", "expected an integer, not str"),
    ],
)
def test_age_rejects_values_outside_0_to_150(value: object, reason: str) -> None:
    """Casualty.age is a whole number of years from 0 to 150."""
    error = rejected(Casualty, age=value)
    assert ("Casualty", "age", value, reason) == (
        error.record,
        error.field,
        error.value,
        error.reason,
    )


@pytest.mark.parametrize("value", [0, 56, 150, None])
def test_age_accepts_0_to_150(value: int | None) -> None:
    """Ages at both ends of the range, and no age, pass."""
    assert value == build(Casualty, age=value).age


# --- Coordinates and locations ------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("latitude", 91, "must be from -90 to 90"),
        ("latitude", -90.000001, "must be from -90 to 90"),
        ("longitude", -181, "must be from -180 to 180"),
        ("longitude", 180.5, "must be from -180 to 180"),
        ("latitude", math.inf, "must be a finite number"),
        ("longitude", -math.inf, "must be a finite number"),
        ("latitude", True, "expected a number, not bool"),
        ("longitude", "49.8", "expected a number, not str"),
    ],
)
def test_coordinates_reject_out_of_range_and_non_numbers(
    field: str, value: object, reason: str
) -> None:
    """Latitude is -90..90, longitude -180..180, finite, and a real number."""
    coordinates: dict[str, object] = {"latitude": 40.4, "longitude": 49.8, field: value}
    error = rejected(Location, **coordinates)
    assert ("Location", field, value, reason) == (
        error.record,
        error.field,
        error.value,
        error.reason,
    )


@pytest.mark.parametrize("field", ["latitude", "longitude"])
def test_coordinates_reject_nan(field: str) -> None:
    """NaN is not a coordinate."""
    coordinates: dict[str, object] = {"latitude": 40.4, "longitude": 49.8, field: math.nan}
    error = rejected(Location, **coordinates)
    assert (field, "must be a finite number") == (error.field, error.reason)
    assert math.isnan(error.value)


@pytest.mark.parametrize(
    ("arguments", "field", "value"),
    [
        ({"latitude": 40.4}, "longitude", None),
        ({"longitude": 49.8}, "latitude", None),
        ({"name": "Baku", "latitude": 40.4}, "longitude", None),
        (
            {"name": "Baku", "precision": LocationPrecision.LOCALITY},
            "precision",
            LocationPrecision.LOCALITY,
        ),
        (
            {"country": "AZ", "precision": LocationPrecision.COUNTRY},
            "precision",
            LocationPrecision.COUNTRY,
        ),
        ({}, "name", None),
        ({"admin_area": "Sverdlovsk Oblast"}, "name", None),
        ({"name": "Baku", "precision": "exact"}, "precision", "exact"),
    ],
)
def test_location_rules(arguments: dict[str, Any], field: str, value: object) -> None:
    """Coordinates come in pairs, precision needs them, and something must place the location."""
    with pytest.raises(FieldError) as info:
        Location(**arguments)
    assert ("Location", field, value) == (info.value.record, info.value.field, info.value.value)


@pytest.mark.parametrize(
    "arguments",
    [
        {"name": "Baku"},
        {"country": "AZ"},
        {"latitude": 0.0, "longitude": 0.0},
        {"latitude": 90, "longitude": -180},
        {"latitude": -90.0, "longitude": 180.0, "precision": LocationPrecision.EXACT},
        {"name": "Yekaterinburg", "admin_area": "Sverdlovsk Oblast", "country": "RU"},
    ],
)
def test_location_accepts_good_combinations(arguments: dict[str, Any]) -> None:
    """A name, a country or a coordinate pair is enough; precision may go with coordinates."""
    location = Location(**arguments)
    assert arguments == {key: getattr(location, key) for key in arguments}


# --- URLs ---------------------------------------------------------------------------------

URL_FIELDS = [(Source, "url")]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("ftp://example.com/file", "must start with http:// or https://"),
        ("example.com", "must start with http:// or https://"),
        ("//example.com/path", "must start with http:// or https://"),
        ("mailto:press@mfa.gov.az", "must start with http:// or https://"),
        ("https://", "has no host name"),
        ("https:///path", "has no host name"),
        ("https://exa mple.com", "must not contain white space"),
        ("https://example.com/\n", "must not contain white space"),
        ("https://example.com/\x00", "control characters"),
        ("https://x:99999", "is not a valid URL"),
        ("https://x:port", "is not a valid URL"),
        ("http://[::1", "is not a valid URL"),
        ("https://example.com/" + "a" * 2048, "is longer than 2048 characters"),
        ("", "must start with http:// or https://"),
        (42, "expected a URL, not int"),
    ],
)
def test_url_rejects_bad_shapes(value: object, reason: str) -> None:
    """Only absolute http(s) URLs with a host, a valid port and no white space pass."""
    error = rejected(Source, url=value)
    assert ("Source", "url", value) == (error.record, error.field, error.value)
    assert reason in error.reason


@pytest.mark.parametrize(
    "value",
    [
        "https://apa.az/en/foreign-policy/1",
        "http://example.com:8080/path?q=1#section",
        "https://x:65535",
        "https://mid.ru/ru/foreign_policy/news/",
    ],
)
def test_url_accepts_http_and_https(value: str) -> None:
    """Absolute http and https URLs pass."""
    assert value == build(Source, url=value).url


# --- Casualties, affiliations, identifiers, measures --------------------------------------


def test_casualty_rejects_person_and_count_together() -> None:
    """A casualty is a named person or a counted group, never both."""
    count = (Claim(value=Count.exactly(9)),)
    error = rejected(Casualty, count=count)
    assert ("Casualty", "count", count) == (error.record, error.field, error.value)
    assert "give person or count, not both" == error.reason


def test_casualty_rejects_neither_person_nor_count() -> None:
    """A casualty with neither a person nor a count is rejected on person."""
    error = rejected(Casualty, person=None)
    assert ("Casualty", "person", None) == (error.record, error.field, error.value)


def test_casualty_accepts_a_counted_group() -> None:
    """A group given by a count claim, with no person, passes."""
    count = (Claim(value=Count.about(50)), Claim(value=Count.exactly(9)))
    assert count == build(Casualty, person=None, count=count).count


@pytest.mark.parametrize(
    ("count", "reason"),
    [
        ((Count.exactly(9),), "expected Claim, not Count"),
        ((Claim(value=9),), "value expected Count, not int"),
    ],
)
def test_casualty_count_items_are_claims_of_counts(count: tuple[Any, ...], reason: str) -> None:
    """Casualty.count holds Claim[Count] items; the bad item is named by index."""
    error = rejected(Casualty, person=None, count=count)
    assert ("count[0]", count[0], reason) == (error.field, error.value, error.reason)


@pytest.mark.parametrize(("start", "end"), [("2025", "2024"), ("2025-06-27", "2025-06-26")])
def test_affiliation_rejects_end_before_start(start: str, end: str) -> None:
    """An affiliation cannot end before it starts."""
    error = rejected(Affiliation, start=PartialDate.parse(start), end=PartialDate.parse(end))
    assert ("Affiliation", "end", PartialDate.parse(end)) == (
        error.record,
        error.field,
        error.value,
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [("2024", "2025"), ("2025", "2025"), ("2025-06", "2025-06-01"), ("2025", None), (None, "2020")],
)
def test_affiliation_accepts_ordered_or_overlapping_dates(
    start: str | None, end: str | None
) -> None:
    """Ordered, equal and overlapping dates, or just one of them, pass."""
    start_date = None if start is None else PartialDate.parse(start)
    end_date = None if end is None else PartialDate.parse(end)
    affiliation = build(Affiliation, start=start_date, end=end_date)
    assert (start_date, end_date) == (affiliation.start, affiliation.end)


@pytest.mark.parametrize(
    ("scheme", "value"),
    [
        (IdentifierScheme.WIKIDATA, "Q159"),
        (IdentifierScheme.WIKIDATA, "Q227"),
        (IdentifierScheme.OPENSANCTIONS, "NK-abc123"),
        (IdentifierScheme.ISNI, "000000012146438X"),
        (IdentifierScheme.VIAF, "123456789"),
        (IdentifierScheme.LEI, "5493001KJTIIGC8Y1R12"),
        (IdentifierScheme.WEBSITE, "https://mfa.gov.az"),
    ],
)
def test_external_id_accepts_scheme_values(scheme: IdentifierScheme, value: str) -> None:
    """Each scheme accepts a value in its own format."""
    external_id = ExternalId(scheme=scheme, value=value)
    assert (scheme, value) == (external_id.scheme, external_id.value)


@pytest.mark.parametrize(
    ("scheme", "value", "reason"),
    [
        (IdentifierScheme.WIKIDATA, "159", "is not a wikidata identifier"),
        (IdentifierScheme.WIKIDATA, "q159", "is not a wikidata identifier"),
        (IdentifierScheme.WIKIDATA, "Q0159", "is not a wikidata identifier"),
        (IdentifierScheme.WIKIDATA, "P31", "is not a wikidata identifier"),
        (IdentifierScheme.OPENSANCTIONS, "-abc", "is not a opensanctions identifier"),
        (IdentifierScheme.ISNI, "0000 0001 2146 438X", "is not a isni identifier"),
        (IdentifierScheme.VIAF, "0123", "is not a viaf identifier"),
        (IdentifierScheme.LEI, "5493001kjtiigc8y1r12", "is not a lei identifier"),
        (IdentifierScheme.WEBSITE, "mfa.gov.az", "must start with http:// or https://"),
        (IdentifierScheme.WEBSITE, "ftp://mfa.gov.az", "must start with http:// or https://"),
        (IdentifierScheme.WEBSITE, "https://", "has no host name"),
    ],
)
def test_external_id_rejects_values_in_the_wrong_format(
    scheme: IdentifierScheme, value: str, reason: str
) -> None:
    """A value that does not fit its scheme is rejected on value."""
    with pytest.raises(FieldError) as info:
        ExternalId(scheme=scheme, value=value)
    error = info.value
    assert ("ExternalId", "value", value, reason) == (
        error.record,
        error.field,
        error.value,
        error.reason,
    )


def test_measure_retroactive_needs_both_dates() -> None:
    """A retroactive measure without an announcement and an effective date is rejected."""
    error = rejected(DiplomaticMeasure, retroactive=True, announced=PartialDate.parse("2025-07-03"))
    assert ("DiplomaticMeasure", "retroactive", True) == (error.record, error.field, error.value)
    assert "a retroactive measure needs both dates" == error.reason


def test_measure_retroactive_cannot_take_effect_after_announcement() -> None:
    """A retroactive measure effective after its announcement is rejected on effective."""
    effective = PartialDate.parse("2025-07-04")
    error = rejected(
        DiplomaticMeasure,
        retroactive=True,
        announced=PartialDate.parse("2025-07-03"),
        effective=effective,
    )
    assert ("DiplomaticMeasure", "effective", effective) == (
        error.record,
        error.field,
        error.value,
    )


@pytest.mark.parametrize(
    ("announced", "effective"), [("2025-07-03", "2025-06-18"), ("2025-07", "2025-07-03")]
)
def test_measure_retroactive_accepts_earlier_or_overlapping_effect(
    announced: str, effective: str
) -> None:
    """A retroactive measure taking effect before (or possibly on) its announcement passes."""
    dates = {"announced": PartialDate.parse(announced), "effective": PartialDate.parse(effective)}
    measure = build(DiplomaticMeasure, retroactive=True, **dates)
    assert (True, dates["announced"], dates["effective"]) == (
        measure.retroactive,
        measure.announced,
        measure.effective,
    )


# --- Containers, nested records, enums and flags ------------------------------------------


@pytest.mark.parametrize(
    ("record", "field", "value", "reason"),
    [
        (Actor, "names", Name(value="Azərbaycan"), "expected tuple, not Name"),
        (
            Actor,
            "identifiers",
            ExternalId(scheme=IdentifierScheme.WIKIDATA, value="Q159"),
            "expected tuple, not ExternalId",
        ),
        (Source, "authors", {"Jane Doe": 1}, "expected tuple, not dict"),
        (Source, "authors", "Jane Doe", "expected tuple, not str"),
        (Incident, "citations", Citation(source="source:apa"), "expected tuple, not Citation"),
        (Incident, "in_response_to", b"incident:raid", "expected tuple, not bytes"),
        (DiplomaticMeasure, "targets", {"actor:ru"}, "expected tuple, not set"),
        (Incident, "date", dt.datetime(2025, 6, 27), "expected PartialDate, not datetime"),
        (Incident, "location", "Yekaterinburg", "expected Location, not str"),
        (Source, "published", 20250628, "expected PartialDate, not int"),
    ],
)
def test_container_fields_reject_wrong_types(
    record: type, field: str, value: object, reason: str
) -> None:
    """Tuple fields reject sets, strings, mappings and single records; record fields reject
    what no constructor converts (tests/model/test_conversion.py has what they convert)."""
    error = rejected(record, **{field: value})
    assert (record.__name__, field, value, reason) == (
        error.record,
        error.field,
        error.value,
        error.reason,
    )


@pytest.mark.parametrize(
    ("record", "field", "items", "reason"),
    [
        (Incident, "citations", ("source:apa",), "expected Citation, not str"),
        (Actor, "names", ("Azərbaycan",), "expected Name, not str"),
        (Incident, "participants", ("actor:ru",), "expected Participant, not str"),
        (Incident, "casualties", (None,), "expected Casualty, not NoneType"),
        (
            Actor,
            "affiliations",
            (Affiliation(organization="actor:x"),),
            "expected Claim, not Affiliation",
        ),
        (Claim, "citations", ({"source": "source:apa"},), "expected Citation, not dict"),
    ],
)
def test_tuple_items_of_the_wrong_type_are_named_by_index(
    record: type, field: str, items: tuple[object, ...], reason: str
) -> None:
    """A wrong item in a tuple field is reported as field[index] with the item as value."""
    error = rejected(record, **{field: items})
    assert (f"{field}[0]", items[0], reason) == (error.field, error.value, error.reason)


@pytest.mark.parametrize(
    ("record", "field", "value", "kind"),
    [
        (Incident, "kind", "raids", IncidentKind),
        (Actor, "kind", "State", ActorKind),
        (Source, "kind", "reports", SourceKind),
        (DiplomaticMeasure, "kind", "summon envoy", MeasureKind),
        (DiplomaticMeasure, "status", "announce", MeasureStatus),
        (Casualty, "outcome", "kiled", CasualtyOutcome),
        (Participant, "role", "victims", ParticipantRole),
        (IncidentLink, "kind", "part-of", IncidentLinkKind),
        (Claim, "stance", "deny", Stance),
        (ExternalId, "scheme", "wikidat", IdentifierScheme),
    ],
)
def test_enum_fields_refuse_unknown_terms(record: type, field: str, value: str, kind: type) -> None:
    """Text that is no term of the field's vocabulary is refused, with the nearest terms."""
    error = rejected(record, **{field: value})
    assert (record.__name__, field, value) == (error.record, error.field, error.value)
    assert error.reason.startswith(f"{value!r} is not a valid {kind.__name__}; did you mean ")


def test_enum_fields_refuse_another_vocabulary() -> None:
    """A member of another vocabulary is not converted, even when its text is a term."""
    error = rejected(Incident, kind=ActorKind.STATE)
    assert ("kind", "expected IncidentKind, not ActorKind") == (error.field, error.reason)


@pytest.mark.parametrize(
    ("record", "field", "value"),
    [
        (Name, "transliteration", 1),
        (Name, "transliteration", "yes"),
        (Source, "state_affiliated", 0),
        (Casualty, "in_custody", "true"),
        (DiplomaticMeasure, "retroactive", None),
    ],
)
def test_flags_require_bools(record: type, field: str, value: object) -> None:
    """Flag fields take True or False (or None where optional), not truthy stand-ins."""
    error = rejected(record, **{field: value})
    assert (record.__name__, field, value) == (error.record, error.field, error.value)
    assert "expected bool" in error.reason


@pytest.mark.parametrize("invisible", ["\u200b", "\u00a0", "\u2060\u200d", " \u200b "])
def test_text_made_only_of_invisible_characters_is_blank(invisible):
    """A name of zero-width or no-break spaces only is rejected as blank."""
    with pytest.raises(FieldError) as caught:
        Actor(id="actor:x", kind=ActorKind.STATE, name=invisible)
    assert ("Actor", "name") == (caught.value.record, caught.value.field)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("HTTPS://EXAMPLE.COM", "must start with http:// or https://"),
        ("https://user:secret@example.com/", "must not carry a user name or password"),
    ],
)
def test_url_takes_what_the_schema_takes(value: str, reason: str) -> None:
    """Upper-case schemes and user information are refused, exactly as by the JSON Schema."""
    error = rejected(Source, url=value)
    assert reason == error.reason


@attrs.frozen
class _Needy:
    ids: tuple[str, ...] = attrs.field(validator=Each(Ref(("actor",)), min_items=1))


def test_each_reports_the_container_then_the_count_then_the_item() -> None:
    check = Each(Ref(("actor",)), min_items=1)
    assert check.problem(["actor:a"]) == "expected tuple, not list"
    assert check.code_for(["actor:a"]) == "E203"
    assert check.problem(()) == "needs at least 1 item(s)"
    assert check.code_for(()) == "E210"
    assert check.problem(("actor:a", "source:b")).startswith("item 1: refers to a source")
    assert check.code_for(("actor:a", "source:b")) == "E205"
    assert check.problem(("actor:a",)) is None
    with pytest.raises(FieldError, match="needs at least 1 item") as caught:
        _Needy(ids=())
    assert caught.value.code == "E210"
