"""``duckflight up``: a local cluster in one foreground process tree.

Starts N ``duckflight worker`` processes on free loopback ports, waits until
each answers a health check, starts ``duckflight gateway`` over them, waits
until it accepts connections, and prints how to connect. Ctrl-C or SIGTERM
stops every child; if a child dies on its own, the cluster is stopped too
and the exit code says so.
"""

from __future__ import annotations

import logging
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)

START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "duckflight.gateway.cli", *args]


def _wait_worker(address: str, child: subprocess.Popen, deadline: float) -> None:
    from duckflight.worker.client import WorkerClient

    client = WorkerClient(address)
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


class Cluster:
    """The child processes of one ``duckflight up``."""

    def __init__(self, args):
        self.args = args
        self.children: list[tuple[str, subprocess.Popen]] = []

    def start(self, data: Path) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        common = ["--log-level", str(self.args.log_level)]
        addresses = []
        for i in range(self.args.workers):
            address = f"127.0.0.1:{free_port()}"
            extra = ["--threads", str(self.args.worker_threads)] if self.args.worker_threads else []
            child = subprocess.Popen(_command("worker", "--host", "127.0.0.1", "--port", address.split(":")[1],
                                              "--node", f"worker-{i + 1}", *extra, *common))
            self.children.append((f"worker {address}", child))
            addresses.append(address)
        for (name, child), address in zip(self.children, addresses):
            _wait_worker(address, child, deadline)
        workers = [flag for a in addresses for flag in ("--worker", a)]
        gateway = subprocess.Popen(_command("gateway", "--host", self.args.host, "--port", str(self.args.port),
                                            "--data", str(data), "--fragment-timeout",
                                            str(self.args.fragment_timeout), *workers, *common))
        self.children.append(("gateway", gateway))
        _wait_port(self.args.host, self.args.port, gateway, deadline)
        return f"postgresql://duckflight@{self.args.host}:{self.args.port}/duckflight"

    def first_exit(self) -> tuple[str, int] | None:
        for name, child in self.children:
            if child.poll() is not None:
                return name, child.returncode
        return None

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
    data = Path(args.data) if args.data else None
    if data is None:
        from duckflight.gateway.demo import ensure_tpch

        data = ensure_tpch(args.demo_scale)
    cluster = Cluster(args)
    stopping = False

    def on_signal(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        url = cluster.start(data)
        print(f"duckflight is up: {args.workers} worker(s), tables from {data}", flush=True)
        print(f'connect with: psql "{url}"', flush=True)
        while not stopping:
            exited = cluster.first_exit()
            if exited:
                log.error("%s exited with code %s; stopping the cluster", *exited)
                return 1
            time.sleep(0.2)
        return 0
    except RuntimeError as error:
        log.error("%s", error)
        return 1
    finally:
        cluster.stop()
        log.info("duckflight stopped")
