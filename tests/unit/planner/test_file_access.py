"""Golden cases of the file_access rule: query and role → allowed, or the error it answers.

The data folder is /data. Each case is (query, reader's answer, admin's answer); "ok" is a
query the rule lets through unchanged, SQL the query it becomes; a refusal is its message
without "permission denied for"/"to" (42501), or its SQLSTATE and message.
"""

from __future__ import annotations


import pytest

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner import file_access as rule
from duckflight.gateway.planner.planner import parse

ROOTS = ["/data"]
CASES = [
    ("select * from read_csv('/etc/passwd')", "function read_csv", "function read_csv"),
    ("select * from read_csv_auto('/etc/passwd', header = true)", "function read_csv_auto", "function read_csv_auto"),
    ("select * from read_text('/etc/hostname')", "function read_text", "function read_text"),
    ("select * from read_blob('/etc/hostname')", "function read_blob", "function read_blob"),
    ("select * from read_parquet('/etc/x.parquet')", "function read_parquet", "function read_parquet"),
    ("select * from parquet_scan('/etc/x.parquet')", "function parquet_scan", "function parquet_scan"),
    ("select * from parquet_metadata('/etc/x.parquet')", "function parquet_metadata", "function parquet_metadata"),
    ("select * from read_json_auto('/etc/x.json')", "function read_json_auto", "function read_json_auto"),
    ("select * from read_ndjson('/etc/x.json')", "function read_ndjson", "function read_ndjson"),
    ("select * from sniff_csv('/etc/passwd')", "function sniff_csv", "function sniff_csv"),
    ("select * from glob('/etc/*')", "function glob", "function glob"),
    ("select * from iceberg_scan('/data/t')", "function iceberg_scan", "function iceberg_scan"),
    ("select * from delta_scan('s3://bucket/t')", "function delta_scan", "function delta_scan"),
    ("select * from '/etc/passwd'", 'read file "/etc/passwd"', 'read file "/etc/passwd"'),
    ("select * from nation join read_text('/etc/hostname') on true", "function read_text", "function read_text"),
    ("with t as (select * from read_csv('/etc/passwd')) select * from t", "function read_csv", "function read_csv"),
    ("select 1 where exists (select 1 from read_text('/etc/hostname'))", "function read_text", "function read_text"),
    ("select * from nation, lateral read_text('/etc/hostname')", "function read_text", "function read_text"),
    # Paths the admin may read: constants under the data folder.
    ("select * from read_parquet('/data/nation/*.parquet')", "function read_parquet", "ok"),
    ("select * from read_parquet(['/data/a.parquet', '/data/b/c.parquet'])", "function read_parquet", "ok"),
    ("select * from read_csv('/data/t/x.csv', header = true)", "function read_csv", "ok"),
    ("select * from glob('/data/*/*')", "function glob", "ok"),
    ("select * from parquet_metadata('/data/nation/0.parquet')", "function parquet_metadata", "ok"),
    # ... but no way out of it.
    ("select * from read_parquet(['/data/a.parquet', '/etc/b.parquet'])", "function read_parquet",
     "function read_parquet"),
    ("select * from read_text('/data/../etc/passwd')", "function read_text", "function read_text"),
    ("select * from read_text('/database/x')", "function read_text", "function read_text"),
    ("select * from read_text('data/x')", "function read_text", "function read_text"),
    ("select * from read_text('file:///data/x')", "function read_text", "function read_text"),
    ("select * from read_csv('https://example.com/x.csv')", "function read_csv", "function read_csv"),
    ("select * from read_text(current_setting('application_name'))", "function read_text", "function read_text"),
    # FROM 'file' is the reader DuckDB's replacement scan calls, named as DuckDB names it.
    ("select * from '/data/nation/0.parquet'", 'read file "/data/nation/0.parquet"',
     'SELECT * FROM READ_PARQUET(\'/data/nation/0.parquet\') AS "0"'),
    ("select x.a from '/data/t/x.csv.gz' where x.a > 0", 'read file "/data/t/x.csv.gz"',
     """SELECT x.a FROM READ_CSV('/data/t/x.csv.gz') AS "x" WHERE x.a > 0"""),
    ("select * from '/data/t/*.ndjson' as j", 'read file "/data/t/*.ndjson"',
     "SELECT * FROM READ_JSON('/data/t/*.ndjson') AS j"),
    ("select * from '/data/t/x.txt'", 'read file "/data/t/x.txt"',
     '0A000 reading file "/data/t/x.txt" by its name is not supported'),
    ("select * from '/etc/x.parquet'", 'read file "/etc/x.parquet"', 'read file "/etc/x.parquet"'),
    # PostgreSQL's server file functions: its refusal for a reader, not supported for an admin.
    ("select pg_read_file('/etc/passwd')", "function pg_read_file", "0A000 pg_read_file() is not supported"),
    ("select pg_read_binary_file('x', 0, 10)", "function pg_read_binary_file",
     "0A000 pg_read_binary_file() is not supported"),
    ("select * from pg_ls_dir('.')", "function pg_ls_dir", "0A000 pg_ls_dir() is not supported"),
    ("select (pg_stat_file('/data')).size", "function pg_stat_file", "0A000 pg_stat_file() is not supported"),
    ("select * from pg_ls_waldir()", "function pg_ls_waldir", "0A000 pg_ls_waldir() is not supported"),
    ("select lo_import('/etc/passwd')", "function lo_import", "0A000 lo_import() is not supported"),
    # Table functions that would go around the rule, and DuckDB's own state.
    ("select * from query('select * from read_csv(''/etc/passwd'')')", "function query", "function query"),
    ("select * from query_table('nation')", "function query_table", "function query_table"),
    ("select * from enable_profiling(save_location = '/tmp/p')", "function enable_profiling",
     "function enable_profiling"),
    ("select * from duckdb_secrets()", "function duckdb_secrets", "function duckdb_secrets"),
    ("select * from duckdb_settings()", "function duckdb_settings", "ok"),
    ("select * from pragma_version()", "function pragma_version", "ok"),
    # What PostgreSQL has, and names that only look like DuckDB's.
    ("select * from nation", "ok", "ok"),
    ('select * from "/etc/passwd"', "ok", "ok"),
    ("select * from generate_series(1, 3)", "ok", "ok"),
    ("select repeat('ab', 2), 'read_csv' as read_text", "ok", "ok"),
    ("with read_csv as (select 1 as a) select * from read_csv", "ok", "ok"),
]


