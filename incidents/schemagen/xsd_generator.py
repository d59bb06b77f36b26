"""The XSD (XML Schema 1.0) of a dataset document, generated from the record classes.

It follows the XML mapping of :mod:`incidents.formats._xml_mapping` and the same field checks as the
JSON Schema, so the two cannot drift apart. It enforces what XSD 1.0 can: the element
structure and order, required attributes and elements, vocabularies as enumerations, id,
date, language and URL patterns, numeric bounds, unique ids (``xs:key``) and references that
resolve to a record of the right kind (``xs:keyref``). Rules XSD 1.0 cannot state (which
fields a count qualifier needs, coordinates in pairs, NFC text, dates that exist) are checked
by the library's model and semantic layers, as for JSON.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any, Final

import attrs
from lxml import etree

from incidents.formats._xml_mapping import NAMESPACE, Shape, shapes
from incidents.model._fields import (
    LANGUAGE_PATTERN,
    Check,
    Country,
    FloatRange,
    InstanceOf,
    IntRange,
    Language,
    Pattern,
    Ref,
    Text,
    Url,
)
from incidents.model.claims import Claim
from incidents.model.countries import COUNTRIES
from incidents.model.dataset import SCHEMA_VERSION, Dataset
from incidents.model.dates import EDTF_PATTERN, PartialDate
from incidents.model.ids import MAX_ID_LENGTH, SLUG_PATTERN, IdKind
from incidents.model.measure_kinds import MeasureKind
from incidents.model.vocabulary import Vocabulary

__all__ = ["KEYS", "xml_schema", "xml_schema_text"]

XS: Final = "http://www.w3.org/2001/XMLSchema"
_P: Final = "i"

#: The xs:key of each kind of reference: its name and the records whose ids it holds.
KEYS: Final[dict[tuple[IdKind, ...], tuple[str, str]]] = {
    ("actor",): ("actorKey", "i:actors/i:actor"),
    ("source",): ("sourceKey", "i:sources/i:source"),
    ("incident",): ("incidentKey", "i:incidents/i:incident"),
    ("measure",): ("measureKey", "i:measures/i:diplomatic_measure"),
    ("incident", "measure"): ("eventKey", "i:incidents/i:incident|i:measures/i:diplomatic_measure"),
}
_ID_TYPES: Final = {
    ("actor",): "ActorId",
    ("source",): "SourceId",
    ("incident",): "IncidentId",
    ("measure",): "MeasureId",
    ("incident", "measure"): "IncidentOrMeasureId",
}
# XSD regular expressions have no escapes for code points, so the C1 controls (and the
# Unicode line separators) are written as the characters themselves. XML 1.0 cannot carry
# the C0 controls at all, so they need no pattern.
_C1: Final = "\u007f-\u009f"
_SEPARATORS: Final = "\u2028\u2029"


def _xsd_regex(regex: str) -> str:
    """A Python regular expression of the kinds used here, in XSD's dialect (no anchors)."""
    return regex.removeprefix("^").removesuffix("$").replace("(?:", "(")


