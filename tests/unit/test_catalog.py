"""Tables from a data folder: names, formats, files and types."""

import duckdb

from duckflight.gateway.catalog import Catalog
from damaged_files import damaged_folder


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


def test_a_damaged_file_makes_its_table_fail_alone(tmp_path):
    root = damaged_folder(tmp_path)
    catalog = Catalog.from_folder(root)

    assert sorted(catalog.tables) == ["broken", "dangling", "empty", "good", "latin1", "tail"]
    assert catalog.get("good").error is None and catalog.get("good").row_count == 2000
    errors = {name: catalog.get(name).error for name in ("broken", "dangling", "empty", "latin1")}
    assert {n: e.sqlstate for n, e in errors.items()} == {
        "broken": "XX001", "dangling": "58P01", "empty": "XX001", "latin1": "22021"}
    assert errors["broken"].message == (f'could not read file "{root}/broken/b.parquet": not a Parquet file, '
                                        "or truncated (no Parquet footer at its end)")
    assert errors["dangling"].message == f'could not open file "{root}/dangling.parquet": No such file or directory'
    assert errors["empty"].message == f'could not read file "{root}/empty.parquet": too small to be a Parquet file'
    assert errors["latin1"].message == f'could not read file "{root}/latin1.csv": invalid byte sequence for encoding "UTF8"'
    # The readable file of a broken table still shows its columns (psql's \d lists them).
    assert catalog.get("broken").columns == [("i", "BIGINT"), ("s", "VARCHAR")]
    # Only readable tables go to the planner's schema.
    assert sorted(catalog.sqlglot_schema().mapping) == ["good", "tail"]


def test_files_with_different_columns_make_their_table_fail(tmp_path):
    con = duckdb.connect()
    (tmp_path / "mixed").mkdir()
    con.execute(f"copy (select 1 as a, 2 as b) to '{tmp_path}/mixed/m1.parquet'")
    con.execute(f"copy (select 1 as a) to '{tmp_path}/mixed/m2.parquet'")
    error = Catalog.from_folder(tmp_path).get("mixed").error
    assert error.sqlstate == "0A000"
    assert error.message == (f'the files of table "mixed" have different columns: "{tmp_path}/mixed/m1.parquet" '
                             f'has a, b; "{tmp_path}/mixed/m2.parquet" has a')
