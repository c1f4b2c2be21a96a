"""Splits excluded by footer statistics or Hive partition values are not read."""

import duckdb
import pytest

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.planner.planner import parse, plan_query


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    root = tmp_path_factory.mktemp("prune")
    con = duckdb.connect()
    (root / "events").mkdir()
    for year in (2021, 2022, 2023):
        con.execute(f"copy (select range as id, date '{year}-01-01' + (range % 300)::int as day, "
                    f"(range * 1.5)::decimal(12,2) as amount from range({year - 2020} * 1000)) "
                    f"to '{root}/events/{year}.parquet' (row_group_size 1000)")
    for region in ("eu", "us"):
        (root / "sales" / f"region={region}").mkdir(parents=True)
        con.execute(f"copy (select range as id from range(10)) to '{root}/sales/region={region}/part.parquet'")
    (root / "big").mkdir()
    con.execute(f"copy (select range as id from range(300000)) to '{root}/big/one.parquet' (row_group_size 100000)")
    return Catalog.from_folder(root, split_rows=100_000)


def _read(catalog, sql, workers=("w1:1", "w2:2")):
    plan = plan_query(parse(sql), catalog, list(workers), "q", distribute=False)
    return [(s.path.rsplit("/", 2)[-2] + "/" + s.path.rsplit("/", 1)[-1], s.row_start, s.row_end)
            for stage in plan.stages for f in stage.fragments for scan in f.scans for s in scan.splits]


def test_footer_ranges_exclude_files(catalog):
    assert sorted(p for p, *_ in _read(catalog, "select id from events where day >= date '2023-02-01'")) == ["events/2023.parquet"]
    assert sorted(p for p, *_ in _read(catalog, "select id from events where day between '2021-03-01' and '2022-01-05'")) == [
        "events/2021.parquet", "events/2022.parquet"]
    assert len(_read(catalog, "select id from events where id in (2500, 2999)")) == 1


def test_everything_excluded_still_reads_one_split(catalog):
    assert len(_read(catalog, "select id from events where day > date '2030-01-01'")) == 1


def test_hive_partition_values_exclude_folders(catalog):
    assert "region" in catalog.get("sales").column_types()
    assert [p for p, *_ in _read(catalog, "select id from sales where region = 'us'")] == ["region=us/part.parquet"]


def test_a_large_file_is_cut_into_row_group_ranges(catalog):
    table = catalog.get("big")
    assert table.row_count == 300000
    bounds = [(s.row_start, s.row_end) for s in table.splits]
    assert len(bounds) == 3 and bounds[0][0] == 0 and bounds[-1][1] == 300000
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    plan = plan_query(parse("select count(*) from big"), catalog, ["w1:1", "w2:2"], "q", distribute=False)
    fragments = plan.stages[0].fragments
    # One fragment per worker, the file's row groups shared between them.
    assert [len(f.scans[0].splits) for f in fragments] == [2, 1]
    assert sorted((s.row_start, s.row_end) for f in fragments for s in f.scans[0].splits) == bounds
