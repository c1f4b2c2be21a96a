"""Hostile wire-protocol input: hypothesis strategies that write broken startup packets and
messages, a strict reader of what the server answers, and a live run over real sockets.

What a server owes any byte stream (PostgreSQL's behaviour, see
tests/unit/pgwire/test_pgwire_hostile.py for each answer byte for byte): it answers with
well-formed backend messages only; each error has a SQLSTATE and none is internal (XX000);
a FATAL error is the last thing it sends before hanging up; it never waits for, nor
buffers, more than a message type's limit. ``tests/unit/pgwire/test_pgwire_fuzz.py`` checks
that on the protocol state machine alone; ``tests/integration/test_hostile_input.py`` sends
10,000 inputs to a live gateway while a psycopg session keeps querying. The long run is
this script:

    python tests/fuzz_protocol.py --cases 100000 --seed 1

It starts ``duckflight up`` over TPC-H (scale factor 0.01), sends the cases, and prints
what it saw: answers by SQLSTATE, sessions that hung or answered wrongly, the watching
session's queries, and the gateway's threads and RSS before and after.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import re
import socket
import struct
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

I32 = struct.Struct("!i").pack
I16 = struct.Struct("!h").pack
U32 = struct.Struct("!I").pack

# ------------------------------------------------------------------ what to send

KNOWN_TYPES = b"QPBDECSHXdcfFp"
ABSURD_LENGTHS = st.sampled_from([-2**31, -1, 0, 3, 4, 5, 7, 8, 9999, 10000, 10001, 10004, 10005, 65539, 65540,
                                  1 << 30, (1 << 30) + 1, 2**31 - 1])
BAD_UTF8 = st.sampled_from([b"\xff", b"\x80", b"\xc0\x80", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
                            b"\xf8\x88\x80\x80\x80", b"\xfe\xfe"])
SQL = st.sampled_from([b"select 1", b"select $1", b"select $1::int", b"select $1::numeric, $2::date",
                       b"select n_name from nation where n_nationkey = $1", b"", b";", b"select 1; select 2",
                       b"begin", b"commit", b"rollback", b"select count(*) from region", b"show TimeZone",
                       b"selec", b"select '", b"declare c cursor for select 1", b"fetch 1 from c",
                       b"copy (select 1) to stdout", b"deallocate all"])
TEXT = st.one_of(
    SQL, SQL, st.binary(max_size=10), st.text(max_size=8).map(str.encode),
    st.builds(lambda a, bad, b: a + bad + b, st.binary(max_size=3), BAD_UTF8, st.binary(max_size=3)),
)
# A C string as a client might break it: terminated (mostly), unterminated, a NUL inside.
CSTR = st.one_of(TEXT.map(lambda s: s + b"\x00"), TEXT.map(lambda s: s + b"\x00"), TEXT.map(lambda s: s + b"\x00"),
                 TEXT, st.builds(lambda a, b: a + b"\x00" + b + b"\x00", TEXT, TEXT))
NAME = st.one_of(st.just(b"\x00"), st.sampled_from([b"s1\x00", b"c\x00", b"p\x00"]), CSTR)
COUNT = st.one_of(st.integers(0, 3), st.integers(-32768, 32767))
OID = st.sampled_from([0, 16, 20, 23, 25, 700, 701, 1043, 1082, 1114, 1700, 114, 1009, 2**32 - 1])
FORMAT = st.one_of(st.integers(0, 1), st.integers(0, 1), st.integers(-32768, 32767))
VALUE = st.one_of(
    st.just(I32(-1)),
    st.builds(lambda v: I32(len(v)) + v, st.one_of(st.sampled_from([b"1", b"42", b"2024-01-31", b"abc", b"1.5"]),
                                                     st.binary(max_size=8), TEXT)),
    st.builds(lambda n, v: I32(n) + v, st.one_of(st.integers(-3, 12), ABSURD_LENGTHS), st.binary(max_size=8)),
)


def _counted(items, count_of=COUNT):
    """A 16-bit count and that many items, or a count that lies about them."""
    return st.builds(lambda lie, n, xs: I16(n if lie else len(xs)) + b"".join(xs), st.booleans(), count_of,
                     st.lists(items, max_size=4))


BODIES = {
    b"Q": CSTR,
    b"P": st.builds(lambda *parts: b"".join(parts), NAME, CSTR, _counted(OID.map(U32))),
    b"B": st.builds(lambda *parts: b"".join(parts), NAME, NAME, _counted(FORMAT.map(I16)), _counted(VALUE),
                    _counted(FORMAT.map(I16))),
    b"D": st.builds(lambda k, n: k + n, st.sampled_from([b"S", b"P", b"Q", b"\x00", b""]), NAME),
    b"C": st.builds(lambda k, n: k + n, st.sampled_from([b"S", b"P", b"x", b""]), NAME),
    b"E": st.builds(lambda n, rows: n + rows, NAME,
                    st.sampled_from([I32(0), I32(1), I32(2), I32(-5), I32(2**31 - 1), I32(-2**31), b"\x00\x01"])),
    b"S": st.one_of(st.just(b""), st.just(b""), st.binary(max_size=4)),
    b"H": st.one_of(st.just(b""), st.binary(max_size=4)),
    b"d": st.binary(max_size=16),
    b"c": st.one_of(st.just(b""), st.binary(max_size=4)),
    b"f": CSTR,
    b"F": st.binary(max_size=16),
    b"p": st.binary(max_size=8),
}
TYPED = st.one_of(
    *[st.tuples(st.just(t), body) for t, body in BODIES.items()],
    st.tuples(st.just(b"S"), st.just(b"")),  # Sync often, so that errors end and answers flow
    st.tuples(st.just(b"X"), st.binary(max_size=2)),  # Terminate, now and then: the session ends there
    st.tuples(st.integers(0, 255).filter(lambda b: b not in KNOWN_TYPES).map(lambda b: bytes([b])),
              st.binary(max_size=8)),
)


def _z(*parts: bytes) -> bytes:
    return b"".join(p + b"\x00" for p in parts)


STATEMENT = st.sampled_from([b"", b"s1"])
# Messages a driver would send, so that statements get parsed, bound and executed in between.
WELL_FORMED = st.one_of(
    st.builds(lambda name, sql, oids: _z(name, sql) + I16(len(oids)) + b"".join(map(U32, oids)),
              STATEMENT, SQL, st.lists(OID, max_size=2)).map(lambda b: (b"P", b)),
    st.builds(lambda stmt, fmts, values, res: _z(b"", stmt) + I16(len(fmts)) + b"".join(map(I16, fmts))
              + I16(len(values)) + b"".join(I32(-1) if v is None else I32(len(v)) + v for v in values)
              + I16(len(res)) + b"".join(map(I16, res)),
              STATEMENT, st.lists(st.integers(0, 1), max_size=2),
              st.lists(st.one_of(st.none(), st.sampled_from([b"1", b"42", b"2024-01-31", b"x", b"\x00\x00\x00\x01", b"\xff", b"a\x00b"])),
                       max_size=2),
              st.lists(st.integers(0, 1), max_size=2)).map(lambda b: (b"B", b)),
    st.builds(lambda kind, name: kind + _z(name), st.sampled_from([b"S", b"P"]), STATEMENT).map(lambda b: (b"D", b)),
    st.builds(lambda rows: _z(b"") + I32(rows), st.sampled_from([0, 1, 2])).map(lambda b: (b"E", b)),
    SQL.map(lambda sql: (b"Q", _z(sql))),
    st.just((b"S", b"")),
)
# A driver's whole exchange, parameters matching the statement: the answers have rows.
EXCHANGES = st.sampled_from([
    (b"select 1", []), (b"select $1::int", [b"7"]), (b"select n_name from nation where n_nationkey = $1", [b"3"]),
    (b"select $1::numeric, $2::date", [b"1.5", b"2024-01-31"]), (b"select count(*) from region", []),
    (b"select $1::text", [b"\xe2\x82"]), (b"select $1::int", [b"x"]), (b"select $1::text", [b"a\x00b"]),
])


def exchange(sql: bytes, values: list[bytes], max_rows: int) -> bytes:
    """Parse, Bind, Describe, Execute, Sync of one unnamed statement."""
    frames = [(b"P", _z(b"", sql) + I16(0)),
              (b"B", _z(b"", b"") + I16(0) + I16(len(values)) + b"".join(I32(len(v)) + v for v in values) + I16(0)),
              (b"D", b"P\x00"), (b"E", b"\x00" + I32(max_rows)), (b"S", b"")]
    return b"".join(kind + I32(len(body) + 4) + body for kind, body in frames)


@st.composite
def typed_frame(draw) -> bytes:
    """One message after startup: as a driver sends it (half of them), or a hostile one:
    mostly well framed (its body may still be wrong), now and then with an absurd
    length, a truncated or an extended body."""
    if draw(st.integers(0, 5)) == 0:
        sql, values = draw(EXCHANGES)
        return exchange(sql, values, draw(st.sampled_from([0, 1, -1])))
    if draw(st.booleans()):
        kind, body = draw(WELL_FORMED)
        return kind + I32(len(body) + 4) + body
    kind, body = draw(TYPED)
    how = draw(st.sampled_from(["framed"] * 8 + ["length", "truncated", "extended"]))
    length = len(body) + 4
    if how == "length":
        length = draw(ABSURD_LENGTHS)
    elif how == "truncated" and body:
        body = body[: draw(st.integers(0, len(body) - 1))]
    elif how == "extended":
        body += draw(st.binary(min_size=1, max_size=6))
    return kind + I32(length) + body


def _startup_packet(body: bytes, version: int = 196608) -> bytes:
    return I32(len(body) + 8) + U32(version) + body


GOOD_PARAMS = b"user\x00duckflight\x00database\x00duckflight\x00"  # PG's referee has this role
GOOD_STARTUP = _startup_packet(GOOD_PARAMS + b"\x00")
STARTUPS = st.one_of(
    st.just(GOOD_STARTUP), st.just(GOOD_STARTUP), st.just(GOOD_STARTUP), st.just(GOOD_STARTUP),
    st.just(_startup_packet(GOOD_PARAMS + b"application_name\x00fuzz\x00_pq_.x\x001\x00\x00", 196609)),
    st.sampled_from([I32(8) + I32(80877103), I32(8) + I32(80877104), I32(12) + I32(80877103) + I32(0)])
    .map(lambda request: request + GOOD_STARTUP),  # the answer 'N', then the session
    st.builds(lambda n, rest: I32(n) + rest, ABSURD_LENGTHS, st.binary(max_size=12)),
    st.builds(lambda v: _startup_packet(GOOD_PARAMS + b"\x00", v),
              st.sampled_from([0, 1 << 16, 2 << 16, 4 << 16, 1234 << 16 | 5679, 2**32 - 1])),
    st.builds(lambda params: _startup_packet(params),
              st.one_of(st.binary(max_size=24), st.sampled_from([b"", b"user\x00", b"user\x00u\x00", b"\x00",
                                                                  b"database\x00d\x00\x00", b"user\x00\x00\x00",
                                                                  b"user\x00fuzz\x00\x00extra"])),
              ),
    st.builds(lambda bad: _startup_packet(b"user\x00f" + bad + b"\x00\x00"), BAD_UTF8),
    st.builds(lambda rest: I32(len(rest) + 8) + I32(80877102) + rest,  # CancelRequests of any length
              st.binary(max_size=12)),
)


@st.composite
def session(draw) -> list[bytes]:
    """What one connection sends: a startup packet (good, mostly) and then up to 12
    messages, hostile ones among them."""
    return [draw(STARTUPS)] + draw(st.lists(typed_frame(), min_size=1, max_size=12))


def generate(count: int, seed_value: int) -> list[list[bytes]]:
    """Sessions from ``session()`` holding at least ``count`` inputs (messages) in all."""
    sessions: list[list[bytes]] = []
    total = 0

    while total < count:
        @seed(seed_value + len(sessions))
        @settings(max_examples=max(10, min(1000, (count - total) // 6)), deadline=None, database=None,
                  phases=[Phase.generate], suppress_health_check=list(HealthCheck))
        @given(session())
        def collect(inputs):
            sessions.append(inputs)

        before = len(sessions)
        collect()
        total += sum(len(s) for s in sessions[before:])
    return sessions


# ------------------------------------------------- what to send while authenticating

# The users of a locked gateway (and of the PostgreSQL referee): alice has SCRAM-SHA-256, bob
# md5 (an md5 rule names him); nobody does not exist and gets the mock SCRAM exchange.
AUTH_USERS = {b"alice": "alice-Secret1", b"bob": "bob-Secret2", b"nobody": "nobody-Secret"}
AUTH_HBA = "host all bob all md5\nhost all all all scram-sha-256\n"


@dataclass
class Move:
    """One client message of the exchange: ``first`` (a SASLInitialResponse), ``final`` (the
    client-final-message, from the server's first), ``md5`` (the answer to the server's salt),
    ``password`` (a cleartext PasswordMessage) or ``raw`` (``data`` as is). ``mangle`` breaks the
    honest message: (how, where, bytes). ``mechanism`` and ``length`` (of a first) may lie."""

    kind: str
    mangle: tuple = ()
    mechanism: bytes = b"SCRAM-SHA-256"
    length: int | None = None  # None: the true length; -1: no initial response
    data: bytes = b""


@dataclass
class AuthPlan:
    """An authentication phase after a valid startup: the user, the password the client
    believes, its moves, and the messages it sends after them (the session, if admitted)."""

    user: bytes
    secret: str
    moves: list
    tail: list = field(default_factory=list)


def mangled(data: bytes, mangle: tuple) -> bytes:
    if not mangle:
        return data
    how, at, extra = mangle
    at = at % (len(data) + 1)
    return {"cut": data[:at], "insert": data[:at] + extra + data[at:], "replace": data[:at] + extra + data[at + len(extra):],
            "append": data + extra, "nonce": data.replace(b"r=", b"r=" + extra, 1),
            "proof": data[:-4] + (extra + b"AAAA")[:4], "binding": data.replace(b"c=biws", b"c=" + extra, 1),
            "flag": extra[:1] + data[1:]}[how]


MANGLES = st.one_of(
    st.just(()), st.just(()), st.just(()),  # honest, often: the exchange goes on
    st.tuples(st.sampled_from(["cut", "insert", "replace", "append"]), st.integers(0, 120),
              st.one_of(st.binary(min_size=1, max_size=4), BAD_UTF8, st.sampled_from([b"\x00", b",", b"=", b"a=x,", b"m=1,"]))),
    st.tuples(st.sampled_from(["nonce", "proof", "binding", "flag"]), st.just(0),
              st.sampled_from([b"X", b"\xff", b"!!!!", b"eSws", b"y", b"p", b"x", b"biws,d=1"])),
)
MOVE = st.one_of(
    st.builds(Move, st.just("first"), MANGLES,
              st.sampled_from([b"SCRAM-SHA-256"] * 6 + [b"SCRAM-SHA-256-PLUS", b"SCRAM-SHA-1", b"", b"scram-sha-256"]),
              st.one_of(st.none(), st.none(), st.none(), st.sampled_from([-1, -2, 0, 3, 1 << 20]))),
    st.builds(Move, st.just("final"), MANGLES),
    st.builds(Move, st.just("md5"), MANGLES),
    st.builds(Move, st.just("password"), MANGLES),
    st.builds(lambda raw: Move("raw", data=raw), typed_frame()),
)
# An honest client's moves come in order; the fuzz moves them about, repeats and breaks them.
HONEST = {b"alice": ["first", "final"], b"bob": ["md5"], b"nobody": ["first", "final"]}


def locked_files(folder: Path) -> tuple[Path, Path]:
    """A users file with alice (admin, SCRAM) and bob (reader, md5 too), and AUTH_HBA: for
    ``duckflight up --users USERS --hba HBA``."""
    from duckflight.gateway.auth.users import User, write_users

    users, hba = folder / "users", folder / "hba.conf"
    write_users(users, {"alice": User.make("alice", "admin", AUTH_USERS[b"alice"]),
                        "bob": User.make("bob", "reader", AUTH_USERS[b"bob"], md5=True)})
    hba.write_text(AUTH_HBA)
    return users, hba


@st.composite
def auth_plan(draw) -> AuthPlan:
    user = draw(st.sampled_from(sorted(AUTH_USERS)))
    secret = AUTH_USERS[user] if draw(st.integers(0, 2)) else draw(st.sampled_from(["wrong", "", "alice-Secret1"]))
    if draw(st.booleans()):  # the honest order, each move perhaps broken, perhaps cut short
        moves = [Move(kind, draw(MANGLES)) for kind in HONEST[user]][: draw(st.integers(1, 2))]
    else:
        moves = draw(st.lists(MOVE, min_size=1, max_size=4))
    return AuthPlan(user, secret, moves, draw(st.lists(typed_frame(), max_size=3)))


def generate_auth(count: int, seed_value: int) -> list[AuthPlan]:
    """Authentication plans holding at least ``count`` inputs (moves and messages) in all."""
    plans: list[AuthPlan] = []
    while sum(len(p.moves) + len(p.tail) + 1 for p in plans) < count:
        @seed(seed_value + len(plans))
        @settings(max_examples=1000, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(auth_plan())
        def collect(plan):
            plans.append(plan)

        collect()
    return plans


def auth_startup(user: bytes) -> bytes:
    return _startup_packet(b"user\x00" + user + b"\x00database\x00duckflight\x00\x00")


def _frame(kind: bytes, body: bytes) -> bytes:
    return kind + I32(len(body) + 4) + body


class AuthClient:
    """Writes a plan's moves as bytes, reading what it needs (the server's first message, the
    md5 salt) from the server's last answer."""

    def __init__(self, plan: AuthPlan):
        from scramp import ScramClient

        self.plan = plan
        self.scram = ScramClient(["SCRAM-SHA-256"], "*", plan.secret or "x")  # the startup packet's name counts
        self.first_sent = False

    def message(self, move: Move, answer: bytes) -> bytes:
        """The frame of ``move`` after the server said ``answer``."""
        if move.kind == "raw":
            return move.data
        if move.kind == "first":
            first = mangled(self.scram.get_client_first().encode() if not self.first_sent else b"n,,n=,r=again",
                            move.mangle)
            self.first_sent = True
            length = len(first) if move.length is None else move.length
            return _frame(b"p", move.mechanism + b"\x00" + I32(length) + (b"" if length == -1 and not move.mangle else first))
        if move.kind == "final":
            return _frame(b"p", mangled(self._final(answer), move.mangle))
        if move.kind == "md5":
            salt = next((p[4:8] for k, p in backend_messages(answer) if k == "R" and p[:4] == I32(5)), b"\x00" * 4)
            import hashlib
            inner = hashlib.md5(self.plan.secret.encode() + self.plan.user).hexdigest().encode()
            return _frame(b"p", mangled(b"md5" + hashlib.md5(inner + salt).hexdigest().encode(), move.mangle) + b"\x00")
        return _frame(b"p", mangled(self.plan.secret.encode(), move.mangle) + b"\x00")

    def _final(self, answer: bytes) -> bytes:
        try:
            server_first = next(p[4:] for k, p in backend_messages(answer) if k == "R" and p[:4] == I32(11))
            self.scram.set_server_first(server_first.decode())
            return self.scram.get_client_final().encode()
        except Exception:  # noqa: BLE001 - no first message, or one the client refuses: a made-up final
            return b"c=biws,r=made-up,p=" + b"A" * 44


