"""Memory is bounded: a query that needs more than the gateway's or a worker's memory limit
fails alone with 53200 naming the limit, while the other sessions' queries answer."""

from __future__ import annotations

import threading

import duckdb
import psycopg
import pytest

from inprocess import cluster
from duckflight.worker.resources import Resources

HUNGRY = "select array_agg(g) from generate_series(1, 200000000) g"  # 1.6 GB in one array: no spilling helps


@pytest.fixture(scope="module")
def small_cluster(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    (root / "t").mkdir()
    duckdb.execute(f"copy (select range as i from range(100000)) to '{root}/t/a.parquet'")
    (root / "wide").mkdir()  # 400 MB as Arrow, a few kB as Parquet
    duckdb.execute(f"copy (select range as i, repeat('x', 2000) || range as s from range(200000)) "
                   f"to '{root}/wide/a.parquet'")
    limit = Resources("gateway", 256 << 20, str(tmp_path_factory.mktemp("spill")), 64 << 20)
    with cluster(str(root), resources=limit) as (url, workers, engine):
        yield url


@pytest.mark.timeout(120)
def test_a_query_over_the_memory_limit_fails_alone(small_cluster):
    answers: list = []

    def others():
        with psycopg.connect(small_cluster, autocommit=True) as conn:
            for _ in range(20):
                answers.append(conn.execute("select count(*), sum(i) from t").fetchone())

    other = threading.Thread(target=others)
    with psycopg.connect(small_cluster, autocommit=True) as conn:
        other.start()
        with pytest.raises(psycopg.errors.OutOfMemory) as raised:
            conn.execute(HUNGRY).fetchall()
        assert raised.value.sqlstate == "53200"
        assert raised.value.diag.message_primary.startswith(
            "out of memory: the query needs more than the memory limit of 256.0 MiB")
        # the same session goes on
        assert conn.execute("select count(*) from t").fetchone() == (100000,)
    other.join(timeout=60)
    assert answers == [(100000, 4999950000)] * 20


@pytest.mark.timeout(120)
def test_rows_gathered_past_the_gateways_memory_limit_fail_alone(small_cluster):
    """A window over all of a wide table gathers its rows into the gateway, outside DuckDB's
    limit: they are counted against the same limit as they arrive."""
    with psycopg.connect(small_cluster, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.OutOfMemory) as raised:
            conn.execute("select max(length(s) + r) from (select s, row_number() over (order by i) r "
                         "from wide) x").fetchall()
        assert raised.value.diag.message_primary == ("out of memory: the rows the query gathers on the gateway "
                                                     "need more than the memory limit of 256.0 MiB (--memory-limit)")
        assert conn.execute("select count(*), max(length(s)) from wide where i < 1000").fetchone() == (1000, 2003)


def test_memory_limit_defaults_are_a_share_of_the_machine():
    from duckflight.worker.resources import DEFAULT_SHARE, machine_memory, memory_limit

    assert memory_limit(None, "gateway") == int(machine_memory() * DEFAULT_SHARE["gateway"])
    assert memory_limit("50%", "worker") == machine_memory() // 2
    assert memory_limit(1 << 30, "worker") == 1 << 30
