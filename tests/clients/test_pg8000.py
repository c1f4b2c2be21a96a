"""pg8000, pure Python, in its native and DB-API interfaces."""

from __future__ import annotations

import datetime as dt
import decimal
from urllib.parse import urlparse

import pg8000.dbapi
import pg8000.native
import pytest


@pytest.fixture
def where(dsn):
    url = urlparse(dsn)
    return dict(user=url.username, host=url.hostname, port=url.port, database="duckflight")


def test_native_queries_and_types(where):
    conn = pg8000.native.Connection(**where)
    try:
        assert conn.run("select n_name from nation where n_nationkey = :k", k=3) == [["CANADA"]]
        assert conn.columns[0]["type_oid"] == 25
        count = conn.run("select count(*) from lineitem where l_shipdate < :d and l_discount > :x",
                         d=dt.date(1995, 1, 1), x=decimal.Decimal("0.05"))
        assert count == [[117292]]
        row = conn.run("select 1.5::numeric(4,2), date '2024-01-02', true, 7::int2")[0]
        assert row == [decimal.Decimal("1.50"), dt.date(2024, 1, 2), True, 7]
    finally:
        conn.close()


def test_native_prepared_statement(where):
    conn = pg8000.native.Connection(**where)
    try:
        statement = conn.prepare("select count(*) from orders where o_custkey = :c")
        assert [statement.run(c=c) for c in (1, 2, 1)] == [[[9]], [[11]], [[9]]]
        statement.close()
    finally:
        conn.close()


def test_dbapi_cursor_and_errors(where):
    conn = pg8000.dbapi.connect(**where)
    try:
        cur = conn.cursor()
        cur.execute("select r_name from region where r_regionkey < %s order by 1", (2,))
        assert cur.fetchall() == (["AFRICA"], ["AMERICA"])
        with pytest.raises(pg8000.dbapi.DatabaseError) as error:
            cur.execute("select * from nosuch")
        assert error.value.args[0]["C"] == "42P01"
        conn.rollback()
        cur.execute("select count(*) from region")
        assert cur.fetchone() == [5]
    finally:
        conn.close()
