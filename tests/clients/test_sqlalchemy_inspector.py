"""SQLAlchemy's Inspector (postgresql+psycopg) sees duckflight's tables as it sees PostgreSQL's.

Superset, and many notebooks, discover tables this way. Every Inspector call is made
on both servers (same tables, see catalog_support.py) and the answers compared.
"""

from __future__ import annotations

import pytest

sqlalchemy = pytest.importorskip("sqlalchemy")

from catalog_support import catalog_data, catalog_duckflight, catalog_pg  # noqa: E402,F401


def engine(url: str):
    return sqlalchemy.create_engine(url.replace("tester@", "duckflight@").replace("postgresql://", "postgresql+psycopg://"))


def inspect_all(url: str) -> dict:
    e = engine(url)
    try:
        i = sqlalchemy.inspect(e)
        columns = {t: [(c["name"], str(c["type"]), c["nullable"], c["default"]) for c in i.get_columns(t)]
                   for t in ("orders", "events")}
        return {
            "schemas": sorted(i.get_schema_names()),
            "tables": sorted(i.get_table_names()),
            "views": sorted(i.get_view_names()),
            "duckflight views": sorted(i.get_view_names(schema="duckflight")),
            "columns": columns,
            "has_table": (i.has_table("orders"), i.has_table("nope"), i.has_table("workers", schema="duckflight")),
            "pk": i.get_pk_constraint("orders"),
            "indexes": i.get_indexes("orders"),
            "foreign keys": i.get_foreign_keys("orders"),
            "unique": i.get_unique_constraints("orders"),
            "comment": i.get_table_comment("orders"),
            "server version": e.dialect.server_version_info[:1],
            "default schema": e.dialect.default_schema_name,
        }
    finally:
        e.dispose()


def test_inspector_matches_postgresql(catalog_duckflight, catalog_pg):
    ours, theirs = inspect_all(catalog_duckflight), inspect_all(catalog_pg)
    for key in theirs:
        assert ours[key] == theirs[key], key


def test_reflected_table_is_queryable(catalog_duckflight):
    e = engine(catalog_duckflight)
    try:
        orders = sqlalchemy.Table("orders", sqlalchemy.MetaData(), autoload_with=e)
        with e.connect() as connection:
            count = connection.execute(sqlalchemy.select(sqlalchemy.func.count()).select_from(orders)).scalar()
        assert count == 10
    finally:
        e.dispose()
