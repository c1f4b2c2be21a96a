"""Rule: PostgreSQL functions that DuckDB lacks or computes otherwise, in DuckDB's terms.

* ``int2(x)``, ``float4(x)`` ...: a type's name called as a function casts to it;
* ``every(b)`` is ``bool_and(b)``; sum/avg/min/max of a boolean do not exist (42883);
* a boolean in concat()/concat_ws()/format() is written ``t``/``f``; ``cardinality(a)`` is ``len(a)``;
  ``octet_length(text)`` is DuckDB's ``strlen`` (bytes of the UTF-8 text);
* ``round(double precision)`` rounds half to even (dround uses rint), DuckDB's
  ``round`` half away from zero: it is ``round_even(x, 0)``;
* ``upper`` keeps ß, as glibc's C.UTF-8 (the database's LC_CTYPE) does, where DuckDB writes ẞ;
* ``to_hex`` is lower case, and of an integer (int4) the 32-bit two's complement;
* ``substr(s, start, n)`` with a start below 1 keeps the characters from 1 up to
  ``start + n`` (text_substr), where DuckDB counts a negative start from the end;
* ``width_bucket(x, low, high, count)`` (width_bucket_float8/numeric) as a CASE;
* ``lpad``/``rpad`` with an empty fill, ``overlay``, ``quote_literal``/``quote_nullable``, ``substring(s from 'regex')``;
  ``array_length`` of an empty array is NULL; DISTINCT in a window aggregate is 0A000;
* ``regexp_match`` as regexp_extract of each group (0A000 when a group may stay outside the match);
  ``regexp_matches``, a set of rows in PostgreSQL and a boolean in DuckDB, is refused (0A000);
* ``split_part`` with an empty delimiter, ``chr(0)`` (54000) and ``power`` of a negative
  number to a fraction or of zero to a negative number (2201F) as PostgreSQL has them;
* ``format('…%s…', …)`` (text_format) with a constant format: ``%s`` (NULL is empty),
  ``%L`` (quote_literal, NULL is NULL), positions ``%2$s``, widths ``%5s``/``%-5s``
  ``%I`` (quote_ident: PostgreSQL's keywords, ``functions.quote_ident_sql``) and ``%%`` are
  spelled out as a concatenation; ``*`` widths are refused with 0A000.

Runs after type annotation (it reads argument types), before distribution.

>>> import sqlglot
>>> from sqlglot.optimizer.annotate_types import annotate_types
>>> tree = annotate_types(sqlglot.parse_one("select every(b), round(1.5::float8), to_hex(5) from t", read="postgres"))
>>> postgres_functions(tree).sql("duckdb")
'SELECT BOOL_AND(CAST(b AS BOOLEAN)), ROUND_EVEN(CAST(1.5 AS DOUBLE), 0), LOWER(HEX(CAST(5 AS BIGINT) & 4294967295)) FROM t'
"""

from __future__ import annotations

import re

import sqlglot
from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.output_names import TEXT
from duckflight.gateway.system.functions import quote_ident_sql

T = exp.DataType.Type
COMPLEX = "a negative number raised to a non-integer power yields a complex result"
ZERO_POWER = "zero raised to a negative power is undefined"
# A type's name called as a function is a cast to it: int2(x) is x::int2.
TYPE_FUNCTIONS = {"int2": "SMALLINT", "int4": "INT", "int8": "BIGINT", "float4": "REAL", "float8": "DOUBLE"}
FLOATS = {T.DOUBLE, T.FLOAT}
TEXTS = {T.VARCHAR, T.TEXT, T.CHAR, T.NCHAR, T.NVARCHAR, T.BPCHAR, T.UNKNOWN}


def postgres_functions(expression: exp.Expression) -> exp.Expression:
    for node in list(expression.walk()):
        replacement = _rewrite(node)
        if replacement is not None:
            node.replace(replacement)
    return expression


