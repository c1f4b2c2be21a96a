"""The planner: Postgres SQL in, a distributed Plan out.

``parse`` reads one statement (Postgres dialect; ANY/ALL/SOME quantifiers; long IN lists of
parameters as one node); ``plan_query`` runs the planner's rewrite rules on it, in the order
``rules.RULES`` declares (the system catalog's pipeline shares that list), then cuts the tree
into stages (``cut_stages``).
"""

from __future__ import annotations

import functools

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.dialect import token_error
from duckflight.gateway.core.params import BoundParam
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.array_comparisons import quantifiers
from duckflight.gateway.planner.cut_stages import cut_stages
from duckflight.gateway.planner.dialect import PostgresInput
from duckflight.gateway.planner import rules
from duckflight.gateway.planner.distribute_blocks import BROADCAST_BYTES
from duckflight.gateway.planner.output_names import TEXT
from duckflight.gateway.planner.plan import Plan
from duckflight.gateway.planner.parameter_lists import parameter_lists
from duckflight.gateway.planner.rules import Context, Pipeline
from duckflight.gateway.system.reg_casts import qualify_alias_arrays
from duckflight.gateway.system.session_view import SessionView


# Meta key of a parsed statement's source text.
SOURCE = "source"


def parse(sql: str) -> exp.Expression:
    """One Postgres statement as a sqlglot tree (a fresh copy); syntax errors are 42601."""
    return _parsed(sql).copy()


@functools.lru_cache(maxsize=256)
def _parsed(sql: str) -> exp.Expression:
    # Drivers send the same statements again and again, and each is parsed for
    # Describe and again for Execute: parsing costs a millisecond or more.
    text = qualify_alias_arrays(sql)
    try:
        expressions = [e for e in sqlglot.parse(text, read=PostgresInput) if e is not None]
    except TokenError as error:
        raise token_error(sql, error) from error
    except ParseError as error:
        raise syntax_error(sql, error) from error
    if len(expressions) != 1:
        raise SqlError("42601", "cannot run several statements as one")
    expressions[0] = parameter_lists(quantifiers(expressions[0]))
    # The text it came from keys the engine's plan cache (cheaper than writing
    # the tree out again); nothing changes a parsed tree before it is planned.
    expressions[0].meta[SOURCE] = sql
    expressions[0].meta[TEXT] = text  # output_names reads how functions were spelled
    return expressions[0]


def syntax_error(sql: str, error: ParseError) -> SqlError:
    """PostgreSQL's wording: syntax error at or near the offending token."""
    info = error.errors[0] if error.errors else {}
    near = (info.get("highlight") or "").strip()
    position = _position(sql, info.get("line"), info.get("col"), near)
    if not near:
        return SqlError("42601", "syntax error at end of input", position=len(sql) + 1)
    return SqlError("42601", f'syntax error at or near "{near}"', position=position)


def _position(sql: str, line, col, near: str) -> int | None:
    """1-based character position of the offending token, as PostgreSQL reports it."""
    if not line or not col:
        return None
    lines = sql.split("\n")
    offset = sum(len(l) + 1 for l in lines[: line - 1]) + col - len(near)
    return max(offset, 0) + 1


def plan_query(
    expression: exp.Expression,
    catalog: Catalog,
    workers: list[str],
    query_id: str,
    params: list[BoundParam] | None = None,
    distribute: bool = True,
    broadcast_bytes: int = BROADCAST_BYTES,
    sources=None,
    session: SessionView | None = None,
) -> Plan:
    """Plan one query (a SELECT, set operation or VALUES) for these workers.

    With ``distribute`` off, only scans run on workers (every block is
    finished on the gateway): the plan to compare a distributed one against.
    ``sources`` (``system_catalog.SystemSources``) places the catalog relations the
    query reads; ``session`` gives the session functions their values, and the
    TimeZone and clock the query's dates and times follow (``session_time``).
    """
    context = Context(catalog, session or SessionView(), params, sources=sources, workers=len(workers),
                      broadcast_bytes=broadcast_bytes, distribute=distribute)
    tree = rules.run(Pipeline.PLANNER, expression, context)
    plan = cut_stages(tree, catalog, workers, query_id)
    plan.output_types = context.columns
    plan.time_zone, plan.reads_clock = context.time.time_zone, context.reads_clock
    for _, fragment, _ in plan.fragments():
        fragment.time_zone = context.time.time_zone
    plan.reads_catalog = context.reads_catalog
    return plan
