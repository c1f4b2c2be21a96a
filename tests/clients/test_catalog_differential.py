"""Catalog queries that clients send, run on duckflight and on PostgreSQL 15 with the same tables.

Each query is one a client really sends (psql -E; pgjdbc's PgDatabaseMetaData and
TypeInfoCache; SQLAlchemy's PostgreSQL dialect; DBeaver; Metabase; Grafana), with
its parameters written in. Both servers must answer it with no error, the same
column names and the same type family per column; ``rows`` says whether the rows
must be the same too (False where PostgreSQL lists more of itself: its databases,
composite types of its catalogs, ...).
"""

from __future__ import annotations

import psycopg
import pytest

from catalog_support import catalog_data, catalog_duckflight, catalog_pg  # noqa: F401

FAMILIES = {16: "bool", 17: "bytea", 18: "text", 19: "text", 25: "text", 1042: "text", 1043: "text",
            20: "int", 21: "int", 23: "int", 26: "int", 28: "int", 24: "text", 2205: "text", 2206: "text",
            700: "float", 701: "float", 1700: "numeric", 1082: "date", 1114: "timestamp", 1184: "timestamp",
            114: "json", 3802: "json", 1009: "array", 1034: "array", 1028: "array", 1002: "array",
            1005: "array", 22: "array", 30: "array", 1016: "array",
            194: "text", 2277: "text", 4089: "text", 4096: "text"}  # pg_node_tree and anyarray columns are text in the image

