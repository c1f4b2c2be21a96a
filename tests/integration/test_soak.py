"""The short hostile-SQL soak (tests/soak.py runs the long one): random sqlsmith queries
under a statement_timeout fail only as client errors do, and the service stays whole."""

from __future__ import annotations

import re
import shutil
import time

import psycopg
import pytest

from process_stats import gateway_pid, rss_mb
from processes import UpProcess, dsn
from soak import generate, query_tables, soak, worker_addresses
from duckflight.gateway.demo import ensure_tpch
from duckflight.gateway.up import free_port

QUERIES = 150
STATEMENT_TIMEOUT = 3.0
MEMORY_LIMIT = "3GB"  # for the whole cluster: 1 GB for the gateway's DuckDB and for each worker's
RSS_PEAK_MB = 1024 + 600  # the gateway's DuckDB at its limit, and Python, Arrow and sqlglot beside it
SECRET = "soak-cluster-secret"  # given to `up`, to ask its workers what tables they hold
RSS_END_MB = 1024  # after the soak the gateway holds at most what its DuckDB may cache: no leak past it


@pytest.mark.skipif(shutil.which("sqlsmith") is None, reason="sqlsmith is installed by tests/run")
@pytest.mark.timeout(900)
def test_random_queries_leave_the_service_whole(data_cache, tmp_path):
    tpch_sf001 = ensure_tpch(0.01, root=data_cache)
    port = free_port()
    up = UpProcess(["--workers", "2", "--port", str(port), "--data", str(tpch_sf001),
                    "--statement-timeout", f"{STATEMENT_TIMEOUT}s", "--memory-limit", MEMORY_LIMIT],
                   tmp_path / "up.log", env={"DUCKFLIGHT_CLUSTER_SECRET": SECRET})
    try:
        up.wait_for_output(re.escape(dsn(port)))
        up.wait_until_accepting(dsn(port))
        gateway = gateway_pid(up.proc.pid)
        queries = generate(port, QUERIES, seed=7)
        assert len(queries) >= QUERIES * 0.9
        report = soak(dsn(port), queries, gateway, STATEMENT_TIMEOUT)
        print("\n".join(report.lines()))
        assert report.internal == [] and report.lost == [] and report.hung == [], "\n".join(report.lines())
        assert report.classes["00"] > len(queries) // 3  # most are answered, not refused
        assert gateway_pid(up.proc.pid) == gateway
        assert max(report.rss) < RSS_PEAK_MB and report.rss[-1] < RSS_END_MB, report.rss
        time.sleep(1)
        assert set(query_tables(worker_addresses(dsn(port)), SECRET).values()) == {0}
        with psycopg.connect(dsn(port), autocommit=True) as conn:
            assert conn.execute("select count(*) from nation").fetchone() == (25,)
        assert rss_mb(gateway) > 0
    finally:
        up.kill()
