"""Splits of a table: row-group ranges of its files, with what their footers say.

A Parquet file is cut into ranges of whole row groups of about ``SPLIT_ROWS``
rows, so that one large file still spreads over several workers. Each split
keeps its row count and, per column, the min and max from the footer (or the
value of a Hive partition ``key=value`` in its path), so the planner can skip
splits a filter excludes. CSV files are one split each and know nothing.
"""

from __future__ import annotations

import datetime
import decimal
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

# About this many rows per split: big enough that a split is worth a fragment's
# overhead, small enough to spread a large file.
SPLIT_ROWS = 1_000_000
_HIVE = re.compile(r"^([^=/]+)=([^/]*)$")


@dataclass
class Split:
    """Rows [row_start, row_end) of a file = row groups [rg_start, rg_start + rg_count)."""

    path: str
    rows: int | None = None
    rg_start: int = 0
    rg_count: int = 0  # 0: the whole file
    row_start: int = 0
    row_end: int = 0
    ranges: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # column -> (min, max)
    not_null: set[str] = field(default_factory=set)  # columns the footers say hold no NULL here


def parquet_splits(con: duckdb.DuckDBPyConnection, paths: list[str], types: dict[str, str],
                   split_rows: int = SPLIT_ROWS, renamed: dict[str, str] | None = None) -> list[Split]:
    """Row-group ranges of every file, with per-column ranges from the footers.

    Columns are keyed by the names DuckDB reads them by (``types``); ``renamed``
    maps a file's column name to DuckDB's where they differ (``Table.columns``).
    """
    files = ", ".join("'" + p.replace("'", "''") + "'" for p in paths)
    rows = con.execute(
        f"SELECT file_name, row_group_id, row_group_num_rows, path_in_schema, stats_min_value, "
        f"stats_max_value, coalesce(min_is_exact, true) AND coalesce(max_is_exact, true), stats_null_count "
        f"FROM parquet_metadata([{files}]) ORDER BY file_name, row_group_id"
    ).fetchall()
    groups: dict[str, dict[int, tuple[int, dict]]] = {}
    not_null: dict[tuple[str, int], set[str]] = {}
    for path, rg, count, column, low, high, exact, nulls in rows:
        column = (renamed or {}).get(column, column)
        _, stats = groups.setdefault(path, {}).setdefault(rg, (count, {}))
        if nulls == 0:
            not_null.setdefault((path, rg), set()).add(column)
        value_type = types.get(column)
        if value_type and low is not None and high is not None and (exact or not _is_text(value_type)):
            low, high = _value(low, value_type), _value(high, value_type)
            if low is not None and high is not None:
                stats[column] = (low, high)
    splits = []
    for path in paths:
        for split in _ranges(path, groups.get(path, {}), types, split_rows):
            row_groups = range(split.rg_start, split.rg_start + split.rg_count) if split.rg_count else groups.get(path, {})
            sets = [not_null.get((path, rg), set()) for rg in row_groups]
            split.not_null = set.intersection(*sets) if sets else set()
            splits.append(split)
    return splits


def _ranges(path: str, groups: dict[int, tuple[int, dict]], types, split_rows: int) -> list[Split]:
    """Cut one file into about equal ranges of whole row groups."""
    hive = hive_values(path, types)
    total = sum(count for count, _ in groups.values())
    parts = max(1, round(total / split_rows))
    splits: list[Split] = []
    row = 0
    for rg in sorted(groups):
        count, stats = groups[rg]
        # Start a new split when this row group begins past the current part's share.
        if not splits or (len(splits) < parts and row >= len(splits) * total / parts):
            splits.append(Split(path, 0, rg, 0, row, row, {}))
        current = splits[-1]
        current.rows += count
        current.rg_count += 1
        current.row_end += count
        _widen(current.ranges, stats, first=current.rg_count == 1)
        row += count
    if len(splits) == 1:
        splits[0].rg_count = 0  # the whole file: no row filter needed
    if not splits:
        splits = [Split(path, 0)]
    for split in splits:
        split.ranges.update(hive)
    return splits


def _widen(ranges: dict, stats: dict, first: bool) -> None:
    """Make ``ranges`` cover ``stats`` too; a column missing in any row group has no range."""
    if first:
        ranges.update(stats)
        return
    for column in list(ranges):
        if column not in stats:
            del ranges[column]
            continue
        (low, high), (new_low, new_high) = ranges[column], stats[column]
        try:
            ranges[column] = (min(low, new_low), max(high, new_high))
        except TypeError:
            del ranges[column]


def csv_splits(paths: list[str], types: dict[str, str]) -> list[Split]:
    return [Split(p, None, ranges=hive_values(p, types)) for p in paths]


def hive_values(path: str, types: dict[str, str]) -> dict[str, tuple[Any, Any]]:
    """``key=value`` folders in the path: the split holds only that value of key."""
    values = {}
    for part in Path(path).parts[:-1]:
        match = _HIVE.match(part)
        if match and match.group(1) in types:
            value = _value(match.group(2), types[match.group(1)])
            if value is not None:
                values[match.group(1)] = (value, value)
    return values


def _is_text(type_name: str) -> bool:
    return type_name.startswith(("VARCHAR", "BLOB", "BIT", "UUID"))


def _value(text: str, type_name: str) -> Any:
    """A footer or path value as a Python value comparable with SQL literals."""
    base = type_name.split("(")[0]
    try:
        if base in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"):
            return int(text)
        if base == "DECIMAL":
            return decimal.Decimal(text)
        if base in ("DOUBLE", "FLOAT", "REAL"):
            return float(text)
        if base == "DATE":
            return datetime.date.fromisoformat(text)
        if base.startswith("TIMESTAMP"):
            return datetime.datetime.fromisoformat(text)
    except (ValueError, decimal.InvalidOperation):
        return None
    return text
