"""Cut an annotated tree into a Plan: stages below, the final stage on top.

Query blocks that ``distribute_blocks`` marked become block stages: one
fragment per split of their large table, reading the small tables through
broadcast stages. Every other table occurrence carrying a ``ScanSpec`` (see
``pushdown_scans``) becomes a scan stage gathered to the gateway. Identical
scans with the same exchange share one stage. In the tree, each piece is
replaced by the stage's output relation, and the tree's DuckDB SQL is the
final stage. Each worker gets one fragment per stage over its share of the splits.
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.catalog import Catalog, Table
from duckflight.gateway.planner.applied_filters import columns_read, drop_applied
from duckflight.gateway.planner.distribute_blocks import Block
from duckflight.gateway.planner.key_filter import KeyFilter, required
from duckflight.gateway.planner.key_ranges import KeyRange, largest_read, read_splits
from duckflight.gateway.planner.plan import (
    Exchange, Kind, Move, Plan, Read, Shape, Stage, TableRead, relation,
)
from duckflight.gateway.planner.pushdown_scans import ScanSpec
from duckflight.gateway.splits import Split
from duckflight.protos import fragment_pb2

# A stage that reads no column (e.g. for count(*)) still has to carry its rows.
NO_COLUMNS = "__row"


class _Builder:
    def __init__(self, catalog: Catalog, workers: list[str], query_id: str):
        self.catalog = catalog
        self.query_id = query_id
        self.workers = workers
        self.stages: list[Stage] = []
        self.scans: dict[tuple, Exchange] = {}
        self.blocks: dict[tuple, Exchange] = {}

    def scan(self, spec: ScanSpec, move: Move, shuffle_key: str | None = None,
             inputs: list[Exchange] | None = None, distinct: bool = False) -> Exchange:
        """The scan stage reading ``spec``, and the exchange its rows go through."""
        sql = scan_sql(spec, distinct)
        key = (spec.table, sql, move, shuffle_key)
        if key not in self.scans:
            table = self.catalog.get(spec.table)
            types = table.column_types()
            stage = Stage(len(self.stages) + 1, Kind.SCAN, sql, spec.table, inputs=list(inputs or []),
                          reads=[TableRead(Read.SPLITS, spec.table, spec.table)],
                          columns=[(c, types[c]) for c in spec.columns] or [(NO_COLUMNS, "BOOLEAN")])
            self._add_fragments(stage, table, [x.stage.name for x in stage.inputs],
                                spec.splits if spec.splits is not None else table.splits)
            self.scans[key] = self._output(stage, move, shuffle_key)
        return self.scans[key]

    def _output(self, stage: Stage, move: Move, shuffle_key: str | None = None) -> Exchange:
        """Add the stage to the plan with the exchange its rows go through; a broadcast or
        shuffle stage's fragments send their rows to every worker."""
        if move is not Move.GATHER:  # rows go from worker to worker
            for fragment in stage.fragments:
                fragment.shuffle.key = shuffle_key or ""
                fragment.shuffle.replicate = move is Move.BROADCAST
                fragment.shuffle.targets.extend(self.workers)
        self.stages.append(stage)
        return Exchange(move, stage, shuffle_key, len(self.workers) if move is not Move.GATHER else 0)

    def block(self, block: Block) -> Exchange:
        """The block's stage, gathered to the gateway."""
        inputs = []
        for node in block.broadcast:
            exchange = self.scan(self._sent([node], node.meta["scan"], block.fragment), Move.BROADCAST)
            inputs.append(exchange)
            _rename(node, exchange.stage.name)
        # Relation names the block's fragments bind, in lower case: DuckDB ignores case
        # ("MyTable" and "mytable" would be one name). The partitioned table binds its own.
        used = {block.partitioned.name.lower()} if block.partitioned is not None else set()
        in_place = self._in_place(block.in_place, used)
        if block.ranges is not None:
            return self._range_partitioned(block, inputs, self._reads(block.shuffled, used), block.ranges, in_place)
        shuffles = []
        keys = self.keys(block.key_filter) if block.key_filter is not None else None
        for (table, column), nodes in _by_table_and_key(block.shuffled).items():
            # One shuffle per table and key: reads of it in the block share it.
            spec = _merged([n.meta["scan"] for n in nodes], self.catalog.get(table))
            spec = self._sent(nodes, spec, block.fragment, column)
            if keys is not None and table in block.key_filter.reduce:
                exchange = self.scan(_keeping_keys(spec, column, keys.stage), Move.SHUFFLE, column, [keys])
            else:
                exchange = self.scan(spec, Move.SHUFFLE, column)
            shuffles.append(exchange)
            for node in nodes:
                _rename(node, exchange.stage.name)
        if block.partitioned is None:
            return self._co_partitioned(block, inputs, shuffles, in_place)
        key = (block.partitioned.name, block.fragment.sql("duckdb"))
        if key in self.blocks:  # e.g. the same subquery twice
            return self.blocks[key]
        table = self.catalog.get(block.partitioned.name)
        stage = self._block_stage(block, table.name, inputs, [TableRead(Read.SPLITS, table.name, table.name)], in_place)
        spec: ScanSpec = block.partitioned.meta["scan"]
        splits = spec.splits if spec.splits is not None else table.splits
        self._add_fragments(stage, table, [x.stage.name for x in stage.inputs], splits)
        for fragment in stage.fragments:
            _add_scans(fragment, in_place)
        self.blocks[key] = self._output(stage, Move.GATHER)
        return self.blocks[key]

    def _block_stage(self, block: Block, table: str, inputs: list[Exchange], reads: list[TableRead],
                     in_place: list[tuple[str, Table, list[Split]]]) -> Stage:
        """A block's stage, without its fragments yet: what it reads and what it gives."""
        return Stage(len(self.stages) + 1, Kind.BLOCK, block.fragment.sql("duckdb"), table, block.shape,
                     block.top_n, inputs=list(dict.fromkeys(inputs)),
                     reads=reads + [TableRead(Read.WHOLE, t.name, name) for name, t, _ in in_place])

    def _sent(self, nodes: list[exp.Table], spec: ScanSpec, fragment: exp.Select, key: str | None = None) -> ScanSpec:
        """What a broadcast or shuffle stage must send for these reads of its table:
        the conjuncts its filters apply are dropped from the block, and so are
        the columns only they read."""
        for node in nodes:
            drop_applied(node, spec.filters, fragment)
        wanted = set().union(*(columns_read(n, fragment) for n in nodes)) | ({key} if key else set())
        columns = [c for c, _ in self.catalog.get(spec.table).columns if c in wanted]
        return ScanSpec(spec.table, columns, spec.filters, spec.splits)

    def keys(self, key_filter: KeyFilter) -> Exchange:
        """The distinct keys of the key filter's table, put on every worker."""
        spec = key_filter.spec
        return self.scan(ScanSpec(spec.table, [key_filter.key], spec.filters, spec.splits), Move.BROADCAST,
                         distinct=True)

    def _in_place(self, nodes: list[exp.Table], used: set[str]) -> list[tuple[str, Table, list[Split]]]:
        """(relation, table, every split) for the tables each worker reads whole;
        occurrences reading the same splits share one relation."""
        relations: dict[tuple, str] = {}
        out = []
        for node in nodes:
            table = self.catalog.get(node.name)
            spec: ScanSpec = node.meta["scan"]
            splits = _whole_files(spec.splits if spec.splits is not None else table.splits, table)
            key = (table.name, tuple((s.path, s.row_start) for s in splits))
            if key not in relations:
                relations[key] = _relation_name(table.name, used)
                out.append((relations[key], table, splits))
            _rename(node, relations[key])
        return out

    def _reads(self, shuffled: list[tuple[exp.Table, str]], used: set[str]) -> list[tuple]:
        """(relation, table, key, splits, nodes) per table and key of a co-partitioned block."""
        out = []
        for (name, key), nodes in _by_table_and_key(shuffled).items():
            table = self.catalog.get(name)
            splits = read_splits([n.meta["scan"] for n in nodes], table)
            out.append((_relation_name(name, used), table, key, splits, nodes))
        return out

    def _range_partitioned(self, block: Block, broadcasts: list[Exchange], reads: list[tuple],
                           ranges: list[KeyRange], in_place: list[tuple[str, Table, list[Split]]]) -> Exchange:
        """One fragment per key range, reading the splits of every table that overlap it."""
        # The largest table's splits set the cuts. When every row of the block
        # needs a row of it (an inner source, IN, EXISTS), another table's
        # rows outside a worker's range meet nothing there and need no cutting;
        # a cut is a filter DuckDB would misjudge when ordering the joins.
        largest = largest_read(reads, lambda read: read[3])
        uncut = {id(r) for r in reads if r is not largest} if any(
            required(node, block.fragment) for node in largest[4]) else set()
        for relation_name, _, _, _, nodes in reads:
            for node in nodes:
                _rename(node, relation_name)
        fragments = []
        for key_range, worker in zip(ranges, self.workers):
            fragment = fragment_pb2.Fragment(inputs=[b.stage.name for b in broadcasts])
            for read in reads:
                relation_name, table, key, splits, _ = read
                # A table with nothing in this range still binds a (then empty) relation.
                mine = [s for s in splits if key_range.overlaps(*s.ranges[key])] or splits[:1]
                _add_scans(fragment, [(relation_name, table, _whole_files(mine, table))])
                if id(read) not in uncut and not all(key_range.contains(*s.ranges[key]) for s in mine):
                    fragment.scans[-1].filter = key_range.condition(key)
            fragments.append((worker, fragment))
        stage = self._block_stage(block, reads[0][1].name, broadcasts,
                                  [TableRead(Read.KEY_RANGES, table.name, name, key) for name, table, key, _, _ in reads],
                                  in_place)
        stage.owns = [r.condition(largest[2]).replace('"', "") for r in ranges]
        return self._co_stage(stage, in_place, fragments)

    def _co_partitioned(self, block: Block, broadcasts: list[Exchange], shuffles: list[Exchange],
                        in_place: list[tuple[str, Table, list[Split]]]) -> Exchange:
        """One fragment per worker over its buckets of every shuffled table."""
        fragments = []
        for bucket, worker in enumerate(self.workers):
            bind = {x.stage.name: relation(x.stage.id, bucket) for x in shuffles}
            fragments.append((worker, fragment_pb2.Fragment(
                inputs=[b.stage.name for b in broadcasts] + list(bind.values()), bind=bind)))
        stage = self._block_stage(block, shuffles[0].stage.table, broadcasts + shuffles, [], in_place)
        return self._co_stage(stage, in_place, fragments)

    def _co_stage(self, stage: Stage, in_place: list[tuple[str, Table, list[Split]]],
                  fragments: list[tuple[str, fragment_pb2.Fragment]]) -> Exchange:
        """A co-partitioned block's stage with its fragments, one given fragment per worker."""
        for index, (worker, fragment) in enumerate(fragments):
            fragment.query_id, fragment.stage_id, fragment.fragment_id, fragment.sql = \
                self.query_id, stage.id, index, stage.sql
            _add_scans(fragment, in_place)
            stage.fragments.append(fragment)
            stage.workers.append(worker)
        return self._output(stage, Move.GATHER)

    def _add_fragments(self, stage: Stage, table: Table, inputs: list[str], splits: list[Split]) -> None:
        """One fragment per worker, over the splits that worker gets.

        One fragment per worker, not per split: DuckDB spreads a fragment over
        the worker's cores itself, and a fragment joining a broadcast table
        builds that table's hash table once, not once per split.
        """
        for index, (worker, assigned) in enumerate(_assign(splits, self.workers)):
            assigned = _whole_files(assigned, table)
            fragment = fragment_pb2.Fragment(query_id=self.query_id, stage_id=stage.id, fragment_id=index,
                                             sql=stage.sql, inputs=inputs)
            _add_scans(fragment, [(table.name, table, assigned)])
            stage.fragments.append(fragment)
            stage.workers.append(worker)


