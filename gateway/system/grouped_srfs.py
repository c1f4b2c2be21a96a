"""Rule: a set-returning function in a grouped query's select list runs before the grouping.

PostgreSQL evaluates ``regexp_split_to_table(prosrc, '\\W+') AS word`` in a grouped
SELECT below the aggregation (its ProjectSet node), one row per element, and groups
those rows; DuckDB refuses an unnest there ("UNNEST not supported here"). The call
moves into a LATERAL subquery joined to the FROM clause, which gives the same rows,
and the select list reads its column (pgcli's casing query groups words this way).

>>> import sqlglot
>>> tree = sqlglot.parse_one("select regexp_split_to_table(s, ',') as w, count(1) from t group by w", read="postgres")
>>> grouped_srfs(tree).sql("duckdb")
"SELECT __srf0.w AS w, COUNT(1) FROM t, LATERAL (SELECT REGEXP_SPLIT_TO_TABLE(s, ',') AS w) AS __srf0 GROUP BY w"
"""

from __future__ import annotations

from sqlglot import exp

# Set-returning functions as sqlglot reads them (nodes) or leaves them (names).
NODES = (exp.Unnest, exp.Explode, exp.ExplodingGenerateSeries)
NAMES = {"regexp_split_to_table", "unnest", "generate_series", "jsonb_array_elements", "json_array_elements",
         "jsonb_array_elements_text", "json_array_elements_text", "jsonb_object_keys", "json_object_keys"}


def grouped_srfs(tree: exp.Expression) -> exp.Expression:
    for select in list(tree.find_all(exp.Select)):
        if select.args.get("from_") is None or not _grouped(select):
            continue
        for number, item in enumerate(i for i in list(select.expressions) if _is_srf(i.unalias())):
            name = item.alias_or_name or f"__srf{number}"
            source = f"__srf{number}"
            inner = exp.select(exp.alias_(item.unalias().copy(), name))
            select.append("joins", exp.Join(this=exp.Lateral(this=inner.subquery(), alias=exp.TableAlias(
                this=exp.to_identifier(source)))))
            item.replace(exp.alias_(exp.column(name, table=source), name))
    return tree


def _grouped(select: exp.Select) -> bool:
    return select.args.get("group") is not None or any(e.find(exp.AggFunc) for e in select.expressions)


def _is_srf(node: exp.Expression) -> bool:
    return isinstance(node, NODES) or isinstance(node, exp.Anonymous) and node.name.lower() in NAMES
