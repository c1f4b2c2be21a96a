"""The 22 TPC-H queries through psycopg against a 2-worker cluster, each checked against
one plain DuckDB running the same SQL over the same Parquet files (the referee).

Equal means: the same column names, the same number of rows, and the same values in
the same order: exact for integers, strings, dates and decimals; floats within
rel/abs 1e-9 (a distributed AVG is a SUM/COUNT of partial results, so the last bits may
differ). Rows whose ORDER BY keys tie may come in any order, so when the ordered
comparison fails the rows are compared again run by run: within each run of equal
ORDER BY keys (taken from the referee) both sides must hold the same rows.
"""

from __future__ import annotations

import datetime
import decimal
import math

import psycopg
import pytest
import sqlglot
from sqlglot import exp

from tpch_queries import tpch_queries

QUERIES = tpch_queries()

# duckflight names output columns as PostgreSQL does (clients see it as PostgreSQL);
# where that differs from DuckDB's name for the same column, PostgreSQL's name is expected.
# Q18 leaves sum(l_quantity) unaliased: PostgreSQL calls it `sum`.
POSTGRES_NAMES = {18: {"sum(l_quantity)": "sum"}}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("nr", sorted(QUERIES), ids=lambda nr: f"q{nr:02d}")
def test_tpch_query_matches_referee(nr, cluster, referee):
    sql = QUERIES[nr]
    expected = referee.execute(sql)
    renamed = POSTGRES_NAMES.get(nr, {})
    expected_cols = [renamed.get(d[0], d[0]) for d in expected.description]
    expected_rows = expected.fetchall()

    with psycopg.connect(cluster, autocommit=True, connect_timeout=10) as conn:
        cur = conn.execute(sql)
        actual_cols = [d.name for d in cur.description]
        actual_rows = [tuple(r) for r in cur.fetchall()]

    assert_same_result(sql, actual_cols, actual_rows, expected_cols, expected_rows)


def assert_same_result(sql, actual_cols, actual_rows, expected_cols, expected_rows):
    assert actual_cols == expected_cols, "column names differ"
    assert len(actual_rows) == len(expected_rows), "row counts differ"
    bad = first_difference(actual_rows, expected_rows)
    if bad is None:
        return
    keys = order_by_positions(sql, expected_cols)
    if keys is None:
        pytest.fail(f"row {bad} differs (ORDER BY keys not mappable to output columns, so no tie check)\n"
                    f"  expected: {expected_rows[bad]!r}\n  actual:   {actual_rows[bad]!r}")
    for start, end in tie_runs(expected_rows, keys):
        a = sorted(actual_rows[start:end], key=sort_key)
        e = sorted(expected_rows[start:end], key=sort_key)
        if (i := first_difference(a, e)) is not None:
            pytest.fail(f"rows {start}..{end - 1} (equal ORDER BY keys {[expected_cols[k] for k in keys]}) differ"
                        f" even when sorted; first difference:\n  expected: {e[i]!r}\n  actual:   {a[i]!r}\n"
                        f"(first difference in query order at row {bad}: expected {expected_rows[bad]!r},"
                        f" actual {actual_rows[bad]!r})")


def values_equal(actual, expected) -> bool:
    if actual is None or expected is None:
        return actual is None and expected is None
    if isinstance(expected, float) or isinstance(actual, float):
        numbers = (int, float, decimal.Decimal)
        if not (isinstance(actual, numbers) and isinstance(expected, numbers)):
            return False
        a, e = float(actual), float(expected)
        return (math.isnan(a) and math.isnan(e)) or math.isclose(a, e, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(actual, bool) or isinstance(expected, bool):
        return type(actual) is type(expected) and actual == expected  # True == 1 would pass otherwise
    return actual == expected


def rows_equal(actual: tuple, expected: tuple) -> bool:
    return len(actual) == len(expected) and all(values_equal(a, e) for a, e in zip(actual, expected))


def first_difference(actual: list[tuple], expected: list[tuple]) -> int | None:
    return next((i for i, (a, e) in enumerate(zip(actual, expected)) if not rows_equal(a, e)), None)


def order_by_positions(sql: str, columns: list[str]) -> list[int] | None:
    """Output column positions of the top-level ORDER BY keys ([] without ORDER BY), or
    None when a key is an expression that is not an output column."""
    tree = sqlglot.parse_one(sql, read="duckdb")
    order = tree.args.get("order")
    if order is None:
        return []
    names = [c.lower() for c in columns]
    positions = []
    for ordered in order.expressions:
        key = ordered.this
        if isinstance(key, exp.Column) and key.name.lower() in names:
            positions.append(names.index(key.name.lower()))
        elif isinstance(key, exp.Literal) and key.is_int:
            positions.append(int(key.this) - 1)
        else:
            return None
    return positions


def tie_runs(rows: list[tuple], keys: list[int]):
    """(start, end) of each maximal run of consecutive rows with equal values at keys."""
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or [rows[i][k] for k in keys] != [rows[start][k] for k in keys]:
            yield start, i
            start = i


def sort_key(row: tuple):
    """A total order over rows of mixed types; floats rounded so that near-equal ones align."""
    def one(v):
        if v is None:
            return (0, 0)
        if isinstance(v, float):
            return (1, float(f"{v:.9g}"))
        if isinstance(v, (int, decimal.Decimal)):
            return (1, v)
        if isinstance(v, str):
            return (2, v)
        if isinstance(v, datetime.datetime):
            return (3, v.isoformat())
        if isinstance(v, datetime.date):
            return (4, v.isoformat())
        return (5, repr(v))
    return tuple(one(v) for v in row)
