"""Byte-for-byte tests of the frame reader, frontend decoders and backend encoders."""

from __future__ import annotations

import pytest

from duckflight.gateway.pgwire import messages as m
from duckflight.gateway.core.sql_error import SqlError

import pgwire_fakes as f


def frames(data: bytes, reader=None):
    reader = reader or m.FrameReader()
    reader.feed(data)
    return [m.decode(fr) for fr in reader]


def test_startup_phase_then_typed_frames_in_pieces():
    data = f.ssl_request() + f.startup(user="u", database="d") + f.query("select 1") + f.SYNC
    reader = m.FrameReader()
    got = []
    for i in range(len(data)):  # one byte at a time: frames only when complete
        got += frames(data[i : i + 1], reader)
    assert got == [m.SSLRequest(), m.Startup(196608, {"user": "u", "database": "d"}), m.Query("select 1"), m.Sync()]


def test_untyped_requests():
    assert frames(f.cancel_request(42, -7)) == [m.CancelRequest(42, -7)]
    assert frames(b"\x00\x00\x00\x08\x04\xd2\x16\x30") == [m.GSSENCRequest()]
    assert frames(f.startup(196609, user="u", _pq_x="1")) == [m.Startup(196609, {"user": "u", "_pq_x": "1"})]


@pytest.mark.parametrize("data", [b"\x00\x00\x00\x03", b"Q\x00\x00\x00\x02", b"Q\x7f\xff\xff\xff"])
def test_absurd_lengths_are_violations(data):
    reader = m.FrameReader()
    if data[:1] == b"Q":
        frames(f.startup(user="u"), reader)
    with pytest.raises(m.ProtocolViolation) as e:
        frames(data, reader)
    assert e.value.sqlstate == "08P01"


def test_decoders():
    got = frames(
        f.startup(user="u")
        + f.parse("select $1", "s1", (23, 25))
        + f.bind((b"1", None), portal="p", stmt="s1", formats=(1,), result_formats=(0, 1))
        + f.describe("S", "s1") + f.describe("P", "p")
        + f.execute("p", 10) + f.close("P", "p") + f.FLUSH + f.TERMINATE + f.msg(b"p", b"secret\x00")
    )[1:]
    assert got == [
        m.Parse("s1", "select $1", [23, 25]),
        m.Bind("p", "s1", [1], [b"1", None], [0, 1]),
        m.Describe("S", "s1"), m.Describe("P", "p"),
        m.Execute("p", 10), m.Close("P", "p"), m.Flush(), m.Terminate(), m.PasswordMessage(b"secret\x00"),
    ]


# Malformed bodies and broken frames: test_pgwire_hostile.py, through the state machine.


def test_simple_encoders():
    assert m.authentication_ok() == b"R\x00\x00\x00\x08\x00\x00\x00\x00"
    assert m.parameter_status("a", "b") == b"S\x00\x00\x00\x08a\x00b\x00"
    assert m.backend_key_data(1, -1) == b"K\x00\x00\x00\x0c\x00\x00\x00\x01\xff\xff\xff\xff"
    assert m.ready_for_query(b"I") == b"Z\x00\x00\x00\x05I"
    assert m.command_complete("SELECT 3") == b"C\x00\x00\x00\x0dSELECT 3\x00"
    assert m.parameter_description([23, 25]) == b"t\x00\x00\x00\x0e\x00\x02\x00\x00\x00\x17\x00\x00\x00\x19"
    assert m.negotiate_protocol_version(0, ["_pq_.x"]) == b"v\x00\x00\x00\x13\x00\x00\x00\x00\x00\x00\x00\x01_pq_.x\x00"
    for enc, code in [(m.parse_complete, b"1"), (m.bind_complete, b"2"), (m.close_complete, b"3"),
                      (m.no_data, b"n"), (m.portal_suspended, b"s"), (m.empty_query_response, b"I")]:
        assert enc() == code + b"\x00\x00\x00\x04"


def test_row_description_bytes():
    got = m.row_description([m.FieldDescription("a", 1700, -1, 983046, 0), m.FieldDescription("b", 23, 4, -1, 1)])
    assert got == (
        b"T\x00\x00\x00\x2e\x00\x02"
        b"a\x00" b"\x00\x00\x00\x00" b"\x00\x00" b"\x00\x00\x06\xa4" b"\xff\xff" b"\x00\x0f\x00\x06" b"\x00\x00"
        b"b\x00" b"\x00\x00\x00\x00" b"\x00\x00" b"\x00\x00\x00\x17" b"\x00\x04" b"\xff\xff\xff\xff" b"\x00\x01"
    )


def test_error_and_notice_bytes():
    err = SqlError("42P01", "no such table", detail="d", hint="h", position=7)
    body = b"SERROR\x00VERROR\x00C42P01\x00Mno such table\x00Dd\x00Hh\x00P7\x00\x00"
    assert m.error_response(err) == b"E" + (len(body) + 4).to_bytes(4, "big") + body
    note = SqlError("01000", "careful", severity="WARNING")
    body = b"SWARNING\x00VWARNING\x0001000\x00Mcareful\x00\x00".replace(b"\x0001000", b"\x00C01000")
    assert m.notice_response(note) == b"N" + (len(body) + 4).to_bytes(4, "big") + body
