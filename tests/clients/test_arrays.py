"""Arrays through real drivers, with PostgreSQL 15 as the referee.

psycopg reads the raw cells, so the same SQL must give the same RowDescription (name,
type OID, modifier) and the same bytes, in text and in binary format, from both
servers. asyncpg reads everything in binary and first asks the catalog about array
types with its introspection query; it must decode the same values from both and
send array parameters (in binary) that bind.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import decimal
import shutil
import tempfile
import uuid
from pathlib import Path

import asyncpg
import psycopg
import pytest
from asyncpg.introspection import INTRO_LOOKUP_TYPES

from pg15 import postgres15

# Expressions both servers accept: every element type we map, NULL elements, empty,
# NULL and two-dimensional arrays, text that must be quoted.
ARRAYS = [
    "array[1::int2, null] as a", "array[1, 2, null]::int4[] as a", "array[5::int8, -1] as a",
    "'{1.5,NaN,Infinity,1e20}'::float4[] as a", "array[2.5::float8, '-Infinity', 1e-7] as a",
    "array[1.25, -12345.67, null] as a", "array[true, false, null] as a",
    """array['a', 'b c', '', 'NULL', 'x"y', 'a\\b', '{}', null] as a""",
    "array['2024-01-02'::date, null] as a", "array['2024-01-02 03:04:05.5'::timestamp] as a",
    "array['2024-01-02 03:04:05.5+00'::timestamptz] as a",
    "array['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, null] as a",
    "array[array[1, null], array[3, 4]] as a", "'{}'::int4[] as a", "null::int[] as a",
    "'{1,NULL,\"x y\"}'::text[] as a", "'{{1,2},{3,4}}'::int8[] as a", "'{1.25,-22.75}'::numeric[] as a",
]


@pytest.fixture(scope="module")
def pg_url():
    # Not under pytest's temporary folder, which pytest makes private to this user
    # (see bi_support.pg15_server): the server runs as the postgres user.
    folder = Path(tempfile.mkdtemp(prefix="duckflight-pg15-arrays-"))
    try:
        with postgres15(folder) as url:
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def raw(url: str, sql: str, params=None, binary: bool = False):
    """RowDescription (name, OID, modifier) and the raw cells of one query."""
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.cursor(binary=binary)
        cursor.execute(sql, params)
        result = cursor.pgresult
        fields = [(d.name, d.type_code, result.fmod(i)) for i, d in enumerate(cursor.description)]
        return fields, [[result.get_value(r, c) for c in range(result.nfields)] for r in range(result.ntuples)]


@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
@pytest.mark.parametrize("expression", ARRAYS)
def test_psycopg_array_results_as_postgres(dsn, pg_url, expression, binary):
    sql = f"select {expression}"
    assert raw(dsn, sql, binary=binary) == raw(pg_url, sql, binary=binary)


@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
@pytest.mark.parametrize("sql, value", [
    ("select %s::int[] as a", [1, None, 3]), ("select %s::text[] as a", ["a", None, "b c", ""]),
    ("select %s::int8[] as a", [[1, 2], [3, 4]]), ("select %s::date[] as a", [dt.date(2024, 1, 2)]),
    ("select %s::bool[] as a", [True, None]), ("select %s::float8[] as a", [1.5, -2.0]),
    ("select 2 = any(%s) as a", [1, 2]),
], ids=lambda v: v if isinstance(v, str) else None)
def test_psycopg_array_parameters_as_postgres(dsn, pg_url, sql, value, binary):
    assert raw(dsn, sql, [value], binary=binary) == raw(pg_url, sql, [value], binary=binary)


def test_psycopg_any_over_a_table(dsn):
    with psycopg.connect(dsn, autocommit=True) as conn:
        rows = conn.execute("select o_orderkey from orders where o_orderkey = any(%s) order by 1", [[1, 2, 3, 9]])
        assert [r[0] for r in rows] == [1, 2, 3]
        keys = conn.execute("select list(o_orderkey order by o_orderkey) from orders where o_orderkey < 6").fetchone()
        assert keys == ([1, 2, 3, 4, 5],)


def run(coroutine):
    return asyncio.run(coroutine)


async def _fetch_all(url: str, queries: list[tuple[str, tuple]]) -> list:
    conn = await asyncpg.connect(url)
    try:
        return [tuple(await conn.fetchrow(sql, *args)) for sql, args in queries]
    finally:
        await conn.close()


def test_asyncpg_array_results_as_postgres(dsn, pg_url):
    queries = [(f"select {e}", ()) for e in ARRAYS]
    got, expected = run(_fetch_all(dsn, queries)), run(_fetch_all(pg_url, queries))
    assert str(got) == str(expected)  # str: NaN compares unequal to itself
    assert got[0] == ([1, None],) and got[13] == ([],) and got[14] == (None,)


def test_asyncpg_array_parameters_as_postgres(dsn, pg_url):
    when = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    queries = [
        ("select $1::int[] as a", ([1, None, 3],)), ("select $1::int[] as a", ([],)),
        ("select $1::text[] as a", (["a", None, "b,c", ""],)), ("select $1::int8[] as a", ([[1, 2], [3, 4]],)),
        ("select $1::date[] as a, $2::timestamptz[] as b, $3::uuid[] as c, $4::bool[] as d, $5::float8[] as e",
         ([dt.date(2024, 1, 2)], [when], [uuid.UUID(int=5)], [True, None], [1.5])),
        ("select $1::numeric(10,2)[] as a", ([decimal.Decimal("1.25"), None],)),
        # Every digit is kept (one scale for all: DuckDB's lists have one type).
        ("select $1::numeric[] as a", ([decimal.Decimal("1.2345"), decimal.Decimal("-120"), None],)),
        ("select 2 = any($1::int[]) as a, 5 = any($1::int[]) as b", ([1, 2],)),
    ]
    assert run(_fetch_all(dsn, queries)) == run(_fetch_all(pg_url, queries))


def test_asyncpg_any_parameter_over_a_table(dsn):
    async def go():
        conn = await asyncpg.connect(dsn)
        try:
            statement = await conn.prepare("select o_orderkey from orders where o_orderkey = any($1) order by 1")
            assert [t.name for t in statement.get_parameters()] == ["int8[]"]
            return [r[0] for r in await statement.fetch([1, 2, 3, 9])]
        finally:
            await conn.close()

    assert run(go()) == [1, 2, 3]


def test_asyncpg_introspection_rows_as_postgres(dsn, pg_url):
    """asyncpg's own query about array types (its $1::oid[] in binary), answered alike.

    PostgreSQL types kind and elemdelim "char", which asyncpg reads as bytes; the
    catalog image has them as text: the values are compared."""
    oids = [1000, 1007, 1009, 1016, 1028, 1185, 1231, 2951]

    async def rows(url):
        conn = await asyncpg.connect(url)
        try:
            found = await conn.fetch(INTRO_LOOKUP_TYPES, oids)
            return sorted(tuple(v.decode() if isinstance(v, bytes) else v for v in r) for r in found)
        finally:
            await conn.close()

    got = run(rows(dsn))
    assert got == run(rows(pg_url))
    assert (1007, "pg_catalog", "_int4") == got[[r[0] for r in got].index(1007)][:3]
