"""The distributed plan: a tree of stages joined by exchanges, and its EXPLAIN text.

A Plan's root is the final stage, which the gateway runs in its own DuckDB. Every other
stage runs on the workers as fragments, one per worker, each over its own share of the
data. A stage holds its children: the ``Exchange`` nodes through which it reads other
stages, each holding the stage below it. So the plan reads from the root down, as
EXPLAIN prints it, and a stage runs once the stages below it have (``Plan.waves``).

An exchange marks a network boundary (``Move``):

* gather: every fragment's rows go to the gateway, which reads them as the stage's relation;
* broadcast: every row goes to every worker, for the stages that read it;
* shuffle: each fragment hashes its rows on a key into one bucket per worker and sends
  each bucket straight to its worker; the stage reading it runs one fragment per worker,
  over that worker's buckets.

A stage also reads catalog tables itself, where no rows move (``TableRead``, ``Read``):
split by split (its fragments share the table's splits), by key ranges (sorted tables
co-partitioned by ranges of the join key, each fragment reading the splits of its range)
or whole on every worker (a small table).

What a stage's fragments give is its ``Shape`` (rows, whole groups, partial aggregates),
with a ``TopN`` when each keeps only its first rows: the final stage merges by it, and
the engine streams a stage only when its rows need no merging (``streamed_stage``).

Data that crosses the network is read under the name ``relation`` gives. The name holds
no query id: a worker keeps the tables put on it per query (the fragment's ``query_id``),
so a cached plan runs again under another query id with only that id changed
(``Plan.for_query``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from duckflight.protos import fragment_pb2


def relation(stage_id: int, bucket: int | None = None) -> str:
    """The name a stage's output is read as: on the gateway (gather), on every worker
    (broadcast), or, with ``bucket``, bucket i of a shuffle on the worker that owns it.

    Bucket tables are named per bucket, so that a fragment run on the wrong worker fails
    instead of reading another worker's bucket. Workers scope every name by query
    (``worker/tables.py``), so two queries' stage 1 never meet.

    >>> relation(3), relation(3, bucket=0)
    ('__stage_3', '__stage_3_b0')
    """
    name = f"__stage_{stage_id}"
    return name if bucket is None else f"{name}_b{bucket}"


class Move(Enum):
    """How an exchange moves a stage's rows to the stage that reads them."""

    GATHER = "gather"  # every row to the gateway
    BROADCAST = "broadcast"  # every row to every worker
    SHUFFLE = "shuffle"  # each row to the worker of its key's bucket, hash(key) % workers


class Read(Enum):
    """How a stage's fragments read a catalog table themselves (no rows move)."""

    SPLITS = "splits"  # the fragments share its splits, each reading its own
    KEY_RANGES = "key ranges"  # each fragment reads the splits that meet its range of a sorted key
    WHOLE = "whole"  # every fragment reads all of it (a small table, read in place)


class Kind(Enum):
    FINAL = "final"  # the root: the gateway's DuckDB runs it over the gathered stages
    SCAN = "scan"  # one table's rows, filtered and projected
    BLOCK = "block"  # a whole query block (joins, aggregates) over its tables' data


class Shape(Enum):
    """What a stage's fragments give the stage above them."""

    ROWS = "rows"  # rows, ready as they are
    WHOLE_GROUPS = "whole groups"  # finished groups: every group is on one worker
    PARTIAL_AGGREGATE = "partial aggregate"  # per-fragment partials the final stage merges


@dataclass(frozen=True)
class TopN:
    """Each fragment keeps only its first ``n`` rows, in the query's order when ``ordered``."""

    n: int
    ordered: bool

    def __str__(self) -> str:
        return f"{'top' if self.ordered else 'first'} {self.n}"


@dataclass(frozen=True)
class TableRead:
    """A catalog table a stage's fragments read themselves, as relation ``name``."""

    how: Read
    table: str
    name: str
    key: str | None = None  # the sorted key of a read by key ranges


