"""Rule: a set-returning function of one column in FROM names its column after the table alias.

PostgreSQL names the single column of a function returning a scalar type after the alias
the function is given in FROM (addRangeTableEntryForFunction: "the column alias defaults to
the table alias"): ``select * from unnest(array[1,2]) u`` is a column ``u``. DuckDB names it
``unnest``, so the alias is given the column name explicitly. (``generate_series`` gets the
same from ``integer_series``; a column alias list, ``u(x)``, is kept as written.)

>>> import sqlglot
>>> function_columns(sqlglot.parse_one("select * from unnest(array[1,2]) u", read="postgres")).sql("postgres")
'SELECT * FROM UNNEST(ARRAY[1, 2]) AS u(u)'
"""

from __future__ import annotations

from sqlglot import exp


def function_columns(tree: exp.Expression) -> exp.Expression:
    """``tree`` with each one-column unnest in FROM named after its alias."""
    for unnest in tree.find_all(exp.Unnest):
        alias = unnest.args.get("alias")
        if (isinstance(unnest.parent, (exp.From, exp.Join)) and len(unnest.expressions) == 1
                and isinstance(alias, exp.TableAlias) and alias.this is not None and not alias.columns):
            alias.set("columns", [alias.this.copy()])
    return tree
