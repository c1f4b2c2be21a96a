"""``duckflight worker``: serve fragments until a signal says stop."""

from __future__ import annotations

import logging

from duckflight.worker.server import WorkerServer

log = logging.getLogger(__name__)


def run_worker(args) -> int:
    server = WorkerServer(args.host, args.port, node=args.node, threads=args.threads, memory_limit=args.memory_limit)
    log.info("worker %s listening on grpc://%s", server.node, server.address)
    # serve() returns on SIGINT/SIGTERM (pyarrow installs the handlers) or shutdown().
    server.serve()
    log.info("worker %s stopped", server.address)
    return 0
