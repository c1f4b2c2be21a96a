"""A cached plan reused for another query differs only in its fragments' query id."""

from duckflight.gateway.planner.plan import Move
from duckflight.gateway.planner.planner import parse, plan_query
from tpch_catalog import tpch_catalog
from tpch_queries import tpch_queries


def test_a_plan_for_another_query_changes_only_the_fragments_query_id():
    plan = plan_query(parse(tpch_queries()[21]), tpch_catalog(), ["w1:1", "w2:2"], "aaaaaaaaaaaa")
    again = plan.for_query("bbbbbbbbbbbb")
    moves = {x.move for x in plan.exchanges()}
    assert Move.SHUFFLE in moves and Move.BROADCAST in moves
    assert again.query_id == "bbbbbbbbbbbb"
    assert "aaaaaaaaaaaa" not in repr([(s.name, s.sql, [f.SerializeToString() for f in s.fragments])
                                       for s in again.stages]) + again.final.sql
    assert all(f.query_id == "bbbbbbbbbbbb" for s in again.stages for f in s.fragments)
    assert again.final.sql == plan.final.sql
    for old, new in zip(plan.stages, again.stages):
        assert (new.id, new.sql) == (old.id, old.sql) and new is not old
        assert [x.stage.id for x in new.inputs] == [x.stage.id for x in old.inputs]
        assert all(x.stage in again.stages for x in new.inputs)
        for a, b in zip(old.fragments, new.fragments):
            b_as_a = type(b)()
            b_as_a.CopyFrom(b)
            b_as_a.query_id = a.query_id
            assert b_as_a == a
    # The original is untouched, ready for the next run.
    assert all(f.query_id == "aaaaaaaaaaaa" for s in plan.stages for f in s.fragments)
