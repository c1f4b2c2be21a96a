"""Rule: division keeps PostgreSQL's meaning when it runs on DuckDB.

PostgreSQL raises ``division by zero`` (22012) for ``x / 0`` and ``x % 0``;
DuckDB answers NULL or infinity. The divisor is wrapped so that zero raises an
error DuckDB reports with that same message. Integer division is integer
division in PostgreSQL: that part is sqlglot's (typed ``Div`` over annotated
types), so this rule runs after type annotation.

>>> import sqlglot
>>> postgres_division(sqlglot.parse_one("select a / b from t")).sql("duckdb")
"SELECT a / CASE WHEN b = 0 THEN ERROR('division by zero') ELSE b END FROM t"
"""

from __future__ import annotations

from sqlglot import exp

MESSAGE = "division by zero"


def postgres_division(expression: exp.Expression) -> exp.Expression:
    for node in list(expression.find_all(exp.Div, exp.Mod, exp.IntDiv)):
        divisor = node.expression
        if isinstance(divisor, exp.Literal) and not divisor.is_string and _nonzero(divisor):
            continue  # a non-zero constant cannot fail; keep the SQL readable
        guarded = exp.Case(
            ifs=[exp.If(this=exp.EQ(this=divisor.copy(), expression=exp.Literal.number(0)),
                        true=exp.Anonymous(this="ERROR", expressions=[exp.Literal.string(MESSAGE)]))],
            default=divisor.copy(),
        )
        # Keep the divisor's annotated type: the DuckDB generator decides on
        # integer division from the operand types.
        guarded.type = divisor.type
        node.set("expression", guarded)
    return expression


def _nonzero(literal: exp.Literal) -> bool:
    try:
        return float(literal.this) != 0
    except ValueError:
        return False
