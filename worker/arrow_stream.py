"""Arrow tables handed to DuckDB the cheap way.

Gateway and workers both register Arrow tables with DuckDB: stage outputs to
merge, rows put on a worker by a shuffle or broadcast, system catalog rows.
"""

from __future__ import annotations

import pyarrow as pa


class ArrowStream:
    """An Arrow table as DuckDB reads it cheapest: a fresh C stream per scan.

    Given a ``pa.Table``, DuckDB builds a pyarrow dataset scanner for every
    scan, at a fixed cost that grows with the columns: 2-3 ms for the 15
    columns of TPC-H Q1's partials, more than merging them. Through the Arrow
    PyCapsule interface it reads the batches as they are (every column; these
    tables are small or read whole), as often as the query scans them.
    """

    def __init__(self, table: pa.Table):
        self.table = table

    def __arrow_c_stream__(self, requested_schema=None):
        return self.table.__arrow_c_stream__(requested_schema)
