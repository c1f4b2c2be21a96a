"""Queries, errors and session statements through psycopg against a real gateway."""

from __future__ import annotations

import duckdb
import psycopg
import pytest

from inprocess import cluster


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    con = duckdb.connect()
    (root / "items").mkdir()
    for i in range(3):
        con.execute(f"""copy (select range + {i * 1000} as id, (range % 7)::int as grp,
                        (range / 4)::decimal(12,2) as price, date '2024-01-01' + (range % 30)::int as day,
                        'item ' || range as name from range(1000)) to '{root}/items/part{i}.parquet'""")
    con.execute(f"copy (select 1 as k, 'one' as label union all select 2, 'two') to '{root}/labels.csv' (header)")
    return root


@pytest.fixture(scope="module")
def dsn(data):
    with cluster(str(data)) as (url, _, _):
        yield url


@pytest.fixture
def conn(dsn):
    with psycopg.connect(dsn, autocommit=True) as connection:
        yield connection


def test_tables_from_folders_and_files(conn, data):
    assert conn.execute("select count(*), sum(price) from items").fetchone() == (
        3000, duckdb.sql(f"select sum(price) from '{data}/items/*.parquet'").fetchone()[0])
    assert conn.execute("select label from labels where k = 2").fetchall() == [("two",)]
    assert conn.execute("select count(*) from duckflight.public.items").fetchone() == (3000,)


def test_filters_joins_and_order(conn):
    rows = conn.execute(
        "select l.label, count(*) as n from items i join labels l on i.grp = l.k "
        "where i.day < date '2024-01-10' group by l.label order by n desc, l.label").fetchall()
    expected = duckdb.sql("""select case grp when 1 then 'one' else 'two' end, count(*) from
        (select (range % 7)::int grp, date '2024-01-01' + (range % 30)::int as day from range(1000))
        where grp in (1, 2) and day < date '2024-01-10' group by 1 order by 2 desc, 1""").fetchall()
    assert rows == [(label, n * 3) for label, n in expected]


def test_column_names_and_types(conn):
    cur = conn.execute("select count(*), sum(price) from items")
    assert [(d.name, d.type_code) for d in cur.description] == [("count", 20), ("sum", 1700)]
    cur = conn.execute("select id, name, day, price, 1 + 1, grp::text from items limit 1")
    assert [d.name for d in cur.description] == ["id", "name", "day", "price", "?column?", "grp"]
    assert [d.type_code for d in cur.description] == [20, 25, 1082, 1700, 23, 25]


def test_parameters(conn):
    rows = conn.execute("select id from items where grp = %s and name like %s order by id limit 2", (3, "item 1%")).fetchall()
    assert rows == [(10,), (17,)]


def test_several_statements_in_one_query(conn):
    cur = conn.execute("select 1; select 2 as two")
    assert cur.fetchall() == [(1,)]
    assert cur.nextset() and cur.fetchall() == [(2,)] and cur.description[0].name == "two"


@pytest.mark.parametrize("sql,sqlstate", [
    ("selec 1", "42601"),
    ("select * from nosuch", "42P01"),
    ("select nosuch from items", "42703"),
    ("select 1 / 0", "22012"),
    ("select id / (grp - grp) from items", "22012"),
    ("create table t (a int)", "0A000"),
    ("select " + "abs(" * 1000 + "1" + ")" * 1000, "54001"),  # PostgreSQL's "stack depth limit exceeded"
])
def test_errors_have_sqlstates_and_the_session_goes_on(conn, sql, sqlstate):
    with pytest.raises(psycopg.Error) as error:
        conn.execute(sql)
    assert error.value.sqlstate == sqlstate
    assert conn.execute("select count(*) from labels").fetchone() == (2,)


def test_integer_division_is_integer_division(conn):
    assert conn.execute("select 7 / 2, -7 / 2, 7.0 / 2").fetchone() == (3, -3, 3.5)


def test_explain_shows_stages_fragments_and_workers(conn):
    lines = [r[0] for r in conn.execute("explain select grp, count(*) from items where price > 10 group by grp")]
    text = "\n".join(lines)
    assert lines[0].startswith("Stage 0 [final, on gateway]")
    assert "-> Exchange gather as __stage_1" in text
    # One fragment per worker, the three files shared between the two.
    assert "Stage 1 [block over items, partial aggregate]: 2 fragment(s)" in text
    assert 'WHERE "items"."price" > 10 GROUP BY "items"."grp"' in text
    assert text.count("Fragment ") == 2 and text.count("items/part") == 3 and "127.0.0.1:" in text


def test_explain_analyze_runs_the_query_and_reports_each_fragment(conn):
    lines = [r[0] for r in conn.execute("explain analyze select grp, count(*) from items group by grp")]
    fragments = [l for l in lines if "Fragment " in l]
    assert len(fragments) == 2 and all("rows=" in l and "bytes=" in l and "time=" in l for l in fragments)
    # Each worker sends one partial row per group: 7 groups.
    assert sum(int(l.split("rows=")[1].split()[0]) for l in fragments) == 14
    assert lines[-1].startswith("Execution: 7 rows in ")


def test_set_show_and_transactions(conn):
    conn.execute("set application_name = 'tests'")
    assert conn.execute("show application_name").fetchone() == ("tests",)
    with pytest.raises(psycopg.Error) as error:
        conn.execute("show no_such_setting")
    assert error.value.sqlstate == "42704"
    conn.execute("begin")
    with pytest.raises(psycopg.Error):
        conn.execute("select * from nosuch")
    with pytest.raises(psycopg.Error) as error:
        conn.execute("select 1")
    assert error.value.sqlstate == "25P02"
    conn.execute("rollback")
    assert conn.execute("select 1").fetchone() == (1,)


def test_set_config_sets_as_set_does(conn):
    """set_config(name, value, is_local) returns the value and sets it (asyncpg calls it with
    'jit' and then a parameter); is_local outside a transaction block lasts one statement."""
    assert conn.execute("select set_config('application_name', 'cfg', false)").fetchone() == ("cfg",)
    assert conn.execute("show application_name").fetchone() == ("cfg",)
    assert conn.execute("select set_config('TimeZone', %s, false)", ("Europe/Paris",)).fetchone() == ("Europe/Paris",)
    assert conn.execute("select current_setting('TimeZone')").fetchone() == ("Europe/Paris",)
    conn.execute("select set_config('application_name', 'passing', true)")
    assert conn.execute("show application_name").fetchone() == ("cfg",)
    conn.execute("begin")
    conn.execute("select set_config('application_name', 'local', true)")
    assert conn.execute("show application_name").fetchone() == ("local",)
    conn.execute("rollback")
    assert conn.execute("show application_name").fetchone() == ("cfg",)
    with pytest.raises(psycopg.Error) as error:
        conn.execute("select set_config('server_version', '9', false)")
    assert error.value.sqlstate == "55P02"


def test_unknown_database_is_refused(dsn):
    with pytest.raises(psycopg.OperationalError, match='database "other" does not exist'):
        psycopg.connect(dsn.rsplit("/", 1)[0] + "/other")


def test_uuid_and_json_results_have_their_postgresql_types(conn):
    text = conn.execute("select gen_random_uuid() as u, '{\"a\": [1, 2]}'::json as j, k from labels order by k")
    rows = text.fetchall()
    assert [d.type_code for d in text.description] == [2950, 114, 20]
    assert all(isinstance(u, __import__("uuid").UUID) for u, _, _ in rows)
    assert rows[0][1] == {"a": [1, 2]}
    binary = conn.cursor(binary=True).execute("select 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as u, k from labels")
    assert str(binary.fetchone()[0]) == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
