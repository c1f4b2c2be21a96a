"""Queries about the database itself, answered by the gateway alone.

``pg_catalog``, ``information_schema`` and the ``duckflight`` schema (e.g.
``duckflight.workers``) describe the cluster, not the data: their queries never
reach a worker. ``SystemCatalog.answers`` tells the session which queries go
here; ``run`` executes them on the gateway's DuckDB over the catalog image
(``image``), after the system pipeline's rewrite rules (``planner/rules.py`` declares them
with the planner's, in one order) turn PostgreSQL's catalog SQL into DuckDB's. Results show
BIGINT[] as oid[] (``oid_arrays``). A query that reads tables as well is the planner's: ``sources``
tells it where the catalog relations are, and the final stage reads them there.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Iterator

import duckdb
import pyarrow as pa
from sqlglot import exp

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.errors import from_exception
from duckflight.gateway.core.params import BoundParam
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner import rules
from duckflight.gateway.planner.duckdb_probe import Probe
from duckflight.gateway.planner.output_types import PgColumn
from duckflight.gateway.planner.rules import Context, Pipeline
from duckflight.gateway.result_types import typed
from duckflight.gateway.system.functions import NAMES
from duckflight.gateway.system.image import Image
from duckflight.gateway.system.oid_arrays import oid_arrays
from duckflight.gateway.system.roles import Role, catalog_roles
from duckflight.gateway.system.session_relations import (activity_table, cursors_table, enabled_roles_table,
                                                         settings_table)
from duckflight.gateway.system.session_view import SessionView
from duckflight.gateway.system.signal_functions import Signals, calls_signal
from duckflight.gateway.system.system_relations import is_worker_status, system_key
from duckflight.worker.arrow_stream import ArrowStream
from duckflight.worker.execute import set_time_zone

BATCH_ROWS = 65_536


@dataclass
class SystemSources:
    """What the planner needs to read catalog relations in a query over tables (the final stage
    runs on the gateway's DuckDB, where the image is): where each relation is, as
    ``system_relations`` takes it, and the columns of each place, as sqlglot's schema
    (catalog → schema → relation → column → DuckDB type); and the gateway's DuckDB to ask
    what only DuckDB knows (``planner/duckdb_probe.py``)."""

    relations: dict[tuple[str, str], str]
    schema: dict[str, dict[str, dict[str, dict[str, str]]]]
    probe: Probe | None = None


class SystemCatalog:
    """Runs system-catalog queries on the gateway's DuckDB."""

    def __init__(self, database: duckdb.DuckDBPyConnection, catalog: Catalog, workers=None, activity=None,
                 users=None, sessions=None):
        """``activity()``: every session's Activity (admission.py), the rows of pg_stat_activity;
        ``users``: the users file (auth.users.UserStore) whose users are the roles (None: trust mode);
        ``sessions(pid)``: the session of a pid, which pg_cancel_backend and pg_terminate_backend signal."""
        self.database = database
        self.catalog = catalog
        self.workers = workers
        self.activity = activity or (lambda: [])
        self.users = users
        self._roles_lock = threading.Lock()
        self.signals = Signals(sessions or (lambda pid: None))
        self.signals.install(database)
        self.image = Image(database, catalog, self._workers_table().schema)
        self.sources = SystemSources(self.image.relations, self._schema(), Probe(database))

    def replace(self, catalog: Catalog) -> None:
        """Describe ``catalog`` from now on (its tables changed: ``Engine.refresh_catalog``)."""
        self.image.fill(catalog)
        self.catalog = catalog

    def roles(self) -> tuple[Role, ...]:
        """The roles now (``roles.catalog_roles``): the users file's, read again when it changed,
        or in trust mode the names connected now. The image follows them at once."""
        with self._roles_lock:
            if self.users is not None:
                current = catalog_roles({name: user.role for name, user in self.users.users().items()})
            else:
                current = catalog_roles(None, [a.usename for a in self.activity()])
            if current != self.image.roles:
                self.image.fill_roles(current)
            return current

    def answers(self, tree: exp.Expression) -> bool:
        """True when the query reads system relations (or a catalog function in FROM) and no
        table of the catalog.

        A query that also reads a table goes to the planner, which keeps its catalog
        relations (``sources``) in the final stage, on the gateway; so does one that reads no
        relation at all (``select pg_typeof(avg(1))``): the planner's rules type its
        expressions as they type every query's, and its final stage calls the catalog's
        functions.
        """
        ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
        system = user = False
        for table in tree.find_all(exp.Table):
            system = system or is_worker_status(table) or _system_function(table)
            if not table.name or isinstance(table.this, exp.Func) or table.name in ctes:
                continue
            if system_key(table, ctes) is not None and self.catalog.get(table.name) is None or \
                    table.db in ("pg_catalog", "information_schema", "duckflight"):
                system = True
            elif self.catalog.get(table.name) is not None:
                user = True
        if user and calls_signal(tree):
            raise SqlError("0A000", "pg_cancel_backend and pg_terminate_backend can be called only in a query "
                                    "that reads no table (e.g. over pg_stat_activity)")
        return not user and (system or calls_signal(tree))

    def to_duckdb(self, tree: exp.Expression, params: list[BoundParam] | None, view: SessionView | None = None) -> str:
        return self._translate(tree, params, view or SessionView())[0]

    def _translate(self, tree: exp.Expression, params: list[BoundParam] | None,
                   view: SessionView, signal_key: str = "") -> tuple[str, list[PgColumn]]:
        """DuckDB SQL, and what PostgreSQL would declare for each output column; ``signal_key``:
        the key of this query's pg_cancel_backend/pg_terminate_backend calls (signal_functions)."""
        context = Context(self.catalog, view, params, sources=self.sources, signal_key=signal_key)
        tree = rules.run(Pipeline.SYSTEM, tree, context)
        return tree.sql("duckdb"), context.columns

    def describe(self, tree: exp.Expression, params: list[BoundParam] | None,
                 view: SessionView | None = None) -> pa.Schema:
        view = view or SessionView()
        cursor = self._cursor(view)
        try:
            sql, retype = typed(cursor, *self._translate(tree, params, view))
            schema = cursor.sql(sql).limit(0).to_arrow_table().schema
            return oid_arrays(schema if retype is None else retype(schema))
        except SqlError:
            raise
        except Exception as exc:
            raise from_exception(exc) from exc
        finally:
            cursor.close()

    def run(self, tree: exp.Expression, params: list[BoundParam] | None,
            view: SessionView | None = None, running=None) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
        """Run a catalog query; ``running`` (engine.Running), if given, can interrupt it."""
        view = view or SessionView()
        if calls_signal(tree):
            return self._run_signals(tree, params, view, running)
        cursor = self._cursor(view)
        if running is not None:
            running.cursor = cursor
        try:
            sql, retype = typed(cursor, *self._translate(tree, params, view))
            reader = cursor.execute(sql).to_arrow_reader(BATCH_ROWS)
        except Exception as exc:
            cursor.close()
            if isinstance(exc, SqlError):
                raise
            raise from_exception(exc) from exc
        if retype is None:  # declared types (result_types.typed) change nothing here
            return oid_arrays(reader.schema), _stream(reader, cursor, oid_arrays)
        return oid_arrays(retype(reader.schema)), _stream(reader, cursor, lambda batch: oid_arrays(retype(batch)))

    def _run_signals(self, tree: exp.Expression, params: list[BoundParam] | None, view: SessionView,
                     running) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
        """A query that calls pg_cancel_backend or pg_terminate_backend, read whole: its errors are
        the calls' own, its WARNINGs go to the client (``view.notices``) before its rows."""
        cursor = self._cursor(view)
        if running is not None:
            running.cursor = cursor
        with self.signals.call(view) as (key, call):
            try:
                sql, retype = typed(cursor, *self._translate(tree, params, view, key))
                table = cursor.execute(sql).to_arrow_table()
            except Exception as exc:
                if call.error is not None:
                    raise call.error from exc
                if running is not None and running.cancelled.is_set():  # it cancelled its own query
                    raise SqlError("57014", "canceling statement due to user request") from exc
                if isinstance(exc, SqlError):
                    raise
                raise from_exception(exc) from exc
            finally:
                cursor.close()
        view.notices.extend(call.notices)
        schema = oid_arrays(table.schema if retype is None else retype(table.schema))
        batches = [oid_arrays(b if retype is None else retype(b)) for b in table.to_batches()]
        return schema, iter(batches)

    def _cursor(self, view: SessionView) -> duckdb.DuckDBPyConnection:
        cursor = self.database.cursor()
        set_time_zone(cursor, view.settings.get("TimeZone", "UTC"))
        self.register(cursor, view)
        return cursor

    def register(self, cursor: duckdb.DuckDBPyConnection, view: SessionView | None) -> None:
        """Register this moment's and this session's relations (``image.DYNAMIC``) on a cursor."""
        view = view or SessionView()
        roles = self.roles()
        tables = {"__duckflight_workers": self._workers_table(),
                  "__pg_settings": settings_table(view, self.image.settings_schema),
                  "__pg_cursors": cursors_table(view, self.image.cursors_schema),
                  "__pg_stat_activity": activity_table(self.activity(), self.image.activity_schema, view, roles),
                  "__enabled_roles": enabled_roles_table(view, roles, self.image.enabled_roles_schema)}
        for name, table in tables.items():
            cursor.register(name, ArrowStream(table))

    def _workers_table(self) -> pa.Table:
        status = getattr(self.workers, "status_table", None)
        if status is not None:
            return status()
        addresses = self.workers.schedulable() if self.workers is not None else []
        return pa.table({"address": pa.array(addresses, pa.string())})

    def _schema(self) -> dict:
        """Every place of ``image.relations`` with its columns' DuckDB types, nested as sqlglot wants."""
        cursor = self.database.cursor()
        try:
            self.register(cursor, None)
            nested: dict = {}
            for target in self.image.relations.values():
                relation = cursor.sql(f"SELECT * FROM {target} LIMIT 0")
                catalog, schema, name = target.split(".")
                nested.setdefault(catalog, {}).setdefault(schema, {})[name] = \
                    {c: str(t) for c, t in zip(relation.columns, relation.types)}
            return nested
        finally:
            cursor.close()


def _system_function(table: exp.Table) -> bool:
    """FROM pg_get_keywords(), FROM pg_show_all_settings() ...: a relation of the catalog."""
    return isinstance(table.this, exp.Anonymous) and table.this.name.lower() in NAMES


def _stream(reader, cursor, retype) -> Iterator[pa.RecordBatch]:
    try:
        for batch in reader:
            yield retype(batch)
    except Exception as exc:
        raise from_exception(exc) from exc
    finally:
        cursor.close()
