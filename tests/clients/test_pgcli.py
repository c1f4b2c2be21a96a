"""pgcli, the interactive client, against duckflight and PostgreSQL 15 with the same tables.

pgcli runs its backslash commands (pgspecial's catalog queries) and, at start-up, a
completion refresher: a set of catalog queries (schemas, tables, columns, views,
functions, types, databases, foreign keys, search path) whose answers feed its
autocompletion. A failing one kills the refresh and with it every completion. Both
are run here as pgcli runs them: the commands through ``pgcli -c``, the refresher
through its own ``CompletionRefresher`` code (what its start-up thread runs), and the
answers compared with PostgreSQL's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pgcli = pytest.importorskip("pgcli")

from pgcli.completion_refresher import CompletionRefresher  # noqa: E402
from pgcli.pgexecute import PGExecute  # noqa: E402
from pgspecial.main import PGSpecial  # noqa: E402
from prompt_toolkit.document import Document  # noqa: E402

from catalog_support import catalog_data, catalog_duckflight, catalog_pg  # noqa: E402,F401

COMMANDS = ["\\dt", "\\dv", "\\d orders", "\\d events", "\\df", "\\dn", "\\dv duckflight.*", "\\di", "\\ds",
            "\\dT", "\\dm", "\\du duckflight"]
# What the user types, for the completions pgcli then offers.
TYPED = ["SELECT * FROM ", "SELECT  FROM orders", "SELECT * FROM events e WHERE e.", "SELECT * FROM duckflight.",
         "SELECT worker_", "\\d "]


def owner_url(url: str) -> str:
    return url.replace("tester@", "duckflight@")


def run_pgcli(url: str, home: Path, commands: list[str]) -> str:
    rc = home / "pgclirc"
    rc.write_text("[main]\nuse_local_timezone = False\ntiming = False\n")
    args = [sys.executable, "-m", "pgcli.main", "--pgclirc", str(rc), "--less-chatty", owner_url(url)]
    for command in commands:
        args += ["-c", command]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          env={"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_backslash_commands_match_postgresql(catalog_duckflight, catalog_pg, tmp_path):
    ours = run_pgcli(catalog_duckflight, tmp_path, COMMANDS)
    theirs = run_pgcli(catalog_pg, tmp_path, COMMANDS)
    assert "orders" in ours and "worker_status" in ours
    assert ours == theirs
    # \sf finds the function by name (regproc); its text is duckflight's (PostgreSQL's here is SQL).
    source = run_pgcli(catalog_duckflight, tmp_path, ["\\sf duckflight.worker_status"])
    assert "CREATE OR REPLACE FUNCTION duckflight.worker_status(OUT address text" in source


def refreshed(url: str):
    """The completer pgcli's start-up refresh builds (its own code, run in this thread)."""
    executor = PGExecute(dsn=owner_url(url))
    found = []
    try:
        CompletionRefresher()._bg_refresh(executor, PGSpecial(), found.append,
                                          settings={"single_connection": True, "generate_aliases": False})
        casing = sorted(executor.casing())
    finally:
        executor.conn.close()
    return found[0], casing


def _builtin(completion: str) -> bool:
    """A function or relation of PostgreSQL's own catalog: duckflight's image has those clients read
    (generate.py) and the functions it implements, PostgreSQL all of them."""
    catalog = completion.startswith(("pg_", "information_schema.", '"pg_', "pg_catalog."))
    return catalog or completion.endswith(")") and "worker_status" not in completion


def test_completion_refresh_matches_postgresql(catalog_duckflight, catalog_pg):
    (ours, our_casing), (theirs, their_casing) = refreshed(catalog_duckflight), refreshed(catalog_pg)
    for typed in TYPED:
        document = Document(typed, len(typed) if "  " not in typed else typed.index("  ") + 1)
        offered = [sorted({c.text for c in completer.get_completions(document, None) if not _builtin(c.text)})
                   for completer in (ours, theirs)]
        assert offered[0] == offered[1], typed
    assert "orders" in {c.text for c in ours.get_completions(Document("SELECT * FROM "), None)}
    # The casing query reads the words of SQL functions' bodies: duckflight has none (worker_status
    # is internal), while PostgreSQL's stand-in is SQL (catalog_support.py); it must run all the same.
    assert our_casing == [] and "address" in their_casing
    for kind in ("tables", "views", "functions"):
        ours_meta, theirs_meta = ({schema: names for schema, names in c.dbmetadata[kind].items()
                                   if schema in ("public", "duckflight")} for c in (ours, theirs))
        assert ours_meta.keys() == theirs_meta.keys(), kind
        for schema in ours_meta:
            assert sorted(ours_meta[schema]) == sorted(theirs_meta[schema]), (kind, schema)
