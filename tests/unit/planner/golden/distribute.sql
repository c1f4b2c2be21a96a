-- case: single-table aggregate runs as partials, merged on the gateway
select o_custkey, count(*), sum(o_total), avg(o_total), min(o_date), max(o_date) from orders where o_total > 10 group by o_custkey having count(*) > 2 order by 3 desc limit 5
-- stage 1 block orders gather
SELECT "orders"."o_custkey" AS "__k0", COUNT(*) AS "__p0", SUM("orders"."o_total") AS "__p1", COUNT("orders"."o_total") AS "__p2", MIN("orders"."o_date") AS "__p3", MAX("orders"."o_date") AS "__p4" FROM "orders" AS "orders" WHERE "orders"."o_total" > 10 GROUP BY "orders"."o_custkey"
-- final
SELECT "__k0" AS "o_custkey", CAST(SUM("__p0") AS BIGINT) AS "count", SUM("__p1") AS "sum", PG_NUMERIC_QUOTIENT(CAST((SUM("__p1")) * 100 AS INT128), 2, CAST(CAST(SUM("__p2") AS BIGINT) AS INT128), 0) AS "avg", MIN("__p3") AS "min", MAX("__p4") AS "max" FROM "__stage_1" AS "__block" GROUP BY "__k0" HAVING CAST(SUM("__p0") AS BIGINT) > 2 ORDER BY "sum" DESC NULLS FIRST LIMIT 5
-- case: global aggregate with FILTER and bool_and
select count(*) filter (where o_total > 100), bool_and(o_total > 0), sum(o_total) / count(*) from orders
-- stage 1 block orders gather
SELECT COUNT(*) FILTER(WHERE "orders"."o_total" > 100) AS "__p0", BOOL_AND("orders"."o_total" > 0) AS "__p1", COUNT(*) AS "__p2", SUM("orders"."o_total") AS "__p3" FROM "orders" AS "orders"
-- final
SELECT CAST(SUM("__p0") AS BIGINT) AS "count", BOOL_AND(CAST("__p1" AS BOOLEAN)) AS "bool_and", PG_NUMERIC_QUOTIENT(CAST((SUM("__p3")) * 100 AS INT128), 2, CAST(CAST(SUM("__p2") AS BIGINT) AS INT128), 0) AS "?column?" FROM "__stage_1" AS "__block"
-- case: expressions over group keys and aggregates
select extract(year from o_date) as y, sum(o_total) * 2 as twice, upper(o_comment) from orders group by extract(year from o_date), upper(o_comment)
-- stage 1 block orders gather
SELECT CASE WHEN NOT ISFINITE("orders"."o_date") THEN ERROR('extract of an infinite date or time is not supported: DuckDB''s decimals have no infinity') ELSE CAST(CASE WHEN DATE_PART('year', "orders"."o_date") > 0 THEN DATE_PART('year', "orders"."o_date") ELSE DATE_PART('year', "orders"."o_date") - 1 END AS DECIMAL(18, 0)) END AS "__k0", REPLACE(UPPER(REPLACE("orders"."o_comment", 'ß', '￿')), '￿', 'ß') AS "__k1", SUM("orders"."o_total") AS "__p0" FROM "orders" AS "orders" GROUP BY CASE WHEN NOT ISFINITE("orders"."o_date") THEN ERROR('extract of an infinite date or time is not supported: DuckDB''s decimals have no infinity') ELSE CAST(CASE WHEN DATE_PART('year', "orders"."o_date") > 0 THEN DATE_PART('year', "orders"."o_date") ELSE DATE_PART('year', "orders"."o_date") - 1 END AS DECIMAL(18, 0)) END, REPLACE(UPPER(REPLACE("orders"."o_comment", 'ß', '￿')), '￿', 'ß')
-- final
SELECT "__k0" AS "y", SUM("__p0") * 2 AS "twice", "__k1" AS "upper" FROM "__stage_1" AS "__block" GROUP BY "__k0", "__k1"
-- case: join with a small table broadcast, partials over the large one
select c_name, sum(o_total) from orders join customer on o_custkey = c_custkey where c_nation = 3 group by c_name
-- stage 1 block orders gather whole customer
SELECT "customer"."c_name" AS "__k0", SUM("orders"."o_total") AS "__p0" FROM "orders" AS "orders" JOIN "customer" AS "customer" ON "orders"."o_custkey" = "customer"."c_custkey" WHERE "customer"."c_nation" = 3 GROUP BY "customer"."c_name"
-- final
SELECT "__k0" AS "c_name", SUM("__p0") AS "sum" FROM "__stage_1" AS "__block" GROUP BY "__k0"
-- case: top-N of rows runs on every fragment and once more on the gateway
select o_orderkey, o_total from orders where o_total > 5 order by o_total desc, o_date limit 10 offset 5
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0", "orders"."o_total" AS "__c1", "orders"."o_date" AS "__o1" FROM "orders" AS "orders" WHERE "orders"."o_total" > 5 ORDER BY "__c1" DESC NULLS FIRST, "__o1" LIMIT 15
-- final
SELECT "__c0" AS "o_orderkey", "__c1" AS "o_total" FROM "__stage_1" AS "__block" ORDER BY "__c1" DESC NULLS FIRST, "__o1" LIMIT 10 OFFSET 5
-- case: a WHERE subquery over a broadcast table runs inside the fragments
select count(*) from orders where o_custkey in (select c_custkey from customer where c_nation = 7)
-- stage 1 block orders gather whole customer
SELECT COUNT(*) AS "__p0" FROM "orders" AS "orders" WHERE "orders"."o_custkey" IN (SELECT "customer"."c_custkey" AS "c_custkey" FROM "customer" AS "customer" WHERE "customer"."c_nation" = 7)
-- final
SELECT CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_1" AS "__block"
-- case: count distinct: each fragment sends its distinct values, the final counts their union
select o_date, count(distinct o_custkey), sum(distinct o_custkey) from orders where o_total > 5 group by o_date
-- stage 1 block orders gather
SELECT "orders"."o_date" AS "__k0", "orders"."o_custkey" AS "__d" FROM "orders" AS "orders" WHERE "orders"."o_total" > 5 GROUP BY "orders"."o_date", "orders"."o_custkey"
-- final
SELECT "__k0" AS "o_date", COUNT(DISTINCT "__d") AS "count", SUM(DISTINCT "__d") AS "sum" FROM "__stage_1" AS "__block" GROUP BY "__k0"
-- case: distinct mixed with plain aggregates: fragments group by the distinct argument too
select count(distinct o_custkey), count(*) from orders
-- stage 1 block orders gather
SELECT "orders"."o_custkey" AS "__d", COUNT(*) AS "__p0" FROM "orders" AS "orders" GROUP BY "orders"."o_custkey"
-- final
SELECT COUNT(DISTINCT "__d") AS "count", CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_1" AS "__block"
-- case: window functions stay on the gateway
select o_orderkey, rank() over (order by o_total) from orders
-- stage 1 scan orders gather
SELECT "o_orderkey", "o_total" FROM "orders"
-- final
SELECT "orders"."o_orderkey" AS "o_orderkey", RANK() OVER (ORDER BY "orders"."o_total") AS "rank" FROM "__stage_1" AS "orders"
-- case: the large table on the null-supplying side of a left join stays on the gateway
select c_name, count(o_orderkey) from customer left join orders on c_custkey = o_custkey group by c_name
-- stage 1 scan customer shuffle
SELECT "c_custkey", "c_name" FROM "customer"
-- stage 2 scan orders shuffle
SELECT "o_orderkey", "o_custkey" FROM "orders"
-- stage 3 block customer gather reads __stage_1, __stage_2
SELECT "customer"."c_name" AS "__k0", COUNT("orders"."o_orderkey") AS "__p0" FROM "__stage_1" AS "customer" LEFT JOIN "__stage_2" AS "orders" ON "customer"."c_custkey" = "orders"."o_custkey" GROUP BY "customer"."c_name"
-- final
SELECT "__k0" AS "c_name", CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_3" AS "__block" GROUP BY "__k0"
-- case: the large side preserved by a left join is distributed
select o_orderkey, c_name from orders left join customer on o_custkey = c_custkey where o_total > 1000
-- stage 1 block orders gather whole customer
SELECT "orders"."o_orderkey" AS "__c0", "customer"."c_name" AS "__c1" FROM "orders" AS "orders" LEFT JOIN "customer" AS "customer" ON "orders"."o_custkey" = "customer"."c_custkey" WHERE "orders"."o_total" > 1000
-- final
SELECT "__c0" AS "o_orderkey", "__c1" AS "c_name" FROM "__stage_1" AS "__block"
-- case: a derived table block is distributed, the outer aggregate finishes on the gateway
select y, sum(t) from (select extract(year from o_date) as y, o_total as t from orders join customer on o_custkey = c_custkey) as x group by y
-- stage 1 block orders gather whole customer
SELECT CASE WHEN NOT ISFINITE("orders"."o_date") THEN ERROR('extract of an infinite date or time is not supported: DuckDB''s decimals have no infinity') ELSE CAST(CASE WHEN DATE_PART('year', "orders"."o_date") > 0 THEN DATE_PART('year', "orders"."o_date") ELSE DATE_PART('year', "orders"."o_date") - 1 END AS DECIMAL(18, 0)) END AS "__c0", "orders"."o_total" AS "__c1" FROM "orders" AS "orders" JOIN "customer" AS "customer" ON "orders"."o_custkey" = "customer"."c_custkey"
-- final
SELECT "x"."y" AS "y", SUM("x"."t") AS "sum" FROM (SELECT "__c0" AS "y", "__c1" AS "t" FROM "__stage_1" AS "__block") AS "x" GROUP BY "x"."y"
-- case: the same block twice is one stage
select (select max(o_total) from orders) m, (select max(o_total) from orders) n
-- stage 1 block orders gather
SELECT MAX("orders"."o_total") AS "__p0" FROM "orders" AS "orders"
-- final
SELECT (SELECT MAX("__p0") AS "_col_0" FROM "__stage_1" AS "__block") AS "m", (SELECT MAX("__p0") AS "_col_0" FROM "__stage_1" AS "__block") AS "n"
-- case: a correlated aggregate on the key: both shuffled, orders cut first to the filtered customers' keys
select c_name from customer where c_nation = 1 and 5 < (select count(*) from orders where o_custkey = c_custkey)
-- stage 1 scan customer broadcast
SELECT DISTINCT "c_custkey" FROM "customer" WHERE "c_nation" = 1
-- stage 2 scan customer shuffle
SELECT "c_custkey", "c_name" FROM "customer" WHERE "c_nation" = 1
-- stage 3 scan orders shuffle reads __stage_1
SELECT "o_custkey" FROM "orders" WHERE ("o_custkey" IN (SELECT "c_custkey" FROM "__stage_1") OR "o_custkey" IS NULL)
-- stage 4 block customer gather reads __stage_2, __stage_3
SELECT "customer"."c_name" AS "__c0" FROM "__stage_2" AS "customer" WHERE 5 < (SELECT COUNT(*) AS "_col_0" FROM "__stage_3" AS "orders" WHERE "orders"."o_custkey" = "customer"."c_custkey")
-- final
SELECT "__c0" AS "c_name" FROM "__stage_4" AS "__block"
-- case: two subqueries reading the same small table each read their own broadcast
select count(*) from orders o where exists (select * from customer where c_custkey = o.o_custkey and c_nation = 1) or exists (select * from customer where c_custkey = o.o_custkey and c_nation = 2)
-- stage 1 block orders gather whole customer
SELECT COUNT(*) AS "__p0" FROM "orders" AS "o" WHERE EXISTS(SELECT 1 AS "1" FROM "customer" AS "customer" WHERE "customer"."c_custkey" = "o"."o_custkey" AND "customer"."c_nation" = 1) OR EXISTS(SELECT 1 AS "1" FROM "customer" AS "customer" WHERE "customer"."c_custkey" = "o"."o_custkey" AND "customer"."c_nation" = 2)
-- final
SELECT CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_1" AS "__block"
-- case: two large tables joined on one key are shuffled on it into one bucket per worker
select c_nation, count(*) from orders a join orders b on a.o_orderkey = b.o_custkey join customer on c_custkey = a.o_custkey group by c_nation
-- stage 1 scan orders shuffle
SELECT "o_orderkey", "o_custkey" FROM "orders"
-- stage 2 scan orders shuffle
SELECT "o_custkey" FROM "orders"
-- stage 3 block orders gather reads __stage_1, __stage_2 whole customer
SELECT "customer"."c_nation" AS "__k0", COUNT(*) AS "__p0" FROM "__stage_1" AS "a" JOIN "__stage_2" AS "b" ON "a"."o_orderkey" = "b"."o_custkey" JOIN "customer" AS "customer" ON "customer"."c_custkey" = "a"."o_custkey" GROUP BY "customer"."c_nation"
-- final
SELECT "__k0" AS "c_nation", CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_3" AS "__block" GROUP BY "__k0"
-- case: NOT EXISTS over a shuffled table: the outer table is shuffled on the key too
select count(*) from customer c, orders x where c_custkey = x.o_custkey and not exists (select * from orders o where o.o_custkey = c.c_custkey and o.o_total > 100)
-- stage 1 scan customer shuffle
SELECT "c_custkey" FROM "customer"
-- stage 2 scan orders shuffle
SELECT "o_custkey", "o_total" FROM "orders"
-- stage 3 block customer gather reads __stage_1, __stage_2
SELECT COUNT(*) AS "__p0" FROM "__stage_1" AS "c", "__stage_2" AS "x" WHERE "c"."c_custkey" = "x"."o_custkey" AND NOT EXISTS(SELECT 1 AS "1" FROM "__stage_2" AS "o" WHERE "o"."o_custkey" = "c"."c_custkey" AND "o"."o_total" > 100)
-- final
SELECT CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_3" AS "__block"
-- case: nested subqueries over shuffled tables stay on the gateway
select count(*) from customer c where c_nation = 1 and not exists (select * from orders o where o.o_custkey = c.c_custkey and o.o_total > 100 and exists (select 1 from orders p where p.o_orderkey = o.o_orderkey))
-- stage 1 scan customer gather
SELECT "c_custkey", "c_nation" FROM "customer" WHERE "c_nation" = 1
-- stage 2 scan orders gather
SELECT "o_orderkey", "o_custkey", "o_total" FROM "orders" WHERE "o_total" > 100
-- stage 3 scan orders gather
SELECT "o_orderkey" FROM "orders"
-- final
SELECT COUNT(*) AS "count" FROM "__stage_1" AS "c" WHERE "c"."c_nation" = 1 AND NOT EXISTS(SELECT 1 AS "1" FROM "__stage_2" AS "o" WHERE "o"."o_custkey" = "c"."c_custkey" AND "o"."o_total" > 100 AND EXISTS(SELECT 1 AS "1" FROM "__stage_3" AS "p" WHERE "p"."o_orderkey" = "o"."o_orderkey"))
-- case: an equality under OR does not make two tables co-partitioned
select count(*) from orders a, orders b where a.o_orderkey = b.o_orderkey or a.o_total > 1000
-- stage 1 scan orders gather
SELECT "o_orderkey", "o_total" FROM "orders"
-- stage 2 scan orders gather
SELECT "o_orderkey" FROM "orders"
-- final
SELECT COUNT(*) AS "count" FROM "__stage_1" AS "a", "__stage_2" AS "b" WHERE "a"."o_orderkey" = "b"."o_orderkey" OR "a"."o_total" > 1000
-- case: an uncorrelated aggregate over a large table cannot run per bucket
select count(*) from orders a where a.o_total > (select avg(o_total) from orders b where b.o_custkey = 7) and exists (select 1 from orders c where c.o_orderkey = a.o_orderkey)
-- stage 1 block orders gather
SELECT COUNT("b"."o_total") AS "__p0", SUM("b"."o_total") AS "__p1" FROM "orders" AS "b" WHERE "b"."o_custkey" = 7
-- stage 2 scan orders gather
SELECT "o_orderkey", "o_total" FROM "orders"
-- stage 3 scan orders gather
SELECT "o_orderkey" FROM "orders"
-- final
SELECT COUNT(*) AS "count" FROM "__stage_2" AS "a" WHERE "a"."o_total" > PG_NUMERIC_CUT((SELECT PG_NUMERIC_QUOTIENT(CAST((SUM("__p1")) * 100 AS INT128), 2, CAST(CAST(SUM("__p0") AS BIGINT) AS INT128), 0) AS "_col_0" FROM "__stage_1" AS "__block"), 2) * CAST('0.001' AS DECIMAL(38, 3)) AND EXISTS(SELECT 1 AS "1" FROM "__stage_3" AS "c" WHERE "c"."o_orderkey" = "a"."o_orderkey")
-- case: grouping sets: fragments group by every key, the final applies the sets
select o_custkey, o_date, sum(o_total), grouping(o_custkey) from orders group by grouping sets ((o_custkey, o_date), (o_custkey), ())
-- stage 1 block orders gather
SELECT "orders"."o_custkey" AS "__k0", "orders"."o_date" AS "__k1", SUM("orders"."o_total") AS "__p0" FROM "orders" AS "orders" GROUP BY "orders"."o_custkey", "orders"."o_date"
-- final
SELECT "__k0" AS "o_custkey", "__k1" AS "o_date", SUM("__p0") AS "sum", CAST(GROUPING("__k0") AS INT) AS "grouping" FROM "__stage_1" AS "__block" GROUP BY GROUPING SETS (("__k0", "__k1"), ("__k0"), ())
-- case: rollup and cube over expressions
select extract(year from o_date) as y, o_custkey, count(*) from orders group by rollup (extract(year from o_date)), cube (o_custkey)
-- stage 1 block orders gather
SELECT CASE WHEN NOT ISFINITE("orders"."o_date") THEN ERROR('extract of an infinite date or time is not supported: DuckDB''s decimals have no infinity') ELSE CAST(CASE WHEN DATE_PART('year', "orders"."o_date") > 0 THEN DATE_PART('year', "orders"."o_date") ELSE DATE_PART('year', "orders"."o_date") - 1 END AS DECIMAL(18, 0)) END AS "__k0", "orders"."o_custkey" AS "__k1", COUNT(*) AS "__p0" FROM "orders" AS "orders" GROUP BY CASE WHEN NOT ISFINITE("orders"."o_date") THEN ERROR('extract of an infinite date or time is not supported: DuckDB''s decimals have no infinity') ELSE CAST(CASE WHEN DATE_PART('year', "orders"."o_date") > 0 THEN DATE_PART('year', "orders"."o_date") ELSE DATE_PART('year', "orders"."o_date") - 1 END AS DECIMAL(18, 0)) END, "orders"."o_custkey"
-- final
SELECT "__k0" AS "y", "__k1" AS "o_custkey", CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_1" AS "__block" GROUP BY ROLLUP ("__k0"), CUBE ("__k1")
-- case: stddev and variance merge fragments' n, mean and M2 around each group's mean
select o_custkey, stddev(o_total), var_pop(o_total), variance(o_total) from orders group by o_custkey
-- stage 1 block orders gather
SELECT "orders"."o_custkey" AS "__k0", COUNT("orders"."o_total") AS "__p0", CAST(AVG("orders"."o_total") AS DOUBLE) AS "__p1", VAR_POP("orders"."o_total") * COUNT("orders"."o_total") AS "__p2", COUNT("orders"."o_total") AS "__p4", CAST(AVG("orders"."o_total") AS DOUBLE) AS "__p5", VAR_POP("orders"."o_total") * COUNT("orders"."o_total") AS "__p6", COUNT("orders"."o_total") AS "__p8", CAST(AVG("orders"."o_total") AS DOUBLE) AS "__p9", VAR_POP("orders"."o_total") * COUNT("orders"."o_total") AS "__p10" FROM "orders" AS "orders" GROUP BY "orders"."o_custkey"
-- final
SELECT "__k0" AS "o_custkey", SQRT(CASE WHEN SUM("__p0") > 1 THEN SUM("__p2" + "__p0" * POWER("__p1" - "__p3", 2)) / (SUM("__p0") - 1) END) AS "stddev", CASE WHEN SUM("__p4") > 0 THEN SUM("__p6" + "__p4" * POWER("__p5" - "__p7", 2)) / SUM("__p4") END AS "var_pop", CASE WHEN SUM("__p8") > 1 THEN SUM("__p10" + "__p8" * POWER("__p9" - "__p11", 2)) / (SUM("__p8") - 1) END AS "variance" FROM (SELECT *, SUM("__p0" * "__p1") OVER (PARTITION BY "__k0") / NULLIF(SUM("__p0") OVER (PARTITION BY "__k0"), 0) AS "__p3", SUM("__p4" * "__p5") OVER (PARTITION BY "__k0") / NULLIF(SUM("__p4") OVER (PARTITION BY "__k0"), 0) AS "__p7", SUM("__p8" * "__p9") OVER (PARTITION BY "__k0") / NULLIF(SUM("__p8") OVER (PARTITION BY "__k0"), 0) AS "__p11" FROM "__stage_1" AS "__block") AS "__block" GROUP BY "__k0"
-- case: an uncorrelated HAVING subquery over the block's own table is a block of its own
select o_custkey, sum(o_total) from orders group by o_custkey having sum(o_total) > (select sum(o_total) * 0.0001 from orders)
-- stage 1 block orders gather
SELECT "orders"."o_custkey" AS "__k0", SUM("orders"."o_total") AS "__p0" FROM "orders" AS "orders" GROUP BY "orders"."o_custkey"
-- stage 2 block orders gather
SELECT SUM("orders"."o_total") AS "__p0" FROM "orders" AS "orders"
-- final
SELECT "__k0" AS "o_custkey", SUM("__p0") AS "sum" FROM "__stage_1" AS "__block" GROUP BY "__k0" HAVING SUM("__p0") > (SELECT SUM("__p0") * 0.0001 AS "_col_0" FROM "__stage_2" AS "__block")
-- case: a HAVING subquery reading the block's group key is correlated and stays on the gateway
select o_custkey, sum(o_total) from orders as o group by o_custkey having sum(o_total) > (select max(c_nation) from customer where c_custkey = o.o_custkey)
-- stage 1 scan orders gather
SELECT "o_custkey", "o_total" FROM "orders"
-- stage 2 scan customer gather
SELECT "c_custkey", "c_nation" FROM "customer"
-- final
SELECT "o"."o_custkey" AS "o_custkey", SUM("o"."o_total") AS "sum" FROM "__stage_1" AS "o" GROUP BY "o"."o_custkey" HAVING SUM("o"."o_total") > (SELECT MAX("customer"."c_nation") AS "_col_0" FROM "__stage_2" AS "customer" WHERE "customer"."c_custkey" = "o"."o_custkey")
-- case: a filtered table on the null-supplying side of a left join cuts no shuffle
select c_name, count(o_orderkey) from customer left join orders on o_custkey = c_custkey and o_date = date '2020-01-01' group by c_name
-- stage 1 scan customer shuffle
SELECT "c_custkey", "c_name" FROM "customer"
-- stage 2 scan orders shuffle
SELECT "o_orderkey", "o_custkey" FROM "orders" WHERE "o_date" = CAST('2020-01-01' AS DATE)
-- stage 3 block customer gather reads __stage_1, __stage_2
SELECT "customer"."c_name" AS "__k0", COUNT("orders"."o_orderkey") AS "__p0" FROM "__stage_1" AS "customer" LEFT JOIN "__stage_2" AS "orders" ON "orders"."o_custkey" = "customer"."c_custkey" GROUP BY "customer"."c_name"
-- final
SELECT "__k0" AS "c_name", CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_3" AS "__block" GROUP BY "__k0"
-- case: a filtered table under NOT EXISTS cuts no shuffle
select count(*) from orders where not exists (select 1 from customer where c_custkey = o_custkey and c_nation = 1)
-- stage 1 block orders gather whole customer
SELECT COUNT(*) AS "__p0" FROM "orders" AS "orders" WHERE NOT EXISTS(SELECT 1 AS "1" FROM "customer" AS "customer" WHERE "customer"."c_custkey" = "orders"."o_custkey" AND "customer"."c_nation" = 1)
-- final
SELECT CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_1" AS "__block"
-- case: grouped distinct and plain aggregates, avg and stddev among them
select o_date, count(distinct o_custkey), sum(o_total), avg(o_total), stddev(o_total), max(o_custkey) from orders group by o_date
-- stage 1 block orders gather
SELECT "orders"."o_date" AS "__k0", "orders"."o_custkey" AS "__d", SUM("orders"."o_total") AS "__p0", COUNT("orders"."o_total") AS "__p1", COUNT("orders"."o_total") AS "__p2", CAST(AVG("orders"."o_total") AS DOUBLE) AS "__p3", VAR_POP("orders"."o_total") * COUNT("orders"."o_total") AS "__p4", MAX("orders"."o_custkey") AS "__p6" FROM "orders" AS "orders" GROUP BY "orders"."o_date", "orders"."o_custkey"
-- final
SELECT "__k0" AS "o_date", COUNT(DISTINCT "__d") AS "count", SUM("__p0") AS "sum", PG_NUMERIC_QUOTIENT(CAST((SUM("__p0")) * 100 AS INT128), 2, CAST(CAST(SUM("__p1") AS BIGINT) AS INT128), 0) AS "avg", SQRT(CASE WHEN SUM("__p2") > 1 THEN SUM("__p4" + "__p2" * POWER("__p3" - "__p5", 2)) / (SUM("__p2") - 1) END) AS "stddev", MAX("__p6") AS "max" FROM (SELECT *, SUM("__p2" * "__p3") OVER (PARTITION BY "__k0") / NULLIF(SUM("__p2") OVER (PARTITION BY "__k0"), 0) AS "__p5" FROM "__stage_1" AS "__block") AS "__block" GROUP BY "__k0"
-- case: distinct aggregates over two arguments are gathered
select count(distinct o_custkey), count(distinct o_date) from orders
-- stage 1 scan orders gather
SELECT "o_custkey", "o_date" FROM "orders"
-- final
SELECT COUNT(DISTINCT "orders"."o_custkey") AS "count", COUNT(DISTINCT "orders"."o_date") AS "count" FROM "__stage_1" AS "orders"
-- case: a plain aggregate before the distinct one
select avg(o_total), count(distinct o_total) from orders where o_total between 1 and 10
-- stage 1 block orders gather
SELECT "orders"."o_total" AS "__d", COUNT("orders"."o_total") AS "__p0", SUM("orders"."o_total") AS "__p1" FROM "orders" AS "orders" WHERE "orders"."o_total" BETWEEN 1 AND 10 GROUP BY "orders"."o_total"
-- final
SELECT PG_NUMERIC_QUOTIENT(CAST((SUM("__p1")) * 100 AS INT128), 2, CAST(CAST(SUM("__p0") AS BIGINT) AS INT128), 0) AS "avg", COUNT(DISTINCT "__d") AS "count" FROM "__stage_1" AS "__block"
-- case: grouped by the shuffle key, each worker aggregates whole groups (any aggregate, HAVING in the fragments)
select a.o_orderkey, median(b.o_total), count(*) from orders a join orders b on a.o_orderkey = b.o_custkey group by a.o_orderkey having count(*) > 1 order by 3 desc limit 10
-- stage 1 scan orders shuffle
SELECT "o_orderkey" FROM "orders"
-- stage 2 scan orders shuffle
SELECT "o_custkey", "o_total" FROM "orders"
-- stage 3 block orders gather reads __stage_1, __stage_2
SELECT "a"."o_orderkey" AS "__c0", MEDIAN("b"."o_total") AS "__c1", COUNT(*) AS "__c2" FROM "__stage_1" AS "a" JOIN "__stage_2" AS "b" ON "a"."o_orderkey" = "b"."o_custkey" GROUP BY "a"."o_orderkey" HAVING COUNT(*) > 1 ORDER BY "__c2" DESC NULLS FIRST LIMIT 10
-- final
SELECT "__c0" AS "o_orderkey", "__c1" AS "median", "__c2" AS "count" FROM "__stage_3" AS "__block" ORDER BY "__c2" DESC NULLS FIRST LIMIT 10
-- case: LIMIT without ORDER BY: each fragment sends at most LIMIT + OFFSET rows
select o_orderkey, o_total from orders where o_total > 5 limit 10 offset 5
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0", "orders"."o_total" AS "__c1" FROM "orders" AS "orders" WHERE "orders"."o_total" > 5 LIMIT 15
-- final
SELECT "__c0" AS "o_orderkey", "__c1" AS "o_total" FROM "__stage_1" AS "__block" LIMIT 10 OFFSET 5
-- case: DISTINCT with LIMIT: each fragment's first distinct values, deduplicated once more
select distinct o_custkey from orders limit 5
-- stage 1 block orders gather
SELECT DISTINCT "orders"."o_custkey" AS "__c0" FROM "orders" AS "orders" LIMIT 5
-- final
SELECT DISTINCT "__c0" AS "o_custkey" FROM "__stage_1" AS "__block" LIMIT 5
-- case: partial aggregates under LIMIT are not cut in the fragments (a group's partials must all meet)
select o_custkey, count(*) from orders group by o_custkey limit 3
-- stage 1 block orders gather
SELECT "orders"."o_custkey" AS "__k0", COUNT(*) AS "__p0" FROM "orders" AS "orders" GROUP BY "orders"."o_custkey"
-- final
SELECT "__k0" AS "o_custkey", CAST(SUM("__p0") AS BIGINT) AS "count" FROM "__stage_1" AS "__block" GROUP BY "__k0" LIMIT 3
-- case: ORDER BY positions of output columns with the same name
select a.o_comment, b.o_comment from orders a join orders b on a.o_orderkey = b.o_orderkey order by 1, 2 desc limit 5
-- stage 1 scan orders shuffle
SELECT "o_orderkey", "o_comment" FROM "orders"
-- stage 2 block orders gather reads __stage_1
SELECT "a"."o_comment" AS "__c0", "b"."o_comment" AS "__c1" FROM "__stage_1" AS "a" JOIN "__stage_1" AS "b" ON "a"."o_orderkey" = "b"."o_orderkey" ORDER BY "__c0", "__c1" DESC NULLS FIRST LIMIT 5
-- final
SELECT "__c0" AS "o_comment", "__c1" AS "o_comment" FROM "__stage_2" AS "__block" ORDER BY "__c0", "__c1" DESC NULLS FIRST LIMIT 5
-- case: an IN subquery with LIMIT counts rows of every bucket: not co-partitioned
select count(*) from orders where o_orderkey in (select o_orderkey from orders order by o_orderkey limit 5 offset 5)
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0" FROM "orders" AS "orders" ORDER BY "__c0" LIMIT 10
-- stage 2 scan orders gather
SELECT "o_orderkey" FROM "orders"
-- final
SELECT COUNT(*) AS "count" FROM "__stage_2" AS "orders" WHERE "orders"."o_orderkey" IN (SELECT "__c0" AS "o_orderkey" FROM "__stage_1" AS "__block" ORDER BY "__c0" LIMIT 5 OFFSET 5)
-- case: an IN subquery on the key with LIMIT, under another alias: not co-partitioned either
select count(*) from orders o where o.o_orderkey in (select i.o_orderkey from orders i order by i.o_orderkey limit 5)
-- stage 1 block orders gather
SELECT "i"."o_orderkey" AS "__c0" FROM "orders" AS "i" ORDER BY "__c0" LIMIT 5
-- stage 2 scan orders gather
SELECT "o_orderkey" FROM "orders"
-- final
SELECT COUNT(*) AS "count" FROM "__stage_2" AS "o" WHERE "o"."o_orderkey" IN (SELECT "__c0" AS "o_orderkey" FROM "__stage_1" AS "__block" ORDER BY "__c0" LIMIT 5)
