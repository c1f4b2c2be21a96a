"""The password exchanges of the startup phase, one object per connection, no I/O.

Each exchange gives the protocol the authentication request to send (``begin``) and takes each
password message the client answers with (``receive``), returning the next message to send,
until ``role`` is set (authenticated) or it raises a FATAL ``SqlError``. Mirrors PostgreSQL's
auth.c: ``CheckSASLAuth`` (SCRAM-SHA-256, RFC 7677, its messages read by ``scram.py``), ``CheckMD5Auth``
and ``CheckPasswordAuth`` (cleartext). Whether the user does not exist or the password is wrong,
the client hears the same 28P01 ``password authentication failed for user "NAME"``; for an
unknown user the SCRAM exchange runs to its end against a made-up verifier, with a salt that is
the same on every try (PostgreSQL's scram_mock_salt), so the exchange tells nothing either.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import struct
from typing import Optional


from duckflight.gateway.auth.scram import ScramServer
from duckflight.gateway.auth.users import ITERATIONS, SALT_BYTES, User, Verifier
from duckflight.gateway.pgwire import messages as m
from duckflight.gateway.core.sql_error import SqlError

log = logging.getLogger(__name__)

SCRAM, SCRAM_PLUS = "SCRAM-SHA-256", "SCRAM-SHA-256-PLUS"


def fatal(sqlstate: str, message: str, **fields) -> SqlError:
    return SqlError(sqlstate, message, severity="FATAL", **fields)


class Exchange:
    """One connection's authentication: ``begin()``, then ``receive()`` until ``role`` is set."""

    def __init__(self, user: str, address: str, method: str, record: Optional[User]):
        self.user, self.address, self.method, self.record = user, address, method, record
        self.role: Optional[str] = None

    def begin(self) -> bytes:
        raise NotImplementedError

    def receive(self, data: bytes) -> bytes:
        raise NotImplementedError

    expected = "expected password response"  # what any other message than a PasswordMessage hears
    max_message = m.MAX_AUTH_FRAME  # the longest PasswordMessage (its length word)

    def length_refused(self) -> Optional[SqlError]:
        """A PasswordMessage too long or too short: PostgreSQL hangs up without a word (None)."""
        return None

    def _accept(self) -> bytes:
        self.role = self.record.role
        log.debug('user "%s" from %s authenticated (%s)', self.user, self.address, self.method)
        return b""

    def _fail(self, reason: str) -> SqlError:
        """The error every failed password check ends with, logged with why (never the password)."""
        if self.record is None:
            reason = f'Role "{self.user}" does not exist.'
        log.warning('authentication failed for user "%s" from %s (%s): %s', self.user, self.address,
                    self.method, reason)
        return fatal("28P01", f'password authentication failed for user "{self.user}"')


class Trusted(Exchange):
    """``trust``: no question asked; the session gets the role ``reader``."""

    def begin(self) -> bytes:
        self.role = "reader"
        log.debug('user "%s" from %s admitted by trust', self.user, self.address)
        return b""


class Scram(Exchange):
    """SCRAM-SHA-256: SASL, SASLContinue, SASLFinal (auth-sasl.c's CheckSASLAuth; the messages are
    read by scram.py). Over TLS (``certificate``: the server's, PEM) SCRAM-SHA-256-PLUS is offered
    first, binding the exchange to the TLS channel by the hash of that certificate
    (tls-server-end-point), as PostgreSQL does."""

    expected = "expected SASL response"
    max_message = m.MAX_SASL_FRAME

    def __init__(self, user: str, address: str, method: str, record: Optional[User], mock_secret: bytes,
                 certificate: Optional[str] = None):
        super().__init__(user, address, method, record)
        self.verifier = record.scram if record is not None else _mock_verifier(user, mock_secret)
        self.certificate = certificate
        self.server: Optional[ScramServer] = None
        self.step = "initial"  # initial (SASLInitialResponse), first, final: the message expected

    def begin(self) -> bytes:
        return m.authentication_sasl([SCRAM_PLUS, SCRAM] if self.certificate else [SCRAM])

    def receive(self, data: bytes) -> bytes:
        if self.step == "initial":
            mechanism, data = _sasl_initial_response(data, (SCRAM_PLUS, SCRAM) if self.certificate else (SCRAM,))
            v, plus = self.verifier, mechanism == SCRAM_PLUS
            channel = ("tls-server-end-point", self.certificate) if self.certificate else None
            self.server = ScramServer((v.salt, v.stored_key, v.server_key, v.iterations), plus, channel)
            self.step = "first"
            if data is None:  # no initial response: an empty challenge, the client-first comes next
                return m.authentication_sasl_continue(b"")
        if self.step == "first":
            self.step = "final"
            return m.authentication_sasl_continue(self.server.first(data))
        if not self.server.final(data) or self.record is None:  # the mock verifier admits no one
            raise self._fail(f'Password does not match for user "{self.user}".')
        self._accept()
        return m.authentication_sasl_final(self.server.server_final())

    def length_refused(self) -> Optional[SqlError]:
        """A SASL message too long or too short ends the exchange as a failed login (auth-sasl.c)."""
        return self._fail("invalid message length")


