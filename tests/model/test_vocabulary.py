"""Vocabularies, the CAMEO/PLOVER crosswalk, the country table and id helpers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incidents import (
    ActorKind,
    CasualtyOutcome,
    CodeMapping,
    Confidence,
    CountQualifier,
    CountUnit,
    IdentifierScheme,
    IncidentKind,
    IncidentLinkKind,
    IncidentsError,
    LocationPrecision,
    MeasureKind,
    MeasureLinkKind,
    MeasureStatus,
    ParticipantRole,
    Publicity,
    SourceKind,
    Stance,
    make_id,
    slugify,
)
from incidents.model.countries import COUNTRIES, is_country
from incidents.model.ids import ID_KINDS, id_kind
from incidents.model.vocabulary import Vocabulary

VOCABULARIES: list[type[Vocabulary]] = [
    ActorKind,
    SourceKind,
    IncidentKind,
    ParticipantRole,
    IncidentLinkKind,
    CasualtyOutcome,
    MeasureStatus,
    Stance,
    CountQualifier,
    LocationPrecision,
    IdentifierScheme,
    MeasureKind,
    MeasureLinkKind,
    CountUnit,
    Publicity,
    Confidence,
]
MEMBERS = [member for vocabulary in VOCABULARIES for member in vocabulary]
PLOVER_TYPES = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def member_id(member: Vocabulary) -> str:
    """Name a parametrised case after its vocabulary and member."""
    return f"{type(member).__name__}.{member.name}"


def all_subclasses(cls: type) -> set[type]:
    """Return every subclass of ``cls``, however deep."""
    found = set()
    for subclass in cls.__subclasses__():
        found |= {subclass, *all_subclasses(subclass)}
    return found


# --- Vocabularies -------------------------------------------------------------------------


def test_every_vocabulary_is_covered() -> None:
    """The list tested here is every Vocabulary subclass the library defines."""
    library = {cls for cls in all_subclasses(Vocabulary) if cls.__module__.startswith("incidents")}
    assert set(VOCABULARIES) == library


@pytest.mark.parametrize("member", MEMBERS, ids=member_id)
def test_member_has_a_description(member: Vocabulary) -> None:
    """Every member says what it means in a non-blank sentence."""
    assert isinstance(member.description, str)
    assert member.description.strip() == member.description
    assert member.description != ""


@pytest.mark.parametrize("member", MEMBERS, ids=member_id)
def test_member_value_is_snake_case(member: Vocabulary) -> None:
    """Values are lower-case snake_case and the member name is their upper-case form."""
    assert SNAKE_CASE.fullmatch(member.value) is not None
    assert member.value.upper() == member.name


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_values_are_unique(vocabulary: type[Vocabulary]) -> None:
    """No two names in a vocabulary share a value (no enum aliases)."""
    assert list(vocabulary.__members__.values()) == list(vocabulary)
    assert len({member.value for member in vocabulary}) == len(vocabulary)


@pytest.mark.parametrize("member", MEMBERS, ids=member_id)
def test_member_is_its_string_value(member: Vocabulary) -> None:
    """Members are strings equal to their value and are looked up by it."""
    assert member.value == member
    assert member is type(member)(member.value)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_unknown_value_is_rejected(vocabulary: type[Vocabulary]) -> None:
    """Looking up a value the vocabulary does not have raises ValueError."""
    with pytest.raises(ValueError, match="not_a_member"):
        vocabulary("not_a_member")


# --- The CAMEO and PLOVER crosswalk -------------------------------------------------------

MEASURE_KINDS = list(MeasureKind)


@pytest.mark.parametrize("kind", MEASURE_KINDS, ids=member_id)
def test_mappings_are_code_mappings_or_none(kind: MeasureKind) -> None:
    """Each measure kind's cameo and plover are a CodeMapping or None."""
    for mapping in (kind.cameo, kind.plover):
        assert mapping is None or isinstance(mapping, CodeMapping)


