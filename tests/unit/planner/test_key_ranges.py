"""Co-partitioning by key ranges: when the footers allow it, and the plan it gives."""

from __future__ import annotations

from duckflight.gateway.catalog import Catalog, Table
from duckflight.gateway.planner.key_ranges import KeyRange, key_ranges
from duckflight.gateway.planner.plan import explain
from duckflight.gateway.planner.planner import parse, plan_query
from duckflight.gateway.splits import Split


def _table(name: str, key: str, bounds: list[tuple[int, int]], rows: int, key_type: str = "BIGINT",
           nulls: bool = False) -> Table:
    splits = [Split(f"/d/{name}/{i}.parquet", rows, ranges={key: b}, not_null=set() if nulls else {key})
              for i, b in enumerate(bounds)]
    return Table(name, "parquet", [s.path for s in splits], [(key, key_type), ("v", "BIGINT")],
                 row_count=rows * len(splits), splits=splits)


ORDERS = _table("orders", "o_key", [(1, 1000), (1001, 2000), (2001, 3000), (3001, 4000)], 1000)
ITEMS = _table("items", "i_key", [(1, 1000), (1001, 2000), (2001, 3000), (3001, 4000)], 4000)


def _reads(*tables: Table) -> list:
    return [(t, t.columns[0][0], t.splits) for t in tables]


def test_sorted_tables_get_one_balanced_range_per_worker():
    ranges = key_ranges(_reads(ORDERS, ITEMS), 2)
    assert ranges == [KeyRange(None, 2001), KeyRange(2001, None)]
    assert [r.condition("i_key") for r in ranges] == ['"i_key" < 2001', '"i_key" >= 2001']


def test_unsorted_splits_are_shuffled_instead():
    mixed = _table("items", "i_key", [(1, 4000)] * 4, 4000)
    assert key_ranges(_reads(ORDERS, mixed), 2) is None


def test_ranges_that_would_read_much_twice_are_refused():
    shifted = _table("items", "i_key", [(1, 1500), (1501, 3000), (3001, 4000)], 4000)
    assert key_ranges(_reads(ORDERS, shifted), 2) is not None  # one split read twice: 4/3 of a table
    straddling = _table("items", "i_key", [(1, 2500), (1500, 4000)], 4000)
    assert key_ranges(_reads(ORDERS, straddling), 2) is None


def test_null_keys_text_keys_and_one_worker_are_refused():
    assert key_ranges(_reads(ORDERS, _table("items", "i_key", [(1, 2000), (2001, 4000)], 4000, nulls=True)), 2) is None
    assert key_ranges(_reads(_table("items", "i_key", [(1, 2000), (2001, 4000)], 4000, key_type="VARCHAR")), 2) is None
    assert key_ranges(_reads(ORDERS, ITEMS), 1) is None


def _fragments(catalog: Catalog, sql: str) -> str:
    return explain(plan_query(parse(sql), catalog, ["w1:1", "w2:1"], "q", broadcast_bytes=1000))


def test_the_plan_reads_each_range_from_the_splits_that_meet_it():
    catalog = Catalog({"orders": ORDERS, "items": ITEMS})
    sql = "select o_key, count(*) from orders where exists (select 1 from items where i_key = o_key) group by o_key"
    text = _fragments(catalog, sql)
    assert "co-partitioned on orders.o_key, items.i_key by key ranges, whole groups" in text
    assert "Exchange shuffle" not in text
    # The splits fall wholly inside the ranges: nothing to cut.
    assert ("Fragment 0 on w1:1: keys i_key < 2001: /d/orders/0.parquet, /d/orders/1.parquet; "
            "/d/items/0.parquet, /d/items/1.parquet\n") in text
    assert ("Fragment 1 on w2:1: keys i_key >= 2001: /d/orders/2.parquet, /d/orders/3.parquet; "
            "/d/items/2.parquet, /d/items/3.parquet") in text


STRADDLING = _table("orders", "o_key", [(1, 1000), (1001, 1900), (1901, 2100), (2101, 3000), (3001, 4000)], 1000)


def test_rows_past_the_range_are_cut_only_when_they_could_count():
    catalog = Catalog({"orders": STRADDLING, "items": ITEMS})
    # Every row needs an item of the worker's range: an order beyond it meets nothing.
    inner = _fragments(catalog, "select count(*) from orders join items on i_key = o_key")
    assert "by key ranges" in inner and "where" not in inner.split("Fragment 0")[1]
    # A LEFT JOIN keeps every order: one read by both workers must be cut to each range.
    outer = _fragments(catalog, "select count(*), count(i_key) from orders left join items on i_key = o_key")
    assert "by key ranges" in outer
    assert '/d/orders/1.parquet, /d/orders/2.parquet where "o_key" < 2001' in outer
    assert '/d/orders/2.parquet, /d/orders/3.parquet, /d/orders/4.parquet where "o_key" >= 2001' in outer
