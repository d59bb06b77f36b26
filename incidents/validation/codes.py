"""Problem codes: stable identifiers for everything validation can report.

Codes never change meaning. ``E`` codes are errors (the document is not valid), ``W`` codes
are warnings (valid, but probably not what the author meant). The hundreds digit is the
layer that finds the problem: 1 syntax, 2 schema, 3 model rules the schema cannot express,
4 semantics across records. ``docs/codes.md`` is generated from this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

import attrs

__all__ = ["BEYOND_SCHEMA", "CODES", "BeyondSchema", "Code", "Layer", "Severity", "codes_markdown"]


class Severity(StrEnum):
    """How bad a problem is: errors make a report fail, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


class Layer(StrEnum):
    """The validation layer that finds a problem."""

    SYNTAX = "syntax"
    SCHEMA = "schema"
    MODEL = "model"
    SEMANTICS = "semantics"


@attrs.frozen
class Code:
    """A problem code: its identifier, severity, layer, what it means and what to do."""

    code: str
    layer: Layer
    title: str
    #: What the problem is, in a sentence or two.
    explanation: str
    #: What to do about it.
    fix: str

    @property
    def severity(self) -> Severity:
        """Errors start with E, warnings with W."""
        return Severity.ERROR if self.code.startswith("E") else Severity.WARNING


