"""The 22 TPC-H queries, as shipped in DuckDB's tpch extension (PyPI duckdb-extension-tpch).

The extension cannot be downloaded at run time here, so it is loaded from the file that
the PyPI package installs, by path:

    >>> from tpch_queries import tpch_queries
    >>> sorted(tpch_queries())[:3]                          # doctest: +SKIP
    [1, 2, 3]
"""

from __future__ import annotations

import functools
from pathlib import Path

import duckdb


def tpch_extension_path() -> Path:
    """The tpch extension file for the installed DuckDB version."""
    import duckdb_extension_tpch

    folder = Path(duckdb_extension_tpch.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    path = folder / "tpch.duckdb_extension"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: duckdb-extension-tpch must match duckdb {duckdb.__version__}")
    return path


@functools.cache
def tpch_queries() -> dict[int, str]:
    """{query number: SQL} for TPC-H queries 1..22, without the trailing semicolon."""
    con = duckdb.connect()
    try:
        con.execute(f"LOAD '{tpch_extension_path()}'")
        rows = con.execute("SELECT query_nr, query FROM tpch_queries() ORDER BY query_nr").fetchall()
    finally:
        con.close()
    queries = {int(nr): sql.strip().rstrip(";").strip() for nr, sql in rows}
    assert sorted(queries) == list(range(1, 23)), sorted(queries)
    return queries
