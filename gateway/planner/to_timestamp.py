"""Rule: to_timestamp(text, template) and to_date(text, template) read PostgreSQL's templates.

The template is cut as formatting.c cuts it (``datetime_format``) and written as
DuckDB's strptime format: years, months (numbers and names), days, day of year,
12- and 24-hour clocks with AM/PM, minutes, seconds, milliseconds and
microseconds; ``FM`` changes nothing when reading. to_timestamp is a
timestamptz: the time read is a wall-clock time of the session's TimeZone, as
PostgreSQL reads it; to_date a date. Other patterns (zones, ISO weeks, Julian
days, roman months), and a template that is not a constant, are refused with
0A000. strptime wants the separators as written where PostgreSQL skips any
(``'2021/06/01'`` against ``'YYYY-MM-DD'``): such text is an error (22007), not
another value.

>>> import sqlglot
>>> to_timestamp(sqlglot.parse_one("select to_date(x, 'DD Mon YYYY')", read=PostgresInput)).sql("duckdb")
"SELECT CAST(STRPTIME(x, '%d %b %Y') AS DATE)"
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.datetime_format import parse_format
from duckflight.gateway.planner.dialect import PostgresInput  # noqa: F401 (doctest)

_STRPTIME = {
    "YYYY": "%Y", "YY": "%y", "MM": "%m", "DD": "%d", "DDD": "%j", "HH24": "%H", "HH": "%I", "HH12": "%I",
    "MI": "%M", "SS": "%S", "MS": "%g", "US": "%f", "MON": "%b", "MONTH": "%B", "DY": "%a", "DAY": "%A",
    "AM": "%p", "PM": "%p", "FX": "",
}
_RESULTS = {"to_timestamp": "TIMESTAMPTZ", "to_date": "DATE"}


def to_timestamp(tree: exp.Expression) -> exp.Expression:
    for node in list(tree.find_all(exp.Anonymous)):
        name = node.name.lower()
        if name not in _RESULTS or len(node.expressions) != 2:
            continue
        text, template = node.expressions
        if not (isinstance(template, exp.Literal) and template.is_string):
            raise SqlError("0A000", f"{name} with a template that is not a constant is not supported")
        parsed = exp.Anonymous(this="STRPTIME", expressions=[text.copy(), exp.Literal.string(_format(template.name))])
        replacement = exp.Cast(this=parsed, to=exp.DataType.build(_RESULTS[name]))
        replacement.type = replacement.to.copy()
        node.replace(replacement)
    return tree


def _format(template: str) -> str:
    out = []
    for node in parse_format(template):
        if node.keyword is None:
            out.append(node.text.replace("%", "%%"))
            continue
        pattern = _STRPTIME.get(node.keyword.upper())
        if pattern is None:
            raise SqlError("0A000", f'the pattern "{node.keyword}" is not supported when reading dates and times')
        out.append(pattern)
    return "".join(out)
