"""Rule: to_char of a date, timestamp, timestamptz or interval writes what PostgreSQL writes.

DuckDB has no to_char, and sqlglot's translation to strftime knew a few
patterns and copied the others as text (``WW`` became ``%U``, ``Day`` was not
padded, ``TZ`` gave the zone's name instead of its abbreviation). Here the
template is cut as formatting.c cuts it (``datetime_format``) and each pattern
becomes DuckDB SQL over the value's parts, with PostgreSQL's padding (``FM``
turns it off), ordinal suffixes (``TH``), BC years (written as positive years,
``BC``) and zone fields: a timestamptz is written in the session's TimeZone,
``TZ`` as that zone's abbreviation at the instant (from the tz database, as
PostgreSQL), a timestamp has none. A date is written as a timestamptz, as
PostgreSQL casts it. An interval takes the patterns of its fields (hours beyond
24, days, months, years); other patterns of an interval, and a template that is
not a constant, are refused (0A000).

Run after type annotation.

>>> import duckdb, sqlglot
>>> from sqlglot.optimizer.annotate_types import annotate_types
>>> tree = annotate_types(sqlglot.parse_one("select to_char(timestamp '2021-06-01 14:05', 'FMDDth HH12 AM Day|')",
...                                         read=PostgresInput))
>>> duckdb.sql(to_char(tree, SessionTime()).sql("duckdb")).fetchone()
('1st 02 PM Tuesday  |',)
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache

from sqlglot import exp

from duckflight.gateway.core.identifiers import quote_literal
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.datetime_format import FormatNode, parse_format
from duckflight.gateway.planner.dialect import PostgresInput  # noqa: F401 (doctest)
from duckflight.gateway.planner.session_time import SessionTime

T = exp.DataType.Type
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_INTERVAL_PATTERNS = {"HH", "HH12", "HH24", "MI", "SS", "MS", "US", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6",
                      "SSSS", "SSSSS", "AM", "PM", "A.M.", "P.M.", "Y,YYY", "YYYY", "YYY", "YY", "Y", "MM", "DD",
                      "DDD", "FX"}
# Patterns PostgreSQL refuses for an interval (22007).
_NOT_FOR_INTERVALS = {"A.D.", "AD", "B.C.", "BC", "DAY", "DY", "D", "ID", "MONTH", "MON", "OF", "TZH", "TZM", "TZ"}


def to_char(tree: exp.Expression, time: SessionTime) -> exp.Expression:
    for node in list(tree.find_all(exp.Anonymous)):
        if node.name.lower() != "to_char" or len(node.expressions) != 2:
            continue
        value, template = node.expressions
        kind = value.type.this if value.type is not None else None
        if kind not in (T.DATE, T.TIMESTAMP, T.TIMESTAMPTZ, T.INTERVAL):
            continue  # numbers are formatted otherwise
        if not (isinstance(template, exp.Literal) and template.is_string):
            raise SqlError("0A000", "to_char with a template that is not a constant is not supported")
        if kind == T.DATE:
            value, kind = exp.Cast(this=value.copy(), to=exp.DataType.build("TIMESTAMPTZ")), T.TIMESTAMPTZ
        sql = _formatted(parse_format(template.name), value.sql("duckdb"), kind, time.time_zone)
        replacement = exp.maybe_parse(sql, dialect="duckdb")
        replacement.type = exp.DataType.build("TEXT")
        node.replace(replacement)
    return tree


def _formatted(nodes: list[FormatNode], x: str, kind, zone: str) -> str:
    if not nodes:
        return "CAST(NULL AS VARCHAR)"  # an empty template gives NULL
    pieces = []
    for node in nodes:
        if node.keyword is None:
            pieces.append(quote_literal(node.text))
            continue
        canonical = node.keyword.upper()
        if kind == T.INTERVAL and canonical in _NOT_FOR_INTERVALS:
            raise SqlError("22007", "invalid format specification for an interval value")
        if kind == T.INTERVAL and canonical not in _INTERVAL_PATTERNS:
            raise SqlError("0A000", f'to_char of an interval with the pattern "{node.keyword}" is not supported')
        text, number = _pattern(node, canonical, _Parts(x, kind, zone))
        if number is not None and node.suffix in ("TH", "th"):
            text = f"({text} || {_ordinal(number, node.suffix == 'TH')})"
        pieces.append(text)
    body = " || ".join(pieces)
    return f"CASE WHEN ({x}) IS NULL THEN NULL ELSE {body} END"


class _Parts:
    """DuckDB SQL for the parts of the value ``x`` (date_part in the session's zone)."""

    def __init__(self, x: str, kind, zone: str):
        self.x, self.kind, self.zone = x, kind, zone

    def __call__(self, field: str) -> str:
        return f"date_part('{field}', {self.x})"

    def year(self, field: str = "year") -> str:
        """PostgreSQL's year to print: BC years as positive (ADJUST_YEAR); an interval's as they are."""
        if self.kind == T.INTERVAL:
            return self(field)
        return f"(CASE WHEN {self(field)} > 0 THEN {self(field)} ELSE 1 - {self(field)} END)"

    def hour(self) -> str:
        return self("hour")

    def offset(self) -> str:
        return self("timezone") if self.kind == T.TIMESTAMPTZ else "0"


def _pattern(node: FormatNode, k: str, p: _Parts) -> tuple[str, str | None]:
    """(text, number for an ordinal suffix) of one pattern."""
    def pad(number: str, width: int) -> tuple[str, str]:
        """PostgreSQL's "%0*d": zeros to the width (one more for a negative interval field), none with FM."""
        if not node.fill:
            return f"CAST({number} AS VARCHAR)", number
        if p.kind == T.INTERVAL:
            return f"printf(CASE WHEN {number} < 0 THEN '%0{width + 1}d' ELSE '%0{width}d' END, {number})", number
        return f"printf('%0{width}d', {number})", number

    h = p.hour()
    if k in ("HH", "HH12"):
        return pad(f"(CASE WHEN {h} % 12 = 0 THEN 12 ELSE {h} % 12 END)", 2)
    if k in ("MS", "US"):  # always padded, FM or not
        number = f"({p('microseconds')} % 1000000{' // 1000' if k == 'MS' else ''})"
        return f"printf('%0{3 if k == 'MS' else 6}d', {number})", number
    simple = {"HH24": (h, 2), "MI": (p("minute"), 2), "SS": (p("second"), 2), "MM": (p("month"), 2),
              "DD": (p("day"), 2), "YYYY": (p.year(), 4),
              "YYY": (f"({p.year()} % 1000)", 3), "YY": (f"({p.year()} % 100)", 2), "Y": (f"({p.year()} % 10)", 1),
              "IYYY": (p.year("isoyear"), 4), "IYY": (f"({p.year('isoyear')} % 1000)", 3),
              "IY": (f"({p.year('isoyear')} % 100)", 2), "I": (f"({p.year('isoyear')} % 10)", 1),
              "IW": (p("week"), 2), "WW": (f"(({p('doy')} - 1) // 7 + 1)", 2),
              "IDDD": (f"(({p('week')} - 1) * 7 + {p('isodow')})", 3),
              "SSSS": (f"({h} * 3600 + {p('minute')} * 60 + {p('second')})", 0),
              "SSSSS": (f"({h} * 3600 + {p('minute')} * 60 + {p('second')})", 0),
              "D": (f"({p('dow')} + 1)", 0), "ID": (p("isodow"), 0), "W": (f"(({p('day')} - 1) // 7 + 1)", 0),
              "Q": (p("quarter"), 0), "J": (f"CAST(floor({p('julian')}) AS BIGINT)", 0)}
    if k == "DDD":
        days = p("doy") if p.kind != T.INTERVAL else f"(({p('year')} * 12 + {p('month')}) * 30 + {p('day')})"
        return pad(days, 3)
    if k in simple:
        number, width = simple[k]
        return pad(number, width) if width else (f"CAST({number} AS VARCHAR)", number)
    if k.startswith("FF"):
        return f"substr(printf('%06d', {p('microseconds')} % 1000000), 1, {k[2]})", None
    if k == "Y,YYY":
        return f"printf('%d,%03d', {p.year()} // 1000, {p.year()} % 1000)", None
    if k == "CC":
        century = f"(CASE WHEN {p('year')} > 0 THEN ({p('year')} - 1) // 100 + 1 ELSE {p('year')} // 100 - 1 END)"
        if not node.fill:
            return f"CAST({century} AS VARCHAR)", century
        return f"(CASE WHEN {century} < 0 THEN printf('%03d', {century}) ELSE printf('%02d', {century}) END)", century
    return _words(node, k, p), None


def _words(node: FormatNode, k: str, p: _Parts) -> str:
    """Patterns written in words: meridiem, era, month and day names, zone fields."""
    if k in ("AM", "PM", "A.M.", "P.M."):
        am, pm = ("A.M.", "P.M.") if "." in k else ("AM", "PM")
        return _cased(f"(CASE WHEN {p.hour()} < 12 THEN '{am}' ELSE '{pm}' END)", node.keyword)
    if k in ("BC", "AD", "B.C.", "A.D."):
        bc, ad = ("B.C.", "A.D.") if "." in k else ("BC", "AD")
        return _cased(f"(CASE WHEN {p('year')} <= 0 THEN '{bc}' ELSE '{ad}' END)", node.keyword)
    names = {"MONTH": ("%B", 9), "MON": ("%b", 0), "DAY": ("%A", 9), "DY": ("%a", 0)}
    if k in names:
        pattern, width = names[k]
        name = _cased(f"strftime({p.x}, '{pattern}')", node.keyword)
        return f"rpad({name}, {width})" if width and node.fill and not node.translate else name
    if k == "RM":
        roman = "(CASE " + " ".join(f"WHEN {p('month')} = {i + 1} THEN '{r}'" for i, r in enumerate(_ROMAN)) + " END)"
        roman = roman if node.keyword == "RM" else f"lower({roman})"
        return f"rpad({roman}, 4)" if node.fill else roman
    if k in ("TZ", "OF", "TZH", "TZM"):
        return _zone_field(k, node.keyword, p)
    if k == "FX":
        return "''"
    raise SqlError("0A000", f'to_char pattern "{node.keyword}" is not supported')


def _zone_field(k: str, keyword: str, p: _Parts) -> str:
    offset = p.offset()
    sign = f"(CASE WHEN {offset} < 0 THEN '-' ELSE '+' END)"
    hours, minutes = f"(abs({offset}) // 3600)", f"(abs({offset}) % 3600 // 60)"
    if k == "TZH":
        return f"printf('%s%02d', {sign}, {hours})"
    if k == "TZM":
        return f"printf('%02d', {minutes})"
    numeric = f"(CASE WHEN {minutes} = 0 THEN printf('%s%02d', {sign}, {hours}) " \
              f"ELSE printf('%s%02d:%02d', {sign}, {hours}, {minutes}) END)"
    if k == "OF":
        return numeric
    if p.kind != T.TIMESTAMPTZ:
        return "''"  # a timestamp has no zone to name
    names = _abbreviations(p.zone)
    cases = " ".join(f"WHEN {offset} = {seconds} THEN {quote_literal(name)}" for seconds, name in sorted(names.items()))
    abbreviation = f"(CASE {cases} ELSE {numeric} END)" if cases else numeric
    return abbreviation if keyword == "TZ" else f"lower({abbreviation})"


@lru_cache(maxsize=64)
def _abbreviations(zone: str) -> dict[int, str]:
    """The zone's abbreviation for each of its UTC offsets (the latest one since 1900)."""
    tz = dt.timezone.utc if zone == "UTC" else zoneinfo.ZoneInfo(zone)
    names: dict[int, str] = {}
    for year in range(1900, 2038):
        for month in range(1, 13):
            local = dt.datetime(year, month, 15, 12, tzinfo=tz)
            names[int(local.utcoffset().total_seconds())] = local.tzname()
    return names


def _ordinal(number: str, upper: bool) -> str:
    """get_th: st, nd, rd or th after the number's last digits."""
    n = f"abs({number})"
    suffix = (f"(CASE WHEN {n} % 100 BETWEEN 11 AND 13 THEN 'th' WHEN {n} % 10 = 1 THEN 'st' "
              f"WHEN {n} % 10 = 2 THEN 'nd' WHEN {n} % 10 = 3 THEN 'rd' ELSE 'th' END)")
    return f"upper({suffix})" if upper else suffix


def _cased(sql: str, keyword: str) -> str:
    """Names as the pattern is spelled: MONTH in capitals, Month capitalised, month in small letters."""
    if keyword.isupper() or keyword.replace(".", "").isupper():
        return f"upper({sql})"
    if keyword.islower() or keyword.replace(".", "").islower():
        return f"lower({sql})"
    return sql
