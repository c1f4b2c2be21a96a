"""Rule: a minus sign in front of a number constant belongs to the constant.

PostgreSQL's grammar folds ``-`` into the constant it precedes (``doNegate`` in gram.y),
parentheses or not, and only then types it (``make_const``): ``-2147483648`` is an int4 and
``-9223372036854775808`` an int8. DuckDB types the unsigned constant first (int8, and a
128-bit integer), so at those two values it would answer a wider type, and
``abs(-2147483648)`` would not overflow. Every other negated constant has the type of its
unsigned value in both, and is left alone. Run right after ``output_names`` (the column is
still ``?column?``), in the planner and in the catalog path alike.

>>> import sqlglot
>>> negative_constants(sqlglot.parse_one("select -2147483648, -(9223372036854775808), -5, -2147483649")).sql("duckdb")
'SELECT CAST(-2147483648 AS INT), CAST(-9223372036854775808 AS BIGINT), -5, -2147483649'
"""

from __future__ import annotations

from sqlglot import exp

# The unsigned constant whose negation fits a narrower type than itself -> that type.
BOUNDARIES = {str(2**31): "INT", str(2**63): "BIGINT"}


def negative_constants(tree: exp.Expression) -> exp.Expression:
    for node in list(tree.find_all(exp.Neg)):
        operand = node.this.unnest()
        if isinstance(operand, exp.Literal) and operand.is_int and operand.name in BOUNDARIES:
            node.replace(exp.cast(exp.Literal.number(f"-{operand.name}"), BOUNDARIES[operand.name]))
    return tree
