"""Co-partition by key ranges from footer statistics, when the files are sorted by the key.

A co-partitioned block needs the rows of every key on one worker. Shuffling
hashes every row there; but when each table's splits cover narrow, ordered
ranges of the key (TPC-H's lineitem and orders are both written in
``orderkey`` order), the same is had by cutting the key's domain into one
range per worker: each worker reads, from every table, only the splits whose
footer range overlaps its own, keeping rows of its range. Nothing moves
between workers, and no wave waits for a shuffle.

Used only when the footers give exact bounds (integers and dates) and no NULL
key for every split (a NULL key has no range, and its row must still be read
exactly once), the ranges are about balanced, and a table's overlapping reads
add up to at most ``MAX_OVERREAD`` of its rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlglot import exp

from duckflight.gateway.catalog import Catalog, Table
from duckflight.gateway.splits import Split

# Reading a split for two ranges costs a second scan of it: allow a little.
MAX_OVERREAD = 1.25
# No range may hold more than this many times its fair share of the largest table.
MAX_IMBALANCE = 1.5
EXACT_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
               "HUGEINT", "DATE")


@dataclass
class KeyRange:
    """Keys in [low, high) (None: unbounded) owned by one worker."""

    low: object | None
    high: object | None

    def overlaps(self, split_low, split_high) -> bool:
        return (self.low is None or split_high >= self.low) and (self.high is None or split_low < self.high)

    def contains(self, split_low, split_high) -> bool:
        return (self.low is None or split_low >= self.low) and (self.high is None or split_high < self.high)

    def condition(self, column: str) -> str:
        """The DuckDB condition keeping this range's rows."""
        name = '"' + column.replace('"', '""') + '"'
        parts = []
        if self.low is not None:
            parts.append(f"{name} >= {_literal(self.low)}")
        if self.high is not None:
            parts.append(f"{name} < {_literal(self.high)}")
        return " AND ".join(parts)


def ranges_for(shuffled: list[tuple[exp.Table, str]], catalog: Catalog, workers: int) -> list[KeyRange] | None:
    """``key_ranges`` for a co-partitioned block's (table node, key column) pairs."""
    groups: dict[tuple[str, str], list[exp.Table]] = {}
    for node, key in shuffled:
        groups.setdefault((node.name, key), []).append(node)
    reads = [(catalog.get(name), key, read_splits([n.meta["scan"] for n in nodes], catalog.get(name)))
             for (name, key), nodes in groups.items()]
    return key_ranges(reads, workers)


def read_splits(specs: list, table: Table) -> list[Split]:
    """Every split any of these scans of one table keeps (after pruning)."""
    if any(spec.splits is None for spec in specs):
        return table.splits
    kept = {(s.path, s.row_start) for spec in specs for s in spec.splits}
    return [s for s in table.splits if (s.path, s.row_start) in kept]


def key_ranges(reads: list[tuple[Table, str, list[Split]]], workers: int) -> list[KeyRange] | None:
    """One key range per worker for these (table, key column, splits), or None
    when the splits are not ordered by their keys closely enough."""
    if workers < 2 or not reads:
        return None
    for table, key, splits in reads:
        if table.column_types().get(key, "").split("(")[0] not in EXACT_TYPES:
            return None
        if not splits or any(key not in s.ranges or key not in s.not_null or s.rows is None for s in splits):
            return None
    largest = largest_read(reads)
    ranges = _cut(largest, workers)
    if ranges is None:
        return None
    _, key, splits = largest
    share = MAX_IMBALANCE * sum(s.rows for s in splits) / len(ranges)
    if any(sum(s.rows for s in splits if r.overlaps(*s.ranges[key])) > share for r in ranges):
        return None
    for _, key, splits in reads:
        read = sum(s.rows for r in ranges for s in splits if r.overlaps(*s.ranges[key]))
        if read > MAX_OVERREAD * sum(s.rows for s in splits):
            return None
    return ranges


def largest_read(reads: list, splits=lambda read: read[2]):
    """The read with the most rows: its splits set the cuts."""
    return max(reads, key=lambda read: sum(s.rows for s in splits(read)))


def _cut(largest: tuple[Table, str, list[Split]], workers: int) -> list[KeyRange] | None:
    """Ranges with about equal rows of the largest table, cut at its splits' lower bounds."""
    _, key, splits = largest
    ordered = sorted(splits, key=lambda s: s.ranges[key][0])
    total = sum(s.rows for s in ordered)
    cuts, seen = [], 0
    for split in ordered:
        # Cut before the split that would carry this range past its share by more than half of itself.
        if seen + split.rows / 2 >= total * (len(cuts) + 1) / workers and len(cuts) < workers - 1 and seen:
            low = split.ranges[key][0]
            if not cuts or low > cuts[-1]:
                cuts.append(low)
        seen += split.rows
    if not cuts:
        return None
    bounds = [None, *cuts, None]
    return [KeyRange(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _literal(value) -> str:
    if isinstance(value, datetime.date):
        return f"DATE '{value.isoformat()}'"
    return str(int(value))
