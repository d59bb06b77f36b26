"""Field checks run when a record is built, and the helpers that declare documented fields.

Each check is a small frozen object: attrs calls it as a validator, and the schema generator
reads its parameters (the id kinds a reference accepts, a number's bounds), so a rule is
written once. A failed check raises :class:`~incidents.errors.FieldError` naming the record,
the field and the value.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any, ClassVar, Final
from urllib.parse import urlsplit

import attrs

from incidents.errors import FieldError
from incidents.model.countries import is_country
from incidents.model.ids import IdKind, id_kind

__all__ = [
    "LANGUAGE_PATTERN",
    "MAX_COUNT",
    "SEVERAL",
    "Check",
    "Country",
    "Each",
    "FloatRange",
    "InstanceOf",
    "IntRange",
    "Language",
    "Maybe",
    "Pattern",
    "Ref",
    "Text",
    "Url",
    "doc",
    "fail",
    "several",
]

#: Largest integer the library accepts anywhere: 2**53 - 1, the largest integer every JSON
#: implementation (JavaScript included) represents exactly.
MAX_COUNT: Final = 2**53 - 1

#: BCP 47 language tag shape (RFC 5646 ``langtag`` or private use), case-insensitive. The
#: primary subtag is two or three letters: RFC 5646 reserves four letters and allows five to
#: eight for registration, but none are registered, and "english" is a mistake, not a tag.
LANGUAGE_PATTERN: Final = (
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
    r"|[Xx](?:-[A-Za-z0-9]{1,8})+)$"
)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)

# Characters a text field may not contain: everything XML 1.0 cannot carry (C0 controls but
# tab and line feed, lone surrogates, U+FFFE/U+FFFF), plus carriage return (XML parsers turn
# it into a line feed, so it could not round-trip) and the C1 controls.
_FORBIDDEN_CHARS: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# The same, plus white space (``\s`` is exactly what ``str.isspace`` calls white space).
_SPACE_OR_FORBIDDEN: Final = re.compile(r"[\s" + _FORBIDDEN_CHARS.pattern[1:])
# A URL with a plain host name (an optional port of up to four digits) and a path of
# printable ASCII: one match shows that it keeps every rule of Url.
_PLAIN_URL: Final = re.compile(
    r"https?://[A-Za-z0-9][A-Za-z0-9.-]*(?::[0-9]{1,4})?(?:[/?#][!-~]*)?"
)
_LINE_BREAK: Final = re.compile("[\n\t\u2028\u2029\x85]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
# Printable ASCII, starting and ending with a visible character: NFC, one line, not blank, no
# forbidden character. Most text is like this, and one match settles all of Text's rules.
_PLAIN_LINE: Final = re.compile("[!-~](?:[ -~]*[!-~])?")
# Any text whose characters are all allowed and that has a visible character: a word
# character (letters and digits of every script are printable) or printable ASCII. With an
# NFC test, one match settles Text's rules for most non-ASCII text too; text these do not
# settle gets the full rules below.
_ALLOWED: Final = _FORBIDDEN_CHARS.pattern[1:-1]
_FREE_TEXT: Final = re.compile(rf"[^{_ALLOWED}\w!-~]*[\w!-~][^{_ALLOWED}]*")
_SINGLE_LINE: Final = re.compile(rf"[\w!-~](?:[^{_ALLOWED}\n\t\u2028\u2029\x85]*[^{_ALLOWED}\s])?")


def _looks_blank(text: str) -> bool:
    """Whether no character of ``text`` is visible (white space, format and control only)."""
    return not any(char.isprintable() and not char.isspace() for char in text)


#: What to say when a list is given where a field takes one value, by field name: how to
#: say "several" in the model instead.
SEVERAL: Final[Mapping[str, str]] = {
    "initiator": (
        "a measure has one initiator; for a measure taken jointly, define an actor of kind "
        "'coalition' (with its members or a member count) and give its id"
    ),
    "claimed_by": "a claim has one claimant; give each claimant a claim of its own",
    "person": "a casualty is one person; for a group, give a count instead",
    "date": "a date may be an interval ('2025-06-27/2025-07-04'), not a list",
    "kind": "choose the kind that fits best; say the rest in the summary",
}


def several(field: str, found: str) -> str:
    """The message for a list (``found``) where ``field`` takes one value."""
    if field.isdigit() or field.endswith("]"):  # an item of a list, by pointer or path
        return f"found {found}: each item of this list is one value, not a list"
    hint = SEVERAL.get(field, f"{field} takes one value")
    return f"found {found}: {hint}"


def doc(text: str, **extra: Any) -> Mapping[str, Any]:
    """Return attrs field metadata holding the field's documentation (and any extras)."""
    return {"doc": text, **extra}


def fail(record: object, field: str, value: object, reason: str, code: str = "E303") -> FieldError:
    """Return the :class:`FieldError` for ``record.field`` (raise it at the call site)."""
    return FieldError(type(record).__name__, field, value, reason, code)


