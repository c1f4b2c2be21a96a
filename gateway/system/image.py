"""The catalog image: PostgreSQL's catalog relations, filled from ours, in the gateway's DuckDB.

An attached in-memory database ``catalog_image`` holds one table per catalog
relation (``pg`` for pg_catalog, ``info`` for information_schema, with
PostgreSQL 15's columns from ``layout``), the macros of ``functions``, and
``internal`` tables the macros read. It is refilled, in one transaction, when
the tables of the catalog change (``Image.fill``); its roles, when the users change
(``Image.fill_roles``). Relations whose rows belong to
the moment or the session (``pg_settings``, ``pg_cursors``, ``pg_stat_activity``,
``information_schema.enabled_roles``, ``duckflight.workers``)
are Arrow tables registered on each query's cursor instead (``DYNAMIC``: DuckDB
keeps a cursor's registered tables in its ``temp`` catalog).
"""

from __future__ import annotations

import os
import threading

import duckdb
import pyarrow as pa

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.core.identifiers import quote_ident_if_needed
from duckflight.gateway.system import definitions, rows
from duckflight.gateway.system.functions import INTERNAL, create_statements
from duckflight.gateway.system.generated.layout import COLUMN_TYPE_OIDS, LAYOUT, RELATION_OIDS
from duckflight.gateway.system.generated.builtin_keywords import COLUMNS as KEYWORD_COLUMNS, KEYWORDS
from duckflight.gateway.system.pg_types import arrow_column_types, builtin_column_type, column_types, type_names, type_oids
from duckflight.gateway.system.roles import Role, catalog_roles, role_rows

IMAGE = "catalog_image"
SCHEMAS = {"pg_catalog": "pg", "information_schema": "info"}
# Relations registered per query, under these names, on the query's cursor.
DYNAMIC = {("pg_catalog", "pg_settings"): "temp.main.__pg_settings",
           ("pg_catalog", "pg_cursors"): "temp.main.__pg_cursors",
           ("pg_catalog", "pg_stat_activity"): "temp.main.__pg_stat_activity",
           ("information_schema", "enabled_roles"): "temp.main.__enabled_roles",
           ("duckflight", "workers"): "temp.main.__duckflight_workers"}
# pg_catalog relations that are views in PostgreSQL.
VIEWS = {"pg_roles", "pg_user", "pg_tables", "pg_views", "pg_matviews", "pg_indexes", "pg_settings", "pg_locks",
         "pg_sequences", "pg_available_extensions", "pg_timezone_names", "pg_stat_activity", "pg_stat_database",
         "pg_stat_all_tables", "pg_stat_user_tables", "pg_statio_user_tables", "pg_stat_user_indexes",
         "pg_statio_user_indexes", "pg_cursors"}


# The image's own tables, which the macros of ``functions`` read: name (columns).
INTERNAL_TABLES = {
    "type_names": "(oid BIGINT, typname VARCHAR, full_name VARCHAR, name VARCHAR, base BIGINT, suffix VARCHAR)",
    "type_keys": "(key VARCHAR, oid BIGINT)",
    "type_oids": "(duckdb VARCHAR, oid BIGINT)",
    "keywords": "(word VARCHAR, catcode VARCHAR, barelabel BOOLEAN, catdesc VARCHAR, baredesc VARCHAR)",
    "relation_sizes": "(oid BIGINT, bytes BIGINT)",
    "relation_names": "(name VARCHAR, oid BIGINT, shown VARCHAR)",
    # The text pg_get_viewdef, pg_get_ruledef and pg_get_functiondef print (plain, pretty).
    "view_definitions": "(oid BIGINT, plain VARCHAR, pretty VARCHAR)",
    "rule_definitions": "(oid BIGINT, plain VARCHAR, pretty VARCHAR)",
    "function_definitions": "(oid BIGINT, text VARCHAR, result VARCHAR, arguments VARCHAR, identity VARCHAR)",
}


