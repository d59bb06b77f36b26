"""XML in and out: one dataset per document, in the namespace :data:`NAMESPACE`.

The mapping (which fields are attributes, which are elements) is described in
:mod:`incidents.formats._xml_mapping` and ``docs/xml.md``; it is derived from the record
classes, as is the XSD. XML and JSON carry exactly the same records:
``from_json(to_json(from_xml(x)))`` equals ``from_xml(x)``. The tree is read as plain data
by :class:`~incidents.formats._xml_tree.XmlDocument`.

Parsing is safe by construction:

* input is bytes (or text, encoded to UTF-8), at most :data:`MAX_DOCUMENT_BYTES`; a path is
  never handed to the parser (which would also decompress gzip transparently);
* the document must be UTF-8; a ``DOCTYPE`` (and so any entity declaration) is refused before
  parsing, and the parser is set to resolve no entities, load no DTD, use no network and keep
  libxml2's size limits (``huge_tree`` off);
* processing instructions are refused; XInclude is never processed;
* elements nest at most :data:`MAX_DEPTH` deep.
"""

from __future__ import annotations

import re
import threading
from typing import Any, Final

from lxml import etree

from incidents._compile.gc_pause import gc_paused
from incidents._places import path_to_pointer
from incidents.errors import ArgumentError, ParseError, ParseProblem
from incidents.formats._diagnosis import diagnose
from incidents.formats._xml_mapping import NAMESPACE, lexical, shapes
from incidents.formats._xml_tree import ROOT, XmlDocument, clark, record_of
from incidents.formats.converter import converter, structure_dataset, unstructure_dataset
from incidents.model._fields import Check
from incidents.model.claims import Claim
from incidents.model.dataset import Dataset

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "NAMESPACE",
    "XmlDocument",
    "from_xml",
    "parse_xml",
    "to_xml",
]

#: Elements may nest at most this deep (valid documents need about twelve levels).
MAX_DEPTH: Final = 64
#: Documents larger than this are refused before parsing (256 MiB).
MAX_DOCUMENT_BYTES: Final = 256 * 1024 * 1024
_ENCODING: Final = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def to_xml(dataset: Dataset) -> bytes:
    """The dataset as an XML document: UTF-8, declared, pretty-printed, deterministic."""
    if not isinstance(dataset, Dataset):
        reason = f"expected a Dataset, not {type(dataset).__name__}"
        raise ArgumentError("to_xml", "dataset", dataset, reason)
    root = etree.Element(clark(ROOT), nsmap={None: NAMESPACE})
    _write(root, unstructure_dataset(dataset), Dataset, None)
    try:
        return bytes(
            etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        )
    except ValueError as error:  # pragma: no cover - the model forbids what XML cannot carry
        raise ArgumentError(
            "to_xml", "dataset", dataset, f"cannot be written as XML: {error}"
        ) from None


def _write(element: Any, data: dict[str, Any], cls: type, value_check: Check | None) -> None:
    for shape in shapes(cls, value_check):
        if shape.name not in data:
            continue
        value = data[shape.name]
        if shape.kind == "attribute":
            element.set(shape.name, lexical(value))
        elif shape.kind == "text":
            etree.SubElement(element, clark(shape.name)).text = lexical(value)
        elif shape.kind == "record":
            _write(etree.SubElement(element, clark(shape.name)), value, record_of(shape), None)
        else:
            container = etree.SubElement(element, clark(shape.name))
            for item in value:
                child = etree.SubElement(container, clark(shape.item))
                if shape.item_kind == "claim":
                    _write(child, item, Claim, shape.value_check)
                elif shape.item_kind == "record":
                    _write(child, item, record_of(shape), None)
                else:
                    child.text = lexical(item)


