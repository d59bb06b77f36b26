"""The schema layer's wording: each kind of schema violation reads as what to change."""

from __future__ import annotations

import json
from typing import Any

import pytest

from incidents import validate


def _document(**actor: Any) -> str:
    base = {"id": "actor:az", "kind": "state", "name": "Azerbaijan"}
    return json.dumps({"schema_version": "1.0", "actors": [{**base, **actor}]})


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            _document(country="ZZ"),
            ("E204", "/actors/0/country", "'ZZ' is not an ISO 3166-1 alpha-2 country code"),
        ),
        (
            _document(names=[{"value": "Azərbaycan", "language": "azerbaijani"}]),
            (
                "E206",
                "/actors/0/names/0/language",
                "'azerbaijani' is not a BCP 47 language tag such as 'az', 'ru' or 'az-Latn'",
            ),
        ),
        (
            _document(identifiers=[{"scheme": "wikidata", "value": "227"}]),
            (
                "E206",
                "/actors/0/identifiers/0/value",
                "'227': a wikidata identifier must match ^Q[1-9][0-9]*$",
            ),
        ),
        (
            _document(identifiers=[{"scheme": "website", "value": "ftp://mfa.gov.az"}]),
            (
                "E206",
                "/actors/0/identifiers/0/value",
                "'ftp://mfa.gov.az' must start with http:// or https://",
            ),
        ),
        (
            _document(description=" \n "),
            ("E208", "/actors/0/description", "must not be empty or only white space"),
        ),
        (
            _document(name="x" * 100_001),
            ("E208", "/actors/0/name", "is 100001 characters long; the limit is 100000"),
        ),
        (
            _document(affiliations=[{"value": {"organization": "actor:az", "start": "2025-6"}}]),
            (
                "E206",
                "/actors/0/affiliations/0/value/start",
                "'2025-6' is not a date such as '2025', '2025-06', '2025-06-27', '2025-06~', "
                "'2024-12-25/2025-07-04' or '2018-03-14/..'",
            ),
        ),
        (
            json.dumps({"schema_version": "2.0"}),
            (
                "E206",
                "/schema_version",
                "'2.0' is not a supported format version; this library reads 1.x",
            ),
        ),
        (
            "null",
            ("E203", "", "expected a dataset (a JSON object), found null"),
        ),
        (
            json.dumps({"schema_version": "1.0", "actors": [None]}),
            ("E203", "/actors/0", "expected an object, found null"),
        ),
        (
            json.dumps(
                {
                    "schema_version": "1.0",
                    "incidents": [
                        {
                            "id": "incident:x",
                            "kind": "raid",
                            "title": "Raid",
                            "date": "2025",
                            "location": {"latitude": 56.8},
                        }
                    ],
                }
            ),
            (
                "E202",
                "/incidents/0/location/longitude",
                "'longitude' is required when 'latitude' is given (latitude and longitude "
                "come together; precision needs both)",
            ),
        ),
    ],
)
def test_schema_violation_messages(document, expected):
    """Each schema violation gets the expected code, location and wording."""
    target = document.encode() if isinstance(document, str) else document
    found = [(p.code, p.location, p.message) for p in validate(target)]
    assert expected in found, found
