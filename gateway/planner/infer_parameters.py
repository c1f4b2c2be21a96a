"""Rule: give every ``$n`` parameter a type, as PostgreSQL's Parse does for untyped ones.

A client that leaves a parameter's type to the server (OID 0 in Parse) learns it from
ParameterDescription, and then encodes its values for that type (asyncpg always does,
in binary). PostgreSQL types such a parameter from where it stands; so do we, on the
qualified and type-annotated tree:

* ``$1::int`` or ``CAST($1 AS int)`` -> the cast's type;
* a comparison, arithmetic, ``IN`` or ``BETWEEN`` partner -> the partner's type
  (``l_orderkey = $1`` -> int8); ``LIKE`` and ``||`` -> text;
* ``LIMIT $1`` / ``OFFSET $1`` -> int8;
* ``x = ANY($1)`` -> an array of x's type; a cast to an array type -> that array type;
* anything else -> text, which is what PostgreSQL answers for an unknown.

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
from duckflight.gateway.pgwire.types.arrays import ARRAY_OIDS
from duckflight.gateway.planner.qualify_query import qualify_query
from duckflight.gateway.planner.system_sources import placed
from duckflight.gateway.system.reg_casts import type_name

T = exp.DataType.Type
TEXT = 25
# sqlglot type -> PostgreSQL type OID (the types RowDescription reports for them too).
OIDS = {
    T.BOOLEAN: 16, T.BIGINT: 20, T.INT: 23, T.SMALLINT: 21, T.TINYINT: 21, T.UTINYINT: 21,
    T.USMALLINT: 23, T.UINT: 20, T.UBIGINT: 1700, T.INT128: 1700, T.UINT128: 1700,
    T.FLOAT: 700, T.DOUBLE: 701, T.DECIMAL: 1700, T.BIGDECIMAL: 1700,
    T.VARCHAR: TEXT, T.TEXT: TEXT, T.CHAR: TEXT, T.NVARCHAR: TEXT, T.NCHAR: TEXT,
    T.DATE: 1082, T.TIME: 1083, T.TIMESTAMP: 1114, T.TIMESTAMPTZ: 1184, T.TIMESTAMPLTZ: 1184,
    T.INTERVAL: 1186, T.UUID: 2950, T.BINARY: 17, T.VARBINARY: 17, T.BLOB: 17,
    T.JSON: 114, T.JSONB: 3802,
}
# Catalog types known by name (sqlglot has no DataType.Type for them).
NAMED_OIDS = {"oid": 26}
_TEXT_CONTEXTS = (exp.Like, exp.ILike, exp.DPipe, exp.RegexpLike, exp.SimilarTo)
_PARTNERED = (exp.Binary, exp.Coalesce, exp.If)


def infer_parameters(expression: exp.Expression, catalog: Catalog | None = None, sources=None) -> exp.Expression:
    """Set ``type`` on every ``$n`` node; qualify against ``catalog`` when given
    (None: the query reads system relations only, whose columns it cannot type), with
    the catalog relations of a query over tables placed by ``sources`` (as the planner does)."""
    if expression.find(exp.Parameter, exp.Placeholder) is None:
        return expression  # nothing to type: skip qualifying (milliseconds on every Describe)
    tree = expression.copy()
    schema = None
    if catalog is not None:
        tree, schema = placed(tree, catalog, sources)
        tree = qualify_query(tree, catalog, schema)
    tree = annotate_types(tree, schema=schema, dialect="postgres")
    for node in list(tree.find_all(exp.Parameter, exp.Placeholder)):
        node.type = _context_type(node)
    return tree


def parameter_oids(expression: exp.Expression, declared: list[int]) -> list[int]:
    """One OID per parameter ``$1..$n`` (n the highest used or declared): the declared
    one where the client gave it, else the inferred one."""
    found: dict[int, int] = {}
    for node in expression.find_all(exp.Parameter, exp.Placeholder):
        index = _index(node)
        if index is not None and index not in found:
            found[index] = oid_of(node.type)
    count = max([len(declared), *found])
    return [(declared[i - 1] if i <= len(declared) and declared[i - 1] else found.get(i, TEXT))
            for i in range(1, count + 1)]


def oid_of(data_type: exp.DataType | None) -> int:
    if data_type is None:
        return TEXT
    if data_type.this == T.ARRAY and data_type.expressions:
        element = data_type.expressions[0]
        while element.this == T.ARRAY and element.expressions:  # int[][] is int4[] in PostgreSQL too
            element = element.expressions[0]
        return ARRAY_OIDS.get(oid_of(element), ARRAY_OIDS[TEXT])
    if isinstance(data_type.this, T):
        return OIDS.get(data_type.this, NAMED_OIDS.get(type_name(data_type)[0], TEXT))
    return NAMED_OIDS.get(type_name(data_type)[0], TEXT)  # ObjectIdentifier: this is its name


def _index(node: exp.Expression) -> int | None:
    text = node.name if isinstance(node, exp.Placeholder) else node.this.name if node.this else ""
    return int(text) if str(text).isdigit() else None


def _context_type(node: exp.Expression) -> exp.DataType | None:
    child, parent = node, node.parent
    while isinstance(parent, (exp.Paren, exp.Neg)):
        child, parent = parent, parent.parent
    if isinstance(parent, (exp.Cast, exp.TryCast)) and child.arg_key == "this":
        return parent.to
    if isinstance(parent, (exp.Limit, exp.Offset, exp.Fetch)):
        return exp.DataType.build("bigint")
    if isinstance(parent, _TEXT_CONTEXTS):
        return exp.DataType.build("text")
    if isinstance(parent, exp.In):
        if child.arg_key == "this":
            return _first_typed(parent.expressions)
        return _typed(parent.this)
    if isinstance(parent, exp.Between):
        if child.arg_key == "this":
            return _first_typed([parent.args.get("low"), parent.args.get("high")])
        return _typed(parent.this)
    if isinstance(parent, exp.Binary):
        partner = parent.expression if child.arg_key == "this" else parent.this
        return _typed(partner)
    if isinstance(parent, exp.Any) and isinstance(parent.parent, exp.Binary):
        comparison = parent.parent  # x = ANY($1): $1 is an array of x's type
        element = _typed(comparison.this if parent.arg_key == "expression" else comparison.expression)
        element = element if element is not None else exp.DataType.build("text")  # an array all the same
        return exp.DataType(this=T.ARRAY, expressions=[element], nested=True)
    return None


def _first_typed(nodes) -> exp.DataType | None:
    for n in nodes:
        t = _typed(n)
        if t is not None:
            return t
    return None


def _typed(node: exp.Expression | None) -> exp.DataType | None:
    """The node's annotated type, unless it is unknown (or another parameter)."""
    if node is None or isinstance(node, (exp.Parameter, exp.Placeholder, exp.Null)):
        return None
    t = node.type
    if t is None or t.this in (T.UNKNOWN, T.NULL):
        return None
    return t
