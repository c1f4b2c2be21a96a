"""Rule: numeric arithmetic gives PostgreSQL's values, display scales and types.

DuckDB divides decimals in DOUBLE (``1/3::numeric`` is 0.3333333333333333,
PostgreSQL says 0.33333333333333333333), averages in DOUBLE, reads ``1e3`` as a
DOUBLE, and gives every value of a column one scale, where PostgreSQL keeps
each value's own (``coalesce(x, 0)`` is ``0``, not ``0.00``; select_div_scale
picks a quotient's scale from its operands' digits). This rule types each
expression as PostgreSQL would (``numeric_kinds``) and, where DuckDB's DECIMAL
cannot say what PostgreSQL says, computes with the numeric value of
``worker/numeric_macros`` instead (a "dynamic" numeric):

* numeric division and ``avg`` over integers and numerics (``avg`` as the
  division of ``sum`` by ``count``, which the distributed plan merges exactly);
* CASE, COALESCE, GREATEST/LEAST, UNION and VALUES over numerics of different
  scales;
* casts to bare ``numeric`` of floats, text and 'NaN'/'Infinity';
* everything a dynamic numeric meets: arithmetic, comparisons (by value, not by
  display scale), ``sum``, ``avg``, round/trunc/ceil/floor/abs/sign, casts. Other
  functions get it as float8, as PostgreSQL would cast it for a float function.

``sum`` of int2/int4 is int8, as in PostgreSQL; ``sign`` of a numeric is a numeric, of
anything else a float8 (sign(double precision)). A numeric constant with an
exponent (``1e3``) is an exact numeric; one of more than 38 digits is refused
(0A000), as DuckDB would read it as a DOUBLE. An output column that is a dynamic
numeric leaves the gateway as numeric text (``result_types``).

Run after type annotation and ``postgres_casts``, before ``postgres_division``
(which then only sees integer and float division).

>>> import sqlglot
>>> postgres_numeric(sqlglot.parse_one("select 1.5 / 3, 1e3", read="postgres")).sql("duckdb")
'SELECT PG_NUMERIC_QUOTIENT(CAST((1.5) * 10 AS INT128), 1, CAST(3 AS INT128), 0), CAST(1000 AS DECIMAL(4, 0))'
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

from duckflight.gateway.core.pg_types import NUMERIC_STRUCT
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.numeric_kinds import (DYNAMIC, FLOAT, FLOAT_TYPES, INT4, INT8, OTHER, TEXT_TYPES,
                                                      UNKNOWN, Kind, arithmetic, decimal_scale, of_number, of_type,
                                                      unify)

T = exp.DataType.Type
MAX_DIGITS = 38
ARITHMETIC = {exp.Add: "pg_numeric_add", exp.Sub: "pg_numeric_sub", exp.Mul: "pg_numeric_mul",
              exp.Div: "pg_numeric_div", exp.Mod: "pg_numeric_mod"}
COMPARISONS = (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.NullSafeEQ, exp.NullSafeNEQ)
# Compared by pg_numeric_cmp(a, b) op 0 when both are dynamic: DuckDB compares structs, but turns
# k >= a AND k <= b into a BETWEEN, which it cannot run on structs.
ORDERED = (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE)
UNIFIED = (exp.Coalesce, exp.Greatest, exp.Least)
# Aggregates of a CASE or COALESCE over numerics of different scales computed in DECIMAL.
TRACKING = (exp.Sum, exp.Avg)
TRACKED = Kind("tracked")
# Functions of one numeric that keep a dynamic numeric dynamic: node -> macro.
UNARY = {exp.Neg: "pg_numeric_neg", exp.Abs: "pg_numeric_abs", exp.Ceil: "pg_numeric_ceil", exp.Floor: "pg_numeric_floor"}
ROUNDING = {exp.Round: "pg_numeric_round", exp.Trunc: "pg_numeric_trunc"}
# Aggregates and window functions whose result is their argument, whatever its type.
SAME_TYPE = (exp.Min, exp.Max, exp.AnyValue, exp.First, exp.Last, exp.FirstValue, exp.LastValue, exp.NthValue,
             exp.Lag, exp.Lead)
SUM_PARTS = [("SUM", "pg_numeric_sum_whole"), ("SUM", "pg_numeric_sum_high"), ("SUM", "pg_numeric_sum_low"),
             ("MAX", "pg_numeric_sum_scale"), ("BOOL_OR", "pg_numeric_sum_nan"), ("BOOL_OR", "pg_numeric_sum_pinf"),
             ("BOOL_OR", "pg_numeric_sum_ninf")]
INTEGER_NAMES = {T.SMALLINT: "smallint", T.INT: "integer", T.BIGINT: "bigint"}


def postgres_numeric(expression: exp.Expression) -> exp.Expression:
    outputs: dict[int, list[Kind]] = {}
    for scope in traverse_scope(expression):  # inner scopes first
        _Scope(scope, outputs).run()
    return expression


def call(name: str, *args: exp.Expression) -> exp.Expression:
    return exp.Anonymous(this=name, expressions=list(args))


def lift(node: exp.Expression, kind: Kind) -> exp.Expression:
    """``node`` (of ``kind``) as a dynamic numeric."""
    if kind == DYNAMIC:
        return node
    if kind == UNKNOWN and not isinstance(node, exp.Null):
        return call("pg_numeric_parse", node)
    if kind == UNKNOWN:
        return exp.Cast(this=node, to=exp.DataType.build(NUMERIC_STRUCT))
    if kind.scale is not None:
        return call("pg_numeric_of_decimal", node, exp.Literal.number(kind.scale))
    return call("pg_numeric", node)


def to_float(node: exp.Expression, kind: Kind) -> exp.Expression:
    """A dynamic numeric as float8, as PostgreSQL casts numeric for a float operator."""
    if kind != DYNAMIC:
        return node
    return exp.Cast(this=call("pg_numeric_text", node), to=exp.DataType.build("DOUBLE"))


def key(node: exp.Expression, kind: Kind) -> exp.Expression:
    """What a comparison compares: the value without its display scale."""
    return call("pg_numeric_key", lift(node, kind))


def _typeof(node: exp.Expression) -> bool:
    return isinstance(node, exp.Anonymous) and node.name.lower() == "pg_typeof"


def _numeric_stand_in(value: exp.Expression) -> exp.Expression:
    """A DECIMAL NULL that still reads ``value`` (an aggregate stays an aggregate): what
    pg_typeof of a dynamic numeric looks at, to say ``numeric``."""
    empty = exp.cast(exp.Null(), "DECIMAL(1, 0)")
    return exp.If(this=exp.Is(this=value, expression=exp.Null()), true=empty, false=empty.copy())


class _Scope:
    """Types and rewrites the expressions of one query scope (its subqueries are done already)."""

    def __init__(self, scope: Scope, outputs: dict[int, list[Kind]]):
        self.scope = scope
        self.outputs = outputs
        # An aggregate's argument that may stay a DECIMAL with a display scale per row
        # (CASE or COALESCE of numerics of known scales): node id -> (scale, scale per row).
        self.keep: exp.Expression | None = None
        self.tracked: dict[int, tuple[int, exp.Expression]] = {}

    def run(self) -> None:
        node = self.scope.expression
        if isinstance(node, exp.Select):
            self.outputs[id(node)] = self._select(node)
        elif isinstance(node, exp.SetOperation):
            self.outputs[id(node)] = self._set_operation(node)
        elif isinstance(node, exp.Values):
            self.outputs[id(node)] = self._values(node)

    # ------------------------------------------------------------------ scopes

    def _select(self, select: exp.Select) -> list[Kind]:
        kinds = [self.visit(p) for p in list(select.expressions)]
        for arg in ("where", "having", "qualify"):
            clause = select.args.get(arg)
            if clause is not None:
                self.visit(clause.this)
        for join in select.args.get("joins") or []:
            if join.args.get("on") is not None:
                self.visit(join.args["on"])
        group = select.args.get("group")
        if group is not None:
            for key_node in list(group.expressions):
                self.visit(key_node)
        order = select.args.get("order")
        if order is not None:
            for ordered in list(order.expressions):
                self.visit(ordered.this)
        return kinds

    def _set_operation(self, node: exp.SetOperation) -> list[Kind]:
        left, right = (self._query_kinds(side) for side in (node.this, node.expression))
        kinds = []
        for index, (a, b) in enumerate(zip(left, right)):
            kind = unify([a, b])
            if kind == DYNAMIC:
                _lift_output(node.this, index, a)
                _lift_output(node.expression, index, b)
            elif kind == FLOAT:
                _float_output(node.this, index, a)
                _float_output(node.expression, index, b)
            kinds.append(kind)
        return kinds

    def _query_kinds(self, node: exp.Expression) -> list[Kind]:
        if isinstance(node, exp.Subquery):
            node = node.this
        if id(node) not in self.outputs and isinstance(node, exp.SetOperation):
            self.outputs[id(node)] = self._set_operation(node)
        return self.outputs.get(id(node), [])

    def _values(self, values: exp.Values) -> list[Kind]:
        rows = [row for row in values.expressions if isinstance(row, exp.Tuple)]
        if not rows:
            return []
        columns = [[(row, i) for row in rows] for i in range(len(rows[0].expressions))]
        kinds = []
        for cells in columns:
            found = [self.visit(row.expressions[i]) for row, i in cells]
            kind = unify(found)
            for (row, i), cell_kind in zip(cells, found):
                cell = row.expressions[i]
                if kind == DYNAMIC:
                    cell.replace(lift(cell.copy(), cell_kind))
                elif kind == FLOAT:
                    cell.replace(to_float(cell.copy(), cell_kind))
            kinds.append(kind)
        return kinds

    # ------------------------------------------------------------- expressions

    def visit(self, node: exp.Expression) -> Kind:
        """Rewrite ``node`` in place where it needs to be; return its kind."""
        for kinds, handler in _HANDLERS:
            if isinstance(node, kinds):
                return handler(self, node)
        return self._generic(node)

    def visit_current(self, node: exp.Expression) -> tuple[exp.Expression, Kind]:
        """``visit``, and the node now in ``node``'s place (a rewrite may have replaced it)."""
        parent, arg_key, index = node.parent, node.arg_key, node.index
        kind = self.visit(node)
        if parent is None:
            return node, kind
        value = parent.args.get(arg_key)
        return (value[index] if isinstance(value, list) else value), kind

    def _generic(self, node: exp.Expression) -> Kind:
        """A node this rule does not know: its numeric arguments are given as float8."""
        for child in list(node.iter_expressions()):
            if isinstance(child, (exp.Select, exp.SetOperation)):
                continue
            child, kind = self.visit_current(child)
            if kind == DYNAMIC and _typeof(node):
                child.replace(_numeric_stand_in(child.copy()))
            elif kind == DYNAMIC:
                child.replace(to_float(child.copy(), kind))
        if isinstance(node, (exp.Sqrt, exp.Ln, exp.Log, exp.Exp, exp.Pow)):
            return FLOAT
        if isinstance(node, exp.Func) and node.type is not None and node.type.this in (T.BIGINT, T.INT, T.DOUBLE):
            return of_type(node.type)
        return OTHER

    def _passthrough(self, node: exp.Expression) -> Kind:
        return self.visit(node.this)

    def _literal(self, node: exp.Literal) -> Kind:
        if node.is_string:
            return UNKNOWN
        text = node.name
        if self._float_context(node):  # PostgreSQL converts it to float8 first: DuckDB's DOUBLE reading
            return FLOAT
        if _exact_digits(text) > MAX_DIGITS:
            raise SqlError("0A000", f"numeric constant {text} has more than {MAX_DIGITS} digits, "
                                    "which duckflight cannot hold")
        kind = of_number(text)
        if "e" in text.lower():  # an exact numeric, not DuckDB's DOUBLE
            node.replace(_decimal_constant(text))
        return kind

    def _float_context(self, node: exp.Expression) -> bool:
        """A constant PostgreSQL turns into float8 as it is: cast to a float type, or the operand
        of an operator whose other operand is a float column or a cast to a float type (a
        derived table's column by its kind here: sqlglot's type for it is a guess)."""
        parent = node.parent
        while isinstance(parent, exp.Paren):
            node, parent = parent, parent.parent
        if isinstance(parent, exp.Cast):
            return parent.to.this in FLOAT_TYPES
        if isinstance(parent, tuple(ARITHMETIC) + COMPARISONS):
            other = parent.expression if node is parent.this else parent.this
            if isinstance(other, exp.Column):
                return self._column(other) == FLOAT
            return isinstance(other, exp.Cast) and other.to.this in FLOAT_TYPES
        return False

    def _column(self, column: exp.Column) -> Kind:
        source = self._source(column.table)
        if isinstance(source, Scope):
            names = _output_names(source.expression)
            kinds = self.outputs.get(id(source.expression), [])
            if column.name in names and names.index(column.name) < len(kinds):
                return kinds[names.index(column.name)]
            return OTHER
        return of_type(column.type)

    def _source(self, name: str):
        scope = self.scope
        while scope is not None:
            if name in scope.sources:
                return scope.sources[name]
            scope = scope.parent
        return None

    def _subquery(self, node: exp.Subquery) -> Kind:
        kinds = self.outputs.get(id(node.this), [])
        return kinds[0] if len(kinds) == 1 else OTHER

    def _cast(self, cast: exp.Cast) -> Kind:
        inner = self.visit(cast.this)
        to = cast.to
        params = [p.this.name for p in to.expressions if isinstance(p, exp.DataTypeParam)]
        if to.this == T.DECIMAL and not params:  # bare numeric: every value keeps its digits
            return self._bare_numeric(cast, inner)
        if to.this == T.DECIMAL and _is_text(cast.this, inner) and not _plain_constant(cast.this, params):
            cast.set("this", call("pg_numeric_parse", cast.this.copy()))  # numeric_in, then numeric(p,s)'s rounding
            inner = DYNAMIC
        if inner != DYNAMIC:
            return of_type(to)
        value = cast.this.copy()
        if to.this == T.DECIMAL:
            precision, scale = int(params[0]), int(params[1]) if len(params) > 1 else 0
            fitted = call("pg_numeric_fit", call("pg_numeric_round", value, exp.Literal.number(scale)),
                          exp.Literal.number(precision - scale))
            cast.set("this", fitted)
        elif to.this in INTEGER_NAMES:
            cast.set("this", call("pg_numeric_integer", value, exp.Literal.string(INTEGER_NAMES[to.this])))
        else:  # float, text and anything else: from numeric_out's text
            cast.set("this", call("pg_numeric_text", value))
        return of_type(to)

    def _bare_numeric(self, cast: exp.Cast, inner: Kind) -> Kind:
        value = cast.this
        if inner.name in ("numeric", "dynamic"):
            cast.replace(value)
            return inner
        if inner == FLOAT:  # float8_numeric, float4_numeric: as many digits as the float type has
            real = value.type is not None and value.type.this == T.FLOAT
            cast.replace(call("pg_numeric_of_real" if real else "pg_numeric_of_double", value.copy()))
            return DYNAMIC
        if _is_text(value, inner):
            cast.replace(call("pg_numeric_parse", value.copy()))
            return DYNAMIC
        return of_type(cast.to)

    def _arithmetic(self, node: exp.Binary) -> Kind:
        left, right = self.visit(node.this), self.visit(node.expression)
        kind = arithmetic(left, right, type(node))
        if kind in (FLOAT, OTHER):  # a dynamic numeric meets a float (or something else): float8
            node.set("this", to_float(node.this, left))
            node.set("expression", to_float(node.expression, right))
        elif kind == DYNAMIC and isinstance(node, exp.Div) and _exact(left) and _exact(right):
            node.replace(call("pg_numeric_quotient", *parts(node.this.copy(), left), *parts(node.expression.copy(), right)))
        elif kind == DYNAMIC:
            node.replace(call(ARITHMETIC[type(node)], lift(node.this.copy(), left), lift(node.expression.copy(), right)))
        return kind

    def _sign(self, node: exp.Sign) -> Kind:
        """sign(numeric) is a numeric (NaN's is NaN), sign of anything else sign(float8)."""
        kind = self.visit(node.this)
        if kind == DYNAMIC:
            value = node.this.copy()
            unit = call("pg_numeric_of_decimal", exp.cast(call("pg_numeric_sign", value.copy()), "DECIMAL(1, 0)"),
                        exp.Literal.number(0))
            node.replace(exp.If(this=call("pg_numeric_is_nan", value.copy()), true=value, false=unit))
            return DYNAMIC
        if kind.name == "numeric":
            node.replace(exp.cast(node.copy(), "DECIMAL(1, 0)"))
            return Kind("numeric", 0)
        node.replace(exp.cast(node.copy(), "DOUBLE"))
        return FLOAT

    def _unary(self, node: exp.Func) -> Kind:
        kind = self.visit(node.this)
        if kind == DYNAMIC:
            node.replace(call(UNARY[type(node)], node.this.copy()))
        elif isinstance(node, (exp.Ceil, exp.Floor)) and kind.name == "numeric":
            return Kind("numeric", 0)
        return kind

    def _rounding(self, node: exp.Func) -> Kind:
        kind = self.visit(node.this)
        if node.args.get("decimals") is not None:
            self.visit(node.args["decimals"])
        places = node.args.get("decimals")
        if kind == DYNAMIC:
            node.replace(call(ROUNDING[type(node)], node.this.copy(),
                              places.copy() if places is not None else exp.Literal.number(0)))
            return DYNAMIC
        if kind.name == "numeric":
            n = int(places.name) if places is not None and places.is_int else 0 if places is None else None
            return Kind("numeric", max(n, 0) if n is not None else None)
        return kind

    def _unified(self, node: exp.Expression) -> Kind:
        """CASE, COALESCE, GREATEST, LEAST, NULLIF: one kind for all the values they may give."""
        if isinstance(node, exp.Nullif):
            return self._nullif(node)
        if isinstance(node, exp.Case) and node.this is not None:  # CASE x WHEN v: CASE WHEN x = v
            for branch in node.args.get("ifs") or []:
                branch.set("this", exp.EQ(this=node.this.copy(), expression=branch.this))
            node.set("this", None)
        if isinstance(node, exp.Case):
            for branch in node.args.get("ifs") or []:
                self.visit(branch.this)
            values = [b.args["true"] for b in node.args.get("ifs") or []] + \
                     ([node.args["default"]] if node.args.get("default") is not None else [])
        else:
            values = [node.this, *node.expressions]
        values, kinds = zip(*[self.visit_current(v) for v in values])
        kind = unify(list(kinds))
        if kind == DYNAMIC and self.keep is node and all(_exact(k) or k == UNKNOWN and isinstance(v, exp.Null)
                                                         for v, k in zip(values, kinds)):
            scales = [k.scale if _exact(k) else 0 for k in kinds]
            self.tracked[id(node)] = (max(scales), _scale_per_row(node, scales))
            return TRACKED
        for value, value_kind in zip(values, kinds):
            if kind == DYNAMIC:
                value.replace(lift(value.copy(), value_kind))
            elif kind == FLOAT:
                value.replace(to_float(value.copy(), value_kind))
        return kind

    def _nullif(self, node: exp.Nullif) -> Kind:
        kind, other = self.visit(node.this), self.visit(node.expression)
        if DYNAMIC not in (kind, other):
            return kind
        value = lift(node.this.copy(), kind)
        same = exp.EQ(this=key(node.this.copy(), kind), expression=key(node.expression.copy(), other))
        node.replace(exp.Case(ifs=[exp.If(this=same, true=exp.Null())], default=value))
        return DYNAMIC

    def _comparison(self, node: exp.Expression) -> Kind:
        operands = [node.this] + ([node.expression] if isinstance(node, exp.Binary) else
                                  [node.args["low"], node.args["high"]] if isinstance(node, exp.Between) else
                                  list(node.expressions))
        operands, kinds = zip(*[self.visit_current(o) for o in operands])
        query = node.args.get("query") if isinstance(node, exp.In) else None
        if query is not None:
            return self._in_subquery(node, kinds[0], query)
        if DYNAMIC in kinds and FLOAT not in kinds and self._cut(node, kinds):
            return OTHER
        if DYNAMIC in kinds and FLOAT not in kinds and isinstance(node, (exp.Between,) + ORDERED):
            values = [lift(o.copy(), k) for o, k in zip(operands, kinds)]
            node.replace(_between(*values, node.args.get("symmetric")) if isinstance(node, exp.Between) else
                         type(node)(this=call("pg_numeric_cmp", *values), expression=exp.Literal.number(0)))
            return OTHER
        if DYNAMIC in kinds:
            to_key = FLOAT not in kinds
            for operand, kind in zip(operands, kinds):
                operand.replace(key(operand.copy(), kind) if to_key else to_float(operand.copy(), kind))
        return OTHER

    def _in_subquery(self, node: exp.In, kind: Kind, query: exp.Expression) -> Kind:
        select = query.this if isinstance(query, exp.Subquery) else query
        inner = self.outputs.get(id(select), [OTHER])[0]
        if DYNAMIC in (kind, inner):
            if not isinstance(select, exp.Select) or len(select.expressions) != 1:
                raise SqlError("0A000", "IN over a subquery of numeric quotients is not supported")
            projection = select.expressions[0]
            target = projection.this if isinstance(projection, exp.Alias) else projection
            to_key = FLOAT not in (kind, inner)
            target.replace(key(target.copy(), inner) if to_key else to_float(target.copy(), inner))
            node.this.replace(key(node.this.copy(), kind) if to_key else to_float(node.this.copy(), kind))
        return OTHER

    def _cut(self, node: exp.Expression, kinds) -> bool:
        """``x op v`` (or ``x BETWEEN``) for an x of known scale s and at most 37 digits and a
        dynamic v, as ``x op t``: t, a DECIMAL(38, s + 1), lies where v lies among the values of
        scale s (``pg_numeric_cut``), so DuckDB compares x natively, row by row cheaply, and
        computes v once (TPC-H Q17's correlated subquery). False if it does not apply (x of 38
        digits or not known, or dynamic itself)."""
        if isinstance(node, exp.Between):
            x, kind = node.this, kinds[0]
            values = [b for b, k in zip((node.args["low"], node.args["high"]), kinds[1:]) if k == DYNAMIC]
        elif isinstance(node, COMPARISONS) and kinds.count(DYNAMIC) == 1:
            dynamic_left = kinds[0] == DYNAMIC
            x, kind = (node.expression, kinds[1]) if dynamic_left else (node.this, kinds[0])
            values = [node.this if dynamic_left else node.expression]
        else:
            return False
        digits = None if kind == DYNAMIC else self._digits(x, kind)
        if kind.scale is None or digits is None or digits > MAX_DIGITS - 1 or kind.scale > MAX_DIGITS - 1:
            return False
        unit = exp.Cast(this=exp.Literal.string(f"0.{'0' * kind.scale}1"),  # DECIMAL(38, s + 1)'s last place
                        to=exp.DataType.build(f"DECIMAL({MAX_DIGITS}, {kind.scale + 1})"))
        for v in values:
            v.replace(exp.Mul(this=call("pg_numeric_cut", v.copy(), exp.Literal.number(kind.scale)), expression=unit.copy()))
        return True

    def _digits(self, node: exp.Expression, kind: Kind) -> int | None:
        """The most digits a value of ``node`` (not dynamic) has, where its type says: an
        integer's, a numeric constant's, a table column's or a cast's numeric(p, s)."""
        if kind.name == "int":
            return 19 if kind.wide else 10
        if isinstance(node, exp.Literal) and node.is_number:
            return _exact_digits(node.name)
        if isinstance(node, exp.Column) and isinstance(self._source(node.table), Scope):
            return None  # a derived table's column: sqlglot's type is a guess
        data_type = node.to if isinstance(node, exp.Cast) else node.type if isinstance(node, exp.Column) else None
        if data_type is None or data_type.this != T.DECIMAL:
            return None
        params = [p.this.name for p in data_type.expressions if isinstance(p, exp.DataTypeParam)]
        return int(params[0]) if params and params[0].isdigit() else None

    def _aggregate(self, node: exp.Expression) -> Kind:
        """An aggregate or window call, with its FILTER and OVER wrapped around it."""
        call_node = node
        while isinstance(call_node, (exp.Window, exp.Filter)):
            call_node = call_node.this
        for part in _window_parts(node):
            self.visit(part)
        argument = call_node.this
        distinct = isinstance(argument, exp.Distinct)
        value = argument.expressions[0] if distinct and argument.expressions else argument
        if type(call_node) in TRACKING and not distinct:  # sum(CASE WHEN c THEN x ELSE 0 END)
            self.keep = value.unnest() if isinstance(value, exp.Paren) else value
        kind = self.visit(value) if isinstance(value, exp.Expression) else OTHER
        self.keep = None
        if kind == TRACKED:
            return self._tracked_aggregate(node, call_node)
        for extra in call_node.expressions if isinstance(call_node, exp.Func) else []:
            self.visit(extra)
        if isinstance(call_node, exp.Count):
            return INT8
        if isinstance(call_node, SAME_TYPE):
            return kind
        if isinstance(call_node, exp.Avg) and type(call_node) is exp.Avg and kind.numeric:
            count = _wrapped(node, call_node, exp.Count(this=call_node.this.copy()))
            if _exact(kind):  # sum(numeric) keeps the argument's scale
                total = _wrapped(node, call_node, exp.Sum(this=call_node.this.copy()))
                node.replace(call("pg_numeric_quotient", *parts(total, kind), *parts(count, INT8)))
            else:
                node.replace(call("pg_numeric_div", self._sum(node, call_node, kind), lift(count, INT8)))
            return DYNAMIC
        if isinstance(call_node, exp.Sum) and type(call_node) is exp.Sum:
            if kind == DYNAMIC:
                node.replace(self._sum(node, call_node, kind))
            if kind.name == "int":  # sum(int2), sum(int4) are int8 (postgres_result_types), of int8 numeric
                return INT8 if kind == INT4 else Kind("numeric", 0)
            return kind
        if kind == DYNAMIC:
            argument.replace(to_float(argument.copy(), kind))
        return FLOAT if kind.numeric and isinstance(call_node, exp.AggFunc) else OTHER

    def _tracked_aggregate(self, node: exp.Expression, call_node: exp.Expression) -> Kind:
        """sum/avg of a DECIMAL whose display scale is ``scale`` per row: DuckDB sums the DECIMAL
        (the row's own scale only shows), the sum's scale is the largest; a dynamic numeric is
        made once per group, not once per row, and the parts merge across workers."""
        value = call_node.this.unnest()
        scale, per_row = self.tracked.pop(id(value))
        wrap = lambda aggregate: _wrapped(node, call_node, aggregate)  # noqa: E731
        total = call("pg_numeric_at", wrap(exp.Sum(this=value.copy())), exp.Literal.number(scale),
                     wrap(exp.Max(this=per_row)))
        if isinstance(call_node, exp.Avg):
            total = call("pg_numeric_div", total, lift(wrap(exp.Count(this=value.copy())), INT8))
        node.replace(total)
        return DYNAMIC

    def _sum(self, node: exp.Expression, call_node: exp.Expression, kind: Kind) -> exp.Expression:
        """``sum`` of the argument as a dynamic numeric (exact, mergeable parts)."""
        if kind != DYNAMIC:
            return call("pg_numeric", _wrapped(node, call_node, exp.Sum(this=call_node.this.copy())))
        argument = call_node.this
        value = argument.expressions[0] if isinstance(argument, exp.Distinct) else argument
        parts = []
        for aggregate, part in SUM_PARTS:
            inner = call(part, value.copy())
            arg = exp.Distinct(expressions=[inner]) if isinstance(argument, exp.Distinct) else inner
            parts.append(_wrapped(node, call_node, exp.Anonymous(this=aggregate, expressions=[arg])))
        parts.append(_wrapped(node, call_node, exp.Count(this=argument.copy())))
        return call("pg_numeric_sum", *parts)

    def _same_type(self, node: exp.Expression) -> Kind:
        return self._aggregate(node)


