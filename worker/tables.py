"""Tables a query put on this worker (broadcasts and shuffle buckets), kept until it ends.

Broadcast and shuffle fragments append their rows to tables on the target
workers with Flight ``do_put``, under the query's id and the planner's name
for the stage's output (``__stage_3``, ``__stage_3_b0``: plan.py, relation).
The worker copies them into DuckDB tables of its database named after both
(``execute.query_table``), so the fragments' joins read native tables rather
than scanning Arrow and two queries' tables never meet; fragments of that
query read them by the planner's name (``execute.with_relations``), and the
action ``drop_query`` drops all of a query's tables when the query ends,
however it ends.
"""

from __future__ import annotations

import threading

import duckdb
import pyarrow as pa

from duckflight.worker.arrow_stream import ArrowStream
from duckflight.gateway.core.identifiers import quote_ident
from duckflight.worker.execute import query_table


class QueryTables:
    """The input tables of running queries, by query id."""

    def __init__(self, database: duckdb.DuckDBPyConnection):
        self.database = database
        self._lock = threading.Lock()
        self._names: dict[str, set[str]] = {}

    def put(self, query_id: str, name: str, table: pa.Table) -> None:
        """Add rows to table ``name`` of the query, creating it on first use.

        Every worker's fragments send their part of a bucket or a broadcast.
        """
        with self._lock:
            new = name not in self._names.get(query_id, set())
            self._names.setdefault(query_id, set()).add(name)
            cursor = self.database.cursor()
            try:
                cursor.register("__incoming", ArrowStream(table))
                if new:
                    # Created under the lock, so concurrent appends find the table.
                    cursor.execute(f"CREATE OR REPLACE TABLE {quote_ident(query_table(query_id, name))} "
                                   "AS SELECT * FROM __incoming LIMIT 0")
            finally:
                cursor.close()
        cursor = self.database.cursor()
        try:
            cursor.register("__incoming", ArrowStream(table))
            cursor.execute(f"INSERT INTO {quote_ident(query_table(query_id, name))} SELECT * FROM __incoming")
        finally:
            cursor.close()

    def drop_query(self, query_id: str) -> int:
        """Drop every table of the query; return how many there were."""
        with self._lock:
            names = self._names.pop(query_id, set())
        cursor = self.database.cursor()
        try:
            for name in names:
                cursor.execute(f"DROP TABLE IF EXISTS {quote_ident(query_table(query_id, name))}")
        finally:
            cursor.close()
        return len(names)

    def count(self) -> int:
        """Tables held now, over every running query."""
        with self._lock:
            return sum(len(names) for names in self._names.values())

    def names(self, query_id: str | None = None) -> set[str]:
        """The names of a query's tables (default: of every query)."""
        with self._lock:
            if query_id is not None:
                return set(self._names.get(query_id, set()))
            return set().union(*self._names.values()) if self._names else set()
