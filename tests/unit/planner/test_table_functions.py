"""DuckDB's table functions in FROM get PostgreSQL's answer (planner/table_functions.py)."""

from __future__ import annotations

import duckdb
import pytest

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner import file_access
from duckflight.gateway.planner.planner import parse
from duckflight.gateway.planner.table_functions import DUCKDB_ONLY, OTHER_ANSWER, SET_RETURNING, table_functions


def test_every_duckdb_table_function_is_judged():
    """A DuckDB upgrade that adds a table function must put it in one of the lists."""
    names = {r[0] for r in duckdb.sql("SELECT DISTINCT function_name FROM duckdb_functions() "
                                      "WHERE function_type = 'table'").fetchall()}
    judged = (SET_RETURNING | DUCKDB_ONLY | set(OTHER_ANSWER) | file_access.FILE_FUNCTIONS
              | file_access.EXTENSION_READERS | file_access.ESCAPES)
    assert sorted(n for n in names - judged if not n.startswith(file_access.INTERNALS)) == []
    assert not DUCKDB_ONLY & SET_RETURNING


@pytest.mark.parametrize("sql, sqlstate", [
    ("select * from range(3)", "42883"),
    ("select * from region join range(2) t on r_regionkey = t.range", "42883"),
    ("select * from summary(t)", "42883"),
    ("select * from json_each('{\"a\": 1}')", "0A000"),
    ("select * from repeat('a', 2)", "0A000"),
    ("select * from t, lateral range(t.x) r", "42883"),
])
def test_refused(sql, sqlstate):
    with pytest.raises(SqlError) as error:
        table_functions(parse(sql))
    assert error.value.sqlstate == sqlstate


@pytest.mark.parametrize("sql", [
    "select * from generate_series(1, 3) g(x)",
    "select * from unnest(array[1, 2]) u",
    "select * from pg_get_keywords()",
    "select range from t",
    "select repeat('a', 2)",
])
def test_postgresql_functions_pass(sql):
    assert table_functions(parse(sql)).sql() == parse(sql).sql()
