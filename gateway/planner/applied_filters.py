"""Filters a sending stage applied are not checked again, and their columns stay home.

A broadcast or shuffle stage runs the filters pushed into its scan on the
worker that reads the table, so every row it sends already passes them. The
block's own copy of such a conjunct is then true for each row it reads, and a
column only that conjunct needs does not have to travel: TPC-H Q13 would
otherwise shuffle every order's ``o_comment`` just to test it a second time.

Only conjuncts equal to a pushed filter are dropped (pushed filters are
exact conjuncts of the query, over the one table), at the top level of the
WHERE or ON of the SELECT that reads the table.
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.planner.block_layout import enclosing_select, owner
from duckflight.gateway.planner.pushdown_scans import conjuncts, unqualified


def drop_applied(node: exp.Table, applied: list[exp.Expression], fragment: exp.Select) -> None:
    """Drop the conjuncts over ``node`` alone that restate an ``applied`` filter."""
    done = {f.sql("duckdb") for f in applied}
    select = enclosing_select(node)
    tables = list(fragment.find_all(exp.Table))

    def restates(conjunct: exp.Expression) -> bool:
        columns = list(conjunct.find_all(exp.Column))
        return (bool(columns) and not conjunct.find(exp.Select) and all(owner(c, tables) is node for c in columns)
                and unqualified(conjunct).sql("duckdb") in done)

    where = select.args.get("where")
    if where is not None:
        kept = [c for c in conjuncts(where.this) if not restates(c)]
        select.set("where", exp.Where(this=exp.and_(*kept, copy=False)) if kept else None)
    for join in select.args.get("joins") or []:
        on = join.args.get("on")
        if on is not None:
            kept = [c for c in conjuncts(on) if not restates(c)]
            join.set("on", exp.and_(*kept, copy=False) if kept else exp.true())


def columns_read(node: exp.Table, fragment: exp.Select) -> set[str]:
    """The columns of ``node`` the fragment reads anywhere (correlated subqueries too)."""
    tables = list(fragment.find_all(exp.Table))
    return {c.name for c in fragment.find_all(exp.Column)
            if c.table == node.alias_or_name and owner(c, tables) is node}