def _between(x: exp.Expression, low: exp.Expression, high: exp.Expression, symmetric) -> exp.Expression:
    """x BETWEEN [SYMMETRIC] low AND high of numerics, as the comparisons PostgreSQL defines it by."""
    def within(a: exp.Expression, b: exp.Expression) -> exp.Expression:
        return exp.And(this=exp.GTE(this=call("pg_numeric_cmp", x.copy(), a.copy()), expression=exp.Literal.number(0)),
                       expression=exp.LTE(this=call("pg_numeric_cmp", x.copy(), b.copy()), expression=exp.Literal.number(0)))

    test = within(low, high)
    if symmetric:
        test = exp.Or(this=exp.Paren(this=test), expression=exp.Paren(this=within(high, low)))
    return exp.Paren(this=test)


def _exact(kind: Kind) -> bool:
    """An integer, or a numeric of known scale: its unscaled value is at hand (``parts``)."""
    return kind.name in ("int", "numeric") and kind.scale is not None


def parts(node: exp.Expression, kind: Kind) -> tuple[exp.Expression, exp.Expression]:
    """(value times 10^scale as HUGEINT, scale) of ``node`` (not in a tree), an ``_exact`` kind."""
    scaled = exp.Mul(this=exp.Paren(this=node), expression=exp.Literal.number(10 ** kind.scale)) if kind.scale else node
    return exp.Cast(this=scaled, to=exp.DataType.build("HUGEINT")), exp.Literal.number(kind.scale)