class Image:
    """Builds the image and knows where each catalog relation of it lives."""

    def __init__(self, database: duckdb.DuckDBPyConnection, catalog: Catalog, workers_schema: pa.Schema):
        self.database = database
        self.workers_schema = workers_schema
        self.relations = {key: f"{IMAGE}.{SCHEMAS[key[0]]}.{key[1]}" for key in LAYOUT}
        self.relations.update(DYNAMIC)
        # A table keeps its OID while the gateway runs, whatever tables come and go (as in
        # PostgreSQL, where clients cache them); a new table takes the next one.
        self._oids: dict[str, int] = {}
        self.roles: tuple[Role, ...] = catalog_roles(None)
        self._fill_lock = threading.Lock()  # one refill at a time: two would conflict in DuckDB
        database.execute(f"ATTACH ':memory:' AS {IMAGE}")
        for schema in [*SCHEMAS.values(), "internal"]:
            database.execute(f"CREATE SCHEMA {IMAGE}.{schema}")
        for (schema, name), columns in LAYOUT.items():
            body = ", ".join(f'"{c}" {t}' for c, t in columns)
            database.execute(f"CREATE TABLE {IMAGE}.{SCHEMAS[schema]}.{name} ({body})")
        for name, columns in INTERNAL_TABLES.items():
            database.execute(f"CREATE TABLE {INTERNAL}.{name} {columns}")
        self.settings_schema = self._schema(("pg_catalog", "pg_settings"))
        self.cursors_schema = self._schema(("pg_catalog", "pg_cursors"))
        self.activity_schema = self._schema(("pg_catalog", "pg_stat_activity"))
        self.enabled_roles_schema = self._schema(("information_schema", "enabled_roles"))
        self._keyword_set = {row[0] for row in KEYWORDS if row[1] != "U"}  # what quote_ident quotes
        self.fill(catalog)
        for statement in create_statements():
            database.execute(statement)

    def fill(self, catalog: Catalog) -> None:
        """Put ``catalog``'s rows in the image, in place of what it held, in one transaction:
        a query sees the image before or after, never between."""
        tables = [f"{IMAGE}.{SCHEMAS[s]}.{n}" for s, n in LAYOUT] + [f"{INTERNAL}.{n}" for n in INTERNAL_TABLES]
        self._replace(tables, lambda cursor: self._fill(cursor, self._relations(catalog)))

    def fill_roles(self, roles: tuple[Role, ...]) -> None:
        """Put these roles in pg_authid, pg_roles and pg_user, in place of the ones there."""
        def fill(cursor):
            self.roles = roles  # under the lock: a whole refill (fill) puts these in too
            for (schema, name), records in role_rows(roles).items():
                _insert(cursor, f"{IMAGE}.{SCHEMAS[schema]}.{name}", records,
                        fill_defaults=schema == "pg_catalog" and name not in VIEWS)
        self._replace([f"{IMAGE}.{SCHEMAS[s]}.{n}" for s, n in role_rows(roles)], fill)

    def _replace(self, tables: list[str], fill) -> None:
        """Empty ``tables`` and ``fill(cursor)`` them, in one transaction."""
        with self._fill_lock:
            cursor = self.database.cursor()
            try:
                cursor.begin()
                for table in tables:
                    cursor.execute(f"DELETE FROM {table}")
                fill(cursor)
                cursor.commit()
            except BaseException:
                cursor.rollback()
                raise
            finally:
                cursor.close()

    def _schema(self, key: tuple[str, str]) -> pa.Schema:
        return self.database.sql(f"SELECT * FROM {IMAGE}.{SCHEMAS[key[0]]}.{key[1]} LIMIT 0").to_arrow_table().schema

    def _oid(self, table: str) -> int:
        if table not in self._oids:
            self._oids[table] = rows.FIRST_RELATION_OID + len(self._oids)
        return self._oids[table]

    def _relations(self, catalog: Catalog) -> list[rows.Relation]:
        found = []
        for table in sorted(catalog.tables.values(), key=lambda t: t.name):
            types = column_types(self.database, [t for _, t in table.columns])
            found.append(rows.Relation(self._oid(table.name), "public", table.name, "r", list(zip(table.names, types)),
                                       access_method=table.format, row_count=table.row_count, size=_size(table.files)))
        for (schema, name), columns in LAYOUT.items():
            oid = RELATION_OIDS[(schema, name)]  # PostgreSQL's own: pg_class is 1259
            kind = "r" if schema == "pg_catalog" and name not in VIEWS else "v"
            types = column_types(self.database, [t for _, t in columns])
            sent = COLUMN_TYPE_OIDS.get((schema, name), {})  # name and oid columns are sent as such
            types = [builtin_column_type(*sent[c]) if c in sent else t for (c, _), t in zip(columns, types)]
            found.append(rows.Relation(oid, schema, name, kind, list(zip([c for c, _ in columns], types)),
                                       definition=definitions.system_view(schema, name) if kind == "v" else None))
        workers_schema = self.workers_schema
        found.append(rows.Relation(16387, "duckflight", "workers", "v",
                                   list(zip(workers_schema.names, arrow_column_types(workers_schema))),
                                   definition=definitions.workers_view(workers_schema)))
        return found

    def _fill(self, cursor: duckdb.DuckDBPyConnection, relations: list[rows.Relation]) -> None:
        workers_schema = self.workers_schema
        content = {**rows.fixed_rows(), **role_rows(self.roles), **rows.relation_rows(relations)}
        content[("pg_catalog", "pg_proc")], function_texts = definitions.functions(rows.NAMESPACES, workers_schema)
        content[("pg_catalog", "pg_rewrite")], rule_texts = definitions.rules(relations)
        content[("information_schema", "routines")] = definitions.routines(rows.DATABASE)
        for key, records in content.items():
            _insert(cursor, f"{IMAGE}.{SCHEMAS[key[0]]}.{key[1]}", records,
                    fill_defaults=key[0] == "pg_catalog" and key[1] not in VIEWS)
        keys = [(key, t["oid"]) for t in type_names() for key in (t["typname"], t["full_name"], t["name"] + t["suffix"])]
        internal = {
            "type_names": type_names(),
            "type_keys": [{"key": k, "oid": o} for k, o in _unique(keys)],
            "type_oids": type_oids(self.database),
            "keywords": [dict(zip(KEYWORD_COLUMNS, row)) for row in KEYWORDS],
            "relation_sizes": [{"oid": r.oid, "bytes": r.size} for r in relations],
            "relation_names": relation_names(relations, self._keyword_set),
            "view_definitions": [{"oid": r.oid, "plain": r.definition[0], "pretty": r.definition[1]}
                                 for r in relations if r.definition],
            "rule_definitions": rule_texts,
            "function_definitions": function_texts,
        }
        for name, records in internal.items():
            _insert(cursor, f"{INTERNAL}.{name}", records, fill_defaults=False)


