"""Queries about the database itself, answered by the gateway alone.

``pg_catalog``, ``information_schema`` and the ``duckflight`` schema (e.g.
``duckflight.workers``) describe the cluster, not the data: their queries never
reach a worker. ``SystemCatalog.answers`` tells the session which queries go
here; ``run`` executes them on the gateway's DuckDB over the catalog image
(``image``), after the rewrite rules that turn PostgreSQL's catalog SQL into
DuckDB's: session functions → constants, pg_catalog functions → the image's
macros, array constants, OID alias casts, PostgreSQL-only operators, NULL
columns as text, catalog relations → image. Results show BIGINT[] as oid[]
(``oid_arrays``).
"""

from __future__ import annotations

from typing import Iterator

import duckdb
import pyarrow as pa
from sqlglot import exp
from sqlglot.optimizer.normalize_identifiers import normalize_identifiers

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.errors import from_exception
from duckflight.gateway.pgwire.backend import BoundParam, SqlError
from duckflight.gateway.planner.array_literals import array_literals
from duckflight.gateway.planner.bind_parameters import bind_parameters
from duckflight.gateway.planner.output_names import output_names
from duckflight.gateway.planner.output_types import PgColumn, output_types
from duckflight.gateway.planner.postgres_casts import postgres_casts
from duckflight.gateway.result_types import typed
from duckflight.gateway.system.functions import NAMES
from duckflight.gateway.system.image import Image
from duckflight.gateway.system.oid_arrays import oid_arrays
from duckflight.gateway.system.pg_catalog_functions import pg_catalog_functions
from duckflight.gateway.system.pg_operators import pg_operators
from duckflight.gateway.system.reg_casts import ALIASES, reg_casts, type_name
from duckflight.gateway.system.session_functions import session_functions
from duckflight.gateway.system.system_functions import system_functions
from duckflight.gateway.system.system_relations import is_worker_status, system_key, system_relations
from duckflight.gateway.system.text_nulls import text_nulls
from duckflight.worker.arrow_stream import ArrowStream
from duckflight.worker.execute import set_time_zone

BATCH_ROWS = 65_536
# Functions that read the session or the catalog: a query calling one (and no table) runs here.
SESSION_NODES = (exp.CurrentUser, exp.SessionUser, exp.CurrentSchema, exp.CurrentSchemas,
                 exp.CurrentCatalog, exp.CurrentVersion, exp.CurrentDatabase)
SESSION_NAMES = {"current_setting", "current_schemas", "current_schema", "current_database", "version",
                 "current_catalog", "session_user", "current_user"}