_TABLE: Final = (
    Code(
        "E100",
        Layer.SYNTAX,
        "cannot read input",
        "The file is missing, unreadable, a directory, or the input is not a path, text, bytes or "
        "mapping.",
        "Check the path and its permissions. In Python, pass a `pathlib.Path` to read a file: a "
        "`str` is taken as the document itself.",
    ),
    Code(
        "E101",
        Layer.SYNTAX,
        "not JSON",
        "The text is not valid JSON; line and column point at the first error.",
        "Fix the JSON at the line and column given. Trailing commas, single quotes and comments "
        "are not JSON.",
    ),
    Code(
        "E102",
        Layer.SYNTAX,
        "not UTF-8",
        "The bytes are not valid UTF-8 (or are UTF-16).",
        "Save the file as UTF-8 (an editor's encoding setting, or `iconv -f UTF-16 -t UTF-8`).",
    ),
    Code(
        "E103",
        Layer.SYNTAX,
        "byte-order mark",
        "The document starts with a byte-order mark; save it as UTF-8 without one.",
        "Save the file as UTF-8 without a byte-order mark ('UTF-8', not 'UTF-8 with BOM').",
    ),
    Code(
        "E104",
        Layer.SYNTAX,
        "nested too deep",
        "Arrays and objects nest deeper than the limit (64 levels).",
        "Flatten the structure. No dataset nests anywhere near that deep, so the file was probably"
        " generated wrongly or is not a dataset.",
    ),
    Code(
        "E105",
        Layer.SYNTAX,
        "duplicate key",
        "A key appears twice in one object; JSON readers disagree on which value wins, so it is "
        "refused.",
        "Decide which value is right and delete the other key.",
    ),
    Code(
        "E106",
        Layer.SYNTAX,
        "not a JSON number",
        "NaN, Infinity and -Infinity are not numbers JSON allows.",
        "Write a number, or leave the field out when the value is unknown.",
    ),
    Code(
        "E107",
        Layer.SYNTAX,
        "number too large",
        "A number overflows to infinity, or an integer has more than 20 digits.",
        "Correct the number: integers are at most 2**53 - 1 (9007199254740991) everywhere in the "
        "format.",
    ),
    Code(
        "E108",
        Layer.SYNTAX,
        "input too large",
        "The document is larger than the size limit.",
        "Split the dataset into several files, or store it as JSON Lines, which has a limit per "
        "line (16 MiB), not per file.",
    ),
    Code(
        "E109",
        Layer.SYNTAX,
        "forbidden XML construct",
        "The XML has a DOCTYPE, an entity reference or a processing instruction; none is allowed "
        "(they are how XML attacks work, and the format needs none).",
        "Remove the DOCTYPE, entity references and processing instructions; write characters "
        "directly in UTF-8 (`é`, not `&eacute;`).",
    ),
    Code(
        "E201",
        Layer.SCHEMA,
        "unknown field",
        "A record has a field the format does not define (often a typo).",
        "Check the field's spelling against the model reference, or remove it; put extra "
        "information in a `note`.",
    ),
    Code(
        "E202",
        Layer.SCHEMA,
        "missing field",
        "A required field, or one another field depends on, is missing.",
        "Add the field the message names; the model reference lists the required fields of each "
        "record.",
    ),
    Code(
        "E203",
        Layer.SCHEMA,
        "wrong type",
        "A value has the wrong JSON type: a string where a number belongs, an object where an "
        "array belongs, or null.",
        "Give the value the type the model reference shows: numbers and booleans without quotes, a"
        " list for a list field. Leave a field out rather than writing `null`.",
    ),
    Code(
        "E204",
        Layer.SCHEMA,
        "not in vocabulary",
        "A value is not one of the allowed terms (a kind, a status, a country code).",
        "Use one of the terms the message lists (every vocabulary is in the model reference). "
        "Country codes are upper case: `AZ`.",
    ),
    Code(
        "E205",
        Layer.SCHEMA,
        "bad id",
        "An id or reference is malformed or names the wrong kind of record ('source:x' where an "
        "actor is expected).",
        "Write ids as `kind:slug` (`actor:az-mfa`: lower-case letters, digits, single hyphens) and"
        " use the kind the field takes. `incidents.make_id` builds one from a name.",
    ),
    Code(
        "E206",
        Layer.SCHEMA,
        "bad format",
        "A date, language tag, URL or other formatted string does not have the right form.",
        "Write the value in the form the message shows: an EDTF date (`2025-06-27`, `2025-06`, "
        "`2025-06~`), a BCP 47 tag (`az`, `az-Latn`), an absolute http or https URL.",
    ),
    Code(
        "E207",
        Layer.SCHEMA,
        "out of range",
        "A number is below its minimum or above its maximum.",
        "Correct the number; the model reference gives each field's bounds.",
    ),
    Code(
        "E208",
        Layer.SCHEMA,
        "bad text",
        "Text is empty, too long, has control characters, line breaks in a one-line field, or "
        "white space at either end.",
        "Remove control characters and carriage returns. In one-line fields (names, titles) remove"
        " line breaks, tabs and white space at either end. Shorten text over its limit.",
    ),
    Code(
        "E209",
        Layer.SCHEMA,
        "record rule broken",
        "Fields of one record do not fit together (a count qualifier without its figure, a "
        "latitude without longitude).",
        "Make the fields agree as the message says: `best` for every count qualifier but "
        "`between`, `low` and `high` for `between`, latitude with longitude, a person or a count "
        "on a casualty (not both).",
    ),
    Code(
        "E210",
        Layer.SCHEMA,
        "schema violation",
        "Any other violation of the JSON Schema.",
        "Read the message against the model reference: the rule broken has no more specific code.",
    ),
    Code(
        "E301",
        Layer.MODEL,
        "text not normalised",
        "Text is not in Unicode NFC, is only invisible characters, or holds a lone surrogate.",
        "Normalise the text to NFC (`unicodedata.normalize('NFC', text)`, or an editor's setting);"
        " replace text that is only invisible characters, or leave the field out.",
    ),
    Code(
        "E302",
        Layer.MODEL,
        "impossible date",
        "A date that does not exist (30 February) or an interval or span that ends before it "
        "starts.",
        "Correct the date (check the length of the month), or swap the ends of the interval.",
    ),
    Code(
        "E303",
        Layer.MODEL,
        "model rule broken",
        "A rule of the record model that the schema cannot express is broken.",
        "Read the message: it names the rule and the field.",
    ),
    Code(
        "E401",
        Layer.SEMANTICS,
        "duplicate id",
        "Two records share an id; ids are unique across the dataset.",
        "Give one of the two records a new id, or merge them if they describe the same thing.",
    ),
    Code(
        "E402",
        Layer.SEMANTICS,
        "unresolved reference",
        "A reference names a record that is not in the dataset.",
        "Add the record the reference names, or correct the reference (its spelling and its kind).",
    ),
    Code(
        "E403",
        Layer.SEMANTICS,
        "unknown source",
        "A citation names a source that is not in the dataset.",
        "Add the source to `sources`, or correct the citation's source id.",
    ),
    Code(
        "E404",
        Layer.SEMANTICS,
        "response before trigger",
        "An incident or measure responds to something that certainly happened after it (partial "
        "dates taken into account).",
        "Check both dates and the link: either a date is wrong or the record responds to something"
        " else. When a source is vague, use the date it supports (a month, an interval).",
    ),
    Code(
        "E405",
        Layer.SEMANTICS,
        "cycle",
        "Responses, incident links or measure links form a cycle (a reciprocal_to link has no "
        "direction and closes none).",
        "Remove the link that closes the loop: a response points at what it responds to, and an "
        "incident link points from the later or smaller incident to the other.",
    ),
    Code(
        "E406",
        Layer.SEMANTICS,
        "count bounds out of order",
        "A count's low, best and high are not in order (low <= best <= high).",
        "Put the figures in order: `low <= best <= high`.",
    ),
    Code(
        "E407",
        Layer.SEMANTICS,
        "retroactive measure after announcement",
        "A measure marked retroactive takes effect after its announcement.",
        "Check the two dates; if the measure does not apply retroactively, leave `retroactive` "
        "out.",
    ),
    Code(
        "E408",
        Layer.SEMANTICS,
        "uncited event",
        "An incident or measure cites no source.",
        "Cite the source that reports the event, with a short verbatim quote.",
    ),
    Code(
        "E409",
        Layer.SEMANTICS,
        "measure link into the future",
        "A measure is part of, or implements, a measure that certainly happened after it "
        "(partial dates taken into account).",
        "Check both dates and the link: a national measure is part of a coordinated one of the "
        "same time or earlier, and a measure implements a decision taken before it.",
    ),
    Code(
        "W401",
        Layer.SEMANTICS,
        "effective before announced",
        "A measure takes effect before its announcement but is not marked retroactive.",
        "If the measure applies retroactively, set `retroactive` to true; otherwise check the two "
        "dates.",
    ),
    Code(
        "W402",
        Layer.SEMANTICS,
        "uncited casualty",
        "A casualty cites no source of its own.",
        "Cite the source that reports the casualty on the casualty itself.",
    ),
    Code(
        "W403",
        Layer.SEMANTICS,
        "repeated claim",
        "Two claims on one field have the same claimant, stance and value.",
        "Merge the two claims into one that cites every source.",
    ),
    Code(
        "E999",
        Layer.SYNTAX,
        "validator failure",
        "The validator itself failed on this input. This is a bug in incidents: please report it "
        "with the input.",
        "Report it as a bug, with the input; the problem is in incidents, not in the document.",
    ),
)

