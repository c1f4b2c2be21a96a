"""The DataRow encoder and the ProtocolConnection state machine, driven with frontend
bytes and a fake Backend (no sockets)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from duckflight.gateway.pgwire import encoder
from duckflight.gateway.pgwire.protocol import CancelRegistry, ProtocolConnection, State

import pgwire_fakes as f
from pgwire_fakes import FakeBackend


# ------------------------------------------------------------------------ encoder


def test_data_row_bytes_with_null():
    batch = pa.record_batch([pa.array([1], pa.int32()), pa.array([None], pa.string())], names=["a", "b"])
    assert encoder.encode_batch(batch) == b"D\x00\x00\x00\x0f\x00\x02\x00\x00\x00\x011\xff\xff\xff\xff"
    assert encoder.encode_batch(batch, [1]) == b"D\x00\x00\x00\x12\x00\x02\x00\x00\x00\x04\x00\x00\x00\x01\xff\xff\xff\xff"


def test_encoder_many_rows_and_chunks(monkeypatch):
    monkeypatch.setattr(encoder, "CHUNK_ROWS", 7)
    batch = pa.record_batch([pa.array(range(20)), pa.array([None if i % 3 else f"s{i}" for i in range(20)])], names=["a", "b"])
    rows = [f.data_row(p) for t, p in f.messages(encoder.encode_batch(batch.slice(1)))]
    assert rows == [[str(i).encode(), None if i % 3 else f"s{i}".encode()] for i in range(1, 20)]


def test_result_formats():
    assert encoder.result_formats([], 3) == [0, 0, 0]
    assert encoder.result_formats([1], 2) == [1, 1]
    assert encoder.result_formats([0, 1], 2) == [0, 1]
    with pytest.raises(Exception):
        encoder.result_formats([0, 1], 3)


# ------------------------------------------------------------------ state machine


def connect(**startup):
    backends = []

    def factory(params):
        backends.append(FakeBackend(params))
        return backends[-1]

    conn = ProtocolConnection(factory, CancelRegistry())
    out = send(conn, f.startup(**(startup or {"user": "alice"})))
    return conn, backends, out


def send(conn, data: bytes) -> bytes:
    return b"".join(bytes(c) for c in conn.receive(data))


def test_ssl_request_then_startup():
    conn = ProtocolConnection(FakeBackend, CancelRegistry())
    assert send(conn, f.ssl_request()) == b"N"
    out = f.messages(send(conn, f.startup(user="alice", application_name="app")))
    assert [t for t, _ in out] == ["R"] + ["S"] * 14 + ["K", "Z"]
    status = dict(p.rstrip(b"\x00").decode().split("\x00") for t, p in out if t == "S")
    assert status["server_version"] == "15.6" and status["application_name"] == "app"
    assert status["session_authorization"] == "alice" and status["duckflight"] == "yes"
    assert status["DateStyle"] == "ISO, MDY" and status["integer_datetimes"] == "on"
    assert out[-1] == ("Z", b"I") and conn.backend.startup == {"user": "alice", "application_name": "app", "database": "alice"}


def test_missing_user_and_refused_session():
    conn = ProtocolConnection(FakeBackend, CancelRegistry())
    out = f.messages(send(conn, f.startup(database="d")))
    assert out[0][0] == "E" and f.error_fields(out[0][1])["C"] == "28000" and conn.closed

    def refuse(params):
        raise f.SqlError("3D000", 'database "d" does not exist')

    conn = ProtocolConnection(refuse, CancelRegistry())
    out = f.messages(send(conn, f.startup(user="u", database="d")))
    assert [t for t, _ in out] == ["E"] and f.error_fields(out[0][1])["C"] == "3D000" and conn.closed


def test_protocol_3_1_and_pq_options_are_negotiated():
    conn = ProtocolConnection(FakeBackend, CancelRegistry())
    out = f.messages(send(conn, f.startup(196609, user="u", **{"_pq_.opt": "x"})))
    assert out[0] == ("v", b"\x00\x00\x00\x00\x00\x00\x00\x01_pq_.opt\x00") and out[-1][0] == "Z"


def test_simple_query_two_statements():
    conn, backends, _ = connect()
    out = f.messages(send(conn, f.query("select * from t; set x = 1")))
    assert "".join(t for t, _ in out) == "TDDDCCZ"
    rows = [f.data_row(p) for t, p in out if t == "D"]
    assert rows[0] == [b"1", b"a", b"1.50", b"2024-01-31", b"0.1", b"t"]
    assert rows[1] == [b"2", b"b c", None, None, None, None]
    assert [p for t, p in out if t == "C"] == [b"SELECT 3\x00", b"SET\x00"]


def test_empty_query():
    conn, _, _ = connect()
    assert f.types_of(send(conn, f.query("  "))) == "IZ"


def test_error_skips_remaining_statements():
    conn, backends, _ = connect()
    out = f.messages(send(conn, f.query("set a = 1; select fail; set b = 2")))
    assert "".join(t for t, _ in out) == "CEZ"
    fields = f.error_fields(out[1][1])
    assert fields["C"] == "42P01" and fields["S"] == fields["V"] == "ERROR" and fields["P"] == "15"
    assert backends[0].executed == ["set a = 1", "select fail"]
    # unexpected exceptions become XX000 and the session lives on
    out = f.messages(send(conn, f.query("select boom")))
    assert f.error_fields(out[0][1])["C"] == "XX000" and out[-1][0] == "Z"
    assert f.types_of(send(conn, f.query("set c = 3"))) == "CZ"


def test_extended_with_max_rows_suspends_and_resumes():
    conn, backends, _ = connect()
    out = send(conn, f.parse("select * from t") + f.bind() + f.describe("P") + f.execute("", 2) + f.SYNC)
    # the portal ends with the Sync, so resuming needs it to stay open: use a Flush instead
    assert f.types_of(out) == "12TDDsZ"
    out = send(conn, f.parse("select * from t") + f.bind(result_formats=(1,)) + f.execute("", 2) + f.FLUSH)
    assert f.types_of(out) == "12DDs"
    out = f.messages(send(conn, f.execute("", 2) + f.FLUSH))
    assert "".join(t for t, _ in out) == "DC" and out[-1][1] == b"SELECT 1\x00"
    assert f.data_row(out[0][1])[0] is None  # row 3, id NULL, sent in binary
    out = f.messages(send(conn, f.execute("") + f.SYNC))
    assert out == [("C", b"SELECT 0\x00"), ("Z", b"I")]
    # Each parsed statement is described once, at its Parse (its parameters' types), never executed.
    assert backends[0].described == ["select * from t", "select * from t"]
    assert len(backends[0].executed) == 2


def test_describe_statement_and_params():
    conn, backends, _ = connect()
    out = f.messages(send(conn, f.parse("select $1, $2", "s", (23,)) + f.describe("S", "s") + f.SYNC))
    assert "".join(t for t, _ in out) == "1tTZ"
    assert out[1][1] == b"\x00\x02\x00\x00\x00\x17\x00\x00\x00\x19"  # int4 as declared, text inferred
    out = f.messages(send(conn, f.bind((b"\x00\x00\x00\x07", b"8"), stmt="s", formats=(1, 0)) + f.execute() + f.SYNC))
    assert "".join(t for t, _ in out) == "2DCZ"
    assert f.data_row(out[1][1]) == [b"[(23, 7), (25, '8')]"]  # each value read as its parameter's type
    out = f.messages(send(conn, f.parse("set x = 1") + f.describe("S") + f.bind() + f.describe("P") + f.execute() + f.SYNC))
    assert "".join(t for t, _ in out) == "1tn2nCZ"


def test_error_in_extended_mode_discards_until_sync():
    conn, backends, _ = connect()
    data = (f.parse("select fail") + f.bind() + f.execute() + f.parse("set y = 1") + f.bind() + f.execute() + f.SYNC
            + f.parse("set z = 1") + f.bind() + f.execute() + f.SYNC)
    out = f.messages(send(conn, data))
    # Parse fails (it describes the statement, as PostgreSQL analyses it at Parse), and the
    # rest up to Sync is skipped
    assert "".join(t for t, _ in out) == "EZ" + "12CZ"
    assert backends[0].executed == ["set z = 1"]
    assert conn.state is State.READY


def test_statement_rules():
    conn, _, _ = connect()
    out = f.messages(send(conn, f.parse("set a = 1", "s") + f.parse("set a = 1", "s") + f.SYNC))
    assert "".join(t for t, _ in out) == "1EZ" and f.error_fields(out[1][1])["C"] == "42P05"
    out = f.messages(send(conn, f.parse("set a = 1") + f.parse("set b = 1") + f.close("S", "s") + f.close("P", "nope")
                          + f.bind(stmt="s") + f.SYNC))
    assert "".join(t for t, _ in out) == "1133EZ" and f.error_fields(out[4][1])["C"] == "26000"
    out = f.messages(send(conn, f.parse("select $1", "p1", (23,)) + f.bind(stmt="p1") + f.SYNC))
    assert "".join(t for t, _ in out) == "1EZ" and f.error_fields(out[1][1])["C"] == "08P01"


def test_pipelining_many_statements_before_sync():
    conn, backends, _ = connect()
    data = b"".join(f.parse("select * from t") + f.bind() + f.execute() for _ in range(3)) + f.SYNC
    assert f.types_of(send(conn, data)) == "12DDDC" * 3 + "Z"


def test_binary_refused_for_types_without_encoder():
    structs = pa.table({"s": pa.array([{"a": 1}])})  # json: text only

    class Structs(FakeBackend):
        def describe(self, sql, oids):
            return f.Described([], structs.schema)

        def execute(self, sql, params):
            return f.Outcome("SELECT", structs.schema, iter(structs.to_batches()))

    conn = ProtocolConnection(Structs, CancelRegistry())
    send(conn, f.startup(user="u"))
    out = f.messages(send(conn, f.parse("select s") + f.bind(result_formats=(1,)) + f.describe("P") + f.execute() + f.SYNC))
    assert "".join(t for t, _ in out) == "12EZ" and f.error_fields(out[2][1])["C"] == "0A000"
    out = f.messages(send(conn, f.parse("select s") + f.bind() + f.execute() + f.SYNC))
    assert "".join(t for t, _ in out) == "12DCZ" and f.data_row(out[2][1]) == [b'{"a":1}']


def test_malformed_message_closes_connection():
    conn, backends, _ = connect()
    out = f.messages(send(conn, f.msg(b"z", b"?")))
    assert [t for t, _ in out] == ["E"] and f.error_fields(out[0][1])["C"] == "08P01"
    assert conn.closed and backends[0].closed
    assert send(conn, f.query("select 1")) == b""


def test_terminate_and_cancel():
    registry = CancelRegistry()
    conn = ProtocolConnection(FakeBackend, registry)
    out = f.messages(send(conn, f.startup(user="u")))
    pid, secret = [int.from_bytes(p[i:i + 4], "big", signed=True) for t, p in out if t == "K" for i in (0, 4)]
    other = ProtocolConnection(FakeBackend, registry)
    assert send(other, f.cancel_request(pid, secret + 1)) == b"" and not conn.backend.cancelled
    other = ProtocolConnection(FakeBackend, registry)
    assert send(other, f.cancel_request(pid, secret)) == b"" and other.closed and conn.backend.cancelled
    backend = conn.backend
    assert send(conn, f.TERMINATE) == b"" and conn.closed and backend.closed


def test_large_results_stream_in_chunks(monkeypatch):
    big = pa.table({"s": ["x" * 100] * 20000})

    class Big(FakeBackend):
        def execute(self, sql, params):
            return f.Outcome("SELECT", big.schema, iter(big.to_batches(max_chunksize=1000)))

    monkeypatch.setattr(encoder, "CHUNK_ROWS", 500)
    conn = ProtocolConnection(Big, CancelRegistry())
    send(conn, f.startup(user="u"))
    chunks = [bytes(c) for c in conn.receive(f.query("select big"))]
    assert len(chunks) > 4 and all(len(c) < 512 * 1024 for c in chunks)
    out = f.messages(b"".join(chunks))
    assert len(out) == 20003 and out[-2] == ("C", b"SELECT 20000\x00")


def test_backend_hears_when_the_connection_waits():
    """A cancel counts while received bytes are being answered, not while the connection
    waits for more (Backend.waiting): the backend hears both, around each receive."""
    seen = []

    class Waiting(FakeBackend):
        def waiting(self, flag):
            seen.append(flag)

        def execute(self, sql, params):
            seen.append(sql)
            return super().execute(sql, params)

    conn = ProtocolConnection(Waiting, CancelRegistry())
    send(conn, f.startup(user="u"))
    seen.clear()
    send(conn, f.query("set a = 1; set b = 2"))
    assert seen == [False, "set a = 1", "set b = 2", True]