@pytest.mark.parametrize("kind", MEASURE_KINDS, ids=member_id)
def test_missing_or_inexact_mapping_is_explained(kind: MeasureKind) -> None:
    """When a system has no code or only a nearest one, the note says why."""
    mappings = (kind.cameo, kind.plover)
    if any(mapping is None or not mapping.exact for mapping in mappings):
        assert kind.note.strip() != ""
    assert isinstance(kind.note, str)


@pytest.mark.parametrize(
    "kind", [kind for kind in MeasureKind if kind.cameo is not None], ids=member_id
)
def test_cameo_codes_are_three_or_four_digits(kind: MeasureKind) -> None:
    """CAMEO codes are strings of 3 or 4 digits, with a label and a bool exact flag."""
    assert kind.cameo is not None
    assert re.fullmatch(r"[0-9]{3,4}", kind.cameo.code) is not None
    assert kind.cameo.label.strip() != ""
    assert isinstance(kind.cameo.exact, bool)


@pytest.mark.parametrize(
    "kind", [kind for kind in MeasureKind if kind.plover is not None], ids=member_id
)
def test_plover_codes_start_with_a_plover_type(kind: MeasureKind) -> None:
    """PLOVER codes are TYPE or TYPE-mode with one of the 16 PLOVER types."""
    assert kind.plover is not None
    match = re.fullmatch(r"([A-Z]+)(?:-([a-z]+))?", kind.plover.code)
    assert match is not None
    assert match[1] in PLOVER_TYPES
    assert kind.plover.label.startswith(match[1])
    assert isinstance(kind.plover.exact, bool)


def test_only_other_is_unmapped_in_both_systems() -> None:
    """Every measure kind but OTHER has at least one code."""
    unmapped = [kind for kind in MeasureKind if kind.cameo is None and kind.plover is None]
    assert [MeasureKind.OTHER] == unmapped


@pytest.mark.parametrize(
    ("kind", "cameo", "plover"),
    [
        (MeasureKind.SUMMON_ENVOY, CodeMapping("114", "Complain officially"), "ACCUSE-disapprove"),
        (
            MeasureKind.EXPEL_DIPLOMATS,
            CodeMapping("161", "Reduce or break diplomatic relations"),
            "SANCTION-expel",
        ),
        (
            MeasureKind.CALL_FOR_RELEASE,
            CodeMapping("0253", "Appeal for release of persons or property"),
            "REQUEST-yield",
        ),
        (
            MeasureKind.IMPOSE_SANCTIONS,
            CodeMapping("163", "Impose embargo, boycott, or sanctions"),
            "SANCTION-discontinue",
        ),
        (MeasureKind.DEPORT, CodeMapping("174", "Expel or deport individuals"), "COERCE-deport"),
    ],
)
def test_spot_check_exact_mappings(kind: MeasureKind, cameo: CodeMapping, plover: str) -> None:
    """A few measure kinds map to the CAMEO and PLOVER codes the codebooks give."""
    assert kind.plover is not None
    assert (cameo, plover, True) == (kind.cameo, kind.plover.code, kind.plover.exact)


def test_summon_envoy_plover_label() -> None:
    """SUMMON_ENVOY maps to PLOVER ACCUSE (disapprove)."""
    assert (
        CodeMapping("ACCUSE-disapprove", "ACCUSE (disapprove)") == MeasureKind.SUMMON_ENVOY.plover
    )


def test_revoke_citizenship_is_only_approximated() -> None:
    """Neither CAMEO nor PLOVER has an exact code for revoking citizenship."""
    kind = MeasureKind.REVOKE_CITIZENSHIP
    assert kind.cameo is not None
    assert kind.plover is not None
    assert ("172", False, "COERCE-restrict", False) == (
        kind.cameo.code,
        kind.cameo.exact,
        kind.plover.code,
        kind.plover.exact,
    )
    assert "citizenship" in kind.note


