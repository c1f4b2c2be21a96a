"""``duckflight up``: a local cluster in one foreground process tree.

Starts N ``duckflight worker`` processes on free loopback ports, waits until
each answers a health check, starts ``duckflight gateway`` over them, waits
until it accepts connections, and prints how to connect. Ctrl-C or SIGTERM
stops every child. A worker or gateway that dies is started again (a worker on
the same port, so the gateway's list stays right) after a backoff; the others
go on (docs/decisions.md says why). Only a gateway that fails while the
cluster first starts ends ``up``: that is a start-up error, not a crash.
With ``--tls-cert``/``--tls-key`` the workers serve TLS with that certificate
too, and the gateway verifies them (``worker_tls``).
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

from duckflight.gateway.auth.policy import load_policy, tls_context
from duckflight.gateway.startup import StartupError, require_data_folder, require_free_port
from duckflight.gateway.timeouts import SETTINGS as TIME_SETTINGS
from duckflight.worker.resources import memory_limit
from duckflight.worker.trust import (SECRET_ENV, Trust, first_certificate, new_secret, read_file, read_secret,
                                     verified_names)

log = logging.getLogger(__name__)

START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
FIRST_RESTART_DELAY = 1.0  # seconds before restarting a worker that died
MAX_RESTART_DELAY = 30.0
STABLE_AFTER = 60.0  # a worker up this long had no crash loop: back to the first delay


def restart_delay(previous: float, uptime: float) -> float:
    """Seconds to wait before restarting a worker that died after ``uptime`` seconds.

    Doubles while the worker keeps dying soon after each start, so a crash loop
    costs little; a worker that ran a while starts again after the first delay.
    """
    if previous <= 0 or uptime >= STABLE_AFTER:
        return FIRST_RESTART_DELAY
    return min(MAX_RESTART_DELAY, previous * 2)


class Supervised:
    """A worker or gateway process that is started again, after a backoff, whenever it dies."""

    def __init__(self, name: str, command: list[str], env: dict[str, str]):
        self.name = name
        self.command = command
        self.env = env  # added to the child's environment (the cluster secret)
        self.process = _spawn(command, env)
        self.started = time.monotonic()
        self.delay = 0.0
        self.restart_at: float | None = None
        self.restarts = 0

    def tend(self, now: float) -> None:
        """Notice a death and schedule the restart; restart when it is due."""
        if self.restart_at is None:
            code = self.process.poll()
            if code is None:
                return
            self.delay = restart_delay(self.delay, now - self.started)
            self.restart_at = now + self.delay
            log.error("%s (pid %d) exited with code %s; restarting it in %.1fs",
                      self.name, self.process.pid, code, self.delay)
        elif now >= self.restart_at:
            self.process = _spawn(self.command, self.env)
            self.started, self.restart_at = now, None
            self.restarts += 1
            log.warning("%s restarted as pid %d (restart %d)", self.name, self.process.pid, self.restarts)


def _worker_flags(args) -> list[str]:
    """The worker options of `up` passed on to each worker process."""
    # One machine's cores are shared by all its workers: by default each gets its share.
    threads = getattr(args, "worker_threads", None) or max(1, (os.cpu_count() or 1) // max(1, args.workers))
    flags = ["--threads", str(threads)]
    if getattr(args, "worker_max_fragments", None):
        flags += ["--max-fragments", str(args.worker_max_fragments)]
    return flags


def _resource_flags(args) -> list[str]:
    """Memory and spill options for the gateway and each worker: the cluster's memory in equal shares."""
    total = memory_limit(args.memory_limit, "worker")  # a size, or a share of this machine
    flags = ["--memory-limit", f"{total // (args.workers + 1)}B", "--max-temp-size", f"{args.max_temp_size}B"]
    return flags + (["--temp-dir", str(args.temp_dir)] if args.temp_dir else [])


def _path_flags(args, names: tuple[str, ...]) -> list[str]:
    """The flags of these file options that are set, as absolute paths."""
    return [flag for name in names if getattr(args, name)
            for flag in (f"--{name.replace('_', '-')}", str(Path(getattr(args, name)).resolve()))]


def _auth_flags(args) -> list[str]:
    """--users, --hba, --tls-cert and --tls-key for the gateway."""
    return _path_flags(args, ("users", "hba", "tls_cert", "tls_key"))


# OpenSSL's verify codes for a certificate whose issuer is not at hand (X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT...).
NO_ISSUER = {2, 20, 21}


