"""Statements and settings no session may use: DuckDB's ways out of the data folder.

The session never sends these to DuckDB, but it answers them with PostgreSQL's refusal of
a privilege (42501) rather than a syntax error, so that a client learns it is not allowed,
not that it spelled something wrong (``docs/postgres-differences.md``). An ``admin`` is
refused them too: DuckDB's own lock (``worker/sandbox.py``) would refuse them anyway, and
what they do (open other databases, load code, read secrets) is meant for no client. Each
refusal's HINT says why it is refused and, where there is one, what to use instead.

- ``ATTACH``/``DETACH``, ``INSTALL``/``LOAD``, ``PRAGMA``, ``EXPORT``/``IMPORT DATABASE``,
  ``CREATE``/``DROP SECRET``: ``refused_command``. PostgreSQL's ``LOAD`` answers a
  non-superuser so too (``access to library "x" is not allowed``).
- ``SET``/``RESET`` of a DuckDB setting that would open the sandbox (``SANDBOX_SETTINGS``):
  PostgreSQL's ``permission denied to set parameter "x"`` (guc.c, a superuser-only setting).

>>> refused_command("ATTACH '/tmp/x.db' AS x").message
'permission denied to attach a database'
>>> refused_command("LOAD httpfs").hint
'duckflight loads no DuckDB extensions.'
>>> refused_command("create or replace persistent secret s (type s3)").message
'permission denied to create a secret'
>>> refused_command("select 1") is None
True
"""

from __future__ import annotations

import re

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.file_access import EXTENSION_HINT, READER_HINT

# DuckDB settings (duckdb_settings()) that widen what its SQL may open, load or write.
SANDBOX_SETTINGS = {
    "enable_external_access", "allowed_directories", "allowed_paths", "lock_configuration", "allowed_configs",
    "autoload_known_extensions", "autoinstall_known_extensions", "allow_community_extensions",
    "allow_unsigned_extensions", "allow_extensions_metadata_mismatch", "allow_parser_override_extension",
    "allow_persistent_secrets", "allow_unredacted_secrets", "default_secret_storage", "secret_directory",
    "custom_extension_repository", "autoinstall_extension_repository", "extension_directory",
    "extension_directories", "temp_directory", "max_temp_directory_size", "home_directory", "file_search_path",
    "disabled_filesystems", "log_query_path", "enable_external_file_cache",
}
_DATABASE_HINT = "duckflight opens no other database: a table is a folder of files in its data folder."
# (pattern of the statement's first words, what it would do, why not: the HINT)
_COMMANDS = [
    (r"attach\b", "permission denied to attach a database", _DATABASE_HINT),
    (r"detach\b", "permission denied to detach a database", _DATABASE_HINT),
    (r"(force\s+)?install\b", "permission denied to install an extension", EXTENSION_HINT),
    (r"pragma\b", "permission denied for PRAGMA",
     "PRAGMA reads or changes DuckDB's own configuration; SHOW and pg_settings show the session's settings."),
    (r"export\s+database\b", "permission denied to export a database",
     "duckflight writes no files on the server; COPY (query) TO STDOUT sends a query's rows to the client."),
    (r"import\s+database\b", "permission denied to import a database", READER_HINT),
    (r"create\s+(or\s+replace\s+)?((persistent|temporary|temp)\s+)?secret\b", "permission denied to create a secret",
     "duckflight reads no remote storage, so it keeps no DuckDB secrets."),
    (r"drop\s+((persistent|temporary|temp)\s+)?secret\b", "permission denied to drop a secret",
     "duckflight reads no remote storage, so it keeps no DuckDB secrets."),
]
_SETTING_HINT = "This DuckDB setting keeps DuckDB inside the data folder; no session may change it."
_LOAD = re.compile(r"load\s+(?:'((?:[^']|'')*)'|\"((?:[^\"]|\"\")*)\"|([^\s;]+))", re.I)


def refused_command(sql: str) -> SqlError | None:
    """42501 for a statement that would take DuckDB out of its sandbox; None for any other."""
    load = _LOAD.match(sql)
    if load:
        name = next(g for g in load.groups() if g is not None)
        return SqlError("42501", f'access to library "{name}" is not allowed', hint=EXTENSION_HINT)
    for pattern, message, hint in _COMMANDS:
        if re.match(pattern, sql, re.I):
            return SqlError("42501", message, hint=hint)
    return None


def check_setting(name: str) -> None:
    """42501 for a setting that would open DuckDB's sandbox (``name`` in any case)."""
    if name.lower() in SANDBOX_SETTINGS:
        raise SqlError("42501", f'permission denied to set parameter "{name.lower()}"', hint=_SETTING_HINT)
