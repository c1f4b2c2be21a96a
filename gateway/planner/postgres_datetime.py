"""Rule: date and time operators and functions that DuckDB answers otherwise than PostgreSQL.

* ``date - date`` is an integer (int4), not a bigint.
* ``timestamptz - timestamptz`` is the microseconds between them in days of 24
  hours (timestamp_mi, then interval_justify_hours); DuckDB counts calendar days
  of the session's zone, an hour off across a daylight-saving change.
* ``date_trunc(unit, date)`` truncates the date as a timestamptz, as PostgreSQL
  casts it; DuckDB answered a timestamp.
* ``timestamptz::time`` is the local time of day (DuckDB has no such cast).
* ``x AT TIME ZONE zone`` and ``timezone(zone, x)`` with a constant zone: a zone
  name is matched without regard to case; a POSIX offset (``'UTC+3'``, ``'+05:30'``,
  west of Greenwich is positive) or an interval is a fixed offset, computed here.
  A zone abbreviation (``'PST'``) is refused (0A000): DuckDB's ICU gives some of
  them other offsets than PostgreSQL's table (``'IST'`` is India there, Israel here).
* ``justify_hours``, ``justify_days`` and ``justify_interval`` as PostgreSQL's
  interval_justify_*; ``(a, b) OVERLAPS (c, d)`` as overlaps_timestamp.
* An interval as text (a cast, ``||``) is written as interval_out writes it; a BC date or
  timestamp as text ends in `` BC`` (DuckDB wrote ``(BC)`` after the date).
* ``sum`` and ``avg`` of intervals (DuckDB has neither) add months, days and time
  each on their own, as interval_pl does; ``timestamp + time``; ``isfinite(interval)``
  (always true in PostgreSQL 15); ``generate_series`` of dates steps timestamptz values.
* ``age`` of an infinite timestamp is refused (0A000): PostgreSQL answers a large finite
  interval that DuckDB's age cannot give.

Run after type annotation.

>>> import sqlglot
>>> from sqlglot.optimizer.annotate_types import annotate_types
>>> tree = annotate_types(sqlglot.parse_one("select date '2021-06-01' - date '2021-01-01'", read="postgres"))
>>> postgres_datetime(tree).sql("duckdb")
"SELECT CAST(CAST('2021-06-01' AS DATE) - CAST('2021-01-01' AS DATE) AS INT)"
"""

from __future__ import annotations

import re

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.interval_input import US_DAY, parse_interval, trunc_div
from duckflight.gateway.planner.postgres_extract import date_part, micros_of, months_of
from duckflight.gateway.settings import unknown_zone, zone_name

T = exp.DataType.Type
AGE_OF_INFINITY = "age of an infinite timestamp is not supported: PostgreSQL computes a finite interval for it"
_POSIX = re.compile(r"(?:[a-z]{3,}|<[^>]*>)?([+-]?)(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?", re.I)


def postgres_datetime(tree: exp.Expression) -> exp.Expression:
    def rewrite(node: exp.Expression) -> exp.Expression:
        replacement = _rewrite(node)
        if replacement is None:
            return node
        replacement.type = node.type.copy() if node.type is not None else None
        return replacement

    return tree.transform(rewrite, copy=False)


def _kind(node: exp.Expression):
    return node.type.this if node is not None and node.type is not None else None


