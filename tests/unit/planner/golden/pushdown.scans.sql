-- case: projection only
select o_orderkey from orders
-- stage 1 scan orders gather
SELECT "o_orderkey" FROM "orders"
-- final
SELECT "orders"."o_orderkey" AS "o_orderkey" FROM "__stage_1" AS "orders"
-- case: filter into the scan, and kept in the final stage
select o_orderkey, o_total from orders where o_date >= date '1995-01-01' and o_total > 100
-- stage 1 scan orders gather
SELECT "o_orderkey", "o_total", "o_date" FROM "orders" WHERE "o_date" >= CAST('1995-01-01' AS DATE) AND "o_total" > 100
-- final
SELECT "orders"."o_orderkey" AS "o_orderkey", "orders"."o_total" AS "o_total" FROM "__stage_1" AS "orders" WHERE "orders"."o_date" >= CAST('1995-01-01' AS DATE) AND "orders"."o_total" > 100
-- case: count star reads no columns
select count(*) from orders
-- stage 1 scan orders gather
SELECT TRUE AS "__row" FROM "orders"
-- final
SELECT COUNT(*) AS "count" FROM "__stage_1" AS "orders"
-- case: join pushes each side's own conjuncts, keeps the join condition
select c_name, sum(o_total) from customer, orders where c_custkey = o_custkey and c_nation = 3 and o_comment like '%x%' group by c_name
-- stage 1 scan customer gather
SELECT "c_custkey", "c_name", "c_nation" FROM "customer" WHERE "c_nation" = 3
-- stage 2 scan orders gather
SELECT "o_custkey", "o_total", "o_comment" FROM "orders" WHERE "o_comment" LIKE '%x%'
-- final
SELECT "customer"."c_name" AS "c_name", SUM("orders"."o_total") AS "sum" FROM "__stage_1" AS "customer", "__stage_2" AS "orders" WHERE "customer"."c_custkey" = "orders"."o_custkey" AND "customer"."c_nation" = 3 AND "orders"."o_comment" LIKE '%x%' GROUP BY "customer"."c_name"
-- case: left join pushes its ON conjunct into the joined table only
select c_name, count(o_orderkey) from customer left join orders on c_custkey = o_custkey and o_total > 10 where c_nation = 1 group by c_name
-- stage 1 scan customer gather
SELECT "c_custkey", "c_name", "c_nation" FROM "customer" WHERE "c_nation" = 1
-- stage 2 scan orders gather
SELECT "o_orderkey", "o_custkey", "o_total" FROM "orders" WHERE "o_total" > 10
-- final
SELECT "customer"."c_name" AS "c_name", COUNT("orders"."o_orderkey") AS "count" FROM "__stage_1" AS "customer" LEFT JOIN "__stage_2" AS "orders" ON "customer"."c_custkey" = "orders"."o_custkey" AND "orders"."o_total" > 10 WHERE "customer"."c_nation" = 1 GROUP BY "customer"."c_name"
-- case: where on the null-supplying side of a left join is not pushed
select c_name from customer left join orders on c_custkey = o_custkey where o_total is null
-- stage 1 scan customer gather
SELECT "c_custkey", "c_name" FROM "customer"
-- stage 2 scan orders gather
SELECT "o_custkey", "o_total" FROM "orders"
-- final
SELECT "customer"."c_name" AS "c_name" FROM "__stage_1" AS "customer" LEFT JOIN "__stage_2" AS "orders" ON "customer"."c_custkey" = "orders"."o_custkey" WHERE "orders"."o_total" IS NULL
-- case: correlated subquery columns count as reads of the outer table
select c_name from customer where exists (select * from orders where o_custkey = c_custkey and o_total > 5)
-- stage 1 scan customer gather
SELECT "c_custkey", "c_name" FROM "customer"
-- stage 2 scan orders gather
SELECT "o_custkey", "o_total" FROM "orders" WHERE "o_total" > 5
-- final
SELECT "customer"."c_name" AS "c_name" FROM "__stage_1" AS "customer" WHERE EXISTS(SELECT 1 AS "1" FROM "__stage_2" AS "orders" WHERE "orders"."o_custkey" = "customer"."c_custkey" AND "orders"."o_total" > 5)
-- case: same table twice under different aliases gives two stages
select a.o_orderkey from orders a join orders b on a.o_custkey = b.o_custkey where b.o_total > 1
-- stage 1 scan orders gather
SELECT "o_orderkey", "o_custkey" FROM "orders"
-- stage 2 scan orders gather
SELECT "o_custkey", "o_total" FROM "orders" WHERE "o_total" > 1
-- final
SELECT "a"."o_orderkey" AS "o_orderkey" FROM "__stage_1" AS "a" JOIN "__stage_2" AS "b" ON "a"."o_custkey" = "b"."o_custkey" WHERE "b"."o_total" > 1
-- case: identical scans share one stage
select (select max(o_total) from orders) m, (select max(o_total) from orders) n
-- stage 1 scan orders gather
SELECT "o_total" FROM "orders"
-- final
SELECT (SELECT MAX("orders"."o_total") AS "_col_0" FROM "__stage_1" AS "orders") AS "m", (SELECT MAX("orders"."o_total") AS "_col_0" FROM "__stage_1" AS "orders") AS "n"
-- case: disjunction across tables is not pushed
select c_name from customer join orders on c_custkey = o_custkey where c_nation = 1 or o_total > 5
-- stage 1 scan customer gather
SELECT "c_custkey", "c_name", "c_nation" FROM "customer"
-- stage 2 scan orders gather
SELECT "o_custkey", "o_total" FROM "orders"
-- final
SELECT "customer"."c_name" AS "c_name" FROM "__stage_1" AS "customer" JOIN "__stage_2" AS "orders" ON "customer"."c_custkey" = "orders"."o_custkey" WHERE "customer"."c_nation" = 1 OR "orders"."o_total" > 5
-- case: volatile functions are not pushed
select o_orderkey from orders where random() < 0.5 and o_total > 1
-- stage 1 scan orders gather
SELECT "o_orderkey", "o_total" FROM "orders" WHERE "o_total" > 1
-- final
SELECT "orders"."o_orderkey" AS "o_orderkey" FROM "__stage_1" AS "orders" WHERE RANDOM() < 0.5 AND "orders"."o_total" > 1
-- case: schema-qualified names and csv tables
select kind, count(*) from public.events where id > 10 group by kind
-- stage 1 scan events gather
SELECT "id", "kind" FROM "events" WHERE "id" > 10
-- final
SELECT "events"."kind" AS "kind", COUNT(*) AS "count" FROM "__stage_1" AS "events" WHERE "events"."id" > 10 GROUP BY "events"."kind"
-- case: cte and union
with big as (select o_custkey from orders where o_total > 1000) select o_custkey from big union all select c_custkey from customer
-- stage 1 scan customer gather
SELECT "c_custkey" FROM "customer"
-- stage 2 scan orders gather
SELECT "o_custkey", "o_total" FROM "orders" WHERE "o_total" > 1000
-- final
WITH "big" AS (SELECT "orders"."o_custkey" AS "o_custkey" FROM "__stage_2" AS "orders" WHERE "orders"."o_total" > 1000) SELECT "big"."o_custkey" AS "o_custkey" FROM "big" AS "big" UNION ALL SELECT "customer"."c_custkey" AS "c_custkey" FROM "__stage_1" AS "customer"
