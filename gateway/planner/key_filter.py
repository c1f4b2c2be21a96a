"""Which shuffles of a co-partitioned block can first be cut down to the keys it can use.

In a co-partitioned block, a row with key v can only ever meet rows with key
v. When every row of the block needs a row of one filtered table R with that
key (R is an inner source of the block, or sits in an ``x.k IN (SELECT R.k
...)`` or ``EXISTS (SELECT ... FROM R ...)`` conjunct of its WHERE), a row of
another shuffled table whose key R never has cannot reach the answer. So R's
keys are computed first (``SELECT DISTINCT k FROM R WHERE <R's filters>``),
put on every worker, and the larger tables' shuffles keep only rows whose key
is among them: TPC-H Q17 then moves the lineitem rows of ~200 parts instead
of all 6 million. Rows with a NULL key are kept, so that ``NOT IN`` still
sees them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from duckflight.gateway.planner.block_layout import enclosing_select, kept_share
from duckflight.gateway.planner.pushdown_scans import ScanSpec, conjuncts

# Reduce a shuffled table only when it is this many times larger than R's
# guessed filtered size: below that the extra scan and wave cost more.
REDUCE_RATIO = 4


@dataclass
class KeyFilter:
    """R's scan, its key column, and the tables whose shuffles keep only R's keys."""

    spec: ScanSpec
    key: str
    reduce: set[str]


def key_filter(select: exp.Select, shuffled: list[tuple[exp.Table, str]], size) -> KeyFilter | None:
    """The key filter for a co-partitioned block, if one is worth having.

    ``size(table)`` estimates a table occurrence's projected bytes.
    """
    candidates = [(t, k) for t, k in shuffled if t.meta["scan"].filters and required(t, select)]
    if not candidates:
        return None
    reducer, key = min(candidates, key=lambda c: size(c[0]) * kept_share(c[0]))
    floor = REDUCE_RATIO * size(reducer) * kept_share(reducer)
    reduce = {t.name for t, _ in shuffled if t.name != reducer.name and size(t) >= floor}
    # Every occurrence of a reduced table shares one shuffle: all must be large.
    reduce -= {t.name for t, _ in shuffled if t.name in reduce and size(t) < floor}
    return KeyFilter(reducer.meta["scan"], key, reduce) if reduce else None


def required(table: exp.Table, select: exp.Select) -> bool:
    """Whether every row of ``select`` comes with a row of ``table``."""
    home = enclosing_select(table)
    if home is select:
        return _inner_source(table, select)
    if home is None or not _inner_source(table, home):
        return False
    where = select.args.get("where")
    for condition in conjuncts(where.this) if where is not None else []:
        if isinstance(condition, exp.In) and condition.args.get("query") is not None:
            if condition.args["query"].this is home:
                return True
        elif isinstance(condition, exp.Exists) and condition.this is home:
            return True
    return False


def _inner_source(table: exp.Table, select: exp.Select) -> bool:
    """A source in FROM or an inner JOIN of ``select`` (not one an outer join may leave NULL)."""
    from_ = select.args.get("from_")
    if from_ is not None and from_.this is table:
        return True
    for join in select.args.get("joins") or []:
        if join.this is table:
            return not join.side and join.kind.upper() in ("", "INNER", "CROSS")
    return False
