-- case: session functions are constants: the aggregate still runs on the workers
select pg_backend_pid(), current_setting('TimeZone'), current_user, count(*) from orders
-- stage 1 block orders gather
SELECT COUNT(*) AS "__p0" FROM "orders" AS "orders"
-- final
SELECT CAST(4242 AS INT) AS "pg_backend_pid", 'UTC' AS "current_setting", CAST('ann' AS TEXT) AS "current_user", CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_1" AS "__block"
-- case: a catalog relation joined with a table is read on the gateway; only the table's scan goes out
select count(*), min(c.relname) from orders o, pg_class c where c.relname = 'orders' and o.o_custkey > 3
-- stage 1 scan orders gather
SELECT "o_custkey" FROM "orders" WHERE "o_custkey" > 3
-- final
SELECT COUNT(*) AS "count", MIN("c"."relname") AS "min" FROM "__stage_1" AS "o", "catalog_image"."pg"."pg_class" AS "c" WHERE "c"."relname" = 'orders' AND "o"."o_custkey" > 3
-- case: a block calling the image's functions stays on the gateway
select o_orderkey, format_type(23, -1), has_table_privilege('orders', 'select') from orders where o_orderkey < 5
-- stage 1 scan orders gather
SELECT "o_orderkey" FROM "orders" WHERE "o_orderkey" < 5
-- final
SELECT "orders"."o_orderkey" AS "o_orderkey", catalog_image.pg.format_type(23, -1) AS "format_type", catalog_image.pg.has_table_privilege('orders', 'select') AS "has_table_privilege" FROM "__stage_1" AS "orders" WHERE "orders"."o_orderkey" < 5
-- case: a session relation in a subquery keeps its block on the gateway
select count(*) from orders where o_comment in (select setting from pg_settings where name = 'TimeZone')
-- stage 1 scan orders gather
SELECT "o_comment" FROM "orders"
-- final
SELECT COUNT(*) AS "count" FROM "__stage_1" AS "orders" WHERE "orders"."o_comment" IN (SELECT "pg_settings"."setting" AS "setting" FROM "temp"."main"."__pg_settings" AS "pg_settings" WHERE "pg_settings"."name" = 'TimeZone')
