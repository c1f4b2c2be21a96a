"""Hostile input at the protocol level, byte for byte: broken startup packets, absurd
lengths, malformed bodies, invalid UTF-8. Every expected answer is PostgreSQL 15's
(checked against a real server: its SQLSTATE, severity and message; PG also sends
F/L/R fields naming its source file, which we do not). A broken frame is FATAL and
ends the connection; a whole frame with a bad body is an ERROR and the session goes on."""

from __future__ import annotations

import struct

import pytest

from duckflight.gateway.pgwire import messages as m
from duckflight.gateway.pgwire.protocol import CancelRegistry, ProtocolConnection

import pgwire_fakes as f
from pgwire_fakes import FakeBackend

I32 = struct.Struct("!i").pack
READY = b"Z\x00\x00\x00\x05I"


def error(severity: str, code: str, message: str) -> bytes:
    """The ErrorResponse bytes PG sends, without its F/L/R (source location) fields."""
    body = b"".join(k + v.encode() + b"\x00" for k, v in
                    [(b"S", severity), (b"V", severity), (b"C", code), (b"M", message)]) + b"\x00"
    return b"E" + I32(len(body) + 4) + body


def test_error_helper_is_the_wire_format():
    assert error("FATAL", "08P01", "invalid message length") == (
        b"E\x00\x00\x00\x32SFATAL\x00VFATAL\x00C08P01\x00Minvalid message length\x00\x00")


def fresh() -> ProtocolConnection:
    return ProtocolConnection(FakeBackend, CancelRegistry())


def started() -> ProtocolConnection:
    conn = fresh()
    assert send(conn, f.startup(user="u")).endswith(READY)
    return conn


def send(conn: ProtocolConnection, data: bytes) -> bytes:
    return b"".join(bytes(c) for c in conn.receive(data))


# ---------------------------------------------------------------- startup packets

BAD_STARTUP_LENGTH = error("FATAL", "08P01", "invalid length of startup packet")


@pytest.mark.parametrize("data", [
    I32(3),  # below the length word itself
    I32(7) + b"\x00\x03\x00",  # no room for the protocol version
    I32(2**31 - 1),  # answered at once: nothing of the 2 GB is waited for
    I32(-1),
    I32(10005),  # PG's MAX_STARTUP_PACKET_LENGTH is 10000 bytes past the length word
])
def test_startup_packet_of_absurd_length(data):
    conn = fresh()
    assert send(conn, data) == BAD_STARTUP_LENGTH and conn.closed


def test_startup_packet_at_the_limit_is_read():
    conn = fresh()
    out = send(conn, I32(10004) + I32(196608) + b"x" * 9996)
    assert out == error("FATAL", "08P01", "invalid startup packet layout: expected terminator as last byte")


@pytest.mark.parametrize("body", [
    b"",  # no parameters, no terminator
    b"user\x00",  # a name without its value
    b"user\x00u\x00",  # no final terminator
    b"user\x00u\x00\x00extra",  # bytes past the terminator
    b"user\x00u",  # the value runs to the end
])
def test_startup_packet_layout(body):
    conn = fresh()
    out = send(conn, I32(len(body) + 8) + I32(196608) + body)
    assert out == error("FATAL", "08P01", "invalid startup packet layout: expected terminator as last byte")
    assert conn.closed


@pytest.mark.parametrize("version, text", [(2 << 16, "2.0"), (4 << 16, "4.0"), (0xFFFF0001, "65535.1"), (0, "0.0")])
def test_unsupported_protocol_version(version, text):
    conn = fresh()
    out = send(conn, I32(16) + struct.pack("!I", version) + b"user\x00u\x00\x00")
    assert out == error("FATAL", "0A000", f"unsupported frontend protocol {text}: server supports 3.0 to 3.0")


def test_missing_user_and_invalid_utf8_in_startup():
    conn = fresh()
    assert send(conn, f.startup(database="d")) == error(
        "FATAL", "28000", "no PostgreSQL user name specified in startup packet")
    conn = fresh()
    assert send(conn, I32(16) + I32(196608) + b"user\x00\xff\x00\x00") == error(
        "FATAL", "22021", 'invalid byte sequence for encoding "UTF8": 0xff')


def test_requests_with_extra_bytes():
    """PG answers SSL and GSSAPI requests whatever their length; a CancelRequest of the
    wrong length cancels nothing, and the connection just ends."""
    conn = fresh()
    assert send(conn, I32(12) + I32(80877103) + I32(0)) == b"N" and not conn.closed
    assert send(conn, I32(9) + I32(80877104) + b"x") == b"N" and not conn.closed
    registry = CancelRegistry()
    target = ProtocolConnection(FakeBackend, registry)
    out = f.messages(send(target, f.startup(user="u")))
    pid, secret = struct.unpack("!ii", [p for t, p in out if t == "K"][0])
    for bad in (I32(12) + I32(80877102) + I32(pid), I32(20) + I32(80877102) + I32(pid) + I32(secret) + I32(0)):
        conn = ProtocolConnection(FakeBackend, registry)
        assert send(conn, bad) == b"" and conn.closed and not target.backend.cancelled