QUERIES = {
    "OID alias values printed": (True, "select 'pg_class'::regclass, 'int4'::regtype, '1259'::regclass,"
                                       " 'pg_catalog'::regnamespace, 'int4'::regtype::oid"),
    "psql \\dt": (True, """SELECT n.nspname as "Schema", c.relname as "Name",
  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as "Type",
  pg_catalog.pg_get_userbyid(c.relowner) as "Owner"
FROM pg_catalog.pg_class c
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
WHERE c.relkind IN ('r','p','')
      AND n.nspname <> 'pg_catalog'
      AND n.nspname !~ '^pg_toast'
      AND n.nspname <> 'information_schema'
  AND pg_catalog.pg_table_is_visible(c.oid)
ORDER BY 1,2"""),
    "psql \\d orders (lookup)": (True, """SELECT n.nspname, c.relname
FROM pg_catalog.pg_class c
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname OPERATOR(pg_catalog.~) '^(orders)$' COLLATE pg_catalog.default
  AND pg_catalog.pg_table_is_visible(c.oid)
ORDER BY 1, 2"""),
    "psql \\d orders (columns)": (True, """SELECT a.attname,
  pg_catalog.format_type(a.atttypid, a.atttypmod),
  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
   FROM pg_catalog.pg_attrdef d
   WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
  a.attnotnull,
  (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t
   WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,
  a.attidentity,
  a.attgenerated
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = 'orders'::regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum"""),
    "psql \\dn": (True, """SELECT n.nspname AS "Name",
  pg_catalog.pg_get_userbyid(n.nspowner) AS "Owner"
FROM pg_catalog.pg_namespace n
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
ORDER BY 1"""),
    "psql \\l": (False, """SELECT d.datname as "Name",
       pg_catalog.pg_get_userbyid(d.datdba) as "Owner",
       pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding",
       d.datcollate as "Collate",
       d.datctype as "Ctype",
       d.daticulocale as "ICU Locale",
       CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS "Locale Provider",
       pg_catalog.array_to_string(d.datacl, E'\\n') AS "Access privileges"
FROM pg_catalog.pg_database d
ORDER BY 1"""),
    "pgjdbc getTables": (True, """SELECT NULL AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
 CASE n.nspname ~ '^pg_' OR n.nspname = 'information_schema'  WHEN true THEN CASE
 WHEN n.nspname = 'pg_catalog' OR n.nspname = 'information_schema' THEN CASE c.relkind   WHEN 'r' THEN 'SYSTEM TABLE'   WHEN 'v' THEN 'SYSTEM VIEW'   WHEN 'i' THEN 'SYSTEM INDEX'   ELSE NULL   END
 WHEN n.nspname = 'pg_toast' THEN CASE c.relkind   WHEN 'r' THEN 'SYSTEM TOAST TABLE'   WHEN 'i' THEN 'SYSTEM TOAST INDEX'   ELSE NULL   END
 ELSE CASE c.relkind   WHEN 'r' THEN 'TEMPORARY TABLE'   WHEN 'p' THEN 'TEMPORARY TABLE'   WHEN 'i' THEN 'TEMPORARY INDEX'   WHEN 'S' THEN 'TEMPORARY SEQUENCE'   WHEN 'v' THEN 'TEMPORARY VIEW'   ELSE NULL   END  END
 WHEN false THEN CASE c.relkind  WHEN 'r' THEN 'TABLE'  WHEN 'p' THEN 'PARTITIONED TABLE'  WHEN 'i' THEN 'INDEX'  WHEN 'P' then 'PARTITIONED INDEX'  WHEN 'S' THEN 'SEQUENCE'  WHEN 'v' THEN 'VIEW'  WHEN 'c' THEN 'TYPE'  WHEN 'f' THEN 'FOREIGN TABLE'  WHEN 'm' THEN 'MATERIALIZED VIEW'  ELSE NULL  END
 ELSE NULL  END  AS TABLE_TYPE, d.description AS REMARKS,  '' as TYPE_CAT, '' as TYPE_SCHEM, '' as TYPE_NAME,
 '' AS SELF_REFERENCING_COL_NAME, '' AS REF_GENERATION
 FROM pg_catalog.pg_namespace n, pg_catalog.pg_class c
 LEFT JOIN pg_catalog.pg_description d ON (c.oid = d.objoid AND d.objsubid = 0  and d.classoid = 'pg_class'::regclass)
 WHERE c.relnamespace = n.oid  AND c.relname LIKE '%' AND (false  OR ( c.relkind = 'r' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' )
 OR ( c.relkind = 'v' AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' ) )
 ORDER BY TABLE_TYPE,TABLE_SCHEM,TABLE_NAME"""),
    "pgjdbc getSchemas": (True, """SELECT nspname AS TABLE_SCHEM, NULL AS TABLE_CATALOG FROM pg_catalog.pg_namespace
 WHERE nspname <> 'pg_toast' AND (nspname !~ '^pg_temp_'  OR nspname = (pg_catalog.current_schemas(true))[1])
 AND (nspname !~ '^pg_toast_temp_'  OR nspname = replace((pg_catalog.current_schemas(true))[1], 'pg_temp_', 'pg_toast_temp_'))
 ORDER BY TABLE_SCHEM"""),
    "pgjdbc getCatalogs": (False, "SELECT datname AS TABLE_CAT FROM pg_catalog.pg_database WHERE datallowconn = true ORDER BY datname"),
    "pgjdbc getColumns": (True, """SELECT * FROM (SELECT n.nspname,c.relname,a.attname,a.atttypid,a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) AS attnotnull,
 a.atttypmod,a.attlen,t.typtypmod,row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) AS attnum,
 nullif(a.attidentity, '') as attidentity,nullif(a.attgenerated, '') as attgenerated,
 pg_catalog.pg_get_expr(def.adbin, def.adrelid) AS adsrc,dsc.description,t.typbasetype,t.typtype
 FROM pg_catalog.pg_namespace n  JOIN pg_catalog.pg_class c ON (c.relnamespace = n.oid)
 JOIN pg_catalog.pg_attribute a ON (a.attrelid=c.oid)  JOIN pg_catalog.pg_type t ON (a.atttypid = t.oid)
 LEFT JOIN pg_catalog.pg_attrdef def ON (a.attrelid=def.adrelid AND a.attnum = def.adnum)
 LEFT JOIN pg_catalog.pg_description dsc ON (c.oid=dsc.objoid AND a.attnum = dsc.objsubid)
 LEFT JOIN pg_catalog.pg_class dc ON (dc.oid=dsc.classoid AND dc.relname='pg_class')
 LEFT JOIN pg_catalog.pg_namespace dn ON (dc.relnamespace=dn.oid AND dn.nspname='pg_catalog')
 WHERE c.relkind in ('r','p','v','f','m') and a.attnum > 0 AND NOT a.attisdropped  AND n.nspname LIKE 'public'
 AND c.relname LIKE 'orders') c WHERE true  ORDER BY nspname,c.relname,attnum"""),
    "pgjdbc getPrimaryKeys": (True, """SELECT result.TABLE_CAT, result.TABLE_SCHEM, result.TABLE_NAME, result.COLUMN_NAME,
 result.KEY_SEQ, result.PK_NAME FROM (SELECT NULL AS TABLE_CAT, n.nspname AS TABLE_SCHEM,
 ct.relname AS TABLE_NAME, a.attname AS COLUMN_NAME, (information_schema._pg_expandarray(i.indkey)).n AS KEY_SEQ,
 ci.relname AS PK_NAME, information_schema._pg_expandarray(i.indkey) AS KEYS, a.attnum AS A_ATTNUM
 FROM pg_catalog.pg_class ct JOIN pg_catalog.pg_attribute a ON (ct.oid = a.attrelid)
 JOIN pg_catalog.pg_namespace n ON (ct.relnamespace = n.oid) JOIN pg_catalog.pg_index i ON ( a.attrelid = i.indrelid)
 JOIN pg_catalog.pg_class ci ON (ci.oid = i.indexrelid) WHERE true  AND n.nspname = E'public' AND ct.relname = E'orders'
 AND i.indisprimary  ) result where  result.A_ATTNUM = (result.KEYS).x  ORDER BY result.table_name, result.pk_name, result.key_seq"""),
    "pgjdbc getTypeInfo": (False, """SELECT t.typname,t.oid FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON (t.typnamespace = n.oid)
 WHERE n.nspname  != 'pg_toast' AND  (t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid))"""),
    "pgjdbc TypeInfoCache by oid": (True, """SELECT n.nspname = ANY(current_schemas(true)), n.nspname, t.typname
 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = 1700"""),
    "pgjdbc TypeInfoCache delimiter": (True, """SELECT e.typdelim FROM pg_catalog.pg_type t, pg_catalog.pg_type e
 WHERE t.oid = 1007 and t.typelem = e.oid"""),
    "pgjdbc TypeInfoCache by name": (True, """SELECT pg_type.oid, typname FROM pg_catalog.pg_type
 LEFT JOIN (select ns.oid as nspoid, ns.nspname, r.r from pg_namespace as ns
 join ( select s.r, (current_schemas(false))[s.r] as nspname from generate_series(1, array_upper(current_schemas(false), 1)) as s(r) ) as r
 using ( nspname ) ) as sp ON sp.nspoid = typnamespace WHERE typname = 'int4' ORDER BY sp.r, pg_type.oid DESC LIMIT 1"""),
    "sqlalchemy has_table": (True, """SELECT pg_catalog.pg_class.relname FROM pg_catalog.pg_class
 JOIN pg_catalog.pg_namespace ON pg_catalog.pg_namespace.oid = pg_catalog.pg_class.relnamespace
 WHERE pg_catalog.pg_class.relname = 'orders' AND pg_catalog.pg_class.relkind = ANY (ARRAY['r', 'p', 'f', 'v', 'm'])
 AND pg_catalog.pg_table_is_visible(pg_catalog.pg_class.oid) AND pg_catalog.pg_namespace.nspname != 'pg_catalog'"""),
    "sqlalchemy connect": (True, "select pg_catalog.version() ~ '^PostgreSQL 15', current_schema(), current_setting('standard_conforming_strings')"),
    "dbeaver database": (True, "SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE datname='duckflight'"),
    "dbeaver schemas": (True, """select n.oid,n.*,d.description from pg_catalog.pg_namespace n
 left outer join pg_catalog.pg_description d on d.objoid=n.oid and d.objsubid=0 and d.classoid='pg_namespace'::regclass
 where nspname !~ '^pg_' and nspname <> 'information_schema' order by nspname"""),
    "dbeaver tables": (True, """SELECT c.oid,c.*,d.description,pg_catalog.pg_get_expr(c.relpartbound, c.oid) as partition_expr,
 pg_catalog.pg_get_partkeydef(c.oid) as partition_key FROM pg_catalog.pg_class c
 LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=c.oid AND d.objsubid=0 AND d.classoid='pg_class'::regclass
 WHERE c.relnamespace='public'::regnamespace AND c.relkind not in ('i','I','c') ORDER BY c.relname"""),
    # PostgreSQL also lists its system columns (ctid, xmin, ...; attnum < 0); duckflight's tables have none.
    "dbeaver columns": (False, """SELECT c.relname,a.*,pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) as def_value,dsc.description,dep.objid
 FROM pg_catalog.pg_attribute a INNER JOIN pg_catalog.pg_class c ON (a.attrelid=c.oid)
 LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid=ad.adrelid AND a.attnum = ad.adnum)
 LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid=dsc.objoid AND a.attnum = dsc.objsubid)
 LEFT OUTER JOIN pg_depend dep on dep.refobjid = a.attrelid AND dep.deptype = 'i' and dep.refobjsubid = a.attnum and dep.classid = dep.refclassid
 WHERE NOT a.attisdropped AND c.relkind not in ('i','I','c') AND c.oid='orders'::regclass ORDER BY a.attnum"""),
    "dbeaver types": (False, """SELECT t.oid,t.*,c.relkind,format_type(nullif(t.typbasetype, 0), t.typtypmod) as base_type_name, d.description
 FROM pg_catalog.pg_type t LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid=t.typelem
 LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid=t.typrelid LEFT OUTER JOIN pg_catalog.pg_description d ON t.oid=d.objoid
 WHERE t.typname IS NOT NULL AND (c.relkind IS NULL OR c.relkind = 'c') AND (et.typcategory IS NULL OR et.typcategory <> 'C')"""),
    "metabase table privileges": (True, """with table_privileges as (
 select NULL as role, t.schemaname as schema, t.objectname as table,
   pg_catalog.has_any_column_privilege(current_user, '"' || replace(t.schemaname, '"', '""') || '"' || '.' || '"' || replace(t.objectname, '"', '""') || '"',  'select') as "select",
   pg_catalog.has_table_privilege(current_user, '"' || replace(t.schemaname, '"', '""') || '"' || '.' || '"' || replace(t.objectname, '"', '""') || '"',  'delete') as "delete"
 from (select schemaname, tablename as objectname from pg_catalog.pg_tables
   union select schemaname, viewname as objectname from pg_catalog.pg_views
   union select schemaname, matviewname as objectname from pg_catalog.pg_matviews) t
 where t.schemaname !~ '^pg_' and t.schemaname <> 'information_schema'
   and pg_catalog.has_schema_privilege(current_user, t.schemaname, 'usage'))
select t.* from table_privileges t order by 2, 3"""),
    "metabase describe": (True, """SELECT c.column_name AS name, c.udt_name AS "database-type", c.ordinal_position - 1 AS "database-position",
 c.table_schema, c.table_name, col_description(('"' || c.table_schema || '"."' || c.table_name || '"')::regclass::oid, c.ordinal_position) AS description
 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = 'orders' ORDER BY c.ordinal_position"""),
    "grafana columns": (True, """SELECT quote_ident(column_name) AS "column", data_type AS "type" FROM information_schema.columns
 WHERE quote_ident(table_name) = 'orders' ORDER BY ordinal_position"""),
    "information_schema tables": (True, """SELECT table_catalog, table_schema, table_name, table_type FROM information_schema.tables
 WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 2, 3"""),
    "pg_keywords": (True, "SELECT word, catcode, barelabel, catdesc, baredesc FROM pg_catalog.pg_get_keywords() ORDER BY word"),
    "pg_settings": (True, "SELECT name, setting FROM pg_catalog.pg_settings WHERE name = 'server_encoding'"),
    "roles": (False, "SELECT rolname, rolsuper FROM pg_catalog.pg_roles WHERE rolname = 'duckflight'"),
    "stat user tables": (True, "SELECT relname, schemaname FROM pg_catalog.pg_stat_user_tables ORDER BY relname"),
    "to_regtype": (True, "SELECT to_regtype('integer')::oid, 'numeric'::regtype::oid AS numeric, format_type(1700, 983046)"),
}


