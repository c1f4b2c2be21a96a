"""Distributed plans give one DuckDB's answers: partial aggregates, top-N,
broadcast and shuffle joins, through psycopg on a real cluster.

The data has NULL keys, skew and several files, and each query is one whose
distributed form could go wrong in a particular way (a NULL key, an unmatched
row seen on two workers, a correlated aggregate missing rows of another
bucket). EXPLAIN shows which exchange each query got, so a test also fails
if the planner stops distributing it.
"""

from __future__ import annotations

import decimal
import math

import duckdb
import psycopg
import pytest

from duckdb_referee import duckdb_over
from inprocess import cluster


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("dist")
    con = duckdb.connect()
    (root / "t").mkdir()
    for i in range(3):
        con.execute(f"""copy (select case when range % 17 = 0 then null else (range * 7 + {i}) % 50 end as k,
                        (range * 13 + {i}) % 40 as k2, (range % 101)::decimal(10,2) as v,
                        'g' || (range % 5) as g from range({i * 700 + 500})) to '{root}/t/part{i}.parquet'""")
    (root / "u").mkdir()  # a second table with keys of its own, and NULLs
    for i in range(3):
        con.execute(f"""copy (select case when range % 23 = 0 then null else (range * 3 + {i}) % 60 end as k,
                        'g' || (range % 7) as g from range({i * 300 + 200})) to '{root}/u/part{i}.parquet'""")
    for name, copies in (("sa", 1), ("sb", 2)):  # written in key order, keys not NULL
        (root / name).mkdir()
        for i in range(3):
            con.execute(f"""copy (select {i * 1000} + (range * 7) % {997 - 100 * copies} as k, range % 13 as v
                            from range({copies * 1000 + 100 * i}) order by k) to '{root}/{name}/part{i}.parquet'""")
    (root / "sc").mkdir()  # in key order too, but one file reaches across sb's cut at 2000
    for i in range(5):
        con.execute(f"""copy (select {i * 700 + 100} + (range * 3) % 551 as k, range % 11 as v from range(300)
                        order by k) to '{root}/sc/part{i}.parquet'""")
    (root / "small").mkdir()
    con.execute(f"copy (select range as k, 'name ' || range as name from range(0, 50, 2)) to '{root}/small/s.parquet'")
    return root


@pytest.fixture(scope="module")
def dsn(data):
    with cluster(str(data)) as (url, _, _):
        yield url


@pytest.fixture(scope="module")
def referee(data):
    return duckdb_over(data)


CASES = {
    "partial aggregates": ("select g, count(*), count(k), sum(v), avg(v), min(k), max(v), bool_or(k is null) "
                           "from t group by g order by g", "partial aggregate"),
    "global aggregate": ("select count(*), sum(v), avg(k) from t where k > 10", "partial aggregate"),
    "variances": ("select g, stddev(v), var_pop(v), variance(k), stddev_pop(k), stddev_samp(v) from t "
                  "group by g order by g", "partial aggregate"),
    "variance far from zero": ("select stddev(v + 100000000), var_pop(k * 1000000 + 1000000000000) from t",
                               "partial aggregate"),
    "distinct mixed with plain aggregates": (
        "select g, count(distinct k), count(*), sum(v), avg(v), stddev(v), min(k2) from t group by g order by g",
        "partial aggregate"),
    "global distinct mixed with plain aggregates": (
        "select count(distinct k), count(k), sum(distinct k), max(v), count(*) from t", "partial aggregate"),
    "top-N": ("select k, v, g from t where k is not null order by v desc, k, g limit 7", "top 7"),
    "small table read whole by every worker": (
        "select name, count(*) from t join small on t.k = small.k group by name order by 2 desc, 1 limit 5",
        "reads small whole on every worker"),
    "self join on a key with NULLs": ("select count(*), sum(a.v) from t a join t b on a.k = b.k2", "Exchange shuffle"),
    "left join keeps unmatched rows once": ("select count(*), count(b.k2) from t a left join t b on a.k = b.k2 and b.v > 50",
                                            "Exchange shuffle"),
    "not exists": ("select count(*) from t a where not exists (select 1 from t b where b.k2 = a.k and b.v > a.v)",
                   "Exchange shuffle"),
    "correlated aggregate": ("select count(*), sum(v) from t a where v > (select avg(v) from t b where b.k = a.k)",
                             "Exchange shuffle"),
    "grouped in": ("select count(*) from t where k in (select k from t group by k having count(*) > 40)",
                   "Exchange shuffle"),
    "whole groups per worker, any aggregate": (
        "select a.k, count(*), median(b.v), string_agg(distinct b.g, ',' order by b.g) from t a join t b "
        "on a.k = b.k2 group by a.k having count(*) > 100 order by a.k nulls first", "whole groups"),
}