def parse_xml(document: str | bytes) -> XmlDocument:
    """Parse an XML document safely; raise :class:`ParseError` (with line) if it is not XML."""
    raw = _bytes(document)
    if len(raw) > MAX_DOCUMENT_BYTES:
        message = f"the document is larger than {MAX_DOCUMENT_BYTES} bytes"
        raise ParseError([ParseProblem("/", message, code="E108")])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        raise ParseError(
            [ParseProblem("/", "the document is UTF-16 or UTF-32; save it as UTF-8", 1, 1, "E102")]
        )
    if b"\x00" in raw:
        # XML 1.0 cannot contain NUL at all: this is UTF-16 or UTF-32 without a byte-order
        # mark, which the checks below (made for UTF-8 text) must not be asked to read.
        offset = raw.index(b"\x00")
        message = f"a NUL byte at offset {offset}: the document is not UTF-8 (UTF-16 or UTF-32?)"
        raise ParseError([ParseProblem("/", message, None, None, "E102")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = f"not valid UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}"
        raise ParseError([ParseProblem("/", message, line, None, "E102")]) from None
    declared = _ENCODING.match(raw.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        message = f"the document declares encoding {declared.group(1).decode()}; only UTF-8 is read"
        raise ParseError([ParseProblem("/", message, 1, None, "E102")])
    doctype = text.find("<!DOCTYPE")
    if doctype >= 0:
        line = text.count("\n", 0, doctype) + 1
        message = "a DOCTYPE (and so any DTD or entity declaration) is not allowed"
        raise ParseError([ParseProblem("/", message, line, None, "E109")])
    root = _parse(raw)
    with gc_paused():  # many small objects and no cycles: see incidents._compile.gc_pause
        return XmlDocument(root, text)


def _bytes(document: str | bytes) -> bytes:
    if isinstance(document, str):
        return document.encode("utf-8", "surrogatepass")
    if isinstance(document, bytes | bytearray | memoryview):
        return bytes(document)
    message = f"expected XML text (str) or bytes, not {type(document).__name__}"
    raise ParseError([ParseProblem("/", message, code="E100")])


def _parse(raw: bytes) -> Any:
    """The document's root element, parsed with every guard; raise :class:`ParseError`.

    libxml2 parses the whole document in one call; the tree is then checked for what must
    be refused (more than :data:`MAX_DEPTH` levels, processing instructions, entity
    references). When the parse fails or a check finds something, the document is parsed
    again event by event (:func:`_parse_in_order`), which reports the first of those
    problems in document order with its line, exactly as that parse always has.
    """
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError:
        return _parse_in_order(raw)
    if (
        root is None  # pragma: no cover - lxml raises on an empty document
        or root.getprevious() is not None  # a processing instruction before the root
        or root.getnext() is not None  # or after it (comments are removed)
        or _TOO_DEEP(root)
        or next(root.iter(etree.PI, etree.Entity), None) is not None
    ):
        return _parse_in_order(raw)
    return root


def _parser() -> Any:
    """This thread's parser: no entities resolved, no DTD, no network, libxml2's limits."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,
            remove_comments=True,
        )
    return parser


#: One parser per thread (an lxml parser must not be shared between threads).
_PARSERS: Final = threading.local()
#: The elements nested deeper than MAX_DEPTH (the root is at depth 1).
_TOO_DEEP: Final = etree.XPath("/*" + "/*" * MAX_DEPTH)


def _parse_in_order(raw: bytes) -> Any:
    """Parse with start, end and processing-instruction events, counting the depth.

    The document is fed in chunks and the events of each chunk are looked at before the
    next is fed, and once more after a syntax error: libxml2 may see a syntax error later
    in a chunk before its events are read, and a refusal earlier in the text comes first.
    """
    etree.clear_error_log()  # the log is per thread: drop what earlier parses left in it
    parser = etree.XMLPullParser(
        events=("start", "end", "pi"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
    )
    depth = [0]
    syntax_error = None
    try:
        for start in range(0, len(raw), _CHUNK_BYTES):
            parser.feed(raw[start : start + _CHUNK_BYTES])
            _check_events(parser, depth)
        root = parser.close()
    except etree.XMLSyntaxError as error:
        syntax_error = error
    _check_events(parser, depth)
    if syntax_error is not None:
        raise _syntax_problem(syntax_error)
    for node in root.iter():
        if isinstance(node, etree._Entity):
            message = f"entity reference &{node.name}; is not allowed"
            raise ParseError([ParseProblem("/", message, node.sourceline, None, "E109")])
    return root


#: How much of a document the event parser is fed at a time.
_CHUNK_BYTES: Final = 64 * 1024


def _check_events(parser: Any, depth: list[int]) -> None:
    """Refuse the first processing instruction, or element deeper than :data:`MAX_DEPTH`,
    among the events parsed so far (``depth`` carries the depth from call to call)."""
    for event, node in parser.read_events():
        if event == "pi":
            message = f"processing instructions are not allowed (<?{node.target} ...?>)"
            raise ParseError([ParseProblem("/", message, node.sourceline, None, "E109")])
        if event == "start":
            depth[0] += 1
            if depth[0] > MAX_DEPTH:
                message = f"elements are nested more than {MAX_DEPTH} levels deep"
                raise ParseError([ParseProblem("/", message, node.sourceline, None, "E104")])
        else:
            depth[0] -= 1


def _syntax_problem(error: Any) -> ParseError:
    """The error of a document that is not well-formed, at the cause libxml2 logged first
    (the parser's own message may only describe the aftermath, "no element found")."""
    entries = list(error.error_log)
    first = entries[0] if entries else None
    text = str(first.message) if first is not None else str(error.msg)
    line, column = (first.line, first.column) if first is not None else error.position
    code = "E104" if "depth" in text.lower() else "E101"
    message = f"not well-formed XML: {text}"
    return ParseError([ParseProblem("/", message, line or None, column or None, code)])


def from_xml(document: str | bytes) -> Dataset:
    """Read a dataset from an XML document; raise :class:`ParseError` on any problem.

    Each problem's ``path`` is an XPath (with the document's own namespace prefixes) and
    ``line`` and ``column`` where it is.
    """
    with gc_paused():
        return _from_xml(document)


def _from_xml(document: str | bytes) -> Dataset:
    parsed = parse_xml(document)
    if not parsed.marked:
        try:
            return structure_dataset(parsed.data)
        except Exception:  # noqa: S110 - any failure: the walk below says what and where
            pass
    problems = []
    for problem in diagnose(parsed.data, Dataset, converter):
        xpath, line, column = parsed.place(path_to_pointer(problem.path))
        problems.append(ParseProblem(xpath, problem.message, line, column, problem.code))
    if not problems:  # pragma: no cover - the walk mirrors the converter; kept as a backstop
        problems = [ParseProblem("/", "the document could not be read as a dataset")]
    raise ParseError(problems)
