"""The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677): scramp's, behind PostgreSQL's reading of each message.

PostgreSQL's auth-scram.c (``read_client_first_message``, ``read_client_final_message``,
``verify_final_nonce``, ``verify_client_proof``) decides what each broken message is: a
message that does not parse, a channel-binding flag or attribute out of place, a nonce that is
not the one the server sent, is a protocol violation (08P01); an authorization identity or a
mandatory extension is a feature PostgreSQL lacks (0A000); only a well-formed final message
whose proof is wrong is a failed password (the caller's 28P01). The user name in the client's
first message is ignored (the startup packet's counts) but signed as sent. Bytes are never
decoded as UTF-8 before they are judged. A message that passes is handed to scramp's
server, which makes the server's messages and checks the proof: the cryptography is the
library's, only the judging of broken input (what PostgreSQL answers to it) is ours.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from dataclasses import dataclass
from typing import Optional

from scramp import ScramException, ScramMechanism
from scramp.core import ServerError

from duckflight.gateway.core.sql_error import SqlError

KEY_BYTES = 32  # SHA-256
NONCE_BYTES = 18  # PostgreSQL's SCRAM_RAW_NONCE_LEN


def _error(sqlstate: str, message: str, detail: Optional[str] = None) -> SqlError:
    return SqlError(sqlstate, message, severity="FATAL", detail=detail)


def malformed(detail: str) -> SqlError:
    return _error("08P01", "malformed SCRAM message", detail)


def _shown(data: bytes) -> str:
    """One byte as PostgreSQL's sanitize_char shows it: 'c', or its hex (0x00 for the end)."""
    c = data[0] if data else 0
    return f"\"'{chr(c)}'\"" if 0x21 <= c <= 0x7E else f'"0x{c:02x}"'


class _Reader:
    """A cursor over a SCRAM message: ``attr=value`` pairs separated by commas."""

    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def peek(self) -> bytes:
        return self.data[self.pos:self.pos + 1]

    def expect_comma(self) -> None:
        if self.peek() != b",":
            raise malformed(f"Comma expected, but found character {_shown(self.peek())}.")
        self.pos += 1

    def value(self, attr: bytes) -> bytes:
        """The value of attribute ``attr``, which must come next."""
        if self.peek() != attr:
            raise malformed(f'Expected attribute "{attr.decode()}" but found {_shown(self.peek())}.')
        return self._after_name(attr)

    def any(self) -> tuple[bytes, bytes]:
        """The next attribute, whatever its (one-letter) name."""
        attr = self.peek()
        if not attr.isalpha() or not attr.isascii():
            raise malformed(f"Attribute expected, but found invalid character {_shown(attr)}.")
        return attr, self._after_name(attr)

    def _after_name(self, attr: bytes) -> bytes:
        self.pos += 1
        if self.peek() != b"=":
            raise malformed(f'Expected character "=" for attribute "{attr.decode()}".')
        end = self.data.find(b",", self.pos + 1)
        end = len(self.data) if end < 0 else end
        value, self.pos = self.data[self.pos + 1:end], min(end + 1, len(self.data))
        return value

    def at_end(self) -> bool:
        return self.pos >= len(self.data)


def printable(value: bytes) -> bool:
    """RFC 5802's printable: ASCII 0x21 to 0x7E except the comma."""
    return all(0x21 <= c <= 0x7E and c != 0x2C for c in value)


def check_length(message: bytes) -> None:
    """A SASL message is one string: not empty, no NUL inside."""
    if not message:
        raise malformed("The message is empty.")
    if b"\x00" in message:
        raise malformed("Message length does not match input length.")


@dataclass
class ClientFirst:
    flag: bytes  # b"n", b"y" or b"p"
    header: bytes  # the gs2 header, repeated (base64) in the final message's c=
    bare: bytes  # signed as sent
    nonce: bytes


def read_client_first(message: bytes, binding: bool, binding_offered: bool) -> ClientFirst:
    """``binding``: the client chose SCRAM-SHA-256-PLUS; ``binding_offered``: the server offered it."""
    check_length(message)
    r = _Reader(message)
    flag = r.peek()
    if flag in (b"n", b"y"):
        if binding:
            raise malformed("The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include "
                            "channel binding data.")
        if flag == b"y" and binding_offered:
            raise _error("08P01", "SCRAM channel binding negotiation error",
                         "The client supports SCRAM channel binding but thinks the server does not. "
                         "However, this server does support channel binding.")
        r.pos += 1
        r.expect_comma()
    elif flag == b"p":
        if not binding:
            raise malformed("The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message "
                            "includes channel binding data.")
        name = r.value(b"p")
        if name != b"tls-server-end-point":
            raise _error("08P01", f'unsupported SCRAM channel-binding type "{name.decode("latin-1")}"')
    else:
        raise malformed(f"Unexpected channel-binding flag {_shown(flag)}.")
    if r.peek() == b"a":
        raise _error("0A000", "client uses authorization identity, but it is not supported")
    r.expect_comma()
    header, bare_start = message[:r.pos], r.pos
    if r.peek() == b"m":
        raise _error("0A000", "client requires an unsupported SCRAM extension")
    r.value(b"n")  # the name: the startup packet's counts
    nonce = r.value(b"r")
    if not printable(nonce):
        raise _error("08P01", "non-printable characters in SCRAM nonce")
    while not r.at_end():  # extensions, ignored
        r.any()
    return ClientFirst(flag[:1], header, message[bare_start:], nonce)