def run(url: str, sql: str):
    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(sql)
        names = [c.name for c in cursor.description]
        families = [FAMILIES.get(c.type_code, f"oid {c.type_code}") for c in cursor.description]
        return names, families, cursor.fetchall()


@pytest.mark.parametrize("name", list(QUERIES))
def test_catalog_query(name, catalog_duckflight, catalog_pg):
    same_rows, sql = QUERIES[name]
    ours = run(catalog_duckflight.replace("tester@", "duckflight@"), sql)
    theirs = run(catalog_pg, sql)
    assert ours[0] == theirs[0], "column names"
    assert ours[1] == theirs[1], "column type families"
    if same_rows:
        assert len(ours[2]) == len(theirs[2]), f"rows: ours {ours[2]}, PostgreSQL's {theirs[2]}"


# Queries over tables that read the catalog or the session too: the same rows as PostgreSQL's.
MIXED = {
    "session functions": "select pg_backend_pid() > 0, current_setting('TimeZone'), current_user, "
                         "current_database(), version() ~ '^PostgreSQL 15', count(*) from orders",
    "catalog functions over columns": "select o_orderkey, format_type(23, o_qty), has_table_privilege('orders', "
                                      "'select'), pg_backend_pid() = pg_backend_pid() from orders where o_orderkey < 3 "
                                      "order by 1",
    "a catalog relation joined": "select count(*), min(c.relname) from orders, pg_class c where c.relname = 'orders'",
    "information_schema grouped": "select c.column_name, count(*) from information_schema.columns c join events e "
                                  "on c.table_name = 'events' group by 1 order by 1",
    "a catalog subquery": "select o_orderkey from orders where o_orderkey < (select count(*) from pg_attribute a "
                          "join pg_class c on c.oid = a.attrelid where c.relname = 'events' and a.attnum > 0) "
                          "order by 1",
    "regclass of a table": "select 'orders'::regclass::oid = c.oid, count(*) from pg_class c, events "
                           "where c.relname = 'orders' group by 1",
    "settings": "select s.setting, count(*) from orders, pg_settings s where s.name = 'TimeZone' group by 1",
    "a user's USER": "select user, count(*) from events",
    "pg_typeof": "select pg_typeof(o_comment), pg_typeof(o_totalprice), pg_typeof(o_orderdate), pg_typeof(o_at), "
                 "pg_typeof(o_qty + 1), pg_typeof('x'), count(*) from orders group by 1, 2, 3, 4, 5, 6",
}