def test_express_concern_has_no_plover_code() -> None:
    """PLOVER dropped CAMEO's comment family, so EXPRESS_CONCERN has no PLOVER code."""
    assert (None, "012") == (
        MeasureKind.EXPRESS_CONCERN.plover,
        getattr(MeasureKind.EXPRESS_CONCERN.cameo, "code", None),
    )


def test_code_mappings_are_frozen_and_comparable() -> None:
    """CodeMapping is a value: equal by fields and immutable."""
    mapping = CodeMapping("114", "Complain officially")
    assert CodeMapping("114", "Complain officially", True) == mapping
    assert CodeMapping("114", "Complain officially", False) != mapping
    with pytest.raises(AttributeError):
        mapping.code = "115"  # type: ignore[misc]


# --- Countries ----------------------------------------------------------------------------


def test_country_table_has_249_codes() -> None:
    """The table holds the 249 officially assigned ISO 3166-1 alpha-2 codes."""
    assert 249 == len(COUNTRIES)


def test_country_codes_are_two_upper_case_letters_with_names() -> None:
    """Every code is two ASCII upper-case letters and has a non-blank name."""
    bad = {
        code: name
        for code, name in COUNTRIES.items()
        if re.fullmatch("[A-Z]{2}", code) is None or not name.strip()
    }
    assert {} == bad


@pytest.mark.parametrize(
    ("code", "expected"),
    [("AZ", True), ("RU", True), ("AX", True), ("az", False), ("XK", False), ("UK", False)],
)
def test_is_country(code: str, expected: bool) -> None:
    """is_country accepts assigned upper-case codes only."""
    assert expected == is_country(code)


def test_country_table_is_read_only() -> None:
    """The country table cannot be changed at run time."""
    with pytest.raises(TypeError):
        COUNTRIES["XK"] = "Kosovo"  # type: ignore[index]


# --- Ids ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Sputnik Azərbaycan", "sputnik-azerbaycan"),
        ("ƏLİYEV", "eliyev"),
        ("AZ MFA", "az-mfa"),
        ("  Yekaterinburg raids (2025)!  ", "yekaterinburg-raids-2025"),
        ("Şəki--Gəncə", "seki-gence"),
        ("Çöl Göyçay şəhəri üçün", "col-goycay-seheri-ucun"),
        ("Bakı", "baki"),
        ("Çağırış", "cagiris"),
        ("Łódź Straße", "lodz-strasse"),
        ("Екатеринбург", ""),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    """slugify strips diacritics, maps letters like ə and ß, drops other non-ASCII letters."""
    assert slug == slugify(text)


def test_slugify_limits_length_without_a_trailing_hyphen() -> None:
    """A long name is cut to 120 characters and never ends in a hyphen."""
    slug = slugify("word " * 100)
    assert len(slug) <= 120
    assert not slug.endswith("-")
    assert slug.startswith("word-word")


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("actor", "AZ MFA", "actor:az-mfa"),
        ("source", "Sputnik Azərbaycan", "source:sputnik-azerbaycan"),
        ("incident", "Yekaterinburg raids 2025", "incident:yekaterinburg-raids-2025"),
        ("measure", "Cancel concerts", "measure:cancel-concerts"),
    ],
)
def test_make_id(kind: str, name: str, expected: str) -> None:
    """make_id prefixes the slug of a name with its record kind."""
    assert expected == make_id(kind, name)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["Екатеринбург", "", "---", "   "])
def test_make_id_rejects_names_without_ascii(name: str) -> None:
    """A name that yields no slug raises IncidentsError saying so."""
    with pytest.raises(IncidentsError, match="needs ASCII letters or digits"):
        make_id("actor", name)


@given(st.sampled_from(ID_KINDS), st.text(max_size=300))
def test_make_id_result_is_a_well_formed_id(kind: str, name: str) -> None:
    """Whatever the name, make_id returns an id of the requested kind or raises."""
    if not slugify(name):
        with pytest.raises(IncidentsError):
            make_id(kind, name)  # type: ignore[arg-type]
        return
    assert kind == id_kind(make_id(kind, name))  # type: ignore[arg-type]
