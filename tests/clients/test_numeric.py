"""numeric as psycopg and asyncpg see it from duckflight and from PostgreSQL 15.

PostgreSQL's numeric is exact and keeps a display scale with every value: a quotient
takes select_div_scale's, ``avg`` is a quotient, CASE, COALESCE, UNION and VALUES keep
each value's own, and NaN, Infinity and -Infinity are values. Both servers hold the same
TPC-H tables and rows (bi_support.py, scale factor 0.1, decimal(15,2) columns); every
query runs on both in text and in binary, by a simple query and as a prepared statement,
and the column names, type OIDs, modifiers and values must be the same, digit for digit
(rows are compared by repr: Decimal('1.50') is not Decimal('1.5') there, and NaN is NaN).
The aggregates over lineitem run as partial aggregates on the workers, merged on the
gateway. Where duckflight cannot hold PostgreSQL's value it refuses with a SQLSTATE
(docs/postgres-differences.md).
"""

from __future__ import annotations

import asyncio

import asyncpg
import psycopg
import pytest

from bi_support import duckflight_server, pg15_server  # noqa: F401
from bi_support import psycopg_result, server_url, sqlstate

QUERIES = {
    "average of exact values": "select avg(x) from (values (12345678901234567.01::numeric),"
                               " (12345678901234567.04::numeric)) t(x)",
    "division scales": "select 1/3::numeric a, 1.0/3 b, 10/4.0 c, 2/3::numeric(10,5) d, 100000/3::numeric e,"
                       " 0.0001/7 f, 123456789.123/0.007 g, -7/2.0 h, 1/1::numeric i, 2/1.0 j, 0/5.5 k",
    "constants": "select 1.5 a, 1.50 b, 12345678901234567890.5 c, 1e3 d, 1.5e-3 e, 2.5e2 f,"
                 " 12345678901234567890 g, -0.0 h, 1.5 + 1 i, 1.5 * 2.25 j, 7.5 % 2 k",
    "casts to numeric": "select 1::numeric a, '1.2345'::numeric b, 1.5::float8::numeric c, ' -0.50 '::numeric d,"
                        " 0.1::float4::numeric e, '1e3'::numeric f, 1e20::float8::numeric g,"
                        " 123456789.123456789::float8::numeric h, 1.005::numeric(10,2) i, '2.345'::numeric(5,2) j",
    "NaN and infinities": "select 'NaN'::numeric a, 'Infinity'::numeric b, '-Infinity'::numeric c,"
                          " 'inf'::numeric + 1 d, 'NaN'::numeric > 1 e, 'Infinity'::numeric - 'Infinity'::numeric f,"
                          " 1 / 'Infinity'::numeric g, -'Infinity'::numeric h, 'Infinity'::numeric * 0 i",
    "zero and small values with a scale": "select 0::numeric(38,10) a, 0.00000001::numeric(10,8) b,"
                                          " -0.000000123::numeric(20,12) c, 0.0000001 d",
    "each value's own scale": "select x, coalesce(x, 0) c, case when x > 2 then x else 1.5 end k,"
                              " greatest(x, 2) g, nullif(x, 3.0) n from (values (1.25), (3), (null::numeric)) t(x)"
                              " order by x",
    "union and values": "select x from (select 1.5 x union all select 2.25 union all select 3) s order by x",
    "NaN among numbers": "select x, x + 1 p, x / 2 q, x > 1 g from (values (1.5), ('Infinity'::numeric), ('NaN'),"
                         " ('-Infinity'), (-2)) t(x) order by x",
    "aggregates of a mixed column": "select sum(x) s, avg(x) a, min(x) mi, max(x) ma, count(x) c"
                                    " from (values (1.5), (2.25), (3), (null)) t(x)",
    "aggregates over decimal(15,2) columns": "select l_returnflag, l_linestatus, sum(l_quantity) sq,"
                                             " avg(l_quantity) aq, avg(l_extendedprice) ap, avg(l_discount) ad,"
                                             " sum(l_extendedprice * (1 - l_discount)) sr, avg(l_orderkey) ao,"
                                             " sum(l_linenumber) sl, avg(l_tax * 100) at from lineitem"
                                             " group by 1, 2 order by 1, 2",
    "quotients of sums": "select o_orderpriority, sum(o_totalprice) / count(*) a,"
                         " 100.00 * sum(o_totalprice) / (select sum(o_totalprice) from orders) share"
                         " from orders group by 1 order by 1",
    "row by row division": "select l_orderkey, l_linenumber, l_extendedprice / l_quantity p,"
                           " round(l_extendedprice / l_quantity, 2) r, l_discount / l_tax d from lineitem"
                           " where l_orderkey < 40 and l_tax > 0 order by 1, 2",
    "comparisons with an average": "select (select count(*) from lineitem where l_quantity >"
                                   " (select avg(l_quantity) from lineitem)) a,"
                                   " (select count(*) from customer where c_acctbal >= (select avg(c_acctbal)"
                                   " from customer where c_acctbal > 0.00)) b",
    "every comparison with a quotient": "select a, b, a::numeric(6,2) < b lt, a::numeric(6,2) <= b le,"
                                        " a::numeric(6,2) = b eq, a::numeric(6,2) <> b ne, a::numeric(6,2) > b gt,"
                                        " a::numeric(6,2) >= b ge, b < a::numeric(6,2) r, b >= 1 i,"
                                        " a::numeric(6,2) is not distinct from b d, a < b w from (values"
                                        " (1.00, 1/3.0*3), (0.33, 1/3.0), (0.34, 1/3.0), (2.50, 5/2.0), (-0.33, -1/3.0),"
                                        " (-0.34, -1/3.0), (1.01, 'NaN'::numeric), (1.02, 'Infinity'::numeric),"
                                        " (1.03, '-Infinity'::numeric), (1.04, null)) t(a, b) order by a",
    "between quotients": "select a, a::numeric(6,2) between 1/3.0 and 5/2.0 b1, a::numeric(6,2) not between 1/3.0 and 2 b2,"
                         " 1/3.0 between a and 1 b3, 2/3.0 between symmetric 1 and a b4, a::int between 1/3.0 and 7/2.0 b5"
                         " from (values (0.33), (0.34), (2.50), (2.51), (null)) t(a) order by a",
    "quotients against quotients": "select a, b, a < b lt, a <= b le, a = b eq, a <> b ne, a > b gt, a >= b ge,"
                                   " a is distinct from b d, a in (b, 1/3.0) i, a between b and 2/3.0 bw,"
                                   " a between symmetric 2/3.0 and b bs from (values (1/3.0, 2/6.0), (1/3.0, 1/7.0),"
                                   " ('NaN'::numeric, 'NaN'::numeric), (2/3.0, 'Infinity'::numeric), (null, 1/3.0),"
                                   " (0.5/1, '-Infinity'::numeric)) t(a, b) order by a, b",
    "a range of a quotient (TPC-DS q21)": "select n_nationkey, n_regionkey from nation where (case when n_regionkey > 0"
                                          " then (n_nationkey * 1.000) / n_regionkey else null end)"
                                          " between 2.000/3.000 and 3.000/2.000 and n_nationkey * 1.0 / 3 >= 1"
                                          " and n_nationkey * 1.0 / 3 <= 7 order by 1",
    "a column against a correlated quotient": "select (select count(*) from customer c where c_acctbal <"
                                              " (select max(n_regionkey) * 1000 / 3.0 from nation"
                                              " where n_nationkey = c.c_nationkey)) lt,"
                                              " (select count(*) from customer c where c_acctbal >="
                                              " (select max(n_regionkey) * 1000 / 3.0 from nation"
                                              " where n_nationkey = c.c_nationkey)) ge,"
                                              " (select count(*) from customer c where c_nationkey * 100 ="
                                              " (select max(n_regionkey) * 1000 / 4.0 from nation"
                                              " where n_nationkey = c.c_nationkey)) eq",
    "having an average": "select l_shipmode, avg(l_quantity) a from lineitem group by 1"
                         " having avg(l_quantity) > 25.5 order by a desc",
    "averages over windows": "select o_orderkey, avg(o_totalprice) over (partition by o_orderpriority) w"
                             " from orders order by o_orderkey limit 5",
    "rounding and casts of quotients": "select round(1/3::numeric, 5) a, trunc(2/3::numeric, 3) b,"
                                       " (1/3::numeric)::numeric(10,4) c, (2/3::numeric)::float8 d,"
                                       " (5/2::numeric)::int e, ceil(7/2.0) f, floor(-7/2.0) g, abs(-1/3.0) h,"
                                       " round(-2.5 / 1, 0) i, (1/3::numeric)::text j",
    "sums and averages of integers": "select sum(n_nationkey) a, sum(n_nationkey::int8) b, avg(n_nationkey) c,"
                                     " sum(n_nationkey::int2) d, avg(n_regionkey::int8) e from nation",
}

