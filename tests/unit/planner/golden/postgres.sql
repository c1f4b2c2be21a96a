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
-- case: array constants are read in PostgreSQL's syntax
select o_orderkey, '{1,NULL}'::int[] as ids from orders where o_orderkey = any('{1,2}'::int8[])
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0", CAST(['1', NULL] AS INT[]) AS "__c1" FROM "orders" AS "orders" WHERE "orders"."o_orderkey" = ANY(CAST(['1', '2'] AS BIGINT[]))
-- final
SELECT "__c0" AS "o_orderkey", "__c1" AS "ids" FROM "__stage_1" AS "__block"
-- case: casts with a type modifier give PostgreSQL's values
select o_comment::varchar(5), o_comment::char(3), o_date::timestamp(0), o_total::numeric, o_orderkey::numeric, '1.50'::numeric from orders where o_comment::char(2) = 'ab'
-- stage 1 block orders gather
SELECT LEFT(CAST("orders"."o_comment" AS TEXT), 5) AS "__c0", RTRIM(LEFT(CAST("orders"."o_comment" AS TEXT), 3), ' ') AS "__c1", CAST("orders"."o_date" AS TIMESTAMP) + TO_MICROSECONDS(SIGN((EPOCH_US(CAST("orders"."o_date" AS TIMESTAMP)) - 946684800000000)) * ((ABS((EPOCH_US(CAST("orders"."o_date" AS TIMESTAMP)) - 946684800000000)) + 500000) // 1000000 * 1000000) - (EPOCH_US(CAST("orders"."o_date" AS TIMESTAMP)) - 946684800000000)) AS "__c2", "orders"."o_total" AS "__c3", CAST("orders"."o_orderkey" AS DECIMAL(19, 0)) AS "__c4", CAST('1.50' AS DECIMAL(3, 2)) AS "__c5" FROM "orders" AS "orders" WHERE RTRIM(LEFT(CAST("orders"."o_comment" AS TEXT), 2), ' ') = 'ab'
-- final
SELECT "__c0" AS "o_comment", "__c1" AS "o_comment", "__c2" AS "o_date", "__c3" AS "o_total", "__c4" AS "o_orderkey", "__c5" AS "numeric" FROM "__stage_1" AS "__block"
-- case: ANY/ALL/SOME of a string constant is an array of the other side's type
select o_orderkey from orders where o_comment = any('{a,"b c"}') and o_orderkey <> all('{1,2}') and o_custkey = some('{3}')
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0" FROM "orders" AS "orders" WHERE "orders"."o_comment" = ANY(CAST(['a', 'b c'] AS TEXT[])) AND "orders"."o_orderkey" <> ALL (CAST(['1', '2'] AS BIGINT[])) AND "orders"."o_custkey" = ANY(CAST(['3'] AS BIGINT[]))
-- final
SELECT "__c0" AS "o_orderkey" FROM "__stage_1" AS "__block"