#: Every problem code, by identifier.
CODES: Mapping[str, Code] = MappingProxyType({entry.code: entry for entry in _TABLE})


@attrs.frozen
class BeyondSchema:
    """A rule the library checks that the JSON Schema cannot state, and the code it reports.

    A document that breaks only such rules is valid for any JSON Schema validator and
    refused by the library. ``tests/validation/test_three_validators.py`` holds an example of
    each, which every schema validator accepts and the library refuses with ``code``.
    """

    #: A short name for the rule (the tests' key).
    name: str
    code: str
    #: The rule, in a sentence.
    rule: str
    #: A value or document that breaks it.
    example: str


#: Every rule beyond the schema (for documents given as JSON; syntax is the E1xx codes').
BEYOND_SCHEMA: Final = (
    BeyondSchema(
        "nfc",
        "E301",
        "Text is in Unicode NFC (a regular expression cannot tell composed from decomposed).",
        "the name 'Aze\\u0301rbaijan' (e and a combining acute) instead of 'Azérbaijan'",
    ),
    BeyondSchema(
        "invisible",
        "E301",
        "Text has a visible character: text of only invisible characters (zero-width spaces, "
        "format characters) is blank, though the schema sees characters that are not white "
        "space.",
        "the title '\\u200b\\u200b'",
    ),
    BeyondSchema(
        "surrogate",
        "E301",
        "Text holds no lone surrogate (U+D800 to U+DFFF), which is not a character and cannot "
        "be written as UTF-8; JSON can spell one as an escape, and not every regular-expression "
        "dialect can name them.",
        "the name 'Azerbaijan \\ud800'",
    ),
    BeyondSchema(
        "real-day",
        "E302",
        "A date is a day of the calendar: the schema's pattern allows days 01 to 31 in every "
        "month.",
        "2025-02-30",
    ),
    BeyondSchema(
        "interval-order",
        "E302",
        "An interval (a date, an affiliation) does not end before it starts.",
        "2025-07-01/2025-06-01",
    ),
    BeyondSchema(
        "url-port",
        "E206",
        "A URL's port is from 0 to 65535 and its host is well formed (the URL is read as "
        "Python's urllib.parse reads it); the schema's pattern checks the scheme, that a host "
        "is there, and that nothing is white space.",
        "https://example.org:99999/report",
    ),
    BeyondSchema(
        "count-order",
        "E406",
        "A count's bounds are in order: low <= best <= high.",
        '{"low": 5, "best": 3, "high": 9, "qualifier": "between"}',
    ),
    BeyondSchema(
        "unique-ids",
        "E401",
        "Ids are unique across the dataset.",
        "two actors with the id actor:azerbaijan",
    ),
    BeyondSchema(
        "references",
        "E402",
        "Every reference resolves to a record of the dataset (of the kind its prefix names).",
        "a measure targeting actor:nobody",
    ),
    BeyondSchema(
        "response-order",
        "E404",
        "A response does not certainly precede what it responds to (partial dates taken into "
        "account).",
        "a summons announced on 2025-06-01 in response to a raid of 2025-06-27",
    ),
    BeyondSchema(
        "known-sources",
        "E403",
        "Every citation names a source of the dataset.",
        "a citation of source:nowhere",
    ),
    BeyondSchema(
        "no-cycles",
        "E405",
        "Responses, incident links and measure links form no cycle.",
        "a measure in response to itself",
    ),
    BeyondSchema(
        "retroactive",
        "E407",
        "A measure marked retroactive takes effect before it is announced, not after.",
        "announced 2025-07-03, effective 2025-07-10, retroactive",
    ),
    BeyondSchema(
        "link-order",
        "E409",
        "A measure is not part of, and does not implement, a measure that certainly happened "
        "after it.",
        "a summons of 2025-06-30 that implements a measure of 2025-07-15",
    ),
    BeyondSchema(
        "citations",
        "E408",
        "Every incident and measure cites a source.",
        "a measure with no citations",
    ),
)