def _rewrite(node: exp.Expression) -> exp.Expression | None:
    if isinstance(node, exp.Cast) and node.to.this in (T.TEXT, T.VARCHAR) and not node.to.expressions:
        if _kind(node.this) == T.INTERVAL:
            return interval_text(node.this)
        if _kind(node.this) in (T.DATE, T.TIMESTAMP):
            return _bc_text(node)
    if isinstance(node, exp.DPipe) and T.INTERVAL in (_kind(node.this), _kind(node.expression)):
        node = node.copy()  # || writes an interval as its text
        for arg in ("this", "expression"):
            if _kind(node.args[arg]) == T.INTERVAL:
                node.set(arg, interval_text(node.args[arg]))
        return node
    if isinstance(node, exp.Add):
        kinds = (_kind(node.this), _kind(node.expression))
        if kinds in ((T.TIMESTAMP, T.TIME), (T.TIME, T.TIMESTAMP)):  # timestamp + time of day
            stamp, clock = (node.this, node.expression) if kinds[0] == T.TIMESTAMP else (node.expression, node.this)
            return exp.Paren(this=exp.Add(this=stamp.copy(), expression=_fn("TO_MICROSECONDS", micros_of(clock))))
    if isinstance(node, (exp.Sum, exp.Avg)) and _kind(node.this) == T.INTERVAL:
        return _interval_sum(node.this) if isinstance(node, exp.Sum) else exp.Div(
            this=exp.Paren(this=_interval_sum(node.this)), expression=exp.Count(this=node.this.copy()))
    if isinstance(node, exp.ExplodingGenerateSeries) and _kind(node.args.get("start")) == T.DATE:
        node = node.copy()  # generate_series(date, date, interval) is the timestamptz one
        for arg in ("start", "end"):
            node.set(arg, exp.Cast(this=node.args[arg], to=exp.DataType.build("TIMESTAMPTZ")))
        return node
    if isinstance(node, exp.Anonymous) and node.name.lower() == "isfinite" and len(node.expressions) == 1 \
            and _kind(node.expressions[0]) == T.INTERVAL:  # PostgreSQL 15 has no infinite interval
        return exp.If(this=exp.Is(this=node.expressions[0].copy(), expression=exp.Null()), true=exp.Null(),
                      false=exp.true())
    if isinstance(node, exp.Sub):
        kinds = (_kind(node.this), _kind(node.expression))
        if kinds == (T.DATE, T.DATE):
            return exp.Cast(this=node.copy(), to=exp.DataType.build("INT"))
        if kinds == (T.TIMESTAMPTZ, T.TIMESTAMPTZ):
            return _justified_difference(node.this, node.expression)
    if isinstance(node, exp.TimestampTrunc) and _kind(node.this) == T.DATE:
        node = node.copy()
        node.set("this", exp.Cast(this=node.this, to=exp.DataType.build("TIMESTAMPTZ")))
        return node
    if isinstance(node, exp.Cast) and node.to.this == T.TIME and not node.to.expressions \
            and _kind(node.this) == T.TIMESTAMPTZ:
        return exp.Cast(this=exp.Cast(this=node.this.copy(), to=exp.DataType.build("TIMESTAMP")), to=node.to.copy())
    if isinstance(node, exp.AtTimeZone):
        return _at_time_zone(node.this, node.args["zone"])
    if isinstance(node, exp.Anonymous) and node.name.lower() == "timezone" and len(node.expressions) == 2:
        return _at_time_zone(node.expressions[1], node.expressions[0])
    if isinstance(node, exp.Anonymous) and node.name.lower() == "age" and len(node.expressions) == 2:
        finite = [exp.Anonymous(this="ISFINITE", expressions=[a.copy()]) for a in node.expressions]
        refused = exp.Anonymous(this="ERROR", expressions=[exp.Literal.string(AGE_OF_INFINITY)])
        return exp.Case(ifs=[exp.If(this=exp.Not(this=exp.and_(*finite)), true=refused)], default=node.copy())
    if isinstance(node, exp.JustifyHours):
        return _justify(node.this, hours=True, days=False)
    if isinstance(node, exp.JustifyDays):
        return _justify(node.this, hours=False, days=True)
    if isinstance(node, exp.JustifyInterval):
        return _justify(node.this, hours=True, days=True)
    if isinstance(node, exp.Overlaps):
        return _overlaps(node.this.expressions, node.expression.expressions)
    return None


def _interval_sum(value: exp.Expression) -> exp.Expression:
    """sum(interval) as PostgreSQL adds intervals: months, days and time each on their own
    (DuckDB has no sum of intervals); three sums of integers also split into partial sums."""
    months, micros = months_of(value), micros_of(value)
    return exp.Add(this=exp.Add(this=_fn("TO_MONTHS", exp.Cast(this=exp.Sum(this=months), to=exp.DataType.build("INT"))),
                                expression=_fn("TO_DAYS", exp.Cast(this=exp.Sum(this=date_part("day", value)),
                                                                   to=exp.DataType.build("INT")))),
                   expression=_fn("TO_MICROSECONDS", exp.Cast(this=exp.Sum(this=micros),
                                                              to=exp.DataType.build("BIGINT"))))


# -- intervals and BC years as text ---------------------------------------------------------

