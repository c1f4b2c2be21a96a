"""Hostile SQL soak: sqlsmith's random queries against a running cluster.

sqlsmith (Debian's package) reads the cluster's own catalog and writes random,
deeply nested queries over its tables. Each runs on one connection under a
statement_timeout; a query may fail, but only as a client error would: with a
SQLSTATE that is not XX000 (internal), without losing the connection, without
the gateway restarting or growing without bound, and without leaving tables of
its exchanges on any worker. ``tests/integration/test_soak.py`` runs a short
soak; the long one is this script:

    python tests/soak.py --queries 10000 --seed 1

It starts ``duckflight up`` over TPC-H (scale factor 0.01) and prints the
outcomes by SQLSTATE class, every internal error with its query, lost
connections, and the gateway's RSS.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import secrets
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

import psycopg

from process_stats import gateway_pid, rss_mb, start_up

HANG_MARGIN = 30.0  # seconds past the statement timeout after which a query counts as hung


def generate(port: int, count: int, seed: int) -> list[str]:
    """``count`` random queries that sqlsmith writes from the catalog of the gateway at ``port``."""
    target = f"host=127.0.0.1 port={port} dbname=duckflight user=sqlsmith"
    out = subprocess.run(["sqlsmith", f"--target={target}", "--exclude-catalog", "--dry-run",
                          f"--max-queries={count}", f"--seed={seed}"],
                         capture_output=True, text=True, timeout=600, check=True).stdout
    return [q.strip() for q in re.split(r";\s*\n", out) if q.strip()]


@dataclass
class Report:
    """What a soak saw. ``classes``: SQLSTATE class ("00" for an answer) → queries."""

    classes: collections.Counter = field(default_factory=collections.Counter)
    internal: list[tuple[str | None, str, str]] = field(default_factory=list)  # (sqlstate, message, query)
    lost: list[tuple[str, str]] = field(default_factory=list)  # (error, query)
    hung: list[str] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)  # the gateway's, MB, before every 10th query and at the end
    seconds: float = 0.0

    def lines(self) -> list[str]:
        total = sum(self.classes.values())
        shown = ", ".join(f"{cls}: {n}" for cls, n in sorted(self.classes.items()))
        out = [f"{total} queries in {self.seconds:.0f}s; by SQLSTATE class: {shown}",
               f"internal errors (XX000 or no SQLSTATE): {len(self.internal)}; lost connections: "
               f"{len(self.lost)}; hung: {len(self.hung)}"]
        if self.rss:
            out.append(f"gateway RSS MB: first {self.rss[0]}, peak {max(self.rss)}, last {self.rss[-1]}")
        for sqlstate, message, query in self.internal[:20]:
            out.append(f"  {sqlstate}: {message.splitlines()[0][:200]}\n    {' '.join(query.split())[:300]}")
        for error, query in self.lost[:10]:
            out.append(f"  lost: {error[:200]}\n    {' '.join(query.split())[:300]}")
        return out


def soak(url: str, queries: list[str], gateway_pid: int, statement_timeout: float, progress=None) -> Report:
    """Run ``queries`` one after another on one connection (a new one if it is lost);
    ``progress(report)`` is called every 500 queries."""
    report = Report()
    started = time.monotonic()
    conn = psycopg.connect(url, autocommit=True)
    try:
        for n, sql in enumerate(queries):
            if n % 10 == 0:
                report.rss.append(rss_mb(gateway_pid))
            if progress is not None and n and n % 500 == 0:
                report.seconds = time.monotonic() - started
                progress(report)
            watchdog = threading.Timer(statement_timeout + HANG_MARGIN, conn.cancel_safe)
            watchdog.start()
            began = time.monotonic()
            try:
                with conn.cursor() as cursor:
                    cursor.execute(sql, prepare=False)
                    if cursor.description is not None:
                        cursor.fetchall()
                report.classes["00"] += 1
            except psycopg.Error as error:
                state = error.sqlstate
                report.classes[state[:2] if state else "none"] += 1
                if conn.closed or conn.broken:
                    report.lost.append((str(error), sql))
                    conn = psycopg.connect(url, autocommit=True)
                elif state is None or state == "XX000":
                    report.internal.append((state, str(error), sql))
            finally:
                watchdog.cancel()
            if time.monotonic() - began > statement_timeout + HANG_MARGIN:
                report.hung.append(sql)
    finally:
        conn.close()
    report.rss.append(rss_mb(gateway_pid))
    report.seconds = time.monotonic() - started
    return report


def query_tables(addresses: list[str], secret: str) -> dict[str, int]:
    """Tables each worker holds for queries (0 when none runs); ``secret``: the cluster's."""
    from duckflight.worker.client import WorkerClient
    from duckflight.worker.trust import Trust

    trust = Trust(secret=secret.encode())
    return {address: WorkerClient(address, trust).info().query_tables for address in addresses}


def worker_addresses(url: str) -> list[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        return [row[0] for row in conn.execute("select address from duckflight.workers").fetchall()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--statement-timeout", type=float, default=5.0, help="seconds")
    parser.add_argument("--memory-limit", default="3GB", help="of the whole cluster, as `duckflight up` takes it")
    args = parser.parse_args()
    from duckflight.gateway.demo import ensure_tpch

    secret = secrets.token_urlsafe(32)  # to ask the workers, at the end, what tables they hold
    up, url = start_up(["--workers", "2", "--data", str(ensure_tpch(args.scale)), "--statement-timeout",
                        f"{args.statement_timeout}s", "--memory-limit", args.memory_limit], user="soak", secret=secret)
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    try:
        gateway = gateway_pid(up.pid)
        queries = []
        while len(queries) < args.queries:  # sqlsmith stops early now and then; go on with the next seed
            queries += generate(port, min(1000, args.queries - len(queries)), args.seed + len(queries))
        report = soak(url, queries, gateway, args.statement_timeout,
                      progress=lambda r: print(r.lines()[0] + " ... " + r.lines()[1], flush=True))
        print("\n".join(report.lines()))
        print(f"gateway pid unchanged: {gateway_pid(up.pid) == gateway}")
        time.sleep(1)
        print(f"tables left on workers: {json.dumps(query_tables(worker_addresses(url), secret))}")
    finally:
        up.terminate()
        up.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
