"""A throwaway PostgreSQL 15 server for tests that use the real thing as referee.

``postgres15(folder)`` runs initdb in ``folder`` (as user ``postgres`` when the
tests run as root: initdb refuses root), starts the server on a free port of
127.0.0.1 and yields its superuser URL; leaving the context stops it. Any test
module can use it; the catalog tests wrap it in the ``catalog_pg`` fixture
(tests/clients/catalog_support.py).
"""

from __future__ import annotations

import os
import pwd
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg

from duckflight.gateway.up import free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")  # Debian's postgresql-15 (tests/run installs it)
START_TIMEOUT = 30


@contextmanager
def postgres15(folder: Path):
    """Yield ``postgresql://postgres@127.0.0.1:PORT/postgres`` of a fresh cluster in folder."""
    assert (PG_BIN / "initdb").is_file(), f"PostgreSQL 15 is not installed at {PG_BIN}"
    folder.mkdir(parents=True, exist_ok=True)
    as_user = _unprivileged_user(folder)
    data, port = folder / "data", free_port()
    _run(as_user + [str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--no-sync", "--locale=C.UTF-8"])  # duckflight's locale (system/rows.py LOCALE)
    with open(folder / "log", "wb") as log:
        server = subprocess.Popen(
            as_user + [str(PG_BIN / "postgres"), "-D", str(data), "-p", str(port), "-k", str(folder),
                       "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    try:
        _wait_accepting(url, server, folder / "log")
        yield url
    finally:
        server.terminate()  # SIGTERM: PostgreSQL's "smart" shutdown
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _unprivileged_user(folder: Path) -> list[str]:
    if os.geteuid() != 0:
        return []
    pw = pwd.getpwnam("postgres")
    os.chown(folder, pw.pw_uid, pw.pw_gid)
    os.chmod(folder, 0o755)
    for parent in folder.parents:  # the postgres user must reach the folder
        if parent == Path("/"):
            break
        os.chmod(parent, os.stat(parent).st_mode | 0o011)
    return ["runuser", "-u", "postgres", "--"]


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert proc.returncode == 0, f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"


def _wait_accepting(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        assert server.poll() is None, f"postgres exited with {server.returncode}:\n{log.read_text()}"
        try:
            with psycopg.connect(url, connect_timeout=2):
                return
        except psycopg.OperationalError:
            assert time.monotonic() < deadline, f"postgres did not accept connections:\n{log.read_text()}"
            time.sleep(0.2)
