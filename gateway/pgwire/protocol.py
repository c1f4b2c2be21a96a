"""The per-connection protocol state machine: frontend bytes in, backend bytes out. No I/O.

``ProtocolConnection.receive(data)`` is a generator of byte chunks to send; results
stream out chunk by chunk (output is buffered and released at ReadyForQuery, Flush, or
past ``FLUSH_BYTES``). After it is exhausted, ``closed`` says whether to hang up.

States (asyncpg-style, transitions guarded in ``_dispatch``)::

    STARTUP --StartupMessage--> [AUTH --password messages-->] READY --error in extended query--> DISCARD
       |  (SSLRequest: 'S' when TLS is set up, else 'N'; stay)      any --Terminate/fatal--> CLOSED

With an ``auth`` policy (gateway/auth/policy.py) the StartupMessage starts its password
exchange (AUTH) and the session opens with the role it gives; without one, every client is
admitted (tests, embedding). On SSLRequest answered 'S', ``tls_requested`` tells the socket
layer to run the TLS handshake and then call ``tls_started()``; the startup goes on inside TLS.

Statements and portals follow PG: the unnamed ones are replaced freely, Sync ends the
implicit transaction (dropping portals), and a suspended portal resumes its result. A
cursor the backend opened with DECLARE is a portal of that name too. Changed reported
settings go out as ParameterStatus just before ReadyForQuery; an Outcome with ``copy``
goes out as CopyOutResponse, CopyData rows and CopyDone (``copy.py``).
"""

from __future__ import annotations

import enum
import logging
import re
import secrets
import threading
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

import pyarrow as pa

from . import messages as m
from duckflight.gateway.core.params import BoundParam
from duckflight.gateway.core.sql_error import SqlError
from .backend import Backend, BackendFactory, Described, Outcome
from .copy import CopyEncoder
from .encoder import RowEncoder, describe_fields, result_formats
from .types import decode_param

log = logging.getLogger(__name__)

FLUSH_BYTES = 256 * 1024

DEFAULT_PARAMETERS = {
    "server_version": "15.6",
    "server_encoding": "UTF8",
    "client_encoding": "UTF8",
    "DateStyle": "ISO, MDY",
    "default_transaction_read_only": "off",
    "in_hot_standby": "off",
    "integer_datetimes": "on",
    "standard_conforming_strings": "on",
    "TimeZone": "UTC",
    "IntervalStyle": "postgres",
    "is_superuser": "off",
}


STARTUP_TIMEOUT = 60.0  # seconds to send the startup packet (PostgreSQL's authentication_timeout)


class State(enum.Enum):
    STARTUP = "startup"
    AUTH = "auth"  # the password exchange of the startup phase
    READY = "ready"
    DISCARD = "discard"  # an extended-query message failed: skip until Sync
    CLOSED = "closed"


