-- case: output names follow PostgreSQL
select count(*), sum(o_total), o_orderkey + 1, o_comment as note, cast(o_custkey as int), upper(o_comment) from orders
-- stage 1 scan orders gather
SELECT "o_orderkey", "o_custkey", "o_total", "o_comment" FROM "orders"
-- final
SELECT COUNT(*) AS "count", SUM("orders"."o_total") AS "sum", "orders"."o_orderkey" + 1 AS "?column?", "orders"."o_comment" AS "note", CAST("orders"."o_custkey" AS INT) AS "o_custkey", UPPER("orders"."o_comment") AS "upper" FROM "__stage_1" AS "orders"
-- case: division by zero raises as in PostgreSQL; integer division stays integer
select o_orderkey / o_custkey, o_total / 2 from orders where o_custkey % 7 = 0
-- stage 1 block orders gather
SELECT CAST(TRUNC("orders"."o_orderkey" / CASE WHEN "orders"."o_custkey" = 0 THEN ERROR('division by zero') ELSE "orders"."o_custkey" END) AS BIGINT) AS "__c0", "orders"."o_total" / 2 AS "__c1" FROM "orders" AS "orders" WHERE "orders"."o_custkey" % 7 = 0
-- final
SELECT "__c0" AS "?column?", "__c1" AS "?column?" FROM "__stage_1" AS "__block"
-- case: DESC sorts NULLs first as in PostgreSQL
select o_orderkey from orders order by o_date desc limit 3
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0", "orders"."o_date" AS "__o0" FROM "orders" AS "orders" ORDER BY "__o0" DESC NULLS FIRST LIMIT 3
-- final
SELECT "__c0" AS "o_orderkey" FROM "__stage_1" AS "__block" ORDER BY "__o0" DESC NULLS FIRST LIMIT 3
