"""DuckDB's own sandbox around a gateway's or a worker's database: files of the tables only.

The planner refuses the SQL that would read or write other files (``gateway/planner/
file_access.py``, ``gateway/sandbox.py``); this is the second wall, for SQL that slips
past it. It mirrors what PostgreSQL gives a role that is neither superuser nor a member
of pg_read_server_files / pg_write_server_files: no file of the server but through tables.

DuckDB 1.5 (``duckdb_settings()``): ``allowed_directories`` (set once the database has
started; ``allowed_paths`` for single files) lists the folders still open when
``enable_external_access`` is false, which closes every other file, the network, ``ATTACH``
of a file and extension loading (the ``temp_directory`` is added by DuckDB itself, so
spilling goes on). ``lock_configuration`` then refuses every later SET, of these too, but
the ``allowed_configs``: ``TimeZone``, which each fragment's cursor sets (``worker/execute.py``).

    >>> import duckdb, tempfile
    >>> con = duckdb.connect(); lock_down(con, [tempfile.mkdtemp()])
    >>> try:
    ...     con.execute("select * from read_text('/etc/hostname')")
    ... except duckdb.PermissionException as error:
    ...     print(str(error).splitlines()[0])
    Permission Error: Cannot access file "/etc/hostname" - file system operations are disabled by configuration
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import duckdb

# Settings a locked database still lets a cursor change: the session's zone, per fragment.
CHANGEABLE = ("TimeZone",)


def lock_down(database: duckdb.DuckDBPyConnection, roots: Iterable[str]) -> None:
    """Close ``database`` to every file but those under ``roots`` (and its spill folder), to the
    network and to extensions not loaded yet, and lock its configuration. Run the setup that
    changes settings first: after this, a SET fails."""
    folders, files = locations(roots)
    database.execute("SET allowed_directories = ?", [folders])
    database.execute("SET allowed_paths = ?", [files])
    database.execute("SET autoinstall_known_extensions = false")
    database.execute("SET autoload_known_extensions = false")
    database.execute("SET enable_external_access = false")
    database.execute("SET allowed_configs = ?", [list(CHANGEABLE)])
    database.execute("SET lock_configuration = true")


def locations(roots: Iterable[str]) -> tuple[list[str], list[str]]:
    """(folders, files) the tables of ``roots`` are in: each root, and where each link under it
    leads. DuckDB follows a link before it checks a path, so a table folder that links to
    another disk is open only when its target is listed; links made after the lock are not."""
    folders: list[str] = []
    files: list[str] = []
    pending = [os.path.realpath(root) for root in roots]
    while pending:
        folder = pending.pop()
        if os.path.join(folder, "") in folders:
            continue  # seen (links may loop)
        folders.append(os.path.join(folder, ""))
        for dirpath, dirnames, filenames in os.walk(folder):
            for name in dirnames + filenames:
                path = os.path.join(dirpath, name)
                if os.path.islink(path):
                    target = os.path.realpath(path)
                    if os.path.isdir(target):
                        pending.append(target)
                    elif os.path.isfile(target):
                        files.append(target)
    return folders, files
