"""An XML tree read as plain data: the records of a document with where each came from.

:class:`XmlDocument` turns the elements and attributes of a parsed tree into what the JSON
reader would give for the same dataset, following the mapping of
:mod:`incidents.formats._xml_mapping`. Where each value came from (its XPath and line) is
worked out on first use by a second walk, so a document with nothing to report never pays
for it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache
from typing import Any, Final

from incidents._places import escape_pointer
from incidents.formats._marks import DuplicateKeys, Flagged
from incidents.formats._xml_mapping import NAMESPACE, Shape, shapes
from incidents.model._fields import Check, FloatRange, InstanceOf, IntRange
from incidents.model.claims import Claim
from incidents.model.dataset import Dataset

__all__ = ["ROOT", "XmlDocument", "attribute_name", "clark", "record_of"]

#: The prefix used for the namespace in the XPaths of problems.
_XML_NAMESPACE: Final = "{http://www.w3.org/XML/1998/namespace}"
#: The root element's name.
ROOT: Final = "dataset"

_INTEGER: Final = re.compile(r"-?[0-9]{1,20}")
_DOUBLE: Final = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?")


def clark(name: str) -> str:
    """The Clark name of an element of the namespace: ``{urn:incidents:xml:1}name``."""
    return f"{{{NAMESPACE}}}{name}"


def record_of(shape: Shape) -> type:
    """The record class a shape of kind ``record`` (or a list of records) holds."""
    if shape.record is None:  # pragma: no cover - shapes of kind record always name one
        raise TypeError(f"{shape.name} has no record class")
    return shape.record


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
        tag = clark(shape.name)
        if shape.kind == "attribute":
            typed = shape.check if _is_typed(shape.check) else None
            plan.attributes[shape.name] = (shape.name, typed)
            plan.children[tag] = (shape.name, _ATTRIBUTE, shape, None)
        elif shape.kind == "text":
            plan.children[tag] = (shape.name, _TEXT, shape, None)
        elif shape.kind == "record":
            plan.children[tag] = (shape.name, _RECORD, shape, _plan(record_of(shape), None))
        else:
            items = _item_plan(shape)
            plan.children[tag] = (shape.name, _LIST, shape, (clark(shape.item), items))
    return plan


def _item_plan(shape: Shape) -> _Plan | None:
    """The plan of a list's items (``None`` for plain values: ids, names)."""
    if shape.item_kind == "claim":
        return _plan(Claim, shape.value_check)
    if shape.item_kind == "record":
        return _plan(record_of(shape), None)
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

    def __init__(self, root: Any, text: str = "") -> None:
        self.root = root
        self.marked = False
        self._lines = text.splitlines()
        self._ordinals: dict[Any, int] | None = None
        self._located: _Locator | None = None
        self._starts: dict[tuple[int, str], list[int]] = {}
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
        return locations.get(pointer, locations[""])

    def place(self, pointer: str) -> tuple[str, int | None, int | None]:
        """The XPath, line and column for a pointer (or its nearest ancestor that has one)."""
        locations = self.locations
        while pointer and pointer not in locations:
            pointer = pointer.rsplit("/", 1)[0]
        xpath, line = locations.get(pointer, locations[""])
        element, attribute = self._locator().nodes.get(pointer, (self.root, None))
        return xpath, line, self.column(element, attribute)

    def column(self, element: Any, attribute: str | None = None) -> int | None:
        """The column (from 1) where an element's start tag, or one of its attributes,
        begins in the source text; ``None`` only when the text was not kept."""
        line = element.sourceline
        if not self._lines or line is None or line > len(self._lines):
            return None
        if self._ordinals is None:  # the how-many-th start tag of its name on its line
            self._ordinals = {}
            counts: dict[tuple[int, str], int] = {}
            for node in self.root.iter():
                if isinstance(node.tag, str):
                    key = (node.sourceline, _spelling(node))
                    self._ordinals[node] = counts.get(key, 0)
                    counts[key] = counts.get(key, 0) + 1
        text = self._lines[line - 1]
        starts = self._tag_starts(line, _spelling(element))
        if not starts:
            return 1
        start = starts[min(self._ordinals.get(element, 0), len(starts) - 1)]
        if attribute is not None:
            # Within the start tag only: a literal "<" cannot occur inside it, so the search
            # stops at the next one (a scan of the whole line per attribute would be quadratic
            # on a document written on one line).
            end = text.find("<", start + 1)
            named = re.compile(rf"\s{re.escape(attribute)}\s*=")
            found = named.search(text, start, len(text) if end < 0 else end)
            if found is not None:
                return found.start() + 2
        return start + 1

    def _tag_starts(self, line: int, spelling: str) -> list[int]:
        """Where each start tag spelt ``spelling`` begins on ``line``: worked out once per line
        and name, so placing every element of a one-line document stays linear."""
        key = (line, spelling)
        starts = self._starts.get(key)
        if starts is None:
            tag = re.compile(rf"<{re.escape(spelling)}(?=[\s/>]|$)")
            starts = [match.start() for match in tag.finditer(self._lines[line - 1])]
            self._starts[key] = starts
        return starts

    def _locator(self) -> _Locator:
        if self._located is None:
            self._located = _Locator(self.root)
        return self._located

    def _document(self, root: Any) -> Any:
        if root.tag != clark(ROOT):
            self.marked = True
            return Flagged(
                f"the root element must be <{ROOT}> in the namespace {NAMESPACE}, "
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
                data[name] = _text(child)
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
        xpath = f"/{_qualified(root, ROOT)}"
        self.locations: dict[str, tuple[str, int | None]] = {"": (xpath, root.sourceline)}
        self.paths: dict[Any, str] = {root: xpath}
        #: JSON Pointer -> the element it came from, and the attribute (as written) or None.
        self.nodes: dict[str, tuple[Any, str | None]] = {"": (root, None)}
        if root.tag == clark(ROOT):
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
            self.nodes[f"{pointer}/{escape_pointer(name)}"] = (element, attribute_name(key))
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            name = _local(tag)
            if name in seen:
                continue
            seen.add(name)
            where = f"{pointer}/{escape_pointer(name)}"
            path = f"{xpath}/{_qualified(child, name)}"
            self.locations[where] = (path, child.sourceline)
            self.nodes[where] = (child, None)
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
            path = f"{xpath}/{_qualified(child, shape.item)}[{position}]"
            self.locations[where] = (path, child.sourceline)
            self.nodes[where] = (child, None)
            self.paths[child] = path
            if plan is not None and child.tag == item_tag:
                self._record(child, plan, where, path)


def _qualified(element: Any, name: str) -> str:
    """``name`` with the prefix the document gives the element (none for a default
    namespace), so a path reads as the document is written."""
    if name.startswith("{"):  # an element of another namespace: as the document spells it
        return _spelling(element)
    prefix = element.prefix
    return f"{prefix}:{name}" if prefix else name


def _spelling(element: Any) -> str:
    """The element's name as its start tag spells it (``d:actor``, or ``actor``)."""
    local = element.tag.rpartition("}")[2]
    return f"{element.prefix}:{local}" if element.prefix else local


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


def _text(element: Any) -> Any:
    """A text field's value; an attribute on it (``xml:space``, ``xml:lang``, any other) is
    said to be no part of the mapping rather than read as an object."""
    keys = element.keys()
    if keys and not len(element):
        names = ", ".join(attribute_name(key) for key in keys)
        plural = "s" if len(keys) > 1 else ""
        message = (
            f"attribute{plural} {names} on <{_local(element.tag)}> "
            f"{'are' if plural else 'is'} not part of the incidents XML mapping; remove "
            f"{'them' if plural else 'it'}"
        )
        return Flagged(message, "E201")
    return _loose(element) if len(element) else element.text or ""


def attribute_name(key: str) -> str:
    """An attribute's name as a document spells it: ``xml:space`` for the XML namespace."""
    if key.startswith(_XML_NAMESPACE):
        return f"xml:{key[len(_XML_NAMESPACE) :]}"
    return _local(key)


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
