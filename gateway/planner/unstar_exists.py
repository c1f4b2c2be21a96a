"""Rule: ``EXISTS (SELECT * ...)`` reads no columns.

Only whether a row exists matters, so a star inside EXISTS is replaced by a
constant before qualification would expand it into every column of the table
(which would then be scanned and moved for nothing).

>>> import sqlglot
>>> unstar_exists(sqlglot.parse_one("select 1 from t where exists (select * from u)")).sql()
'SELECT 1 FROM t WHERE EXISTS(SELECT 1 FROM u)'
"""

from __future__ import annotations

from sqlglot import exp


def unstar_exists(expression: exp.Expression) -> exp.Expression:
    for node in expression.find_all(exp.Exists):
        select = node.this
        if isinstance(select, exp.Select) and len(select.expressions) == 1 and isinstance(select.expressions[0], exp.Star):
            select.set("expressions", [exp.Literal.number(1)])
    return expression
