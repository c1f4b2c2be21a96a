"""The SQL sandbox through psycopg: no client reads or writes the server's files but the tables.

A reader (every client until a users file says otherwise) is refused each of DuckDB's ways to
a file, the network or its own configuration with 42501, and its session goes on. PostgreSQL 15
runs the same statements as a plain login role in the same run: where it answers 42501 too
(COPY to or from a file, LOAD), duckflight gives its message; where it answers otherwise (it has
no read_csv: 42883; no ATTACH: 42601; no such setting: 42704) the difference is the one
docs/postgres-differences.md lists. An admin may read the data folder's files with DuckDB's
file functions, and nothing else of these. DuckDB's own lock holds under the planner: the
gateway's and a worker's databases, as the code sets them up, refuse the same SQL.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import psycopg
import pytest

from inprocess import cluster
from pg15 import postgres15
from test_psql import psql

ADMIN = "boss"
# (statement, what PostgreSQL 15 answers a login role that is not superuser)
ESCAPES = [
    ("select * from read_csv('/etc/passwd')", "42883"),
    ("select * from read_csv_auto('/etc/passwd')", "42883"),
    ("select * from read_text('/etc/hostname')", "42883"),
    ("select * from read_blob('/etc/hostname')", "42883"),
    ("select * from read_parquet('/etc/x.parquet')", "42883"),
    ("select * from parquet_metadata('/etc/x.parquet')", "42883"),
    ("select * from read_json_auto('/etc/x.json')", "42883"),
    ("select * from sniff_csv('/etc/passwd')", "42883"),
    ("select * from glob('/etc/*')", "42883"),
    ("select * from query('select 1')", "42883"),
    ("select * from '/etc/passwd'", "42601"),
    ("select count(*) from pg_class, read_csv('/etc/passwd')", "42883"),
    ("copy (select * from read_text('/etc/hostname')) to stdout", "42883"),
    ("copy (select 1) to '/tmp/duckflight-sandbox.csv'", "42501"),
    ("copy pg_class from '/etc/passwd'", "42501"),
    ("copy (select 1) to program 'id'", "42501"),
    ("attach '/tmp/duckflight-sandbox.db' as escape", "42601"),
    ("detach escape", "42601"),
    ("install httpfs", "42601"),
    ("load 'httpfs'", "42501"),
    ("pragma version", "42601"),
    ("export database '/tmp/duckflight-sandbox'", "42601"),
    ("import database '/tmp/duckflight-sandbox'", "42601"),
    ("create secret s (type s3)", "42601"),
    ("set enable_external_access = true", "42704"),
    ("set allowed_directories = '/'", "42704"),
    ("set lock_configuration = false", "42704"),
    ("reset allowed_paths", "42704"),
    ("select set_config('enable_external_access', 'true', false)", "42704"),
]


@pytest.fixture(scope="module")
def sandboxed(tpch_data):
    """(dsn of a reader, dsn of an admin, workers, engine, data folder) of a cluster of its own."""
    with cluster(str(tpch_data), admins=frozenset({ADMIN})) as (dsn, servers, engine):
        yield dsn, dsn.replace("tester@", f"{ADMIN}@"), servers, engine, tpch_data


@pytest.fixture(scope="module")
def pg_reader(tmp_path_factory):
    """A PostgreSQL 15 login role that is not superuser."""
    with postgres15(tmp_path_factory.mktemp("pg-sandbox")) as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("create role tester login")
        yield url.replace("postgres@", "tester@")


def _state(conn: psycopg.Connection, sql: str) -> tuple[str, str]:
    try:
        conn.execute(sql)
    except psycopg.Error as error:
        return error.sqlstate, error.diag.message_primary
    return "00000", ""


@pytest.mark.parametrize("sql,postgres", ESCAPES, ids=[e[0][:50] for e in ESCAPES])
def test_a_reader_is_refused_every_way_out_and_goes_on(sandboxed, pg_reader, sql, postgres):
    dsn = sandboxed[0]
    with psycopg.connect(pg_reader, autocommit=True) as pg:
        pg_state, pg_message = _state(pg, sql)
    with psycopg.connect(dsn, autocommit=True) as conn:
        state, message = _state(conn, sql)
        assert conn.execute("select count(*) from nation").fetchone() == (25,)
    assert pg_state == postgres, f"PostgreSQL answered {pg_state} {pg_message}"
    assert state == "42501", message
    if pg_state == "42501":
        assert message == pg_message
    assert "permission denied" in message or "must be superuser" in message or "not allowed" in message


def test_a_refusal_fails_the_transaction_block_as_any_error(sandboxed):
    with psycopg.connect(sandboxed[0]) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("select * from read_text('/etc/hostname')")
        with pytest.raises(psycopg.errors.InFailedSqlTransaction):
            conn.execute("select 1")
        conn.rollback()
        assert conn.execute("select count(*) from region").fetchone() == (5,)


def test_a_path_as_a_parameter_is_refused_at_describe(sandboxed):
    with psycopg.connect(sandboxed[0], autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied for function read_text"):
            conn.execute("select * from read_text(%s)", ["/etc/hostname"], prepare=True)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("explain select * from read_text('/etc/hostname')")
        assert conn.execute("select count(*) from nation where n_regionkey = %s", [1]).fetchone() == (5,)


def test_a_reader_may_not_read_the_data_folder_s_files_by_name(sandboxed):
    dsn, _, _, _, data = sandboxed
    with psycopg.connect(dsn, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="read_parquet"):
            conn.execute(f"select count(*) from read_parquet('{data}/nation/*.parquet')")


def test_an_admin_reads_the_data_folder_s_files_and_nothing_else(sandboxed):
    dsn, admin, _, _, data = sandboxed
    with psycopg.connect(admin, autocommit=True) as conn:
        assert conn.execute(f"select count(*) from read_parquet('{data}/nation/*.parquet')").fetchone() == (25,)
        files = conn.execute(f"select count(*) from glob('{data}/*/*.parquet')").fetchone()[0]
        assert files >= 8  # the 8 TPC-H tables, one file or more each
        for sql, _ in ESCAPES:  # COPY to or from a file, which PostgreSQL lets a superuser do: not supported
            assert _state(conn, sql)[0] == ("0A000" if sql.startswith("copy") and "stdout" not in sql else "42501"), sql
        for sql in [f"select * from read_text('{data}/../../etc/hostname')", f"select * from read_text('{data}x/y')"]:
            assert _state(conn, sql)[0] == "42501", sql
        locked = "select count(*) from duckdb_settings() where name = 'lock_configuration' and value = 'true'"
        assert conn.execute(locked).fetchone() == (1,)
    # The plan the admin left in the cache is not the reader's.
    with psycopg.connect(dsn, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"select count(*) from read_parquet('{data}/nation/*.parquet')")


def test_settings_postgresql_has_not_are_unrecognized(sandboxed, pg_reader):
    for dsn in (sandboxed[0], pg_reader):
        with psycopg.connect(dsn, autocommit=True) as conn:
            assert _state(conn, "set threads = 1") == ("42704", 'unrecognized configuration parameter "threads"')
            assert _state(conn, "set myapp.mode = 'x'") == ("00000", "")
            assert conn.execute("show myapp.mode").fetchone() == ("x",)


@pytest.mark.parametrize("sql", ["select * from read_csv('/etc/passwd')", "select * from read_text('/etc/hostname')",
                                 "select * from glob('/etc/*')", "attach '/tmp/duckflight-sandbox.db' as x",
                                 "copy (select 1) to '/tmp/duckflight-sandbox.csv'", "load httpfs",
                                 "set enable_external_access = true", "set allowed_directories = ['/']",
                                 "set lock_configuration = false"])
def test_duckdb_itself_refuses_what_slips_past_the_planner(sandboxed, sql):
    """The gateway's and a worker's databases, as the engine and the worker set them up."""
    _, _, servers, engine, _ = sandboxed
    for database in (engine.database, servers[0].database):
        cursor = database.cursor()
        try:
            with pytest.raises((duckdb.PermissionException, duckdb.InvalidInputException)):
                cursor.execute(sql)
        finally:
            cursor.close()


def test_psql_script_goes_on_after_each_refusal(sandboxed, pg_reader):
    """psql without ON_ERROR_STOP: every refusal is an ERROR line, and the script goes on."""
    script = ("select * from read_csv('/etc/passwd');\ncopy (select 1) to '/tmp/duckflight-sandbox.csv';\n"
              "set enable_external_access = true;\nselect 'still here' as x;\n")
    ours = psql(sandboxed[0], script, "-A", "-t", "-v", "VERBOSITY=verbose")
    theirs = psql(pg_reader, script, "-A", "-t", "-v", "VERBOSITY=verbose")
    assert ours.stdout == theirs.stdout == "still here\n"
    assert [line.split(":")[1].strip() for line in ours.stderr.splitlines() if line.startswith("ERROR")] == \
        ["42501"] * 3
    copy_error = "must be superuser or have privileges of the pg_write_server_files role to COPY to a file"
    assert copy_error in ours.stderr and copy_error in theirs.stderr


def test_a_sandbox_setting_at_startup_ends_the_connection_and_frees_its_slot(sandboxed, pg_reader):
    engine = sandboxed[3]
    before = len(engine.admission.activity())
    for dsn in (sandboxed[0], pg_reader):
        for option, words in (("-c threads=1", 'unrecognized configuration parameter "threads"'),
                              ("-c enable_external_access=true", "enable_external_access")):
            with pytest.raises(psycopg.OperationalError, match=words):
                psycopg.connect(dsn, options=option)
    assert len(engine.admission.activity()) == before


@pytest.fixture(scope="module")
def files(sandboxed):
    """A CSV file the catalog leaves out (a folder starting with _), in the data folder (the
    shared TPC-H cache: removed after the module's tests)."""
    folder = sandboxed[4] / "_sandbox_files"
    folder.mkdir(exist_ok=True)
    (folder / "people.csv").write_text("id,name,n_nationkey\n1,ann,3\n2,bob,7\n")
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def test_an_admin_names_a_file_function_s_columns_as_a_table_s(sandboxed, files):
    """Unqualified, qualified by the alias or the function's name, joined with a table: one answer."""
    admin, data = sandboxed[1], sandboxed[4]
    csv = f"read_csv('{files}/people.csv')"
    with psycopg.connect(admin, autocommit=True) as conn:
        def rows(sql):
            return conn.execute(sql).fetchall()

        assert rows(f"select name from {csv} order by id") == rows(f"select t.name from {csv} t order by t.id") == \
            rows(f"select read_csv.name from {csv} order by read_csv.id") == [("ann",), ("bob",)]
        assert rows(f"select name, id + 1 as next from {csv} where id > 1") == [("bob", 3)]
        joined = [("ann", "CANADA"), ("bob", "GERMANY")]
        assert rows(f"select name, n_name from {csv} f join nation using (n_nationkey) order by name") == joined
        assert rows(f"select name, n_name from nation, {csv} f where f.n_nationkey = nation.n_nationkey "
                    "order by 1") == joined
        assert rows(f"select name, p.n_name from nation join read_parquet('{data}/nation/*.parquet') p "
                    f"using (n_nationkey) join {csv} f using (n_nationkey) order by 1") == joined
        assert rows(f"select a, name from {csv} t(a) order by a") == [(1, "ann"), (2, "bob")]
        description = conn.execute(f"select id, name from {csv}").description
        assert [(d.name, d.type_code) for d in description] == [("id", 20), ("name", 25)]
        # As PostgreSQL answers a name no source has, or two sources have.
        assert _state(conn, f"select nope from {csv}") == ("42703", 'column "nope" does not exist')
        assert _state(conn, f"select n_nationkey from nation, {csv} f") == \
            ("42702", 'column reference "n_nationkey" is ambiguous')
        # A prepared statement, its columns named at Describe.
        assert conn.execute(f"select name from {csv} where id = %s", [2], prepare=True).fetchall() == [("bob",)]
        # The file changes: the next query reads its columns as they are now.
        (files / "people.csv").write_text("id,name,n_nationkey,age\n1,ann,3,40\n2,bob,7,50\n")
        try:
            assert rows(f"select age from {csv} order by id") == [(40,), (50,)]
        finally:
            (files / "people.csv").write_text("id,name,n_nationkey\n1,ann,3\n2,bob,7\n")
    with psycopg.connect(sandboxed[0], autocommit=True) as conn:  # a reader, as before, prepared or not
        for query in (f"select name from {csv}", "select name from read_csv('/etc/passwd')"):
            assert _state(conn, query) == ("42501", "permission denied for function read_csv")
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied for function read_csv"):
                conn.execute(query + " where id = %s", [1], prepare=True)


def test_from_a_file_s_name_is_its_reader_for_an_admin_and_refused_to_a_reader(sandboxed, pg_reader, files):
    """DuckDB's replacement scan: an admin's answer is read_parquet's and read_csv's; a reader's
    refusal is read_parquet's (42501, PostgreSQL: a syntax error)."""
    dsn, admin, _, _, data = sandboxed
    parquet = f"{data}/nation/{sorted(p.name for p in (data / 'nation').glob('*.parquet'))[0]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        assert conn.execute(f"select n_name from '{parquet}' order by n_nationkey").fetchall() == \
            conn.execute(f"select n_name from read_parquet('{parquet}') order by n_nationkey").fetchall()
        assert conn.execute(f"select people.name from '{files}/people.csv' order by id").fetchall() == \
            [("ann",), ("bob",)]
        state = _state(conn, f"select * from '{files}/people.txt'")
        assert state[0] == "0A000" and "by its name is not supported" in state[1]
        assert _state(conn, "select * from '/etc/passwd.csv'") == \
            ("42501", 'permission denied to read file "/etc/passwd.csv"')
    with psycopg.connect(dsn, autocommit=True) as conn:
        assert _state(conn, f"select * from '{parquet}'") == ("42501", f'permission denied to read file "{parquet}"')
        assert _state(conn, f"select * from read_parquet('{parquet}')") == \
            ("42501", "permission denied for function read_parquet")
    with psycopg.connect(pg_reader, autocommit=True) as conn:
        assert _state(conn, f"select * from '{parquet}'")[0] == "42601"


# (statement, role, words its HINT has): each refusal says why it is refused.
HINTS = [
    ("select * from read_csv('/etc/passwd')", "reader", "only as the tables of its data folder"),
    ("select * from read_csv('/etc/passwd')", "admin", "An admin reads files only under the data folder"),
    ("select * from '/etc/passwd'", "reader", "only as the tables of its data folder"),
    ("select * from query('select 1')", "admin", "runs SQL given as text"),
    ("select * from duckdb_settings()", "reader", "Only an admin may read DuckDB's own state"),
    ("pragma version", "admin", "PRAGMA reads or changes DuckDB's own configuration"),
    ("set enable_external_access = true", "admin", "keeps DuckDB inside the data folder"),
    ("reset allowed_paths", "reader", "keeps DuckDB inside the data folder"),
    ("select set_config('lock_configuration', 'false', false)", "admin", "keeps DuckDB inside the data folder"),
    ("install httpfs", "admin", "loads no DuckDB extensions"),
    ("load 'httpfs'", "reader", "loads no DuckDB extensions"),
    ("attach '/tmp/duckflight-sandbox.db' as x", "admin", "opens no other database"),
    ("create secret s (type s3)", "admin", "keeps no DuckDB secrets"),
    ("export database '/tmp/duckflight-sandbox'", "admin", "writes no files on the server"),
]


@pytest.mark.parametrize("sql,role,words", HINTS, ids=[f"{h[1]}:{h[0][:40]}" for h in HINTS])
def test_each_refusal_has_a_hint_that_fits_it(sandboxed, sql, role, words):
    dsn = sandboxed[0] if role == "reader" else sandboxed[1]
    with psycopg.connect(dsn, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as raised:
            conn.execute(sql)
    message, hint = raised.value.diag.message_primary, raised.value.diag.message_hint
    assert words in hint
    # PostgreSQL's style: a message in lower case without a period, a hint a sentence.
    assert message[0].islower() and not message.endswith("."), message
    assert hint.endswith(".") and " " in hint, hint


MISSING = ["select getenv('HOME')", "select foo(1, 'a', 2.5, null, true, 3000000000, 1.5e3, -1)",
           "select foo('a'::varchar, 'x'::char(3), 2::smallint, 1::numeric(5,2), 1.5::float8, '1'::text)",
           "select foo(now(), current_date, array[1, 2])", "select to_char(1)", "select * from foo(1)",
           "select upper(getenv('HOME'))", "select count(*) from nation where getenv('x') = n_name",
           "select getenv('x') from pg_class", "select * from range(3)"]


@pytest.mark.parametrize("sql", MISSING)
def test_a_missing_function_is_postgresql_s_error(sandboxed, pg_reader, sql):
    """42883 naming the argument types as PostgreSQL does, its hint, and no DuckDB function suggested."""
    answers = []
    for dsn in (sandboxed[0], pg_reader):
        with psycopg.connect(dsn, autocommit=True) as conn:
            if dsn == pg_reader:
                conn.execute("create temp table nation (n_name text)")
            with pytest.raises(psycopg.Error) as raised:
                conn.execute(sql)
        diag = raised.value.diag
        answers.append((raised.value.sqlstate, diag.message_primary, diag.message_hint, diag.message_detail))
    assert answers[0] == answers[1]


@pytest.mark.parametrize("sql", ["select pg_read_file('/etc/passwd')", "select pg_read_file('x', 0, 10)",
                                 "select pg_read_binary_file('/etc/passwd')", "select pg_ls_dir('.')",
                                 "select * from pg_ls_dir('.')", "select pg_stat_file('/etc/passwd')",
                                 "select * from pg_ls_waldir()", "select lo_import('/etc/passwd')"])
def test_postgresql_s_file_functions_are_refused_to_a_reader_as_postgresql_refuses_them(sandboxed, pg_reader, sql):
    answers = []
    for dsn in (sandboxed[0], pg_reader):
        with psycopg.connect(dsn, autocommit=True) as conn:
            answers.append(_state(conn, sql))
    assert answers[0] == answers[1]
    assert answers[0][0] == "42501"
    with psycopg.connect(sandboxed[1], autocommit=True) as conn:  # an admin: not supported, see docs
        with pytest.raises(psycopg.errors.FeatureNotSupported) as raised:
            conn.execute(sql)
    assert raised.value.diag.message_primary.endswith("() is not supported")
    assert "read_text()" in raised.value.diag.message_hint


def test_an_admin_copy_to_a_file_is_not_supported_rather_than_denied(sandboxed):
    """PostgreSQL lets a superuser COPY to a server file; duckflight writes no files for a
    client, so an admin hears 0A000, not the privilege error meant for others."""
    with psycopg.connect(sandboxed[1], autocommit=True) as admin:
        with pytest.raises(psycopg.errors.FeatureNotSupported, match="COPY to a file is not supported"):
            admin.execute("copy (select 1) to '/tmp/duckflight-sandbox.csv'")
        assert admin.execute("show is_superuser").fetchone() == ("on",)
    assert not Path("/tmp/duckflight-sandbox.csv").exists()
