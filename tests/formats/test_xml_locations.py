"""Where XML problems are placed: XPaths and lines, worked out only when they are needed.

``parse_xml`` builds the plain data in one pass over the tree; the JSON Pointer -> (XPath,
line) map (``XmlDocument.locations``) and the element -> XPath map (``XmlDocument.paths``)
are built by a second walk on first use. The expected values below were produced by the
reader that recorded every location while it built the data, so these tests hold the lazy
walk to exactly the same answers, branch by branch.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from lxml import etree

import incidents
from incidents import Dataset, ParseError, strategies
from incidents.formats import _xml_tree
from incidents.formats.xml import XmlDocument, parse_xml

NS = incidents.NAMESPACE
I = "/dataset/incidents/incident[1]"  # noqa: E741 - the XPath prefix, as in messages
CASUALTY = f"{I}/casualties/casualty[1]"
MEASURE = "/dataset/measures/diplomatic_measure[1]"

#: One document with every kind of misplaced content (a backslash continues a line, so the
#: line numbers are as shown): an attribute in a foreign namespace and one in the dataset's
#: namespace, an unknown attribute, a repeated text element, a wrong list item, a text
#: element with a child, elements in a foreign namespace and in no namespace, an attribute
#: where an element belongs (a claim's record value), a container with an attribute, an
#: element where an attribute belongs, and a list item with a child.
MIXED = f"""<dataset xmlns="{NS}" xmlns:i="{NS}" xmlns:f="urn:foreign" \
schema_version="1.0" f:extra="x">
  <sources>
    <source i:id="source:a" lang="en">
      <title>A</title>
      <title>again</title>
    </source>
    <wrong id="source:b"/>
  </sources>
  <incidents>
    <incident id="incident:x" kind="raid" date="2025-06-27">
      <title>X<b/></title>
      <f:summary>foreign</f:summary>
      <notes xmlns="">no namespace</notes>
      <location country="RU" latitude="56.8"><name>Y</name></location>
      <casualties>
        <casualty outcome="detained">
          <count>
            <claim><value best="5"/></claim>
            <claim value="7"/>
          </count>
        </casualty>
      </casualties>
      <citations x="1"><citation source="source:a"/></citations>
      <kind>raid</kind>
    </incident>
  </incidents>
  <measures>
    <diplomatic_measure id="measure:m" kind="summon_envoy" initiator="actor:a" \
announced="2025-06-28">
      <targets><item>actor:b</item><item><b/></item></targets>
    </diplomatic_measure>
  </measures>
