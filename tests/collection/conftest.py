"""A copy of the example collection to change, for the tests of this folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "collection"
RAIDS = "incidents/02-yekaterinburg-raids-2025.json"


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """A copy of examples/collection in a temporary folder."""
    target = tmp_path / "crisis"
    shutil.copytree(EXAMPLE, target)
    return target


def edit(path: Path, change: Any) -> None:
    """Rewrite the JSON file at ``path`` with ``change(data)`` applied."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
