"""Dates and times: date, time, timestamp, timestamptz, interval (also from duration).

Text output is PG 15's with DateStyle ``ISO, MDY``, TimeZone ``UTC`` and IntervalStyle
``postgres``: fractional seconds only when non-zero and trimmed, ``+00`` on timestamptz,
``BC`` years before 0001. Binary output counts from PG's epoch 2000-01-01 in days (date)
or microseconds (timestamps); time is microseconds since midnight.
"""

from __future__ import annotations

import datetime as dt
import re
import struct

import pyarrow as pa
import pyarrow.compute as pc

from duckflight.gateway.core.sql_error import SqlError
from .registry import (PgType, TagType, big_endian, py_binary, py_text, register, register_param, replace_rows,
                       trim_fraction)

PG_EPOCH_DAYS = 10957  # 2000-01-01 - 1970-01-01
PG_EPOCH_US = PG_EPOCH_DAYS * 86_400_000_000
_YEAR1_DAYS = -719162  # 0001-01-01 in days since 1970: earlier dates are BC


# -------------------------------------------------------------------------- date


def _bc(year: int, rest: str) -> str:
    # Arrow prints the proleptic astronomical year (0 = 1 BC, -1 = 2 BC); PG says BC.
    return f"{1 - year:04d}{rest} BC"


def _bc_from_arrow(s: str) -> str:
    sign = -1 if s.startswith("-") else 1
    body = s.lstrip("-")
    year, rest = body.split("-", 1)
    return _bc(sign * int(year), "-" + rest)


# ---------------------------------------------------------------------- infinity

# DuckDB's infinity and -infinity are the largest and (nearly) smallest value of the
# storage integer; PostgreSQL's are the largest and the smallest (DT_NOEND, DT_NOBEGIN).
_INT_LIMITS = {32: (2**31 - 1, -(2**31)), 64: (2**63 - 1, -(2**63))}


