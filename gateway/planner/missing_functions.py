"""Rule: a call of a function DuckDB does not have is 42883 in PostgreSQL's words.

PostgreSQL looks a call up by its name and argument types (ParseFuncOrColumn) and, finding
none, answers ``function getenv(unknown) does not exist`` with the HINT "No function matches
the given name and argument types. You might need to add explicit type casts.", the types
as format_type prints them (a string constant or NULL is ``unknown``). DuckDB answers
``Scalar Function with name getenv does not exist! Did you mean "get_current_time"?``,
suggesting a function of its own that PostgreSQL does not have. Two steps:

- ``function_arguments``, once the tree is typed and its calls are still the client's:
  each call sqlglot does not know (an ``Anonymous``) is marked with its argument types;
- ``missing_functions``, after the rules that turn PostgreSQL's functions into DuckDB's
  (those rewritten are no longer marked): a marked call whose name the gateway's DuckDB
  does not have, macros included (``duckdb_probe``), is refused.

Without types (the system catalog's pipeline, which does not type the tree), a call is
refused by name alone. A function DuckDB has under a name PostgreSQL does not is not this
rule's business.

>>> import sqlglot, duckdb
>>> from duckflight.gateway.planner.duckdb_probe import Probe
>>> tree = function_arguments(sqlglot.parse_one("select getenv('HOME'), lower('A')", read="postgres"))
>>> missing_functions(tree, Probe(duckdb.connect()))
Traceback (most recent call last):
...
duckflight.gateway.core.sql_error.SqlError: function getenv(unknown) does not exist
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.errors import NO_FUNCTION_HINT
from duckflight.gateway.core.pg_types import type_name
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.duckdb_probe import Probe

# Meta key of a client's call: its argument types as PostgreSQL prints them.
ARGUMENTS = "pg_arguments"


def function_arguments(tree: exp.Expression) -> exp.Expression:
    """``tree`` with each ``Anonymous`` call marked with its argument types, where they are
    known: typed by annotate_types, or constants."""
    for call in tree.find_all(exp.Anonymous):
        arguments = argument_types(call)
        if arguments is not None:
            call.meta[ARGUMENTS] = arguments
    return tree


def argument_types(call: exp.Func) -> str | None:
    """The argument types of ``call`` as PostgreSQL prints them, None where one is not known."""
    arguments = [a for a in call.iter_expressions() if not isinstance(a, exp.DataType)]
    if any(_untyped(a) for a in arguments):
        return None
    return ", ".join(_type_name(a) for a in arguments)


def missing_functions(tree: exp.Expression, probe: Probe | None) -> exp.Expression:
    """``tree`` unchanged, or 42883 for its first call of a function ``probe``'s DuckDB lacks
    (nothing is checked without a probe)."""
    if probe is None:
        return tree
    known = probe.functions()
    for call in tree.find_all(exp.Anonymous, bfs=False):
        if _unknown(call, known):
            inner = _innermost(call, known)
            raise missing(inner.name, inner)
    return tree


def _unknown(call: exp.Anonymous, known: frozenset[str]) -> bool:
    return isinstance(call.this, str) and call.name.lower() not in known


def _innermost(call: exp.Anonymous, known: frozenset[str]) -> exp.Anonymous:
    """PostgreSQL looks a call's arguments up before the call: the first unknown one inside."""
    inner = next((c for c in call.find_all(exp.Anonymous, bfs=False) if c is not call and _unknown(c, known)), None)
    return call if inner is None else _innermost(inner, known)


def missing(name: str, call: exp.Func) -> SqlError:
    """PostgreSQL's error for a call of ``name`` no function matches."""
    arguments = call.meta[ARGUMENTS] if ARGUMENTS in call.meta else argument_types(call)
    shown = f"{name.lower()}({arguments})" if arguments is not None else name.lower()
    return SqlError("42883", f"function {shown} does not exist", hint=NO_FUNCTION_HINT)


def _untyped(argument: exp.Expression) -> bool:
    """An argument whose type is not known: the tree was not typed, and it is no constant."""
    while isinstance(argument, (exp.Paren, exp.Kwarg)):
        argument = argument.this if isinstance(argument, exp.Paren) else argument.expression
    constant = (exp.Literal, exp.Null, exp.Boolean, exp.Cast, exp.TryCast, exp.Parameter, exp.Placeholder)
    return argument.type is None and not isinstance(argument, constant)


def _type_name(argument: exp.Expression) -> str:
    # infer_parameters qualifies, which imports the system package, which imports this module
    from duckflight.gateway.planner.infer_parameters import CAST_OIDS, oid_of, pg_type

    while isinstance(argument, exp.Paren):
        argument = argument.this
    if isinstance(argument, exp.Kwarg):  # foo(x => 1): PostgreSQL prints the name too
        return f"{argument.this.name} => {_type_name(argument.expression)}"
    if isinstance(argument, exp.Boolean):
        return "boolean"
    kind = pg_type(argument)
    if kind is None:
        return "unknown"
    if isinstance(argument, (exp.Cast, exp.TryCast)) and isinstance(kind.this, exp.DataType.Type):
        return type_name(CAST_OIDS.get(kind.this, oid_of(kind)))  # a cast names varchar, bpchar
    return type_name(oid_of(kind))
