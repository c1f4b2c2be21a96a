"""The ``duckflight`` command: ``worker``, ``gateway`` and ``up``.

``up`` runs a whole cluster on this machine in one foreground process tree:
N worker processes and a gateway process, stopped together by Ctrl-C or
SIGTERM. Options come from flags, environment and a config file alike (see
``config.py``).
"""

from __future__ import annotations

import argparse
import logging
import sys

from duckflight.gateway.config import Option, add_options, parse_size, resolve

log = logging.getLogger("duckflight")

COMMON = [Option("log-level", "logging level: DEBUG, INFO, WARNING", "INFO")]
WORKER = COMMON + [
    Option("host", "address to listen on", "127.0.0.1"),
    Option("port", "Flight port to listen on", 8815, int),
    Option("node", "node name reported in health and info (default: host name)"),
    Option("threads", "DuckDB threads (default: all cores)", None, int),
    Option("memory-limit", "DuckDB memory limit, e.g. 4GB (default: DuckDB's)"),
    Option("max-fragments", "fragments that may run at once; more wait (default: 2 x threads)", None, int),
    Option("gateway", "register with the control service of this gateway, HOST:PORT (e.g. gw:5434)"),
    Option("advertise", "HOST:PORT the gateway reaches this worker at (default: host and port)"),
]
# Fault handling and planning, shared by `gateway` and `up` (docs/decisions.md says why these defaults).
HEALTH = [
    Option("fragment-timeout", "seconds one fragment may take on a worker", 120.0, float),
    Option("fragment-retries", "other workers a fragment is tried on after a worker fault", 2, int),
    Option("health-interval", "seconds between health checks of each worker", 5.0, float),
    Option("health-timeout", "seconds a worker has to answer a health check", 2.0, float),
    Option("broadcast-limit", "largest table, in bytes as read, put whole on every worker for a join "
           "(e.g. 64MB); larger ones are shuffled", "64MB", parse_size),
]
GATEWAY = COMMON + [
    Option("host", "address to listen on", "127.0.0.1"),
    Option("port", "Postgres wire port to listen on", 5433, int),
    Option("worker", "a worker's HOST:PORT; repeat for each worker", [], str, many=True),
    Option("data", "folder whose subfolders and files are the tables", required=True),
    Option("control-port", "port of the control service workers register with (0: off)", 5434, int),
] + HEALTH
UP = COMMON + [
    Option("host", "address the gateway listens on", "127.0.0.1"),
    Option("port", "Postgres wire port of the gateway", 5433, int),
    Option("workers", "number of worker processes", 2, int),
    Option("data", "folder of tables (default: generate a TPC-H demo set)"),
    Option("demo-scale", "TPC-H scale factor of the demo set", 0.1, float),
    Option("worker-threads", "DuckDB threads per worker (default: this machine's cores / workers)", None, int),
    Option("worker-memory-limit", "DuckDB memory limit per worker, e.g. 4GB (default: DuckDB's)"),
    Option("worker-max-fragments", "fragments a worker runs at once (default: 2 x threads)", None, int),
    Option("control-port", "port where more workers may register with the gateway (0: off)", 0, int),
] + HEALTH
WORKERS = COMMON + [
    Option("gateway", "the gateway's control service, HOST:PORT", "127.0.0.1:5434"),
    Option("node", "only the workers of this node"),
]
COMMANDS = {"worker": WORKER, "gateway": GATEWAY, "up": UP, "workers": WORKERS}
HELP = {
    "worker": "run an Arrow Flight worker with its own DuckDB",
    "gateway": "run the Postgres wire gateway over a set of workers",
    "up": "run a local cluster (workers and a gateway) in the foreground",
    "workers": "list a gateway's workers and their health",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="duckflight", description="A distributed SQL engine that speaks Postgres.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, options in COMMANDS.items():
        add_options(commands.add_parser(name, help=HELP[name], description=HELP[name]), options)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args = resolve(args, COMMANDS[args.command], args.command)
    logging.basicConfig(
        level=getattr(logging, str(args.log_level).upper(), logging.INFO),
        format=f"%(asctime)s %(levelname)s {args.command} %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command == "worker":
        from duckflight.worker.main import run_worker

        return run_worker(args)
    if args.command == "gateway":
        from duckflight.gateway.main import run_gateway

        return run_gateway(args)
    if args.command == "workers":
        from duckflight.gateway.registry import print_workers

        return print_workers(args.gateway, args.node or "")
    from duckflight.gateway.up import run_up

    return run_up(args)


if __name__ == "__main__":
    sys.exit(main())
