"""Security tests for the XML reader: real attack documents through every entry point.

Each attack goes through ``from_xml`` (must raise :class:`incidents.ParseError` with the
expected code), ``validate`` on the document and on a file (must report it, never raise) and
``read`` on a ``.xml`` file (must raise ``ParseError``). No test may touch the network: an
autouse fixture makes every Python-level connection attempt fail and records it, and the
attacks that name an ``http`` URL point at a local listener that records any connection,
which also catches a fetch made by libxml2 in C. A secret file with a unique marker stands
in for a local file an attacker wants to read: the marker must appear nowhere.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import incidents
from incidents.formats.xml import MAX_DEPTH, MAX_DOCUMENT_BYTES

NS = incidents.NAMESPACE
XINCLUDE = "http://www.w3.org/2001/XInclude"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
VALID = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<dataset xmlns="{NS}" schema_version="1.0">\n'
    '  <actors>\n    <actor id="actor:a" kind="state">\n      <name>A</name>\n'
    "    </actor>\n  </actors>\n</dataset>\n"
)


def _with_name(text: str) -> str:
    """A dataset whose one actor's name is ``text`` (markup allowed)."""
    return (
        f'<dataset xmlns="{NS}" schema_version="1.0"><actors>'
        f'<actor id="actor:a" kind="state"><name>{text}</name></actor>'
        "</actors></dataset>"
    )


