"""The regular expressions of the EDTF subset :mod:`incidents.model.dates` reads: the
parser's, and the shape the JSON Schema and the XSD publish (:data:`EDTF_PATTERN`)."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["EDTF_PATTERN"]

_POINT = (
    r"(?P<{p}year>[0-9]{{4}}|[0-9]{{3}}X|[0-9]{{2}}XX)"
    r"(?:-(?P<{p}month>[0-9]{{2}}|XX)(?:-(?P<{p}day>[0-9]{{2}}|XX))?)?"
    r"(?P<{p}q>[~?%])?"
)
#: Either end may be a point, ``..`` (open) or nothing (unknown); ``_ends`` settles the rest.
_PARSER: Final = re.compile(
    rf"(?:{_POINT.format(p='a')}|(?P<aopen>\.\.))?"
    rf"(?:(?P<slash>/)(?:{_POINT.format(p='b')}|(?P<bopen>\.\.))?)?"
)

# The shapes the schemas accept (month and day ranges too; the calendar is the model's).
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_KNOWN = rf"[0-9]{{4}}(?:-{_MONTH}(?:-{_DAY})?)?[~?%]?"
_POINT_SHAPE = (
    rf"(?:{_KNOWN}|[0-9]{{4}}-{_MONTH}-XX|[0-9]{{4}}-XX(?:-XX)?|[0-9]{{3}}X|[0-9]{{2}}XX)"
)
#: Regular expression for the supported EDTF subset, as the JSON Schema and the XSD give it.
EDTF_PATTERN: Final = (
    rf"^(?:{_POINT_SHAPE}(?:/(?:{_POINT_SHAPE}|\.\.)?)?|(?:\.\.)?/{_POINT_SHAPE})$"
)
