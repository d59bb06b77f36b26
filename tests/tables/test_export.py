"""export: every format writes its target and says what it wrote."""

from __future__ import annotations

import pytest

import incidents
from incidents.errors import ArgumentError, FileError
from incidents.tables.export import EXPORT_FORMATS, export

pytest.importorskip("pyarrow")
pytest.importorskip("duckdb")

DATASET = incidents.examples.load("sputnik-azerbaijan-2025")
TARGETS = {"parquet": "t", "csv": "c", "duckdb": "d.duckdb", "plover": "p.jsonl"}


@pytest.mark.parametrize("format_", list(EXPORT_FORMATS))
def test_every_format_writes_once_and_refuses_twice(tmp_path, format_):
    """The first export writes; a second is refused unless forced."""
    target = tmp_path / TARGETS.get(format_, f"{format_}.csv")
    message = export(DATASET, format_, target)
    assert str(target) in message
    assert target.exists()
    with pytest.raises(FileError, match="already exists"):
        export(DATASET, format_, target)
    export(DATASET, format_, target, force=True)
    assert [target.name] == [p.name for p in tmp_path.iterdir()]


def test_an_unknown_format_is_an_argument_error(tmp_path):
    """A format that is not one of EXPORT_FORMATS names the known ones."""
    with pytest.raises(ArgumentError, match="use one of parquet"):
        export(DATASET, "xlsx", tmp_path / "x")  # type: ignore[arg-type]