class SystemCatalog:
    """Runs system-catalog queries on the gateway's DuckDB."""

    def __init__(self, database: duckdb.DuckDBPyConnection, catalog: Catalog, workers=None):
        self.database = database
        self.catalog = catalog
        self.workers = workers
        self.image = Image(database, catalog, self._workers_table().schema)

    def answers(self, tree: exp.Expression) -> bool:
        """True when the query reads system relations (or functions) and no table of the catalog.

        A query joining both is refused: the image has no rows of user tables, and
        the workers have no catalog, so either side alone would answer wrongly.
        """
        ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
        system = user = False
        for table in tree.find_all(exp.Table):
            system = system or is_worker_status(table)
            if not table.name or isinstance(table.this, exp.Func) or table.name in ctes:
                continue
            if system_key(table, ctes) is not None and self.catalog.get(table.name) is None or \
                    table.db in ("pg_catalog", "information_schema", "duckflight"):
                system = True
            elif self.catalog.get(table.name) is not None:
                user = True
        if system and user:
            raise SqlError("0A000", "a query cannot read both catalog relations (pg_catalog, information_schema, "
                                    "duckflight) and tables")
        return system or (not user and _calls_system(tree))

    def to_duckdb(self, tree: exp.Expression, params: list[BoundParam] | None, settings: dict[str, str] | None = None) -> str:
        return self._translate(tree, params, settings)[0]

    def _translate(self, tree: exp.Expression, params: list[BoundParam] | None,
                   settings: dict[str, str] | None) -> tuple[str, list[PgColumn]]:
        """DuckDB SQL, and what PostgreSQL would declare for each output column."""
        tree = tree.copy()
        tree = normalize_identifiers(tree, dialect="postgres")  # unquoted names fold to lower case
        tree = pg_catalog_functions(tree)
        tree = output_names(tree)
        if params is not None:  # after naming: $1::int[] is named int4 whatever its value
            tree = bind_parameters(tree, params)
        tree = array_literals(tree)  # after naming: '{1}'::int[] is named int4 too
        declared = output_types(tree)
        tree = postgres_casts(tree)
        tree = system_functions(tree)
        tree = session_functions(tree, settings or {})
        tree = reg_casts(tree)
        tree = pg_operators(tree)
        tree = text_nulls(tree)
        tree = system_relations(tree, self.image.relations)
        return tree.sql("duckdb"), declared

    def describe(self, tree: exp.Expression, params: list[BoundParam] | None,
                 settings: dict[str, str] | None = None) -> pa.Schema:
        cursor = self._cursor(settings)
        try:
            sql, retype = typed(cursor, *self._translate(tree, params, settings))
            schema = cursor.sql(sql).limit(0).to_arrow_table().schema
            return oid_arrays(schema if retype is None else retype(schema))
        except SqlError:
            raise
        except Exception as exc:
            raise from_exception(exc) from exc
        finally:
            cursor.close()

    def run(self, tree: exp.Expression, params: list[BoundParam] | None,
            settings: dict[str, str] | None = None, running=None) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
        """Run a catalog query; ``running`` (engine.Running), if given, can interrupt it."""
        cursor = self._cursor(settings)
        if running is not None:
            running.cursor = cursor
        try:
            sql, retype = typed(cursor, *self._translate(tree, params, settings))
            reader = cursor.execute(sql).to_arrow_reader(BATCH_ROWS)
        except Exception as exc:
            cursor.close()
            if isinstance(exc, SqlError):
                raise
            raise from_exception(exc) from exc
        if retype is None:  # declared types (result_types.typed) change nothing here
            return oid_arrays(reader.schema), _stream(reader, cursor, oid_arrays)
        return oid_arrays(retype(reader.schema)), _stream(reader, cursor, lambda batch: oid_arrays(retype(batch)))

    def _cursor(self, settings: dict[str, str] | None) -> duckdb.DuckDBPyConnection:
        """A cursor with this moment's dynamic relations registered."""
        cursor = self.database.cursor()
        set_time_zone(cursor, (settings or {}).get("TimeZone", "UTC"))
        cursor.register("__duckflight_workers", ArrowStream(self._workers_table()))
        cursor.register("__pg_settings", ArrowStream(self._settings_table(settings or {})))
        return cursor

    def _workers_table(self) -> pa.Table:
        status = getattr(self.workers, "status_table", None)
        if status is not None:
            return status()
        addresses = self.workers.schedulable() if self.workers is not None else []
        return pa.table({"address": pa.array(addresses, pa.string())})

    def _settings_table(self, settings: dict[str, str]) -> pa.Table:
        rows = [{"name": name, "setting": value, "category": "duckflight", "short_desc": "", "context": "user",
                 "vartype": "string", "source": "session", "boot_val": value, "reset_val": value,
                 "pending_restart": False} for name, value in sorted(settings.items(), key=lambda kv: kv[0].lower())]
        schema = self.image.settings_schema
        columns = {f.name: pa.array([r.get(f.name) for r in rows], f.type) for f in schema}
        return pa.table(columns, schema=schema)


def _calls_system(tree: exp.Expression) -> bool:
    for node in tree.walk():
        if isinstance(node, SESSION_NODES):
            return True
        if isinstance(node, exp.Anonymous) and (node.name.lower() in NAMES or node.name.lower() in SESSION_NAMES):
            return True
        if isinstance(node, exp.Cast) and (type_name(node.to)[0] in ALIASES or type_name(node.to)[0] == "regproc"):
            return True
    return False


def _stream(reader, cursor, retype) -> Iterator[pa.RecordBatch]:
    try:
        for batch in reader:
            yield retype(batch)
    except Exception as exc:
        raise from_exception(exc) from exc
    finally:
        cursor.close()