def _relation_name(table: str, used: set[str]) -> str:
    """The table's own name for the relation a fragment binds, unless already bound
    (``used``: the names bound, in lower case)."""
    name, n = table, 1
    while name.lower() in used:
        n += 1
        name = f"{table}__{n}"
    used.add(name.lower())
    return name


def _add_scans(fragment: fragment_pb2.Fragment, scans: list[tuple[str, Table, list[Split]]]) -> None:
    """Bind each (relation, table, splits) in the fragment: the worker reads them as that relation."""
    for name, table, splits in scans:
        scan = fragment.scans.add(name=name, format=table.format)
        for split in splits:
            size, mtime_ns = table.stamps.get(split.path, (0, 0))
            scan.splits.add(path=split.path, row_group_start=split.rg_start, row_group_count=split.rg_count,
                            row_start=split.row_start, row_end=split.row_end, size=size, mtime_ns=mtime_ns)
        if table.csv is not None:
            scan.csv.CopyFrom(table.csv)


def _whole_files(splits: list[Split], table: Table) -> list[Split]:
    """A worker given every range of a file reads the file whole (one reader, no row filter)."""
    per_file: dict[str, int] = {}
    for split in table.splits:
        per_file[split.path] = per_file.get(split.path, 0) + 1
    out, done = [], set()
    for split in splits:
        if split.path in done:
            continue
        mine = [s for s in splits if s.path == split.path]
        if split.rg_count and len(mine) == per_file.get(split.path, 0) > 1:
            out.append(Split(split.path, sum(s.rows or 0 for s in mine)))
            done.add(split.path)
        else:
            out.append(split)
    return out


