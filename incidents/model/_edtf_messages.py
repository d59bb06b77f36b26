"""What to say of a text that is not a date this library reads: valid EDTF it does not
support is named as such (with what to write instead), so it is not mistaken for a typo."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["SEASON", "not_a_date"]

#: Text longer than this is not looked at for EDTF forms this library does not read.
_LONGEST_HINTED: Final = 64
#: An EDTF season or quarter: a "month" from 21 to 41.
SEASON: Final = re.compile(r"^[0-9]{4}-(?:2[1-9]|3[0-9]|4[01])(?:$|[~?%/])")
#: EDTF forms this library does not read, each with what it is and what to write instead.
_UNSUPPORTED: Final[tuple[tuple[re.Pattern[str], str, str], ...]] = (
    (
        re.compile(r"^(?:\.\.)?/(?:\.\.)?$|^\.\./\.\.$"),
        "no date on either side of '/'",
        "give at least one end: '2018-03-14/..' or '../2018-03'",
    ),
    (
        re.compile(r"X.*[~?%]|[~?%].*X(?!.*/)"),
        "unspecified digits ('X') and a qualifier on one date (EDTF level 2)",
        "keep one of them: '2018-03-XX' or '2018-03~'",
    ),
    (
        re.compile(r"X[0-9]|XX-[0-9]|^[0-9]?X|/[0-9]?X|[0-9]X-|XXX"),
        "unspecified digits ('X') other than the last part of a date (EDTF level 2)",
        "leave out what is not known from the end: '2018-03-XX', '2018-XX' or '201X'",
    ),
    (
        SEASON,
        "a season or quarter (21 to 41)",
        "the interval of its months, such as '2018-03/2018-05'",
    ),
    (re.compile(r"^Y|^-|/-|/Y"), "a year outside 1 to 9999", "a year from 1 to 9999"),
    (re.compile(r"^[\[{]"), "a set of dates", "one date or interval per record"),
)


def not_a_date(text: str) -> str:
    """Why ``text`` is not a date this library reads: valid EDTF it does not support is
    named as such, so it is not mistaken for a typo."""
    # The longest date is 23 characters ('2024-12-25~/2025-07-04~'): longer text is no EDTF
    # form at all, and the hints' searches (``X.*[~?%]``) are quadratic on long runs of X.
    for pattern, what, instead in _UNSUPPORTED if len(text) <= _LONGEST_HINTED else ():
        if pattern.search(text):
            return f"is EDTF with {what}, which this library does not read; {instead}"
    return (
        "is not a date such as '2025', '2025-06', '2025-06-27', '2025-06~', "
        "'2024-12-25/2025-07-04' or '2018-03-14/..'"
    )