def _same(a, b) -> bool:
    if isinstance(a, (float, decimal.Decimal)) or isinstance(b, (float, decimal.Decimal)):
        return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=1e-9)
    return a == b


# With a broadcast limit of 1000 bytes only `small` is broadcast: t and u are
# shuffled, and a filtered table required by every row cuts the other's
# shuffle down to its keys (the DISTINCT keys stage).
KEY_FILTER_CASES = {
    "join cut to a filtered table's keys": (
        "select count(*), sum(t.v) from t join u on t.k = u.k where u.g in ('g1', 'g3')", "SELECT DISTINCT"),
    "exists cut to the outer table's keys": (
        "select g, count(*) from u where u.g = 'g1' and exists (select 1 from t where t.k = u.k and t.v > 10) "
        "group by g", "SELECT DISTINCT"),
    "in-subquery table cuts the outer one": (
        "select count(*), sum(v) from t where t.k in (select u.k from u where u.g = 'g1') and t.v > 3",
        "SELECT DISTINCT"),
    "no cut by the null-supplying side of a left join": (
        "select count(*), count(t.k) from u left join t on t.k = u.k and t.v > 50", "Exchange shuffle"),
    "no cut by a not exists table": (
        "select count(*) from t where not exists (select 1 from u where u.k = t.k and u.g = 'g1')",
        "Exchange shuffle"),
}


# Tables sa and sb are written in key order: a worker reads, of each, the
# splits whose footer range meets its own key range; nothing is shuffled.
KEY_RANGE_CASES = {
    "join": "select count(*), sum(sb.v), min(sa.k), max(sb.k) from sa join sb on sa.k = sb.k",
    "left join keeps unmatched rows once": "select count(*), count(sb.k), count(sa.k) from sa left join sb on sa.k = sb.k",
    "not exists": "select count(*) from sa where not exists (select 1 from sb where sb.k = sa.k)",
    "grouped in": ("select k, count(*) from sa where k in (select k from sb group by k having count(*) > 1) "
                   "group by k order by k"),
    "inner join, a file read by both workers": "select count(*), sum(sc.v) from sc join sb on sc.k = sb.k",
    "left join, a file read by both workers is cut to each range": (
        "select count(*), count(sb.k), sum(sc.v) from sc left join sb on sc.k = sb.k"),
    "whole groups, top 5": ("select sa.k, count(*), max(sb.v) from sa join sb on sa.k = sb.k "
                            "group by sa.k order by 2 desc, 1 limit 5"),
}


@pytest.mark.parametrize("name", KEY_RANGE_CASES)
def test_key_range_copartition_answer_equals_duckdb(name, shuffling_dsn, referee):
    plan = _check(shuffling_dsn, referee, KEY_RANGE_CASES[name], "by key ranges")
    assert "Exchange shuffle" not in plan
    fragments = "\n".join(line for line in plan.splitlines() if "Fragment" in line)
    if "is cut to each range" in name:
        assert 'where "k" < ' in fragments and 'where "k" >= ' in fragments
    elif "file read by both" in name:
        assert "where" not in fragments  # every row needs an sb row of the worker's range


@pytest.fixture(scope="module")
def shuffling_dsn(data):
    with cluster(str(data), broadcast_limit=1000) as (url, _, _):
        yield url


@pytest.mark.parametrize("name", KEY_FILTER_CASES)
def test_key_filtered_shuffle_answer_equals_duckdb(name, shuffling_dsn, referee):
    sql, wanted = KEY_FILTER_CASES[name]
    plan = _check(shuffling_dsn, referee, sql, wanted)
    if not name.startswith("no cut"):
        assert "IS NULL)" in plan  # NULL keys are kept: NOT IN must still see them
    else:
        assert "SELECT DISTINCT" not in plan


@pytest.mark.parametrize("name", CASES)
def test_distributed_answer_equals_duckdb(name, dsn, referee):
    sql, exchange = CASES[name]
    _check(dsn, referee, sql, exchange)


