"""The socket layer: buenavista's threading TCP server pumping bytes through ProtocolConnection.

What we keep from buenavista: ``BuenaVistaServer`` (a ``socketserver.ThreadingTCPServer``
with address reuse) and ``BuenaVistaHandler`` as the base of our handler — one thread per
client connection, TCP_NODELAY. What we replace, and why: the handler's ``handle()`` loop,
because buenavista executes a query to answer Describe (side effects, double work), sends
errors without SQLSTATE, and encodes every row in Python (far too slow for Arrow results);
``verify_request``, because buenavista only admits 127.0.0.1 and the gateway serves a
network. The protocol itself lives in ``protocol.py`` (no I/O); this module only reads
bytes into it and writes the chunks it yields, and runs the TLS handshake when the protocol
has answered an SSLRequest with 'S' (PostgreSQL's secure_open_server).

    server = PgServer(("0.0.0.0", 5432), backend_factory, auth=policy, tls=ssl_context)
    server.serve_forever()            # or: server.serve_in_thread(); ...; server.shutdown()
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
from typing import Optional

from . import messages as m
from duckflight.gateway.core.sql_error import SqlError
from .backend import BackendFactory
from .protocol import CancelRegistry, ProtocolConnection

log = logging.getLogger(__name__)

RECV_BYTES = 256 * 1024
# Open client sockets at most, sessions or not yet (a thread each): past it a new connection
# gets PostgreSQL's FATAL 53300 at once and no thread, so a flood of connections that never
# finish their startup cannot take threads without bound. Sessions have their own, smaller
# cap (--max-connections, admission.py); this one is far above it, so that silent sockets
# do not starve clients that log in (tests/integration/test_admission.py).
MAX_SOCKETS = 1000
TOO_MANY = m.error_response(SqlError("53300", "sorry, too many clients already", severity="FATAL"))


# buenavista imports python-dateutil without declaring it; pyproject.toml does.
from buenavista import postgres as _bv  # noqa: E402


class PgHandler(_bv.BuenaVistaHandler):
    """One client connection: socket bytes <-> ProtocolConnection."""

    server: "PgServer"

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        self.sock = sock
        conn = ProtocolConnection(self.server.backend_factory, self.server.cancels, self.client_address,
                                  auth=self.server.auth, tls=self.server.tls is not None, wake=self._wake)
        try:  # the socket is tracked since verify_request admitted it
            while not conn.closed:
                sock.settimeout(conn.idle_timeout())  # idle_session_timeout & co.; None: block
                try:
                    data = sock.recv(RECV_BYTES) if conn.terminated(close=False) is None else b""
                except TimeoutError:
                    sock.settimeout(None)
                    sock.sendall(conn.idle_expired())
                    break
                sock.settimeout(None)  # sending the answer may take as long as the client reads
                ended = conn.terminated()  # pg_terminate_backend (which wakes a recv that waits)
                if ended is not None:
                    sock.sendall(ended)
                    break
                if not data:
                    break  # the client went away
                for chunk in conn.receive(data):
                    sock.sendall(chunk)
                if conn.tls_requested:
                    sock = self.sock = self._start_tls(sock, conn)
        except OSError as exc:  # reset, broken pipe, or shutdown() closing us
            log.debug("connection ended: %s", exc)
        except Exception:
            log.exception("connection failed")  # a bug; this session alone ends
        finally:
            conn.close()
            self.server._track(sock, False)
            if sock is not self.request:  # the TLS socket took over the connection: socketserver closes the other
                _close_tls(sock)

    def _wake(self) -> None:
        """Make the recv that waits for the client return (pg_terminate_backend of an idle session):
        shut the read side of the TCP socket under TLS too, so the FATAL can still go out."""
        try:
            socket.socket.shutdown(self.sock, socket.SHUT_RD)
        except OSError:  # the client is gone already
            pass

    def _start_tls(self, sock: socket.socket, conn: ProtocolConnection) -> socket.socket:
        """The server side of the TLS handshake, within the startup timeout; the encrypted socket.
        A failed handshake (OSError, ssl.SSLError) ends the connection as in PostgreSQL."""
        sock.settimeout(conn.idle_timeout())
        self.server._track(sock, False)
        secure = self.server.tls.wrap_socket(sock, server_side=True)
        self.server._track(secure, True)
        secure.settimeout(None)
        conn.tls_started()
        return secure


def _close_tls(sock: ssl.SSLSocket) -> None:
    """Say close_notify before hanging up, as PostgreSQL does (be_tls_close): a client waiting for
    the end, e.g. libpq after an encrypted CancelRequest, reads a clean end, not a lost connection."""
    try:
        sock.settimeout(1.0)
        sock.unwrap()
    except (OSError, ValueError):  # the client went first, or the handshake never finished
        pass
    sock.close()


class PgServer(_bv.BuenaVistaServer):
    """The Postgres wire-protocol server of the gateway."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, server_address: tuple[str, int], backend_factory: BackendFactory, *, auth=None,
                 tls: Optional[ssl.SSLContext] = None, max_sockets: int = MAX_SOCKETS):
        """``auth``: the authentication Policy (gateway/auth/policy.py; None admits every client);
        ``tls``: the server's TLS context (None: SSLRequest is answered 'N')."""
        # BuenaVistaServer wants a buenavista Connection; we route through BackendFactory.
        super().__init__(server_address, None)
        self.RequestHandlerClass = PgHandler
        self.backend_factory = backend_factory
        self.auth = auth
        self.tls = tls
        self.cancels = CancelRegistry()
        self.max_sockets = max_sockets
        self._clients: set[socket.socket] = set()
        self._clients_lock = threading.Lock()
        self._thread: Optional[threading.Thread] = None
        self._serving = False

    @property
    def port(self) -> int:
        return self.server_address[1]

    def verify_request(self, request, client_address) -> bool:
        """Authentication belongs to the session, not to the peer address; only the number of
        open sockets is checked here, before a thread is started (``MAX_SOCKETS``)."""
        with self._clients_lock:
            full = len(self._clients) >= self.max_sockets
            if not full:
                self._clients.add(request)  # counted from now: the handler's thread may start late
        if full:
            log.warning("connection from %s refused: %d sockets open", client_address[0], self.max_sockets)
            try:
                request.settimeout(1.0)
                request.sendall(TOO_MANY)
            except OSError:
                pass
        return not full

    def _track(self, sock: socket.socket, add: bool) -> None:
        with self._clients_lock:
            (self._clients.add if add else self._clients.discard)(sock)

    def serve_in_thread(self) -> threading.Thread:
        """Serve from a daemon thread (tests, embedding); returns the thread."""
        self._thread = threading.Thread(target=self.serve_forever, name="pgwire-server", daemon=True)
        self._thread.start()
        return self._thread

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self._serving = True
        try:
            super().serve_forever(poll_interval)
        finally:
            self._serving = False

    def shutdown(self) -> None:
        """Stop accepting, close every open client connection, and release the port.

        Call it from another thread than the one in serve_forever (as socketserver says).
        """
        if self._serving:  # socketserver's shutdown() would wait forever otherwise
            super().shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        with self._clients_lock:
            clients = list(self._clients)
        for sock in clients:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes the handler thread blocked in recv
            except OSError:
                pass
        self.server_close()
