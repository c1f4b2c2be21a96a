"""`duckflight up` as a user runs it: demo data, the printed psql connection string, the
real psql binary, and a clean stop of every child on SIGTERM (`kill PID`) and on SIGINT
(Ctrl-C, which a terminal sends to the whole foreground process group).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess

import duckdb
import psycopg
import pytest



def dsn(port: int) -> str:
    return f"postgresql://duckflight@127.0.0.1:{port}/duckflight"


def psql_env() -> dict[str, str]:
    """The environment without PG* variables, so psql uses exactly its command line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["PGCONNECT_TIMEOUT"] = "10"
    return env


@pytest.mark.timeout(180)
def test_up_with_demo_data_answers_psql_and_stops_on_sigterm(tmp_path, launch_up, free_tcp_port):
    psql = shutil.which("psql")
    assert psql, "psql is not installed (tests/run installs postgresql-client)"
    home = tmp_path / "cache"  # empty: `up` must generate the demo data itself
    port = free_tcp_port
    up = launch_up(["--workers", "2", "--port", str(port)], env={"DUCKFLIGHT_DATA_HOME": str(home)})

    up.wait_for_output(re.escape(dsn(port)))
    data = home / "tpch-sf0.1"
    assert (data / "lineitem").is_dir(), f"no demo data generated in {home}"
    expected = duckdb.sql(f"SELECT count(*) FROM read_parquet('{data}/lineitem/*.parquet')").fetchone()[0]

    # The README's command, plus -X (no ~/.psqlrc), -A -t (bare value) and -w (never prompt).
    cmd = [psql, "-h", "127.0.0.1", "-p", str(port), "-d", "duckflight", "-X", "-A", "-t", "-w",
           "-c", "select count(*) from lineitem"]
    out = subprocess.run(cmd, env=psql_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, f"psql failed ({out.returncode}): {out.stderr}\n--- up output ---\n{up.output()[-4000:]}"
    assert out.stdout.strip() == str(expected)

    up.stop(signal.SIGTERM)


@pytest.mark.timeout(180)
def test_up_stops_every_child_on_ctrl_c(tpch_sf01, data_cache, launch_up, free_tcp_port):
    port = free_tcp_port
    # Same cache as tpch_sf01, so `up` finds the demo data already there.
    up = launch_up(["--workers", "2", "--port", str(port)], env={"DUCKFLIGHT_DATA_HOME": str(data_cache)})
    up.wait_for_output(re.escape(dsn(port)))
    with psycopg.connect(dsn(port), autocommit=True, connect_timeout=10) as conn:
        assert conn.execute("select count(*) from region").fetchone()[0] == 5

    up.stop(signal.SIGINT, whole_group=True)


@pytest.mark.timeout(120)
def test_children_end_when_up_is_killed(tpch_sf01, launch_up):
    """`up` killed outright (SIGKILL, no chance to clean up) leaves no gateway or worker behind,
    and with --port 0 it picks a free port and prints it."""
    import time

    from processes import alive, describe, descendants

    up = launch_up(["--workers", "2", "--port", "0", "--data", str(tpch_sf01)])
    port = int(up.wait_for_output(r"postgresql://duckflight@127\.0\.0\.1:(\d+)/duckflight")[1])
    assert port != 0
    with psycopg.connect(dsn(port), autocommit=True, connect_timeout=10) as conn:
        assert conn.execute("select count(*) from region").fetchone()[0] == 5
    children = descendants(up.proc.pid)
    assert len(children) >= 3
    up.proc.kill()
    up.proc.wait()
    deadline = time.monotonic() + 15
    while alive(children, -1) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(children, -1), describe(alive(children, -1))
    up.stopped = True
