"""Partial and final forms of the aggregates that can be merged.

Each worker aggregates its own rows (the partial); the gateway combines the
partials (the final): SUM of SUMs, SUM of COUNTs, MIN of MINs, MAX of MAXes,
AVG as SUM / COUNT, BOOL_AND/OR of themselves, and the variances and standard
deviations from each fragment's count, mean and M2 (``_split_variance``). A
FILTER clause stays with the partial. Anything else (DISTINCT aggregates, which
``split_block`` handles by grouping on their argument, ordered-set aggregates,
string_agg, ...) is not mergeable and ``split_aggregate`` raises ``NotMergeable``.

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


def split_aggregate(unit: exp.Expression, new_name: Callable[[], str],
                    windows: list[tuple[str, exp.Expression]] | None = None) -> tuple[list[exp.Expression], exp.Expression]:
    """Partial expressions (aliased with fresh names) and the final expression over them.

    ``unit`` is an aggregate call, or a FILTER wrapped around one. Variances
    need each group's overall mean next to every partial row: they append
    (name, expression over the partials) to ``windows``, which the caller
    computes per group before the final aggregation.
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
    if type(agg) in VARIANCES and windows is not None:
        return _split_variance(agg, partial, new_name, windows)
    raise NotMergeable(agg.sql())


# Variance aggregates: (sample, not population?; square root?)
VARIANCES = {exp.Stddev: (True, True), exp.StddevSamp: (True, True), exp.StddevPop: (False, True),
             exp.Variance: (True, False), exp.VariancePop: (False, False)}


def _split_variance(agg, partial, new_name, windows):
    """Each fragment: n, mean and M2 = n * var_pop; merged as Chan et al. do:
    M2 = SUM(M2_i + n_i * (mean_i - mean)^2), with mean the group's weighted mean.
    Unlike SUM(x^2) - SUM(x)^2/n this loses no precision to cancellation."""
    sample, root = VARIANCES[type(agg)]
    x = agg.this.copy()
    count, n = partial(exp.Count(this=x.copy()))
    average, mean = partial(exp.cast(exp.Avg(this=x.copy()), "DOUBLE"))
    squares, m2 = partial(exp.Mul(this=exp.VariancePop(this=x.copy()), expression=exp.Count(this=x.copy())))
    overall = new_name()
    # Window sums; the caller partitions them by the group keys.
    windows.append((overall, exp.Div(
        this=exp.Window(this=exp.Sum(this=exp.Mul(this=n.copy(), expression=mean.copy()))),
        expression=exp.Nullif(this=exp.Window(this=exp.Sum(this=n.copy())), expression=exp.Literal.number(0)))))
    spread = exp.Sum(this=exp.Add(this=m2, expression=exp.Mul(
        this=n.copy(), expression=exp.Pow(this=exp.Sub(this=mean, expression=exp.column(overall, quoted=True)),
                                          expression=exp.Literal.number(2)))))
    total = exp.Sum(this=n)
    divisor = exp.Paren(this=exp.Sub(this=total.copy(), expression=exp.Literal.number(1))) if sample else total.copy()
    variance = exp.Case(ifs=[exp.If(this=exp.GT(this=total, expression=exp.Literal.number(1 if sample else 0)),
                                    true=exp.Div(this=spread, expression=divisor))])
    return [count, average, squares], exp.Sqrt(this=variance) if root else variance


# How the final stage merges a partial of each aggregate.
MERGE = {exp.Sum: exp.Sum, exp.Min: exp.Min, exp.Max: exp.Max, exp.LogicalAnd: exp.LogicalAnd, exp.LogicalOr: exp.LogicalOr}
