-- case: the session's user, schema and database are constants
select current_user, session_user, user, current_schema(), current_schema, current_database(), current_catalog
-- expected
SELECT CAST('ann' AS NAME), CAST('ann' AS NAME), CAST('ann' AS NAME), CAST('public' AS NAME), CAST('public' AS NAME), CAST('duckflight' AS NAME), CAST('duckflight' AS NAME)
-- case: search path with $user and the implicit pg_catalog
select current_schemas(true), current_schemas(false)
-- expected
SELECT ['pg_catalog', 'public'], ['public']
-- case: settings, and a bound parameter that is still NULL at Describe
select current_setting('TimeZone'), current_setting('default_table_access_method'), current_setting(CAST(NULL AS VARCHAR)), current_setting('nope', true)
-- expected
SELECT 'UTC', 'heap', CAST(NULL AS TEXT), NULL
-- case: visibility gets the search path
select relname from pg_class c where pg_table_is_visible(c.oid)
-- expected
SELECT relname FROM pg_class AS c WHERE PG_TABLE_IS_VISIBLE(c.oid, ['pg_catalog', 'public'])
-- case: version names PostgreSQL 15
select version()
-- expected
SELECT 'PostgreSQL 15.6 on x86_64-pc-linux-gnu, compiled by duckflight (sqlglot, DuckDB), 64-bit'
-- case: pg_has_role of the current user gets the user
select pg_has_role('duckflight', 'member'), pg_has_role('bob', 'alice', 'usage')
-- expected
SELECT PG_HAS_ROLE(CAST('ann' AS NAME), 'duckflight', 'member'), PG_HAS_ROLE('bob', 'alice', 'usage')
