"""Rule: an output column that is a bare NULL is text, as PostgreSQL types it.

PostgreSQL resolves an untyped NULL in a SELECT list to ``text``; DuckDB makes
it INTEGER. Drivers read the column type (pgjdbc's ``TABLE_CAT`` is a NULL).

>>> import sqlglot
>>> text_nulls(sqlglot.parse_one("select null as table_cat, 1", read="postgres")).sql("duckdb")
'SELECT CAST(NULL AS TEXT) AS table_cat, 1'
"""

from __future__ import annotations

from sqlglot import exp


def text_nulls(tree: exp.Expression) -> exp.Expression:
    for select in tree.find_all(exp.Select):
        for projection in select.expressions:
            value = projection.this if isinstance(projection, exp.Alias) else projection
            if isinstance(value, exp.Null):
                value.replace(exp.cast(exp.Null(), "text"))
    return tree