@attrs.frozen
class Check:
    """Base of the field checks: subclasses implement :meth:`problem`.

    ``code`` is the problem code (:mod:`incidents.validation.codes`) a failure of the check reports.
    """

    code: ClassVar[str] = "E210"

    def __call__(self, record: object, attribute: attrs.Attribute[Any], value: object) -> None:
        reason = self.problem(value)
        if reason is not None:
            raise fail(record, attribute.name, value, reason, self.code_for(value))

    def problem(self, value: object) -> str | None:
        """Return why ``value`` is not acceptable, or ``None`` if it is."""
        raise NotImplementedError

    def code_for(self, value: object) -> str:
        """The problem code for a failure on ``value``."""
        return self.code


@attrs.frozen
class InstanceOf(Check):
    """The value is an instance of ``kind`` (``bool`` is never taken for an ``int``).

    A ``kind`` with a ``text_problem(text)`` class method (the vocabularies, ``PartialDate``)
    says what is wrong with text given in its place.
    """

    code: ClassVar[str] = "E203"

    kind: type | tuple[type, ...]

    def problem(self, value: object) -> str | None:
        if isinstance(value, self.kind):
            return None
        # Text the constructor could not convert (incidents.model._convert): the type says why.
        explain = getattr(self.kind, "text_problem", None) if type(value) is str else None
        if explain is not None:
            reason: str = explain(value)
            return reason
        kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
        names = " or ".join(kind.__name__ for kind in kinds)
        return f"expected {names}, not {type(value).__name__}"


@attrs.frozen
class Maybe(Check):
    """The value is ``None`` or passes ``check``."""

    check: Check

    def problem(self, value: object) -> str | None:
        return None if value is None else self.check.problem(value)

    def code_for(self, value: object) -> str:
        return self.check.code_for(value)


