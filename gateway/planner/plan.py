"""The distributed plan: stages joined by exchanges, and its EXPLAIN text.

A Plan is a tree with the gateway's final stage at the root. Every other stage
runs as many fragments, each over its own splits on one worker, and its output
reaches its consumer through an exchange (only ``gather`` so far: every
fragment's rows go to the gateway, which registers them as one relation named
after the stage).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duckflight.protos import fragment_pb2


@dataclass
class Stage:
    """One piece of SQL run in parallel as fragments; its output is ``name``."""

    id: int
    name: str  # the relation the consumer's SQL reads the stage's output as
    table: str  # the catalog table this scan stage reads
    sql: str  # DuckDB SQL every fragment runs, over a relation named `table`
    columns: list[tuple[str, str]]  # output (name, DuckDB type), in order
    exchange: str = "gather"
    fragments: list[fragment_pb2.Fragment] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)  # worker address per fragment


@dataclass
class Plan:
    """A query's stages and the final SQL the gateway runs over their outputs."""

    query_id: str
    final_sql: str
    stages: list[Stage] = field(default_factory=list)

    def fragments(self):
        """Every (stage, fragment, worker address) of the plan."""
        for stage in self.stages:
            for fragment, worker in zip(stage.fragments, stage.workers):
                yield stage, fragment, worker


def explain(plan: Plan) -> str:
    """The plan as text, one line per node, indented like PostgreSQL's EXPLAIN."""
    lines = [f"Stage 0 [final, on gateway]: {len(plan.stages)} input stage(s)"]
    lines.append(f"  SQL: {plan.final_sql}")
    for stage in plan.stages:
        lines.append(
            f"  -> Exchange {stage.exchange} into {stage.name}"
        )
        lines.append(
            f"       Stage {stage.id} [scan {stage.table}]: {len(stage.fragments)} fragment(s)"
        )
        lines.append(f"         SQL: {stage.sql}")
        for fragment, worker in zip(stage.fragments, stage.workers):
            splits = ", ".join(_split_text(s) for scan in fragment.scans for s in scan.splits)
            lines.append(f"         Fragment {fragment.fragment_id} on {worker}: {splits}")
    return "\n".join(lines)


def _split_text(split: fragment_pb2.Split) -> str:
    if split.row_group_count:
        end = split.row_group_start + split.row_group_count - 1
        return f"{split.path} [row groups {split.row_group_start}-{end}]"
    return split.path
