"""What PostgreSQL declares for each output column (planner/output_types.py), without a server.

Each case's expectation is what PostgreSQL 15 sends in RowDescription for the same query
over the same columns (tests/clients/test_result_types.py compares the two for real):
(OID when the type is varchar/bpchar/numeric/timestamp..., else None; modifier; padding).
"""

from __future__ import annotations

import pytest
from sqlglot.optimizer.annotate_types import annotate_types

from duckflight.gateway.catalog import Catalog, Table
from duckflight.gateway.planner.output_types import output_types
from duckflight.gateway.planner.planner import parse
from duckflight.gateway.planner.qualify_query import qualify_query

CATALOG = Catalog({"t": Table("t", "parquet", [], [("n", "DECIMAL(15,2)"), ("s", "VARCHAR"), ("i", "INTEGER")])})
N15_2, V7, C7 = (15 << 16 | 2) + 4, 7, 7

CASES = {
    "select 'a'::varchar(3), 'a'::char(3), 'a'::char, 'a'::bpchar, 'a'::varchar":
        [(1043, V7, None), (1042, C7, 3), (1042, 5, 1), (1042, -1, None), (1043, -1, None)],
    "select n, n::numeric, n::numeric(5), sum(n), n + 1, 1.5 from t group by n":
        [(1700, N15_2, None), (1700, -1, None), (1700, (5 << 16) + 4, None), (None, -1, None), (None, -1, None),
         (None, -1, None)],
    "select now()::timestamp(3), now()::timestamptz(0), '1:00'::time(2), now()::timestamp":
        [(1114, 3, None), (1184, 0, None), (1083, 2, None), (1114, -1, None)],
    "select x from (select s::varchar(3) x from t) q": [(1043, V7, None)],
    "with w as (select s::char(3) c from t) select c, upper(c), max(c) over () from w":
        [(1042, C7, 3), (None, -1, None), (1042, -1, 3)],
    "select max(s::char(3)), max(s::varchar(3)), min(n) from t": [(1042, -1, 3), (None, -1, None), (None, -1, None)],
    "select coalesce(s::varchar(3), s::varchar(3)), coalesce(s::varchar(3), 'z'), coalesce(s::varchar(3), s)"
    " from t": [(1043, V7, None), (1043, -1, None), (None, -1, None)],
    "select case when i > 0 then n else n end, case when i > 0 then n end from t":
        [(1700, N15_2, None), (1700, -1, None)],
    "select n from t union all select n from t": [(1700, N15_2, None)],
    "select s::varchar(3) from t union all select 'abc'": [(1043, -1, None)],
    "select (select s::varchar(3) from t limit 1), 'abc', null": [(1043, V7, None), (None, -1, None), (None, -1, None)],
    "select lag(s::char(2)) over (), first_value(s::varchar(3)) over () from t": [(1042, -1, 2), (1043, -1, None)],
}

# char(n) mixed with other strings: bpchar whose values keep their own padding (bpchar_padding pads them).
MIXED = {
    "select coalesce(s::char(3), 'z'), coalesce(s::char(3), s::char(3)), case when i > 0 then s::char(2) end,"
    " coalesce(s::text, s::char(3)) from t": [True, False, True, False],
    "select s::char(3) from t union all select s::char(4) from t": [True],
    "select max(coalesce(s::char(3), 'z')), upper(coalesce(s::char(3), 'z')) from t": [True, False],
}


@pytest.mark.parametrize("sql", list(CASES))
def test_output_types(sql):
    tree = annotate_types(qualify_query(parse(sql), CATALOG), schema=CATALOG.sqlglot_schema(), dialect="postgres")
    assert [(c.oid, c.typmod, c.pad) for c in output_types(tree, CATALOG)] == CASES[sql]


@pytest.mark.parametrize("sql", list(MIXED))
def test_mixed_padding(sql):
    tree = annotate_types(qualify_query(parse(sql), CATALOG), schema=CATALOG.sqlglot_schema(), dialect="postgres")
    columns = output_types(tree, CATALOG)
    assert [c.mixed for c in columns] == MIXED[sql]
    assert all(c.oid == 1042 and c.pad is None for c in columns if c.mixed)