class _Builder:
    def __init__(self) -> None:
        self.root = etree.Element(
            f"{{{XS}}}schema",
            nsmap={"xs": XS, _P: NAMESPACE},
            targetNamespace=NAMESPACE,
            elementFormDefault="qualified",
            attributeFormDefault="unqualified",
            version=SCHEMA_VERSION,
        )
        self.types: dict[str, Any] = {}

    def xs(self, parent: Any, tag: str, **attributes: str) -> Any:
        return etree.SubElement(parent, f"{{{XS}}}{tag}", **attributes)

    def document(self, parent: Any, text: str) -> None:
        annotation = self.xs(parent, "annotation")
        self.xs(annotation, "documentation").text = text

    def named(self, name: str, build: Any) -> str:
        """Define a top-level type once; return its qualified name."""
        if name not in self.types:
            self.types[name] = None
            self.types[name] = build(name)
        return f"{_P}:{name}"

    # ----------------------------------------------------------------------- records

    def record_type(self, cls: type, value_check: Check | None = None, name: str = "") -> str:
        type_name = name or cls.__name__
        return self.named(type_name, lambda n: self._record(n, cls, value_check))

    def _record(self, name: str, cls: type, value_check: Check | None) -> Any:
        complex_type = self.xs(self.root, "complexType", name=name)
        self.document(complex_type, " ".join((cls.__doc__ or "").split()))
        sequence = self.xs(complex_type, "sequence")
        attributes = []
        fields = {field.name: field for field in attrs.fields(cls)}
        for shape in shapes(cls, value_check):
            doc = fields[shape.name].metadata["doc"]
            if shape.kind == "attribute":
                attributes.append((shape, doc))
                continue
            element = self.xs(sequence, "element", name=shape.name)
            if not shape.required:
                element.set("minOccurs", "0")
            self.document(element, doc)
            if shape.kind == "text":
                element.set("type", self.text_type(shape.check))
            elif shape.kind == "record":
                element.set("type", self.record_type(_record(shape)))
            else:
                self._list(element, shape)
        for shape, doc in attributes:
            attribute = self.xs(complex_type, "attribute", name=shape.name)
            attribute.set("type", self.simple_type(shape.check))
            if shape.required:
                attribute.set("use", "required")
            self.document(attribute, doc)
        return complex_type

    def _list(self, element: Any, shape: Shape) -> None:
        sequence = self.xs(self.xs(element, "complexType"), "sequence")
        item = self.xs(sequence, "element", name=shape.item, minOccurs="0", maxOccurs="unbounded")
        if shape.item_kind == "claim":
            value_name = _claim_name(shape.value_check)
            item.set("type", self.record_type(Claim, shape.value_check, value_name))
        elif shape.item_kind == "record":
            item.set("type", self.record_type(_record(shape)))
        elif isinstance(shape.check, Text):
            item.set("type", self.text_type(shape.check))
        else:
            item.set("type", self.simple_type(shape.check))

    # ------------------------------------------------------------------ simple types

    def simple_type(self, check: Check | None) -> str:
        if isinstance(check, Ref):
            kinds = check.kinds
            return self.named(_ID_TYPES[kinds], lambda n: self._ids(n, kinds))
        if isinstance(check, Country):
            return self.named("CountryCode", self._countries)
        if isinstance(check, Language):
            pattern = _xsd_regex(LANGUAGE_PATTERN)
            return self.named("LanguageTag", lambda n: self._pattern(n, pattern, "A BCP 47 tag."))
        if isinstance(check, Url):
            pattern = "https?://[^\\s/?#@]+([/?#]\\S*)?"
            return self.named("Url", lambda n: self._pattern(n, pattern, "An http(s) URL."))
        if isinstance(check, Text):
            return self.text_type(check)
        if isinstance(check, Pattern | IntRange | FloatRange):
            return self.named(_anonymous_name(check), lambda n: self._restricted(n, check))
        if isinstance(check, InstanceOf):
            kind = check.kind
            if kind is bool:
                return self.named("Boolean", self._boolean)
            if kind is PartialDate:
                pattern = _xsd_regex(EDTF_PATTERN)
                doc = "A partial date in EDTF: 2025, 2025-06, 2025-06-27, 2025-06~, a/b, a/.., 201X"
                return self.named("PartialDate", lambda n: self._pattern(n, pattern, doc))
            if isinstance(kind, type) and issubclass(kind, Vocabulary):
                vocabulary = kind
                return self.named(kind.__name__, lambda n: self._vocabulary(n, vocabulary))
        raise TypeError(f"no XSD type for {check!r}")  # pragma: no cover

    def text_type(self, check: Check | None) -> str:
        if not isinstance(check, Text):  # pragma: no cover - text shapes carry Text checks
            raise TypeError(f"not a text check: {check!r}")
        base = self.named("Line" if check.single_line else "Text", self._text)
        if check.max_length == Text().max_length:
            return base
        name = f"{base.split(':')[1]}{check.max_length}"
        return self.named(name, lambda n: self._max_length(n, base, check.max_length))

    def _restriction(self, name: str, base: str, doc: str) -> Any:
        simple = self.xs(self.root, "simpleType", name=name)
        self.document(simple, doc)
        return self.xs(simple, "restriction", base=base)

    def _pattern(self, name: str, pattern: str, doc: str) -> Any:
        restriction = self._restriction(name, "xs:string", doc)
        self.xs(restriction, "pattern", value=pattern)
        return restriction

    def _ids(self, name: str, kinds: tuple[IdKind, ...]) -> Any:
        prefix = "|".join(kinds)
        pattern = f"({prefix}):{_xsd_regex(SLUG_PATTERN)}"
        restriction = self._pattern(name, pattern, f"An id of a {' or '.join(kinds)}.")
        self.xs(restriction, "maxLength", value=str(MAX_ID_LENGTH))
        return restriction

    def _countries(self, name: str) -> Any:
        restriction = self._restriction(name, "xs:string", "An ISO 3166-1 alpha-2 code.")
        for code in sorted(COUNTRIES):
            self.xs(restriction, "enumeration", value=code)
        return restriction

    def _boolean(self, name: str) -> Any:
        restriction = self._restriction(name, "xs:boolean", "true or false.")
        self.xs(restriction, "pattern", value="true|false")
        return restriction

    def _text(self, name: str) -> Any:
        if name == "Line":
            outer = f"[^\\s{_C1}{_SEPARATORS}]"
            inner = f"[^\\t\\n\\r{_C1}{_SEPARATORS}]"
            pattern = f"{outer}({inner}*{outer})?"
            doc = "One line of text: not blank, no line breaks, no outer white space."
        else:
            pattern = f"[^\\r{_C1}]*[^\\s\\r{_C1}][^\\r{_C1}]*"
            doc = "Text: not blank, no carriage returns or C1 control characters."
        return self._pattern(name, pattern, doc)

    def _max_length(self, name: str, base: str, length: int) -> Any:
        restriction = self._restriction(name, base, f"At most {length} characters.")
        self.xs(restriction, "maxLength", value=str(length))
        return restriction

    def _restricted(self, name: str, check: Check) -> Any:
        if isinstance(check, Pattern):
            return self._pattern(name, _xsd_regex(check.regex), check.meaning)
        if isinstance(check, IntRange):
            restriction = self._restriction(name, "xs:integer", "An integer.")
            self.xs(restriction, "pattern", value="-?[0-9]+")
            low, high = float(check.minimum), float(check.maximum)
        else:
            assert isinstance(check, FloatRange)  # noqa: S101 - narrowed by simple_type
            restriction = self._restriction(name, "xs:double", "A finite number.")
            self.xs(
                restriction,
                "pattern",
                value="[+\\-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([Ee][+\\-]?[0-9]+)?",
            )
            low, high = check.minimum, check.maximum
        self.xs(restriction, "minInclusive", value=_number(low))
        self.xs(restriction, "maxInclusive", value=_number(high))
        return restriction

    def _vocabulary(self, name: str, kind: type[Vocabulary]) -> Any:
        restriction = self._restriction(name, "xs:string", " ".join((kind.__doc__ or "").split()))
        for member in kind:
            enumeration = self.xs(restriction, "enumeration", value=member.value)
            text = member.description
            if isinstance(member, MeasureKind):
                cameo = member.cameo.code if member.cameo else "none"
                plover = member.plover.code if member.plover else "none"
                text += f" [CAMEO {cameo}; PLOVER {plover}]"
            self.document(enumeration, text)
        return restriction

    # ---------------------------------------------------------------- keys, keyrefs

    def root_element(self) -> None:
        element = self.xs(self.root, "element", name="dataset", type=self.record_type(Dataset))
        self.document(element, "A dataset: actors, sources, incidents and measures.")
        for key, selector in KEYS.values():
            constraint = self.xs(element, "key", name=key)
            self.xs(constraint, "selector", xpath=selector)
            self.xs(constraint, "field", xpath="@id")
        grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
        for path, field, kinds in _references(Dataset, None, ()):
            grouped[(KEYS[kinds][0], field)].append("/".join(path))
        for (key, field), paths in sorted(grouped.items()):
            name = f"{key}.{field.removeprefix('@') if field != '.' else 'text'}"
            keyref = self.xs(element, "keyref", name=name, refer=f"{_P}:{key}")
            self.xs(keyref, "selector", xpath="|".join(paths))
            self.xs(keyref, "field", xpath=field)


