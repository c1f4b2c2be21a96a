"""Rule: run whole query blocks on the workers, not just their scans.

A block is one SELECT whose sources are catalog tables. ``block_layout.py``
decides where its tables go: the largest read split by split and the rest
broadcast, or the large ones co-partitioned by a shuffle on their common key.
Each fragment then runs the block's joins and filters over its share, and

* aggregates its rows partially (``aggregates.py``; DISTINCT aggregates by
  sending distinct values; GROUPING SETS by the finest grain), the gateway
  merging the partials, then applying HAVING, ORDER BY and LIMIT; or
* for a block without aggregates, projects its rows and, under ORDER BY ...
  LIMIT, keeps only its own top N (the gateway sorts and limits once more).

The block in the tree is replaced by its final SELECT over the block stage's
output, with the fragment SELECT and where its tables go recorded in
``final.meta["block"]`` for ``cut_stages``. Blocks the rules cannot prove
exact are left as they are: their scans are gathered and the gateway runs
them. Blocks are considered outermost first, so the largest piece of a query
goes to the workers.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.planner.aggregates import NotMergeable, split_aggregate
from duckflight.gateway.planner.block_layout import (
    Ineligible, broadcast_layout, enclosing_select, estimated_bytes, final_parts, owner, read_in_place,
    shuffle_layout,
)
from duckflight.gateway.planner.key_filter import KeyFilter, key_filter

# A table whose projected size is at most this many bytes may be broadcast.
BROADCAST_BYTES = 64 << 20


@dataclass
class Block:
    """A SELECT that runs as fragments over the splits of one table."""

    fragment: exp.Select  # what every fragment runs; the nodes below are inside it
    partitioned: exp.Table | None  # the table read split by split (broadcast layout)
    broadcast: list[exp.Table] = field(default_factory=list)  # small tables, put on every worker
    kind: str = "aggregate"  # partials; "groups": whole groups per worker; "rows"
    top_n: int | None = None
    shuffled: list[tuple[exp.Table, str]] = field(default_factory=list)  # (table, key), co-partitioned
    key_filter: KeyFilter | None = None  # shuffles that first keep only the keys the block can use
    in_place: list[exp.Table] = field(default_factory=list)  # small tables every worker reads whole itself


def distribute_blocks(expression: exp.Expression, catalog: Catalog, broadcast_bytes: int = BROADCAST_BYTES) -> exp.Expression:
    """Replace every block that can run on the workers by its final SELECT."""
    expression, finals = _distribute_pass(expression, catalog, broadcast_bytes, None)
    while finals:
        # A final's select list, HAVING and ORDER BY run on the gateway; an
        # uncorrelated subquery there (Q11's HAVING threshold) is a block too.
        inside = {id(s) for f in finals for part in final_parts(f) for s in part.find_all(exp.Select)}
        expression, finals = _distribute_pass(expression, catalog, broadcast_bytes, inside)
    return expression


def _distribute_pass(expression: exp.Expression, catalog: Catalog, broadcast_bytes: int,
                     only: set[int] | None) -> tuple[exp.Expression, list[exp.Select]]:
    """One sweep, outermost first; ``only`` limits it to these SELECTs. Returns the finals made."""
    claimed: set[int] = set()
    finals = []
    for scope in reversed(traverse_scope(expression)):
        select = scope.expression
        if only is not None and id(select) not in only:
            continue
        if not isinstance(select, exp.Select) or id(select) in claimed or _inside_claimed(select, claimed):
            continue
        try:
            final = _distribute(scope, catalog, broadcast_bytes)
        except Ineligible:
            continue
        claimed.add(id(select))
        finals.append(final)
        if select is expression:
            expression = final
        else:
            select.replace(final)
    return expression, finals


def _inside_claimed(node: exp.Expression, claimed: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if id(parent) in claimed:
            return True
        parent = parent.parent
    return False


def _distribute(scope: Scope, catalog: Catalog, broadcast_bytes: int) -> exp.Select:
    select: exp.Select = scope.expression
    if scope.is_correlated_subquery:
        raise Ineligible("correlated")
    if select.find(exp.Window) or select.args.get("distinct") and select.args["distinct"].args.get("on"):
        raise Ineligible("window or DISTINCT ON")
    sources = _sources(scope, catalog)
    try:
        layout = broadcast_layout(select, sources, catalog, broadcast_bytes)
    except Ineligible:
        layout = shuffle_layout(select, sources, catalog, broadcast_bytes)
    placed = ([layout.split] if layout.split is not None else []) + [t for t, _ in layout.shuffled] + layout.broadcast
    for mark, table in enumerate(placed):
        table.meta["block_mark"] = mark
    if _is_aggregate(select) and _whole_groups(select, layout.shuffled):
        fragment, final, top_n = _split_grouped_block(select)
        kind = "groups"
    elif _is_aggregate(select):
        fragment, final = _split_aggregate_block(select, set(sources))
        kind, top_n = "aggregate", None
    else:
        fragment, final, top_n = _split_rows_block(select)
        kind = "rows"
    nodes = {t.meta["block_mark"]: t for t in fragment.find_all(exp.Table) if "block_mark" in t.meta}
    for table in placed:
        del table.meta["block_mark"]

    def inside(table: exp.Table) -> exp.Table:
        """The copy of ``table`` inside the fragment (found by its mark, by identity)."""
        return nodes[next(i for i, t in enumerate(placed) if t is table)]

    final.meta["block"] = Block(
        fragment,
        inside(layout.split) if layout.split is not None else None,
        [inside(t) for t in layout.broadcast if not read_in_place(t, catalog)],
        kind,
        top_n,
        [(inside(t), key) for t, key in layout.shuffled],
        key_filter(select, layout.shuffled, lambda t: estimated_bytes(t, catalog)) if layout.shuffled else None,
        [inside(t) for t in layout.broadcast if read_in_place(t, catalog)],
    )
    return final


def _sources(scope: Scope, catalog: Catalog) -> dict[str, exp.Table]:
    sources = {}
    for alias, source in scope.sources.items():
        if not isinstance(source, exp.Table) or catalog.get(source.name) is None or "scan" not in source.meta:
            raise Ineligible("a source is not a catalog table")
        sources[alias] = source
    if not sources:
        raise Ineligible("no tables")
    return sources


def _is_aggregate(select: exp.Select) -> bool:
    if select.args.get("group") is not None or select.args.get("having") is not None:
        return True
    return any(_outside_subqueries(node, select) for part in select.expressions for node in part.find_all(exp.AggFunc))


def _outside_subqueries(node: exp.Expression, root: exp.Expression) -> bool:
    parent = node.parent
    while parent is not None and parent is not root:
        if isinstance(parent, (exp.Select, exp.Subquery)):
            return False
        parent = parent.parent
    return True


def _whole_groups(select: exp.Select, shuffled: list[tuple[exp.Table, str]]) -> bool:
    """Whether the block groups by the key its tables are co-partitioned on: then
    every group's rows are on one worker, which can aggregate it completely."""
    group = select.args.get("group")
    if not shuffled or group is None or any(isinstance(g, (exp.GroupingSets, exp.Rollup, exp.Cube))
                                            for g in group.expressions):
        return False
    if select.args.get("having") is not None and select.args["having"].find(exp.Select):
        return False
    keys = {(id(t), key) for t, key in shuffled if enclosing_select(t) is select}
    tables = [t for t, _ in shuffled]
    return any(isinstance(g, exp.Column) and (table := owner(g, tables)) is not None
               and (id(table), g.name) in keys for g in group.expressions)


