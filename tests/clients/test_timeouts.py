"""statement_timeout, idle_in_transaction_session_timeout and idle_session_timeout as
PostgreSQL 15 honours them, compared with a real PostgreSQL 15 holding the same tables.

A statement that outlasts statement_timeout fails with 57014 "canceling statement due to
statement timeout" wherever its time goes (a pg_sleep in the gateway's DuckDB, a join
whose fragments run on the workers), within a small margin, and the session goes on. A
session idle too long ends with FATAL 25P03 or 57P05, which the client reads next time.
"""

from __future__ import annotations

import time

import psycopg
import pytest

from bi_support import duckflight_server, pg15_server  # noqa: F401

# Long on both servers: a self-join of lineitem on a non-key column.
LONG_JOIN = ("select count(*) from lineitem a join lineitem b on a.l_partkey = b.l_partkey "
             "where md5(a.l_comment || b.l_comment) < '0001'")


def url(server) -> str:
    return f"postgresql://{server.user}@{server.host}:{server.port}/{server.database}"


@pytest.fixture(params=["duckflight", "postgres"])
def server(request, duckflight_server, pg15_server):  # noqa: F811
    return duckflight_server if request.param == "duckflight" else pg15_server


def _timed_out(conn, sql: str) -> float:
    started = time.monotonic()
    with pytest.raises(psycopg.errors.QueryCanceled) as raised:
        conn.execute(sql).fetchall()
    assert raised.value.diag.message_primary == "canceling statement due to statement timeout"
    assert raised.value.sqlstate == "57014"
    return time.monotonic() - started


@pytest.mark.timeout(120)
@pytest.mark.parametrize("sql", ["select pg_sleep(5)", LONG_JOIN], ids=["pg_sleep", "long join"])
def test_statement_timeout(server, sql):
    with psycopg.connect(url(server), autocommit=True) as conn:
        conn.execute("set statement_timeout = '700ms'")
        assert conn.execute("show statement_timeout").fetchone() == ("700ms",)
        elapsed = _timed_out(conn, sql)
        assert 0.6 < elapsed < 3, elapsed
        assert conn.execute("select count(*) from nation").fetchone() == (25,)  # the session goes on


@pytest.mark.timeout(120)
def test_statement_timeout_in_a_transaction_block_and_from_options(server):
    with psycopg.connect(url(server), options="-c statement_timeout=500") as conn:
        assert conn.execute("show statement_timeout").fetchone() == ("500ms",)
        _timed_out(conn, "select pg_sleep(3)")
        with pytest.raises(psycopg.errors.InFailedSqlTransaction):
            conn.execute("select 1")
        conn.rollback()
        conn.execute("set statement_timeout = 0")
        assert conn.execute("select pg_sleep(0.7), 1").fetchone()[1] == 1


@pytest.mark.parametrize("value, shown", [("1500", "1500ms"), ("2s", "2s"), ("1.5min", "90s"), ("120min", "2h"),
                                          ("0", "0")])
def test_time_settings_are_shown_as_postgresql_shows_them(server, value, shown):
    with psycopg.connect(url(server), autocommit=True) as conn:
        conn.execute(f"set statement_timeout = '{value}'")
        assert conn.execute("show statement_timeout").fetchone() == (shown,)


def test_a_bad_time_setting_is_refused_like_postgresql(server):
    with psycopg.connect(url(server), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InvalidParameterValue) as raised:
            conn.execute("set statement_timeout = '1 fortnight'")
        assert raised.value.diag.message_primary == 'invalid value for parameter "statement_timeout": "1 fortnight"'


@pytest.mark.timeout(60)
@pytest.mark.parametrize("setting, in_block, sqlstate, message", [
    ("idle_session_timeout", False, "57P05", "terminating connection due to idle-session timeout"),
    ("idle_in_transaction_session_timeout", True, "25P03",
     "terminating connection due to idle-in-transaction timeout"),
])
def test_idle_timeouts_end_the_session(server, setting, in_block, sqlstate, message):
    conn = psycopg.connect(url(server), autocommit=not in_block)
    try:
        conn.execute(f"set {setting} = '400ms'")
        if not in_block:
            conn.execute("select 1")
        time.sleep(1.2)
        with pytest.raises(psycopg.Error) as raised:
            conn.execute("select 1")
        assert message in str(raised.value)
        assert raised.value.sqlstate in (sqlstate, None)  # None: libpq read it as the connection's end
        assert conn.closed
    finally:
        conn.close()
    # the other session is not touched; a new one starts without the setting
    with psycopg.connect(url(server), autocommit=True) as other:
        assert other.execute(f"show {setting}").fetchone() == ("0",)
