"""PostgreSQL's interval input: text (and optional fields and precision) to months, days, microseconds.

A port of PostgreSQL 15's ``interval_in``: ParseDateTime cuts the text into
fields, DecodeInterval reads them right to left (a unit names the number before
it; ``ago`` negates; ``1-2`` is years-months; ``hh:mm[:ss]`` a time; a bare
number's unit comes from the fields, seconds without), DecodeISO8601Interval
reads ``P1Y2M3DT4H5M6S`` and ``P0001-02-03T04:05:06``, and
AdjustIntervalForTypmod truncates to the fields (``DAY TO MINUTE``) and rounds
to the precision. Errors are PostgreSQL's: 22007 for bad syntax, 22015 for a
field out of range.

>>> parse_interval("1 year 2 months 3 days 04:05:06.789")
(14, 3, 14706789000)
>>> parse_interval("@ 1 minute ago"), parse_interval("P1Y2M"), parse_interval("1-2")
((0, 0, -60000000), (14, 0, 0), (14, 0, 0))
>>> parse_interval("1 2:03:04", "DAY TO MINUTE"), interval_typmod("DAY TO MINUTE", None)
((0, 1, 7380000000), 201916415)
"""

from __future__ import annotations

import math
import re

from duckflight.gateway.core.sql_error import SqlError

US_SECOND, US_MINUTE, US_HOUR, US_DAY = 1_000_000, 60_000_000, 3_600_000_000, 86_400_000_000
DAYS_PER_MONTH = 30
MONTH, YEAR, DAY, HOUR, MINUTE, SECOND = 1 << 1, 1 << 2, 1 << 3, 1 << 10, 1 << 11, 1 << 12
FULL_RANGE, FULL_PRECISION = 0x7FFF, 0xFFFF
RANGES = {
    None: FULL_RANGE, "YEAR": YEAR, "MONTH": MONTH, "DAY": DAY, "HOUR": HOUR, "MINUTE": MINUTE, "SECOND": SECOND,
    "YEAR TO MONTH": YEAR | MONTH, "DAY TO HOUR": DAY | HOUR, "DAY TO MINUTE": DAY | HOUR | MINUTE,
    "DAY TO SECOND": DAY | HOUR | MINUTE | SECOND, "HOUR TO MINUTE": HOUR | MINUTE,
    "HOUR TO SECOND": HOUR | MINUTE | SECOND, "MINUTE TO SECOND": MINUTE | SECOND,
}
# A bare number's unit, by the fields (DecodeInterval: "use typmod to decide what rightmost field is").
_BARE_UNIT = {YEAR: "year", MONTH: "month", YEAR | MONTH: "month", DAY: "day", HOUR: "hour", DAY | HOUR: "hour",
              MINUTE: "minute", HOUR | MINUTE: "minute", DAY | HOUR | MINUTE: "minute"}
# deltatktbl: unit words (compared on their first 10 characters, as PostgreSQL's TOKMAXLEN).
UNITS = {
    **dict.fromkeys(["c", "cent", "centuries", "century"], "century"),
    **dict.fromkeys(["d", "day", "days"], "day"),
    **dict.fromkeys(["dec", "decade", "decades", "decs"], "decade"),
    **dict.fromkeys(["h", "hour", "hours", "hr", "hrs"], "hour"),
    **dict.fromkeys(["m", "min", "mins", "minute", "minutes"], "minute"),
    **dict.fromkeys(["microsecon", "us", "usec", "useconds", "usecs"], "microsecond"),
    **dict.fromkeys(["mil", "millennia", "millennium", "mils"], "millennium"),
    **dict.fromkeys(["millisecon", "ms", "msec", "mseconds", "msecs"], "millisecond"),
    **dict.fromkeys(["mon", "mons", "month", "months"], "month"),
    **dict.fromkeys(["s", "sec", "second", "seconds", "secs"], "second"),
    **dict.fromkeys(["w", "week", "weeks"], "week"),
    **dict.fromkeys(["y", "year", "years", "yr", "yrs"], "year"),
    "qtr": "quarter", "quarter": "quarter",
}
_YEARS = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}
# A bit per unit, to refuse a unit given twice (DecodeInterval's tmask/fmask).
_BIT = {u: 1 << i for i, u in enumerate(["microsecond", "millisecond", "second", "minute", "hour", "day", "week",
                                         "month", "year", "decade", "century", "millennium"])}
_TIME_BITS = _BIT["hour"] | _BIT["minute"] | _BIT["second"]
_ALL_SECONDS = _BIT["second"] | _BIT["millisecond"] | _BIT["microsecond"]
_TIME_UNITS = {"microsecond": 1, "millisecond": 1000, "second": US_SECOND, "minute": US_MINUTE, "hour": US_HOUR}
_INT32 = (-(2 ** 31), 2 ** 31 - 1)
_INT64 = (-(2 ** 63), 2 ** 63 - 1)


