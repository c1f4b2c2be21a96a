"""Rule: skip the splits a scan's filters exclude, by footer statistics.

Each split knows, per column, the min and max of its rows (Parquet footers)
or the one value of its Hive partition. A pushed conjunct comparing a column
with a constant (=, <, <=, >, >=, BETWEEN, IN) that no value in the split's
range can satisfy excludes the split. Anything the rule cannot read keeps
the split: pruning may only ever drop rows the filters would drop anyway.

>>> import datetime, sqlglot
>>> from duckflight.gateway.splits import Split
>>> split = Split("f", ranges={"d": (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))})
>>> excludes(sqlglot.parse_one("d >= date '2021-01-01'", read="postgres"), split, {"d": "DATE"})
True
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.planner.pushdown_scans import ScanSpec
from duckflight.gateway.splits import Split, _value

FLIP = {exp.GT: exp.LT, exp.GTE: exp.LTE, exp.LT: exp.GT, exp.LTE: exp.GTE, exp.EQ: exp.EQ}


def prune_splits(expression: exp.Expression, catalog: Catalog) -> exp.Expression:
    for node in expression.find_all(exp.Table):
        spec: ScanSpec | None = node.meta.get("scan")
        if spec is None:
            continue
        table = catalog.get(spec.table)
        types = table.column_types()
        kept = [s for s in table.splits if not any(excludes(f, s, types) for f in spec.filters)]
        # Keep one split even when all are excluded: its fragment answers the
        # (empty) result with the right columns and types.
        spec.splits = kept or table.splits[:1]
    return expression


def excludes(condition: exp.Expression, split: Split, types: dict[str, str]) -> bool:
    """True when no row of the split can satisfy the condition."""
    if isinstance(condition, exp.Paren):
        return excludes(condition.this, split, types)
    if isinstance(condition, exp.Between):
        low = _constant(condition.args["low"], condition.this, types)
        high = _constant(condition.args["high"], condition.this, types)
        bounds = _range(condition.this, split)
        return None not in (low, high, bounds) and _safe(lambda: bounds[1] < low or bounds[0] > high)
    if isinstance(condition, exp.In) and not condition.args.get("query"):
        bounds = _range(condition.this, split)
        values = [_constant(v, condition.this, types) for v in condition.expressions]
        if bounds is None or None in values:
            return False
        return _safe(lambda: all(v < bounds[0] or v > bounds[1] for v in values))
    if type(condition) in FLIP:
        column, literal, kind = condition.this, condition.expression, type(condition)
        if not isinstance(column, exp.Column):
            column, literal, kind = literal, column, FLIP[kind]
        bounds = _range(column, split)
        value = _constant(literal, column, types)
        if bounds is None or value is None:
            return False
        low, high = bounds
        tests = {exp.EQ: lambda: value < low or value > high, exp.GT: lambda: high <= value,
                 exp.GTE: lambda: high < value, exp.LT: lambda: low >= value, exp.LTE: lambda: low > value}
        return _safe(tests[kind])
    return False


def _range(column: exp.Expression, split: Split) -> tuple[Any, Any] | None:
    if not isinstance(column, exp.Column):
        return None
    return split.ranges.get(column.name)


def _constant(node: exp.Expression, column: exp.Expression, types: dict[str, str]) -> Any:
    """A literal (or a cast literal) as a value of the column's type; None if not one."""
    if not isinstance(column, exp.Column) or column.name not in types:
        return None
    while isinstance(node, (exp.Cast, exp.Paren)):
        node = node.this
    if isinstance(node, exp.Neg) and isinstance(node.this, exp.Literal) and not node.this.is_string:
        return _value("-" + node.this.this, types[column.name])
    if isinstance(node, exp.Literal):
        return _value(node.this, types[column.name])
    return None


def _safe(test) -> bool:
    try:
        return bool(test())
    except TypeError:  # values of kinds that do not compare: keep the split
        return False
