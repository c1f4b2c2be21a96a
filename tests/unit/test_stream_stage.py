"""Which final queries may read a gathered stage as a stream (read once, never twice)."""

import pytest
import sqlglot

from duckflight.gateway.planner.cut_stages import streamed_stage
from duckflight.gateway.planner.plan import Kind, Shape, Stage
from duckflight.protos import fragment_pb2


def _block(shape: Shape) -> Stage:
    return Stage(1, Kind.BLOCK, "", "t", shape, fragments=[fragment_pb2.Fragment()])


def _reads_once(sql: str, name: str) -> bool:
    stage = _block(Shape.ROWS)
    assert stage.name == name
    return streamed_stage(sqlglot.parse_one(sql, read="duckdb"), [stage]) == 1

ONCE = [
    'SELECT "__c0" AS "k", "__c1" AS "v" FROM "__stage_1" AS "__block"',
    'SELECT "__c0" AS "k" FROM "__stage_1" AS "__block" WHERE "__c0" > 1 ORDER BY "__c0" LIMIT 10',
    'SELECT DISTINCT "__c0" AS "k" FROM "__stage_1" AS "__block"',
]
TWICE_OR_UNSURE = [
    'SELECT "k" FROM "__stage_1" UNION SELECT "k" FROM "__stage_1"',
    'SELECT "k", COUNT(*) FROM "__stage_1" GROUP BY ROLLUP ("k")',
    'SELECT "k", SUM("v") OVER () FROM "__stage_1"',
    'SELECT "k" FROM "__stage_1" WHERE "v" > (SELECT AVG("v") FROM "__stage_1")',
    'SELECT "k" FROM "__stage_1" AS a JOIN "other" AS b ON a."k" = b."k"',
]


@pytest.mark.parametrize("sql", ONCE)
def test_plain_selects_over_the_stage_stream(sql):
    assert _reads_once(sql, "__stage_1")


@pytest.mark.parametrize("sql", TWICE_OR_UNSURE)
def test_queries_that_may_scan_it_again_do_not(sql):
    assert not _reads_once(sql, "__stage_1")


def test_partial_aggregates_and_several_stages_are_not_streamed():
    final = sqlglot.parse_one('SELECT SUM("__p0") FROM "__stage_1"', read="duckdb")
    assert streamed_stage(final, [_block(Shape.PARTIAL_AGGREGATE)]) is None
    rows = _block(Shape.ROWS)
    assert streamed_stage(sqlglot.parse_one('SELECT * FROM "__stage_1"', read="duckdb"), [rows, rows]) is None
