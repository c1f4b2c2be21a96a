"""psycopg 3 against the gateway: text and binary results, prepared statements, a named
(server-side) cursor, COPY TO STDOUT, parameters of many types, settings reported back,
errors with SQLSTATE, and cancelling a running query (fragments on workers included)."""

from __future__ import annotations

import datetime as dt
import decimal
import threading
import time

import psycopg
import pytest

ROW_SQL = ("select 1::int2 a, 2::int4 b, 3::int8 c, 1.5::float4 d, 2.5::float8 e, 1.25::numeric(10,2) f, true g,"
           " 'x'::text h, 'ab'::bytea i, date '2024-01-02' j, time '12:34:56.5' k,"
           " timestamp '2024-01-02 03:04:05' l, timestamptz '2024-01-02 03:04:05+00' m,"
           " interval '1 day 2 hours' n, null::text o, -123456789.000123::numeric(20,6) p, 0::numeric(5,2) q")
ROW = (1, 2, 3, 1.5, 2.5, decimal.Decimal("1.25"), True, "x", b"ab", dt.date(2024, 1, 2),
       dt.time(12, 34, 56, 500000), dt.datetime(2024, 1, 2, 3, 4, 5),
       dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc), dt.timedelta(days=1, hours=2), None,
       decimal.Decimal("-123456789.000123"), decimal.Decimal("0.00"))


@pytest.fixture
def conn(dsn):
    with psycopg.connect(dsn, autocommit=True) as connection:
        yield connection


@pytest.mark.parametrize("binary", [False, True])
def test_types_in_text_and_binary(conn, binary):
    cur = conn.cursor(binary=binary)
    cur.execute(ROW_SQL)
    assert cur.fetchone() == ROW
    assert [d.type_code for d in cur.description] == [21, 23, 20, 700, 701, 1700, 16, 25, 17, 1082, 1083, 1114,
                                                       1184, 1186, 25, 1700, 1700]
    cur.execute("select l_orderkey, l_extendedprice, l_shipdate from lineitem where l_orderkey = %s "
                "order by l_linenumber limit 1", (1,))
    assert cur.fetchone() == (1, decimal.Decimal("24386.67"), dt.date(1996, 3, 13))
    assert cur.description[1].precision == 15 and cur.description[1].scale == 2


def test_prepared_statements_past_the_threshold(dsn):
    with psycopg.connect(dsn, autocommit=True, prepare_threshold=0) as conn:
        sql = "select count(*) from orders where o_orderdate < %s and o_orderpriority = %s"
        for _ in range(3):
            assert conn.execute(sql, (dt.date(1995, 1, 1), "1-URGENT")).fetchone() == (13729,)
        assert conn.execute(sql, (dt.date(1993, 1, 1), "1-URGENT"), prepare=True).fetchone()[0] < 13729


def test_parameters_of_many_types(conn):
    values = (1, 2**40, 2.5, decimal.Decimal("1.25"), True, "x", b"ab", dt.date(2024, 1, 2),
              dt.datetime(2024, 1, 2, 3, 4, 5), dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
              dt.timedelta(days=1))
    row = conn.execute("select %s::int2, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s", values).fetchone()
    assert row == values
    assert conn.execute("select count(*) from part where p_name like %s", ("%green%",)).fetchone() == (1075,)


def test_named_cursor_streams_a_large_result(dsn):
    with psycopg.connect(dsn) as conn:
        with conn.cursor(name="big") as cur:
            cur.itersize = 5000
            cur.execute("select l_orderkey, l_partkey from lineitem where l_quantity > %s", (10,))
            assert sum(1 for _ in cur) == 480914
        with conn.cursor(name="small", binary=True) as cur:
            cur.execute("select l_orderkey, l_extendedprice from lineitem order by l_orderkey, l_linenumber limit 10")
            assert cur.fetchmany(2) == [(1, decimal.Decimal("24386.67")), (1, decimal.Decimal("58958.28"))]
            assert len(cur.fetchall()) == 8


def test_copy_to_stdout(conn):
    with conn.cursor() as cur:
        with cur.copy("copy (select n_nationkey, n_name from nation order by 1 limit 2) to stdout") as copy:
            assert list(copy.rows()) == [("0", "ALGERIA"), ("1", "ARGENTINA")]
        with cur.copy("copy (select n_nationkey, n_name from nation order by 1 limit 2) to stdout (format binary)") as copy:
            copy.set_types(["int8", "text"])
            assert list(copy.rows()) == [(0, "ALGERIA"), (1, "ARGENTINA")]
        with cur.copy("copy (select 'a,b' as x, null as y) to stdout with (format csv, header)") as copy:
            assert b"".join(bytes(block) for block in copy) == b'x,y\n"a,b",\n'
    assert cur.rowcount in (1, -1)


def test_set_timezone_is_reported_and_used(conn):
    conn.execute("set timezone to 'America/New_York'")
    assert conn.info.parameter_status("TimeZone") == "America/New_York"
    cur = conn.execute("select timestamptz '2024-01-02 03:04:05+00'")
    value = cur.fetchone()[0]
    assert value.isoformat() == "2024-01-01T22:04:05-05:00"
    conn.execute("reset timezone")
    assert conn.info.parameter_status("TimeZone") == "UTC"


def test_missing_table_is_42p01(conn):
    with pytest.raises(psycopg.errors.UndefinedTable) as error:
        conn.execute("select * from nosuch")
    assert error.value.sqlstate == "42P01"
    assert conn.execute("select 1").fetchone() == (1,)


def test_savepoints_and_failed_transactions(dsn):
    with psycopg.connect(dsn) as conn:
        conn.execute("select 1")
        with pytest.raises(psycopg.errors.DivisionByZero):
            with conn.transaction():
                conn.execute("select 1/0")
        assert conn.info.transaction_status == psycopg.pq.TransactionStatus.INTRANS
        assert conn.execute("select 2").fetchone() == (2,)  # rolled back to psycopg's savepoint
        conn.rollback()


def test_cancel_stops_a_running_query_on_the_workers(process_dsn):
    conn = psycopg.connect(process_dsn, autocommit=True)
    # md5 over long strings in a pushed-down filter: each worker's fragment runs for minutes.
    sql = "select count(*) from lineitem where md5(repeat(l_comment, 2000)) = 'x'"
    assert "WHERE MD5(REPEAT" in "\n".join(r[0] for r in conn.execute("explain " + sql))
    # A cancel that arrives before the query runs is ignored, as PostgreSQL ignores
    # it: keep cancelling (bounded) until the query has stopped.
    stopped = threading.Event()
    sent: list[float] = []

    def cancel_until_stopped():
        for _ in range(60):
            if stopped.wait(0.5):
                return
            sent.append(time.monotonic())
            conn.cancel()

    canceller = threading.Thread(target=cancel_until_stopped, daemon=True)
    canceller.start()
    try:
        with pytest.raises(psycopg.errors.QueryCanceled) as error:
            conn.execute(sql)
    finally:
        stopped.set()
        canceller.join()
    assert sent and time.monotonic() - sent[-1] < 5  # stopped within seconds of the cancel
    assert error.value.sqlstate == "57014"
    assert str(error.value).startswith("canceling statement due to user request")
    assert conn.execute("select count(*) from region").fetchone() == (5,)
    conn.close()
