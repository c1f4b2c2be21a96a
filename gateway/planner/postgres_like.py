"""Rule: LIKE, ILIKE and SIMILAR TO match as in PostgreSQL.

PostgreSQL's LIKE (and ILIKE, ``~~``, ``~~*``, ``!~~``, ``!~~*``) has a default
escape character, the backslash: ``'x%' LIKE 'x\\%'`` is true, ``'xy' LIKE 'x\\%'``
false. ``ESCAPE 'c'`` picks another one, ``ESCAPE ''`` none; a longer escape
string is an error (22025), and so is a pattern whose escape character has
nothing after it, when matching reaches it (like_match.c's MatchText). DuckDB's
LIKE has no escape character at all, so a pattern that may hold one becomes
DuckDB's ``like_escape`` (``ilike_escape``, ``not_like_escape``,
``not_ilike_escape``), which treats it as PostgreSQL does; a constant pattern
without one stays a plain LIKE, which DuckDB optimises best.

``SIMILAR TO`` is a regular expression in PostgreSQL, written with ``%`` and
``_``: its constant pattern is translated as PostgreSQL's similar_escape_internal
(regexp.c) does, with its escape rules (backslash by default), and matched as
that regular expression. DuckDB's own SIMILAR TO reads the pattern as a regular
expression as it is. A SIMILAR TO pattern or escape that is not a constant is
refused (0A000). ``LIKE ANY (array)`` and ``LIKE ALL (array)`` match each
element, with SQL's three-valued OR and AND (PostgreSQL has no SIMILAR TO ANY: 42601).

Shared by the planner and the system catalog (psql's ``\\d`` sends LIKE).

>>> import sqlglot
>>> postgres_like(sqlglot.parse_one(r"select a like 'x\\%', a not ilike 'x%', a similar to 'b%|c'", read="postgres")).sql("duckdb")
"SELECT LIKE_ESCAPE(a, 'x\\\\%', '\\\\'), a NOT ILIKE 'x%', REGEXP_MATCHES(a, '^(?:b.*|c)$')"
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError

BACKSLASH = "\\"
# (case-insensitive?, negated?) -> DuckDB's function with an escape argument
FUNCTIONS = {(False, False): "like_escape", (True, False): "ilike_escape",
             (False, True): "not_like_escape", (True, True): "not_ilike_escape"}


def postgres_like(expression: exp.Expression) -> exp.Expression:
    for node in list(expression.find_all(exp.Like, exp.ILike, exp.SimilarTo)):
        escape = node.parent if isinstance(node.parent, exp.Escape) else None
        target = escape if escape is not None else node
        replacement = _rewrite(node, escape.expression if escape is not None else None)
        if target is expression:
            return replacement
        target.replace(replacement)
    return expression


def _rewrite(node: exp.Expression, escape: exp.Expression | None) -> exp.Expression:
    negated = bool(node.args.get("negate"))
    quantifier = node.expression if isinstance(node.expression, (exp.Any, exp.All)) else None
    if quantifier is not None and isinstance(node, exp.SimilarTo):  # PostgreSQL's grammar has no SIMILAR TO ANY
        raise SqlError("42601", f'syntax error at or near "{"any" if isinstance(quantifier, exp.Any) else "all"}"')
    if quantifier is not None:
        return _quantified(node, quantifier, escape, negated)
    if isinstance(node, exp.SimilarTo):
        return _similar(node.this, node.expression, escape, negated)
    return _like(node.this, node.expression, escape, isinstance(node, exp.ILike), negated)


def _like(value: exp.Expression, pattern: exp.Expression, escape: exp.Expression | None,
          insensitive: bool, negated: bool) -> exp.Expression:
    """``value [NOT] [I]LIKE pattern [ESCAPE escape]`` in DuckDB's words."""
    escape = exp.Literal.string(BACKSLASH) if escape is None else escape
    if escape.is_string:
        if len(escape.name) > 1 and pattern.is_string:  # PostgreSQL folds like_escape(constant, constant)
            raise _invalid_escape()
        if escape.name == "" or pattern.is_string and escape.name not in pattern.name:
            return (exp.ILike if insensitive else exp.Like)(this=value, expression=pattern, negate=negated or None)
    return exp.Anonymous(this=FUNCTIONS[(insensitive, negated)], expressions=[value, pattern, escape])