def _sasl_initial_response(data: bytes, mechanisms: tuple[str, ...]) -> tuple[str, Optional[bytes]]:
    """SASLInitialResponse, read as PostgreSQL reads it (pq_getmsgrawstring, pq_getmsgint,
    pq_getmsgbytes, pq_getmsgend): the mechanism, which must be one offered, then an int32 length
    (-1: no initial response) and that many bytes, the client-first-message."""
    end = data.find(b"\x00")
    if end < 0:
        raise m.ProtocolViolation("invalid string in message")
    mechanism = data[:end].decode("latin-1")
    if mechanism not in mechanisms:
        raise fatal("08P01", "client selected an invalid SASL authentication mechanism")
    if len(data) < end + 5:
        raise m.ProtocolViolation("insufficient data left in message")
    (length,) = struct.unpack_from("!i", data, end + 1)
    rest = data[end + 5:]
    if length < -1 or length > len(rest):
        raise m.ProtocolViolation("insufficient data left in message")
    if len(rest) > max(length, 0):
        raise m.ProtocolViolation("invalid message format")
    return mechanism, None if length == -1 else rest


def _mock_verifier(user: str, secret: bytes) -> Verifier:
    """A verifier no password opens, the same for a name on every try (PostgreSQL's mock SCRAM)."""
    digest = hashlib.sha256(secret + user.encode("utf-8")).digest()
    return Verifier(ITERATIONS, digest[:SALT_BYTES], hashlib.sha256(digest).digest(),
                    hashlib.sha256(digest + secret).digest())


class Md5(Exchange):
    """``md5``: AuthenticationMD5Password with a random salt; the client answers
    ``md5`` || md5(md5(password || user) || salt)."""

    def __init__(self, user: str, address: str, method: str, record: Optional[User]):
        super().__init__(user, address, method, record)
        self.salt = secrets.token_bytes(4)

    def begin(self) -> bytes:
        return m.authentication_md5_password(self.salt)

    def receive(self, data: bytes) -> bytes:
        answer = _password(data)
        if self.record is None or not self.record.md5:
            raise self._fail(f'User "{self.user}" has no md5 password.')
        expected = "md5" + hashlib.md5(self.record.md5[3:].encode("ascii") + self.salt).hexdigest()
        if not hmac.compare_digest(answer.encode("utf-8"), expected.encode("ascii")):
            raise self._fail(f'Password does not match for user "{self.user}".')
        return self._accept()


class Cleartext(Exchange):
    """``password``: AuthenticationCleartextPassword; the password is checked against the verifier."""

    def begin(self) -> bytes:
        return m.authentication_cleartext_password()

    def receive(self, data: bytes) -> bytes:
        password = _password(data)
        if self.record is None or not self.record.scram.matches(password):
            raise self._fail(f'Password does not match for user "{self.user}".')
        return self._accept()


def _password(data: bytes) -> str:
    """A PasswordMessage: one NUL-terminated string and nothing after it, not empty
    (auth.c's recv_password_packet)."""
    if not data.endswith(b"\x00") or data.index(b"\x00") != len(data) - 1:
        raise fatal("08P01", "invalid password packet size")
    if data == b"\x00":
        raise fatal("28P01", "empty password returned by client")
    return data[:-1].decode("utf-8", "replace")
