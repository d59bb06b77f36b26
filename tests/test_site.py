"""The documentation site works offline: nothing loaded from another host, every picture drawn.

The site is built once (``mkdocs build --strict``, in a subprocess) into a temporary folder.
Every built page is scanned for scripts, styles, fonts and images from another host. With
``INCIDENTS_BROWSER=1`` (as ``.ci/run`` sets it), headless Chromium opens the crisis page,
the tutorial and the model reference from a server on 127.0.0.1, with every other host
unresolvable, and the test checks from the rendered DOM that every Mermaid diagram became an
SVG with shapes in it and no syntax error, and that every image loaded; screenshots go to
``build/screenshots/``. Without the docs tools (``pip install -e '.[docs]'`` and ``npm ci``)
the tests skip, unless ``INCIDENTS_BROWSER=1`` asks for them.
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "build" / "screenshots"
REQUIRED = os.environ.get("INCIDENTS_BROWSER") == "1"
MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
#: The pages the browser opens: the crisis, getting started (the tutorial), the model.
PAGES = {"crisis": "crisis/", "tutorial": "tutorial/", "model-reference": "reference/model/"}
#: The height of each screenshot: the tutorial's picture is near the end of a long page.
HEIGHTS = {"crisis": 2400, "tutorial": 16000, "model-reference": 2400}

#: What a tag loads, by tag and attribute (links to other sites in the text are fine).
_LOADING = {("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"),
            ("embed", "src"), ("object", "data"), ("video", "src"), ("audio", "src")}  # fmt: skip
_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "prefetch", "manifest"}
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:[a-z]+:)?//[^'")\s]+)""", re.I)

#: Added to each page the test server sends: Material draws each diagram in a closed shadow
#: root, which a DOM dump cannot see; opening it, and copying what it holds into the page
#: once drawn, lets the test read the drawn SVG. Images get their loaded size as attributes.
_PROBE = b"""<script>
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, {...init, mode: "open"});
  };
  setInterval(() => {
    for (const host of document.querySelectorAll("div.mermaid")) {
      if (host.shadowRoot && host.shadowRoot.querySelector("svg")) {
        host.setAttribute("data-drawn", host.shadowRoot.innerHTML);
      }
    }
    for (const image of document.images) {
      image.setAttribute("data-natural-width", String(image.naturalWidth));
    }
  }, 100);
})();
</script>"""


