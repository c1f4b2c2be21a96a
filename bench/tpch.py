"""TPC-H through duckflight versus one DuckDB over the same files, alternating.

Starts ``duckflight up`` (2 workers by default) over a TPC-H Parquet set,
runs each of the 22 queries through psycopg and through one in-process DuckDB,
and through the newest DuckDB release on PyPI in a process of its own
(bench/newest_duckdb.py), alternating between the three, and prints per-query
median times, the ratios (duckflight / DuckDB) and the totals. Every answer is compared too: a fast
wrong answer is reported as WRONG. Prints figures; never passes or fails.

    python bench/tpch.py --scale 1 --runs 3
"""

from __future__ import annotations

import argparse
import math
import statistics
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psycopg

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from duckdb_referee import duckdb_over  # noqa: E402
from tpch_queries import tpch_queries  # noqa: E402
from newest_duckdb import NewestDuckDB  # noqa: E402

from duckflight.gateway.up import free_port  # noqa: E402
from duckflight.gateway.demo import ensure_tpch  # noqa: E402


def start_cluster(data: Path, workers: int, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "duckflight.gateway.cli", "up", "--workers", str(workers),
               "--port", str(port), "--data", str(data), "--log-level", "WARNING"]
    proc = subprocess.Popen(command, start_new_session=True, stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    for line in proc.stdout:
        if "connect with" in line:
            return proc
        if time.monotonic() > deadline:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    raise SystemExit("cluster did not start")


def same(left: list[tuple], right: list[tuple]) -> bool:
    if len(left) != len(right):
        return False
    for a, b in zip(left, right):
        for x, y in zip(a, b):
            if isinstance(x, float) or isinstance(y, float):
                if not math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-9):
                    return False
            elif x != y:
                return False
    return True


def timed(run) -> tuple[float, list[tuple]]:
    started = time.perf_counter()
    rows = run()
    return time.perf_counter() - started, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queries", default="1-22", help="e.g. 1,6 or 1-22")
    args = parser.parse_args()
    numbers = _numbers(args.queries)
    data = ensure_tpch(args.scale)
    queries = tpch_queries()
    port = free_port()
    cluster = start_cluster(data, args.workers, port)
    ref = duckdb_over(data)
    newest = NewestDuckDB(data)
    total_df = total_db = total_new = 0.0
    wrong = []
    try:
        with psycopg.connect(f"postgresql://bench@127.0.0.1:{port}/duckflight", autocommit=True) as conn:
            print(f"TPC-H SF{args.scale:g}, {args.workers} workers, median of {args.runs} alternating runs, "
                  f"duckflight vs one DuckDB {duckdb.__version__} "
                  f"and one DuckDB {newest.version} on {os.cpu_count()} cores")
            print(f"{'query':>5} {'duckflight':>11} {'duckdb':>9} {'ratio':>7} {'newest':>9} {'ratio':>7}")
            for n in numbers:
                times_df, times_db, times_new = [], [], []
                for _ in range(args.runs):
                    t, got = timed(lambda: conn.execute(queries[n]).fetchall())
                    times_df.append(t)
                    t, expected = timed(lambda: ref.execute(queries[n]).fetchall())
                    times_db.append(t)
                    t, _ = newest.run(queries[n])
                    times_new.append(t)
                best_df, best_db = statistics.median(times_df), statistics.median(times_db)
                ok = same(got, expected)
                if not ok:
                    wrong.append(n)
                total_df += best_df
                total_db += best_db
                best_new = statistics.median(times_new)
                total_new += best_new
                print(f"{'Q%02d' % n:>5} {best_df:10.3f}s {best_db:8.3f}s {best_df / best_db:6.2f}x"
                      f" {best_new:8.3f}s {best_df / best_new:6.2f}x"
                      f"{'' if ok else '  WRONG'}", flush=True)
    finally:
        os.killpg(cluster.pid, signal.SIGTERM)
        cluster.wait(timeout=30)
        newest.close()
    print(f"total {total_df:10.3f}s {total_db:8.3f}s {total_df / total_db:6.2f}x"
          f" {total_new:8.3f}s {total_df / total_new:6.2f}x")
    print(f"answers: {len(numbers) - len(wrong)}/{len(numbers)} equal to DuckDB's"
          + (f"; wrong: {wrong}" if wrong else ""))
    return 0


def _numbers(spec: str) -> list[int]:
    out = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out += list(range(int(lo), int(hi or lo) + 1))
    return out


if __name__ == "__main__":
    sys.exit(main())
