"""Snapshots of the distributed plans of the 22 TPC-H queries (shape, not timing).

Each ``tpch_plans/qNN.txt`` is the EXPLAIN text of the query on a fixed SF 1
catalog and two workers. A change in how the planner cuts a TPC-H query shows
up here as a diff to read. Set DUCKFLIGHT_UPDATE_GOLDEN=1 to rewrite them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from duckflight.gateway.planner.plan import explain
from duckflight.gateway.planner.planner import parse, plan_query
from tpch_catalog import tpch_catalog
from tpch_queries import tpch_queries

SNAPSHOTS = Path(__file__).parent / "tpch_plans"
QUERIES = tpch_queries()


@pytest.mark.parametrize("number", sorted(QUERIES))
def test_tpch_plan_shape(number):
    text = explain(plan_query(parse(QUERIES[number]), tpch_catalog(), ["worker-1:8815", "worker-2:8815"], "q"))
    path = SNAPSHOTS / f"q{number:02d}.txt"
    if os.environ.get("DUCKFLIGHT_UPDATE_GOLDEN"):
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text + "\n")
    assert text + "\n" == path.read_text()
