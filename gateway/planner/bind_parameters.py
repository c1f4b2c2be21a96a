"""Rule: put the values of ``$n`` parameters into the tree as typed literals.

Fragments run on workers that never see the client's Bind message, so the
values travel inside the SQL. A value the client typed (a non-zero OID) becomes
a cast to that type; an untyped text value stays a string literal, which DuckDB
converts to whatever it is compared with, as PostgreSQL does with ``unknown``.
An array value (a Python list) becomes a DuckDB list of its elements' literals.

>>> import sqlglot
>>> from duckflight.gateway.core.params import BoundParam
>>> bind_parameters(sqlglot.parse_one("select $1, $2", read="postgres"), [BoundParam(23, 5), BoundParam(0, "x")]).sql("duckdb")
"SELECT CAST(5 AS INT), 'x'"
"""

from __future__ import annotations

import datetime
import decimal
import functools
import math
import uuid

import sqlglot
from sqlglot import exp

from duckflight.gateway.core.params import BoundParam
from duckflight.gateway.core import pg_types as pt
from duckflight.gateway.core.pg_types import ELEMENT_OF
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.parameter_lists import list_parameters

# Parameter type OIDs and the DuckDB type their values are cast to.
OID_TYPES = {
    pt.BOOL: "BOOLEAN", pt.BYTEA: "BLOB", pt.INT8: "BIGINT", pt.INT2: "SMALLINT", pt.INT4: "INTEGER",
    pt.TEXT: "VARCHAR", pt.FLOAT4: "REAL", pt.FLOAT8: "DOUBLE", pt.VARCHAR: "VARCHAR", pt.BPCHAR: "VARCHAR",
    pt.DATE: "DATE", pt.TIME: "TIME", pt.TIMESTAMP: "TIMESTAMP", pt.TIMESTAMPTZ: "TIMESTAMPTZ",
    pt.INTERVAL: "INTERVAL", pt.NUMERIC: "DECIMAL(38,10)", pt.UUID: "UUID", pt.JSON: "JSON", pt.JSONB: "JSON",
    pt.NAME: "VARCHAR", pt.OID: "BIGINT",
}
# Text types: a text value stays a bare string literal, which DuckDB converts to
# the type it meets (as PostgreSQL does with an untyped literal); a cast to
# VARCHAR would make `int_column = $1` an error.
TEXT_OIDS = {0, pt.NAME, pt.TEXT, pt.UNKNOWN, pt.BPCHAR, pt.VARCHAR}
_DUCKDB = sqlglot.Dialect.get_or_raise("duckdb")
_INTEGERS = ["SMALLINT", "INTEGER", "BIGINT"]


def bind_parameters(expression: exp.Expression, params: list[BoundParam]) -> exp.Expression:
    pairs = [(node, literal(_param(params, index))) for node in expression.find_all(exp.Parameter, exp.Placeholder)
             if (index := _index(node)) is not None]
    _replace_all(pairs)
    for var, indexes in list_parameters(expression):
        _bind_list(var, [_param(params, i) for i in indexes])
    return expression


def _param(params: list[BoundParam], index: int) -> BoundParam:
    if index < 1 or index > len(params):
        raise SqlError("42P02", f"there is no parameter ${index}")
    return params[index - 1]


def _replace_all(pairs: list[tuple[exp.Expression, exp.Expression]]) -> None:
    """Replace each old node by its new one. A list (``f($1, $2, ...)``, ``select $1, $2``) is
    set once: ``replace`` one by one sets the parent of every item of the list each time,
    quadratic in the number of parameters."""
    lists: dict[tuple[int, str], tuple[exp.Expression, str, list]] = {}
    for old, new in pairs:
        parent, key = old.parent, old.arg_key
        if parent is not None and old.index is not None and isinstance(parent.args.get(key), list):
            items = lists.setdefault((id(parent), key), (parent, key, list(parent.args[key])))[2]
            items[old.index] = new
        else:
            old.replace(new)
    for parent, key, items in lists.values():
        parent.set(key, items)


def _bind_list(var: exp.Var, params: list[BoundParam]) -> None:
    """``x IN (<list of parameters>)`` with the values written in (see parameter_lists.py).

    Values of one type T become ``x = ANY(CAST('[v, ...]' AS T[]))``: DuckDB reads one string
    as a list far faster than as many literals (65,535 numbers: 0.2 s against 0.9 s, and the
    SQL is read on the gateway and every worker). Other lists are the literals themselves."""
    pairs = [_list_item(p) for p in params]
    targets = {target for _, target in pairs}
    if len(targets) > 1 and targets <= set(_INTEGERS):  # int2/int4/int8 by magnitude (psycopg): all int8
        targets = {max(targets, key=_INTEGERS.index)}
    items = [item for item, _ in pairs]
    cast = var.parent if isinstance(var.parent, exp.Cast) else None  # `$1::int, $2::int, ...`
    if cast is not None:
        targets, var = {cast.to.sql("duckdb")}, cast  # PostgreSQL casts each value: so does the list
    in_ = var.parent
    if len(targets) == 1 and None not in targets and None not in items:
        text = "[" + ", ".join(items) + "]"
        typed = exp.Var(this=f"CAST('{text.replace(chr(39), chr(39) * 2)}' AS {targets.pop()}[])")
        in_.replace(exp.EQ(this=in_.this, expression=exp.Any(this=exp.Paren(this=typed))))
        return
    generate = _DUCKDB.generator().sql
    suffix = f" AS {cast.to.sql('duckdb')})" if cast is not None else ""
    var.replace(exp.Var(this=", ".join(("CAST(" if suffix else "") + generate(literal(p)) + suffix for p in params)))


