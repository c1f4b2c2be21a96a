"""The 99 TPC-DS queries on a 2-worker cluster, each equal to one DuckDB's answer.

Data and queries come from DuckDB's tpcds extension (PyPI package
``duckdb-extension-tpcds``) at scale factor 0.1, written as Parquet (several
files per large table) into the repository's test data cache. Values are
compared to 6 decimal places; rows whose order the query leaves open (ties in
ORDER BY) may come in either order.
"""

from __future__ import annotations

import decimal
import os
import shutil
from pathlib import Path

import duckdb
import duckdb_extension_tpcds
import psycopg
import pytest

from duckdb_referee import duckdb_over
from inprocess import cluster

EXTENSION = Path(duckdb_extension_tpcds.__file__).parent / "extensions" / "v1.5.5" / "tpcds.duckdb_extension"


def _queries() -> dict[int, str]:
    con = duckdb.connect()
    con.execute(f"LOAD '{EXTENSION}'")
    return dict(con.execute("SELECT query_nr, query FROM tpcds_queries()").fetchall())


QUERIES = _queries()


@pytest.fixture(scope="module")
def tpcds(data_cache) -> Path:
    root = data_cache / "tpcds-sf0.1"
    if not root.exists():
        building = data_cache / f"tpcds-sf0.1.{os.getpid()}.tmp"
        shutil.rmtree(building, ignore_errors=True)
        con = duckdb.connect(config={"threads": 2})
        con.execute(f"LOAD '{EXTENSION}'")
        con.execute("CALL dsdgen(sf=0.1)")
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall():
            (building / table).mkdir(parents=True)
            con.execute(f"COPY {table} TO '{building / table}' (FORMAT parquet, PER_THREAD_OUTPUT true)")
        con.close()
        try:
            building.rename(root)
        except OSError:  # another run got there first
            shutil.rmtree(building, ignore_errors=True)
    return root


@pytest.fixture(scope="module")
def dsn(tpcds):
    with cluster(str(tpcds)) as (url, _, _):
        yield url


@pytest.fixture(scope="module")
def referee(tpcds):
    return duckdb_over(tpcds)


def _rows(rows) -> list[tuple]:
    def value(v):
        return round(float(v), 6) if isinstance(v, (float, decimal.Decimal)) else v
    return [tuple(value(v) for v in row) for row in rows]


@pytest.mark.parametrize("number", sorted(QUERIES), ids=lambda n: f"q{n:02d}")
def test_tpcds_query_matches_duckdb(number, dsn, referee):
    sql = QUERIES[number]
    expected = _rows(referee.execute(sql).fetchall())
    with psycopg.connect(dsn, autocommit=True) as conn:
        actual = _rows(conn.execute(sql).fetchall())
    if actual != expected:  # ties in ORDER BY may be broken either way
        assert sorted(map(repr, actual)) == sorted(map(repr, expected))