def _split_grouped_block(select: exp.Select) -> tuple[exp.Select, exp.Select, int | None]:
    """(fragment aggregating its whole groups, final only ordering and limiting them).

    Any aggregate works here, mergeable or not (median, string_agg, ...),
    and HAVING is decided in the fragments.
    """
    fragment, final, top_n = _split_rows_block(select)
    fragment.set("group", select.args["group"].copy())
    if select.args.get("having") is not None:
        fragment.set("having", select.args["having"].copy())
    final.set("having", None)
    return fragment, final, top_n


def _split_aggregate_block(select: exp.Select, aliases: set[str]) -> tuple[exp.Select, exp.Select]:
    """(fragment computing group keys and partials, final merging them).

    With GROUPING SETS, ROLLUP or CUBE the fragments group by every key of any
    set (the finest grain) and the final applies the sets to the merged
    partials: every set is a coarsening of the finest grain, and the
    aggregates here merge.
    """
    group = select.args.get("group")
    keys = _group_keys(group) if group is not None else []
    if any(k.find(exp.Select) for k in keys):
        raise Ineligible("a subquery in GROUP BY")
    final = select.copy()
    distinct = _distinct_argument(final)
    columns: list[exp.Expression] = []
    windows: list[tuple[str, exp.Expression]] = []
    names = (f"__p{i}" for i in itertools.count())
    if distinct is not None:
        # Every DISTINCT aggregate is over one argument: each fragment groups by
        # (keys, argument), and the final's DISTINCT aggregates run over the
        # union of those pairs. Plain aggregates beside them are partials at
        # that finer grain, which merge per group all the same.
        columns.append(exp.alias_(distinct.copy(), "__d", quoted=True))
        for node in list(final.find_all(exp.Distinct)):
            if isinstance(node.parent, exp.AggFunc) and node.expressions[0].sql() == distinct.sql():
                node.set("expressions", [exp.column("__d", quoted=True)])
        keys = keys + [distinct]
    merged: dict[str, exp.Expression] = {}
    for part in final_parts(final):
        for agg in list(part.find_all(exp.AggFunc)):
            if not _outside_subqueries(agg, final) or agg.parent is None or isinstance(agg, exp.Grouping):
                continue  # GROUPING(k) only needs its key, replaced below
            if distinct is not None and agg.find(exp.Distinct):
                continue  # already over the fragments' distinct values
            unit = agg.parent if isinstance(agg.parent, exp.Filter) else agg
            key = unit.sql()
            if key not in merged:
                try:
                    partials, merged[key] = split_aggregate(unit, lambda: next(names), windows)
                except NotMergeable as error:
                    raise Ineligible(f"not mergeable: {error}") from error
                columns += partials
            unit.replace(merged[key].copy())
    if distinct is not None:
        keys = keys[:-1]  # the argument is grouped in fragments, not a key of the final
    key_names = {k.sql(): f"__k{i}" for i, k in enumerate(keys)}
    for part in final_parts(final):
        _replace_keys(part, key_names, final)
    for part in final_parts(final):
        for column in part.find_all(exp.Column):
            if column.table in aliases and _outside_subqueries(column, final):
                raise Ineligible(f"{column.sql()} is neither grouped nor aggregated")
    fragment = exp.Select(expressions=[exp.alias_(k.copy(), key_names[k.sql()], quoted=True) for k in keys] + columns)
    _copy_source(select, fragment)
    grouped = keys + ([distinct] if distinct is not None else [])
    if grouped:
        fragment.set("group", exp.Group(expressions=[k.copy() for k in grouped]))
    final_group = group.copy() if group is not None else None
    _make_final(final)
    if final_group is not None:
        _replace_keys(final_group, key_names, final_group)
        final.set("group", final_group)
    if windows:
        if final_group is not None and any(isinstance(g, (exp.GroupingSets, exp.Rollup, exp.Cube))
                                           for g in final_group.expressions):
            raise Ineligible("variances with grouping sets")
        _with_group_windows(final, windows, list(key_names.values()))
    return fragment, final


