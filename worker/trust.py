"""Who may call whom inside a cluster: the cluster secret and TLS between gateway and workers.

A ``Trust`` is what one process holds: the cluster secret (a bearer token), its own
certificate and key when it serves TLS, and the CA it verifies the servers it dials
with. Every call a cluster member makes, Flight (gateway to worker, worker to worker)
or gRPC (worker or ``duckflight workers`` to the control service), carries
``authorization: Bearer <secret>``; every server that holds a secret runs only calls
whose token matches (``hmac.compare_digest``) and answers the others UNAUTHENTICATED,
with one log line naming the peer, never the token (docs/decisions.md, "Workers and
the control service run only calls that carry the cluster secret").

The secret comes from ``--cluster-secret-file FILE`` or the environment
(``DUCKFLIGHT_CLUSTER_SECRET``), never from a flag: command lines are public. The secret
file and the ``--tls-key`` file must be private, as PostgreSQL requires of its key file
(``startup.require_private_file``).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
import re
import secrets
import ssl
import sys
from dataclasses import dataclass
from pathlib import Path

import pyarrow.flight as flight

from duckflight.gateway.startup import StartupError, require_private_file

log = logging.getLogger(__name__)

SECRET_ENV = "DUCKFLIGHT_CLUSTER_SECRET"
HEADER = "authorization"
REFUSAL = "this server runs only calls that carry the cluster secret"


@dataclass(frozen=True, repr=False)
class Trust:
    """The cluster secret and TLS material of one process (``repr`` never shows the secret)."""

    secret: bytes | None = None
    tls_cert: bytes | None = None  # PEM chain this process serves TLS with
    tls_key: bytes | None = None
    tls_ca: bytes | None = None  # PEM roots the servers it dials must chain to; dials TLS when set
    tls_server_name: str | None = None  # the name their certificates must carry (default: the host dialled)

    def __repr__(self) -> str:
        return f"Trust(secret={'set' if self.secret else 'none'}, tls={self.serves_tls}, ca={self.tls_ca is not None})"

    @property
    def serves_tls(self) -> bool:
        return self.tls_cert is not None

    # -- the token -----------------------------------------------------------
    def bearer(self) -> str | None:
        return f"Bearer {self.secret.decode()}" if self.secret else None

    def admits(self, presented: str | None) -> bool:
        """Whether a call with this authorization value may run (every call when no secret is set)."""
        if self.secret is None:
            return True
        expected = self.bearer().encode()
        return hmac.compare_digest((presented or "").encode(), expected)

    # -- Flight --------------------------------------------------------------
    def flight_location(self, host: str, port: int) -> str:
        return f"{'grpc+tls' if self.serves_tls else 'grpc'}://{host}:{port}"

    def flight_server_options(self) -> dict:
        """Keyword arguments of FlightServerBase.__init__ beyond the location."""
        options = {"middleware": {"trust": _TokenCheckFactory(self)}}
        if self.serves_tls:
            options["tls_certificates"] = [flight.CertKeyPair(self.tls_cert, self.tls_key)]
        return options

    def flight_client(self, address: str, **options) -> flight.FlightClient:
        """A Flight client to a worker at HOST:PORT: TLS when this process has a CA, the token on every call."""
        scheme = "grpc+tls" if self.tls_ca is not None else "grpc"
        if self.tls_ca is not None:
            options["tls_root_certs"] = self.tls_ca
            options["override_hostname"] = self.tls_server_name
        if self.secret:
            options["middleware"] = [_BearerFactory(self.bearer())]
        return flight.FlightClient(f"{scheme}://{address}", **options)

    # -- gRPC (the control service) -----------------------------------------
    def grpc_metadata(self) -> tuple[tuple[str, str], ...]:
        return ((HEADER, self.bearer()),) if self.secret else ()

    def grpc_channel(self, target: str, options=None):
        import grpc

        if self.tls_ca is None:
            return grpc.insecure_channel(target, options)
        if self.tls_server_name:
            options = [*(options or ()), ("grpc.ssl_target_name_override", self.tls_server_name)]
        return grpc.secure_channel(target, grpc.ssl_channel_credentials(root_certificates=self.tls_ca), options)

    def grpc_listen(self, server, address: str) -> int:
        """Add a port to a grpc.Server: TLS when this process has a certificate."""
        import grpc

        if self.serves_tls:
            return server.add_secure_port(address, grpc.ssl_server_credentials([(self.tls_key, self.tls_cert)]))
        return server.add_insecure_port(address)


def require_flight_access(context, method: str) -> None:
    """In a Flight handler: raise FlightUnauthenticatedError, after one log line naming the
    peer, unless the call's token matched (see ``_TokenCheckFactory``)."""
    check = context.get_middleware("trust")
    if check is not None and check.admitted:  # a server without the middleware runs nothing
        return
    log.warning("refused a %s call from %s: no valid cluster secret", method, context.peer())
    raise flight.FlightUnauthenticatedError(REFUSAL)


