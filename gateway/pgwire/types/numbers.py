"""Numbers and booleans: int2/int4/int8, oid, float4/float8, numeric, bool.

Text output matches PostgreSQL 15: floats in shortest round-trip form with PG's switch
to exponent notation (decimal exponent < -4, or >= 15 for float8 and >= 6 for float4),
numerics with all the scale's digits, booleans as t/f. Unsigned ints widen to the next
signed type (uint64 to numeric) since Postgres has no unsigned types.
"""

from __future__ import annotations

import struct
import sys
from decimal import Decimal, InvalidOperation

import pyarrow as pa
import pyarrow.compute as pc

from duckflight.gateway.core.sql_error import SqlError
from .registry import PgType, TagType, big_endian, py_binary, register, register_param, replace_rows

# ------------------------------------------------------------------------ integers


def _int_text(arr: pa.Array) -> pa.Array:
    return pc.cast(arr, pa.string())


def _int_binary(target: pa.DataType):
    def enc(arr: pa.Array) -> pa.Array:
        return big_endian(arr if arr.type == target else pc.cast(arr, target))

    return enc


_INT2 = PgType("int2", 21, 2, _int_text, _int_binary(pa.int16()))
_INT4 = PgType("int4", 23, 4, _int_text, _int_binary(pa.int32()))
_INT8 = PgType("int8", 20, 8, _int_text, _int_binary(pa.int64()))


@register
def _integers(t: pa.DataType):
    if t in (pa.int8(), pa.int16(), pa.uint8()):
        return _INT2
    if t in (pa.int32(), pa.uint16()):
        return _INT4
    if t in (pa.int64(), pa.uint32()):
        return _INT8
    if t == pa.uint64():
        return PgType("numeric", 1700, -1, _int_text, _numeric_binary_encoder(0))
    return None


class OidType(TagType):
    """PostgreSQL's oid (26) over int64 storage, the type the catalog image keeps OIDs in."""

    STORAGE, NAME = pa.int64(), "duckflight.oid"


OID = OidType()
_OID = PgType("oid", 26, 4, lambda a: _int_text(a.storage), lambda a: big_endian(pc.cast(a.storage, pa.uint32())))


@register
def _oids(t: pa.DataType):
    return _OID if isinstance(t, OidType) else None


# -------------------------------------------------------------------------- floats


def _pg_float(arrow_text: str, high: int) -> str:
    """Re-render Arrow's shortest digits with PG's fixed/exponent rule (slow path)."""
    sign, digits, exp = Decimal(arrow_text).normalize().as_tuple()
    ds = "".join(map(str, digits))
    e = len(ds) - 1 + exp
    neg = "-" if sign else ""
    if e < -4 or e >= high:
        mant = ds[0] + ("." + ds[1:] if len(ds) > 1 else "")
        return f"{neg}{mant}e{'-' if e < 0 else '+'}{abs(e):02d}"
    return neg + format(Decimal(ds).scaleb(exp), "f")


def _float_text(high: int):
    # Arrow prints the same shortest digits as PG, but uses fixed notation for
    # 1e-6 <= |x| < 1e10; rows where that differs from PG's range are re-rendered.
    def enc(arr: pa.Array) -> pa.Array:
        s = pc.cast(arr, pa.string())
        a = pc.abs(arr)
        # The string passes below cost more than the cast: run them only when needed.
        if pc.any(pc.or_(pc.greater_equal(a, 1e10), pc.and_(pc.less(a, 1e-6), pc.greater(a, 0)))).as_py():
            s = pc.replace_substring_regex(s, r"e([+-])(\d)$", r"e\10\2")  # e-7 -> e-07
        if not pc.all(pc.is_finite(arr)).as_py():
            s = pc.replace_substring(s, "inf", "Infinity")
            s = pc.replace_substring(s, "nan", "NaN")
        low = pc.and_(pc.greater_equal(a, 1e-6), pc.less(a, 1e-4))
        lo, hi = sorted((1e10, 10.0**high))
        big = pc.and_(pc.greater_equal(a, lo), pc.less(a, hi))
        return replace_rows(s, pc.or_(low, big), lambda sub: _map_str(sub, lambda v: _pg_float(v, high)))

    return enc