def _with_group_windows(final: exp.Select, windows: list[tuple[str, exp.Expression]], keys: list[str]) -> None:
    """Read the partials through a SELECT adding per-group window columns."""
    extra = []
    for name, expression in windows:
        for window in expression.find_all(exp.Window):
            window.set("partition_by", [exp.column(k, quoted=True) for k in keys])
        extra.append(exp.alias_(expression, name, quoted=True))
    source = final.args["from_"].this
    inner = exp.Select(expressions=[exp.Star(), *extra]).from_(source.copy())
    wrapped = exp.Subquery(this=inner, alias=exp.TableAlias(this=exp.to_identifier("__block", quoted=True)))
    final.set("from_", exp.From(this=wrapped))


def _distinct_argument(select: exp.Select) -> exp.Expression | None:
    """The one argument of the DISTINCT aggregates, or None when there are none.

    Raises Ineligible when they have several arguments, or a FILTER.
    """
    units = [a for part in final_parts(select) for a in part.find_all(exp.AggFunc)
             if _outside_subqueries(a, select) and not isinstance(a, exp.Grouping)]
    distinct = [a.find(exp.Distinct) for a in units]
    if not any(distinct):
        return None
    arguments = {d.expressions[0].sql() for d in distinct if d is not None and len(d.expressions) == 1}
    if len(arguments) != 1 or any(d is not None and len(d.expressions) != 1 for d in distinct) or any(
            d is not None and isinstance(a.parent, exp.Filter) for a, d in zip(units, distinct)):
        raise Ineligible("DISTINCT aggregates over several arguments, or with FILTER")
    return next(d for d in distinct if d is not None).expressions[0]