</dataset>
"""

MIXED_LOCATIONS = {
    "": ("/dataset", 1),
    "/schema_version": ("/dataset/@schema_version", 1),
    "/{urn:foreign}extra": ("/dataset/@{urn:foreign}extra", 1),
    "/sources": ("/dataset/sources", 2),
    "/sources/0": ("/dataset/sources/source[1]", 3),
    "/sources/0/id": ("/dataset/sources/source[1]/@id", 3),
    "/sources/0/lang": ("/dataset/sources/source[1]/@lang", 3),
    "/sources/0/title": ("/dataset/sources/source[1]/title", 4),
    "/sources/1": ("/dataset/sources/source[2]", 7),
    "/incidents": ("/dataset/incidents", 9),
    "/incidents/0": (I, 10),
    "/incidents/0/id": (f"{I}/@id", 10),
    "/incidents/0/kind": (f"{I}/@kind", 10),
    "/incidents/0/date": (f"{I}/@date", 10),
    "/incidents/0/title": (f"{I}/title", 11),
    "/incidents/0/{urn:foreign}summary": (f"{I}/f:summary", 12),
    "/incidents/0/notes": (f"{I}/notes", 13),
    "/incidents/0/location": (f"{I}/location", 14),
    "/incidents/0/location/country": (f"{I}/location/@country", 14),
    "/incidents/0/location/latitude": (f"{I}/location/@latitude", 14),
    "/incidents/0/location/name": (f"{I}/location/name", 14),
    "/incidents/0/casualties": (f"{I}/casualties", 15),
    "/incidents/0/casualties/0": (CASUALTY, 16),
    "/incidents/0/casualties/0/outcome": (f"{CASUALTY}/@outcome", 16),
    "/incidents/0/casualties/0/count": (f"{CASUALTY}/count", 17),
    "/incidents/0/casualties/0/count/0": (f"{CASUALTY}/count/claim[1]", 18),
    "/incidents/0/casualties/0/count/0/value": (f"{CASUALTY}/count/claim[1]/value", 18),
    "/incidents/0/casualties/0/count/0/value/best": (
        f"{CASUALTY}/count/claim[1]/value/@best",
        18,
    ),
    "/incidents/0/casualties/0/count/1": (f"{CASUALTY}/count/claim[2]", 19),
    "/incidents/0/casualties/0/count/1/value": (f"{CASUALTY}/count/claim[2]/@value", 19),
    "/incidents/0/citations": (f"{I}/citations", 23),
    "/measures": ("/dataset/measures", 27),
    "/measures/0": (MEASURE, 28),
    "/measures/0/id": (f"{MEASURE}/@id", 28),
    "/measures/0/kind": (f"{MEASURE}/@kind", 28),
    "/measures/0/initiator": (f"{MEASURE}/@initiator", 28),
    "/measures/0/announced": (f"{MEASURE}/@announced", 28),
    "/measures/0/targets": (f"{MEASURE}/targets", 29),
    "/measures/0/targets/0": (f"{MEASURE}/targets/item[1]", 29),
    "/measures/0/targets/1": (f"{MEASURE}/targets/item[2]", 29),
}

#: XPath -> the element's position in the tree (``getpath``), for every element located.
MIXED_PATHS = {
    "/dataset": "/*",
    "/dataset/sources": "/*/*[1]",
    "/dataset/sources/source[1]": "/*/*[1]/*[1]",
    "/dataset/sources/source[1]/title": "/*/*[1]/*[1]/*[1]",
    "/dataset/sources/source[2]": "/*/*[1]/*[2]",
    "/dataset/incidents": "/*/*[2]",
    I: "/*/*[2]/*",
    f"{I}/title": "/*/*[2]/*/*[1]",
    f"{I}/f:summary": "/*/*[2]/*/f:summary",
    f"{I}/notes": "/*/*[2]/*/notes",
    f"{I}/location": "/*/*[2]/*/*[4]",
    f"{I}/location/name": "/*/*[2]/*/*[4]/*",
    f"{I}/casualties": "/*/*[2]/*/*[5]",
    CASUALTY: "/*/*[2]/*/*[5]/*",
    f"{CASUALTY}/count": "/*/*[2]/*/*[5]/*/*",
    f"{CASUALTY}/count/claim[1]": "/*/*[2]/*/*[5]/*/*/*[1]",
    f"{CASUALTY}/count/claim[1]/value": "/*/*[2]/*/*[5]/*/*/*[1]/*",
    f"{CASUALTY}/count/claim[2]": "/*/*[2]/*/*[5]/*/*/*[2]",
    f"{I}/citations": "/*/*[2]/*/*[6]",
    "/dataset/measures": "/*/*[3]",
    MEASURE: "/*/*[3]/*",
    f"{MEASURE}/targets": "/*/*[3]/*/*",
    f"{MEASURE}/targets/item[1]": "/*/*[3]/*/*/*[1]",
    f"{MEASURE}/targets/item[2]": "/*/*[3]/*/*/*[2]",
}

MIXED_PROBLEMS = [
    ("E201", "/dataset/@{urn:foreign}extra", 1),
    ("E105", "/dataset/sources/source[1]/title", 4),
    ("E201", "/dataset/sources/source[1]/@lang", 3),
    ("E201", "/dataset/sources/source[2]", 7),
    ("E105", f"{I}/@kind", 10),
    ("E201", f"{I}/f:summary", 12),
    ("E201", f"{I}/notes", 13),
    ("E203", f"{I}/title", 11),
    ("E209", f"{I}/location", 14),
    ("E201", f"{CASUALTY}/count/claim[2]/@value", 19),
    ("E203", f"{I}/citations", 23),
    ("E203", f"{MEASURE}/targets/item[2]", 29),
]

#: What validate reports (the XSD layer's places come from ``XmlDocument.paths``).
MIXED_REPORT = [
    ("E201", "/dataset/@{urn:foreign}extra", 1),
    ("E202", "/dataset/sources/source[1]", 3),
    ("E201", "/dataset/sources/source[1]/@i:id", 3),  # as the document spells it
    ("E201", "/dataset/sources/source[1]/@lang", 3),
    ("E105", "/dataset/sources/source[1]/title", 4),
    ("E201", "/dataset", 5),
    ("E201", "/dataset/sources/source[2]", 7),
    ("E105", f"{I}/@kind", 10),
    ("E203", f"{I}/title", 11),
    ("E201", f"{I}/f:summary", 12),
    ("E201", f"{I}/notes", 13),
    ("E209", f"{I}/location", 14),
    ("W402", CASUALTY, 16),
    ("E201", f"{CASUALTY}/count/claim[2]/@value", 19),
    ("E203", f"{I}/citations", 23),
    ("E408", MEASURE, 28),
    ("E402", f"{MEASURE}/@initiator", 28),
    ("E402", f"{MEASURE}/targets/item[1]", 29),
    ("E203", f"{MEASURE}/targets/item[2]", 29),
]


def test_locations_of_every_branch_are_as_before() -> None:
    """Attributes (plain, namespaced, foreign), text elements, records, claims, list items,
    wrong items, foreign and unqualified elements and repeats: each located as before."""
    document = parse_xml(MIXED)
    assert document.marked
    assert MIXED_LOCATIONS == document.locations
    tree = document.root.getroottree()
    assert MIXED_PATHS == {path: tree.getpath(node) for node, path in document.paths.items()}


def test_problems_in_misplaced_content_keep_their_places() -> None:
    """from_xml and validate give each problem the same XPath and line as before."""
    with pytest.raises(ParseError) as caught:
        incidents.from_xml(MIXED)
    found = [(problem.code, problem.path, problem.line) for problem in caught.value.problems]
    assert MIXED_PROBLEMS == found
    report = incidents.validate(MIXED.encode())
    assert MIXED_REPORT == [(p.code, p.location, p.line) for p in report.problems]


def test_element_for_an_attribute_and_repeated_unknown_elements() -> None:
    """An attribute field written as an element, and an unknown element twice: the first
    occurrence is located and read, the repeat is reported at the first one's place."""
    source = "/dataset/sources/source[1]"
    document = (
        f'<dataset xmlns="{NS}" schema_version="1.0">\n  <sources>\n    <source id="source:a">\n'
        "      <title>A</title>\n      <url>https://example.org/</url>\n"
        "      <extra>1</extra>\n      <extra>2</extra>\n    </source>\n  </sources>\n</dataset>"
    )
    parsed = parse_xml(document)
    assert parsed.marked
    assert ["id", "title", "url", "extra"] == list(parsed.data["sources"][0])
    assert "1" == parsed.data["sources"][0]["extra"]
    assert {
        "": ("/dataset", 1),
        "/schema_version": ("/dataset/@schema_version", 1),
        "/sources": ("/dataset/sources", 2),
        "/sources/0": (source, 3),
        "/sources/0/id": (f"{source}/@id", 3),
        "/sources/0/title": (f"{source}/title", 4),
        "/sources/0/url": (f"{source}/url", 5),
        "/sources/0/extra": (f"{source}/extra", 6),
    } == parsed.locations
    with pytest.raises(ParseError) as caught:
        incidents.from_xml(document)
    assert [
        ("E105", f"{source}/extra", 6, "duplicate key 'extra' (each key may appear once)"),
        (
            "E201",
            f"{source}/extra",
            6,
            "unknown field in Source; fields are id, title, kind, outlet, url, published, "
            "language, authors, state_affiliated, note",
        ),
        ("E201", f"{source}/url", 5, "'url' must be an attribute here"),
    ] == [(p.code, p.path, p.line, p.message) for p in caught.value.problems]


