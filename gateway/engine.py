"""The gateway's engine: plan a query, run its fragments, finish it in DuckDB.

One ``Engine`` per gateway process holds what all sessions share: the catalog,
the worker pool, the scheduler and the DuckDB database the final stages run
in. Each query gets a fresh cursor of that database, so the stage outputs it
registers are private to it.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Iterator

import duckdb
import pyarrow as pa
from sqlglot import exp

from duckflight.gateway.admission import Admission
from duckflight.gateway.catalog import Catalog
from duckflight.gateway.errors import TableChanged, from_exception
from duckflight.gateway.core.params import BoundParam
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.distribute_blocks import BROADCAST_BYTES
from duckflight.gateway.planner.function_columns import probed
from duckflight.gateway.planner.plan import Kind, Plan, explain
from duckflight.gateway.planner.planner import SOURCE, plan_query
from duckflight.gateway.result_types import typed
from duckflight.gateway.scheduler import Scheduler, WorkerFault
from duckflight.gateway.stream_pieces import run_in_pieces
from duckflight.gateway.stream_stage import StageStream, stream_stage, streamable
from duckflight.gateway.system.system_catalog import SystemCatalog
from duckflight.gateway.system.session_functions import calls_session
from duckflight.gateway.system.session_view import SessionView
from duckflight.gateway.workers import WorkerPool
from duckflight.worker import degree_functions, numeric_macros
from duckflight.worker.arrow_stream import ArrowStream
from duckflight.worker.resources import Resources, memory_limit
from duckflight.gateway.core.identifiers import quote_ident
from duckflight.worker.execute import set_time_zone
from duckflight.worker.sandbox import lock_down

log = logging.getLogger(__name__)

# Plans kept for reuse (least recently used go first).
PLAN_CACHE = 256
# Rows per record batch from the final stage to the encoder.
BATCH_ROWS = 65_536


@dataclass
class _Cached:
    """A plan kept for reuse, with what was learnt from running it once."""

    plan: Plan
    schema: pa.Schema | None = None  # its result schema (Engine.schema)
    final: tuple | None = None  # its final SQL, typed (Engine._typed_final)


@dataclass
class Running:
    """A query in flight, so that a cancel can reach it."""

    query_id: str
    cancelled: threading.Event = field(default_factory=threading.Event)
    cursor: duckdb.DuckDBPyConnection | None = None
    stats: dict | None = None  # per-fragment figures, when EXPLAIN ANALYZE asks
    # Called by cancel(): e.g. telling the workers to interrupt the query's fragments.
    on_cancel: list = field(default_factory=list)

    def cancel(self) -> None:
        self.cancelled.set()
        for hook in list(self.on_cancel):
            try:
                hook()
            except Exception:  # a cancel is best effort; the query still ends with 57014
                log.warning("[query %s] cancel hook failed", self.query_id, exc_info=True)
        if self.cursor is not None:
            try:
                self.cursor.interrupt()
            except Exception:  # the cursor may already be closed
                pass


class Engine:
    """Shared state and query execution for every session of one gateway."""

    def __init__(self, catalog: Catalog, workers: WorkerPool, scheduler: Scheduler, *,
                 broadcast_limit: int = BROADCAST_BYTES, resources: Resources | None = None,
                 session_defaults: dict[str, str] | None = None, admission: Admission | None = None,
                 users=None):
        """``session_defaults``: settings every session starts with (e.g. statement_timeout);
        ``admission``: connection and query caps (default: PostgreSQL's 100 connections);
        ``users``: the users file (auth.users.UserStore), whose users are the catalog's roles."""
        self.catalog = catalog
        self.admission = admission or Admission()
        self.session_defaults = {"max_connections": str(self.admission.max_connections), **(session_defaults or {})}
        self.broadcast_limit = broadcast_limit
        self.workers = workers
        self.scheduler = scheduler
        resources = resources or Resources("gateway", memory_limit(None, "gateway"))
        self.database = duckdb.connect(config=resources.duckdb_config())
        numeric_macros.install(self.database)  # the final stage computes PostgreSQL's numeric too
        degree_functions.install(self.database)  # sind, cosd, ... as PostgreSQL has them
        # Plans by (query text, parameter values, workers): BI tools and drivers
        # run the same statements again and again, and planning costs 10-30 ms.
        self._plans: OrderedDict = OrderedDict()
        self._plans_lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._streams: weakref.WeakSet = weakref.WeakSet()  # streamed stages still open (close cancels them)
        self.system = SystemCatalog(self.database, catalog, workers, self.admission.activity, users,
                                    self.admission.backend)
        # Last, once its own setup is done: its DuckDB reads the data folder's files only.
        lock_down(self.database, [str(catalog.root)] if catalog.root is not None else [])

    def refresh_catalog(self) -> bool:
        """Read the data folder again (``Catalog.from_folder``, re-reading only the tables
        whose files changed); True when its tables changed. The new catalog, its image
        and an empty plan cache replace the old at once; queries already planned keep
        the files they were planned over (``worker/file_versions.py``)."""
        with self._refresh_lock:
            old = self.catalog
            if old.root is None:
                return False
            new = Catalog.from_folder(old.root, old.split_rows, previous=old)
            if new.entries == old.entries:
                return False
            self.system.replace(new)  # first: a table a query can read is listed in pg_class
            self.catalog = new
            with self._plans_lock:
                self._plans.clear()
        added, removed = sorted(set(new.tables) - set(old.tables)), sorted(set(old.tables) - set(new.tables))
        changed = sorted(name for name in set(new.tables) & set(old.tables) if new.tables[name] is not old.tables[name])
        log.info("tables changed in %s: added %s, removed %s, files changed %s", old.root,
                 ", ".join(added) or "none", ", ".join(removed) or "none", ", ".join(changed) or "none")
        return True

    def new_query_id(self) -> str:
        return uuid.uuid4().hex[:12]

    def plan(self, tree: exp.Expression, query_id: str, params: list[BoundParam] | None = None,
             view: SessionView | None = None) -> Plan:
        """The query's plan for the workers schedulable now, from the cache when
        the same query (text and parameter values) was planned for them before,
        in the same TimeZone and role. ``view`` is the session's: its values are constants
        of the plan when the query calls a session function, and then part of the
        cache key; a plan holding the session's clock is not kept."""
        workers = self.workers.schedulable()
        view = view or SessionView()
        text = tree.meta.get(SOURCE) or tree.sql()
        session = (tuple(sorted(view.settings.items())), view.backend_pid) if calls_session(tree) else None
        values = tuple((p.oid, repr(p.value)) for p in params or ())
        catalog = self.catalog  # one version of the tables for the whole plan
        key = (text, values, tuple(workers), session, view.settings.get("TimeZone", "UTC"), catalog.version,
               view.role)  # an admin's plan may read files a reader's may not
        cached = self._cached(key)
        if cached is not None:
            plan = cached.plan.for_query(query_id)
        else:
            plan = plan_query(tree, catalog, workers, query_id, params, broadcast_bytes=self.broadcast_limit,
                              sources=self.system.sources, session=view)
            plan.catalog = catalog
            if log.isEnabledFor(logging.DEBUG):
                log.debug("[query %s] plan:\n%s", query_id, explain(plan))
            if plan.reads_clock or probed(tree):
                key = None  # its clock is this statement's, its files' columns are theirs now: not kept
            else:
                with self._plans_lock:
                    self._plans[key] = _Cached(plan)
                    while len(self._plans) > PLAN_CACHE:
                        self._plans.popitem(last=False)
        if plan.stages and not workers:
            raise SqlError("58000", "no worker is available to run this query")
        plan.cache_key = key
        return plan

    def _cached(self, key) -> "_Cached | None":
        with self._plans_lock:
            cached = self._plans.get(key)
            if cached is not None:
                self._plans.move_to_end(key)
            return cached

    def explain(self, tree: exp.Expression, params: list[BoundParam] | None = None,
                view: SessionView | None = None) -> str:
        return explain(self.plan(tree, self.new_query_id(), params, view))

    def explain_analyze(self, tree: exp.Expression, params: list[BoundParam] | None, running: Running,
                        view: SessionView | None = None) -> str:
        """Run the query, drop its rows, and show the plan with what each fragment did."""
        plan = self.plan(tree, running.query_id, params, view)
        running.stats = {}
        started = time.monotonic()
        _, batches = self.run(plan, running, stream=False, view=view)  # every fragment measured whole
        rows = sum(batch.num_rows for batch in batches)
        elapsed = time.monotonic() - started
        return explain(plan, running.stats) + f"\nExecution: {rows} rows in {elapsed:.3f}s"

    def schema(self, plan: Plan) -> pa.Schema:
        """The result schema of a plan, found by running it over empty inputs (once per cached plan)."""
        cached = self._cached(plan.cache_key)
        if cached is not None and cached.schema is not None:
            return cached.schema
        schema = self._schema(plan)
        if cached is not None:
            cached.schema = schema
        return schema

    def _schema(self, plan: Plan) -> pa.Schema:
        cursor = self.database.cursor()
        try:
            set_time_zone(cursor, plan.time_zone)
            if plan.reads_catalog:
                self.system.register(cursor, None)
            for wave in plan.waves():
                for stage in wave:
                    cursor.register(stage.name, self._empty_output(cursor, stage, plan.catalog or self.catalog))
            sql, retype = typed(cursor, plan.final.sql, plan.output_types)
            schema = cursor.sql(sql).limit(0).to_arrow_table().schema
            return schema if retype is None else retype(schema)
        except Exception as exc:
            raise from_exception(exc) from exc
        finally:
            cursor.close()

    def _empty_output(self, cursor: duckdb.DuckDBPyConnection, stage, catalog: Catalog) -> pa.Table:
        if stage.kind is Kind.SCAN:
            return _empty(cursor, stage.columns)
        # A block reads the relations its fragments bind to splits (its table, tables every
        # worker reads whole, tables cut by key ranges) and the stages already registered.
        tables = {path: table for table in catalog.tables.values() for path in table.files}
        scans = stage.fragments[0].scans if stage.fragments else []
        relations = {scan.name: tables[scan.splits[0].path] for scan in scans if scan.splits} or \
            {stage.table: catalog.get(stage.table)}
        for name, table in relations.items():
            cursor.register(name, _empty(cursor, table.columns))
        try:
            return cursor.sql(stage.sql).limit(0).to_arrow_table()
        finally:
            for name in relations:
                cursor.unregister(name)

    def run(self, plan: Plan, running: Running, replan=None, stream: bool = True,
            view: SessionView | None = None) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
        """Run a plan; return its schema and a lazy stream of result batches.

        ``replan()`` makes the same query's plan for the workers schedulable
        then: when a worker is lost while rows sit on workers (broadcast,
        shuffle), the whole plan runs once more without it. A plan of one
        stage of rows streams them through the final query (``stream_stage``).
        A plan that reads the catalog image reads the session's relations from ``view``.
        """
        started = time.monotonic()
        plan, inputs = self._execute(plan, running, replan, stream)
        cursor = self.database.cursor()
        running.cursor = cursor
        try:
            if running.cancelled.is_set():  # cancelled between the fragments and now
                raise SqlError("57014", "canceling statement due to user request")
            set_time_zone(cursor, plan.time_zone)
            pieces = _piecewise(plan, inputs)
            load_inputs(cursor, {**inputs, **pieces})
            # Gathered tables are in DuckDB now (copied, or registered and held there): let go
            # of them here, so the gateway holds them once, not twice (gather_budget.py).
            inputs = {name: value for name, value in inputs.items() if isinstance(value, StageStream)}
            if plan.reads_catalog:
                self.system.register(cursor, view)
            sql, retype = self._typed_final(plan, cursor)
            if pieces:  # a row-local final query over a stream: run it a piece at a time
                (name, _), = pieces.items()
                reader = run_in_pieces(cursor, sql, name, inputs[name].reader, BATCH_ROWS)
            else:
                reader = cursor.execute(sql).to_arrow_reader(BATCH_ROWS)
        except Exception as exc:
            cursor.close()
            raise _failure(inputs, exc) from exc
        batches = _stream(plan.query_id, reader, cursor, started, lambda exc: _failure(inputs, exc))
        if retype is None:
            return reader.schema, batches
        return retype(reader.schema), (retype(batch) for batch in batches)

    def _typed_final(self, plan: Plan, cursor: duckdb.DuckDBPyConnection) -> tuple[str, object]:
        """The final SQL to run and its re-typing (``result_types.typed``), once per
        cached plan: it binds the SQL, which costs as much as running it over partials."""
        cached = self._cached(plan.cache_key)
        if cached is not None and cached.final is not None:
            return cached.final
        final = typed(cursor, plan.final.sql, plan.output_types)
        if cached is not None:
            cached.final = final
        return final

    def _execute(self, plan: Plan, running: Running, replan, stream: bool) -> tuple[Plan, dict]:
        """The plan run and its gathered outputs by stage name: tables, or for a streamed
        stage a reader. It runs again, planned anew by ``replan()``, when a worker is lost
        while rows sit on workers (once, see ``run``), and when a worker finds a file
        removed or rewritten since the plan (``errors.TableChanged``, 3 times: the catalog is
        read again first, so the query reads the folder as it now is, and all of it)."""
        lost = changed = 0
        while True:
            log.debug("[query %s] final: %s", plan.query_id, plan.final.sql)
            if plan.stages:
                running.on_cancel.append(lambda query_id=plan.query_id: self.scheduler.cancel(query_id))
            single = streamable(plan) if stream else None
            try:
                if single is not None:  # no rows sit on workers: a lost worker's fragment moves alone
                    stream = stream_stage(self.scheduler, plan, single, running.cancelled)
                    self._streams.add(stream)
                    return plan, {single.name: stream}
                return plan, self.scheduler.execute(plan, running.cancelled, running.stats)
            except TableChanged as change:
                changed += 1
                if changed > 3 or replan is None:
                    raise
                log.info("[query %s] %s; planning it again over the files as they are now", plan.query_id,
                         change.message)
                self.refresh_catalog()
            except WorkerFault as fault:
                lost += 1
                if lost > 1 or replan is None or not plan.moves_rows_between_workers():
                    raise
                log.warning("[query %s] %s; running the query again on the workers left", plan.query_id, fault.message)
            plan = replan()

    def close(self) -> None:
        for stream in list(self._streams):  # open cursors' streams: their workers can stop
            stream.cancel()
        self.scheduler.close()
        self.workers.close()
        self.database.close()


# Gathered inputs of at most this many rows are read as Arrow, not copied.
REGISTER_ROWS = 10_000


def load_inputs(cursor: duckdb.DuckDBPyConnection, inputs: dict[str, "pa.Table | StageStream"]) -> None:
    """Copy the gathered stage outputs into temporary tables of this cursor.

    DuckDB orders joins by the statistics of what it scans; over registered
    Arrow it has next to none, and a many-way final join (TPC-DS Q64) can then
    explode past memory and disk. Its own tables carry statistics, and the
    copy costs little next to moving the rows here, except for a handful of
    rows (partial aggregates), which are read as Arrow. Temporary tables and
    registrations belong to the cursor's connection and go away with it.
    """
    for name, table in inputs.items():
        if isinstance(table, StageStream):  # streamed: read once, as it comes
            cursor.register(name, table.reader)
        elif table.num_rows <= REGISTER_ROWS:  # too small for statistics to matter: no copy
            cursor.register(name, ArrowStream(table))
        else:
            cursor.register("__incoming", ArrowStream(table))
            cursor.execute(f'CREATE TEMP TABLE "{name}" AS SELECT * FROM __incoming')
            cursor.unregister("__incoming")


def _piecewise(plan: Plan, inputs: dict) -> dict[str, pa.Table]:
    """{name: an empty table of its schema} for the streamed input a row-local final query
    reads piece by piece (stream_pieces.py); empty when it reads its inputs whole."""
    return {name: value.reader.schema.empty_table() for name, value in inputs.items()
            if plan.in_pieces and isinstance(value, StageStream)}


def _empty(cursor: duckdb.DuckDBPyConnection, columns: list[tuple[str, str]]) -> pa.Table:
    select = ", ".join(f"CAST(NULL AS {t}) AS {quote_ident(n)}" for n, t in columns)
    return cursor.sql(f"SELECT {select} LIMIT 0").to_arrow_table()


def _failure(inputs: dict, exc: Exception) -> Exception:
    """The query's error: a streamed stage's own failure when it caused ``exc``."""
    for value in inputs.values():
        if isinstance(value, StageStream) and value.failure is not None:
            return from_exception(value.failure)
    return from_exception(exc)


def _stream(query_id, reader: pa.RecordBatchReader, cursor, started, failure) -> Iterator[pa.RecordBatch]:
    rows = 0
    try:
        for batch in reader:
            rows += batch.num_rows
            yield batch
    except Exception as exc:
        raise failure(exc) from exc
    finally:
        cursor.close()
        log.debug("[query %s] done: %d rows in %.3fs", query_id, rows, time.monotonic() - started)
