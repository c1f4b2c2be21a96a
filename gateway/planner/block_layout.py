"""Where each table of a distributable block goes: split, broadcast or shuffled.

Two layouts, tried in this order:

* **broadcast**: the largest table is read split by split, one share per
  worker; every other table (including those of WHERE subqueries) is small
  enough to put whole on every worker.
* **co-partitioned (shuffle)**: the large tables are all joined, or correlated,
  on one class of equal columns K (``l_orderkey = o_orderkey = l2.l_orderkey``).
  Each is hash-partitioned on its K column into one bucket per worker, so rows
  that can meet meet on the same worker; the small tables are broadcast.

Either layout must leave each worker computing an exact share of the block:
no row may be matched, or left unmatched, differently than on one machine.
The checks below refuse anything they cannot prove that for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.planner.pushdown_scans import ScanSpec, conjuncts

# Bytes per value of a column type, to estimate a scan's size from its row count.
WIDTHS = {"BOOLEAN": 1, "TINYINT": 1, "SMALLINT": 2, "INTEGER": 4, "FLOAT": 4, "REAL": 4,
          "BIGINT": 8, "DOUBLE": 8, "DATE": 4, "TIMESTAMP": 8, "TIME": 8, "VARCHAR": 24}


class Ineligible(Exception):
    """The block must stay on the gateway; the message says why."""


@dataclass
class Layout:
    split: exp.Table | None = None  # the table read split by split (broadcast layout)
    shuffled: list[tuple[exp.Table, str]] = field(default_factory=list)  # (table, key column)
    broadcast: list[exp.Table] = field(default_factory=list)


def estimated_bytes(table: exp.Table, catalog: Catalog) -> int:
    entry = catalog.get(table.name)
    spec: ScanSpec = table.meta["scan"]
    types = entry.column_types()
    width = sum(WIDTHS.get(types[c].split("(")[0], 16) for c in spec.columns) or 1
    return entry.bytes if entry.row_count is None else entry.row_count * width


# Guessed share of rows a pushed condition keeps (no statistics on values yet):
# an equality keeps few, anything else (ranges, LIKE) more.
KEPT_BY_EQUALITY = 0.1
KEPT_BY_OTHER = 0.3
# A table read whole by every worker rather than broadcast when it is this
# small (bytes as read), or when its filters keep at least this share of it.
READ_IN_PLACE_BYTES = 16 << 20
READ_IN_PLACE_KEPT = 0.25


def kept_share(table: exp.Table) -> float:
    """A guess at the share of the table's rows its pushed filters keep."""
    share = 1.0
    for condition in table.meta["scan"].filters:
        share *= KEPT_BY_EQUALITY if isinstance(condition, (exp.EQ, exp.In)) else KEPT_BY_OTHER
    return share


def read_in_place(table: exp.Table, catalog: Catalog) -> bool:
    """Whether every worker should read this small table itself instead of
    receiving it: receiving a row costs more than reading it, so a broadcast
    only pays when its filters drop most of what it reads."""
    return estimated_bytes(table, catalog) <= READ_IN_PLACE_BYTES or kept_share(table) >= READ_IN_PLACE_KEPT


def broadcast_layout(select: exp.Select, sources: dict[str, exp.Table], catalog: Catalog,
                     limit: int) -> Layout:
    large_alias = max(sources, key=lambda a: estimated_bytes(sources[a], catalog))
    large = sources[large_alias]
    splits = large.meta["scan"].splits
    if len(splits if splits is not None else catalog.get(large.name).splits) < 2:
        raise Ineligible("nothing to split")
    _check_joins(select, {large_alias})
    small = [t for a, t in sources.items() if a != large_alias] + subquery_tables(select, catalog)
    for table in small:
        if table.name == large.name or estimated_bytes(table, catalog) > limit:
            raise Ineligible(f"{table.name} is too large to broadcast")
    return Layout(split=large, broadcast=small)


def shuffle_layout(select: exp.Select, sources: dict[str, exp.Table], catalog: Catalog, limit: int) -> Layout:
    """Co-partition the large tables on one class of equal columns (the first that works)."""
    reason = "the large tables are not all joined on one key"
    for layout in shuffle_layouts(select, sources, catalog, limit):
        if isinstance(layout, Layout):
            return layout
        reason = layout
    raise Ineligible(reason)


def shuffle_layouts(select: exp.Select, sources: dict[str, exp.Table], catalog: Catalog, limit: int):
    """A co-partitioned layout for each class of equal columns joining all the large
    tables, in turn; the reason (a string) in place of a class that cannot be used."""
    inner = subquery_tables(select, catalog)
    tables = list(sources.values()) + inner
    biggest = max(tables, key=lambda t: estimated_bytes(t, catalog)).name
    large = [t for t in tables if estimated_bytes(t, catalog) > limit or t.name == biggest]
    for key_class in _equal_columns(select, tables):
        if all(_key(t, key_class) for t in large):
            try:
                yield _co_partitioned(select, sources, tables, key_class, catalog, limit)
            except Ineligible as error:
                yield str(error)


