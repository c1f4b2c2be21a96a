"""The PostgreSQL dialect as duckflight reads it: sqlglot's, where that reads PostgreSQL's grammar.

sqlglot's Postgres parser loses meaning in a few date and time constructs, before
any rule could put it back, so the parser itself is corrected here:

* A typed literal is a constant of its type (PostgreSQL's ``AexprConst``:
  ``ConstTypename Sconst``), so ``timestamptz '2021-06-01 02:30+00'::date`` casts
  the timestamptz to date. sqlglot applied the ``::date`` to the string first.
* ``INTERVAL 'text' [fields]`` and ``INTERVAL(p) 'text'`` keep their whole text
  and their fields, as PostgreSQL's interval input reads them; as the type of a cast,
  ``interval hour to second(3)`` is read too (sqlglot refused the precision)
  (``datetime_constants`` computes the value). sqlglot kept the first
  ``number unit`` pair of the text only: ``interval '2 days 03:04:05'`` was 2 days.
* ``now()`` stays ``now``: sqlglot made it ``current_timestamp``, and PostgreSQL
  names the two columns differently.
* ``to_char``, ``to_date`` and ``to_timestamp(text, template)`` keep their template:
  sqlglot turned it into strftime's, copying the patterns it did not know as text.
* ``$`` is lexed as PostgreSQL lexes it (``gateway/dialect.py``): ``$1,$2`` are two
  parameters, ``$tag$ ... $tag$`` a dollar quote.
* ``date_part(...)`` is marked (``DATE_PART``): PostgreSQL's date_part is double
  precision where EXTRACT is numeric, and each names its column after itself.
* A string constant where a table's name goes (``FROM '/etc/passwd'``, a syntax error in
  PostgreSQL, a file to DuckDB) is marked (``STRING_NAME``) for ``file_access``: sqlglot
  made it a quoted name, as ``"/etc/passwd"`` is. ``glob(...)`` is a function call (DuckDB's
  table function), not sqlglot's GLOB operator, which PostgreSQL does not have.

>>> import sqlglot
>>> sqlglot.parse_one("select timestamptz '2021-06-01'::date, interval '1 2:03' day to minute",
...                   read=PostgresInput).sql("postgres")
"SELECT CAST(CAST('2021-06-01' AS TIMESTAMPTZ) AS DATE), CAST('1 2:03' AS INTERVAL DAY TO MINUTE)"
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.dialects.postgres import Postgres
from sqlglot.tokens import TokenType

from duckflight.gateway.dialect import PostgresTokenizer
from duckflight.gateway.planner.file_access import STRING_NAME

# Meta flag of an Extract node written as date_part(...).
DATE_PART = "date_part"

_FIELDS = ("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND")


class PostgresInput(Postgres):
    Tokenizer = PostgresTokenizer

    class Parser(Postgres.Parser):
        FUNCTIONS = {
            **Postgres.Parser.FUNCTIONS,
            "NOW": lambda args: exp.Anonymous(this="now", expressions=args),
            # The template as written: to_char.py and to_timestamp.py read PostgreSQL's patterns.
            "TO_CHAR": lambda args: exp.Anonymous(this="to_char", expressions=args),
            "TO_DATE": lambda args: exp.Anonymous(this="to_date", expressions=args),
            "TO_TIMESTAMP": lambda args: exp.UnixToTime(this=args[0]) if len(args) == 1
            else exp.Anonymous(this="to_timestamp", expressions=args),
            "GLOB": lambda args: exp.Anonymous(this="glob", expressions=args),
        }
        FUNCTION_PARSERS = {
            **Postgres.Parser.FUNCTION_PARSERS,
            "DATE_PART": lambda self: self._parse_marked_date_part(),
        }

        def _parse_string_as_identifier(self) -> exp.Identifier | None:
            name = super()._parse_string_as_identifier()
            if name is not None:
                name.meta[STRING_NAME] = True
            return name

        def _parse_marked_date_part(self) -> exp.Expr:
            node = self._parse_date_part()
            node.meta[DATE_PART] = True
            return node

        def _parse_type(self, parse_interval: bool = True, fallback_to_identifier: bool = False):
            if not fallback_to_identifier and self._curr is not None \
                    and self._curr.token_type in self.TYPE_TOKENS and self._curr.token_type != TokenType.INTERVAL:
                index = self._index
                data_type = self._parse_types(check_func=True, allow_identifiers=False)
                if isinstance(data_type, exp.DataType) and self._match(TokenType.STRING, advance=False):
                    text = self._parse_primary()
                    literal_parser = self.TYPE_LITERAL_PARSERS.get(data_type.this)
                    typed = literal_parser(self, text, data_type) if literal_parser \
                        else self.expression(exp.Cast(this=text, to=data_type))
                    return self._parse_column_ops(typed)
                self._retreat(index)
            return super()._parse_type(parse_interval, fallback_to_identifier)

        def _parse_interval(self, require_interval: bool = True, parse_function_unit: bool = True):
            index = self._index
            if require_interval and self._match(TokenType.INTERVAL):
                precision = self._parse_interval_precision()
                if self._match(TokenType.STRING, advance=False):
                    text = self._parse_primary()
                    fields, second_precision = self._parse_interval_fields()
                    precision = second_precision if second_precision is not None else precision
                    return self.expression(exp.Cast(this=text, to=interval_type(fields, precision)))
                self._retreat(index)
            return super()._parse_interval(require_interval, parse_function_unit)

        def _parse_types(self, check_func: bool = False, schema: bool = False, allow_identifiers: bool = True,
                         with_collation: bool = False):
            # The type of a cast: interval, interval(p), interval day to second(p), ...
            if self._curr is not None and self._curr.token_type == TokenType.INTERVAL:
                self._advance()
                precision = self._parse_interval_precision()
                fields, second_precision = self._parse_interval_fields()
                return interval_type(fields, second_precision if second_precision is not None else precision)
            return super()._parse_types(check_func=check_func, schema=schema, allow_identifiers=allow_identifiers,
                                        with_collation=with_collation)

        def _parse_interval_precision(self) -> int | None:
            index = self._index
            if self._match(TokenType.L_PAREN) and self._match(TokenType.NUMBER, advance=False):
                number = int(self._curr.text)
                self._advance()
                if self._match(TokenType.R_PAREN):
                    return number
            self._retreat(index)
            return None

        def _parse_interval_fields(self) -> tuple[str | None, int | None]:
            """PostgreSQL's opt_interval: ``DAY``, ``DAY TO MINUTE``, ``SECOND(3)``, …"""
            first = self._interval_field()
            if first is None:
                return None, None
            if first != "SECOND" and self._match_text_seq("TO"):
                last = self._interval_field()
                if last is None or _FIELDS.index(last) <= _FIELDS.index(first):
                    self.raise_error("syntax error in interval fields")
                first = f"{first} TO {last}"
            return first, self._parse_interval_precision() if first.endswith("SECOND") else None

        def _interval_field(self) -> str | None:
            if self._curr is not None and self._curr.text.upper() in _FIELDS:
                self._advance()
                return self._prev.text.upper()
            return None