def _check(dsn: str, referee, sql: str, exchange: str) -> str:
    """Run ``sql`` on the cluster and in DuckDB: same rows, and ``exchange`` in its EXPLAIN."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        plan = "\n".join(r[0] for r in conn.execute("explain " + sql))
        rows = conn.execute(sql).fetchall()
    assert exchange in plan, plan
    expected = referee.execute(sql).fetchall()
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected):
        assert all(_same(a, b) for a, b in zip(got, want)), (got, want)
    return plan


def test_query_tables_are_dropped_from_workers_afterwards(dsn, data):
    with cluster(str(data)) as (url, servers, _):
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(CASES["not exists"][0]).fetchall()
            conn.execute(CASES["small table read whole by every worker"][0]).fetchall()
        for server in servers:
            assert server.tables.names() == set()
            left = server.database.execute("select count(*) from duckdb_tables() where table_name like '\\_\\_%' escape '\\'").fetchone()
            assert left == (0,)


def test_a_worker_lost_during_a_shuffle_reruns_the_query_without_it(data, referee):
    """Rows of a shuffle sit on particular workers: losing one means running the
    plan again on the workers left, and the answer is still complete."""
    sql = CASES["not exists"][0]
    expected = referee.execute(sql).fetchall()
    with cluster(str(data), workers=3) as (url, servers, engine):
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute(sql).fetchall() == expected
            lost = servers[2]
            lost.shutdown()  # gone before any health check could notice
            assert conn.execute(sql).fetchall() == expected
            assert lost.address not in engine.workers.schedulable()
            plan = "\n".join(r[0] for r in conn.execute("explain " + sql))
            assert "into 2 buckets" in plan and lost.address not in plan


def test_explain_analyze_counts_the_rows_each_shuffle_sent(dsn, referee):
    sql = "select count(*) from t a join t b on a.k = b.k2"
    with psycopg.connect(dsn, autocommit=True) as conn:
        lines = [r[0] for r in conn.execute("explain analyze " + sql)]
    total = referee.execute("select count(*) from t").fetchone()[0]
    shuffles = [i for i, line in enumerate(lines) if "Exchange shuffle" in line]
    assert len(shuffles) == 2, "\n".join(lines)
    for start in shuffles:
        fragments = [l for l in lines[start:start + 6] if l.strip().startswith("Fragment") and "rows sent=" in l]
        assert sum(int(l.split("rows sent=")[1].split()[0]) for l in fragments) == total
        assert all(int(l.split("bytes sent=")[1].split()[0]) > 0 for l in fragments)


def test_limit_without_order_moves_at_most_limit_rows_per_fragment(dsn):
    """A preview (`select * from t limit 7`, what DBeaver runs on opening a table) reads
    any 7 rows: each fragment sends at most 7, not the whole table."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        rows = conn.execute("select k, v, g from t limit 7 offset 2").fetchall()
        lines = [r[0] for r in conn.execute("explain analyze select k, v, g from t limit 7 offset 2")]
        assert conn.execute("select count(*) from (select * from t limit 7) x").fetchone()[0] == 7
    assert len(rows) == 7
    fragments = [l for l in lines if l.strip().startswith("Fragment") and "rows=" in l]
    assert len(fragments) == 2 and all(int(l.split("rows=")[1].split()[0]) <= 9 for l in fragments)
    assert any("rows, first 9" in l for l in lines), "\n".join(lines)


def test_a_plan_of_one_stage_of_rows_streams_through_the_final_query(dsn, referee, caplog):
    """Rows are not held whole in the gateway: they go on as the final query reads them."""
    sql = "select k, v, g from t where v > 3"
    with caplog.at_level("DEBUG", logger="duckflight.gateway.stream_stage"):
        with psycopg.connect(dsn, autocommit=True) as conn:
            rows = conn.execute(sql).fetchall()
            with conn.cursor().copy("copy (select k, g from t) to stdout") as copy:
                copied = b"".join(bytes(chunk) for chunk in copy)
    assert sorted(rows, key=repr) == sorted(referee.execute(sql).fetchall(), key=repr)
    assert copied.count(b"\n") == referee.execute("select count(*) from t").fetchone()[0]
    streamed = [r.getMessage() for r in caplog.records if "streamed" in r.getMessage()]
    assert len(streamed) == 2 and f"streamed {len(rows)} rows" in streamed[0]
