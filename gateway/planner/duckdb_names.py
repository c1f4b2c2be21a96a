"""Rule: spell every name so that DuckDB, which ignores case, resolves it as PostgreSQL did.

PostgreSQL tells ``"Qty"`` from ``qty`` (its "Identifiers and Key Words": a quoted
name keeps its case, an unquoted one folds to lower case, and names that differ
only in case are different names). DuckDB keeps the case it is given but binds
names ignoring it: over ``(SELECT 5 AS "Qty", 7 AS qty) s`` it reads ``s.qty``
as ``"Qty"``. After ``qualify_query`` every column names its source and every
name is PostgreSQL's; this rule renames what DuckDB would confuse, only where no
client sees the name:

* a column of a catalog table is read by the name DuckDB gives it
  (``Table.columns``: beside ``a``, the file's ``A`` is ``A_1``);
* output names of a subquery, CTE or VALUES that differ only in case from an
  earlier one get a fresh name, and the references to them follow;
* table aliases, and CTE names, that differ only in case from another: the same.

The query's own output names stay PostgreSQL's (DuckDB returns them as written);
when two differ only in case, ORDER BY reads them by position.

>>> import sqlglot
>>> from duckflight.gateway.catalog import Catalog
>>> from duckflight.gateway.planner.qualify_query import qualify_query
>>> tree = qualify_query(sqlglot.parse_one('select "Qty", qty from (select 5 as "Qty", 7 as qty) s', read="postgres"), Catalog())
>>> duckdb_names(tree, Catalog()).sql()
'SELECT "s"."Qty" AS "Qty", "s"."qty_1" AS "qty" FROM (SELECT 5 AS "Qty", 7 AS "qty_1") AS "s"'
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.planner.system_sources import is_gateway_table


def duckdb_names(expression: exp.Expression, catalog: Catalog) -> exp.Expression:
    scopes = traverse_scope(expression)
    outputs: dict[int, dict[str, str]] = {}  # id(what names a source's columns) -> {PostgreSQL's name: DuckDB's}
    for scope in scopes:
        for source in scope.sources.values():
            names = column_names(source)
            if names is not None and id(names) not in outputs:
                outputs[id(names)] = _rename_outputs(names)
    _rename_columns(scopes, catalog, outputs)
    _rename_ctes(expression, scopes)
    _rename_aliases(expression)
    _order_by_position(expression)
    return expression


def column_names(source) -> exp.Expression | None:
    """What names a source's columns: its alias's column list (VALUES, UNNEST, table
    functions, any source given one), else the SELECT of a subquery, CTE or LATERAL."""
    node = source.expression if isinstance(source, Scope) else source
    alias = node.args.get("alias")
    if isinstance(alias, exp.TableAlias) and alias.columns:
        return alias
    return leftmost_select(node)


def _rename_outputs(names: exp.Expression) -> dict[str, str]:
    """Rename the column names that differ only in case from an earlier one; returns {old: new}."""
    if isinstance(names, exp.TableAlias):
        renames = fresh_names([c.name for c in names.columns])
        names.set("columns", [exp.to_identifier(renames.get(c.name, c.name), quoted=True) for c in names.columns])
        return renames
    renames = fresh_names([p.alias_or_name for p in names.expressions])
    if not renames:
        return {}
    names.set("expressions", [_renamed(p, renames) for p in names.expressions])
    owner = names
    while True:  # ORDER BY of the SELECT, or of set operations it leads, may read the output names
        for column in _own_order_columns(owner):
            if column.name in renames:
                column.set("this", exp.to_identifier(renames[column.name], quoted=True))
        if not (isinstance(owner.parent, exp.SetOperation) and owner.parent.this is owner):
            return renames
        owner = owner.parent


def _renamed(projection: exp.Expression, renames: dict[str, str]) -> exp.Expression:
    name = projection.alias_or_name
    if name not in renames:
        return projection
    inner = projection.unalias() if isinstance(projection, exp.Alias) else projection
    return exp.alias_(inner, renames[name], quoted=True, copy=False)


def fresh_names(names: list[str]) -> dict[str, str]:
    """{name: a fresh name} for each name that differs only in case from an earlier one."""
    taken = {n.lower() for n in names}
    first: dict[str, str] = {}
    renames: dict[str, str] = {}
    for name in names:
        if first.setdefault(name.lower(), name) != name and name not in renames:
            n = 1
            while f"{name}_{n}".lower() in taken:
                n += 1
            renames[name] = f"{name}_{n}"
            taken.add(renames[name].lower())
    return renames


def leftmost_select(node: exp.Expression) -> exp.Select | None:
    """The SELECT whose output names a query's columns have (the first of a set operation)."""
    while isinstance(node, (exp.SetOperation, exp.Subquery, exp.Lateral)):
        node = node.this
    return node if isinstance(node, exp.Select) else None


