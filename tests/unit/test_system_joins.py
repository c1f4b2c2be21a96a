"""Catalog queries of the BI drivers that nest their joins in parentheses (psqlODBC's
SQLColumns): pointing the relations at the catalog image must keep every join."""

from __future__ import annotations

import sqlglot

from duckflight.gateway.system.system_relations import system_relations

IMAGE = {("pg_catalog", name): f"catalog_image.pg.{name}" for name in ("pg_class", "pg_namespace", "pg_attribute", "pg_type")}


def test_parenthesized_joins_keep_their_joins_and_conditions():
    sql = ("select c.relname, a.attname from (((pg_catalog.pg_class c inner join pg_catalog.pg_namespace n"
           " on n.oid = c.relnamespace and c.relname like 'lineitem') inner join pg_catalog.pg_attribute a"
           " on a.attrelid = c.oid) inner join pg_catalog.pg_type t on t.oid = a.atttypid)")
    out = system_relations(sqlglot.parse_one(sql, read="postgres"), IMAGE).sql("duckdb")
    assert out == (
        "SELECT c.relname, a.attname FROM (((catalog_image.pg.pg_class AS c"
        " INNER JOIN catalog_image.pg.pg_namespace AS n ON n.oid = c.relnamespace AND c.relname LIKE 'lineitem')"
        " INNER JOIN catalog_image.pg.pg_attribute AS a ON a.attrelid = c.oid)"
        " INNER JOIN catalog_image.pg.pg_type AS t ON t.oid = a.atttypid)")
