"""What an operator reads at INFO: one line per query (query id, user, command, rows,
duration, outcome), and no per-fragment or SQL lines; those are DEBUG."""

from __future__ import annotations

import logging
import re

import duckdb
import psycopg
import pytest

from inprocess import cluster

LINE = re.compile(r"^\[query (\w{12})\] user=(\S+) command=(\S+)(?: rows=(\d+))? duration=\d+\.\d{3}s outcome=(\w+)(.*)$")


@pytest.fixture(scope="module")
def dsn(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    (root / "t").mkdir()
    duckdb.execute(f"copy (select range as i from range(5000)) to '{root}/t/a.parquet'")
    duckdb.execute(f"copy (select range + 5000 as i from range(5000)) to '{root}/t/b.parquet'")
    with cluster(str(root)) as (url, _, _):
        yield url.replace("tester@", "alice@")


def _records(caplog, level: int) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno == level and r.name.startswith("duckflight")]


def test_one_info_line_per_query(dsn, caplog):
    with psycopg.connect(dsn, autocommit=True) as conn:
        caplog.clear()
        with caplog.at_level(logging.INFO):
            assert conn.execute("select count(*) from t where i % 2 = 0").fetchone() == (5000,)
            rows = conn.execute("select i from t where i < 7 order by i").fetchall()
            assert len(rows) == 7
            with pytest.raises(psycopg.errors.UndefinedTable):
                conn.execute("select * from nosuch")
            conn.execute("set datestyle = 'ISO, MDY'")  # driver chatter: DEBUG
        infos = [r.getMessage() for r in _records(caplog, logging.INFO)]
    assert len(infos) == 3, infos
    parsed = [LINE.match(line) for line in infos]
    assert all(parsed), infos
    assert [(m[2], m[3], m[4], m[5]) for m in parsed] == [
        ("alice", "SELECT", "1", "ok"), ("alice", "SELECT", "7", "ok"), ("alice", "SELECT", None, "error")]
    assert 'sqlstate=42P01 message="relation \\"nosuch\\" does not exist"' in parsed[2][6]
    assert len({m[1] for m in parsed}) == 3  # a query id each


def test_sql_and_fragments_at_debug(dsn, caplog):
    with psycopg.connect(dsn, autocommit=True) as conn:
        caplog.clear()
        with caplog.at_level(logging.DEBUG):
            conn.execute("select sum(i) from t").fetchone()
    debug = [r for r in _records(caplog, logging.DEBUG)]
    query_id = LINE.match([r.getMessage() for r in _records(caplog, logging.INFO)][0])[1]
    assert any("select sum(i) from t" in r.getMessage() for r in debug)
    fragments = [r for r in debug if r.name == "duckflight.worker.server" and "fragment" in r.getMessage()]
    assert fragments and all(query_id in r.getMessage() for r in fragments)
