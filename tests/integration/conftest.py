"""Integration fixtures: TPC-H data, a real `duckflight up` cluster, and a DuckDB referee.

The cluster is the product as a user runs it: the `duckflight` console script, started
in its own session (so its whole process tree is one process group), listening only on
127.0.0.1. Teardown stops it with SIGTERM and fails the run if any process of the tree
is still alive 15 s later; such leftovers are killed with SIGKILL either way.
"""

from __future__ import annotations

import signal
from pathlib import Path

import duckdb
import pytest

from duckflight.gateway.up import free_port
from duckflight.gateway.demo import TPCH_TABLES, ensure_tpch
from duckdb_referee import duckdb_over

from processes import UpProcess, dsn


@pytest.fixture
def free_tcp_port() -> int:
    """A TCP port on 127.0.0.1 that is free at the start of the test."""
    return free_port()


@pytest.fixture
def launch_up(tmp_path):
    """Factory: launch_up(args, env=None, executable=None, cwd=None) starts `duckflight up ARGS`
    (the given console script, else the test interpreter's); all are killed at teardown."""
    started: list[UpProcess] = []

    def launch(args: list[str], env: dict[str, str] | None = None, executable: str | None = None,
               cwd: Path | None = None) -> UpProcess:
        up = UpProcess(args, tmp_path / f"up-{len(started)}.log", env, executable, cwd)
        started.append(up)
        return up

    yield launch
    for up in started:
        if up.proc.poll() is None or not up.stopped:
            up.kill()


@pytest.fixture(scope="session")
def tpch_sf01(data_cache) -> Path:
    """TPC-H at scale factor 0.1: one folder of Parquet files per table."""
    return ensure_tpch(0.1, root=data_cache)


@pytest.fixture(scope="session", params=[0.1, 1.0], ids=["sf0.1", "sf1"])
def tpch_data(request, data_cache) -> Path:
    """TPC-H at scale factor 0.1, then 1 (the scale the distributed plans are judged at)."""
    return ensure_tpch(request.param, root=data_cache)


@pytest.fixture(scope="session")
def cluster(tpch_data, tmp_path_factory):
    """A `duckflight up --workers 2` cluster over tpch_data; yields its DSN."""
    port = free_port()
    log = tmp_path_factory.mktemp("cluster") / "up.log"
    up = UpProcess(
        ["--workers", "2", "--host", "127.0.0.1", "--port", str(port), "--data", str(tpch_data)],
        log, env={"PYTHONUNBUFFERED": "1"},
    )
    try:
        up.wait_until_accepting(dsn(port))
    except BaseException:
        up.kill()
        raise
    yield dsn(port)
    up.stop(signal.SIGTERM)


def _referee(data: Path) -> duckdb.DuckDBPyConnection:
    return duckdb_over(data, TPCH_TABLES)


@pytest.fixture(scope="session")
def referee(tpch_data):
    """One plain DuckDB over the same Parquet files: the answer every query must match."""
    con = _referee(tpch_data)
    yield con
    con.close()


@pytest.fixture(scope="session")
def referee_sf01(tpch_sf01):
    """The referee for tests that run their own clusters over tpch_sf01."""
    con = _referee(tpch_sf01)
    yield con
    con.close()
