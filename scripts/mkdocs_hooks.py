"""MkDocs hooks for the documentation site; ``mkdocs.yml`` lists this file under ``hooks``.

* The benchmarks page joins the navigation, before the changelog, when ``docs/benchmarks.md``
  exists (it is written separately, and a page missing from the navigation fails the build).
* Docstrings use Sphinx roles (``:class:`~incidents.Report```), which Markdown shows as a role
  name before code; the API pages show just the code, with the last part of a ``~`` name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_ROLE = re.compile(r":(?:class|func|meth|data|mod|attr|exc|obj):<code>(~?)([\w.]+)</code>")


def on_config(config: Any) -> Any:
    """Add the benchmarks page to the navigation when it exists."""
    if (Path(config["docs_dir"]) / "benchmarks.md").exists():
        nav = config["nav"]
        at = next(i for i, item in enumerate(nav) if "Changelog" in item)
        nav.insert(at, {"Benchmarks": "benchmarks.md"})
    return config


def on_page_content(html: str, **_: Any) -> str:
    """Show Sphinx cross-reference roles in docstrings as plain code."""
    return _ROLE.sub(_code, html)


def _code(match: re.Match[str]) -> str:
    name = match[2].rsplit(".", 1)[-1] if match[1] else match[2]
    return f"<code>{name}</code>"