def exact(frame: bytes) -> bool:
    """A whole typed frame, its length word true: the server owes an answer to it."""
    return len(frame) >= 5 and struct.unpack_from("!i", frame, 1)[0] == len(frame) - 1


def answered(data: bytes) -> bool:
    """The server said what a client waits for: a request of the exchange, ReadyForQuery or an error."""
    try:
        got = backend_messages(data)
    except BadAnswer:
        return False
    if not got:
        return False
    kind, payload = got[-1]
    return kind in "ZE" or kind == "R" and payload[:4] not in (I32(0), I32(12))


def play(plan: AuthPlan, talk) -> bytes:
    """The server's whole answer to ``plan``. ``talk(data, wait)`` sends data and returns what the
    server said: when ``wait``, the answer due to a whole message; else nothing; with data None,
    everything up to the hang-up (after our side closed)."""
    client, answer = AuthClient(plan), b""
    last = talk(auth_startup(plan.user), True)
    answer += last
    for i, move in enumerate(plan.moves):
        frame = client.message(move, last)
        wait = exact(frame) and not answer.endswith(b"Z\x00\x00\x00\x05I")
        last = talk(frame, wait)
        answer += last
        if not wait:  # the rest goes out without waiting
            rest = plan.moves[i + 1:]
            data = b"".join(client.message(m, b"") for m in rest) + b"".join(plan.tail)
            if data:
                talk(data, False)
            return answer + talk(None, False)
    if plan.tail:
        talk(b"".join(plan.tail), False)
    return answer + talk(None, False)


