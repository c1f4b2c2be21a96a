"""What the BI-driver tests (test_jdbc.py, test_odbc.py) share: two servers with the same tables.

* ``duckflight_server`` — the in-process cluster of conftest.py (``gateway``) over TPC-H
  at scale factor 0.1;
* ``pg15_server`` — a throwaway PostgreSQL 15 (pg15.py) holding the same tables with the
  types duckflight reports for them (``pg_column_type``) and the same rows: the referee
  for what a driver should see;
* ``WireTap`` — a relay that records what a driver sends, to check how it used the wire.

Test modules import the fixtures they use (``from bi_support import ...``).
"""

from __future__ import annotations

import shutil
import socket
import struct
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import psycopg
import pytest

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.demo import TPCH_TABLES
from pg15 import postgres15


@dataclass
class Server:
    host: str
    port: int
    database: str
    user: str


def pg_column_type(duckdb_type: str) -> str:
    """The PostgreSQL type of a table column that duckflight shows with this DuckDB type.

    Strings are sent as ``text`` (OID 25): Parquet keeps no declared length.
    """
    t = duckdb_type.upper()
    simple = {"BIGINT": "bigint", "INTEGER": "integer", "SMALLINT": "smallint", "DOUBLE": "double precision",
              "REAL": "real", "FLOAT": "real", "BOOLEAN": "boolean", "DATE": "date", "VARCHAR": "text",
              "TIMESTAMP": "timestamp", "TIMESTAMP WITH TIME ZONE": "timestamptz"}
    if t in simple:
        return simple[t]
    if t.startswith("DECIMAL"):
        return "numeric" + t[len("DECIMAL"):]
    raise ValueError(f"no PostgreSQL type for DuckDB type {duckdb_type}")


def server_url(server: Server) -> str:
    return f"postgresql://{server.user}@{server.host}:{server.port}/{server.database}"


def psycopg_result(server: Server, sql: str, binary: bool = False, prepare: bool | None = None):
    """(columns as (name, type OID, modifier), psycopg's (internal size, precision, scale) of
    each, rows) of one query run by psycopg in text or binary."""
    with psycopg.connect(server_url(server), autocommit=True) as conn:
        cursor = conn.cursor(binary=binary)
        cursor.execute(sql, prepare=prepare)
        res = cursor.pgresult
        columns = [(res.fname(i).decode(), res.ftype(i), res.fmod(i)) for i in range(res.nfields)]
        sizes = [(d.internal_size, d.precision, d.scale) for d in cursor.description]
        return columns, sizes, cursor.fetchall()


def sqlstate(server: Server, sql: str) -> str | None:
    """The SQLSTATE a query fails with (None if it does not)."""
    with psycopg.connect(server_url(server), autocommit=True) as conn:
        try:
            conn.execute(sql).fetchall()
        except psycopg.Error as error:
            return error.sqlstate
    return None


@pytest.fixture(scope="session")
def duckflight_server(gateway) -> Server:
    """The session's in-process duckflight cluster (conftest.py) as a Server."""
    port = int(gateway[0].rsplit(":", 1)[1].split("/", 1)[0])
    return Server("127.0.0.1", port, "duckflight", "tester")


@pytest.fixture(scope="session")
def pg15_server(tpch_data):
    """PostgreSQL 15 with the TPC-H tables as duckflight types them, data loaded."""
    # Not under pytest's temporary folder: every pytest run makes /tmp/pytest-of-<user>
    # private again (mode 0700), which would lock the `postgres` user out mid-run
    # whenever another pytest starts on the same machine.
    folder = Path(tempfile.mkdtemp(prefix="duckflight-pg15-tpch-"))
    try:
        with postgres15(folder) as url:
            with psycopg.connect(url, autocommit=True) as pg:
                pg.execute("create database duckflight")
            port = int(url.rsplit(":", 1)[1].split("/", 1)[0])
            _load_tpch(f"postgresql://postgres@127.0.0.1:{port}/duckflight", tpch_data)
            yield Server("127.0.0.1", port, "duckflight", "postgres")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _load_tpch(url: str, folder: Path) -> None:
    load_tables(url, folder, TPCH_TABLES)


