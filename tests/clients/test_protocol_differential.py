"""Hostile wire-protocol sessions (tests/fuzz_protocol.py) sent to PostgreSQL 15 and to
duckflight: both answer with the same messages, errors with the same severity and
SQLSTATE, and both hang up at the same point.

Compared: the type of each message, an error's severity and SQLSTATE, a command tag and
ReadyForQuery's status. Left out: ParameterStatus, BackendKeyData and notices (values of
their own), and whatever follows the last ReadyForQuery but a FATAL error (PostgreSQL sends
what it buffered only at Sync or Flush; we send each answer as it is ready). Sessions left
out, as docs/decisions.md and docs/postgres-differences.md say: those that begin with a
GSSAPI request (PostgreSQL here offers GSSAPI encryption), a protocol version below 3
(PostgreSQL answers in the version-2 format), invalid UTF-8 in the startup packet (PostgreSQL looks for a role of that name), a
FunctionCall, and any where PostgreSQL itself fails internally (XX000, e.g. a Parse
naming type OID 4294967295). Sessions that begin with an SSLRequest are compared: neither
server has TLS here, and both refuse bytes sent with the request ('N', then 08P01).

The authentication phase is compared too: a second gateway over the same cluster has the
users and rules (a users file, fuzz_protocol.AUTH_HBA) that the referee has as roles and
pg_hba.conf lines."""

from __future__ import annotations

import collections
import struct

import psycopg
import pytest

from catalog_support import pg_database
from duckflight.gateway.auth.policy import load_policy
from duckflight.gateway.main import backend_factory
from duckflight.gateway.pgwire.server import PgServer
from fuzz_protocol import (AUTH_HBA, AUTH_USERS, BadAnswer, backend_messages, generate, generate_auth, locked_files,
                           play, run_session, socket_talk)

CASES = 3000
AUTH_CASES = 3000
SEED = 21
LEFT_OUT_LENGTH_ERRORS = ("invalid message length", "invalid length of startup packet")  # PG: hang-up alone


@pytest.fixture(scope="module")
def referee():
    """The port of a PostgreSQL 15 with nation and region as the TPC-H data has them."""
    with pg_database() as url:
        with psycopg.connect(url, autocommit=True) as pg:
            pg.execute("CREATE TABLE nation (n_nationkey integer, n_name text)")
            pg.execute("INSERT INTO nation SELECT g, 'n' || g FROM generate_series(0, 24) g")
            pg.execute("CREATE TABLE region (r_regionkey integer)")
            pg.execute("INSERT INTO region SELECT g FROM generate_series(0, 4) g")
            pg.execute(f"CREATE ROLE alice LOGIN PASSWORD '{AUTH_USERS[b'alice']}'")  # scram-sha-256
            pg.execute("SET password_encryption = 'md5'")
            pg.execute(f"CREATE ROLE bob LOGIN PASSWORD '{AUTH_USERS[b'bob']}'")
            pg.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO alice, bob")  # every user reads the tables
            hba = pg.execute("SHOW hba_file").fetchone()[0]
            with open(hba, "w") as rules:  # duckflight and postgres trusted, then a locked gateway's rules
                rules.write("host all postgres,duckflight 127.0.0.1/32 trust\n" + AUTH_HBA)
            pg.execute("SELECT pg_reload_conf()")
        yield int(url.rsplit(":", 1)[1].split("/")[0])


@pytest.fixture(scope="module")
def locked_port(gateway, tmp_path_factory):
    """The port of a gateway over the same cluster with the users and rules of the referee's."""
    users, hba = locked_files(tmp_path_factory.mktemp("locked"))
    policy = load_policy(str(users), str(hba))
    server = PgServer(("127.0.0.1", 0), backend_factory(gateway[1], policy.users), auth=policy)
    server.serve_in_thread()
    try:
        yield server.port
    finally:
        server.shutdown()


def compared(answer: bytes) -> list[str]:
    out = []
    for kind, payload in backend_messages(answer):
        if kind in "SK" or kind == "N" and payload:
            continue
        if kind == "E":
            if payload["S"] == "FATAL" and payload["M"] in LEFT_OUT_LENGTH_ERRORS:
                continue
            out.append(f"E {payload['S']} {payload['C']}")
        elif kind in "ZC":
            out.append(f"{kind} {payload.rstrip(bytes(1)).decode()}")
        else:
            out.append(kind)
    last = max((i for i, t in enumerate(out) if t.startswith("Z")), default=-1)
    return out[: last + 1] + [t for t in out[last + 1:] if t.startswith("E FATAL")]


def comparable(inputs: list[bytes]) -> bool:
    startup = inputs[0]
    code = struct.unpack("!I", startup[4:8])[0] if len(startup) >= 8 else 3 << 16
    if code == 80877104 or code >> 16 < 3 and len(startup) >= 8 and code != 80877102:
        return False
    if any(frame[:1] == b"F" for frame in inputs[1:]):
        return False
    try:
        startup[8:].decode()
    except UnicodeDecodeError:
        return False
    return True


def _count(differences: collections.Counter, examples: dict, pg: list[str], ours: list[str], sent: str) -> None:
    """Count a difference by the first message where the answers part, keeping one example."""
    at = next((i for i, (a, b) in enumerate(zip(pg, ours)) if a != b), min(len(pg), len(ours)))
    key = (tuple(pg[at:at + 1]), tuple(ours[at:at + 1]))
    differences[key] += 1
    examples.setdefault(key, f"{sent}\n  PG   {pg}\n  ours {ours}")


def test_hostile_sessions_answered_as_postgresql_does(referee, dsn):
    port = int(dsn.rsplit(":", 1)[1].split("/")[0])
    sessions = [s for s in generate(CASES, SEED) if comparable(s)]
    differences = collections.Counter()
    examples = {}
    compared_sessions = 0
    for inputs in sessions:
        pg = compared(run_session(referee, inputs, 10))
        if any(t.endswith("XX000") for t in pg):
            continue
        ours = compared(run_session(port, inputs, 10))
        compared_sessions += 1
        if ours != pg:
            _count(differences, examples, pg, ours, f"sent {inputs[1:]!r}")
    report = [f"PG {pg} ours {ours}: {n} sessions, e.g.\n  {examples[pg, ours]}"
              for (pg, ours), n in differences.most_common(10)]
    assert compared_sessions > 200
    assert not differences, "\n".join(report)


def test_hostile_authentication_answered_as_postgresql_does(referee, locked_port):
    """SCRAM-SHA-256 and md5 exchanges, broken, reordered and repeated (fuzz_protocol.auth_plan),
    after a valid startup, then messages of the session if it opened: the same messages and
    SQLSTATEs from PostgreSQL 15 under the same users and rules."""
    differences = collections.Counter()
    examples = {}
    plans = [p for p in generate_auth(AUTH_CASES, SEED)  # FunctionCall left out, as above
             if not any(f[:1] == b"F" for f in p.tail + [m.data for m in p.moves])]
    for plan in plans:
        pg = compared(play(plan, socket_talk(referee, 10)))
        if any(t.endswith("XX000") for t in pg):
            continue
        ours = compared(play(plan, socket_talk(locked_port, 10)))
        if ours != pg:
            _count(differences, examples, pg, ours, str(plan))
    report = [f"PG {pg} ours {ours}: {n} plans, e.g.\n  {examples[pg, ours]}"
              for (pg, ours), n in differences.most_common(10)]
    assert len(plans) > 500
    assert not differences, "\n".join(report)


def test_a_broken_answer_is_caught():
    with pytest.raises(BadAnswer):
        backend_messages(b"Z\x00\x00\x00\x09I")
