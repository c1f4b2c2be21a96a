"""Rule: text cast to boolean or to an integer type reads it as PostgreSQL's input functions do.

int2in/int4in/int8in take an optional sign and digits, with spaces around: ``'1.5'::int``
is 22P02 (DuckDB rounds it to 2). boolin takes, ignoring case and surrounding spaces, ``true``/``false``, ``yes``/``no``,
``on``/``off``, ``1``/``0`` and any unambiguous prefix of them (``t``, ``fa``, ``y``,
``of``); anything else is 22P02. DuckDB takes fewer (not ``on``/``off``, ``y``, prefixes).
A string constant is read here; other text becomes a CASE over the accepted spellings
(for integers: over a pattern of digits).

>>> import sqlglot
>>> text_input(sqlglot.parse_one("select 'off'::boolean, ' Yes'::bool, ' 7'::int", read="postgres")).sql("duckdb")
"SELECT FALSE, TRUE, CAST(' 7' AS INT)"
"""

from __future__ import annotations

import re

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError

TRUE_WORDS, FALSE_WORDS = ("true", "yes", "on"), ("false", "no", "off")
# Every spelling boolin takes: the words, their unambiguous prefixes, 1 and 0.
SPELLINGS = {"1": True, "0": False}
for _word in TRUE_WORDS + FALSE_WORDS:
    for _end in range(1, len(_word) + 1):
        _prefix = _word[:_end]
        if sum(w.startswith(_prefix) for w in TRUE_WORDS + FALSE_WORDS) == 1:
            SPELLINGS[_prefix] = _word in TRUE_WORDS


T = exp.DataType.Type
INTEGERS = {T.SMALLINT: ("smallint", 2**15), T.INT: ("integer", 2**31), T.BIGINT: ("bigint", 2**63)}
DIGITS = r"\s*[+-]?[0-9]+\s*"


def text_input(expression: exp.Expression) -> exp.Expression:
    for cast in list(expression.find_all(exp.Cast)):
        if not _text(cast.this):
            continue
        if cast.to.this in INTEGERS:
            _integer(cast)
            continue
        if cast.to.this != exp.DataType.Type.BOOLEAN:
            continue
        if isinstance(cast.this, exp.Literal):
            cast.replace(exp.Boolean(this=_read(cast.this.name)))
        else:
            cast.replace(_case(cast.this))
    return expression


def _integer(cast: exp.Cast) -> None:
    name, limit = INTEGERS[cast.to.this]
    if isinstance(cast.this, exp.Literal):
        text = cast.this.name
        if not re.fullmatch(DIGITS, text):
            raise SqlError("22P02", f'invalid input syntax for type {name}: "{text}"')
        if not -limit <= int(text) < limit:
            raise SqlError("22003", f'value "{text}" is out of range for type {name}')
        return
    matches = exp.Anonymous(this="regexp_full_match", expressions=[cast.this.copy(), exp.Literal.string(DIGITS)])
    error = exp.Anonymous(this="ERROR", expressions=[exp.Literal.string(f"invalid input syntax for type {name}")])
    cast.replace(exp.Case(ifs=[exp.If(this=exp.Not(this=matches), true=exp.cast(error, cast.to.copy()))],
                          default=cast.copy()))


def _text(node: exp.Expression) -> bool:
    if isinstance(node, exp.Literal):
        return node.is_string
    return node.type is not None and node.type.this in (exp.DataType.Type.VARCHAR, exp.DataType.Type.TEXT)


def _read(text: str) -> bool:
    value = SPELLINGS.get(text.strip().lower())
    if value is None:
        raise SqlError("22P02", f'invalid input syntax for type boolean: "{text}"')
    return value


def _case(value: exp.Expression) -> exp.Expression:
    word = exp.Lower(this=exp.Trim(this=value.copy()))
    ifs = [exp.If(this=exp.In(this=word.copy(), expressions=[exp.Literal.string(s) for s, v in SPELLINGS.items() if v is b]),
                  true=exp.Boolean(this=b)) for b in (True, False)]
    error = exp.Anonymous(this="ERROR", expressions=[exp.Literal.string("invalid input syntax for type boolean")])
    null = exp.If(this=exp.Is(this=value.copy(), expression=exp.Null()), true=exp.Null())
    return exp.Case(ifs=[null, *ifs], default=exp.cast(error, "BOOLEAN"))