def _rewrite(node: exp.Expression) -> exp.Expression | None:
    if isinstance(node, exp.Window) and isinstance(node.this, exp.AggFunc) and node.this.find(exp.Distinct):
        raise SqlError("0A000", "DISTINCT is not implemented for window functions")
    if isinstance(node, (exp.Sum, exp.Avg, exp.Min, exp.Max)) and _type(node.this) == T.BOOLEAN:
        raise SqlError("42883", f"function {node.sql_name().lower()}(boolean) does not exist")
    if isinstance(node, (exp.Concat, exp.ConcatWs)):
        for argument in node.expressions:
            if _type(argument) == T.BOOLEAN:
                argument.replace(_bool_text(argument.copy()))
        return None
    if isinstance(node, exp.Anonymous):
        name, args = node.name.lower(), node.expressions
        if name == "regexp_match":
            return _regexp_match(args)
        if name == "regexp_matches" and not node.meta.get("checked"):
            raise SqlError("0A000", "regexp_matches() returns a set of rows, which duckflight does not support "
                                    "(DuckDB's namesake is a boolean); regexp_match() gives the first match")
        if name in TYPE_FUNCTIONS and len(args) == 1:
            return exp.cast(args[0], TYPE_FUNCTIONS[name])
        if name == "every" and len(args) == 1:
            return exp.LogicalAnd(this=args[0])
        if name == "cardinality" and len(args) == 1:
            return exp.Anonymous(this="len", expressions=args)
        if name == "octet_length" and len(args) == 1 and _type(args[0]) in TEXTS:
            return exp.Anonymous(this="strlen", expressions=args)
        if name in ("quote_literal", "quote_nullable") and len(args) == 1:
            quoted = _format_value(args[0], "L")  # NULL is 'NULL'; quote_literal is strict
            return quoted if name == "quote_nullable" else exp.Case(
                ifs=[exp.If(this=exp.Is(this=args[0].copy(), expression=exp.Null()), true=exp.Null())], default=quoted)
    if isinstance(node, exp.ArraySize) and node.expression is not None:  # array_length(a, 1) of {} is NULL
        return exp.Nullif(this=node.copy(), expression=exp.Literal.number(0))
    if isinstance(node, exp.Overlay):
        return _overlay(node)
    if isinstance(node, exp.Pad) and node.args.get("fill_pattern") is not None and not node.meta.get("checked"):
        return _pad(node)
    if isinstance(node, exp.Substring) and isinstance(node.args.get("start"), exp.Literal) and \
            node.args["start"].is_string and node.args.get("length") is None and _written(node) != "substr":
        return _regexp_substring(node)
    if isinstance(node, exp.Round) and node.args.get("decimals") is None and _double(node.this):
        return exp.Anonymous(this="round_even", expressions=[node.this, exp.Literal.number(0)])
    if isinstance(node, exp.Upper) and not node.meta.get("checked"):
        return _upper(node)
    if isinstance(node, exp.Hex):
        return exp.Lower(this=exp.Hex(this=_two_complement(node.this)))
    if isinstance(node, exp.Substring) and not _positive_literal(node.args.get("start")):
        return _substr(node)
    if isinstance(node, exp.WidthBucket):
        return _width_bucket(node)
    if isinstance(node, exp.SplitPart):  # sqlglot then writes PostgreSQL's rule for DuckDB
        node.set("empty_delimiter_returns_whole", True)
        return None
    if isinstance(node, exp.Chr) and len(node.expressions) == 1:
        return _refusing(node, exp.EQ(this=node.expressions[0].copy(), expression=exp.Literal.number(0)),
                         "null character not permitted")
    if isinstance(node, exp.Pow) and not node.meta.get("checked"):
        return _checked_power(node)
    if isinstance(node, exp.Format) or isinstance(node, exp.Anonymous) and node.name.lower() == "format":
        return _format(node)
    return None


def _type(node: exp.Expression):
    return node.type.this if node is not None and node.type is not None else None


def _double(node: exp.Expression) -> bool:
    """Whether PostgreSQL computes ``node`` in double precision (sqlglot types 2.5 DOUBLE; it is numeric)."""
    if isinstance(node, exp.Literal):
        return False
    if isinstance(node, (exp.Paren, exp.Neg)):
        return _double(node.this)
    if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div)):
        return _double(node.this) or _double(node.expression)
    return _type(node) in FLOATS


def _upper(node: exp.Upper) -> exp.Expression:
    """upper(x) with ß kept: glibc's towupper has no one-letter capital for it (U+FFFF, a
    noncharacter, stands in for it while DuckDB changes the case of the rest)."""
    hidden = exp.Anonymous(this="replace", expressions=[node.this, exp.Literal.string("ß"),
                                                         exp.Literal.string("\uffff")])
    upper = exp.Upper(this=hidden)
    upper.meta["checked"] = True
    return exp.Anonymous(this="replace", expressions=[upper, exp.Literal.string("\uffff"), exp.Literal.string("ß")])