def socket_talk(port: int, timeout: float):
    """``talk`` for play() over a new connection to ``port`` (closed after the final read)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)

    def talk(data, wait):
        if data is None:
            with sock:
                return read_to_end(sock, "authenticating")
        try:
            sock.sendall(data)
        except OSError:
            return b""
        out = bytearray()
        while wait and not answered(bytes(out)):
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                raise Hung(f"no answer within {timeout}s to {data!r}") from None
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                break
            out += chunk
        return bytes(out)

    return talk


# ----------------------------------------------------------- what comes back

BACKEND_TYPES = set(b"RSKZTDCEIN123snvtHdcGW")
SQLSTATE = re.compile(rb"[0-9A-Z]{5}")


class BadAnswer(AssertionError):
    """The server's bytes are not what PostgreSQL's protocol allows."""


def backend_messages(data: bytes) -> list[tuple[str, dict | bytes]]:
    """Split a server's answer into (type, payload) pairs, strictly: unknown types, bad
    lengths or a cut message raise BadAnswer; an ErrorResponse's payload is its fields.
    Before the first message, single 'N' bytes are the answers to SSL and GSSAPI requests."""
    out, pos = [], 0
    while data[pos : pos + 1] == b"N" and (len(data) == pos + 1 or data[pos + 1 : pos + 2] in (b"N", b"E", b"R", b"v")):
        out.append(("N", b""))
        pos += 1
    while pos < len(data):
        if data[pos] not in BACKEND_TYPES or len(data) < pos + 5:
            raise BadAnswer(f"bad message at byte {pos}: {data[pos:pos + 16]!r}")
        (length,) = struct.unpack_from("!i", data, pos + 1)
        if length < 4 or pos + 1 + length > len(data):
            raise BadAnswer(f"bad length {length} at byte {pos} of {len(data)}")
        kind, payload = chr(data[pos]), data[pos + 5 : pos + 1 + length]
        out.append((kind, error_fields(payload) if kind == "E" else payload))
        pos += 1 + length
    return out


def error_fields(payload: bytes) -> dict[str, str]:
    if not payload.endswith(b"\x00\x00"):
        raise BadAnswer(f"ErrorResponse not terminated: {payload!r}")
    fields = {chr(p[0]): p[1:].decode() for p in payload[:-2].split(b"\x00")}
    if not SQLSTATE.fullmatch(fields.get("C", "").encode()) or fields.get("S") not in ("ERROR", "FATAL"):
        raise BadAnswer(f"ErrorResponse without a SQLSTATE or severity: {fields}")
    return fields


def check_answer(data: bytes) -> list[tuple[str, dict | bytes]]:
    """The messages of a session's whole answer, after checking what any answer owes:
    well formed, no internal error, a FATAL error last."""
    got = backend_messages(data)
    for i, (kind, payload) in enumerate(got):
        if kind == "E":
            if payload["C"] == "XX000":
                raise BadAnswer(f"internal error: {payload}")
            if payload["S"] == "FATAL" and i != len(got) - 1:
                raise BadAnswer(f"messages after a FATAL error: {got[i:]}")
    return got


# ----------------------------------------------------------------- the live run


class Hung(AssertionError):
    pass


def run_session(port: int, inputs: list[bytes], timeout: float) -> bytes:
    """Send one session's bytes, say we are done writing, and read the answer to the end."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(b"".join(inputs))
        except OSError:
            pass  # the server hung up first (a FATAL error): read what it said
        return read_to_end(sock, f"sent {inputs!r}")


