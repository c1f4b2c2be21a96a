"""What PostgreSQL type family an expression has, as ``postgres_numeric`` needs to know it.

sqlglot's type annotation does not follow PostgreSQL here (``1.5`` is DOUBLE to it,
``numeric + float8`` DECIMAL), so the rule keeps its own, small inference:

* ``int``: int2/int4 (``wide`` False) or int8 (``wide`` True);
* ``numeric``: a numeric that DuckDB holds as DECIMAL, with one display scale for
  every value (``scale``, when it is known: PostgreSQL's dscale is then DuckDB's);
* ``dynamic``: a numeric whose display scale is each value's own, or which may be
  NaN or infinite, held as ``worker/numeric_macros``'s struct;
* ``float``: float4/float8;
* ``unknown``: a string constant or NULL, typed by what it meets (PostgreSQL's
  "unknown");
* ``other``: anything else.

The rules follow PostgreSQL's operator resolution: an operator with a float operand
is a float operator (numeric is cast to float8), one with a numeric operand is a
numeric operator, integers stay integers.

>>> unify([NUMERIC_OF(2), INT4]).name, unify([NUMERIC_OF(2), NUMERIC_OF(2)]).scale
('dynamic', 2)
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

T = exp.DataType.Type
INTEGER_TYPES = {T.TINYINT: False, T.SMALLINT: False, T.INT: False, T.BIGINT: True,
                 T.UTINYINT: False, T.USMALLINT: False, T.UINT: True}
FLOAT_TYPES = {T.FLOAT, T.DOUBLE}
TEXT_TYPES = {T.VARCHAR, T.TEXT, T.CHAR, T.NCHAR, T.NVARCHAR, T.BPCHAR}
INT4_MAX = 2**31 - 1
INT8_MAX = 2**63 - 1


@dataclass(frozen=True)
class Kind:
    name: str
    scale: int | None = None  # numeric: the one display scale, if known; int: 0
    wide: bool = False  # int: int8

    @property
    def numeric(self) -> bool:
        """A value of numeric arithmetic: an integer, a numeric or a dynamic numeric."""
        return self.name in ("int", "numeric", "dynamic")


INT4, INT8 = Kind("int", 0), Kind("int", 0, wide=True)
DYNAMIC, FLOAT, UNKNOWN, OTHER = Kind("dynamic"), Kind("float"), Kind("unknown"), Kind("other")


def NUMERIC_OF(scale: int | None) -> Kind:  # noqa: N802 - a constructor, like the constants
    return Kind("numeric", scale)


def of_type(data_type: exp.DataType | None) -> Kind:
    """The kind of a value of this (DuckDB or PostgreSQL) type."""
    if data_type is None:
        return OTHER
    kind = data_type.this
    if kind in INTEGER_TYPES:
        return INT8 if INTEGER_TYPES[kind] else INT4
    if kind in FLOAT_TYPES:
        return FLOAT
    if kind == T.DECIMAL:
        params = [p.this.name for p in data_type.expressions if isinstance(p, exp.DataTypeParam)]
        return NUMERIC_OF(int(params[1]) if len(params) > 1 and params[1].isdigit() else 0 if params else None)
    return OTHER


def of_number(text: str) -> Kind:
    """The kind of a number constant, as PostgreSQL's scanner types it."""
    lowered = text.lower()
    if "." in lowered or "e" in lowered:
        return NUMERIC_OF(decimal_scale(text))
    value = int(text)
    if value <= INT4_MAX:
        return INT4
    return INT8 if value <= INT8_MAX else NUMERIC_OF(0)


def decimal_scale(text: str) -> int:
    """numeric_in's display scale of a decimal constant: digits after the point, less the exponent."""
    mantissa, _, exponent = text.lower().partition("e")
    fraction = mantissa.partition(".")[2]
    return max(len(fraction) - int(exponent or 0), 0)


def arithmetic(left: Kind, right: Kind, operator: type) -> Kind:
    """The result kind of ``left <operator> right`` (+, -, *, /, %)."""
    if FLOAT in (left, right):
        return FLOAT
    if not (left.numeric or left == UNKNOWN) or not (right.numeric or right == UNKNOWN):
        return OTHER
    if DYNAMIC in (left, right) or operator is exp.Div and "numeric" in (left.name, right.name):
        return DYNAMIC
    if left.name == "int" and right.name in ("int", "unknown") or right.name == "int" and left.name == "unknown":
        return INT8 if left.wide or right.wide else INT4
    return NUMERIC_OF(_scale(left, right, operator))


def _scale(left: Kind, right: Kind, operator: type) -> int | None:
    if left.scale is None or right.scale is None:
        return None
    if operator is exp.Mul:
        return left.scale + right.scale
    return max(left.scale, right.scale)


def unify(kinds: list[Kind]) -> Kind:
    """The kind of CASE, COALESCE, GREATEST/LEAST, UNION and VALUES over these kinds.

    PostgreSQL keeps each numeric value's own display scale there, so numerics of
    different (or unknown) scales give a dynamic numeric; a float makes it float.
    """
    typed = [k for k in kinds if k != UNKNOWN]
    if not typed:
        return UNKNOWN
    if any(not k.numeric and k != FLOAT for k in typed):
        return OTHER
    if FLOAT in typed:
        return FLOAT
    if all(k.name == "int" for k in typed):
        return INT8 if any(k.wide for k in typed) else INT4
    scales = {k.scale for k in typed}
    if DYNAMIC in typed or len(scales) > 1 or None in scales:
        return DYNAMIC
    return NUMERIC_OF(scales.pop())