class _BadFormat(Exception):
    pass


class _Overflow(Exception):
    pass


def interval_typmod(fields: str | None, precision: int | None) -> int:
    """The type modifier PostgreSQL gives ``interval fields (precision)`` (-1: none)."""
    if fields is None and precision is None:
        return -1
    return (RANGES[fields] << 16) | (FULL_PRECISION if precision is None else min(precision, 6))


def parse_interval(text: str, fields: str | None = None, precision: int | None = None) -> tuple[int, int, int]:
    """(months, days, microseconds) of ``text`` read as ``interval fields (precision)``."""
    value = _read(text, RANGES[fields])
    months, days, micros = value
    if not (_INT32[0] <= months <= _INT32[1] and _INT32[0] <= days <= _INT32[1] and _INT64[0] <= micros <= _INT64[1]):
        raise SqlError("22008", "interval out of range")
    return adjust(value, fields, precision)


def _read(text: str, range_: int) -> tuple[int, int, int]:
    try:
        try:
            return _decode_interval(_fields(text), range_)
        except _BadFormat:
            return _decode_iso8601(text)
    except _BadFormat:
        raise SqlError("22007", f'invalid input syntax for type interval: "{text}"') from None
    except _Overflow:
        raise SqlError("22015", f'interval field value out of range: "{text}"') from None


