"""Rule: name every output column the way PostgreSQL would.

Clients show these names, so ``select count(*) from t`` must answer a column
called ``count``, not DuckDB's ``count_star()``. PostgreSQL's rule (its
FigureColname): a column reference gives its name, a function call its
function name as written (``substr``, ``lpad``, ``ceiling``: sqlglot keeps one node
for several spellings, so the name is read from the statement's text), also under
OVER, FILTER and WITHIN GROUP; a cast the name of what it casts (or the type's
name), a scalar subquery its single column's name, CASE ``case``; anything else is
``?column?``. A VALUES list's columns are ``column1``, ``column2``, .... Run it before
qualification, which invents its own aliases.

>>> import sqlglot
>>> output_names(sqlglot.parse_one("select a, count(*), 1 + 2, b as x from t", read="postgres")).sql()
'SELECT a AS "a", COUNT(*) AS "count", 1 + 2 AS "?column?", b AS "x" FROM t'
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.core.identifiers import read_ident
from duckflight.gateway.core.sql_error import SqlError
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
    exp.Substring: "substring", exp.StrPosition: "position", exp.CurrentUser: "current_user",
    exp.GroupConcat: "string_agg", exp.JSONArrayAgg: "json_agg",
    exp.Connector: "?column?", exp.Pow: "?column?",  # AND, OR, a ^ b (power(a, b) is named as written)
    exp.StartsWith: "?column?", exp.ArrayContainsAll: "?column?", exp.ArrayContainedBy: "?column?",
    exp.ArrayOverlaps: "?column?",  # ^@, @>, <@, &&
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


# Meta key of a parsed statement's text, whose positions sqlglot's nodes carry.
TEXT = "text"
# TRIM(LEADING ... FROM ...) is PostgreSQL's ltrim, and so on.
TRIM_NAMES = {"LEADING": "ltrim", "TRAILING": "rtrim"}


def output_names(expression: exp.Expression) -> exp.Expression:
    """Names the query's columns, and those of every query inside it (a CTE's, a subquery's),
    which the outer query may read by these names (``ORDER BY count`` over a CTE's count(1))."""
    expression = _values_names(expression)
    text = expression.meta.get(TEXT)
    top = _first_select(expression)
    if top is not None:
        _name(top, text)
        _check_order_names(expression, top)
    for query in [c.this for c in expression.find_all(exp.CTE)] + \
            [s.this for s in expression.find_all(exp.Subquery) if isinstance(s.parent, (exp.From, exp.Join))]:
        select = _first_select(query)
        if select is not None and select is not top:
            _name(select, text)
    return expression


def _check_order_names(query: exp.Expression, select: exp.Select) -> None:
    """Raises 42702 when an ORDER BY name is two different output columns (findTargetlistEntrySQL92).

    ``query``: the statement (a SELECT or a set operation, whose names are its first SELECT's).
    """
    for ordered in (query.args.get("order") or exp.Order()).expressions:
        column = ordered.this
        if not isinstance(column, exp.Column) or column.table or not isinstance(column.this, exp.Identifier):
            continue
        name = column.name if column.this.quoted else column.name.lower()
        same = {p.this.sql() for p in select.expressions if isinstance(p, exp.Alias) and p.alias == name}
        if len(same) > 1:
            raise SqlError("42702", f'ORDER BY "{name}" is ambiguous')


def _name(select: exp.Select, text: str | None) -> None:
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
        name = figure_name(projection, text)
        # exp.Alias itself: sqlglot's alias_ names a subquery by its own alias, which its
        # ORDER BY 1 expansion (and PostgreSQL's grammar) does not take for an output name
        select.expressions[i] = exp.Alias(this=projection, alias=exp.to_identifier(name, quoted=True))


def figure_name(node: exp.Expression, text: str | None = None) -> str:
    """PostgreSQL's name for an unnamed output expression (``text``: the statement parsed)."""
    while isinstance(node, (exp.Paren, exp.Window, exp.Filter, exp.WithinGroup)):
        node = node.this
    if isinstance(node, exp.Dot) and isinstance(node.expression, exp.Func):  # pg_catalog.upper(x)
        return figure_name(node.expression, text)
    if isinstance(node, exp.Bracket):  # a subscript is named as what it subscripts
        return figure_name(node.this, text)
    written = _written_name(node, text)
    if written is not None:
        return written
    if isinstance(node, exp.Trim):
        return TRIM_NAMES.get(str(node.args.get("position") or "").upper(), "btrim")
    if isinstance(node, exp.Column):
        # Unquoted names are folded to lower case, as PostgreSQL does.
        return node.name if node.this.quoted else node.name.lower()
    if isinstance(node, exp.Cast):
        if not _weak(node.this, text):
            return figure_name(node.this, text)
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
        return figure_name(inner[0], text)
    if isinstance(node, exp.Case):  # named as its ELSE if that has a name of its own
        default = node.args.get("default")
        return "case" if default is None or _weak(default, text) else figure_name(default, text)
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


def _written_name(node: exp.Expression, text: str | None) -> str | None:
    """The name a function call was written with, lower case as PostgreSQL folds it."""
    if not text or not isinstance(node, (exp.Func, exp.Mod)) or "start" not in node.meta:  # mod(a, b)
        return None
    written = text[node.meta["start"]:node.meta["end"] + 1]
    name = read_ident(written)
    return None if not written.startswith('"') and name in ("cast", "trim") else name


def _weak(node: exp.Expression, text: str | None = None) -> bool:
    """Whether a name is only a default (FigureColnameInternal's strength below 2).

    A cast is named after its type, a CASE ``case``, unless what they hold has a name:
    ``1::int::text`` is text, ``x::text`` is x, ``case … else x end`` is x.
    """
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.Cast):
        return _weak(node.this, text)
    if isinstance(node, exp.Case):
        default = node.args.get("default")
        return default is None or _weak(default, text)
    return figure_name(node, text) == "?column?"


def _values_names(expression: exp.Expression) -> exp.Expression:
    """A VALUES list's columns are column1, column2, ... unless its alias names them."""
    for values in list(expression.find_all(exp.Values)):
        alias = values.args.get("alias")
        rows = values.expressions
        if values is not expression and not isinstance(values.parent, (exp.From, exp.Join)) or \
                alias is not None and alias.columns or not rows or not isinstance(rows[0], exp.Tuple):
            continue
        names = [exp.to_identifier(f"column{i}", quoted=True) for i in range(1, len(rows[0].expressions) + 1)]
        table = alias.this if alias is not None else exp.to_identifier("*VALUES*", quoted=True)
        values.set("alias", exp.TableAlias(this=table, columns=names))
    if isinstance(expression, exp.Values):  # a statement of its own: SELECT * FROM it
        values = expression.copy()
        clauses = {key: values.args.pop(key) for key in ("order", "limit", "offset") if values.args.get(key)}
        select = exp.select("*").from_(values)
        for key, clause in clauses.items():  # VALUES … ORDER BY 1 LIMIT 2 orders the SELECT
            select.set(key, clause)
        select.meta.update(expression.meta)
        return select
    return expression


def _first_select(expression: exp.Expression) -> exp.Select | None:
    node = expression
    while isinstance(node, (exp.Union, exp.Intersect, exp.Except, exp.Subquery)):
        node = node.this
    return node if isinstance(node, exp.Select) else None