# --------------------------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def network_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every Python-level attempt to resolve a name or connect, recorded and refused."""
    calls: list[str] = []

    def refuse(name: str) -> Callable[..., Any]:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            calls.append(f"{name}{args!r}")
            raise OSError(f"network access during a test: {name}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return calls


@dataclass
class Listener:
    """A TCP server on 127.0.0.1 that records (and at once closes) every connection."""

    port: int
    connections: list[Any] = field(default_factory=list)

    def url(self, name: str) -> str:
        """An http URL on this listener."""
        return f"http://127.0.0.1:{self.port}/{name}"


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A local listener: a fetch made by libxml2 itself (in C) would show up here."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.02)
    found = Listener(server.getsockname()[1])
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, address = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            found.connections.append(address)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        stop.set()
        thread.join(timeout=2)
        server.close()


@dataclass(frozen=True)
class Secret:
    """A local file an attacker would like to read, holding a unique marker."""

    path: Path
    marker: str

    @property
    def uri(self) -> str:
        """The file's ``file://`` URI."""
        return self.path.as_uri()


@pytest.fixture
def secret(tmp_path: Path) -> Secret:
    """A secret file (plus a DTD fragment that would define ``&leak;`` as the marker)."""
    marker = f"SECRET-{uuid.uuid4().hex}"
    folder = tmp_path / "private"
    folder.mkdir()
    path = folder / "secret.txt"
    path.write_text(f"{marker}\n", encoding="utf-8")
    (folder / "secret.dtd").write_text(f'<!ENTITY leak "{marker}">\n', encoding="utf-8")
    return Secret(path, marker)


# ---------------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Outcome:
    """What every entry point made of one attack document."""

    parse_error: incidents.ParseError
    report: incidents.Report
    read_error: incidents.ParseError

    @property
    def from_xml_codes(self) -> set[str]:
        """The codes of the problems ``from_xml`` (and so ``read``) raised."""
        return {problem.code for problem in self.parse_error.problems}

    @property
    def validate_codes(self) -> set[str]:
        """The codes ``validate`` reported."""
        return {problem.code for problem in self.report.problems}

    @property
    def text(self) -> str:
        """Everything the caller gets to see: messages, reprs and the report as data."""
        parts: list[str] = []
        for error in (self.parse_error, self.read_error):
            parts += [str(error), repr(error), *(repr(problem) for problem in error.problems)]
        parts += [str(self.report), repr(self.report), repr(self.report.to_dict())]
        return "\n".join(parts)


def _attack(document: str | bytes, folder: Path) -> Outcome:
    """Run ``document`` through from_xml, validate (text and file) and read."""
    with pytest.raises(incidents.ParseError) as parsed:
        incidents.from_xml(document)
    report = incidents.validate(document.encode() if isinstance(document, str) else document)
    path = folder / "attack.xml"
    path.write_bytes(document.encode("utf-8") if isinstance(document, str) else document)
    with pytest.raises(incidents.ParseError) as read:
        incidents.read(path)
    assert str(path) == read.value.source
    assert parsed.value.problems == read.value.problems
    assert isinstance(report, incidents.Report)
    assert report == incidents.validate(path)
    assert not report.ok
    return Outcome(parsed.value, report, read.value)


def _gzip_stream(chunk: bytes, total: int) -> bytes:
    """``total`` bytes made of ``chunk`` repeated, gzip-compressed without holding them all."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip framing
    parts = []
    for _ in range(total // len(chunk)):
        parts.append(compressor.compress(chunk))
    parts.append(compressor.flush())
    return b"".join(parts)


# ------------------------------------------------------------------------------- the guards


def test_network_guard_records_and_refuses(network_calls: list[str]) -> None:
    """The autouse guard refuses and records connection attempts: an empty record means none."""
    with pytest.raises(OSError, match="network access"):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    probe = socket.socket()
    try:
        with pytest.raises(OSError, match="network access"):
            probe.connect(("127.0.0.1", 9))
    finally:
        probe.close()
    assert 2 == len(network_calls)


def test_listener_records_connections(listener: Listener) -> None:
    """The local listener sees a connection made below the Python socket layer's patches."""
    client = socket.socket()
    try:
        socket.socket.__mro__[1].connect(client, ("127.0.0.1", listener.port))
    finally:
        client.close()
    deadline = time.monotonic() + 2
    while not listener.connections and time.monotonic() < deadline:
        time.sleep(0.01)
    assert 1 == len(listener.connections)


def test_valid_document_is_read(tmp_path: Path, network_calls: list[str]) -> None:
    """The benign document the attacks are built around reads through every entry point."""
    path = tmp_path / "valid.xml"
    path.write_text(VALID, encoding="utf-8")
    assert incidents.from_xml(VALID) == incidents.read(path)
    assert incidents.validate(VALID.encode() if isinstance(VALID, str) else VALID).ok
    assert [] == network_calls


# ------------------------------------------------------------------- entity expansion (1, 2)


def test_billion_laughs_is_refused(tmp_path: Path, network_calls: list[str]) -> None:
    """Nested entity expansion (a billion lols) is refused as a DOCTYPE, before any expansion."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    )
    document = f'<?xml version="1.0"?>\n<!DOCTYPE dataset [{entities}]>\n{_with_name("&lol9;")}'
    outcome = _attack(document, tmp_path)
    assert {"E109"} == outcome.from_xml_codes
    assert {"E109"} == outcome.validate_codes
    assert 2 == outcome.parse_error.problems[0].line
    assert "lollol" not in outcome.text
    assert [] == network_calls


def test_quadratic_blowup_is_refused(tmp_path: Path, network_calls: list[str]) -> None:
    """One 100 kB entity referenced 100,000 times (10 GB expanded) is refused as a DOCTYPE."""
    big = "a" * 100_000
    document = f'<!DOCTYPE dataset [<!ENTITY a "{big}">]>\n' + _with_name("&a;" * 100_000)
    outcome = _attack(document, tmp_path)
    assert {"E109"} == outcome.from_xml_codes
    assert {"E109"} == outcome.validate_codes
    assert "a" * 1000 not in outcome.text
    assert [] == network_calls


# --------------------------------------------------------------- external entities (3, 4, 5)


def test_external_general_entity_does_not_read_the_secret(
    tmp_path: Path, secret: Secret, network_calls: list[str]
) -> None:
    """XXE: an external entity naming a local file is refused and the file's content never shows."""
    document = (
        f'<?xml version="1.0"?>\n<!DOCTYPE dataset [<!ENTITY x SYSTEM "{secret.uri}">]>\n'
        + _with_name("&x;")
    )
    outcome = _attack(document, tmp_path)
    assert {"E109"} == outcome.from_xml_codes
    assert {"E109"} == outcome.validate_codes
    assert secret.marker not in outcome.text
    assert [] == network_calls


@pytest.mark.parametrize("target", ["secret.txt", "secret.dtd"])
def test_external_parameter_entity_does_not_read_the_secret(
    tmp_path: Path, secret: Secret, network_calls: list[str], target: str
) -> None:
    """An external parameter entity naming a local file is refused and nothing of it shows."""
    uri = secret.path.with_name(target).as_uri()
    document = f'<!DOCTYPE dataset [<!ENTITY % x SYSTEM "{uri}">%x;]>\n' + _with_name("&leak;")
    outcome = _attack(document, tmp_path)
    assert {"E109"} == outcome.from_xml_codes
    assert {"E109"} == outcome.validate_codes
    assert secret.marker not in outcome.text
    assert [] == network_calls


def test_external_parameter_entity_over_http_is_not_fetched(
    tmp_path: Path, listener: Listener, network_calls: list[str]
) -> None:
    """A parameter entity naming an http URL (out-of-band XXE) is refused and never fetched."""
    document = (
        f'<!DOCTYPE dataset [<!ENTITY % remote SYSTEM "{listener.url("x.dtd")}">%remote;]>\n'
        + _with_name("A")
    )
    outcome = _attack(document, tmp_path)
    assert {"E109"} == outcome.from_xml_codes
    assert {"E109"} == outcome.validate_codes
    assert [] == listener.connections
    assert [] == network_calls


@pytest.mark.parametrize("keyword", ["SYSTEM", 'PUBLIC "-//evil//DTD x//EN"'])
def test_remote_dtd_is_not_fetched(
    tmp_path: Path, listener: Listener, network_calls: list[str], keyword: str
) -> None:
    """A DOCTYPE naming a remote DTD is refused and the DTD is never fetched."""
    document = f'<!DOCTYPE dataset {keyword} "{listener.url("evil.dtd")}">\n' + _with_name("A")
    outcome = _attack(document, tmp_path)
    assert {"E109"} == outcome.from_xml_codes
    assert {"E109"} == outcome.validate_codes
    assert [] == listener.connections
    assert [] == network_calls


def test_doctype_after_comment_and_bom_is_refused(tmp_path: Path, network_calls: list[str]) -> None:
    """A DOCTYPE behind a UTF-8 byte-order mark, the declaration and a comment is still found."""
    document = (
        b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?>\n<!-- hello -->\n'
        b'<!DOCTYPE dataset [<!ENTITY v "1.0">]>\n'
        + f'<dataset xmlns="{NS}" schema_version="&v;"/>'.encode()
    )
    outcome = _attack(document, tmp_path)
    assert {"E109"} == outcome.from_xml_codes
    assert 3 == outcome.parse_error.problems[0].line
    assert [] == network_calls


# -------------------------------------------------------------- XInclude and schemas (6, 7)


def _xinclude(secret: Secret) -> str:
    return (
        f'<dataset xmlns="{NS}" schema_version="1.0">'
        f'<xi:include href="{secret.uri}" parse="text" xmlns:xi="{XINCLUDE}"/>'
        "</dataset>"
    )


def test_xinclude_is_refused_and_not_processed(
    tmp_path: Path, secret: Secret, network_calls: list[str]
) -> None:
    """An xi:include of a local file is an unknown element: refused, and the file is never read."""
    outcome = _attack(_xinclude(secret), tmp_path)
    assert {"E201"} == outcome.from_xml_codes
    assert secret.marker not in outcome.text
    assert [] == network_calls


def test_xinclude_is_reported_as_unknown_field(secret: Secret) -> None:
    """validate reports an xi:include in a dataset as an unknown field (E201)."""
    assert {"E201"} == {problem.code for problem in incidents.validate(_xinclude(secret).encode())}


def test_xinclude_inside_text_is_refused(
    tmp_path: Path, secret: Secret, network_calls: list[str]
) -> None:
    """An xi:include where a name's text belongs is refused as the wrong type, unread."""
    xinclude = f'<xi:include href="{secret.uri}" parse="text" xmlns:xi="{XINCLUDE}"/>'
    outcome = _attack(_with_name(xinclude), tmp_path)
    assert {"E203"} == outcome.from_xml_codes
    assert {"E203"} == outcome.validate_codes
    assert secret.marker not in outcome.text
    assert [] == network_calls


@pytest.mark.parametrize("attribute", ["schemaLocation", "noNamespaceSchemaLocation"])
def test_schema_location_is_refused_and_not_fetched(
    tmp_path: Path, listener: Listener, network_calls: list[str], attribute: str
) -> None:
    """xsi:schemaLocation on the root is an unknown attribute; the schema is never fetched."""
    value = listener.url("x.xsd")
    if attribute == "schemaLocation":
        value = f"{NS} {value}"
    document = (
        f'<dataset xmlns="{NS}" xmlns:xsi="{XSI}" xsi:{attribute}="{value}" schema_version="1.0"/>'
    )
    outcome = _attack(document, tmp_path)
    assert {"E201"} == outcome.from_xml_codes
    assert {"E201"} == outcome.validate_codes
    assert f"/dataset/@{{{XSI}}}{attribute}" == outcome.report.problems[0].location
    assert [] == listener.connections
    assert [] == network_calls


# ------------------------------------------------------------------------------- gzip (8)


def test_gzip_document_is_not_decompressed(tmp_path: Path, network_calls: list[str]) -> None:
    """A gzip-compressed valid document is refused as not UTF-8, never decompressed and read."""
    document = gzip.compress(VALID.encode("utf-8"))
    assert incidents.from_xml(gzip.decompress(document)).actors
    outcome = _attack(document, tmp_path)
    assert outcome.from_xml_codes in ({"E101"}, {"E102"})
    assert outcome.validate_codes in ({"E101"}, {"E102"})
    assert [] == network_calls


def test_gzip_bomb_is_refused_quickly(tmp_path: Path, network_calls: list[str]) -> None:
    """50 MB of XML gzipped into a few hundred kB is refused at once, without decompressing."""
    item = b'<actor id="actor:a" kind="state"><name>A</name></actor>'
    bomb = _gzip_stream(item * 20_000, 50_000_000)
    assert len(bomb) < 1_000_000
    outcome = _attack(bomb, tmp_path)
    assert outcome.from_xml_codes in ({"E101"}, {"E102"})
    assert outcome.validate_codes in ({"E101"}, {"E102"})
    assert [] == network_calls


# ----------------------------------------------------------------------------- depth (9)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 10_000, 1_000_000])
def test_deep_nesting_is_refused(tmp_path: Path, network_calls: list[str], depth: int) -> None:
    """Elements nested far too deep are refused (E104, or libxml2's E101), no RecursionError."""
    document = f'<dataset xmlns="{NS}" schema_version="1.0">'
    document += "<a>" * (depth - 1) + "</a>" * (depth - 1) + "</dataset>"
    outcome = _attack(document, tmp_path)
    assert outcome.from_xml_codes in ({"E104"}, {"E101"})
    assert outcome.validate_codes in ({"E104"}, {"E101"})
    assert [] == network_calls


def test_depth_limit_leaves_valid_nesting_alone() -> None:
    """Nesting exactly at the limit is not refused for its depth (the limit is not off by one)."""
    document = f'<dataset xmlns="{NS}" schema_version="1.0">'
    document += "<a>" * (MAX_DEPTH - 1) + "</a>" * (MAX_DEPTH - 1) + "</dataset>"
    with pytest.raises(incidents.ParseError) as raised:
        incidents.from_xml(document)
    assert {"E201"} == {problem.code for problem in raised.value.problems}


# ------------------------------------------------------------------ processing instructions (10)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda url: _with_name("A<?evil data?>"), id="in-text"),
        pytest.param(
            lambda url: f'<dataset xmlns="{NS}" schema_version="1.0"><?evil data?></dataset>',
            id="in-root",
        ),
        pytest.param(
            lambda url: (
                f'<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="{url}"?>\n'
                + _with_name("A")
            ),
            id="stylesheet-before-root",
        ),
        pytest.param(lambda url: _with_name("A") + "\n<?evil data?>", id="after-root"),
    ],
)
def test_processing_instruction_is_refused(
    tmp_path: Path,
    listener: Listener,
    network_calls: list[str],
    make: Callable[[str], str],
) -> None:
    """A processing instruction anywhere in the document is refused with E109."""
    outcome = _attack(make(listener.url("x.xsl")), tmp_path)
    assert {"E109"} == outcome.from_xml_codes
    assert {"E109"} == outcome.validate_codes
    assert [] == listener.connections
    assert [] == network_calls


