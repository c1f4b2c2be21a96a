"""Rule: date, time and interval constants get the value PostgreSQL reads in their text.

DuckDB reads date/time text by rules of its own: it ignores a trailing ``BC``
(``date '0044-03-15 BC'`` was 44 AD) and other trailing text, truncates digits
past microseconds, refuses ``'12:00-05'`` without seconds and zone names after a
timestamp, knows no ``allballs``, and reads intervals its own way (no ISO 8601,
no ``1-2``, no fields such as ``day to minute``). So every string constant cast
to one of these types (a typed literal, ``'…'::type``, a bound parameter) is
read here, as PostgreSQL does:

* intervals by ``interval_input`` (PostgreSQL's interval_in, with the fields and
  precision of the type), written as months, days and microseconds;
* dates and timestamps in ISO form (``YYYY-MM-DD[ T]hh:mm[:ss[.f]]``, an
  optional zone, ``BC``/``AD``) checked and written in DuckDB's form (a BC year
  as its negative astronomical year, fractions rounded to microseconds, a
  timestamp without time zone ignoring the zone as PostgreSQL does);
* ``allballs`` is midnight; ``epoch``, ``infinity`` and ``-infinity`` DuckDB reads
  as PostgreSQL does. Other forms are left to DuckDB.

A non-constant cast to an interval with fields or a precision is refused
(0A000): DuckDB's INTERVAL has no type modifier. The clock words (``now``,
``today``) are ``current_datetime``'s. Run after ``output_types``.

>>> import sqlglot
>>> tree = sqlglot.parse_one("select interval '1 2:03' day to minute, date '0044-03-15 BC'", read=PostgresInput)
>>> datetime_constants(tree).sql("duckdb")
"SELECT CAST('0 months 1 days 7380000000 microseconds' AS INTERVAL), CAST('-0043-03-15' AS DATE)"
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.dialect import PostgresInput, interval_fields  # noqa: F401 (doctest)
from duckflight.gateway.planner.interval_input import parse_interval
from duckflight.gateway.planner.postgres_casts import rewrite_casts
from duckflight.gateway.settings import unknown_zone, zone_name

T = exp.DataType.Type
_KINDS = {T.DATE: "date", T.TIMESTAMP: "timestamp without time zone", T.TIMESTAMPTZ: "timestamp with time zone",
          T.TIME: "time without time zone", T.TIMETZ: "time with time zone"}
_ISO = re.compile(r"""\s*(?P<year>\d{4,})-(?P<month>\d{1,2})-(?P<day>\d{1,2})
    (?:(?:\s+|T)(?P<hour>\d{1,2}):(?P<minute>\d{1,2})(?::(?P<second>\d{1,2})(?P<fraction>\.\d*)?)?)?
    \s*(?P<zone>Z|[+-]\d{1,2}(?::?\d{2}(?::\d{2})?)?|[A-Za-z][A-Za-z0-9_/+\-]*)??
    \s*(?P<era>BC|AD)?\s*""", re.X | re.I)
_TIME = re.compile(r"""\s*(?P<hour>\d{1,2}):(?P<minute>\d{1,2})(?::(?P<second>\d{1,2})(?P<fraction>\.\d*)?)?
    \s*(?P<zone>Z|[+-]\d{1,2}(?::?\d{2}(?::\d{2})?)?|[A-Za-z][A-Za-z0-9_/+\-]*)?\s*""", re.X | re.I)


def datetime_constants(tree: exp.Expression) -> exp.Expression:
    return rewrite_casts(tree, _constant)


def _constant(cast: exp.Cast) -> exp.Cast | None:
    text = cast.this.name if isinstance(cast.this, exp.Literal) and cast.this.is_string else None
    interval = interval_fields(cast.to)
    if interval is not None:
        fields, precision = interval
        if text is None:
            if fields is None and precision is None:
                return None
            raise SqlError("0A000", "interval fields or precision are not supported on a value that is not a "
                                    "constant: DuckDB's interval has no type modifier")
        months, days, micros = parse_interval(text, fields, precision)
        return _cast(f"{months} months {days} days {micros} microseconds", exp.DataType.build("INTERVAL"))
    kind = cast.to.this
    if text is None or kind not in _KINDS or cast.to.expressions:
        return None  # time(p)/timestamp(p) are postgres_casts' (their text still reaches DuckDB)
    word = text.strip().lower()
    if word == "allballs" and kind in (T.TIME, T.TIMETZ):
        return _cast("00:00:00" if kind == T.TIME else "00:00:00+00", cast.to)
    if kind in (T.TIME, T.TIMETZ):
        return _time(text, cast)
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    return _cast(_timestamp_text(match, kind, text), cast.to)


def _timestamp_text(match: re.Match, kind, text: str) -> str:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    bc = (match["era"] or "").upper() == "BC"
    astronomical = 1 - year if bc else year
    if year == 0 or not 1 <= month <= 12 or not 1 <= day <= _days_in_month(astronomical, month):
        raise _out_of_range(text)
    date = f"{'-' if astronomical < 0 else ''}{abs(astronomical):04d}-{month:02d}-{day:02d}"
    if kind == T.DATE:
        return date
    clock = _clock(match, text)
    if clock.startswith("24:") or clock[6:8] == "60":  # PostgreSQL carries 24:00:00 and a 60th second
        if astronomical < 1:
            raise SqlError("0A000", f'a BC timestamp at 24:00:00 or a 60th second is not supported: "{text}"')
        carried = dt.datetime(astronomical, month, day) + _duration(clock)
        date, clock = carried.date().isoformat(), carried.time().isoformat()
    zone = match["zone"] if kind == T.TIMESTAMPTZ and match["zone"] else ""
    return f"{date} {clock}{_zone(zone)}"


def _time(text: str, cast: exp.Cast) -> exp.Cast | None:
    match = _TIME.fullmatch(text)
    if match is None:
        return None
    zone = match["zone"] if cast.to.this == T.TIMETZ and match["zone"] else ""
    clock = _clock(match, text)
    if clock[6:8] == "60":  # 23:59:60 is 24:00:00, 10:00:60 is 10:01:00
        total = _duration(clock)
        clock = "24:00:00" if total >= dt.timedelta(days=1) else (dt.datetime.min + total).time().isoformat()
    return _cast(f"{clock}{_zone(zone)}", cast.to)


def _clock(match: re.Match, text: str) -> str:
    """hh:mm:ss[.ffffff], fractions rounded to microseconds; 24:00:00 as PostgreSQL allows it."""
    hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
    second = int(match["second"] or 0)
    fraction = match["fraction"] or ""
    micros = round(float("0" + fraction) * 1_000_000) if fraction not in ("", ".") else 0
    if micros == 1_000_000:
        second, micros = second + 1, 0
    if minute > 59 or second > 60 or hour > 24 or hour == 24 and (minute or second or micros):
        raise _out_of_range(text)
    clock = f"{hour:02d}:{minute:02d}:{second:02d}"
    return clock + (f".{micros:06d}" if micros else "")


def _duration(clock: str) -> dt.timedelta:
    hours, minutes, seconds = clock.split(":")
    return dt.timedelta(hours=int(hours), minutes=int(minutes), seconds=float(seconds))


def _zone(zone: str) -> str:
    """A zone in DuckDB's words: an offset as +hh:mm, a zone name as the tz database spells it."""
    if not zone:
        return ""
    if zone.upper() == "Z":
        return "+00"
    if zone[0] in "+-":
        return f"{zone[:3]}:{zone[3:5]}" if ":" not in zone and len(zone) > 3 else zone  # +0530 is +05:30
    name = zone_name(zone)
    if name is None:
        raise unknown_zone(zone)
    return f" {name}"


def _days_in_month(year: int, month: int) -> int:
    """In the proleptic Gregorian calendar PostgreSQL uses, by astronomical year (1 BC is 0, a leap year)."""
    if month != 2:
        return calendar.monthrange(2001, month)[1]
    return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28


def _out_of_range(text: str) -> SqlError:
    return SqlError("22008", f'date/time field value out of range: "{text}"')


def _cast(text: str, to: exp.DataType) -> exp.Cast:
    return exp.Cast(this=exp.Literal.string(text), to=to.copy())
