"""How a distributable block's SELECT is cut in two: what each fragment runs, what the gateway finishes.

* ``split_aggregate_block``: fragments compute group keys and partial
  aggregates (``aggregates.py``; DISTINCT aggregates by grouping on their
  argument; GROUPING SETS by the finest grain); the final merges them and
  applies HAVING, ORDER BY and LIMIT.
* ``split_grouped_block``: every worker holds whole groups; fragments
  aggregate completely, the final orders and limits.
* ``split_rows_block``: fragments project rows (and keep their own top or
  first N under LIMIT); the final orders and limits once more.

The final SELECT reads the block's output relation, a table node marked
``meta["block_output"]`` that ``cut_stages`` points at the block's stage.
"""

from __future__ import annotations

import itertools

from sqlglot import exp

from duckflight.gateway.planner.aggregates import NotMergeable, split_aggregate
from duckflight.gateway.planner.block_layout import Ineligible, final_parts


def outside_subqueries(node: exp.Expression, root: exp.Expression) -> bool:
    parent = node.parent
    while parent is not None and parent is not root:
        if isinstance(parent, (exp.Select, exp.Subquery)):
            return False
        parent = parent.parent
    return True


def split_grouped_block(select: exp.Select) -> tuple[exp.Select, exp.Select, int | None]:
    """(fragment aggregating its whole groups, final only ordering and limiting them).

    Any aggregate works here, mergeable or not (median, string_agg, ...),
    and HAVING is decided in the fragments.
    """
    fragment, final, top_n = split_rows_block(select)
    fragment.set("group", select.args["group"].copy())
    if select.args.get("having") is not None:
        fragment.set("having", select.args["having"].copy())
    final.set("having", None)
    return fragment, final, top_n


def split_aggregate_block(select: exp.Select, aliases: set[str]) -> tuple[exp.Select, exp.Select]:
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
            if not outside_subqueries(agg, final) or agg.parent is None or isinstance(agg, exp.Grouping):
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
            if column.table in aliases and outside_subqueries(column, final):
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
             if outside_subqueries(a, select) and not isinstance(a, exp.Grouping)]
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
        if node.sql() in key_names and outside_subqueries(node, root) and not isinstance(node, exp.Alias):
            node.replace(exp.column(key_names[node.sql()], quoted=True))


def split_rows_block(select: exp.Select) -> tuple[exp.Select, exp.Select, int | None]:
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
        if _is_ordinal(ordered.this, len(outputs)):  # ORDER BY 2: the second output column
            ordered = ordered.copy()
            ordered.set("this", outputs[int(ordered.this.name) - 1].copy())
        key = ordered.this.sql()
        if isinstance(ordered.this, exp.Literal) and ordered.this.is_int:  # ORDER BY 2 (duckdb_names): by position
            key = f"#{ordered.this.name}"
            by_text[key] = f"__c{int(ordered.this.name) - 1}"
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


def _is_ordinal(node: exp.Expression, width: int) -> bool:
    return isinstance(node, exp.Literal) and not node.is_string and node.name.isdigit() and 1 <= int(node.name) <= width


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
