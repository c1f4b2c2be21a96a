"""Rule: casts with a type modifier give PostgreSQL's values when they run on DuckDB.

DuckDB ignores the length of ``varchar(n)``, turns ``timestamp(3)`` into
TIMESTAMP_MS (and ``timestamp(2)`` too, ``timestamp(4)`` into microseconds),
truncating toward 1970, and reads a bare ``numeric`` as DECIMAL(18,3). PostgreSQL:

* ``varchar(n)`` keeps the first n characters of an explicit cast;
* ``char(n)`` (``char`` is char(1)) keeps n characters, and trailing spaces do
  not count: the value is kept without them here, and the result's columns of
  type char(n) are padded to n when they leave the gateway (``result_types``);
* ``timestamp(p)``, ``timestamptz(p)``, ``time(p)`` round to p fractional
  digits, half away from zero, counting from 2000-01-01 (its epoch);
* ``numeric`` without a modifier keeps every digit: a literal keeps its own
  precision, an integer becomes a decimal of scale 0, a decimal stays as it is;
  ``numeric[]`` of a list constant takes the widest of its elements' precisions.

Run after type annotation, and after ``output_types`` has read the casts.

>>> import sqlglot
>>> postgres_casts(sqlglot.parse_one("select x::varchar(3), 1.25::numeric", read="postgres")).sql("duckdb")
'SELECT LEFT(CAST(x AS TEXT), 3), CAST(1.25 AS DECIMAL(3, 2))'
"""

from __future__ import annotations

from sqlglot import exp

T = exp.DataType.Type
PRECISION = (T.TIMESTAMP, T.TIMESTAMPTZ, T.TIME)
EPOCH_2000_US = 946_684_800_000_000  # PostgreSQL's timestamps count from 2000-01-01
INTEGERS = {T.TINYINT: 3, T.SMALLINT: 5, T.INT: 10, T.BIGINT: 19}
MAX_DIGITS = 38  # DuckDB's widest decimal


def postgres_casts(expression: exp.Expression) -> exp.Expression:
    return rewrite_casts(expression, _rewrite)


def rewrite_casts(expression: exp.Expression, rewrite) -> exp.Expression:
    """Each cast (a TryCast too) replaced by ``rewrite(cast)`` when it gives a replacement,
    typed as the cast it replaces (or as its own cast's target)."""
    for cast in list(expression.find_all(exp.Cast)):
        replacement = rewrite(cast)
        if replacement is not None:
            replacement.type = (replacement if isinstance(replacement, exp.Cast) else cast).to.copy()
            cast.replace(replacement)
    return expression


def _rewrite(cast: exp.Cast) -> exp.Expression | None:
    to = cast.to
    numbers = [int(p.this.name) for p in to.expressions
               if isinstance(p, exp.DataTypeParam) and isinstance(p.this, exp.Literal) and p.this.name.isdigit()]
    kind = to.this
    if kind in (T.VARCHAR, T.NVARCHAR) and numbers:
        return exp.Left(this=_as(cast, T.VARCHAR), expression=exp.Literal.number(numbers[0]))
    if kind in (T.CHAR, T.NCHAR) or kind == T.BPCHAR and numbers:
        kept = exp.Left(this=_as(cast, T.VARCHAR), expression=exp.Literal.number(numbers[0] if numbers else 1))
        return exp.Anonymous(this="RTRIM", expressions=[kept, exp.Literal.string(" ")])
    if kind in PRECISION and numbers:
        return _rounded(_as(cast, kind), numbers[0])
    if kind == T.DECIMAL and not numbers:
        return _exact(cast)
    if kind == T.ARRAY and to.expressions and to.expressions[0].this == T.DECIMAL and not to.expressions[0].expressions:
        return _exact_array(cast)
    return None


def _as(cast: exp.Cast, kind) -> exp.Cast:
    """The same cast without the modifier."""
    return exp.Cast(this=cast.this.copy(), to=exp.DataType.build(kind))


def _rounded(value: exp.Cast, precision: int) -> exp.Expression:
    """``value`` rounded to ``precision`` fractional digits, as PostgreSQL's AdjustTimestampForTypmod."""
    if precision >= 6:
        return value
    scale = 10 ** (6 - precision)

    def micros() -> exp.Expression:  # from PostgreSQL's epoch; a time of day counts from midnight
        us = exp.Anonymous(this="epoch_us", expressions=[value.copy()])
        return us if value.to.this == T.TIME else exp.Paren(this=exp.Sub(this=us, expression=_number(EPOCH_2000_US)))

    away = exp.IntDiv(this=exp.Paren(this=exp.Add(this=exp.Abs(this=micros()), expression=_number(scale // 2))),
                      expression=_number(scale))
    rounded = exp.Mul(this=exp.Anonymous(this="sign", expressions=[micros()]),
                      expression=exp.Paren(this=exp.Mul(this=away, expression=_number(scale))))
    delta = exp.Anonymous(this="to_microseconds", expressions=[exp.Sub(this=rounded, expression=micros())])
    return exp.Add(this=value, expression=delta)


def _number(n: int) -> exp.Literal:
    return exp.Literal.number(n)


def _exact_array(cast: exp.Cast) -> exp.Expression | None:
    """``numeric[]`` of a list constant (an array parameter, '{1.5,2.25}'): one decimal type wide
    enough for every element, as each would be alone (DuckDB's lists have one scale)."""
    items = cast.this.expressions if isinstance(cast.this, exp.Array) else None
    if items is None:
        return None
    items = [i.this if isinstance(i, exp.Neg) else i for i in items]  # the sign takes no digit
    if not all(isinstance(i, (exp.Literal, exp.Null)) for i in items):
        return None
    exact = [_exact(exp.Cast(this=i, to=exp.DataType.build("DECIMAL"))) for i in items if isinstance(i, exp.Literal)]
    if not all(isinstance(e, exp.Cast) for e in exact):
        return None
    sizes = [[int(p.this.name) for p in e.to.expressions] for e in exact]
    scale = max((s for _, s in sizes), default=0)
    precision = max([p - s for p, s in sizes] + [1]) + scale
    if precision > MAX_DIGITS:
        return None
    return exp.Cast(this=cast.this.copy(), to=exp.DataType.build(f"DECIMAL({precision}, {scale})[]"))


def _exact(cast: exp.Cast) -> exp.Expression | None:
    """A bare ``numeric`` that keeps the digits PostgreSQL keeps (None: leave DuckDB's cast)."""
    value = cast.this
    if isinstance(value, exp.Literal):
        digits = value.name.lstrip("+-")
        whole, _, fraction = digits.partition(".")
        if not (whole + fraction).isdigit() or "e" in digits.lower():
            return None
        precision = max(len(whole.lstrip("0")) + len(fraction), len(fraction) + 1, 1)
        if precision > MAX_DIGITS:
            return None
        return exp.Cast(this=value.copy(), to=exp.DataType.build(f"DECIMAL({precision}, {len(fraction)})"))
    source = getattr(value, "type", None)
    if source is None:
        return None
    if source.this == T.DECIMAL and source.expressions:
        return value.copy()  # already exact: PostgreSQL's numeric keeps it as it is
    if source.this in INTEGERS:
        return exp.Cast(this=value.copy(), to=exp.DataType.build(f"DECIMAL({INTEGERS[source.this]}, 0)"))
    return None
