"""``duckflight worker``: serve fragments until a signal says stop.

With ``--gateway`` the worker also keeps itself registered with that gateway's
control service (``worker/registration.py``) and deregisters when it stops.
"""

from __future__ import annotations

import logging
import signal
import socket
import threading

from duckflight.gateway.startup import require_free_port
from duckflight.worker.resources import Resources, memory_limit
from duckflight.worker.server import WorkerServer
from duckflight.worker.trust import from_options, require_secret_off_loopback, warn_if_unlocked

log = logging.getLogger(__name__)


def run_worker(args) -> int:
    trust = from_options(args)
    require_secret_off_loopback(trust, args.host, f"this worker (--host {args.host})")
    require_free_port(args.host, args.port, "--port")
    resources = Resources("worker", memory_limit(args.memory_limit, "worker"), args.temp_dir, args.max_temp_size)
    server = WorkerServer(args.host, args.port, data=args.data, node=args.node, threads=args.threads,
                          resources=resources, max_fragments=args.max_fragments, trust=trust)
    log.info("worker %s listening on %s", server.node, trust.flight_location(args.host, server.port))
    warn_if_unlocked(trust, "this worker")
    registration = None
    if getattr(args, "gateway", None):
        from duckflight.worker.registration import Registration

        advertise = getattr(args, "advertise", None) or advertised_address(args.host, server.port)
        server.advertised.add(advertise)  # shuffles addressed to this name stay local
        registration = Registration(args.gateway, advertise, server.node, trust=trust)
        registration.start()
    _wait_for_signal()
    # Leave the gateway's pool before the port closes, so it stops sending fragments.
    if registration is not None:
        registration.stop()
    server.shutdown()
    log.info("worker %s stopped", server.address)
    return 0


def advertised_address(host: str, port: int) -> str:
    """host:port for the gateway: a wildcard listen address is no place to dial."""
    if host in ("", "0.0.0.0", "::"):
        host = socket.getfqdn()
    return f"{host}:{port}"


def _wait_for_signal() -> None:
    # The Flight server already serves in its own threads; the main thread only
    # waits for SIGINT/SIGTERM (instead of serve(), whose handlers would stop the
    # server before the worker could deregister).
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    while not stop.wait(1.0):
        pass
