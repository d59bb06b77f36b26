"""The records as tables: Arrow, Parquet, CSV, DuckDB and pandas; PLOVER, UCDP- and
ACLED-style rows and a CAMEO-coded dyadic table.

:func:`tables` gives one ``pyarrow.Table`` per kind of row (``docs/reference/tables.md``
lists them, generated from the record classes); :func:`from_tables` reads them back into an
equal dataset. Nothing here imports pyarrow, duckdb or pandas until a function needs them;
without them a :class:`~incidents.errors.MissingExtraError` names the extra to install
(``pip install 'incidents[tables]'``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from incidents.model.dataset import Dataset

if TYPE_CHECKING:
    from incidents.tables.columns import TABLE_NAMES

__all__ = ["TABLE_NAMES", "from_tables", "tables", "to_pandas"]


def tables(dataset: Dataset) -> dict[str, Any]:
    """The dataset as named ``pyarrow.Table`` objects, one per name of :data:`TABLE_NAMES`.

    Columns are typed (dates as ``date32``, counts as ``int64``) and documented in each
    field's metadata; ``incidents.tables(ds)["measures"].to_pandas()`` gives a DataFrame.
    """
    from incidents.tables.build import tables as build

    return build(dataset)


def from_tables(source: Mapping[str, Any] | str | os.PathLike[str]) -> Dataset:
    """The dataset the tables were made from, equal to the original.

    ``source`` is a mapping of table names to ``pyarrow.Table`` (as :func:`tables` returns
    it), a folder of Parquet files or a DuckDB database written by ``incidents export``.
    Raises :class:`~incidents.errors.TableError` for tables that do not hold a dataset.
    """
    from incidents.tables.files import read_duckdb, read_parquet
    from incidents.tables.load import from_tables as load

    if isinstance(source, Mapping):
        return load(source)
    path = Path(source)
    return load(read_parquet(path) if path.is_dir() else read_duckdb(path))


def to_pandas(dataset: Dataset) -> dict[str, Any]:
    """The tables of :func:`tables` as ``pandas.DataFrame`` objects (needs pandas)."""
    from incidents.tables._deps import require
    from incidents.tables.build import tables as build

    require("pandas", "incidents.to_pandas")
    return {name: table.to_pandas() for name, table in build(dataset).items()}


def __getattr__(name: str) -> object:
    """``TABLE_NAMES`` loads with the table plan on first use, so ``import incidents`` does
    not pay for it."""
    if name == "TABLE_NAMES":
        from incidents.tables.columns import TABLE_NAMES

        return TABLE_NAMES
    raise AttributeError(f"module 'incidents.tables' has no attribute {name!r}")
