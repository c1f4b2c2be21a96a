"""Rule: EXTRACT and date_part give PostgreSQL's values and types.

PostgreSQL 15's EXTRACT returns numeric (timestamp_part_common, extract_date,
interval_part, time_part with ``retnumeric``): ``second`` keeps its fraction
(``1.500000``), ``milliseconds`` three decimals, ``epoch`` six; ``date_part``
returns double precision (a date is taken as a timestamp). DuckDB's
``date_part`` is an integer that drops the fraction. The rewrite takes DuckDB's
integer parts and builds PostgreSQL's numeric from them; years before 1 AD
count as PostgreSQL counts them (44 BC is year -44, decade -5). Of an infinite
value the epoch and the year-like units are ±Infinity: date_part says so, EXTRACT
refuses (0A000, DuckDB's decimals have no infinity); other units are NULL. A unit the type
does not have is refused as PostgreSQL refuses it (0A000 ``unit "hour" not
supported for type date``), an unknown one with 22023. ``julian`` of a
timestamp (a fraction of a day PostgreSQL computes to 20 digits) is refused
with 0A000. Timestamptz parts are in the session's TimeZone, which DuckDB runs in.

Run after type annotation.

>>> import sqlglot
>>> from sqlglot.optimizer.annotate_types import annotate_types
>>> tree = sqlglot.parse_one("select extract(second from cast(x as timestamp))", read="postgres")
>>> postgres_extract(annotate_types(tree)).sql("duckdb")
"SELECT CAST(DATE_PART('microseconds', CAST(x AS TIMESTAMP)) AS DECIMAL(18, 0)) * 0.000001"
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.dialect import DATE_PART
from duckflight.gateway.planner.interval_input import UNITS

T = exp.DataType.Type
_TYPE_NAMES = {T.DATE: "date", T.TIMESTAMP: "timestamp without time zone",
               T.TIMESTAMPTZ: "timestamp with time zone", T.TIME: "time without time zone",
               T.TIMETZ: "time with time zone", T.INTERVAL: "interval"}
_SPECIAL = {"dow": "dow", "isodow": "isodow", "doy": "doy", "epoch": "epoch", "julian": "julian", "j": "julian",
            "jd": "julian", "isoyear": "isoyear", "timezone": "timezone", "timezone_h": "timezone_hour",
            "timezone_m": "timezone_minute", "quarter": "quarter", "qtr": "quarter", "week": "week", "w": "week"}
_CALENDAR = {"day", "month", "year", "decade", "century", "millennium", "quarter", "week", "dow", "isodow", "doy",
             "isoyear", "julian"}
_CLOCK = {"microsecond", "millisecond", "second", "minute", "hour"}
_ZONE = {"timezone", "timezone_hour", "timezone_minute"}
# The units each type has (PostgreSQL: timestamp_part_common, extract_date, time_part, interval_part).
_ALLOWED = {
    T.DATE: _CALENDAR | {"epoch"},
    T.TIMESTAMP: _CALENDAR | _CLOCK | {"epoch"},
    T.TIMESTAMPTZ: _CALENDAR | _CLOCK | _ZONE | {"epoch"},
    T.TIME: _CLOCK | {"epoch"},
    T.TIMETZ: _CLOCK | _ZONE | {"epoch"},
    T.INTERVAL: {"microsecond", "millisecond", "second", "minute", "hour", "day", "month", "quarter", "year",
                 "decade", "century", "millennium", "epoch"},
}


def postgres_extract(tree: exp.Expression) -> exp.Expression:
    for node in list(tree.find_all(exp.Extract)):
        source = node.expression
        kind = source.type.this if source.type is not None else None
        if kind not in _ALLOWED:
            continue  # an untyped argument (a string, a parameter): DuckDB's date_part stands
        double = bool(node.meta.get(DATE_PART))
        if double and kind == T.DATE:  # date_part(text, date) is date_part(text, $2::timestamp)
            source, kind = exp.cast(source.copy(), "TIMESTAMP"), T.TIMESTAMP
        unit = _unit(node.this.name, kind)
        value = _part(unit, source.copy(), kind)
        value = exp.cast(value, "DOUBLE") if double else value
        if unit in _INFINITE and kind in (T.DATE, T.TIMESTAMP, T.TIMESTAMPTZ):
            value = _infinite(source, value, double)
        value.type = exp.DataType.build("DOUBLE" if double else "DECIMAL")
        node.replace(value)
    return tree


# Units whose value of an infinite date or time is infinite itself (other units are NULL).
_INFINITE = {"epoch", "year", "decade", "century", "millennium", "julian", "isoyear"}
INFINITE_MESSAGE = "extract of an infinite date or time is not supported: DuckDB's decimals have no infinity"


def _infinite(source: exp.Expression, value: exp.Expression, double: bool) -> exp.Expression:
    """PostgreSQL's ±Infinity for an infinite value: as a double; numeric has none in DuckDB (0A000)."""
    finite = exp.Anonymous(this="ISFINITE", expressions=[source.copy()])
    if double:
        later = exp.GT(this=source.copy(), expression=exp.cast(exp.Literal.string("epoch"), source.type.this))
        infinity = exp.If(this=later, true=exp.cast(exp.Literal.string("Infinity"), "DOUBLE"),
                          false=exp.cast(exp.Literal.string("-Infinity"), "DOUBLE"))
    else:
        infinity = exp.Anonymous(this="ERROR", expressions=[exp.Literal.string(INFINITE_MESSAGE)])
    return exp.Case(ifs=[exp.If(this=exp.Not(this=finite), true=infinity)], default=value)


