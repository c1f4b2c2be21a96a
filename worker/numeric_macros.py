"""PostgreSQL's numeric values in DuckDB: macros every DuckDB that runs query SQL has.

PostgreSQL keeps a display scale with each numeric value: a division's scale
depends on its operands' digits (select_div_scale in numeric.c), so one column
of ``a / b`` or ``avg(x)`` holds values of many scales, and CASE, COALESCE and
UNION keep each value's own scale (``coalesce(x, 0)`` shows ``0``, not
``0.00``). It also has NaN, Infinity and -Infinity. A DuckDB DECIMAL has one
scale per column and no such values, so where a query needs them the planner
(``planner/postgres_numeric.py``) computes with this value instead::

    STRUCT(whole DECIMAL(38,0), frac DECIMAL(38,0), scale INTEGER, unscaled DECIMAL(38,0))

``whole`` is the value's floor, ``frac`` the rest times 10^38 (0 <= frac <
10^38), ``scale`` PostgreSQL's display scale (0..38) and ``unscaled`` the value
times 10^scale. Comparing (whole, frac) compares values, and DuckDB orders the
struct the same way, so ORDER BY, min and max need nothing more; arithmetic
uses ``unscaled``. The fields are DECIMAL(38,0), which Arrow carries unchanged
between workers and gateway (a HUGEINT would arrive as one); the macros compute
in HUGEINT. NaN, Infinity and -Infinity have scale -1 and a whole outside every
finite value's (|whole| < 10^38 - 3), in PostgreSQL's order: -Infinity <
numbers < Infinity < NaN. A value that needs more than 38 digits (an unscaled
value, a product, a quotient at its scale) raises an error: PostgreSQL has
131072, DuckDB's HUGEINT 38.

The macros mirror numeric.c: ``pg_numeric_div`` is div_var rounded at
select_div_scale, ``pg_numeric_parse`` is numeric_in, ``pg_numeric_text`` is
numeric_out. What takes many steps of 128-bit arithmetic (a quotient at its
scale, a value from its unscaled digits, what a DECIMAL is compared with) is a Python
function over Arrow columns (``quotient``, ``_make``, ``cut``); the rest are macros. DuckDB's HUGEINT division is slow
(microseconds for a 128-bit dividend), so ``pg_idiv`` divides in BIGINT when it
can and otherwise from a DOUBLE estimate corrected by multiplications.
``install`` creates them; the worker and the gateway call it on their database.

>>> import duckdb
>>> con = duckdb.connect(); install(con)
>>> con.sql("SELECT pg_numeric_text(pg_numeric_div(pg_numeric(1), pg_numeric(3.0)))").fetchone()[0]
'0.33333333333333333333'
"""

from __future__ import annotations

import functools
import re

import duckdb
import pyarrow as pa

from duckflight.gateway.core.pg_types import NUMERIC_STRUCT

P38 = 10**38
LIMIT = P38 - 3  # |whole| of a finite value is below this; specials take DECIMAL(38,0)'s last values
NAN, PINF, NINF = P38 - 1, P38 - 2, -(P38 - 1)
# The message of every value this representation cannot hold (gateway/errors.py maps it to 0A000).
TOO_WIDE = "numeric value does not fit in 38 digits"
STRUCT_TYPE = NUMERIC_STRUCT
BIG = 2**63 - 1

