"""The planner pipeline: Postgres SQL in, a distributed Plan out.

parse (Postgres dialect; ANY/ALL/SOME quantifiers; long IN lists of parameters as one node) →
the session's file access → pg_catalog.f() as f() → PostgreSQL output names → bind parameters → session functions as
constants → array constants → EXISTS without stars → row comparisons → integer series →
DuckDB's columns of a function in FROM → catalog relations from the gateway's image → qualify
against the catalog → annotate types → the argument types of each call →
string operands of ANY/ALL as arrays → (read the output columns' PostgreSQL types) → names
DuckDB tells apart → PostgreSQL casts → the session's clock → date/time constants → EXTRACT →
date/time operators → to_char → to_timestamp → the catalog's functions and casts → PostgreSQL
numeric → PostgreSQL division → PostgreSQL functions → text input → PostgreSQL LIKE →
PostgreSQL result types → calls of functions DuckDB lacks refused → push scans down →
prune splits → distribute blocks → cut into stages. Each step is a rule module of its own.
"""

from __future__ import annotations

import functools

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.optimizer.annotate_types import annotate_types

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.dialect import token_error
from duckflight.gateway.pgwire.backend import BoundParam, SqlError
from duckflight.gateway.planner.array_comparisons import array_comparisons, quantifiers
from duckflight.gateway.planner.array_literals import array_literals
from duckflight.gateway.planner.bind_parameters import bind_parameters
from duckflight.gateway.planner.current_datetime import current_datetime, reads_clock
from duckflight.gateway.planner.cut_stages import cut_stages
from duckflight.gateway.planner.datetime_constants import datetime_constants
from duckflight.gateway.planner.dialect import PostgresInput
from duckflight.gateway.planner.duckdb_names import duckdb_names
from duckflight.gateway.planner.file_access import file_access
from duckflight.gateway.planner.function_columns import function_columns
from duckflight.gateway.planner.missing_functions import function_arguments, missing_functions
from duckflight.gateway.planner.table_functions import table_functions
from duckflight.gateway.planner.distribute_blocks import BROADCAST_BYTES, distribute_blocks
from duckflight.gateway.planner.integer_series import integer_series
from duckflight.gateway.planner.negative_constants import negative_constants
from duckflight.gateway.planner.output_names import TEXT, output_names
from duckflight.gateway.planner.plan import Plan
from duckflight.gateway.planner.output_types import output_types
from duckflight.gateway.planner.bpchar_padding import bpchar_padding
from duckflight.gateway.planner.parameter_lists import parameter_lists
from duckflight.gateway.planner.postgres_casts import postgres_casts
from duckflight.gateway.planner.postgres_datetime import postgres_datetime
from duckflight.gateway.planner.postgres_division import postgres_division
from duckflight.gateway.planner.postgres_extract import postgres_extract
from duckflight.gateway.planner.postgres_functions import postgres_functions
from duckflight.gateway.planner.postgres_like import postgres_like
from duckflight.gateway.planner.postgres_numeric import postgres_numeric
from duckflight.gateway.planner.postgres_result_types import postgres_result_types
from duckflight.gateway.planner.prune_splits import prune_splits
from duckflight.gateway.planner.pushdown_scans import pushdown_scans
from duckflight.gateway.planner.qualify_query import qualify_query
from duckflight.gateway.planner.row_comparisons import row_comparisons
from duckflight.gateway.planner.session_time import SessionTime
from duckflight.gateway.planner.system_sources import gateway_only, placed, system_calls
from duckflight.gateway.planner.text_input import text_input
from duckflight.gateway.planner.to_char import to_char
from duckflight.gateway.planner.to_timestamp import to_timestamp
from duckflight.gateway.planner.unstar_exists import unstar_exists
from duckflight.gateway.system.pg_catalog_functions import pg_catalog_functions
from duckflight.gateway.system.reg_casts import qualify_alias_arrays
from duckflight.gateway.system.session_functions import session_functions
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
    ``sources`` (``system.SystemSources``) places the catalog relations the
    query reads; ``session`` gives the session functions their values, and the
    TimeZone and clock the query's dates and times follow (``session_time``).
    """
    session = session or SessionView()
    time = SessionTime.of(session)
    tree = file_access(expression.copy(), session.role, [str(catalog.root)] if catalog.root else [])
    tree = table_functions(tree)  # after file_access, which judges DuckDB's file functions
    tree = pg_catalog_functions(tree)  # before naming: pg_catalog.version() is "version"
    tree = output_names(tree)  # before binding: $1::int[] is named int4 whatever its value
    tree = negative_constants(tree)  # after naming: -2147483648 is "?column?", not int4
    if params is not None:
        tree = bind_parameters(tree, params)
    tree = session_functions(tree, session.settings, session.backend_pid)  # before qualify: USER is no column
    tree = array_literals(tree)  # after naming: '{1}'::int[] is named int4 too
    tree = unstar_exists(tree)
    tree = row_comparisons(tree)
    tree = integer_series(tree)
    probe = sources.probe if sources is not None else None
    tree = function_columns(tree, probe)  # before qualify, which reads the alias's columns
    tree, schema = placed(tree, catalog, sources)
    reads_catalog = gateway_only(tree)
    tree = qualify_query(tree, catalog, schema)
    tree = annotate_types(tree, schema=schema, dialect="postgres")
    tree = function_arguments(tree)  # while the calls are the client's
    tree = array_comparisons(tree)
    tree = bpchar_padding(tree, catalog)  # before output_types: padded parts are bpchar
    columns = output_types(tree, catalog)  # before postgres_casts rewrites the casts it reads
    tree = duckdb_names(tree, catalog)  # after the analyses that read PostgreSQL's names
    tree = postgres_casts(tree)
    clock = reads_clock(tree)
    tree = current_datetime(tree, time)
    tree = datetime_constants(tree)
    tree = postgres_extract(tree)
    tree = postgres_datetime(tree)
    tree = to_char(tree, time)
    tree = to_timestamp(tree)
    tree = system_calls(tree)
    reads_catalog = reads_catalog or gateway_only(tree)
    tree = postgres_numeric(tree)  # before postgres_division: numeric division is its own
    tree = postgres_division(tree)
    tree = postgres_functions(tree)
    tree = text_input(tree)
    tree = postgres_like(tree)
    tree = postgres_result_types(tree)
    tree = missing_functions(tree, probe)  # after the rules that turn PostgreSQL's functions into DuckDB's
    tree = pushdown_scans(tree, catalog)
    tree = prune_splits(tree, catalog)
    if distribute:
        tree = distribute_blocks(tree, catalog, broadcast_bytes, len(workers))
    plan = cut_stages(tree, catalog, workers, query_id)
    plan.output_types = columns
    plan.time_zone, plan.reads_clock = time.time_zone, clock
    for _, fragment, _ in plan.fragments():
        fragment.time_zone = time.time_zone
    plan.reads_catalog = reads_catalog
    return plan