def _group_keys(group: exp.Group) -> list[exp.Expression]:
    """Every key expression of a GROUP BY, inside grouping sets too, once each."""
    keys: dict[str, exp.Expression] = {}
    for item in group.expressions:
        if isinstance(item, (exp.GroupingSets, exp.Rollup, exp.Cube)):
            for member in item.expressions:
                parts = member.expressions if isinstance(member, exp.Tuple) else [member]
                for part in parts:
                    part = part.this if isinstance(part, exp.Paren) else part
                    keys.setdefault(part.sql(), part)
        else:
            keys.setdefault(item.sql(), item)
    return list(keys.values())


def _replace_keys(part: exp.Expression, key_names: dict[str, str], root: exp.Expression) -> None:
    for node in list(part.walk()):
        if node.parent is None and node is not part:
            continue  # replaced along with an ancestor
        if node.sql() in key_names and _outside_subqueries(node, root) and not isinstance(node, exp.Alias):
            node.replace(exp.column(key_names[node.sql()], quoted=True))


def _split_rows_block(select: exp.Select) -> tuple[exp.Select, exp.Select, int | None]:
    """(fragment projecting rows, final ordering and limiting them, the rows a fragment keeps)."""
    if any(e.find(exp.Select) for e in final_parts(select)):
        raise Ineligible("a subquery in the select list or ORDER BY")
    outputs = [e.unalias() if isinstance(e, exp.Alias) else e for e in select.expressions]
    by_text = {}
    fragment_columns, final_columns = [], []
    for i, (item, output) in enumerate(zip(select.expressions, outputs)):
        name = f"__c{i}"
        fragment_columns.append(exp.alias_(output.copy(), name, quoted=True))
        final_columns.append(exp.alias_(exp.column(name, quoted=True), item.alias_or_name, quoted=True))
        by_text[output.sql()] = name
        by_text[exp.column(item.alias_or_name, quoted=True).sql()] = name
    order = select.args.get("order")
    final_order = []
    for j, ordered in enumerate(order.expressions if order else []):
        key = ordered.this.sql()
        if key not in by_text:
            if select.args.get("distinct"):
                raise Ineligible("ORDER BY outside the select list of a DISTINCT")
            by_text[key] = f"__o{j}"
            fragment_columns.append(exp.alias_(ordered.this.copy(), by_text[key], quoted=True))
        sort = ordered.copy()
        sort.set("this", exp.column(by_text[key], quoted=True))
        final_order.append(sort)
    fragment = exp.Select(expressions=fragment_columns, distinct=select.args.get("distinct"))
    _copy_source(select, fragment)
    top_n = _limit(select)
    if top_n is not None:
        # Each fragment keeps its own top N, or without ORDER BY any N rows
        # (then any N of all the rows are a right answer): `LIMIT 200` to
        # preview a big table moves 200 rows per worker, not the table.
        if order:
            fragment.set("order", exp.Order(expressions=[o.copy() for o in final_order]))
        fragment.set("limit", exp.Limit(expression=exp.Literal.number(top_n)))
    final = select.copy()
    final.set("expressions", final_columns)
    _make_final(final)
    if order:
        final.set("order", exp.Order(expressions=final_order))
    return fragment, final, top_n


def _limit(select: exp.Select) -> int | None:
    """LIMIT + OFFSET when both are constants: how many rows a fragment must keep."""
    limit = select.args.get("limit")
    if limit is None or not isinstance(limit.expression, exp.Literal) or limit.expression.is_string:
        return None
    offset = select.args.get("offset")
    extra = 0
    if offset is not None:
        if not isinstance(offset.expression, exp.Literal):
            return None
        extra = int(offset.expression.this)
    return int(limit.expression.this) + extra


def _copy_source(select: exp.Select, fragment: exp.Select) -> None:
    for key in ("from_", "joins", "where"):
        value = select.args.get(key)
        if value is not None:
            fragment.set(key, [v.copy() for v in value] if isinstance(value, list) else value.copy())


def _make_final(final: exp.Select) -> None:
    """The final SELECT reads the block stage's output instead of the tables."""
    output = exp.Table(this=exp.to_identifier("__block", quoted=True), alias=exp.TableAlias(this=exp.to_identifier("__block", quoted=True)))
    output.meta["block_output"] = True
    final.set("from_", exp.From(this=output))
    for key in ("joins", "where", "group"):
        final.set(key, None)