def _plain_constant(node: exp.Expression, params: list[str]) -> bool:
    """A string constant of a finite number that numeric(p, s) holds: DuckDB's cast reads it as
    PostgreSQL does (anything else goes through numeric_in, for PostgreSQL's errors)."""
    from decimal import Decimal, InvalidOperation

    if not node.is_string:
        return False
    try:
        value = Decimal(node.name.strip())
    except InvalidOperation:
        return False
    precision, scale = int(params[0]), int(params[1]) if len(params) > 1 else 0
    return value.is_finite() and abs(value.quantize(Decimal(1).scaleb(-scale), "ROUND_HALF_UP")) < 10 ** (precision - scale)


def _is_text(node: exp.Expression, kind: Kind) -> bool:
    """A string constant, or a value of a text type (not NULL)."""
    if isinstance(node, exp.Null):
        return False
    return kind == UNKNOWN or kind == OTHER and node.type is not None and node.type.this in TEXT_TYPES


def _scale_per_row(node: exp.Expression, scales: list[int]) -> exp.Expression:
    """The display scale of the value CASE or COALESCE ``node`` gives, row by row
    (``scales``: its values' scales, in order; a NULL value's does not matter)."""
    numbers = [exp.Literal.number(s) for s in scales]
    if isinstance(node, exp.Case):
        ifs = [exp.If(this=branch.this.copy(), true=number) for branch, number in zip(node.args["ifs"], numbers)]
        default = numbers[len(ifs)] if node.args.get("default") is not None else exp.Literal.number(0)
        return exp.Case(ifs=ifs, default=default)
    values = [node.this, *node.expressions]
    return exp.Case(ifs=[exp.If(this=exp.Not(this=exp.Is(this=v.copy(), expression=exp.Null())), true=n)
                         for v, n in zip(values, numbers)], default=exp.Literal.number(0))


