"""Fixtures for the real-driver tests: one in-process cluster over TPC-H SF 0.1.

The cluster (tests/integration/inprocess.py) runs two workers and a gateway in threads
of the test process, talking over loopback sockets; the drivers connect to it as they
would to PostgreSQL. The data comes from the repository's cache (tests/conftest.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from duckflight.gateway.demo import ensure_tpch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))
from inprocess import cluster  # noqa: E402


@pytest.fixture(scope="session")
def tpch_data(data_cache) -> Path:
    return ensure_tpch(0.1, root=data_cache)


@pytest.fixture(scope="session")
def gateway(tpch_data):
    """(dsn, engine) of a running cluster; dsn is postgresql://tester@127.0.0.1:PORT/duckflight."""
    with cluster(str(tpch_data)) as (dsn, _, engine):
        yield dsn, engine


@pytest.fixture(scope="session")
def dsn(gateway) -> str:
    return gateway[0]


_SERVE = """
import sys, time
sys.path.insert(0, sys.argv[2])
from inprocess import cluster
with cluster(sys.argv[1]) as (dsn, _, _):
    print(dsn, flush=True)
    sys.stdin.read()  # until the test process closes our stdin
"""


@pytest.fixture(scope="session")
def process_dsn(tpch_data):
    """A cluster in a process of its own. psycopg's blocking ``conn.cancel()`` holds the GIL
    while libpq connects, so it can only reach a gateway outside the test process."""
    integration = str(Path(__file__).resolve().parent.parent / "integration")
    proc = subprocess.Popen([sys.executable, "-c", _SERVE, str(tpch_data), integration],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("postgresql://"), f"cluster process printed {line!r}"
        yield line
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