def _insert(cursor: duckdb.DuckDBPyConnection, target: str, records: list[dict], fill_defaults: bool) -> None:
    if not records:
        return
    columns = cursor.sql(f"SELECT * FROM {target} LIMIT 0")
    names = [c for c in columns.columns]
    types = [str(t) for t in columns.types]
    full = [{n: r.get(n, _default(t) if fill_defaults else None) for n, t in zip(names, types)} for r in records]
    cursor.register("__image_rows", pa.Table.from_pylist(full))
    cursor.execute(f"INSERT INTO {target} BY NAME SELECT * FROM __image_rows")
    cursor.unregister("__image_rows")


def relation_names(relations: list[rows.Relation], keywords: set[str]) -> list[dict]:
    """How regclass reads names (``name``: the parts as spelled, joined by dots) and prints
    them (``shown``): bare when on the search path, else schema-qualified, each part quoted
    where PostgreSQL's quote_identifier would."""
    def quoted(*parts: str) -> str:
        return ".".join(quote_ident_if_needed(p, keywords) for p in parts)
    found = []
    for r in relations:
        visible = r.schema in ("pg_catalog", "public")
        found.append((f"{r.schema}.{r.name}", r.oid, None if visible else quoted(r.schema, r.name)))
        if visible:
            found.append((r.name, r.oid, quoted(r.name)))
    return [{"name": name, "oid": oid, "shown": shown} for name, oid, shown in _unique(found)]


def _unique(rows_: list[tuple]) -> list[tuple]:
    """Rows keeping the first of each key (their first item): PostgreSQL's search order decides."""
    seen: dict = {}
    for row in rows_:
        seen.setdefault(row[0], row)
    return list(seen.values())


def _default(duckdb_type: str):
    # PostgreSQL's catalog tables have NOT NULL columns: false and 0 where we say nothing.
    if duckdb_type == "BOOLEAN":
        return False
    if duckdb_type in ("BIGINT", "INTEGER", "SMALLINT", "REAL", "DOUBLE"):
        return 0
    return None


def _size(files: list[str]) -> int:
    return sum(os.path.getsize(f) for f in files if os.path.exists(f))
