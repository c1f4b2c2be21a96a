"""Rule: call the image's PostgreSQL functions, not DuckDB's namesakes.

A call of a function the image defines (``functions.NAMES``) is qualified
with the image's schema (run after ``pg_catalog_functions``). ``pg_typeof`` of an
untyped constant (a quoted string, NULL) is ``unknown``, and of a name ``name``, which
are only known here.

>>> import sqlglot
>>> tree = sqlglot.parse_one("select format_type(t, m), upper(x)", read="postgres")
>>> system_functions(tree).sql("duckdb")
'SELECT catalog_image.pg.format_type(t, m), UPPER(x)'
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.system.functions import NAMES, PG

# PostgreSQL functions DuckDB has under another name.
RENAMED = {"json_build_object": "json_object", "jsonb_build_object": "json_object"}


def system_functions(tree: exp.Expression) -> exp.Expression:
    for call in list(tree.find_all(exp.Anonymous)):
        name = call.name.lower()
        if name in RENAMED:
            call.set("this", RENAMED[name])
        elif name == "pg_typeof" and len(call.expressions) == 1 and \
                (call.expressions[0].is_string or isinstance(call.expressions[0], exp.Null)):
            call.replace(exp.Literal.string("unknown"))
        elif name == "pg_typeof" and len(call.expressions) == 1 and isinstance(call.expressions[0], exp.Cast) and \
                call.expressions[0].to.is_type(exp.DataType.Type.NAME):
            call.replace(exp.Literal.string("name"))  # DuckDB holds a name as VARCHAR
        elif name in NAMES and isinstance(call.parent, exp.Table):  # FROM pg_get_keywords()
            catalog, schema = PG.split(".")
            call.parent.set("db", exp.to_identifier(schema))
            call.parent.set("catalog", exp.to_identifier(catalog))
        elif name in NAMES and not isinstance(call.parent, exp.Dot):
            call.replace(qualified(name, call.expressions))
    return tree


def qualified(name: str, args: list[exp.Expression]) -> exp.Expression:
    catalog, schema = PG.split(".")
    call = exp.Anonymous(this=name, expressions=args)
    return exp.Dot(this=exp.to_identifier(catalog), expression=exp.Dot(this=exp.to_identifier(schema), expression=call))
