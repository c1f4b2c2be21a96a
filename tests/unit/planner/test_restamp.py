"""A cached plan reused for another query differs only in its query id."""

from duckflight.gateway.planner.plan import restamp
from duckflight.gateway.planner.planner import parse, plan_query
from tpch_catalog import tpch_catalog
from tpch_queries import tpch_queries


def test_restamp_renames_worker_tables_and_fragments_only():
    plan = plan_query(parse(tpch_queries()[21]), tpch_catalog(), ["w1:1", "w2:2"], "aaaaaaaaaaaa")
    again = restamp(plan, "bbbbbbbbbbbb")
    assert any(s.exchange == "shuffle" for s in plan.stages) and any(s.exchange == "broadcast" for s in plan.stages)
    text = repr([(s.name, s.sql, [f.SerializeToString() for f in s.fragments]) for s in again.stages]) + again.final_sql
    assert "aaaaaaaaaaaa" not in text
    assert all(f.query_id == "bbbbbbbbbbbb" for s in again.stages for f in s.fragments)
    for old, new in zip(plan.stages, again.stages):
        assert new.sql == old.sql.replace("aaaaaaaaaaaa", "bbbbbbbbbbbb")
        assert [i.id for i in new.inputs] == [i.id for i in old.inputs]
        assert all(i in again.stages for i in new.inputs)
    # The original is untouched, ready for the next run.
    assert all(f.query_id == "aaaaaaaaaaaa" for s in plan.stages for f in s.fragments)
