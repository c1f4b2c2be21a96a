"""The rewrite rules of both pipelines, in order, declared once as data.

A query over tables goes through the planner's pipeline (``planner.plan_query``) and ends as a
distributed Plan; a query that reads only the catalog goes through the system pipeline
(``system_catalog.SystemCatalog``) and runs on the gateway's DuckDB over the catalog image. Both start
from the same PostgreSQL tree and share most rewrites, so there is one list, ``RULES``: each
entry names the rule, says which pipelines run it, and adapts the rule's own arguments to the
``Context`` both pipelines fill. A rule is a function tree → tree; the few analyses among them
(the output columns' types, whether the query reads the clock or the catalog image) write what
they found into the Context, which the pipeline's caller reads once the rules have run.

The order matters where a rule reads what another writes (each constraint is noted at its
rule); ``run`` applies the rules of one pipeline in this order, as sqlglot's optimizer applies
its ``RULES`` tuple.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Callable

from sqlglot import exp
from sqlglot.optimizer.annotate_types import annotate_types
from sqlglot.optimizer.normalize_identifiers import normalize_identifiers

from duckflight.gateway.planner.array_comparisons import array_comparisons
from duckflight.gateway.planner.array_literals import array_literals
from duckflight.gateway.planner.bind_parameters import bind_parameters
from duckflight.gateway.planner.bpchar_padding import bpchar_padding
from duckflight.gateway.planner.current_datetime import current_datetime, reads_clock
from duckflight.gateway.planner.datetime_constants import datetime_constants
from duckflight.gateway.planner.distribute_blocks import BROADCAST_BYTES, distribute_blocks
from duckflight.gateway.planner.duckdb_names import duckdb_names
from duckflight.gateway.planner.file_access import file_access
from duckflight.gateway.planner.function_columns import function_columns
from duckflight.gateway.planner.integer_series import integer_series
from duckflight.gateway.planner.missing_functions import function_arguments, missing_functions
from duckflight.gateway.planner.negative_constants import negative_constants
from duckflight.gateway.planner.output_names import output_names
from duckflight.gateway.planner.output_types import output_types
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
from duckflight.gateway.planner.system_sources import gateway_only, placed
from duckflight.gateway.planner.table_functions import table_functions
from duckflight.gateway.planner.text_input import text_input
from duckflight.gateway.planner.to_char import to_char
from duckflight.gateway.planner.to_timestamp import to_timestamp
from duckflight.gateway.planner.unstar_exists import unstar_exists
from duckflight.gateway.system.grouped_srfs import grouped_srfs
from duckflight.gateway.system.pg_catalog_functions import pg_catalog_functions
from duckflight.gateway.system.pg_operators import pg_operators
from duckflight.gateway.system.reg_casts import reg_casts
from duckflight.gateway.system.roles import check_role_relations
from duckflight.gateway.system.session_functions import session_functions
from duckflight.gateway.system.session_view import SessionView
from duckflight.gateway.system.signal_functions import signal_functions
from duckflight.gateway.system.system_functions import system_functions
from duckflight.gateway.system.system_relations import system_relations
from duckflight.gateway.system.text_nulls import text_nulls


class Pipeline(enum.Flag):
    """Which pipeline runs a rule: the planner's (tables, distributed) or the system catalog's."""

    PLANNER = enum.auto()
    SYSTEM = enum.auto()
    BOTH = PLANNER | SYSTEM


@dataclass
class Context:
    """What the rules read, and what the analyses among them found.

    Read: ``catalog`` (the tables), ``session`` (settings, role, backend pid), ``params``
    (bound parameters, or None when describing), ``time`` (the session's TimeZone and
    instants), ``sources`` (``system_catalog.SystemSources``: where the catalog relations are, and
    the gateway's DuckDB to ask what only it knows), ``workers`` and
    ``broadcast_bytes`` (how blocks are distributed; ``distribute`` off keeps every block on
    the gateway). Found: ``schema`` (sqlglot's schema of what the query reads), ``columns``
    (PostgreSQL's type of each output column), ``reads_clock`` and ``reads_catalog``.
    """

    catalog: object = None
    session: SessionView = field(default_factory=SessionView)
    params: list | None = None
    time: SessionTime | None = None
    sources: object = None
    workers: int = 0
    broadcast_bytes: int = BROADCAST_BYTES
    distribute: bool = True
    signal_key: str = ""  # this query's key for pg_cancel_backend/pg_terminate_backend (signal_functions)
    schema: object = None
    columns: list = field(default_factory=list)
    reads_clock: bool = False
    reads_catalog: bool = False

    pipeline: "Pipeline | None" = None  # set by ``run``

    def __post_init__(self):
        self.time = self.time or SessionTime.of(self.session)

    @property
    def probe(self):
        """The gateway's DuckDB, asked for what only DuckDB knows (``duckdb_probe.Probe``; None: ask nothing)."""
        return getattr(self.sources, "probe", None)

    @property
    def roots(self) -> list[str]:
        """The folders the session's file access may read: the tables' root."""
        root = getattr(self.catalog, "root", None)
        return [str(root)] if root else []


@dataclass(frozen=True)
class Rule:
    """One step of a pipeline: ``apply(tree, context)`` returns the rewritten tree."""

    name: str
    apply: Callable[[exp.Expression, Context], exp.Expression]
    pipelines: Pipeline = Pipeline.BOTH


def _tree_only(function) -> Callable[[exp.Expression, Context], exp.Expression]:
    return lambda tree, context: function(tree)


def _with_catalog(function) -> Callable[[exp.Expression, Context], exp.Expression]:
    return lambda tree, context: function(tree, context.catalog)


def _bind(tree, context):
    return tree if context.params is None else bind_parameters(tree, context.params)


def _check_role_relations(tree, context):
    check_role_relations(tree, context.session.role)
    return tree


def _session_functions(tree, context):
    return session_functions(tree, context.session.settings, context.session.backend_pid)


def _placed(tree, context):
    tree, context.schema = placed(tree, context.catalog, context.sources)
    context.reads_catalog = context.reads_catalog or gateway_only(tree)
    return tree


def _qualify(tree, context):
    return annotate_types(qualify_query(tree, context.catalog, context.schema), schema=context.schema,
                          dialect="postgres")


def _output_types(tree, context):
    # The system pipeline reads the image alone: its columns are typed by the image's layout,
    # never by a table of the same name.
    catalog = context.catalog if context.pipeline is Pipeline.PLANNER else None
    context.columns = output_types(tree, catalog)
    return tree


def _reads_clock(tree, context):
    context.reads_clock = reads_clock(tree)
    return tree


def _reads_catalog(tree, context):
    context.reads_catalog = context.reads_catalog or gateway_only(tree)
    return tree


def _distribute(tree, context):
    if not context.distribute:
        return tree
    return distribute_blocks(tree, context.catalog, context.broadcast_bytes, context.workers)


P, S, B = Pipeline.PLANNER, Pipeline.SYSTEM, Pipeline.BOTH

RULES: tuple[Rule, ...] = (
    Rule("file_access", lambda tree, c: file_access(tree, c.session.role, c.roots)),
    Rule("check_role_relations", _check_role_relations),  # pg_authid is a superuser's, as in PostgreSQL
    Rule("table_functions", _tree_only(table_functions)),  # after file_access, which judges file functions
    Rule("normalize_identifiers", lambda tree, c: normalize_identifiers(tree, dialect="postgres"), S),
    Rule("pg_catalog_functions", _tree_only(pg_catalog_functions)),  # before naming: pg_catalog.version() is "version"
    Rule("output_names", _tree_only(output_names)),  # before binding: $1::int[] is named int4 whatever its value
    Rule("negative_constants", _tree_only(negative_constants)),  # after naming: -2147483648 is "?column?"
    Rule("bind_parameters", _bind),
    Rule("session_functions", _session_functions),  # before qualify: USER is no column
    Rule("signal_functions", lambda tree, c: signal_functions(tree, c.signal_key), S),
    Rule("array_literals", _tree_only(array_literals)),  # after naming: '{1}'::int[] is named int4 too
    Rule("unstar_exists", _tree_only(unstar_exists), P),
    Rule("row_comparisons", _tree_only(row_comparisons), P),
    Rule("integer_series", _tree_only(integer_series), P),
    Rule("function_columns", lambda tree, c: function_columns(tree, c.probe), P),  # before qualify reads the alias
    Rule("placed", _placed, P),
    Rule("qualify_query", _qualify, P),  # qualified, then typed by sqlglot
    Rule("function_arguments", _tree_only(function_arguments)),  # while the calls are the client's
    Rule("array_comparisons", _tree_only(array_comparisons), P),
    Rule("bpchar_padding", _with_catalog(bpchar_padding), P),  # before output_types: padded parts are bpchar
    Rule("output_types", _output_types),  # before postgres_casts rewrites the casts it reads
    Rule("duckdb_names", _with_catalog(duckdb_names), P),  # after the analyses that read PostgreSQL's names
    Rule("postgres_casts", _tree_only(postgres_casts)),
    Rule("reads_clock", _reads_clock, P),
    Rule("current_datetime", lambda tree, c: current_datetime(tree, c.time), P),
    Rule("datetime_constants", _tree_only(datetime_constants), P),
    Rule("postgres_extract", _tree_only(postgres_extract), P),
    Rule("postgres_datetime", _tree_only(postgres_datetime), P),
    Rule("to_char", lambda tree, c: to_char(tree, c.time), P),
    Rule("to_timestamp", _tree_only(to_timestamp), P),
    Rule("system_functions", _tree_only(system_functions)),  # after typing
    Rule("reg_casts", _tree_only(reg_casts)),
    Rule("pg_operators", _tree_only(pg_operators)),
    Rule("reads_catalog", _reads_catalog, P),
    Rule("postgres_numeric", _tree_only(postgres_numeric), P),  # before postgres_division: numeric's is its own
    Rule("postgres_division", _tree_only(postgres_division), P),
    Rule("postgres_functions", _tree_only(postgres_functions), P),
    Rule("text_input", _tree_only(text_input), P),
    Rule("postgres_like", _tree_only(postgres_like)),  # after pg_operators: OPERATOR(pg_catalog.~~) is a LIKE
    Rule("text_nulls", _tree_only(text_nulls), S),
    Rule("grouped_srfs", _tree_only(grouped_srfs), S),
    Rule("system_relations", lambda tree, c: system_relations(tree, c.sources.relations), S),
    Rule("postgres_result_types", _tree_only(postgres_result_types), P),
    # After the rules that turn PostgreSQL's functions into DuckDB's (and the image's macros).
    Rule("missing_functions", lambda tree, c: missing_functions(tree, c.probe)),
    Rule("pushdown_scans", _with_catalog(pushdown_scans), P),
    Rule("prune_splits", _with_catalog(prune_splits), P),
    Rule("distribute_blocks", _distribute, P),
)


def run(pipeline: Pipeline, tree: exp.Expression, context: Context) -> exp.Expression:
    """Apply the rules of ``pipeline`` to a copy of ``tree``, in ``RULES``' order."""
    tree = tree.copy()
    context.pipeline = pipeline
    for rule in RULES:
        if pipeline in rule.pipelines:
            tree = rule.apply(tree, context)
    return tree


def names(pipeline: Pipeline) -> list[str]:
    """The rule names of one pipeline, in order (what EXPLAIN VERBOSE and the docs list)."""
    return [rule.name for rule in RULES if pipeline in rule.pipelines]
