"""DuckDB errors reach the client with PostgreSQL's SQLSTATE and wording."""

import duckdb
import pytest

from duckflight.gateway.errors import from_exception, sql_error


def _duckdb_error(sql: str) -> Exception:
    con = duckdb.connect()
    con.execute("create table t (a int)")
    with pytest.raises(duckdb.Error) as error:
        con.execute(sql).fetchall()
    return error.value


@pytest.mark.parametrize("sql,sqlstate,message", [
    ("select * from nosuch", "42P01", 'relation "nosuch" does not exist'),
    ("select nosuch from t", "42703", 'column "nosuch" does not exist'),
    ("selec 1", "42601", None),
    ("select error('division by zero')", "22012", "division by zero"),
    ("select 'abc'::int", "22P02", None),
    ("select 2147483647::int + 1", "22003", None),
    ("select nosuchfn(1)", "42883", "function nosuchfn does not exist"),
])
def test_duckdb_errors_map_to_sqlstates(sql, sqlstate, message):
    error = from_exception(_duckdb_error(sql))
    assert error.sqlstate == sqlstate
    if message:
        assert error.message == message


def test_worker_errors_use_the_kind_they_carry():
    error = sql_error("BinderException", 'Binder Error: Referenced column "x" not found in FROM clause!')
    assert (error.sqlstate, error.message) == ("42703", 'column "x" does not exist')


def test_unknown_kinds_are_internal_errors():
    assert sql_error(None, "something odd").sqlstate == "XX000"
