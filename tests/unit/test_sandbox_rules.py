"""Statements and settings that would take DuckDB out of its sandbox (gateway/sandbox.py), and
the lock itself (worker/sandbox.py), without a cluster."""

from __future__ import annotations


import duckdb
import pytest

from duckflight.gateway import sandbox
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.settings import Settings
from duckflight.worker import sandbox as lock


@pytest.mark.parametrize("sql,message", [
    ("ATTACH '/tmp/x.db' AS x", "permission denied to attach a database"),
    ("attach database ':memory:'", "permission denied to attach a database"),
    ("DETACH x", "permission denied to detach a database"),
    ("INSTALL httpfs", "permission denied to install an extension"),
    ("FORCE INSTALL httpfs FROM core_nightly", "permission denied to install an extension"),
    ("LOAD httpfs", 'access to library "httpfs" is not allowed'),
    ("load '/tmp/x.duckdb_extension'", 'access to library "/tmp/x.duckdb_extension" is not allowed'),
    ("PRAGMA enable_profiling", "permission denied for PRAGMA"),
    ("EXPORT DATABASE '/tmp/x'", "permission denied to export a database"),
    ("IMPORT DATABASE '/tmp/x'", "permission denied to import a database"),
    ("CREATE SECRET s (TYPE s3, KEY_ID 'k')", "permission denied to create a secret"),
    ("CREATE PERSISTENT SECRET s (TYPE s3)", "permission denied to create a secret"),
    ("DROP SECRET s", "permission denied to drop a secret"),
])
def test_refused_commands(sql, message):
    error = sandbox.refused_command(sql)
    assert (error.sqlstate, error.message) == ("42501", message)


@pytest.mark.parametrize("sql,words", [
    ("ATTACH '/tmp/x.db' AS x", "opens no other database"), ("DETACH x", "opens no other database"),
    ("INSTALL httpfs", "loads no DuckDB extensions"), ("LOAD httpfs", "loads no DuckDB extensions"),
    ("PRAGMA version", "PRAGMA reads or changes DuckDB's own configuration"),
    ("EXPORT DATABASE '/tmp/x'", "writes no files on the server"),
    ("IMPORT DATABASE '/tmp/x'", "reads files only as the tables of its data folder"),
    ("CREATE SECRET s (TYPE s3)", "keeps no DuckDB secrets"), ("DROP SECRET s", "keeps no DuckDB secrets"),
])
def test_each_refused_command_says_why(sql, words):
    hint = sandbox.refused_command(sql).hint
    assert words in hint and hint.endswith(".")


def test_a_sandbox_setting_s_refusal_says_why():
    with pytest.raises(SqlError) as raised:
        Settings({"user": "u"}).set("enable_external_access", "true")
    assert raised.value.hint == "This DuckDB setting keeps DuckDB inside the data folder; no session may change it."


@pytest.mark.parametrize("sql", ["select 1", "create table t (a int)", "import foreign schema s from server x into y",
                                 "drop table t", "loader"])
def test_other_commands_are_not_the_sandbox_s(sql):
    assert sandbox.refused_command(sql) is None


@pytest.mark.parametrize("name", ["enable_external_access", "ALLOWED_DIRECTORIES", "allowed_paths",
                                  "lock_configuration", "autoinstall_known_extensions", "temp_directory"])
def test_sandbox_settings_are_refused_to_set_and_reset(name):
    settings = Settings({"user": "u"})
    for change in (lambda: settings.set(name, "'true'"), lambda: settings.reset(name)):
        with pytest.raises(SqlError) as raised:
            change()
        assert raised.value.sqlstate == "42501"
        assert raised.value.message == f'permission denied to set parameter "{name.lower()}"'


def test_unknown_settings_are_unrecognized_as_in_postgresql():
    settings = Settings({"user": "u"})
    with pytest.raises(SqlError) as raised:
        settings.set("threads", "1")  # DuckDB's, not PostgreSQL's
    assert (raised.value.sqlstate, raised.value.message) == ("42704", 'unrecognized configuration parameter "threads"')
    settings.set("myapp.mode", "'fast'")  # a placeholder, as PostgreSQL keeps it
    settings.set("work_mem", "'64MB'")  # PostgreSQL's
    assert settings.show("myapp.mode")[1] == "fast" and settings.show("work_mem")[1] == "64MB"


def test_a_locked_database_keeps_its_data_folder_spill_and_time_zone(tmp_path):
    data, spill = tmp_path / "data", tmp_path / "spill"
    (data / "t").mkdir(parents=True)
    database = duckdb.connect(config={"temp_directory": str(spill), "memory_limit": "64MB", "threads": 1})
    database.execute(f"copy (select range as a from range(10)) to '{data}/t/0.parquet'")
    lock.lock_down(database, [str(data)])
    cursor = database.cursor()
    assert cursor.execute(f"select sum(a) from '{data}/t/*.parquet'").fetchone() == (45,)
    cursor.execute("SET TimeZone = 'America/New_York'")
    # More than 64MB sorted: DuckDB spills into its temp_directory, which stays open to it.
    assert cursor.execute("select count(*) from (select md5(range::varchar) m from range(2000000) order by m)"
                          ).fetchone() == (2_000_000,)
    for sql in ["select * from read_text('/etc/hostname')", f"select * from read_text('{data}/../x')",
                "SET enable_external_access = true", "SET lock_configuration = false",
                "SET allowed_directories = ['/']"]:
        with pytest.raises(duckdb.Error):
            cursor.execute(sql)


def test_a_table_folder_that_links_elsewhere_stays_open_and_only_it(tmp_path):
    """DuckDB follows links before it checks a path: the link's target is listed too."""
    data, elsewhere, other = tmp_path / "data", tmp_path / "disk2" / "t", tmp_path / "disk2" / "private"
    for folder in (data, elsewhere, other):
        folder.mkdir(parents=True)
    database = duckdb.connect()
    database.execute(f"copy (select 1 as a) to '{elsewhere}/0.parquet'")
    database.execute(f"copy (select 2 as a) to '{other}/0.parquet'")
    (data / "t").symlink_to(elsewhere, target_is_directory=True)
    (data / "one.parquet").symlink_to(other / "0.parquet")
    lock.lock_down(database, [str(data)])
    assert database.execute(f"select a from '{data}/t/*.parquet'").fetchall() == [(1,)]
    assert database.execute(f"select a from '{data}/one.parquet'").fetchall() == [(2,)]
    with pytest.raises(duckdb.PermissionException):
        database.execute(f"select * from glob('{other}/*')")  # the linked file only, not its folder
