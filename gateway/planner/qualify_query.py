"""Rule: check every table and column against the catalog and qualify them.

Tables may be written bare, as ``public.t`` or ``duckflight.public.t``; all are
the catalog table ``t``. An unknown table raises 42P01 and an unknown column
42703, with PostgreSQL's wording; a table whose files could not be read raises
the error that names the file (``Table.check_readable``). The result has every column qualified with
its source's alias and every table aliased, which the later rules rely on.

>>> import sqlglot
>>> from duckflight.gateway.catalog import Catalog, Table
>>> catalog = Catalog({"t": Table("t", "parquet", [], [("a", "BIGINT")])})
>>> qualify_query(sqlglot.parse_one("select a from public.t", read="postgres"), catalog).sql()
'SELECT "t"."a" AS "a" FROM "t" AS "t"'
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.errors import OptimizeError
from sqlglot.optimizer.qualify import qualify

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.pgwire.backend import SqlError
from duckflight.gateway.planner.system_sources import DATABASE, SCHEMA, is_gateway_table



def qualify_query(expression: exp.Expression, catalog: Catalog, schema: dict | None = None) -> exp.Expression:
    """``schema``: sqlglot's schema when it is not the catalog's alone (``planner.schema``)."""
    _check_tables(expression, catalog)
    try:
        return qualify(
            expression,
            schema=schema or catalog.sqlglot_schema(),
            dialect="postgres",
            validate_qualify_columns=True,
            quote_identifiers=True,
        )
    except OptimizeError as error:
        raise _column_error(error) from error


def _check_tables(expression: exp.Expression, catalog: Catalog) -> None:
    ctes = {cte.alias_or_name for cte in expression.find_all(exp.CTE)}
    for table in expression.find_all(exp.Table):
        if not table.name or isinstance(table.this, exp.Func):
            continue  # a table function, e.g. generate_series(...)
        if not table.db and table.name in ctes or is_gateway_table(table):
            continue  # a catalog relation read on the gateway: system_sources placed it
        schema_ok = table.db in ("", SCHEMA) and table.catalog in ("", DATABASE)
        entry = catalog.get(table.name) if schema_ok else None
        if entry is None:
            shown = ".".join(p for p in (table.db, table.name) if p)
            raise SqlError("42P01", f'relation "{shown}" does not exist')
        entry.check_readable()  # a table whose file was found damaged answers with that error
        # One namespace: drop the qualifiers so sqlglot resolves it in the flat schema.
        table.set("db", None)
        table.set("catalog", None)


def _column_error(error: OptimizeError) -> SqlError:
    text = str(error)
    if "could not be resolved" in text and "'" in text:
        name = text.split("'")[1].strip('"')
        return SqlError("42703", f'column "{name}" does not exist')
    if "Unknown table" in text:
        name = text.split(":", 1)[-1].strip().strip("'\"")
        return SqlError("42P01", f'missing FROM-clause entry for table "{name}"')
    return SqlError("42601", text)
