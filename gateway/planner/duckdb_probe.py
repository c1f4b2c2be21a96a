"""What the planner asks the gateway's DuckDB before it plans: a query's columns, its functions.

PostgreSQL's parse analysis looks a function up in pg_proc and a relation's columns up in
pg_attribute. duckflight's catalog knows its tables only; two things the planner cannot know
from it are DuckDB's: the columns a file function reads (``read_csv('/data/x.csv')``: the
file says, ``function_columns``) and which functions DuckDB has, with the macros the gateway
installs (``missing_functions``). The gateway's database is locked to the data folder
(``worker/sandbox.py``), so what a probe reads is what the query itself could read.

>>> import duckdb
>>> probe = Probe(duckdb.connect())
>>> probe.columns("SELECT 1 AS a, 'x' AS b")
['a', 'b']
>>> "lower" in probe.functions(), "getenv" in probe.functions()
(True, False)
"""

from __future__ import annotations

import threading

import duckdb

from duckflight.gateway.errors import from_exception


class Probe:
    """Questions to one DuckDB database (a fresh cursor each); its function names are read once."""

    def __init__(self, database: duckdb.DuckDBPyConnection):
        self.database = database
        self._functions: frozenset[str] | None = None
        self._lock = threading.Lock()

    def columns(self, sql: str) -> list[str]:
        """The output column names of the query ``sql`` (DuckDB's), bound but not run; an error
        of DuckDB's (a file that is missing or outside the sandbox) is the client's error."""
        cursor = self.database.cursor()
        try:
            return [row[0] for row in cursor.execute(f"DESCRIBE {sql}").fetchall()]
        except duckdb.Error as error:
            raise from_exception(error) from error
        finally:
            cursor.close()

    def functions(self) -> frozenset[str]:
        """Every function and macro name the database has, in lower case (read the first time:
        the gateway installs its macros before it takes queries)."""
        with self._lock:
            if self._functions is None:
                cursor = self.database.cursor()
                try:
                    rows = cursor.execute("SELECT DISTINCT lower(function_name) FROM duckdb_functions()").fetchall()
                finally:
                    cursor.close()
                self._functions = frozenset(row[0] for row in rows)
            return self._functions
