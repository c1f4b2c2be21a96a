"""Analysis: the PostgreSQL type modifier of each output column (and varchar, bpchar).

Arrow has no ``varchar(10)`` or ``timestamp(3)``, and its decimal precision is
DuckDB's, not PostgreSQL's: ``sum(x)`` over a numeric(15,2) is numeric with no
modifier in PostgreSQL, DECIMAL(38,2) in DuckDB. Clients read the modifier from
RowDescription (psycopg's precision/scale, pgjdbc's getPrecision), so this
follows PostgreSQL's exprType/exprTypmod for the shapes that carry one: a cast
gives its target's modifier, a column its source's (a table's declared decimal,
a subquery's or CTE's column), CASE, COALESCE, GREATEST/LEAST and UNION the one
modifier all their branches share, lag/first_value/... and min/max of bpchar
keep their argument's type; anything else (functions, operators, aggregates,
literals) has none (-1). Not a rewrite: it returns one ``PgColumn`` per output
column, for the result's RowDescription. Run after qualification, before casts
are rewritten (``postgres_casts``).

>>> import sqlglot
>>> tree = sqlglot.parse_one("select 'a'::varchar(3), 1.5::numeric(4,1), now()::timestamp(0), 1.5")
>>> [(c.oid, c.typmod) for c in output_types(tree)]
[(1043, 7), (1700, 262149), (1114, 0), (None, -1)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, build_scope

from duckflight.gateway.core import pg_types as pt
from duckflight.gateway.core.pg_types import BPCHAR, INTERVAL, NAME, NUMERIC, OID, STRINGS, TEXT, VARCHAR
from duckflight.gateway.planner.dialect import interval_fields
from duckflight.gateway.planner.interval_input import interval_typmod
from duckflight.gateway.system.reg_casts import type_name

T = exp.DataType.Type
# Types whose modifier is a fractional-seconds precision.
PRECISION = {T.TIMESTAMP: pt.TIMESTAMP, T.TIMESTAMPTZ: pt.TIMESTAMPTZ, T.TIME: pt.TIME, T.TIMETZ: pt.TIMETZ}
# The clock's SQL functions that take a precision: current_timestamp(p) is a timestamptz(p).
CLOCK_PRECISION = {exp.CurrentTimestamp: pt.TIMESTAMPTZ, exp.CurrentTime: pt.TIMETZ, exp.Localtimestamp: pt.TIMESTAMP,
                   exp.Localtime: pt.TIME}
# Window functions returning their argument's type (PostgreSQL's anyelement).
SAME_TYPE_WINDOW = (exp.Lag, exp.Lead, exp.FirstValue, exp.LastValue, exp.NthValue)
_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")


@dataclass(frozen=True)
class PgColumn:
    """One output column as PostgreSQL types it (None: what the Arrow type says)."""

    oid: int | None = None
    typmod: int = -1
    untyped: bool = False  # a string literal or NULL: PostgreSQL's "unknown", typed by its neighbours
    # char(n) values are stored padded to n: max() of a char(3) has no modifier but is padded.
    pad: int | None = None
    # bpchar whose values do not share one padding (char(n) mixed with other strings): bpchar_padding.
    mixed: bool = False


UNKNOWN = PgColumn()


def output_types(tree: exp.Expression, catalog=None) -> list[PgColumn]:
    """One PgColumn per output column of the query ``tree`` ([] if it is not a query)."""
    try:
        scope = build_scope(tree)
    except Exception:  # sqlglot cannot scope it (e.g. not a query): nothing to say
        return []
    if scope is None:
        return []
    return [_finish(c) for c in column_types(scope, catalog)]


def _finish(column: PgColumn) -> PgColumn:
    # At the top an unknown-typed value is text, which Arrow already says.
    return UNKNOWN if column.untyped else column


def column_types(scope: Scope, catalog) -> list[PgColumn]:
    """One PgColumn per output column of the query of ``scope``."""
    expression = scope.expression
    if isinstance(expression, exp.SetOperation) and len(scope.set_operation_scopes) == 2:
        left, right = (column_types(s, catalog) for s in scope.set_operation_scopes)
        return [_common([a, b]) for a, b in zip(left, right)]
    if isinstance(expression, exp.Select):
        found = []
        for projection in expression.expressions:
            if isinstance(projection, exp.Star) or isinstance(projection, exp.Column) and projection.is_star:
                stars = _star(projection, scope)
                if stars is None:
                    return []  # a star over what has no known columns: Arrow's types stand
                found += stars
            else:
                found.append(expression_type(projection.unalias(), scope, catalog))
        return found
    return []


def _star(star: exp.Expression, scope: Scope) -> list[PgColumn] | None:
    """The columns of ``*`` (or ``t.*``) when it reads catalog relations alone, else None."""
    table = star.table if isinstance(star, exp.Column) else ""
    sources = [scope.sources.get(table)] if table else list(scope.selected_sources.values())
    sources = [s[1] if isinstance(s, tuple) else s for s in sources]
    keys = [_catalog_relation(s) for s in sources]
    if not keys or None in keys:
        return None
    from duckflight.gateway.system.generated.layout import LAYOUT  # data only; the system package imports this one

    return [_catalog_column(key, name) for key in keys for name, _ in LAYOUT[key]]


def _catalog_relation(source) -> tuple[str, str] | None:
    """(schema, name) of a catalog relation the image holds, as written or as placed."""
    from duckflight.gateway.system.generated.layout import LAYOUT

    if not isinstance(source, exp.Table):
        return None
    from duckflight.gateway.system.image import IMAGE, SCHEMAS

    if source.catalog and source.catalog != IMAGE:
        return None  # the session's relations (temp.main.__pg_settings): their types are Arrow's
    schema = {v: k for k, v in SCHEMAS.items()}.get(source.db) if source.catalog else source.db
    key = (schema or "pg_catalog", source.name)
    return key if key in LAYOUT else None


def _catalog_column(key: tuple[str, str], name: str) -> PgColumn:
    """A catalog column PostgreSQL types "char", name, varchar or oid; others as Arrow says."""
    from duckflight.gateway.system.generated.layout import COLUMN_TYPE_OIDS

    sent = COLUMN_TYPE_OIDS.get(key, {}).get(name)
    return PgColumn(*sent) if sent else UNKNOWN


def expression_type(node: exp.Expression, scope: Scope, catalog) -> PgColumn:
    """The PgColumn of one expression of the query of ``scope``."""
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, (exp.Cast, exp.TryCast)):
        return cast_type(node.to)
    if isinstance(node, exp.Column):
        return _column(node, scope, catalog)
    if isinstance(node, exp.Null) or isinstance(node, exp.Literal) and node.is_string:
        return PgColumn(untyped=True)
    if isinstance(node, exp.DPipe) and node.type is not None and node.type.this in (T.VARCHAR, T.TEXT):
        return PgColumn(TEXT)  # textcat; DuckDB types `NULL::text || 'x'` as an integer NULL
    if isinstance(node, exp.Case):
        branches = [i.args.get("true") for i in node.args.get("ifs") or []]
        default = node.args.get("default")
        if default is None:
            return _common([expression_type(b, scope, catalog) for b in branches] + [PgColumn(untyped=True)])
        return _common([expression_type(b, scope, catalog) for b in [default] + branches])  # PostgreSQL: ELSE first
    if isinstance(node, exp.Coalesce) and _typed_constant(node.this):
        return cast_type(node.this.to)  # PostgreSQL folds coalesce('a'::char(3), ...) to its first argument
    if isinstance(node, (exp.Coalesce, exp.Greatest, exp.Least)):
        return _common([expression_type(a, scope, catalog) for a in [node.this, *node.expressions]])
    if isinstance(node, exp.Subquery):
        inner = next((s for s in scope.subquery_scopes if s.expression is node.this), None)
        found = column_types(inner, catalog) if inner is not None else []
        return found[0] if found else UNKNOWN
    if type(node) in CLOCK_PRECISION and node.this is not None:
        return PgColumn(CLOCK_PRECISION[type(node)], int(node.this.name))
    if isinstance(node, exp.Window):
        node = node.this  # a window function types its result as the plain call does
    if isinstance(node, SAME_TYPE_WINDOW):
        argument = expression_type(node.this, scope, catalog)
        return PgColumn(argument.oid, pad=argument.pad, mixed=argument.mixed)
    if isinstance(node, (exp.Min, exp.Max)):
        argument = expression_type(node.this, scope, catalog)
        if argument.oid == BPCHAR:
            return PgColumn(BPCHAR, pad=argument.pad, mixed=argument.mixed)
        return UNKNOWN  # max(varchar) is max(text)
    return UNKNOWN


def _typed_constant(node: exp.Expression) -> bool:
    """A cast of a non-null literal: a constant the planner folds (eval_const_expressions)."""
    return isinstance(node, exp.Cast) and isinstance(node.this, exp.Literal)


def _column(column: exp.Column, scope: Scope, catalog) -> PgColumn:
    source = scope.sources.get(column.table)
    if isinstance(source, Scope):
        expression = source.expression
        names = expression.named_selects if isinstance(expression, exp.Query) else []
        if column.name in names:
            found = column_types(source, catalog)
            index = names.index(column.name)
            return found[index] if index < len(found) else UNKNOWN
        return UNKNOWN
    if isinstance(source, exp.Table) and catalog is not None and not source.catalog:  # not the image's
        table = catalog.get(source.name)
        kind = dict(table.pg_columns()).get(column.name) if table is not None else None
        if kind:
            return duckdb_column_type(kind)
    if source is None and not column.table:  # unqualified: the one catalog relation that has it
        source = _only_holder(column.name, scope)
    key = _catalog_relation(source)
    return _catalog_column(key, column.name) if key else UNKNOWN


def _only_holder(name: str, scope: Scope):
    """The one source of ``scope`` with a column ``name`` if it is a catalog relation (else None)."""
    from duckflight.gateway.system.generated.layout import LAYOUT

    holders = []
    for source in scope.selected_sources.values():
        source = source[1] if isinstance(source, tuple) else source
        key = _catalog_relation(source)
        if key is None:
            return None  # a subquery or a table: sqlglot did not qualify, so we cannot tell
        if name in {c for c, _ in LAYOUT[key]}:
            holders.append(source)
    return holders[0] if len(holders) == 1 else None


def duckdb_column_type(kind: str) -> PgColumn:
    """A catalog column's DuckDB type: only a decimal declares a modifier."""
    match = _DECIMAL.fullmatch(kind.replace(" ", ""))
    if match is None:
        return UNKNOWN
    return PgColumn(NUMERIC, numeric_typmod(int(match.group(1)), int(match.group(2))))


