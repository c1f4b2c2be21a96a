"""The distributed plan: stages joined by exchanges, and its EXPLAIN text.

A Plan is a tree with the gateway's final stage at the root. Every other stage
runs as fragments on workers, each over its own splits, and its output reaches
its consumer through an exchange:

* ``gather``: every fragment's rows go to the gateway, which registers them as
  one relation named after the stage;
* ``broadcast``: the rows are gathered once, then put on every worker under the
  stage's name, for the fragments of the stages that list it in ``inputs``;
* ``shuffle``: each fragment hashes its rows on a key into one bucket per
  worker and sends each bucket straight to its worker; the stage reading it
  runs one fragment per worker over that worker's buckets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duckflight.protos import fragment_pb2


@dataclass(eq=False)  # stages are compared by identity
class Stage:
    """One piece of SQL run in parallel as fragments; its output is ``name``."""

    id: int
    name: str  # the relation its consumer reads the stage's output as
    kind: str  # "scan" (one catalog table) or "block" (a query block over splits)
    table: str  # the table whose splits the fragments divide
    sql: str  # DuckDB SQL every fragment runs
    exchange: str = "gather"  # or "broadcast", "shuffle"
    inputs: list["Stage"] = field(default_factory=list)  # broadcast stages it reads
    columns: list[tuple[str, str]] = field(default_factory=list)  # scan output (name, DuckDB type)
    fragments: list[fragment_pb2.Fragment] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)  # worker address per fragment
    note: str = ""  # how the block was split (partial aggregate, top-N, ...)
    in_place: list[str] = field(default_factory=list)  # scans every fragment reads whole (small tables)
    owns: list[str] = field(default_factory=list)  # per fragment, the keys it owns (co-partition by key ranges)


@dataclass
class Plan:
    """A query's stages and the final SQL the gateway runs over their outputs."""

    query_id: str
    final_sql: str
    stages: list[Stage] = field(default_factory=list)
    cache_key: tuple | None = None  # set by the engine's plan cache
    catalog: object = field(default=None, repr=False, compare=False)  # the Catalog it was planned over (engine)
    # PostgreSQL's type modifier (and varchar/bpchar) per output column: planner/output_types.py.
    output_types: list = field(default_factory=list)
    # The stage the final query may read as a stream (see cut_stages.streamed_stage), by id.
    streamed: int | None = None
    # Whether the final query treats each row of the streamed stage alone, so that it may run
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

    def fragments(self, stages: list[Stage] | None = None):
        """Every (stage, fragment, worker address) of these stages (default: all)."""
        for stage in self.stages if stages is None else stages:
            for fragment, worker in zip(stage.fragments, stage.workers):
                yield stage, fragment, worker

    def moves_rows_between_workers(self) -> bool:
        """Whether any stage leaves rows on workers for another (broadcast, shuffle)."""
        return any(s.exchange in ("broadcast", "shuffle") for s in self.stages)

    def waves(self) -> list[list[Stage]]:
        """Stages in the order they can run: each wave needs only earlier waves."""
        done: set[int] = set()
        waves = []
        while len(done) < len(self.stages):
            wave = [s for s in self.stages if s.id not in done and all(i.id in done for i in s.inputs)]
            waves.append(wave)
            done.update(s.id for s in wave)
        return waves


def explain(plan: Plan, analyze: dict | None = None) -> str:
    """The plan as an indented tree, the final stage at the top.

    ``analyze`` maps (stage id, fragment id) to measured figures, for
    EXPLAIN ANALYZE.
    """
    gathered = [s for s in plan.stages if s.exchange == "gather"]
    lines = [f"Stage 0 [final, on gateway]: reads {', '.join(s.name for s in gathered) or 'no stage'}",
             f"  SQL: {plan.final_sql}"]
    for stage in gathered:
        _explain_stage(stage, 1, lines, analyze)
    return "\n".join(lines)


def _explain_stage(stage: Stage, depth: int, lines: list[str], analyze) -> None:
    pad = "    " * depth
    lines.append(f"{pad}-> Exchange {stage.exchange} as {stage.name}")
    what = f"scan {stage.table}" if stage.kind == "scan" else f"block over {stage.table}"
    note = f", {stage.note}" if stage.note else ""
    lines.append(f"{pad}     Stage {stage.id} [{what}{note}]: {len(stage.fragments)} fragment(s)")
    lines.append(f"{pad}       SQL: {stage.sql}")
    for fragment, worker in zip(stage.fragments, stage.workers):
        splits = "; ".join(", ".join(_split_text(s) for s in scan.splits) + (f" where {scan.filter}" if scan.filter else "")
                           for scan in fragment.scans if scan.name not in stage.in_place)
        if stage.owns:
            splits = f"keys {stage.owns[fragment.fragment_id]}: {splits}"
        figures = ""
        if analyze is not None and (stage.id, fragment.fragment_id) in analyze:
            figures = "  " + analyze[(stage.id, fragment.fragment_id)]
        lines.append(f"{pad}       Fragment {fragment.fragment_id} on {worker}: {splits}{figures}")
    for child in stage.inputs:
        _explain_stage(child, depth + 1, lines, analyze)


def _split_text(split: fragment_pb2.Split) -> str:
    if split.row_group_count:
        end = split.row_group_start + split.row_group_count - 1
        return f"{split.path} [row groups {split.row_group_start}-{end}]"
    return split.path


def restamp(plan: Plan, query_id: str) -> Plan:
    """A copy of a plan for another run: the same stages under a new query id.

    The query id lives in the names of the tables a query leaves on workers
    (``__bcast_<id>_<n>``, ``__shuf_<id>_<n>``) and in every fragment; only
    those are rewritten, so nothing in the user's SQL can be touched.
    """
    old = plan.query_id

    def rename(text: str) -> str:
        return text.replace(f"__bcast_{old}_", f"__bcast_{query_id}_").replace(f"__shuf_{old}_", f"__shuf_{query_id}_")

    copies: dict[int, Stage] = {}
    for stage in plan.stages:
        fragments = []
        for original in stage.fragments:
            fragment = fragment_pb2.Fragment()
            fragment.CopyFrom(original)
            fragment.query_id = query_id
            fragment.sql = rename(fragment.sql)
            fragment.inputs[:] = [rename(name) for name in fragment.inputs]
            bind = {rename(k): rename(v) for k, v in fragment.bind.items()}
            fragment.bind.clear()
            fragment.bind.update(bind)
            if fragment.HasField("shuffle"):
                fragment.shuffle.table = rename(fragment.shuffle.table)
            fragments.append(fragment)
        copies[stage.id] = Stage(stage.id, rename(stage.name), stage.kind, stage.table, rename(stage.sql),
                                 stage.exchange, [copies[i.id] for i in stage.inputs], list(stage.columns),
                                 fragments, list(stage.workers), stage.note, list(stage.in_place), list(stage.owns))
    return Plan(query_id, rename(plan.final_sql), [copies[s.id] for s in plan.stages],
                output_types=list(plan.output_types), streamed=plan.streamed, in_pieces=plan.in_pieces,
                time_zone=plan.time_zone, catalog=plan.catalog,
                reads_catalog=plan.reads_catalog)
