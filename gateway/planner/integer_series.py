"""Rule: ``generate_series`` of integers in FROM gives integers, as PostgreSQL's does.

PostgreSQL's generate_series(int, int[, int]) returns integer (generate_series_int4);
DuckDB's returns BIGINT. A series over integer constants (all within integer's range)
becomes a subquery that casts its values, keeping the names PostgreSQL gives: the
column alias, else the table alias (a function in FROM returning a scalar names its
column after it), else ``generate_series``. Runs before qualification, which then
sees an ordinary subquery.

>>> import sqlglot
>>> integer_series(sqlglot.parse_one("select g from generate_series(1, 4) as g", read="postgres")).sql("duckdb")
'SELECT g FROM (SELECT CAST(generate_series AS INT) AS g FROM GENERATE_SERIES(1, 4) AS _series(generate_series)) AS g'
"""

from __future__ import annotations

from sqlglot import exp

INT4 = range(-2**31, 2**31)


def integer_series(expression: exp.Expression) -> exp.Expression:
    for table in list(expression.find_all(exp.Table)):
        series = table.this
        if isinstance(series, exp.ExplodingGenerateSeries) and _small_integers(series):
            table.replace(_cast_series(table, series))
    return expression


def _small_integers(series: exp.Expression) -> bool:
    values = [series.args.get(k) for k in ("start", "end", "step") if series.args.get(k) is not None]
    numbers = [_integer(v) for v in values]
    return all(n is not None and n in INT4 for n in numbers)  # None in a range would scan it


def _integer(node: exp.Expression) -> int | None:
    text = node.sql()
    return int(text) if isinstance(node, (exp.Literal, exp.Neg)) and text.lstrip("-").isdigit() else None


def _cast_series(table: exp.Table, series: exp.Expression) -> exp.Subquery:
    alias = table.args.get("alias")
    if alias is not None and alias.columns:
        column, name = alias.columns[0], alias.this
    elif alias is not None:
        column, name = alias.this, alias.this
    else:
        column = name = exp.to_identifier("generate_series")
    inner = exp.Table(this=series.copy(), alias=exp.TableAlias(this=exp.to_identifier("_series"),
                                                               columns=[exp.to_identifier("generate_series")]))
    select = exp.select(exp.alias_(exp.cast(exp.column("generate_series"), "INT"), column.copy())).from_(inner)
    return exp.Subquery(this=select, alias=exp.TableAlias(this=name.copy()))
