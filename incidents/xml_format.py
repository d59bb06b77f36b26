"""XML in and out: one dataset per document, in the namespace :data:`NAMESPACE`.

The mapping (which fields are attributes, which are elements) is described in
:mod:`incidents._xml_shape` and ``docs/xml.md``; it is derived from the record classes, as is
the XSD. XML and JSON carry exactly the same records: ``from_json(to_json(from_xml(x)))``
equals ``from_xml(x)``.

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

import io
import math
import re
import threading
from collections.abc import Iterator
from functools import cache
from typing import Any, Final

from lxml import etree

from incidents._diagnosis import DuplicateKeys, Flagged, diagnose
from incidents._fields import Check, FloatRange, InstanceOf, IntRange
from incidents._gc import gc_paused
from incidents._positions import escape_pointer
from incidents._xml_shape import NAMESPACE, Shape, lexical, shapes
from incidents.claims import Claim
from incidents.converter import converter, structure_dataset, unstructure_dataset
from incidents.dataset import Dataset
from incidents.errors import ArgumentError, ParseError, ParseProblem
from incidents.report import path_to_pointer

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
#: The prefix used for the namespace in the XPaths of problems.
PREFIX: Final = "i"

_ROOT: Final = "dataset"
_ENCODING: Final = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_INTEGER: Final = re.compile(r"-?[0-9]{1,20}")
_DOUBLE: Final = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?")


def to_xml(dataset: Dataset) -> bytes:
    """The dataset as an XML document: UTF-8, declared, pretty-printed, deterministic."""
    if not isinstance(dataset, Dataset):
        reason = f"expected a Dataset, not {type(dataset).__name__}"
        raise ArgumentError("to_xml", "dataset", dataset, reason)
    root = etree.Element(_tag(_ROOT), nsmap={None: NAMESPACE})
    _write(root, unstructure_dataset(dataset), Dataset, None)
    try:
        return bytes(
            etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        )
    except ValueError as error:  # pragma: no cover - the model forbids what XML cannot carry
        raise ArgumentError(
            "to_xml", "dataset", dataset, f"cannot be written as XML: {error}"
        ) from None


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _write(element: Any, data: dict[str, Any], cls: type, value_check: Check | None) -> None:
    for shape in shapes(cls, value_check):
        if shape.name not in data:
            continue
        value = data[shape.name]
        if shape.kind == "attribute":
            element.set(shape.name, lexical(value))
        elif shape.kind == "text":
            etree.SubElement(element, _tag(shape.name)).text = lexical(value)
        elif shape.kind == "record":
            _write(etree.SubElement(element, _tag(shape.name)), value, _record(shape), None)
        else:
            container = etree.SubElement(element, _tag(shape.name))
            for item in value:
                child = etree.SubElement(container, _tag(shape.item))
                if shape.item_kind == "claim":
                    _write(child, item, Claim, shape.value_check)
                elif shape.item_kind == "record":
                    _write(child, item, _record(shape), None)
                else:
                    child.text = lexical(item)


def _record(shape: Shape) -> type:
    if shape.record is None:  # pragma: no cover - shapes of kind record always name one
        raise TypeError(f"{shape.name} has no record class")
    return shape.record


# --------------------------------------------------------------------------------- reading

# How a child element is read (the kind of its field's shape).
_ATTRIBUTE: Final = 0
_TEXT: Final = 1
_RECORD: Final = 2
_LIST: Final = 3


class _Plan:
    """How to read the elements of one record class, computed once per class.

    The lookup tables are keyed by what lxml hands over, so the reader needs no tag
    arithmetic for what the mapping expects: ``attributes`` by attribute key (no namespace),
    ``children`` by Clark tag (``{urn:incidents:xml:1}title``). Anything else (foreign or
    unknown names, attributes in a namespace) takes the general path through ``by_name``.
    """

    __slots__ = ("attributes", "by_name", "children")

    def __init__(self, found: tuple[Shape, ...]) -> None:
        self.by_name: dict[str, Shape] = {shape.name: shape for shape in found}
        #: Attribute key -> (name, the check when the text stands for a number or a boolean).
        self.attributes: dict[str, tuple[str, Check | None]] = {}
        #: Clark tag -> (name, kind, shape, plan of the record, or (item tag, item plan)).
        self.children: dict[str, tuple[str, int, Shape, Any]] = {}


@cache
def _plan(cls: type, value_check: Check | None) -> _Plan:
    """The reading plan of a record class (a claim's with the check of its value)."""
    found = shapes(cls, value_check)
    plan = _Plan(found)
    for shape in found:
        tag = _tag(shape.name)
        if shape.kind == "attribute":
            typed = shape.check if _is_typed(shape.check) else None
            plan.attributes[shape.name] = (shape.name, typed)
            plan.children[tag] = (shape.name, _ATTRIBUTE, shape, None)
        elif shape.kind == "text":
            plan.children[tag] = (shape.name, _TEXT, shape, None)
        elif shape.kind == "record":
            plan.children[tag] = (shape.name, _RECORD, shape, _plan(_record(shape), None))
        else:
            items = _item_plan(shape)
            plan.children[tag] = (shape.name, _LIST, shape, (_tag(shape.item), items))
    return plan


def _item_plan(shape: Shape) -> _Plan | None:
    """The plan of a list's items (``None`` for plain values: ids, names)."""
    if shape.item_kind == "claim":
        return _plan(Claim, shape.value_check)
    if shape.item_kind == "record":
        return _plan(_record(shape), None)
    return None


def _is_typed(check: Check | None) -> bool:
    """Whether :func:`_typed` may turn an attribute's text into something else."""
    return isinstance(check, IntRange | FloatRange) or (
        isinstance(check, InstanceOf) and check.kind is bool
    )


class XmlDocument:
    """A parsed XML document as plain data, with where each value came from.

    ``data`` is what the JSON reader would produce for the same dataset; ``locations`` maps
    each JSON Pointer in it to the XPath and line of the element or attribute it came from,
    and ``paths`` each element that was read to its XPath. Both are worked out from the tree
    on first use, so reading a document that has nothing to report never builds them.
    """

    def __init__(self, root: Any) -> None:
        self.root = root
        self.marked = False
        self._located: _Locator | None = None
        self.data: Any = self._document(root)

    @property
    def locations(self) -> dict[str, tuple[str, int | None]]:
        """JSON Pointer -> (XPath, line) of every value read (built on first use)."""
        return self._locator().locations

    @property
    def paths(self) -> dict[Any, str]:
        """The XPath of each element that was read (built on first use)."""
        return self._locator().paths

    def where(self, pointer: str) -> tuple[str, int | None]:
        """The XPath and line for a pointer (or its nearest ancestor that has one)."""
        locations = self.locations
        while pointer and pointer not in locations:
            pointer = pointer.rsplit("/", 1)[0]
        return locations.get(pointer, (f"/{PREFIX}:{_ROOT}", None))

    def _locator(self) -> _Locator:
        if self._located is None:
            self._located = _Locator(self.root)
        return self._located

    def _document(self, root: Any) -> Any:
        if root.tag != _tag(_ROOT):
            self.marked = True
            return Flagged(
                f"the root element must be <{_ROOT}> in the namespace {NAMESPACE}, "
                f"not {_describe_tag(root.tag)}",
                "E201",
            )
        return self._record(root, _plan(Dataset, None))

    def _record(self, element: Any, plan: _Plan) -> Any:
        data: dict[str, Any] = {}
        duplicates: list[str] = []
        attributes = plan.attributes
        for key, raw in element.items():
            expected = attributes.get(key)
            if expected is None:
                name = _local(key)
                shape = plan.by_name.get(name)
                if shape is not None and shape.kind == "attribute":
                    data[name] = _typed(raw, shape.check)
                else:
                    data[name] = raw if shape is None else _wrong_form(name, shape)
            elif expected[1] is None:
                data[expected[0]] = raw
            else:
                data[expected[0]] = _typed(raw, expected[1])
        children = plan.children
        for child in element:
            entry = children.get(child.tag)
            if entry is None:  # not a field of this record (or a comment)
                tag = child.tag
                if isinstance(tag, str):
                    name = _local(tag)
                    if name in data:
                        duplicates.append(name)
                    else:
                        data[name] = _loose(child)
                continue
            name, kind, shape, inner = entry
            if name in data:
                duplicates.append(name)
            elif kind == _TEXT:
                data[name] = _loose(child) if len(child) or child.keys() else child.text or ""
            elif kind == _RECORD:
                data[name] = self._record(child, inner)
            elif kind == _LIST:
                data[name] = self._list(child, shape, inner)
            else:
                data[name] = _wrong_form(name, shape)
        if duplicates:
            marked = DuplicateKeys(data)
            marked.duplicates = tuple(duplicates)
            self.marked = True
            return marked
        return data

    def _list(self, container: Any, shape: Shape, inner: tuple[str, _Plan | None]) -> Any:
        if container.keys():
            return _loose(container)
        item_tag, plan = inner
        items: list[Any] = []
        for child in container:
            tag = child.tag
            if tag == item_tag:
                if plan is not None:
                    items.append(self._record(child, plan))
                elif len(child) or child.keys():
                    items.append(_loose(child))
                else:
                    items.append(child.text or "")
            elif isinstance(tag, str):
                self.marked = True
                message = (
                    f"unexpected element {_describe_tag(tag)} in <{shape.name}>; "
                    f"its items are <{shape.item}>"
                )
                items.append(Flagged(message, "E201"))
        return items


class _Locator:
    """Where each value of a document came from: the second, slower walk over the tree.

    It visits the elements :class:`XmlDocument` read, in the same order and with the same
    rules (the first of repeated names wins; an unexpected element is located but not
    entered), and records each value's JSON Pointer with its XPath and line.
    """

    def __init__(self, root: Any) -> None:
        xpath = f"/{PREFIX}:{_ROOT}"
        self.locations: dict[str, tuple[str, int | None]] = {"": (xpath, root.sourceline)}
        self.paths: dict[Any, str] = {root: xpath}
        if root.tag == _tag(_ROOT):
            self._record(root, _plan(Dataset, None), "", xpath)

    def _record(self, element: Any, plan: _Plan, pointer: str, xpath: str) -> None:
        seen: set[str] = set()
        for key in element.attrib:  # the keys
            name = _local(key)
            seen.add(name)
            self.locations[f"{pointer}/{escape_pointer(name)}"] = (
                f"{xpath}/@{name}",
                element.sourceline,
            )
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            name = _local(tag)
            if name in seen:
                continue
            seen.add(name)
            where = f"{pointer}/{escape_pointer(name)}"
            path = f"{xpath}/{PREFIX}:{name}"
            self.locations[where] = (path, child.sourceline)
            self.paths[child] = path
            entry = plan.children.get(tag)
            if entry is None:
                continue
            _, kind, shape, inner = entry
            if kind == _RECORD:
                self._record(child, inner, where, path)
            elif kind == _LIST and not child.keys():
                self._list(child, shape, inner, where, path)

    def _list(
        self,
        container: Any,
        shape: Shape,
        inner: tuple[str, _Plan | None],
        pointer: str,
        xpath: str,
    ) -> None:
        item_tag, plan = inner
        position = 0
        for child in container:
            if not isinstance(child.tag, str):
                continue
            where = f"{pointer}/{position}"
            position += 1
            path = f"{xpath}/{PREFIX}:{shape.item}[{position}]"
            self.locations[where] = (path, child.sourceline)
            self.paths[child] = path
            if plan is not None and child.tag == item_tag:
                self._record(child, plan, where, path)


def _children(element: Any) -> Iterator[Any]:
    """Child elements, skipping comments; text between them must be white space."""
    for child in element:
        if isinstance(child.tag, str):
            yield child


def _local(tag: str) -> str:
    """``{urn:incidents:xml:1}actor`` -> ``actor``; a foreign namespace stays visible."""
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if namespace and namespace != NAMESPACE:
        return f"{{{namespace}}}{local}"
    return local


def _describe_tag(tag: str) -> str:
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    return f"<{local}> in namespace {namespace}" if namespace else f"<{local}> in no namespace"


def _loose(element: Any) -> Any:
    """An element the mapping does not expect, as data the later checks will refuse."""
    if not len(element) and not element.attrib:
        return element.text or ""
    data: dict[str, Any] = {_local(key): value for key, value in element.attrib.items()}
    for child in _children(element):
        data[_local(child.tag)] = _loose(child)
    return data


def _wrong_form(name: str, shape: Shape) -> Flagged:
    form = {"attribute": "an attribute", "text": "an element", "record": "an element"}
    return Flagged(f"{name!r} must be {form.get(shape.kind, 'an element')} here", "E201")


def _typed(raw: str, check: Check | None) -> Any:
    """An attribute's text as the JSON value it stands for (left as text when it is not one)."""
    if isinstance(check, IntRange) and _INTEGER.fullmatch(raw):
        return int(raw)
    if isinstance(check, FloatRange) and _DOUBLE.fullmatch(raw):
        value = float(raw)
        return value if math.isfinite(value) else raw
    if isinstance(check, InstanceOf) and check.kind is bool and raw in ("true", "false"):
        return raw == "true"
    return raw


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
    with gc_paused():  # many small objects and no cycles: see incidents._gc
        return XmlDocument(root)


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
    """Parse with start, end and processing-instruction events, counting the depth."""
    depth = 0
    root = None
    etree.clear_error_log()  # the log is per thread: drop what earlier parses left in it
    events = etree.iterparse(
        io.BytesIO(raw),
        events=("start", "end", "pi"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        for event, node in events:
            if event == "pi":
                message = f"processing instructions are not allowed (<?{node.target} ...?>)"
                raise ParseError([ParseProblem("/", message, node.sourceline, None, "E109")])
            if event == "start":
                depth += 1
                if depth > MAX_DEPTH:
                    message = f"elements are nested more than {MAX_DEPTH} levels deep"
                    raise ParseError([ParseProblem("/", message, node.sourceline, None, "E104")])
                root = node if root is None else root
            else:
                depth -= 1
    except etree.XMLSyntaxError as error:
        # The first entry of the error log names the cause; iterparse's own message may only
        # describe the aftermath ("no element found").
        entries = list(error.error_log)
        first = entries[0] if entries else None
        text = str(first.message) if first is not None else str(error.msg)
        line, column = (first.line, first.column) if first is not None else error.position
        code = "E104" if "depth" in text.lower() else "E101"
        message = f"not well-formed XML: {text}"
        raise ParseError([ParseProblem("/", message, line or None, column or None, code)]) from None
    if root is None:  # pragma: no cover - lxml raises on an empty document
        raise ParseError([ParseProblem("/", "the document has no root element", code="E101")])
    for node in root.iter():
        if isinstance(node, etree._Entity):
            message = f"entity reference &{node.name}; is not allowed"
            raise ParseError([ParseProblem("/", message, node.sourceline, None, "E109")])
    return root


def from_xml(document: str | bytes) -> Dataset:
    """Read a dataset from an XML document; raise :class:`ParseError` on any problem.

    Each problem's ``path`` is an XPath (namespace prefix ``i``) and ``line`` its line.
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
        xpath, line = parsed.where(path_to_pointer(problem.path))
        problems.append(ParseProblem(xpath, problem.message, line, None, problem.code))
    if not problems:  # pragma: no cover - the walk mirrors the converter; kept as a backstop
        problems = [ParseProblem("/", "the document could not be read as a dataset")]
    raise ParseError(problems)