def interval_text(value: exp.Expression) -> exp.Expression:
    """PostgreSQL's interval_out (IntervalStyle postgres, EncodeInterval) as DuckDB SQL:
    '1 year 2 mons -3 days +04:05:06.5'; after a negative field a positive one has a '+'."""
    y, m, d, t = (f"({v.sql('duckdb')})" for v in
                  (exp.IntDiv(this=months_of(value), expression=_n(12)),
                   exp.Mod(this=months_of(value), expression=_n(12)), date_part("day", value), micros_of(value)))

    def field(n: str, unit: str, before: str) -> str:
        sign = f"CASE WHEN ({before}) AND {n} > 0 THEN '+' ELSE '' END" if before else "''"
        return f"CASE WHEN {n} <> 0 THEN {sign} || {n} || ' {unit}' || CASE WHEN {n} = 1 THEN '' ELSE 's' END END"

    before_d = f"CASE WHEN {m} <> 0 THEN {m} < 0 ELSE {y} < 0 END"
    before_t = f"CASE WHEN {d} <> 0 THEN {d} < 0 WHEN {m} <> 0 THEN {m} < 0 ELSE {y} < 0 END"
    a = f"abs({t})"
    clock = (f"CASE WHEN {t} <> 0 OR ({y} = 0 AND {m} = 0 AND {d} = 0) THEN "
             f"CASE WHEN {t} < 0 THEN '-' WHEN {before_t} THEN '+' ELSE '' END"
             f" || printf('%02d:%02d:%02d', {a} // 3600000000, {a} % 3600000000 // 60000000, {a} % 60000000 // 1000000)"
             f" || CASE WHEN {a} % 1000000 <> 0 THEN rtrim('.' || printf('%06d', {a} % 1000000), '0') ELSE '' END END")
    sql = f"concat_ws(' ', {field(y, 'year', '')}, {field(m, 'mon', f'{y} < 0')}, {field(d, 'day', before_d)}, {clock})"
    text = exp.maybe_parse(sql, dialect="duckdb")
    return exp.If(this=exp.Is(this=value.copy(), expression=exp.Null()), true=exp.Null(), false=text)


def _bc_text(cast: exp.Cast) -> exp.Expression:
    """A date or timestamp before 1 AD as PostgreSQL writes it ('0044-03-15 10:00:00 BC';
    DuckDB writes '0044-03-15 (BC) 10:00:00')."""
    text = exp.Cast(this=cast.this.copy(), to=cast.to.copy())
    bc = exp.Anonymous(this="REGEXP_REPLACE", expressions=[
        text.copy(), exp.Literal.string(r"^(\S+) \(BC\)(.*)$"), exp.Literal.string(r"\1\2 BC")])
    return exp.Case(ifs=[exp.If(this=exp.LT(this=cast.this.copy(), expression=exp.cast(
        exp.Literal.string("0001-01-01"), "DATE")), true=bc)], default=text)


# -- timestamptz - timestamptz --------------------------------------------------------------

