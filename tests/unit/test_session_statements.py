"""The session's own statements, without a cluster: SET/SHOW/RESET and their transaction
behaviour, cursor statements, COPY options, and parameter type inference (the OIDs are
the ones PostgreSQL 15 reports in ParameterDescription for the same statements)."""

from __future__ import annotations

import pyarrow as pa
import pytest
import sqlglot

from duckflight.gateway.catalog import Catalog, Table
from duckflight.gateway.copy_to import parse_copy
from duckflight.gateway.cursors import Cursor, Fetch, parse_close, parse_declare, parse_fetch
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.infer_parameters import infer_parameters, parameter_oids
from duckflight.gateway.settings import Settings, reset_statement, set_statement, show_statement

CATALOG = Catalog({"t": Table("t", "parquet", [], [
    ("k", "BIGINT"), ("name", "VARCHAR"), ("price", "DECIMAL(15,2)"), ("d", "DATE"), ("ts", "TIMESTAMP"),
    ("f", "DOUBLE"), ("b", "BOOLEAN")])})


@pytest.mark.parametrize("sql,oids", [
    ("select $1", [25]),
    ("select * from t where k = $1 and name like $2 and price > $3 and d between $4 and $5 limit $6 offset $7",
     [20, 25, 1700, 1082, 1082, 20, 20]),
    ("select $1::int, $2 + 1, ts < $3, b = $4, f * $5, $6 || 'x' from t", [23, 23, 1114, 16, 701, 25]),
    ("select * from t where k in ($1, $2) and $3 < -k", [20, 20, 20]),
    ("select $1 + 1.5, 9999999999 + $2, sum(price) > $3, count(*) > $4 from t", [1700, 20, 1700, 20]),
    ("select $1::varchar(3), $2::char, d - $3 > 3, $4 and b from t", [1043, 1042, 1082, 16]),
    ("select power($1, 2), round($2, 1), coalesce($3, 1), nullif($4, k), array[$5, 1.5] from t",
     [701, 1700, 23, 20, 1700]),
])
def test_parameter_types_as_pg_infers_them(sql, oids):
    tree = infer_parameters(sqlglot.parse_one(sql, read="postgres"), CATALOG)
    assert parameter_oids(tree, []) == oids


@pytest.mark.parametrize("sql,sqlstate", [
    ("select $2::int", "42P18"), ("select 1 from t where $1 is null", "42P18"), ("select concat($1, 'x')", "42P18"),
    ("select -$1", "42725"), ("select $1 + $2", "42725"), ("select d + $1 from t", "42725"),
    ("select date_trunc('day', $1)", "42725"),
])
def test_parameters_postgresql_cannot_type(sql, sqlstate):
    with pytest.raises(SqlError) as error:
        parameter_oids(infer_parameters(sqlglot.parse_one(sql, read="postgres"), CATALOG), [])
    assert error.value.sqlstate == sqlstate


def test_declared_parameter_types_win():
    tree = infer_parameters(sqlglot.parse_one("select * from t where k = $1", read="postgres"), CATALOG)
    assert parameter_oids(tree, [23]) == [23]
    assert parameter_oids(tree, [0, 25]) == [20, 25]


def test_set_show_reset_and_canonical_names():
    s = Settings({"user": "ann", "DateStyle": "ISO", "client_encoding": "'utf-8'", "extra_float_digits": "2"})
    assert s.values["DateStyle"] == "ISO, MDY" and s.values["client_encoding"] == "UTF8"
    set_statement(s, "set time zone 'europe/paris'", False)
    assert show_statement(s, "show timezone") == (["TimeZone"], [["Europe/Paris"]])
    set_statement(s, "SET application_name TO 'a b'", False)
    assert s.reported()["application_name"] == "a b"
    reset_statement(s, "reset all")
    assert s.values["TimeZone"] == "UTC" and s.values["extra_float_digits"] == "2"  # back to the startup values
    with pytest.raises(SqlError) as error:
        set_statement(s, "set timezone = 'Mars/Base'", False)
    assert error.value.sqlstate == "22023"
    with pytest.raises(SqlError) as error:
        set_statement(s, "set datestyle = 'German'", False)
    assert error.value.sqlstate == "0A000"
    with pytest.raises(SqlError) as error:
        show_statement(s, "show nosuch")
    assert error.value.sqlstate == "42704"
    with pytest.raises(SqlError) as error:
        set_statement(s, "set server_version = '16'", False)
    assert error.value.sqlstate == "55P02"