def _needs(condition: bool, reason: str) -> None:
    if condition:
        return
    if REQUIRED:
        pytest.fail(f"INCIDENTS_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built strictly into a temporary folder."""
    _needs(importlib.util.find_spec("mkdocs") is not None, "mkdocs is not installed")
    _needs(MERMAID.is_file(), "Mermaid is not installed (run npm ci)")
    folder = tmp_path_factory.mktemp("site")
    subprocess.run(  # noqa: S603 - our own interpreter and configuration
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return folder


class _Loads(html.parser.HTMLParser):
    """What a page loads: (tag, address) for scripts, styles, fonts, images, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for loading_tag, attribute in _LOADING:
            if tag == loading_tag and attribute in values:
                self.loads.append((tag, values[attribute]))
        if tag == "link" and _LINK_RELS & set(values.get("rel", "").lower().split()):
            self.loads.append((tag, values.get("href", "")))
        if "style" in values:
            self.loads += [("style", url) for url in _CSS_URL.findall(values["style"])]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.loads += [("style", url) for url in _CSS_URL.findall(data)]


def external_loads(page: str) -> list[tuple[str, str]]:
    """What ``page`` (HTML) loads from another host."""
    parser = _Loads()
    parser.feed(page)
    return [(tag, address) for tag, address in parser.loads if _EXTERNAL.match(address)]


def test_the_scan_sees_external_scripts_styles_and_fonts():
    """The scanner finds what a page would load from elsewhere, and not ordinary links."""
    page = """<html><head>
      <script src="https://unpkg.com/mermaid@11/dist/mermaid.min.js"></script>
      <link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">
      <style>@import "https://example.org/x.css"; body { background: url(assets/x.png) }</style>
      <script src="assets/local.js"></script></head>
      <body><a href="https://mermaid.live">the editor</a><img src="images/crisis.svg">
      <div style="background: url('http://example.org/y.png')"></div></body></html>"""
    assert [
        ("script", "https://unpkg.com/mermaid@11/dist/mermaid.min.js"),
        ("link", "//fonts.googleapis.com/css?family=Roboto"),
        ("style", "https://example.org/x.css"),
        ("style", "http://example.org/y.png"),
    ] == external_loads(page)


def test_no_page_loads_anything_from_another_host(site: Path):
    """Every built page and style sheet loads scripts, styles, fonts and images from the site."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    found = {
        page.relative_to(site).as_posix(): external_loads(page.read_text(encoding="utf-8"))
        for page in pages
    }
    for sheet in sorted(site.rglob("*.css")):
        urls = _CSS_URL.findall(sheet.read_text(encoding="utf-8"))
        found[sheet.relative_to(site).as_posix()] = [("css", url) for url in urls]
    assert {} == {name: loads for name, loads in found.items() if loads}


def test_every_page_with_a_diagram_loads_the_bundled_mermaid(site: Path):
    """A page with a Mermaid diagram loads Mermaid from the site itself."""
    crisis = (site / "crisis" / "index.html").read_text(encoding="utf-8")
    assert 3 == crisis.count('class="mermaid"')
    assert '<script src="../javascripts/mermaid.min.js">' in crisis
    assert (site / "javascripts" / "mermaid.min.js").stat().st_size > 1_000_000


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The site served on 127.0.0.1, on a free port, with the probe added to each page."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def send_head(self):  # type: ignore[no-untyped-def]
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix != ".html" or not path.is_file():
                return super().send_head()
            body = path.read_bytes().replace(b"<head>", b"<head>" + _PROBE, 1)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)

        def log_message(self, *_: object) -> None:
            pass

    handler = functools.partial(Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    _needs(found is not None, "chromium is not installed (apt-get install chromium)")
    assert found is not None
    return found


def _browse(url: str, *extra: str) -> str:
    """Run headless Chromium on ``url`` with no host but 127.0.0.1 reachable; its output."""
    command = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--virtual-time-budget=20000",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", *extra, url,
    ]  # fmt: skip
    result = subprocess.run(  # noqa: S603 - the browser, on our own server
        command, check=True, capture_output=True, text=True, timeout=180
    )
    return result.stdout


class _Pictures(html.parser.HTMLParser):
    """The diagrams of a rendered page (what each drew) and its images (their loaded width)."""

    def __init__(self) -> None:
        super().__init__()
        self.diagrams: list[str] = []
        self.images: list[tuple[str, str]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("div", "pre") and "mermaid" in values.get("class", "").split():
            self.diagrams.append(values.get("data-drawn", ""))
        if tag == "img":
            self.images.append((values.get("src", ""), values.get("data-natural-width", "0")))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


@pytest.mark.skipif(not REQUIRED, reason="set INCIDENTS_BROWSER=1 to open the site in Chromium")
@pytest.mark.parametrize("name", sorted(PAGES))
def test_chromium_draws_every_picture_offline(served: str, name: str):
    """In headless Chromium, with no network, every diagram is an SVG with shapes and no
    syntax error, and every image has loaded; a screenshot is kept in build/screenshots/."""
    url = served + PAGES[name]
    pictures = _Pictures()
    pictures.feed(_browse(url, "--dump-dom"))
    page_text = " ".join(pictures.texts)
    assert "Syntax error" not in page_text
    for number, drawn in enumerate(pictures.diagrams, 1):
        where = f"{name}, diagram {number}"
        assert "<svg" in drawn, f"{where} was not drawn"
        assert "Syntax error" not in drawn, where
        shapes = len(re.findall(r"<(?:rect|path|polygon|circle|ellipse|line)\b", drawn))
        labels = len(re.findall(r"<(?:text|foreignObject|span)\b", drawn))
        assert shapes >= 5, f"{where}: only {shapes} shapes"
        assert labels >= 3, f"{where}: only {labels} labels"
    for source, width in pictures.images:
        assert int(width) > 0, f"{name}: the image {source} did not load"
    if name == "crisis":
        assert 3 == len(pictures.diagrams)
    if name == "tutorial":
        assert 1 == len(pictures.diagrams)
    if name == "model-reference":
        assert "Model reference" in page_text
        assert "DiplomaticMeasure" in page_text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    _browse(url, f"--screenshot={shot}", f"--window-size=1280,{HEIGHTS[name]}")
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kilobytes