# ------------------------------------------------------------------------- huge text (11)


@pytest.mark.parametrize("size", [5_000_000, 20_000_000])
def test_huge_text_node_is_refused(tmp_path: Path, network_calls: list[str], size: int) -> None:
    """A multi-megabyte name is refused by the parser's limit or later as too long, quickly."""
    document = _with_name("x" * size)
    outcome = _attack(document, tmp_path)
    assert outcome.from_xml_codes in ({"E101"}, {"E208"})
    assert outcome.validate_codes in ({"E101"}, {"E208"})
    assert len(str(outcome.parse_error)) < 2_000
    assert len(str(outcome.report)) < 2_000
    assert [] == network_calls


def test_huge_attribute_is_refused(tmp_path: Path, network_calls: list[str]) -> None:
    """A 20 MB attribute value is refused without a crash, and the message stays short."""
    document = (
        f'<dataset xmlns="{NS}" schema_version="1.0"><actors>'
        f'<actor id="actor:{"a" * 20_000_000}" kind="state"><name>A</name></actor>'
        "</actors></dataset>"
    )
    outcome = _attack(document, tmp_path)
    assert outcome.from_xml_codes in ({"E101"}, {"E205"}, {"E208"})
    assert len(str(outcome.report)) < 2_000
    assert [] == network_calls


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    """validate refuses a file over MAX_DOCUMENT_BYTES with E108 by its size (a sparse file)."""
    path = tmp_path / "huge.xml"
    with path.open("wb") as stream:
        stream.write(b"<dataset>")
        stream.truncate(MAX_DOCUMENT_BYTES + 1)
    report = incidents.validate(path)
    assert ["E108"] == [problem.code for problem in report.problems]


