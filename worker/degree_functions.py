"""PostgreSQL's trigonometric functions in degrees, which DuckDB lacks: sind, cosd, tand,
cotd, asind, acosd, atand and atan2d (float8 in, float8 out).

They compute as PostgreSQL's float.c does (dsind, dcosd, ... in src/backend/utils/adt/float.c):
the angle is folded into the first quadrant and each result is scaled by the value of the
function at 30, 45 or 60 degrees, so the usual angles give exact answers (``sind(30)`` is
0.5, ``atan2d(1, 1)`` 45) where ``sin(radians(30))`` gives 0.49999999999999994. Python's
``math`` calls the same C library PostgreSQL calls, so the other angles match too. An
infinite argument, or one outside [-1, 1] for asind/acosd, raises "input is out of range"
(22003, gateway/errors.py). NULL in, NULL out.

>>> sind(30.0), cosd(60.0), tand(45.0), atan2d(1.0, 1.0), asind(0.5), acosd(-1.0), sind(-390.0)
(0.5, 0.5, 1.0, 45.0, 30.0, 180.0, -0.5)
"""

from __future__ import annotations

import math

import duckdb
import pyarrow as pa

RADIANS_PER_DEGREE = 0.0174532925199432957692
SIN_30 = math.sin(30.0 * RADIANS_PER_DEGREE)
ONE_MINUS_COS_60 = 1.0 - math.cos(60.0 * RADIANS_PER_DEGREE)
ASIN_0_5, ACOS_0_5, ATAN_1_0 = math.asin(0.5), math.acos(0.5), math.atan(1.0)
OUT_OF_RANGE = "input is out of range"


def _sind_0_to_30(x: float) -> float:
    return (math.sin(x * RADIANS_PER_DEGREE) / SIN_30) / 2.0


def _cosd_0_to_60(x: float) -> float:
    return 1.0 - ((1.0 - math.cos(x * RADIANS_PER_DEGREE)) / ONE_MINUS_COS_60) / 2.0


def _sind_q1(x: float) -> float:
    return _sind_0_to_30(x) if x <= 30.0 else _cosd_0_to_60(90.0 - x)


def _cosd_q1(x: float) -> float:
    return _cosd_0_to_60(x) if x <= 60.0 else _sind_0_to_30(90.0 - x)


def _first_quadrant(x: float) -> tuple[float, float, float]:
    """(angle in [0, 90], sign of sin, sign of cos) of x degrees."""
    if math.isinf(x):
        raise ValueError(OUT_OF_RANGE)
    x, sin_sign, cos_sign = math.fmod(x, 360.0), 1.0, 1.0
    if x < 0.0:
        x, sin_sign = -x, -sin_sign
    if x > 180.0:
        x, sin_sign = 360.0 - x, -sin_sign
    if x > 90.0:
        x, cos_sign = 180.0 - x, -cos_sign
    return x, sin_sign, cos_sign


def sind(x: float) -> float:
    if math.isnan(x):
        return x
    angle, sin_sign, _ = _first_quadrant(x)
    return sin_sign * _sind_q1(angle)


def cosd(x: float) -> float:
    if math.isnan(x):
        return x
    angle, _, cos_sign = _first_quadrant(x)
    return cos_sign * _cosd_q1(angle)


def tand(x: float) -> float:
    return _ratio(x, cotangent=False)


def cotd(x: float) -> float:
    return _ratio(x, cotangent=True)


def _ratio(x: float, cotangent: bool) -> float:
    """tan (sin / cos) or cot (cos / sin) of x degrees: infinite where the divisor is 0."""
    if math.isnan(x):
        return x
    angle, sin_sign, cos_sign = _first_quadrant(x)
    top, bottom = _sind_q1(angle), _cosd_q1(angle)
    if cotangent:
        top, bottom = bottom, top
    return sin_sign * cos_sign * (math.inf if bottom == 0.0 else top / bottom)


def _asind_q1(x: float) -> float:
    return (math.asin(x) / ASIN_0_5) * 30.0 if x <= 0.5 else 90.0 - (math.acos(x) / ACOS_0_5) * 60.0


def _acosd_q1(x: float) -> float:
    return 90.0 - (math.asin(x) / ASIN_0_5) * 30.0 if x <= 0.5 else (math.acos(x) / ACOS_0_5) * 60.0


def _unit(x: float) -> None:
    if x < -1.0 or x > 1.0:
        raise ValueError(OUT_OF_RANGE)


def asind(x: float) -> float:
    if math.isnan(x):
        return x
    _unit(x)
    return _asind_q1(x) if x >= 0.0 else -_asind_q1(-x)


def acosd(x: float) -> float:
    if math.isnan(x):
        return x
    _unit(x)
    return _acosd_q1(x) if x >= 0.0 else 90.0 + _asind_q1(-x)


def atand(x: float) -> float:
    if math.isnan(x):
        return x
    return (math.atan(x) / ATAN_1_0) * 45.0


def atan2d(y: float, x: float) -> float:
    if math.isnan(y) or math.isnan(x):
        return math.nan
    return (math.atan2(y, x) / ATAN_1_0) * 45.0


FUNCTIONS = {f.__name__: f for f in (sind, cosd, tand, cotd, asind, acosd, atand, atan2d)}


def _vectorized(function):
    """An Arrow UDF of ``function`` with its own number of parameters (DuckDB counts them)."""
    def rows(*columns: pa.Array) -> pa.Array:
        values = zip(*(c.to_pylist() for c in columns))
        return pa.array([None if None in row else function(*row) for row in values], pa.float64())
    if function.__code__.co_argcount == 2:
        return lambda y, x: rows(y, x)
    return lambda x: rows(x)


def install(database: duckdb.DuckDBPyConnection) -> None:
    """Create the functions in ``database`` (visible to all its cursors)."""
    for name, function in FUNCTIONS.items():
        arity = function.__code__.co_argcount
        database.create_function(name, _vectorized(function), ["DOUBLE"] * arity, "DOUBLE", type="arrow",
                                 null_handling="special", side_effects=False)