def _wrapped(node: exp.Expression, call_node: exp.Expression, replacement: exp.Expression) -> exp.Expression:
    """``replacement`` with the FILTER and OVER that ``node`` puts around ``call_node``."""
    if node is call_node:
        return replacement
    copy = node.copy()
    inner = copy
    while isinstance(inner.this, (exp.Window, exp.Filter)):
        inner = inner.this
    inner.set("this", replacement)
    return copy


def _window_parts(node: exp.Expression) -> list[exp.Expression]:
    """The expressions of an aggregate's FILTER and OVER (partition and order keys)."""
    parts = []
    while isinstance(node, (exp.Window, exp.Filter)):
        if isinstance(node, exp.Filter):
            parts.append(node.expression.this)
        else:
            parts.extend(node.args.get("partition_by") or [])
            order = node.args.get("order")
            parts.extend(o.this for o in (order.expressions if order is not None else []))
        node = node.this
    return parts


def _output_names(node: exp.Expression) -> list[str]:
    if isinstance(node, exp.Values):
        alias = node.args.get("alias")
        return [c.name for c in alias.columns] if alias is not None else []
    return node.named_selects if isinstance(node, exp.Query) else []


def _lift_output(node: exp.Expression, index: int, kind: Kind) -> None:
    """Make output column ``index`` of a query (each branch of a set operation) dynamic."""
    _rewrite_output(node, index, lambda value: lift(value, kind))


