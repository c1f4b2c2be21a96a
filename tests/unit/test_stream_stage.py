"""Which final queries may read a gathered stage as a stream (read once, never twice)."""

import pytest

from duckflight.gateway.stream_stage import _reads_once

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
