"""Admission: max_connections (53300 beyond it, as PostgreSQL answers), a cap on queries
running at once with the others waiting in line (shown by pg_stat_activity), a per-user cap,
and a flood of connections that does not starve the sessions already in."""

from __future__ import annotations

import socket
import threading
import time

import duckdb
import psycopg
import pytest

from inprocess import cluster
from duckflight.gateway.admission import Admission

SLOW = "select count(*) from t where pg_sleep(0.0015) is null"  # about 1.5 s on the workers


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    (root / "t").mkdir()
    duckdb.execute(f"copy (select range as i from range(1000)) to '{root}/t/a.parquet'")
    return root


def _as(url: str, user: str) -> str:
    return url.replace("tester@", f"{user}@")


def _busy(url: str, done: list) -> threading.Thread:
    """SLOW running on a connection of its own, half a second in."""
    thread = _run(url, SLOW, done)
    time.sleep(0.5)
    return thread


def _run(url: str, sql: str, out: list) -> threading.Thread:
    def work():
        with psycopg.connect(url, autocommit=True) as conn:
            out.append((time.monotonic(), conn.execute(sql).fetchall()))
    thread = threading.Thread(target=work)
    thread.start()
    return thread


@pytest.mark.timeout(60)
def test_max_connections(data):
    with cluster(str(data), admission=Admission(max_connections=3)) as (url, _, _):
        inside = [psycopg.connect(url, autocommit=True) for _ in range(3)]
        try:
            with pytest.raises(psycopg.OperationalError) as raised:
                psycopg.connect(url, connect_timeout=10)
            assert "sorry, too many clients already" in str(raised.value)
            assert all(c.execute("select count(*) from t").fetchone() == (1000,) for c in inside)
            assert inside[0].execute("show max_connections").fetchone() == ("3",)
            with pytest.raises(psycopg.errors.CantChangeRuntimeParam):
                inside[0].execute("set max_connections = 10")
            inside.pop().close()
            time.sleep(0.2)
            inside.append(psycopg.connect(url, autocommit=True))  # a slot freed is a slot again
        finally:
            for conn in inside:
                conn.close()


@pytest.mark.timeout(60)
def test_queries_beyond_the_cap_wait_in_line_visibly(data):
    # The watcher is an admin: a reader sees another user's row without its query or state.
    with cluster(str(data), admission=Admission(max_queries=1), admins=frozenset({"watcher"})) as (url, _, _):
        done: list = []
        first = _busy(url, done)
        second = _run(_as(url, "second"), "select count(*) from t", done)
        with psycopg.connect(_as(url, "watcher"), autocommit=True) as watcher:
            def queued():
                return watcher.execute("select usename, state, wait_event_type, wait_event, query "
                                       "from pg_stat_activity where wait_event = 'QueryQueue'").fetchall()
            deadline = time.monotonic() + 5
            while not queued() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert queued() == [("second", "active", "Extension", "QueryQueue", "select count(*) from t")]
            mine = watcher.execute("select state, query from pg_stat_activity where pid = pg_backend_pid()")
            assert mine.fetchall() == [("active", "select state, query from pg_stat_activity "
                                                  "where pid = pg_backend_pid()")]
        first.join(30)
        second.join(30)
        assert [rows for _, rows in done] == [[(1000,)], [(1000,)]]  # the second ran after the first


@pytest.mark.timeout(60)
def test_a_waiting_query_can_be_cancelled_and_times_out(data):
    with cluster(str(data), admission=Admission(max_queries=1)) as (url, _, _):
        done: list = []
        first = _busy(url, done)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("set statement_timeout = '300ms'")
            started = time.monotonic()
            with pytest.raises(psycopg.errors.QueryCanceled, match="statement timeout"):
                conn.execute("select count(*) from t")
            assert time.monotonic() - started < 1.2
        first.join(30)
        assert done[0][1] == [(1000,)]


@pytest.mark.timeout(60)
def test_per_user_cap(data):
    with cluster(str(data), admission=Admission(max_queries_per_user=1)) as (url, _, _):
        done: list = []
        alice = _busy(_as(url, "alice"), done)
        started = time.monotonic()
        bob = _run(_as(url, "bob"), "select count(*) from t", done)  # another user: not held up
        bob.join(10)
        assert done and done[0][0] - started < 1.0
        alice.join(30)


@pytest.mark.timeout(60)
def test_a_connection_flood_does_not_starve_sessions(data):
    with cluster(str(data), admission=Admission(max_connections=5)) as (url, _, _):
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        with psycopg.connect(url, autocommit=True) as mine:
            silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(200)]  # never say a word
            refused = 0
            for _ in range(50):
                try:
                    psycopg.connect(url, connect_timeout=5).close()
                except psycopg.OperationalError as error:
                    refused += "too many clients" in str(error)
            started = time.monotonic()
            assert mine.execute("select count(*) from t").fetchone() == (1000,)
            assert time.monotonic() - started < 2
            for sock in silent:
                sock.close()
        assert refused == 0  # silent sockets hold no session slot; each client got in and left


def test_open_sockets_are_capped_before_any_thread_starts(data):
    """Past MAX_SOCKETS (here 30) a connection gets FATAL 53300 at once, as PostgreSQL's
    "sorry, too many clients already", and no thread; closing the silent sockets lets clients in."""
    with cluster(str(data), admission=Admission(max_connections=5), max_sockets=30) as (url, _, _):
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        threads = threading.active_count()
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(30)]
        try:
            time.sleep(0.5)
            extra = socket.create_connection(("127.0.0.1", port))
            extra.settimeout(5)
            answer = extra.recv(1000)
            assert answer.startswith(b"E") and b"53300" in answer and b"too many clients" in answer
            assert extra.recv(1000) == b""  # and hung up
            with pytest.raises(psycopg.OperationalError, match="too many clients"):
                psycopg.connect(url, connect_timeout=5, sslmode="disable")
            assert threading.active_count() <= threads + 30 + 2
        finally:
            for sock in silent:
                sock.close()
        deadline = time.monotonic() + 10
        while True:
            try:
                with psycopg.connect(url, connect_timeout=5) as conn:
                    assert conn.execute("select count(*) from t").fetchone() == (1000,)
                break
            except psycopg.OperationalError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