# ------------------------------------------------------------------------- encodings (12)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_with_byte_order_mark_is_refused(
    tmp_path: Path, network_calls: list[str], codec: str
) -> None:
    """UTF-16 or UTF-32 XML (with its byte-order mark) is refused as not UTF-8."""
    text = VALID.replace("UTF-8", "UTF-16" if "16" in codec else "UTF-32")
    document = text.encode(codec)
    if codec == "utf-16-be":
        document = b"\xfe\xff" + document
    outcome = _attack(document, tmp_path)
    assert {"E102"} == outcome.from_xml_codes
    assert {"E102"} == outcome.validate_codes
    assert [] == network_calls


@pytest.mark.parametrize("codec", ["iso-8859-1", "windows-1252", "utf-7", "ebcdic-cp-us"])
def test_other_declared_encoding_is_refused(
    tmp_path: Path, network_calls: list[str], codec: str
) -> None:
    """An encoding declaration other than UTF-8 is refused (E102), even on plain ASCII."""
    document = VALID.replace('encoding="UTF-8"', f'encoding="{codec.upper()}"').encode("ascii")
    outcome = _attack(document, tmp_path)
    assert {"E102"} == outcome.from_xml_codes
    assert {"E102"} == outcome.validate_codes
    assert [] == network_calls