# duckflight's answer where it cannot hold PostgreSQL's (or both fail alike): sqlstate, PostgreSQL's
ERRORS = {
    "division by zero": ("select 1 / 0::numeric", "22012", "22012"),
    "not a number": ("select 'abc'::numeric", "22P02", "22P02"),
    "numeric field overflow": ("select '12345'::numeric(3,1)", "22003", "22003"),
    "infinity in numeric(p,s)": ("select 'Infinity'::numeric(5,2)", "22003", "22003"),
    "NaN to an integer": ("select 'NaN'::numeric::int", "0A000", "0A000"),
    "more than 38 digits": ("select 123456789012345678901234567890123456789.5", "0A000", None),
    "a product beyond 38 digits": ("select 12345678901234567890123.5 * 12345678901234567.5", "0A000", None),
    "NaN in numeric(p,s)": ("select 'NaN'::numeric(5,2)", "0A000", None),
}


@pytest.mark.parametrize("prepare", [False, True], ids=["simple", "prepared"])
@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
@pytest.mark.parametrize("name", list(QUERIES))
def test_numeric_matches_postgresql(name, binary, prepare, duckflight_server, pg15_server):
    ours = psycopg_result(duckflight_server, QUERIES[name], binary, prepare)
    theirs = psycopg_result(pg15_server, QUERIES[name], binary, prepare)
    assert ours[0] == theirs[0], "names, type OIDs and modifiers"
    assert repr(ours[2]) == repr(theirs[2]), "values, digit for digit"