def test_a_tree_with_comments_and_processing_instructions_is_read_around_them() -> None:
    """XmlDocument made directly from a tree that kept comments and processing instructions
    (parse_xml never gives it one) skips them when reading and when locating."""
    document = (
        f'<dataset xmlns="{NS}" schema_version="1.0"><!--a--><?p x?>\n  <actors><!--b--><?p x?>'
        '<actor id="actor:a" kind="state"><!--c--><?p x?><name>A</name></actor></actors>\n'
        "</dataset>"
    )
    root = etree.fromstring(document)
    parsed = XmlDocument(root)
    assert not parsed.marked
    expected = {"id": "actor:a", "kind": "state", "name": "A"}
    assert {"schema_version": "1.0", "actors": [expected]} == parsed.data
    actor = "/dataset/actors/actor[1]"
    assert {
        "": ("/dataset", 1),
        "/schema_version": ("/dataset/@schema_version", 1),
        "/actors": ("/dataset/actors", 2),
        "/actors/0": (actor, 2),
        "/actors/0/id": (f"{actor}/@id", 2),
        "/actors/0/kind": (f"{actor}/@kind", 2),
        "/actors/0/name": (f"{actor}/name", 2),
    } == parsed.locations
    tree = root.getroottree()
    assert {
        "/dataset": "/*",
        "/dataset/actors": "/*/*",
        actor: "/*/*/*",
        f"{actor}/name": "/*/*/*/*",
    } == {path: tree.getpath(node) for node, path in parsed.paths.items()}


