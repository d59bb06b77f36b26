"""Tables that do not hold a dataset are refused with the table, row and column."""

from __future__ import annotations

import pytest

import incidents
from incidents.errors import TableError

pa = pytest.importorskip("pyarrow")

DATASET = incidents.examples.load("sputnik-azerbaijan-2025")


def _tables() -> dict[str, object]:
    return dict(incidents.tables(DATASET))


def test_a_missing_table_is_named():
    """Without the claims table, from_tables says which table is missing."""
    tables = _tables()
    del tables["claims"]
    with pytest.raises(TableError, match="table 'claims': is missing"):
        incidents.from_tables(tables)


def test_a_missing_column_is_named():
    """A table without one of its columns names the column."""
    tables = _tables()
    tables["measures"] = tables["measures"].drop_columns(["kind"])
    with pytest.raises(TableError, match="table 'measures', column 'kind'"):
        incidents.from_tables(tables)


def test_a_bad_vocabulary_value_names_row_and_column():
    """A kind that is not a MeasureKind is refused at its row."""
    tables = _tables()
    measures = tables["measures"]
    kinds = measures.column("kind").to_pylist()
    kinds[1] = "invade"
    index = measures.schema.get_field_index("kind")
    tables["measures"] = measures.set_column(index, measures.schema.field(index), pa.array(kinds))
    with pytest.raises(TableError, match="row 1, column 'kind': 'invade' is not a MeasureKind"):
        incidents.from_tables(tables)


def test_a_bad_date_is_refused_with_the_reason():
    """An EDTF text the model refuses names the column and says why."""
    tables = _tables()
    incidents_ = tables["incidents"]
    texts = incidents_.column("date_edtf").to_pylist()
    texts[0] = "2025-13-01"
    index = incidents_.schema.get_field_index("date_edtf")
    field = incidents_.schema.field(index)
    tables["incidents"] = incidents_.set_column(index, field, pa.array(texts))
    with pytest.raises(TableError, match="column 'date_edtf': month must be from 1 to 12"):
        incidents.from_tables(tables)


def test_repeated_ids_are_refused():
    """Rows of one table with the same id cannot be told apart, so they are refused."""
    tables = _tables()
    tables["actors"] = pa.concat_tables([tables["actors"], tables["actors"].slice(0, 1)])
    with pytest.raises(TableError, match="repeats the id"):
        incidents.from_tables(tables)
