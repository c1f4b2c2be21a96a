"""Roles and the functions that end sessions, through psql and psycopg, against a gateway with a
users file and PostgreSQL 15 with the same roles as referee.

alice is an admin (on PostgreSQL: ``createuser --superuser``, SUPERUSER CREATEDB CREATEROLE), bob
and carol are readers (plain login roles). PostgreSQL also has its bootstrap superuser
``postgres``, which duckflight has not, and duckflight's owner role ``duckflight`` is created
there with the attributes duckflight shows for it; ``\\du`` is compared without ``postgres``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from duckflight.gateway.auth.users import User, write_users

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inprocess import cluster  # noqa: E402  (tests/integration, see conftest)
from pg15 import postgres15  # noqa: E402
from processes import duckflight_executable  # noqa: E402

PASSWORDS = {"alice": "alice-Secret1", "bob": "bob-Secret2", "carol": "carol-Secret3"}
ROLES = {"alice": "admin", "bob": "reader", "carol": "reader"}
# A query that runs until it is cancelled (on PostgreSQL: pg_sleep).
ENDLESS = "select count(*) from lineitem a, lineitem b where a.l_orderkey + b.l_orderkey < 0"
SLEEP = "select pg_sleep(60)"


@pytest.fixture(scope="module")
def users_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("roles") / "users"
    write_users(path, {name: User.make(name, role, PASSWORDS[name]) for name, role in ROLES.items()})
    return path


@pytest.fixture(scope="module")
def ours(tpch_data, users_file) -> int:
    """The port of a gateway whose clients log in with the users file (SCRAM)."""
    with cluster(str(tpch_data), workers=1, users=str(users_file)) as (dsn, _, _):
        yield int(dsn.rsplit(":", 1)[1].split("/")[0])


@pytest.fixture(scope="module")
def theirs(tmp_path_factory) -> int:
    """The port of PostgreSQL 15 with the same roles."""
    with postgres15(tmp_path_factory.mktemp("pg15")) as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("create database duckflight")
            conn.execute("create role duckflight superuser createdb createrole bypassrls nologin")
            for name, role in ROLES.items():
                extra = "superuser createdb createrole" if role == "admin" else ""
                conn.execute(f"create role {name} {extra} login password '{PASSWORDS[name]}'")
        yield int(url.rsplit(":", 1)[1].split("/")[0])


def connect(port: int, user: str) -> psycopg.Connection:
    conn = psycopg.connect(host="127.0.0.1", port=port, user=user, password=PASSWORDS[user], dbname="duckflight",
                           autocommit=True, connect_timeout=10)
    conn.notices = []
    conn.add_notice_handler(lambda d: conn.notices.append((d.severity, d.sqlstate, d.message_primary)))
    return conn


def answer(port: int, user: str, sql: str):
    """(rows, notices) or (SQLSTATE, message, detail) of an error, as ``user`` sees them."""
    with connect(port, user) as conn:
        try:
            return conn.execute(sql).fetchall(), conn.notices
        except psycopg.Error as error:
            return error.sqlstate, error.diag.message_primary, error.diag.message_detail


def psql(port: int, user: str, command: str) -> str:
    run = subprocess.run(["psql", "-X", "-h", "127.0.0.1", "-p", str(port), "-U", user, "-d", "duckflight",
                          "-c", command], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PGPASSWORD": PASSWORDS[user]}, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("command", [r"\du", r"\du+"])
def test_du_shows_the_users_as_postgresql_shows_such_roles(ours, theirs, command):
    theirs_text = "\n".join(line for line in psql(theirs, "alice", command).splitlines()
                            if not line.startswith(" postgres "))
    assert psql(ours, "bob", command) == psql(ours, "alice", command) == theirs_text + "\n"


def test_the_catalog_follows_the_users_file_without_a_restart(ours, users_file):
    def roles():
        return answer(ours, "alice", "select rolname, rolsuper, rolcanlogin from pg_roles order by 1")[0]

    add = subprocess.run([duckflight_executable(), "user", "add", "dave", "--role", "admin", "--password", "d-Secret4",
                          "--users", str(users_file)], capture_output=True, text=True, timeout=60)
    assert add.returncode == 0, add.stderr
    assert ("dave", True, True) in roles()
    remove = subprocess.run([duckflight_executable(), "user", "remove", "dave", "--users", str(users_file)],
                            capture_output=True, text=True, timeout=60)
    assert remove.returncode == 0, remove.stderr
    assert [r[0] for r in roles()] == ["alice", "bob", "carol", "duckflight", "pg_database_owner"]


def test_no_password_or_verifier_shows_in_any_role_relation(ours):
    for sql in ("select * from pg_authid", "select * from pg_roles", "select * from pg_user",
                "select rolpassword, count(*) from pg_authid group by 1"):
        rows, _ = answer(ours, "alice", sql)
        assert rows and not any("SCRAM" in str(v) or str(v).startswith("md5") for row in rows for v in row), sql
    assert answer(ours, "alice", "select distinct rolpassword from pg_roles union all "
                                 "select distinct passwd from pg_user")[0] == [("********",), ("********",)]


@pytest.mark.parametrize("sql", [
    "select rolname from pg_authid",
    "select pg_has_role('alice', 'member'), pg_has_role('bob', 'member'), pg_has_role('alice', 'bob', 'usage'), "
    "pg_has_role('bob', 'alice', 'usage')",
    "select role_name from information_schema.enabled_roles",
    "select rolname, rolsuper, rolcreaterole, rolcreatedb, rolcanlogin, rolpassword from pg_roles "
    "where rolname = current_user",
    "select usename, usesuper, usecreatedb, passwd from pg_user where usename in ('alice', 'bob') order by 1",
])
def test_a_reader_sees_its_role_as_postgresql_shows_it(ours, theirs, sql):
    assert answer(ours, "bob", sql) == answer(theirs, "bob", sql)


def test_session_user_and_activity_agree_with_pg_authid(ours):
    sql = """select a.usesysid = r.oid, a.usename = session_user, current_user = r.rolname, r.rolsuper
             from pg_stat_activity a join pg_authid r on r.oid = a.usesysid where a.pid = pg_backend_pid()"""
    assert answer(ours, "alice", sql)[0] == [(True, True, True, True)]
    sql = """select a.usesysid = r.oid, r.rolname = current_user, r.rolsuper
             from pg_stat_activity a join pg_roles r on r.oid = a.usesysid where a.pid = pg_backend_pid()"""
    assert answer(ours, "bob", sql)[0] == [(True, True, False)]


def test_trust_mode_has_the_connected_user_as_a_role(dsn):
    with psycopg.connect(dsn, autocommit=True) as conn:
        rows = conn.execute("""select r.rolname, r.rolsuper, r.rolcanlogin, a.usesysid = r.oid from pg_roles r
                               join pg_stat_activity a on a.usename = r.rolname
                               where a.pid = pg_backend_pid()""").fetchall()
    assert rows == [("tester", False, True, True)]


def test_signal_warnings_and_refusals_are_postgresqls(ours, theirs):
    """A pid that is no session, a negative timeout, another reader's and a superuser's session."""
    sqls = ["select pg_cancel_backend(1)", "select pg_terminate_backend(1, 10)", "select pg_terminate_backend(1, -1)"]
    for target in ("carol", "alice"):
        for function in ("pg_cancel_backend", "pg_terminate_backend"):
            sqls.append(f"select {function}(pid) from pg_stat_activity where usename = '{target}'")
    with connect(ours, "carol"), connect(ours, "alice"), connect(theirs, "carol"), connect(theirs, "alice"):
        for sql in sqls:
            assert answer(ours, "bob", sql) == answer(theirs, "bob", sql), sql


def running(port: int, user: str, sql: str) -> tuple[psycopg.Connection, threading.Thread, list]:
    """``user``'s connection running ``sql`` in a thread, once the server shows it active; the list
    gets what the statement ended with."""
    conn = connect(port, user)
    outcome: list = []

    def run():
        try:
            outcome.append(conn.execute(sql).fetchall())
        except psycopg.Error as error:
            outcome.append((type(error).__name__, error.sqlstate, error.diag.message_primary))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    wait_for(port, f"select count(*) from pg_stat_activity where usename = '{user}' and state = 'active'")
    return conn, thread, outcome


def wait_for(port: int, sql: str, value=1) -> None:
    deadline = time.monotonic() + 20
    while answer(port, "alice", sql)[0] != [(value,)]:
        assert time.monotonic() < deadline, f"never {value}: {sql}"
        time.sleep(0.1)


@pytest.mark.parametrize("caller", ["alice", "carol"])
def test_cancel_ends_the_running_query_and_keeps_the_session(ours, theirs, caller):
    """An admin cancels anyone's query, a reader its own user's (from another session)."""
    seen = []
    for port, sql in ((ours, ENDLESS), (theirs, SLEEP)):
        conn, thread, outcome = running(port, "carol", sql)
        with conn:
            signalled = answer(port, caller, "select pg_cancel_backend(pid) from pg_stat_activity "
                                             "where usename = 'carol' and state = 'active'")
            thread.join(20)
            seen.append((signalled, outcome, conn.execute("select 1").fetchall()))
    assert seen[0] == seen[1]
    assert seen[0][1] == [("QueryCanceled", "57014", "canceling statement due to user request")]


def test_terminate_ends_a_running_session_with_57P01_and_frees_it(ours, theirs):
    seen = []
    for port, sql in ((ours, ENDLESS), (theirs, SLEEP)):
        conn, thread, outcome = running(port, "carol", sql)
        signalled = answer(port, "alice", "select pg_terminate_backend(pid, 5000) from pg_stat_activity "
                                          "where usename = 'carol'")
        thread.join(20)
        seen.append((signalled, outcome, conn.closed))
        wait_for(port, "select count(*) from pg_stat_activity where usename = 'carol'", 0)
    assert seen[0] == seen[1]
    assert seen[0][1] == [("AdminShutdown", "57P01", "terminating connection due to administrator command")]
    wait_for(ours, "select sum(running_fragments) from duckflight.workers", 0)  # its fragments were cancelled


def test_terminate_ends_an_idle_session_at_once(ours, theirs):
    seen = []
    for port in (ours, theirs):
        victim = connect(port, "carol")
        pid = victim.info.backend_pid
        signalled = answer(port, "alice", f"select pg_terminate_backend({pid}, 5000)")
        with pytest.raises(psycopg.Error) as ended:
            victim.execute("select 1")
        seen.append((signalled, type(ended.value).__name__, ended.value.sqlstate, ended.value.diag.message_primary))
    assert seen[0] == seen[1]
    assert seen[0] == (([(True,)], []), "AdminShutdown", "57P01", "terminating connection due to administrator command")


def test_queries_over_tables_refuse_what_catalog_queries_refuse(ours):
    assert answer(ours, "bob", "select r.rolname from pg_authid r, nation limit 1") == \
        ("42501", "permission denied for table pg_authid", None)
    assert answer(ours, "alice", "select pg_cancel_backend(1) from nation")[0] == "0A000"