def _two_complement(value: exp.Expression) -> exp.Expression:
    """An integer as PostgreSQL's to_hex(int4) sees it: 32 bits, negative values wrapped."""
    if isinstance(value, exp.Literal) or isinstance(value, exp.Neg) and isinstance(value.this, exp.Literal):
        number = int(value.sql()) if value.sql().lstrip("-").isdigit() else None  # sqlglot types every integer INT
        small = number is not None and -2**31 <= number < 2**31
    else:
        small = _type(value) in (T.INT, T.SMALLINT, T.TINYINT)
    if small:
        return exp.BitwiseAnd(this=exp.cast(value, "BIGINT"), expression=exp.Literal.number(4294967295))
    return value


def _positive_literal(node: exp.Expression | None) -> bool:
    return isinstance(node, exp.Literal) and not node.is_string and node.name.isdigit() and int(node.name) >= 1


def _substr(node: exp.Substring) -> exp.Expression:
    start, length = node.args.get("start"), node.args.get("length")
    if start is None:
        return None
    begin = exp.Greatest(this=start.copy(), expressions=[exp.Literal.number(1)])
    rewritten = exp.Substring(this=node.this, start=begin)
    if length is not None:  # characters start .. start + n - 1, of those that exist
        end = exp.Add(this=exp.paren(start.copy()), expression=exp.paren(length))
        count = exp.Sub(this=end, expression=begin.copy())
        rewritten.set("length", exp.Greatest(this=count, expressions=[exp.Literal.number(0)]))
    return rewritten


def _written(node: exp.Expression) -> str | None:
    """The name a call was written with (substr, substring), from the statement's text."""
    text = node.root().meta.get(TEXT)
    if not text or "start" not in node.meta:
        return None
    return text[node.meta["start"]:node.meta["end"] + 1].lower()


def _pad(node: exp.Pad) -> exp.Expression:
    """lpad/rpad with an empty fill only cut to the length (DuckDB raises an error)."""
    fill = node.args["fill_pattern"]
    cut = exp.Left(this=node.this.copy(), expression=node.expression.copy())
    if isinstance(fill, exp.Literal):
        return cut if fill.name == "" else None
    kept = node.copy()
    kept.meta["checked"] = True
    return exp.Case(ifs=[exp.If(this=exp.EQ(this=fill.copy(), expression=exp.Literal.string("")), true=cut)],
                    default=kept)


def _overlay(node: exp.Overlay) -> exp.Expression:
    """overlay(s placing r from p for n) is the text before p, r, and the text from p + n on."""
    text, placing, start = node.this, node.expression, node.args.get("from_")
    count = node.args.get("for_") or exp.Length(this=placing.copy())
    before = exp.Substring(this=text.copy(), start=exp.Literal.number(1),
                           length=exp.Sub(this=start.copy(), expression=exp.Literal.number(1)))
    after = exp.Substring(this=text.copy(), start=exp.Add(this=start.copy(), expression=exp.paren(count.copy())))
    return exp.DPipe(this=exp.DPipe(this=before, expression=placing.copy()), expression=after)


def _regexp_substring(node: exp.Substring) -> exp.Expression:
    """substring(s from 'pattern'): the first parenthesized group's match (else the whole
    match), NULL when nothing matches (textregexsubstr)."""
    pattern = node.args["start"]
    group = 1 if _group_count(pattern.name) else 0
    found = exp.Anonymous(this="regexp_extract", expressions=[node.this.copy(), pattern.copy(), exp.Literal.number(group)])
    return exp.Case(ifs=[exp.If(this=_matches(node.this, pattern), true=found)])


def _group_count(pattern: str) -> int:
    """The parenthesized (capturing) groups of a pattern, as Python's re counts them (close to
    PostgreSQL's and RE2's), else each ``(`` neither escaped nor ``(?``."""
    try:
        return re.compile(pattern).groups
    except re.error:
        return len(re.findall(r"(?<!\\)\((?!\?)", pattern))


def _matches(text: exp.Expression, pattern: exp.Expression, *options: exp.Expression) -> exp.Expression:
    """DuckDB's boolean regexp_matches, which the user's (a set of rows) is not."""
    call = exp.Anonymous(this="regexp_matches", expressions=[text.copy(), pattern.copy(), *options])
    call.meta["checked"] = True
    return call


