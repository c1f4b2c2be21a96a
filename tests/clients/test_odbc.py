"""psqlODBC through pyodbc, as ODBC BI tools use it, against duckflight and PostgreSQL 15.

Connections are DSN-less, naming the driver registered by Debian's odbc-postgresql in
odbcinst.ini. psqlODBC either inlines parameters into the SQL text
(UseServerSidePrepare=0) or prepares named statements (``_PLAN0x...``) that it later
drops with a SQL ``DEALLOCATE`` (UseServerSidePrepare=1): both are run. Every answer is
compared with what PostgreSQL 15 answers for the same tables.
"""

from __future__ import annotations

import datetime as dt
import decimal

import pyodbc
import pytest

from bi_support import Server, WireTap, duckflight_server, pg15_server  # noqa: F401

DRIVER = "PostgreSQL Unicode"  # odbc-postgresql's entry in /etc/odbcinst.ini
LINEITEM_COLUMNS = 16


def connect(server: Server, server_side_prepare: int) -> pyodbc.Connection:
    assert DRIVER in pyodbc.drivers(), f"{DRIVER!r} is not in odbcinst.ini (tests/run installs odbc-postgresql)"
    return pyodbc.connect(
        f"Driver={{{DRIVER}}};Server={server.host};Port={server.port};Database={server.database};"
        f"Uid={server.user};Pwd=;UseServerSidePrepare={server_side_prepare}",
        autocommit=True, timeout=10,
    )


@pytest.fixture(scope="module", params=[0, 1], ids=["inline-params", "server-side-prepare"])
def both(request, duckflight_server, pg15_server):
    """(duckflight cursor, PostgreSQL cursor), with the same UseServerSidePrepare."""
    df, pg = connect(duckflight_server, request.param), connect(pg15_server, request.param)
    yield df.cursor(), pg.cursor()
    df.close()
    pg.close()


def rows(cursor) -> list[tuple]:
    return [tuple(row) for row in cursor.fetchall()]


def test_server_says_it_is_postgresql_15(both):
    df, _ = both
    version = df.execute("select version()").fetchone()[0]
    assert version.startswith("PostgreSQL 15"), version


def test_parameters_bind_and_the_answer_matches_postgresql(both):
    df, pg = both
    sql = ("select l_orderkey, l_linenumber, l_extendedprice, l_shipdate, l_comment from lineitem"
           " where l_orderkey = ? and l_linenumber <= ? order by l_linenumber")
    for key, line in [(1, 2), (3, 6), (7, 1)]:
        got = rows(df.execute(sql, key, line))
        assert got == rows(pg.execute(sql, key, line))
        assert len(got) == line
    assert got == [(7, 1, decimal.Decimal("13490.40"), dt.date(1996, 5, 7), "ss pinto beans wake against th")]


def test_parameters_of_date_numeric_and_text_types(both):
    df, pg = both
    sql = ("select count(*), sum(l_extendedprice) from lineitem"
           " where l_shipdate <= ? and l_discount >= ? and l_shipmode = ?")
    for mode in ("AIR", "MAIL", "AIR"):  # a statement run again, and another one between
        args = (dt.date(1995, 6, 17), decimal.Decimal("0.05"), mode)
        got = df.execute(sql, *args).fetchone()
        assert tuple(got) == tuple(pg.execute(sql, *args).fetchone())
        assert got[0] > 0 and isinstance(got[1], decimal.Decimal)


def test_numeric_and_date_columns_arrive_typed_as_postgresql_describes_them(both):
    df, pg = both
    sql = "select l_orderkey, l_linenumber, l_quantity, l_extendedprice, l_shipdate, l_shipmode from lineitem where l_orderkey = 1 order by l_linenumber"
    got = df.execute(sql).fetchall()
    described = [d[:2] + d[4:6] for d in df.description]  # name, Python type, precision, scale
    assert got == pg.execute(sql).fetchall()
    assert described == [d[:2] + d[4:6] for d in pg.description]
    assert [d[1] for d in described] == [int, int, decimal.Decimal, decimal.Decimal, dt.date, str]
    assert (described[3][2], described[3][3]) == (15, 2)
    assert got[0][3] == decimal.Decimal("24386.67") and got[0][4] == dt.date(1996, 3, 13)


