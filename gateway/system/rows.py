"""The rows of the catalog image, computed from the relations it describes.

Every relation a client can see (the user tables of ``public``, the catalog
relations themselves, ``duckflight.workers``) becomes a ``Relation``; the
functions here turn that list into the rows of ``pg_class``,
``pg_attribute``, ``information_schema.tables`` and their neighbours. Fixed
rows (namespaces, the database) say what duckflight is: one database
``duckflight`` owned by the role ``duckflight``, read-only, UTF8, ordered
bytewise (collation C).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duckflight.gateway.core.pg_types import BPCHAR, VARCHAR, VARHDRSZ
from duckflight.gateway.system.generated.builtin_types import TYPES
from duckflight.gateway.system.generated.layout import NAMESPACE_OIDS
from duckflight.gateway.system.pg_types import DATETIME_PRECISION, ColumnType
from duckflight.gateway.system.roles import DATABASE_OWNER_OID, OWNER, OWNER_OID
from duckflight.gateway.system.server_settings import shown

DATABASE = "duckflight"
DATABASE_OID = 16383
# The database's locale (pg_database), the lc_ctype of builtin_settings: glibc's C.UTF-8 sorts by
# code point and changes the case of every letter, as DuckDB does (docs/decisions.md).
LOCALE = shown("lc_ctype")
NAMESPACES = {**NAMESPACE_OIDS, "duckflight": 16384}  # PostgreSQL's own schemas have its OIDs
# Table access methods: each user table is read by its file format's reader.
ACCESS_METHODS = {"heap": 2, "btree": 403, "parquet": 16385, "csv": 16386}
FIRST_RELATION_OID = 16400


@dataclass
class Relation:
    oid: int
    schema: str
    name: str
    kind: str  # pg_class.relkind: 'r' table, 'v' view
    columns: list[tuple[str, ColumnType]]
    access_method: str | None = None
    row_count: int | None = None
    size: int = 0
    extra: dict = field(default_factory=dict)
    definition: tuple[str, str] | None = None  # a view's text: pg_get_viewdef(oid), and pretty


def namespaces() -> list[dict]:
    owners = {"public": DATABASE_OWNER_OID}
    return [{"oid": oid, "nspname": name, "nspowner": owners.get(name, OWNER_OID)} for name, oid in NAMESPACES.items()]


def database() -> list[dict]:
    return [{"oid": DATABASE_OID, "datname": DATABASE, "datdba": OWNER_OID, "encoding": 6, "datlocprovider": "c",
             "datistemplate": False, "datallowconn": True, "datconnlimit": -1, "datfrozenxid": 0, "datminmxid": 1,
             "dattablespace": 1663, "datcollate": LOCALE, "datctype": LOCALE}]


def fixed_rows() -> dict[tuple[str, str], list[dict]]:
    return {
        ("pg_catalog", "pg_namespace"): namespaces(),
        ("pg_catalog", "pg_database"): database(),
        ("pg_catalog", "pg_am"): [{"oid": oid, "amname": name, "amtype": "i" if name == "btree" else "t",
                                   "amhandler": f"{name}_handler"} for name, oid in ACCESS_METHODS.items()],
        ("pg_catalog", "pg_collation"): [
            {"oid": 100, "collname": "default", "collnamespace": 11, "collowner": 10, "collprovider": "d",
             "collisdeterministic": True, "collencoding": -1},
            {"oid": 950, "collname": "C", "collnamespace": 11, "collowner": 10, "collprovider": "c",
             "collisdeterministic": True, "collencoding": -1, "collcollate": "C", "collctype": "C"},
        ],
        ("pg_catalog", "pg_language"): [{"oid": oid, "lanname": name, "lanowner": 10, "lanpltrusted": name == "sql"}
                                        for name, oid in (("internal", 12), ("c", 13), ("sql", 14))],
        ("pg_catalog", "pg_tablespace"): [{"oid": 1663, "spcname": "pg_default", "spcowner": 10},
                                          {"oid": 1664, "spcname": "pg_global", "spcowner": 10}],
        ("pg_catalog", "pg_type"): type_rows(),
        ("information_schema", "schemata"): [
            {"catalog_name": DATABASE, "schema_name": name, "schema_owner": "pg_database_owner" if name == "public" else OWNER}
            for name in NAMESPACES],
    }


def type_rows() -> list[dict]:
    rows = []
    for (oid, name, length, byval, typtype, category, preferred, delim, elem, array, typin, typout,
         receive, send, align, storage, collation, _) in TYPES:
        rows.append({
            "oid": oid, "typname": name, "typnamespace": 11, "typowner": OWNER_OID, "typlen": length,
            "typbyval": byval, "typtype": typtype, "typcategory": category, "typispreferred": preferred,
            "typisdefined": True, "typdelim": delim, "typrelid": 0, "typelem": elem, "typarray": array,
            "typinput": typin, "typoutput": typout, "typreceive": receive, "typsend": send,
            "typmodin": "-", "typmodout": "-", "typanalyze": "-", "typalign": align, "typstorage": storage,
            "typnotnull": False, "typbasetype": 0, "typtypmod": -1, "typndims": 0, "typcollation": collation,
            "typsubscript": "array_subscript_handler" if category == "A" else "-",
        })
    return rows


def pg_class(relations: list[Relation]) -> list[dict]:
    return [{
        "oid": r.oid, "relname": r.name, "relnamespace": NAMESPACES[r.schema], "reltype": 0, "reloftype": 0,
        "relowner": OWNER_OID, "relam": ACCESS_METHODS.get(r.access_method, 0) if r.kind == "r" else 0,
        "relfilenode": 0, "reltablespace": 0, "relpages": 0,
        "reltuples": float(r.row_count) if r.row_count is not None else -1.0, "relallvisible": 0,
        "reltoastrelid": 0, "relhasindex": False, "relisshared": False, "relpersistence": "p",
        "relkind": r.kind, "relnatts": len(r.columns), "relchecks": 0, "relhasrules": r.kind == "v",
        "relhastriggers": False, "relhassubclass": False, "relrowsecurity": False,
        "relforcerowsecurity": False, "relispopulated": True, "relreplident": "d" if r.kind == "r" else "n",
        "relispartition": False, "relrewrite": 0, "relfrozenxid": 0, "relminmxid": 0,
    } for r in relations]


def pg_attribute(relations: list[Relation]) -> list[dict]:
    rows = []
    for r in relations:
        for number, (name, t) in enumerate(r.columns, 1):
            rows.append({
                "attrelid": r.oid, "attname": name, "atttypid": t.oid, "attlen": t.typlen, "attnum": number,
                "attcacheoff": -1, "atttypmod": t.typmod, "attndims": 1 if t.data_type == "ARRAY" else 0,
                "attbyval": t.typbyval, "attalign": t.typalign, "attstorage": t.typstorage,
                "attcompression": "", "attnotnull": False, "atthasdef": False, "atthasmissing": False,
                "attidentity": "", "attgenerated": "", "attisdropped": False, "attislocal": True,
                "attinhcount": 0, "attstattarget": -1, "attcollation": t.collation,
            })
    return rows


def pg_tables(relations: list[Relation]) -> list[dict]:
    return [{"schemaname": r.schema, "tablename": r.name, "tableowner": OWNER, "hasindexes": False,
             "hasrules": False, "hastriggers": False, "rowsecurity": False} for r in relations if r.kind == "r"]


def pg_views(relations: list[Relation]) -> list[dict]:
    return [{"schemaname": r.schema, "viewname": r.name, "viewowner": OWNER,
             "definition": r.definition[0] if r.definition else None} for r in relations if r.kind == "v"]


def pg_stat_tables(relations: list[Relation]) -> list[dict]:
    return [{"relid": r.oid, "schemaname": r.schema, "relname": r.name, "n_live_tup": r.row_count or 0,
             "seq_scan": 0, "n_tup_ins": 0, "n_tup_upd": 0, "n_tup_del": 0, "n_dead_tup": 0}
            for r in relations if r.kind == "r"]


def information_tables(relations: list[Relation]) -> list[dict]:
    return [{"table_catalog": DATABASE, "table_schema": r.schema, "table_name": r.name,
             "table_type": "BASE TABLE" if r.kind == "r" else "VIEW",
             "is_insertable_into": "NO", "is_typed": "NO"} for r in relations]


def information_views(relations: list[Relation]) -> list[dict]:
    return [{"table_catalog": DATABASE, "table_schema": r.schema, "table_name": r.name,
             "view_definition": r.definition[0] if r.definition else None, "check_option": "NONE",
             "is_updatable": "NO", "is_insertable_into": "NO", "is_trigger_updatable": "NO",
             "is_trigger_deletable": "NO", "is_trigger_insertable_into": "NO"}
            for r in relations if r.kind == "v"]


def information_columns(relations: list[Relation]) -> list[dict]:
    rows = []
    for r in relations:
        for number, (name, t) in enumerate(r.columns, 1):
            precision, radix, scale = t.precision()
            rows.append({
                "table_catalog": DATABASE, "table_schema": r.schema, "table_name": r.name, "column_name": name,
                "ordinal_position": number, "is_nullable": "YES", "data_type": t.data_type,
                "character_maximum_length": t.typmod - VARHDRSZ if t.oid in (BPCHAR, VARCHAR) and t.typmod >= VARHDRSZ else None,
                "numeric_precision": precision, "numeric_precision_radix": radix, "numeric_scale": scale,
                "datetime_precision": DATETIME_PRECISION.get(t.oid), "udt_catalog": DATABASE,
                "udt_schema": "pg_catalog", "udt_name": t.typname, "dtd_identifier": str(number),
                "is_self_referencing": "NO", "is_identity": "NO", "is_generated": "NEVER", "is_updatable": "NO",
            })
    return rows


def relation_rows(relations: list[Relation]) -> dict[tuple[str, str], list[dict]]:
    """Rows of every relation whose content is the list of relations."""
    stats = pg_stat_tables([r for r in relations if r.schema == "public"])
    return {
        ("pg_catalog", "pg_class"): pg_class(relations),
        ("pg_catalog", "pg_attribute"): pg_attribute(relations),
        ("pg_catalog", "pg_tables"): pg_tables(relations),
        ("pg_catalog", "pg_views"): pg_views(relations),
        ("pg_catalog", "pg_stat_user_tables"): stats,
        ("pg_catalog", "pg_stat_all_tables"): pg_stat_tables(relations),
        ("information_schema", "tables"): information_tables(relations),
        ("information_schema", "views"): information_views(relations),
        ("information_schema", "columns"): information_columns(relations),
    }