@attrs.frozen
class Each(Check):
    """The value is a tuple whose every item passes ``check``; ``min_items`` at least."""

    check: Check
    min_items: int = 0

    def __call__(self, record: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            reason = f"expected tuple, not {type(value).__name__}"
            raise fail(record, attribute.name, value, reason, "E203")
        if len(value) < self.min_items:
            reason = f"needs at least {self.min_items} item(s)"
            raise fail(record, attribute.name, value, reason, "E210")
        for index, item in enumerate(value):
            item_reason = self.check.problem(item)
            if item_reason is not None:
                code = self.check.code_for(item)
                raise fail(record, f"{attribute.name}[{index}]", item, item_reason, code)

    def problem(self, value: object) -> str | None:
        if not isinstance(value, tuple):
            return f"expected tuple, not {type(value).__name__}"
        if len(value) < self.min_items:
            return f"needs at least {self.min_items} item(s)"
        for index, item in enumerate(value):
            reason = self.check.problem(item)
            if reason is not None:
                return f"item {index}: {reason}"
        return None

    def code_for(self, value: object) -> str:
        if not isinstance(value, tuple):
            return "E203"
        failing = (item for item in value if self.check.problem(item) is not None)
        item = next(failing, None)
        return "E210" if item is None else self.check.code_for(item)


@attrs.frozen
class Text(Check):
    """Non-blank text in Unicode NFC, with only characters XML 1.0 can carry.

    ``single_line`` text (names, titles) also has no line breaks or tabs and no leading or
    trailing white space.
    """

    code: ClassVar[str] = "E208"

    single_line: bool = False
    max_length: int = 100_000

    def code_for(self, value: object) -> str:
        """E301 for what the schema cannot see (NFC, invisible text, surrogates), else E208."""
        if isinstance(value, str) and (
            not unicodedata.is_normalized("NFC", value)
            or _SURROGATE.search(value)
            or (value.strip() and _looks_blank(value))
        ):
            return "E301"
        return self.code

    def problem(self, value: object) -> str | None:
        if not isinstance(value, str):
            return f"expected text, not {type(value).__name__}"
        if self.settled(value):
            return None
        return self.rule_broken(value)

    def settled(self, value: str) -> bool:
        """Whether one or two matches show that ``value`` keeps every rule (most text)."""
        return len(value) <= self.max_length and bool(
            _PLAIN_LINE.fullmatch(value)  # printable ASCII, no outer spaces
            or (
                (_SINGLE_LINE if self.single_line else _FREE_TEXT).fullmatch(value)
                and unicodedata.is_normalized("NFC", value)
            )
        )

    def rule_broken(self, value: str) -> str | None:
        """The first rule ``value`` breaks, checked one by one (``None`` if it keeps all)."""
        if _looks_blank(value):
            return "must not be empty or only white space or invisible characters"
        if len(value) > self.max_length:
            return f"is {len(value)} characters long; the limit is {self.max_length}"
        bad = _FORBIDDEN_CHARS.search(value)
        if bad is not None:
            return (
                f"contains the character U+{ord(bad.group()):04X} at position {bad.start()}, "
                "which text fields may not hold (control character, carriage return or lone "
                "surrogate)"
            )
        if not unicodedata.is_normalized("NFC", value):
            return "is not in Unicode NFC form; normalise it with unicodedata.normalize('NFC', s)"
        if self.single_line:
            if _LINE_BREAK.search(value):
                return "must be a single line (no line breaks or tabs)"
            if value != value.strip():
                return "must not start or end with white space"
        return None


@attrs.frozen
class Ref(Check):
    """An id of one of ``kinds``: ``Ref(("actor",))`` accepts ``actor:az-mfa`` only."""

    code: ClassVar[str] = "E205"

    kinds: tuple[IdKind, ...]

    def problem(self, value: object) -> str | None:
        if not isinstance(value, str):
            return f"expected an id string, not {type(value).__name__}"
        kind = id_kind(value)
        expected = " or ".join(f"'{kind}:…'" for kind in self.kinds)
        if kind is None:
            return (
                f"is not a well-formed id; expected {expected} with a slug of lower-case "
                "letters, digits and single hyphens"
            )
        if kind not in self.kinds:
            article = "an" if kind[0] in "aeiou" else "a"
            return f"refers to {article} {kind}, but this field takes {expected}"
        return None


@attrs.frozen
class Country(Check):
    """An officially assigned ISO 3166-1 alpha-2 code in upper case (``AZ``, ``RU``)."""

    code: ClassVar[str] = "E204"

    def problem(self, value: object) -> str | None:
        if not isinstance(value, str):
            return f"expected a country code, not {type(value).__name__}"
        if is_country(value):
            return None
        if is_country(value.upper()):
            return f"must be upper case: use {value.upper()!r}"
        return "is not an ISO 3166-1 alpha-2 country code"


@attrs.frozen
class Language(Check):
    """A BCP 47 language tag (``az``, ``ru``, ``az-Latn``, ``en-GB``)."""

    code: ClassVar[str] = "E206"

    def problem(self, value: object) -> str | None:
        if not isinstance(value, str):
            return f"expected a language tag, not {type(value).__name__}"
        # fullmatch: "$" alone would also match before a final line feed ("az\n").
        if len(value) <= 35 and _LANGUAGE.fullmatch(value):
            return None
        return "is not a BCP 47 language tag such as 'az', 'ru' or 'az-Latn'"


@attrs.frozen
class Url(Check):
    """An absolute ``http`` or ``https`` URL with a host and no white space."""

    code: ClassVar[str] = "E206"

    max_length: int = 2048

    def problem(self, value: object) -> str | None:
        if not isinstance(value, str):
            return f"expected a URL, not {type(value).__name__}"
        if len(value) <= self.max_length and _PLAIN_URL.fullmatch(value):
            return None
        return self.rule_broken(value)

    def rule_broken(self, value: str) -> str | None:
        """The first rule ``value`` breaks, checked one by one (``None`` if it keeps all)."""
        if len(value) > self.max_length:
            return f"is longer than {self.max_length} characters"
        if _SPACE_OR_FORBIDDEN.search(value):
            return "must not contain white space or control characters"
        try:
            parts = urlsplit(value)
            parts.port  # noqa: B018 - raises ValueError on a malformed port
        except ValueError as error:
            return f"is not a valid URL: {error}"
        if not value.startswith(("http://", "https://")):
            return "must start with http:// or https://"
        if "@" in parts.netloc:
            return "must not carry a user name or password"
        if not parts.hostname:
            return "has no host name"
        return None


@attrs.frozen
class Pattern(Check):
    """Text matching the regular expression ``regex``; ``meaning`` says what it is."""

    code: ClassVar[str] = "E206"

    regex: str
    meaning: str

    def problem(self, value: object) -> str | None:
        if not isinstance(value, str):
            return f"expected text, not {type(value).__name__}"
        if re.fullmatch(self.regex, value) is None:
            return f"is not {self.meaning}"
        return None


@attrs.frozen
class IntRange(Check):
    """An integer (not a ``bool``) from ``minimum`` to ``maximum`` inclusive."""

    code: ClassVar[str] = "E207"

    minimum: int = 0
    maximum: int = MAX_COUNT

    def problem(self, value: object) -> str | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return f"expected an integer, not {type(value).__name__}"
        if not self.minimum <= value <= self.maximum:
            return f"must be from {self.minimum} to {self.maximum}"
        return None


@attrs.frozen
class FloatRange(Check):
    """A finite number from ``minimum`` to ``maximum`` inclusive (int or float, not bool)."""

    code: ClassVar[str] = "E207"

    minimum: float
    maximum: float

    def problem(self, value: object) -> str | None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return f"expected a number, not {type(value).__name__}"
        if not math.isfinite(value):
            return "must be a finite number"
        if not self.minimum <= value <= self.maximum:
            return f"must be from {self.minimum:g} to {self.maximum:g}"
        return None
