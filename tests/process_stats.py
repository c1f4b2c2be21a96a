"""What /proc says about a running cluster: a process's resident memory, and which child of
`duckflight up` is its gateway. For tests (tests/soak.py, tests/integration) and bench/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path


def rss_mb(pid: int) -> int:
    """The resident set size of process ``pid``, in MiB."""
    return int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())[1]) // 1024


def gateway_pid(up_pid: int, timeout: float = 10.0) -> int:
    """The pid of the gateway that `duckflight up` (pid ``up_pid``) runs; RuntimeError if none
    appears within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
                command = Path(f"/proc/{name}/cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue  # exited while we looked
            parent = int(stat[stat.rindex(")") + 2:].split()[1])
            if parent == up_pid and b" gateway " in command:
                return int(name)
        time.sleep(0.1)
    raise RuntimeError(f"no gateway process under duckflight up (pid {up_pid})")


def start_up(flags: list[str], user: str = "duckflight", secret: str | None = None) -> tuple[subprocess.Popen, str]:
    """`duckflight up` with ``flags`` on a free port, in a session of its own (stop it with
    ``terminate``), once it accepts connections: (the process, a psycopg URL for ``user``).
    ``secret``: the cluster secret it is to use (else it makes one)."""
    import psycopg

    from duckflight.gateway.up import free_port

    port = free_port()
    url = f"postgresql://{user}@127.0.0.1:{port}/duckflight"
    up = subprocess.Popen([sys.executable, "-m", "duckflight.gateway.cli", "up", "--port", str(port), *flags,
                           "--log-level", "WARNING"], start_new_session=True,
                          env={**os.environ, **({"DUCKFLIGHT_CLUSTER_SECRET": secret} if secret else {})})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and up.poll() is None:
        try:
            psycopg.connect(url, connect_timeout=3).close()
            return up, url
        except psycopg.OperationalError:
            time.sleep(0.1)
    up.kill()
    raise RuntimeError(f"duckflight up {' '.join(flags)} did not accept connections")
