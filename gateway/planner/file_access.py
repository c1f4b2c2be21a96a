"""Rule: a query reads the server's files only as tables; DuckDB's file functions are refused.

PostgreSQL lets a role read a server file only through a function it has been granted
(``pg_read_file`` and kin, for members of pg_read_server_files); anyone else gets 42501
``permission denied for function pg_read_file``. DuckDB reads any file or URL it is given
from SQL (``read_csv('/etc/passwd')``, ``FROM '/etc/passwd'``, ``glob('/etc/*')``), so this
rule, first in both pipelines (the planner's and the system catalog's), refuses them the
same way, naming the function:

- a ``reader`` (the default role) may call none of DuckDB's file and network functions;
- an ``admin`` may call the local-file ones over constant absolute paths under the data
  folder (the tables' files, and what the catalog leaves out there); never a URL, another
  path, a path computed by the query, an extension's reader, or ``FROM 'file'``;
- nobody may call DuckDB's table functions that run SQL given as text (``query``), write
  files (``enable_profiling``) or read process memory or secrets (``arrow_scan``,
  ``duckdb_secrets``): they would go around this rule;
- a ``reader`` may not read DuckDB's own state (``duckdb_settings()``, ``pragma_*``).

DuckDB itself is locked to the data folder as well (``worker/sandbox.py``): this rule gives
PostgreSQL's answer, the lock holds if the rule misses something.

>>> import sqlglot
>>> file_access(sqlglot.parse_one("select * from read_csv('/etc/passwd')"), "reader", ["/data"])
Traceback (most recent call last):
...
duckflight.gateway.core.sql_error.SqlError: permission denied for function read_csv
>>> file_access(sqlglot.parse_one("select * from read_parquet('/data/t/*.parquet')"), "admin", ["/data"]).sql()
"SELECT * FROM READ_PARQUET('/data/t/*.parquet')"
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError

# Meta flag of an identifier that was a string constant (``FROM '/etc/passwd'``): see dialect.py.
STRING_NAME = "string_name"

# DuckDB 1.5's table functions over local files (duckdb_functions(), function_type 'table'),
# whose first argument is a path, a glob or a list of them.
FILE_FUNCTIONS = {
    "read_csv", "read_csv_auto", "sniff_csv", "read_text", "read_blob", "glob", "read_duckdb",
    "read_parquet", "parquet_scan", "parquet_metadata", "parquet_schema", "parquet_file_metadata",
    "parquet_kv_metadata", "parquet_full_metadata", "parquet_bloom_probe",
    "read_json", "read_json_auto", "read_json_objects", "read_json_objects_auto",
    "read_ndjson", "read_ndjson_auto", "read_ndjson_objects",
}
# Readers of DuckDB extensions (files, object stores, other databases): DuckDB loads none.
EXTENSION_READERS = {
    "iceberg_scan", "iceberg_metadata", "iceberg_snapshots", "delta_scan", "read_xlsx", "read_avro",
    "st_read", "st_read_meta", "st_readosm", "st_readshp", "sqlite_scan", "sqlite_attach", "sqlite_query",
    "postgres_scan", "postgres_scan_pushdown", "postgres_attach", "postgres_query", "postgres_execute",
    "mysql_scan", "mysql_query", "mysql_execute", "odbc_scan", "read_gsheet", "httpfs_scan",
}
# Table functions that would go around this rule: SQL as text, files written, memory or secrets read.
ESCAPES = {
    "query", "query_table", "json_execute_serialized_sql", "enable_logging", "disable_logging",
    "enable_profiling", "disable_profiling", "checkpoint", "force_checkpoint", "truncate_duckdb_logs",
    "arrow_scan", "arrow_scan_dumb", "pandas_scan", "python_map_function", "duckdb_secrets", "which_secret",
}
# DuckDB's own state (settings, files, memory): for an admin only.
INTERNALS = ("duckdb_", "pragma_")


def file_access(tree: exp.Expression, role: str, roots: Iterable[str]) -> exp.Expression:
    """``tree`` unchanged, or SqlError 42501 for the first file function ``role`` may not call."""
    folders = [os.path.join(os.path.realpath(root), "") for root in roots]
    for node in tree.find_all(exp.Func, exp.Identifier):
        if isinstance(node, exp.Identifier):
            if node.meta.get(STRING_NAME) and isinstance(node.parent, exp.Table) and node is node.parent.this:
                _file_name(node.name, role, folders)
            continue
        name = (node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower()
        if name in FILE_FUNCTIONS:
            if role != "admin" or not all(_inside(path, folders) for path in _paths(node)):
                raise denied(name)
        elif name in EXTENSION_READERS or name in ESCAPES or (role != "admin" and name.startswith(INTERNALS)):
            if _table_function(node):
                raise denied(name)
    return tree


def denied(function: str) -> SqlError:
    return SqlError("42501", f"permission denied for function {function}",
                    hint="duckflight reads files only as the tables of its data folder.")


def _file_name(path: str, role: str, folders: list[str]) -> None:
    """``FROM 'path'``: PostgreSQL's syntax error, but DuckDB would read the file."""
    if role != "admin" or not _inside(path, folders):
        raise SqlError("42501", f'permission denied to read file "{path}"',
                       hint="duckflight reads files only as the tables of its data folder.")
    raise SqlError("42601", f"syntax error at or near \"'{path}'\"")


def _paths(node: exp.Func) -> list[str | None]:
    """The constant paths a file function reads (None for one the query computes)."""
    first = node.this if not isinstance(node, exp.Anonymous) and node.this is not None else \
        (node.expressions[0] if node.expressions else None)
    if isinstance(first, exp.Array):
        return [p.name if p.is_string else None for p in first.expressions] or [None]
    return [first.name if first is not None and first.is_string else None]


def _inside(path: str | None, folders: list[str]) -> bool:
    """``path`` is a local absolute path under one of ``folders`` (``..`` resolved as DuckDB would)."""
    if path is None or "://" in path or not path.startswith("/"):
        return False
    # By the path as written, or through the links it names (a data folder given as a link):
    # DuckDB resolves links before it checks a path against its allowed directories.
    names = {os.path.normpath(path), os.path.realpath(path)}
    return any(os.path.join(name, "").startswith(folder) for name in names for folder in folders)


def _table_function(node: exp.Func) -> bool:
    """The function is called in FROM (or LATERAL), where DuckDB looks for table functions."""
    return isinstance(node.parent, (exp.Table, exp.Lateral)) and node is node.parent.this
