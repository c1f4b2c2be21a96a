"""Partial and final forms of the aggregates that can be merged.

Each worker aggregates its own rows (the partial); the gateway combines the
partials (the final). One table says how, per aggregate: SUM of SUMs, SUM of
COUNTs, MIN of MINs, MAX of MAXes, AVG as SUM / COUNT, BOOL_AND/OR of
themselves. A FILTER clause stays with the partial. Anything else (DISTINCT
aggregates, ordered-set aggregates, string_agg, ...) is not mergeable and
``split_aggregate`` raises ``NotMergeable``.

>>> import itertools, sqlglot
>>> names = (f"__p{i}" for i in itertools.count())
>>> parts, final = split_aggregate(sqlglot.parse_one("select avg(x) from t").selects[0], lambda: next(names))
>>> [p.sql() for p in parts], final.sql()
(['SUM(x) AS "__p0"', 'COUNT(x) AS "__p1"'], 'CAST(SUM("__p0") AS DOUBLE) / NULLIF(SUM("__p1"), 0)')
"""

from __future__ import annotations

from typing import Callable

from sqlglot import exp


class NotMergeable(Exception):
    """This aggregate has no partial/final form."""


def split_aggregate(unit: exp.Expression, new_name: Callable[[], str]) -> tuple[list[exp.Expression], exp.Expression]:
    """Partial expressions (aliased with fresh names) and the final expression over them.

    ``unit`` is an aggregate call, or a FILTER wrapped around one.
    """
    agg = unit.this if isinstance(unit, exp.Filter) else unit
    if agg.find(exp.Distinct) or agg.find(exp.Subquery, exp.Select):
        raise NotMergeable(agg.sql())

    def partial(node: exp.Expression) -> tuple[exp.Expression, exp.Expression]:
        """(aliased partial, reference to it for the final)."""
        if isinstance(unit, exp.Filter):
            node = exp.Filter(this=node, expression=unit.expression.copy())
        name = new_name()
        return exp.alias_(node, name, quoted=True), exp.column(name, quoted=True)

    if isinstance(agg, exp.Count):
        part, ref = partial(agg.copy())
        return [part], exp.Cast(this=exp.Sum(this=ref), to=exp.DataType.build("BIGINT"))
    if isinstance(agg, (exp.Sum, exp.Min, exp.Max, exp.LogicalAnd, exp.LogicalOr)) and type(agg) in MERGE:
        part, ref = partial(agg.copy())
        return [part], MERGE[type(agg)](this=ref)
    if isinstance(agg, exp.Avg) and type(agg) is exp.Avg:
        total, total_ref = partial(exp.Sum(this=agg.this.copy()))
        count, count_ref = partial(exp.Count(this=agg.this.copy()))
        final = exp.Div(
            this=exp.Cast(this=exp.Sum(this=total_ref), to=exp.DataType.build("DOUBLE")),
            expression=exp.Nullif(this=exp.Sum(this=count_ref), expression=exp.Literal.number(0)),
        )
        return [total, count], final
    raise NotMergeable(agg.sql())


# How the final stage merges a partial of each aggregate.
MERGE = {exp.Sum: exp.Sum, exp.Min: exp.Min, exp.Max: exp.Max, exp.LogicalAnd: exp.LogicalAnd, exp.LogicalOr: exp.LogicalOr}
