"""COPY TO STDOUT and the other additions to the protocol, byte for byte: the CopyData of
each format as PostgreSQL 15 sends it, ParameterStatus after SET, notices, FETCH tags,
DECLAREd cursors served as portals, and vectorized numeric binary output."""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa

from duckflight.gateway.pgwire import messages as m
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.pgwire.backend import CopyOut, Described, Outcome
from duckflight.gateway.pgwire.copy import CopyEncoder
from duckflight.gateway.pgwire.protocol import CancelRegistry, ProtocolConnection
from duckflight.gateway.pgwire.types import encode_column

import pgwire_fakes as f
from pgwire_fakes import FakeBackend


def copy_bytes(batch: pa.RecordBatch, options: CopyOut) -> bytes:
    enc = CopyEncoder(batch.schema, options)
    body = b"".join(bytes(c) for c in enc.encode(batch))
    return enc.response() + enc.start() + body + enc.finish()


# Captured from PostgreSQL 15: COPY (select 1 as a, null::text as b, E'x\ty' as c) TO STDOUT
def test_copy_text_matches_pg():
    batch = pa.record_batch([pa.array([1], pa.int32()), pa.array([None], pa.string()), pa.array(["x\ty"])],
                            names=["a", "b", "c"])
    assert copy_bytes(batch, CopyOut()) == (
        b"H\x00\x00\x00\x0d\x00\x00\x03\x00\x00\x00\x00\x00\x00" + b"d\x00\x00\x00\x0e1\t\\N\tx\\ty\n")


def test_copy_text_escapes_and_delimiter():
    batch = pa.record_batch([pa.array(["a\\b", "l1\nl2\r", "p|q"])], names=["s"])
    rows = [p for t, p in f.messages(copy_bytes(batch, CopyOut(delimiter="|")))[1:]]
    assert rows == [b"a\\\\b\n", b"l1\\nl2\\r\n", b"p\\|q\n"]


# COPY (select 1 as a, null::text as b, 'x,y' as c, 'q"' as d) TO STDOUT WITH (FORMAT csv, HEADER)
def test_copy_csv_with_header_matches_pg():
    batch = pa.record_batch([pa.array([1], pa.int32()), pa.array([None], pa.string()), pa.array(["x,y"]),
                             pa.array(['q"'])], names=["a", "b", "c", "d"])
    out = f.messages(copy_bytes(batch, CopyOut(format="csv", header=True, delimiter=",", null="")))
    assert out == [("H", b"\x00\x00\x04" + b"\x00\x00" * 4), ("d", b"a,b,c,d\n"), ("d", b'1,,"x,y","q"""\n')]
    empty = pa.record_batch([pa.array([""])], names=["e"])
    assert f.messages(copy_bytes(empty, CopyOut(format="csv", delimiter=",", null="")))[-1] == ("d", b'""\n')


# COPY (select 1 as a, null::text as b) TO STDOUT (FORMAT binary), and the same with no row
def test_copy_binary_matches_pg():
    batch = pa.record_batch([pa.array([1], pa.int32()), pa.array([None], pa.string())], names=["a", "b"])
    header = b"PGCOPY\n\xff\r\n\x00" + b"\x00" * 8
    assert f.messages(copy_bytes(batch, CopyOut(format="binary"))) == [
        ("H", b"\x01\x00\x02\x00\x01\x00\x01"),
        ("d", header + b"\x00\x02\x00\x00\x00\x04\x00\x00\x00\x01\xff\xff\xff\xff"),
        ("d", b"\xff\xff"),
    ]
    assert f.messages(copy_bytes(batch.slice(0, 0), CopyOut(format="binary")))[1:] == [("d", header + b"\xff\xff")]


def test_copy_messages():
    assert m.copy_out_response(False, 2) == b"H\x00\x00\x00\x0b\x00\x00\x02\x00\x00\x00\x00"
    assert m.copy_data(b"x") == b"d\x00\x00\x00\x05x"
    assert m.copy_done() == b"c\x00\x00\x00\x04"


