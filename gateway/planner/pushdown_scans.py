"""Rule: decide what every scan of a catalog table must read.

For each place a catalog table appears in a (qualified) query, the rule finds
the columns the query uses from it (including from correlated subqueries) and
the filters that may be applied while scanning it, and records them on the
table node as ``node.meta["scan"]``. The tree itself is unchanged: the final
stage still applies every filter, so a pushed filter only has to keep all the
rows the query needs, never to be the last word.

A conjunct is pushed into a table when it reads only that table's columns,
holds no subquery, aggregate, window or volatile function, and the table does
not supply NULLs to an outer join (for a LEFT JOIN's own ON clause, the joined
table's conjuncts are pushed, since they only decide which of its rows match).

>>> import sqlglot
>>> from duckflight.gateway.catalog import Catalog, Table
>>> from duckflight.gateway.planner.qualify_query import qualify_query
>>> catalog = Catalog({"t": Table("t", "parquet", [], [("a", "BIGINT"), ("b", "BIGINT"), ("c", "VARCHAR")])})
>>> tree = qualify_query(sqlglot.parse_one("select a from t where b > 1 and a < b", read="postgres"), catalog)
>>> scan = pushdown_scans(tree, catalog).find(sqlglot.exp.Table).meta["scan"]
>>> scan.columns, [f.sql() for f in scan.filters]
(['a', 'b'], ['"b" > 1', '"a" < "b"'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.planner.system_sources import gateway_only, is_gateway_table

VOLATILE = {"random", "rand", "uuid", "gen_random_uuid", "nextval", "setseed"}


@dataclass
class ScanSpec:
    """What one occurrence of a table must read."""

    table: str
    columns: list[str] = field(default_factory=list)  # in the table's column order
    filters: list[exp.Expression] = field(default_factory=list)  # unqualified columns
    splits: list | None = None  # the splits to read (see prune_splits); None: all


def pushdown_scans(expression: exp.Expression, catalog: Catalog) -> exp.Expression:
    used: dict[int, set[str]] = {}
    tables: dict[int, exp.Table] = {}
    for scope in traverse_scope(expression):
        _collect_columns(scope, catalog, used, tables)
    for scope in traverse_scope(expression):
        if isinstance(scope.expression, exp.Select):
            _push_filters(scope, catalog, tables)
    for key, table in tables.items():
        spec: ScanSpec = table.meta.setdefault("scan", ScanSpec(table.name))
        order = [name for name, _ in catalog.get(table.name).columns]
        spec.columns = [name for name in order if name in used.get(key, set())]
    return expression


def _catalog_sources(scope: Scope, catalog: Catalog) -> dict[str, exp.Table]:
    """The scope's sources that are catalog tables, by alias."""
    return {
        alias: source
        for alias, source in scope.sources.items()
        if isinstance(source, exp.Table) and catalog.get(source.name) is not None
        and not isinstance(source.this, exp.Func) and not is_gateway_table(source)
    }


def _collect_columns(scope, catalog, used, tables) -> None:
    """Attribute every column of the scope to the table it reads, if any."""
    for table in _catalog_sources(scope, catalog).values():
        tables[id(table)] = table
        used.setdefault(id(table), set())
    for column in scope.columns:
        owner = _resolve(scope, column.table, catalog)
        if owner is not None:
            tables[id(owner)] = owner
            used.setdefault(id(owner), set()).add(column.name)


def _resolve(scope: Scope | None, alias: str, catalog: Catalog) -> exp.Table | None:
    """The catalog table an alias names, looking outward for correlated columns."""
    while scope is not None and alias:
        if alias in scope.sources:
            return _catalog_sources(scope, catalog).get(alias)
        scope = scope.parent
    return None


def _push_filters(scope: Scope, catalog: Catalog, tables: dict[int, exp.Table]) -> None:
    sources = _catalog_sources(scope, catalog)
    if not sources:
        return
    nullable = _null_supplying(scope.expression)
    select = scope.expression
    where = select.args.get("where")
    candidates: list[tuple[exp.Expression, set[str]]] = []
    if where is not None:
        candidates += [(c, set(sources) - nullable) for c in conjuncts(where.this)]
    for join in select.args.get("joins") or []:
        on = join.args.get("on")
        if on is None:
            continue
        side, kind = join.side.upper(), join.kind.upper()
        joined = join.this.alias_or_name if isinstance(join.this, exp.Table) else None
        if side == "LEFT" and joined:
            allowed = {joined}
        elif not side and kind in ("", "INNER", "CROSS"):
            allowed = set(sources) - nullable
        else:
            continue
        candidates += [(c, allowed) for c in conjuncts(on)]
    for conjunct, allowed in candidates:
        alias = _single_source(conjunct)
        if alias in allowed and alias in sources and _pushable(conjunct):
            table = sources[alias]
            spec: ScanSpec = table.meta.setdefault("scan", ScanSpec(table.name))
            spec.filters.append(unqualified(conjunct))


def _null_supplying(select: exp.Select) -> set[str]:
    """Aliases whose rows an outer join may replace by NULLs."""
    nullable: set[str] = set()
    seen = [_alias(select.args.get("from_") and select.args["from_"].this)]
    for join in select.args.get("joins") or []:
        alias = _alias(join.this)
        side = join.side.upper()
        if side in ("RIGHT", "FULL"):
            nullable.update(seen)
        if side in ("LEFT", "FULL"):
            nullable.add(alias)
        seen.append(alias)
    return nullable


def _alias(node) -> str:
    return node.alias_or_name if node is not None else ""


def conjuncts(condition: exp.Expression) -> list[exp.Expression]:
    if isinstance(condition, exp.And):
        return list(condition.flatten())
    while isinstance(condition, exp.Paren) and isinstance(condition.this, exp.And):
        return conjuncts(condition.this)
    return [condition]


def _single_source(conjunct: exp.Expression) -> str | None:
    aliases = {c.table for c in conjunct.find_all(exp.Column)}
    return aliases.pop() if len(aliases) == 1 else None


def _pushable(conjunct: exp.Expression) -> bool:
    if conjunct.find(exp.Subquery, exp.Select, exp.AggFunc, exp.Window, exp.Placeholder) or gateway_only(conjunct):
        return False
    for func in conjunct.find_all(exp.Func):
        if isinstance(func, exp.Rand) or func.sql_name().lower() in VOLATILE:
            return False
        if isinstance(func, exp.Anonymous) and func.name.lower() in VOLATILE:
            return False
    return True


def unqualified(conjunct: exp.Expression) -> exp.Expression:
    copy = conjunct.copy()
    for column in copy.find_all(exp.Column):
        column.set("table", None)
    return copy
