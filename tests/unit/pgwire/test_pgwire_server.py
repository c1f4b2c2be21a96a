"""One real-client test: psycopg 3 against PgServer over a socket, with a fake Backend."""

from __future__ import annotations

import datetime as dt
import socket
from decimal import Decimal

import psycopg
import pytest

from duckflight.gateway.pgwire.server import PgServer

from pgwire_fakes import FakeBackend

EXPECTED = [
    (1, "a", Decimal("1.50"), dt.date(2024, 1, 31), 0.1, True),
    (2, "b c", None, None, None, None),
    (None, None, Decimal("-2.25"), dt.date(2000, 1, 1), 1e20, False),
]


@pytest.fixture
def server():
    srv = PgServer(("127.0.0.1", 0), FakeBackend)
    srv.serve_in_thread()
    yield srv
    srv.shutdown()


def dsn(srv) -> str:
    return f"host=127.0.0.1 port={srv.port} user=alice dbname=db connect_timeout=5"


def test_psycopg_text_binary_params_and_errors(server):
    with psycopg.connect(dsn(server)) as conn:
        assert conn.info.server_version == 150006
        assert conn.execute("select * from t").fetchall() == EXPECTED
        with conn.cursor(binary=True) as cur:
            assert cur.execute("select * from t").fetchall() == EXPECTED
        (row,) = conn.execute("select %s, %s, %s", [42, "x", dt.date(2024, 1, 1)]).fetchall()
        assert "42" in row[0] and "'x'" in row[0] and "datetime.date(2024, 1, 1)" in row[0]
        with pytest.raises(psycopg.Error) as e:
            conn.execute("select fail")
        assert e.value.sqlstate == "42P01"
        assert conn.execute("select * from t").fetchone() == EXPECTED[0]  # the session lives on


def test_garbage_closes_only_that_connection(server):
    with psycopg.connect(dsn(server)) as conn:
        bad = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        bad.sendall(b"\x00\x00\x00\x02garbage")
        reply = bad.recv(1000)
        assert reply[:1] == b"E" and b"08P01" in reply
        assert bad.recv(1000) == b""  # closed by the server
        bad.close()
        assert conn.execute("select * from t").fetchall() == EXPECTED


def test_shutdown_closes_client_connections():
    srv = PgServer(("127.0.0.1", 0), FakeBackend)
    srv.serve_in_thread()
    conn = psycopg.connect(dsn(srv))
    srv.shutdown()
    with pytest.raises(psycopg.OperationalError):
        conn.execute("select * from t")
    conn.close()