def _assign(splits: list[Split], workers: list[str]) -> list[tuple[str, list[Split]]]:
    """Splits per worker, largest first onto the least loaded (rows when known)."""
    if not workers:
        return [("", [split]) for split in splits]
    load = {w: 0 for w in workers}
    assigned: dict[str, list[Split]] = {w: [] for w in workers}
    for split in sorted(splits, key=lambda s: -(s.rows or 1)):
        worker = min(workers, key=lambda w: load[w])
        assigned[worker].append(split)
        load[worker] += split.rows or 1
    return [(w, sorted(assigned[w], key=lambda s: (s.path, s.row_start))) for w in workers if assigned[w]]


def cut_stages(expression: exp.Expression, catalog: Catalog, workers: list[str], query_id: str) -> Plan:
    builder = _Builder(catalog, workers, query_id)
    gathered: dict[int, Exchange] = {}
    for final in list(expression.find_all(exp.Select)):
        block: Block | None = final.meta.get("block")
        if block is not None:
            exchange = builder.block(block)
            gathered[exchange.stage.id] = exchange
            output = next(t for t in final.find_all(exp.Table) if t.meta.get("block_output"))
            _rename(output, exchange.stage.name)
    for node in list(expression.find_all(exp.Table)):
        spec: ScanSpec | None = node.meta.get("scan")
        if spec is not None:
            exchange = builder.scan(spec, Move.GATHER)
            gathered[exchange.stage.id] = exchange
            _rename(node, exchange.stage.name)
    final_stage = Stage(0, Kind.FINAL, expression.sql("duckdb"), inputs=[gathered[i] for i in sorted(gathered)])
    streamed = streamed_stage(expression, builder.stages)
    return Plan(query_id=query_id, final=final_stage, streamed=streamed,
                in_pieces=streamed is not None and row_local(expression))