@pytest.mark.parametrize("name", list(MIXED))
def test_catalog_in_a_query_over_tables(name, catalog_duckflight, catalog_pg):
    """A query over tables may read the catalog and the session: its catalog part runs on the gateway."""
    answers = []
    for url in (catalog_duckflight.replace("tester@", "duckflight@"), catalog_pg):
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("set timezone = 'America/New_York'")
            cursor = connection.execute(MIXED[name])
            answers.append(([c.name for c in cursor.description], cursor.fetchall()))
    assert answers[0] == answers[1]


def test_catalog_in_a_query_over_tables_with_parameters(catalog_duckflight, catalog_pg):
    """Parameters typed from a catalog column (Describe) and bound into the catalog part."""
    sql = ("select count(*), min(c.relname) from orders o join pg_attribute a on a.attnum = o.o_qty "
           "join pg_class c on c.oid = a.attrelid where c.relname = %s and current_setting(%s) <> %s")
    answers = []
    for url in (catalog_duckflight.replace("tester@", "duckflight@"), catalog_pg):
        with psycopg.connect(url, autocommit=True) as connection:
            answers.append(connection.execute(sql, ["orders", "TimeZone", "Mars"], prepare=True).fetchall())
    assert answers[0] == answers[1] == [(9, "orders")]


