-- case: names that differ only in case are two columns: the later is renamed for DuckDB
select "Qty", qty, "Qty" + qty * 100 from (select 5 as "Qty", 7 as qty) s
-- final
SELECT "s"."Qty" AS "Qty", "s"."qty_1" AS "qty", "s"."Qty" + "s"."qty_1" * 100 AS "?column?" FROM (SELECT 5 AS "Qty", 7 AS "qty_1") AS "s"
-- case: a table's columns are read by DuckDB's names; clients still see the files' names
select "Qty", qty, "IsEven" from "MyTable" where qty > 1 and "Qty" < 5
-- stage 1 block MyTable gather
SELECT "MyTable"."Qty" AS "__c0", "MyTable"."qty_1" AS "__c1", "MyTable"."IsEven" AS "__c2" FROM "MyTable" AS "MyTable" WHERE "MyTable"."qty_1" > 1 AND "MyTable"."Qty" < 5
-- final
SELECT "__c0" AS "Qty", "__c1" AS "qty", "__c2" AS "IsEven" FROM "__stage_1" AS "__block"
-- case: star over a subquery and a CTE whose columns differ only in case
with w as (select k, "Qty", qty from "MyTable") select * from (select * from w) s where s.qty = 3
-- stage 1 block MyTable gather
SELECT "MyTable"."k" AS "__c0", "MyTable"."Qty" AS "__c1", "MyTable"."qty_1" AS "__c2" FROM "MyTable" AS "MyTable"
-- final
WITH "w" AS (SELECT "__c0" AS "k", "__c1" AS "Qty", "__c2" AS "qty_1" FROM "__stage_1" AS "__block") SELECT "s"."k" AS "k", "s"."Qty" AS "Qty", "s"."qty_1" AS "qty" FROM (SELECT "w"."k" AS "k", "w"."Qty" AS "Qty", "w"."qty_1" AS "qty_1" FROM "w" AS "w") AS "s" WHERE "s"."qty_1" = 3
-- case: partial aggregates grouped by a quoted column; ORDER BY output names that differ in case by position
select "IsEven" as "E", count(*) as e, sum(qty) from "MyTable" group by "IsEven" order by e desc, "E"
-- stage 1 block MyTable gather
SELECT "MyTable"."IsEven" AS "__k0", COUNT(*) AS "__p0", SUM("MyTable"."qty_1") AS "__p1" FROM "MyTable" AS "MyTable" GROUP BY "MyTable"."IsEven"
-- final
SELECT "__k0" AS "E", CAST(SUM("__p0") AS BIGINT) AS "e", SUM("__p1") AS "sum" FROM "__stage_1" AS "__block" GROUP BY "__k0" ORDER BY 2 DESC NULLS FIRST, 1
-- case: rows with their own top N ordered by an output name that differs in case from another
select "Qty" as "K", qty as k from "MyTable" order by k desc limit 3
-- stage 1 block MyTable gather
SELECT "MyTable"."Qty" AS "__c0", "MyTable"."qty_1" AS "__c1" FROM "MyTable" AS "MyTable" ORDER BY "__c1" DESC NULLS FIRST LIMIT 3
-- final
SELECT "__c0" AS "K", "__c1" AS "k" FROM "__stage_1" AS "__block" ORDER BY "__c1" DESC NULLS FIRST LIMIT 3
-- case: a join on quoted columns of two tables
select o.o_custkey, sum(m."Qty") from orders o join "MyTable" m on m.k = o.o_orderkey and m."IsEven" group by o.o_custkey
-- stage 1 block orders gather whole MyTable
SELECT "o"."o_custkey" AS "__k0", SUM("m"."Qty") AS "__p0" FROM "orders" AS "o" JOIN "MyTable" AS "m" ON "m"."k" = "o"."o_orderkey" AND "m"."IsEven" GROUP BY "o"."o_custkey"
-- final
SELECT "__k0" AS "o_custkey", SUM("__p0") AS "sum" FROM "__stage_1" AS "__block" GROUP BY "__k0"
-- case: a join USING a quoted column keeps it once
select * from (select k as "Key", "Qty" from "MyTable") a join (select k as "Key", qty from "MyTable") b using ("Key") where a."Qty" > 2
-- stage 1 block MyTable gather
SELECT "MyTable"."k" AS "__c0", "MyTable"."Qty" AS "__c1" FROM "MyTable" AS "MyTable"
-- stage 2 block MyTable gather
SELECT "MyTable"."k" AS "__c0", "MyTable"."qty_1" AS "__c1" FROM "MyTable" AS "MyTable"
-- final
SELECT COALESCE("a"."Key", "b"."Key") AS "Key", "a"."Qty" AS "Qty", "b"."qty" AS "qty" FROM (SELECT "__c0" AS "Key", "__c1" AS "Qty" FROM "__stage_1" AS "__block") AS "a" JOIN (SELECT "__c0" AS "Key", "__c1" AS "qty" FROM "__stage_2" AS "__block") AS "b" ON "a"."Key" = "b"."Key" WHERE "a"."Qty" > 2
-- case: table aliases and CTE names that differ only in case
with "W" as (select 1 as x), w as (select 2 as x) select "T".k, t.k, "W".x, w.x from "MyTable" "T" join "MyTable" t on "T".k = t.k + 1, "W", w
-- stage 1 scan MyTable gather
SELECT "k" FROM "MyTable"
-- final
WITH "W" AS (SELECT 1 AS "x"), "w_1" AS (SELECT 2 AS "x") SELECT "T"."k" AS "k", "t_1"."k" AS "k", "W"."x" AS "x", "w_1"."x" AS "x" FROM "__stage_1" AS "T" JOIN "__stage_1" AS "t_1" ON "T"."k" = "t_1"."k" + 1, "W" AS "W", "w_1" AS "w_1"
-- case: a set operation ordered by an output name that differs in case from another
select "Qty" as q, qty as "Q" from "MyTable" union all select 1, 2 order by "Q"
-- stage 1 block MyTable gather
SELECT "MyTable"."Qty" AS "__c0", "MyTable"."qty_1" AS "__c1" FROM "MyTable" AS "MyTable"
-- final
SELECT "__c0" AS "q", "__c1" AS "Q" FROM "__stage_1" AS "__block" UNION ALL SELECT 1 AS "1", 2 AS "2" ORDER BY 2
-- case: VALUES with column names that differ only in case
select v."A", v.a from (values (1, 2)) as v("A", a)
-- final
SELECT "v"."A" AS "A", "v"."a_1" AS "a" FROM (VALUES (1, 2)) AS "v"("A", "a_1")
-- case: LATERAL columns that differ only in case
select m.k, l.* from "MyTable" m, lateral (select m."Qty" as "V", m.qty as v) l
-- stage 1 scan MyTable gather
SELECT "k", "Qty", "qty_1" FROM "MyTable"
-- final
SELECT "m"."k" AS "k", "l"."V" AS "V", "l"."v_1" AS "v" FROM "__stage_1" AS "m", LATERAL (SELECT "m"."Qty" AS "V", "m"."qty_1" AS "v_1") AS "l"
-- case: a subquery's set operation ordered by its output names that differ in case
select * from (select "Qty" as "Q", qty as q from "MyTable" union all select 3, 4 order by q desc limit 2) s
-- stage 1 block MyTable gather
SELECT "MyTable"."Qty" AS "__c0", "MyTable"."qty_1" AS "__c1" FROM "MyTable" AS "MyTable"
-- final
SELECT "s"."Q" AS "Q", "s"."q_1" AS "q" FROM (SELECT "__c0" AS "Q", "__c1" AS "q_1" FROM "__stage_1" AS "__block" UNION ALL SELECT 3 AS "3", 4 AS "4" ORDER BY "q_1" DESC NULLS FIRST LIMIT 2) AS "s"
