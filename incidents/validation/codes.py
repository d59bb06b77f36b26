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

__all__ = ["CODES", "Code", "Layer", "Severity", "codes_markdown"]


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
        "E110",
        Layer.SYNTAX,
        "bad collection manifest",
        "A collection's manifest (`incidents.toml`) is not TOML, has a key it does not define "
        "(often a typo), a value of the wrong type, or a format version this library does not "
        "read.",
        "Fix the manifest at the line given: the keys are `name`, `description`, `format`, "
        "`include` and `exclude` (docs/collections.md); `format` is a 1.x version such as "
        '`"1.1"`, the globs are lists of strings.',
    ),
    Code(
        "E111",
        Layer.SYNTAX,
        "symlink loop",
        "A folder of a collection is a link back to a folder that contains it; it is not "
        "followed, so the files under it are not read twice or forever.",
        "Remove the link, or point it at a folder outside the collection, or exclude it in "
        "`incidents.toml`.",
    ),
    Code(
        "E112",
        Layer.SYNTAX,
        "empty collection",
        "A collection holds no dataset file (`.json`, `.jsonl` or `.xml`) once the manifest's "
        "include and exclude globs are applied.",
        "Check the folder and the manifest's `include` and `exclude` globs: at least one dataset "
        "file must belong to the collection.",
    ),
    Code(
        "E113",
        Layer.SYNTAX,
        "file newer than the collection",
        "A file of a collection declares a newer schema version than the `format` its manifest "
        "gives.",
        "Raise the manifest's `format` to the newest version the files use, or write the file "
        "with the collection's version.",
    ),
    Code(
        "W101",
        Layer.SYNTAX,
        "not a dataset file",
        "A file in a collection has a suffix that is not `.json`, `.jsonl` or `.xml`; it is "
        "skipped.",
        "Move the file out of the collection, or exclude it in `incidents.toml` (`exclude = "
        '["notes/**"]`); a dataset file needs one of the three suffixes.',
    ),
    Code(
        "W102",
        Layer.SYNTAX,
        "same file twice",
        "Two paths of a collection are the same file or folder (through a link); it is read once.",
        "Remove the link, or exclude one of the two paths in `incidents.toml`.",
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
        "E410",
        Layer.SEMANTICS,
        "id conflict across files",
        "Two files of a collection hold different records with the same id; the message names "
        "the other file and the fields that differ.",
        "Decide which record is right and correct or delete the other, or give one a new id; "
        "`incidents merge` unions claims and citations when the records differ only in those.",
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
        "W404",
        Layer.SEMANTICS,
        "record repeated across files",
        "The same record (the same id and the same content) is in two files of a collection; it "
        "counts once.",
        "Keep the record in one file (a shared `actors.json`, say) and refer to it from the "
        "others: references resolve across the files of a collection.",
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


def codes_markdown() -> str:
    """The code table as Markdown (``docs/codes.md``)."""
    from incidents.validation.beyond_schema import BEYOND_SCHEMA

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
