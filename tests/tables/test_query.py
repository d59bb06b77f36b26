"""SQL over the tables: answers, one-line errors, and no access to anything else."""

from __future__ import annotations

import json

import pytest

import incidents
from incidents.errors import QueryError
from incidents.tables.query import format_result, query

pytest.importorskip("duckdb")

TABLES = incidents.tables(incidents.examples.load("russia-azerbaijan-2025"))


def test_a_group_by_counts_the_measures():
    """Measures per kind sum to the number of measures."""
    result = query(TABLES, "SELECT kind, count(*) AS n FROM measures GROUP BY kind")
    assert 26 == sum(result.column("n").to_pylist())


def test_bad_sql_is_one_line():
    """A syntax error is a QueryError whose message is one line."""
    with pytest.raises(QueryError) as caught:
        query(TABLES, "SELEC kind FROM measures")
    assert "\n" not in str(caught.value)
    assert "syntax error" in str(caught.value)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "COPY measures TO '/tmp/leak.csv'",
        "INSTALL httpfs",
        "SET enable_external_access = true",
    ],
)
def test_queries_cannot_reach_files_extensions_or_settings(sql):
    """Reading or writing files, installing extensions and changing settings are refused."""
    with pytest.raises(QueryError):
        query(TABLES, sql)


def test_results_print_as_table_csv_and_json():
    """The text table aligns numbers right; CSV has a header; JSON is a list of objects."""
    result = query(TABLES, "SELECT 'a' AS x, 10 AS n UNION ALL SELECT 'bb', 2 ORDER BY n")
    assert "x    n\n--  --\nbb   2\na   10\n(2 rows)\n" == format_result(result)
    assert '"x","n"\n"bb",2\n"a",10\n' == format_result(result, "csv")
    assert [{"x": "bb", "n": 2}, {"x": "a", "n": 10}] == json.loads(format_result(result, "json"))
