"""Rule: ``pg_catalog.f(...)`` is ``f(...)`` (and so for information_schema's helpers).

PostgreSQL finds built-in functions in pg_catalog whether or not the call says
so; tools say so to be safe from users' functions. Dropping the prefix first
lets the output column be named after the function, as PostgreSQL names it.

>>> import sqlglot
>>> pg_catalog_functions(sqlglot.parse_one("select pg_catalog.format_type(t, m)", read="postgres")).sql("duckdb")
'SELECT FORMAT_TYPE(t, m)'
"""

from __future__ import annotations

from sqlglot import exp


def pg_catalog_functions(tree: exp.Expression) -> exp.Expression:
    for dot in list(tree.find_all(exp.Dot)):
        if isinstance(dot.this, exp.Identifier) and dot.this.name.lower() in ("pg_catalog", "information_schema") \
                and isinstance(dot.expression, exp.Func):
            dot.replace(dot.expression)
    return tree