_D = "CAST({} AS DECIMAL(38, 0))"
_H = "CAST({} AS HUGEINT)"
_ERROR = f"error('{TOO_WIDE}')"
_HALF = "10000000000000000000"  # 10^19: frac's halves, for sums
# name -> (parameters, body). In dependency order: a macro is bound when it is created.
MACROS = {
    # 10^k as HUGEINT for 0 <= k <= 38
    # (a product of two exact DOUBLE powers: a list of constants would be built anew for
    # every row inside the lambdas below)
    "pg_pow10": ("k", f"CASE WHEN k > 38 THEN {_ERROR} ELSE {_H.format('10.0 ** least(k, 19)')} * "
                      f"{_H.format('10.0 ** (k - least(k, 19))')} END"),
    # n // d for n >= 0, d > 0 (HUGEINT): in BIGINT if both fit, else a DOUBLE quotient
    # corrected twice by the remainder, then by one
    "pg_idiv_step": ("n, d, q", f"q + {_H.format('CAST(n - q * d AS DOUBLE) / CAST(d AS DOUBLE)')}"),
    "pg_idiv_fix": ("n, d, q", "q + CASE WHEN n - q * d < 0 THEN -1 WHEN n - q * d >= d THEN 1 ELSE 0 END"),
    "pg_idiv": ("n, d", f"CASE WHEN n <= {BIG} AND d <= {BIG} THEN {_H.format('CAST(n AS BIGINT) // CAST(d AS BIGINT)')} "
                        f"ELSE pg_idiv_fix(n, d, pg_idiv_step(n, d, pg_idiv_step(n, d, "
                        f"{_H.format('CAST(n AS DOUBLE) / CAST(d AS DOUBLE)')}))) END"),
    # floor(q / p) for p > 0
    "pg_floordiv": ("q, p", "CASE WHEN q >= 0 THEN pg_idiv(q, p) ELSE -pg_idiv(-q + p - 1, p) END"),
    "pg_numeric_pack": ("w, f, r, q", f"{{'whole': {_D.format(f'w + CASE WHEN w >= {LIMIT} OR w <= -{LIMIT} THEN {_ERROR} ELSE 0 END')}, "
                                      f"'frac': {_D.format('f')}, 'scale': CAST(r AS INTEGER), "
                                      f"'unscaled': {_D.format(f'q + CASE WHEN q >= {P38} OR q <= -{P38} THEN {_ERROR} ELSE 0 END')}}}"),
    "pg_numeric_special": ("w", f"{{'whole': {_D.format('w')}, 'frac': {_D.format(0)}, 'scale': -1, 'unscaled': {_D.format(0)}}}"),
    # a DECIMAL (or integer) x of scale s
    "pg_numeric_of_decimal": ("x, s", "CASE WHEN x IS NULL THEN NULL ELSE pg_numeric_pack(floor(x), "
                                      f"{_H.format('(x - floor(x)) * pg_pow10(s)')} * pg_pow10(38 - s), s, {_H.format('x * pg_pow10(s)')}) END"),
    # a DECIMAL x of scale s whose display scale is r <= s (digits beyond r are zeros)
    "pg_numeric_at": ("x, s, r", "CASE WHEN x IS NULL THEN NULL ELSE pg_numeric_make(pg_floordiv("
                                 f"{_H.format('x * pg_pow10(s)')}, pg_pow10(s - r)), r) END"),
    # a DuckDB DECIMAL or integer, from its text (which has all of its scale's digits)
    "pg_numeric_of_text": ("s", "pg_numeric_make(CAST(replace(s, '.', '') AS HUGEINT), "
                                "CASE WHEN strpos(s, '.') > 0 THEN length(s) - strpos(s, '.') ELSE 0 END)"),
    "pg_numeric": ("x", "pg_numeric_of_text(CAST(x AS VARCHAR))"),
    # numeric_in's special words, or its error
    "pg_numeric_word": ("s", f"CASE lower(trim(s)) WHEN 'nan' THEN pg_numeric_special({NAN}) "
                             f"WHEN 'infinity' THEN pg_numeric_special({PINF}) WHEN '+infinity' THEN pg_numeric_special({PINF}) "
                             f"WHEN 'inf' THEN pg_numeric_special({PINF}) WHEN '+inf' THEN pg_numeric_special({PINF}) "
                             f"WHEN '-infinity' THEN pg_numeric_special({NINF}) WHEN '-inf' THEN pg_numeric_special({NINF}) "
                             "ELSE error('invalid input syntax for type numeric: \"' || s || '\"') END"),
    # mantissa digits m (with sign) times 10^-e
    "pg_numeric_shift": ("m, e", f"CASE WHEN length(ltrim(m, '+-0')) > 38 OR e < -38 THEN {_ERROR} "
                                 "WHEN e >= 0 THEN pg_numeric_make(CAST(m AS HUGEINT), e) "
                                 "ELSE pg_numeric_make(CAST(m AS HUGEINT) * pg_pow10(-e), 0) END"),
    "pg_numeric_parsed": ("g, s", "CASE WHEN s IS NULL THEN NULL WHEN g.digits = '' AND g.fraction = '' THEN pg_numeric_word(s) "
                                  "ELSE pg_numeric_shift(g.sign || g.digits || g.fraction, "
                                  "length(g.fraction) - CAST(coalesce(nullif(g.exponent, ''), '0') AS INTEGER)) END"),
    # numeric_in: text to numeric
    "pg_numeric_parse": ("s", r"pg_numeric_parsed(regexp_extract(s, '^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$', "
                              "['sign', 'digits', 'fraction', 'exponent']), s)"),
    # float8_numeric, float4_numeric: the float's 15 (DBL_DIG), 6 (FLT_DIG) significant digits
    "pg_numeric_of_double": ("x", "pg_numeric_parse(printf('%.15g', x))"),
    "pg_numeric_of_real": ("x", "pg_numeric_parse(printf('%.6g', x))"),
    # the digits t of |unscaled| (at least r + 1 of them) with the point r from the right
    "pg_numeric_point": ("t, r", "CASE WHEN r > 0 THEN left(t, length(t) - r) || '.' || right(t, r) ELSE t END"),
    "pg_numeric_digits": ("t, r", "pg_numeric_point(lpad(t, CAST(greatest(length(t), r + 1) AS INTEGER), '0'), r)"),
    # numeric_out
    "pg_numeric_text": ("v", f"CASE WHEN v IS NULL THEN NULL WHEN v.scale < 0 THEN "
                             f"(CASE v.whole WHEN {NAN} THEN 'NaN' WHEN {PINF} THEN 'Infinity' ELSE '-Infinity' END) "
                             "ELSE CASE WHEN v.unscaled < 0 THEN '-' ELSE '' END || "
                             "pg_numeric_digits(CAST(abs(v.unscaled) AS VARCHAR), v.scale) END"),
    # cmp_numerics: -1, 0 or 1 as a is below, equal to or above b (NaN above every number)
    "pg_numeric_cmp": ("a, b", "CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN a.whole <> b.whole THEN "
                               "CASE WHEN a.whole < b.whole THEN -1 ELSE 1 END WHEN a.frac <> b.frac THEN "
                               "CASE WHEN a.frac < b.frac THEN -1 ELSE 1 END ELSE 0 END"),
    # what comparisons compare: the value, not its display scale
    "pg_numeric_key": ("v", "CASE WHEN v IS NULL THEN NULL ELSE {'whole': v.whole, 'frac': v.frac} END"),
    "pg_numeric_is_nan": ("v", f"v.scale < 0 AND v.whole = {NAN}"),
    # -1, 0, 1 (NaN: 0)
    "pg_numeric_sign": ("v", f"CASE WHEN v.scale < 0 THEN (CASE v.whole WHEN {PINF} THEN 1 WHEN {NINF} THEN -1 ELSE 0 END) "
                             "WHEN v.whole < 0 THEN -1 WHEN v.whole = 0 AND v.frac = 0 THEN 0 ELSE 1 END"),
    "pg_numeric_neg": ("v", f"CASE WHEN v IS NULL THEN NULL WHEN v.scale < 0 THEN pg_numeric_special("
                            f"CASE v.whole WHEN {PINF} THEN {NINF} WHEN {NINF} THEN {PINF} ELSE v.whole END) "
                            "WHEN v.frac = 0 THEN pg_numeric_pack(-v.whole, 0, v.scale, -v.unscaled) "
                            f"ELSE pg_numeric_pack(-v.whole - 1, {P38} - v.frac, v.scale, -v.unscaled) END"),
    "pg_numeric_abs": ("v", "CASE WHEN v.whole < 0 THEN pg_numeric_neg(v) ELSE v END"),
    # numeric_add: scale max(a, b); Infinity + -Infinity is NaN
    "pg_numeric_add": ("a, b", f"CASE WHEN a IS NULL OR b IS NULL THEN NULL "
                               f"WHEN pg_numeric_is_nan(a) OR pg_numeric_is_nan(b) OR a.scale < 0 AND b.scale < 0 AND a.whole <> b.whole "
                               f"THEN pg_numeric_special({NAN}) WHEN a.scale < 0 THEN a WHEN b.scale < 0 THEN b "
                               f"ELSE pg_numeric_pack(a.whole + b.whole + CASE WHEN a.frac >= {P38} - b.frac THEN 1 ELSE 0 END, "
                               f"CASE WHEN a.frac >= {P38} - b.frac THEN a.frac - ({P38} - b.frac) ELSE a.frac + b.frac END, "
                               "greatest(a.scale, b.scale), a.unscaled * pg_pow10(greatest(a.scale, b.scale) - a.scale) "
                               "+ b.unscaled * pg_pow10(greatest(a.scale, b.scale) - b.scale)) END"),
    "pg_numeric_sub": ("a, b", "pg_numeric_add(a, pg_numeric_neg(b))"),
    # numeric_mul: scale a + b; Infinity times zero is NaN
    "pg_numeric_mul": ("a, b", f"CASE WHEN a IS NULL OR b IS NULL THEN NULL "
                               f"WHEN pg_numeric_is_nan(a) OR pg_numeric_is_nan(b) THEN pg_numeric_special({NAN}) "
                               "WHEN a.scale < 0 OR b.scale < 0 THEN pg_numeric_special(CASE pg_numeric_sign(a) * pg_numeric_sign(b) "
                               f"WHEN 0 THEN {NAN} WHEN 1 THEN {PINF} ELSE {NINF} END) "
                               "ELSE pg_numeric_make(a.unscaled * b.unscaled, a.scale + b.scale) END"),
    # n / d rounded half away from zero (n >= 0, d > 0), q = n // d
    "pg_numeric_rounded_at": ("n, d, q", "q + CASE WHEN n - q * d >= d - (n - q * d) THEN 1 ELSE 0 END"),
    "pg_numeric_rounded": ("n, d", "pg_numeric_rounded_at(n, d, pg_idiv(n, d))"),
    # numeric_div: division by zero raises (also Infinity / 0); x / Infinity is 0
    "pg_numeric_div": ("a, b", f"CASE WHEN a IS NULL OR b IS NULL THEN NULL "
                               f"WHEN pg_numeric_is_nan(a) OR pg_numeric_is_nan(b) THEN pg_numeric_special({NAN}) "
                               "WHEN b.scale >= 0 AND b.unscaled = 0 THEN error('division by zero') "
                               f"WHEN a.scale < 0 AND b.scale < 0 THEN pg_numeric_special({NAN}) "
                               f"WHEN a.scale < 0 THEN pg_numeric_special(CASE WHEN pg_numeric_sign(a) * pg_numeric_sign(b) > 0 "
                               f"THEN {PINF} ELSE {NINF} END) "
                               "WHEN b.scale < 0 THEN pg_numeric_make(0, 0) "
                               "ELSE pg_numeric_quotient(a.unscaled, a.scale, b.unscaled, b.scale) END"),
    # numeric_round / numeric_trunc of unscaled q at scale r to n places (n may be negative);
    # display scale max(n, 0)
    "pg_numeric_places": ("q, r, n, round", "CASE WHEN n >= r THEN pg_numeric_make(q * pg_pow10(n - r), n) "
                                            "ELSE pg_numeric_make(CASE WHEN q < 0 THEN -1 ELSE 1 END * (CASE WHEN round "
                                            "THEN pg_numeric_rounded(abs(q), pg_pow10(r - n)) ELSE pg_idiv(abs(q), pg_pow10(r - n)) END) "
                                            "* pg_pow10(greatest(-n, 0)), greatest(n, 0)) END"),
    "pg_numeric_round": ("v, n", "CASE WHEN v IS NULL OR n IS NULL THEN NULL WHEN v.scale < 0 THEN v "
                                 "ELSE pg_numeric_places(v.unscaled, v.scale, n, true) END"),
    "pg_numeric_trunc": ("v, n", "CASE WHEN v IS NULL OR n IS NULL THEN NULL WHEN v.scale < 0 THEN v "
                                 "ELSE pg_numeric_places(v.unscaled, v.scale, n, false) END"),
    "pg_numeric_floor": ("v", "CASE WHEN v IS NULL THEN NULL WHEN v.scale < 0 THEN v ELSE pg_numeric_pack(v.whole, 0, 0, v.whole) END"),
    "pg_numeric_ceil": ("v", "CASE WHEN v IS NULL THEN NULL WHEN v.scale < 0 THEN v "
                             "ELSE pg_numeric_make(v.whole + CASE WHEN v.frac > 0 THEN 1 ELSE 0 END, 0) END"),
    # numeric_mod: the remainder has the dividend's sign, scale max(a, b); x % Infinity is x
    "pg_numeric_mod_at": ("x, y, r", "pg_numeric_make(CASE WHEN x < 0 THEN -1 ELSE 1 END * "
                                     "(abs(x) - pg_idiv(abs(x), abs(y)) * abs(y)), r)"),
    "pg_numeric_mod": ("a, b", f"CASE WHEN a IS NULL OR b IS NULL THEN NULL "
                               f"WHEN pg_numeric_is_nan(a) OR pg_numeric_is_nan(b) OR a.scale < 0 THEN pg_numeric_special({NAN}) "
                               "WHEN b.unscaled = 0 AND b.scale >= 0 THEN error('division by zero') "
                               "WHEN b.scale < 0 THEN a "
                               "ELSE pg_numeric_mod_at(a.unscaled * pg_pow10(greatest(a.scale, b.scale) - a.scale), "
                               "b.unscaled * pg_pow10(greatest(a.scale, b.scale) - b.scale), greatest(a.scale, b.scale)) END"),
    # numeric to an integer type: rounded; NaN and infinities cannot be (PostgreSQL's words)
    "pg_numeric_integer": ("v, kind", "CASE WHEN v IS NULL THEN NULL "
                                      "WHEN pg_numeric_is_nan(v) THEN error('cannot convert NaN to ' || kind) "
                                      "WHEN v.scale < 0 THEN error('cannot convert infinity to ' || kind) "
                                      "ELSE pg_numeric_round(v, 0).unscaled END"),
    # numeric to numeric(p, s) once rounded to s: its text, or numeric_typmod's error (i = p - s)
    "pg_numeric_fit": ("v, i", "CASE WHEN v IS NULL THEN NULL "
                               "WHEN pg_numeric_is_nan(v) THEN error('NaN cannot be held in a numeric with a precision') "
                               "WHEN v.scale < 0 OR abs(v.whole + CASE WHEN v.whole < 0 AND v.frac > 0 THEN 1 ELSE 0 END) >= pg_pow10(i) "
                               "THEN error('numeric field overflow') ELSE pg_numeric_text(v) END"),
    # sum: the parts each row adds, without CASE so that DuckDB computes the value once for all
    # of them. NaN and infinities add nothing (whole times 0, frac is 0) and are counted apart.
    # frac is split into any two parts whose sums fit: a DOUBLE's estimate of frac / 10^19, and
    # the exact rest.
    "pg_numeric_sum_whole": ("v", "v.whole * CAST(v.scale >= 0 AS INTEGER)"),
    "pg_numeric_sum_high": ("v", f"{_H.format('CAST(v.frac AS DOUBLE) / 1e19')}"),
    "pg_numeric_sum_low": ("v", f"v.frac - {_H.format('CAST(v.frac AS DOUBLE) / 1e19')} * {_HALF}"),
    "pg_numeric_sum_scale": ("v", "v.scale"),
    "pg_numeric_sum_nan": ("v", "pg_numeric_is_nan(v)"),
    "pg_numeric_sum_pinf": ("v", f"v.scale < 0 AND v.whole = {PINF}"),
    "pg_numeric_sum_ninf": ("v", f"v.scale < 0 AND v.whole = {NINF}"),
    # w + (h * 10^19 + l) / 10^38 at scale r, for sums w, h, l of those parts (partial sums come
    # back from workers as DECIMAL(38,0): computed in HUGEINT), f = (h mod 10^19) * 10^19 + l
    "pg_numeric_sum_at": ("w, f, r", "pg_numeric_make((w + pg_floordiv(f, pg_pow10(38))) * pg_pow10(r) "
                                     "+ pg_idiv(f - pg_floordiv(f, pg_pow10(38)) * pg_pow10(38), pg_pow10(38 - r)), r)"),
    "pg_numeric_sum_carry": ("w, h, l, r", f"pg_numeric_sum_at({_H.format('w')} + pg_floordiv({_H.format('h')}, {_HALF}), "
                                           f"({_H.format('h')} - pg_floordiv({_H.format('h')}, {_HALF}) * {_HALF}) * {_HALF} "
                                           f"+ {_H.format('l')}, r)"),
    # numeric_sum: w, h, l are sums of the parts above, r the largest scale, then whether NaN,
    # Infinity, -Infinity were seen, n the count of values
    "pg_numeric_sum": ("w, h, l, r, nan, pinf, ninf, n", "CASE WHEN n = 0 THEN NULL "
                                                         f"WHEN nan OR pinf AND ninf THEN pg_numeric_special({NAN}) "
                                                         f"WHEN pinf THEN pg_numeric_special({PINF}) "
                                                         f"WHEN ninf THEN pg_numeric_special({NINF}) "
                                                         "ELSE pg_numeric_sum_carry(coalesce(w, 0), coalesce(h, 0), coalesce(l, 0), r) END"),
}