def interval_type(fields: str | None, precision: int | None) -> exp.DataType:
    """PostgreSQL's ``interval [fields] [(p)]`` as a sqlglot type: fields as sqlglot
    writes them (``INTERVAL DAY TO MINUTE``), a precision as a type parameter."""
    if fields is None:
        params = [exp.DataTypeParam(this=exp.Literal.number(precision))] if precision is not None else []
        return exp.DataType(this=exp.DType.INTERVAL, expressions=params)
    first, _, last = fields.partition(" TO ")
    unit = exp.Var(this=first) if not last else exp.IntervalSpan(this=exp.Var(this=first), expression=exp.Var(this=last))
    data_type = exp.DataType(this=exp.Interval(unit=unit))
    if precision is not None:
        data_type.set("expressions", [exp.DataTypeParam(this=exp.Literal.number(precision))])
    return data_type


def interval_fields(data_type: exp.DataType) -> tuple[str | None, int | None] | None:
    """(fields, precision) of an interval type (None when it is not one): the inverse of interval_type."""
    params = data_type.expressions
    precision = int(params[0].this.name) if params and isinstance(params[0], exp.DataTypeParam) else None
    if data_type.this == exp.DType.INTERVAL:
        return None, precision
    if not isinstance(data_type.this, exp.Interval):
        return None
    unit = data_type.this.args.get("unit")
    if isinstance(unit, exp.IntervalSpan):
        return f"{unit.this.name.upper()} TO {unit.expression.name.upper()}", precision
    return (unit.name.upper() if unit is not None else None), precision
