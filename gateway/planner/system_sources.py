"""Rule: catalog relations in a query over tables are read on the gateway, from the catalog image.

PostgreSQL lets one query read tables and its catalog (``select count(*) from
nation, pg_class where relname = 'nation'``). The workers have no catalog, so each
catalog relation becomes its place in the gateway's catalog image
(``SystemCatalog.sources``, as ``system_relations`` rewrites a catalog query); the
final stage, which runs on the gateway, reads it there. ``gateway_only`` tells
the later rules what must not leave the gateway (these relations, and the image's
functions the rules ``system_functions``, ``reg_casts`` and ``pg_operators`` put in), so the blocks holding them stay on the gateway
and only their tables' scans run on the workers. A table of the data folder named
like a catalog relation (``pg_data``) is that table, as ``SystemCatalog.answers`` reads it.

>>> import sqlglot
>>> from duckflight.gateway.catalog import Catalog, Table
>>> catalog = Catalog({"t": Table("t", "parquet", [], [("a", "BIGINT")])})
>>> image = {("pg_catalog", "pg_class"): "catalog_image.pg.pg_class"}
>>> tree = system_sources(sqlglot.parse_one("select a from t, pg_class c", read="postgres"), catalog, image)
>>> tree.sql("duckdb"), gateway_only(tree)
('SELECT a FROM t, catalog_image.pg.pg_class AS c', True)
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.schema import MappingSchema

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.system.functions import PG
from duckflight.gateway.system.system_relations import system_relations

DATABASE, SCHEMA = "duckflight", "public"  # where the tables are: duckflight.public.t is t
# Catalogs of the gateway's DuckDB that only the gateway has: the image, and the
# relations registered on the query's cursor (image.DYNAMIC).
GATEWAY_CATALOGS = (PG.split(".")[0], "temp")


def system_sources(tree: exp.Expression, catalog: Catalog, relations: dict[tuple[str, str], str]) -> exp.Expression:
    return system_relations(tree, relations, shadowing=set(catalog.tables), function_aliases=False)


def placed(tree: exp.Expression, catalog: Catalog, sources) -> tuple[exp.Expression, MappingSchema]:
    """The tree with its catalog relations placed (``sources``: ``system_catalog.SystemSources``, or
    None), and sqlglot's schema to qualify and type it with: the tables', and when it reads
    the image the image's too, both nested as catalog.schema.relation."""
    if sources is not None:
        tree = system_sources(tree, catalog, sources.relations)
    if not gateway_only(tree):
        return tree, catalog.sqlglot_schema()
    nested = {DATABASE: {SCHEMA: catalog.column_types()}, **sources.schema}
    return tree, MappingSchema(nested, dialect="postgres", normalize=False)  # as Catalog.sqlglot_schema


def gateway_only(node: exp.Expression) -> bool:
    """Whether ``node`` reads a relation or calls a function that only the gateway has."""
    for found in node.find_all(exp.Table, exp.Dot):
        if isinstance(found, exp.Table) and found.catalog in GATEWAY_CATALOGS:
            return True
        if isinstance(found, exp.Dot) and isinstance(found.this, exp.Identifier) and \
                found.this.name in GATEWAY_CATALOGS:
            return True
    return False


def is_gateway_table(table: exp.Table) -> bool:
    return table.catalog in GATEWAY_CATALOGS