def worker_tls(args) -> tuple[str, str] | None:
    """(CA file, name) with which the gateway verifies the workers, which serve TLS with --tls-cert:
    the CA is --tls-ca, else --tls-cert itself when it is self-signed; the name is the first the
    certificate names (the workers are dialled at 127.0.0.1). None without --tls-cert.
    StartupError, before anything starts, when the gateway could not verify them."""
    if not args.tls_cert:
        if args.tls_ca:
            raise StartupError("--tls-ca is the CA of --tls-cert: give --tls-cert and --tls-key with it")
        return None
    cert = args.tls_cert
    roots = read_file(args.tls_ca, "--tls-ca") if args.tls_ca else first_certificate(read_file(cert, "--tls-cert"))
    try:
        names = verified_names(cert, args.tls_key, roots)
    except (ssl.SSLError, ValueError) as error:
        why = getattr(error, "verify_message", None) or getattr(error, "reason", None) or error
        if args.tls_ca:
            raise StartupError(f"--tls-cert {cert} does not chain to --tls-ca {args.tls_ca}: {why}") from None
        if getattr(error, "verify_code", None) in NO_ISSUER:
            raise StartupError(f"--tls-cert {cert} is not self-signed: give --tls-ca FILE, the CA that issued it, "
                               f"so the gateway can verify its workers") from None
        raise StartupError(f"--tls-cert {cert} does not verify: {why}") from None
    names = [name for name in names if "*" not in name]
    if not names:
        raise StartupError(f"--tls-cert {cert} names no host the gateway could check its workers "
                           f"against (no subjectAltName or common name without a wildcard)")
    return str(Path(args.tls_ca or args.tls_cert).resolve()), names[0]


def _tls_flags(args, tls: tuple[str, str] | None, serve: bool) -> list[str]:
    """--tls-ca and --tls-server-name to dial the workers with; with ``serve``, --tls-cert and --tls-key too."""
    if tls is None:
        return []
    served = _path_flags(args, ("tls_cert", "tls_key")) if serve else []
    return [*served, "--tls-ca", tls[0], "--tls-server-name", tls[1]]


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "duckflight.gateway.cli", *args]


def _spawn(command: list[str], extra: dict[str, str]) -> subprocess.Popen:
    """Start a child that dies with `up` (see ``die_with_supervisor``)."""
    env = {**child_environment(), **extra, SUPERVISOR_ENV: str(os.getpid())}
    return subprocess.Popen(command, env=env)


SUPERVISOR_ENV = "DUCKFLIGHT_SUPERVISOR_PID"
PR_SET_PDEATHSIG = 1


def die_with_supervisor() -> None:
    """In a child of `up`: ask the kernel for SIGTERM when `up` dies (Linux's PR_SET_PDEATHSIG).

    Were `up` killed outright (SIGKILL, a closed terminal), an orphaned gateway or worker
    would go on holding its port. The child asks itself, at start, rather than `up`
    between fork and exec, where a threaded parent must not run Python.
    """
    supervisor = os.environ.pop(SUPERVISOR_ENV, None)
    if supervisor is None or not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != int(supervisor):  # `up` died before the request took effect
        os.kill(os.getpid(), signal.SIGTERM)


def child_environment() -> dict[str, str]:
    """This process's environment without the settings of `duckflight gateway` and `worker`.

    `up` passes its children every option as a flag; a DUCKFLIGHT_GATEWAY_* or
    DUCKFLIGHT_WORKER_* variable (or a DUCKFLIGHT_CONFIG file) meant for another
    deployment in the same shell must not change them.
    """
    from duckflight.gateway.cli import COMMANDS
    from duckflight.gateway.config import CONFIG_ENV

    names = {o.env(c) for c in ("gateway", "worker") for o in COMMANDS[c]} | {CONFIG_ENV, SECRET_ENV}
    return {k: v for k, v in os.environ.items() if k not in names}


def _wait_worker(address: str, child: subprocess.Popen, deadline: float, trust: Trust) -> None:
    from duckflight.worker.client import WorkerClient

    client = WorkerClient(address, trust)
    try:
        while time.monotonic() < deadline:
            if child.poll() is not None:
                raise RuntimeError(f"worker {address} exited with code {child.returncode}")
            try:
                if client.health_check(timeout=1.0).ok:
                    return
            except Exception:
                time.sleep(0.1)
        raise RuntimeError(f"worker {address} did not become healthy in {START_TIMEOUT:.0f}s")
    finally:
        client.close()


