"""Rule: casts to PostgreSQL's OID alias types (regclass, regtype, ...) and catalog types.

An OID alias value is a number that prints as a name. The image keeps OIDs as
BIGINT, so a cast of a name (``'orders'::regclass``) becomes the lookup of its
OID, and a cast of an OID (``c.oid::regclass``) becomes its name, which is how
clients use them. ``oid``, ``name``, ``"char"`` and ``pg_catalog.``-qualified
types become the DuckDB types the image stores them as; arrays of them alike.

sqlglot cannot parse an unqualified alias type with array brackets (asyncpg's
``$1::oid[]``), but parses ``pg_catalog.oid[]``, which means the same:
``qualify_alias_arrays`` writes it so before parsing.

>>> import sqlglot
>>> reg_casts(sqlglot.parse_one("select c.oid::regclass, x::oid", read="postgres")).sql("duckdb")
'SELECT catalog_image.pg.regclass_name(c.oid), CAST(x AS BIGINT)'
>>> qualify_alias_arrays("select $1::oid[], 'x::oid[]'")
"select $1::pg_catalog.oid[], 'x::oid[]'"
>>> reg_casts(sqlglot.parse_one(qualify_alias_arrays("select $1::oid[]"), read="postgres")).sql("duckdb")
'SELECT CAST($1 AS BIGINT[])'
"""

from __future__ import annotations

import re

from sqlglot import exp
from sqlglot.tokens import TokenType

from duckflight.gateway.dialect import tokenize
from duckflight.gateway.system.system_functions import qualified

# alias type -> (function from a name to the OID, function from the OID to the name, error if none)
ALIASES = {
    "regclass": ("to_regclass", "regclass_name", 'relation "{}" does not exist'),
    "regtype": ("to_regtype", "regtype_name", 'type "{}" does not exist'),
    "regnamespace": ("to_regnamespace", "regnamespace_name", 'schema "{}" does not exist'),
    "regrole": ("to_regrole", "regrole_name", 'role "{}" does not exist'),
}
# Functions of names: their value cast to regclass is looked up, not printed.
TEXT_FUNCTIONS = {"pg_get_serial_sequence", "quote_ident", "format", "concat", "concat_ws"}
# Catalog types the image stores as other DuckDB types.
STORED_AS = {
    "oid": "BIGINT", "xid": "BIGINT", "cid": "BIGINT", "name": "VARCHAR", "char": "VARCHAR",
    "regproc": "VARCHAR", "regprocedure": "VARCHAR", "pg_node_tree": "VARCHAR", "int2vector": "SMALLINT[]",
    "oidvector": "BIGINT[]", "text": "VARCHAR", "int2": "SMALLINT", "int4": "INTEGER", "int8": "BIGINT",
    "bool": "BOOLEAN", "float4": "REAL", "float8": "DOUBLE", "varchar": "VARCHAR", "aclitem": "VARCHAR",
}


# Comparisons of OID alias values compare the OIDs, as PostgreSQL's do.
COMPARISONS = (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.NullSafeEQ, exp.NullSafeNEQ, exp.In)


def reg_casts(tree: exp.Expression) -> exp.Expression:
    for cast in reversed(list(tree.find_all(exp.Cast))):  # innermost first
        name, array = type_name(cast.to)
        if name in ALIASES:
            cast.replace(_alias_array(cast.this, name) if array
                         else _alias(cast.this, name, _compared(cast) or _to_oid(cast), _printed(cast)))
        elif name in ("regproc", "regprocedure") and cast.this.is_string and _to_oid(cast):
            # 'f'::regproc::oid (pgspecial's \sf): the function's OID
            error = exp.Anonymous(this="error", expressions=[exp.Literal.string(f'function "{cast.this.name}" does not exist')])
            cast.replace(exp.Coalesce(this=qualified(f"to_{name}", [cast.this.copy()]), expressions=[error]))
        elif name in ("regproc", "regprocedure") and cast.this.is_string:
            cast.replace(exp.Literal.string(cast.this.name.removeprefix("pg_catalog.")))
        elif name in STORED_AS:
            target = exp.DataType.build(STORED_AS[name] + ("[]" if array else ""), dialect="duckdb")
            cast.set("to", target)
    return tree


def _is_text(value: exp.Expression) -> bool:
    """Whether the value cast to an alias type is a name (text) rather than an OID."""
    while isinstance(value, (exp.Dot, exp.Paren)):  # an image function: catalog_image.pg.f(...)
        value = value.expression if isinstance(value, exp.Dot) else value.this
    if value.is_string or isinstance(value, exp.DPipe):
        return True
    if isinstance(value, exp.Cast):
        return value.to.is_type("text", "varchar", "name") or type_name(value.to)[0] in ("text", "name", "varchar")
    return isinstance(value, exp.Anonymous) and value.name.lower() in TEXT_FUNCTIONS


