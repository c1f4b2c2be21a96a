"""Rule: give every ``$n`` parameter a type, as PostgreSQL's parse analysis does for untyped ones.

A client that leaves a parameter's type to the server (OID 0 in Parse) learns it from
ParameterDescription, and then encodes its values for that type (asyncpg always does,
in binary). PostgreSQL types such a parameter (an ``unknown``) where it is first coerced
(parse_coerce.c, parse_oper.c, parse_func.c); so do we, on the qualified and
type-annotated tree:

* ``$1::int`` or ``CAST($1 AS varchar(3))`` -> the cast's type (varchar, bpchar kept);
* a comparison, ``IN``, ``BETWEEN``, ``NULLIF``, ``COALESCE``/``GREATEST``/``LEAST``, CASE
  branch or ``ARRAY[...]`` partner -> the partner's type as PostgreSQL types it (``1.5``
  is numeric, ``sum(int8)`` numeric, ``avg(int)`` numeric, ``count(*)`` int8); only
  unknowns -> text;
* arithmetic ``T op $1`` -> T when ``T op T`` exists (oper_select_candidate's first rule),
  else "operator is not unique" (42725, ``date + $1``, ``-$1``, ``$1 + $2``);
* ``LIKE``, ``SIMILAR TO``, ``~`` and ``||`` -> text; ``WHERE``, ``AND``, ``NOT``, a CASE
  condition -> boolean; ``LIMIT``/``OFFSET`` -> int8; an array subscript -> int4;
* ``x = ANY($1)`` -> an array of x's type; ``$1 = ANY(arr)`` -> arr's element type;
* numeric functions: abs/ceil/floor/sqrt/exp/ln/power/round(x)/trunc(x) -> float8,
  round(x, n)/trunc(x, n) -> numeric; date_trunc/extract of a parameter -> not unique (42725);
* a top-level output column (``select $1``, PostgreSQL's resolveTargetListUnknowns) or
  ``ORDER BY``/``GROUP BY`` item -> text;
* ``$1 IS NULL``, ``concat($1, ...)`` and numbers no statement uses -> PostgreSQL's
  "could not determine data type of parameter $n" (42P18) when ``parameter_oids`` reads them;
* anything else -> text, PostgreSQL's answer for an unknown in most functions' arguments.

The types are set on the parameter nodes (``node.type``); ``parameter_oids`` reads them.

>>> import sqlglot
>>> from duckflight.gateway.catalog import Catalog, Table
>>> catalog = Catalog({"t": Table("t", "parquet", [], [("k", "BIGINT"), ("name", "VARCHAR")])})
>>> tree = sqlglot.parse_one("select * from t where k = $1 and name like $2 limit $3", read="postgres")
>>> parameter_oids(infer_parameters(tree, catalog), [])
[20, 25, 20]
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.optimizer.annotate_types import annotate_types

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.core import pg_types as pt
from duckflight.gateway.core.pg_types import ARRAY_OF
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.file_access import file_access
from duckflight.gateway.planner.function_columns import function_columns
from duckflight.gateway.planner.parameter_lists import list_parameters
from duckflight.gateway.planner.qualify_query import qualify_query
from duckflight.gateway.planner.system_sources import placed
from duckflight.gateway.system.reg_casts import type_name

T = exp.DataType.Type
TEXT = pt.TEXT
# sqlglot type -> PostgreSQL type OID (the types RowDescription reports for them too).
OIDS = {
    T.BOOLEAN: pt.BOOL, T.BIGINT: pt.INT8, T.INT: pt.INT4, T.SMALLINT: pt.INT2, T.TINYINT: pt.INT2,
    T.UTINYINT: pt.INT2, T.USMALLINT: pt.INT4, T.UINT: pt.INT8, T.UBIGINT: pt.NUMERIC, T.INT128: pt.NUMERIC,
    T.UINT128: pt.NUMERIC, T.FLOAT: pt.FLOAT4, T.DOUBLE: pt.FLOAT8, T.DECIMAL: pt.NUMERIC, T.BIGDECIMAL: pt.NUMERIC,
    T.VARCHAR: TEXT, T.TEXT: TEXT, T.CHAR: TEXT, T.NVARCHAR: TEXT, T.NCHAR: TEXT,
    T.DATE: pt.DATE, T.TIME: pt.TIME, T.TIMESTAMP: pt.TIMESTAMP, T.TIMESTAMPTZ: pt.TIMESTAMPTZ,
    T.TIMESTAMPLTZ: pt.TIMESTAMPTZ, T.INTERVAL: pt.INTERVAL, T.UUID: pt.UUID, T.BINARY: pt.BYTEA,
    T.VARBINARY: pt.BYTEA, T.BLOB: pt.BYTEA, T.JSON: pt.JSON, T.JSONB: pt.JSONB,
}
# A cast names its type exactly: $1::varchar is varchar, $1::char(3) bpchar.
CAST_OIDS = {**OIDS, T.VARCHAR: pt.VARCHAR, T.NVARCHAR: pt.VARCHAR, T.CHAR: pt.BPCHAR, T.NCHAR: pt.BPCHAR,
             T.BPCHAR: pt.BPCHAR}
# Catalog types known by name (sqlglot has no DataType.Type for them).
NAMED_OIDS = {"oid": pt.OID}
# Meta keys on a parameter's type: PostgreSQL leaves it unknown (42P18 unless declared);
# it is a cast's type, which names varchar and bpchar (elsewhere they are text).
UNDETERMINED, CAST_TYPE = "pg_undetermined", "pg_cast_type"

_INTS = {T.TINYINT, T.SMALLINT, T.INT, T.BIGINT, T.UTINYINT, T.USMALLINT, T.UINT}
_NUMBERS = _INTS | {T.DECIMAL, T.BIGDECIMAL, T.FLOAT, T.DOUBLE, T.UBIGINT, T.INT128, T.UINT128}
# Arithmetic operators and the non-numeric types T for which `T op T` exists in pg_operator.
_ARITHMETIC = {exp.Add: ("+", {T.INTERVAL}), exp.Sub: ("-", {T.INTERVAL, T.DATE, T.TIME, T.TIMESTAMP,
                                                            T.TIMESTAMPTZ}),
               exp.Mul: ("*", set()), exp.Div: ("/", set()), exp.Mod: ("%", set())}
_TEXT_CONTEXTS = (exp.Like, exp.ILike, exp.DPipe, exp.RegexpLike, exp.SimilarTo, exp.Escape)
_BOOLEAN_CONTEXTS = (exp.And, exp.Or, exp.Not, exp.Where, exp.Having, exp.Xor)
_COMMON = (exp.Coalesce, exp.Greatest, exp.Least, exp.Array)
_FLOAT8_FUNCTIONS = (exp.Abs, exp.Ceil, exp.Floor, exp.Sqrt, exp.Cbrt, exp.Exp, exp.Ln, exp.Sign, exp.Pow)
_AMBIGUOUS_FUNCTIONS = {exp.DateTrunc: "date_trunc", exp.TimestampTrunc: "date_trunc",
                        exp.Extract: "pg_catalog.extract"}


def infer_parameters(expression: exp.Expression, catalog: Catalog | None = None, sources=None,
                     role: str = "reader") -> exp.Expression:
    """Set ``type`` on every ``$n`` node; qualify against ``catalog`` when given
    (None: the query reads system relations only, whose columns it cannot type), with
    the catalog relations of a query over tables placed by ``sources`` and the columns of
    the DuckDB functions ``role`` may call (as the planner does)."""
    if expression.find(exp.Parameter, exp.Placeholder) is None and not list_parameters(expression):
        return expression  # nothing to type: skip qualifying (milliseconds on every Describe)
    tree = expression.copy()
    schema = None
    if catalog is not None:
        roots = [str(catalog.root)] if catalog.root else []
        tree = file_access(tree, role, roots)  # first, as the planner: DuckDB is asked only what role may read
        tree = function_columns(tree, sources.probe if sources is not None else None)
        tree, schema = placed(tree, catalog, sources)
        tree = qualify_query(tree, catalog, schema)
    tree = annotate_types(tree, schema=schema, dialect="postgres")
    for node in parameter_nodes(tree):
        node.type = _context_type(node)
    return tree


def parameter_nodes(tree: exp.Expression) -> list[exp.Expression]:
    """Every ``$n`` node, and every list of them that ``parameter_lists`` made one node."""
    return [*tree.find_all(exp.Parameter, exp.Placeholder), *(v for v, _ in list_parameters(tree))]


def parameter_oids(expression: exp.Expression, declared: list[int]) -> list[int]:
    """One OID per parameter ``$1..$n`` (n the highest used or declared): the declared
    one where the client gave it, else the inferred one; 42P18 where there is none."""
    found: dict[int, int | None] = {}
    for node in expression.find_all(exp.Parameter, exp.Placeholder):
        index = _index(node)
        if index is not None and found.get(index) is None:
            found[index] = _oid(node)
    for node, indexes in list_parameters(expression):
        oid = _oid(node)
        for index in indexes:
            if found.get(index) is None:
                found[index] = oid
    count = max([len(declared), *found])
    oids = []
    for i in range(1, count + 1):
        oid = declared[i - 1] if i <= len(declared) and declared[i - 1] else found.get(i)
        if oid is None:
            raise SqlError("42P18", f"could not determine data type of parameter ${i}")
        oids.append(oid)
    return oids


def _oid(node: exp.Expression) -> int | None:
    t = node.type
    if t is not None and t.meta.get(UNDETERMINED):
        return None
    if t is not None and t.meta.get(CAST_TYPE):
        return CAST_OIDS.get(t.this, oid_of(t)) if isinstance(t.this, T) else oid_of(t)
    return oid_of(t)


def oid_of(data_type: exp.DataType | None) -> int:
    if data_type is None:
        return TEXT
    if data_type.this == T.ARRAY and data_type.expressions:
        element = data_type.expressions[0]
        while element.this == T.ARRAY and element.expressions:  # int[][] is int4[] in PostgreSQL too
            element = element.expressions[0]
        return ARRAY_OF.get(oid_of(element), ARRAY_OF[TEXT])
    if isinstance(data_type.this, T):
        return OIDS.get(data_type.this, NAMED_OIDS.get(type_name(data_type)[0], TEXT))
    return NAMED_OIDS.get(type_name(data_type)[0], TEXT)  # ObjectIdentifier: this is its name


def _index(node: exp.Expression) -> int | None:
    text = node.name if isinstance(node, exp.Placeholder) else node.this.name if node.this else ""
    return int(text) if str(text).isdigit() else None


def _context_type(node: exp.Expression) -> exp.DataType | None:
    child, parent = node, node.parent
    while isinstance(parent, exp.Paren):
        child, parent = parent, parent.parent
    if isinstance(parent, (exp.Cast, exp.TryCast)) and child.arg_key == "this":
        to = parent.to.copy()
        to.meta[CAST_TYPE] = True
        return to
    if isinstance(parent, exp.Neg):
        raise SqlError("42725", "operator is not unique: - unknown")
    if isinstance(parent, (exp.Limit, exp.Offset, exp.Fetch)):
        return _build("bigint")
    if isinstance(parent, exp.Slice) or isinstance(parent, exp.Bracket) and child.arg_key != "this":
        return _build("int")  # an array subscript or slice bound
    if isinstance(parent, _TEXT_CONTEXTS):
        return _build("text")
    if isinstance(parent, _BOOLEAN_CONTEXTS) or _is_condition(child, parent):
        return _build("boolean")
    if isinstance(parent, (exp.Is, exp.Concat)):
        undetermined = exp.DataType(this=T.UNKNOWN)
        undetermined.meta[UNDETERMINED] = True
        return undetermined
    if isinstance(parent, exp.In):
        if child.arg_key == "this":
            query = parent.args.get("query")
            if query is not None and isinstance(query.this, exp.Select) and query.this.selects:
                return _or_text(pg_type(query.this.selects[0]))
            return _or_text(_first_typed(parent.expressions))
        return _or_text(pg_type(parent.this))
    if isinstance(parent, exp.Between):
        if child.arg_key == "this":
            return _or_text(_first_typed([parent.args.get("low"), parent.args.get("high")]))
        return _or_text(pg_type(parent.this))
    if type(parent) in _ARITHMETIC:
        return _arithmetic(parent, parent.expression if child.arg_key == "this" else parent.this)
    if isinstance(parent, _FLOAT8_FUNCTIONS):  # before Binary: sqlglot's power() is one
        return _build("double")
    if isinstance(parent, (exp.Any, exp.All)) and isinstance(parent.parent, exp.Binary):
        comparison = parent.parent  # x = ANY($1): $1 is an array of x's type
        element = pg_type(comparison.this if parent.arg_key == "expression" else comparison.expression)
        return exp.DataType(this=T.ARRAY, expressions=[_or_text(element)], nested=True)
    if isinstance(parent, exp.Binary):  # a comparison
        partner = parent.expression if child.arg_key == "this" else parent.this
        return _or_text(_element(partner) if isinstance(partner, (exp.Any, exp.All)) else pg_type(partner))
    return _call_type(child, parent)


def _call_type(child: exp.Expression, parent: exp.Expression) -> exp.DataType | None:
    """A function's argument, a CASE branch or an output column."""
    if isinstance(parent, exp.Nullif):
        return _or_text(pg_type(parent.expression if child.arg_key == "this" else parent.this))
    if isinstance(parent, _COMMON):
        return _or_text(_first_typed([parent.this, *parent.expressions]))
    if isinstance(parent, exp.Case) and child.arg_key == "this":
        return _build("text")  # CASE $1 WHEN ...: the test value is text (transformCaseExpr)
    if isinstance(parent, exp.If) and isinstance(parent.parent, exp.Case) and child.arg_key == "true" \
            or isinstance(parent, exp.Case) and child.arg_key == "default":
        case = parent.parent if isinstance(parent, exp.If) else parent
        branches = [i.args.get("true") for i in case.args.get("ifs") or []] + [case.args.get("default")]
        return _or_text(_first_typed(branches))
    if isinstance(parent, exp.If) and isinstance(parent.parent, exp.Case) and parent.parent.this is not None:
        return _or_text(pg_type(parent.parent.this))  # CASE x WHEN $1: x's type
    if isinstance(parent, (exp.Round, exp.Trunc)):
        if child.arg_key == "this":
            return _build("decimal" if parent.args.get("decimals") else "double")
        return _build("int")
    for kind, name in _AMBIGUOUS_FUNCTIONS.items():
        if isinstance(parent, kind):
            raise SqlError("42725", f"function {name}(unknown, unknown) is not unique")
    return None


