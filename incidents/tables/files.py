"""The tables as files: a Parquet or CSV folder (one file per table) or a DuckDB database.

Every write is atomic. A folder is written to a temporary folder beside the target and
renamed into place; a single file (a DuckDB database, JSON Lines, one CSV) is written to a
temporary file and renamed with :func:`incidents.formats.files.write_bytes`'s rules. An
existing output is refused unless ``force`` is given; then it is replaced in one rename
after the new one is complete.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from incidents.errors import FileError
from incidents.tables._deps import require
from incidents.tables.columns import TABLE_NAMES

_TABLE_NAME = re.compile(r"[a-z_][a-z0-9_]*")

__all__ = [
    "csv_bytes",
    "read_duckdb",
    "read_parquet",
    "replace_file",
    "replace_folder",
    "write_csv",
    "write_duckdb",
    "write_parquet",
]


def _refuse_existing(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise FileError(str(target), "already exists; give force=True (--force) to replace it")


@contextlib.contextmanager
def replace_folder(target: Path, force: bool = False) -> Iterator[Path]:
    """A temporary folder beside ``target`` to write into; renamed to ``target`` on success.

    On failure the temporary folder is removed and ``target`` is left as it was.
    """
    target = Path(target)
    _refuse_existing(target, force)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as error:
        raise FileError(str(target), f"cannot create a folder here: {error.strerror}") from None
    try:
        yield folder
        for path in folder.rglob("*"):  # every file, those of subfolders too
            if path.is_file():
                with path.open("rb") as stream:
                    os.fsync(stream.fileno())
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, old / target.name)
            os.replace(folder, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(folder, target)
    except BaseException as error:
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(error, OSError) and not isinstance(error, FileError):
            raise FileError(str(target), error.strerror or str(error)) from None
        raise


def replace_file(target: Path, write: Callable[[Path], object], force: bool = False) -> None:
    """Write a file with ``write(temporary_path)`` and rename it to ``target`` on success."""
    target = Path(target)
    _refuse_existing(target, force)
    if target.is_dir():
        raise FileError(str(target), "is a folder; give a file name")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise FileError(str(target), f"cannot create a file here: {error.strerror}") from None
    os.close(handle)
    temporary = Path(name)
    try:
        temporary.unlink()  # the writer creates it (DuckDB refuses an empty file)
        write(temporary)
        with temporary.open("rb") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError) and not isinstance(error, FileError):
            raise FileError(str(target), error.strerror or str(error)) from None
        raise


def write_parquet(
    tables: Mapping[str, Any], folder: str | os.PathLike[str], force: bool = False
) -> list[Path]:
    """Write each table to ``folder/<name>.parquet``; the files written."""
    parquet = require("pyarrow.parquet", "Parquet export")
    target = Path(folder)
    with replace_folder(target, force) as temporary:
        for name, table in tables.items():
            parquet.write_table(table, temporary / f"{name}.parquet")
    return [target / f"{name}.parquet" for name in tables]


def read_parquet(folder: str | os.PathLike[str]) -> dict[str, Any]:
    """The tables of a folder :func:`write_parquet` wrote, by name."""
    parquet = require("pyarrow.parquet", "Parquet import")
    source = Path(folder)
    if not source.is_dir():
        raise FileError(str(source), "is not a folder of Parquet files")
    found = {}
    for name in TABLE_NAMES:
        path = source / f"{name}.parquet"
        if not path.exists():
            raise FileError(str(path), "no such file; the folder lacks a table export writes")
        try:
            found[name] = parquet.read_table(path)
        except OSError as error:
            raise FileError(str(path), f"is not a Parquet file: {error}") from None
    return found


def csv_bytes(table: Any) -> bytes:
    """A table as CSV with a header; list columns as JSON arrays."""
    pa = require("pyarrow", "CSV export")
    csv = require("pyarrow.csv", "CSV export")
    columns = {}
    for field in table.schema:
        column = table.column(field.name)
        if pa.types.is_list(field.type):
            texts = [json.dumps(items, ensure_ascii=False) for items in column.to_pylist()]
            column = pa.array(texts, pa.string())
        columns[field.name] = column
    sink = pa.BufferOutputStream()
    csv.write_csv(pa.table(columns), sink)
    data: bytes = sink.getvalue().to_pybytes()
    return data


def write_csv(
    tables: Mapping[str, Any], folder: str | os.PathLike[str], force: bool = False
) -> list[Path]:
    """Write each table to ``folder/<name>.csv`` with a header; the files written."""
    target = Path(folder)
    with replace_folder(target, force) as temporary:
        for name, table in tables.items():
            (temporary / f"{name}.csv").write_bytes(csv_bytes(table))
    return [target / f"{name}.csv" for name in tables]


def write_duckdb(
    tables: Mapping[str, Any], path: str | os.PathLike[str], force: bool = False
) -> list[Path]:
    """Write a DuckDB database file with one table per table; the file written."""
    duckdb = require("duckdb", "DuckDB export")

    def write(temporary: Path) -> None:
        connection = duckdb.connect(str(temporary))
        try:
            for name, table in tables.items():
                if not _TABLE_NAME.fullmatch(name):
                    raise FileError(str(path), f"{name!r} is not a table name (a-z, 0-9, _)")
                connection.register("incoming", table)
                # The name is checked above: letters, digits and underscores only.
                connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')  # noqa: S608
                connection.unregister("incoming")
            connection.execute("CHECKPOINT")
        finally:
            connection.close()

    replace_file(Path(path), write, force)
    return [Path(path)]


def read_duckdb(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The tables of a database :func:`write_duckdb` wrote, as Arrow tables by name."""
    duckdb = require("duckdb", "DuckDB import")
    source = Path(path)
    if not source.is_file():
        raise FileError(str(source), "no such file")
    try:
        connection = duckdb.connect(str(source), read_only=True)
    except duckdb.Error as error:
        raise FileError(str(source), f"is not a DuckDB database: {error}") from None
    try:
        return {
            # Our own table names, not input.
            name: connection.sql(f'SELECT * FROM "{name}"').to_arrow_table()  # noqa: S608
            for name in TABLE_NAMES
        }
    except duckdb.Error as error:
        raise FileError(str(source), f"is not a database export wrote: {error}") from None
    finally:
        connection.close()
