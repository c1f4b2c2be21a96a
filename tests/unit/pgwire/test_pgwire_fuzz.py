"""Property tests of the protocol state machine under hostile input (strategies in
tests/fuzz_protocol.py): whatever bytes arrive, in whatever pieces, every chunk it yields
is whole backend messages, no error is internal, a FATAL error is the last message and
closes the connection, and it never holds more unread bytes than a message may have."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duckflight.gateway.pgwire import messages as m
from duckflight.gateway.pgwire.protocol import CancelRegistry, ProtocolConnection

from fuzz_protocol import check_answer, session, typed_frame
from pgwire_fakes import FakeBackend

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def feed(data: bytes, cuts: list[int]) -> tuple[ProtocolConnection, bytes]:
    """Feed ``data`` cut at ``cuts``; check each yielded chunk and the unread bytes."""
    conn = ProtocolConnection(FakeBackend, CancelRegistry())
    answer = b""
    bounds = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    for start, end in zip(bounds, bounds[1:]):
        for chunk in conn.receive(data[start:end]):
            chunk = bytes(chunk)
            check_answer(chunk)  # each chunk is whole messages
            answer += chunk
        assert conn.reader.buffered() <= m.MAX_FRAME + 5
    return conn, answer


def assert_owed(conn: ProtocolConnection, answer: bytes) -> None:
    got = check_answer(answer)
    fatal = [p for k, p in got if k == "E" and p["S"] == "FATAL"]
    assert not fatal or conn.closed
    if conn.closed:
        assert conn.backend is None and conn.pid is None  # the session was released


@FUZZ
@given(session(), st.lists(st.integers(0, 10**6), max_size=6))
def test_any_session_in_any_pieces(inputs, cuts):
    conn, answer = feed(b"".join(inputs), cuts)
    assert_owed(conn, answer)


@FUZZ
@given(st.binary(max_size=64), st.lists(st.integers(0, 10**6), max_size=4))
def test_any_bytes_before_startup(data, cuts):
    conn, answer = feed(data, cuts)
    assert_owed(conn, answer)


@FUZZ
@given(st.binary(max_size=64), st.lists(st.integers(0, 10**6), max_size=4))
def test_any_bytes_after_startup(data, cuts):
    conn, answer = feed(session_start() + data, cuts)
    assert_owed(conn, answer)


@FUZZ
@given(st.lists(typed_frame(), max_size=12))
def test_a_session_that_survives_still_answers(frames):
    """Unless it was closed, or waits for the rest of a frame, a session answers Sync and a
    Query after any messages: ReadyForQuery, the query's completion, ReadyForQuery."""
    conn, answer = feed(session_start() + b"".join(frames), [])
    assert_owed(conn, answer)
    if not conn.closed and conn.reader.buffered() == 0:
        got = check_answer(b"".join(bytes(c) for c in conn.receive(SYNC_AND_QUERY)))
        assert [k for k, _ in got][-3:] == ["Z", "C", "Z"]


SYNC_AND_QUERY = b"S\x00\x00\x00\x04" + b"Q\x00\x00\x00\x0eset x = 1\x00"


def session_start() -> bytes:
    from fuzz_protocol import GOOD_STARTUP
    return GOOD_STARTUP


@FUZZ
@given(st.sampled_from(sorted(m.FRAME_LIMITS)), st.integers(-2**31, 2**31 - 1))
def test_no_length_makes_it_wait_past_the_type_limit(kind, length):
    """A header alone: refused at once when its length is out of range, else the reader
    waits for no more than the declared body."""
    conn = ProtocolConnection(FakeBackend, CancelRegistry())
    b"".join(conn.receive(session_start()))
    answer = b"".join(bytes(c) for c in conn.receive(bytes([kind]) + length.to_bytes(4, "big", signed=True)))
    if kind == ord("p"):  # after startup, refused on its type byte
        assert conn.closed and check_answer(answer)[-1][1]["M"] == "invalid frontend message type 112"
    elif 4 <= length <= m.FRAME_LIMITS[kind]:
        assert conn.closed == (kind == ord("X") and length == 4)  # a whole Terminate
        assert conn.reader.buffered() == (0 if length == 4 or conn.closed else 5)
    else:
        assert conn.closed and check_answer(answer)[-1][1]["M"] == "invalid message length"
