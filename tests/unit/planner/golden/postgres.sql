-- case: output names follow PostgreSQL
select count(*), sum(o_total), o_orderkey + 1, o_comment as note, cast(o_custkey as int), upper(o_comment) from orders
-- stage 1 scan orders gather
SELECT "o_orderkey", "o_custkey", "o_total", "o_comment" FROM "orders"
-- final
SELECT COUNT(*) AS "count", SUM("orders"."o_total") AS "sum", "orders"."o_orderkey" + 1 AS "?column?", "orders"."o_comment" AS "note", CAST("orders"."o_custkey" AS INT) AS "o_custkey", REPLACE(UPPER(REPLACE("orders"."o_comment", 'ß', '￿')), '￿', 'ß') AS "upper" FROM "__stage_1" AS "orders"
-- case: division by zero raises as in PostgreSQL; integer division stays integer
select o_orderkey / o_custkey, o_total / 2 from orders where o_custkey % 7 = 0
-- stage 1 block orders gather
SELECT CAST(TRUNC("orders"."o_orderkey" / CASE WHEN "orders"."o_custkey" = 0 THEN ERROR('division by zero') ELSE "orders"."o_custkey" END) AS BIGINT) AS "__c0", PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(2 AS INT128), 0) AS "__c1" FROM "orders" AS "orders" WHERE "orders"."o_custkey" % 7 = 0
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
-- case: LIKE escapes with a backslash unless told otherwise; SIMILAR TO is PostgreSQL's regular expression
select o_orderkey from orders where o_comment like 'a\_b%' and o_comment not ilike '%x%' and o_comment !~~ o_comment || '\' and o_comment like '1#%' escape '#' and o_comment like 'c\%' escape '' and o_comment not similar to '(a|b)%\_' and o_comment like any (array['%a', '%b\%'])
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0" FROM "orders" AS "orders" WHERE LIKE_ESCAPE("orders"."o_comment", 'a\_b%', '\') AND "orders"."o_comment" NOT ILIKE '%x%' AND NOT_LIKE_ESCAPE("orders"."o_comment", "orders"."o_comment" || '\', '\') AND LIKE_ESCAPE("orders"."o_comment", '1#%', '#') AND "orders"."o_comment" LIKE 'c\%' AND NOT REGEXP_MATCHES("orders"."o_comment", '^(?:(?:a|b).*\_)$') AND CASE WHEN ['%a', '%b\%'] IS NULL THEN NULL ELSE LIST_REDUCE(LIST_PREPEND(FALSE, LIST_TRANSFORM(['%a', '%b\%'], LAMBDA __pattern : LIKE_ESCAPE("orders"."o_comment", __pattern, '\'))), LAMBDA __a, __b : __a OR __b) END
-- final
SELECT "__c0" AS "o_orderkey" FROM "__stage_1" AS "__block"
-- case: functions and operators give PostgreSQL's result types
select length(o_comment), strpos(o_comment, 'a'), o_date - o_date, sum(c_nation), sum(c_nation) over (), cast(c_nation / 2 as int), c_nation / 2, null from orders, customer where o_custkey = c_custkey group by 1, 2, 3, c_nation
-- stage 1 scan orders gather
SELECT "o_custkey", "o_date", "o_comment" FROM "orders"
-- stage 2 scan customer gather
SELECT "c_custkey", "c_nation" FROM "customer"
-- final
SELECT CAST(LENGTH("orders"."o_comment") AS INT) AS "length", CAST(STRPOS("orders"."o_comment", 'a') AS INT) AS "strpos", CAST("orders"."o_date" - "orders"."o_date" AS INT) AS "?column?", CAST(SUM("customer"."c_nation") AS BIGINT) AS "sum", CAST(SUM("customer"."c_nation") OVER () AS BIGINT) AS "sum", CAST(CAST(TRUNC("customer"."c_nation" / 2) AS BIGINT) AS INT) AS "int4", CAST(CAST(TRUNC("customer"."c_nation" / 2) AS BIGINT) AS INT) AS "?column?", CAST(NULL AS TEXT) AS "?column?" FROM "__stage_1" AS "orders", "__stage_2" AS "customer" WHERE "orders"."o_custkey" = "customer"."c_custkey" GROUP BY CAST(LENGTH("orders"."o_comment") AS INT), CAST(STRPOS("orders"."o_comment", 'a') AS INT), CAST("orders"."o_date" - "orders"."o_date" AS INT), "customer"."c_nation"
-- case: PostgreSQL functions DuckDB lacks or computes otherwise
select every(o_orderkey > 0), round(o_total::float8), to_hex(c_nation), substr(o_comment, c_nation, 2), width_bucket(c_nation, 0, 10, 5) from orders, customer where o_custkey = c_custkey group by 3, 4, 5, o_total
-- stage 1 block orders gather whole customer
SELECT LOWER(HEX(CAST("customer"."c_nation" AS BIGINT) & 4294967295)) AS "__k0", SUBSTRING("orders"."o_comment", CASE WHEN "customer"."c_nation" IS NULL OR 1 IS NULL THEN NULL ELSE GREATEST("customer"."c_nation", 1) END, CASE WHEN (("customer"."c_nation") + (2) - CASE WHEN "customer"."c_nation" IS NULL OR 1 IS NULL THEN NULL ELSE GREATEST("customer"."c_nation", 1) END) IS NULL OR 0 IS NULL THEN NULL ELSE GREATEST(("customer"."c_nation") + (2) - CASE WHEN "customer"."c_nation" IS NULL OR 1 IS NULL THEN NULL ELSE GREATEST("customer"."c_nation", 1) END, 0) END) AS "__k1", CASE WHEN "customer"."c_nation" < 0 THEN 0 WHEN "customer"."c_nation" >= 10 THEN 5 + 1 ELSE CAST(FLOOR((CAST("customer"."c_nation" AS DOUBLE) - CAST(0 AS DOUBLE)) * 5 / (CAST(10 AS DOUBLE) - CAST(0 AS DOUBLE))) + 1 AS INT) END AS "__k2", "orders"."o_total" AS "__k3", BOOL_AND("orders"."o_orderkey" > 0) AS "__p0" FROM "orders" AS "orders", "customer" AS "customer" WHERE "orders"."o_custkey" = "customer"."c_custkey" GROUP BY LOWER(HEX(CAST("customer"."c_nation" AS BIGINT) & 4294967295)), SUBSTRING("orders"."o_comment", CASE WHEN "customer"."c_nation" IS NULL OR 1 IS NULL THEN NULL ELSE GREATEST("customer"."c_nation", 1) END, CASE WHEN (("customer"."c_nation") + (2) - CASE WHEN "customer"."c_nation" IS NULL OR 1 IS NULL THEN NULL ELSE GREATEST("customer"."c_nation", 1) END) IS NULL OR 0 IS NULL THEN NULL ELSE GREATEST(("customer"."c_nation") + (2) - CASE WHEN "customer"."c_nation" IS NULL OR 1 IS NULL THEN NULL ELSE GREATEST("customer"."c_nation", 1) END, 0) END), CASE WHEN "customer"."c_nation" < 0 THEN 0 WHEN "customer"."c_nation" >= 10 THEN 5 + 1 ELSE CAST(FLOOR((CAST("customer"."c_nation" AS DOUBLE) - CAST(0 AS DOUBLE)) * 5 / (CAST(10 AS DOUBLE) - CAST(0 AS DOUBLE))) + 1 AS INT) END, "orders"."o_total"
-- final
SELECT BOOL_AND(CAST("__p0" AS BOOLEAN)) AS "every", ROUND_EVEN(CAST("__k3" AS DOUBLE), 0) AS "round", "__k0" AS "to_hex", "__k1" AS "substr", "__k2" AS "width_bucket" FROM "__stage_1" AS "__block" GROUP BY "__k0", "__k1", "__k2", "__k3"
-- case: row comparisons field by field
select (o_orderkey, o_custkey) < (1, 2), (o_orderkey, o_comment) = (1, 'a') from orders
-- stage 1 block orders gather
SELECT ("orders"."o_orderkey" < 1 OR ("orders"."o_orderkey" = 1 AND "orders"."o_custkey" < 2)) AS "__c0", ("orders"."o_orderkey" = 1 AND "orders"."o_comment" = 'a') AS "__c1" FROM "orders" AS "orders"
-- final
SELECT "__c0" AS "?column?", "__c1" AS "?column?" FROM "__stage_1" AS "__block"
-- case: real with an integer in double precision, percentile_cont of double, text || NULL
select c_nation * 2::real, percentile_cont(0.5) within group (order by c_nation), c_name || null, sum(c_nation::real) from customer group by c_nation, c_name
-- stage 1 scan customer gather
SELECT "c_name", "c_nation" FROM "customer"
-- final
SELECT "customer"."c_nation" * CAST(CAST(2 AS REAL) AS DOUBLE) AS "?column?", QUANTILE_CONT(CAST("customer"."c_nation" AS DOUBLE), 0.5 ORDER BY CAST("customer"."c_nation" AS DOUBLE)) AS "percentile_cont", CAST("customer"."c_name" || NULL AS TEXT) AS "?column?", CAST(SUM(CAST("customer"."c_nation" AS REAL)) AS REAL) AS "sum" FROM "__stage_1" AS "customer" GROUP BY "customer"."c_nation", "customer"."c_name"
-- case: generate_series of integers gives integers
select s.i, c_name from generate_series(1, 3) as s(i) join customer on c_nation = s.i
-- stage 1 scan customer gather
SELECT "c_name", "c_nation" FROM "customer"
-- final
SELECT "s"."i" AS "i", "customer"."c_name" AS "c_name" FROM (SELECT CAST("_series"."generate_series" AS INT) AS "i" FROM GENERATE_SERIES(1, 3) AS "_series"("generate_series")) AS "s" JOIN "__stage_1" AS "customer" ON "customer"."c_nation" = "s"."i"
-- case: text cast to boolean as PostgreSQL reads it
select 'off'::boolean, o_comment::boolean from orders
-- stage 1 block orders gather
SELECT FALSE AS "__c0", CASE WHEN "orders"."o_comment" IS NULL THEN NULL WHEN LOWER(TRIM("orders"."o_comment")) IN ('1', 't', 'tr', 'tru', 'true', 'y', 'ye', 'yes', 'on') THEN TRUE WHEN LOWER(TRIM("orders"."o_comment")) IN ('0', 'f', 'fa', 'fal', 'fals', 'false', 'n', 'no', 'of', 'off') THEN FALSE ELSE CAST(ERROR('invalid input syntax for type boolean') AS BOOLEAN) END AS "__c1" FROM "orders" AS "orders"
-- final
SELECT "__c0" AS "bool", "__c1" AS "o_comment" FROM "__stage_1" AS "__block"
-- case: generate_series of timestamps stays as it is
select * from generate_series(timestamp '2021-01-01', timestamp '2021-01-02', interval '6 hours')
-- final
SELECT "_0"."generate_series" AS "generate_series" FROM GENERATE_SERIES(CAST('2021-01-01 00:00:00' AS TIMESTAMP), CAST('2021-01-02 00:00:00' AS TIMESTAMP), CAST('0 months 0 days 21600000000 microseconds' AS INTERVAL)) AS "_0"("generate_series")
-- case: format() spelled out as a concatenation; type names as functions are casts
select format('%s: %-4s|%L', o_orderkey, o_comment, o_comment), int2(o_custkey) from orders
-- stage 1 block orders gather
SELECT CONCAT(COALESCE(CAST("orders"."o_orderkey" AS TEXT), ''), ': ', CASE WHEN CAST(LENGTH(COALESCE(CAST("orders"."o_comment" AS TEXT), '')) AS INT) >= 4 THEN COALESCE(CAST("orders"."o_comment" AS TEXT), '') ELSE RPAD(COALESCE(CAST("orders"."o_comment" AS TEXT), ''), 4, ' ') END, '|', CASE WHEN "orders"."o_comment" IS NULL THEN 'NULL' WHEN CONTAINS(CAST("orders"."o_comment" AS TEXT), '\') THEN 'E' || '''' || REPLACE(REPLACE(CAST("orders"."o_comment" AS TEXT), '\', '\\'), '''', '''''') || '''' ELSE '''' || REPLACE(CAST("orders"."o_comment" AS TEXT), '''', '''''') || '''' END) AS "__c0", CAST("orders"."o_custkey" AS SMALLINT) AS "__c1" FROM "orders" AS "orders"
-- final
SELECT "__c0" AS "format", "__c1" AS "int2" FROM "__stage_1" AS "__block"
-- case: booleans in concat are t and f; text to integer checked as int4in; VALUES ordered as a statement
select concat(o_orderkey > 1, 'x'), o_comment::int, ' 7'::int from orders
-- stage 1 block orders gather
SELECT CONCAT(CASE WHEN "orders"."o_orderkey" > 1 THEN 't' WHEN NOT "orders"."o_orderkey" > 1 THEN 'f' END, 'x') AS "__c0", CASE WHEN NOT REGEXP_FULL_MATCH("orders"."o_comment", '\s*[+-]?[0-9]+\s*') THEN CAST(ERROR('invalid input syntax for type integer') AS INT) ELSE CAST("orders"."o_comment" AS INT) END AS "__c1", CAST(' 7' AS INT) AS "__c2" FROM "orders" AS "orders"
-- final
SELECT "__c0" AS "concat", "__c1" AS "o_comment", "__c2" AS "int4" FROM "__stage_1" AS "__block"
-- case: SELECT DISTINCT ordered by its output columns
select distinct o_custkey + 1, o_comment as c from orders order by o_custkey + 1, c, 1
-- stage 1 block orders gather
SELECT DISTINCT "orders"."o_custkey" + 1 AS "__c0", "orders"."o_comment" AS "__c1" FROM "orders" AS "orders"
-- final
SELECT DISTINCT "__c0" AS "?column?", "__c1" AS "c" FROM "__stage_1" AS "__block" ORDER BY "__c0", "__c1", "__c0"
-- case: split_part with an empty delimiter, chr(0) and power's errors as PostgreSQL has them
select split_part(o_comment, '', 1), chr(o_custkey::int), power(o_custkey, 0.5) from orders
-- stage 1 block orders gather
SELECT CASE WHEN '' = '' THEN (CASE WHEN 1 = 1 OR 1 = -1 THEN "orders"."o_comment" ELSE '' END) ELSE SPLIT_PART("orders"."o_comment", '', 1) END AS "__c0", CASE WHEN CAST("orders"."o_custkey" AS INT) = 0 THEN ERROR('null character not permitted') ELSE CHR(CAST("orders"."o_custkey" AS INT)) END AS "__c1", CASE WHEN "orders"."o_custkey" < 0 AND 0.5 <> FLOOR(0.5) THEN ERROR('a negative number raised to a non-integer power yields a complex result') WHEN "orders"."o_custkey" = 0 AND 0.5 < 0 THEN ERROR('zero raised to a negative power is undefined') ELSE POWER("orders"."o_custkey", 0.5) END AS "__c2" FROM "orders" AS "orders"
-- final
SELECT "__c0" AS "split_part", "__c1" AS "chr", "__c2" AS "power" FROM "__stage_1" AS "__block"
-- case: a USING column in an earlier ON is the column of the tables joined so far
select o_custkey from orders join customer on o_custkey = c_custkey join (select c_custkey as o_custkey from customer) c2 using (o_custkey)
-- stage 1 scan orders gather
SELECT "o_custkey" FROM "orders"
-- stage 2 scan customer gather
SELECT "c_custkey" FROM "customer"
-- final
SELECT COALESCE("orders"."o_custkey", "c2"."o_custkey") AS "o_custkey" FROM "__stage_1" AS "orders" JOIN "__stage_2" AS "customer" ON "orders"."o_custkey" = "customer"."c_custkey" JOIN (SELECT "customer"."c_custkey" AS "o_custkey" FROM "__stage_2" AS "customer") AS "c2" ON "orders"."o_custkey" = "c2"."o_custkey"
-- case: overlay, substring by a regular expression, quote_literal, array_length of an empty array
select overlay(o_comment placing 'x' from 2 for 3), substring(o_comment from 'a(b.)'), substr(o_comment, 2), quote_literal(o_comment), array_length(array[o_custkey], 1) from orders
-- stage 1 block orders gather
SELECT SUBSTRING("orders"."o_comment", 1, 2 - 1) || 'x' || SUBSTRING("orders"."o_comment", 2 + (3)) AS "__c0", CASE WHEN REGEXP_MATCHES("orders"."o_comment", 'a(b.)') THEN REGEXP_EXTRACT("orders"."o_comment", 'a(b.)', 1) END AS "__c1", SUBSTRING("orders"."o_comment", 2) AS "__c2", CASE WHEN "orders"."o_comment" IS NULL THEN NULL ELSE CASE WHEN "orders"."o_comment" IS NULL THEN 'NULL' WHEN CONTAINS(CAST("orders"."o_comment" AS TEXT), '\') THEN 'E' || '''' || REPLACE(REPLACE(CAST("orders"."o_comment" AS TEXT), '\', '\\'), '''', '''''') || '''' ELSE '''' || REPLACE(CAST("orders"."o_comment" AS TEXT), '''', '''''') || '''' END END AS "__c3", NULLIF(CAST(ARRAY_LENGTH(["orders"."o_custkey"], 1) AS INT), 0) AS "__c4" FROM "orders" AS "orders"
-- final
SELECT "__c0" AS "overlay", "__c1" AS "substring", "__c2" AS "substr", "__c3" AS "quote_literal", "__c4" AS "array_length" FROM "__stage_1" AS "__block"
-- case: lpad with an empty fill cuts to the length
select lpad(o_comment, 5, ''), rpad(o_comment, 5, o_comment) from orders
-- stage 1 block orders gather
SELECT LEFT("orders"."o_comment", 5) AS "__c0", CASE WHEN "orders"."o_comment" = '' THEN LEFT("orders"."o_comment", 5) ELSE RPAD("orders"."o_comment", 5, "orders"."o_comment") END AS "__c1" FROM "orders" AS "orders"
-- final
SELECT "__c0" AS "lpad", "__c1" AS "rpad" FROM "__stage_1" AS "__block"
-- case: ANY/ALL/SOME of a string constant is an array of the other side's type
select o_orderkey from orders where o_comment = any('{a,"b c"}') and o_orderkey <> all('{1,2}') and o_custkey = some('{3}')
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0" FROM "orders" AS "orders" WHERE "orders"."o_comment" = ANY(CAST(['a', 'b c'] AS TEXT[])) AND "orders"."o_orderkey" <> ALL (CAST(['1', '2'] AS BIGINT[])) AND "orders"."o_custkey" = ANY(CAST(['3'] AS BIGINT[]))
-- final
SELECT "__c0" AS "o_orderkey" FROM "__stage_1" AS "__block"
-- case: numeric division and avg at PostgreSQL's scale, each value's own scale, comparisons with a quotient
select o_custkey, avg(o_total), sum(o_total) / count(*), coalesce(max(o_total), 0), round(avg(o_total), 1) from orders group by o_custkey having avg(o_total) > 10.5
-- stage 1 block orders gather
SELECT "orders"."o_custkey" AS "__k0", COUNT("orders"."o_total") AS "__p0", SUM("orders"."o_total") AS "__p1", COUNT(*) AS "__p2", MAX("orders"."o_total") AS "__p3" FROM "orders" AS "orders" GROUP BY "orders"."o_custkey"
-- final
SELECT "__k0" AS "o_custkey", PG_NUMERIC_QUOTIENT(CAST((SUM("__p1")) * 100 AS INT128), 2, CAST(CAST(SUM("__p0") AS BIGINT) AS INT128), 0) AS "avg", PG_NUMERIC_QUOTIENT(CAST((SUM("__p1")) * 100 AS INT128), 2, CAST(CAST(SUM("__p2") AS BIGINT) AS INT128), 0) AS "?column?", COALESCE(PG_NUMERIC_OF_DECIMAL(MAX("__p3"), 2), PG_NUMERIC_OF_DECIMAL(0, 0)) AS "coalesce", PG_NUMERIC_ROUND(PG_NUMERIC_QUOTIENT(CAST((SUM("__p1")) * 100 AS INT128), 2, CAST(CAST(SUM("__p0") AS BIGINT) AS INT128), 0), 1) AS "round" FROM "__stage_1" AS "__block" GROUP BY "__k0" HAVING PG_NUMERIC_CUT(PG_NUMERIC_QUOTIENT(CAST((SUM("__p1")) * 100 AS INT128), 2, CAST(CAST(SUM("__p0") AS BIGINT) AS INT128), 0), 1) * CAST('0.01' AS DECIMAL(38, 2)) > 10.5
-- case: comparisons with a quotient: an integer's or a column's with its cut (every operator), a derived table's numeric by value
select t from (select o_total t, o_custkey c from orders) s where c <= t / 3 and t <> c / 7.0 and (select count(*) from orders where o_total >= s.t / 2) > 0
-- stage 1 block orders gather
SELECT "orders"."o_total" AS "__c0", "orders"."o_custkey" AS "__c1" FROM "orders" AS "orders"
-- stage 2 scan orders gather
SELECT "o_total" FROM "orders"
-- final
SELECT "s"."t" AS "t" FROM (SELECT "__c0" AS "t", "__c1" AS "c" FROM "__stage_1" AS "__block") AS "s" WHERE "s"."c" <= PG_NUMERIC_CUT(PG_NUMERIC_QUOTIENT(CAST(("s"."t") * 100 AS INT128), 2, CAST(3 AS INT128), 0), 0) * CAST('0.1' AS DECIMAL(38, 1)) AND PG_NUMERIC_CMP(PG_NUMERIC_OF_DECIMAL("s"."t", 2), PG_NUMERIC_QUOTIENT(CAST("s"."c" AS INT128), 0, CAST((7.0) * 10 AS INT128), 1)) <> 0 AND (SELECT COUNT(*) AS "_col_0" FROM "__stage_2" AS "orders" WHERE "orders"."o_total" >= PG_NUMERIC_CUT(PG_NUMERIC_QUOTIENT(CAST(("s"."t") * 100 AS INT128), 2, CAST(2 AS INT128), 0), 2) * CAST('0.001' AS DECIMAL(38, 3))) > 0
-- case: a constant beside a derived table's numeric is numeric, though sqlglot guesses the column a double
select b >= 1, b * 2.5 from (values (1.5), (2 / 3.0)) t(b)
-- final
SELECT PG_NUMERIC_CUT("t"."b", 0) * CAST('0.1' AS DECIMAL(38, 1)) >= 1 AS "?column?", PG_NUMERIC_MUL("t"."b", PG_NUMERIC_OF_DECIMAL(2.5, 1)) AS "?column?" FROM (VALUES (PG_NUMERIC_OF_DECIMAL(1.5, 1)), (PG_NUMERIC_QUOTIENT(CAST(2 AS INT128), 0, CAST((3.0) * 10 AS INT128), 1))) AS "t"("b")
-- case: BETWEEN quotients: a column's bounds are cuts, a quotient's range is compared by value (pg_numeric_cmp, not a struct BETWEEN)
select o_orderkey from orders where o_total between 1 / 3.0 and o_total / 2 and o_total / 3 between 1 and 2
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0" FROM "orders" AS "orders" WHERE "orders"."o_total" BETWEEN PG_NUMERIC_CUT(PG_NUMERIC_QUOTIENT(CAST(1 AS INT128), 0, CAST((3.0) * 10 AS INT128), 1), 2) * CAST('0.001' AS DECIMAL(38, 3)) AND PG_NUMERIC_CUT(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(2 AS INT128), 0), 2) * CAST('0.001' AS DECIMAL(38, 3)) AND (PG_NUMERIC_CMP(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0), PG_NUMERIC_OF_DECIMAL(1, 0)) >= 0 AND PG_NUMERIC_CMP(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0), PG_NUMERIC_OF_DECIMAL(2, 0)) <= 0)
-- final
SELECT "__c0" AS "o_orderkey" FROM "__stage_1" AS "__block"
-- case: a quotient row by row, NaN, exponent constants, sums of a quotient
select o_total / o_custkey, 'NaN'::numeric, 1e3, sum(o_total / 3) over (), o_comment::numeric from orders where o_total / 2 >= 1.25
-- stage 1 scan orders gather
SELECT "o_custkey", "o_total", "o_comment" FROM "orders" WHERE PG_NUMERIC_CUT(PG_NUMERIC_QUOTIENT(CAST(("o_total") * 100 AS INT128), 2, CAST(2 AS INT128), 0), 2) * CAST('0.001' AS DECIMAL(38, 3)) >= 1.25
-- final
SELECT PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST("orders"."o_custkey" AS INT128), 0) AS "?column?", PG_NUMERIC_PARSE('NaN') AS "numeric", CAST(1000 AS DECIMAL(4, 0)) AS "?column?", PG_NUMERIC_SUM(SUM(PG_NUMERIC_SUM_WHOLE(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0))) OVER (), SUM(PG_NUMERIC_SUM_HIGH(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0))) OVER (), SUM(PG_NUMERIC_SUM_LOW(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0))) OVER (), MAX(PG_NUMERIC_SUM_SCALE(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0))) OVER (), BOOL_OR(PG_NUMERIC_SUM_NAN(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0))) OVER (), BOOL_OR(PG_NUMERIC_SUM_PINF(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0))) OVER (), BOOL_OR(PG_NUMERIC_SUM_NINF(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0))) OVER (), COUNT(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(3 AS INT128), 0)) OVER ()) AS "sum", PG_NUMERIC_PARSE("orders"."o_comment") AS "o_comment" FROM "__stage_1" AS "orders" WHERE PG_NUMERIC_CUT(PG_NUMERIC_QUOTIENT(CAST(("orders"."o_total") * 100 AS INT128), 2, CAST(2 AS INT128), 0), 2) * CAST('0.001' AS DECIMAL(38, 3)) >= 1.25
-- case: a minus sign belongs to the constant, which is then an int4 or int8 (gram.y doNegate)
select o_orderkey, -2147483648, -(9223372036854775808), -2147483649 from orders
-- stage 1 block orders gather
SELECT "orders"."o_orderkey" AS "__c0", CAST(-2147483648 AS INT) AS "__c1", CAST(-9223372036854775808 AS BIGINT) AS "__c2", -2147483649 AS "__c3" FROM "orders" AS "orders"
-- final
SELECT "__c0" AS "o_orderkey", "__c1" AS "?column?", "__c2" AS "?column?", "__c3" AS "?column?" FROM "__stage_1" AS "__block"
-- case: char(n) beside a constant in COALESCE and UNION ALL keeps its padding, padded in the tree (bpchar_padding)
select coalesce(o_comment::char(3), 'x') from orders union all select 'y'
-- stage 1 block orders gather
SELECT COALESCE(CAST(RPAD(RTRIM(LEFT(CAST("orders"."o_comment" AS TEXT), 3), ' '), 3, ' ') AS TEXT), 'x') AS "__c0" FROM "orders" AS "orders"
-- final
SELECT "__c0" AS "coalesce" FROM "__stage_1" AS "__block" UNION ALL SELECT 'y' AS "y"