# ------------------------------------------------------------- Python functions
# What takes many steps of 128-bit arithmetic is Python's, on whole Arrow columns: a macro of
# that many steps costs DuckDB milliseconds to bind (lambdas) and microseconds a row.


_POW = [10**k for k in range(80)]


def _make(q: int, r: int) -> tuple[int, int, int, int]:
    """The struct's fields of the value q / 10^r at display scale r."""
    if r > 38 or not -P38 < q < P38:
        raise ValueError(TOO_WIDE)
    whole, rest = divmod(q, _POW[r])  # floor and a rest >= 0
    if not -LIMIT < whole < LIMIT:
        raise ValueError(TOO_WIDE)
    return whole, rest * _POW[38 - r], r, q


@functools.lru_cache(maxsize=4096)  # a divisor is often one value for all rows
def _lead(u: int, s: int) -> tuple[int, int]:
    """(weight, first base-10000 digit) of |u| / 10^s, as numeric.c keeps them (0, 0 for 0)."""
    if u == 0:
        return 0, 0
    digits = str(abs(u))
    exponent = len(digits) - 1 - s  # of the leading decimal digit
    weight = exponent // 4
    width = exponent - 4 * weight + 1
    return weight, int(digits[:width].ljust(width, "0"))


def div_scale(x: int, sx: int, y: int, sy: int) -> int:
    """select_div_scale: at least 16 significant digits, and no fewer than either operand's scale.

    >>> div_scale(1, 0, 3, 0), div_scale(100000, 0, 3, 0), div_scale(2469135780246913405, 2, 2, 0)
    (20, 12, 4)
    """
    (wx, fx), (wy, fy) = _lead(x, sx), _lead(y, sy)
    weight = wx - wy - (1 if fx <= fy else 0)
    return max(16 - 4 * weight, sx, sy, 0)


