"""One plain DuckDB over a data folder, the referee every distributed answer must equal.

Each subfolder of Parquet files becomes a view named after it, as the
gateway's catalog makes each subfolder a table.
"""

from __future__ import annotations

from pathlib import Path

import duckdb


def duckdb_over(root: Path, tables: list[str] | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB with a view per subfolder of ``root`` (or per name in ``tables``)."""
    con = duckdb.connect()
    names = tables if tables is not None else sorted(p.name for p in Path(root).iterdir() if p.is_dir())
    for name in names:
        files = (Path(root) / name / "*.parquet").as_posix().replace("'", "''")
        con.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM read_parquet('{files}')")
    return con