def _regexp_match(args: list[exp.Expression]) -> exp.Expression:
    """regexp_match(s, pattern [, flags]): the text of each parenthesized group of the first
    match (of the whole match when there is none), NULL when nothing matches (textregexmatch).
    A pattern with a group that may take no part in the match (``(x)?``, an alternation) is
    refused: DuckDB's regexp_extract gives '' for it, PostgreSQL NULL."""
    if len(args) not in (2, 3) or not all(a.is_string for a in args[1:]):
        raise SqlError("0A000", "regexp_match() is supported with a constant pattern and flags only")
    text, pattern, flags = args[0], args[1], args[2].name if len(args) == 3 else ""
    if "g" in flags:
        raise SqlError("22023", 'regexp_match() does not support the "global" option')
    if set(flags) - {"i", "c"}:
        raise SqlError("0A000", f"regexp_match() flags {flags!r} are not supported (only i and c)")
    case_flags = [f for f in flags if f in "ic"]  # the last of i and c wins
    options = [exp.Literal.string("i")] if case_flags and case_flags[-1] == "i" else []
    groups = _group_count(pattern.name)
    if groups and (re.search(r"(?<!\\)\)(?:\?|\*|\{0)", pattern.name) or "|" in pattern.name):
        raise SqlError("0A000", "regexp_match() with a group that may take no part in the match is not supported: "
                                "DuckDB gives '' for it where PostgreSQL gives NULL")
    found = [exp.Anonymous(this="regexp_extract", expressions=[text.copy(), pattern.copy(), exp.Literal.number(g),
                                                               *[o.copy() for o in options]])
             for g in (range(1, groups + 1) if groups else [0])]
    return exp.Case(ifs=[exp.If(this=_matches(text, pattern, *options), true=exp.Array(expressions=found))])


def _refusing(node: exp.Expression, condition: exp.Expression, message: str) -> exp.Expression:
    """``node``, or PostgreSQL's error when ``condition`` holds (errors.py gives its SQLSTATE)."""
    error = exp.Anonymous(this="ERROR", expressions=[exp.Literal.string(message)])
    return exp.Case(ifs=[exp.If(this=condition, true=error)], default=node.copy())


def _checked_power(node: exp.Pow) -> exp.Expression:
    """dpow's errors (2201F): a negative base to a fractional power, zero to a negative one."""
    base, exponent = node.this, node.expression
    kept = node.copy()
    kept.meta["checked"] = True
    fraction = exp.and_(exp.LT(this=base.copy(), expression=exp.Literal.number(0)),
                        exp.NEQ(this=exponent.copy(), expression=exp.Floor(this=exponent.copy())))
    zero = exp.and_(exp.EQ(this=base.copy(), expression=exp.Literal.number(0)),
                    exp.LT(this=exponent.copy(), expression=exp.Literal.number(0)))
    return exp.Case(ifs=[
        exp.If(this=fraction, true=exp.Anonymous(this="ERROR", expressions=[exp.Literal.string(COMPLEX)])),
        exp.If(this=zero, true=exp.Anonymous(this="ERROR", expressions=[exp.Literal.string(ZERO_POWER)]))],
        default=kept)


def _width_bucket(node: exp.WidthBucket) -> exp.Expression:
    """0 below low, count + 1 at or above high, else the 1-based bucket of equal width."""
    value, low, high, count = (node.args.get(k) for k in ("this", "min_value", "max_value", "num_buckets"))
    if None in (value, low, high, count):
        return None
    as_double = [exp.cast(e.copy(), "DOUBLE") for e in (value, low, high)]
    bucket = exp.Floor(this=exp.Div(
        this=exp.Mul(this=exp.paren(exp.Sub(this=as_double[0], expression=as_double[1])), expression=count.copy()),
        expression=exp.paren(exp.Sub(this=as_double[2], expression=as_double[1].copy()))))
    inside = exp.cast(exp.Add(this=bucket, expression=exp.Literal.number(1)), "INT")
    return exp.Case(ifs=[exp.If(this=exp.LT(this=value.copy(), expression=low.copy()), true=exp.Literal.number(0)),
                         exp.If(this=exp.GTE(this=value.copy(), expression=high.copy()),
                                true=exp.Add(this=count.copy(), expression=exp.Literal.number(1)))],
                    default=inside)


