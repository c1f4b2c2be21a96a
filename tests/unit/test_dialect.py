"""PostgreSQL's lexing of ``$`` (gateway/dialect.py) and long parameter lists, without a cluster.

The client tests compare the same statements with a real PostgreSQL 15
(tests/clients/test_parameters.py); these pin the pieces one by one.
"""

from __future__ import annotations

import pytest
from sqlglot import exp

from duckflight.gateway import statements
from duckflight.gateway.dialect import LIST_MIN, max_parameter, tokenize
from duckflight.gateway.core.params import BoundParam
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.bind_parameters import bind_parameters
from duckflight.gateway.planner.parameter_lists import list_parameters
from duckflight.gateway.planner.planner import parse


@pytest.mark.parametrize("sql, count", [
    ("select $1,$2", 2), ("select ($1)+$2||$3", 3), ("select x[$1]", 1), ("select $1::int,$2::text", 2),
    ("select '$5' || $1", 1), ("select $1 -- $9", 1), ("select /* $9 */ $1", 1), ("select $$ $9 $$, $1", 1),
    ("select $q$ $9; $q$, $2", 2), ("select e'\\' $9', $1", 1), ('select "$9", $1', 1), ("select a$9 from t", 0),
    ("select 1 where x in (" + ",".join(f"${i}" for i in range(1, 101)) + ")", 100),
])
def test_parameters_are_counted_as_postgresql_counts_them(sql, count):
    assert max_parameter(sql) == count


def test_split_ignores_semicolons_in_dollar_quotes_and_keeps_parameters():
    assert statements.split("select $1,$2; select $q$ a;b $q$; select 3") == [
        "select $1,$2", "select $q$ a;b $q$", "select 3"]


@pytest.mark.parametrize("sql", ["select 'abc", "select $$ abc", 'select "abc', "select $q$ abc $r$"])
def test_unterminated_text_is_a_syntax_error(sql):
    with pytest.raises(SqlError) as error:
        tokenize(sql)
    assert error.value.sqlstate == "42601"


def test_a_long_in_list_is_one_token_and_one_node():
    sql = "select 1 from t where x in (" + ", ".join(f"${i}" for i in range(1, LIST_MIN + 1)) + ")"
    assert len(tokenize(sql)) == 10  # select 1 from t where x in ( <list> )
    ((node, indexes),) = list_parameters(parse(sql))
    assert indexes == list(range(1, LIST_MIN + 1))
    short = "select 1 from t where x in (" + ", ".join(f"${i}" for i in range(1, LIST_MIN)) + ")"
    assert list_parameters(parse(short)) == []
    mixed = "select 1 from t where x in (" + ", ".join(f"${i}" for i in range(1, LIST_MIN + 1)) + ", 7)"
    assert list_parameters(parse(mixed)) == []


def in_list(params: list[BoundParam]) -> str:
    sql = "select 1 from t where x in (" + ", ".join(f"${i}" for i in range(1, len(params) + 1)) + ")"
    return bind_parameters(parse(sql), params).sql("duckdb")


def test_a_bound_list_is_one_string_read_as_a_list():
    values = ['a"b, c\'d\\x', "NULL", "", None] + [f"v{i}" for i in range(LIST_MIN)]
    sql = in_list([BoundParam(25, v) for v in values])
    assert sql.startswith("""SELECT 1 FROM t WHERE x = ANY(CAST('["a\\"b, c''d\\\\x", "NULL", "", NULL, "v0",""")
    assert sql.endswith("""AS VARCHAR[]))""")
    # psycopg types integers by magnitude (int2, int4, int8): one list of the widest
    mixed = in_list([BoundParam(21 if i % 2 else 23, i) for i in range(LIST_MIN)])
    assert mixed.startswith("SELECT 1 FROM t WHERE x = ANY(CAST('[0, 1, 2,") and mixed.endswith("AS INTEGER[]))")
    # types that do not share a list: each value as bind_parameters writes one
    other = in_list([BoundParam(23, i) for i in range(LIST_MIN - 1)] + [BoundParam(25, "x")])
    assert other.startswith("SELECT 1 FROM t WHERE x IN (CAST(0 AS INT), CAST(1 AS INT),") and other.endswith(", 'x')")


def test_a_long_list_of_casts_is_one_cast_of_one_list():
    sql = "select 1 from t where x in (" + ", ".join(f"${i}::int8" for i in range(1, LIST_MIN + 1)) + ")"
    ((node, indexes),) = list_parameters(parse(sql))
    assert isinstance(node.parent, exp.Cast) and indexes == list(range(1, LIST_MIN + 1))
    bound = bind_parameters(parse(sql), [BoundParam(20, i) for i in range(LIST_MIN)]).sql("duckdb")
    assert bound.startswith("SELECT 1 FROM t WHERE x = ANY(CAST('[0, 1,") and bound.endswith("AS BIGINT[]))")
    mixed = "select 1 from t where x in (" + ", ".join(f"${i}::int8" for i in range(1, LIST_MIN)) + f", ${LIST_MIN}::text)"
    assert list_parameters(parse(mixed)) == []


def test_a_missing_parameter_is_42P02():
    with pytest.raises(SqlError) as error:
        bind_parameters(parse("select $2"), [BoundParam(23, 1)])
    assert error.value.sqlstate == "42P02" and error.value.message == "there is no parameter $2"
