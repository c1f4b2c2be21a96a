"""``duckflight gateway``: the Postgres wire front end over a set of workers."""

from __future__ import annotations

import gc
import logging
import signal

from duckflight.gateway.admission import Admission
from duckflight.gateway.auth.policy import load_policy, reload_rules, tls_context
from duckflight.gateway.catalog import Catalog
from duckflight.gateway.catalog_watch import CatalogWatcher
from duckflight.gateway.config import parse_size
from duckflight.gateway.engine import Engine
from duckflight.gateway.planner.distribute_blocks import BROADCAST_BYTES

from duckflight.gateway.scheduler import Scheduler
from duckflight.gateway.session import Session
from duckflight.gateway.timeouts import SETTINGS as TIME_SETTINGS
from duckflight.gateway.startup import StartupError, require_data_folder, require_free_port
from duckflight.gateway.workers import WorkerPool
from duckflight.worker.resources import Resources, memory_limit
from duckflight.worker.trust import Trust, from_options, require_secret_off_loopback, warn_if_unlocked

log = logging.getLogger(__name__)


def build_engine(data: str, workers: list[str], fragment_timeout: float = 120.0, *, fragment_retries: int = 2,
                 health_interval: float = 5.0, health_timeout: float = 2.0,
                 broadcast_limit: int = BROADCAST_BYTES, resources: Resources | None = None,
                 session_defaults: dict[str, str] | None = None, admission: Admission | None = None,
                 trust: Trust = Trust(), users=None) -> Engine:
    catalog = Catalog.from_folder(data)
    pool = WorkerPool(workers, trust)
    pool.start_health_checks(health_interval, health_timeout)
    resources = resources or Resources("gateway", memory_limit(None, "gateway"))
    scheduler = Scheduler(pool, fragment_timeout=fragment_timeout, fragment_retries=fragment_retries,
                          probe_timeout=health_timeout, gather_limit=resources.memory_limit)
    return Engine(catalog, pool, scheduler, broadcast_limit=broadcast_limit, resources=resources,
                  session_defaults=session_defaults, admission=admission, users=users)


def backend_factory(engine: Engine, users=None):
    """Open a Session per client connection (the BackendFactory of pgwire); ``users``: the users
    file the sessions read their role from (None: the role authentication gave stays)."""
    return lambda startup, peer=None, role="reader": Session(engine, startup, peer, role=role, users=users)


def run_gateway(args) -> int:
    """Serve until SIGINT/SIGTERM. StartupError (one line for the user) before serving
    if the data folder is missing or a port is taken."""
    from duckflight.gateway.pgwire.server import PgServer

    data = require_data_folder(args.data)
    trust = from_options(args)
    if args.control_port:
        require_secret_off_loopback(trust, args.host, f"the control service (--control-port {args.control_port})")
    require_free_port(args.host, args.port, "--port")
    tls = tls_context(args.tls_cert, args.tls_key)
    policy = load_policy(args.users, args.hba, args.tls_cert)
    if tls is None and any(rule.type == "hostssl" for rule in policy.rules):
        log.warning("hba rules of type hostssl match nothing without --tls-cert and --tls-key")
    if args.control_port:
        require_free_port(args.host, args.control_port, "--control-port")
    engine = build_engine(str(data), args.worker, args.fragment_timeout, fragment_retries=args.fragment_retries,
                          health_interval=args.health_interval, health_timeout=args.health_timeout,
                          broadcast_limit=parse_size(args.broadcast_limit),
                          resources=Resources("gateway", memory_limit(args.memory_limit, "gateway"), args.temp_dir,
                                              args.max_temp_size),
                          session_defaults={**{name: getattr(args, name) for name in TIME_SETTINGS},
                                            **({"ssl": "on"} if tls else {})},  # SHOW ssl
                          admission=Admission(args.max_connections, args.max_queries, args.max_queries_per_user),
                          trust=trust, users=policy.users)
    control = None
    try:
        server = PgServer((args.host, args.port), backend_factory(engine, policy.users), auth=policy, tls=tls)
        if args.control_port:
            from duckflight.gateway import registry

            # Workers register again at the health interval, so a restarted gateway
            # has its registered workers back within one interval.
            control, _ = registry.serve(engine.workers, args.host, args.control_port,
                                        register_interval=args.health_interval, check_timeout=args.health_timeout,
                                        trust=trust)
            warn_if_unlocked(trust, "the control service")
    except OSError as error:  # a port taken since the checks above
        engine.close()
        raise StartupError(f"cannot listen on {args.host}:{args.port}: {error.strerror}" if error.strerror
                           else str(error)) from None
    log.info("gateway listening on %s:%d with %d table(s) and workers %s", args.host, server.port,
             len(engine.catalog.tables), ", ".join(args.worker) or "(none)")
    log.info("clients: %s; TLS %s", f"rules of {args.hba}" if args.hba else f"users of {args.users}"
             if args.users else "trusted from loopback only", "on" if tls else "off")
    watcher = CatalogWatcher(engine.refresh_catalog, args.catalog_refresh).start()

    def stop(signum, frame):
        # Once: a stop often comes twice (Ctrl-C reaches the process group and
        # `duckflight up` passes it on too), and the second must not break the first.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGHUP, lambda signum, frame: reload_rules(policy, args.hba))  # as pg_ctl reload
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown_all() if hasattr(server, "shutdown_all") else server.server_close()
        watcher.stop()
        if control is not None:
            control.stop(grace=1.0)
        engine.close()
        # Collect Flight readers of sessions still open now, while gRPC is whole: left to
        # the interpreter's exit, their destruction aborts the process ("terminate called").
        gc.collect()
        log.info("gateway stopped")
    return 0