def _co_partitioned(select: exp.Select, sources: dict[str, exp.Table], tables: list[exp.Table],
                    key_class, catalog: Catalog, limit: int) -> Layout:
    # Every table with a key column is shuffled on it: then each row of the
    # block is owned by exactly one worker, and what it is matched with there
    # (joins, EXISTS, IN, correlated subqueries on the key) is all on that worker.
    shuffled = [t for t in tables if _key(t, key_class)]
    own = [t for t in shuffled if any(t is s for s in sources.values())]
    if not own:
        raise Ineligible("the block reads no shuffled table itself: its rows would be on every worker")
    shuffled_aliases = {t.alias_or_name for t in own}
    _check_joins(select, shuffled_aliases)
    broadcast = [t for t in tables if all(t is not s for s in shuffled)]
    for table in broadcast:
        if estimated_bytes(table, catalog) > limit:
            raise Ineligible(f"{table.name} is too large to broadcast")
    _check_subqueries(select, tables, shuffled, key_class)
    return Layout(shuffled=[(t, _key(t, key_class)) for t in shuffled], broadcast=broadcast)


def _key(table: exp.Table, key_class: set) -> str | None:
    return next((column for node, column in key_class if node is table), None)


def _check_joins(select: exp.Select, partitioned: set[str]) -> None:
    """Refuse joins where a partitioned table's rows could go unmatched on one worker
    and matched on another (or a broadcast row be preserved on every worker)."""
    seen = [select.args["from_"].this.alias_or_name]
    for join in select.args.get("joins") or []:
        side = join.side.upper()
        alias = join.this.alias_or_name
        if side in ("FULL", "RIGHT"):
            raise Ineligible(f"{side} JOIN")
        if side == "LEFT" and alias in partitioned and not all(a in partitioned for a in seen):
            raise Ineligible("a broadcast table would be preserved by a LEFT JOIN on every worker")
        if join.args.get("using") or join.kind.upper() in ("SEMI", "ANTI", "ASOF", "POSITIONAL"):
            raise Ineligible("join kind")
        seen.append(alias)


def subquery_tables(select: exp.Select, catalog: Catalog) -> list[exp.Table]:
    """Catalog tables read by the WHERE/ON subqueries, which fragments evaluate."""
    tables: list[exp.Table] = []
    for part in _where_parts(select):
        for sub in part.find_all(exp.Select):
            for table in sub.find_all(exp.Table):
                if catalog.get(table.name) is None or "scan" not in table.meta:
                    raise Ineligible("a subquery reads something other than catalog tables")
                if all(t is not table for t in tables):  # by identity: equal-looking nodes are distinct scans
                    tables.append(table)
    for part in final_parts(select):
        if part.find(exp.Select) and _correlated_to(part, select):
            raise Ineligible("a correlated subquery outside WHERE")
    return tables


def final_parts(select: exp.Select) -> list[exp.Expression]:
    """The parts of a block the gateway evaluates: select list, HAVING, ORDER BY."""
    parts = list(select.expressions)
    for key in ("having", "order"):
        if select.args.get(key) is not None:
            parts.append(select.args[key])
    return parts


def _where_parts(select: exp.Select) -> list[exp.Expression]:
    parts = [select.args.get("where")] + [j.args.get("on") for j in select.args.get("joins") or []]
    return [p for p in parts if p is not None]


def _correlated_to(node: exp.Expression, select: exp.Select) -> bool:
    """Whether a subquery in ``node`` reads a column of ``select``'s own tables."""
    aliases = _aliases(select)
    return any(c.table in aliases and not _bound_below(c, select)
               for sub in node.find_all(exp.Select) for c in sub.find_all(exp.Column))


def _bound_below(column: exp.Column, select: exp.Select) -> bool:
    """Whether a SELECT between ``column`` and ``select`` defines the column's table
    (``select sum(x) from partsupp`` inside a block over partsupp is not correlated)."""
    node = column.parent
    while node is not None and node is not select:
        if isinstance(node, exp.Select) and node.args.get("from_") is not None and column.table in _aliases(node):
            return True
        node = node.parent
    return False


def _aliases(select: exp.Select) -> set[str]:
    return {select.args["from_"].this.alias_or_name} | {j.this.alias_or_name for j in select.args.get("joins") or []}


def owner(column: exp.Column, tables: list[exp.Table]) -> exp.Table | None:
    """The table occurrence a qualified column reads: the nearest enclosing SELECT's."""
    node = column.parent
    while node is not None:
        if isinstance(node, exp.Select):
            for table in tables:
                if table.alias_or_name == column.table and enclosing_select(table) is node:
                    return table
            if any(t.alias_or_name == column.table and enclosing_select(t) is node for t in node.find_all(exp.Table)):
                return None  # a table of this SELECT not in ``tables`` hides the outer ones of that name
        node = node.parent
    return None


