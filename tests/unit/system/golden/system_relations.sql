-- case: qualified and unqualified catalog relations keep their names as aliases
select c.relname, n.nspname from pg_catalog.pg_class c join pg_namespace n on n.oid = c.relnamespace
-- expected
SELECT c.relname, n.nspname FROM catalog_image.pg.pg_class AS c JOIN catalog_image.pg.pg_namespace AS n ON n.oid = c.relnamespace
-- case: columns qualified with schema and table
select pg_catalog.pg_class.relname from pg_catalog.pg_class
-- expected
SELECT pg_class.relname FROM catalog_image.pg.pg_class AS pg_class
-- case: information_schema and duckflight.workers
select table_name from information_schema.tables union all select address from duckflight.workers
-- expected
SELECT table_name FROM catalog_image.info.tables AS tables UNION ALL SELECT address FROM __duckflight_workers AS workers
-- case: a table function's alias names its column, as in PostgreSQL
select s from pg_catalog.generate_series(1, 3) s
-- expected
SELECT s FROM GENERATE_SERIES(1, 3) AS s(s)
-- case: user tables and CTEs are left alone
with pg_x as (select 1) select * from orders, pg_x
-- expected
WITH pg_x AS (SELECT 1) SELECT * FROM orders, pg_x