SPECIFIER = re.compile(r"%(?:(\d+)\$)?(-)?(\d*|\*)([sIL%])")


def _format(node: exp.Expression) -> exp.Expression:
    """PostgreSQL's format() as a concatenation of its pieces (see the module's docstring)."""
    arguments = [node.this, *node.expressions] if isinstance(node, exp.Format) else list(node.expressions)
    template, values = arguments[0], arguments[1:]
    if not isinstance(template, exp.Literal) or not template.is_string:
        raise SqlError("0A000", "format() with a format that is not a constant is not supported")
    pieces, text, at, following = [], template.name, 0, 0
    for match in SPECIFIER.finditer(text):
        pieces.append(exp.Literal.string(text[at:match.start()]))
        at = match.end()
        position, left, width, kind = match.groups()
        if kind == "%":
            pieces.append(exp.Literal.string("%"))
            continue
        if width == "*":
            raise SqlError("0A000", f"format() with {match.group(0)} is not supported (see docs/postgres-differences.md)")
        index = int(position) - 1 if position else following
        following = index + 1
        if index >= len(values):
            raise SqlError("22023", "too few arguments for format()")
        pieces.append(_padded(_format_value(values[index], kind), int(width) if width else 0, bool(left)))
    pieces.append(exp.Literal.string(text[at:]))
    return exp.Anonymous(this="concat", expressions=[p for p in pieces if not (isinstance(p, exp.Literal) and p.name == "")]
                         or [exp.Literal.string("")])


def _bool_text(value: exp.Expression) -> exp.Expression:
    """A boolean as its output function writes it (t, f), which concat() and format() use;
    a cast to text (and DuckDB's) writes true, false."""
    return exp.Case(ifs=[exp.If(this=value.copy(), true=exp.Literal.string("t")),
                         exp.If(this=exp.Not(this=value.copy()), true=exp.Literal.string("f"))])


def _format_value(value: exp.Expression, kind: str) -> exp.Expression:
    as_text = _bool_text(value) if _type(value) == T.BOOLEAN else exp.cast(value.copy(), "TEXT")
    if kind == "I":
        return _identifier(value, as_text)
    if kind == "s":
        return exp.Coalesce(this=as_text, expressions=[exp.Literal.string("")])
    quoted = exp.DPipe(this=exp.DPipe(this=exp.Literal.string("'"), expression=exp.Replace(
        this=as_text, expression=exp.Literal.string("'"), replacement=exp.Literal.string("''"))),
        expression=exp.Literal.string("'"))
    escaped = exp.DPipe(this=exp.Literal.string("E"), expression=quoted.copy())
    escaped.find(exp.Replace).set("this", exp.Replace(this=as_text.copy(), expression=exp.Literal.string("\\"),
                                                      replacement=exp.Literal.string("\\\\")))
    has_backslash = exp.Anonymous(this="contains", expressions=[as_text.copy(), exp.Literal.string("\\")])
    return exp.Case(ifs=[exp.If(this=exp.Is(this=value.copy(), expression=exp.Null()), true=exp.Literal.string("NULL")),
                         exp.If(this=has_backslash, true=escaped)], default=quoted)


def _identifier(value: exp.Expression, as_text: exp.Expression) -> exp.Expression:
    """%I: quote_ident of the value; NULL is an error (22004), as text_format has it."""
    quoted = sqlglot.parse_one(quote_ident_sql("__value"), read="duckdb")
    for column in list(quoted.find_all(exp.Column)):
        column.replace(as_text.copy())
    refused = exp.Anonymous(this="error", expressions=[
        exp.Literal.string("null values cannot be formatted as an SQL identifier")])
    return exp.Case(ifs=[exp.If(this=exp.Is(this=value.copy(), expression=exp.Null()), true=refused)], default=quoted)


def _padded(value: exp.Expression, width: int, left: bool) -> exp.Expression:
    """Padded with spaces to ``width``, never cut (DuckDB's lpad cuts)."""
    if width == 0:
        return value
    pad = exp.Pad(this=value.copy(), expression=exp.Literal.number(width), fill_pattern=exp.Literal.string(" "),
                  is_left=not left)
    long_enough = exp.GTE(this=exp.Length(this=value.copy()), expression=exp.Literal.number(width))
    return exp.Case(ifs=[exp.If(this=long_enough, true=value)], default=pad)
