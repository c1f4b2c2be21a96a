"""The password exchanges of the startup phase, one object per connection, no I/O.

Each exchange gives the protocol the authentication request to send (``begin``) and takes each
password message the client answers with (``receive``), returning the next message to send,
until ``role`` is set (authenticated) or it raises a FATAL ``SqlError``. Mirrors PostgreSQL's
auth.c: ``CheckSASLAuth`` (SCRAM-SHA-256, RFC 7677, server side by ``scramp``), ``CheckMD5Auth``
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

from scramp import ScramException, ScramMechanism

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
    """SCRAM-SHA-256: SASL, SASLContinue, SASLFinal. Over TLS (``certificate``: the server's, PEM)
    SCRAM-SHA-256-PLUS is offered first, binding the exchange to the TLS channel by the hash of
    that certificate (tls-server-end-point), as PostgreSQL does."""

    def __init__(self, user: str, address: str, method: str, record: Optional[User], mock_secret: bytes,
                 certificate: Optional[str] = None):
        super().__init__(user, address, method, record)
        self.verifier = record.scram if record is not None else _mock_verifier(user, mock_secret)
        self.binding = ("tls-server-end-point", certificate) if certificate else None
        self.server = None

    def begin(self) -> bytes:
        return m.authentication_sasl([SCRAM_PLUS, SCRAM] if self.binding else [SCRAM])

    def receive(self, data: bytes) -> bytes:
        if self.server is None:
            mechanism, answer = _sasl_initial_response(data)
            if mechanism not in ((SCRAM_PLUS, SCRAM) if self.binding else (SCRAM,)):
                raise fatal("08P01", "client selected an invalid SASL authentication mechanism")
            v = self.verifier
            # The name in the client's first message is ignored, as PostgreSQL does: the startup packet's counts.
            self.server = ScramMechanism(mechanism).make_server(
                lambda _name: (v.salt, v.stored_key, v.server_key, v.iterations), channel_binding=self.binding)
            try:
                self._client_first(answer)
                return m.authentication_sasl_continue(self.server.get_server_first().encode("utf-8"))
            except ScramException as error:
                raise fatal("08P01", "malformed SCRAM message", detail=str(error)) from None
        try:
            self.server.set_client_final(data.decode("utf-8", "replace"))
        except ScramException as error:
            raise self._fail(f'Password does not match for user "{self.user}".' if
                             getattr(error.server_error, "value", None) == "invalid-proof" else str(error)) from None
        if self.record is None:  # cannot happen (no password makes the mock's proof), but never admit
            raise self._fail("")
        final = self.server.get_server_final().encode("utf-8")
        self._accept()
        return m.authentication_sasl_final(final)


    def _client_first(self, message: str) -> None:
        """libpq sends an empty name (``n=,``: the startup packet's counts), which scramp refuses:
        it reads the message with a placeholder name, then signs with what the client sent."""
        comma = message.find(",", message.find(",") + 1) + 1  # after the gs2 header
        bare = message[comma:]
        if not bare.startswith("n=,"):
            self.server.set_client_first(message)
            return
        self.server.set_client_first(message[:comma] + "n=*" + bare[2:])
        self.server.client_first_bare = bare  # part of the AuthMessage both sides sign


def _sasl_initial_response(data: bytes) -> tuple[str, str]:
    """SASLInitialResponse: mechanism name, int32 length (-1: none), the client-first-message."""
    end = data.find(b"\x00")
    if end < 0 or len(data) < end + 5:
        raise m.ProtocolViolation("invalid SASL initial response")
    (length,) = struct.unpack_from("!i", data, end + 1)
    answer = data[end + 5:]
    if length != len(answer) and not (length == -1 and not answer):
        raise m.ProtocolViolation("invalid SASL initial response length")
    return data[:end].decode("utf-8", "replace"), answer.decode("utf-8", "replace")


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
        if self.record is None or not password or not self.record.scram.matches(password):
            raise self._fail(f'Password does not match for user "{self.user}".')
        return self._accept()


def _password(data: bytes) -> str:
    """A PasswordMessage: one NUL-terminated string and nothing after it."""
    if not data.endswith(b"\x00") or data.index(b"\x00") != len(data) - 1:
        raise fatal("08P01", "invalid password packet size")
    return data[:-1].decode("utf-8", "replace")