def cast_type(to: exp.DataType) -> PgColumn:
    """PostgreSQL's type and modifier of ``CAST(x AS to)``."""
    interval = interval_fields(to)
    if interval is not None:
        return PgColumn(INTERVAL, interval_typmod(*interval))
    params = [p.this for p in to.expressions if isinstance(p, exp.DataTypeParam)]
    numbers = [int(p.name) for p in params if isinstance(p, exp.Literal) and p.name.isdigit()]
    kind = to.this
    if kind == T.TEXT:
        return PgColumn(TEXT)
    if type_name(to)[0] == "oid":
        return PgColumn(OID)
    if kind == T.NAME:
        return PgColumn(NAME)
    if kind in (T.VARCHAR, T.NVARCHAR):
        return PgColumn(VARCHAR, numbers[0] + 4 if numbers else -1)
    if kind in (T.CHAR, T.NCHAR):  # char without a length is char(1)
        length = numbers[0] if numbers else 1
        return PgColumn(BPCHAR, length + 4, pad=length)
    if kind == T.BPCHAR:
        return PgColumn(BPCHAR, numbers[0] + 4, pad=numbers[0]) if numbers else PgColumn(BPCHAR)
    if kind == T.DECIMAL:
        if not numbers:
            return PgColumn(NUMERIC)
        return PgColumn(NUMERIC, numeric_typmod(numbers[0], numbers[1] if len(numbers) > 1 else 0))
    if kind in PRECISION:
        return PgColumn(PRECISION[kind], numbers[0] if numbers else -1)
    return UNKNOWN


