"""Rule: a function in FROM has its columns named in its alias, as PostgreSQL names them.

* A set-returning function of one column names its column after the table alias
  (addRangeTableEntryForFunction: "the column alias defaults to the table alias"):
  ``select * from unnest(array[1,2]) u`` is a column ``u``. DuckDB names it ``unnest``, so
  the alias is given the column name explicitly. (``generate_series`` gets the same from
  ``integer_series``; a column alias list, ``u(x)``, is kept as written.)
* A DuckDB table function that an admin may call (``read_csv('/data/x.csv')``,
  ``duckdb_settings()``: ``file_access`` judged it first) has the columns DuckDB reads, which
  only DuckDB knows: the gateway's DuckDB is asked (``duckdb_probe``), and the alias lists
  them, so that ``select name from read_csv(...)`` finds its column as PostgreSQL finds a
  function's output columns. With no alias the function's name is one, as in PostgreSQL
  (``read_csv.name``); columns an alias list names keep its names.

>>> import sqlglot
>>> function_columns(sqlglot.parse_one("select * from unnest(array[1,2]) u", read="postgres")).sql("postgres")
'SELECT * FROM UNNEST(ARRAY[1, 2]) AS u(u)'
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.planner.duckdb_probe import Probe
from duckflight.gateway.planner.file_access import FILE_FUNCTIONS, INTERNALS, STRING_NAME, function_name


def function_columns(tree: exp.Expression, probe: Probe | None = None) -> exp.Expression:
    """``tree`` with each one-column unnest in FROM named after its alias, and each DuckDB
    table function's columns named as ``probe`` reads them (none without a probe)."""
    for unnest in tree.find_all(exp.Unnest):
        alias = unnest.args.get("alias")
        if (isinstance(unnest.parent, (exp.From, exp.Join)) and len(unnest.expressions) == 1
                and isinstance(alias, exp.TableAlias) and alias.this is not None and not alias.columns):
            alias.set("columns", [alias.this.copy()])
    if probe is not None:
        for table in list(tree.find_all(exp.Table)):
            if _duckdb_function(table):
                _name_columns(table, probe)
    return tree


def probed(tree: exp.Expression) -> bool:
    """Whether planning ``tree`` asks DuckDB for the columns of a function in FROM (or of
    ``FROM 'file'``): they are the file's now, so its plan is not kept for reuse."""
    return any(_duckdb_function(t) or t.this is not None and t.this.meta.get(STRING_NAME)
               for t in tree.find_all(exp.Table))


def _duckdb_function(table: exp.Table) -> bool:
    """A table whose source is a call of DuckDB's file functions or of its own state."""
    if not isinstance(table.this, exp.Func) or table.this.find(exp.Placeholder, exp.Parameter) is not None:
        return False  # a parameter is bound at Bind: the columns are named then
    name = function_name(table.this)
    return name in FILE_FUNCTIONS or name.startswith(INTERNALS)


def _name_columns(table: exp.Table, probe: Probe) -> None:
    names = probe.columns(f"SELECT * FROM {table.this.sql('duckdb')}")
    alias = table.args.get("alias")
    if alias is None:
        alias = exp.TableAlias(this=exp.to_identifier(function_name(table.this)))
        table.set("alias", alias)
    given = list(alias.columns)
    if len(given) < len(names):
        alias.set("columns", given + [exp.to_identifier(n, quoted=True) for n in names[len(given):]])
