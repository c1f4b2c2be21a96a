"""The gateway's engine: plan a query, run its fragments, finish it in DuckDB.

One ``Engine`` per gateway process holds what all sessions share: the catalog,
the worker pool, the scheduler and the DuckDB database the final stages run
in. Each query gets a fresh cursor of that database, so the stage outputs it
registers are private to it.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Iterator

import duckdb
import pyarrow as pa
from sqlglot import exp

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.errors import from_exception
from duckflight.gateway.pgwire.backend import BoundParam, SqlError
from duckflight.gateway.planner.plan import Plan, explain
from duckflight.gateway.planner.planner import plan_query
from duckflight.gateway.scheduler import Scheduler
from duckflight.gateway.system import SystemCatalog
from duckflight.gateway.workers import WorkerPool

log = logging.getLogger(__name__)

# Arrow buffers received over Flight are not 64-byte aligned; when DuckDB scans
# them through Arrow's Acero it warns once per batch. x86-64 reads unaligned
# buffers at full speed, so the warning (and a copy to realign) buys nothing.
os.environ.setdefault("ACERO_ALIGNMENT_HANDLING", "ignore")

# Rows per record batch from the final stage to the encoder.
BATCH_ROWS = 65_536


@dataclass
class Running:
    """A query in flight, so that a cancel can reach it."""

    query_id: str
    cancelled: threading.Event = field(default_factory=threading.Event)
    cursor: duckdb.DuckDBPyConnection | None = None

    def cancel(self) -> None:
        self.cancelled.set()
        if self.cursor is not None:
            try:
                self.cursor.interrupt()
            except Exception:  # the cursor may already be closed
                pass


class Engine:
    """Shared state and query execution for every session of one gateway."""

    def __init__(self, catalog: Catalog, workers: WorkerPool, scheduler: Scheduler):
        self.catalog = catalog
        self.workers = workers
        self.scheduler = scheduler
        self.database = duckdb.connect()
        self.system = SystemCatalog(self.database, catalog)

    def new_query_id(self) -> str:
        return uuid.uuid4().hex[:12]

    def plan(self, tree: exp.Expression, query_id: str, params: list[BoundParam] | None = None) -> Plan:
        plan = plan_query(tree, self.catalog, self.workers.schedulable(), query_id, params)
        if plan.stages and not self.workers.schedulable():
            raise SqlError("58000", "no worker is available to run this query")
        return plan

    def explain(self, tree: exp.Expression, params: list[BoundParam] | None = None) -> str:
        return explain(self.plan(tree, self.new_query_id(), params))

    def schema(self, plan: Plan) -> pa.Schema:
        """The result schema of a plan, found by running it over empty inputs."""
        cursor = self.database.cursor()
        try:
            for stage in plan.stages:
                cursor.register(stage.name, _empty(cursor, stage.columns))
            return cursor.sql(plan.final_sql).limit(0).to_arrow_table().schema
        except Exception as exc:
            raise from_exception(exc) from exc
        finally:
            cursor.close()

    def run(self, plan: Plan, running: Running) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
        """Run a plan; return its schema and a lazy stream of result batches."""
        started = time.monotonic()
        log.info("[query %s] final: %s", plan.query_id, plan.final_sql)
        inputs = self.scheduler.gather(plan, running.cancelled)
        cursor = self.database.cursor()
        running.cursor = cursor
        try:
            for name, table in inputs.items():
                cursor.register(name, table)
            reader = cursor.execute(plan.final_sql).to_arrow_reader(BATCH_ROWS)
        except Exception as exc:
            cursor.close()
            raise from_exception(exc) from exc
        return reader.schema, _stream(plan.query_id, reader, cursor, started)

    def close(self) -> None:
        self.scheduler.close()
        self.workers.close()
        self.database.close()


def _empty(cursor: duckdb.DuckDBPyConnection, columns: list[tuple[str, str]]) -> pa.Table:
    select = ", ".join(f'CAST(NULL AS {t}) AS "{n}"' for n, t in columns)
    return cursor.sql(f"SELECT {select} LIMIT 0").to_arrow_table()


def _stream(query_id, reader: pa.RecordBatchReader, cursor, started) -> Iterator[pa.RecordBatch]:
    rows = 0
    try:
        for batch in reader:
            rows += batch.num_rows
            yield batch
    except Exception as exc:
        raise from_exception(exc) from exc
    finally:
        cursor.close()
        log.info("[query %s] done: %d rows in %.3fs", query_id, rows, time.monotonic() - started)
