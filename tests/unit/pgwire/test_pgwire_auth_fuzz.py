"""Hostile authentication on the protocol state machine alone: the SCRAM and md5 exchanges of a
locked gateway (tests/fuzz_protocol.py's users and rules) given broken, reordered and repeated
client messages (fuzz_protocol.auth_plan), then PostgreSQL 15's answer for each kind of broken
message, as tests/clients/test_protocol_differential.py sees it from a live PostgreSQL.

What any plan gets: well-formed answers; before the session starts, errors are FATAL and are
28P01 (a wrong password: never told apart from an unknown user), 08P01 (a message that breaks
the protocol) or 0A000 (a SCRAM feature PostgreSQL lacks); the session starts only for the
right password of a user that exists."""

from __future__ import annotations

import re
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duckflight.gateway.auth.hba import read_rules
from duckflight.gateway.auth.policy import Policy
from duckflight.gateway.auth.users import User
from duckflight.gateway.pgwire.protocol import CancelRegistry, ProtocolConnection

from fuzz_protocol import AUTH_HBA, AUTH_USERS, AuthPlan, Move, auth_plan, check_answer, play
from pgwire_fakes import FakeBackend

USERS = {"alice": User.make("alice", "admin", AUTH_USERS[b"alice"]),
         "bob": User.make("bob", "reader", AUTH_USERS[b"bob"], md5=True)}
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Users:
    def get(self, name):
        return USERS.get(name)


def policy(tmp_path_factory=None) -> Policy:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "hba").write_text(AUTH_HBA)
        return Policy(Users(), read_rules(Path(folder) / "hba"))


POLICY = policy()


def run(plan: AuthPlan) -> tuple[ProtocolConnection, bytes]:
    conn = ProtocolConnection(lambda params, peer=None, role="reader": FakeBackend(params), CancelRegistry(),
                              ("127.0.0.1", 5000), auth=POLICY)

    def talk(data, wait):
        return b"" if data is None else b"".join(bytes(c) for c in conn.receive(data))

    return conn, play(plan, talk)


def before_session(answer: bytes) -> list:
    got = check_answer(answer)
    ok = next((i for i, (k, p) in enumerate(got) if k == "R" and p == bytes(4)), len(got))
    return got[:ok]


def shape(answer: bytes, user: str) -> list:
    """The answer's message types and errors (severity, SQLSTATE, message), the user's name left
    out (a detail may quote a byte of the random nonces)."""
    return [(k, [p[f].replace(f'"{user}"', '"U"') for f in "SCM"] if k == "E" else None)
            for k, p in before_session(answer)]


@FUZZ
@given(auth_plan())
def test_only_the_right_password_opens_a_session_and_every_refusal_is_postgresql_s(plan):
    conn, answer = run(plan)
    got = check_answer(answer)
    admitted = ("R", bytes(4)) in got
    assert not admitted or (plan.user != b"nobody" and plan.secret == AUTH_USERS[plan.user]), plan
    for kind, fields in before_session(answer):
        if kind == "E":
            assert fields["S"] == "FATAL" and fields["C"] in ("28P01", "08P01", "0A000"), (fields, plan)
            if fields["C"] == "28P01":  # the same words for a wrong password and an unknown user
                assert fields["M"] in (f'password authentication failed for user "{plan.user.decode()}"',
                                       "empty password returned by client"), fields
                assert set(fields) == {"S", "V", "C", "M"} or set(fields) == {"S", "C", "M"}, fields


@FUZZ
@given(auth_plan(), st.sampled_from(["wrong", "", "alice-Secret1x"]))
def test_an_unknown_user_is_answered_as_a_wrong_password_is(plan, secret):
    """The same moves for alice with a wrong password and for a name that does not exist: the
    same messages and the same errors, word for word."""
    plan.secret = secret
    answers = []
    for user in (b"alice", b"nobody"):
        plan.user = user
        answers.append(shape(run(plan)[1], user.decode()))
    assert answers[0] == answers[1], plan


def test_the_honest_exchanges_open_sessions():
    for user, kinds in ((b"alice", ["first", "final"]), (b"bob", ["md5"])):
        conn, answer = run(AuthPlan(user, AUTH_USERS[user], [Move(k) for k in kinds]))
        assert ("R", bytes(4)) in check_answer(answer) and not conn.closed


I32 = struct.Struct("!i").pack
P = lambda body: b"p" + I32(len(body) + 4) + body  # noqa: E731
SASL = lambda first, length=None: P(b"SCRAM-SHA-256\x00" + I32(len(first) if length is None else length) + first)  # noqa: E731


