"""Rule: a query reads the server's files only as tables; DuckDB's file functions are refused.

PostgreSQL lets a role read a server file only through a function it has been granted
(``pg_read_file`` and kin, for members of pg_read_server_files); anyone else gets 42501
``permission denied for function pg_read_file``. DuckDB reads any file or URL it is given
from SQL (``read_csv('/etc/passwd')``, ``FROM '/etc/passwd'``, ``glob('/etc/*')``), so this
rule, first in both pipelines (the planner's and the system catalog's), refuses them the
same way, naming the function, with a hint that says why:

- a ``reader`` (the default role) may call none of DuckDB's file and network functions;
- an ``admin`` may call the local-file ones over constant absolute paths under the data
  folder (the tables' files, and what the catalog leaves out there); never a URL, another
  path, a path computed by the query or an extension's reader. ``FROM '/data/x.parquet'``
  (DuckDB's replacement scan) is the reader its extension names, ``read_parquet(...)``,
  judged as that is; a file of another kind is 0A000;
- nobody may call DuckDB's table functions that run SQL given as text (``query``), write
  files (``enable_profiling``) or read process memory or secrets (``arrow_scan``,
  ``duckdb_secrets``): they would go around this rule;
- a ``reader`` may not read DuckDB's own state (``duckdb_settings()``, ``pragma_*``);
- PostgreSQL's own server-file functions (``pg_read_file``, ``pg_ls_dir``, ``pg_stat_file``,
  ``lo_import`` ...) are 42501 for a reader, as PostgreSQL answers a role without their
  grant, and 0A000 for an admin: there is no PostgreSQL data directory for them to read
  (docs/postgres-differences.md).

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
# DuckDB's own state (settings, files, memory): for an admin only.
INTERNALS = ("duckdb_", "pragma_")
# PostgreSQL 15's functions over its server's files (pg_proc, EXECUTE revoked from PUBLIC).
SERVER_FILE_FUNCTIONS = {
    "pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_ls_dir", "pg_ls_logdir", "pg_ls_waldir",
    "pg_ls_tmpdir", "pg_ls_archive_statusdir", "pg_ls_logicalmapdir", "pg_ls_logicalsnapdir",
    "pg_ls_replslotdir", "lo_import", "lo_export",
}
# The reader DuckDB's replacement scan calls for ``FROM 'file'``, by the file's extension
# (after .gz or .zst).
FILE_READERS = {"parquet": "read_parquet", "csv": "read_csv", "tsv": "read_csv", "json": "read_json",
                "jsonl": "read_json", "ndjson": "read_json"}

# Why a refusal (the HINT of its error).
READER_HINT = "duckflight reads files only as the tables of its data folder."
ADMIN_HINT = "An admin reads files only under the data folder, named by constant absolute paths."
EXTENSION_HINT = "duckflight loads no DuckDB extensions."
INTERNALS_HINT = "Only an admin may read DuckDB's own state."
# Table functions that would go around this rule (SQL as text, files written, memory or secrets
# read), with why.
ESCAPE_HINTS = {
    **dict.fromkeys(("query", "query_table", "json_execute_serialized_sql"),
                    "It runs SQL given as text, which would go around duckflight's checks."),
    **dict.fromkeys(("enable_logging", "disable_logging", "enable_profiling", "disable_profiling",
                     "truncate_duckdb_logs", "checkpoint", "force_checkpoint"), "It makes DuckDB write files."),
    **dict.fromkeys(("arrow_scan", "arrow_scan_dumb", "pandas_scan", "python_map_function"),
                    "It reads the gateway process's memory."),
    **dict.fromkeys(("duckdb_secrets", "which_secret"), "It reads DuckDB's secrets."),
}
ESCAPES = set(ESCAPE_HINTS)
SERVER_FILES_HINT = ("PostgreSQL's server file functions read its data directory, which duckflight does not have; "
                     "an admin reads the data folder's files with read_text(), read_blob() and glob().")


def file_access(tree: exp.Expression, role: str, roots: Iterable[str]) -> exp.Expression:
    """``tree`` (an admin's ``FROM 'file'`` as its reader), or SqlError 42501 for the first
    file function ``role`` may not call."""
    folders = [os.path.join(os.path.realpath(root), "") for root in roots]
    for node in list(tree.find_all(exp.Func, exp.Identifier)):
        if isinstance(node, exp.Identifier):
            if node.meta.get(STRING_NAME) and isinstance(node.parent, exp.Table) and node is node.parent.this:
                _file_name(node, role, folders)
            continue
        name = function_name(node)
        if name in FILE_FUNCTIONS:
            if role != "admin":
                raise denied(name, READER_HINT)
            if not all(_inside(path, folders) for path in _paths(node)):
                raise denied(name, ADMIN_HINT)
        elif name in SERVER_FILE_FUNCTIONS:
            if role != "admin":
                raise SqlError("42501", f"permission denied for function {name}")  # PostgreSQL's, no hint
            raise SqlError("0A000", f"{name}() is not supported", hint=SERVER_FILES_HINT)
        elif _table_function(node):
            if name in EXTENSION_READERS:
                raise denied(name, EXTENSION_HINT)
            if name in ESCAPES:
                raise denied(name, ESCAPE_HINTS[name])
            if role != "admin" and name.startswith(INTERNALS):
                raise denied(name, INTERNALS_HINT)
    return tree


def function_name(node: exp.Func) -> str:
    """The name a function was called by, in lower case (sqlglot's own nodes by their SQL name)."""
    return (node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower()


def denied(function: str, hint: str) -> SqlError:
    return SqlError("42501", f"permission denied for function {function}", hint=hint)


def _file_name(node: exp.Identifier, role: str, folders: list[str]) -> None:
    """``FROM 'path'``: PostgreSQL's syntax error, DuckDB's replacement scan of a file. An
    admin's file under the data folder becomes the reader DuckDB would call."""
    path = node.name
    if role != "admin":
        raise SqlError("42501", f'permission denied to read file "{path}"', hint=READER_HINT)
    if not _inside(path, folders):
        raise SqlError("42501", f'permission denied to read file "{path}"', hint=ADMIN_HINT)
    base = os.path.basename(path)
    parts = base.lower().split(".")
    while len(parts) > 2 and parts[-1] in ("gz", "zst"):
        parts.pop()
    reader = FILE_READERS.get(parts[-1]) if len(parts) > 1 else None
    if reader is None:
        raise SqlError("0A000", f'reading file "{path}" by its name is not supported',
                       hint=f"DuckDB reads a file named in FROM by its extension ({', '.join(FILE_READERS)}); "
                            "call a reader for another, e.g. read_csv('...').")
    table = node.parent
    if table.args.get("alias") is None:  # DuckDB's name for it: the file's, up to its first dot
        alias = path if any(c in base for c in "*?[") else base.split(".")[0]
        table.set("alias", exp.TableAlias(this=exp.to_identifier(alias, quoted=True)))
    node.replace(exp.Anonymous(this=reader, expressions=[exp.Literal.string(path)]))
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
