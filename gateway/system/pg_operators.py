"""Rule: PostgreSQL-only operator syntax the catalog queries use, in DuckDB's words.

``a OPERATOR(pg_catalog.~) b`` is the regex match ``a ~ b`` (psql writes it so
that a user's operators cannot capture it); ``COLLATE pg_catalog.default`` is
the column's own collation, so it goes; an array literal in PostgreSQL's text
form (``'{0}'``) compared with a value, or under ANY/ALL (pgspecial's ``c.relkind =
ANY('{r,p}')``), becomes a DuckDB list; ``x = ANY(array)``
in an outer join's ON clause is ``list_contains`` (DuckDB runs ANY as a subquery,
which it refuses there; in ON a NULL and a false both mean no match, so the two
agree: SQLAlchemy 1.4 reads indexes with ``a.attnum = ANY(ix.indkey)``).

>>> import sqlglot
>>> tree = sqlglot.parse_one("select 1 where c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default", read="postgres")
>>> pg_operators(tree).sql("duckdb")
"SELECT 1 WHERE REGEXP_MATCHES(c.relname, '^(t)$')"
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError

OPERATORS = {
    "~": lambda a, b: exp.RegexpLike(this=a, expression=b),
    "!~": lambda a, b: exp.Not(this=exp.RegexpLike(this=a, expression=b)),
    "~*": lambda a, b: exp.RegexpILike(this=a, expression=b),
    "!~*": lambda a, b: exp.Not(this=exp.RegexpILike(this=a, expression=b)),
    "=": lambda a, b: exp.EQ(this=a, expression=b),
    "<>": lambda a, b: exp.NEQ(this=a, expression=b),
    "~~": lambda a, b: exp.Like(this=a, expression=b),
    "!~~": lambda a, b: exp.Not(this=exp.Like(this=a, expression=b)),
    "~~*": lambda a, b: exp.ILike(this=a, expression=b),
    "!~~*": lambda a, b: exp.Not(this=exp.ILike(this=a, expression=b)),
}


def pg_operators(tree: exp.Expression) -> exp.Expression:
    for collate in list(tree.find_all(exp.Collate)):
        if collate.expression.name.lower() in ("default", "c", "posix"):
            collate.replace(collate.this)
    for node in list(tree.find_all(exp.Operator)):
        symbol = str(node.args.get("operator")).split(".")[-1].strip()
        if symbol not in OPERATORS:
            raise SqlError("0A000", f"operator {symbol} is not supported")
        node.replace(OPERATORS[symbol](node.this, node.expression))
    for quantified in list(tree.find_all(exp.Any, exp.All)):
        text = quantified.this.unnest()
        if text.is_string and text.name.startswith("{") and text.name.endswith("}"):
            text.replace(_array(text.name))
    for any_ in list(tree.find_all(exp.Any)):
        array = any_.this.unnest()
        if isinstance(any_.parent, exp.EQ) and any_.parent.expression is any_ and not array.find(exp.Query) \
                and _in_join_condition(any_.parent):
            any_.parent.replace(exp.ArrayContains(this=array, expression=any_.parent.this))
    for comparison in list(tree.find_all(exp.EQ, exp.NEQ)):
        for side in (comparison.this, comparison.expression):
            if side.is_string and side.name.startswith("{") and side.name.endswith("}"):
                side.replace(_array(side.name))
    return tree


def _in_join_condition(node: exp.Expression) -> bool:
    while node.parent is not None and not isinstance(node.parent, (exp.Query, exp.Subquery)):
        if isinstance(node.parent, exp.Join):
            return node.arg_key == "on"
        node = node.parent
    return False


def _array(text: str) -> exp.Expression:
    items = [item.strip().strip('"') for item in text[1:-1].split(",") if item.strip()]
    if all(item.lstrip("-").isdigit() for item in items):
        return exp.Array(expressions=[exp.Literal.number(item) for item in items])
    return exp.Array(expressions=[exp.Literal.string(item) for item in items])