def _fields(cls: type) -> Any:
    import attrs

    return attrs.fields(cls)


def _record(shape: Shape) -> type:
    if shape.record is None:  # pragma: no cover
        raise TypeError(f"{shape.name} has no record class")
    return shape.record


def _claim_name(check: Check | None) -> str:
    if isinstance(check, InstanceOf) and isinstance(check.kind, type):
        return f"{check.kind.__name__}Claim"
    if isinstance(check, Ref):
        return f"{_ID_TYPES[check.kinds]}Claim"
    return "TextClaim"


def _anonymous_name(check: Check) -> str:
    if isinstance(check, Pattern):
        return "SchemaVersion"
    if isinstance(check, IntRange):
        return f"Integer{check.minimum}To{check.maximum}"
    assert isinstance(check, FloatRange)  # noqa: S101
    return f"Degrees{int(check.maximum)}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _references(
    cls: type, value_check: Check | None, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], str, tuple[IdKind, ...]]]:
    """(selector path, field, id kinds) for every reference under a record's element."""
    for shape in shapes(cls, value_check):
        step = f"{_P}:{shape.name}"
        if shape.kind == "attribute" and isinstance(shape.check, Ref):
            if not (shape.name == "id" and len(path) == 2):  # a record's own id is a key
                yield path, f"@{shape.name}", shape.check.kinds
        elif shape.kind == "text" and isinstance(shape.check, Ref):  # pragma: no cover
            yield (*path, step), ".", shape.check.kinds
        elif shape.kind == "record":
            yield from _references(_record(shape), None, (*path, step))
        elif shape.kind == "list":
            item = (*path, step, f"{_P}:{shape.item}")
            if shape.item_kind == "claim":
                yield from _references(Claim, shape.value_check, item)
            elif shape.item_kind == "record":
                yield from _references(_record(shape), None, item)
            elif isinstance(shape.check, Ref):
                yield item, ".", shape.check.kinds


@cache
def _generate() -> bytes:
    builder = _Builder()
    builder.document(
        builder.root,
        "incidents dataset, format 1.x. Generated from the record classes of the incidents "
        "library; do not edit. See docs/xml.md for the mapping.",
    )
    builder.root_element()
    text: bytes = etree.tostring(
        builder.root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return text


def xml_schema() -> bytes:
    """The XSD of a dataset document, as UTF-8 bytes."""
    return _generate()


def xml_schema_text() -> str:
    """The XSD as the text committed under ``schemas/``."""
    return _generate().decode("utf-8")