def type_name(to: exp.Expression) -> tuple[str | None, bool]:
    """The lower-case name of a cast's target without ``pg_catalog.``, and whether it is an array."""
    if isinstance(to, exp.DataType) and to.this == exp.DataType.Type.ARRAY and to.expressions:
        return type_name(to.expressions[0])[0], True
    if isinstance(to, exp.ObjectIdentifier):
        return to.name.lower(), False
    if isinstance(to, exp.DataType) and to.this == exp.DataType.Type.USERDEFINED:
        kind = to.args.get("kind")
        name = kind.expression.name if isinstance(kind, exp.Dot) else (kind.name if kind is not None else "")
        return name.lower(), False
    if isinstance(to, exp.DataType) and to.this == exp.DataType.Type.NAME:
        return "name", False
    return None, False


def _to_oid(cast: exp.Cast) -> bool:
    """Whether the cast is cast on to oid: its value is the OID, not the text the image stores."""
    return isinstance(cast.parent, exp.Cast) and type_name(cast.parent.to)[0] == "oid"


def _compared(cast: exp.Cast) -> bool:
    parent = cast.parent
    while isinstance(parent, exp.Paren):
        parent = parent.parent
    return isinstance(parent, COMPARISONS)


def _alias(value: exp.Expression, name: str, compared: bool = False, printed: bool = False) -> exp.Expression:
    """The value as its name (how it prints), or as its OID when ``compared`` (or cast to oid);
    a name looked up stays its OID (an argument of a catalog function) unless ``printed``."""
    to_oid, to_name, missing = ALIASES[name]
    if _is_text(value) and not value.is_string:
        return qualified(to_oid, [value])  # a computed name: NULL when there is no such object
    if value.is_string and value.name.strip().isdigit():  # an OID, taken as it is (regtypein ...)
        value = exp.Literal.number(int(value.name))
    elif value.is_string:
        text = value.name.removeprefix("pg_catalog.") if name == "regtype" else value.name
        found = qualified(to_oid, [exp.Literal.string(text)])
        shown = name_parts(text) if name == "regclass" else text
        error = exp.Anonymous(this="error", expressions=[exp.Literal.string(missing.format(shown))])
        oid = exp.Coalesce(this=found, expressions=[error])
        return qualified(to_name, [oid]) if printed else oid
    return exp.cast(value, "BIGINT") if compared else qualified(to_name, [value])


def _printed(cast: exp.Cast) -> bool:
    """Whether the alias value is shown rather than used: an output column, or cast to text."""
    node, parent = cast, cast.parent
    while isinstance(parent, (exp.Paren, exp.Alias)):
        node, parent = parent, parent.parent
    if isinstance(parent, exp.Select):
        return node in parent.expressions
    if isinstance(parent, exp.DPipe):
        return True
    return isinstance(parent, exp.Cast) and type_name(parent.to)[0] != "oid" and parent.to.is_type("text", "varchar", "name")


def name_parts(text: str) -> str:
    """A possibly qualified name as PostgreSQL reads it: unquoted parts in lower case, quoted
    ones as written, joined by dots (what ``functions.NAME_PARTS`` computes in SQL)."""
    parts = re.findall(r'"(?:[^"]|"")*"|[^."]+', text)
    return ".".join(p[1:-1].replace('""', '"') if p.startswith('"') else p.lower() for p in parts)


def _alias_array(value: exp.Expression, name: str) -> exp.Expression:
    """An array cast to an alias type: each element cast as ``_alias`` casts one."""
    if isinstance(value, exp.Array) and all(e.is_string or isinstance(e, exp.Null) for e in value.expressions):
        # '{orders,lineitem}'::regclass[], as array_literals reads it: names, each looked up
        return exp.Array(expressions=[e if isinstance(e, exp.Null) else _alias(e, name) for e in value.expressions])
    return qualified(ALIASES[name][1] + "s", [value])  # an array of OIDs: each printed as its name


_MAYBE = re.compile(r"\b(oid|reg[a-z]+)\s*\[", re.I)


def qualify_alias_arrays(sql: str) -> str:
    """``::oid[]`` and ``AS regtype[]`` (a cast to an array of an unqualified alias type)
    as ``pg_catalog.oid[]``, which sqlglot parses; all other text stays as it is."""
    if not _MAYBE.search(sql):
        return sql
    tokens = tokenize(sql)
    starts = [t.start for prev, t, nxt in zip(tokens, tokens[1:], tokens[2:])
              if t.token_type == TokenType.OBJECT_IDENTIFIER and nxt.token_type == TokenType.L_BRACKET
              and prev.token_type in (TokenType.DCOLON, TokenType.ALIAS)]
    for start in reversed(starts):
        sql = sql[:start] + "pg_catalog." + sql[start:]
    return sql