def test_workers_beside_a_table(catalog_duckflight):
    """duckflight.workers (no PostgreSQL counterpart) is read on the gateway beside a table's rows."""
    with psycopg.connect(catalog_duckflight, autocommit=True) as connection:
        rows = connection.execute("select w.state, count(*) from orders, duckflight.workers w group by 1").fetchall()
        assert rows == [("healthy", 10)]


# The same rows as PostgreSQL's: pg_settings' description of every setting, the session's values
# of those duckflight has, and information_schema.routines of the functions beside the tables.
SAME_ROWS = {
    "pg_settings": "select name, unit, category, short_desc, extra_desc, context, vartype, min_val, max_val, "
                   "enumvals, boot_val from pg_settings order by name",
    "pg_settings of the session": "select name, setting, source from pg_settings where name in ('TimeZone', "
                                  "'application_name', 'search_path', 'DateStyle', 'standard_conforming_strings', "
                                  "'extra_float_digits', 'client_encoding') order by name",
    "routines": "select routine_schema, routine_name, routine_type, data_type, type_udt_name, security_type "
                "from information_schema.routines where routine_schema not in ('pg_catalog', 'information_schema')",
    "routines of pg_proc": "select count(*) = (select count(*) from pg_proc p join pg_namespace n on n.oid = "
                           "p.pronamespace where n.nspname = 'pg_catalog') from information_schema.routines r "
                           "where r.routine_schema = 'pg_catalog'",
}