def numeric_typmod(precision: int, scale: int) -> int:
    return ((precision << 16) | scale) + 4


def _common(columns: list[PgColumn]) -> PgColumn:
    """PostgreSQL's rule for CASE, COALESCE and UNION: one type, and one modifier if all agree.

    Of text, varchar and bpchar, each implicitly cast to the others, the first is the type
    (select_common_type in parse_coerce.c keeps the first unless only one way converts).

    Unknown-typed branches (literals, NULL) take the common type with no modifier.
    Their values are not padded either, but the rest are: the branches' padding is kept,
    so a bpchar whose parts differ in padding is ``mixed`` (``bpchar_padding`` pads them).
    """
    typed = [c for c in columns if not c.untyped]
    if not typed:
        return PgColumn(untyped=True) if len(columns) == 1 else UNKNOWN
    oids = {c.oid for c in typed}
    oid = oids.pop() if len(oids) == 1 else typed[0].oid if oids <= STRINGS else None
    typmods = {c.typmod for c in typed}
    same = oid is not None and len(typmods) == 1 and len(typed) == len(columns)
    pads = {c.pad for c in columns}
    mixed = oid == BPCHAR and (len(pads) > 1 or any(c.mixed for c in columns))
    return PgColumn(oid, typmods.pop() if same else -1, pad=None if mixed else pads.pop(), mixed=mixed)
