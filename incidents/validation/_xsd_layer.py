"""The schema layer of validation for XML: the bundled XSD's errors as problems."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, Final

from lxml import etree

from incidents.formats._xml_mapping import NAMESPACE
from incidents.formats._xml_tree import XmlDocument
from incidents.schemagen.xsd_generator import xml_schema

__all__ = ["XmlFinding", "xsd_findings"]

#: (XPath, code, message, line, column)
XmlFinding = tuple[str, str, str, int | None, int | None]

XML_NAMESPACE: Final = "http://www.w3.org/XML/1998/namespace"
_CODES: Final = {
    "SCHEMAV_CVC_ENUMERATION_VALID": "E204",
    "SCHEMAV_CVC_PATTERN_VALID": "E206",
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_1": "E203",
    "SCHEMAV_CVC_MININCLUSIVE_VALID": "E207",
    "SCHEMAV_CVC_MAXINCLUSIVE_VALID": "E207",
    "SCHEMAV_CVC_MAXLENGTH_VALID": "E208",
    "SCHEMAV_CVC_MINLENGTH_VALID": "E208",
    "SCHEMAV_CVC_COMPLEX_TYPE_4": "E202",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_1": "E201",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2": "E201",
    "SCHEMAV_CVC_ELT_1": "E201",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_1": "E203",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_3": "E203",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_4": "E201",
}
_SUBJECT: Final = re.compile(r"^Element '[^']*'(?:, attribute '(?P<attribute>[^']*)')?: ")
_KEYREF: Final = re.compile(r"of keyref '\{[^}]*\}[A-Za-z]+Key\.(?P<field>[A-Za-z_]+)'")


@cache
def _schema() -> Any:
    return etree.XMLSchema(etree.fromstring(xml_schema()))


def xsd_findings(document: XmlDocument) -> Iterator[XmlFinding]:
    """Every XSD violation in the document, with the XPath of the element or attribute."""
    schema = _schema()
    if schema.validate(document.root):
        return
    tree = document.root.getroottree()
    prefixes = {
        prefix: namespace
        for node in document.root.iter()
        if isinstance(node.tag, str)
        for prefix, namespace in node.nsmap.items()
        if prefix
    }
    for entry in schema.error_log:
        finding = _finding(entry, tree, document, prefixes)
        if finding is not None:
            yield finding


def _finding(
    entry: Any, tree: Any, document: XmlDocument, prefixes: dict[str, str]
) -> XmlFinding | None:
    message = str(entry.message)
    subject = _SUBJECT.match(message)
    attribute = subject.group("attribute") if subject else None
    text = message[subject.end() :] if subject else message
    text = _spelled(text, tree.getroot().prefix).rstrip(".")
    try:
        nodes = tree.xpath(entry.path, namespaces=prefixes) if entry.path else []
    except etree.XPathError:  # a path libxml2 wrote with prefixes it did not declare
        nodes = []
    root = document.where("")[0]
    xpath = document.paths.get(nodes[0], root) if nodes else root
    bound = next((prefix for prefix, uri in prefixes.items() if uri == NAMESPACE), None)
    named = _spelled(attribute, bound) if attribute else None
    if nodes and nodes[0] in document.paths:
        node, line = nodes[0], nodes[0].sourceline
        column = document.column(node, named)
    else:  # libxml2's own place: its column where it gives one, else the line's start
        node, line, column = document.root, entry.line, max(1, int(entry.column or 0))
    code = _CODES.get(entry.type_name, "E210")
    if entry.type_name == "SCHEMAV_CVC_IDC":
        if "Duplicate key-sequence" in text:
            return f"{xpath}/@id", "E401", _key_message(text), line, document.column(node, "id")
        keyref = _KEYREF.search(text)
        if "No match found" in text and keyref:
            field = keyref.group("field")
            where = xpath if field == "text" else f"{xpath}/@{field}"
            return where, "E402", _key_message(text), line, column
        return None  # follow-up noise of a value already reported as invalid
    if entry.type_name == "SCHEMAV_ELEMENT_CONTENT":
        code = "E202" if "Missing child element" in text else "E201"
    if named:
        xpath = f"{xpath}/@{named}"
    return xpath, code, text, line, column


def _spelled(text: str, prefix: str | None) -> str:
    """Names in libxml2's ``{namespace}name`` form as the document writes them: ``xml:`` for
    the XML namespace, the document's own prefix (or none) for the incidents namespace."""
    text = text.replace(f"{{{XML_NAMESPACE}}}", "xml:")
    return text.replace(f"{{{NAMESPACE}}}", f"{prefix}:" if prefix else "")


def _key_message(text: str) -> str:
    value = re.search(r"\['(.*?)'\]", text)
    shown = value.group(1) if value else "?"
    if "Duplicate" in text:
        return f"id {shown!r} is used by more than one record"
    return f"refers to {shown!r}, which is not in this dataset"