def read_to_end(sock: socket.socket, sent: str) -> bytes:
    """Say we are done writing and read the server's answer to its end (within the socket's timeout)."""
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    answer = bytearray()
    try:
        while chunk := sock.recv(65536):
            answer += chunk
    except TimeoutError:
        raise Hung(f"no end of answer within {sock.gettimeout()}s; {sent}") from None
    except ConnectionResetError:
        pass  # it hung up with our bytes unread: the kernel resets; what it sent came first
    return bytes(answer)


@dataclass
class Report:
    inputs: int = 0
    sessions: int = 0
    states: collections.Counter = field(default_factory=collections.Counter)  # SQLSTATE -> errors
    answers: collections.Counter = field(default_factory=collections.Counter)  # message type -> count
    failures: list[str] = field(default_factory=list)  # hung sessions and wrong answers, with their inputs
    watcher_queries: int = 0
    watcher_errors: list[str] = field(default_factory=list)
    threads: tuple[int, int] = (0, 0)  # the gateway's, before and after
    connections_left: int = 0  # sessions the gateway still holds after every client closed
    rss_mb: tuple[int, int] = (0, 0)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [f"{self.inputs} inputs in {self.sessions} sessions, {self.seconds:.0f}s; failures: {len(self.failures)}",
               "errors by SQLSTATE: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.states.items())),
               "answers by message type: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.answers.items())),
               f"watching session: {self.watcher_queries} queries, {len(self.watcher_errors)} errors",
               f"gateway threads {self.threads[0]} -> {self.threads[1]}, RSS MB {self.rss_mb[0]} -> {self.rss_mb[1]}, "
               f"connections left open {self.connections_left}"]
        return out + [f"  {f[:600]}" for f in self.failures[:10]] + [f"  watcher: {e}" for e in self.watcher_errors[:5]]


