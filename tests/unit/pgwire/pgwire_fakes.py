"""Test helpers for the pgwire unit tests: frontend message builders, a backend-stream
parser, and a fake Backend serving a small Arrow table."""

from __future__ import annotations

import datetime as dt
import decimal
import struct
from typing import Optional

import pyarrow as pa

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.pgwire.backend import Described, Outcome

# ------------------------------------------------------------- frontend messages


def msg(code: bytes, body: bytes = b"") -> bytes:
    return code + struct.pack("!i", len(body) + 4) + body


def cstr(s: str) -> bytes:
    return s.encode() + b"\x00"


def startup(protocol: int = 196608, **params: str) -> bytes:
    body = struct.pack("!i", protocol) + b"".join(cstr(k) + cstr(v) for k, v in params.items()) + b"\x00"
    return struct.pack("!i", len(body) + 4) + body


def ssl_request() -> bytes:
    return struct.pack("!ii", 8, 80877103)


def cancel_request(pid: int, secret: int) -> bytes:
    return struct.pack("!iiii", 16, 80877102, pid, secret)


def query(sql: str) -> bytes:
    return msg(b"Q", cstr(sql))


def parse(sql: str, name: str = "", oids: tuple = ()) -> bytes:
    return msg(b"P", cstr(name) + cstr(sql) + struct.pack("!h", len(oids)) + b"".join(struct.pack("!I", o) for o in oids))


def bind(params: tuple = (), portal: str = "", stmt: str = "", formats: tuple = (), result_formats: tuple = ()) -> bytes:
    body = cstr(portal) + cstr(stmt) + struct.pack("!h", len(formats)) + b"".join(struct.pack("!h", f) for f in formats)
    body += struct.pack("!h", len(params))
    for p in params:
        body += struct.pack("!i", -1) if p is None else struct.pack("!i", len(p)) + p
    body += struct.pack("!h", len(result_formats)) + b"".join(struct.pack("!h", f) for f in result_formats)
    return msg(b"B", body)


def describe(kind: str, name: str = "") -> bytes:
    return msg(b"D", kind.encode() + cstr(name))


def execute(portal: str = "", max_rows: int = 0) -> bytes:
    return msg(b"E", cstr(portal) + struct.pack("!i", max_rows))


def close(kind: str, name: str = "") -> bytes:
    return msg(b"C", kind.encode() + cstr(name))


SYNC, FLUSH, TERMINATE = msg(b"S"), msg(b"H"), msg(b"X")

# ---------------------------------------------------------------- backend stream


def messages(data: bytes) -> list[tuple[str, bytes]]:
    """Split backend output into (type char, payload) pairs; a lone 'N' is SSL's answer."""
    out, pos = [], 0
    if data[:1] == b"N" and (len(data) == 1 or data[1:2] in b"RE"):
        out.append(("N", b""))
        pos = 1
    while pos < len(data):
        code = data[pos : pos + 1].decode()
        (length,) = struct.unpack_from("!i", data, pos + 1)
        out.append((code, data[pos + 5 : pos + 1 + length]))
        pos += 1 + length
    return out


def types_of(data: bytes) -> str:
    return "".join(t for t, _ in messages(data))


def error_fields(payload: bytes) -> dict[str, str]:
    fields = {}
    for part in payload.rstrip(b"\x00").split(b"\x00"):
        fields[part[:1].decode()] = part[1:].decode()
    return fields


def data_row(payload: bytes) -> list[Optional[bytes]]:
    (n,) = struct.unpack_from("!h", payload)
    pos, cells = 2, []
    for _ in range(n):
        (size,) = struct.unpack_from("!i", payload, pos)
        pos += 4
        cells.append(None if size == -1 else payload[pos : pos + size])
        pos += max(size, 0)
    return cells


# ------------------------------------------------------------------ fake backend

TABLE = pa.table(
    {
        "id": pa.array([1, 2, None], pa.int64()),
        "name": ["a", "b c", None],
        "amount": pa.array([decimal.Decimal("1.50"), None, decimal.Decimal("-2.25")], pa.decimal128(10, 2)),
        "day": pa.array([dt.date(2024, 1, 31), None, dt.date(2000, 1, 1)]),
        "f": pa.array([0.1, None, 1e20]),
        "ok": [True, None, False],
    }
)
PARAM_SCHEMA = pa.schema([("p", pa.string())])


class FakeBackend:
    """Answers 'select * from t' with TABLE (in batches of 2 rows), 'select $n...' with
    the repr of the bound values, anything with 'fail' with 42P01, other SQL with SET."""

    def __init__(self, startup: dict, peer=None):
        self.startup = startup
        self.executed: list[str] = []
        self.described: list[str] = []
        self.cancelled = self.closed = False

    def parameter_status(self):
        return {"server_version": "15.6", "duckflight": "yes"}

    def transaction_status(self):
        return b"I"

    def split(self, sql):
        return [s.strip() for s in sql.split(";") if s.strip()]

    def _schema(self, sql):
        if "fail" in sql:
            raise SqlError("42P01", 'relation "nope" does not exist', position=15)
        if not sql.lower().startswith("select"):
            return None
        return PARAM_SCHEMA if "$" in sql else TABLE.schema

    def describe(self, sql, param_oids):
        self.described.append(sql)
        schema = self._schema(sql)
        n = sql.count("$")
        return Described([o or 25 for o in param_oids] + [25] * (n - len(param_oids)), schema)  # text, as PG's select $1

    def execute(self, sql, params):
        self.executed.append(sql)
        schema = self._schema(sql)
        if "boom" in sql:
            raise RuntimeError("boom")
        if schema is None:
            return Outcome("SET")
        if schema is PARAM_SCHEMA:
            batch = pa.record_batch([pa.array([repr([(p.oid, p.value) for p in params])])], schema=PARAM_SCHEMA)
            return Outcome("SELECT", schema, iter([batch]))
        return Outcome("SELECT", schema, iter(TABLE.to_batches(max_chunksize=2)))

    def cancel(self):
        self.cancelled = True

    def close(self):
        self.closed = True