def _unit(name: str, kind) -> str:
    word = name.lower()
    unit = _SPECIAL.get(word[:10]) or UNITS.get(word[:10])  # PostgreSQL reads 10 characters (TOKMAXLEN)
    if unit is None:
        raise SqlError("22023", f'unit "{word}" not recognized for type {_TYPE_NAMES[kind]}')
    if unit not in _ALLOWED[kind]:
        raise SqlError("0A000", f'unit "{word}" not supported for type {_TYPE_NAMES[kind]}')
    if unit == "julian" and kind != T.DATE:
        raise SqlError("0A000", f'unit "{word}" is not supported for type {_TYPE_NAMES[kind]} by duckflight: '
                                "PostgreSQL's fraction of a day has more digits than DuckDB's decimals")
    return unit


def _part(unit: str, x: exp.Expression, kind) -> exp.Expression:
    def part(name: str) -> exp.Expression:
        return date_part(name, x)

    if unit in ("microsecond", "millisecond", "second"):
        scale = {"microsecond": "1", "millisecond": "0.001", "second": "0.000001"}[unit]
        micros = _decimal(part("microseconds"), 18)
        return micros if scale == "1" else exp.Mul(this=micros, expression=exp.Literal.number(scale))
    if unit == "epoch":
        return _epoch(x, kind)
    if kind == T.INTERVAL:
        return _decimal(_interval_part(unit, part), 18)
    if unit in ("year", "decade", "century", "millennium", "isoyear"):
        return _decimal(_era(unit, part("isoyear" if unit == "isoyear" else "year")), 18)
    return _decimal(part(unit), 18)


def _epoch(x: exp.Expression, kind) -> exp.Expression:
    if kind == T.DATE:
        return _decimal(exp.Anonymous(this="EPOCH", expressions=[x]), 18)
    if kind in (T.TIMESTAMP, T.TIMESTAMPTZ):
        micros = exp.Anonymous(this="EPOCH_US", expressions=[x])
    elif kind == T.INTERVAL:
        # PostgreSQL counts a year as 365.25 days and a month as 30.
        months = months_of(x)
        years, rest = _trunc_div(months, 12), exp.Mod(this=months_of(x), expression=exp.Literal.number(12))
        seconds = _sum([exp.Mul(this=years, expression=exp.Literal.number(31557600)),
                        exp.Mul(this=exp.Paren(this=rest), expression=exp.Literal.number(2592000)),
                        exp.Mul(this=date_part("day", x), expression=exp.Literal.number(86400))])
        micros = _sum([exp.Mul(this=exp.Paren(this=seconds), expression=exp.Literal.number(1_000_000)), micros_of(x)])
    else:  # a time of day: from midnight
        micros = micros_of(x)
    return exp.Mul(this=_decimal(micros, 20), expression=exp.Literal.number("0.000001"))