def quotient(x: int, sx: int, y: int, sy: int) -> tuple[int, int, int, int]:
    """numeric_div of x / 10^sx by y / 10^sy: div_var rounded (half away from zero) at select_div_scale."""
    if y == 0:
        raise ZeroDivisionError("division by zero")
    r = div_scale(x, sx, y, sy)
    shift = r + sy - sx
    if shift >= 0:
        n, d = abs(x) * _POW[shift], abs(y)
    else:
        n, d = abs(x), abs(y) * _POW[-shift]
    q, rest = divmod(n, d)
    if 2 * rest >= d:
        q += 1
    return _make(-q if (x < 0) != (y < 0) else q, r)


def cut(whole: int, scale: int, unscaled: int, s: int) -> int:
    """To compare a DECIMAL x of scale s (at most 37 digits) with a numeric: the unscaled
    DECIMAL(38, s + 1) that lies where the numeric lies among the values of scale s, so that
    x op numeric is x op it for every comparison: its floor at s places, plus half a unit when
    it has digits beyond them. NaN, Infinity and values past 37 - s whole digits are above every
    such x, -Infinity and those below it under every such x: the largest or smallest one.

    >>> cut(0, 20, 33333333333333333333, 2), cut(1, 1, 15, 2), cut(-1, 20, -33333333333333333333, 2)
    (335, 1500, -335)
    """
    if whole >= _POW[37 - s]:
        return P38 - 1
    if whole < -_POW[37 - s]:
        return 1 - P38
    if scale <= s:
        return max(unscaled * _POW[s + 1 - scale], 1 - P38)
    floor = unscaled // _POW[scale - s]
    return floor * 10 + (0 if floor * _POW[scale - s] == unscaled else 5)