def _float_output(node: exp.Expression, index: int, kind: Kind) -> None:
    _rewrite_output(node, index, lambda value: to_float(value, kind))


def _rewrite_output(node: exp.Expression, index: int, rewrite) -> None:
    if isinstance(node, exp.Subquery):
        node = node.this
    if isinstance(node, exp.SetOperation):
        _rewrite_output(node.this, index, rewrite)
        _rewrite_output(node.expression, index, rewrite)
        return
    if isinstance(node, exp.Select) and index < len(node.expressions):
        projection = node.expressions[index]
        target = projection.this if isinstance(projection, exp.Alias) else projection
        if isinstance(projection, exp.Alias):
            projection.set("this", rewrite(target.copy()))
        else:
            projection.replace(exp.alias_(rewrite(projection.copy()), projection.alias_or_name, quoted=True))


def _decimal_constant(text: str) -> exp.Expression:
    """A numeric constant with an exponent, as the exact DECIMAL PostgreSQL reads it."""
    from decimal import Decimal

    scale = decimal_scale(text)
    value = Decimal(text).quantize(Decimal(1).scaleb(-scale))
    digits = len(value.as_tuple().digits)
    return exp.Cast(this=exp.Literal.number(format(value, "f")),
                    to=exp.DataType.build(f"DECIMAL({max(digits, scale + 1, 1)}, {scale})"))


def _exact_digits(text: str) -> int:
    """How many digits a number constant has written out at its display scale."""
    from decimal import Decimal

    _, digits, exponent = Decimal(text).as_tuple()
    whole = max(len(digits) + exponent, 0)  # digits before the point
    return whole + decimal_scale(text)


_HANDLERS = [
    ((exp.Paren, exp.Alias), _Scope._passthrough),
    ((exp.Literal,), _Scope._literal),
    ((exp.Null,), lambda self, node: UNKNOWN),
    ((exp.Column,), _Scope._column),
    ((exp.Subquery,), _Scope._subquery),
    ((exp.Cast,), _Scope._cast),
    (tuple(ARITHMETIC), _Scope._arithmetic),
    (tuple(UNARY), _Scope._unary),
    ((exp.Sign,), _Scope._sign),
    (tuple(ROUNDING), _Scope._rounding),
    ((exp.Case, exp.Nullif) + UNIFIED, _Scope._unified),
    (COMPARISONS + (exp.Between, exp.In), _Scope._comparison),
    ((exp.Window, exp.Filter, exp.AggFunc) + SAME_TYPE, _Scope._aggregate),
    ((exp.Select, exp.SetOperation), lambda self, node: OTHER),
]
