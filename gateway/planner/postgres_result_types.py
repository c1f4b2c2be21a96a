"""Rule: functions and operators give PostgreSQL's result type where DuckDB's is wider.

Clients read each column's type from RowDescription, and DuckDB answers BIGINT where
PostgreSQL's function returns ``integer`` (its pg_proc.prorettype):

* ``length``/``char_length``/``octet_length``/``bit_length``, ``strpos``/``position``,
  ``ascii``, ``array_length``, ``cardinality``, ``width_bucket``, ``grouping``, ``ntile``;
* ``date - date`` (PostgreSQL's date_mi is integer days);
* ``int / int`` (int4div), and ``gcd``/``lcm`` of integers;
* ``sign`` of an integer is double precision;
* ``sum`` of smallint or integer is bigint (int4_sum), also under FILTER and OVER, and
  of real is real;
* ``real`` with an integer is computed in double precision (float48mul and the like),
  percentile_cont of double precision, ``text || NULL`` text;

and a bare NULL output column is ``text``, as PostgreSQL resolves an unknown-typed
output. Each is wrapped in a cast to PostgreSQL's type, which DuckDB runs on the
narrower value; the values are those PostgreSQL computes. Runs after type annotation
(it reads the argument types) and before distribution (the casts travel with their
expressions, a cast over an aggregate stays in the final stage).

>>> import sqlglot
>>> from sqlglot.optimizer.annotate_types import annotate_types
>>> tree = annotate_types(sqlglot.parse_one("select length(a), sum(1), null from t", read="postgres"))
>>> postgres_result_types(tree).sql("duckdb")
'SELECT CAST(LENGTH(a) AS INT), CAST(SUM(1) AS BIGINT), CAST(NULL AS TEXT) FROM t'
"""

from __future__ import annotations

from sqlglot import exp

T = exp.DataType.Type
INTEGERS = {T.TINYINT, T.SMALLINT, T.INT}
# Functions PostgreSQL declares to return integer; DuckDB returns BIGINT.
INTEGER_FUNCTIONS = (exp.Length, exp.StrPosition, exp.Ascii, exp.BitLength, exp.ArraySize, exp.Grouping,
                     exp.Ntile)
INTEGER_NAMES = {"octet_length", "strlen", "cardinality", "len"}
ARITHMETIC = (exp.Add, exp.Sub, exp.Mul, exp.Div)
# Functions of integers whose PostgreSQL result is their argument's type.
SAME_INTEGER_NAMES = {"gcd", "lcm"}


def postgres_result_types(expression: exp.Expression) -> exp.Expression:
    for node in list(expression.walk()):
        to = _postgres_type(node)
        if to is not None:
            _cast(_outermost(node), to)
        _widen_operands(node)
    _text_nulls(expression)
    return expression


def _widen_operands(node: exp.Expression) -> None:
    """Operands PostgreSQL converts before it computes.

    ``real * integer`` is float48mul: the real becomes double precision (DuckDB stays
    in FLOAT); percentile_cont is of double precision; ``text || NULL`` is text.
    """
    if isinstance(node, ARITHMETIC):
        sides = (node.this, node.expression)
        if any(_is(s, {T.FLOAT}) for s in sides) and any(_is(s, INTEGERS | {T.BIGINT}) for s in sides):
            for side in sides:
                if _is(side, {T.FLOAT}):
                    _cast(side, "DOUBLE")
    if isinstance(node, exp.WithinGroup) and isinstance(node.this, exp.PercentileCont):
        for ordered in node.expression.expressions if isinstance(node.expression, exp.Order) else []:
            if not _is(ordered.this, {T.DOUBLE}):
                _cast(ordered.this, "DOUBLE")
    if isinstance(node, exp.DPipe) and any(_null(s) for s in (node.this, node.expression)):
        _cast(node, "TEXT")  # DuckDB types 'a' || NULL, even with the NULL cast, as INTEGER


def _postgres_type(node: exp.Expression) -> str | None:
    if isinstance(node, INTEGER_FUNCTIONS):
        return "INT"
    if isinstance(node, exp.Anonymous):
        name = node.name.lower()
        if name in INTEGER_NAMES:
            return "INT"
        if name in SAME_INTEGER_NAMES and all(_is(a, INTEGERS) for a in node.expressions):
            return "INT"
    if isinstance(node, exp.Sum) and _is(node.this, INTEGERS):
        return "BIGINT"
    if isinstance(node, exp.Sum) and _is(node.this, {T.FLOAT}):
        return "REAL"
    if isinstance(node, exp.Sign) and _is(node.this, INTEGERS | {T.BIGINT}):
        return "DOUBLE"  # sign(double precision): the integer is converted
    if isinstance(node, exp.ExplodingGenerateSeries) and isinstance(node.parent, exp.Alias) and \
            all(_is(node.args.get(k), INTEGERS) for k in ("start", "end", "step") if node.args.get(k) is not None):
        return "INT"  # generate_series(int, int) in a select list (in FROM: integer_series.py)
    if isinstance(node, exp.Sub) and _is(node.this, {T.DATE}) and _is(node.expression, {T.DATE}):
        return "INT"
    if isinstance(node, exp.Div) and node.args.get("typed") and _is(node.this, INTEGERS) \
            and _is(node.expression, INTEGERS):
        return "INT"
    return None


def _null(node: exp.Expression) -> bool:
    """NULL, or NULL cast to a type."""
    return isinstance(node, exp.Null) or isinstance(node, exp.Cast) and isinstance(node.this, exp.Null)


def _is(node: exp.Expression, kinds: set) -> bool:
    return node is not None and node.type is not None and node.type.this in kinds


def _outermost(node: exp.Expression) -> exp.Expression:
    """The call with its FILTER, WITHIN GROUP and OVER: a cast can only wrap all of it."""
    while isinstance(node.parent, (exp.Filter, exp.WithinGroup, exp.Window)) and node.arg_key == "this":
        node = node.parent
    return node


def _cast(node: exp.Expression, to: str) -> None:
    parent = node.parent
    if isinstance(parent, exp.Cast) and parent.to.this == exp.DataType.build(to).this:
        return  # already cast to that type
    cast = exp.Cast(to=exp.DataType.build(to))
    cast.type = exp.DataType.build(to)
    node.replace(cast)
    cast.set("this", node)  # the node itself, not a copy: rules below may still change inside it


def _text_nulls(expression: exp.Expression) -> None:
    """``select null`` is a text column in PostgreSQL; DuckDB's NULL is an INTEGER."""
    selects = _branches(expression)
    if not selects:
        return
    width = len(selects[0].expressions)
    for i in range(width):
        columns = [s.expressions[i] if i < len(s.expressions) else None for s in selects]
        values = [c.unalias() if c is not None else None for c in columns]
        if all(isinstance(v, exp.Null) for v in values):
            for value in values:
                value.replace(exp.Cast(this=exp.Null(), to=exp.DataType.build("TEXT")))


def _branches(expression: exp.Expression) -> list[exp.Select]:
    """The SELECTs whose columns are the query's output columns."""
    if isinstance(expression, exp.SetOperation):
        left, right = _branches(expression.this), _branches(expression.expression)
        return left + right if left and right else []
    return [expression] if isinstance(expression, exp.Select) else []
