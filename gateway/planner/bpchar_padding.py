"""Rule: an output column mixing char(n) with other strings keeps each value's own padding.

duckflight keeps char(n) values without their trailing spaces and pads a result
column of type char(n) when it leaves the gateway (``result_types``). That is one
width per column. PostgreSQL gives CASE, COALESCE, GREATEST/LEAST and UNION ALL
over char(n) and other strings the type bpchar with no modifier, and each value
keeps its own padding: ``coalesce(x::char(3), 'b')`` is ``'a  '`` or ``'b'``
(select_common_type and exprTypmod in parse_coerce.c / nodeFuncs.c). So the
char(n) branches of such an output column are padded here, in the tree, and the
column is typed bpchar without a width.

Where padding in the tree would change which rows are equal — a DISTINCT, GROUP BY,
or UNION/INTERSECT/EXCEPT without ALL over such a column (bpchar equality ignores
trailing spaces), or the column read through a subquery (where it may be compared) —
it is refused with 0A000. min/max and lag/lead/first_value/... keep the padding of the
value they return: their argument is padded.

Run after type annotation and before ``output_types`` (which reads the casts).

>>> import sqlglot
>>> bpchar_padding(sqlglot.parse_one("select coalesce(x::char(3), 'b') from t")).sql("postgres")
"SELECT COALESCE(CAST(RPAD(CAST(x AS CHAR(3)), 3, ' ') AS BPCHAR), 'b') FROM t"
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, build_scope

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.core.pg_types import BPCHAR
from duckflight.gateway.planner.output_types import SAME_TYPE_WINDOW, column_types, expression_type

MIXING = (exp.Case, exp.Coalesce, exp.Greatest, exp.Least)
# Functions returning one of their argument's values: its padding is kept by padding inside.
KEEPING = (exp.Min, exp.Max, exp.Window, *SAME_TYPE_WINDOW)


def bpchar_padding(tree: exp.Expression, catalog=None) -> exp.Expression:
    """``tree`` with the char(n) parts of its mixed bpchar output columns padded.

    Raises SqlError 0A000 where padding in the tree would change the answer (see above).
    """
    try:
        scope = build_scope(tree)
    except Exception:  # not a query sqlglot can scope: nothing to pad
        return tree
    if scope is not None:
        _pad_outputs(scope, catalog, None)
    return tree


def _pad_outputs(scope: Scope, catalog, only: set[int] | None) -> None:
    """Pad the output columns of ``scope`` at the positions ``only`` (None: the mixed ones)."""
    expression = scope.expression
    if isinstance(expression, exp.SetOperation) and len(scope.set_operation_scopes) == 2:
        if only is None:
            only = {i for i, c in enumerate(column_types(scope, catalog)) if c.mixed}
        if only and not (isinstance(expression, exp.Union) and not expression.args.get("distinct")):
            raise _refused("a UNION, INTERSECT or EXCEPT without ALL")
        for branch in scope.set_operation_scopes:
            _pad_outputs(branch, catalog, only)
        return
    if not isinstance(expression, exp.Select):
        return
    for index, projection in enumerate(expression.expressions):
        node = projection.unalias()
        mixed = expression_type(node, scope, catalog).mixed
        if not (mixed if only is None else index in only):
            continue
        grouped = expression.args.get("group") and not isinstance(_bare(node), KEEPING)
        if mixed and (expression.args.get("distinct") or grouped):
            raise _refused("a DISTINCT or GROUP BY")
        replacement = _padded(node, scope, catalog)
        if replacement is not node:
            node.replace(replacement)


def _padded(node: exp.Expression, scope: Scope, catalog) -> exp.Expression:
    """``node`` with every char(n) value in it padded to n, typed bpchar without a width."""
    column = expression_type(node, scope, catalog)
    bare = _bare(node)
    if column.mixed and isinstance(bare, MIXING):
        for argument in _arguments(bare):
            replacement = _padded(argument, scope, catalog)
            if replacement is not argument:
                argument.replace(replacement)
        return node
    if column.mixed and isinstance(bare, KEEPING):
        bare.set("this", _padded(bare.this, scope, catalog))
        return node
    if column.mixed:
        raise _refused("a subquery's column")
    if column.oid == BPCHAR and column.pad:
        padded = exp.Anonymous(this="RPAD", expressions=[node.copy(), exp.Literal.number(column.pad), exp.Literal.string(" ")])
        return exp.Cast(this=padded, to=exp.DataType.build("BPCHAR"))
    return node


def _arguments(node: exp.Expression) -> list[exp.Expression]:
    if isinstance(node, exp.Case):
        values = [i.args.get("true") for i in node.args.get("ifs") or []] + [node.args.get("default")]
        return [v for v in values if v is not None]
    return [node.this, *node.expressions]


def _bare(node: exp.Expression) -> exp.Expression:
    while isinstance(node, exp.Paren):
        node = node.this
    return node


def _refused(where: str) -> SqlError:
    return SqlError("0A000", f"char(n) values mixed with other strings in {where} are not supported: "
                             "duckflight cannot keep each value's own padding there")