def codes_markdown() -> str:
    """The code table as Markdown (``docs/codes.md``)."""
    lines = [
        "# Validation problem codes",
        "",
        "<!-- Generated from incidents/validation/codes.py by scripts/regenerate.py; "
        "do not edit. -->",
        "",
        "Every problem `incidents.validate` and `incidents validate` report has one of these "
        "codes. A code never changes meaning. `E` codes are **errors**: the document is not "
        "valid, and `Report.ok` is false (exit code 1 on the command line). `W` codes are "
        "**warnings**: the document is valid but probably not what its author meant; they fail "
        "only with `incidents validate --strict`.",
        "",
        "The hundreds digit is the layer that finds the problem: 1 syntax (can the document be "
        "read at all), 2 schema (what the published JSON Schema or XSD says, so any other "
        "validator finds these too), 3 model (record rules a schema cannot express) and "
        "4 semantics (rules across records).",
        "",
        "| code | severity | layer | problem | meaning | what to do |",
        "|---|---|---|---|---|---|",
    ]
    for entry in _TABLE:
        lines.append(
            f"| {entry.code} | {entry.severity} | {entry.layer} | {entry.title} "
            f"| {entry.explanation} | {entry.fix} |"
        )
    lines += [
        "",
        "## What the schema cannot say",
        "",
        "For everything the published JSON Schema can state, `incidents.validate` gives the "
        "verdict of any JSON Schema 2020-12 validator: the tests compare it with Python's "
        "`jsonschema`, `jsonschema-rs` and Ajv on a differential corpus (numbers in every JSON "
        "spelling, strings with every line terminator, Unicode normalisation forms). An integral "
        "number such as `38.0`, `3.8e1` or `-0.0` is an integer, as JSON Schema says, and is "
        "read (and written back) as the integer it equals. These rules, and the syntax rules "
        "above (the E1xx codes: duplicate keys, `NaN`, encoding, depth, size), are the "
        "library's own: a document that breaks only these is valid for every schema "
        "validator and refused by the library. The rules across records also give the "
        "warnings W401 to W403, which leave a document valid.",
        "",
        "| rule | code | for example |",
        "|---|---|---|",
    ]
    for rule in BEYOND_SCHEMA:
        example = rule.example.replace("|", "\\|")
        lines.append(f"| {rule.rule} | {rule.code} | `{example}` |")
    return "\n".join(lines) + "\n"
