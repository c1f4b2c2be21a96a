"""Rule: run whole query blocks on the workers, not just their scans.

A block is one SELECT whose sources are catalog tables. ``block_layout.py``
decides where its tables go: the largest read split by split and the rest
broadcast (or read whole by every worker), or the large ones co-partitioned on
their common key. ``split_block.py`` cuts the SELECT into what each fragment
runs over its share (partial aggregates, whole groups, or rows with their own
top N) and the final SELECT the gateway runs over the fragments' output.

The block in the tree is replaced by its final SELECT over the block stage's
output, with the fragment SELECT and where its tables go recorded in
``final.meta["block"]`` for ``cut_stages``. Blocks the rules cannot prove
exact are left as they are: their scans are gathered and the gateway runs
them. Blocks are considered outermost first, so the largest piece of a query
goes to the workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.planner.block_layout import (
    Ineligible, Layout, broadcast_layout, enclosing_select, estimated_bytes, final_parts, owner, read_in_place,
    shuffle_layout, shuffle_layouts,
)
from duckflight.gateway.planner.key_ranges import KeyRange, ranges_for
from duckflight.gateway.planner.key_filter import KeyFilter, key_filter
from duckflight.gateway.planner.plan import Shape, TopN
from duckflight.gateway.planner.split_block import (
    outside_subqueries, split_aggregate_block, split_grouped_block, split_rows_block,
)
from duckflight.gateway.planner.system_sources import gateway_only

# A table whose projected size is at most this many bytes may be broadcast.
BROADCAST_BYTES = 64 << 20


@dataclass
class Block:
    """A SELECT that runs as fragments over the splits of one table."""

    fragment: exp.Select  # what every fragment runs; the nodes below are inside it
    partitioned: exp.Table | None  # the table read split by split (broadcast layout)
    broadcast: list[exp.Table] = field(default_factory=list)  # small tables, put on every worker
    shape: Shape = Shape.PARTIAL_AGGREGATE  # what its fragments give
    top_n: TopN | None = None  # each fragment keeps only its first rows
    shuffled: list[tuple[exp.Table, str]] = field(default_factory=list)  # (table, key), co-partitioned
    key_filter: KeyFilter | None = None  # shuffles that first keep only the keys the block can use
    in_place: list[exp.Table] = field(default_factory=list)  # small tables every worker reads whole itself
    ranges: list[KeyRange] | None = None  # key ranges cutting the co-partitioned tables, instead of a shuffle


def distribute_blocks(expression: exp.Expression, catalog: Catalog, broadcast_bytes: int = BROADCAST_BYTES,
                      workers: int = 2) -> exp.Expression:
    """Replace every block that can run on the workers by its final SELECT."""
    options = _Options(catalog, broadcast_bytes, workers)
    expression, finals = _distribute_pass(expression, options, None)
    while finals:
        # A final's select list, HAVING and ORDER BY run on the gateway; an
        # uncorrelated subquery there (Q11's HAVING threshold) is a block too.
        inside = {id(s) for f in finals for part in final_parts(f) for s in part.find_all(exp.Select)}
        expression, finals = _distribute_pass(expression, options, inside)
    return expression


@dataclass
class _Options:
    catalog: Catalog
    broadcast_bytes: int
    workers: int


def _distribute_pass(expression: exp.Expression, options: _Options,
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
            final = _distribute(scope, options)
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


def _distribute(scope: Scope, options: _Options) -> exp.Select:
    select: exp.Select = scope.expression
    catalog = options.catalog
    if scope.is_correlated_subquery:
        raise Ineligible("correlated")
    if select.find(exp.Window) or select.args.get("distinct") and select.args["distinct"].args.get("on"):
        raise Ineligible("window or DISTINCT ON")
    if any(p.unalias().type is not None and p.unalias().type.this == exp.DataType.Type.TIMETZ
           for p in select.expressions):
        raise Ineligible("a timetz output: Arrow would drop its offset between worker and gateway")
    if gateway_only(select):
        raise Ineligible("reads the catalog image, which only the gateway has")
    sources = _sources(scope, catalog)
    layout, ranges = _layout(select, sources, options)
    placed = ([layout.split] if layout.split is not None else []) + [t for t, _ in layout.shuffled] + layout.broadcast
    for mark, table in enumerate(placed):
        table.meta["block_mark"] = mark
    if _is_aggregate(select) and _whole_groups(select, layout.shuffled):
        fragment, final, top_n = split_grouped_block(select)
        shape = Shape.WHOLE_GROUPS
    elif _is_aggregate(select):
        fragment, final = split_aggregate_block(select, set(sources))
        shape, top_n = Shape.PARTIAL_AGGREGATE, None
    else:
        fragment, final, top_n = split_rows_block(select)
        shape = Shape.ROWS
    nodes = {t.meta["block_mark"]: t for t in fragment.find_all(exp.Table) if "block_mark" in t.meta}
    for table in placed:
        del table.meta["block_mark"]

    def inside(table: exp.Table) -> exp.Table:
        """The copy of ``table`` inside the fragment (found by its mark, by identity)."""
        return nodes[next(i for i, t in enumerate(placed) if t is table)]

    in_place = [read_in_place(t, catalog) for t in layout.broadcast]
    final.meta["block"] = Block(
        fragment,
        inside(layout.split) if layout.split is not None else None,
        [inside(t) for t, whole in zip(layout.broadcast, in_place) if not whole],
        shape,
        None if top_n is None else TopN(top_n, ordered=bool(fragment.args.get("order"))),
        [(inside(t), key) for t, key in layout.shuffled],
        key_filter(select, layout.shuffled, lambda t: estimated_bytes(t, catalog))
        if layout.shuffled and ranges is None else None,
        [inside(t) for t, whole in zip(layout.broadcast, in_place) if whole],
        ranges,
    )
    return final


def _layout(select: exp.Select, sources: dict[str, exp.Table],
            options: _Options) -> tuple[Layout, list[KeyRange] | None]:
    """(layout, key ranges when its co-partitioned tables are cut by them).

    Split the largest table and broadcast the rest; but when the tables it
    joins on one key are sorted by that key, co-partition them by key ranges:
    each worker then reads its range of each, not all of the smaller ones.
    """
    catalog, limit = options.catalog, options.broadcast_bytes
    try:
        layout = broadcast_layout(select, sources, catalog, limit)
    except Ineligible:
        layout = shuffle_layout(select, sources, catalog, limit)
        return layout, ranges_for(layout.shuffled, catalog, options.workers)
    for candidate in shuffle_layouts(select, sources, catalog, limit):
        if isinstance(candidate, Layout) and len({t.name for t, _ in candidate.shuffled}) > 1:
            ranges = ranges_for(candidate.shuffled, catalog, options.workers)
            if ranges is not None:
                return candidate, ranges
    return layout, None


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
    return any(outside_subqueries(node, select) for part in select.expressions for node in part.find_all(exp.AggFunc))


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