def test_latin1_bytes_are_refused(tmp_path: Path, network_calls: list[str]) -> None:
    """ISO-8859-1 bytes (an é) under an ISO-8859-1 declaration are refused with E102."""
    text = VALID.replace("UTF-8", "ISO-8859-1").replace("<name>A</name>", "<name>Café</name>")
    outcome = _attack(text.encode("iso-8859-1"), tmp_path)
    assert {"E102"} == outcome.from_xml_codes
    assert {"E102"} == outcome.validate_codes
    assert [] == network_calls


_BOMLESS = ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]


@pytest.mark.parametrize("codec", _BOMLESS)
def test_utf16_without_byte_order_mark_is_refused(tmp_path: Path, codec: str) -> None:
    """UTF-16 or UTF-32 XML without a byte-order mark is refused as not UTF-8 (E102)."""
    outcome = _attack(VALID.replace(' encoding="UTF-8"', "").encode(codec), tmp_path)
    assert {"E102"} == outcome.from_xml_codes
    assert {"E102"} == outcome.validate_codes


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-32-le"])
def test_doctype_in_utf16_without_byte_order_mark_is_refused(tmp_path: Path, codec: str) -> None:
    """A DOCTYPE cannot be smuggled past the refusal by encoding the document as UTF-16."""
    document = (
        '<?xml version="1.0"?>\n<!DOCTYPE dataset [<!ENTITY v "1.0">]>\n'
        f'<dataset xmlns="{NS}" schema_version="&v;"/>'
    ).encode(codec)
    outcome = _attack(document, tmp_path)
    assert outcome.from_xml_codes in ({"E102"}, {"E109"})
    assert outcome.validate_codes in ({"E102"}, {"E109"})


