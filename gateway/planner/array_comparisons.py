"""Rules: ``x op ANY (array)`` and ``x op ALL (array)`` as PostgreSQL reads them.

``quantifiers`` (at parse): sqlglot reads ``ANY(array)`` as a quantifier but ``ALL(array)``
and ``SOME(array)`` as calls of functions named ``all``/``some``; PostgreSQL's grammar has
one ``sub_type`` for the three (SOME is ANY).

``array_comparisons`` (after types are annotated): an untyped string operand,
``n_name = ANY('{FRANCE,PERU}')`` or an untyped parameter bound as one, is an array
constant of x's type (PostgreSQL coerces the unknown to x's array type and reads it with
array_in); DuckDB would not read it as a list ("UNNEST not supported here"). It becomes
``CAST('{...}' AS <x's type>[])``, which ``array_literals`` reads in PostgreSQL's syntax.
Typed arrays, ``ARRAY[...]`` and array columns are lists already.

>>> import sqlglot
>>> from sqlglot.optimizer.annotate_types import annotate_types
>>> tree = quantifiers(sqlglot.parse_one("select 1 where 2 <> all('{1,3}') and 'a' = some('{a}')", read="postgres"))
>>> array_comparisons(annotate_types(tree)).sql("duckdb")
"SELECT 1 WHERE 2 <> ALL (CAST(['1', '3'] AS INT[])) AND 'a' = ANY(CAST(['a'] AS TEXT[]))"
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.planner.array_literals import array_literals
from duckflight.gateway.planner.infer_parameters import pg_type

_QUANTIFIERS = {"ALL": exp.All, "SOME": exp.Any, "ANY": exp.Any}


def quantifiers(expression: exp.Expression) -> exp.Expression:
    for call in list(expression.find_all(exp.Anonymous)):
        kind = _QUANTIFIERS.get(call.name.upper())
        if kind and isinstance(call.parent, exp.Binary) and call.arg_key == "expression" \
                and len(call.expressions) == 1:
            call.replace(kind(this=exp.Paren(this=call.expressions[0])))
    return expression


def array_comparisons(expression: exp.Expression) -> exp.Expression:
    for quantified in list(expression.find_all(exp.Any, exp.All)):
        operand = quantified.this.this if isinstance(quantified.this, exp.Paren) else quantified.this
        comparison = quantified.parent
        if not (isinstance(operand, exp.Literal) and operand.is_string and isinstance(comparison, exp.Binary)):
            continue
        element = pg_type(comparison.this) or exp.DataType.build("text")
        to = exp.DataType(this=exp.DataType.Type.ARRAY, expressions=[element.copy()], nested=True)
        operand.replace(array_literals(exp.Cast(this=operand.copy(), to=to)))
    return expression
