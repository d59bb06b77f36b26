"""Every code example in docs/ runs and shows real output (the conventions: docs/about.md).

``python`` blocks run in order, the blocks of a page sharing one namespace; ``pycon`` blocks are
doctests; ``console`` blocks are ``$ incidents ...`` commands run in a subprocess, followed by
what they print. Other blocks (``sh``, ``json``, ...) are not run.
"""

from __future__ import annotations

import doctest
import re
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import incidents
from incidents.views.diagrams import escalation_graph

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))

# A fenced block: its indentation, fence, language and body (up to the same fence, indented alike).
_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    flags=re.MULTILINE | re.DOTALL,
)
_CHECKER = doctest.OutputChecker()


def blocks(text: str) -> list[tuple[str, int, str]]:
    """(language, line of the first line of the body, body) for each fenced block."""
    found = []
    for match in _FENCE.finditer(text):
        language = (match["info"].split() or [""])[0]
        line = text.count("\n", 0, match.start("body")) + 1
        body = textwrap.dedent(match["body"]) if match["indent"] else match["body"]
        found.append((language, line, body))
    return found


def _name(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def _runnable(page: Path) -> bool:
    languages = {language for language, _, _ in blocks(page.read_text(encoding="utf-8"))}
    return bool(languages & {"python", "pycon", "console"})


@pytest.mark.parametrize("page", [p for p in PAGES if _runnable(p)], ids=_name)
def test_page_examples_run(page, monkeypatch):
    """The page's python, pycon and console blocks run, in order, and print what they show."""
    monkeypatch.chdir(ROOT)
    run_page(page)


def run_page(page: Path) -> dict[str, object]:
    """Run the page's examples in order in one namespace; return the namespace."""
    name = _name(page)
    namespace: dict[str, object] = {"__name__": f"docs:{name}"}
    for language, line, body in blocks(page.read_text(encoding="utf-8")):
        if language == "python":
            code = compile("\n" * (line - 1) + body, name, "exec")
            exec(code, namespace)  # noqa: S102 - our own documentation
        elif language == "pycon":
            _run_doctest(body, namespace, name, line)
        elif language == "console":
            _run_console(body, name, line)
    return namespace


def _run_doctest(body: str, namespace: dict[str, object], name: str, line: int) -> None:
    namespace.setdefault("incidents", incidents)
    test = doctest.DocTestParser().get_doctest(body, namespace, name, name, line - 1)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    result = runner.run(test, out=report.append, clear_globs=False)
    assert 0 == result.failed, "".join(report)


def _run_console(body: str, name: str, line: int) -> None:
    for command, expected in _commands(body):
        arguments = shlex.split(command)
        assert arguments[0] == "incidents", f"{name}:{line}: only incidents commands are run"
        result = subprocess.run(  # noqa: S603 - our own command line, our own arguments
            [sys.executable, "-m", "incidents", *arguments[1:]],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        output = result.stdout + result.stderr
        assert _CHECKER.check_output(expected, output, doctest.ELLIPSIS), (
            f"{name}:{line}: $ {command}\nexpected:\n{expected}\ngot:\n{output}"
        )


def _commands(body: str) -> list[tuple[str, str]]:
    """Each ``$ command`` line of a console block and the output lines that follow it."""
    commands: list[tuple[str, str]] = []
    for text_line in body.splitlines(keepends=True):
        if text_line.startswith("$ "):
            commands.append((text_line[2:].strip(), ""))
        elif commands:
            command, output = commands[-1]
            commands[-1] = (command, output + text_line)
    return commands


def _documents(language: str) -> list[tuple[str, str]]:
    """(page:line, body) of every json or xml block in docs/ that holds a dataset document."""
    found = []
    for page in PAGES:
        for block_language, line, body in blocks(page.read_text(encoding="utf-8")):
            is_dataset = body.lstrip().startswith('{\n  "schema_version"') or "<dataset" in body
            if block_language == language and is_dataset:
                found.append((f"{_name(page)}:{line}", body))
    return found


@pytest.mark.parametrize(
    ("where", "body"), _documents("json"), ids=[w for w, _ in _documents("json")]
)
def test_json_examples_are_dataset_documents(where, body):
    """Every dataset document shown as JSON reads, and is written exactly as shown."""
    assert body == incidents.to_json(incidents.from_json(body)), where


@pytest.mark.parametrize(
    ("where", "body"), _documents("xml"), ids=[w for w, _ in _documents("xml")]
)
def test_xml_examples_are_dataset_documents(where, body):
    """Every dataset document shown as XML reads (the mapping's example is wrapped by hand)."""
    assert isinstance(incidents.from_xml(body), incidents.Dataset), where


def test_xml_side_by_side_example_is_one_dataset():
    """The side-by-side JSON and XML on the XML page are the same dataset, byte for byte."""
    text = (DOCS / "xml.md").read_text(encoding="utf-8")
    grid = text.split('<div class="grid" markdown>', 1)[1].split("</div>", 1)[0]
    (left_language, _, left), (right_language, _, right) = blocks(grid)
    assert ("json", "xml") == (left_language, right_language)
    assert right == incidents.to_xml(incidents.from_json(left)).decode("utf-8")
    assert left == incidents.to_json(incidents.from_xml(right))


def test_tutorial_picture_is_the_library_drawing(monkeypatch):
    """The tutorial's Mermaid picture is what incidents.views.diagrams draws for its dataset."""
    monkeypatch.chdir(ROOT)
    namespace = run_page(DOCS / "tutorial.md")
    text = (DOCS / "tutorial.md").read_text(encoding="utf-8")
    (picture,) = [body for language, _, body in blocks(text) if language == "mermaid"]
    assert escalation_graph(namespace["dataset"]) == picture


def test_tutorial_passages_are_quoted_from_the_article(monkeypatch):
    """The passages the tutorial codes are in the seed article, word for word."""
    article = ROOT.parent / "shared" / "seeds" / "002_1fe94715d9737df7.txt"
    if not article.exists():
        pytest.skip(f"{article} is not here (the articles live in ../shared/seeds)")
    monkeypatch.chdir(ROOT)
    passages = run_page(DOCS / "tutorial.md")["PASSAGES"]
    assert isinstance(passages, str)
    text = " ".join(article.read_text(encoding="utf-8").split())
    for paragraph in passages.strip().split("\n\n"):
        assert " ".join(paragraph.split()) in text


def test_pages_have_examples_to_run():
    """The example pages are found: a regression in the block parser would silently skip them."""
    runnable = {_name(page) for page in PAGES if _runnable(page)}
    assert {"docs/index.md", "docs/tutorial.md", "docs/json.md", "docs/schemas.md"} <= runnable


def test_block_parser_reads_indented_and_annotated_fences():
    """Blocks nested in lists are dedented; the language is the first word of the info string."""
    text = 'Intro\n\n- item:\n\n  ```python title="x.py"\n  a = 1\n  ```\n\n```sh\nls\n```\n'
    assert [("python", 6, "a = 1\n"), ("sh", 10, "ls\n")] == blocks(text)


def test_console_commands_are_split_from_their_output():
    """Lines after a `$ ` line are that command's expected output."""
    body = "$ incidents --version\nincidents 0.1.0\n$ incidents schema --help\n...\n"
    expected = [("incidents --version", "incidents 0.1.0\n"), ("incidents schema --help", "...\n")]
    assert expected == _commands(body)
