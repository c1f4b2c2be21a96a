"""The ``duckflight`` command: ``worker``, ``gateway``, ``up``, ``workers`` and ``user``.

``user`` manages the users file of the gateway (gateway/auth/user_command.py).
``up`` runs a whole cluster on this machine in one foreground process tree:
N worker processes and a gateway process, stopped together by Ctrl-C or
SIGTERM. Options come from flags, environment and a config file alike (see
``config.py``). A start-up problem (a port in use, a missing folder, a bad
setting) is one line on standard error and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import logging
import sys
from importlib import metadata

from duckflight.gateway.config import (Option, Parser, add_options, address, integer, memory_size, number,
                                       parse_size, port, positive, resolve, time_setting)
from duckflight.gateway.startup import StartupError

log = logging.getLogger("duckflight")

COMMON = [Option("log-level", "logging level: DEBUG, INFO, WARNING or ERROR", "INFO", type=lambda v: log_level(v))]
# Where a DuckDB spills, shared by `worker`, `gateway` and `up` (worker/resources.py).
SPILL = [
    Option("temp-dir", "folder under which DuckDB spills what does not fit in memory (default: the system's "
           "temporary folder)"),
    Option("max-temp-size", "most a process may spill to --temp-dir; a query that needs more fails with 53200",
           "16GB", parse_size),
]
# Trust between gateway and workers (worker/trust.py): the shared secret, and TLS.
SECRET = [
    Option("cluster-secret-file", "file holding the cluster secret that the gateway, its workers and "
           "`duckflight workers` share; every call between them must carry it (else env "
           "DUCKFLIGHT_CLUSTER_SECRET; never a flag: command lines are public)"),
]
TLS_CA = [
    Option("tls-ca", "PEM file of the CA that the workers' and control service's certificates must chain to; "
           "with it, they are dialled over TLS"),
    Option("tls-server-name", "the name the workers' and control service's certificates must carry, with "
           "--tls-ca (default: the host each is dialled at)"),
]
TLS = [
    Option("tls-cert", "PEM certificate chain to serve TLS with (with --tls-key)"),
    Option("tls-key", "PEM private key of --tls-cert"),
] + TLS_CA
WORKER = COMMON + [
    Option("host", "address to listen on", "127.0.0.1"),
    Option("port", "Flight port to listen on", 8815, port),
    Option("node", "node name reported in health and info (default: host name)"),
    Option("data", "a folder of tables this worker reads (the gateway's --data); repeat for each. Its DuckDB "
           "reads no other file", [], many=True, required=True),
    Option("threads", "DuckDB threads (default: all cores)", None, positive),
    Option("memory-limit", "memory this worker's DuckDB may use: a size (4GB) or a share of this machine's "
           "memory; a fragment that needs more fails with 53200", "60%", memory_size),
    Option("max-fragments", "fragments that may run at once; more wait (default: 2 x threads)", None, positive),
] + SPILL + [
    Option("gateway", "register with the control service of this gateway, HOST:PORT (e.g. gw:5434)",
           None, address),
    Option("advertise", "HOST:PORT the gateway dials to reach this worker, sent when registering "
           "(default: --host and --port; the machine's name when --host is 0.0.0.0)", None, address),
] + SECRET + TLS
# Fault handling and planning, shared by `gateway` and `up` (docs/decisions.md says why these defaults).
HEALTH = [
    Option("fragment-timeout", "seconds one fragment may take on a worker (a streamed answer: to its first rows)", 120.0, number),
    Option("fragment-retries", "other workers a fragment is tried on after a worker fault", 2, integer),
    Option("health-interval", "seconds between health checks of each worker", 5.0, number),
    Option("health-timeout", "seconds a worker has to answer a health check", 2.0, number),
    Option("broadcast-limit", "largest table, in bytes as read, put whole on every worker for a join "
           "(e.g. 64MB); larger ones are shuffled", "64MB", parse_size),
]
# How the gateway follows its data folder (gateway/catalog_watch.py), for `gateway` and `up`.
CATALOG = [
    Option("catalog-refresh", "seconds between looks at the data folder for new, changed and removed files "
           "and tables (0: only at start)", 2.0, number),
]
# Who gets in and how many queries run at once (gateway/admission.py), for `gateway` and `up`.
ADMISSION = [
    Option("max-connections", "sessions at once; the next client gets 53300 (PostgreSQL's max_connections)",
           100, positive),
    Option("max-queries", "queries over tables that run at once; more wait in line (pg_stat_activity shows "
           "them); 0: no cap", 0, integer),
    Option("max-queries-per-user", "queries one user may run at once; more wait in line; 0: only "
           "--max-queries", 0, integer),
]
# Who may connect and how (gateway/auth), for `gateway` and `up`; docs/decisions.md says why these defaults.
AUTH = [
    Option("users", "users file (`duckflight user add`): clients authenticate with SCRAM-SHA-256 "
           "(default without it: trust from loopback only)"),
    Option("hba", "rules of who may connect from where and how, pg_hba.conf-like lines (default: "
           "scram-sha-256 for all with --users)"),
    Option("tls-cert", "TLS certificate chain (PEM) of the Postgres port (with --tls-key, SSLRequest is accepted) "
           "and of the control service"),
    Option("tls-key", "private key (PEM) of --tls-cert"),
]
# Session defaults of the gateway, which a client may change with SET (gateway/timeouts.py).
TIMEOUTS = [
    Option("statement-timeout", "cancel a statement running longer than this (57014), e.g. 30s or 5min; "
           "0: no limit", "0", time_setting),
    Option("idle-in-transaction-session-timeout", "end a session idle this long inside a transaction block "
           "(25P03); 0: no limit", "0", time_setting),
    Option("idle-session-timeout", "end a session idle this long outside a transaction block (57P05); "
           "0: no limit", "0", time_setting),
]
GATEWAY = COMMON + [
    Option("host", "address to listen on", "127.0.0.1"),
    Option("port", "Postgres wire port to listen on", 5433, port),
    Option("worker", "a worker's HOST:PORT; repeat for each worker", [], address, many=True),
    Option("data", "folder whose subfolders and files are the tables", required=True),
    Option("control-port", "port of the control service workers register with, on --host (0: off)", 5434, port),
    Option("memory-limit", "memory the gateway's DuckDB may use (final stages, catalog): a size (4GB) or a share "
           "of this machine's memory; a query that needs more fails with 53200", "40%", memory_size),
] + SPILL + HEALTH + CATALOG + TIMEOUTS + ADMISSION + AUTH + SECRET + TLS_CA
UP = COMMON + [
    Option("host", "address the gateway listens on", "127.0.0.1"),
    Option("port", "Postgres wire port of the gateway", 5433, port),
    Option("workers", "number of worker processes", 2, positive),
    Option("data", "folder of tables (default: generate a TPC-H demo set)"),
    Option("demo-scale", "TPC-H scale factor of the demo set", 0.1, number),
    Option("worker-threads", "DuckDB threads per worker (default: this machine's cores / workers)", None, positive),
    Option("memory-limit", "memory the whole local cluster may use, divided equally between the gateway and "
           "each worker: a size (12GB) or a share of this machine's memory", "70%", memory_size),
    Option("worker-max-fragments", "fragments a worker runs at once (default: 2 x threads)", None, positive),
    Option("control-port", "port where more workers may register with the gateway (0: off)", 0, port),
    Option("cluster-secret-file", "file holding the cluster secret, for workers that register through "
           "--control-port (else env DUCKFLIGHT_CLUSTER_SECRET; default: a new random secret)"),
] + SPILL + HEALTH + CATALOG + TIMEOUTS + ADMISSION + AUTH + [
    Option("tls-ca", "PEM file of the CA that issued --tls-cert, with which the gateway verifies its workers, "
           "which serve TLS with --tls-cert too (default: --tls-cert itself, when it is self-signed)"),
]
WORKERS = COMMON + [
    Option("gateway", "the gateway's control service, HOST:PORT", "127.0.0.1:5434", address),
    Option("node", "only the workers of this node"),
] + SECRET + TLS_CA
COMMANDS = {"worker": WORKER, "gateway": GATEWAY, "up": UP, "workers": WORKERS}
HELP = {
    "worker": "run an Arrow Flight worker with its own DuckDB",
    "gateway": "run the Postgres wire gateway over a set of workers",
    "up": "run a local cluster (workers and a gateway) in the foreground",
    "workers": "list a gateway's workers and their health",
}
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def log_level(value) -> str:
    if not isinstance(value, str) or value.upper() not in LEVELS:
        raise ValueError(f"expected one of {', '.join(LEVELS)}, got {value!r}")
    return value.upper()


def version() -> str:
    return metadata.version("duckflight")


def build_parser() -> Parser:
    parser = Parser(prog="duckflight", description="A distributed SQL engine that speaks Postgres.")
    parser.add_argument("--version", action="version", version=f"duckflight {version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for name, options in COMMANDS.items():
        add_options(commands.add_parser(name, help=HELP[name], description=HELP[name]), options, name)
    from duckflight.gateway.auth.user_command import add_user_command

    add_user_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "user":
        from duckflight.gateway.auth.user_command import run_user

        return run_user(args)
    try:
        args = resolve(args, COMMANDS, args.command)
        logging.basicConfig(
            level=getattr(logging, args.log_level),
            format=f"%(asctime)s %(levelname)s {args.command} %(name)s: %(message)s",
            stream=sys.stderr,
        )
        return _run(args)
    except StartupError as error:
        print(f"duckflight {args.command}: {error}", file=sys.stderr, flush=True)
        return 1


def _run(args) -> int:
    from duckflight.gateway.up import die_with_supervisor

    die_with_supervisor()  # a gateway or worker started by `duckflight up` ends with it
    if args.command == "worker":
        from duckflight.worker.main import run_worker

        return run_worker(args)
    if args.command == "gateway":
        from duckflight.gateway.main import run_gateway

        return run_gateway(args)
    if args.command == "workers":
        from duckflight.gateway.registry import print_workers

        from duckflight.worker.trust import from_options

        return print_workers(args.gateway, args.node or "", from_options(args))
    from duckflight.gateway.up import run_up

    return run_up(args)


if __name__ == "__main__":
    sys.exit(main())