@dataclass(eq=False)  # stages are compared by identity
class Stage:
    """One piece of DuckDB SQL: on the gateway (the final stage), or run in parallel as
    fragments on the workers, whose output the stage above reads as ``name``."""

    id: int  # 0 for the final stage; workers' stages from 1
    kind: Kind
    sql: str  # DuckDB SQL every fragment runs (the final stage: the gateway)
    table: str = ""  # the table the stage is over (its scan, or its block's largest)
    shape: Shape = Shape.ROWS
    top_n: TopN | None = None
    inputs: list["Exchange"] = field(default_factory=list)  # the stages it reads, each through its exchange
    reads: list[TableRead] = field(default_factory=list)  # the tables its fragments read themselves
    columns: list[tuple[str, str]] = field(default_factory=list)  # scan output (name, DuckDB type)
    fragments: list[fragment_pb2.Fragment] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)  # worker address per fragment
    owns: list[str] = field(default_factory=list)  # per fragment, the keys it owns (key ranges)

    @property
    def name(self) -> str:
        return relation(self.id)

    def below(self) -> list["Stage"]:
        """Every stage under this one, each once, children before their parents."""
        seen: dict[int, Stage] = {}

        def visit(stage: Stage) -> None:
            for exchange in stage.inputs:
                if exchange.stage.id not in seen:
                    visit(exchange.stage)
                    seen[exchange.stage.id] = exchange.stage

        visit(self)
        return list(seen.values())


@dataclass(eq=False)
class Exchange:
    """A network boundary: ``stage``'s rows move to the stage(s) reading them.

    One node per stage: every stage reading it holds the same node."""

    move: Move
    stage: Stage  # the stage whose rows it moves
    key: str | None = None  # the column a shuffle hashes
    workers: int = 0  # how many workers a broadcast or shuffle sends to


@dataclass
class Plan:
    """A query's tree of stages, the final stage at the root, and how to run it."""

    query_id: str
    final: Stage
    cache_key: tuple | None = None  # set by the engine's plan cache
    catalog: object = field(default=None, repr=False, compare=False)  # the Catalog it was planned over (engine)
    # PostgreSQL's type modifier (and varchar/bpchar) per output column: planner/output_types.py.
    output_types: list = field(default_factory=list)
    # The stage the final stage may read as a stream (see cut_stages.streamed_stage), by id.
    streamed: int | None = None
    # Whether the final stage treats each row of the streamed stage alone, so that it may run
    # over the stream a piece at a time (cut_stages.row_local; gateway/stream_pieces.py).
    in_pieces: bool = False
    # The session's TimeZone the final stage runs in (every fragment carries it too).
    time_zone: str = "UTC"
    # Whether the SQL holds the session's clock (now(), current_date, ...): such a plan
    # is good for its own statement only (planner/current_datetime.py).
    reads_clock: bool = False
    # Whether the final SQL reads the catalog image (planner/system_sources.py): the session's
    # relations must then be registered on its cursor (SystemCatalog.register).
    reads_catalog: bool = False

    @property
    def stages(self) -> list[Stage]:
        """The stages that run on workers, by id."""
        return sorted(self.final.below(), key=lambda s: s.id)

    def gathered(self) -> list[Stage]:
        """The stages whose rows the final stage reads (gathered to the gateway)."""
        return [exchange.stage for exchange in self.final.inputs]

    def exchanges(self) -> list[Exchange]:
        """Every exchange of the plan, once each."""
        nodes = {id(x): x for s in [self.final, *self.stages] for x in s.inputs}
        return list(nodes.values())

    def fragments(self, stages: list[Stage] | None = None):
        """Every (stage, fragment, worker address) of these stages (default: all)."""
        for stage in self.stages if stages is None else stages:
            for fragment, worker in zip(stage.fragments, stage.workers):
                yield stage, fragment, worker

    def moves_rows_between_workers(self) -> bool:
        """Whether any stage leaves rows on workers for another (broadcast, shuffle)."""
        return any(x.move is not Move.GATHER for x in self.exchanges())

    def waves(self) -> list[list[Stage]]:
        """Stages in the order they can run: each wave needs only earlier waves."""
        stages = self.stages
        done: set[int] = set()
        waves = []
        while len(done) < len(stages):
            wave = [s for s in stages if s.id not in done and all(x.stage.id in done for x in s.inputs)]
            waves.append(wave)
            done.update(s.id for s in wave)
        return waves

    def for_query(self, query_id: str) -> "Plan":
        """This plan to run as another query: the same tree, its fragments carrying ``query_id``.

        Nothing else names the query (see ``relation``); the original is left as it is,
        ready for the next run.
        """
        copies: dict[int, Stage] = {}
        nodes: dict[int, Exchange] = {}

        def copy(stage: Stage) -> Stage:
            if stage.id not in copies:
                fragments = []
                for original in stage.fragments:
                    fragment = fragment_pb2.Fragment()
                    fragment.CopyFrom(original)
                    fragment.query_id = query_id
                    fragments.append(fragment)
                copies[stage.id] = replace(stage, inputs=[node(x) for x in stage.inputs], fragments=fragments)
            return copies[stage.id]

        def node(exchange: Exchange) -> Exchange:
            if id(exchange) not in nodes:
                nodes[id(exchange)] = replace(exchange, stage=copy(exchange.stage))
            return nodes[id(exchange)]

        return replace(self, query_id=query_id, final=copy(self.final), cache_key=None)