@pytest.mark.parametrize("name", list(SAME_ROWS))
def test_same_rows_as_postgresql(name, catalog_duckflight, catalog_pg):
    answers = []
    for url in (catalog_duckflight.replace("tester@", "duckflight@"), catalog_pg):
        with psycopg.connect(url, autocommit=True, application_name="differential") as connection:
            connection.execute("set timezone = 'America/New_York'")
            connection.execute("set extra_float_digits = 3")
            answers.append(connection.execute(SAME_ROWS[name]).fetchall())
    assert answers[0] == answers[1]


# Settings that say where and how this PostgreSQL runs, not what PostgreSQL is: its files,
# port, build and the referee's own command line (fsync=off, listen_addresses).
INSTANCE = {"config_file", "data_directory", "hba_file", "ident_file", "unix_socket_directories", "port",
            "server_version", "server_version_num", "fsync", "listen_addresses", "timezone", "log_timezone"}


def test_show_and_current_setting_of_every_setting(catalog_duckflight, catalog_pg):
    """SHOW x and current_setting('x') answer PostgreSQL's text for each of its settings (4MB, 1min,
    C.UTF-8 ...), and SHOW ALL lists them all with their descriptions."""
    with psycopg.connect(catalog_pg, autocommit=True) as pg:
        names = [r[0] for r in pg.execute("select name from pg_settings order by name")
                 if r[0].lower() not in INSTANCE]
        theirs = {n: pg.execute(f'show "{n}"').fetchone()[0] for n in names}
        their_all = [r[0] for r in pg.execute("show all")]
    with psycopg.connect(catalog_duckflight, autocommit=True) as ours:
        shown = {n: ours.execute(f"show {n}").fetchone()[0] for n in names}
        current = {n: ours.execute("select current_setting(%s)", (n,)).fetchone()[0] for n in names}
        our_all = ours.execute("show all")
        assert [c.name for c in our_all.description] == ["name", "setting", "description"]
        our_all = [r[0] for r in our_all]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            ours.execute("show data_directory")
    assert len(names) > 300
    assert shown == theirs
    assert current == theirs
    assert {n for n in their_all if n.lower() not in INSTANCE} <= set(our_all), "SHOW ALL"