def threads_of(pid: int) -> int:
    return int(re.search(r"Threads:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())[1])


def connections_to(port: int) -> int:
    """Accepted connections on ``port`` that the server has not closed (ESTABLISHED or
    CLOSE_WAIT): each is a session thread still running."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            count += int(local.rsplit(":", 1)[1], 16) == port and state in ("01", "08")
    return count


def fuzz(url: str, gateway: int, cases: int, seed_value: int, clients: int = 3, timeout: float = 10.0,
         progress=None, authenticating: bool = False) -> Report:
    """Send ``cases`` generated inputs to the gateway (process ``gateway``) at ``url`` from
    ``clients`` threads, while one psycopg session queries every 50 ms. The gateway's threads
    and RSS are compared between the end of the first tenth of the sessions and the end.
    ``authenticating``: the gateway has AUTH_USERS and AUTH_HBA, and the inputs are
    authentication plans (``auth_plan``), each after a valid startup."""
    import psycopg

    from process_stats import rss_mb

    port = int(url.rsplit(":", 1)[1].split("/")[0])
    report = Report()
    if authenticating:
        sessions = generate_auth(cases, seed_value)
        report.inputs = sum(len(p.moves) + len(p.tail) + 1 for p in sessions)
    else:
        sessions = generate(cases, seed_value)
        report.inputs = sum(len(s) for s in sessions)
    report.sessions = len(sessions)
    stop = threading.Event()
    watcher = psycopg.connect(url, autocommit=True)

    def watch():
        while not stop.wait(0.05):
            try:
                assert watcher.execute("select count(*) from nation").fetchone() == (25,)
                report.watcher_queries += 1
            except Exception as exc:  # noqa: BLE001 - every failure is reported
                report.watcher_errors.append(repr(exc))

    lock = threading.Lock()

    def one(inputs) -> None:
        try:
            answer = (play(inputs, socket_talk(port, timeout)) if authenticating
                      else run_session(port, inputs, timeout))
            got = check_answer(answer)
            with lock:
                report.states.update(p["C"] for k, p in got if k == "E")
                report.answers.update(k for k, _ in got)
        except AssertionError as exc:
            report.failures.append(f"{exc}; sent {inputs!r}")

    watcher.execute("select 1")
    started = time.monotonic()
    watching = threading.Thread(target=watch, daemon=True)
    watching.start()
    try:
        with concurrent.futures.ThreadPoolExecutor(clients) as pool:
            # A tenth first, then the gateway's threads and memory: its pools have grown to
            # what this load needs, so what the rest leaves behind shows.
            warm = len(sessions) // 10
            list(pool.map(one, sessions[:warm]))
            report.threads, report.rss_mb = (threads_of(gateway), 0), (rss_mb(gateway), 0)
            for n, _ in enumerate(pool.map(one, sessions[warm:]), warm):
                if progress and n % 1000 == 999:
                    progress(n + 1, report)
    finally:
        stop.set()
        watching.join()
    report.seconds = time.monotonic() - started
    try:  # the watching session still answers, and so does a new one
        assert watcher.execute("select count(*) from nation").fetchone() == (25,)
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as fresh:
            assert fresh.execute("select count(*) from region").fetchone() == (5,)
    except Exception as exc:  # noqa: BLE001
        report.watcher_errors.append(f"after the run: {exc!r}")
    finally:
        watcher.close()
    deadline = time.monotonic() + 10  # handler threads end as their sockets close
    while (connections_to(port) or threads_of(gateway) > report.threads[0]) and time.monotonic() < deadline:
        time.sleep(0.1)
    report.threads, report.connections_left = (report.threads[0], threads_of(gateway)), connections_to(port)
    report.rss_mb = (report.rss_mb[0], rss_mb(gateway))
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10000, help="inputs (messages) to send")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clients", type=int, default=3, help="connections at a time")
    args = parser.parse_args()
    from duckflight.gateway.demo import ensure_tpch
    from process_stats import gateway_pid, start_up

    up, url = start_up(["--workers", "1", "--data", str(ensure_tpch(0.01))], user="fuzz")
    try:
        gateway = gateway_pid(up.pid)
        report = fuzz(url, gateway, args.cases, args.seed, args.clients,
                      progress=lambda n, r: print(f"{n} sessions, {len(r.failures)} failures", flush=True))
        print("\n".join(report.lines()))
    finally:
        up.terminate()
        up.wait(30)
    return 1 if report.failures or report.watcher_errors else 0


if __name__ == "__main__":
    sys.exit(main())