def test_settings_follow_transactions_and_savepoints():
    s = Settings({"user": "ann"})
    s.begin()
    set_statement(s, "set timezone = 'Asia/Tokyo'", True)
    s.savepoint("a")
    set_statement(s, "set local search_path = x", True)
    s.rollback_to("a")
    assert s.values["search_path"] == '"$user", public' and s.values["TimeZone"] == "Asia/Tokyo"
    s.rollback()
    assert s.values["TimeZone"] == "UTC"
    s.begin()
    set_statement(s, "set local timezone = 'Asia/Tokyo'", True)
    s.commit()
    assert s.values["TimeZone"] == "UTC"  # SET LOCAL ends with its transaction
    notices = set_statement(s, "set local timezone = 'Asia/Tokyo'", False)
    assert [n.sqlstate for n in notices] == ["25P01"] and s.values["TimeZone"] == "UTC"


def test_cursor_statements():
    assert parse_declare("declare c no scroll cursor without hold for select 1").hold is False
    assert parse_declare("declare c scroll cursor for select 1").scroll is True
    assert parse_declare("declare c cursor for select 1").scroll is False
    with pytest.raises(SqlError) as error:
        parse_declare("declare c scroll no scroll cursor for select 1")
    assert error.value.sqlstate == "42P11"
    assert parse_fetch('FETCH FORWARD 10 FROM "Big"') == ("Big", Fetch("forward", 10))
    assert parse_fetch("fetch from c") == ("c", Fetch("forward", 1))
    assert parse_fetch("fetch prior from c") == ("c", Fetch("backward", 1))
    assert parse_fetch("fetch -2 from c") == ("c", Fetch("forward", -2))
    assert parse_fetch("move backward all in c") == ("c", Fetch("backward", None))
    assert parse_fetch("fetch absolute -2 c") == ("c", Fetch("absolute", -2))
    assert parse_fetch("fetch last from c") == ("c", Fetch("absolute", -1))
    assert parse_close("close all") is None and parse_close("CLOSE c") == "c"


def test_cursor_fetch_slices_the_stream_lazily():
    batches = iter(pa.table({"n": list(range(10))}).to_batches(max_chunksize=4))
    cursor = Cursor("c", pa.schema([("n", pa.int64())]), batches)
    assert [b.num_rows for b in cursor.fetch(Fetch("forward", 3))] == [3]
    assert cursor.move(Fetch("forward", 2)) == 2
    assert [v for b in cursor.fetch(Fetch("forward", None)) for v in b.column(0).to_pylist()] == [5, 6, 7, 8, 9]
    assert list(cursor.fetch(Fetch("forward", 5))) == []
    with pytest.raises(SqlError) as error:
        list(cursor.fetch(Fetch("backward", 1)))
    assert error.value.sqlstate == "55000"


def test_scroll_cursor_moves_as_postgresql():
    """The positions and rows of a session run on PostgreSQL 15 (nation's 25 keys, 0..24)."""
    cursor = Cursor("c", pa.schema([("n", pa.int64())]),
                    iter(pa.table({"n": list(range(25))}).to_batches(max_chunksize=7)), scroll=True)

    def fetch(direction, count):
        return [v for b in cursor.fetch(Fetch(direction, count)) for v in b.column(0).to_pylist()]

    assert fetch("absolute", -1) == [24]
    assert fetch("backward", 3) == [23, 22, 21]
    assert fetch("absolute", -2) == [23]
    assert fetch("relative", -1) == [22]
    assert cursor.move(Fetch("backward", None)) == 22
    assert fetch("forward", 0) == [] and fetch("forward", 0) == []
    assert cursor.move(Fetch("forward", None)) == 25
    assert cursor.move(Fetch("absolute", 3)) == 1
    assert cursor.move(Fetch("absolute", 30)) == 0
    assert fetch("forward", -2) == [24, 23]
    assert fetch("absolute", 1) == [0] and fetch("relative", 0) == [0] and fetch("backward", 1) == []


def test_copy_statement_options():
    query, options = parse_copy("COPY (select 1) TO STDOUT csv header delimiter as ';' null 'N'")
    assert (query, options.format, options.header, options.delimiter, options.null) == ("select 1", "csv", True, ";", "N")
    assert parse_copy("copy (select ')') to stdout (format binary)")[1].format == "binary"
    for sql, sqlstate in [("copy t from stdin", "0A000"), ("copy (select 1) to '/tmp/x'", "42501"),
                          ("copy (select 1) to stdout (format text, header)", "0A000"),
                          ("copy (select 1) to stdout (format xml)", "22023")]:
        with pytest.raises(SqlError) as error:
            parse_copy(sql)
        assert error.value.sqlstate == sqlstate, sql
