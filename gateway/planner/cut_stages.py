"""Cut an annotated tree into a Plan: scan stages below, the final stage on top.

Every table occurrence carrying a ``ScanSpec`` (see ``pushdown_scans``) becomes
a scan stage with one fragment per split; identical scans share one stage. In
the tree, the occurrence is replaced by the stage's output relation under the
same alias, and the tree's DuckDB SQL is the final stage the gateway runs over
the gathered Arrow. Fragments are spread round-robin over the workers given.
"""

from __future__ import annotations

import itertools

from sqlglot import exp

from duckflight.gateway.catalog import Catalog, Table
from duckflight.gateway.planner.plan import Plan, Stage
from duckflight.gateway.planner.pushdown_scans import ScanSpec
from duckflight.protos import fragment_pb2

# A stage that reads no column (e.g. for count(*)) still has to carry its rows.
NO_COLUMNS = "__row"


def cut_stages(expression: exp.Expression, catalog: Catalog, workers: list[str], query_id: str) -> Plan:
    stages: dict[tuple, Stage] = {}
    turn = itertools.cycle(workers) if workers else None
    for node in list(expression.find_all(exp.Table)):
        spec: ScanSpec | None = node.meta.get("scan")
        if spec is None:
            continue
        sql = scan_sql(spec)
        stage = stages.get((spec.table, sql))
        if stage is None:
            stage = _new_stage(len(stages) + 1, spec, sql, catalog.get(spec.table), query_id, turn)
            stages[(spec.table, sql)] = stage
        alias = node.alias_or_name
        node.replace(exp.Table(this=exp.to_identifier(stage.name, quoted=True),
                               alias=exp.TableAlias(this=exp.to_identifier(alias, quoted=True))))
    return Plan(query_id=query_id, final_sql=expression.sql("duckdb"), stages=list(stages.values()))


def scan_sql(spec: ScanSpec) -> str:
    """The DuckDB SQL each fragment of a scan runs over its splits."""
    columns = [exp.column(c, quoted=True) for c in spec.columns]
    select = exp.select(*columns) if columns else exp.select(exp.alias_(exp.true(), NO_COLUMNS, quoted=True))
    select = select.from_(exp.Table(this=exp.to_identifier(spec.table, quoted=True)))
    for condition in _unique(spec.filters):
        select = select.where(condition.copy(), copy=False)
    return select.sql("duckdb")


def _unique(filters: list[exp.Expression]) -> list[exp.Expression]:
    seen, out = set(), []
    for f in filters:
        key = f.sql("duckdb")
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _new_stage(stage_id, spec: ScanSpec, sql: str, table: Table, query_id: str, turn) -> Stage:
    types = table.column_types()
    columns = [(c, types[c]) for c in spec.columns] or [(NO_COLUMNS, "BOOLEAN")]
    stage = Stage(id=stage_id, name=f"__stage_{stage_id}", table=spec.table, sql=sql, columns=columns)
    for index, path in enumerate(table.files):
        fragment = fragment_pb2.Fragment(query_id=query_id, stage_id=stage_id, fragment_id=index, sql=sql)
        scan = fragment.scans.add(name=table.name, format=table.format)
        scan.splits.add(path=path)
        if table.csv is not None:
            scan.csv.CopyFrom(table.csv)
        stage.fragments.append(fragment)
        stage.workers.append(next(turn) if turn else "")
    return stage
