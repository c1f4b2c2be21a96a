"""Queries about the database itself, answered by the gateway alone.

``pg_catalog``, ``information_schema`` and the ``duckflight`` schema (e.g.
``duckflight.workers``) describe the cluster, not the data: their queries never
reach a worker. ``SystemCatalog.answers`` tells the session which queries go
here; ``run`` executes them on the gateway's DuckDB.
"""

from __future__ import annotations

from typing import Iterator

import duckdb
import pyarrow as pa
from sqlglot import exp

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.errors import from_exception
from duckflight.gateway.pgwire.backend import BoundParam
from duckflight.gateway.planner.bind_parameters import bind_parameters
from duckflight.gateway.planner.output_names import output_names

SYSTEM_SCHEMAS = {"pg_catalog", "information_schema", "duckflight"}
BATCH_ROWS = 65_536


class SystemCatalog:
    """Runs system-catalog queries on the gateway's DuckDB."""

    def __init__(self, database: duckdb.DuckDBPyConnection, catalog: Catalog):
        self.database = database
        self.catalog = catalog

    def answers(self, tree: exp.Expression) -> bool:
        """True when the query reads system relations and no table of the catalog."""
        system = False
        ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)}
        for table in tree.find_all(exp.Table):
            if not table.name or isinstance(table.this, exp.Func) or table.name in ctes:
                continue
            if table.db in SYSTEM_SCHEMAS or (not table.db and self._is_system_name(table.name)):
                system = True
            elif self.catalog.get(table.name) is not None:
                return False
        return system

    def _is_system_name(self, name: str) -> bool:
        # PostgreSQL searches pg_catalog before public, so pg_class means pg_catalog.pg_class.
        return name.startswith("pg_") and self.catalog.get(name) is None

    def to_duckdb(self, tree: exp.Expression, params: list[BoundParam] | None) -> str:
        tree = tree.copy()
        if params is not None:
            tree = bind_parameters(tree, params)
        return output_names(tree).sql("duckdb")

    def describe(self, tree: exp.Expression, params: list[BoundParam] | None) -> pa.Schema:
        cursor = self.database.cursor()
        try:
            return cursor.sql(self.to_duckdb(tree, params)).limit(0).to_arrow_table().schema
        except Exception as exc:
            raise from_exception(exc) from exc
        finally:
            cursor.close()

    def run(self, tree: exp.Expression, params: list[BoundParam] | None) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
        cursor = self.database.cursor()
        try:
            reader = cursor.execute(self.to_duckdb(tree, params)).to_arrow_reader(BATCH_ROWS)
        except Exception as exc:
            cursor.close()
            raise from_exception(exc) from exc
        return reader.schema, _stream(reader, cursor)


def _stream(reader, cursor) -> Iterator[pa.RecordBatch]:
    try:
        yield from reader
    except Exception as exc:
        raise from_exception(exc) from exc
    finally:
        cursor.close()
