"""The rules the library checks that the JSON Schema cannot state, each with its code.

``docs/codes.md`` lists them (from :func:`incidents.validation.codes.codes_markdown`) and
``tests/validation/test_three_validators.py`` checks an example of each.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["BEYOND_SCHEMA", "BeyondSchema"]


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