def _similar(value: exp.Expression, pattern: exp.Expression, escape: exp.Expression | None,
             negated: bool) -> exp.Expression:
    """``value [NOT] SIMILAR TO pattern [ESCAPE escape]`` as the regular expression PostgreSQL makes of it."""
    if isinstance(pattern, exp.Null) or isinstance(escape, exp.Null):
        return exp.Cast(this=exp.Null(), to=exp.DataType.build("BOOLEAN"))
    text = _constant_text(pattern)
    if text is None or escape is not None and not escape.is_string:
        raise SqlError("0A000", "SIMILAR TO with a pattern or escape that is not a constant is not supported")
    regex = similar_regex(text, None if escape is None else escape.name)
    match = exp.RegexpLike(this=value, expression=exp.Literal.string(regex))
    return exp.Not(this=match) if negated else match


def _constant_text(node: exp.Expression) -> str | None:
    """The text of a string constant, also one written as a concatenation of constants."""
    while isinstance(node, exp.Paren):
        node = node.this
    if node.is_string:
        return node.name
    if isinstance(node, exp.DPipe):
        left, right = _constant_text(node.this), _constant_text(node.expression)
        return None if left is None or right is None else left + right
    return None


def similar_regex(pattern: str, escape: str | None) -> str:
    """PostgreSQL's similar_escape_internal: a SIMILAR TO pattern as a regular expression.

    ``escape`` None is the default (backslash), '' is none.

    >>> similar_regex('a%|b_', None), similar_regex(r'100\\%', None), similar_regex('[^]x]', '')
    ('^(?:a.*|b.)$', '^(?:100\\\\%)$', '^(?:[^]x])$')
    """
    if escape is None:
        escape = BACKSLASH
    elif len(escape) > 1:
        raise _invalid_escape()
    out, after_escape, quotes = ["^(?:"], False, 0
    depth, position = 0, 0  # character-class nesting, and where we are in the class
    for char in pattern:
        if after_escape:
            if char == '"' and depth < 1:  # escape-double-quote: SUBSTRING's separators
                if quotes > 1:
                    raise SqlError("2200C", "SQL regular expression may not contain more than two "
                                            "escape-double-quote separators")
                out.append("){1,1}?(" if quotes == 0 else "){1,1}(?:")
                quotes += 1
            else:
                out.append(BACKSLASH + char)
                position = 3
            after_escape = False
        elif escape and char == escape:
            after_escape = True
        elif depth > 0:
            out.append(BACKSLASH + char if char == BACKSLASH else char)
            if char == "]" and position > 2:
                depth -= 1
            elif char == "[":
                depth, position = depth + 1, 3
            elif char == "^":
                position += 1
            else:
                position = 3
        elif char == "[":
            out.append(char)
            depth, position = 1, 1
        else:
            out.append(_OUTSIDE.get(char, char))
    return "".join(out) + ")$"


_OUTSIDE = {"%": ".*", "_": ".", "(": "(?:", BACKSLASH: BACKSLASH * 2, ".": r"\.", "^": r"\^", "$": r"\$"}


def _quantified(node: exp.Expression, quantifier: exp.Expression, escape, negated: bool) -> exp.Expression:
    """``value LIKE ANY|ALL (array)``: each element's match, OR-ed (AND-ed) with SQL's NULL rules."""
    array = quantifier.this.this if isinstance(quantifier.this, exp.Paren) else quantifier.this
    if isinstance(array, (exp.Select, exp.Subquery)):
        raise SqlError("0A000", "LIKE ANY/ALL over a subquery is not supported")
    element = exp.to_identifier("__pattern")
    match = _like(node.this.copy(), exp.column(element), escape, isinstance(node, exp.ILike), negated)
    matches = exp.Anonymous(this="list_transform", expressions=[array.copy(), exp.Lambda(this=match, expressions=[element])])
    every = isinstance(quantifier, exp.All)
    combine = (exp.And if every else exp.Or)(this=exp.column("__a"), expression=exp.column("__b"))
    # Folding from the empty answer (false for ANY, true for ALL) gives SQL's three-valued result.
    folded = exp.Anonymous(this="list_reduce", expressions=[
        exp.Anonymous(this="list_prepend", expressions=[exp.Boolean(this=every), matches]),
        exp.Lambda(this=combine, expressions=[exp.to_identifier("__a"), exp.to_identifier("__b")])])
    return exp.Case(ifs=[exp.If(this=exp.Is(this=array, expression=exp.Null()), true=exp.Null())], default=folded)


def _invalid_escape() -> SqlError:
    return SqlError("22025", "invalid escape string", hint="Escape string must be empty or one character.")