def _cuts(values: pa.StructArray, places: pa.Array) -> pa.Array:
    """``cut`` of each row, as DECIMAL(38,0); NULL where the numeric is."""
    fields = values.flatten()  # whole, frac, scale, unscaled; NULL where the struct is
    wholes, scales, unscaled = (_integers(fields[i]) for i in (0, 2, 3))
    out = [None if None in row else cut(*row) for row in zip(wholes, scales, unscaled, places.to_pylist())]
    return _decimals([0 if v is None else v for v in out], [v is None for v in out])


def _rows(function, *columns: pa.Array) -> pa.StructArray:
    """``function`` of each row's Python values, as the struct; NULL if an argument is."""
    values = [_integers(c) for c in columns]
    out, nulls = [], []
    for row in zip(*values):
        missing = None in row
        nulls.append(missing)
        out.append((0, 0, 0, 0) if missing else function(*row))
    wholes, fracs, scales, unscaled = zip(*out) if out else ((), (), (), ())
    return pa.StructArray.from_arrays(
        [_decimals(wholes), _decimals(fracs), pa.array(scales, pa.int32()), _decimals(unscaled)],
        names=["whole", "frac", "scale", "unscaled"], mask=pa.array(nulls, pa.bool_()))


def _integers(column: pa.Array) -> list:
    """A column of integers (or DECIMAL(38,0)) as Python ints; int64 when they fit, the fast way."""
    if pa.types.is_decimal(column.type):
        try:
            return column.cast(pa.int64()).to_pylist()
        except pa.ArrowInvalid:  # wider than int64: decimal.Decimal, slower
            return [None if v is None else int(v) for v in column.to_pylist()]
    return column.to_pylist()


