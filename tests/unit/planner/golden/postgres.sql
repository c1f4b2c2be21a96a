-- case: output names follow PostgreSQL
select count(*), sum(o_total), o_orderkey + 1, o_comment as note, cast(o_custkey as int), upper(o_comment) from orders
-- stage 1 orders
SELECT "o_orderkey", "o_custkey", "o_total", "o_comment" FROM "orders"
-- final
SELECT COUNT(*) AS "count", SUM("orders"."o_total") AS "sum", "orders"."o_orderkey" + 1 AS "?column?", "orders"."o_comment" AS "note", CAST("orders"."o_custkey" AS INT) AS "o_custkey", UPPER("orders"."o_comment") AS "upper" FROM "__stage_1" AS "orders"
-- case: division by zero raises as in PostgreSQL; integer division stays integer
select o_orderkey / o_custkey, o_total / 2 from orders where o_custkey % 7 = 0
-- stage 1 orders
SELECT "o_orderkey", "o_custkey", "o_total" FROM "orders" WHERE "o_custkey" % 7 = 0
-- final
SELECT CAST(TRUNC("orders"."o_orderkey" / CASE WHEN "orders"."o_custkey" = 0 THEN ERROR('division by zero') ELSE "orders"."o_custkey" END) AS BIGINT) AS "?column?", "orders"."o_total" / 2 AS "?column?" FROM "__stage_1" AS "orders" WHERE "orders"."o_custkey" % 7 = 0
-- case: DESC sorts NULLs first as in PostgreSQL
select o_orderkey from orders order by o_date desc limit 3
-- stage 1 orders
SELECT "o_orderkey", "o_date" FROM "orders"
-- final
SELECT "orders"."o_orderkey" AS "o_orderkey" FROM "__stage_1" AS "orders" ORDER BY "orders"."o_date" DESC NULLS FIRST LIMIT 3
