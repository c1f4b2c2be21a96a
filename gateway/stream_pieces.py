"""Run a row-local final query over a streamed stage a piece at a time.

DuckDB reads a registered Arrow stream as fast as it can, whatever its consumer
does: its streaming result counts only the memory it owns, and rows it reads
from Arrow are not copied but referenced. Under a client that reads slowly, the
whole stage ended up in the gateway (1.2 GB for 6 M lineitem rows). When the
final query treats each row alone (``cut_stages.row_local``: a projection and
filter of the stage), running it over pieces of the stream and putting the
answers end to end is running it whole; each piece is read only when the client
has taken the answer to the one before, so what the gateway holds is one piece
and what Flight buffers ahead of it.
"""

from __future__ import annotations

from typing import Iterator

import duckdb
import pyarrow as pa

PIECE_ROWS = 131_072  # rows of the stage run through the final query at a time


def run_in_pieces(cursor: duckdb.DuckDBPyConnection, sql: str, name: str,
                  stage: pa.RecordBatchReader, batch_rows: int) -> pa.RecordBatchReader:
    """The answer of ``sql`` (which reads the relation ``name``) over ``stage``, as a reader
    that runs it piece by piece while it is read. ``name`` must be registered (over an
    empty table of the stage's schema) so that ``sql`` binds; errors are DuckDB's."""
    schema = cursor.execute(sql).to_arrow_reader(batch_rows).schema
    return pa.RecordBatchReader.from_batches(schema, _answers(cursor, sql, name, stage, batch_rows))


def _answers(cursor, sql: str, name: str, stage: pa.RecordBatchReader, batch_rows: int) -> Iterator[pa.RecordBatch]:
    for piece in _pieces(stage):
        cursor.register(name, piece)
        yield from cursor.execute(sql).to_arrow_reader(batch_rows)
        cursor.unregister(name)  # on an early end, the registration goes with the cursor


def _pieces(stage: pa.RecordBatchReader) -> Iterator[pa.Table]:
    """The stage's batches in tables of about PIECE_ROWS rows."""
    batches, rows = [], 0
    for batch in stage:
        batches.append(batch)
        rows += batch.num_rows
        if rows >= PIECE_ROWS:
            yield pa.Table.from_batches(batches, stage.schema)
            batches, rows = [], 0
    if batches:
        yield pa.Table.from_batches(batches, stage.schema)
