"""How much memory a large answer costs the gateway, against one DuckDB streaming it.

Starts ``duckflight up`` over TPC-H Parquet and sends all of ``lineitem`` to three
readers: a fast COPY reader, a slow COPY reader (about 16 MB/s) and a named
cursor fetching 200,000 rows at a time. For each it prints the gateway's RSS
idle and at its peak (sampled every 50 ms), the time taken, and the peak growth
as a ratio of what one DuckDB process grows by when it streams the same query
to Arrow batches read at the same pace (the referee: what a user holding the
files alone would spend). Medians of alternating runs. Prints figures; never
passes or fails.

    python bench/streaming.py --scale 1 --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from process_stats import gateway_pid, rss_mb, start_up  # noqa: E402

from duckflight.gateway.demo import ensure_tpch  # noqa: E402

SQL = "select * from lineitem"
SLOW_BYTES_PER_S = 16 << 20


def peak_while(pid: int, work) -> tuple[int, int, float]:
    """(idle MB, peak MB, seconds) of process ``pid`` while ``work()`` runs."""
    idle, peak, stop = rss_mb(pid), [rss_mb(pid)], threading.Event()

    def sample():
        while not stop.wait(0.05):
            peak[0] = max(peak[0], rss_mb(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    try:
        work()
    finally:
        stop.set()
        sampler.join()
    return idle, peak[0], time.perf_counter() - started


def paced(size: int, pending: list[int], slow: bool) -> None:
    pending[0] += size
    if slow and pending[0] > SLOW_BYTES_PER_S // 4:
        time.sleep(0.25)
        pending[0] = 0


def copy_reader(url: str, slow: bool):
    def work():
        pending = [0]
        with psycopg.connect(url, autocommit=True) as conn:
            with conn.cursor().copy(f"copy ({SQL}) to stdout") as copy:
                for chunk in copy:
                    paced(len(chunk), pending, slow)
    return work


def cursor_reader(url: str):
    def work():
        with psycopg.connect(url) as conn, conn.cursor(name="everything") as cursor:
            cursor.execute(SQL)
            while cursor.fetchmany(200_000):
                pass
    return work


# The referee: one DuckDB process streaming the query to Arrow batches, read at
# the reader's pace; it prints its RSS idle and at its peak.
REFEREE = """
import re, sys, threading, time, duckdb
data, sql, slow, rate = sys.argv[1], sys.argv[2], sys.argv[3] == "1", int(sys.argv[4])
rss = lambda: int(re.search(r"VmRSS:\\s+(\\d+)", open("/proc/self/status").read())[1]) // 1024
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
con.execute(f"CREATE VIEW lineitem AS SELECT * FROM read_parquet('{data}/lineitem/*.parquet')")
idle, peak, stop = rss(), [rss()], threading.Event()
def sample():
    while not stop.wait(0.05):
        peak[0] = max(peak[0], rss())
threading.Thread(target=sample, daemon=True).start()
pending = 0
for batch in con.execute(sql).to_arrow_reader(16384):
    pending += batch.nbytes
    if slow and pending > rate // 4:
        time.sleep(0.25)
        pending = 0
stop.set()
print(idle, peak[0])
"""


def referee(data: Path, slow: bool) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", REFEREE, str(data), SQL, "1" if slow else "0",
                          str(SLOW_BYTES_PER_S)], capture_output=True, text=True, check=True).stdout
    idle, peak = map(int, out.split())
    return idle, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = ensure_tpch(args.scale)
    up, url = start_up(["--workers", "2", "--data", str(data)], user="bench")
    try:
        gateway = gateway_pid(up.pid)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("select * from lineitem limit 10").fetchall()
        readers = {"COPY, fast reader": (copy_reader(url, False), False),
                   "COPY, ~16 MB/s reader": (copy_reader(url, True), True),
                   "named cursor, fetchmany": (cursor_reader(url), False)}
        print(f"{SQL} at scale factor {args.scale:g}; gateway and DuckDB peak RSS growth, MB; median of {args.runs}")
        print(f"{'reader':<26}{'idle':>7}{'peak':>7}{'growth':>8}{'seconds':>9}{'duckdb':>8}{'ratio':>7}")
        for name, (work, slow) in readers.items():
            growths, seconds, referees, idles, peaks = [], [], [], [], []
            for _ in range(args.runs):  # alternate: duckflight, then the referee
                idle, peak, took = peak_while(gateway, work)
                idles.append(idle)
                peaks.append(peak)
                growths.append(peak - idle)
                seconds.append(took)
                r_idle, r_peak = referee(data, slow)
                referees.append(r_peak - r_idle)
            growth, ref = statistics.median(growths), statistics.median(referees)
            print(f"{name:<26}{statistics.median(idles):>7.0f}{statistics.median(peaks):>7.0f}{growth:>8.0f}"
                  f"{statistics.median(seconds):>9.1f}{ref:>8.0f}{growth / max(ref, 1):>7.2f}")
    finally:
        up.terminate()
        up.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
