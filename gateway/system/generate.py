"""Writes ``layout.py``, ``builtin_types.py``, ``viewdefs.py``, ``builtin_functions.py``,
``builtin_settings.py`` and ``builtin_keywords.py`` from a running PostgreSQL 15.

These modules are PostgreSQL's own definitions, copied so that the image has
the same shape as the real thing: the columns (and their order) of every
catalog relation a client may read, the built-in types of ``pg_type``, the
text of the catalog relations that are views (``pg_get_viewdef``) and of their
rewrite rules, and the ``pg_proc`` rows (and ``pg_get_functiondef`` text) of
the PostgreSQL functions the image implements (``functions.NAMES``).
They are constants of PostgreSQL 15 (its ``pg_*.h`` / ``system_views.sql`` /
``pg_type.dat``), not answers: what the rows say comes from our catalog.

    python -m duckflight.gateway.system.generate postgresql://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent

# Relations clients read (psql, pgjdbc, psqlODBC, SQLAlchemy, DBeaver, Metabase, Grafana).
RELATIONS = {
    "pg_catalog": """pg_aggregate pg_am pg_attrdef pg_attribute pg_auth_members pg_authid
        pg_available_extensions pg_cast pg_class pg_collation pg_constraint pg_conversion
        pg_database pg_default_acl pg_depend pg_description pg_enum pg_event_trigger
        pg_extension pg_foreign_data_wrapper pg_foreign_server pg_foreign_table pg_index
        pg_indexes pg_inherits pg_language pg_locks pg_matviews pg_namespace pg_opclass
        pg_operator pg_partitioned_table pg_cursors pg_policy pg_proc pg_publication
        pg_publication_namespace pg_publication_rel pg_range pg_rewrite pg_roles pg_sequence
        pg_sequences pg_settings pg_shdescription pg_stat_activity pg_stat_all_tables
        pg_stat_database pg_stat_user_tables pg_statio_user_tables pg_statistic_ext
        pg_tables pg_tablespace pg_timezone_names pg_trigger pg_type pg_user pg_views
        pg_stat_user_indexes pg_statio_user_indexes pg_ts_config pg_transform pg_user_mapping""",
    "information_schema": """character_sets check_constraints columns constraint_column_usage
        domains element_types key_column_usage parameters referential_constraints routines
        schemata sequences table_constraints table_privileges tables triggers views
        column_privileges enabled_roles applicable_roles""",
}

# PostgreSQL type (format_type) -> the DuckDB type the image stores it as.
DUCKDB_TYPES = {
    '"char"': "VARCHAR", "name": "VARCHAR", "text": "VARCHAR", "regproc": "VARCHAR",
    "regtype": "VARCHAR", "pg_node_tree": "VARCHAR", "anyarray": "VARCHAR", "cstring": "VARCHAR",
    "inet": "VARCHAR", "aclitem": "VARCHAR", "pg_lsn": "VARCHAR", "pg_ndistinct": "VARCHAR", "pg_dependencies": "VARCHAR",
    "pg_mcv_list": "VARCHAR", "information_schema.character_data": "VARCHAR",
    "information_schema.sql_identifier": "VARCHAR", "information_schema.yes_or_no": "VARCHAR",
    "information_schema.cardinal_number": "INTEGER", "information_schema.time_stamp": "TIMESTAMPTZ",
    "oid": "BIGINT", "xid": "BIGINT", "bigint": "BIGINT", "integer": "INTEGER", "smallint": "SMALLINT",
    "boolean": "BOOLEAN", "real": "REAL", "double precision": "DOUBLE", "numeric": "DECIMAL(38,6)",
    "bytea": "BLOB", "interval": "INTERVAL", "timestamp with time zone": "TIMESTAMPTZ",
    "int2vector": "SMALLINT[]", "oidvector": "BIGINT[]",
}


def duckdb_type(pg: str) -> str:
    if pg.endswith("[]"):
        return duckdb_type(pg[:-2]) + "[]"
    return DUCKDB_TYPES[pg]


def layout(cursor) -> dict[tuple[str, str], list[tuple[str, str]]]:
    found = {}
    for schema, names in RELATIONS.items():
        for name in names.split():
            cursor.execute(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND c.relname = %s AND a.attnum > 0 AND NOT a.attisdropped "
                "ORDER BY a.attnum", (schema, name))
            found[(schema, name)] = [(n, duckdb_type(t)) for n, t in cursor.fetchall()]
    return found


def namespace_oids(cursor) -> dict[str, int]:
    """The OIDs of PostgreSQL 15's own schemas (information_schema's is given at initdb)."""
    cursor.execute("SELECT nspname, oid::int FROM pg_namespace WHERE nspname IN "
                   "('pg_catalog', 'pg_toast', 'public', 'information_schema') ORDER BY oid")
    return dict(cursor.fetchall())


def relation_oids(cursor, relations) -> dict[tuple[str, str], int]:
    """Each catalog relation's OID in PostgreSQL 15 (pg_class is 1259; views get theirs at initdb)."""
    found = {}
    for schema, name in relations:
        cursor.execute("SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = %s AND c.relname = %s", (schema, name))
        found[(schema, name)] = cursor.fetchone()[0]
    return found


