"""A call of a function DuckDB lacks is PostgreSQL's 42883 (planner/missing_functions.py), and DuckDB's
table functions in FROM have the columns DuckDB reads (planner/function_columns.py), asked of a
real DuckDB (planner/duckdb_probe.py)."""

from __future__ import annotations


import duckdb
import pytest
import sqlglot

from duckflight.gateway.catalog import Catalog, Table
from duckflight.gateway.errors import NO_FUNCTION_HINT
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner import function_columns, missing_functions
from duckflight.gateway.planner.duckdb_probe import Probe
from duckflight.gateway.planner.planner import parse, plan_query
from duckflight.gateway.system.system_catalog import SystemCatalog, SystemSources
from duckflight.worker import degree_functions, numeric_macros

CATALOG = Catalog({"t": Table("t", "parquet", ["/d/t/1.parquet"], [("k", "BIGINT"), ("name", "VARCHAR")])})


def _gateway_database() -> duckdb.DuckDBPyConnection:
    """A DuckDB with what the engine installs in the gateway's: its macros and the catalog image."""
    database = duckdb.connect()
    numeric_macros.install(database)
    degree_functions.install(database)
    SystemCatalog(database, CATALOG)
    return database


PROBE = Probe(_gateway_database())

# (query, the 42883 message, or None: planned)
CASES = [
    ("select getenv('HOME')", "function getenv(unknown) does not exist"),
    ("select foo(1, 'a', 2.5, null, true, 3000000000)",
     "function foo(integer, unknown, numeric, unknown, boolean, bigint) does not exist"),
    ("select foo('a'::varchar, 'b'::char(2), 1::int2, 2::numeric(4,1), 1.5::float8)",
     "function foo(character varying, character, smallint, numeric, double precision) does not exist"),
    ("select foo(k, name, now()) from t", "function foo(bigint, text, timestamp with time zone) does not exist"),
    ("select foo() from t where k > 1", "function foo() does not exist"),
    ("select * from foo(1)", "function foo(integer) does not exist"),
    ("select upper(getenv('x'))", "function getenv(unknown) does not exist"),
    ("select nope(getenv('x'))", "function getenv(unknown) does not exist"),  # the arguments first
    ("select foo(x => 1)", "function foo(x => integer) does not exist"),
    # PostgreSQL's functions that later rules write as DuckDB's, and DuckDB's own: planned.
    ("select to_char(now(), 'YYYY'), lower(name), pg_get_userbyid(10) from t", None),
    ("select sind(30.0), pg_typeof(k) from t", None),
]


def _answer(query: str) -> str | None:
    try:
        plan_query(parse(query), CATALOG, ["w1:1"], "q", sources=SystemSources({}, {}, PROBE))
    except SqlError as error:
        assert (error.sqlstate, error.hint) == ("42883", NO_FUNCTION_HINT)
        return error.message
    return None


@pytest.mark.parametrize("query,message", CASES, ids=[c[0][:60] for c in CASES])
def test_golden(query, message):
    assert _answer(query) == message


def test_without_a_probe_nothing_is_refused():
    tree = missing_functions.function_arguments(sqlglot.parse_one("select getenv('x')", read="postgres"))
    assert missing_functions.missing_functions(tree, None) is tree


def test_a_call_of_untyped_arguments_is_named_alone():
    tree = missing_functions.function_arguments(sqlglot.parse_one("select getenv(c) from x", read="postgres"))
    with pytest.raises(SqlError, match=r"^function getenv does not exist$"):
        missing_functions.missing_functions(tree, PROBE)


def test_a_file_function_s_columns_are_the_file_s(tmp_path):
    (tmp_path / "p.csv").write_text("id,Name\n1,ann\n")
    path = tmp_path / "p.csv"
    cases = [
        (f"select * from read_csv('{path}')", f"""SELECT * FROM READ_CSV('{path}') AS read_csv("id", "Name")"""),
        (f"select * from read_csv('{path}') t(a)", f"""SELECT * FROM READ_CSV('{path}') AS t(a, "Name")"""),
        (f"select * from read_csv('{path}') t(a, b)", f"SELECT * FROM READ_CSV('{path}') AS t(a, b)"),
        ("select name from duckdb_settings()", "SELECT name FROM DUCKDB_SETTINGS() AS duckdb_settings(\"name\", "
         "\"value\", \"description\", \"input_type\", \"scope\", \"aliases\")"),
        ("select * from read_text($1)", "SELECT * FROM READ_TEXT($1)"),  # named once bound
        ("select * from generate_series(1, 2)", "SELECT * FROM GENERATE_SERIES(1, 2)"),
    ]
    for query, expected in cases:
        tree = function_columns.function_columns(sqlglot.parse_one(query, read="postgres"), PROBE)
        assert tree.sql("postgres") == expected
    with pytest.raises(SqlError) as raised:
        function_columns.function_columns(sqlglot.parse_one(f"select * from read_csv('{tmp_path}/x.csv')",
                                                            read="postgres"), PROBE)
    assert raised.value.sqlstate == "58P01"