def enclosing_select(node: exp.Expression) -> exp.Select | None:
    node = node.parent
    while node is not None and not isinstance(node, exp.Select):
        node = node.parent
    return node


def _identity(column: exp.Expression, tables: list[exp.Table]):
    """((id of its table, name), table) for a column of one of ``tables``, else None."""
    if not isinstance(column, exp.Column):
        return None
    table = owner(column, tables)
    return ((id(table), column.name), table) if table is not None else None


def _equal_columns(select: exp.Select, tables: list[exp.Table]) -> list[list[tuple[exp.Table, str]]]:
    """Classes of (table, column) that every row of the block has equal.

    Only conditions every row must meet count: top-level conjuncts of the
    block's WHERE and ON clauses and of its subqueries' WHERE. There
    ``a = b`` and ``a IN (SELECT b ...)`` put a and b in one class; an equality
    under OR or NOT does not. Two scans of one table are two members.
    """
    parent: dict = {}
    owners: dict = {}

    def find(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for condition in _required_conditions(select):
        if isinstance(condition, exp.EQ):
            right = condition.expression
        elif isinstance(condition, exp.In) and condition.args.get("query") is not None:
            inner = condition.args["query"].this
            right = inner.expressions[0].unalias() if isinstance(inner, exp.Select) and len(inner.expressions) == 1 else None
        else:
            continue
        a, b = _identity(condition.this, tables), _identity(right, tables)
        if a and b:
            for key, member in (a, b):
                owners[key] = member
                parent.setdefault(key, key)
            parent[find(a[0])] = find(b[0])
    classes: dict = {}
    for key, member in owners.items():
        classes.setdefault(find(key), []).append((member, key[1]))
    return list(classes.values())


def _required_conditions(select: exp.Select) -> list[exp.Expression]:
    """Top-level conjuncts of the block's WHERE/ON and of its subqueries' WHERE/ON."""
    conditions = [c for part in _where_parts(select) for c in conjuncts(part.this if isinstance(part, exp.Where) else part)]
    for part in _where_parts(select):
        for sub in part.find_all(exp.Select):
            conditions += [c for p in _where_parts(sub) for c in conjuncts(p.this if isinstance(p, exp.Where) else p)]
    return conditions


def _check_subqueries(select: exp.Select, tables: list[exp.Table], shuffled: list[exp.Table],
                      key_class: list[tuple[exp.Table, str]]) -> None:
    """A subquery over shuffled tables must find, on each worker, every row it needs.

    It does when it is correlated through the key (``inner.k = outer.k``), when
    it is an ``outer.k IN (SELECT inner.k ...)``, or when it groups by the key;
    a subquery aggregating across keys (``select avg(x) from big``) does not, nor one
    whose LIMIT, OFFSET, window or DISTINCT ON counts rows of other buckets too.
    """
    keyed = {(id(t), c) for t, c in key_class}
    for part in _where_parts(select):
        for sub in part.find_all(exp.Select):
            if not any(t is s for t in sub.find_all(exp.Table) for s in shuffled):
                continue
            if any(n is not sub for n in sub.find_all(exp.Select)):
                raise Ineligible("nested subqueries over shuffled tables")
            inside = [t for t in sub.find_all(exp.Table)]
            outer = [t for t in tables if all(t is not i for i in inside)]
            correlated_on_key = any(
                (ident := _identity(c, outer)) is not None and ident[0] in keyed for c in sub.find_all(exp.Column))
            group = sub.args.get("group")
            grouped_on_key = group is not None and any(
                (ident := _identity(g, inside)) is not None and ident[0] in keyed for g in group.expressions)
            holder = sub.parent.parent if isinstance(sub.parent, exp.Subquery) else sub.parent
            projected = sub.expressions[0].unalias() if len(sub.expressions) == 1 else None
            in_on_key = isinstance(holder, exp.In) and projected is not None and (
                (ident := _identity(projected, inside)) is not None and ident[0] in keyed)
            aggregates = sub.find(exp.AggFunc) is not None
            if aggregates and not (correlated_on_key or grouped_on_key):
                raise Ineligible("a subquery aggregates across buckets")
            distinct = sub.args.get("distinct")
            counts_rows = sub.args.get("limit") or sub.args.get("offset") or sub.find(exp.Window) or \
                distinct is not None and distinct.args.get("on") is not None
            if counts_rows and not correlated_on_key:  # LIMIT 5 of the whole table, not of each bucket
                raise Ineligible("a subquery's LIMIT, OFFSET, window or DISTINCT ON spans buckets")
            if not (correlated_on_key or in_on_key or grouped_on_key):
                raise Ineligible("a subquery over shuffled tables is not tied to the key")


def shuffled_outer(select: exp.Select, shuffled: list[exp.Table]) -> list[exp.Table]:
    """The shuffled tables of the block itself (not of its subqueries)."""
    return [t for t in shuffled if enclosing_select(t) is select]