def test_missing_table_raises_42P01_and_the_connection_goes_on(both):
    df, _ = both
    with pytest.raises(pyodbc.ProgrammingError) as error:
        df.execute("select * from no_such_table").fetchall()
    assert error.value.args[0] == "42P01"
    assert 'relation "no_such_table" does not exist' in error.value.args[1]
    assert df.execute("select 42").fetchone()[0] == 42


def test_sqltables_lists_the_tables_as_postgresql_does(both):
    df, pg = both
    got = rows(df.tables(schema="public", tableType="TABLE"))
    assert [r[2] for r in got] == ["customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"]
    assert got == rows(pg.tables(schema="public", tableType="TABLE"))
    everything = {r[2] for r in rows(df.tables())}
    assert {"lineitem", "orders"} <= everything


def test_sqlcolumns_types_sizes_and_positions_match_postgresql(both):
    df, pg = both
    got = rows(df.columns(table="lineitem"))
    want = rows(pg.columns(table="lineitem"))
    assert len(got) == LINEITEM_COLUMNS
    # The 18 columns ODBC defines for SQLColumns (psqlODBC adds its own after them,
    # among them the table's OID, which differs between two databases).
    assert [r[:18] for r in got] == [r[:18] for r in want]
    by_name = {r[3]: r for r in got}
    # DATA_TYPE, TYPE_NAME, COLUMN_SIZE, DECIMAL_DIGITS, ORDINAL_POSITION
    assert [by_name["l_extendedprice"][i] for i in (4, 5, 6, 8, 16)] == [pyodbc.SQL_NUMERIC, "numeric", 15, 2, 6]
    assert [by_name["l_shipdate"][i] for i in (4, 5, 16)] == [pyodbc.SQL_TYPE_DATE, "date", 11]
    assert [by_name["l_orderkey"][i] for i in (4, 5, 16)] == [pyodbc.SQL_BIGINT, "int8", 1]


def test_use_declare_fetch_streams_all_of_lineitem_through_a_cursor(duckflight_server, pg15_server):
    # BI tools set UseDeclareFetch=1 for large results: psqlODBC then reads through
    # DECLARE ... CURSOR / FETCH 2000 inside a transaction instead of one big answer.
    def scan(server):
        con = pyodbc.connect(
            f"Driver={{{DRIVER}}};Server={server.host};Port={server.port};Database={server.database};"
            f"Uid={server.user};Pwd=;UseDeclareFetch=1;Fetch=2000", autocommit=False, timeout=10)
        cursor = con.cursor()
        cursor.execute("select l_orderkey, l_quantity from lineitem")
        count, total, batches = 0, decimal.Decimal(0), 0
        while batch := cursor.fetchmany(5000):
            count += len(batch)
            total += sum(row[1] for row in batch)
            batches += 1
        con.commit()
        con.close()
        return count, total, batches

    tap = WireTap(duckflight_server)
    try:
        assert scan(tap.server()) == scan(pg15_server) == (600572, decimal.Decimal("15334802.00"), 121)
    finally:
        tap.close()
    sent = [sql.lower() for sql in tap.statements()]
    # 'BEGIN;declare "SQL_CUR0x.." cursor with hold for select ...;fetch 2000 in "SQL_CUR0x.."', then
    # one 'fetch 2000 in ...' each until a short batch: 600572 rows = 300 full batches + 572.
    assert any("declare" in sql and "cursor" in sql and "lineitem" in sql for sql in sent), sent
    assert sum(sql.count("fetch 2000 in") for sql in sent) == 301, sent[-5:]