def explain(plan: Plan, analyze: dict | None = None) -> str:
    """The plan as an indented tree, the final stage at the top, each exchange a node
    above the stage whose rows it moves.

    ``analyze`` maps (stage id, fragment id) to measured figures, for EXPLAIN ANALYZE.
    """
    final = plan.final
    lines = [f"Stage 0 [final, on gateway]: reads {', '.join(x.stage.name for x in final.inputs) or 'no stage'}",
             f"  SQL: {final.sql}"]
    for exchange in final.inputs:
        _explain_exchange(exchange, 1, lines, analyze)
    return "\n".join(lines)


def _explain_exchange(exchange: Exchange, depth: int, lines: list[str], analyze) -> None:
    pad = "    " * depth
    stage = exchange.stage
    lines.append(f"{pad}-> Exchange {_exchange_text(exchange)} as {stage.name}")
    lines.append(f"{pad}     Stage {stage.id} [{_stage_text(stage)}]: {len(stage.fragments)} fragment(s)")
    lines.append(f"{pad}       SQL: {stage.sql}")
    whole = {r.name for r in stage.reads if r.how is Read.WHOLE}
    for fragment, worker in zip(stage.fragments, stage.workers):
        splits = "; ".join(", ".join(_split_text(s) for s in scan.splits) + (f" where {scan.filter}" if scan.filter else "")
                           for scan in fragment.scans if scan.name not in whole)
        if stage.owns:
            splits = f"keys {stage.owns[fragment.fragment_id]}: {splits}"
        figures = ""
        if analyze is not None and (stage.id, fragment.fragment_id) in analyze:
            figures = "  " + analyze[(stage.id, fragment.fragment_id)]
        lines.append(f"{pad}       Fragment {fragment.fragment_id} on {worker}: {splits}{figures}")
    for child in stage.inputs:
        _explain_exchange(child, depth + 1, lines, analyze)


def _exchange_text(exchange: Exchange) -> str:
    """``gather``, ``broadcast to 2 workers``, ``shuffle on l_orderkey into 2 buckets``."""
    if exchange.move is Move.SHUFFLE:
        return f"shuffle on {exchange.key} into {exchange.workers} buckets"
    if exchange.move is Move.BROADCAST:
        return f"broadcast to {exchange.workers} workers"
    return exchange.move.value


def _stage_text(stage: Stage) -> str:
    """What a stage is: ``scan orders``, or ``block over lineitem, co-partitioned on …,
    partial aggregate, reads customer whole on every worker``."""
    if stage.kind is Kind.SCAN:
        return f"scan {stage.table}"
    parts = [f"block over {stage.table}"]
    shuffled = [x for x in stage.inputs if x.move is Move.SHUFFLE]
    ranges = [r for r in stage.reads if r.how is Read.KEY_RANGES]
    if shuffled:
        parts.append("co-partitioned on " + ", ".join(f"{x.stage.table}.{x.key}" for x in shuffled))
    elif ranges:
        parts.append("co-partitioned on " + ", ".join(f"{r.table}.{r.key}" for r in ranges) + " by key ranges")
    parts.append(stage.shape.value)
    if stage.top_n is not None:
        parts.append(str(stage.top_n))
    whole = [r.name for r in stage.reads if r.how is Read.WHOLE]
    if whole:
        parts.append(f"reads {', '.join(whole)} whole on every worker")
    return ", ".join(parts)


def _split_text(split: fragment_pb2.Split) -> str:
    if split.row_group_count:
        end = split.row_group_start + split.row_group_count - 1
        return f"{split.path} [row groups {split.row_group_start}-{end}]"
    return split.path
