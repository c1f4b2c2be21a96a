"""Rule: check every table and column against the catalog and qualify them.

Names follow PostgreSQL (its "Identifiers and Key Words"): unquoted ones fold
to lower case, quoted ones keep their case, and the catalog's names are spelled
as the files spell them, so a column ``IsEven`` is ``"IsEven"`` and never
``IsEven``. Tables may be written bare, as ``public.t`` or ``duckflight.public.t``; all are
the catalog table ``t``. An unknown table raises 42P01 and an unknown column
42703, with PostgreSQL's wording; a table whose files could not be read raises
the error that names the file (``Table.check_readable``). The result has every column qualified with
its source's alias and every table aliased, which the later rules rely on. SELECT DISTINCT
ordered by something outside its select list is 42P10, and an output column's alias named
in WHERE, HAVING or inside an ORDER BY expression is 42703, as in PostgreSQL (sqlglot, like
DuckDB, would read the alias).

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
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.system_sources import DATABASE, SCHEMA, is_gateway_table


def qualify_query(expression: exp.Expression, catalog: Catalog, schema=None) -> exp.Expression:
    """``schema``: sqlglot's schema when it is not the catalog's alone (``system_sources.placed``)."""
    expression = normalize_identifiers(expression, dialect="postgres")
    _check_tables(expression, catalog)
    _check_alias_references(expression, catalog, schema)
    try:
        qualified = qualify(
            expression,
            schema=schema or catalog.sqlglot_schema(),
            dialect="postgres",
            validate_qualify_columns=True,
            quote_identifiers=True,
        )
    except OptimizeError as error:
        raise _column_error(error, expression, catalog) from error
    _check_distinct_order(qualified)
    _using_in_scope(qualified)
    return qualified


def _using_in_scope(expression: exp.Expression) -> None:
    """A column a later JOIN ... USING names, in an earlier ON, is the one of the tables joined so far.

    sqlglot writes every unqualified use of a USING column as the COALESCE of its tables,
    also in the ON of a join before it, where the later table is not in scope yet.
    """
    for select in expression.find_all(exp.Select):
        source = select.args.get("from_")
        seen = {source.this.alias_or_name} if source is not None else set()
        for join in select.args.get("joins") or []:
            seen.add(join.this.alias_or_name)
            condition = join.args.get("on")
            for coalesce in list(condition.find_all(exp.Coalesce)) if condition is not None else []:
                columns = [coalesce.this, *coalesce.expressions]
                if not all(isinstance(c, exp.Column) and c.table for c in columns):
                    continue
                present = [c for c in columns if c.table in seen]
                if len(present) == 1 and len(columns) > 1:
                    coalesce.replace(present[0].copy())


def _check_alias_references(expression: exp.Expression, catalog: Catalog, schema=None) -> None:
    """An output column's alias is no name in WHERE, HAVING or an ORDER BY expression (it is
    in GROUP BY, and as a whole ORDER BY item)."""
    suspects = {c.name for select in expression.find_all(exp.Select) for c in _alias_uses(select)}
    if not suspects:
        return
    probe = expression.copy()
    for select in list(probe.find_all(exp.Select)):  # GROUP BY may name an output column: by position here
        positions = {p.alias: i for i, p in enumerate(select.expressions, 1) if isinstance(p, exp.Alias)}
        group = select.args.get("group")
        for item in group.expressions if group else []:
            if isinstance(item, exp.Column) and not item.table and item.name in positions:
                item.replace(exp.Literal.number(positions[item.name]))
        for expression_ in _order_expressions(select):  # ... and be ordered by, but not inside an expression
            select.where(exp.or_(exp.Is(this=expression_.copy(), expression=exp.Null()), exp.true()), copy=False)
    try:
        qualify(probe, schema=schema or catalog.sqlglot_schema(), dialect="postgres", validate_qualify_columns=True,
                quote_identifiers=True, expand_alias_refs=False)
    except OptimizeError as error:
        missing = _column_error(error, probe, catalog)
        name = missing.message.split('"')[1] if missing.sqlstate == "42703" else None
        if name in suspects:
            raise missing from error


def _alias_uses(select: exp.Select) -> list[exp.Column]:
    """Bare columns of WHERE, HAVING and ORDER BY expressions named like an alias that renames something."""
    renamed = {p.alias for p in select.expressions
               if isinstance(p, exp.Alias) and not (isinstance(p.this, exp.Column) and p.this.name == p.alias)}
    clauses = [select.args.get(k) for k in ("where", "having") if select.args.get(k) is not None]
    clauses += _order_expressions(select)
    return [c for clause in clauses for c in clause.find_all(exp.Column)
            if not c.table and c.name in renamed and c.find_ancestor(exp.Select) is select]


def _order_expressions(select: exp.Select) -> list[exp.Expression]:
    """ORDER BY items that are expressions, not an output column's name or position."""
    order = select.args.get("order")
    return [o.this for o in order.expressions if not isinstance(o.this, (exp.Column, exp.Literal))] if order else []


def _check_distinct_order(expression: exp.Expression) -> None:
    """PostgreSQL's transformDistinctClause: each ORDER BY of a SELECT DISTINCT is an output column."""
    for select in expression.find_all(exp.Select):
        distinct, order = select.args.get("distinct"), select.args.get("order")
        if distinct is None or distinct.args.get("on") is not None or order is None:
            continue
        aliases = {p.alias_or_name for p in select.expressions}
        outputs = {p.unalias().sql() for p in select.expressions}
        for ordered in order.expressions:
            key = ordered.this
            if isinstance(key, exp.Column) and not key.table and key.name in aliases or \
                    isinstance(key, exp.Literal) or key.sql() in outputs:
                continue
            raise SqlError("42P10", "for SELECT DISTINCT, ORDER BY expressions must appear in select list")


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
            elif isinstance(source, exp.Table) and isinstance(source.this, exp.Func):  # its alias names its columns
                alias = source.args.get("alias")
                having += alias is not None and name in [c.name for c in alias.columns]
            elif isinstance(source, exp.Table) and not is_gateway_table(source) and catalog.get(source.name) is not None:
                having += name in catalog.get(source.name).names
        if having > 1:
            return True
    return False