def test_where_falls_back_to_the_nearest_located_ancestor() -> None:
    """A pointer below a located value (or unknown) takes the nearest ancestor's place."""
    document = parse_xml(MIXED)
    assert (f"{I}/title", 11) == document.where("/incidents/0/title/b")
    assert (f"{I}/citations", 23) == document.where("/incidents/0/citations/0/source")
    assert ("/dataset", 1) == document.where("/nothing/here")
    assert ("/dataset", 1) == document.where("")


def test_wrong_root_is_located_at_the_root() -> None:
    """A root that is not <dataset> is the only place located."""
    document = parse_xml('<x:dataset xmlns:x="urn:x">\n<y/></x:dataset>')
    assert document.marked
    assert {"": ("/x:dataset", 1)} == document.locations  # as the document spells it
    assert ["/x:dataset"] == list(document.paths.values())


def test_reading_a_good_document_does_not_locate_anything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Locations are worked out only when asked for: a document that loads never needs them."""
    document = incidents.to_xml(_dataset())

    def refuse(root: Any) -> None:
        raise AssertionError("locations were built for a document without problems")

    monkeypatch.setattr(_xml_tree, "_Locator", refuse)
    assert _dataset() == incidents.from_xml(document)
    parsed = parse_xml(document)
    assert not parsed.marked
    with pytest.raises(AssertionError, match="locations were built"):
        parsed.where("/incidents/0")


def test_locations_are_built_once() -> None:
    """The second walk runs on first use and its result is kept."""
    document = parse_xml(MIXED)
    assert document.locations is document.locations
    assert document.paths is document.paths


@given(strategies.datasets())
def test_every_value_is_located_where_it_is(dataset: Dataset) -> None:
    """In a valid document every value of the data has a location, and each location's
    XPath selects the attribute or element on the line given; every element has its XPath."""
    document = parse_xml(incidents.to_xml(dataset))
    assert set(_pointers(document.data)) == set(document.locations)
    tree = document.root.getroottree()
    for xpath, line in document.locations.values():
        (found,) = tree.xpath(_namespaced(xpath), namespaces={"i": NS})
        node = found.getparent() if xpath.rsplit("/", 1)[-1].startswith("@") else found
        assert line == node.sourceline
    assert len(document.paths) == sum(1 for _ in document.root.iter())
    for node, xpath in document.paths.items():
        assert [node] == tree.xpath(_namespaced(xpath), namespaces={"i": NS})


def _namespaced(xpath: str) -> str:
    """A path written with the document's default namespace, as XPath 1.0 needs it: each
    element step given the prefix ``i``."""
    return "/".join(
        step if not step or step.startswith("@") or ":" in step else f"i:{step}"
        for step in xpath.split("/")
    )


def _pointers(data: Any, pointer: str = "") -> list[str]:
    found = [pointer]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _pointers(value, f"{pointer}/{key}")
    elif isinstance(data, list):
        for position, value in enumerate(data):
            found += _pointers(value, f"{pointer}/{position}")
    return found


# ------------------------------------------------------------------ parsing: which refusal


def _with_name(text: str) -> str:
    return (
        f'<dataset xmlns="{NS}" schema_version="1.0"><actors>\n'
        f'<actor id="actor:a" kind="state">\n<name>{text}</name></actor></actors></dataset>'
    )


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(
            _with_name("\n" + "<a>" * 70 + "</a>" * 70 + "\n<?evil?>"),
            ("E104", 4, "elements are nested more than 64 levels deep"),
            id="deep-then-pi",
        ),
        pytest.param(
            _with_name("\n<?evil?>\n" + "<a>" * 70 + "</a>" * 70),
            ("E109", 4, "processing instructions are not allowed (<?evil ...?>)"),
            id="pi-then-deep",
        ),
        pytest.param(
            _with_name("\n<?evil?>\n<b>"),
            ("E109", 4, "processing instructions are not allowed (<?evil ...?>)"),
            id="pi-then-syntax-error",
        ),
        pytest.param(
            _with_name("\n" + "<a>" * 70 + "\n<b>"),
            ("E104", 4, "elements are nested more than 64 levels deep"),
            id="deep-then-syntax-error",
        ),
        pytest.param(
            _with_name("\n<b>\n<?evil?>"),
            ("E109", 5, "processing instructions are not allowed (<?evil ...?>)"),
            id="unclosed-then-pi",
        ),
    ],
)
def test_the_first_refusal_in_document_order_is_reported(
    document: str, expected: tuple[str, int, str]
) -> None:
    """When a document has several things to refuse, the first in the text is reported."""
    with pytest.raises(ParseError) as caught:
        parse_xml(document)
    assert [expected] == [(p.code, p.line, p.message) for p in caught.value.problems]


def test_comments_and_escapes_are_read() -> None:
    """Comments anywhere are dropped; character references and a CDATA section holding
    ``<?`` are text, not refusals."""
    document = (
        f'<!--a--><dataset xmlns="{NS}" schema_version="1.0"><!--b--><actors><!--c-->'
        '<actor id="actor:a" kind="state"><!--d--><name>A<!--e-->&amp;&#x42;<![CDATA[<?x?>]]>'
        "</name></actor></actors></dataset><!--f-->"
    )
    assert "A&B<?x?>" == incidents.from_xml(document).actors[0].name


def test_reading_in_threads_gives_the_same_results() -> None:
    """Each thread parses with its own parser: concurrent reads agree with serial ones."""
    good = incidents.to_xml(_dataset())
    expected_problems = _problems(MIXED)

    def read(index: int) -> tuple[Dataset, list[tuple[str, str, int | None]]]:
        return incidents.from_xml(good), _problems(MIXED)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(read, range(40)))
    assert all(result == (_dataset(), expected_problems) for result in results)


def _problems(document: str) -> list[tuple[str, str, int | None]]:
    try:
        incidents.from_xml(document)
    except ParseError as error:
        return [(p.code, p.path, p.line) for p in error.problems]
    return []


def _dataset() -> Dataset:
    return incidents.from_json(
        '{"schema_version": "1.0", "actors": [{"id": "actor:a", "kind": "state", "name": "A"}],'
        ' "sources": [{"id": "source:s", "title": "S"}], "incidents": [{"id": "incident:x",'
        ' "kind": "raid", "title": "X", "date": "2025-06-27", "location": {"country": "RU",'
        ' "latitude": 56.8, "longitude": 60.6}, "casualties": [{"outcome": "detained", "count":'
        ' [{"value": {"best": 50, "qualifier": "about"}, "citations": [{"source": "source:s"}]}],'
        ' "citations": [{"source": "source:s"}]}], "citations": [{"source": "source:s"}]}]}'
    )


def test_xml_document_is_built_from_a_root() -> None:
    """XmlDocument can still be made from a parsed root directly."""
    root = parse_xml(incidents.to_xml(_dataset())).root
    assert XmlDocument(root).data == parse_xml(incidents.to_xml(_dataset())).data


EXAMPLE_XML = Path(__file__).resolve().parents[2] / "examples" / "azal-downing-2024.xml"


def _broken_example() -> str:
    text = EXAMPLE_XML.read_text(encoding="utf-8")
    text = text.replace('kind="state"', 'kind="planet"', 1)
    return text.replace("</actor>", "<bogus>1</bogus></actor>", 1)


def test_every_xml_problem_has_a_real_line_and_column() -> None:
    text = _broken_example()
    for document in (text, MIXED):
        report = incidents.validate(document.encode())
        assert report.problems
        for problem in report.problems:
            assert problem.line is not None, problem
            assert problem.column is not None, problem
        with pytest.raises(ParseError) as caught:
            incidents.from_xml(document)
        for found in caught.value.problems:
            assert found.line is not None, found
            assert found.column is not None, found
    lines = text.splitlines()
    kind = next(p for p in incidents.validate(text.encode()).problems if p.code == "E204")
    assert lines[kind.line - 1][kind.column - 1 :].startswith('kind="planet"')
    bogus = next(p for p in incidents.validate(text.encode()).problems if p.code == "E201")
    assert lines[bogus.line - 1][bogus.column - 1 :].startswith("<bogus>")


def test_paths_use_the_documents_own_prefixes() -> None:
    text = _broken_example().replace('xmlns="', 'xmlns:d="', 1)
    text = re.sub(r"<(/?)(?=[a-z_]+[ >/])", r"<\1d:", text)
    report = incidents.validate(text.encode())
    locations = [problem.location for problem in report.problems]
    assert "/d:dataset/d:actors/d:actor[1]/@kind" in locations
    assert "/d:dataset/d:actors/d:actor[1]/bogus" not in locations
    assert all(location.startswith("/d:dataset") for location in locations), locations
    assert not any("i:" in location for location in locations)


@pytest.mark.parametrize("attribute", ['xml:space="preserve"', 'xml:lang="en"', 'style="x"'])
def test_an_attribute_on_a_text_field_is_said_to_be_no_part_of_the_mapping(
    attribute: str,
) -> None:
    text = EXAMPLE_XML.read_text(encoding="utf-8").replace("<name>", f"<name {attribute}>", 1)
    report = incidents.validate(text.encode())
    name = attribute.split("=")[0]
    assert [(p.code, p.location) for p in report.problems] == [
        ("E201", "/dataset/actors/actor[1]/name")
    ]
    (problem,) = report.problems
    assert f"attribute {name} on <name> is not part of the incidents XML mapping" in (
        problem.message
    )
    assert "remove it" in problem.message
    with pytest.raises(ParseError, match="not part of the incidents XML mapping"):
        incidents.from_xml(text)