def _decimals(values, nulls: list[bool] | None = None) -> pa.Array:
    """Python ints as DECIMAL(38,0) (decimal128), from their 16 little-endian bytes; NULL where ``nulls``."""
    data = b"".join(v.to_bytes(16, "little", signed=True) for v in values)
    valid = pa.array([not n for n in nulls], pa.bool_()).buffers()[1] if nulls and any(nulls) else None
    return pa.Array.from_buffers(pa.decimal128(38, 0), len(values), [valid, pa.py_buffer(data)])


# name -> (function over Arrow columns, DuckDB parameter types, DuckDB result type)
FUNCTIONS = {
    # the value q / 10^r at display scale r
    "pg_numeric_make": (lambda q, r: _rows(_make, q, r), ["HUGEINT", "BIGINT"], STRUCT_TYPE),
    # numeric_div of finite x / 10^sx by y / 10^sy (unscaled): division by zero raises
    "pg_numeric_quotient": (lambda x, sx, y, sy: _rows(quotient, x, sx, y, sy), ["HUGEINT", "BIGINT", "HUGEINT", "BIGINT"],
                            STRUCT_TYPE),
    # ``cut`` of a numeric at s places
    "pg_numeric_cut": (_cuts, [STRUCT_TYPE, "BIGINT"], "DECIMAL(38,0)"),
}


