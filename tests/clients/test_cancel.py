"""A CancelRequest ends the statement the server is working on, and does nothing while it is idle.

PostgreSQL 15 ignores a cancel that arrives while the backend waits for the client (between
statements, or between a Parse and a Bind sent later), and ends with 57014 the statement
it is processing, whether planning, describing or executing. The races are made
deterministic, without sleeps: a raw protocol client sends the CancelRequest and waits
until the server hangs up the cancel connection, which it does once the cancel is
recorded; on duckflight it does so from inside the gateway (a wrapped planning step),
on PostgreSQL once pg_stat_activity shows the statement running. PostgreSQL 15
(tests/clients/pg15.py) is the referee for the idle cases.
"""

from __future__ import annotations

import shutil
import socket
import struct
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import pytest

from duckflight.gateway.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit" / "pgwire"))
import pgwire_fakes as f  # noqa: E402
from pg15 import postgres15  # noqa: E402

QUERY = "select count(*) from nation"


class RawClient:
    """The frontend side of the protocol, message by message, with the cancel key at hand."""

    def __init__(self, url: str):
        parts = urlparse(url)
        self.address = (parts.hostname, parts.port)
        self.sock = socket.create_connection(self.address, timeout=30)
        self.buffer = b""
        self.sock.sendall(f.startup(user=parts.username, database=parts.path.lstrip("/")))
        key = [body for kind, body in self.until_ready() if kind == "K"]
        self.pid, self.secret = struct.unpack("!ii", key[0])

    def cancel(self) -> None:
        """Send a CancelRequest; return once the server has handled it (it then hangs up)."""
        with socket.create_connection(self.address, timeout=30) as other:
            other.sendall(f.cancel_request(self.pid, self.secret))
            assert other.recv(1) == b""

    def run(self, data: bytes) -> list[tuple[str, bytes]]:
        self.sock.sendall(data)
        return self.until_ready()

    def until_ready(self) -> list[tuple[str, bytes]]:
        """Messages up to and including the next ReadyForQuery."""
        out = []
        while not out or out[-1][0] != "Z":
            while len(self.buffer) < 5 or len(self.buffer) < 1 + struct.unpack_from("!i", self.buffer, 1)[0]:
                chunk = self.sock.recv(65536)
                assert chunk, "the server closed the connection"
                self.buffer += chunk
            size = 1 + struct.unpack_from("!i", self.buffer, 1)[0]
            out.append((self.buffer[:1].decode(), self.buffer[5:size]))
            self.buffer = self.buffer[size:]
        return out

    def close(self) -> None:
        self.sock.sendall(f.TERMINATE)
        self.sock.close()


def kinds(messages) -> str:
    return "".join(kind for kind, _ in messages)


def sqlstate(messages) -> str | None:
    errors = [f.error_fields(body)["C"] for kind, body in messages if kind == "E"]
    return errors[0] if errors else None


def extended(sql: str) -> bytes:
    return f.parse(sql) + f.bind() + f.describe("P") + f.execute() + f.SYNC


@pytest.fixture(scope="module")
def postgres():
    # Not under pytest's temporary folder, which another pytest run makes private (see bi_support.py).
    folder = Path(tempfile.mkdtemp(prefix="duckflight-pg15-cancel-"))
    try:
        with postgres15(folder) as url:
            with psycopg.connect(url, autocommit=True) as pg:
                pg.execute("create table nation (n_nationkey int)")
                pg.execute("insert into nation select generate_series(0, 24)")
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["duckflight", "postgres"])
def server(request, gateway):
    """The URL of duckflight, then of PostgreSQL 15: the idle cases must behave alike."""
    return gateway[0] if request.param == "duckflight" else request.getfixturevalue("postgres")


@pytest.fixture
def client(server):
    raw = RawClient(server)
    yield raw
    raw.close()


def test_cancel_while_idle_does_nothing(client):
    client.cancel()
    out = client.run(f.query(QUERY))
    assert kinds(out) == "TDCZ" and f.data_row(out[1][1]) == [b"25"]


def test_cancel_between_parse_and_bind_while_idle_does_nothing(client):
    assert kinds(client.run(f.parse(QUERY) + f.SYNC)) == "1Z"
    client.cancel()
    out = client.run(f.bind() + f.describe("P") + f.execute() + f.SYNC)
    assert kinds(out) == "2TDCZ" and f.data_row(out[2][1]) == [b"25"]


def test_cancel_while_executing_on_postgres(postgres):
    """The referee: a cancel during a statement ends it with 57014; the session goes on."""
    client = RawClient(postgres)
    with psycopg.connect(postgres, autocommit=True) as watcher:
        client.sock.sendall(f.query("select pg_sleep(60)"))
        while not watcher.execute("select 1 from pg_stat_activity where pid = %s and state = 'active'",
                                  (client.pid,)).fetchone():
            time.sleep(0.01)  # until the backend runs the statement
        client.cancel()
        out = client.until_ready()
    assert sqlstate(out) == "57014"
    assert kinds(client.run(f.query(QUERY))) == "TDCZ"
    client.close()


@pytest.fixture
def duckflight(gateway):
    raw = RawClient(gateway[0])
    yield raw, gateway[1]
    raw.close()


def cancel_once(client: RawClient, step):
    """``step`` wrapped: the first call delivers a cancel, then does the step's work."""
    calls = []

    def wrapped(*args, **kwargs):
        if not calls:
            calls.append(1)
            client.cancel()
        return step(*args, **kwargs)
    return wrapped


@pytest.mark.parametrize("message", ["simple", "extended"])
def test_cancel_while_planning_ends_the_statement(duckflight, monkeypatch, message):
    client, engine = duckflight
    monkeypatch.setattr(engine, "plan", cancel_once(client, engine.plan))
    sql = f"{QUERY} where n_nationkey < 10"  # not planned before: planning happens now
    out = client.run(f.query(sql) if message == "simple" else extended(sql))
    assert sqlstate(out) == "57014"
    assert kinds(out) == "EZ"  # planned at Parse (as PostgreSQL analyses a statement there): the rest is skipped
    out = client.run(extended(sql))
    assert kinds(out) == "12TDCZ" and f.data_row(out[3][1]) == [b"10"]


def test_cancel_while_describing_ends_the_statement(duckflight, monkeypatch):
    client, engine = duckflight
    monkeypatch.setattr(engine, "schema", cancel_once(client, engine.schema))
    out = client.run(extended(f"{QUERY} where n_nationkey > 20"))
    assert kinds(out) == "EZ" and sqlstate(out) == "57014"  # described at Parse


def test_cancel_between_describe_and_execute_ends_the_statement(duckflight, monkeypatch):
    """Sent in one go, Describe and Execute are one piece of work: a cancel between them counts."""
    client, _ = duckflight
    monkeypatch.setattr(Session, "execute", cancel_once(client, Session.execute))
    out = client.run(extended(f"{QUERY} where n_nationkey > 15"))
    assert kinds(out) == "12TEZ" and sqlstate(out) == "57014"
    out = client.run(extended(f"{QUERY} where n_nationkey > 15"))
    assert kinds(out) == "12TDCZ" and f.data_row(out[3][1]) == [b"9"]


def test_cancel_of_a_catalog_query_while_it_runs(duckflight, monkeypatch):
    client, engine = duckflight
    monkeypatch.setattr(engine.system, "run", cancel_once(client, engine.system.run))
    out = client.run(f.query("select count(*) from pg_class"))
    assert sqlstate(out) == "57014"
    assert kinds(client.run(f.query("select count(*) > 0 from pg_class"))) == "TDCZ"