# Types of catalog columns that the image keeps as another DuckDB type but can send as
# PostgreSQL's own (result_types): "char" (18), name (19) and varchar (1043) as text, oid (26)
# as its int64 values.
SENT_AS_THEMSELVES = (18, 19, 26, 1043)


def column_type_oids(cursor, relations) -> dict[tuple[str, str], dict[str, tuple[int, int]]]:
    """Per relation, its columns of those types: (type OID, modifier), a domain's base type
    (sql_identifier is name, yes_or_no varchar(3))."""
    found = {}
    for schema, name in relations:
        cursor.execute(
            "SELECT a.attname, coalesce(nullif(t.typbasetype, 0), a.atttypid)::int, "
            "CASE WHEN t.typbasetype <> 0 THEN t.typtypmod ELSE a.atttypmod END FROM pg_attribute a "
            "JOIN pg_type t ON t.oid = a.atttypid JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relname = %s "
            "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", (schema, name))
        columns = {column: (oid, typmod) for column, oid, typmod in cursor.fetchall() if oid in SENT_AS_THEMSELVES}
        if columns:
            found[(schema, name)] = columns
    return found


def write_layout(relations: dict, oids: dict, column_types: dict, namespaces: dict) -> None:
    lines = ['"""Columns of the catalog relations, as PostgreSQL 15 defines them, and their OIDs',
             '(generated by generate.py)."""', "", "LAYOUT = {"]
    for (schema, name), columns in relations.items():
        lines.append(f"    ({schema!r}, {name!r}): [")
        lines += [f"        ({c!r}, {t!r})," for c, t in columns]
        lines.append("    ],")
    lines += ["}", "", "RELATION_OIDS = {"] + [f"    {key!r}: {oid}," for key, oid in oids.items()]
    lines += ["}", "", "# Columns sent as PostgreSQL's \"char\" (18), name (19), varchar (1043) or oid (26), not as the",
              "# DuckDB type above: (type OID, modifier).",
              "COLUMN_TYPE_OIDS = {"] + [f"    {key!r}: {columns!r}," for key, columns in column_types.items()]
    lines += ["}", "", "NAMESPACE_OIDS = {"] + [f"    {name!r}: {oid}," for name, oid in namespaces.items()]
    (HERE / "layout.py").write_text("\n".join(lines + ["}", ""]))


def builtin_types(cursor) -> list[tuple]:
    cursor.execute(
        "SELECT oid, typname, typlen, typbyval, typtype, typcategory, typispreferred, typdelim, "
        "typelem, typarray, typinput::text, typoutput::text, typreceive::text, typsend::text, "
        "typalign, typstorage, typcollation, format_type(oid, NULL) FROM pg_type "
        "WHERE typnamespace = 11 AND typtype <> 'c' AND oid < 10000 ORDER BY oid")
    return cursor.fetchall()