def _list_item(param: BoundParam) -> tuple[str | None, str | None]:
    """(the value as DuckDB's text of a list reads it, the type to cast it to); None: not plain.
    The common values skip building sqlglot nodes: 65,535 of them cost a second."""
    value = param.value
    if value is None or isinstance(value, (bool, int, str)):
        target = OID_TYPES.get(param.oid) or ("VARCHAR" if param.oid in TEXT_OIDS and param.oid else None)
        if value is None:
            return "NULL", target
        if isinstance(value, bool):
            return ("true" if value else "false"), target
        if isinstance(value, int):
            return str(value), target
        return _quoted(value), target
    node, target = _value(param)
    if isinstance(node, exp.Literal) and not isinstance(value, list):
        return (_quoted(node.this) if node.is_string else node.this), target
    return None, target


def _quoted(text: str) -> str:
    """A string in DuckDB's text of a list: in double quotes, backslash before \\ and "."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _index(node: exp.Expression) -> int | None:
    text = node.name if isinstance(node, exp.Placeholder) else node.this.name if node.this else ""
    return int(text) if str(text).isdigit() else None


def literal(param: BoundParam) -> exp.Expression:
    """A SQL literal for one parameter value."""
    if isinstance(param.value, list):
        return _array(param.value, ELEMENT_OF.get(param.oid, 0))
    node, target = _value(param)
    return _cast_node(node, target) if target else node


def _value(param: BoundParam) -> tuple[exp.Expression, str | None]:
    """The literal of a scalar value and the DuckDB type to cast it to (None: as it is)."""
    value, target = param.value, OID_TYPES.get(param.oid)
    if value is None:
        node: exp.Expression = exp.Null()
    elif isinstance(value, bool):
        node = exp.Boolean(this=value)
    elif isinstance(value, int):
        node = exp.Literal.number(value)
    elif isinstance(value, float):
        node = exp.Literal.number(repr(value)) if math.isfinite(value) else _cast(repr(value), "DOUBLE")
        target = target or "DOUBLE"
    elif isinstance(value, decimal.Decimal):
        if param.oid == pt.NUMERIC:  # keep the literal's own precision rather than a fixed scale
            if value.is_finite():
                return exp.Literal.number(str(value)), None
            # NaN, Infinity: a bare numeric (DuckDB's DECIMAL would be DECIMAL(18,3)), which postgres_numeric reads
            return exp.Cast(this=exp.Literal.string(str(value)), to=exp.DataType.build("DECIMAL")), None
        node = exp.Literal.number(str(value)) if value.is_finite() else _cast(str(value), "DOUBLE")
    elif isinstance(value, bytes):
        # DuckDB reads a BLOB literal's \xHH escapes one byte each (not PG's one \x prefix).
        node = _cast("".join(f"\\x{b:02x}" for b in value), "BLOB")
    elif isinstance(value, (datetime.datetime, datetime.date, datetime.time, uuid.UUID)):
        node = exp.Literal.string(value.isoformat() if not isinstance(value, uuid.UUID) else str(value))
        target = target or _python_type(value)
    else:
        node = exp.Literal.string(str(value))
        if param.oid in TEXT_OIDS:
            return node, None
    return node, target


def _array(values: list, element_oid: int) -> exp.Expression:
    """A list of the elements' literals, cast once to the array's DuckDB type
    (numeric arrays keep their literals' precision, as numeric values do)."""
    node = _list(values, element_oid)
    target = OID_TYPES.get(element_oid) if element_oid != pt.NUMERIC else None
    if target is None:
        return node
    depth, inner = 1, values
    while inner and isinstance(inner[0], list):  # PG arrays are rectangular: the first item tells
        depth, inner = depth + 1, inner[0]
    return _cast_node(node, target + "[]" * depth)


def _list(values: list, element_oid: int) -> exp.Expression:
    items = []
    for v in values:
        if isinstance(v, list):
            items.append(_list(v, element_oid))
        else:
            node, target = _value(BoundParam(element_oid, v))
            # The list's cast converts each element (intervals and blobs are casts already);
            # an array of a type we do not cast keeps each element's own type instead.
            items.append(node if target is None or element_oid in OID_TYPES else _cast_node(node, target))
    return exp.Array(expressions=items)


def _python_type(value) -> str:
    if isinstance(value, datetime.datetime):
        return "TIMESTAMPTZ" if value.tzinfo else "TIMESTAMP"
    if isinstance(value, datetime.date):
        return "DATE"
    if isinstance(value, datetime.time):
        return "TIME"
    return "UUID"


def _cast(text: str, type_sql: str) -> exp.Expression:
    return _cast_node(exp.Literal.string(text), type_sql)


def _cast_node(node: exp.Expression, type_sql: str) -> exp.Expression:
    return exp.Cast(this=node, to=_data_type(type_sql).copy())


@functools.lru_cache(maxsize=64)
def _data_type(type_sql: str) -> exp.DataType:
    return exp.DataType.build(type_sql, dialect="duckdb")  # parsing a type costs ~0.1 ms: once per type
