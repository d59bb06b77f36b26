"""MkDocs hooks for the documentation site; ``mkdocs.yml`` lists this file under ``hooks``.

* The benchmarks page joins the navigation, before the changelog, when ``docs/benchmarks.md``
  exists (it is written separately, and a page missing from the navigation fails the build).
* Mermaid is bundled into the site, so every diagram draws with no network: the build copies
  ``node_modules/mermaid/dist/mermaid.min.js`` (installed by ``npm ci`` from the pinned
  ``package.json`` and ``package-lock.json``) to ``javascripts/mermaid.min.js`` and loads it
  on every page. Material then finds ``mermaid`` already defined and does not fetch it from
  its CDN. Without it the build fails, rather than make a site whose pictures are blank
  offline.
* Docstrings use Sphinx roles (``:class:`~incidents.Report```), which Markdown shows as a role
  name before code; the API pages show just the code, with the last part of a ``~`` name.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
#: Mermaid as npm installs it, and where the site carries it.
MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
MERMAID_IN_SITE = "javascripts/mermaid.min.js"

_ROLE = re.compile(r":(?:class|func|meth|data|mod|attr|exc|obj):<code>(~?)([\w.]+)</code>")


def on_config(config: Any) -> Any:
    """Add the benchmarks page to the navigation when it exists; load the bundled Mermaid."""
    if not MERMAID.is_file():
        raise PluginError(
            f"{MERMAID.relative_to(ROOT)} is missing: run `npm ci` in {ROOT} to install the "
            "Mermaid the site bundles (package.json pins it), so diagrams draw offline"
        )
    if MERMAID_IN_SITE not in [str(script) for script in config["extra_javascript"]]:
        config["extra_javascript"].append(MERMAID_IN_SITE)
    if (Path(config["docs_dir"]) / "benchmarks.md").exists():
        nav = config["nav"]
        at = next(i for i, item in enumerate(nav) if "Changelog" in item)
        nav.insert(at, {"Benchmarks": "benchmarks.md"})
    return config


def on_post_build(config: Any) -> None:
    """Copy the bundled Mermaid into the site."""
    target = Path(config["site_dir"]) / MERMAID_IN_SITE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MERMAID, target)


def on_page_content(html: str, **_: Any) -> str:
    """Show Sphinx cross-reference roles in docstrings as plain code."""
    return _ROLE.sub(_code, html)


def _code(match: re.Match[str]) -> str:
    name = match[2].rsplit(".", 1)[-1] if match[1] else match[2]
    return f"<code>{name}</code>"