def streamed_stage(final: exp.Expression, stages: list[Stage]) -> int | None:
    """The stage the final query may read as a stream instead of whole: the plan's
    only stage, giving rows that need no merging (not partials), under a plain SELECT that
    reads it once (DuckDB may scan an input twice for grouping sets, set operations,
    subqueries or windows, and a stream can only be read once).

    A block co-partitioned by key ranges is read whole: it was when streaming was built,
    and its fragments have not been tested streamed."""
    if len(stages) != 1:
        return None
    stage = stages[0]
    rows = stage.shape is not Shape.PARTIAL_AGGREGATE and all(r.how is not Read.KEY_RANGES for r in stage.reads)
    if not rows or not stage.fragments:
        return None
    reads = [t for t in final.find_all(exp.Table) if t.name == stage.name]
    plain = (isinstance(final, exp.Select) and not final.args.get("joins") and final.args.get("group") is None
             and final.args.get("having") is None and final.find(exp.Window, exp.Subquery, exp.AggFunc) is None
             and len(list(final.find_all(exp.Select))) == 1)
    return stage.id if plain and len(reads) == 1 else None


def row_local(final: exp.Expression) -> bool:
    """Whether each output row of a streamed final query depends on one input row alone
    (no ORDER BY, DISTINCT, LIMIT or OFFSET; streamed_stage has ruled out the rest), so that
    running it over pieces of its input and putting the answers end to end is running it whole.
    Volatile functions keep their meaning: each row is still computed once."""
    return isinstance(final, exp.Select) and not any(
        final.args.get(part) for part in ("order", "distinct", "limit", "offset"))