# ----------------------------------------------------------------------- framing


@pytest.mark.parametrize("data, message", [
    (b"z", "invalid frontend message type 122"),  # refused on its type byte alone
    (b"\x00\x7f\xff\xff\xff", "invalid frontend message type 0"),
    (b"p" + I32(8) + b"pass", "invalid frontend message type 112"),  # no password after startup
    (b"Q" + I32(3), "invalid message length"),
    (b"Q" + I32(-1), "invalid message length"),
    (b"Q" + I32(2**31 - 1), "invalid message length"),  # answered at once
    (b"B" + I32((1 << 30) + 1), "invalid message length"),  # PQ_LARGE_MESSAGE_LIMIT
    (b"S" + I32(10001), "invalid message length"),  # PQ_SMALL_MESSAGE_LIMIT
    (b"D" + I32(10001), "invalid message length"),
    (b"E" + I32(10001), "invalid message length"),
])
def test_broken_frames_end_the_connection(data, message):
    conn = started()
    backend = conn.backend
    assert send(conn, data) == error("FATAL", "08P01", message)
    assert conn.closed and backend.closed


def test_small_message_at_its_limit_is_read():
    conn = started()
    out = send(conn, b"S" + I32(10000) + b"\x00" * 9996 + f.query("select 1"))
    assert out.startswith(error("ERROR", "08P01", "invalid message format") + READY + b"T")


@pytest.mark.parametrize("kind", [b"z", b"p"])
def test_unknown_type_while_discarding_still_ends_the_connection(kind):
    conn = started()
    out = send(conn, f.describe("P", "nope") + kind)
    assert out.endswith(error("FATAL", "08P01", f"invalid frontend message type {kind[0]}")) and conn.closed


def test_bind_names_its_missing_statement_before_its_malformed_rest():
    """PG's exec_bind_message looks the statement up before it reads the formats and values."""
    conn = started()
    out = after_sync(conn, f.msg(b"B", b"\x00nope\x00\x7f"))
    assert out == error("ERROR", "26000", 'prepared statement "nope" does not exist') + READY
    out = after_sync(conn, f.msg(b"B", b"\x00\x00\x7f"))
    assert out == error("ERROR", "26000", "unnamed prepared statement does not exist") + READY


# ------------------------------------------------------- malformed bodies: ERROR


def after_sync(conn: ProtocolConnection, frame: bytes) -> bytes:
    return send(conn, frame + f.SYNC)


SIMPLE_CASES = [  # (frame, its ErrorResponse): each followed by ReadyForQuery
    (f.msg(b"Q", b"select 1"), "08P01", "invalid string in message"),
    (f.msg(b"Q", b""), "08P01", "invalid string in message"),
    (f.msg(b"Q", b"select 1\x00x\x00"), "08P01", "invalid message format"),  # a NUL inside the string
    (f.msg(b"Q", b"select '\xff'\x00"), "22021", 'invalid byte sequence for encoding "UTF8": 0xff'),
    (f.msg(b"Q", b"select '\xe2\x82'\x00"), "22021", 'invalid byte sequence for encoding "UTF8": 0xe2 0x82 0x27'),
    (f.msg(b"Q", b"select '\xed\xa0\x80'\x00"), "22021", 'invalid byte sequence for encoding "UTF8": 0xed 0xa0 0x80'),
    (f.msg(b"Q", b"select '\xc0\x80'\x00"), "22021", 'invalid byte sequence for encoding "UTF8": 0xc0 0x80'),
    (f.msg(b"Q", b"select '\xf8\x88\x80\x80\x80'\x00"), "22021", 'invalid byte sequence for encoding "UTF8": 0xf8'),
    (f.msg(b"S", b"x"), "08P01", "invalid message format"),
]


@pytest.mark.parametrize("frame, code, message", SIMPLE_CASES)
def test_malformed_query_or_sync_is_an_error_then_ready(frame, code, message):
    conn = started()
    assert send(conn, frame) == error("ERROR", code, message) + READY
    assert f.types_of(send(conn, f.query("select * from t"))) == "TDDDCZ"  # the session goes on