# What PostgreSQL 15 answers (FATAL and its SQLSTATE, or None: it waits or hangs up without a word),
# as seen from a live server (tests/clients/test_protocol_differential.py compares the fuzzed ones).
@pytest.mark.parametrize("user, moves, sqlstate", [
    (b"alice", [Move("raw", data=P(b"FOO\x00" + I32(3) + b"abc"))], "08P01"),  # unknown mechanism
    (b"alice", [Move("raw", data=SASL(b"n,,n=,r=abc", 100))], "08P01"),  # length past the message
    (b"alice", [Move("raw", data=SASL(b"n,,n=,r=abc", 3))], "08P01"),  # shorter than the message
    (b"alice", [Move("raw", data=SASL(b"n,,n=,r=abc", -2))], "08P01"),
    (b"alice", [Move("raw", data=SASL(b""))], "08P01"),  # an empty client-first
    (b"alice", [Move("raw", data=P(b"SCRAM-SHA-256"))], "08P01"),  # no NUL after the mechanism
    (b"alice", [Move("raw", data=SASL(b"n,,n=,\x00r=abc"))], "08P01"),  # a NUL inside
    (b"alice", [Move("raw", data=SASL(b"n,,n=,r=ab\xff\xfe"))], "08P01"),  # a nonce not printable
    (b"alice", [Move("raw", data=SASL(b"x,,n=,r=abcd"))], "08P01"),  # an unknown channel-binding flag
    (b"alice", [Move("raw", data=SASL(b"p=tls-server-end-point,,n=,r=abcd"))], "08P01"),  # binding without -PLUS
    (b"alice", [Move("raw", data=SASL(b"n,a=x,n=,r=abcd"))], "0A000"),  # an authorization identity
    (b"alice", [Move("raw", data=SASL(b"n,,m=foo,n=,r=abcd"))], "0A000"),  # a mandatory extension
    (b"alice", [Move("raw", data=P(b"alice-Secret1\x00"))], "08P01"),  # a password where SASL is due
    (b"alice", [Move("raw", data=b"Q" + I32(13) + b"select 1\x00")], "08P01"),  # a message of another type
    (b"alice", [Move("raw", data=b"X" + I32(4))], "08P01"),  # Terminate too
    (b"alice", [Move("raw", data=b"p" + I32(1025) + b"x")], "28P01"),  # past PG_MAX_SASL_MESSAGE_LENGTH
    (b"alice", [Move("first", length=-1)], None),  # no initial response: an empty challenge, then wait
    (b"alice", [Move("first"), Move("final", ("proof", 0, b"!!!!"))], "08P01"),  # a proof not base64
    (b"alice", [Move("first"), Move("final", ("nonce", 0, b"X"))], "08P01"),  # another nonce
    (b"alice", [Move("first"), Move("final", ("binding", 0, b"eSws"))], "08P01"),  # another binding flag
    (b"alice", [Move("first"), Move("final", ("append", 0, b",x=1"))], "08P01"),  # after the proof
    (b"alice", [Move("first"), Move("first")], "08P01"),  # a second initial response
    (b"alice", [Move("first"), Move("raw", data=P(b""))], "08P01"),  # an empty final message
    (b"nobody", [Move("first"), Move("final")], "28P01"),
    (b"bob", [Move("raw", data=P(b"\x00"))], "28P01"),  # an empty password
    (b"bob", [Move("raw", data=P(b"abc"))], "08P01"),  # not NUL-terminated
    (b"bob", [Move("raw", data=P(b"abc\x00d"))], "08P01"),  # bytes after the NUL
    (b"bob", [Move("raw", data=P(b"\xff\xfe\x00"))], "28P01"),  # invalid UTF-8 is a wrong password
    (b"bob", [Move("raw", data=b"X" + I32(4))], "08P01"),
    (b"bob", [Move("raw", data=b"p" + I32(65536) + b"x")], None),  # past PG_MAX_AUTH_TOKEN_LENGTH: a hang-up
])
def test_each_broken_message_gets_postgresql_s_sqlstate(user, moves, sqlstate):
    conn, answer = run(AuthPlan(user, "wrong" if sqlstate == "28P01" else AUTH_USERS[user], moves))
    errors = [p["C"] for k, p in check_answer(answer) if k == "E"]
    assert errors == ([sqlstate] if sqlstate else []), answer
    assert not re.search(rb"R\x00\x00\x00\x08\x00\x00\x00\x00", answer)