@pytest.mark.parametrize("codec", _BOMLESS)
@pytest.mark.parametrize("attack", ["file-entity", "file-parameter", "http-dtd", "http-parameter"])
def test_utf16_without_byte_order_mark_leaks_nothing(
    tmp_path: Path,
    secret: Secret,
    listener: Listener,
    network_calls: list[str],
    codec: str,
    attack: str,
) -> None:
    """Even when a DTD gets past the refusal in BOM-less UTF-16, nothing is read or fetched."""
    dtd = secret.path.with_name("secret.dtd").as_uri()
    subsets = {
        "file-entity": f'[<!ENTITY leak SYSTEM "{secret.uri}">]',
        "file-parameter": f'[<!ENTITY % x SYSTEM "{dtd}">%x;]',
        "http-dtd": f'SYSTEM "{listener.url("evil.dtd")}"',
        "http-parameter": f'[<!ENTITY % x SYSTEM "{listener.url("x.dtd")}">%x;]',
    }
    document = (
        f'<?xml version="1.0"?>\n<!DOCTYPE dataset {subsets[attack]}>\n'
        f'<dataset xmlns="{NS}" schema_version="1.0"><actors>'
        '<actor id="actor:a" kind="state"><name>&leak;</name></actor></actors></dataset>'
    ).encode(codec)
    outcome = _attack(document, tmp_path)
    assert secret.marker not in outcome.text
    assert [] == listener.connections
    assert [] == network_calls


def test_bomless_utf16_billion_laughs_is_stopped(tmp_path: Path, network_calls: list[str]) -> None:
    """A billion lols smuggled in BOM-less UTF-16 is still stopped quickly (libxml2's limit)."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    )
    document = (
        f'<?xml version="1.0"?>\n<!DOCTYPE dataset [{entities}]>\n'
        f'<dataset xmlns="{NS}" schema_version="&lol9;"/>'
    ).encode("utf-16-le")
    outcome = _attack(document, tmp_path)
    assert outcome.from_xml_codes <= {"E101", "E102", "E109"}
    assert "lollol" not in outcome.text
    assert [] == network_calls
