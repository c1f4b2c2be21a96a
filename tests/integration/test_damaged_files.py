"""One damaged file does not stop the cluster: `duckflight up` over a data folder with
truncated, empty, missing and mis-encoded files starts, every query of a damaged table
fails with an error naming the file (SQLSTATE of PostgreSQL's file and data-corruption
family), and every other table answers, before and after those errors."""

from __future__ import annotations

import re
import signal
import subprocess

import psycopg
import pytest

from test_up import dsn, psql_env
from damaged_files import damaged_folder


@pytest.fixture
def up_over_damaged(tmp_path, launch_up, free_tcp_port):
    root = damaged_folder(tmp_path / "data")
    up = launch_up(["--workers", "2", "--port", str(free_tcp_port), "--data", str(root)])
    up.wait_for_output(re.escape(dsn(free_tcp_port)))
    yield root, free_tcp_port, up
    up.stop(signal.SIGTERM)


@pytest.mark.timeout(180)
def test_damaged_tables_fail_alone(up_over_damaged):
    root, port, up = up_over_damaged
    with psycopg.connect(dsn(port), autocommit=True, connect_timeout=10) as conn:
        assert conn.execute("select count(*), sum(i) from good").fetchone() == (2000, 999000)
        cases = {
            "broken": ("XX001", f'could not read file "{root}/broken/b.parquet": not a Parquet file, or truncated'),
            "empty": ("XX001", f'could not read file "{root}/empty.parquet": too small to be a Parquet file'),
            "dangling": ("58P01", f'could not open file "{root}/dangling.parquet": No such file or directory'),
            "latin1": ("22021", f'could not read file "{root}/latin1.csv": invalid byte sequence'),
            # The footer survived, the data did not: found by the worker that reads it.
            "tail": ("XX001", f'could not read file "{root}/tail.parquet": damaged Parquet data'),
        }
        for table, (sqlstate, message) in cases.items():
            with pytest.raises(psycopg.Error) as raised:
                conn.execute(f"select sum(i) from {table}").fetchall()
            assert raised.value.sqlstate == sqlstate, (table, raised.value)
            assert raised.value.diag.message_primary.startswith(message), (table, raised.value)
            # the session and the cluster go on
            assert conn.execute("select count(*) from good where i < 10").fetchone() == (20,)
        tables = [r[0] for r in conn.execute("select relname from pg_class where relnamespace = 2200 "
                                              "order by 1").fetchall()]
        assert tables == ["broken", "dangling", "empty", "good", "latin1", "tail"]
    assert up.proc.poll() is None
    assert "Traceback" not in up.output()


@pytest.mark.timeout(180)
def test_psql_shows_the_file_at_fault(up_over_damaged):
    root, port, _ = up_over_damaged
    cmd = ["psql", "-h", "127.0.0.1", "-p", str(port), "-d", "duckflight", "-X", "-A", "-t", "-w",
           "-c", "select count(*) from broken"]
    out = subprocess.run(cmd, env=psql_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert f'ERROR:  could not read file "{root}/broken/b.parquet"' in out.stderr
    assert 'DETAIL:  The table "broken" could not be read when its files were catalogued' in out.stderr