def _justified_difference(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    def micros() -> exp.Expression:
        return exp.Paren(this=exp.Sub(this=_epoch_us(a), expression=_epoch_us(b)))

    days = exp.Cast(this=exp.IntDiv(this=micros(), expression=_n(US_DAY)), to=exp.DataType.build("INT"))
    rest = exp.Mod(this=micros(), expression=_n(US_DAY))
    return exp.Paren(this=exp.Add(this=_fn("TO_DAYS", days), expression=_fn("TO_MICROSECONDS", rest)))


# -- AT TIME ZONE ---------------------------------------------------------------------------

def _at_time_zone(value: exp.Expression, zone: exp.Expression) -> exp.Expression | None:
    offset = _fixed_offset(zone)
    if offset is None:
        if isinstance(zone, exp.Literal) and zone.is_string:
            name = zone_name(zone.name)
            if name is None:
                raise unknown_zone(zone.name)
            return exp.AtTimeZone(this=value.copy(), zone=exp.Literal.string(name))
        return None
    shift = _fn("TO_SECONDS", _n(offset))
    if _kind(value) == T.TIMESTAMPTZ:  # the wall-clock time at that offset
        utc = exp.Paren(this=exp.AtTimeZone(this=value.copy(), zone=exp.Literal.string("UTC")))
        return exp.Paren(this=exp.Add(this=utc, expression=shift))
    if _kind(value) == T.TIMESTAMP:  # that wall-clock time at that offset, as an instant
        local = exp.Paren(this=exp.Sub(this=value.copy(), expression=shift))
        return exp.AtTimeZone(this=local, zone=exp.Literal.string("UTC"))
    return None


def _fixed_offset(zone: exp.Expression) -> int | None:
    """Seconds east of UTC of a constant zone that is an offset, not a name (None: not one)."""
    if isinstance(zone, exp.Cast) and isinstance(zone.this, exp.Literal) and zone.to.this == T.INTERVAL:
        months, days, micros = parse_interval(zone.this.name)
        if months or days:
            raise SqlError("22023", f'interval time zone "{zone.this.name}" must not include months or days')
        return micros // 1_000_000
    if not (isinstance(zone, exp.Literal) and zone.is_string) or zone_name(zone.name) is not None:
        return None
    match = _POSIX.fullmatch(zone.name.strip())
    if match is None:
        return None
    west = int(match[2]) * 3600 + int(match[3] or 0) * 60 + int(match[4] or 0)
    return west if match[1] == "-" else -west  # POSIX: a positive offset is west of Greenwich


# -- justify_* ------------------------------------------------------------------------------

def _justify(value: exp.Expression, hours: bool, days: bool) -> exp.Expression:
    """interval_justify_hours/days/interval: 24 hours make a day, 30 days a month, signs agreeing."""
    constant = _constant_interval(value)
    if constant is not None:
        months, days_, micros = justify(*constant, hours=hours, whole_days=days)
        return exp.Cast(this=exp.Literal.string(f"{months} months {days_} days {micros} microseconds"),
                        to=exp.DataType.build("INTERVAL"))

    parts = {"m": months_of(value), "d": date_part("day", value), "t": micros_of(value)}
    sql = _JUSTIFY_SQL[(hours, days)]
    return exp.maybe_parse(sql.format(**{k: f"({v.sql('duckdb')})" for k, v in parts.items()}), dialect="duckdb")


def _constant_interval(value: exp.Expression) -> tuple[int, int, int] | None:
    """(months, days, microseconds) of an interval constant as datetime_constants writes it."""
    if isinstance(value, exp.Cast) and isinstance(value.this, exp.Literal) and value.to.this == T.INTERVAL:
        match = re.fullmatch(r"(-?\d+) months (-?\d+) days (-?\d+) microseconds", value.this.name)
        if match:
            return int(match[1]), int(match[2]), int(match[3])
    return None


def justify(months: int, days: int, micros: int, *, hours: bool, whole_days: bool) -> tuple[int, int, int]:
    """interval_justify_hours (``hours``), interval_justify_days (``whole_days``) and
    interval_justify_interval (both) of a constant."""
    if hours:
        extra = trunc_div(micros, US_DAY)
        days, micros = days + extra, micros - extra * US_DAY
    if whole_days:
        extra = trunc_div(days, 30)
        months, days = months + extra, days - extra * 30
        if months > 0 and (days < 0 or hours and days == 0 and micros < 0):
            months, days = months - 1, days + 30
        elif months < 0 and (days > 0 or hours and days == 0 and micros > 0):
            months, days = months + 1, days - 30
    if hours:
        if days > 0 and micros < 0:
            days, micros = days - 1, micros + US_DAY
        elif days < 0 and micros > 0:
            days, micros = days + 1, micros - US_DAY
    return months, days, micros


# (months m, days d, microseconds t) -> PostgreSQL's justified interval, as DuckDB SQL.
_DAYS_FROM_TIME = "({d} + {t} // 86400000000)"
_TIME_LEFT = "({t} % 86400000000)"
_JUSTIFY_SQL = {
    (True, False): (  # justify_hours
        f"TO_MONTHS(CAST({{m}} AS INT)) + CASE"
        f" WHEN {_DAYS_FROM_TIME} > 0 AND {_TIME_LEFT} < 0"
        f" THEN TO_DAYS(CAST({_DAYS_FROM_TIME} - 1 AS INT)) + TO_MICROSECONDS({_TIME_LEFT} + 86400000000)"
        f" WHEN {_DAYS_FROM_TIME} < 0 AND {_TIME_LEFT} > 0"
        f" THEN TO_DAYS(CAST({_DAYS_FROM_TIME} + 1 AS INT)) + TO_MICROSECONDS({_TIME_LEFT} - 86400000000)"
        f" ELSE TO_DAYS(CAST({_DAYS_FROM_TIME} AS INT)) + TO_MICROSECONDS({_TIME_LEFT}) END"),
    (False, True): (  # justify_days
        "CASE WHEN ({m} + {d} // 30) > 0 AND ({d} % 30) < 0"
        " THEN TO_MONTHS(CAST({m} + {d} // 30 - 1 AS INT)) + TO_DAYS(CAST({d} % 30 + 30 AS INT))"
        " WHEN ({m} + {d} // 30) < 0 AND ({d} % 30) > 0"
        " THEN TO_MONTHS(CAST({m} + {d} // 30 + 1 AS INT)) + TO_DAYS(CAST({d} % 30 - 30 AS INT))"
        " ELSE TO_MONTHS(CAST({m} + {d} // 30 AS INT)) + TO_DAYS(CAST({d} % 30 AS INT)) END"
        " + TO_MICROSECONDS({t})"),
}


def _justify_interval_sql() -> str:
    """justify_interval: days from the time first, months from the days, then one sign for all."""
    d = _DAYS_FROM_TIME
    t = _TIME_LEFT
    m2, d2 = f"({{m}} + {d} // 30)", f"({d} % 30)"
    # PostgreSQL: if (month > 0 && (day < 0 || (day == 0 && time < 0))) borrow a month, and so on.
    borrow_month = f"({m2} > 0 AND ({d2} < 0 OR ({d2} = 0 AND {t} < 0)))"
    lend_month = f"({m2} < 0 AND ({d2} > 0 OR ({d2} = 0 AND {t} > 0)))"
    m3 = f"({m2} - CASE WHEN {borrow_month} THEN 1 WHEN {lend_month} THEN -1 ELSE 0 END)"
    d3 = f"({d2} + CASE WHEN {borrow_month} THEN 30 WHEN {lend_month} THEN -30 ELSE 0 END)"
    borrow_day = f"({d3} > 0 AND {t} < 0)"
    lend_day = f"({d3} < 0 AND {t} > 0)"
    d4 = f"({d3} - CASE WHEN {borrow_day} THEN 1 WHEN {lend_day} THEN -1 ELSE 0 END)"
    t4 = f"({t} + CASE WHEN {borrow_day} THEN 86400000000 WHEN {lend_day} THEN -86400000000 ELSE 0 END)"
    return f"TO_MONTHS(CAST({m3} AS INT)) + TO_DAYS(CAST({d4} AS INT)) + TO_MICROSECONDS({t4})"


_JUSTIFY_SQL[(True, True)] = _justify_interval_sql()


# -- OVERLAPS -------------------------------------------------------------------------------

def _overlaps(first: list[exp.Expression], second: list[exp.Expression]) -> exp.Expression:
    """overlaps_timestamp: each period from its earlier to its later end; they overlap when
    they start together, or when one starts inside the other (its end excluded)."""
    a1, a2 = _least(*first), _greatest(*first)
    b1, b2 = _least(*second), _greatest(*second)
    same = exp.EQ(this=a1, expression=b1.copy())
    a_later = exp.And(this=exp.GT(this=a1.copy(), expression=b1.copy()), expression=exp.LT(this=a1.copy(), expression=b2))
    b_later = exp.And(this=exp.LT(this=a1.copy(), expression=b1.copy()), expression=exp.LT(this=b1.copy(), expression=a2))
    return exp.Paren(this=exp.or_(same, exp.Paren(this=a_later), exp.Paren(this=b_later)))


def _least(x: exp.Expression, y: exp.Expression) -> exp.Expression:
    return exp.Least(this=x.copy(), expressions=[y.copy()])


def _greatest(x: exp.Expression, y: exp.Expression) -> exp.Expression:
    return exp.Greatest(this=x.copy(), expressions=[y.copy()])


def _epoch_us(x: exp.Expression) -> exp.Expression:
    return _fn("EPOCH_US", x.copy())


def _fn(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def _n(value: int) -> exp.Literal:
    return exp.Literal.number(value)
