"""``duckflight gateway``: the Postgres wire front end over a set of workers."""

from __future__ import annotations

import logging
import signal

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.engine import Engine

from duckflight.gateway.scheduler import Scheduler
from duckflight.gateway.session import Session
from duckflight.gateway.workers import WorkerPool

log = logging.getLogger(__name__)


def build_engine(data: str, workers: list[str], fragment_timeout: float = 600.0) -> Engine:
    catalog = Catalog.from_folder(data)
    pool = WorkerPool(workers)
    return Engine(catalog, pool, Scheduler(pool, fragment_timeout=fragment_timeout))


def backend_factory(engine: Engine):
    """Open a Session per client connection (the BackendFactory of pgwire)."""
    return lambda startup: Session(engine, startup)


def run_gateway(args) -> int:
    from duckflight.gateway.pgwire.server import PgServer

    engine = build_engine(args.data, args.worker, args.fragment_timeout)
    server = PgServer((args.host, args.port), backend_factory(engine))
    log.info("gateway listening on %s:%d with %d table(s) and workers %s", args.host, args.port,
             len(engine.catalog.tables), ", ".join(args.worker) or "(none)")

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown_all() if hasattr(server, "shutdown_all") else server.server_close()
        engine.close()
        log.info("gateway stopped")
    return 0