@dataclass
class ClientFinal:
    binding: bytes  # the c= value, base64
    nonce: bytes
    proof: bytes  # decoded
    without_proof: bytes  # signed


def read_client_final(message: bytes) -> ClientFinal:
    check_length(message)
    r = _Reader(message)
    binding = r.value(b"c")
    nonce = r.value(b"r")
    while True:  # extensions, up to the proof
        start = r.pos
        attr, value = r.any()
        if attr == b"p":
            break
    try:
        proof = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        proof = b""
    if len(proof) != KEY_BYTES:
        raise malformed("Malformed proof in client-final-message.")
    if not r.at_end():
        raise malformed("Garbage found at the end of client-final-message.")
    return ClientFinal(binding, nonce, proof, message[:start - 1])


class ScramServer:
    """One exchange: ``first(client-first)`` gives the server-first message, ``final(client-final)``
    checks the proof (False: wrong password) and ``server_final()`` proves the server knows the key.
    ``verifier``: (salt, stored key, server key, iterations); ``binding``: the client chose -PLUS;
    ``channel``: ("tls-server-end-point", the server's certificate, PEM) when TLS is on (offered)."""

    def __init__(self, verifier: tuple, binding: bool, channel: Optional[tuple[str, str]] = None):
        self.verifier, self.binding, self.channel = verifier, binding, channel
        self.server = None
        self.client: Optional[ClientFirst] = None

    def first(self, message: bytes) -> bytes:
        self.client = read_client_first(message, self.binding, self.channel is not None)
        # The server's part of the nonce, as PostgreSQL makes it (18 random bytes, base64). scramp
        # reads the message as PostgreSQL has judged it: the name a placeholder (libpq sends none,
        # which scramp refuses), no extensions; and since it refuses an empty client nonce, which
        # PostgreSQL takes, the first character of ours then stands in for it (the nonce is the same).
        ours = base64.b64encode(secrets.token_bytes(NONCE_BYTES)).decode("ascii")
        theirs = self.client.nonce.decode("ascii") or ours[0]
        mechanism = ScramMechanism("SCRAM-SHA-256-PLUS" if self.binding else "SCRAM-SHA-256")
        self.server = mechanism.make_server(lambda _name: self.verifier, channel_binding=self.channel,
                                            s_nonce=ours if self.client.nonce else ours[1:])
        try:
            self.server.set_client_first(f"{self.client.header.decode('ascii')}n=*,r={theirs}")
        except (ScramException, ValueError) as error:  # what PostgreSQL's reading let through, scramp did not
            raise malformed(str(error)) from None
        self.server.client_first_bare = _text(self.client.bare)  # signed as sent
        return self.server.get_server_first().encode("ascii")

    def final(self, message: bytes) -> bool:
        final = read_client_final(message)
        if self.binding:
            cbind = bytes(self.server.cb.data) if self.server.cb is not None else b""
            if _b64(final.binding) != self.client.header + cbind:
                raise _error("08P01", "SCRAM channel binding check failed")
        elif final.binding != {b"n": b"biws", b"y": b"eSws"}[self.client.flag]:
            raise _error("08P01", "unexpected SCRAM channel-binding attribute in client-final-message")
        if final.nonce.decode("ascii", "replace") != str(self.server.nonce):
            raise _error("08P01", "invalid SCRAM response", "Nonce does not match.")
        try:
            # Up to the proof, as PostgreSQL reads it (a comma after the proof ends nothing).
            self.server.set_client_final((final.without_proof + b",p=" + base64.b64encode(final.proof)).decode("ascii"))
        except (ScramException, ValueError, KeyError) as error:  # UnicodeDecodeError is a ValueError
            if getattr(error, "server_error", None) == ServerError.INVALID_PROOF:
                return False
            raise malformed(str(error)) from None
        return True

    def server_final(self) -> bytes:
        return self.server.get_server_final().encode("ascii")


def _text(value: bytes) -> str:
    """A name as scramp signs it (UTF-8); bytes that are not UTF-8 are read one per character,
    so such a client's proof fails (28P01) where PostgreSQL, which signs raw bytes, admits it."""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")


def _b64(value: bytes) -> Optional[bytes]:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
