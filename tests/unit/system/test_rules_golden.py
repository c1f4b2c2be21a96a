"""Golden cases for the system catalog's rewrite rules: one rule, input SQL → DuckDB SQL.

Each case in ``golden/<rule>.sql`` is a block::

    -- case: <name>
    <input SQL, Postgres dialect>
    -- expected
    <the rule's output, DuckDB dialect>

Set DUCKFLIGHT_UPDATE_GOLDEN=1 to rewrite the expected parts (then read the diff).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import sqlglot

from duckflight.gateway.system.grouped_srfs import grouped_srfs
from duckflight.gateway.system.pg_catalog_functions import pg_catalog_functions
from duckflight.gateway.system.pg_operators import pg_operators
from duckflight.gateway.system.reg_casts import reg_casts
from duckflight.gateway.system.session_functions import session_functions
from duckflight.gateway.system.signal_functions import signal_functions
from duckflight.gateway.system.system_functions import system_functions
from duckflight.gateway.system.system_relations import system_relations
from duckflight.gateway.system.text_nulls import text_nulls

GOLDEN = Path(__file__).parent / "golden"
SETTINGS = {"session_authorization": "ann", "search_path": '"$user", public', "server_version": "15.6",
            "TimeZone": "UTC"}
IMAGE = {("pg_catalog", "pg_class"): "catalog_image.pg.pg_class",
         ("pg_catalog", "pg_namespace"): "catalog_image.pg.pg_namespace",
         ("information_schema", "tables"): "catalog_image.info.tables",
         ("duckflight", "workers"): "__duckflight_workers"}
RULES = {
    "pg_catalog_functions": pg_catalog_functions,
    "system_functions": system_functions,
    "session_functions": lambda tree: session_functions(tree, SETTINGS),
    "reg_casts": reg_casts,
    "pg_operators": pg_operators,
    "system_relations": lambda tree: system_relations(tree, IMAGE),
    "text_nulls": text_nulls,
    "grouped_srfs": grouped_srfs,
    "signal_functions": lambda tree: signal_functions(tree, "k"),
}


def load_cases(path: Path) -> list[tuple[str, str, str]]:
    blocks = re.split(r"^-- case: ", path.read_text(), flags=re.M)[1:]
    cases = []
    for block in blocks:
        name, rest = block.split("\n", 1)
        query, _, expected = rest.partition("\n-- expected\n")
        cases.append((name.strip(), query.strip(), expected.strip()))
    return cases


CASES = [(path, *case) for path in sorted(GOLDEN.glob("*.sql")) for case in load_cases(path)]


@pytest.mark.parametrize("path,name,query,expected", CASES, ids=[f"{p.stem}:{n}" for p, n, *_ in CASES])
def test_golden(path, name, query, expected):
    actual = RULES[path.stem](sqlglot.parse_one(query, read="postgres")).sql("duckdb")
    if os.environ.get("DUCKFLIGHT_UPDATE_GOLDEN"):
        path.write_text(path.read_text().replace(f"{query}\n-- expected\n{expected}", f"{query}\n-- expected\n{actual}"))
        return
    assert actual == expected


def test_every_rule_has_cases():
    assert {p.stem for p in GOLDEN.glob("*.sql")} == set(RULES)