# SELECT 1::numeric(10,2), as PG 15 sends it in binary; and the vectorized path against the per-row one.
def test_numeric_binary_vectorized():
    assert encode_column(pa.array([Decimal("1.00")], pa.decimal128(10, 2)), 1).to_pylist() == [
        b"\x00\x01\x00\x00\x00\x00\x00\x02\x00\x01"]
    values = [Decimal("-123456789.000123"), Decimal("0.000000"), None, Decimal("10000.000001"), Decimal("5E-6")]
    got = encode_column(pa.array(values, pa.decimal128(20, 6)), 1).to_pylist()
    from duckflight.gateway.pgwire.types.numbers import numeric_to_binary
    assert got == [None if v is None else numeric_to_binary(v, 6) for v in values]


# ------------------------------------------------------------------ protocol


class SettingBackend(FakeBackend):
    """SET changes a reported setting; COMMIT warns; FETCH/COPY/DECLARE answer like the session."""

    def __init__(self, startup):
        super().__init__(startup)
        self.zone = "UTC"

    def parameter_status(self):
        return {"server_version": "15.6", "TimeZone": self.zone}

    def execute(self, sql, params):
        word = sql.split()[0].lower()
        if word == "set":
            self.zone = sql.split()[-1]
            return Outcome("SET")
        if word == "commit":
            return Outcome("COMMIT", notices=[SqlError("25P01", "there is no transaction in progress", severity="WARNING")])
        if word == "fetch":
            return Outcome("FETCH", f.TABLE.schema, iter(f.TABLE.to_batches(max_chunksize=2)))
        if word == "copy":
            batch = pa.record_batch([pa.array([1, 2], pa.int64())], names=["n"])
            return Outcome("COPY", batch.schema, iter([batch]), copy=CopyOut())
        return super().execute(sql, params)

    def cursor(self, name):
        return Described([], f.TABLE.schema) if name == "c" else None


def connect():
    conn = ProtocolConnection(SettingBackend, CancelRegistry())
    b"".join(bytes(c) for c in conn.receive(f.startup(user="alice")))
    return conn


def send(conn, data):
    return f.messages(b"".join(bytes(c) for c in conn.receive(data)))


def test_parameter_status_after_set_just_before_ready():
    conn = connect()
    assert send(conn, f.query("set timezone Asia/Tokyo")) == [
        ("C", b"SET\x00"), ("S", b"TimeZone\x00Asia/Tokyo\x00"), ("Z", b"I")]
    assert send(conn, f.query("set timezone Asia/Tokyo")) == [("C", b"SET\x00"), ("Z", b"I")]  # unchanged: not sent


def test_notice_before_command_complete():
    out = send(connect(), f.query("commit"))
    assert [t for t, _ in out] == ["N", "C", "Z"]
    assert f.error_fields(out[0][1]) == {"S": "WARNING", "V": "WARNING", "C": "25P01",
                                         "M": "there is no transaction in progress"}


def test_fetch_tag_counts_rows_and_copy_flow():
    conn = connect()
    assert [(t, p) for t, p in send(conn, f.query("fetch 3 from c")) if t == "C"] == [("C", b"FETCH 3\x00")]
    assert send(conn, f.query("copy (select) to stdout")) == [
        ("H", b"\x00\x00\x01\x00\x00"), ("d", b"1\n"), ("d", b"2\n"), ("c", b""), ("C", b"COPY 2\x00"), ("Z", b"I")]


def test_declared_cursor_is_a_portal():
    conn = connect()
    out = send(conn, f.describe("P", "c") + f.execute("c", 2) + f.execute("c") + f.SYNC)
    assert [t for t, _ in out] == ["T", "D", "D", "s", "D", "C", "Z"]
    assert out[-2] == ("C", b"FETCH 1\x00")
    err = send(conn, f.describe("P", "nosuch") + f.SYNC)
    assert f.error_fields(err[0][1])["C"] == "34000"
