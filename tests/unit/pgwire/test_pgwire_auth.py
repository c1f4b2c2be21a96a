"""Authentication in the no-I/O protocol: the request messages byte for byte, and the SCRAM,
md5, cleartext and trust exchanges of a ProtocolConnection driven with frontend bytes (the
client side of SCRAM is scramp's client, as a driver would compute it)."""

from __future__ import annotations

import base64
import hashlib
import struct

import pytest
from scramp import ScramClient

from duckflight.gateway.auth.hba import parse_rule
from duckflight.gateway.auth.policy import Policy
from duckflight.gateway.auth.users import User
from duckflight.gateway.pgwire import messages as m
from duckflight.gateway.pgwire.protocol import CancelRegistry, ProtocolConnection, State

import pgwire_fakes as f
from pgwire_fakes import FakeBackend


def test_request_messages_byte_for_byte():
    assert m.authentication_ok() == b"R\x00\x00\x00\x08\x00\x00\x00\x00"
    assert m.authentication_cleartext_password() == b"R\x00\x00\x00\x08\x00\x00\x00\x03"
    assert m.authentication_md5_password(b"\x01\x02\x03\x04") == b"R\x00\x00\x00\x0c\x00\x00\x00\x05\x01\x02\x03\x04"
    assert m.authentication_sasl(["SCRAM-SHA-256"]) == b"R\x00\x00\x00\x17\x00\x00\x00\x0aSCRAM-SHA-256\x00\x00"
    assert m.authentication_sasl_continue(b"r=abc,s=xyz,i=4096") == (
        b"R\x00\x00\x00\x1a\x00\x00\x00\x0br=abc,s=xyz,i=4096")
    assert m.authentication_sasl_final(b"v=c2ln") == b"R\x00\x00\x00\x0e\x00\x00\x00\x0cv=c2ln"


USERS = {"alice": User.make("alice", "admin", "secret"), "bob": User.make("bob", "reader", "bobpw", md5=True)}


class Users:
    def get(self, name):
        return USERS.get(name)


def connection(*rules: str, peer=("127.0.0.1", 5000), tls=False, policy=None):
    """A ProtocolConnection under these hba rules; sessions record the role they were given."""
    policy = policy or Policy(Users(), [parse_rule(rule, i + 1) for i, rule in enumerate(rules)])
    opened = []

    def factory(params, peer=None, role="reader"):
        opened.append(role)
        return FakeBackend(params)

    return ProtocolConnection(factory, CancelRegistry(), peer, auth=policy, tls=tls), opened


def send(conn, data: bytes) -> list[tuple[str, bytes]]:
    return f.messages(b"".join(bytes(c) for c in conn.receive(data)))


def password(text: str) -> bytes:
    return f.msg(b"p", f.cstr(text))


def request(out) -> int:
    assert out[0][0] == "R", out
    return struct.unpack("!i", out[0][1][:4])[0]


def scram_login(conn, user: str, secret: str):
    out = send(conn, f.startup(user=user, database="duckflight"))
    assert request(out) == 10 and out[0][1][4:] == b"SCRAM-SHA-256\x00\x00"
    client = ScramClient(["SCRAM-SHA-256"], "*", secret)  # the startup packet's name counts (libpq sends none)
    first = client.get_client_first().encode()
    out = send(conn, f.msg(b"p", f.cstr("SCRAM-SHA-256") + struct.pack("!i", len(first)) + first))
    assert request(out) == 11
    client.set_server_first(out[0][1][4:].decode())
    return client, send(conn, f.msg(b"p", client.get_client_final().encode()))


def test_scram_admits_with_the_role_of_the_users_file():
    conn, opened = connection("host all all all scram-sha-256")
    client, out = scram_login(conn, "alice", "secret")
    assert request(out) == 12
    client.set_server_final(out[0][1][4:].decode())  # the server proved it knows the verifier
    assert out[1] == ("R", b"\x00\x00\x00\x00") and out[-1][0] == "Z"
    assert opened == ["admin"] and conn.state is State.READY


@pytest.mark.parametrize("user, secret", [("alice", "wrong"), ("nobody", "secret")])
def test_wrong_password_and_unknown_user_fail_alike(user, secret):
    conn, opened = connection("host all all all scram-sha-256")
    _, out = scram_login(conn, user, secret)
    assert [t for t, _ in out] == ["E"] and conn.closed and opened == []
    fields = f.error_fields(out[0][1])
    assert (fields["S"], fields["C"], fields["M"]) == ("FATAL", "28P01", f'password authentication failed for user "{user}"')


def test_unknown_user_gets_the_same_salt_every_time():
    salts, policy = [], Policy(Users(), [parse_rule("host all all all scram-sha-256")])
    for _ in range(2):
        conn, _ = connection(policy=policy)
        send(conn, f.startup(user="nobody", database="duckflight"))
        client = ScramClient(["SCRAM-SHA-256"], "*", "x")
        first = client.get_client_first().encode()
        out = send(conn, f.msg(b"p", f.cstr("SCRAM-SHA-256") + struct.pack("!i", len(first)) + first))
        salts.append(dict(part.split("=", 1) for part in out[0][1][4:].decode().split(","))["s"])
    assert salts[0] == salts[1]
    assert len(salts[0]) == len(base64.b64encode(USERS["alice"].scram.salt))  # no tell in the salt's length


