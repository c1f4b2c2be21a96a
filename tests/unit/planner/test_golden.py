"""Golden cases for the planner: input query → scan fragment SQL + final SQL.

Each case in ``golden/*.sql`` is a block::

    -- case: <name>
    <input SQL, Postgres dialect>
    -- stage <n> <scan|block> <table> <exchange> [reads <stage names>] [whole <tables every worker reads whole>]
    <SQL every fragment of that stage runs>
    -- final
    <SQL the gateway runs over the stage outputs>

Files named ``*.scans.sql`` are planned with block distribution off, to pin
what the scan rules alone do. Set DUCKFLIGHT_UPDATE_GOLDEN=1 to rewrite the expected parts from the planner
(then read the diff before committing it).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from duckflight.gateway.catalog import Catalog, Table
from duckflight.gateway.planner.plan import Read
from duckflight.gateway.planner.planner import parse, plan_query
from duckflight.gateway.system.system_catalog import SystemSources
from duckflight.gateway.system.session_view import SessionView

GOLDEN = Path(__file__).parent / "golden"

CATALOG = Catalog({
    "orders": Table("orders", "parquet", ["/d/orders/1.parquet", "/d/orders/2.parquet"],
                    [("o_orderkey", "BIGINT"), ("o_custkey", "BIGINT"), ("o_total", "DECIMAL(15,2)"),
                     ("o_date", "DATE"), ("o_comment", "VARCHAR")], row_count=1_500_000),
    "customer": Table("customer", "parquet", ["/d/customer/1.parquet"],
                      [("c_custkey", "BIGINT"), ("c_name", "VARCHAR"), ("c_nation", "INTEGER")], row_count=150_000),
    "events": Table("events", "csv", ["/d/events.csv"], [("id", "INTEGER"), ("kind", "VARCHAR")], bytes=10_000),
    # Its files spell a column Qty and another qty, which DuckDB reads as qty_1.
    "MyTable": Table("MyTable", "parquet", ["/d/MyTable/1.parquet", "/d/MyTable/2.parquet"],
                     [("k", "BIGINT"), ("Qty", "BIGINT"), ("qty_1", "BIGINT"), ("IsEven", "BOOLEAN")],
                     row_count=1_000_000, names=["k", "Qty", "qty", "IsEven"]),
})


# Two catalog relations, as SystemCatalog.sources places them, and a session.
SOURCES = SystemSources(
    {("pg_catalog", "pg_class"): "catalog_image.pg.pg_class", ("pg_catalog", "pg_settings"): "temp.main.__pg_settings"},
    {"catalog_image": {"pg": {"pg_class": {"oid": "BIGINT", "relname": "VARCHAR", "relkind": "VARCHAR"}}},
     "temp": {"main": {"__pg_settings": {"name": "VARCHAR", "setting": "VARCHAR"}}}})
# Its clock (now(), current_date) is a constant of the plan: one instant for every case.
NOW = dt.datetime(2021, 6, 1, 2, 30, tzinfo=dt.timezone.utc)
SESSION = SessionView({"session_authorization": "ann", "TimeZone": "UTC"}, backend_pid=4242,
                      transaction_start=NOW, statement_start=NOW)


def load_cases(path: Path) -> list[tuple[str, str, str]]:
    """(name, input, expected text) for every case of one golden file."""
    blocks = re.split(r"^-- case: ", path.read_text(), flags=re.M)[1:]
    cases = []
    for block in blocks:
        name, rest = block.split("\n", 1)
        query, _, expected = rest.partition("\n-- ")
        cases.append((name.strip(), query.strip(), ("-- " + expected).strip() if expected else ""))
    return cases


def render(query: str, distribute: bool = True) -> str:
    plan = plan_query(parse(query), CATALOG, ["w1:1", "w2:2"], "golden", distribute=distribute, sources=SOURCES,
                      session=SESSION)
    parts = []
    moves = {x.stage.id: x.move for x in plan.exchanges()}
    for s in plan.stages:
        reads = f" reads {', '.join(x.stage.name for x in s.inputs)}" if s.inputs else ""
        whole = [r.name for r in s.reads if r.how is Read.WHOLE]
        reads += f" whole {', '.join(whole)}" if whole else ""
        parts.append(f"-- stage {s.id} {s.kind.value} {s.table} {moves[s.id].value}{reads}\n{s.sql}")
    return "\n".join(parts + [f"-- final\n{plan.final.sql}"])


CASES = [(path, *case) for path in sorted(GOLDEN.glob("*.sql")) for case in load_cases(path)]


@pytest.mark.parametrize("path,name,query,expected", CASES, ids=[f"{p.stem}:{n}" for p, n, *_ in CASES])
def test_golden(path, name, query, expected):
    actual = render(query, distribute=not path.name.endswith(".scans.sql"))
    if os.environ.get("DUCKFLIGHT_UPDATE_GOLDEN"):
        text = path.read_text()
        text = text.replace(f"-- case: {name}\n{query}\n{expected}".rstrip(), f"-- case: {name}\n{query}\n{actual}")
        path.write_text(text)
        return
    assert actual == expected


def test_every_case_has_expectations():
    assert CASES, "no golden cases found"
    for path, name, query, expected in CASES:
        assert expected.startswith("-- "), f"{path.name}:{name} has no expected plan"
