"""Regenerate the files derived from the code: schemas, problem code table, example files.

    python scripts/regenerate.py          # write them
    python scripts/regenerate.py --check  # exit 1 and list the stale ones

The tests fail when a committed file differs from what the code generates, so run this
after changing a record class, a field check, a vocabulary or the code table.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from incidents import examples, to_json, to_xml
from incidents.codes import codes_markdown
from incidents.schema_json import json_schema_text
from incidents.schema_xsd import xml_schema_text

ROOT = Path(__file__).resolve().parent.parent

#: Each derived file and the function that produces its text.
DERIVED: dict[Path, Callable[[], str]] = {
    ROOT / "schemas" / "incidents.schema.json": json_schema_text,
    ROOT / "schemas" / "incidents.xsd": xml_schema_text,
    ROOT / "docs" / "codes.md": codes_markdown,
    **{
        ROOT / "examples" / f"{name}.json": (lambda name=name: to_json(examples.load(name)))
        for name in examples.names()
    },
    **{
        ROOT / "examples" / f"{name}.xml": (
            lambda name=name: to_xml(examples.load(name)).decode("utf-8")
        )
        for name in examples.names()
    },
}


def stale(files: dict[Path, Callable[[], str]] = DERIVED) -> list[Path]:
    """The derived files whose committed text differs from what the code generates."""
    return [
        path
        for path, generate in files.items()
        if not path.exists() or path.read_text(encoding="utf-8") != generate()
    ]


def main(argv: list[str] | None = None, files: dict[Path, Callable[[], str]] = DERIVED) -> int:
    """Write the derived files, or with ``--check`` report the stale ones."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    options = parser.parse_args(argv)
    outdated = stale(files)
    if options.check:
        for path in outdated:
            print(f"{path} is out of date: run python scripts/regenerate.py")
        return 1 if outdated else 0
    for path in outdated:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[path](), encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
