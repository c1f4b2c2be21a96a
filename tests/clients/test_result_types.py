"""Result columns with type modifiers, as psycopg sees them from duckflight and from PostgreSQL 15.

varchar(n), char(n), numeric(p,s) and timestamp(p)/time(p) carry their modifier in
RowDescription (psycopg's precision, scale and internal size come from it), and the
casts give PostgreSQL's values (truncated, padded, rounded). Both servers hold the same
TPC-H tables and rows (bi_support.py); every query runs on both in text and in binary,
by a simple query and as a prepared statement (Describe, then Execute), and the column
names, type OIDs, modifiers and rows must be the same.
"""

from __future__ import annotations

import psycopg
import pytest

from bi_support import duckflight_server, pg15_server  # noqa: F401
from bi_support import psycopg_result as result

QUERIES = {
    "strings": "select 'abc'::varchar(10) a, 'abcdefgh'::varchar(3) b, 'ab'::char(4) c, cast('xyz' as char(3)) d,"
               " 'a'::char e, 'ab'::bpchar f, 'ab'::varchar g, 12345::varchar(3) h, 'abcd'::char(2) i",
    "numerics": "select 1.5::numeric(10,2) a, 1.5 b, 1.5::numeric c, '1.23456'::numeric d, 7::numeric e,"
                " 123.456::numeric(5) f, 1.005::numeric(10,2) g, -1.005::numeric(10,2) h",
    "times": "select '2020-01-01 00:00:00.5'::timestamp(0) a, '1999-12-31 23:59:59.9995'::timestamp(3) b,"
             " '12:00:01.123456'::time(2) c, '2020-01-01 01:02:03.456789+00'::timestamptz(1) d,"
             " '1960-01-01 00:00:00.5'::timestamp(0) e, '2020-01-01 01:02:03.45'::timestamp(6) f",
    "table columns": "select l_extendedprice, sum(l_extendedprice) over () s, l_extendedprice::numeric(10,1) x,"
                     " l_comment::varchar(5) c, l_shipdate::timestamp(0) d, l_returnflag::char(3) f"
                     " from lineitem order by l_orderkey, l_linenumber limit 3",
    "aggregates": "select sum(l_extendedprice) s, min(l_extendedprice) m, max(l_returnflag::char(2)) f,"
                  " count(*) c from lineitem",
    "cte": "with w as (select n_name::char(30) n, n_nationkey k from nation)"
           " select n, upper(n) u, k from w order by k limit 3",
    "union": "select p from (select l_extendedprice p from lineitem union all select l_extendedprice"
             " from lineitem) s order by p limit 1",
    "union of char(n)": "select x from (select 'a'::char(3) x union all select 'bb'::char(3)) s order by 1",
    "char(n) beside other strings": "select coalesce(n_name::char(10), 'z') a,"
                                    " case when n_nationkey < 2 then n_name::char(9) else 'zz' end b,"
                                    " lag(coalesce(n_name::char(12), 'x')) over (order by n_nationkey) c"
                                    " from nation order by n_nationkey limit 3",
    "union all of char(n) and constants": "select 'a'::char(3) x union all select 'bb' union all"
                                          " select 'c'::char(2) order by 1",
    "case and coalesce": "select coalesce(n_name::varchar(4), 'z') a,"
                         " case when n_nationkey > 3 then n_name::varchar(4) else n_name::varchar(4) end b,"
                         " n_name::varchar(4) || 'x' c, ('ab'::char(4))::text d, n_name::varchar(4)::text e"
                         " from nation order by n_nationkey limit 2",
    "scalar subqueries": "select (select max(n_name) from nation) a,"
                         " (select n_nationkey::numeric(5,1) from nation order by 1 limit 1) b",
    "catalog": "select relname::varchar(3) a, relname::char(10) b, 2.5::numeric(4,2) c"
               " from pg_class where relname = 'pg_class'",
}


@pytest.mark.parametrize("prepare", [False, True], ids=["simple", "prepared"])
@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
@pytest.mark.parametrize("name", list(QUERIES))
def test_type_modifiers_and_values_match_postgresql(name, binary, prepare, duckflight_server, pg15_server):
    ours = result(duckflight_server, QUERIES[name], binary, prepare)
    theirs = result(pg15_server, QUERIES[name], binary, prepare)
    assert ours[0] == theirs[0], "names, type OIDs and modifiers"
    assert ours[1] == theirs[1], "psycopg's internal size, precision and scale"
    assert ours[2] == theirs[2], "rows"


def test_the_modifiers_themselves(duckflight_server):
    """What the comparison above relies on, spelled out."""
    columns, sizes, rows = result(duckflight_server, QUERIES["strings"], False, False)
    assert columns[:5] == [("a", 1043, 14), ("b", 1043, 7), ("c", 1042, 8), ("d", 1042, 7), ("e", 1042, 5)]
    assert rows[0][:3] == ("abc", "abc", "ab  ")
    columns, sizes, _ = result(duckflight_server, QUERIES["numerics"], False, False)
    assert columns[0] == ("a", 1700, (10 << 16 | 2) + 4) and sizes[0][1:] == (10, 2)
    assert [c[2] for c in columns[1:3]] == [-1, -1]  # numeric without a modifier, as PostgreSQL


@pytest.mark.parametrize("sql", [
    "select distinct coalesce(n_name::char(3), 'x') from nation",
    "select coalesce(n_name::char(3), 'x') from nation group by 1",
    "select 'a'::char(3) union select 'a'",
    "select c from (select coalesce(n_name::char(3), 'x') c from nation) s",
])
def test_char_n_beside_other_strings_where_rows_are_compared_is_refused(sql, duckflight_server):
    """Padding each value in place would change which rows are equal: 0A000, not another answer."""
    s = duckflight_server
    with psycopg.connect(host=s.host, port=s.port, dbname=s.database, user=s.user, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.FeatureNotSupported, match="char\\(n\\) values mixed"):
            conn.execute(sql)
        assert conn.execute("select 1").fetchone() == (1,)
