"""The layout: imports follow docs/architecture.md, no circles, few floors, small modules."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "incidents"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
#: A module longer than this is asking to be split (the style guide's "about 500 lines").
MAX_MODULE_LINES = 520


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``path`` imports, anywhere in it (functions included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # Importing from a package runs its __init__ first, even for a submodule.
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in modules}


@cache
def _graph() -> dict[str, frozenset[str]]:
    modules = _modules()
    return {name: frozenset(_imports(path, modules) - {name}) for name, path in modules.items()}


def _part(module: str) -> str:
    """The row of the architecture table a module belongs to."""
    parts = module.split(".")[1:]
    if not parts:
        return "__init__"
    return parts[0]


def _rules() -> dict[str, set[str]]:
    """Part -> the parts it may import, from the table in docs/architecture.md."""
    rules: dict[str, set[str]] = {}
    for line in ARCHITECTURE.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\| `([\w.]+)` \| [^|]+ \| ([^|]+) \|", line)
        if match:
            allowed = {name.strip() for name in match.group(2).split(",")} - {"nothing"}
            rules[match.group(1)] = allowed
    return rules


def _floors(graph: dict[str, frozenset[str]]) -> dict[str, int]:
    floors: dict[str, int] = {}

    def floor(name: str) -> int:
        if name not in floors:
            floors[name] = 0  # a circle ends here (test_no_import_circle reports it)
            floors[name] = 1 + max((floor(target) for target in graph[name]), default=0)
        return floors[name]

    for name in graph:
        floor(name)
    return floors


def test_the_table_has_a_row_for_every_part():
    """Every subpackage and top-level module of the package is a row of the table."""
    parts = {_part(module) for module in _modules()}
    rules = _rules()
    assert set() == parts - set(rules)
    assert set() == set(rules) - parts
    named = set().union(*rules.values())
    assert set() == named - parts


def test_imports_follow_the_table():
    """No module imports a part its own part may not import."""
    rules = _rules()
    broken = [
        f"{module} imports {target} ({_part(module)} may not import {_part(target)})"
        for module, targets in _graph().items()
        for target in sorted(targets)
        if _part(target) != _part(module) and _part(target) not in rules[_part(module)]
    ]
    assert [] == broken


def test_the_rules_are_kept_without_exceptions():
    """The check above sees real imports: formats reads the model, cli reads validation."""
    graph = _graph()
    assert "incidents.model.dataset" in graph["incidents.formats.converter"]
    assert any(_part(target) == "validation" for target in graph["incidents.cli.inputs"])


def test_no_import_circle():
    """The import graph has no circle (imports inside functions count too)."""
    graph = _graph()
    state: dict[str, str] = {}
    circles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                circles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert [] == [" -> ".join(circle) for circle in circles]


def test_the_graph_has_no_more_floors_than_the_page_says():
    """The longest import chain is no longer than the limit docs/architecture.md states."""
    match = re.search(r"has at most (\d+) floors", ARCHITECTURE.read_text(encoding="utf-8"))
    assert match is not None
    graph = _graph()
    floors = _floors(graph)
    top = max(floors, key=floors.__getitem__)
    chain = [top]
    while graph[chain[-1]] and len(chain) <= len(graph):  # bounded, should a circle appear
        chain.append(max(graph[chain[-1]], key=floors.__getitem__))
    assert floors[top] <= int(match.group(1)), " <- ".join(chain)


@pytest.mark.parametrize("module", sorted(_modules()))
def test_modules_are_small(module):
    """No module is much over the style guide's 500 lines."""
    lines = len(_modules()[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES


def test_tests_mirror_the_package():
    """Every folder of tests (but the hazard corpus) is named after a subpackage."""
    subpackages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    folders = {path.name for path in (ROOT / "tests").iterdir() if path.is_dir()}
    assert set() == folders - subpackages - {"hazards", "__pycache__"}


@pytest.mark.parametrize(
    "package", sorted(m for m in _modules() if _modules()[m].name == "__init__.py")
)
def test_every_package_lists_its_public_names(package):
    """Each package's __init__ has a sorted __all__ of names it defines or re-exports."""
    if package == "incidents._compile":
        pytest.skip("private: nothing to export")
    tree = ast.parse(_modules()[package].read_text(encoding="utf-8"))
    exported = next(
        (
            ast.literal_eval(node.value)
            for node in tree.body
            if isinstance(node, ast.Assign)
            and any(getattr(target, "id", "") == "__all__" for target in node.targets)
        ),
        None,
    )
    assert exported, f"{package} has no __all__"
    module = __import__(package, fromlist=["__all__"])
    assert [] == [name for name in exported if not hasattr(module, name)]


def test_test_modules_have_unique_names():
    """No two test modules share a file name: the folders have no __init__.py, so pytest
    refuses the second one when the whole suite runs."""
    names = [path.name for path in (ROOT / "tests").rglob("test_*.py")]
    assert sorted({name for name in names if names.count(name) > 1}) == []
