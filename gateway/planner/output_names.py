"""Rule: name every output column the way PostgreSQL would.

Clients show these names, so ``select count(*) from t`` must answer a column
called ``count``, not DuckDB's ``count_star()``. PostgreSQL's rule (its
FigureColname): a column reference gives its name, a function call its
function name, a cast the name of what it casts (or the type's name), a
scalar subquery its single column's name, CASE ``case``; anything else is
``?column?``. Run it before qualification, which invents its own aliases.

>>> import sqlglot
>>> output_names(sqlglot.parse_one("select a, count(*), 1 + 2, b as x from t", read="postgres")).sql()
'SELECT a AS "a", COUNT(*) AS "count", 1 + 2 AS "?column?", b AS "x" FROM t'
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.planner.dialect import DATE_PART

# PostgreSQL's internal type names, which it uses to name a cast of a constant.
PG_TYPE_NAMES = {
    "INT": "int4", "BIGINT": "int8", "SMALLINT": "int2", "DOUBLE": "float8",
    "FLOAT": "float4", "DECIMAL": "numeric", "BOOLEAN": "bool", "VARCHAR": "varchar",
    "TEXT": "text", "CHAR": "bpchar", "TIMESTAMP": "timestamp", "TIMESTAMPTZ": "timestamptz",
    "DATE": "date", "TIME": "time", "INTERVAL": "interval", "UUID": "uuid", "JSON": "json",
    "VARBINARY": "bytea", "BINARY": "bytea",
}

# sqlglot gives some PostgreSQL functions their own node; PostgreSQL names them so.
SPECIAL_NAMES = {
    exp.CurrentDate: "current_date", exp.CurrentTimestamp: "current_timestamp",
    exp.CurrentTime: "current_time", exp.Localtimestamp: "localtimestamp", exp.Localtime: "localtime", exp.Case: "case", exp.Exists: "exists",
    exp.Array: "array", exp.Coalesce: "coalesce", exp.Extract: "extract",
    exp.Substring: "substring", exp.Trim: "btrim", exp.CurrentUser: "current_user",
    # Operators sqlglot parses as functions: PostgreSQL does not name them.
    exp.RegexpLike: "?column?", exp.RegexpILike: "?column?", exp.CurrentVersion: "version",
    exp.LogicalAnd: "bool_and", exp.LogicalOr: "bool_or", exp.VariancePop: "var_pop",
    exp.StddevPop: "stddev_pop", exp.StddevSamp: "stddev_samp",
    # Date and time functions.
    exp.TimestampTrunc: "date_trunc", exp.AtTimeZone: "timezone", exp.TimeToStr: "to_char",
    exp.TimeFromParts: "make_time", exp.TimestampFromParts: "make_timestamp", exp.UnixToTime: "to_timestamp",
    exp.ExplodingGenerateSeries: "generate_series",
    exp.Overlaps: "overlaps",
}


def output_names(expression: exp.Expression) -> exp.Expression:
    """Names the query's columns, and those of every query inside it (a CTE's, a subquery's),
    which the outer query may read by these names (``ORDER BY count`` over a CTE's count(1))."""
    top = _first_select(expression)
    if top is not None:
        _name(top)
    for query in [c.this for c in expression.find_all(exp.CTE)] + \
            [s.this for s in expression.find_all(exp.Subquery) if isinstance(s.parent, (exp.From, exp.Join))]:
        select = _first_select(query)
        if select is not None and select is not top:
            _name(select)
    return expression


def _name(select: exp.Select) -> None:
    for i, projection in enumerate(select.expressions):
        if isinstance(projection, exp.Alias):
            # PostgreSQL folds an unquoted alias to lower case: AS TABLE_SCHEM is table_schem.
            alias = projection.args.get("alias")
            if isinstance(alias, exp.Identifier) and not alias.quoted:
                projection.set("alias", exp.to_identifier(alias.name.lower(), quoted=True))
            continue
        if isinstance(projection, exp.Star) or projection.find(exp.Star) is projection:
            continue
        if isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star):
            continue
        name = figure_name(projection)
        select.expressions[i] = exp.alias_(projection, name, quoted=True)


def figure_name(node: exp.Expression) -> str:
    """PostgreSQL's name for an unnamed output expression."""
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.Column):
        # Unquoted names are folded to lower case, as PostgreSQL does.
        return node.name if node.this.quoted else node.name.lower()
    if isinstance(node, exp.Window):  # a window function is named as its function
        return figure_name(node.this)
    if isinstance(node, exp.Cast):
        inner = figure_name(node.this)
        if inner != "?column?" and not _named_by_type(node.this):
            return inner
        to = node.to
        if isinstance(to.this, exp.Interval):  # interval day to minute
            return "interval"
        while to.this == exp.DataType.Type.ARRAY and to.expressions:  # int[] is named as int: int4
            to = to.expressions[0]
        kind = getattr(to.this, "name", str(to.this))  # ObjectIdentifier (oid, regclass) holds a str
        return PG_TYPE_NAMES.get(kind, to.sql("postgres").lower().rsplit(".", 1)[-1])  # pg_catalog.oid: oid
    if isinstance(node, exp.Subquery) and _first_select(node.this) is not None:
        inner = _first_select(node.this).expressions
        if not inner:
            return "?column?"
        if isinstance(inner[0], exp.Alias):  # its alias, folded to lower case unless quoted
            alias = inner[0].args.get("alias")
            quoted = isinstance(alias, exp.Identifier) and alias.quoted
            return inner[0].alias if quoted else inner[0].alias.lower()
        return figure_name(inner[0])
    if isinstance(node, exp.Extract) and node.meta.get(DATE_PART):
        return "date_part"
    for kind, name in SPECIAL_NAMES.items():
        if isinstance(node, kind):
            return name
    if isinstance(node, exp.Anonymous):
        return node.name.lower()
    if isinstance(node, exp.Func):
        return node.sql_name().lower()
    return "?column?"


def _named_by_type(node: exp.Expression) -> bool:
    """Whether a cast is named after its type: an outer cast renames it (``1::int::text`` is text)."""
    while isinstance(node, exp.Paren):
        node = node.this
    return isinstance(node, exp.Cast) and (figure_name(node.this) == "?column?" or _named_by_type(node.this))


def _first_select(expression: exp.Expression) -> exp.Select | None:
    node = expression
    while isinstance(node, (exp.Union, exp.Intersect, exp.Except)):
        node = node.this
    return node if isinstance(node, exp.Select) else None