def _interval_part(unit: str, part) -> exp.Expression:
    """interval_part: hour, minute and the month fields as PostgreSQL splits an interval
    (DuckDB's date_part already does: hours unbounded, month within the year)."""
    if unit in ("hour", "minute", "day", "month"):
        return part(unit)
    years = part("year")
    if unit == "year":
        return years
    if unit == "quarter":
        return exp.Add(this=_trunc_div(part("month"), 3), expression=exp.Literal.number(1))
    return _trunc_div(years, {"decade": 10, "century": 100, "millennium": 1000}[unit])


def _era(unit: str, year: exp.Expression) -> exp.Expression:
    """DuckDB's astronomical year (1 BC is 0) as PostgreSQL's year, decade, century, millennium."""
    def case(positive: exp.Expression, otherwise: exp.Expression, strict: bool = True) -> exp.Expression:
        test = exp.GT if strict else exp.GTE
        return exp.Case(ifs=[exp.If(this=test(this=year.copy(), expression=exp.Literal.number(0)), true=positive)],
                        default=otherwise)

    def minus(a: int, b: exp.Expression) -> exp.Expression:
        return exp.Paren(this=exp.Sub(this=exp.Literal.number(a), expression=exp.Paren(this=b)))

    before = exp.Sub(this=year.copy(), expression=exp.Literal.number(1))  # y - 1
    if unit in ("year", "isoyear"):
        return case(year.copy(), before)
    if unit == "decade":
        return case(exp.IntDiv(this=year.copy(), expression=exp.Literal.number(10)),
                    exp.Neg(this=exp.IntDiv(this=minus(8, before), expression=exp.Literal.number(10))), strict=False)
    span = {"century": 100, "millennium": 1000}[unit]
    ahead = exp.Paren(this=exp.Add(this=year.copy(), expression=exp.Literal.number(span - 1)))
    return case(exp.IntDiv(this=ahead, expression=exp.Literal.number(span)),
                exp.Neg(this=exp.IntDiv(this=minus(span - 1, before.copy()), expression=exp.Literal.number(span))))


def date_part(name: str, value: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this="DATE_PART", expressions=[exp.Literal.string(name), value.copy()])


def months_of(value: exp.Expression) -> exp.Expression:
    """An interval's months (DuckDB's date_part splits them into years and months)."""
    return exp.Paren(this=exp.Add(this=exp.Mul(this=date_part("year", value), expression=exp.Literal.number(12)),
                                  expression=date_part("month", value)))


def micros_of(value: exp.Expression) -> exp.Expression:
    """An interval's time, or a time of day, in microseconds (hours unbounded, as DuckDB splits them)."""
    return exp.Paren(this=_sum([exp.Mul(this=date_part("hour", value), expression=exp.Literal.number(3_600_000_000)),
                                exp.Mul(this=date_part("minute", value), expression=exp.Literal.number(60_000_000)),
                                date_part("microseconds", value)]))


def _trunc_div(a: exp.Expression, b: int) -> exp.Expression:
    """C's integer division, toward zero, as DuckDB's ``//`` of integers is."""
    return exp.Paren(this=exp.IntDiv(this=a, expression=exp.Literal.number(b)))


def _sum(terms: list[exp.Expression]) -> exp.Expression:
    total = terms[0]
    for term in terms[1:]:
        total = exp.Add(this=total, expression=term)
    return total


def _decimal(value: exp.Expression, width: int) -> exp.Expression:
    return exp.Cast(this=value, to=exp.DataType.build(f"DECIMAL({width}, 0)"))