class _TokenCheck(flight.ServerMiddleware):
    def __init__(self, admitted: bool):
        self.admitted = admitted


# Calls whose handlers refuse (``require_flight_access``): only a handler knows the peer's
# address for the log line. pyarrow turns an error raised by a get_schema handler into
# UNKNOWN, so that call, and any other, is refused here, before a handler runs.
CHECKED_IN_HANDLER = {flight.FlightMethod.LIST_FLIGHTS, flight.FlightMethod.GET_FLIGHT_INFO,
                      flight.FlightMethod.DO_GET, flight.FlightMethod.DO_PUT, flight.FlightMethod.DO_ACTION,
                      flight.FlightMethod.LIST_ACTIONS, flight.FlightMethod.DO_EXCHANGE}


class _TokenCheckFactory(flight.ServerMiddlewareFactory):
    """Reads each call's token; refuses at once the calls no handler checks."""

    def __init__(self, trust: Trust):
        self.trust = trust

    def start_call(self, info, headers):
        values = headers.get(HEADER) or [None]
        admitted = self.trust.admits(values[0] if len(values) == 1 else None)
        if not admitted and info.method not in CHECKED_IN_HANDLER:
            log.warning("refused a %s call (its peer is not known before a handler runs): no valid cluster "
                        "secret", info.method.name.lower())
            raise flight.FlightUnauthenticatedError(REFUSAL)
        return _TokenCheck(admitted)


class _Bearer(flight.ClientMiddleware):
    def __init__(self, value: str):
        self.value = value

    def sending_headers(self):
        return {HEADER: self.value}


class _BearerFactory(flight.ClientMiddlewareFactory):
    def __init__(self, value: str):
        self.value = value

    def start_call(self, info):
        return _Bearer(self.value)


def grpc_interceptor(trust: Trust):
    """A grpc.ServerInterceptor answering UNAUTHENTICATED to calls without the cluster secret."""
    import grpc

    class TokenInterceptor(grpc.ServerInterceptor):
        def intercept_service(self, continuation, details):
            presented = [v for k, v in (details.invocation_metadata or ()) if k == HEADER]
            if trust.admits(presented[0] if len(presented) == 1 else None):
                return continuation(details)
            method = details.method.rsplit("/", 1)[-1]

            def refuse(request, context):
                log.warning("refused a %s call from %s: no valid cluster secret", method, context.peer())
                context.abort(grpc.StatusCode.UNAUTHENTICATED, REFUSAL)

            return grpc.unary_unary_rpc_method_handler(refuse)

    return TokenInterceptor()


# -- loading from options --------------------------------------------------------

def from_options(args) -> Trust:
    """The Trust of a command from its resolved options (StartupError naming the flag when a file is bad)."""
    cert, key = getattr(args, "tls_cert", None), getattr(args, "tls_key", None)
    if (cert is None) != (key is None):
        raise StartupError("--tls-cert and --tls-key go together: give both or neither")
    return Trust(secret=read_secret(getattr(args, "cluster_secret_file", None)),
                 tls_cert=read_file(cert, "--tls-cert"), tls_key=read_file(key, "--tls-key", private=True),
                 tls_ca=read_file(getattr(args, "tls_ca", None), "--tls-ca"),
                 tls_server_name=getattr(args, "tls_server_name", None))