def _by_table_and_key(shuffled: list[tuple[exp.Table, str]]) -> dict[tuple[str, str], list[exp.Table]]:
    groups: dict[tuple[str, str], list[exp.Table]] = {}
    for node, column in shuffled:
        groups.setdefault((node.name, column), []).append(node)
    return groups


def _merged(specs: list[ScanSpec], table: Table) -> ScanSpec:
    """One scan serving several: every column any of them reads, only the
    filters all of them have (each read keeps its own filters in the block's
    SQL), and every split any of them keeps."""
    if len(specs) == 1:
        return specs[0]
    wanted = {c for spec in specs for c in spec.columns}
    common = set.intersection(*({f.sql("duckdb") for f in spec.filters} for spec in specs))
    filters = [f for f in specs[0].filters if f.sql("duckdb") in common]
    return ScanSpec(table.name, [c for c, _ in table.columns if c in wanted], filters, read_splits(specs, table))


def _rename(node: exp.Table, name: str) -> None:
    """Point a table node at a stage's relation, keeping its alias."""
    alias = node.alias_or_name
    node.set("this", exp.to_identifier(name, quoted=True))
    node.set("db", None)
    node.set("catalog", None)
    node.set("alias", exp.TableAlias(this=exp.to_identifier(alias, quoted=True)))
    node.meta.pop("scan", None)


def _keeping_keys(spec: ScanSpec, column: str, keys: Stage) -> ScanSpec:
    """``spec`` keeping only rows whose ``column`` is among the keys (or NULL)."""
    key = exp.column(column, quoted=True)
    among = exp.In(this=key.copy(), query=exp.select(exp.column(keys.columns[0][0], quoted=True)).from_(
        exp.to_identifier(keys.name, quoted=True)).subquery())
    condition = exp.paren(exp.or_(among, exp.Is(this=key, expression=exp.Null())))
    return ScanSpec(spec.table, spec.columns, spec.filters + [condition], spec.splits)


def scan_sql(spec: ScanSpec, distinct: bool = False) -> str:
    """The DuckDB SQL each fragment of a scan runs over its splits."""
    columns = [exp.column(c, quoted=True) for c in spec.columns]
    select = exp.select(*columns) if columns else exp.select(exp.alias_(exp.true(), NO_COLUMNS, quoted=True))
    if distinct:
        select.set("distinct", exp.Distinct())
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