def view_definitions(cursor, relations) -> tuple[dict, dict]:
    """The views among ``relations``: their text (plain, pretty), and their rules other than
    ``_RETURN`` (whose text is the view's, see ``functions.py``)."""
    views, rules = {}, {}
    for schema, name in relations:
        cursor.execute(
            "SELECT pg_get_viewdef(c.oid), pg_get_viewdef(c.oid, true) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relname = %s "
            "AND c.relkind = 'v'", (schema, name))
        found = cursor.fetchone()
        if found is None:
            continue
        views[(schema, name)] = tuple(found)
        cursor.execute(
            "SELECT r.rulename, r.ev_type, r.is_instead, r.ev_enabled, pg_get_ruledef(r.oid), "
            "pg_get_ruledef(r.oid, true) FROM pg_rewrite r WHERE r.ev_class = %s::regclass "
            "AND r.rulename <> '_RETURN' ORDER BY r.rulename", (f"{schema}.{name}",))
        others = cursor.fetchall()
        if others:
            rules[(schema, name)] = [tuple(row) for row in others]
    return views, rules


def write_viewdefs(views: dict, rules: dict) -> None:
    lines = ['"""PostgreSQL 15\'s text of its catalog views and their rules (generated by generate.py).', "",
             "VIEWDEFS: (schema, view) -> (pg_get_viewdef(oid), pg_get_viewdef(oid, true)).",
             "RULES: (schema, view) -> its rules other than _RETURN: (rulename, ev_type, is_instead,",
             'ev_enabled, pg_get_ruledef(oid), pg_get_ruledef(oid, true))."""', "", "VIEWDEFS = {"]
    for key, (plain, pretty) in views.items():
        lines += [f"    {key!r}: (", f"        {plain!r},", f"        {pretty!r},", "    ),"]
    lines += ["}", "", "RULES = {"]
    for key, found in rules.items():
        lines += [f"    {key!r}: ["] + [f"        {row!r}," for row in found] + ["    ],"]
    (HERE / "viewdefs.py").write_text("\n".join(lines + ["}", ""]))


FUNCTION_COLUMNS = ("oid", "proname", "nspname", "prolang", "procost", "prorows", "provariadic", "prokind",
                    "prosecdef", "proleakproof", "proisstrict", "proretset", "provolatile", "proparallel",
                    "pronargs", "pronargdefaults", "prorettype", "proargtypes", "proallargtypes", "proargmodes",
                    "proargnames", "prosrc", "definition", "result", "arguments", "identity")


def builtin_functions(cursor, names) -> list[tuple]:
    """Every overload of the named functions, as FUNCTION_COLUMNS."""
    cursor.execute(
        "SELECT p.oid, p.proname, n.nspname, p.prolang, p.procost, p.prorows, p.provariadic, p.prokind, "
        "p.prosecdef, p.proleakproof, p.proisstrict, p.proretset, p.provolatile, p.proparallel, p.pronargs, "
        "p.pronargdefaults, p.prorettype, p.proargtypes::oid[], p.proallargtypes, p.proargmodes::text[], "
        "p.proargnames, p.prosrc, CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END, "
        "pg_get_function_result(p.oid), pg_get_function_arguments(p.oid), "
        "pg_get_function_identity_arguments(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname IN ('pg_catalog', 'information_schema') AND p.proname = ANY(%s) ORDER BY p.oid",
        (sorted(names),))
    return [tuple(row) for row in cursor.fetchall()]


def write_functions(rows: list[tuple], routines: list[dict]) -> None:
    lines = ['"""PostgreSQL 15\'s pg_proc rows of the functions the image implements (generated by generate.py).',
             "", "COLUMNS names the fields of each row; ``definition``, ``result``, ``arguments`` and ``identity``",
             "are pg_get_functiondef, pg_get_function_result, pg_get_function_arguments and",
             'pg_get_function_identity_arguments of the function."""', "",
             f"COLUMNS = {FUNCTION_COLUMNS!r}", "", "FUNCTIONS = ["]
    lines += [f"    {row!r}," for row in rows]
    lines += ["]", "", "# information_schema.routines of the same functions: each row's non-NULL columns.", "ROUTINES = ["]
    lines += [f"    {row!r}," for row in routines]
    (HERE / "builtin_functions.py").write_text("\n".join(lines + ["]", ""]))


def builtin_routines(cursor, names) -> list[dict]:
    """information_schema.routines of the named pg_catalog functions: their non-NULL columns."""
    cursor.execute("SELECT * FROM information_schema.routines WHERE specific_schema = 'pg_catalog' "
                   "AND routine_name = ANY(%s) ORDER BY specific_name", (sorted(names),))
    columns = [c.name for c in cursor.description]
    return [{c: v for c, v in zip(columns, row) if v is not None} for row in cursor.fetchall()]