class CancelRegistry:
    """Backends by (pid, secret) so a CancelRequest on another connection finds its target."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._backends: dict[int, tuple[int, Backend]] = {}

    def register(self, backend: Backend) -> tuple[int, int]:
        with self._lock:
            while True:
                pid = secrets.randbelow(2**31 - 1) + 1
                if pid not in self._backends:
                    break
            secret = secrets.randbits(32) - 2**31
            self._backends[pid] = (secret, backend)
        return pid, secret

    def unregister(self, pid: int) -> None:
        with self._lock:
            self._backends.pop(pid, None)

    def cancel(self, pid: int, secret: int) -> bool:
        with self._lock:
            entry = self._backends.get(pid)
        if entry is None or entry[0] != secret:
            return False  # like PG: a wrong key is silently ignored
        entry[1].cancel()
        return True


@dataclass
class Statement:
    sql: str
    param_oids: list[int]
    described: Optional[Described] = None


@dataclass
class Portal:
    statement: Statement
    params: list[BoundParam]
    formats: list[int]  # result format codes as sent in Bind
    outcome: Optional[Outcome] = None
    encoder: Optional[RowEncoder | CopyEncoder] = None
    pending: Optional[pa.RecordBatch] = None  # rest of a batch cut by Execute max_rows
    done: bool = False


class _Out:
    """Backend messages waiting to be sent; drained into few large chunks."""

    def __init__(self) -> None:
        self.parts: list = []
        self.size = 0

    def add(self, data) -> None:
        self.parts.append(data)
        self.size += len(data)

    def full(self) -> bool:
        return self.size >= FLUSH_BYTES

    def drain(self) -> Iterator[bytes]:
        if self.parts:
            parts, self.parts, self.size = self.parts, [], 0
            yield parts[0] if len(parts) == 1 else b"".join(parts)


class ProtocolConnection:
    """One client connection's protocol state, fed with the bytes it receives."""

    def __init__(self, backend_factory: BackendFactory, cancels: Optional[CancelRegistry] = None,
                 peer: Optional[tuple] = None, auth=None, tls: bool = False,
                 wake: Optional[Callable[[], None]] = None):
        """``peer``: the client's socket address, given to the backend factory when known.
        ``auth``: the Policy that authenticates clients (None: admit all). ``tls``: whether
        the server can answer SSLRequest with 'S'. ``wake``: the socket layer's way to stop
        waiting for the client, handed to the backend (pg_terminate_backend of an idle session)."""
        self.factory = backend_factory
        self.wake = wake
        self.peer = peer
        self.auth = auth
        self.tls_available = tls
        self.tls_requested = False  # 'S' was sent: the socket layer starts TLS now
        self.ssl_in_use = False
        self.negotiated: set[str] = set()  # "ssl", "gss": the encryption requests answered
        self.exchange = None  # the password exchange while in AUTH
        self.params: dict[str, str] = {}
        self.cancels = cancels if cancels is not None else CancelRegistry()
        self.state = State.STARTUP
        self.backend: Optional[Backend] = None
        self.pid: Optional[int] = None
        self.reader = m.FrameReader()
        self.out = _Out()
        self.statements: dict[str, Statement] = {}
        self.portals: dict[str, Portal] = {}
        self.reported: dict[str, str] = {}  # ParameterStatus values the client has

    @property
    def closed(self) -> bool:
        return self.state is State.CLOSED

    # ------------------------------------------------------------------ driving

    def receive(self, data: bytes) -> Iterator[bytes]:
        """Feed received bytes; yields the byte chunks to send, in order."""
        if self.closed:
            return
        self._waiting(False)
        try:
            try:
                self.reader.feed(data)
                for frame in self.reader:
                    yield from self._frame(frame)
                    if self.closed or self.tls_requested:
                        break
                    if self.state not in (State.STARTUP, State.AUTH):
                        self.reader.session_started()
            except m.AuthLengthViolation:  # said as the exchange says it, if at all
                if (err := self.exchange.length_refused()) is not None:
                    self._send(m.error_response(err))
                self.close()
            except Exception as exc:  # a broken frame, a startup error (or a bug): report it and hang up
                err = _as_sql_error(exc)
                err.severity = "FATAL"
                self._send(m.error_response(err))
                self.close()
            yield from self.out.drain()
        finally:
            self._waiting(True)  # all that was received is answered: back to waiting for the client

    def idle_timeout(self) -> Optional[float]:
        """Seconds the client may take to send its next message (None: no limit).

        Before the session starts, PostgreSQL's authentication_timeout (60 s): a
        connection that never sends its startup packet does not hold a slot forever.
        """
        if self.state in (State.STARTUP, State.AUTH):
            return STARTUP_TIMEOUT
        hook = getattr(self.backend, "idle_timeout", None)
        return None if hook is None else hook()[0]

    def idle_expired(self) -> bytes:
        """What ends a connection idle past its timeout (a FATAL ErrorResponse, or nothing
        before startup, as PostgreSQL hangs up then); closes it."""
        if self.state in (State.STARTUP, State.AUTH) or self.backend is None:
            self.close()
            return b""
        error = self.backend.idle_timeout()[1]
        self.close()
        return bytes(m.error_response(error))

    def terminated(self, close: bool = True) -> Optional[bytes]:
        """What ends a connection whose backend was terminated (pg_terminate_backend): its FATAL
        ErrorResponse (and, with ``close``, the connection is closed); None while it was not."""
        hook = getattr(self.backend, "terminated", None)
        error = hook() if hook is not None else None
        if error is None:
            return None
        if close:
            self.close()
        return bytes(m.error_response(error))

    def _waiting(self, waiting: bool) -> None:
        # Tells the backend when a CancelRequest counts (see Backend.waiting).
        hook = getattr(self.backend, "waiting", None)
        if hook is not None:
            hook(waiting)

    def close(self) -> None:
        """End the session (idempotent): release the backend and the cancel key."""
        self.state = State.CLOSED
        if self.pid is not None:
            self.cancels.unregister(self.pid)
            self.pid = None
        backend, self.backend = self.backend, None
        self.portals.clear()
        if backend is not None:
            try:
                backend.close()
            except Exception:  # the connection is gone either way
                log.exception("backend.close failed")

    def _send(self, data) -> None:
        self.out.add(data)

    def _frame(self, frame: m.Frame) -> Iterator[bytes]:
        """Decode and dispatch one frame, as PG's PostgresMain: while an extended-query
        error is pending, frames before Sync are skipped unread; after startup, a frame
        whose body does not parse is an ERROR and the session goes on (a Query's or a
        Sync's ends with ReadyForQuery, an extended-query message's skips to Sync)."""
        if self.state is State.DISCARD and frame.type not in (b"S", b"X"):
            return
        try:
            msg = m.decode(frame)
        except SqlError as exc:
            if self.state in (State.STARTUP, State.AUTH):
                raise
            self._send(m.error_response(exc))
            if frame.type == b"S":
                yield from self._sync(m.Sync())
            elif frame.type == b"Q":
                yield from self._ready()
            else:
                self.state = State.DISCARD
            return
        yield from self._dispatch(msg)

    def _dispatch(self, msg) -> Iterator[bytes]:
        if isinstance(msg, m.Terminate):
            self.close()
            return
        if self.state is State.STARTUP:
            yield from self._startup(msg)
            return
        if self.state is State.AUTH:
            yield from self._authenticate(msg)
            return
        handler = self._HANDLERS.get(type(msg))
        if handler is None:
            raise m.ProtocolViolation("invalid frontend message type 112")  # a PasswordMessage ('p'), as PG
        if isinstance(msg, (m.Query, m.Sync, m.FunctionCall)):
            yield from handler(self, msg)
            return
        try:  # extended-query messages: any error switches to DISCARD until Sync
            yield from handler(self, msg)
        except m.ProtocolViolation:
            raise
        except Exception as exc:
            if _fatal(exc):
                raise  # the session ends (receive sends it)
            self._send(m.error_response(_as_sql_error(exc)))
            self.state = State.DISCARD

    # ------------------------------------------------------------------ startup

    def tls_started(self) -> None:
        """The socket layer finished the TLS handshake that 'S' announced."""
        self.tls_requested = False
        self.ssl_in_use = True

    def _startup(self, msg) -> Iterator[bytes]:
        if isinstance(msg, (m.SSLRequest, m.GSSENCRequest)):
            yield from self._encryption_request(msg)
            return
        if isinstance(msg, m.CancelRequest):
            self.cancels.cancel(msg.pid, msg.secret)
            self.close()  # PG answers a cancel request with nothing but the hang-up
            return
        if not isinstance(msg, m.Startup):
            raise m.ProtocolViolation(f"expected startup message, got {type(msg).__name__}")
        params = {k: v for k, v in msg.params.items() if not k.startswith("_pq_.")}
        options = [k for k in msg.params if k.startswith("_pq_.")]
        if msg.protocol != m.PROTOCOL_3_0 or options:
            self._send(m.negotiate_protocol_version(0, options))
        if not params.get("user"):
            self._fatal(SqlError("28000", "no PostgreSQL user name specified in startup packet", severity="FATAL"))
            return
        params.setdefault("database", params["user"])
        self.params = params
        if self.auth is None:
            yield from self._open(None)
            return
        address = str(self.peer[0]) if self.peer else ""
        self.exchange = self.auth.start(params["user"], params["database"], address, self.ssl_in_use)
        self._send(self.exchange.begin())
        self.state = State.AUTH
        if self.exchange.role is not None:  # trust: nothing to ask
            yield from self._open(self.exchange.role)
        else:
            self.reader.authenticating(self.exchange.expected, self.exchange.max_message)
            yield from self.out.drain()

    def _encryption_request(self, msg) -> Iterator[bytes]:
        """PostgreSQL's ProcessStartupPacket: each request is answered once (an SSLRequest may
        follow a refused GSSENCRequest and the reverse; a repeated one is an unknown protocol
        version), 'S' when TLS is set up, else 'N'; bytes the client sent after it, before
        reading the answer, are refused (CVE-2021-23214): they were not encrypted."""
        kind = "ssl" if isinstance(msg, m.SSLRequest) else "gss"
        if kind in self.negotiated or self.ssl_in_use:
            code = m.SSL_REQUEST_CODE if kind == "ssl" else m.GSSENC_REQUEST_CODE
            raise SqlError("0A000", f"unsupported frontend protocol {code >> 16}.{code & 0xFFFF}: "
                           "server supports 3.0 to 3.0", severity="FATAL")
        self.negotiated.add(kind)
        what = "SSL request" if kind == "ssl" else "GSSAPI encryption request"
        unencrypted = SqlError("08P01", f"received unencrypted data after {what}", severity="FATAL",
                               detail="This could be either a client-software bug or evidence of an "
                                      "attempted man-in-the-middle attack.")
        if kind == "ssl" and self.tls_available:
            if self.reader.buffered():  # said before the handshake: the bytes are in the buffer already
                raise unencrypted
            self._send(b"S")
            self.negotiated.add("gss")  # inside TLS, no GSSAPI request
            self.tls_requested = True
            yield from self.out.drain()
            return
        self._send(b"N")  # no encryption here; the client continues in plain text
        if self.reader.buffered():
            raise unencrypted
        yield from self.out.drain()

    def _authenticate(self, msg) -> Iterator[bytes]:
        """A password message of the exchange (PostgreSQL: 08P01 for anything else)."""
        if not isinstance(msg, m.PasswordMessage):  # the frame reader let only these through
            raise m.ProtocolViolation(f"{self.exchange.expected}, got {type(msg).__name__}")
        self._send(self.exchange.receive(msg.data))  # a failed check raises FATAL 28P01
        if self.exchange.role is not None:
            yield from self._open(self.exchange.role)
        else:
            yield from self.out.drain()

    def _open(self, role: Optional[str]) -> Iterator[bytes]:
        """Authenticated: open the session (with its role, when a policy gave one) and say so."""
        params, self.exchange = self.params, None
        try:
            args = (params,) if self.peer is None else (params, self.peer)
            self.backend = self.factory(*args) if role is None else self.factory(*args, role=role)
            if self.wake is not None and hasattr(self.backend, "wake"):
                self.backend.wake = self.wake
        except Exception as exc:
            err = _as_sql_error(exc)
            err.severity = "FATAL"
            self._fatal(err)
            return
        self._send(m.authentication_ok())
        status = dict(DEFAULT_PARAMETERS)
        status["application_name"] = params.get("application_name", "")
        status["session_authorization"] = params["user"]
        status.update(self.backend.parameter_status())
        for name, value in status.items():
            self._send(m.parameter_status(name, value))
        self.reported = status
        self.pid, secret = self.cancels.register(self.backend)
        self.backend.process_id = self.pid  # what pg_backend_pid() answers
        self._send(m.backend_key_data(self.pid, secret))
        self.state = State.READY
        yield from self._ready()

    def _fatal(self, err: SqlError) -> None:
        self._send(m.error_response(err))
        self.close()

    def _ready(self) -> Iterator[bytes]:
        # Like PG 15 (ReportChangedGUCOptions): settings that changed, e.g. by SET,
        # are reported once, just before ReadyForQuery; drivers track them from here.
        for name, value in self.backend.parameter_status().items():
            if self.reported.get(name) != value:
                self.reported[name] = value
                self._send(m.parameter_status(name, value))
        self._send(m.ready_for_query(self.backend.transaction_status()))
        yield from self.out.drain()

    # ------------------------------------------------------------- simple query

    def _query(self, msg: m.Query) -> Iterator[bytes]:
        # A simple Query ends the unnamed statement and portal, as in PG.
        self.statements.pop("", None)
        self.portals.pop("", None)
        try:
            statements = self.backend.split(msg.sql)
            if not statements:
                self._send(m.empty_query_response())
            for sql in statements:
                portal = Portal(Statement(sql, []), [], [])
                yield from self._run(portal, 0, describe=True)
        except Exception as exc:  # the rest of the statements are skipped
            if _fatal(exc):
                raise  # the session ends (receive sends it)
            self._send(m.error_response(_as_sql_error(exc)))
        self.state = State.READY
        yield from self._ready()

    # ----------------------------------------------------------- extended query

    def _parse(self, msg: m.Parse) -> Iterator[bytes]:
        if msg.name and msg.name in self.statements:
            raise SqlError("42P05", f'prepared statement "{msg.name}" already exists')
        self.statements.pop(msg.name, None)  # the unnamed one goes even if the new one fails
        stmt = Statement(msg.sql, list(msg.param_oids))
        # PostgreSQL analyses a statement at Parse: its parameters' types and count, and its
        # errors (a missing table, an undeterminable parameter) are Parse's.
        self._described(stmt)
        self.statements[msg.name] = stmt
        self._send(m.parse_complete())
        return iter(())

    def _statement(self, name: str) -> Statement:
        stmt = self.statements.get(name)
        if stmt is None:
            raise SqlError("26000", f'prepared statement "{name}" does not exist' if name
                           else "unnamed prepared statement does not exist")
        return stmt

    def _described(self, stmt: Statement) -> Described:
        if stmt.described is None:  # describe once per statement: planning is not free
            stmt.described = self.backend.describe(stmt.sql, stmt.param_oids)
        return stmt.described

    def _bind(self, msg: m.Bind) -> Iterator[bytes]:
        stmt = self._statement(msg.statement)
        if msg.malformed is not None:
            raise msg.malformed
        n = len(msg.params)
        if len(msg.param_formats) not in (0, 1, n):
            raise SqlError("08P01", f"bind message has {len(msg.param_formats)} parameter formats but {n} parameters")
        formats = msg.param_formats * n if len(msg.param_formats) == 1 else msg.param_formats or [0] * n
        # A text value of an untyped parameter is read as the type the statement gives it
        # ('{a,b}' as text[]), as PostgreSQL does.
        expected = self._described(stmt).param_oids
        if n != len(expected):
            raise SqlError("08P01", f"bind message supplies {n} parameters, but prepared statement "
                                    f"\"{msg.statement}\" requires {len(expected)}")
        for code in formats:
            if code not in (0, 1):
                raise SqlError("22023", f"unsupported format code: {code}")
        params = [BoundParam(oid, decode_param(oid, f, v)) for oid, f, v in zip(expected, formats, msg.params)]
        if msg.portal in self.portals and msg.portal:
            raise SqlError("42P03", f'cursor "{msg.portal}" already exists')
        self.portals[msg.portal] = Portal(stmt, params, list(msg.result_formats))
        self._send(m.bind_complete())
        return iter(())

    def _describe(self, msg: m.Describe) -> Iterator[bytes]:
        if msg.kind == "S":
            described = self._described(self._statement(msg.name))
            self._send(m.parameter_description(described.param_oids))
            schema, formats = described.schema, []
        else:
            portal = self._portal(msg.name)
            schema = portal.outcome.schema if portal.outcome else self._described(portal.statement).schema
            formats = portal.formats
        if schema is None:
            self._send(m.no_data())
        else:
            self._send(m.row_description(describe_fields(schema, formats)))
        return iter(())

    def _portal(self, name: str) -> Portal:
        portal = self.portals.get(name)
        if portal is None and name:
            portal = self._cursor_portal(name)
        if portal is None:
            raise SqlError("34000", f'portal "{name}" does not exist')
        return portal

    def _cursor_portal(self, name: str) -> Optional[Portal]:
        """A DECLAREd cursor is a portal too (psycopg describes its named cursors so)."""
        lookup = getattr(self.backend, "cursor", None)
        described = lookup(name) if lookup is not None else None
        if described is None:
            return None
        quoted = '"' + name.replace('"', '""') + '"'
        portal = Portal(Statement(f"FETCH ALL FROM {quoted}", [], described), [], [])
        self.portals[name] = portal
        return portal

    def _execute(self, msg: m.Execute) -> Iterator[bytes]:
        yield from self._run(self._portal(msg.portal), msg.max_rows, describe=False)

    def _close(self, msg: m.Close) -> Iterator[bytes]:
        if msg.kind == "S":
            self.statements.pop(msg.name, None)
        else:
            self.portals.pop(msg.name, None)
        self._send(m.close_complete())
        return iter(())

    def _function_call(self, msg: m.FunctionCall) -> Iterator[bytes]:
        self._send(m.error_response(SqlError("0A000", "the fastpath function call interface is not supported")))
        yield from self._ready()

    def _copy_message(self, msg: m.CopyMessage) -> Iterator[bytes]:
        return iter(())  # outside COPY FROM STDIN, PG ignores CopyData, CopyDone and CopyFail

    def _flush(self, msg: m.Flush) -> Iterator[bytes]:
        yield from self.out.drain()

    def _sync(self, msg: m.Sync) -> Iterator[bytes]:
        self.state = State.READY
        status = self.backend.transaction_status()
        if status == b"I":  # the implicit transaction ended: its portals go with it
            self.portals.clear()
        else:
            self.portals.pop("", None)
        yield from self._ready()

    # ---------------------------------------------------------------- execution

    def _run(self, portal: Portal, max_rows: int, describe: bool) -> Iterator[bytes]:
        """Execute (or resume) a portal: [RowDescription] DataRows, then the completion."""
        if portal.done:
            verb = portal.outcome.command if portal.outcome else "SELECT"
            self._send(m.command_complete(_tag(verb, 0)))
            return
        if portal.outcome is None:
            portal.outcome = self._start(portal)
            for notice in portal.outcome.notices:
                self._send(m.notice_response(notice))
        outcome = portal.outcome
        if outcome.schema is None:
            portal.done = True
            self._send(m.command_complete(outcome.command))
            return
        if outcome.copy is not None:
            yield from self._copy_out(portal)
            return
        if describe:
            self._send(m.row_description(describe_fields(outcome.schema, portal.formats)))
        sent = 0
        while not max_rows or sent < max_rows:
            batch = portal.pending if portal.pending is not None else next(outcome.batches, None)
            portal.pending = None
            if batch is None:
                portal.done = True
                break
            if max_rows and batch.num_rows > max_rows - sent:
                portal.pending = batch.slice(max_rows - sent)
                batch = batch.slice(0, max_rows - sent)
            for chunk in portal.encoder.encode(batch):
                self._send(chunk)
                if self.out.full():
                    yield from self.out.drain()
            sent += batch.num_rows
        if portal.done:
            self._send(m.command_complete(_tag(outcome.command, sent)))
        else:
            self._send(m.portal_suspended())

    def _start(self, portal: Portal) -> Outcome:
        """Execute the portal's statement and set up the encoder of its rows."""
        outcome = self.backend.execute(portal.statement.sql, portal.params)
        if outcome.command.startswith("DEALLOCATE") or outcome.command == "DISCARD ALL":
            self._drop_statements(portal.statement.sql)
        if outcome.binary:
            portal.formats = [1]
        if outcome.copy is not None:
            portal.encoder = CopyEncoder(outcome.schema, outcome.copy)
        elif outcome.schema is not None:
            portal.encoder = RowEncoder(outcome.schema, result_formats(portal.formats, len(outcome.schema)))
        return outcome

    def _drop_statements(self, sql: str) -> None:
        """SQL ``DEALLOCATE name|ALL`` and ``DISCARD ALL`` close protocol-level prepared
        statements too: PG has one namespace for both (psqlODBC deallocates its
        ``_PLAN0x...`` statements so, then parses the same name again)."""
        match = _DEALLOCATE.match(sql)
        if match is None or match.group(1).lower() == "all":
            self.statements.clear()  # DISCARD ALL or DEALLOCATE ALL
            return
        name = match.group(1)
        name = name[1:-1].replace('""', '"') if name.startswith('"') else name.lower()
        if self.statements.pop(name, None) is None:
            raise SqlError("26000", f'prepared statement "{name}" does not exist')

    def _copy_out(self, portal: Portal) -> Iterator[bytes]:
        """COPY TO STDOUT: all rows as CopyData, whatever Execute's row limit says (as PG)."""
        encoder = portal.encoder
        self._send(encoder.response())
        self._send(encoder.start())
        sent = 0
        for batch in portal.outcome.batches:
            for chunk in encoder.encode(batch):
                self._send(chunk)
                if self.out.full():
                    yield from self.out.drain()
            sent += batch.num_rows
        self._send(encoder.finish())
        self._send(m.copy_done())
        portal.done = True
        self._send(m.command_complete(_tag(portal.outcome.command, sent)))

    _HANDLERS: dict[type, Callable] = {
        m.Query: _query,
        m.Parse: _parse,
        m.Bind: _bind,
        m.Describe: _describe,
        m.Execute: _execute,
        m.Close: _close,
        m.Flush: _flush,
        m.Sync: _sync,
        m.FunctionCall: _function_call,
        m.CopyMessage: _copy_message,
    }


# DEALLOCATE [PREPARE] { name | "name" | ALL }
_DEALLOCATE = re.compile(r'\s*deallocate\s+(?:prepare\s+)?("(?:[^"]|"")+"|[^\s;]+)', re.I)
COUNTED = ("SELECT", "FETCH", "COPY")  # tags that end with the number of rows sent


def _tag(command: str, rows: int) -> str:
    return f"{command} {rows}" if command in COUNTED else command


def _fatal(exc: BaseException) -> bool:
    """An error that ends the session (FATAL, e.g. 57P01 of pg_terminate_backend), not just a statement."""
    return isinstance(exc, SqlError) and exc.severity == "FATAL"


def _as_sql_error(exc: BaseException) -> SqlError:
    if isinstance(exc, SqlError):
        return exc
    if isinstance(exc, RecursionError):  # a statement nested past what the parser and planner recurse through
        return SqlError("54001", "stack depth limit exceeded",
                        hint="The statement nests expressions or subqueries too deeply; flatten it.")
    log.exception("unexpected error in backend", exc_info=exc)
    return SqlError("XX000", f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc))
