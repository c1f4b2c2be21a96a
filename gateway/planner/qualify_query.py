"""Rule: check every table and column against the catalog and qualify them.

Names follow PostgreSQL (its "Identifiers and Key Words"): unquoted ones fold
to lower case, quoted ones keep their case, and the catalog's names are spelled
as the files spell them, so a column ``IsEven`` is ``"IsEven"`` and never
``IsEven``. Tables may be written bare, as ``public.t`` or ``duckflight.public.t``; all are
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

import re

from sqlglot import exp
from sqlglot.errors import OptimizeError
from sqlglot.optimizer.normalize_identifiers import normalize_identifiers
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import Scope, traverse_scope

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.pgwire.backend import SqlError
from duckflight.gateway.planner.system_sources import DATABASE, SCHEMA, is_gateway_table


def qualify_query(expression: exp.Expression, catalog: Catalog, schema=None) -> exp.Expression:
    """``schema``: sqlglot's schema when it is not the catalog's alone (``system_sources.placed``)."""
    expression = normalize_identifiers(expression, dialect="postgres")
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
        raise _column_error(error, expression, catalog) from error


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
        if not table.alias:  # its alias is its name as spelled (sqlglot's would be folded to lower case)
            table.set("alias", exp.TableAlias(this=exp.to_identifier(table.name, quoted=True)))


def _column_error(error: OptimizeError, expression: exp.Expression, catalog: Catalog) -> SqlError:
    text = str(error)
    quoted = re.findall(r"'([^']*)'", text)
    if "could not be resolved for table" in text and len(quoted) >= 2:  # t.a where no source is t
        return SqlError("42P01", f'missing FROM-clause entry for table "{quoted[1]}"')
    if "could not be resolved" in text and quoted:
        name = quoted[0].strip('"')
        if _ambiguous(name, expression, catalog):
            return SqlError("42702", f'column reference "{name}" is ambiguous')
        return SqlError("42703", f'column "{name}" does not exist')
    if text.startswith("Unknown column: "):  # t.a where t has no column a
        name = text.removeprefix("Unknown column: ").strip()
        table = next((c.table for c in expression.find_all(exp.Column) if c.name == name and c.table), "")
        return SqlError("42703", f"column {table}.{name} does not exist" if table else f'column "{name}" does not exist')
    if "Unknown table" in text:
        name = text.split(":", 1)[-1].strip().strip("'\"")
        return SqlError("42P01", f'missing FROM-clause entry for table "{name}"')
    return SqlError("42601", text)


def _ambiguous(name: str, expression: exp.Expression, catalog: Catalog) -> bool:
    """Whether an unqualified column ``name`` is one that two sources of its SELECT have."""
    for scope in traverse_scope(expression):
        if not any(c.name == name and not c.table for c in scope.columns):
            continue
        having = 0
        for source in scope.selected_sources.values():
            source = source[1]
            if isinstance(source, Scope) and isinstance(source.expression, exp.Query):
                having += name in source.expression.named_selects
            elif isinstance(source, exp.Table) and not is_gateway_table(source) and catalog.get(source.name) is not None:
                having += name in catalog.get(source.name).names
        if having > 1:
            return True
    return False