# Settings of the server that generate.py reads that say where it runs, not what PostgreSQL is:
# left out of the rows (NULL), as every sourcefile/sourceline is.
INSTANCE_SETTINGS = {"config_file", "data_directory", "hba_file", "ident_file"}
SETTING_COLUMNS = ("name", "setting", "unit", "category", "short_desc", "extra_desc", "context", "vartype",
                   "source", "min_val", "max_val", "enumvals", "boot_val", "reset_val", "pending_restart")


def settings_rows(cursor) -> list[tuple]:
    """pg_settings of a server as initdb leaves it: what its command line set is back at the
    compiled default, and the settings naming its files are NULL."""
    cursor.execute(f"SELECT {', '.join(SETTING_COLUMNS)} FROM pg_settings ORDER BY name")
    rows = []
    for row in cursor.fetchall():
        found = dict(zip(SETTING_COLUMNS, row))
        if found["source"] == "command line":
            found.update(setting=found["boot_val"], reset_val=found["boot_val"], source="default")
        if found["name"] in INSTANCE_SETTINGS:
            found.update(setting=None, reset_val=None)
        rows.append(tuple(found[c] for c in SETTING_COLUMNS))
    return sorted(rows, key=lambda row: row[0].lower())  # pg_show_all_settings' order (guc_name_compare)


def write_settings(rows: list[tuple]) -> None:
    lines = ['"""PostgreSQL 15\'s pg_settings rows, as a freshly initialised server shows them (generated by',
             'generate.py). The session\'s values replace ``setting`` where duckflight has the setting."""', "",
             f"COLUMNS = {SETTING_COLUMNS!r}", "", "SETTINGS = ["]
    lines += [f"    {row!r}," for row in rows]
    (HERE / "builtin_settings.py").write_text("\n".join(lines + ["]", ""]))


def keyword_rows(cursor) -> list[tuple]:
    """pg_get_keywords(): PostgreSQL's SQL keywords and how reserved each is."""
    cursor.execute("SELECT word, catcode, barelabel, catdesc, baredesc FROM pg_get_keywords() ORDER BY word")
    return [tuple(row) for row in cursor.fetchall()]


def write_keywords(rows: list[tuple]) -> None:
    lines = ['"""PostgreSQL 15\'s keywords, as pg_get_keywords() lists them (generated by generate.py): what',
             'quote_ident and the catalog\'s names quote (a catcode other than U)."""', "",
             "COLUMNS = ('word', 'catcode', 'barelabel', 'catdesc', 'baredesc')", "", "KEYWORDS = ["]
    lines += [f"    {row!r}," for row in rows]
    (HERE / "builtin_keywords.py").write_text("\n".join(lines + ["]", ""]))


def main(dsn: str) -> None:
    import psycopg

    with psycopg.connect(dsn) as connection, connection.cursor() as cursor:
        relations = layout(cursor)
        oids = relation_oids(cursor, relations)
        column_types = column_type_oids(cursor, relations)
        namespaces = namespace_oids(cursor)
        types = builtin_types(cursor)
        write_viewdefs(*view_definitions(cursor, relations))
        from duckflight.gateway.system.functions import NAMES  # noqa: E402 (the names the image has)
        from duckflight.gateway.system.session_functions import NAMES as SESSION_NAMES  # noqa: E402

        names = NAMES | SESSION_NAMES
        write_functions(builtin_functions(cursor, names), builtin_routines(cursor, names))
        write_settings(settings_rows(cursor))
        write_keywords(keyword_rows(cursor))
    write_layout(relations, oids, column_types, namespaces)
    lines = ['"""PostgreSQL 15\'s built-in types (pg_type.dat), generated by generate.py.', "",
             "Columns: oid, typname, typlen, typbyval, typtype, typcategory, typispreferred, typdelim,",
             "typelem, typarray, typinput, typoutput, typreceive, typsend, typalign, typstorage,",
             'typcollation, and format_type(oid, NULL)."""', "", "TYPES = ["]
    lines += [f"    {tuple(row)!r}," for row in types]
    (HERE / "builtin_types.py").write_text("\n".join(lines + ["]", ""]))


if __name__ == "__main__":
    main(sys.argv[1])