def _own_order_columns(query: exp.Expression) -> list[exp.Column]:
    """Unqualified columns of the query's own ORDER BY: references to its output names."""
    order = query.args.get("order")
    if order is None:
        return []
    return [c for c in order.find_all(exp.Column) if not c.table and c.find_ancestor(exp.Query) is query]


def _rename_columns(scopes: list[Scope], catalog: Catalog, outputs: dict[int, dict[str, str]]) -> None:
    """Point every qualified column at the name its source has in DuckDB."""
    done: set[int] = set()
    tables: dict[str, dict[str, str]] = {}
    for scope in scopes:
        for column in scope.columns:
            if id(column) in done or not column.table:
                continue
            done.add(id(column))
            source = _source(scope, column.table)
            if source is None:
                continue
            if isinstance(source, exp.Table) and not isinstance(source.this, exp.Func) and \
                    not is_gateway_table(source) and catalog.get(source.name):
                renames = tables.setdefault(source.name, catalog.get(source.name).duckdb_names())
            else:
                renames = outputs.get(id(column_names(source)), {})
            name = renames.get(column.name, column.name)
            if name != column.name:
                column.set("this", exp.to_identifier(name, quoted=True))


def _source(scope: Scope | None, alias: str):
    """What an alias names, looking outward for correlated columns (as qualification did)."""
    while scope is not None:
        if alias in scope.sources:
            return scope.sources[alias]
        scope = scope.parent
    return None


def _rename_ctes(expression: exp.Expression, scopes: list[Scope]) -> None:
    """CTE names that differ only in case (DuckDB: "Duplicate CTE name") get fresh ones."""
    ctes = list(expression.find_all(exp.CTE))
    renames = fresh_names(list(dict.fromkeys(c.alias for c in ctes)))
    if not renames:
        return
    renamed = {id(c.this): renames[c.alias] for c in ctes if c.alias in renames}
    for scope in scopes:
        for node, source in scope.selected_sources.values():
            if isinstance(node, exp.Table) and isinstance(source, Scope) and id(source.expression) in renamed:
                node.set("this", exp.to_identifier(renamed[id(source.expression)], quoted=True))
    for cte in ctes:
        if id(cte.this) in renamed:
            cte.args["alias"].set("this", exp.to_identifier(renamed[id(cte.this)], quoted=True))


def _rename_aliases(expression: exp.Expression) -> None:
    """Source aliases that differ only in case from another get fresh ones, and so do the
    columns they qualify. By spelling over the whole query: PostgreSQL resolves an alias
    by its exact spelling, so renaming every use of a spelling alike keeps what it names."""
    aliases = [a for a in expression.find_all(exp.TableAlias) if a.name and not isinstance(a.parent, exp.CTE)]
    renames = fresh_names(list(dict.fromkeys(a.name for a in aliases)))
    if not renames:
        return
    for alias in aliases:
        if alias.name in renames:
            alias.set("this", exp.to_identifier(renames[alias.name], quoted=True))
    for column in expression.find_all(exp.Column):
        if column.table in renames:
            column.set("table", exp.to_identifier(renames[column.table], quoted=True))


def _order_by_position(expression: exp.Expression) -> None:
    """The query's ORDER BY reads an output name that differs only in case from another by position."""
    select = leftmost_select(expression)
    if select is None:
        return
    names = [p.alias_or_name for p in select.expressions]
    clashing = {n for n in names if any(m != n and m.lower() == n.lower() for m in names)}
    for column in _own_order_columns(expression):
        if column.name in clashing and isinstance(column.parent, exp.Ordered):
            column.replace(exp.Literal.number(names.index(column.name) + 1))