EXTENDED_CASES = [  # (frame, its ErrorResponse): the rest up to Sync is skipped
    (f.msg(b"P", b"\xff\x00select 1\x00\x00\x00"), "22021", 'invalid byte sequence for encoding "UTF8": 0xff'),
    (f.msg(b"P", b"\x00select 1\x00\xff\xff"), "08P01", "insufficient data left in message"),  # 65,535 OIDs announced
    (f.msg(b"P", b"\x00select 1\x00\x80\x00"), "08P01", "insufficient data left in message"),
    (f.msg(b"P", b"\x00select 1\x00\x00\x00extra"), "08P01", "invalid message format"),
    (f.msg(b"B", b"\x00\x00\x00\x00\x00\x01" + I32(-2) + b"\x00\x00"), "08P01", "insufficient data left in message"),
    (f.msg(b"B", b"\x00\x00\x00\x00\x00\x01" + I32(2**31 - 1) + b"\x00\x00"), "08P01",
     "insufficient data left in message"),
    (f.msg(b"B", b"\x00\x00\x00\x01"), "08P01", "insufficient data left in message"),
    (f.msg(b"B", b"\x00\x00\x00\x00\x00\x00\x00"), "08P01", "insufficient data left in message"),
    (f.msg(b"D", b"Q\x00"), "08P01", "invalid DESCRIBE message subtype 81"),
    (f.msg(b"D", b""), "08P01", "no data left in message"),
    (f.msg(b"D", b"S"), "08P01", "invalid string in message"),
    (f.msg(b"C", b"\x00\x00"), "08P01", "invalid CLOSE message subtype 0"),
    (f.msg(b"E", b"\x00\x00"), "08P01", "insufficient data left in message"),
    (f.msg(b"E", b"\x00" + I32(0) + b"x"), "08P01", "invalid message format"),
    (f.msg(b"H", b"\x00"), "08P01", "invalid message format"),
]


@pytest.mark.parametrize("frame, code, message", EXTENDED_CASES)
def test_malformed_extended_message_is_an_error_until_sync(frame, code, message):
    conn = started()
    send(conn, f.parse("select $1") + f.SYNC)  # an unnamed statement for the Binds
    skipped = f.parse("select 1") + f.msg(b"B", b"junk") + f.msg(b"D", b"Q\x00")  # read, never parsed
    assert after_sync(conn, frame + skipped) == error("ERROR", code, message) + READY
    assert f.types_of(after_sync(conn, f.parse("select * from t") + f.bind() + f.execute())) == "12DDDCZ"


# ------------------------------------------------------------- Bind's contents


def test_bind_counts_formats_and_text_values():
    conn = started()
    send(conn, f.parse("select $1", "s") + f.SYNC)
    cases = [
        (f.bind((b"1",), stmt="s", formats=(0, 0)), "08P01", "bind message has 2 parameter formats but 1 parameters"),
        (f.bind((b"1", b"2"), stmt="s"), "08P01", 'bind message supplies 2 parameters, but prepared statement "s" requires 1'),
        (f.bind((b"1",), stmt="s", formats=(2,)), "22023", "unsupported format code: 2"),
        (f.bind((b"1",), stmt="s", formats=(-1,)), "22023", "unsupported format code: -1"),
        (f.bind((b"a\xffb",), stmt="s"), "22021", 'invalid byte sequence for encoding "UTF8": 0xff'),
        (f.bind((b"a\x00b",), stmt="s"), "22021", 'invalid byte sequence for encoding "UTF8": 0x00'),
        (f.bind((b"a\x00\xff",), stmt="s"), "22021", 'invalid byte sequence for encoding "UTF8": 0x00'),
    ]
    for frame, code, message in cases:
        assert after_sync(conn, frame) == error("ERROR", code, message) + READY
    out = after_sync(conn, f.bind((b"x",), stmt="s", result_formats=(2,)) + f.execute())
    assert out == b"2\x00\x00\x00\x04" + error("ERROR", "22023", "unsupported format code: 2") + READY


def test_execute_with_negative_max_rows_returns_every_row():
    conn = started()
    out = after_sync(conn, f.parse("select * from t") + f.bind() + f.execute(max_rows=-5))
    assert f.types_of(out) == "12DDDCZ"


def test_copy_messages_outside_copy_are_ignored():
    conn = started()
    out = send(conn, f.msg(b"d", b"1\t2\n") + f.msg(b"c") + f.msg(b"f", b"oops\x00") + f.msg(b"f", b"\xff")
               + f.query("select * from t"))
    assert f.types_of(out) == "TDDDCZ"


def test_function_call_is_refused():
    conn = started()
    out = send(conn, f.msg(b"F", I32(1234) + b"\x00\x00\x00\x00\x00\x00"))
    assert out == error("ERROR", "0A000", "the fastpath function call interface is not supported") + READY
    assert not conn.closed


def test_terminate_ignores_its_body():
    conn = started()
    assert send(conn, f.msg(b"X", b"bye")) == b"" and conn.closed


def test_utf8_errors_name_the_sequence_as_pg():
    for raw, shown in [(b"ab\x80", "0x80"), (b"\xf0\x9f\x98", "0xf0 0x9f 0x98"), (b"\xf4\x90\x80\x80", "0xf4 0x90 0x80 0x80"),
                       (b"\xe0\x80\x80", "0xe0 0x80 0x80"), (b"\xfe", "0xfe"), (b"a\x00", "0x00"),
                       (b"\xff\x00", "0xff")]:
        with pytest.raises(m.SqlError) as e:
            m.utf8(raw)
        assert (e.value.sqlstate, e.value.message) == ("22021", f'invalid byte sequence for encoding "UTF8": {shown}')