# Bodies that use a parameter twice but outside CASE, where DuckDB computes the copies once:
# a lambda would cost more (the sum's parts, once for every row summed).
NO_LET = {"pg_numeric_sum_whole", "pg_numeric_sum_low", "pg_numeric_sum_pinf", "pg_numeric_sum_ninf",
          "pg_numeric_is_nan"}


def install(database: duckdb.DuckDBPyConnection) -> None:
    """Create the functions and macros in ``database`` (visible to all its cursors)."""
    for name, (function, params, result) in FUNCTIONS.items():
        database.create_function(name, function, params, result, type="arrow", null_handling="special",
                                 side_effects=False)
    for name, (params, body) in MACROS.items():
        database.execute(f"CREATE OR REPLACE MACRO {name}({params}) AS {_let(name, params, _fields(body))}")


def _fields(body: str) -> str:
    """A struct's fields as v['whole'], the DECIMAL(38,0) ones computed in HUGEINT.

    v['whole'] rather than v.whole: DuckDB binds a lambda variable's v.whole in a HAVING
    clause as a column.
    """
    def field(match: re.Match) -> str:
        value = f"{match[1]}['{match[2]}']"
        return f"CAST({value} AS HUGEINT)" if match[2] in ("whole", "frac", "unscaled") else value

    return _outside_strings(body, lambda text: re.sub(r"\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b", field, text))