def _wait_port(host: str, port: int, child: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise RuntimeError(f"gateway exited with code {child.returncode}")
        try:
            with socket.create_connection((host, port), timeout=1.0):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gateway did not listen on {host}:{port} in {START_TIMEOUT:.0f}s")


def _demo_data(scale: float) -> Path:
    from duckflight.gateway.demo import ensure_tpch

    try:
        return ensure_tpch(scale)
    except (RuntimeError, OSError) as error:
        raise StartupError(f"cannot make the TPC-H demo data: {error}") from None


def _login(users: str | None) -> str:
    """The user name to connect as: with --users, its first admin (else first user), who logs
    in with a password; without, ``duckflight`` (trusted from loopback)."""
    if not users:
        return "duckflight"
    from duckflight.gateway.auth.users import read_users

    found = sorted(read_users(Path(users)).values(), key=lambda u: (u.role != "admin", u.name))
    return found[0].name if found else "duckflight"


class Cluster:
    """The child processes of one ``duckflight up``."""

    def __init__(self, args, secret: bytes, tls: tuple[str, str] | None = None):
        self.args = args
        self.tls = tls  # (CA file, name) the workers are verified with (worker_tls)
        # Handed to every child in its environment, never on its command line (docs/decisions.md).
        self.trust = Trust(secret=secret, tls_ca=read_file(tls[0], "--tls-ca") if tls else None,
                           tls_server_name=tls[1] if tls else None)
        self.env = {SECRET_ENV: secret.decode()}
        self.workers: list[Supervised] = []
        self.gateway: Supervised | None = None

    @property
    def children(self) -> list[tuple[str, subprocess.Popen]]:
        supervised = self.workers + ([self.gateway] if self.gateway is not None else [])
        return [(child.name, child.process) for child in supervised]

    def start(self, data: Path) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        common = ["--log-level", str(self.args.log_level), *_resource_flags(self.args)]
        addresses = []
        for i in range(self.args.workers):
            address = f"127.0.0.1:{free_port()}"
            extra = _worker_flags(self.args) + _tls_flags(self.args, self.tls, serve=True)
            command = _command("worker", "--host", "127.0.0.1", "--port", address.split(":")[1],
                               "--node", f"worker-{i + 1}", "--data", str(data), *extra, *common)
            self.workers.append(Supervised(f"worker {address}", command, self.env))
            addresses.append(address)
        for worker, address in zip(self.workers, addresses):
            _wait_worker(address, worker.process, deadline, self.trust)
        workers = [flag for a in addresses for flag in ("--worker", a)]
        faults = ["--fragment-timeout", str(self.args.fragment_timeout),
                  "--fragment-retries", str(self.args.fragment_retries),
                  "--health-interval", str(self.args.health_interval),
                  "--health-timeout", str(self.args.health_timeout),
                  "--broadcast-limit", str(self.args.broadcast_limit),
                  "--control-port", str(self.args.control_port),
                  "--catalog-refresh", str(self.args.catalog_refresh),
                  *[flag for name in (*TIME_SETTINGS, "max_connections", "max_queries", "max_queries_per_user")
                    for flag in (f"--{name.replace('_', '-')}", str(getattr(self.args, name)))],
                  *_auth_flags(self.args), *_tls_flags(self.args, self.tls, serve=False)]
        self.gateway = Supervised("gateway", _command("gateway", "--host", self.args.host, "--port",
                                                      str(self.args.port), "--data", str(data), *faults, *workers,
                                                      *common), self.env)
        _wait_port(self.args.host, self.args.port, self.gateway.process, deadline)
        return f"postgresql://{_login(self.args.users)}@{self.args.host}:{self.args.port}/duckflight"

    def tend(self) -> None:
        """Restart the workers and the gateway that died, each after its backoff."""
        now = time.monotonic()
        for child in self.workers + [self.gateway]:
            child.tend(now)

    def stop(self) -> None:
        for _, child in self.children:
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT
        for name, child in self.children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("%s did not stop in %.0fs; killing it", name, STOP_TIMEOUT)
                child.kill()
                child.wait()


def run_up(args) -> int:
    """Run the cluster until SIGINT/SIGTERM. StartupError (one line for the user), with
    nothing started, if a port is taken or the data folder is missing."""
    if args.port == 0:  # any free port, as for the workers; the connection string names it
        args.port = free_port(args.host)
    require_free_port(args.host, args.port, "--port")
    if args.control_port:
        require_free_port(args.host, args.control_port, "--control-port")
    tls_context(args.tls_cert, args.tls_key)  # a bad TLS pair, users or hba file stops `up` before it starts anything
    load_policy(args.users, args.hba, args.tls_cert)
    tls = worker_tls(args)
    if args.data:
        data = require_data_folder(args.data)
    else:
        data = _demo_data(args.demo_scale)
    # A cluster of its own is locked without set-up: a new secret unless one is given.
    secret = read_secret(args.cluster_secret_file) or new_secret()
    cluster = Cluster(args, secret, tls)
    stopping = False

    def on_signal(signum, frame):
        nonlocal stopping
        stopping = True

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):  # SIGHUP: its terminal closed
        signal.signal(signum, on_signal)
    try:
        url = cluster.start(data)
        print(f"duckflight is up: {args.workers} worker(s), tables from {data}", flush=True)
        print(f'connect with: psql "{url}"', flush=True)
        while not stopping:
            cluster.tend()
            time.sleep(0.2)
        return 0
    except RuntimeError as error:
        raise StartupError(str(error)) from None
    finally:
        cluster.stop()
        log.info("duckflight stopped")