def load_tables(url: str, folder: Path, names) -> None:
    """Create the tables ``names`` of duckflight's catalog of ``folder`` in PostgreSQL
    with the types duckflight reports for them, and COPY their rows in (CSV, via DuckDB)."""
    catalog = Catalog.from_folder(folder)
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")  # timestamptz values written with their offset
    with psycopg.connect(url, autocommit=True) as pg:
        for name in names:
            table = catalog.get(name)
            columns = ", ".join(f'"{c}" {pg_column_type(t)}' for c, t in table.columns)
            pg.execute(f'create table "{name}" ({columns})')
            files = ", ".join("'" + f.replace("'", "''") + "'" for f in table.files)
            csv = Path(tempfile.mkdtemp()) / f"{name}.csv"
            con.execute(f"copy (select * from read_parquet([{files}])) to '{csv}' (header false)")
            with pg.cursor().copy(f'copy "{name}" from stdin (format csv)') as copy, open(csv, "rb") as f:
                while chunk := f.read(1 << 20):
                    copy.write(chunk)
            shutil.rmtree(csv.parent)
            pg.execute(f'analyze "{name}"')
    con.close()


class WireTap:
    """A TCP relay in front of a server that records what clients send.

    ``frontend`` collects (type, body) of every message after the startup packet, so
    a test can check what a driver did on the wire (named statements, binary result
    formats, Execute row limits) without a packet capture.
    """

    def __init__(self, target: Server):
        self.target = target
        self.frontend: list[tuple[bytes, bytes]] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def server(self) -> Server:
        return Server("127.0.0.1", self.port, self.target.database, self.target.user)

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection((self.target.host, self.target.port))
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, record: bool) -> None:
        buffer, started = b"", False
        try:
            while data := src.recv(1 << 16):
                dst.sendall(data)
                if not record:
                    continue
                buffer += data
                while True:
                    if not started:  # startup packet, SSLRequest, GSSENCRequest: no type byte
                        if len(buffer) < 4 or len(buffer) < struct.unpack("!i", buffer[:4])[0]:
                            break
                        (length,) = struct.unpack("!i", buffer[:4])
                        started = struct.unpack("!i", buffer[4:8])[0] not in (80877103, 80877104)  # SSL, GSSENC
                        buffer = buffer[length:]
                        continue
                    if len(buffer) < 5 or len(buffer) < 1 + struct.unpack("!i", buffer[1:5])[0]:
                        break
                    length = struct.unpack("!i", buffer[1:5])[0]
                    with self._lock:
                        self.frontend.append((buffer[:1], buffer[5 : 1 + length]))
                    buffer = buffer[1 + length :]
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def binds(self) -> list[tuple[str, list[int]]]:
        """(statement name, result format codes) of every Bind sent."""
        out = []
        for code, body in self.frontend:
            if code != b"B":
                continue
            portal_end = body.index(b"\0")
            stmt_end = body.index(b"\0", portal_end + 1)
            statement = body[portal_end + 1 : stmt_end].decode()
            pos = stmt_end + 1
            (nformats,) = struct.unpack_from("!h", body, pos)
            pos += 2 + 2 * nformats
            (nparams,) = struct.unpack_from("!h", body, pos)
            pos += 2
            for _ in range(nparams):
                (size,) = struct.unpack_from("!i", body, pos)
                pos += 4 + max(size, 0)
            (nresults,) = struct.unpack_from("!h", body, pos)
            results = list(struct.unpack_from(f"!{nresults}h", body, pos + 2))
            out.append((statement, results))
        return out

    def executes(self) -> list[tuple[str, int]]:
        """(portal name, row limit) of every Execute sent."""
        out = []
        for code, body in self.frontend:
            if code == b"E":
                end = body.index(b"\0")
                out.append((body[:end].decode(), struct.unpack_from("!i", body, end + 1)[0]))
        return out

    def statements(self) -> list[str]:
        """The SQL of every simple Query and every Parse sent, in order."""
        out = []
        for code, body in self.frontend:
            if code == b"Q":
                out.append(body.rstrip(b"\0").decode())
            elif code == b"P":
                name_end = body.index(b"\0")
                out.append(body[name_end + 1 : body.index(b"\0", name_end + 1)].decode())
        return out
