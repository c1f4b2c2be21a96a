"""Rule: a string cast to an array type is read in PostgreSQL's array syntax.

PostgreSQL writes array constants as strings, ``'{1,2,NULL}'::int[]`` (and clients
send untyped array parameters so, which ``bind_parameters`` puts in the SQL as
strings); DuckDB's cast from VARCHAR reads its own ``[1, 2]`` syntax instead. The
string is parsed here (quotes, backslash escapes, NULL, nested braces) into a
DuckDB list of the elements' strings, which the same cast then converts element by
element, to as many dimensions as the string has (PostgreSQL ignores the brackets'
count: ``int[][]`` is int[]; so for a bound array parameter). A malformed one is PostgreSQL's error (22P02), found
before anything runs.

>>> import sqlglot
>>> array_literals(sqlglot.parse_one("select '{1,NULL}'::int[], '{{a,\\"b c\\"}}'::text[][]", read="postgres")).sql("duckdb")
"SELECT CAST(['1', NULL] AS INT[]), CAST([['a', 'b c']] AS TEXT[][])"
>>> array_literals(sqlglot.parse_one("select '{1}'::int[][]", read="postgres")).sql("duckdb")
"SELECT CAST(['1'] AS INT[])"
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.core.array_text import parse_array_text


ARRAY = exp.DataType.Type.ARRAY


def array_literals(expression: exp.Expression) -> exp.Expression:
    for cast in reversed(list(expression.find_all(exp.Cast))):  # innermost first
        if not cast.to.is_type(ARRAY):
            continue
        if cast.this.is_string:
            cast.set("this", _list(parse_array_text(cast.this.name, exp.Literal.string)))
        depth = _depth(cast.this)  # also of a bound array parameter: '$1::int[]' may hold a 2-D one
        if depth:
            cast.set("to", _array_of(_element(cast.to), depth))
    return expression


def _element(to: exp.DataType) -> exp.DataType:
    while to.is_type(ARRAY) and to.expressions:
        to = to.expressions[0]
    return to


def _depth(node: exp.Expression) -> int:
    """How many dimensions a list constant (or a cast of one) has; 0 if it is no constant."""
    while isinstance(node, exp.Cast):
        node = node.this
    if not isinstance(node, exp.Array):
        return 0
    return 1 + (_depth(node.expressions[0]) if node.expressions else 0)


def _array_of(element: exp.DataType, depth: int) -> exp.DataType:
    for _ in range(depth):
        element = exp.DataType(this=ARRAY, expressions=[element.copy()], nested=True)
    return element


def _list(items: list) -> exp.Expression:
    return exp.Array(expressions=[_list(i) if isinstance(i, list) else exp.Null() if i is None else i
                                  for i in items])