def read_secret(path: str | None) -> bytes | None:
    """The secret from the file, else from DUCKFLIGHT_CLUSTER_SECRET (which is then removed from
    this process's environment, so nothing it starts inherits it); None when neither is set."""
    from_env = os.environ.pop(SECRET_ENV, None)
    if path:
        text = (read_file(path, "--cluster-secret-file", private=True) or b"").strip()
        where = f"--cluster-secret-file {path}"
    else:
        text, where = (from_env or "").strip().encode(), SECRET_ENV
        if from_env is None:
            return None
    if not text:
        raise StartupError(f"{where}: the cluster secret is empty")
    if any(c < 0x21 or c > 0x7e for c in text):
        raise StartupError(f"{where}: the cluster secret must be printable ASCII without spaces")
    return text


def read_file(path: str | None, flag: str, private: bool = False) -> bytes | None:
    """The file's bytes; StartupError when it cannot be read or, ``private``, when others may read it."""
    if path is None:
        return None
    try:
        content = Path(path).expanduser().read_bytes()
    except OSError as error:
        raise StartupError(f"{flag} {path}: cannot be read: {error.strerror}") from None
    if private:
        require_private_file(path, flag)
    return content


def verified_names(cert: str, key: str, roots: bytes) -> list[str]:
    """The host names and addresses the certificate of ``cert`` names (its subjectAltName, else its
    common name), once a TLS handshake in memory has checked that it chains to ``roots`` (PEM) as a
    client dialling this process would check it; ssl.SSLError when it does not."""
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert, key)
    client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    client.check_hostname = False  # the names are what we are after; the chain is checked
    client.load_verify_locations(cadata=roots.decode("ascii", "replace"))
    to_client, to_server = ssl.MemoryBIO(), ssl.MemoryBIO()  # each end reads what the other wrote
    ends = [client.wrap_bio(to_client, to_server), server.wrap_bio(to_server, to_client, server_side=True)]
    waiting = list(ends)
    for _ in range(8):  # a handshake takes a few turns
        for end in list(waiting):
            try:
                end.do_handshake()
                waiting.remove(end)
            except ssl.SSLWantReadError:
                pass
    if waiting:
        raise ssl.SSLError("the TLS handshake did not finish")
    peer = ends[0].getpeercert()
    names = [value for kind, value in peer.get("subjectAltName", ()) if kind in ("DNS", "IP Address")]
    return names or [value for part in peer.get("subject", ()) for kind, value in part if kind == "commonName"]


def first_certificate(pem: bytes) -> bytes:
    """The first certificate of a PEM chain (the server's own)."""
    found = re.search(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", pem, re.S)
    return found.group(0) + b"\n" if found else pem


def require_secret_off_loopback(trust: Trust, host: str, what: str) -> None:
    """Refuse to serve ``what`` beyond this machine without a secret (checked before anything binds)."""
    if trust.secret is None and not is_loopback(host):
        raise StartupError(f"{what} listens on {host} but no cluster secret is set: anyone who reaches it could "
                           f"use it. Give --cluster-secret-file FILE or {SECRET_ENV}")


def warn_if_unlocked(trust: Trust, what: str) -> None:
    """Once serving on loopback without a secret: say so."""
    if trust.secret is None:
        log.warning("%s runs without a cluster secret: any local process may call it", what)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_secret() -> bytes:
    return secrets.token_urlsafe(32).encode()


def write_secret_file(path: str) -> bool:
    """Write a new secret to ``path`` (mode 0600) unless the file exists; True when written."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(new_secret() + b"\n")
    return True


if __name__ == "__main__":  # python -m duckflight.worker.trust FILE: make a cluster secret file once
    written = write_secret_file(sys.argv[1])
    print(f"{sys.argv[1]}: {'a new cluster secret' if written else 'kept the cluster secret already there'}")