def _is_condition(child: exp.Expression, parent: exp.Expression) -> bool:
    """A CASE WHEN condition or a JOIN's ON."""
    if isinstance(parent, exp.If) and child.arg_key == "this":
        return not (isinstance(parent.parent, exp.Case) and parent.parent.this is not None)
    return isinstance(parent, exp.Join) and child.arg_key == "on"


def _arithmetic(operator: exp.Expression, partner: exp.Expression) -> exp.DataType:
    symbol, others = _ARITHMETIC[type(operator)]
    t = pg_type(partner)
    if t is not None and (t.this in _NUMBERS or t.this in others):
        return t
    left = "unknown" if t is None else pt.type_name(oid_of(t))
    pair = (left, "unknown") if operator.expression is not partner else ("unknown", left)
    raise SqlError("42725", f"operator is not unique: {pair[0]} {symbol} {pair[1]}")


def _element(node: exp.Expression) -> exp.DataType | None:
    """The element type of ANY(array)/ALL(array)."""
    t = pg_type(node.this.this if isinstance(node.this, exp.Paren) else node.this)
    return t.expressions[0] if t is not None and t.this == T.ARRAY and t.expressions else None


def pg_type(node: exp.Expression | None) -> exp.DataType | None:
    """The node's type as PostgreSQL's parse analysis gives it; None for an unknown
    (a parameter, NULL or a string literal)."""
    while isinstance(node, exp.Paren):
        node = node.this
    if node is None or isinstance(node, (exp.Parameter, exp.Placeholder, exp.Null)):
        return None
    if isinstance(node, exp.Literal):
        return None if node.is_string else _number_type(node.name)
    if isinstance(node, (exp.Cast, exp.TryCast)):
        return node.to
    if isinstance(node, exp.Count):
        return _build("bigint")
    if isinstance(node, exp.CurrentTimestamp) or isinstance(node, exp.Anonymous) and node.name.lower() == "now":
        return _build("timestamptz")  # now(), current_timestamp
    if isinstance(node, (exp.Sum, exp.Avg)):
        argument = pg_type(node.this)
        kind = argument.this if argument is not None else None
        if kind in (T.FLOAT, T.DOUBLE):
            return _build("double") if isinstance(node, exp.Avg) else argument
        if isinstance(node, exp.Sum) and kind in (T.SMALLINT, T.INT, T.TINYINT):
            return _build("bigint")
        return _build("decimal")
    t = node.type
    if t is None or t.this in (T.UNKNOWN, T.NULL):
        return None
    return t


def _number_type(text: str) -> exp.DataType:
    """int4, int8 or numeric, as PostgreSQL's scanner types a numeric constant."""
    if not text.isdigit():
        return _build("decimal")
    value = int(text)
    return _build("int" if value < 2**31 else "bigint" if value < 2**63 else "decimal")


def _first_typed(nodes) -> exp.DataType | None:
    for n in nodes:
        t = pg_type(n)
        if t is not None:
            return t
    return None


def _or_text(t: exp.DataType | None) -> exp.DataType:
    return t if t is not None else _build("text")


def _build(name: str) -> exp.DataType:
    return exp.DataType.build(name)