def _map_str(arr: pa.Array, fn) -> pa.Array:
    return pa.array([None if v is None else fn(v) for v in arr.to_pylist()], pa.string())


_FLOAT4 = PgType("float4", 700, 4, _float_text(6), big_endian)
_FLOAT8 = PgType("float8", 701, 8, _float_text(15), big_endian)


@register
def _floats(t: pa.DataType):
    if t == pa.float32():
        return _FLOAT4
    if t == pa.float64():
        return _FLOAT8
    if t == pa.float16():
        return PgType("float4", 700, 4, lambda a: _FLOAT4.text(pc.cast(a, pa.float32())),
                      lambda a: big_endian(pc.cast(a, pa.float32())))
    return None


# ------------------------------------------------------------------------- numeric

_NUMERIC_POS, _NUMERIC_NEG, _NUMERIC_NAN = 0x0000, 0x4000, 0xC000
_NUMERIC_PINF, _NUMERIC_NINF = 0xD000, 0xF000


def numeric_to_binary(d: Decimal, dscale: int) -> bytes:
    """PG's numeric binary form: base-10000 digits aligned on the decimal point."""
    if d.is_nan():
        return struct.pack("!hhHH", 0, 0, _NUMERIC_NAN, 0)
    if d.is_infinite():
        return struct.pack("!hhHH", 0, 0, _NUMERIC_NINF if d < 0 else _NUMERIC_PINF, 0)
    sign, digits, exp = d.as_tuple()
    ds = "".join(map(str, digits))
    if exp >= 0:
        ipart, fpart = ds + "0" * exp, ""
    else:
        ds = ds.rjust(-exp, "0")
        ipart, fpart = ds[:exp], ds[exp:]
    ipart = ipart.lstrip("0")
    ipart = ipart.rjust(-(-len(ipart) // 4) * 4, "0")
    fpart = fpart.ljust(-(-len(fpart) // 4) * 4, "0")
    groups = [int(ipart[i : i + 4]) for i in range(0, len(ipart), 4)]
    groups += [int(fpart[i : i + 4]) for i in range(0, len(fpart), 4)]
    weight = len(ipart) // 4 - 1
    while groups and groups[0] == 0:  # leading zero groups carry no information
        groups.pop(0)
        weight -= 1
    while groups and groups[-1] == 0:
        groups.pop()
    if not groups:
        weight = 0
    head = struct.pack("!hhHH", len(groups), weight, _NUMERIC_NEG if sign else _NUMERIC_POS, dscale)
    return head + struct.pack(f"!{len(groups)}H", *groups)


def numeric_from_binary(b: bytes) -> Decimal:
    ndigits, weight, sign, dscale = struct.unpack_from("!hhHH", b)
    if sign == _NUMERIC_NAN:
        return Decimal("NaN")
    if sign in (_NUMERIC_PINF, _NUMERIC_NINF):
        return Decimal("-Infinity" if sign == _NUMERIC_NINF else "Infinity")
    groups = struct.unpack_from(f"!{ndigits}H", b, 8)
    value = 0
    for g in groups:
        value = value * 10000 + g
    exp = (weight - ndigits + 1) * 4
    d = Decimal(value).scaleb(exp)
    d = d.quantize(Decimal(1).scaleb(-dscale)) if dscale else d.to_integral_value()
    return -d if sign == _NUMERIC_NEG else d


def _numeric_binary_encoder(scale: int):
    def enc(arr: pa.Array) -> pa.Array:
        unscaled = _unscaled_int64(arr) if 0 <= scale <= 18 else None
        if unscaled is not None:
            return _numeric_binary_int64(arr, unscaled, scale)
        # Beyond int64 (or a negative scale): per-row Python, rare in results.
        return py_binary(arr, lambda v: numeric_to_binary(Decimal(v), scale))

    return enc


def _unscaled_int64(arr: pa.Array) -> pa.Array | None:
    """A decimal128 column's unscaled values as int64, if every value fits in one."""
    if not pa.types.is_decimal128(arr.type) or sys.byteorder != "little" or len(arr) == 0:
        return None
    words = pa.Array.from_buffers(pa.int64(), 2 * len(arr), [None, arr.buffers()[1]], offset=2 * arr.offset)
    pairs = pa.FixedSizeListArray.from_arrays(words, 2)
    low, high = pc.list_element(pairs, 0), pc.list_element(pairs, 1)
    if arr.type.precision > 18:  # e.g. sum() of decimal(15,2) is decimal(38,2): check the values
        fits = pc.equal(high, pc.shift_right(low, 63))  # the high word only extends the sign
        if not pc.all(pc.or_(fits, pc.is_null(arr))).as_py():
            return None
    return low


def _numeric_binary_int64(arr: pa.Array, unscaled: pa.Array, scale: int) -> pa.Array:
    """PG's numeric binary form for a whole column: base-10000 digit groups by kernels."""
    i64 = pa.int64()
    magnitude = pc.abs(unscaled)
    unit = pa.scalar(10**scale, i64)
    whole = pc.divide(magnitude, unit)
    fraction = pc.subtract(magnitude, pc.multiply(whole, unit))
    groups = [_digit_group(pc.divide(whole, pa.scalar(10 ** (4 * i), i64))) for i in range(4, -1, -1)]
    n_int = len(groups)  # int64 holds at most 19 digits: 5 groups before the point
    for j in range(-(-scale // 4)):
        below = scale - 4 * j - 4
        if below >= 0:
            groups.append(_digit_group(pc.divide(fraction, pa.scalar(10**below, i64))))
        else:  # the last, partial group is padded with zeros on the right
            rest = pc.subtract(fraction, pc.multiply(pc.divide(fraction, pa.scalar(10 ** (scale - 4 * j), i64)),
                                                     pa.scalar(10 ** (scale - 4 * j), i64)))
            groups.append(pc.multiply(rest, pa.scalar(10**-below, i64)))
    # Leading and trailing zero groups are left out, as PG does; all zero: no groups.
    none = pa.scalar(len(groups), i64)
    first, last = none, pa.scalar(-1, i64)
    for k in range(len(groups) - 1, -1, -1):
        first = pc.if_else(pc.not_equal(groups[k], 0), k, first)
    for k in range(len(groups)):
        last = pc.if_else(pc.not_equal(groups[k], 0), k, last)
    empty = pc.equal(first, none)
    ndigits = pc.if_else(empty, 0, pc.add(pc.subtract(last, first), 1))
    weight = pc.if_else(empty, 0, pc.subtract(n_int - 1, first))
    sign = pc.if_else(pc.less(unscaled, 0), _NUMERIC_NEG, _NUMERIC_POS)
    i16, null = pa.int16(), pa.scalar(None, pa.binary())
    parts = [big_endian(pc.cast(ndigits, i16)), big_endian(pc.cast(weight, i16)),
             big_endian(pc.cast(sign, i16)), big_endian(pa.array([scale] * len(arr), i16))]
    for k, g in enumerate(groups):
        keep = pc.and_(pc.greater_equal(k, first), pc.less_equal(k, last))
        parts.append(pc.if_else(keep, big_endian(pc.cast(g, i16)), null))
    cells = pc.binary_join_element_wise(*parts, b"", null_handling="replace", null_replacement=b"")
    return pc.if_else(pc.is_valid(arr), cells, null)


def _digit_group(value: pa.Array) -> pa.Array:
    """value % 10000 (Arrow has no modulo kernel)."""
    i64 = pa.int64()
    return pc.subtract(value, pc.multiply(pc.divide(value, pa.scalar(10000, i64)), pa.scalar(10000, i64)))


def _decimal_text(arr: pa.Array) -> pa.Array:
    t = arr.type
    if t.scale < 0:  # Arrow would print an exponent; PG prints all the digits
        digits = t.precision - t.scale
        arr = pc.cast(arr, pa.decimal128(digits, 0) if digits <= 38 else pa.decimal256(min(digits, 76), 0))
    text = pc.cast(arr, pa.string())
    # Arrow writes small values in exponent form (0E-10, 1E-8); PG writes every digit.
    return replace_rows(text, pc.match_substring(text, "E"),
                        lambda sub: _map_str(sub, lambda v: format(Decimal(v), "f")))


class NumericTextType(TagType):
    """A numeric given as PostgreSQL's text over string storage: values whose scale is each
    value's own, or NaN and infinities (planner/postgres_numeric, worker/numeric_macros)."""

    STORAGE, NAME = pa.string(), "duckflight.numeric_text"


NUMERIC_TEXT = NumericTextType()


def _numeric_text_binary(arr: pa.Array) -> pa.Array:
    # Per-row Python: only columns of numeric quotients, averages and the like come here.
    def one(text: str) -> bytes:
        value = Decimal(text)
        return numeric_to_binary(value, -value.as_tuple().exponent if value.is_finite() else 0)

    return py_binary(arr.storage, one)


_NUMERIC_TEXT = PgType("numeric", 1700, -1, lambda a: a.storage, _numeric_text_binary)


@register
def _numeric_texts(t: pa.DataType):
    return _NUMERIC_TEXT if isinstance(t, NumericTextType) else None


@register
def _decimals(t: pa.DataType):
    if not pa.types.is_decimal(t):
        return None
    typmod = ((t.precision << 16) | t.scale) + 4 if 0 <= t.scale <= t.precision else -1
    return PgType("numeric", 1700, -1, _decimal_text, _numeric_binary_encoder(max(t.scale, 0)), typmod)


# ---------------------------------------------------------------------------- bool


def _bool_text(arr: pa.Array) -> pa.Array:
    return pc.if_else(arr, "t", "f")


@register
def _booleans(t: pa.DataType):
    if t == pa.bool_():
        return PgType("bool", 16, 1, _bool_text, lambda a: big_endian(pc.cast(a, pa.uint8())))
    return None


# ------------------------------------------------------------------ Bind parameters


def _parse_bool(s: str) -> bool:
    v = s.strip().lower()
    if v in ("t", "true", "y", "yes", "on", "1"):
        return True
    if v in ("f", "false", "n", "no", "off", "0"):
        return False
    raise SqlError("22P02", f'invalid input syntax for type boolean: "{s}"')


def _parse_int(s: str) -> int:
    try:
        return int(s.strip())
    except ValueError:
        raise SqlError("22P02", f'invalid input syntax for type integer: "{s}"') from None


def _parse_float(s: str) -> float:
    try:
        return float(s.strip())  # accepts Infinity, -Infinity, NaN like PG
    except ValueError:
        raise SqlError("22P02", f'invalid input syntax for type double precision: "{s}"') from None


def _parse_numeric(s: str) -> Decimal:
    try:
        return Decimal(s.strip())
    except InvalidOperation:
        raise SqlError("22P02", f'invalid input syntax for type numeric: "{s}"') from None


def _unpacker(fmt: str):
    st = struct.Struct(fmt)

    def dec(b: bytes):
        if len(b) != st.size:
            raise SqlError("22P03", f"incorrect binary data format: {len(b)} bytes for {fmt}")
        return st.unpack(b)[0]

    return dec


register_param(16, _parse_bool, lambda b: b != b"\x00")
register_param(21, _parse_int, _unpacker("!h"))
register_param(23, _parse_int, _unpacker("!i"))
register_param(20, _parse_int, _unpacker("!q"))
register_param(26, _parse_int, _unpacker("!I"))  # oid
register_param(700, _parse_float, _unpacker("!f"))
register_param(701, _parse_float, _unpacker("!d"))
register_param(1700, _parse_numeric, numeric_from_binary)
