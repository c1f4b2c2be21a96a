"""Back-pressure end to end: a client that reads slowly slows the fragments, and the gateway
never holds a whole large answer. All of lineitem at TPC-H scale factor 1 (6 M rows, about
1 GB as text) is streamed to a slow COPY reader and through a cursor; the gateway process's
peak RSS stays under 300 MB above what it held idle (bench/streaming.py measures more)."""

from __future__ import annotations

import re
import threading
import time

import psycopg
import pytest

from duckflight.gateway.demo import ensure_tpch
from process_stats import gateway_pid, rss_mb
from processes import dsn

BOUND_MB = 300
LINEITEM_SF1 = 6_001_215


class Peak:
    """The peak RSS of a process, sampled every 50 ms while the block runs."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, rss_mb(pid), threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, rss_mb(self.pid))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


@pytest.fixture(scope="module")
def sf1_cluster(data_cache, tmp_path_factory):
    from processes import UpProcess
    from duckflight.gateway.up import free_port

    data = ensure_tpch(1.0, root=data_cache)
    port = free_port()
    up = UpProcess(["--workers", "2", "--port", str(port), "--data", str(data)],
                   tmp_path_factory.mktemp("up") / "up.log")
    try:
        up.wait_for_output(re.escape(dsn(port)))
        gateway = gateway_pid(up.proc.pid)
        with psycopg.connect(dsn(port), autocommit=True) as conn:  # warm: catalog, plan cache, workers
            conn.execute("select * from lineitem limit 10").fetchall()
        time.sleep(1)
        yield dsn(port), gateway
    finally:
        up.kill()


@pytest.mark.timeout(300)
def test_a_slow_copy_reader_holds_the_gateway_to_a_bound(sf1_cluster):
    url, gateway = sf1_cluster
    idle = rss_mb(gateway)
    lines = pending = 0
    with Peak(gateway) as peak, psycopg.connect(url, autocommit=True) as conn:
        with conn.cursor().copy("copy (select * from lineitem) to stdout") as copy:
            for chunk in copy:
                lines += bytes(chunk).count(b"\n")
                pending += len(chunk)
                if pending > 4 << 20:  # a reader slower than the gateway: about 16 MB/s
                    time.sleep(0.25)
                    pending = 0
    assert lines == LINEITEM_SF1
    assert peak.peak - idle < BOUND_MB, f"gateway peak {peak.peak} MB, idle {idle} MB"


@pytest.mark.timeout(300)
def test_a_cursor_reader_holds_the_gateway_to_a_bound(sf1_cluster):
    url, gateway = sf1_cluster
    idle = rss_mb(gateway)
    rows = 0
    with Peak(gateway) as peak, psycopg.connect(url) as conn:
        with conn.cursor(name="everything") as cursor:
            cursor.execute("select l_orderkey, l_comment from lineitem")
            while batch := cursor.fetchmany(200_000):
                rows += len(batch)
    assert rows == LINEITEM_SF1
    assert peak.peak - idle < BOUND_MB, f"gateway peak {peak.peak} MB, idle {idle} MB"