@pytest.mark.parametrize("name", list(ERRORS))
def test_numeric_errors(name, duckflight_server, pg15_server):
    sql, ours, theirs = ERRORS[name]
    assert sqlstate(pg15_server, sql) == theirs
    assert sqlstate(duckflight_server, sql) == ours


def test_the_answers_themselves(duckflight_server):
    """What the comparison relies on, spelled out: the brief's example, as text."""
    with psycopg.connect(server_url(duckflight_server), autocommit=True) as conn:
        conn.execute(QUERIES["average of exact values"])
        res = conn.execute(QUERIES["average of exact values"]).pgresult
        assert (res.ftype(0), res.get_value(0, 0)) == (1700, b"12345678901234567.0250")
        res = conn.execute("select 0::numeric(38,10), 'NaN'::numeric, 'Infinity'::numeric").pgresult
        assert [res.get_value(0, i) for i in range(3)] == [b"0.0000000000", b"NaN", b"Infinity"]


ASYNCPG = ["select 'NaN'::numeric a, 'Infinity'::numeric b, '-Infinity'::numeric c, 1/3::numeric d",
           "select l_returnflag, avg(l_quantity) a, sum(l_extendedprice) s from lineitem group by 1 order by 1",
           "select x from (values (1.5), ('NaN'::numeric), (2.25)) t(x) order by x"]


@pytest.mark.parametrize("sql", ASYNCPG)
def test_asyncpg_reads_the_same_numerics(sql, duckflight_server, pg15_server):
    async def fetch(server):
        conn = await asyncpg.connect(server_url(server))
        try:
            statement = await conn.prepare(sql)
            return [a.type.name for a in statement.get_attributes()], repr([tuple(r) for r in await statement.fetch()])
        finally:
            await conn.close()

    assert asyncio.run(fetch(duckflight_server)) == asyncio.run(fetch(pg15_server))


def test_numeric_parameters(duckflight_server, pg15_server):
    """NaN and infinite parameters are numeric values, as psycopg sends them in binary."""
    from decimal import Decimal

    sql = "select %s::numeric a, %s + 1 b, %s / 3 c"
    params = [Decimal("NaN"), Decimal("Infinity"), Decimal("1.50")]
    with psycopg.connect(server_url(duckflight_server)) as ours, psycopg.connect(server_url(pg15_server)) as theirs:
        for binary in (False, True):
            rows = [repr(c.cursor(binary=binary).execute(sql, params).fetchall()) for c in (ours, theirs)]
            assert rows[0] == rows[1]