def _answer(query: str, role: str) -> str:
    tree = parse(query)
    try:
        result = rule.file_access(tree, role, ROOTS)
    except SqlError as error:
        if error.sqlstate != "42501":
            return f"{error.sqlstate} {error.message}"
        return error.message.removeprefix("permission denied for ").removeprefix("permission denied to ")
    return "ok" if result.sql() == parse(query).sql() else result.sql()


@pytest.mark.parametrize("query,reader,admin", CASES, ids=[c[0][:60] for c in CASES])
def test_golden(query, reader, admin):
    assert (_answer(query, "reader"), _answer(query, "admin")) == (reader, admin)


def test_a_data_folder_given_through_a_link_is_read_by_either_name(tmp_path):
    """`duckflight up --data /link` where /link leads to /real: an admin reads the tables' files
    by the name the folder was given and by its real name, as DuckDB's own wall allows both."""
    (tmp_path / "real" / "t").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    for path in (tmp_path / "link" / "t" / "*.parquet", tmp_path / "real" / "t" / "*.parquet"):
        tree = parse(f"select * from read_parquet('{path}')")
        assert rule.file_access(tree, "admin", [str(tmp_path / "link")]) is tree
        assert rule.file_access(tree, "admin", [str(tmp_path / "real")]) is tree  # as `up` resolves --data
    with pytest.raises(SqlError):
        rule.file_access(parse(f"select * from read_parquet('{tmp_path}/other.parquet')"), "admin", [str(tmp_path / "link")])


@pytest.mark.parametrize("query,role,hint", [
    ("select * from read_csv('/etc/passwd')", "reader", "duckflight reads files only as the tables of its data folder."),
    ("select * from read_csv('/etc/passwd')", "admin", "An admin reads files only under the data folder"),
    ("select * from '/etc/passwd'", "admin", "An admin reads files only under the data folder"),
    ("select * from query('select 1')", "admin", "It runs SQL given as text"),
    ("select * from enable_profiling()", "admin", "It makes DuckDB write files."),
    ("select * from duckdb_secrets()", "admin", "It reads DuckDB's secrets."),
    ("select * from iceberg_scan('/data/t')", "admin", "duckflight loads no DuckDB extensions."),
    ("select * from duckdb_settings()", "reader", "Only an admin may read DuckDB's own state."),
    ("select pg_read_file('/data/x')", "admin", "an admin reads the data folder's files with read_text()"),
])
def test_each_refusal_says_why(query, role, hint):
    with pytest.raises(SqlError) as raised:
        rule.file_access(parse(query), role, ROOTS)
    assert raised.value.hint.startswith(hint) or hint in raised.value.hint


def test_a_reader_is_refused_postgresql_s_file_functions_as_postgresql_refuses_them():
    with pytest.raises(SqlError) as raised:
        rule.file_access(parse("select pg_read_file('/etc/passwd')"), "reader", ROOTS)
    assert (raised.value.sqlstate, raised.value.message, raised.value.hint) == \
        ("42501", "permission denied for function pg_read_file", None)
