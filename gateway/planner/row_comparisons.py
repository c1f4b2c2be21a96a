"""Rule: a comparison of two row constructors compares them field by field, as PostgreSQL does.

PostgreSQL (row-wise comparison, "Row Constructor Comparison") decides ``(a, b) < (c, d)``
by the first pair of fields that is not equal, and a NULL there makes the whole NULL:
``(1, NULL) = (1, 2)`` is NULL. DuckDB compares the two as structs, where NULL is a
value: false. The comparison is written out over the fields:
``=`` is ``a = c AND b = d``, ``<>`` is ``a <> c OR b <> d``, and ``<`` is
``a < c OR (a = c AND b < d)`` (likewise ``<=``, ``>``, ``>=``, the last pair deciding
with the operator itself).

>>> import sqlglot
>>> row_comparisons(sqlglot.parse_one("select (a, b) < (1, 2), (a, b) = (1, 2)")).sql()
'SELECT (a < 1 OR (a = 1 AND b < 2)), (a = 1 AND b = 2)'
"""

from __future__ import annotations

from sqlglot import exp

ORDERINGS = {exp.LT: exp.LT, exp.LTE: exp.LT, exp.GT: exp.GT, exp.GTE: exp.GT}


def row_comparisons(expression: exp.Expression) -> exp.Expression:
    comparisons = (exp.EQ, exp.NEQ, *ORDERINGS)
    for node in list(expression.find_all(*comparisons)):
        left, right = node.this, node.expression
        if isinstance(left, exp.Tuple) and isinstance(right, exp.Tuple) and \
                len(left.expressions) == len(right.expressions) > 0:
            node.replace(exp.paren(_fields(type(node), left.expressions, right.expressions)))
    return expression


def _fields(kind, left: list[exp.Expression], right: list[exp.Expression]) -> exp.Expression:
    pairs = list(zip(left, right))
    if kind is exp.EQ:
        return exp.and_(*(exp.EQ(this=a.copy(), expression=b.copy()) for a, b in pairs))
    if kind is exp.NEQ:
        return exp.or_(*(exp.NEQ(this=a.copy(), expression=b.copy()) for a, b in pairs))
    (a, b), rest = pairs[0], pairs[1:]
    if not rest:
        return kind(this=a.copy(), expression=b.copy())
    strict = ORDERINGS[kind](this=a.copy(), expression=b.copy())
    tail = _fields(kind, [x for x, _ in rest], [y for _, y in rest])
    return exp.or_(strict, exp.and_(exp.EQ(this=a.copy(), expression=b.copy()), tail))
