"""node-postgres (npm ``pg`` and ``pg-cursor``) against duckflight and PostgreSQL 15.

node-postgres sends every parameter as text with no type (OID 0): a JS array as
``{"a","b"}``, a Date as local time with its offset, null as NULL, and lets the server
type each one from the statement. ``node/parameters.js`` runs the same cases on both
servers (arrays in ANY/ALL, numbers, dates, NULLs, a long IN list, an error, and
pg-cursor reading 480,914 rows in chunks of 5,000); every answer (rows as node-postgres
parses them, field type OIDs, SQLSTATEs) must be PostgreSQL's. tests/run installs the
packages with ``npm ci`` from ``node/package-lock.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from bi_support import duckflight_server, pg15_server  # noqa: F401

NODE = Path(__file__).resolve().parent / "node"


def run_cases(server) -> dict:
    url = f"postgresql://{server.user}@{server.host}:{server.port}/{server.database}"
    assert (NODE / "node_modules" / "pg").is_dir(), "node-postgres is not installed: run `npm ci` in tests/clients/node"
    proc = subprocess.run(["node", "parameters.js", url], cwd=NODE, capture_output=True, text=True, timeout=150,
                          env={**os.environ, "TZ": "UTC"}, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def answers(duckflight_server, pg15_server):
    return run_cases(duckflight_server), run_cases(pg15_server)


def case_names() -> list[str]:
    """The cases of parameters.js (each a line `  "name": [sql, params],`), and its cursor case."""
    text = (NODE / "parameters.js").read_text()
    block = text[text.index("const CASES = {"):text.index("};", text.index("const CASES = {"))]
    names = [line.split('"')[1] for line in block.splitlines() if line.startswith('  "')]
    return names + ["pg-cursor in chunks"]


@pytest.mark.parametrize("name", case_names())
def test_node_postgres_gets_postgresql_answers(name, answers):
    ours, theirs = answers
    assert ours[name] == theirs[name]


def test_the_answers_themselves(answers):
    """What the comparison relies on: the cases found rows (or PostgreSQL's error)."""
    ours, _ = answers
    assert ours["any of a JS array"]["rows"] == [["FRANCE"], ["PERU"]]
    assert ours["array with NULL and quotes"]["rows"] == [[["a,b", 'q"uote', None, "back\\slash", ""]]]
    assert ours["dates"]["rows"] == [[1923]]
    assert ours["nulls"]["rows"] == [[True, 7, None]]
    assert ours["wrong type"] == {"error": "22P02"}
    chunks = ours["pg-cursor in chunks"]
    assert chunks["total"] == 480914 and chunks["chunks"] == 97
