"""An in-process cluster for integration tests: workers and gateway in threads.

Faster to start than ``duckflight up`` (which tests/integration/test_up.py and
the TPC-H suite exercise as processes), and the parts are still the real ones
talking over loopback sockets: Flight between gateway and workers, the
Postgres wire protocol between client and gateway.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from duckflight.gateway.auth.policy import load_policy
from duckflight.gateway.main import backend_factory, build_engine
from duckflight.gateway.pgwire.server import PgServer
from duckflight.gateway.session import Session
from duckflight.worker.server import WorkerServer


@contextmanager
def cluster(data: str, workers: int = 2, admins: frozenset[str] = frozenset(), max_sockets: int | None = None,
            users: str | None = None, **engine_options):
    """Yield the DSN of a gateway over ``workers`` workers for the tables in ``data``
    (``engine_options`` go to ``build_engine``, e.g. ``broadcast_limit``). The sessions of the
    users in ``admins`` have the role admin, as a users file would give them; others are readers.
    With ``users`` (a users file), clients log in with SCRAM as `duckflight gateway --users` asks."""
    servers = [WorkerServer("127.0.0.1", 0, data=[data], threads=1) for _ in range(workers)]
    for server in servers:
        threading.Thread(target=server.serve, daemon=True).start()
    policy = load_policy(users, None) if users else None
    store = policy.users if policy else None
    engine = build_engine(data, [s.address for s in servers], fragment_timeout=60, users=store, **engine_options)
    factory = backend_factory(engine, store)
    if admins:
        def factory(startup, peer=None, role="reader"):
            return Session(engine, startup, peer, role="admin" if startup.get("user") in admins else role)
    gateway = PgServer(("127.0.0.1", 0), factory, auth=policy, **({"max_sockets": max_sockets} if max_sockets else {}))
    gateway.serve_in_thread()
    port = gateway.server_address[1]
    try:
        yield f"postgresql://tester@127.0.0.1:{port}/duckflight", servers, engine
    finally:
        gateway.shutdown()
        engine.close()
        for server in servers:
            _shut_down(server)


SHUTDOWN_SECONDS = 30


def _shut_down(server: WorkerServer) -> None:
    """Stop a worker, waiting at most SHUTDOWN_SECONDS.

    gRPC's shutdown waits for every call in flight. Once in a full suite run
    (never alone) the test that shuts a worker down mid-query hung here after
    its checks had passed, with no handler running on any worker: a call left
    open at the gRPC level. A stuck teardown must fail that test, not hang CI.
    """
    done = threading.Event()

    def stop():
        server.shutdown()
        done.set()

    threading.Thread(target=stop, daemon=True).start()
    if not done.wait(SHUTDOWN_SECONDS):
        raise TimeoutError(f"worker {server.address} did not shut down within {SHUTDOWN_SECONDS}s")