def adjust(value: tuple[int, int, int], fields: str | None, precision: int | None) -> tuple[int, int, int]:
    """AdjustIntervalForTypmod: drop what the fields leave out, round to the precision."""
    months, days, micros = value
    range_ = RANGES[fields]
    if range_ == YEAR:
        months, days, micros = trunc_div(months, 12) * 12, 0, 0
    elif range_ in (MONTH, YEAR | MONTH):
        days, micros = 0, 0
    elif range_ == DAY:
        micros = 0
    elif range_ in (HOUR, DAY | HOUR):
        micros = trunc_div(micros, US_HOUR) * US_HOUR
    elif range_ in (MINUTE, DAY | HOUR | MINUTE, HOUR | MINUTE):
        micros = trunc_div(micros, US_MINUTE) * US_MINUTE
    if precision is not None and precision < 6:
        scale = 10 ** (6 - precision)
        magnitude = (abs(micros) + scale // 2) // scale * scale
        micros = magnitude if micros >= 0 else -magnitude
    return months, days, micros


def trunc_div(a: int, b: int) -> int:
    """C's integer division, toward zero."""
    return a // b if a >= 0 else -((-a) // b)


# -- ParseDateTime --------------------------------------------------------------------

_TIME_FIELD = re.compile(r"\d+:[\d:.]*")
_WORD = re.compile(r"[a-z]+")
_SIGNED = re.compile(r"([+-])\s*(?:(\d[\d:.\-]*)|([a-z]+))")


def _fields(text: str) -> list[tuple[str, str]]:
    """ParseDateTime for interval input: (kind, text) per field, lower case."""
    out, i, s = [], 0, text.lower()
    while i < len(s):
        c = s[i]
        if c.isspace() or _is_punct(c) and c not in "+-.":
            i += 1
            continue
        if c.isdigit() and (m := _TIME_FIELD.match(s, i)):
            field = ("time", m.group())
        elif c.isdigit():
            kind, end = _digit_field(s, i)
            out.append((kind, s[i:end]))
            i = end
            continue
        elif c == ".":
            m = re.compile(r"\.\d*").match(s, i)
            field = ("number", m.group())
        elif c.isalpha():
            m = _WORD.match(s, i)
            nxt = s[m.end():m.end() + 1]
            if nxt and (nxt in "-/.+" or nxt.isdigit()) and not _is_keyword(m.group()):
                m = re.compile(r"[a-z]+[+\-/_.:a-z0-9]*").match(s, i)
                field = ("date", m.group())
            else:
                field = ("string", m.group())
        elif (m := _SIGNED.match(s, i)) is not None:
            field = ("tz", m.group(1) + m.group(2)) if m.group(2) else ("special", m.group(1) + m.group(3))
        else:
            raise _BadFormat
        out.append(field)
        i = m.end()
    return out


def _digit_field(s: str, i: int) -> tuple[str, int]:
    """(kind, end) of a field that starts with a digit: a number, or a date (1-2, 1/2/3, 1.2.3)."""
    j = i
    while j < len(s) and s[j].isdigit():
        j += 1
    if j >= len(s) or s[j] not in "-/.":
        return "number", j
    delim, j = s[j], j + 1
    if j < len(s) and s[j].isdigit():
        kind = "number" if delim == "." else "date"
        while j < len(s) and s[j].isdigit():
            j += 1
        if j < len(s) and s[j] == delim:  # three fields: the same delimiter again
            kind = "date"
            while j < len(s) and (s[j].isdigit() or s[j] == delim):
                j += 1
        return kind, j
    while j < len(s) and (s[j].isalnum() or s[j] == delim):
        j += 1
    return "date", j


def _is_keyword(word: str) -> bool:
    # PostgreSQL asks its date keyword table (datetktbl) here; for intervals only its
    # unit-like entries matter: a word before a digit is otherwise a zone name.
    return word[:10] in UNITS or word in ("ago", "on", "t")


def _is_punct(c: str) -> bool:
    return c.isascii() and not c.isalnum() and not c.isspace() and c.isprintable()


# -- DecodeInterval -------------------------------------------------------------------

def _decode_interval(fields: list[tuple[str, str]], range_: int) -> tuple[int, int, int]:
    """Fields right to left: a unit word names the number before it; a time is hh:mm:ss."""
    value = _Acc()
    unit, pending_unit, before, seen = None, False, False, 0
    for kind, text in reversed(fields):
        if kind == "time" or kind == "tz" and ":" in text[1:] and _time_ok(text[1:], range_):
            micros = _time(text if kind == "time" else text[1:], range_)
            value.micros = -micros if kind == "tz" and text[0] == "-" else micros  # as PostgreSQL: set, not added
            unit, pending_unit, mask = "day", False, _TIME_BITS
        elif kind in ("tz", "date", "number"):
            val, fval, unit = _number(text, unit or _BARE_UNIT.get(range_, "second"))
            if unit not in _BIT:
                raise _BadFormat
            mask = _ALL_SECONDS if unit == "second" and fval else _BIT[unit]
            value.add(unit, val, fval)
            unit, pending_unit = "day" if unit == "hour" else unit, False
        else:  # a word: a unit, "ago", "@"
            word = text.lstrip("+-")
            if pending_unit or kind not in ("string", "special"):
                raise _BadFormat
            if word in ("@", "on", "ago"):  # "ago" anywhere: PostgreSQL 15 does not insist on the end
                before = before or word == "ago"
                continue
            unit, pending_unit = UNITS.get(word[:10]) or _bad(), True
            continue
        if mask & seen:
            raise _BadFormat
        seen |= mask
    if not seen or pending_unit:
        raise _BadFormat
    total = value.total()
    return tuple(-v for v in total) if before else total


def _number(text: str, unit: str) -> tuple[int, float, str]:
    """(integer part, signed fraction, unit) of a number field; ``1-2`` is years-months."""
    m = re.fullmatch(r"([+-]?)(\d*)(.*)", text)
    sign, digits, rest = m.group(1), m.group(2), m.group(3)
    if not digits:
        if not rest.startswith("."):
            raise _BadFormat
        digits = "0"
    val = int(digits) * (-1 if sign == "-" else 1)
    if rest.startswith("-"):
        part = re.fullmatch(r"-(\d+)", rest)
        if part is None:
            raise _BadFormat
        months = int(part.group(1))
        if months >= 12:
            raise _Overflow
        return val * 12 + (-months if sign == "-" else months), 0.0, "month"
    if rest.startswith("."):
        try:
            fval = float("0" + rest) if rest != "." else 0.0
        except ValueError:
            raise _BadFormat from None
        return val, -fval if sign == "-" else fval, unit
    if rest:
        raise _BadFormat
    return val, 0.0, unit


def _mul(val: int, fval: float, scale: int) -> int:
    return val * scale + _round_frac(fval * scale)


def _round_frac(frac: float) -> int:
    """AdjustFractMicroseconds: truncate, then round a remaining half-microsecond away from zero."""
    whole = int(frac)
    rest = frac - whole
    return whole + (1 if rest > 0.5 else -1 if rest < -0.5 else 0)


def round_half_even(x: float) -> float:
    """C's rint() (round half to even), as Python's round()."""
    return float(round(x))


def _time_ok(text: str, range_: int) -> bool:
    try:
        _time(text, range_)
        return True
    except (_BadFormat, _Overflow):
        return False


def _time(text: str, range_: int) -> int:
    """DecodeTimeCommon for intervals: hh:mm[:ss[.f]], or mm:ss[.f] (``MINUTE TO SECOND``)."""
    m = re.fullmatch(r"(\d+):(\d+)(?::(\d+))?(\.\d*)?", text)
    if m is None:
        raise _BadFormat
    hours, minutes = int(m.group(1)), int(m.group(2))
    seconds = int(m.group(3)) if m.group(3) is not None else 0
    fraction = m.group(4)
    if m.group(3) is None and (fraction is not None or range_ == MINUTE | SECOND):
        hours, minutes, seconds = 0, hours, minutes  # mm:ss
    fsec = round(float("0" + fraction) * US_SECOND) if fraction and fraction != "." else 0
    if minutes > 59 or seconds > 60 or fsec > US_SECOND:
        raise _Overflow
    return ((hours * 60 + minutes) * 60 + seconds) * US_SECOND + fsec


# -- DecodeISO8601Interval ------------------------------------------------------------

_NUM = r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_DESIGNATED = re.compile(rf"(?:{_NUM}[A-Z])*")
_ONE = re.compile(rf"({_NUM})([A-Z])")


def _decode_iso8601(text: str) -> tuple[int, int, int]:
    """``P`` then a date part and, after ``T``, a time part; each with unit designators
    (``1Y2M3W4D``, ``5H6M7S``) or in the alternative format (``0001-02-03``, ``00010203``;
    ``04:05:06``, ``040506``)."""
    if len(text) < 2 or text[0] != "P":
        raise _BadFormat
    date_part, _, time_part = text[1:].partition("T")
    value = _Acc()
    if _DESIGNATED.fullmatch(date_part):
        for number, unit in _ONE.findall(date_part):
            val, fval = _iso_number(number)
            {"Y": lambda: value.years(val, fval), "M": lambda: value.months(val, fval),
             "W": lambda: value.days(val * 7, fval * 7), "D": lambda: value.days(val, fval)}.get(unit, _bad)()
    elif re.fullmatch(r"-?\d{8}(?:\.\d*)?", date_part):
        val, fval = _iso_number(date_part)
        value.years(val // 10000, 0)
        value.months((val // 100) % 100, 0)
        value.days(val % 100, fval)
    else:
        parts = date_part.split("-") if not date_part.startswith("-") else _bad()
        if len(parts) > 3:
            raise _BadFormat
        for number, add in zip(parts, (value.years, value.months, value.days)):
            add(*_iso_number(number))
    if _DESIGNATED.fullmatch(time_part):
        for number, unit in _ONE.findall(time_part):
            scale = {"H": US_HOUR, "M": US_MINUTE, "S": US_SECOND}.get(unit) or _bad()
            value.micros += _mul(*_iso_number(number), scale)
    elif re.fullmatch(r"-?\d{6}(?:\.\d*)?", time_part):
        val, fval = _iso_number(time_part)
        value.micros += (val // 10000) * US_HOUR + ((val // 100) % 100) * US_MINUTE
        value.micros += (val % 100) * US_SECOND + _round_frac(fval)
    else:
        parts = time_part.split(":")
        if len(parts) > 3:
            raise _BadFormat
        for number, scale in zip(parts, (US_HOUR, US_MINUTE, US_SECOND)):
            value.micros += _mul(*_iso_number(number), scale)
    return value.total()


def _bad():
    raise _BadFormat


def _iso_number(text: str) -> tuple[int, float]:
    """ParseISO8601Number: (integer part toward zero, fraction) of a strtod number."""
    if not re.fullmatch(_NUM, text):
        raise _BadFormat
    val = float(text)
    if math.isnan(val) or abs(val) > 1e15:
        raise _Overflow
    whole = math.floor(val) if val >= 0 else -math.floor(-val)
    return int(whole), val - whole


class _Acc:
    """pg_itm_in: months, days and microseconds, with PostgreSQL's carrying of fractions
    (AdjustYears, AdjustMonths, AdjustDays, AdjustMicroseconds and their Fract* kin)."""

    def __init__(self):
        self.month_count = self.day_count = self.micros = 0

    def add(self, unit: str, val: int, fval: float) -> None:
        if unit in _TIME_UNITS:
            self.micros += _mul(val, fval, _TIME_UNITS[unit])
        elif unit == "day":
            self.days(val, fval)
        elif unit == "week":
            self.days(val * 7, fval * 7)
        elif unit == "month":
            self.months(val, fval)
        else:
            self.years(val * _YEARS[unit], fval * _YEARS[unit])

    def years(self, val: int, fval: float) -> None:
        self.month_count += val * 12 + int(round_half_even(fval * 12))

    def months(self, val: int, fval: float) -> None:
        self.month_count += val
        self.days(0, fval * DAYS_PER_MONTH)

    def days(self, val: int, fval: float) -> None:
        extra = int(fval)
        self.day_count += val + extra
        self.micros += _round_frac((fval - extra) * US_DAY)

    def total(self) -> tuple[int, int, int]:
        if not (_INT32[0] <= self.day_count <= _INT32[1] and _INT32[0] <= self.month_count <= _INT32[1]
                and _INT64[0] <= self.micros <= _INT64[1]):
            raise _Overflow
        return self.month_count, self.day_count, self.micros
