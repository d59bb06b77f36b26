"""How each field of a record appears in XML: the one mapping that the XML reader, the XML
writer and the XSD generator all follow.

* A record is an element; its name is the field name (or, in a list, the record's name in
  snake_case: ``DiplomaticMeasure`` -> ``diplomatic_measure``; a claim is ``claim``).
* Scalar fields that are not free text (ids, references, vocabulary terms, dates, numbers,
  booleans, country and language codes, URLs) are attributes.
* Text fields (names, titles, summaries, quotes, notes) are child elements holding the text,
  so line breaks and spaces survive exactly.
* Nested records are child elements named after the field.
* Lists are a container element named after the field holding one element per item:
  records as above, claims as ``claim``, plain values (ids, author names) as ``item``.
* A claim's value follows the same rules under the name ``value``: an attribute for an id
  (``<claim value="actor:russia">``), a text element for text, an element for a record.
* Child elements come in field declaration order; fields equal to their defaults are left
  out, as in JSON.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache
from typing import Any, Final, Literal

import attrs

from incidents.model._fields import Check, Each, InstanceOf, Maybe, Text
from incidents.model.claims import Claim, ClaimOf
from incidents.model.dates import PartialDate

__all__ = ["NAMESPACE", "Shape", "element_name", "shapes"]

#: The XML namespace of dataset documents (stable for every 1.x version of the format).
NAMESPACE: Final = "urn:incidents:xml:1"

Kind = Literal["attribute", "text", "record", "list"]


@attrs.frozen
class Shape:
    """How one field appears: as an attribute, a text element, a record element or a list."""

    #: The field name (attribute or element name).
    name: str
    kind: Kind
    #: The field check, for attributes and text (what values it takes).
    check: Check | None = None
    #: For records (and record items of lists): the record class.
    record: type | None = None
    #: For claims: the check of the claim's value.
    value_check: Check | None = None
    #: For lists: the name of each item element.
    item: str = ""
    #: For lists: the kind of each item.
    item_kind: Kind | Literal["claim"] = "text"
    required: bool = False


def element_name(cls: type) -> str:
    """``DiplomaticMeasure`` -> ``diplomatic_measure``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


@cache
def shapes(cls: type, value_check: Check | None = None) -> tuple[Shape, ...]:
    """The XML shape of each field of ``cls`` (a claim's value takes ``value_check``)."""
    result = []
    for field in attrs.fields(cls):
        required = field.default is attrs.NOTHING or field.name == "schema_version"
        if cls is Claim and field.name == "value":
            result.append(_value_shape(value_check, required))
            continue
        check = field.validator
        if not isinstance(check, Check):  # pragma: no cover - every model field has a check
            raise TypeError(f"{cls.__name__}.{field.name} has no field check")
        result.append(_shape(field.name, _unwrap(check), required))
    return tuple(result)


def _unwrap(check: Check) -> Check:
    return check.check if isinstance(check, Maybe) else check


def _value_shape(check: Check | None, required: bool) -> Shape:
    if check is None:  # pragma: no cover - claims are always reached through ClaimOf
        raise TypeError("a claim's value needs the check of its field")
    return _shape("value", check, required)


def _record_class(check: Check) -> type | None:
    """The record class a check takes, if it takes a record (a partial date is a scalar)."""
    kind = check.kind if isinstance(check, InstanceOf) else None
    if isinstance(kind, type) and attrs.has(kind) and kind is not PartialDate:
        return kind
    return None


def _shape(name: str, check: Check, required: bool) -> Shape:
    if isinstance(check, Each):
        item = _unwrap(check.check)
        if isinstance(item, ClaimOf):
            return Shape(name, "list", item_kind="claim", item="claim", value_check=item.check)
        record = _record_class(item)
        if record is not None:
            return Shape(name, "list", record=record, item=element_name(record), item_kind="record")
        return Shape(name, "list", check=item, item="item", item_kind="text")
    record = _record_class(check)
    if record is not None:
        return Shape(name, "record", record=record, required=required)
    if isinstance(check, Text):
        return Shape(name, "text", check=check, required=required)
    return Shape(name, "attribute", check=check, required=required)


def lexical(value: Any) -> str:
    """A plain JSON-ready value as XML text: ``True`` -> ``"true"``, ``56.8`` -> ``"56.8"``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float):
        return repr(value)
    return str(value)
