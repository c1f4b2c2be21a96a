"""DuckDB errors reach the client with PostgreSQL's SQLSTATE and wording."""

import duckdb
import pytest

from duckflight.gateway.errors import fragment_error, from_exception, sql_error


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


def test_a_fragment_missing_a_relation_is_a_plan_not_supported_not_a_missing_table():
    found = fragment_error("CatalogException", "Catalog Error: Table with name region does not exist!")
    assert found.sqlstate == "0A000"
    assert 'reads relation "region", which its stage was not given' in found.message
    assert fragment_error("DivisionByZero", "division by zero").sqlstate == "22012"


def test_unknown_kinds_are_internal_errors():
    assert sql_error(None, "something odd").sqlstate == "XX000"


def test_file_errors_name_the_file_with_postgresql_file_sqlstates(tmp_path):
    """PostgreSQL's errcode_for_file_access: missing 58P01; damaged data XX001; malformed CSV 22P04."""
    con = duckdb.connect()
    (tmp_path / "short.parquet").write_bytes(b"PAR1 not really")
    (tmp_path / "bad.csv").write_text("a,b\n1,2\nx,4\n")
    cases = [
        (f"select * from read_parquet('{tmp_path}/short.parquet')", "XX001",
         f'could not read file "{tmp_path}/short.parquet": not a Parquet file, or truncated'),
        (f"select * from read_parquet('{tmp_path}/gone.parquet')", "58P01",
         f'could not open file "{tmp_path}/gone.parquet": No such file or directory'),
        (f"select * from read_csv('{tmp_path}/bad.csv', columns={{'a': 'BIGINT', 'b': 'BIGINT'}}, header=true, "
         f"auto_detect=false)", "22P04", 'malformed CSV data at line 3: Error when converting column "a"'),
    ]
    for sql, sqlstate, message in cases:
        with pytest.raises(duckdb.Error) as raised:
            con.execute(sql).fetchall()
        error = from_exception(raised.value)
        assert (error.sqlstate, error.message[:len(message)]) == (sqlstate, message), sql


def test_worker_names_the_files_of_damaged_data():
    """Thrift's errors name no file: the worker adds the files the fragment read, the gateway says XX001."""
    from duckflight.worker.errors import error_kind, error_message, to_flight_error

    damaged = type("Error", (Exception,), {})("don't know what type: ")
    sent = to_flight_error(damaged, ["/data/t/a.parquet"])
    error = sql_error(error_kind(sent), error_message(sent))
    assert (error.sqlstate, error.message) == (
        "XX001", 'could not read file "/data/t/a.parquet": damaged Parquet data (don\'t know what type:)')
    # A SQL mistake in the same fragment keeps its own SQLSTATE and says nothing of files.
    mistake = type("BinderException", (Exception,), {})('Referenced column "x" not found')
    sent = to_flight_error(mistake, ["/data/t/a.parquet"])
    assert sql_error(error_kind(sent), error_message(sent)).message == 'column "x" does not exist'
