"""asyncpg, the strictest client: it describes every statement, trusts the parameter
types the server infers, and sends and reads everything in binary."""

from __future__ import annotations

import asyncio
import datetime as dt
import decimal
import uuid

import asyncpg
import pytest


def run(coroutine):
    return asyncio.run(coroutine)


async def _connect(dsn):
    return await asyncpg.connect(dsn)


def test_fetch_with_inferred_parameter_types(dsn):
    async def go():
        conn = await _connect(dsn)
        try:
            rows = await conn.fetch("select l_orderkey, l_extendedprice, l_shipdate from lineitem "
                                    "where l_orderkey = $1 order by l_linenumber", 1)
            assert [tuple(r) for r in rows][:2] == [(1, decimal.Decimal("24386.67"), dt.date(1996, 3, 13)),
                                                    (1, decimal.Decimal("58958.28"), dt.date(1996, 4, 12))]
            assert await conn.fetchval("select count(*) from lineitem where l_shipdate between $1 and $2",
                                       dt.date(1995, 1, 1), dt.date(1995, 1, 31)) == 7898
            assert await conn.fetchval("select count(*) from part where p_name like $1", "%green%") == 1075
        finally:
            await conn.close()

    run(go())


def test_prepared_statement_reports_types(dsn):
    async def go():
        conn = await _connect(dsn)
        try:
            statement = await conn.prepare("select o_orderkey, o_totalprice from orders "
                                           "where o_totalprice > $1 order by o_orderkey limit $2")
            assert [t.name for t in statement.get_parameters()] == ["numeric", "int8"]
            assert [(a.name, a.type.name) for a in statement.get_attributes()] == [
                ("o_orderkey", "int8"), ("o_totalprice", "numeric")]
            rows = await statement.fetch(decimal.Decimal("450000"), 2)
            assert [r["o_orderkey"] for r in rows] == [29158, 66659]
            assert await statement.fetchval(decimal.Decimal("450000"), 1) == 29158
        finally:
            await conn.close()

    run(go())


def test_binary_types_both_ways(dsn):
    values = (1, 2, 3, 2.5, decimal.Decimal("1.25"), True, "x", b"\xde\xad", dt.date(2024, 1, 2),
              dt.datetime(2024, 1, 2, 3, 4, 5), dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
              dt.time(1, 2, 3), dt.timedelta(days=1, hours=2))

    async def go():
        conn = await _connect(dsn)
        try:
            row = await conn.fetchrow("select $1::int2, $2::int4, $3::int8, $4::float8, $5::numeric(10,2), $6::bool,"
                                      " $7::text, $8::bytea, $9::date, $10::timestamp, $11::timestamptz, $12::time,"
                                      " $13::interval", *values)
            assert tuple(row) == values
            # uuid parameters are accepted; DuckDB hands UUID results over as text.
            assert await conn.fetchval("select $1::uuid::text", uuid.UUID(int=1)) == str(uuid.UUID(int=1))
        finally:
            await conn.close()

    run(go())


def test_errors_and_cursors(dsn):
    async def go():
        conn = await _connect(dsn)
        try:
            with pytest.raises(asyncpg.UndefinedTableError):
                await conn.fetch("select * from nosuch")
            async with conn.transaction():
                cursor = await conn.cursor("select l_orderkey from lineitem order by l_orderkey, l_linenumber")
                assert [r[0] for r in await cursor.fetch(3)] == [1, 1, 1]
                count = 0
                async for _ in conn.cursor("select l_orderkey from lineitem where l_orderkey < 100", prefetch=50):
                    count += 1
                assert count == 105
        finally:
            await conn.close()

    run(go())