def test_scram_plus_is_offered_first_over_tls_only():
    policy = Policy(Users(), [parse_rule("host all all all scram-sha-256")], certificate="PEM of the port")
    conn, _ = connection(policy=policy, tls=True)
    assert b"".join(conn.receive(f.ssl_request())) == b"S"
    conn.tls_started()
    out = send(conn, f.startup(user="alice", database="duckflight"))
    assert request(out) == 10 and out[0][1][4:] == b"SCRAM-SHA-256-PLUS\x00SCRAM-SHA-256\x00\x00"
    conn, _ = connection(policy=policy)
    assert send(conn, f.startup(user="alice", database="duckflight"))[0][1][4:] == b"SCRAM-SHA-256\x00\x00"


def test_md5_for_a_user_with_an_md5_hash():
    conn, opened = connection("host all all all md5")
    out = send(conn, f.startup(user="bob", database="duckflight"))
    assert request(out) == 5
    salt = out[0][1][4:]
    inner = hashlib.md5(b"bobpwbob").hexdigest().encode()
    out = send(conn, password("md5" + hashlib.md5(inner + salt).hexdigest()))
    assert out[0] == ("R", b"\x00\x00\x00\x00") and opened == ["reader"]


def test_md5_rule_runs_scram_for_a_user_without_md5_hash():
    conn, opened = connection("host all all all md5")
    assert request(send(conn, f.startup(user="alice", database="duckflight"))) == 10


def test_cleartext_is_refused_without_tls_and_accepted_with_it():
    conn, _ = connection("host all all all password")
    out = send(conn, f.startup(user="alice", database="duckflight"))
    fields = f.error_fields(out[0][1])
    assert (fields["C"], fields["M"]) == ("28000", 'pg_hba.conf rejects connection for host "127.0.0.1", '
                                                   'user "alice", database "duckflight", no encryption')
    conn, opened = connection("host all all all password", tls=True)
    assert b"".join(conn.receive(f.ssl_request())) == b"S" and conn.tls_requested
    conn.tls_started()  # what the server layer does after the handshake
    out = send(conn, f.startup(user="alice", database="duckflight"))
    assert request(out) == 3
    out = send(conn, password("secret"))
    assert out[0] == ("R", b"\x00\x00\x00\x00") and opened == ["admin"]


def test_no_matching_rule_is_28000_naming_host_user_database_and_encryption():
    conn, _ = connection("hostssl all all all scram-sha-256", "host all all 10.0.0.0/8 trust")
    fields = f.error_fields(send(conn, f.startup(user="u", database="duckflight"))[0][1])
    assert (fields["S"], fields["C"], fields["M"]) == (
        "FATAL", "28000", 'no pg_hba.conf entry for host "127.0.0.1", user "u", database "duckflight", no encryption')


def test_trust_admits_as_reader_without_a_request():
    conn, opened = connection("host all all 127.0.0.0/8 trust")
    out = send(conn, f.startup(user="alice", database="duckflight"))
    assert out[0] == ("R", b"\x00\x00\x00\x00") and out[-1][0] == "Z" and opened == ["reader"]


def test_ssl_request_is_answered_S_only_with_tls_and_nothing_may_follow_it():
    conn, _ = connection("host all all all trust")
    assert b"".join(conn.receive(f.ssl_request())) == b"N"
    conn, _ = connection("host all all all trust", tls=True)
    assert b"".join(conn.receive(f.ssl_request())) == b"S" and conn.tls_requested
    conn, _ = connection("host all all all trust", tls=True)
    out = b"".join(conn.receive(f.ssl_request() + f.startup(user="u")))
    assert f.error_fields(f.messages(out)[0][1])["M"] == "received unencrypted data after SSL request" and conn.closed


@pytest.mark.parametrize("request_, what", [(f.ssl_request(), "SSL request"),
                                            (struct.pack("!ii", 8, 80877104), "GSSAPI encryption request")])
def test_bytes_sent_with_a_refused_encryption_request_are_refused_too(request_, what):
    """PostgreSQL (CVE-2021-23214) refuses what came in the packet of the request after 'N' as
    after 'S': those bytes were written before the client read the answer."""
    for tail in (f.startup(user="u"), request_, b"\x00"):
        conn, opened = connection("host all all all trust")
        out = b"".join(conn.receive(request_ + tail))
        assert out[:1] == b"N" and conn.closed and opened == []
        fields = f.error_fields(f.messages(out[1:])[0][1])
        assert (fields["S"], fields["C"], fields["M"]) == ("FATAL", "08P01", f"received unencrypted data after {what}")


def test_each_encryption_request_is_answered_once():
    """After 'N' the other request may follow (in either order); the same one again is an
    unknown protocol version, as PostgreSQL reads it then."""
    conn, _ = connection("host all all all trust")
    assert b"".join(conn.receive(f.ssl_request())) == b"N"
    assert b"".join(conn.receive(struct.pack("!ii", 8, 80877104))) == b"N"
    out = b"".join(conn.receive(f.ssl_request()))
    assert f.error_fields(f.messages(out)[0][1])["C"] == "0A000" and conn.closed


def test_anything_but_a_password_message_during_authentication_is_a_protocol_violation():
    conn, _ = connection("host all all all scram-sha-256")
    send(conn, f.startup(user="alice", database="duckflight"))
    fields = f.error_fields(send(conn, f.query("select 1"))[0][1])
    assert fields["C"] == "08P01" and conn.closed
