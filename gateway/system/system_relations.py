"""Rule: point every catalog relation at its place in the catalog image.

``pg_catalog.pg_class`` (or plain ``pg_class``: PostgreSQL searches
``pg_catalog`` first) becomes ``catalog_image.pg.pg_class``; a catalog name
the image lacks is PostgreSQL's 42P01; ``pg_catalog.generate_series(...)`` in
FROM loses its schema, and its alias names its column as in PostgreSQL. ``relations`` maps (schema, name) to the replacement.

>>> import sqlglot
>>> image = {("pg_catalog", "pg_class"): "catalog_image.pg.pg_class"}
>>> system_relations(sqlglot.parse_one("select relname from pg_class c", read="postgres"), image).sql("duckdb")
'SELECT relname FROM catalog_image.pg.pg_class AS c'
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError

SYSTEM_SCHEMAS = ("pg_catalog", "information_schema", "duckflight")


def system_relations(tree: exp.Expression, relations: dict[tuple[str, str], str],
                     shadowing: set[str] = frozenset(), function_aliases: bool = True) -> exp.Expression:
    """``shadowing``: names of other relations that a bare ``pg_*`` name means instead (tables);
    ``function_aliases``: whether FROM functions are written as DuckDB runs PostgreSQL's (see above)."""
    ctes = {cte.alias_or_name for cte in tree.find_all(exp.CTE)} | set(shadowing)
    for table in list(tree.find_all(exp.Table)):
        if isinstance(table.this, exp.Func):
            if is_worker_status(table):  # duckflight.workers reads it; its rows are the workers'
                _replace(table, relations[("duckflight", "workers")], "worker_status")
            elif function_aliases and table.catalog != "catalog_image":
                _function_alias(table)
            continue
        key = system_key(table, ctes)
        if key is None:
            continue
        target = relations.get(key)
        if target is None:
            raise SqlError("42P01", f'relation "{table.db + "." if table.db else ""}{table.name}" does not exist')
        _replace(table, target, table.name)
    for column in tree.find_all(exp.Column):
        if column.args.get("db") is not None and column.text("db") in SYSTEM_SCHEMAS:
            column.set("db", None)  # pg_catalog.pg_class.relname: the alias is pg_class
            column.set("catalog", None)
    return tree


def _replace(table: exp.Table, target: str, name: str) -> None:
    replacement = exp.to_table(target)
    replacement.set("alias", table.args.get("alias") or exp.TableAlias(this=exp.to_identifier(name)))
    # A parenthesized join keeps its joins on its first table ("(pg_class c join
    # pg_namespace n on ...) join ...", as psqlODBC's SQLColumns writes it).
    for arg in ("joins", "laterals", "pivots"):
        if table.args.get(arg):
            replacement.set(arg, table.args[arg])
    table.replace(replacement)


def is_worker_status(table: exp.Table) -> bool:
    """``duckflight.worker_status()`` in FROM (see definitions.py)."""
    return table.db == "duckflight" and isinstance(table.this, exp.Anonymous) and \
        table.this.name.lower() == "worker_status" and not table.this.expressions


def _function_alias(table: exp.Table) -> None:
    """``pg_catalog.generate_series(0, 3) s``: no schema, and ``s`` also names its one column."""
    if table.db == "pg_catalog":
        table.set("db", None)
    alias = table.args.get("alias")
    if alias is not None and alias.this is not None and not alias.columns:
        alias.set("columns", [alias.this.copy()])


def system_key(table: exp.Table, ctes: set[str]) -> tuple[str, str] | None:
    """(schema, name) when the table names a catalog relation, else None."""
    if table.catalog and table.catalog != "duckflight":
        return None
    if table.db in SYSTEM_SCHEMAS:
        return table.db, table.name
    if not table.db and table.name.startswith("pg_") and table.name not in ctes:
        return "pg_catalog", table.name
    return None
