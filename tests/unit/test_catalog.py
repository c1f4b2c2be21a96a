"""Tables from a data folder: names, formats, files and types."""

import duckdb

from duckflight.gateway.catalog import Catalog


def test_folders_and_files_become_tables(tmp_path):
    con = duckdb.connect()
    (tmp_path / "sales").mkdir()
    con.execute(f"copy (select range::bigint id, 1.5::decimal(10,2) amount from range(10)) to '{tmp_path}/sales/a.parquet'")
    con.execute(f"copy (select range::bigint id, 2.5::decimal(10,2) amount from range(5)) to '{tmp_path}/sales/b.parquet'")
    con.execute(f"copy (select 1 as k, 'x|y' as v, date '2024-01-02' as d) to '{tmp_path}/things.csv' (header, delimiter ';')")
    (tmp_path / "notes.txt").write_text("ignored")
    (tmp_path / ".hidden").mkdir()

    catalog = Catalog.from_folder(tmp_path)

    assert sorted(catalog.tables) == ["sales", "things"]
    sales = catalog.get("sales")
    assert sales.format == "parquet" and len(sales.files) == 2 and sales.row_count == 15
    assert sales.columns == [("id", "BIGINT"), ("amount", "DECIMAL(10,2)")]
    things = catalog.get("things")
    assert things.format == "csv" and things.csv.delimiter == ";" and things.csv.header
    assert things.columns == [("k", "BIGINT"), ("v", "VARCHAR"), ("d", "DATE")]