def _let(name: str, params: str, body: str) -> str:
    """``body`` with each parameter computed once.

    DuckDB expands a macro by copying its arguments into the body: a body that
    uses a parameter three times, called with a macro that does the same, is 9
    copies, and the copies grow exponentially with the depth of the calls
    (binding takes minutes). A body that uses a parameter more than once gets
    it from a one-element list's lambda instead, which evaluates the argument
    once (some 70 ns a row).
    """
    names = [p.strip() for p in params.split(",")]
    if name in NO_LET or all(len(re.findall(rf"\b{n}\b", body)) <= 1 for n in names):
        return body
    var = f"__{name}"
    word = re.compile(r"\b(" + "|".join(names) + r")\b")
    bound = _outside_strings(body, lambda text: word.sub(lambda m: f"{var}['{m[1]}']", text))
    fields = ", ".join(f"'{n}': {n}" for n in names)
    return f"list_transform([{{{fields}}}], lambda {var}: {bound})[1]"


def _outside_strings(sql: str, rewrite) -> str:
    """``sql`` with ``rewrite`` applied to all but its string constants."""
    pieces = re.split(r"('(?:[^']|'')*')", sql)  # every other piece is a quoted string
    return "".join(p if i % 2 else rewrite(p) for i, p in enumerate(pieces))
