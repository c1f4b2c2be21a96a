"""A row-local final query run piece by piece gives the answer of running it whole."""

import duckdb
import pyarrow as pa
import pytest
import sqlglot

from duckflight.gateway import stream_pieces
from duckflight.gateway.planner.cut_stages import row_local


@pytest.mark.parametrize("sql, local", [
    ("select a, b * 2 from s", True),
    ("select a from s where b % 3 = 0", True),
    ("select upper(c), unnest([a, b]) from s", True),
    ("select a from s order by a", False),
    ("select distinct a from s", False),
    ("select a from s limit 10", False),
    ("select a from s offset 5", False),
    ("select a from s union all select a from s", False),
])
def test_row_local(sql, local):
    assert row_local(sqlglot.parse_one(sql, read="duckdb")) is local


def stage(rows: int, batch: int) -> pa.RecordBatchReader:
    table = pa.table({"a": list(range(rows)), "b": [i % 7 for i in range(rows)],
                      "c": [f"r{i}" for i in range(rows)]})
    return pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=batch))


def test_pieces_put_end_to_end_are_the_whole_answer(monkeypatch):
    monkeypatch.setattr(stream_pieces, "PIECE_ROWS", 1000)  # many pieces, batches not aligned to them
    sql = "select a, upper(c) as c from s where b in (1, 5)"
    whole = duckdb.connect()
    whole.register("s", stage(10_000, 333).read_all())
    expected = whole.execute(sql).to_arrow_table()
    cursor = duckdb.connect()
    source = stage(10_000, 333)
    cursor.register("s", source.schema.empty_table())
    reader = stream_pieces.run_in_pieces(cursor, sql, "s", source, 512)
    assert reader.schema == expected.schema
    assert reader.read_all().to_pylist() == expected.to_pylist()


def test_an_empty_stage_gives_an_empty_answer_with_its_schema():
    cursor = duckdb.connect()
    source = stage(0, 10)
    cursor.register("s", source.schema.empty_table())
    answer = stream_pieces.run_in_pieces(cursor, "select a + 1 as n from s", "s", source, 512).read_all()
    assert answer.num_rows == 0 and answer.schema.names == ["n"]
