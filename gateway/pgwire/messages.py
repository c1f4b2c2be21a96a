"""Postgres wire-protocol codec: frames, frontend decoders, backend encoders. No I/O.

``FrameReader`` cuts a byte stream into frames; ``decode`` turns a frame into one of the
frontend message dataclasses below; the ``*`` encoder functions return the bytes of one
backend message. As in PostgreSQL (postgres.c SocketBackend, pqcomm.c pq_getmessage), a
broken frame -- an unknown type byte, a length below 4 or past the type's limit -- raises
``ProtocolViolation`` (FATAL 08P01: the stream cannot be trusted, the connection ends);
a whole frame whose body is malformed raises ``MalformedMessage`` (ERROR 08P01, PG's
pqformat.c texts) and a string that is not UTF-8 raises SQLSTATE 22021: the session
goes on, as the frame boundary is intact.

    >>> r = FrameReader(); r.feed(b"\\x00\\x00\\x00\\x08\\x04\\xd2\\x16\\x2f")
    >>> decode(next(iter(r)))
    SSLRequest()
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Iterator, Optional, Sequence

from duckflight.gateway.core.sql_error import SqlError

SSL_REQUEST_CODE = 80877103
GSSENC_REQUEST_CODE = 80877104
CANCEL_REQUEST_CODE = 80877102
PROTOCOL_3_0 = 196608  # 3 << 16

# Length limits (the length word included), PostgreSQL 15's: a frame past its type's limit
# ends the connection before any of its body is read, so one connection buffers at most
# that much (docs/decisions.md).
MAX_FRAME = 1 << 30  # PQ_LARGE_MESSAGE_LIMIT: Query, Parse, Bind, CopyData, FunctionCall
MAX_SMALL_FRAME = 10000  # PQ_SMALL_MESSAGE_LIMIT: every other message type
MAX_AUTH_FRAME = 65535  # PG_MAX_AUTH_TOKEN_LENGTH: a PasswordMessage, its length word counted
MAX_SASL_FRAME = 1024  # PG_MAX_SASL_MESSAGE_LENGTH: a PasswordMessage of a SASL exchange, likewise
MAX_STARTUP_FRAME = 10000 + 4  # MAX_STARTUP_PACKET_LENGTH counts the body only
FRAME_LIMITS = {
    **dict.fromkeys(b"QPBdF", MAX_FRAME),
    **dict.fromkeys(b"DCEHSXcf", MAX_SMALL_FRAME),
    ord("p"): MAX_AUTH_FRAME,
}
SESSION_FRAME_LIMITS = {t: n for t, n in FRAME_LIMITS.items() if t != ord("p")}

_I16 = struct.Struct("!h")
_U16 = struct.Struct("!H")
_I32 = struct.Struct("!i")
_U32 = struct.Struct("!I")


class ProtocolViolation(SqlError):
    """The peer broke the protocol; the connection ends after reporting it."""

    def __init__(self, message: str):
        super().__init__("08P01", message, severity="FATAL")


class AuthLengthViolation(ProtocolViolation):
    """A PasswordMessage whose length word is out of bounds; the exchange decides what is said."""

    def __init__(self):
        super().__init__("invalid message length")


class MalformedMessage(SqlError):
    """A complete frame whose body does not parse: an ERROR, the session goes on."""

    def __init__(self, message: str):
        super().__init__("08P01", message)


def utf8(raw: bytes) -> str:
    """``raw`` as text; SQLSTATE 22021 naming the first bad sequence as PG does (mbutils.c
    pg_verify_mbstr: a NUL is bad too; report_invalid_encoding: the bytes its first byte
    announces)."""
    try:
        text, bad = raw.decode("utf-8"), raw.find(b"\x00")
    except UnicodeDecodeError as exc:
        text, nul = "", raw.find(b"\x00", 0, exc.start)
        bad = exc.start if nul < 0 else nul
    if bad < 0:
        return text
    first = raw[bad]
    size = 2 if first & 0xE0 == 0xC0 else 3 if first & 0xF0 == 0xE0 else 4 if first & 0xF8 == 0xF0 else 1
    shown = " ".join(f"0x{b:02x}" for b in raw[bad : bad + size])
    raise SqlError("22021", f'invalid byte sequence for encoding "UTF8": {shown}')


@dataclass(frozen=True)
class Frame:
    """One message: ``type`` is its 1-byte code, or b"" for an untyped startup frame."""

    type: bytes
    payload: bytes


# ---------------------------------------------------------------------------- frames


class FrameReader:
    """Accumulates bytes and yields complete frames.

    Starts in the startup phase (frames are int32 length + body, no type byte) and
    switches to typed frames once it has yielded a StartupMessage, as the server does.
    """

    def __init__(self) -> None:
        self._buf = bytearray()
        self._pos = 0  # consumed prefix of _buf: compacting once per feed, not per frame
        self.startup_phase = True
        self.limits = FRAME_LIMITS  # the types accepted, with their length limits
        self.expected: Optional[str] = None  # while authenticating: what any other type than 'p' hears

    def authenticating(self, expected: str, limit: int) -> None:
        """The password exchange: only PasswordMessages of at most ``limit`` bytes, any other type
        refused on its type byte with ``expected`` (PostgreSQL's "expected SASL response, got
        message type N")."""
        self.limits, self.expected = {ord("p"): limit}, expected

    def session_started(self) -> None:
        """Authentication is over: a PasswordMessage is now refused on its type byte, as
        PostgreSQL's SocketBackend refuses it."""
        self.limits, self.expected = SESSION_FRAME_LIMITS, None

    def buffered(self) -> int:
        """Bytes received and not yet cut into a frame."""
        return len(self._buf) - self._pos

    def feed(self, data: bytes) -> None:
        if self._pos:
            del self._buf[: self._pos]
            self._pos = 0
        self._buf += data

    def __iter__(self) -> Iterator[Frame]:
        while True:
            frame = self._next()
            if frame is None:
                return
            yield frame

    def _next(self) -> Optional[Frame]:
        buf, pos = self._buf, self._pos
        head = 4 if self.startup_phase else 5
        if not self.startup_phase and len(buf) > pos and buf[pos] not in self.limits:
            if self.expected:
                raise ProtocolViolation(f"{self.expected}, got message type {buf[pos]}")
            raise ProtocolViolation(f"invalid frontend message type {buf[pos]}")  # before its length
        if len(buf) - pos < head:
            return None
        if self.startup_phase:
            ftype, (length,) = b"", _I32.unpack_from(buf, pos)
            if not 8 <= length <= MAX_STARTUP_FRAME:
                raise ProtocolViolation("invalid length of startup packet")
        else:
            ftype, (length,) = bytes(buf[pos : pos + 1]), _I32.unpack_from(buf, pos + 1)
            if not 4 <= length <= self.limits[buf[pos]]:
                raise AuthLengthViolation() if self.expected else ProtocolViolation("invalid message length")
        end = pos + head + length - 4
        if len(buf) < end:
            return None
        payload = bytes(buf[pos + head : end])
        self._pos = end
        if self.startup_phase and len(payload) >= 4:
            (code,) = _I32.unpack_from(payload, 0)
            if code >> 16 == 3:  # a StartupMessage: typed frames follow
                self.startup_phase = False
        return Frame(ftype, payload)


# ---------------------------------------------------------------- frontend messages


@dataclass
class SSLRequest:
    pass


@dataclass
class GSSENCRequest:
    pass


@dataclass
class CancelRequest:
    pid: int
    secret: int


@dataclass
class Startup:
    protocol: int
    params: dict[str, str]


@dataclass
class Query:
    sql: str


@dataclass
class Parse:
    name: str
    sql: str
    param_oids: list[int]


@dataclass
class Bind:
    portal: str
    statement: str
    param_formats: list[int]
    params: list[Optional[bytes]]
    result_formats: list[int]
    malformed: Optional[SqlError] = None  # the rest did not parse: raised once the statement is found


@dataclass
class Describe:
    kind: str  # "S" statement or "P" portal
    name: str


@dataclass
class Execute:
    portal: str
    max_rows: int


@dataclass
class Close:
    kind: str
    name: str


@dataclass
class Sync:
    pass


@dataclass
class Flush:
    pass


@dataclass
class Terminate:
    pass


@dataclass
class PasswordMessage:
    data: bytes = field(repr=False)


@dataclass
class FunctionCall:
    data: bytes = field(repr=False)


@dataclass
class CopyMessage:
    """CopyData, CopyDone or CopyFail: PG ignores them outside COPY FROM STDIN."""

    type: bytes


class _Payload:
    """Cursor over one payload; every read checks bounds, with pqformat.c's errors."""

    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def _need(self, n: int) -> None:
        if n < 0 or self.pos + n > len(self.data):
            raise MalformedMessage("insufficient data left in message")

    def int32(self) -> int:
        self._need(4)
        (v,) = _I32.unpack_from(self.data, self.pos)
        self.pos += 4
        return v

    def uint32(self) -> int:
        self._need(4)
        (v,) = _U32.unpack_from(self.data, self.pos)
        self.pos += 4
        return v

    def bytes(self, n: int) -> bytes:
        self._need(n)
        v = self.data[self.pos : self.pos + n]
        self.pos += n
        return v

    def cstr(self) -> str:
        end = self.data.find(b"\x00", self.pos)
        if end < 0:
            raise MalformedMessage("invalid string in message")
        raw = self.data[self.pos : end]
        self.pos = end + 1
        return utf8(raw)

    def char(self) -> str:
        if self.pos >= len(self.data):
            raise MalformedMessage("no data left in message")
        return self.bytes(1).decode("latin-1")

    def uint16(self) -> int:
        """A count: PostgreSQL reads counts as unsigned (pq_getmsgint), up to 65,535."""
        self._need(2)
        (v,) = _U16.unpack_from(self.data, self.pos)
        self.pos += 2
        return v

    def int16_list(self) -> list[int]:
        n = self.uint16()
        self._need(2 * n)
        values = list(struct.unpack_from(f"!{n}h", self.data, self.pos))
        self.pos += 2 * n
        return values

    def end(self) -> None:
        if self.pos != len(self.data):
            raise MalformedMessage("invalid message format")


def decode(frame: Frame):
    """The frontend message in ``frame``: ProtocolViolation for a broken startup packet,
    MalformedMessage (or SqlError 22021) for a typed frame's bad body."""
    if frame.type == b"":
        return _decode_untyped(frame.payload)
    return _TYPED[frame.type](frame.payload)  # FrameReader let only these types through


def _decode_untyped(payload: bytes):
    """PG's ProcessStartupPacket: the request codes first (SSL and GSSAPI requests are
    answered whatever their length; a CancelRequest of the wrong length names no
    backend, as PG 17 refuses it), then the protocol version, then the layout."""
    code = _U32.unpack_from(payload)[0]
    if code == SSL_REQUEST_CODE:
        return SSLRequest()
    if code == GSSENC_REQUEST_CODE:
        return GSSENCRequest()
    if code == CANCEL_REQUEST_CODE:
        return CancelRequest(*struct.unpack("!ii", payload[4:])) if len(payload) == 12 else CancelRequest(0, 0)
    if code >> 16 != 3:
        raise SqlError("0A000", f"unsupported frontend protocol {code >> 16}.{code & 0xFFFF}: "
                       "server supports 3.0 to 3.0", severity="FATAL")
    return Startup(code, _startup_params(payload))


def _startup_params(payload: bytes) -> dict[str, str]:
    """name\0value\0 pairs, then a NUL that must be the packet's last byte."""
    params: dict[str, str] = {}
    pos, n = 4, len(payload)
    while pos < n and payload[pos] != 0:
        name_end = payload.find(b"\x00", pos)
        if name_end < 0 or name_end + 1 >= n:
            break  # a name without its value
        value_end = payload.find(b"\x00", name_end + 1)
        if value_end < 0:
            break
        params[utf8(payload[pos:name_end])] = utf8(payload[name_end + 1 : value_end])
        pos = value_end + 1
    if pos != n - 1:
        raise ProtocolViolation("invalid startup packet layout: expected terminator as last byte")
    return params


def _query(b: bytes) -> Query:
    p = _Payload(b)
    sql = p.cstr()
    p.end()
    return Query(sql)


def _parse(b: bytes) -> Parse:
    p = _Payload(b)
    name, sql = p.cstr(), p.cstr()
    n = p.uint16()
    oids = [p.uint32() for _ in range(n)]
    p.end()
    return Parse(name, sql, oids)


def _bind(b: bytes) -> Bind:
    p = _Payload(b)
    portal, statement = p.cstr(), p.cstr()
    try:
        formats = p.int16_list()
        n = p.uint16()
        values: list[Optional[bytes]] = []
        for _ in range(n):
            size = p.int32()
            values.append(None if size == -1 else p.bytes(size))
        result_formats = p.int16_list()
        p.end()
    except MalformedMessage as exc:  # PG looks the statement up before it reads on (exec_bind_message)
        return Bind(portal, statement, [], [], [], malformed=exc)
    return Bind(portal, statement, formats, values, result_formats)


def _describe_or_close(cls, what: str):
    def dec(b: bytes):
        p = _Payload(b)
        kind, name = p.char(), p.cstr()
        p.end()
        if kind not in ("S", "P"):
            raise MalformedMessage(f"invalid {what} message subtype {ord(kind)}")
        return cls(kind, name)

    return dec


def _execute(b: bytes) -> Execute:
    p = _Payload(b)
    portal, max_rows = p.cstr(), p.int32()
    p.end()
    return Execute(portal, max(max_rows, 0))  # PG treats <= 0 as "all rows"


def _empty(cls):
    def dec(b: bytes):
        _Payload(b).end()
        return cls()

    return dec


_TYPED = {
    b"Q": _query,
    b"P": _parse,
    b"B": _bind,
    b"D": _describe_or_close(Describe, "DESCRIBE"),
    b"E": _execute,
    b"C": _describe_or_close(Close, "CLOSE"),
    b"S": _empty(Sync),
    b"H": _empty(Flush),
    b"X": lambda b: Terminate(),  # PG reads no further than the type
    b"p": PasswordMessage,
    b"F": FunctionCall,
    **{t: lambda b, t=t: CopyMessage(t) for t in (b"d", b"c", b"f")},
}


# ------------------------------------------------------------------ backend messages


def _msg(code: bytes, body: bytes = b"") -> bytes:
    return code + _I32.pack(len(body) + 4) + body


def _cstr(s: str) -> bytes:
    return s.encode("utf-8") + b"\x00"


def authentication_ok() -> bytes:
    return _msg(b"R", _I32.pack(0))


def authentication_cleartext_password() -> bytes:
    """AuthenticationCleartextPassword: the client answers with its password (method ``password``)."""
    return _msg(b"R", _I32.pack(3))


def authentication_md5_password(salt: bytes) -> bytes:
    """AuthenticationMD5Password with its 4-byte salt (method ``md5``)."""
    return _msg(b"R", _I32.pack(5) + salt)


def authentication_sasl(mechanisms: Sequence[str]) -> bytes:
    """AuthenticationSASL: the mechanisms offered, each a string, then an empty one."""
    return _msg(b"R", _I32.pack(10) + b"".join(_cstr(name) for name in mechanisms) + b"\x00")


def authentication_sasl_continue(data: bytes) -> bytes:
    """AuthenticationSASLContinue: the server-first-message of SCRAM."""
    return _msg(b"R", _I32.pack(11) + data)


def authentication_sasl_final(data: bytes) -> bytes:
    """AuthenticationSASLFinal: the server-final-message (the server's signature)."""
    return _msg(b"R", _I32.pack(12) + data)


def parameter_status(name: str, value: str) -> bytes:
    return _msg(b"S", _cstr(name) + _cstr(value))


def backend_key_data(pid: int, secret: int) -> bytes:
    return _msg(b"K", _I32.pack(pid) + _I32.pack(secret))


def ready_for_query(status: bytes) -> bytes:
    return _msg(b"Z", status)


@dataclass(frozen=True)
class FieldDescription:
    """One RowDescription column; table oid and attribute number are always 0."""

    name: str
    type_oid: int
    typlen: int
    typmod: int
    format: int


def row_description(fields: Sequence[FieldDescription]) -> bytes:
    parts = [_I16.pack(len(fields))]
    for f in fields:
        parts.append(_cstr(f.name))
        parts.append(struct.pack("!IhIhih", 0, 0, f.type_oid, f.typlen, f.typmod, f.format))
    return _msg(b"T", b"".join(parts))


def command_complete(tag: str) -> bytes:
    return _msg(b"C", _cstr(tag))


def _fields(err: SqlError) -> bytes:
    parts = [b"S", _cstr(err.severity), b"V", _cstr(err.severity)]
    parts += [b"C", _cstr(err.sqlstate), b"M", _cstr(err.message)]
    if err.detail:
        parts += [b"D", _cstr(err.detail)]
    if err.hint:
        parts += [b"H", _cstr(err.hint)]
    if err.position:
        parts += [b"P", _cstr(str(err.position))]
    return b"".join(parts) + b"\x00"


def error_response(err: SqlError) -> bytes:
    return _msg(b"E", _fields(err))


def notice_response(notice: SqlError) -> bytes:
    """A NoticeResponse; pass an SqlError with severity NOTICE/WARNING/INFO."""
    return _msg(b"N", _fields(notice))


def parse_complete() -> bytes:
    return b"1\x00\x00\x00\x04"


def bind_complete() -> bytes:
    return b"2\x00\x00\x00\x04"


def close_complete() -> bytes:
    return b"3\x00\x00\x00\x04"


def no_data() -> bytes:
    return b"n\x00\x00\x00\x04"


def portal_suspended() -> bytes:
    return b"s\x00\x00\x00\x04"


def empty_query_response() -> bytes:
    return b"I\x00\x00\x00\x04"


def parameter_description(oids: Sequence[int]) -> bytes:
    # PostgreSQL sends the count as 16 bits (more than 65,535 wrap around) and every OID.
    return _msg(b"t", _U16.pack(len(oids) & 0xFFFF) + struct.pack(f"!{len(oids)}I", *oids))


def negotiate_protocol_version(newest_minor: int, unrecognized: Sequence[str]) -> bytes:
    body = _I32.pack(newest_minor) + _I32.pack(len(unrecognized))
    return _msg(b"v", body + b"".join(_cstr(o) for o in unrecognized))


def copy_out_response(binary: bool, ncols: int) -> bytes:
    """CopyOutResponse: overall format, then every column's format (all the same)."""
    fmt = 1 if binary else 0
    return _msg(b"H", struct.pack("!bh", fmt, ncols) + _I16.pack(fmt) * ncols)


def copy_data(data: bytes) -> bytes:
    return _msg(b"d", data)


def copy_done() -> bytes:
    return b"c\x00\x00\x00\x04"