def _infinities(values: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """(values with each infinity as 0, mask of infinity, mask of -infinity) of a storage array."""
    top, bottom = _INT_LIMITS[values.type.bit_width]
    late = pc.equal(values, pa.scalar(top, values.type))
    early = pc.less_equal(values, pa.scalar(-top, values.type))
    infinite = pc.or_(late, early)
    if not pc.any(infinite).as_py():
        return values, late, early
    return pc.if_else(infinite, pa.scalar(0, values.type), values), late, early


def _infinity_text(text: pa.Array, late: pa.Array, early: pa.Array) -> pa.Array:
    if not pc.any(pc.or_(late, early)).as_py():
        return text
    return pc.if_else(late, "infinity", pc.if_else(early, "-infinity", text))


def _infinity_binary(values: pa.Array, late: pa.Array, early: pa.Array) -> pa.Array:
    """PostgreSQL's binary infinities in place of the (zeroed) infinite rows."""
    if not pc.any(pc.or_(late, early)).as_py():
        return values
    top, bottom = _INT_LIMITS[values.type.bit_width]
    return pc.if_else(late, pa.scalar(top, values.type),
                      pc.if_else(early, pa.scalar(bottom, values.type), values))


def _date_text(arr: pa.Array) -> pa.Array:
    days = arr if arr.type == pa.date32() else pc.cast(arr, pa.date32())
    raw, late, early = _infinities(days.view(pa.int32()))
    s = pc.cast(raw.view(pa.date32()), pa.string())
    bc = pc.less(raw, _YEAR1_DAYS)
    return _infinity_text(replace_rows(s, bc, lambda sub: py_text(sub, _bc_from_arrow)), late, early)


def _date_binary(arr: pa.Array) -> pa.Array:
    days = arr if arr.type == pa.date32() else pc.cast(arr, pa.date32())
    raw, late, early = _infinities(days.view(pa.int32()))
    return big_endian(_infinity_binary(pc.subtract(raw, pa.scalar(PG_EPOCH_DAYS, pa.int32())), late, early))


@register
def _dates(t: pa.DataType):
    if pa.types.is_date(t):
        return PgType("date", 1082, 4, _date_text, _date_binary)
    return None


# -------------------------------------------------------------------- timestamps


def _to_us(arr: pa.Array) -> pa.Array:
    """Naive timestamp[us] (PG's resolution; nanoseconds are truncated)."""
    naive = arr.view(pa.timestamp(arr.type.unit))  # tz-aware values are UTC already
    return naive if arr.type.unit == "us" else pc.cast(naive, pa.timestamp("us"), safe=False)


def _timestamp_text(arr: pa.Array) -> pa.Array:
    raw, late, early = _infinities(_to_us(arr).view(pa.int64()))
    s = trim_fraction(pc.cast(raw.view(pa.timestamp("us")), pa.string()))
    bc = pc.less(raw, _YEAR1_DAYS * 86_400_000_000)
    return _infinity_text(replace_rows(s, bc, lambda sub: py_text(sub, _bc_from_arrow)), late, early)


_UTC_NAMES = {"UTC", "utc", "+00:00", "Etc/UTC", "Z"}


def _timestamptz_text(arr: pa.Array) -> pa.Array:
    """Shown in the column's time zone (the session's TimeZone, see session.py), with
    its UTC offset as PG prints it: +HH, or +HH:MM[:SS] when not whole hours."""
    raw, late, early = _infinities(_to_us(arr).view(pa.int64()))
    arr = raw.view(pa.timestamp("us", arr.type.tz))
    if arr.type.tz in _UTC_NAMES:
        s, offset = _timestamp_text(arr), pa.scalar("+00")
    else:
        local = pc.local_timestamp(arr)
        s = _timestamp_text(local)
        seconds = pc.divide(pc.subtract(_to_us(local).view(pa.int64()), _to_us(arr).view(pa.int64())), 1_000_000)
        offset = _offset_text(seconds)
    # The offset goes before a BC suffix, as PG prints "0001-01-01 00:00:00+00 BC".
    with_tz = pc.binary_join_element_wise(s, offset, "")
    return _infinity_text(pc.replace_substring_regex(with_tz, r" BC([+-][\d:]+)$", r"\1 BC"), late, early)


def _offset_text(seconds: pa.Array) -> pa.Array:
    sign = pc.if_else(pc.less(seconds, 0), "-", "+")
    a = pc.abs(seconds)
    hours = pc.divide(a, 3600)
    minutes = pc.divide(pc.subtract(a, pc.multiply(hours, 3600)), 60)
    secs = pc.subtract(a, pc.add(pc.multiply(hours, 3600), pc.multiply(minutes, 60)))

    def two(v):
        return pc.utf8_lpad(pc.cast(v, pa.string()), width=2, padding="0")

    mm = pc.if_else(pc.or_(pc.not_equal(minutes, 0), pc.not_equal(secs, 0)),
                    pc.binary_join_element_wise(":", two(minutes), ""), "")
    ss = pc.if_else(pc.not_equal(secs, 0), pc.binary_join_element_wise(":", two(secs), ""), "")
    return pc.binary_join_element_wise(sign, two(hours), mm, ss, "")


def _timestamp_binary(arr: pa.Array) -> pa.Array:
    raw, late, early = _infinities(_to_us(arr).view(pa.int64()))
    return big_endian(_infinity_binary(pc.subtract(raw, PG_EPOCH_US), late, early))


@register
def _timestamps(t: pa.DataType):
    if not pa.types.is_timestamp(t):
        return None
    if t.tz is None:
        return PgType("timestamp", 1114, 8, _timestamp_text, _timestamp_binary)
    return PgType("timestamptz", 1184, 8, _timestamptz_text, _timestamp_binary)


# -------------------------------------------------------------------------- time


def _time_us(arr: pa.Array) -> pa.Array:
    if arr.type == pa.time64("us"):
        return arr
    return pc.cast(arr, pa.time64("us"), safe=False)


_DAY_US = 86_400_000_000


def _time_text(arr: pa.Array) -> pa.Array:
    """hh:mm:ss[.f]; 24:00:00, which PostgreSQL (and DuckDB) allow, is past Arrow's times."""
    us = _time_us(arr).view(pa.int64())
    midnight = pc.equal(us, _DAY_US)
    if not pc.any(midnight).as_py():
        return trim_fraction(pc.cast(_time_us(arr), pa.string()))
    text = trim_fraction(pc.cast(pc.if_else(midnight, 0, us).cast(pa.int64()).view(pa.time64("us")), pa.string()))
    return pc.if_else(midnight, "24:00:00", text)


def _time_binary(arr: pa.Array) -> pa.Array:
    return big_endian(_time_us(arr).view(pa.int64()))


@register
def _times(t: pa.DataType):
    if pa.types.is_time(t):
        return PgType("time", 1083, 8, _time_text, _time_binary)
    return None


# ------------------------------------------------------------------------ timetz


class TimeTzType(TagType):
    """PostgreSQL's timetz (1266) over its text ('10:00:00.5+05:30'): DuckDB's TIME WITH TIME
    ZONE reaches Arrow as a time without its offset, so the final stage sends its text
    (``result_types``), which is PostgreSQL's output form already."""

    STORAGE, NAME = pa.string(), "duckflight.timetz"


TIMETZ = TimeTzType()
_TIMETZ_TEXT = re.compile(r"(\d+):(\d+):(\d+)(?:\.(\d+))?([+-])(\d+)(?::(\d+))?(?::(\d+))?")


def _timetz_binary(text: str) -> bytes:
    """timetz_send: microseconds of the day, then the offset in seconds west of UTC."""
    m = _TIMETZ_TEXT.fullmatch(text)
    hours, minutes, seconds = int(m[1]), int(m[2]), int(m[3])
    micros = ((hours * 60 + minutes) * 60 + seconds) * 1_000_000 + int((m[4] or "").ljust(6, "0")[:6] or 0)
    east = int(m[6]) * 3600 + int(m[7] or 0) * 60 + int(m[8] or 0)
    return struct.pack("!qi", micros, east if m[5] == "-" else -east)


# Rare in results (current_time, casts): per-row Python for binary.
_TIMETZ = PgType("timetz", 1266, 12, lambda a: a.storage, lambda a: py_binary(a.storage, _timetz_binary))


@register
def _timetzs(t: pa.DataType):
    return _TIMETZ if isinstance(t, TimeTzType) else None


# ---------------------------------------------------------------------- interval


def interval_text(months: int, days: int, micros: int) -> str:
    """PG's IntervalStyle 'postgres' output (EncodeInterval in datetime.c)."""
    years, mons = int(months / 12), months - int(months / 12) * 12  # C truncation
    parts: list[str] = []
    before = False  # a previous field was negative: positive ones then get a '+'
    for value, unit in ((years, "year"), (mons, "mon"), (days, "day")):
        if value:
            sign = "+" if before and value > 0 else ""
            parts.append(f"{sign}{value} {unit}{'' if value == 1 else 's'}")
            before = value < 0
    if not parts or micros:
        neg = micros < 0
        a = abs(micros)
        hours, rem = divmod(a, 3_600_000_000)
        minutes, rem = divmod(rem, 60_000_000)
        secs, frac = divmod(rem, 1_000_000)
        text = f"{hours:02d}:{minutes:02d}:{secs:02d}"
        if frac:
            text += f".{frac:06d}".rstrip("0")
        parts.append(("-" if neg else "+" if before else "") + text)
    return " ".join(parts)


def _mdn(v) -> tuple[int, int, int]:
    if isinstance(v, dt.timedelta):  # from a duration column: everything in the time part
        return 0, 0, (v.days * 86_400 + v.seconds) * 1_000_000 + v.microseconds
    return v.months, v.days, int(v.nanoseconds / 1000)


def _interval_values(arr: pa.Array) -> pa.Array:
    if pa.types.is_duration(arr.type) and arr.type.unit != "us":
        arr = pc.cast(arr, pa.duration("us"), safe=False)
    return arr


# Intervals are rare in results and have no Arrow formatting kernel: per-row Python.
def _interval_text(arr: pa.Array) -> pa.Array:
    return py_text(_interval_values(arr), lambda v: interval_text(*_mdn(v)))


def _interval_binary(arr: pa.Array) -> pa.Array:
    def enc(v) -> bytes:
        months, days, micros = _mdn(v)
        return struct.pack("!qii", micros, days, months)

    return py_binary(_interval_values(arr), enc)


@register
def _intervals(t: pa.DataType):
    if t == pa.month_day_nano_interval() or pa.types.is_duration(t):
        return PgType("interval", 1186, 16, _interval_text, _interval_binary)
    return None


# -------------------------------------------------------------- Bind parameters

_EPOCH = dt.datetime(2000, 1, 1)


def _iso(parse):
    """A text parameter in ISO form as its value; any other text (``infinity``, ``today``, a
    BC year, a timestamptz without an offset, which is a wall-clock time of the session's
    TimeZone) stays text, for the planner to read as PostgreSQL does (datetime_constants)."""
    def dec(s: str):
        try:
            return parse(s.strip())
        except ValueError:
            return s

    return dec


def _timestamptz(s: str) -> dt.datetime:
    v = dt.datetime.fromisoformat(s)
    if v.tzinfo is None:
        raise ValueError("a wall-clock time of the session's zone")
    return v.astimezone(dt.timezone.utc)


def _unpack(fmt: str, conv):
    st = struct.Struct(fmt)

    def dec(b: bytes):
        if len(b) != st.size:
            raise SqlError("22P03", "incorrect binary data format in bind parameter")
        return conv(*st.unpack(b))

    return dec


def _time_from_us(us: int) -> dt.time:
    return (dt.datetime.min + dt.timedelta(microseconds=us)).time()


def _interval_from_binary(micros: int, days: int, months: int) -> str:
    """As interval text the planner reads (months do not fit a timedelta)."""
    return f"{months} months {days} days {micros} microseconds"


def _date(s: str) -> dt.date:
    # PG's date input takes the date of a timestamp and ignores a zone: pgjdbc's
    # setDate sends "1995-06-17 +02" (its JVM's offset) with the type left unspecified.
    return dt.date.fromisoformat(s.split(" ", 1)[0].split("T", 1)[0])


def _timestamp(s: str) -> dt.datetime:
    # timestamp without time zone ignores a zone in its input, as PG's does (pgjdbc's
    # setTimestamp sends "2024-01-31 10:00:00+02" with the type left unspecified).
    return dt.datetime.fromisoformat(s).replace(tzinfo=None)


register_param(1082, _iso(_date),
               _unpack("!i", lambda d: dt.date(2000, 1, 1) + dt.timedelta(days=d)))
register_param(1083, _iso(dt.time.fromisoformat), _unpack("!q", _time_from_us))
register_param(1114, _iso(_timestamp),
               _unpack("!q", lambda us: _EPOCH + dt.timedelta(microseconds=us)))
register_param(1184, _iso(_timestamptz),
               _unpack("!q", lambda us: (_EPOCH + dt.timedelta(microseconds=us)).replace(tzinfo=dt.timezone.utc)))
register_param(1186, str, _unpack("!qii", _interval_from_binary))
