
-- sqlsmith seed 1 query 130; tables kinds, small
SELECT sample_1.name AS c0 FROM public.kinds AS sample_0 INNER JOIN public.small AS sample_1 ON (sample_0.txt = sample_1.name) WHERE FALSE ORDER BY 1 LIMIT 93;

-- sqlsmith seed 1 query 186; tables supplier
SELECT sample_0.s_nationkey AS c0 FROM public.supplier AS sample_0 WHERE sample_0.s_suppkey IS NULL;

-- sqlsmith seed 1 query 196; tables part
SELECT ref_0.p_container AS c0 FROM public.part AS ref_0 WHERE ref_0.p_container IS NULL ORDER BY 1 LIMIT 107;

-- sqlsmith seed 1 query 543; tables kinds
SELECT subq_0.c7 AS c0 FROM (SELECT sample_0.big AS c0, sample_0.txt AS c1, sample_0.flag AS c2, sample_0.wide AS c3, ref_0.big AS c4, sample_0.dbl AS c5, ref_0.id AS c6, sample_0.dbl AS c7 FROM public.kinds AS sample_0 INNER JOIN public.kinds AS ref_0 ON (sample_0.dt <= sample_0.dt) WHERE TRUE) AS subq_0 WHERE subq_0.c3 > subq_0.c3 ORDER BY 1 LIMIT 100;

-- sqlsmith seed 1 query 639; tables orders, part, region
SELECT 19 AS c0, sample_0.r_regionkey AS c1, (SELECT o_orderpriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 1) AS c2, sample_0.r_name AS c3 FROM public.region AS sample_0 WHERE EXISTS(SELECT sample_0.r_name AS c0 FROM public.part AS sample_1 WHERE (SELECT o_shippriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 3) <> sample_1.p_size);

-- sqlsmith seed 1 query 704; tables kinds, nation, orders, small; uses max
SELECT ref_0.o_comment AS c0, (SELECT o_custkey FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 1) AS c1 FROM public.orders AS ref_0 WHERE (EXISTS(SELECT sample_0.o_clerk AS c0, (SELECT name FROM public.small ORDER BY 1 LIMIT 1 OFFSET 4) AS c1, ref_0.o_custkey AS c2, sample_0.o_orderdate AS c3, 18 AS c4, 13 AS c5, CAST(COALESCE(ref_1.n_name, ref_0.o_comment) AS TEXT) AS c6, sample_0.o_comment AS c7, sample_0.o_orderkey AS c8, ref_1.n_nationkey AS c9, (SELECT MAX(dbl) FROM public.kinds) AS c10, ref_1.n_comment AS c11, ref_1.n_name AS c12, sample_0.o_clerk AS c13, (SELECT o_orderstatus FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 5) AS c14 FROM public.orders AS sample_0 INNER JOIN public.nation AS ref_1 ON (sample_0.o_comment = ref_1.n_name) WHERE TRUE)) AND (ref_0.o_orderpriority IS NULL) ORDER BY 1, 2 LIMIT 126;

-- sqlsmith seed 1 query 714; tables customer, kinds, lineitem, small; uses min
SELECT subq_0.c2 AS c0 FROM (SELECT ref_1.name AS c0, ref_1.k AS c1, ref_1.k AS c2, ref_0.l_shipmode AS c3, ref_2.l_partkey AS c4 FROM public.customer AS sample_0 INNER JOIN public.lineitem AS ref_0 INNER JOIN public.small AS ref_1 INNER JOIN public.lineitem AS ref_2 ON (FALSE) ON (42 IS NOT NULL) ON (sample_0.c_mktsegment = ref_2.l_returnflag) WHERE sample_0.c_comment IS NOT NULL) AS subq_0 WHERE (SELECT MIN(dt) FROM public.kinds) > (SELECT MIN(l_shipdate) FROM public.lineitem);

-- sqlsmith seed 1 query 799; tables orders
SELECT sample_0.o_orderpriority AS c0, sample_0.o_orderstatus AS c1, 60 AS c2 FROM public.orders AS sample_0 WHERE sample_0.o_orderdate IS NOT NULL ORDER BY 1, 2, 3 LIMIT 110;

-- sqlsmith seed 1 query 805; tables small
SELECT sample_0.name AS c0, sample_0.name AS c1 FROM public.small AS sample_0 WHERE TRUE ORDER BY 1, 2 LIMIT 63;

-- sqlsmith seed 1 query 811; tables supplier
SELECT ref_0.s_address AS c0, ref_0.s_nationkey AS c1, ref_0.s_name AS c2, ref_0.s_acctbal AS c3 FROM public.supplier AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4 LIMIT 67;

-- sqlsmith seed 1 query 894; tables small
SELECT ref_0.name AS c0, 75 AS c1, ref_0.name AS c2 FROM public.small AS ref_0 WHERE FALSE;

-- sqlsmith seed 1 query 951; tables part, small
SELECT ref_0.p_retailprice AS c0 FROM public.part AS ref_0 WHERE ((SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 6) IS NOT NULL) OR (ref_0.p_name IS NULL);

-- sqlsmith seed 1 query 962; tables kinds
SELECT ref_0.rl AS c0, ref_0.txt AS c1, ref_0.ts AS c2, ref_0.dt AS c3 FROM public.kinds AS ref_0 WHERE ref_0.dbl >= ref_0.dbl ORDER BY 1, 2, 3, 4 LIMIT 89;

-- sqlsmith seed 1 query 1078; tables kinds, part, small, supplier
SELECT (SELECT p_partkey FROM public.part ORDER BY 1 LIMIT 1 OFFSET 1) AS c0, (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 6) AS c1 FROM public.supplier AS ref_0 WHERE (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) <= CAST(NULL AS TIMESTAMPTZ) ORDER BY 1, 2 LIMIT 144;

-- sqlsmith seed 1 query 1087; tables nation, nullable
SELECT (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 3) AS c0, ref_0.s AS c1, ref_0.k AS c2 FROM public.nullable AS ref_0 WHERE CAST(NULLIF(ref_0.k, ref_0.v) AS INT) IS NOT NULL ORDER BY 1, 2, 3 LIMIT 102;

-- sqlsmith seed 1 query 1172; tables customer
SELECT ref_0.c_nationkey AS c0, ref_0.c_mktsegment AS c1 FROM public.customer AS ref_0 WHERE ref_0.c_mktsegment IS NOT NULL ORDER BY 1, 2 LIMIT 126;

-- sqlsmith seed 1 query 1200; tables kinds
SELECT sample_0.num AS c0 FROM public.kinds AS sample_0 WHERE sample_0.dbl IS NULL;

-- sqlsmith seed 1 query 1201; tables region
SELECT ref_0.r_comment AS c0, CAST(NULLIF(ref_0.r_regionkey, ref_0.r_regionkey) AS BIGINT) AS c1, ref_0.r_comment AS c2, ref_0.r_comment AS c3, ref_0.r_regionkey AS c4, ref_0.r_regionkey AS c5 FROM public.region AS ref_0 WHERE FALSE;

-- sqlsmith seed 1 query 1267; tables region
SELECT ref_0.r_name AS c0, ref_0.r_name AS c1, 19 AS c2 FROM public.region AS ref_0 WHERE ref_0.r_comment IS NULL;

-- sqlsmith seed 1 query 1381; tables nullable, orders
SELECT subq_0.c6 AS c0 FROM (SELECT sample_0.o_custkey AS c0, sample_0.o_orderpriority AS c1, sample_0.o_orderpriority AS c2, sample_0.o_custkey AS c3, sample_0.o_totalprice AS c4, (SELECT s FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 6) AS c5, sample_0.o_orderstatus AS c6 FROM public.orders AS sample_0 WHERE (sample_0.o_custkey <> CAST(NULL AS SMALLINT)) AND (sample_0.o_orderkey IS NULL) ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 90) AS subq_0 WHERE FALSE ORDER BY 1 LIMIT 101;

-- sqlsmith seed 1 query 1478; tables small
SELECT ref_0.k AS c0, 59 AS c1, ref_0.name AS c2, ref_0.name AS c3 FROM public.small AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 101;

-- sqlsmith seed 1 query 1488; tables orders, supplier
SELECT CASE WHEN FALSE THEN subq_0.c0 ELSE subq_0.c0 END AS c0 FROM (SELECT sample_0.s_name AS c0 FROM public.supplier AS sample_0 RIGHT JOIN public.orders AS ref_0 ON (FALSE) WHERE FALSE ORDER BY 1 LIMIT 136) AS subq_0 WHERE TRUE ORDER BY 1 LIMIT 53;

-- sqlsmith seed 1 query 1526; tables nullable
SELECT sample_0.s AS c0, sample_0.k AS c1 FROM public.nullable AS sample_0 WHERE sample_0.v IS NULL ORDER BY 1, 2 LIMIT 99;

-- sqlsmith seed 1 query 1701; tables customer, supplier
SELECT sample_0.c_phone AS c0 FROM public.customer AS sample_0, LATERAL (SELECT sample_0.c_custkey AS c0, sample_1.s_comment AS c1, sample_0.c_mktsegment AS c2, sample_1.s_name AS c3, sample_0.c_custkey AS c4 FROM public.supplier AS sample_1 WHERE FALSE ORDER BY 1, 2, 3, 4, 5 LIMIT 76) AS subq_0 WHERE subq_0.c2 IS NULL ORDER BY 1 LIMIT 109;

-- sqlsmith seed 1 query 1788; tables customer
SELECT ref_0.c_acctbal AS c0, ref_0.c_nationkey AS c1, ref_0.c_name AS c2, ref_0.c_name AS c3, ref_0.c_custkey AS c4 FROM public.customer AS ref_0 WHERE FALSE;

-- sqlsmith seed 1 query 1893; tables nation
SELECT sample_0.n_comment AS c0 FROM public.nation AS sample_0 WHERE CAST(COALESCE(CASE WHEN sample_0.n_comment IS NOT NULL THEN sample_0.n_name ELSE sample_0.n_name END, sample_0.n_comment) AS TEXT) IS NULL ORDER BY 1 LIMIT 136;

-- sqlsmith seed 1 query 1895; tables customer, kinds; uses min
SELECT sample_0.c_nationkey AS c0 FROM public.customer AS sample_0 WHERE (SELECT MIN(ts) FROM public.kinds) <= CASE WHEN FALSE THEN CAST(COALESCE(CAST(NULLIF((SELECT MIN(ts) FROM public.kinds), CAST(NULL AS TIMESTAMP)) AS TIMESTAMP), CAST(NULL AS TIMESTAMP)) AS TIMESTAMP) ELSE CAST(COALESCE(CAST(NULLIF((SELECT MIN(ts) FROM public.kinds), CAST(NULL AS TIMESTAMP)) AS TIMESTAMP), CAST(NULL AS TIMESTAMP)) AS TIMESTAMP) END ORDER BY 1 LIMIT 30;

-- sqlsmith seed 1 query 1922; tables nullable
SELECT ref_0.k AS c0 FROM public.nullable AS ref_0 WHERE CAST(NULLIF(CAST(NULLIF(ref_0.v, ref_0.k) AS INT), ref_0.k) AS INT) IS NOT NULL;

-- sqlsmith seed 1 query 1966; tables customer, kinds, lineitem, region, small
SELECT (SELECT r_comment FROM public.region ORDER BY 1 LIMIT 1 OFFSET 5) AS c0 FROM (SELECT sample_0.c_mktsegment AS c0, subq_0.c7 AS c1, 63 AS c2, subq_0.c7 AS c3, subq_0.c8 AS c4 FROM public.customer AS sample_0, LATERAL (SELECT (SELECT l_commitdate FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 1) AS c0, sample_0.c_custkey AS c1, sample_1.name AS c2, sample_1.k AS c3, sample_0.c_comment AS c4, sample_0.c_phone AS c5, sample_1.name AS c6, sample_1.k AS c7, sample_0.c_acctbal AS c8, sample_0.c_phone AS c9 FROM public.small AS sample_1 WHERE (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4) > (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 LIMIT 79) AS subq_0 WHERE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) <= CAST(NULL AS TIMESTAMPTZ) ORDER BY 1, 2, 3, 4, 5 LIMIT 179) AS subq_1 WHERE TRUE ORDER BY 1 LIMIT 140;

-- sqlsmith seed 1 query 2017; tables nation
SELECT ref_0.n_name AS c0 FROM public.nation AS ref_0 WHERE ref_0.n_regionkey IS NULL ORDER BY 1 LIMIT 91;

-- sqlsmith seed 1 query 2169; tables customer
SELECT sample_0.c_custkey AS c0, sample_0.c_phone AS c1 FROM public.customer AS sample_0 WHERE sample_0.c_nationkey IS NOT NULL ORDER BY 1, 2 LIMIT 109;

-- sqlsmith seed 1 query 2214; tables kinds; uses date, min
SELECT sample_0.tstz AS c0 FROM public.kinds AS sample_0 WHERE DATE(CAST((SELECT MIN(tstz) FROM public.kinds) AS TIMESTAMPTZ)) <= sample_0.tstz ORDER BY 1 LIMIT 123;

-- sqlsmith seed 1 query 2251; tables orders, partsupp
SELECT subq_0.c3 AS c0, subq_0.c0 AS c1, subq_0.c4 AS c2, subq_0.c0 AS c3 FROM (SELECT ref_0.ps_suppkey AS c0, ref_0.ps_suppkey AS c1, ref_0.ps_partkey AS c2, ref_0.ps_suppkey AS c3, (SELECT o_custkey FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 2) AS c4 FROM public.partsupp AS ref_0 WHERE ref_0.ps_comment IS NOT NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 90) AS subq_0 WHERE FALSE;

-- sqlsmith seed 1 query 2274; tables supplier
SELECT ref_0.s_phone AS c0 FROM public.supplier AS ref_0 WHERE ref_0.s_comment IS NULL ORDER BY 1 LIMIT 120;

-- sqlsmith seed 1 query 2290; tables lineitem
SELECT ref_0.l_shipinstruct AS c0, ref_0.l_partkey AS c1 FROM public.lineitem AS ref_0 WHERE FALSE ORDER BY 1, 2 LIMIT 130;

-- sqlsmith seed 1 query 2299; tables nullable
SELECT sample_0.k AS c0, sample_0.v AS c1 FROM public.nullable AS sample_0 WHERE sample_0.v IS NULL ORDER BY 1, 2 LIMIT 58;

-- sqlsmith seed 1 query 2333; tables kinds, region
SELECT sample_0.r_name AS c0 FROM public.region AS sample_0 WHERE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) = CAST(NULL AS TIMESTAMPTZ) ORDER BY 1 LIMIT 112;

-- sqlsmith seed 1 query 2346; tables lineitem
SELECT sample_0.l_orderkey AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_commitdate IS NULL ORDER BY 1 LIMIT 58;

-- sqlsmith seed 1 query 2358; tables lineitem
SELECT sample_0.l_comment AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_partkey IS NOT NULL ORDER BY 1 LIMIT 143;

-- sqlsmith seed 1 query 2377; tables orders
SELECT sample_0.o_clerk AS c0, sample_0.o_orderstatus AS c1, sample_0.o_clerk AS c2, sample_0.o_orderpriority AS c3 FROM public.orders AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 108;

-- sqlsmith seed 1 query 2587; tables kinds
SELECT sample_0.big AS c0, sample_0.rl AS c1, sample_0.tstz AS c2 FROM public.kinds AS sample_0 WHERE sample_0.dbl > sample_0.dbl ORDER BY 1, 2, 3 LIMIT 119;

-- sqlsmith seed 1 query 2743; tables customer
SELECT 8 AS c0 FROM public.customer AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 127;

-- sqlsmith seed 1 query 2762; tables lineitem
SELECT sample_0.l_orderkey AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_receiptdate = CAST(NULL AS TIMESTAMP) ORDER BY 1 LIMIT 64;

-- sqlsmith seed 1 query 2778; tables kinds, nation
SELECT ref_0.n_comment AS c0 FROM public.nation AS ref_0 WHERE (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) <> CAST(COALESCE((SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1), (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 42)) AS REAL) ORDER BY 1 LIMIT 138;

-- sqlsmith seed 1 query 2862; tables nullable
SELECT sample_0.s AS c0, sample_0.v AS c1, sample_0.s AS c2, sample_0.v AS c3, sample_0.s AS c4 FROM public.nullable AS sample_0 WHERE sample_0.v IS NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 59;

-- sqlsmith seed 1 query 2896; tables nation
SELECT subq_0.c5 AS c0 FROM (SELECT ref_0.n_nationkey AS c0, ref_0.n_comment AS c1, ref_0.n_comment AS c2, ref_0.n_comment AS c3, ref_0.n_name AS c4, 44 AS c5, ref_0.n_regionkey AS c6 FROM public.nation AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 163) AS subq_0 WHERE CAST(COALESCE(subq_0.c6, subq_0.c0) AS BIGINT) IS NOT NULL;

-- sqlsmith seed 1 query 2899; tables supplier
SELECT sample_0.s_suppkey AS c0, sample_0.s_address AS c1, sample_0.s_nationkey AS c2, CASE WHEN sample_0.s_comment IS NOT NULL THEN sample_0.s_acctbal ELSE sample_0.s_acctbal END AS c3 FROM public.supplier AS sample_0 WHERE sample_0.s_address IS NULL;

-- sqlsmith seed 1 query 2913; tables kinds, lineitem, region; uses max
SELECT subq_0.c2 AS c0, 63 AS c1, subq_1.c3 AS c2 FROM (SELECT ref_0.l_extendedprice AS c0, ref_0.l_orderkey AS c1, ref_0.l_commitdate AS c2, ref_0.l_suppkey AS c3, ref_0.l_receiptdate AS c4, ref_0.l_discount AS c5, ref_0.l_suppkey AS c6, ref_0.l_commitdate AS c7, ref_0.l_partkey AS c8, ref_0.l_commitdate AS c9 FROM public.lineitem AS ref_0 WHERE CAST(NULL AS "char") = CAST(NULL AS "char")) AS subq_0 INNER JOIN (SELECT sample_0.r_name AS c0, CAST(NULLIF(sample_0.r_comment, sample_0.r_name) AS TEXT) AS c1, sample_0.r_comment AS c2, sample_0.r_name AS c3, sample_0.r_regionkey AS c4 FROM public.region AS sample_0 WHERE TRUE) AS subq_1 ON (TRUE) WHERE CAST(COALESCE((SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3), (SELECT MAX(ts) FROM public.kinds)) AS TIMESTAMP) IS NOT NULL ORDER BY 1, 2, 3 LIMIT 143;

-- sqlsmith seed 1 query 2920; tables small
SELECT ref_0.k AS c0, ref_0.name AS c1, ref_0.k AS c2 FROM public.small AS ref_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 45;

-- sqlsmith seed 2 query 43; tables orders, region
SELECT ref_0.o_comment AS c0, ref_0.o_orderstatus AS c1, sample_0.r_name AS c2, ref_0.o_totalprice AS c3 FROM public.region AS sample_0 INNER JOIN public.orders AS ref_0 ON (sample_0.r_comment = ref_0.o_orderstatus) WHERE sample_0.r_name IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 141;

-- sqlsmith seed 2 query 142; tables lineitem
SELECT sample_0.l_shipmode AS c0 FROM public.lineitem AS sample_0 WHERE CASE WHEN TRUE THEN sample_0.l_tax ELSE sample_0.l_tax END IS NULL ORDER BY 1 LIMIT 87;

-- sqlsmith seed 2 query 164; tables lineitem, nation, part, partsupp
SELECT sample_1.ps_comment AS c0, subq_0.c2 AS c1 FROM public.part AS sample_0 INNER JOIN (SELECT ref_0.n_nationkey AS c0, (SELECT l_linestatus FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 1) AS c1, ref_0.n_name AS c2, ref_0.n_nationkey AS c3 FROM public.nation AS ref_0 WHERE ref_0.n_regionkey IS NULL ORDER BY 1, 2, 3, 4 LIMIT 114) AS subq_0 ON (TRUE) RIGHT JOIN public.partsupp AS sample_1 ON (sample_0.p_name = sample_1.ps_comment) WHERE sample_1.ps_suppkey IS NOT NULL ORDER BY 1, 2 LIMIT 126;

-- sqlsmith seed 2 query 171; tables part
SELECT ref_0.p_type AS c0, ref_0.p_comment AS c1, ref_0.p_container AS c2, 12 AS c3, 89 AS c4, ref_0.p_brand AS c5, ref_0.p_retailprice AS c6, ref_0.p_comment AS c7 FROM public.part AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 LIMIT 96;

-- sqlsmith seed 2 query 197; tables orders, partsupp, small
SELECT sample_0.ps_suppkey AS c0, sample_0.ps_comment AS c1 FROM public.partsupp AS sample_0 WHERE EXISTS(SELECT sample_0.ps_partkey AS c0, (SELECT ps_supplycost FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 3) AS c1, ref_0.name AS c2 FROM public.small AS ref_0 WHERE (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 5) <> CAST(NULL AS TIMESTAMP) ORDER BY 1, 2, 3 LIMIT 180);

-- sqlsmith seed 2 query 221; tables kinds, part
SELECT (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 24) AS c0 FROM (SELECT sample_0.p_name AS c0 FROM public.part AS sample_0 WHERE sample_0.p_size IS NOT NULL ORDER BY 1 LIMIT 150) AS subq_0 WHERE EXISTS(SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, (SELECT p_mfgr FROM public.part ORDER BY 1 LIMIT 1 OFFSET 2) AS c2, subq_0.c0 AS c3 FROM public.kinds AS ref_0 WHERE TRUE);

-- sqlsmith seed 2 query 271; tables nullable, part
SELECT (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 5) AS c0, subq_0.c3 AS c1, subq_0.c7 AS c2 FROM (SELECT ref_0.p_size AS c0, ref_0.p_type AS c1, ref_0.p_mfgr AS c2, ref_0.p_retailprice AS c3, ref_0.p_size AS c4, ref_0.p_brand AS c5, ref_0.p_name AS c6, ref_0.p_container AS c7, ref_0.p_brand AS c8, (SELECT p_retailprice FROM public.part ORDER BY 1 LIMIT 1 OFFSET 1) AS c9, ref_0.p_retailprice AS c10, ref_0.p_partkey AS c11, ref_0.p_retailprice AS c12 FROM public.part AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 LIMIT 107) AS subq_0 WHERE subq_0.c11 IS NOT NULL ORDER BY 1, 2, 3 LIMIT 45;

-- sqlsmith seed 2 query 324; tables part
SELECT ref_0.p_comment AS c0 FROM public.part AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 130;

-- sqlsmith seed 2 query 358; tables customer, region, small
SELECT (SELECT r_name FROM public.region ORDER BY 1 LIMIT 1 OFFSET 1) AS c0, sample_0.name AS c1, 7 AS c2, sample_0.name AS c3, (SELECT c_address FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1) AS c4, CASE WHEN TRUE THEN sample_0.k ELSE sample_0.k END AS c5, sample_0.name AS c6, sample_0.k AS c7 FROM public.small AS sample_0 WHERE sample_0.name IS NULL ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 LIMIT 129;

-- sqlsmith seed 2 query 417; tables nation
SELECT ref_0.n_comment AS c0, ref_0.n_name AS c1, ref_0.n_nationkey AS c2, ref_0.n_comment AS c3, ref_0.n_regionkey AS c4 FROM public.nation AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5 LIMIT 148;

-- sqlsmith seed 2 query 419; tables orders
SELECT ref_0.o_orderkey AS c0 FROM public.orders AS ref_0 WHERE ref_0.o_orderdate IS NOT NULL ORDER BY 1 LIMIT 110;

-- sqlsmith seed 2 query 460; tables orders
SELECT sample_0.o_comment AS c0, 99 AS c1 FROM public.orders AS sample_0 WHERE TRUE ORDER BY 1, 2 LIMIT 104;

-- sqlsmith seed 2 query 517; tables nation, nullable
SELECT ref_0.k AS c0, (SELECT n_nationkey FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 61) AS c1 FROM public.nullable AS ref_0 WHERE FALSE ORDER BY 1, 2 LIMIT 83;

-- sqlsmith seed 2 query 542; tables orders, part, region
SELECT sample_0.r_comment AS c0 FROM public.region AS sample_0 LEFT JOIN public.part AS ref_0 ON (ref_0.p_type IS NULL) WHERE (SELECT o_orderkey FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 6) IS NULL;

-- sqlsmith seed 2 query 574; tables customer, kinds; uses max
SELECT ref_0.c_mktsegment AS c0, ref_0.c_address AS c1 FROM public.customer AS ref_0 WHERE (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 73) = (SELECT MAX(rl) FROM public.kinds) ORDER BY 1, 2 LIMIT 117;

-- sqlsmith seed 2 query 626; tables nullable
SELECT ref_0.k AS c0 FROM public.nullable AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 79;

-- sqlsmith seed 2 query 740; tables small
SELECT ref_0.name AS c0 FROM public.small AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 101;

-- sqlsmith seed 2 query 787; tables kinds, part
SELECT subq_1.c1 AS c0, subq_1.c0 AS c1, subq_1.c0 AS c2, subq_1.c0 AS c3, subq_1.c0 AS c4 FROM (SELECT subq_0.c1 AS c0, subq_0.c1 AS c1 FROM (SELECT ref_0.p_container AS c0, ref_0.p_comment AS c1 FROM public.part AS ref_0 WHERE FALSE ORDER BY 1, 2 LIMIT 150) AS subq_0 WHERE ((SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) <> CAST(NULL AS DATE)) AND (TRUE) ORDER BY 1, 2 LIMIT 89) AS subq_1 WHERE TRUE;

-- sqlsmith seed 2 query 811; tables orders, supplier
SELECT ref_0.o_custkey AS c0 FROM public.orders AS ref_0 WHERE (SELECT s_address FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 3) IS NULL;

-- sqlsmith seed 2 query 863; tables supplier
SELECT DISTINCT sample_0.s_address AS c0, sample_0.s_name AS c1, sample_0.s_address AS c2, sample_0.s_address AS c3 FROM public.supplier AS sample_0 WHERE FALSE;

-- sqlsmith seed 2 query 957; tables customer
SELECT CASE WHEN TRUE THEN ref_0.c_nationkey ELSE ref_0.c_nationkey END AS c0, ref_0.c_address AS c1, ref_0.c_acctbal AS c2, ref_0.c_name AS c3, ref_0.c_custkey AS c4 FROM public.customer AS ref_0 WHERE ref_0.c_name IS NULL;

-- sqlsmith seed 2 query 993; tables region
SELECT sample_0.r_name AS c0 FROM public.region AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 45;

-- sqlsmith seed 2 query 1114; tables lineitem, nullable; uses min
SELECT subq_0.c4 AS c0, subq_0.c1 AS c1, subq_0.c1 AS c2 FROM (SELECT (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 6) AS c0, sample_0.k AS c1, sample_0.k AS c2, sample_0.k AS c3, sample_0.v AS c4 FROM public.nullable AS sample_0 WHERE CASE WHEN CAST(NULL AS TIMESTAMPTZ) <= (SELECT l_shipdate FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 6) THEN CAST(NULLIF(CAST(NULL AS BPCHAR), CAST(NULL AS BPCHAR)) AS BPCHAR) ELSE CAST(NULLIF(CAST(NULL AS BPCHAR), CAST(NULL AS BPCHAR)) AS BPCHAR) END NOT ILIKE (SELECT MIN(s) FROM public.nullable) ORDER BY 1, 2, 3, 4, 5 LIMIT 31) AS subq_0 WHERE FALSE ORDER BY 1, 2, 3 LIMIT 138;

-- sqlsmith seed 2 query 1115; tables part
SELECT sample_0.p_type AS c0, sample_0.p_container AS c1 FROM public.part AS sample_0 WHERE sample_0.p_brand <> CAST(NULLIF(sample_0.p_comment, sample_0.p_brand) AS TEXT) ORDER BY 1, 2 LIMIT 161;

-- sqlsmith seed 2 query 1155; tables partsupp
SELECT sample_0.ps_suppkey AS c0, sample_0.ps_supplycost AS c1 FROM public.partsupp AS sample_0 WHERE CAST(NULL AS SMALLINT) >= sample_0.ps_suppkey;

-- sqlsmith seed 2 query 1163; tables lineitem
SELECT ref_0.l_shipmode AS c0, ref_0.l_suppkey AS c1 FROM public.lineitem AS ref_0 WHERE TRUE ORDER BY 1, 2 LIMIT 92;

-- sqlsmith seed 2 query 1201; tables partsupp
SELECT ref_0.ps_partkey AS c0, ref_0.ps_suppkey AS c1, ref_0.ps_availqty AS c2 FROM public.partsupp AS ref_0 WHERE ref_0.ps_supplycost IS NULL ORDER BY 1, 2, 3 LIMIT 154;

-- sqlsmith seed 2 query 1212; tables kinds, lineitem; uses sum
SELECT subq_0.c0 AS c0, (SELECT SUM(l_quantity) FROM public.lineitem) AS c1 FROM (SELECT sample_0.dbl AS c0 FROM public.kinds AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 60) AS subq_0 WHERE TRUE ORDER BY 1, 2 LIMIT 36;

-- sqlsmith seed 2 query 1347; tables partsupp, region
SELECT sample_0.r_regionkey AS c0, sample_0.r_name AS c1, sample_0.r_name AS c2, (SELECT ps_availqty FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 6) AS c3 FROM public.region AS sample_0 WHERE sample_0.r_regionkey IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 32;

-- sqlsmith seed 2 query 1368; tables lineitem, orders
SELECT ref_0.l_comment AS c0, CAST(COALESCE(ref_0.l_shipinstruct, ref_0.l_returnflag) AS TEXT) AS c1, ref_0.l_suppkey AS c2, ref_0.l_linestatus AS c3, (SELECT o_shippriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 2) AS c4 FROM public.lineitem AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5 LIMIT 114;

-- sqlsmith seed 2 query 1379; tables kinds
SELECT ref_0.flag AS c0, ref_0.tstz AS c1 FROM public.kinds AS ref_0 WHERE ref_0.tstz >= ref_0.dt ORDER BY 1, 2 LIMIT 99;

-- sqlsmith seed 2 query 1412; tables lineitem
SELECT ref_0.l_quantity AS c0 FROM public.lineitem AS ref_0 WHERE ref_0.l_linenumber IS NOT NULL ORDER BY 1 LIMIT 91;

-- sqlsmith seed 2 query 1570; tables orders; uses count
SELECT ref_0.o_orderstatus AS c0, COUNT(*) OVER (PARTITION BY ref_0.o_orderdate ORDER BY ref_0.o_clerk) AS c1, ref_0.o_orderpriority AS c2, ref_0.o_clerk AS c3 FROM public.orders AS ref_0 WHERE ref_0.o_comment IS NULL ORDER BY 1, 2, 3, 4 LIMIT 102;

-- sqlsmith seed 2 query 1591; tables kinds, lineitem
SELECT sample_0.ts AS c0 FROM public.kinds AS sample_0 WHERE (sample_0.txt IS NOT NULL) AND ((SELECT l_extendedprice FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 1) IS NULL) ORDER BY 1 LIMIT 188;

-- sqlsmith seed 2 query 1825; tables small
SELECT sample_0.k AS c0 FROM public.small AS sample_0 WHERE sample_0.name IS NOT NULL;

-- sqlsmith seed 2 query 1864; tables partsupp
SELECT ref_0.ps_availqty AS c0, ref_0.ps_partkey AS c1, CAST(NULLIF(CASE WHEN TRUE THEN ref_0.ps_comment ELSE ref_0.ps_comment END, ref_0.ps_comment) AS TEXT) AS c2 FROM public.partsupp AS ref_0 WHERE ref_0.ps_availqty IS NULL;

-- sqlsmith seed 2 query 1965; tables part
SELECT 56 AS c0, ref_0.p_type AS c1, ref_0.p_type AS c2, ref_0.p_partkey AS c3, ref_0.p_mfgr AS c4, ref_0.p_name AS c5, ref_0.p_type AS c6, ref_0.p_retailprice AS c7, ref_0.p_comment AS c8, ref_0.p_container AS c9 FROM public.part AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 LIMIT 9;

-- sqlsmith seed 2 query 2080; tables orders, supplier; uses max
SELECT ref_0.o_orderstatus AS c0, (SELECT MAX(s_suppkey) FROM public.supplier) AS c1, ref_0.o_totalprice AS c2 FROM public.orders AS ref_0 WHERE CASE WHEN TRUE THEN CAST(NULL AS SMALLINT) ELSE CAST(NULL AS SMALLINT) END <= ref_0.o_shippriority ORDER BY 1, 2, 3 LIMIT 83;

-- sqlsmith seed 2 query 2127; tables kinds, nation, nullable; uses ceil
SELECT sample_0.n_name AS c0, sample_0.n_name AS c1, CASE WHEN sample_0.n_comment IS NULL THEN (SELECT s FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 2) ELSE (SELECT s FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 2) END AS c2, (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) AS c3, sample_0.n_regionkey AS c4 FROM public.nation AS sample_0 WHERE (CEIL(CAST(CAST(NULL AS DECIMAL) AS DECIMAL)) IS NULL) AND (sample_0.n_nationkey > sample_0.n_nationkey) ORDER BY 1, 2, 3, 4, 5 LIMIT 77;

-- sqlsmith seed 2 query 2242; tables part, small
SELECT subq_0.c2 AS c0, subq_0.c2 AS c1, subq_0.c1 AS c2, subq_0.c1 AS c3, subq_0.c1 AS c4, subq_0.c1 AS c5 FROM (SELECT (SELECT name FROM public.small ORDER BY 1 LIMIT 1 OFFSET 3) AS c0, sample_0.p_name AS c1, sample_0.p_partkey AS c2 FROM public.part AS sample_0 WHERE FALSE ORDER BY 1, 2, 3 LIMIT 71) AS subq_0 WHERE subq_0.c2 IS NULL;

-- sqlsmith seed 2 query 2262; tables kinds
SELECT sample_0.dt AS c0, sample_0.id AS c1 FROM public.kinds AS sample_0 WHERE sample_0.ts IS NULL ORDER BY 1, 2 LIMIT 98;

-- sqlsmith seed 2 query 2365; tables nation
SELECT ref_0.n_name AS c0, ref_0.n_comment AS c1, ref_0.n_comment AS c2, ref_0.n_comment AS c3 FROM public.nation AS ref_0 WHERE ref_0.n_comment IS NULL ORDER BY 1, 2, 3, 4 LIMIT 141;

-- sqlsmith seed 2 query 2513; tables nation
SELECT sample_0.n_comment AS c0 FROM public.nation AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 92;

-- sqlsmith seed 2 query 2533; tables orders, supplier
SELECT ref_0.s_name AS c0, 98 AS c1, (SELECT o_comment FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 5) AS c2, ref_0.s_nationkey AS c3, ref_0.s_address AS c4 FROM public.supplier AS ref_0 WHERE ref_0.s_phone IS NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 78;

-- sqlsmith seed 2 query 2557; tables nullable
SELECT sample_0.s AS c0 FROM public.nullable AS sample_0 WHERE TRUE;

-- sqlsmith seed 2 query 2562; tables kinds, orders, small
SELECT sample_0.o_orderdate AS c0, (SELECT name FROM public.small ORDER BY 1 LIMIT 1 OFFSET 5) AS c1, sample_0.o_totalprice AS c2, CASE WHEN (EXISTS(SELECT sample_0.o_shippriority AS c0, sample_0.o_shippriority AS c1, sample_1.id AS c2 FROM public.kinds AS sample_1 WHERE ((sample_1.ts < sample_1.ts) OR (TRUE)) OR (TRUE) ORDER BY 1, 2, 3 LIMIT 29)) AND (sample_0.o_custkey <= sample_0.o_orderkey) THEN sample_0.o_shippriority ELSE sample_0.o_shippriority END AS c3 FROM public.orders AS sample_0 WHERE sample_0.o_orderstatus IS NULL ORDER BY 1, 2, 3, 4 LIMIT 171;

-- sqlsmith seed 2 query 2669; tables customer
SELECT ref_0.c_comment AS c0, ref_0.c_name AS c1, ref_0.c_name AS c2, ref_0.c_nationkey AS c3, ref_0.c_phone AS c4, ref_0.c_address AS c5, ref_0.c_address AS c6, ref_0.c_custkey AS c7 FROM public.customer AS ref_0 WHERE ref_0.c_comment IS NULL ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 LIMIT 58;

-- sqlsmith seed 2 query 2806; tables orders
SELECT sample_0.o_orderkey AS c0 FROM public.orders AS sample_0 WHERE sample_0.o_comment IS NULL;

-- sqlsmith seed 2 query 2838; tables lineitem
SELECT sample_0.l_shipinstruct AS c0 FROM public.lineitem AS sample_0 WHERE (TRUE) AND (TRUE) ORDER BY 1 LIMIT 141;

-- sqlsmith seed 2 query 2868; tables supplier
SELECT ref_0.s_comment AS c0, ref_0.s_acctbal AS c1 FROM public.supplier AS ref_0 WHERE (ref_0.s_nationkey IS NOT NULL) AND (ref_0.s_name IS NULL);

-- sqlsmith seed 2 query 2872; tables nullable
SELECT ref_0.s AS c0 FROM public.nullable AS ref_0 WHERE (TRUE) AND (ref_0.s IS NOT NULL) ORDER BY 1 LIMIT 101;

-- sqlsmith seed 2 query 2928; tables customer
SELECT ref_0.c_phone AS c0 FROM public.customer AS ref_0 WHERE ref_0.c_phone IS NOT NULL ORDER BY 1 LIMIT 39;

-- sqlsmith seed 2 query 2929; tables customer, supplier
SELECT ref_0.c_comment AS c0, ref_0.c_mktsegment AS c1 FROM public.supplier AS sample_0 LEFT JOIN public.customer AS ref_0 ON (sample_0.s_name = ref_0.c_name) WHERE TRUE ORDER BY 1, 2 LIMIT 116;

-- sqlsmith seed 2 query 2947; tables small, supplier
SELECT ref_1.name AS c0, ref_0.s_suppkey AS c1, ref_1.name AS c2 FROM public.supplier AS ref_0 INNER JOIN public.small AS ref_1 ON (ref_0.s_name = ref_1.name) WHERE FALSE ORDER BY 1, 2, 3 LIMIT 82;

-- sqlsmith seed 2 query 2951; tables small
SELECT ref_0.name AS c0 FROM public.small AS ref_0 WHERE CAST(COALESCE(ref_0.k, 86) AS INT) IS NULL ORDER BY 1 LIMIT 133;

-- sqlsmith seed 3 query 14; tables customer
SELECT ref_0.c_phone AS c0, ref_0.c_mktsegment AS c1, ref_0.c_nationkey AS c2, 76 AS c3, CASE WHEN ref_0.c_phone IS NOT NULL THEN CAST(NULLIF(ref_0.c_acctbal, ref_0.c_acctbal) AS DECIMAL) ELSE CAST(NULLIF(ref_0.c_acctbal, ref_0.c_acctbal) AS DECIMAL) END AS c4, ref_0.c_phone AS c5 FROM public.customer AS ref_0 WHERE FALSE;

-- sqlsmith seed 3 query 64; tables partsupp
SELECT ref_0.ps_availqty AS c0 FROM public.partsupp AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 158;

-- sqlsmith seed 3 query 110; tables region
SELECT ref_0.r_name AS c0 FROM public.region AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 114;

-- sqlsmith seed 3 query 137; tables customer, nation
SELECT ref_0.n_nationkey AS c0, ref_0.n_nationkey AS c1, CAST(COALESCE(ref_0.n_name, ref_0.n_comment) AS TEXT) AS c2, (SELECT c_custkey FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1) AS c3 FROM public.nation AS ref_0 WHERE ref_0.n_nationkey = ref_0.n_regionkey ORDER BY 1, 2, 3, 4 LIMIT 116;

-- sqlsmith seed 3 query 138; tables kinds, orders, region; uses max, min
SELECT MIN(CAST(subq_0.c2 AS INT)) OVER (PARTITION BY subq_0.c0 ORDER BY sample_0.r_regionkey) AS c0 FROM public.region AS sample_0, LATERAL (SELECT sample_0.r_regionkey AS c0, sample_0.r_name AS c1, sample_1.o_shippriority AS c2 FROM public.orders AS sample_1 WHERE CASE WHEN sample_1.o_orderdate <> CAST(NULL AS TIMESTAMPTZ) THEN (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) ELSE (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) END <= (SELECT MAX(rl) FROM public.kinds)) AS subq_0 WHERE sample_0.r_regionkey IS NOT NULL ORDER BY 1 LIMIT 114;

-- sqlsmith seed 3 query 188; tables region
SELECT 68 AS c0 FROM public.region AS sample_0 WHERE sample_0.r_comment IS NULL;

-- sqlsmith seed 3 query 200; tables kinds
SELECT sample_0.rl AS c0 FROM public.kinds AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 146;

-- sqlsmith seed 3 query 361; tables lineitem
SELECT 95 AS c0 FROM public.lineitem AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 73;

-- sqlsmith seed 3 query 408; tables kinds
SELECT ref_0.txt AS c0 FROM public.kinds AS ref_0 WHERE ref_0.flag IS NULL ORDER BY 1 LIMIT 176;

-- sqlsmith seed 3 query 414; tables partsupp
SELECT ref_0.ps_supplycost AS c0, 65 AS c1 FROM public.partsupp AS ref_0 WHERE ref_0.ps_supplycost IS NULL ORDER BY 1, 2 LIMIT 106;

-- sqlsmith seed 3 query 416; tables region, small
SELECT sample_0.r_name AS c0, (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 3) AS c1 FROM public.region AS sample_0 WHERE sample_0.r_name IS NOT NULL;

-- sqlsmith seed 3 query 546; tables nullable, orders
SELECT (SELECT o_orderkey FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 3) AS c0, ref_0.k AS c1 FROM public.nullable AS ref_0 WHERE ref_0.v IS NOT NULL ORDER BY 1, 2 LIMIT 161;

-- sqlsmith seed 3 query 597; tables customer
SELECT CASE WHEN (TRUE) AND (sample_0.c_nationkey <= sample_0.c_custkey) THEN sample_0.c_name ELSE sample_0.c_name END AS c0, 76 AS c1, sample_0.c_comment AS c2, sample_0.c_mktsegment AS c3 FROM public.customer AS sample_0 WHERE FALSE;

-- sqlsmith seed 3 query 640; tables customer
SELECT sample_0.c_nationkey AS c0, sample_0.c_phone AS c1, CASE WHEN sample_0.c_address IS NULL THEN sample_0.c_custkey ELSE sample_0.c_custkey END AS c2, CAST(NULLIF(sample_0.c_custkey, sample_0.c_custkey) AS BIGINT) AS c3 FROM public.customer AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 81;

-- sqlsmith seed 3 query 667; tables part
SELECT sample_0.p_type AS c0, sample_0.p_container AS c1, sample_0.p_type AS c2 FROM public.part AS sample_0 WHERE sample_0.p_mfgr IS NULL;

-- sqlsmith seed 3 query 672; tables customer, kinds, supplier
SELECT ref_0.s_address AS c0, (SELECT c_address FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 3) AS c1 FROM public.supplier AS ref_0 WHERE CASE WHEN CASE WHEN TRUE THEN (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) ELSE (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) END >= (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) THEN (SELECT s_phone FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 2) ELSE (SELECT s_phone FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 2) END IS NULL ORDER BY 1, 2 LIMIT 91;

-- sqlsmith seed 3 query 755; tables kinds
SELECT ref_0.rl AS c0, ref_0.dt AS c1 FROM public.kinds AS ref_0 WHERE ref_0.big IS NOT NULL ORDER BY 1, 2 LIMIT 88;

-- sqlsmith seed 3 query 848; tables nullable
SELECT ref_0.s AS c0, ref_0.k AS c1 FROM public.nullable AS ref_0 WHERE FALSE ORDER BY 1, 2 LIMIT 41;

-- sqlsmith seed 3 query 937; tables region
SELECT (SELECT r_name FROM public.region ORDER BY 1 LIMIT 1 OFFSET 2) AS c0, sample_0.r_regionkey AS c1, sample_0.r_regionkey AS c2, sample_0.r_regionkey AS c3, sample_0.r_comment AS c4, sample_0.r_name AS c5, sample_0.r_name AS c6 FROM public.region AS sample_0 WHERE sample_0.r_name IS NULL;

-- sqlsmith seed 3 query 966; tables supplier
SELECT sample_0.s_name AS c0, sample_0.s_nationkey AS c1, sample_0.s_acctbal AS c2, 9 AS c3, sample_0.s_acctbal AS c4 FROM public.supplier AS sample_0 WHERE sample_0.s_suppkey IS NOT NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 76;

-- sqlsmith seed 3 query 977; tables orders
SELECT sample_0.o_orderkey AS c0 FROM public.orders AS sample_0 WHERE sample_0.o_totalprice IS NULL;

-- sqlsmith seed 3 query 989; tables region
SELECT ref_0.r_regionkey AS c0 FROM public.region AS ref_0 WHERE ref_0.r_name IS NOT NULL ORDER BY 1 LIMIT 99;

-- sqlsmith seed 3 query 1041; tables lineitem
SELECT sample_0.l_quantity AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_returnflag IS NOT NULL ORDER BY 1 LIMIT 119;

-- sqlsmith seed 3 query 1192; tables orders
SELECT CASE WHEN sample_0.o_clerk IS NULL THEN sample_0.o_shippriority ELSE sample_0.o_shippriority END AS c0 FROM public.orders AS sample_0 WHERE sample_0.o_orderstatus IS NOT NULL ORDER BY 1 LIMIT 152;

-- sqlsmith seed 3 query 1198; tables part
SELECT sample_0.p_retailprice AS c0 FROM public.part AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 75;

-- sqlsmith seed 3 query 1333; tables nullable, part, small
SELECT ref_0.v AS c0, CASE WHEN ref_0.k = ref_0.k THEN ref_0.v ELSE ref_0.v END AS c1 FROM public.nullable AS ref_0 WHERE EXISTS(SELECT ref_0.k AS c0 FROM public.small AS ref_1 WHERE (SELECT p_brand FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6) IS NULL ORDER BY 1 LIMIT 86);

-- sqlsmith seed 3 query 1366; tables orders
SELECT ref_0.o_orderstatus AS c0 FROM public.orders AS ref_0 WHERE ref_0.o_orderstatus IS NOT NULL ORDER BY 1 LIMIT 79;

-- sqlsmith seed 3 query 1405; tables lineitem, part, partsupp, small
SELECT subq_0.c3 AS c0, subq_0.c3 AS c1, subq_0.c0 AS c2 FROM (SELECT sample_0.ps_supplycost AS c0, sample_0.ps_supplycost AS c1, (SELECT l_tax FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 1) AS c2, sample_0.ps_partkey AS c3 FROM public.partsupp AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 52) AS subq_0 WHERE EXISTS(SELECT (SELECT p_mfgr FROM public.part ORDER BY 1 LIMIT 1 OFFSET 4) AS c0, 98 AS c1, sample_1.name AS c2, sample_1.k AS c3 FROM public.small AS sample_1 WHERE CAST(NULL AS "char") = CAST(NULL AS "char")) ORDER BY 1, 2, 3 LIMIT 97;

-- sqlsmith seed 3 query 1432; tables kinds
SELECT DISTINCT subq_0.c1 AS c0, subq_0.c4 AS c1, subq_0.c2 AS c2, subq_0.c0 AS c3, subq_0.c0 AS c4, subq_0.c2 AS c5, subq_0.c2 AS c6, subq_0.c1 AS c7, subq_0.c1 AS c8, subq_0.c3 AS c9 FROM (SELECT ref_0.tstz AS c0, ref_0.ts AS c1, ref_0.wide AS c2, ref_0.dt AS c3, ref_0.dbl AS c4 FROM public.kinds AS ref_0 WHERE ref_0.flag IS NOT NULL) AS subq_0 WHERE subq_0.c2 IS NULL;

-- sqlsmith seed 3 query 1493; tables kinds; uses min
SELECT sample_0.wide AS c0, MIN(CAST(sample_0.tstz AS TIMESTAMPTZ)) OVER (PARTITION BY sample_0.rl ORDER BY sample_0.dt) AS c1 FROM public.kinds AS sample_0 WHERE FALSE ORDER BY 1, 2 LIMIT 154;

-- sqlsmith seed 3 query 1551; tables nullable, partsupp
SELECT sample_0.s AS c0 FROM public.nullable AS sample_0 WHERE CAST(COALESCE(sample_0.s, (SELECT ps_comment FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 6)) AS TEXT) IS NOT NULL ORDER BY 1 LIMIT 73;

-- sqlsmith seed 3 query 1608; tables part
SELECT ref_0.p_size AS c0, subq_0.c0 AS c1 FROM public.part AS ref_0, LATERAL (SELECT sample_0.p_container AS c0 FROM public.part AS sample_0 WHERE 44 IS NOT NULL ORDER BY 1 LIMIT 108) AS subq_0 WHERE ref_0.p_name IS NULL;

-- sqlsmith seed 3 query 1621; tables nation
SELECT sample_0.n_comment AS c0, sample_0.n_comment AS c1 FROM public.nation AS sample_0 WHERE sample_0.n_comment IS NOT NULL;

-- sqlsmith seed 3 query 1627; tables kinds, small
SELECT ref_0.name AS c0, ref_0.name AS c1 FROM public.small AS ref_0 WHERE (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) >= (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4);

-- sqlsmith seed 3 query 1714; tables customer, kinds, orders
SELECT ref_0.o_custkey AS c0, subq_0.c0 AS c1, ref_0.o_orderstatus AS c2, subq_0.c7 AS c3 FROM public.orders AS ref_0, LATERAL (SELECT ref_0.o_orderstatus AS c0, ref_0.o_shippriority AS c1, ref_0.o_comment AS c2, sample_0.c_phone AS c3, sample_0.c_comment AS c4, ref_0.o_shippriority AS c5, ref_0.o_totalprice AS c6, sample_0.c_custkey AS c7, sample_0.c_name AS c8, CASE WHEN sample_0.c_comment IS NOT NULL THEN sample_0.c_address ELSE sample_0.c_address END AS c9, sample_0.c_acctbal AS c10, ref_0.o_comment AS c11, sample_0.c_name AS c12 FROM public.customer AS sample_0 WHERE (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 72) >= ref_0.o_orderdate ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 LIMIT 196) AS subq_0 WHERE subq_0.c9 IS NULL ORDER BY 1, 2, 3, 4 LIMIT 169;

-- sqlsmith seed 3 query 1793; tables partsupp
SELECT sample_0.ps_supplycost AS c0, sample_0.ps_comment AS c1 FROM public.partsupp AS sample_0 WHERE sample_0.ps_partkey IS NULL ORDER BY 1, 2 LIMIT 127;

-- sqlsmith seed 3 query 1830; tables partsupp
SELECT ref_0.ps_supplycost AS c0, CAST(NULLIF(ref_0.ps_availqty, ref_0.ps_availqty) AS INT) AS c1 FROM public.partsupp AS ref_0 WHERE (ref_0.ps_suppkey IS NULL) AND (FALSE) ORDER BY 1, 2 LIMIT 177;

-- sqlsmith seed 3 query 1904; tables nullable
SELECT sample_0.v AS c0, sample_0.v AS c1, sample_0.k AS c2 FROM public.nullable AS sample_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 166;

-- sqlsmith seed 3 query 2006; tables nation, orders, part, region, small
SELECT subq_1.c8 AS c0, subq_1.c5 AS c1, subq_1.c0 AS c2, subq_1.c2 AS c3, (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 1) AS c4, 82 AS c5, subq_1.c7 AS c6, subq_1.c5 AS c7, subq_1.c6 AS c8, subq_1.c7 AS c9, subq_1.c7 AS c10, subq_1.c0 AS c11 FROM (SELECT (SELECT r_comment FROM public.region ORDER BY 1 LIMIT 1 OFFSET 1) AS c0, subq_0.c4 AS c1, ref_0.k AS c2, subq_0.c1 AS c3, ref_0.name AS c4, subq_0.c3 AS c5, ref_0.name AS c6, subq_0.c4 AS c7, subq_0.c1 AS c8 FROM public.small AS ref_0, LATERAL (SELECT ref_0.k AS c0, sample_0.p_partkey AS c1, ref_0.name AS c2, sample_0.p_comment AS c3, sample_0.p_type AS c4 FROM public.part AS sample_0 WHERE ref_0.k IS NOT NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 105) AS subq_0 WHERE FALSE) AS subq_1 WHERE (SELECT n_nationkey FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 6) < subq_1.c2;

-- sqlsmith seed 3 query 2083; tables lineitem
SELECT sample_0.l_suppkey AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_linenumber <> CAST(NULL AS SMALLINT) ORDER BY 1 LIMIT 84;

-- sqlsmith seed 3 query 2085; tables orders
SELECT ref_0.o_orderpriority AS c0 FROM public.orders AS ref_0 WHERE FALSE;

-- sqlsmith seed 3 query 2099; tables small
SELECT sample_0.name AS c0, CAST(NULLIF(sample_0.name, sample_0.name) AS TEXT) AS c1 FROM public.small AS sample_0 WHERE sample_0.k IS NOT NULL ORDER BY 1, 2 LIMIT 112;

-- sqlsmith seed 3 query 2120; tables supplier
SELECT ref_0.s_name AS c0 FROM public.supplier AS ref_0 WHERE ref_0.s_suppkey IS NULL ORDER BY 1 LIMIT 112;

-- sqlsmith seed 3 query 2155; tables partsupp
SELECT sample_0.ps_partkey AS c0 FROM public.partsupp AS sample_0 WHERE sample_0.ps_partkey IS NULL ORDER BY 1 LIMIT 114;

-- sqlsmith seed 3 query 2208; tables nation
SELECT sample_0.n_name AS c0 FROM public.nation AS sample_0 WHERE sample_0.n_comment IS NOT NULL ORDER BY 1 LIMIT 94;

-- sqlsmith seed 3 query 2212; tables customer, kinds
SELECT sample_0.num AS c0, sample_0.ts AS c1, (SELECT c_mktsegment FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1) AS c2, sample_0.flag AS c3, sample_0.dt AS c4, sample_0.big AS c5 FROM public.kinds AS sample_0 WHERE FALSE;

-- sqlsmith seed 3 query 2384; tables nation, partsupp
SELECT subq_0.c0 AS c0, subq_0.c2 AS c1, (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 2) AS c2, subq_0.c2 AS c3, subq_0.c0 AS c4, subq_0.c1 AS c5, subq_0.c3 AS c6 FROM (SELECT ref_0.ps_suppkey AS c0, ref_0.ps_supplycost AS c1, ref_0.ps_partkey AS c2, ref_0.ps_availqty AS c3 FROM public.partsupp AS ref_0 WHERE ((ref_0.ps_partkey > ref_0.ps_availqty) AND (TRUE)) OR (ref_0.ps_availqty IS NOT NULL) ORDER BY 1, 2, 3, 4 LIMIT 37) AS subq_0 WHERE subq_0.c0 IS NULL ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 85;

-- sqlsmith seed 3 query 2405; tables kinds, nullable, supplier; uses min
SELECT sample_0.k AS c0 FROM public.nullable AS sample_0 WHERE ((EXISTS(SELECT sample_0.s AS c0, sample_0.v AS c1, sample_0.k AS c2, subq_0.c0 AS c3 FROM public.supplier AS sample_1, LATERAL (SELECT ref_0.s_acctbal AS c0, ref_0.s_suppkey AS c1, ref_0.s_nationkey AS c2, ref_0.s_phone AS c3, sample_0.s AS c4, ref_0.s_address AS c5 FROM public.supplier AS ref_0 WHERE sample_0.v IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 89) AS subq_0 WHERE (CAST(NULL AS "char") <= CAST(NULL AS "char")) AND ((SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) < CAST(NULL AS TIMESTAMPTZ)) ORDER BY 1, 2, 3, 4 LIMIT 95)) AND ((sample_0.s IS NULL) AND (CAST(NULL AS REAL) < (SELECT MIN(rl) FROM public.kinds)))) OR (sample_0.s NOT ILIKE sample_0.s) ORDER BY 1 LIMIT 126;

-- sqlsmith seed 3 query 2413; tables lineitem, nullable
SELECT ref_0.v AS c0, ref_0.s AS c1, sample_0.l_shipmode AS c2, CASE WHEN FALSE THEN sample_0.l_linenumber ELSE sample_0.l_linenumber END AS c3 FROM public.lineitem AS sample_0 RIGHT JOIN public.nullable AS ref_0 ON (sample_0.l_comment = ref_0.s) WHERE ref_0.v <= sample_0.l_partkey ORDER BY 1, 2, 3, 4 LIMIT 83;

-- sqlsmith seed 3 query 2458; tables nation
SELECT sample_0.n_nationkey AS c0, sample_0.n_comment AS c1 FROM public.nation AS sample_0 WHERE TRUE ORDER BY 1, 2 LIMIT 95;

-- sqlsmith seed 3 query 2468; tables nullable
SELECT 80 AS c0, ref_0.k AS c1 FROM public.nullable AS ref_0 WHERE ref_0.k IS NULL;

-- sqlsmith seed 3 query 2573; tables kinds, lineitem, part
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2, (SELECT p_mfgr FROM public.part ORDER BY 1 LIMIT 1 OFFSET 5) AS c3, subq_0.c0 AS c4, subq_0.c0 AS c5, subq_0.c0 AS c6 FROM (SELECT sample_0.l_shipmode AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_receiptdate > (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 68)) AS subq_0 WHERE subq_0.c0 IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 166;

-- sqlsmith seed 3 query 2606; tables nation
SELECT ref_0.n_comment AS c0, ref_0.n_nationkey AS c1 FROM public.nation AS ref_0 WHERE TRUE ORDER BY 1, 2 LIMIT 64;

-- sqlsmith seed 3 query 2680; tables kinds, lineitem
SELECT sample_0.l_commitdate AS c0, sample_0.l_comment AS c1 FROM public.lineitem AS sample_0 WHERE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) <= (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4) ORDER BY 1, 2 LIMIT 34;

-- sqlsmith seed 3 query 2705; tables kinds, supplier
SELECT CASE WHEN sample_0.rl <= sample_0.dbl THEN sample_0.ts ELSE sample_0.ts END AS c0, sample_0.wide AS c1 FROM public.kinds AS sample_0 WHERE EXISTS(SELECT CAST(NULLIF(subq_0.c1, sample_0.wide) AS DECIMAL) AS c0, sample_0.txt AS c1 FROM (SELECT sample_1.s_name AS c0, sample_1.s_acctbal AS c1, sample_0.id AS c2, 99 AS c3, sample_0.wide AS c4 FROM public.supplier AS sample_1 WHERE TRUE ORDER BY 1, 2, 3, 4, 5 LIMIT 116) AS subq_0 WHERE (subq_0.c2 IS NOT NULL) AND (sample_0.id = sample_0.big)) ORDER BY 1, 2 LIMIT 105;

-- sqlsmith seed 3 query 2778; tables customer
SELECT ref_0.c_nationkey AS c0, ref_0.c_phone AS c1, ref_0.c_custkey AS c2, CASE WHEN ref_0.c_name IS NULL THEN ref_0.c_comment ELSE ref_0.c_comment END AS c3 FROM public.customer AS ref_0 WHERE CAST(NULLIF(ref_0.c_acctbal, ref_0.c_acctbal) AS DECIMAL) IS NOT NULL;

-- sqlsmith seed 3 query 2780; tables nation, small
SELECT sample_0.n_regionkey AS c0, (SELECT name FROM public.small ORDER BY 1 LIMIT 1 OFFSET 1) AS c1, sample_0.n_nationkey AS c2, sample_0.n_regionkey AS c3 FROM public.nation AS sample_0 WHERE CAST(NULL AS SMALLINT) <= sample_0.n_regionkey ORDER BY 1, 2, 3, 4 LIMIT 107;

-- sqlsmith seed 3 query 2781; tables kinds, part, small, supplier; uses min
SELECT (SELECT s_phone FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 6) AS c0, 64 AS c1 FROM (SELECT MIN(CAST((SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) AS TIMESTAMPTZ)) OVER (PARTITION BY sample_1.name ORDER BY sample_1.k) AS c0, sample_0.p_retailprice AS c1 FROM public.part AS sample_0 LEFT JOIN public.small AS sample_1 ON (sample_0.p_type IS NOT NULL) WHERE sample_0.p_name IS NULL ORDER BY 1, 2 LIMIT 73) AS subq_0 WHERE TRUE;

-- sqlsmith seed 3 query 2786; tables customer
SELECT sample_0.c_comment AS c0, sample_0.c_custkey AS c1, CAST(COALESCE(sample_0.c_address, sample_0.c_mktsegment) AS TEXT) AS c2, sample_0.c_custkey AS c3, CAST(NULLIF(sample_0.c_custkey, sample_0.c_nationkey) AS BIGINT) AS c4, sample_0.c_phone AS c5, sample_0.c_mktsegment AS c6, sample_0.c_custkey AS c7, sample_0.c_address AS c8 FROM public.customer AS sample_0 WHERE sample_0.c_custkey IS NULL;

-- sqlsmith seed 3 query 2788; tables nullable
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1 FROM (SELECT sample_0.k AS c0, sample_0.v AS c1 FROM public.nullable AS sample_0 WHERE sample_0.v IS NOT NULL ORDER BY 1, 2 LIMIT 22) AS subq_0 WHERE TRUE ORDER BY 1, 2 LIMIT 165;

-- sqlsmith seed 3 query 2829; tables kinds, small; uses max
SELECT subq_1.c6 AS c0, subq_1.c3 AS c1 FROM (SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2, MAX(CAST((SELECT name FROM public.small ORDER BY 1 LIMIT 1 OFFSET 2) AS TEXT)) OVER (PARTITION BY subq_0.c0 ORDER BY subq_0.c0, subq_0.c0) AS c3, subq_0.c0 AS c4, subq_0.c0 AS c5, subq_0.c0 AS c6 FROM (SELECT ref_0.k AS c0 FROM public.small AS ref_0 WHERE (ref_0.name IS NULL) OR (((SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) < (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2)) OR (ref_0.k IS NULL))) AS subq_0 WHERE CAST(NULLIF((SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3), FALSE) AS BOOLEAN) < FALSE) AS subq_1 WHERE 48 > subq_1.c4 ORDER BY 1, 2 LIMIT 137;

-- sqlsmith seed 3 query 2846; tables nullable
SELECT sample_0.k AS c0 FROM public.nullable AS sample_0 WHERE (sample_0.k IS NULL) OR (sample_0.k IS NOT NULL) ORDER BY 1 LIMIT 96;

-- sqlsmith seed 3 query 2848; tables lineitem, orders, partsupp; uses min
SELECT (SELECT MIN(o_orderdate) FROM public.orders) AS c0, subq_0.c0 AS c1 FROM (SELECT sample_0.ps_partkey AS c0 FROM public.partsupp AS sample_0 LEFT JOIN public.lineitem AS sample_1 ON (sample_0.ps_suppkey = sample_1.l_orderkey) WHERE FALSE) AS subq_0 WHERE FALSE ORDER BY 1, 2 LIMIT 40;

-- sqlsmith seed 3 query 2990; tables kinds
SELECT ref_0.num AS c0 FROM public.kinds AS ref_0 WHERE ref_0.rl IS NULL;

-- sqlsmith seed 4 query 112; tables orders, supplier
SELECT sample_0.o_comment AS c0, sample_0.o_orderkey AS c1, CAST(NULLIF(CAST(NULLIF(CAST(COALESCE(sample_0.o_orderkey, sample_0.o_custkey) AS BIGINT), (SELECT s_suppkey FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 66)) AS BIGINT), sample_0.o_custkey) AS BIGINT) AS c2, sample_0.o_totalprice AS c3 FROM public.orders AS sample_0 WHERE sample_0.o_orderkey IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 157;

-- sqlsmith seed 4 query 262; tables lineitem
SELECT CASE WHEN sample_0.l_linestatus IS NULL THEN sample_0.l_commitdate ELSE sample_0.l_commitdate END AS c0, sample_0.l_returnflag AS c1, sample_0.l_suppkey AS c2, sample_0.l_receiptdate AS c3 FROM public.lineitem AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 112;

-- sqlsmith seed 4 query 348; tables lineitem, nullable
SELECT ref_0.k AS c0, ref_0.k AS c1, ref_0.k AS c2, ref_0.k AS c3, (SELECT l_suppkey FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 6) AS c4, ref_0.k AS c5, ref_0.k AS c6 FROM public.nullable AS ref_0 WHERE FALSE;

-- sqlsmith seed 4 query 520; tables region
SELECT ref_0.r_comment AS c0 FROM public.region AS ref_0 WHERE ref_0.r_name IS NOT NULL ORDER BY 1 LIMIT 132;

-- sqlsmith seed 4 query 529; tables lineitem, part, partsupp, region
SELECT ref_2.r_regionkey AS c0 FROM (SELECT subq_0.c0 AS c0, CAST(COALESCE(subq_0.c1, sample_0.p_comment) AS TEXT) AS c1, subq_0.c0 AS c2, sample_0.p_mfgr AS c3, subq_0.c2 AS c4, sample_0.p_brand AS c5, subq_0.c2 AS c6 FROM public.part AS sample_0, LATERAL (SELECT ref_0.ps_supplycost AS c0, sample_0.p_type AS c1, ref_0.ps_comment AS c2, ref_0.ps_suppkey AS c3 FROM public.partsupp AS ref_0 WHERE ref_0.ps_partkey IS NULL ORDER BY 1, 2, 3, 4 LIMIT 104) AS subq_0 WHERE sample_0.p_size < CAST(NULLIF(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT) ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 133) AS subq_1 INNER JOIN public.lineitem AS ref_1 RIGHT JOIN public.region AS ref_2 ON (ref_1.l_shipmode = ref_2.r_name) ON (subq_1.c1 = ref_1.l_returnflag) WHERE ref_1.l_shipdate <> ref_1.l_receiptdate;

-- sqlsmith seed 4 query 577; tables kinds, lineitem, nation; uses max
SELECT ref_0.num AS c0, ref_0.big AS c1, ref_0.txt AS c2, ref_0.id AS c3, (SELECT n_nationkey FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 3) AS c4, CAST(COALESCE(ref_0.flag, ref_0.flag) AS BOOLEAN) AS c5, ref_0.tstz AS c6, ref_0.id AS c7, ref_0.num AS c8 FROM public.kinds AS ref_0 WHERE (SELECT MAX(l_shipdate) FROM public.lineitem) = ref_0.tstz;

-- sqlsmith seed 4 query 589; tables customer
SELECT sample_0.c_phone AS c0 FROM public.customer AS sample_0 WHERE sample_0.c_name IS NULL ORDER BY 1 LIMIT 180;

-- sqlsmith seed 4 query 872; tables kinds, orders
SELECT sample_0.big AS c0, CAST(NULLIF(sample_0.flag, sample_0.flag) AS BOOLEAN) AS c1, sample_0.dbl AS c2 FROM public.kinds AS sample_0 WHERE EXISTS(SELECT ref_0.o_comment AS c0, sample_0.ts AS c1, sample_0.wide AS c2 FROM public.orders AS ref_0 WHERE FALSE) ORDER BY 1, 2, 3 LIMIT 134;

-- sqlsmith seed 4 query 874; tables region
SELECT (SELECT r_regionkey FROM public.region ORDER BY 1 LIMIT 1 OFFSET 2) AS c0, sample_0.r_comment AS c1, sample_0.r_regionkey AS c2, sample_0.r_regionkey AS c3 FROM public.region AS sample_0 WHERE sample_0.r_name IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 37;

-- sqlsmith seed 4 query 881; tables part, small; uses chr
SELECT ref_0.k AS c0 FROM public.small AS ref_0 WHERE CASE WHEN CHR(CAST((SELECT p_size FROM public.part ORDER BY 1 LIMIT 1 OFFSET 88) AS INT)) = CAST(NULL AS "char") THEN ref_0.k ELSE ref_0.k END IS NOT NULL ORDER BY 1 LIMIT 94;

-- sqlsmith seed 4 query 961; tables supplier
SELECT ref_0.s_address AS c0 FROM public.supplier AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 99;

-- sqlsmith seed 4 query 990; tables customer
SELECT ref_0.c_acctbal AS c0, ref_0.c_nationkey AS c1 FROM public.customer AS ref_0 WHERE ref_0.c_custkey IS NULL ORDER BY 1, 2 LIMIT 81;

-- sqlsmith seed 4 query 1008; tables kinds
SELECT sample_0.txt AS c0, sample_0.flag AS c1, sample_0.dt AS c2 FROM public.kinds AS sample_0 WHERE sample_0.id IS NULL ORDER BY 1, 2, 3 LIMIT 130;

-- sqlsmith seed 4 query 1026; tables supplier
SELECT sample_0.s_suppkey AS c0 FROM public.supplier AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 158;

-- sqlsmith seed 4 query 1035; tables kinds, small
SELECT 77 AS c0, ref_0.name AS c1 FROM public.small AS ref_0, LATERAL (SELECT ref_1.id AS c0 FROM public.kinds AS ref_1 WHERE ref_1.rl > ref_1.rl) AS subq_0 WHERE subq_0.c0 IS NOT NULL;

-- sqlsmith seed 4 query 1115; tables supplier
SELECT ref_0.s_nationkey AS c0 FROM public.supplier AS ref_0 WHERE FALSE;

-- sqlsmith seed 4 query 1169; tables lineitem
SELECT sample_0.l_tax AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_linenumber IS NULL;

-- sqlsmith seed 4 query 1232; tables region
SELECT ref_0.r_comment AS c0, ref_0.r_name AS c1, ref_0.r_name AS c2 FROM public.region AS ref_0 WHERE ref_0.r_name IS NULL ORDER BY 1, 2, 3 LIMIT 90;

-- sqlsmith seed 4 query 1253; tables orders
SELECT sample_0.o_clerk AS c0, 1 AS c1 FROM public.orders AS sample_0 WHERE sample_0.o_custkey IS NULL ORDER BY 1, 2 LIMIT 53;

-- sqlsmith seed 4 query 1401; tables customer
SELECT sample_0.c_address AS c0, sample_0.c_name AS c1, sample_0.c_nationkey AS c2, sample_0.c_comment AS c3, sample_0.c_mktsegment AS c4 FROM public.customer AS sample_0 WHERE sample_0.c_name IS NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 86;

-- sqlsmith seed 4 query 1461; tables lineitem, nullable, partsupp, region
SELECT (SELECT l_extendedprice FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 22) AS c0 FROM (SELECT (SELECT r_comment FROM public.region ORDER BY 1 LIMIT 1 OFFSET 3) AS c0, ref_1.ps_comment AS c1, ref_1.ps_supplycost AS c2 FROM public.lineitem AS sample_0 INNER JOIN public.nullable AS ref_0 INNER JOIN public.partsupp AS ref_1 ON (ref_0.s = ref_1.ps_comment) ON (ref_0.v IS NULL) WHERE 33 IS NULL ORDER BY 1, 2, 3 LIMIT 147) AS subq_0 WHERE FALSE;

-- sqlsmith seed 4 query 1600; tables kinds, orders, supplier
SELECT (SELECT s_phone FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 2) AS c0, (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 95) AS c1, CASE WHEN ref_0.tstz <> ref_0.tstz THEN ref_0.ts ELSE ref_0.ts END AS c2, ref_0.num AS c3, ref_0.ts AS c4, ref_0.flag AS c5 FROM public.kinds AS ref_0 WHERE (ref_0.flag IS NOT NULL) AND ((ref_0.ts >= ref_0.ts) OR (FALSE)) ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 132;

-- sqlsmith seed 4 query 1679; tables kinds
SELECT sample_0.rl AS c0 FROM public.kinds AS sample_0 WHERE (FALSE) OR (sample_0.wide IS NOT NULL);

-- sqlsmith seed 4 query 1769; tables kinds, lineitem; uses min
SELECT sample_0.l_receiptdate AS c0 FROM public.lineitem AS sample_0 WHERE (SELECT MIN(ts) FROM public.kinds) >= CAST(NULL AS TIMESTAMP) ORDER BY 1 LIMIT 140;

-- sqlsmith seed 4 query 1871; tables nation
SELECT ref_0.n_nationkey AS c0, ref_0.n_comment AS c1 FROM public.nation AS ref_0 WHERE TRUE ORDER BY 1, 2 LIMIT 194;

-- sqlsmith seed 4 query 1891; tables customer, lineitem; uses replace
SELECT sample_0.c_mktsegment AS c0, sample_0.c_name AS c1, sample_0.c_phone AS c2 FROM public.customer AS sample_0 WHERE REPLACE(CAST(sample_0.c_name AS TEXT), CAST(sample_0.c_phone AS TEXT), CAST((SELECT l_returnflag FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 3) AS TEXT)) LIKE sample_0.c_comment ORDER BY 1, 2, 3 LIMIT 102;

-- sqlsmith seed 4 query 1910; tables kinds, nation, supplier
SELECT sample_0.n_regionkey AS c0, (SELECT s_address FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 23) AS c1, (SELECT id FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) AS c2 FROM public.nation AS sample_0 WHERE CAST(NULL AS REAL) <= (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6);

-- sqlsmith seed 4 query 1913; tables kinds, orders, region, small; uses max
WITH jennifer_0 AS (SELECT subq_0.c6 AS c0, subq_0.c4 AS c1 FROM (SELECT sample_0.k AS c0, 24 AS c1, sample_0.name AS c2, sample_0.k AS c3, sample_0.k AS c4, sample_0.k AS c5, sample_0.k AS c6 FROM public.small AS sample_0 WHERE (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 14) = (SELECT MAX(dt) FROM public.kinds) ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 130) AS subq_0 WHERE (FALSE) AND (subq_0.c5 IS NOT NULL) ORDER BY 1, 2 LIMIT 93) SELECT sample_1.o_orderstatus AS c0, (SELECT r_comment FROM public.region ORDER BY 1 LIMIT 1 OFFSET 85) AS c1, sample_1.o_custkey AS c2, sample_1.o_comment AS c3, 90 AS c4, sample_1.o_clerk AS c5, sample_1.o_orderstatus AS c6, sample_1.o_custkey AS c7, sample_1.o_orderpriority AS c8 FROM public.orders AS sample_1 WHERE sample_1.o_shippriority IS NULL ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9 LIMIT 68;

-- sqlsmith seed 4 query 1915; tables part
SELECT sample_0.p_mfgr AS c0 FROM public.part AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 52;

-- sqlsmith seed 4 query 1996; tables small
SELECT sample_0.k AS c0 FROM public.small AS sample_0 WHERE TRUE;

-- sqlsmith seed 4 query 2033; tables orders
SELECT sample_0.o_custkey AS c0 FROM public.orders AS sample_0 WHERE FALSE;

-- sqlsmith seed 4 query 2037; tables kinds
SELECT sample_0.flag AS c0, sample_0.id AS c1, 77 AS c2, CAST(NULLIF(sample_0.dt, sample_0.dt) AS DATE) AS c3, sample_0.flag AS c4 FROM public.kinds AS sample_0 WHERE (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) >= sample_0.dt;

-- sqlsmith seed 4 query 2071; tables orders
SELECT CASE WHEN FALSE THEN sample_0.o_orderpriority ELSE sample_0.o_orderpriority END AS c0 FROM public.orders AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 145;

-- sqlsmith seed 4 query 2252; tables nullable, part; uses max
SELECT (SELECT MAX(k) FROM public.nullable) AS c0 FROM public.part AS ref_0 WHERE ref_0.p_size IS NULL;

-- sqlsmith seed 4 query 2284; tables part
SELECT sample_0.p_partkey AS c0, sample_0.p_name AS c1, sample_0.p_brand AS c2, sample_0.p_brand AS c3 FROM public.part AS sample_0 WHERE FALSE ORDER BY 1, 2, 3, 4 LIMIT 145;

-- sqlsmith seed 4 query 2333; tables region
SELECT ref_0.r_comment AS c0 FROM public.region AS ref_0 WHERE FALSE;

-- sqlsmith seed 4 query 2542; tables kinds, small; uses left
SELECT sample_0.k AS c0, sample_0.name AS c1, sample_0.k AS c2, sample_0.k AS c3, sample_0.k AS c4, (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) AS c5, sample_0.k AS c6, sample_0.k AS c7, sample_0.name AS c8 FROM public.small AS sample_0 WHERE (sample_0.k IS NOT NULL) OR (LEFT(CAST(sample_0.name AS TEXT), CAST(sample_0.k AS INT)) < sample_0.name) ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9 LIMIT 114;

-- sqlsmith seed 4 query 2558; tables kinds, orders, small
SELECT subq_1.c0 AS c0 FROM (SELECT subq_0.c0 AS c0 FROM (SELECT ref_0.k AS c0 FROM public.small AS ref_0 WHERE CAST(NULL AS DATE) = (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) ORDER BY 1 LIMIT 92) AS subq_0 WHERE EXISTS(SELECT 97 AS c0, subq_0.c0 AS c1, sample_0.o_shippriority AS c2, subq_0.c0 AS c3 FROM public.orders AS sample_0 WHERE CAST(NULL AS SMALLINT) = sample_0.o_orderkey) ORDER BY 1 LIMIT 174) AS subq_1 WHERE subq_1.c0 IS NULL ORDER BY 1 LIMIT 83;

-- sqlsmith seed 4 query 2660; tables kinds, lineitem, orders, partsupp; uses date, min
SELECT subq_1.c0 AS c0, subq_1.c0 AS c1 FROM (SELECT subq_0.c2 AS c0 FROM (SELECT 98 AS c0, ref_0.ps_availqty AS c1, ref_0.ps_partkey AS c2, ref_0.ps_partkey AS c3 FROM public.partsupp AS ref_0 WHERE ref_0.ps_comment IS NULL ORDER BY 1, 2, 3, 4 LIMIT 150) AS subq_0 WHERE CAST(COALESCE(DATE(CAST((SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) AS TIMESTAMPTZ)), (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 3)) AS DATE) <> CAST(NULLIF((SELECT MIN(l_shipdate) FROM public.lineitem), (SELECT MIN(dt) FROM public.kinds)) AS DATE) ORDER BY 1 LIMIT 113) AS subq_1 WHERE subq_1.c0 IS NOT NULL ORDER BY 1, 2 LIMIT 144;

-- sqlsmith seed 4 query 2758; tables lineitem, region
SELECT sample_0.l_extendedprice AS c0, ref_0.r_name AS c1, 58 AS c2, sample_0.l_shipmode AS c3 FROM public.lineitem AS sample_0 INNER JOIN public.region AS ref_0 ON (ref_0.r_comment IS NULL) WHERE FALSE ORDER BY 1, 2, 3, 4 LIMIT 138;

-- sqlsmith seed 4 query 2777; tables small
SELECT sample_0.name AS c0 FROM public.small AS sample_0 WHERE sample_0.name IS NULL ORDER BY 1 LIMIT 52;

-- sqlsmith seed 4 query 2894; tables orders, region
SELECT subq_0.c6 AS c0, subq_0.c6 AS c1, 17 AS c2, CASE WHEN FALSE THEN subq_0.c4 ELSE subq_0.c4 END AS c3, subq_0.c1 AS c4, subq_0.c5 AS c5 FROM (SELECT ref_0.r_regionkey AS c0, (SELECT r_name FROM public.region ORDER BY 1 LIMIT 1 OFFSET 17) AS c1, ref_0.r_regionkey AS c2, ref_0.r_regionkey AS c3, sample_0.o_totalprice AS c4, ref_0.r_regionkey AS c5, ref_0.r_comment AS c6 FROM public.orders AS sample_0 INNER JOIN public.region AS ref_0 ON (FALSE) WHERE ref_0.r_name IS NOT NULL) AS subq_0 WHERE subq_0.c1 IS NULL ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 115;

-- sqlsmith seed 4 query 2965; tables partsupp
SELECT ref_0.ps_suppkey AS c0 FROM public.partsupp AS ref_0 WHERE ref_0.ps_availqty IS NOT NULL ORDER BY 1 LIMIT 139;

-- sqlsmith seed 4 query 2969; tables nullable
SELECT ref_0.v AS c0, ref_0.v AS c1 FROM public.nullable AS ref_0 WHERE FALSE ORDER BY 1, 2 LIMIT 99;

-- sqlsmith seed 5 query 141; tables part
SELECT ref_0.p_mfgr AS c0, ref_0.p_comment AS c1, ref_0.p_name AS c2, ref_0.p_comment AS c3 FROM public.part AS ref_0 WHERE ref_0.p_partkey <= ref_0.p_size ORDER BY 1, 2, 3, 4 LIMIT 41;

-- sqlsmith seed 5 query 161; tables kinds, orders
SELECT (SELECT o_clerk FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 6) AS c0, 38 AS c1, ref_0.dbl AS c2, CASE WHEN FALSE THEN CAST(NULLIF(CASE WHEN ref_0.ts = ref_0.dt THEN ref_0.dt ELSE ref_0.dt END, ref_0.dt) AS DATE) ELSE CAST(NULLIF(CASE WHEN ref_0.ts = ref_0.dt THEN ref_0.dt ELSE ref_0.dt END, ref_0.dt) AS DATE) END AS c3, ref_0.flag AS c4, ref_0.ts AS c5, ref_0.dbl AS c6, ref_0.ts AS c7 FROM public.kinds AS ref_0 WHERE ref_0.id > ref_0.big;

-- sqlsmith seed 5 query 578; tables part
SELECT sample_0.p_name AS c0, sample_0.p_type AS c1, sample_0.p_size AS c2 FROM public.part AS sample_0 WHERE FALSE;

-- sqlsmith seed 5 query 648; tables orders
SELECT sample_0.o_totalprice AS c0, sample_0.o_comment AS c1 FROM public.orders AS sample_0 WHERE sample_0.o_orderpriority IS NULL;

-- sqlsmith seed 5 query 719; tables orders
SELECT ref_0.o_totalprice AS c0, ref_0.o_custkey AS c1 FROM public.orders AS ref_0 WHERE ref_0.o_orderdate IS NULL ORDER BY 1, 2 LIMIT 71;

-- sqlsmith seed 5 query 735; tables region
SELECT sample_0.r_comment AS c0, sample_0.r_comment AS c1, sample_0.r_comment AS c2, sample_0.r_regionkey AS c3 FROM public.region AS sample_0 WHERE sample_0.r_regionkey IS NOT NULL;

-- sqlsmith seed 5 query 779; tables kinds
SELECT sample_0.num AS c0 FROM public.kinds AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 183;

-- sqlsmith seed 5 query 838; tables kinds, lineitem, nullable, small, supplier; uses min
SELECT subq_0.c6 AS c0, subq_0.c0 AS c1 FROM (SELECT (SELECT s_comment FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 6) AS c0, sample_0.k AS c1, sample_1.v AS c2, sample_0.k AS c3, sample_1.k AS c4, sample_0.k AS c5, sample_1.s AS c6, sample_1.s AS c7, 90 AS c8, sample_0.name AS c9, sample_0.name AS c10, sample_0.name AS c11, sample_0.name AS c12, sample_0.name AS c13, sample_0.k AS c14, sample_1.s AS c15, (SELECT l_discount FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 6) AS c16, sample_1.s AS c17, sample_0.k AS c18, sample_0.name AS c19 FROM public.small AS sample_0 LEFT JOIN public.nullable AS sample_1 ON (sample_1.k IS NOT NULL) WHERE (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) <> CAST(NULLIF((SELECT MIN(rl) FROM public.kinds), CAST(NULL AS REAL)) AS REAL) ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 LIMIT 153) AS subq_0 WHERE subq_0.c10 IS NULL ORDER BY 1, 2 LIMIT 195;

-- sqlsmith seed 5 query 841; tables kinds, nation; uses min
SELECT ref_0.n_nationkey AS c0 FROM public.nation AS ref_0 WHERE CAST(NULL AS REAL) <> CASE WHEN ref_0.n_regionkey IS NULL THEN (SELECT MIN(rl) FROM public.kinds) ELSE (SELECT MIN(rl) FROM public.kinds) END ORDER BY 1 LIMIT 142;

-- sqlsmith seed 5 query 923; tables small
SELECT sample_0.name AS c0 FROM public.small AS sample_0 WHERE sample_0.k IS NULL;

-- sqlsmith seed 5 query 1106; tables small, supplier; uses max
SELECT sample_0.s_phone AS c0, sample_0.s_name AS c1 FROM public.supplier AS sample_0 WHERE (SELECT MAX(name) FROM public.small) = sample_0.s_name ORDER BY 1, 2 LIMIT 150;

-- sqlsmith seed 5 query 1115; tables partsupp
SELECT ref_0.ps_comment AS c0, ref_0.ps_comment AS c1, ref_0.ps_supplycost AS c2 FROM public.partsupp AS ref_0 WHERE ref_0.ps_partkey IS NOT NULL ORDER BY 1, 2, 3 LIMIT 136;

-- sqlsmith seed 5 query 1343; tables orders
SELECT CASE WHEN sample_0.o_clerk IS NOT NULL THEN sample_0.o_clerk ELSE sample_0.o_clerk END AS c0, sample_0.o_orderstatus AS c1 FROM public.orders AS sample_0 WHERE sample_0.o_orderkey IS NOT NULL ORDER BY 1, 2 LIMIT 97;

-- sqlsmith seed 5 query 1345; tables partsupp
SELECT ref_0.ps_partkey AS c0, ref_0.ps_availqty AS c1, ref_0.ps_availqty AS c2, ref_0.ps_partkey AS c3, ref_0.ps_availqty AS c4, ref_0.ps_partkey AS c5 FROM public.partsupp AS ref_0 WHERE ref_0.ps_partkey IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 175;

-- sqlsmith seed 5 query 1382; tables nation
SELECT sample_0.n_comment AS c0, sample_0.n_regionkey AS c1, sample_0.n_nationkey AS c2, sample_0.n_comment AS c3 FROM public.nation AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 130;

-- sqlsmith seed 5 query 1539; tables nullable, part
SELECT subq_0.c2 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2, subq_0.c2 AS c3, subq_0.c0 AS c4, subq_0.c1 AS c5, subq_0.c2 AS c6 FROM (SELECT sample_0.s AS c0, sample_0.k AS c1, sample_0.s AS c2 FROM public.nullable AS sample_0 WHERE sample_0.v <= CAST(NULL AS SMALLINT) ORDER BY 1, 2, 3 LIMIT 177) AS subq_0 WHERE subq_0.c1 > (SELECT p_partkey FROM public.part ORDER BY 1 LIMIT 1 OFFSET 2) ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 45;

-- sqlsmith seed 5 query 1605; tables nation, region
SELECT sample_0.r_name AS c0 FROM public.region AS sample_0 RIGHT JOIN public.nation AS ref_0 ON (FALSE) WHERE sample_0.r_regionkey > sample_0.r_regionkey;

-- sqlsmith seed 5 query 1686; tables small
SELECT sample_0.k AS c0 FROM public.small AS sample_0 WHERE FALSE;

-- sqlsmith seed 5 query 1734; tables nation, partsupp
SELECT sample_0.ps_supplycost AS c0, (SELECT n_name FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 5) AS c1 FROM public.partsupp AS sample_0 WHERE sample_0.ps_suppkey IS NULL ORDER BY 1, 2 LIMIT 63;

-- sqlsmith seed 5 query 1847; tables small
SELECT ref_0.name AS c0 FROM public.small AS ref_0 WHERE CAST(NULL AS BIGINT) >= ref_0.k ORDER BY 1 LIMIT 129;

-- sqlsmith seed 5 query 1850; tables customer, kinds
SELECT ref_0.c_name AS c0, ref_0.c_nationkey AS c1 FROM public.customer AS ref_0 WHERE CAST(NULL AS REAL) <> CAST(COALESCE(CASE WHEN FALSE THEN CAST(NULL AS DOUBLE PRECISION) ELSE CAST(NULL AS DOUBLE PRECISION) END, (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2)) AS DOUBLE PRECISION) ORDER BY 1, 2 LIMIT 31;

-- sqlsmith seed 5 query 2057; tables partsupp, region
SELECT (SELECT r_name FROM public.region ORDER BY 1 LIMIT 1 OFFSET 1) AS c0, ref_0.ps_supplycost AS c1, ref_0.ps_availqty AS c2 FROM public.partsupp AS ref_0 WHERE ref_0.ps_partkey IS NULL;

-- sqlsmith seed 5 query 2092; tables kinds
SELECT ref_0.wide AS c0, ref_0.num AS c1, (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4) AS c2 FROM public.kinds AS ref_0 WHERE ref_0.tstz IS NULL ORDER BY 1, 2, 3 LIMIT 64;

-- sqlsmith seed 5 query 2205; tables small
SELECT ref_0.name AS c0, ref_0.name AS c1 FROM public.small AS ref_0 WHERE ref_0.k IS NOT NULL ORDER BY 1, 2 LIMIT 77;

-- sqlsmith seed 5 query 2207; tables partsupp
SELECT DISTINCT sample_0.ps_supplycost AS c0, sample_0.ps_comment AS c1, sample_0.ps_partkey AS c2, sample_0.ps_supplycost AS c3, sample_0.ps_availqty AS c4, sample_0.ps_supplycost AS c5 FROM public.partsupp AS sample_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 93;

-- sqlsmith seed 5 query 2239; tables nation
SELECT sample_0.n_name AS c0, sample_0.n_comment AS c1, sample_0.n_comment AS c2 FROM public.nation AS sample_0 WHERE sample_0.n_regionkey IS NOT NULL ORDER BY 1, 2, 3 LIMIT 50;

-- sqlsmith seed 5 query 2271; tables orders, region
SELECT sample_0.o_shippriority AS c0, (SELECT r_name FROM public.region ORDER BY 1 LIMIT 1 OFFSET 1) AS c1, sample_0.o_shippriority AS c2, sample_0.o_orderkey AS c3, sample_0.o_orderpriority AS c4 FROM public.orders AS sample_0 WHERE sample_0.o_orderpriority IS NOT NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 189;

-- sqlsmith seed 5 query 2368; tables kinds
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2 FROM (SELECT ref_0.rl AS c0 FROM public.kinds AS ref_0 WHERE ref_0.ts > ref_0.ts ORDER BY 1 LIMIT 29) AS subq_0 WHERE subq_0.c0 IS NULL ORDER BY 1, 2, 3 LIMIT 191;

-- sqlsmith seed 5 query 2493; tables nullable, region, small
SELECT sample_0.r_regionkey AS c0 FROM public.region AS sample_0 RIGHT JOIN public.nullable AS ref_0 ON (sample_0.r_comment = ref_0.s) WHERE sample_0.r_regionkey = (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 2);

-- sqlsmith seed 5 query 2517; tables customer
SELECT sample_0.c_mktsegment AS c0 FROM public.customer AS sample_0 WHERE (sample_0.c_mktsegment IS NOT NULL) OR (CAST(NULLIF(sample_0.c_address, sample_0.c_phone) AS TEXT) IS NOT NULL) ORDER BY 1 LIMIT 92;

-- sqlsmith seed 5 query 2519; tables kinds, lineitem, nullable, orders
SELECT (SELECT l_quantity FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 2) AS c0, subq_0.c1 AS c1, subq_0.c2 AS c2, subq_0.c2 AS c3, 54 AS c4 FROM (SELECT 25 AS c0, sample_0.o_clerk AS c1, sample_0.o_orderkey AS c2 FROM public.orders AS sample_0 WHERE EXISTS(SELECT sample_0.o_totalprice AS c0, sample_0.o_clerk AS c1, ref_0.v AS c2, sample_0.o_orderstatus AS c3, (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 3) AS c4 FROM public.nullable AS ref_0 WHERE sample_0.o_custkey >= CAST(NULL AS SMALLINT) ORDER BY 1, 2, 3, 4, 5 LIMIT 90) ORDER BY 1, 2, 3 LIMIT 104) AS subq_0 WHERE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) = CAST(NULL AS TIMESTAMP) ORDER BY 1, 2, 3, 4, 5 LIMIT 57;

-- sqlsmith seed 5 query 2612; tables kinds, nullable, region; uses max
SELECT sample_0.flag AS c0, subq_1.c0 AS c1 FROM public.kinds AS sample_0, LATERAL (SELECT subq_0.c1 AS c0 FROM (SELECT ref_0.r_regionkey AS c0, ref_0.r_name AS c1, sample_0.big AS c2, sample_0.num AS c3, ref_0.r_regionkey AS c4, sample_0.id AS c5, sample_0.wide AS c6 FROM public.region AS ref_0 WHERE CAST(NULL AS BPCHAR) <= CAST(NULL AS BPCHAR) ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 100) AS subq_0 WHERE subq_0.c0 > (SELECT MAX(k) FROM public.nullable) ORDER BY 1 LIMIT 172) AS subq_1 WHERE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) > CAST(NULL AS TIMESTAMP) ORDER BY 1, 2 LIMIT 91;

-- sqlsmith seed 5 query 2678; tables customer, part
SELECT 85 AS c0 FROM public.part AS sample_0 WHERE EXISTS(SELECT sample_0.p_name AS c0, sample_1.c_comment AS c1, sample_1.c_name AS c2, sample_1.c_custkey AS c3, sample_0.p_container AS c4, sample_1.c_comment AS c5 FROM public.customer AS sample_1 WHERE sample_1.c_phone IS NULL) ORDER BY 1 LIMIT 97;

-- sqlsmith seed 5 query 2737; tables lineitem
SELECT sample_0.l_comment AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_linenumber <= sample_0.l_linenumber ORDER BY 1 LIMIT 140;

-- sqlsmith seed 5 query 2767; tables kinds, part; uses max
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1 FROM (SELECT sample_0.p_partkey AS c0, sample_0.p_comment AS c1, 59 AS c2 FROM public.part AS sample_0 WHERE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4) <= (SELECT MAX(ts) FROM public.kinds)) AS subq_0 WHERE subq_0.c0 IS NOT NULL ORDER BY 1, 2 LIMIT 107;

-- sqlsmith seed 5 query 2784; tables nullable, supplier
SELECT ref_0.s_comment AS c0, ref_0.s_suppkey AS c1, (SELECT v FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 6) AS c2, ref_0.s_suppkey AS c3 FROM public.supplier AS ref_0 WHERE 55 IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 75;

-- sqlsmith seed 5 query 2835; tables lineitem
SELECT DISTINCT sample_0.l_linestatus AS c0 FROM public.lineitem AS sample_0 WHERE TRUE;

-- sqlsmith seed 5 query 2856; tables supplier
SELECT ref_0.s_acctbal AS c0, ref_0.s_phone AS c1 FROM public.supplier AS ref_0 WHERE ref_0.s_address IS NOT NULL ORDER BY 1, 2 LIMIT 153;

-- sqlsmith seed 5 query 2865; tables lineitem
SELECT subq_0.c2 AS c0 FROM (SELECT ref_0.l_commitdate AS c0, ref_0.l_suppkey AS c1, ref_0.l_partkey AS c2 FROM public.lineitem AS ref_0 WHERE FALSE) AS subq_0 WHERE subq_0.c0 IS NULL ORDER BY 1 LIMIT 152;

-- sqlsmith seed 5 query 2871; tables region, supplier
SELECT (SELECT r_regionkey FROM public.region ORDER BY 1 LIMIT 1 OFFSET 5) AS c0, 77 AS c1 FROM public.supplier AS sample_0 WHERE sample_0.s_acctbal IS NULL ORDER BY 1, 2 LIMIT 108;

-- sqlsmith seed 5 query 2925; tables kinds, supplier
SELECT ref_0.s_phone AS c0, ref_0.s_phone AS c1, ref_0.s_name AS c2, (SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4) AS c3, ref_0.s_acctbal AS c4 FROM public.supplier AS ref_0 WHERE ref_0.s_nationkey IS NULL;

-- sqlsmith seed 5 query 2966; tables nullable
SELECT sample_0.k AS c0, 75 AS c1 FROM public.nullable AS sample_0 WHERE (FALSE) AND (sample_0.k IS NOT NULL) ORDER BY 1, 2 LIMIT 115;

-- sqlsmith seed 5 query 2979; tables kinds
SELECT ref_0.id AS c0 FROM public.kinds AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 40;

-- sqlsmith seed 6 query 27; tables kinds, orders
SELECT sample_0.o_orderstatus AS c0, 37 AS c1 FROM public.orders AS sample_0 WHERE (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4) <> CASE WHEN sample_0.o_totalprice < sample_0.o_totalprice THEN (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) ELSE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) END ORDER BY 1, 2 LIMIT 31;

-- sqlsmith seed 6 query 180; tables region
SELECT sample_0.r_name AS c0 FROM public.region AS sample_0 WHERE sample_0.r_name NOT LIKE sample_0.r_comment;

-- sqlsmith seed 6 query 213; tables customer, partsupp, supplier
SELECT sample_0.s_nationkey AS c0, sample_0.s_suppkey AS c1, sample_0.s_name AS c2, sample_0.s_phone AS c3, CAST(COALESCE(sample_0.s_acctbal, (SELECT ps_supplycost FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 2)) AS DECIMAL) AS c4, sample_0.s_comment AS c5, sample_0.s_acctbal AS c6 FROM public.supplier AS sample_0 WHERE (SELECT c_custkey FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 2) IS NULL;

-- sqlsmith seed 6 query 295; tables kinds, lineitem
SELECT ref_0.l_orderkey AS c0, CAST(NULLIF(ref_0.l_tax, ref_0.l_tax) AS DECIMAL) AS c1, ref_0.l_returnflag AS c2, (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) AS c3, ref_0.l_shipinstruct AS c4, ref_0.l_comment AS c5 FROM public.lineitem AS ref_0 WHERE ref_0.l_discount IS NULL;

-- sqlsmith seed 6 query 334; tables customer, kinds, part, region, small
SELECT ref_2.c_name AS c0, sample_1.k AS c1, ref_1.p_size AS c2 FROM public.kinds AS ref_0 INNER JOIN public.part AS ref_1 ON (ref_1.p_size < ref_0.big) INNER JOIN public.region AS sample_0 ON (ref_0.ts < ref_0.ts) LEFT JOIN public.customer AS ref_2 ON (ref_0.dbl IS NOT NULL) INNER JOIN public.small AS sample_1 ON (sample_0.r_comment = sample_1.name) WHERE FALSE;

-- sqlsmith seed 6 query 498; tables kinds, partsupp
SELECT ref_0.ps_partkey AS c0 FROM public.partsupp AS ref_0 WHERE (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 74) = CAST(COALESCE(CAST(NULL AS REAL), CASE WHEN ref_0.ps_availqty IS NULL THEN CASE WHEN ref_0.ps_comment <= ref_0.ps_comment THEN (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) ELSE (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) END ELSE CASE WHEN ref_0.ps_comment <= ref_0.ps_comment THEN (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) ELSE (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) END END) AS REAL) ORDER BY 1 LIMIT 85;

-- sqlsmith seed 6 query 501; tables customer, kinds, partsupp
SELECT subq_0.c0 AS c0 FROM (SELECT (SELECT c_name FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 3) AS c0, sample_0.tstz AS c1, sample_0.ts AS c2 FROM public.kinds AS sample_0 WHERE ((CAST(NULL AS "char") >= CAST(NULL AS "char")) AND (CAST(NULL AS "char") < CAST(NULL AS "char"))) AND (sample_0.txt LIKE (SELECT ps_comment FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 1))) AS subq_0 WHERE subq_0.c1 <> subq_0.c2;

-- sqlsmith seed 6 query 566; tables partsupp
SELECT ref_0.ps_partkey AS c0, ref_0.ps_partkey AS c1, ref_0.ps_comment AS c2, ref_0.ps_comment AS c3, ref_0.ps_availqty AS c4, ref_0.ps_supplycost AS c5 FROM public.partsupp AS ref_0 WHERE ref_0.ps_supplycost <> ref_0.ps_supplycost ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 136;

-- sqlsmith seed 6 query 613; tables region
SELECT sample_0.r_comment AS c0 FROM public.region AS sample_0 WHERE CAST(NULL AS SMALLINT) <= sample_0.r_regionkey ORDER BY 1 LIMIT 163;

-- sqlsmith seed 6 query 653; tables nullable, small, supplier
SELECT (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 3) AS c0, (SELECT name FROM public.small ORDER BY 1 LIMIT 1 OFFSET 41) AS c1, sample_0.s_acctbal AS c2, sample_0.s_suppkey AS c3, sample_0.s_address AS c4 FROM public.supplier AS sample_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5 LIMIT 74;

-- sqlsmith seed 6 query 685; tables orders, partsupp
SELECT ref_0.ps_suppkey AS c0, (SELECT o_clerk FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 3) AS c1, ref_0.ps_partkey AS c2 FROM public.partsupp AS ref_0 WHERE ref_0.ps_suppkey <= CAST(NULL AS SMALLINT) ORDER BY 1, 2, 3 LIMIT 130;

-- sqlsmith seed 6 query 786; tables kinds; uses max
SELECT ref_0.tstz AS c0, CASE WHEN ref_0.dt > MAX(CAST(ref_0.dt AS DATE)) OVER (PARTITION BY ref_0.dt ORDER BY ref_0.wide, ref_0.tstz) THEN ref_0.flag ELSE ref_0.flag END AS c1, ref_0.big AS c2, CASE WHEN FALSE THEN ref_0.big ELSE ref_0.big END AS c3 FROM public.kinds AS ref_0 WHERE EXISTS(SELECT CAST(COALESCE(ref_1.id, ref_0.id) AS INT) AS c0, ref_0.id AS c1, ref_0.tstz AS c2, ref_1.id AS c3, ref_1.id AS c4 FROM public.kinds AS ref_1 WHERE ref_1.dbl < ref_1.dbl) ORDER BY 1, 2, 3, 4 LIMIT 179;

-- sqlsmith seed 6 query 794; tables small
SELECT sample_0.k AS c0, sample_0.k AS c1, CAST(NULLIF(sample_0.k, sample_0.k) AS INT) AS c2 FROM public.small AS sample_0 WHERE sample_0.k IS NULL ORDER BY 1, 2, 3 LIMIT 99;

-- sqlsmith seed 6 query 808; tables customer, nullable, orders, small, supplier
SELECT sample_0.o_shippriority AS c0, ref_1.c_address AS c1 FROM public.orders AS sample_0 INNER JOIN public.small AS ref_0 INNER JOIN public.customer AS ref_1 ON (ref_0.name = ref_1.c_name) ON (sample_0.o_custkey = ref_1.c_custkey) INNER JOIN (SELECT ref_2.s_address AS c0, ref_2.s_name AS c1 FROM public.supplier AS ref_2 WHERE ref_2.s_acctbal IS NULL ORDER BY 1, 2 LIMIT 58) AS subq_0 ON (sample_0.o_orderpriority IS NOT NULL) INNER JOIN public.small AS ref_3 ON (TRUE) INNER JOIN public.nullable AS ref_4 ON (ref_4.v IS NOT NULL) WHERE (subq_0.c0 IS NULL) AND (sample_0.o_comment IS NOT NULL) ORDER BY 1, 2 LIMIT 86;

-- sqlsmith seed 6 query 867; tables nullable; uses count
SELECT COUNT(*) OVER (PARTITION BY sample_0.k ORDER BY sample_0.s, sample_0.s) AS c0, sample_0.v AS c1 FROM public.nullable AS sample_0 WHERE sample_0.v IS NULL ORDER BY 1, 2 LIMIT 47;

-- sqlsmith seed 6 query 893; tables region
SELECT 18 AS c0, sample_0.r_name AS c1 FROM public.region AS sample_0 WHERE CAST(NULLIF(sample_0.r_name, sample_0.r_name) AS TEXT) IS NOT NULL ORDER BY 1, 2 LIMIT 171;

-- sqlsmith seed 6 query 934; tables region
SELECT sample_0.r_name AS c0 FROM public.region AS sample_0 WHERE sample_0.r_name IS NULL;

-- sqlsmith seed 6 query 958; tables nullable
SELECT ref_0.s AS c0, ref_0.k AS c1, ref_0.s AS c2, CASE WHEN ref_0.k IS NOT NULL THEN ref_0.v ELSE ref_0.v END AS c3, ref_0.k AS c4 FROM public.nullable AS ref_0 WHERE ref_0.v IS NULL;

-- sqlsmith seed 6 query 966; tables lineitem, nullable
SELECT (SELECT l_linenumber FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 2) AS c0, ref_0.k AS c1 FROM public.nullable AS ref_0 WHERE FALSE;

-- sqlsmith seed 6 query 1075; tables customer
SELECT sample_0.c_nationkey AS c0 FROM public.customer AS sample_0 WHERE (SELECT c_name FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1) IS NULL;

-- sqlsmith seed 6 query 1114; tables kinds
SELECT ref_0.ts AS c0 FROM public.kinds AS ref_0 WHERE FALSE;

-- sqlsmith seed 6 query 1144; tables kinds, region, supplier
SELECT subq_1.c1 AS c0 FROM (SELECT ref_0.r_regionkey AS c0 FROM public.region AS ref_0 WHERE ref_0.r_regionkey IS NULL ORDER BY 1 LIMIT 128) AS subq_0 INNER JOIN (SELECT ref_1.num AS c0, sample_0.s_nationkey AS c1, ref_1.id AS c2 FROM public.kinds AS ref_1 INNER JOIN public.supplier AS sample_0 ON (ref_1.wide = sample_0.s_acctbal) WHERE 94 IS NULL ORDER BY 1, 2, 3 LIMIT 132) AS subq_1 ON (FALSE) WHERE subq_1.c1 IS NOT NULL ORDER BY 1 LIMIT 66;

-- sqlsmith seed 6 query 1244; tables part
SELECT ref_0.p_size AS c0, ref_0.p_partkey AS c1, ref_0.p_retailprice AS c2, ref_0.p_partkey AS c3 FROM public.part AS ref_0 WHERE CAST(COALESCE(ref_0.p_mfgr, ref_0.p_container) AS TEXT) IS NULL ORDER BY 1, 2, 3, 4 LIMIT 109;

-- sqlsmith seed 6 query 1288; tables orders, partsupp
SELECT ref_0.o_totalprice AS c0, CASE WHEN ref_0.o_totalprice IS NOT NULL THEN (SELECT ps_supplycost FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 4) ELSE (SELECT ps_supplycost FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 4) END AS c1, (SELECT o_totalprice FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 1) AS c2 FROM public.orders AS ref_0 WHERE ref_0.o_clerk IS NULL ORDER BY 1, 2, 3 LIMIT 79;

-- sqlsmith seed 6 query 1321; tables nation
SELECT sample_0.n_name AS c0 FROM public.nation AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 133;

-- sqlsmith seed 6 query 1413; tables lineitem
SELECT sample_0.l_tax AS c0, sample_0.l_partkey AS c1, sample_0.l_linenumber AS c2 FROM public.lineitem AS sample_0 WHERE CAST(COALESCE(sample_0.l_extendedprice, CASE WHEN sample_0.l_partkey <> CAST(COALESCE(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT) THEN sample_0.l_tax ELSE sample_0.l_tax END) AS DECIMAL) IS NULL ORDER BY 1, 2, 3 LIMIT 84;

-- sqlsmith seed 6 query 1565; tables orders
SELECT 61 AS c0, CASE WHEN EXISTS(SELECT ref_0.o_shippriority AS c0 FROM public.orders AS sample_0 WHERE ref_0.o_clerk IS NOT NULL) THEN CAST(NULLIF(ref_0.o_custkey, ref_0.o_custkey) AS BIGINT) ELSE CAST(NULLIF(ref_0.o_custkey, ref_0.o_custkey) AS BIGINT) END AS c1 FROM public.orders AS ref_0 WHERE ref_0.o_custkey < CAST(NULLIF(ref_0.o_custkey, ref_0.o_custkey) AS BIGINT);

-- sqlsmith seed 6 query 1606; tables nation, region
SELECT CAST(NULLIF(ref_0.n_regionkey, ref_0.n_nationkey) AS BIGINT) AS c0, ref_0.n_comment AS c1 FROM public.region AS sample_0 INNER JOIN public.nation AS ref_0 ON (TRUE) WHERE sample_0.r_name IS NULL;

-- sqlsmith seed 6 query 1668; tables customer, kinds, orders; uses max
SELECT subq_0.c2 AS c0, subq_0.c0 AS c1, subq_0.c2 AS c2, subq_0.c1 AS c3, (SELECT MAX(o_totalprice) FROM public.orders) AS c4 FROM (SELECT ref_0.id AS c0, ref_1.c_acctbal AS c1, ref_1.c_custkey AS c2 FROM public.kinds AS ref_0 LEFT JOIN public.customer AS ref_1 ON (ref_0.txt IS NOT NULL) WHERE TRUE) AS subq_0 WHERE subq_0.c2 = subq_0.c0;

-- sqlsmith seed 6 query 1673; tables nation, small
SELECT sample_0.n_comment AS c0 FROM public.nation AS sample_0 WHERE (SELECT name FROM public.small ORDER BY 1 LIMIT 1 OFFSET 11) IS NOT NULL ORDER BY 1 LIMIT 149;

-- sqlsmith seed 6 query 1711; tables part, partsupp
SELECT sample_0.ps_suppkey AS c0, sample_0.ps_comment AS c1, sample_0.ps_comment AS c2, 90 AS c3, (SELECT p_comment FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6) AS c4, 54 AS c5 FROM public.partsupp AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 96;

-- sqlsmith seed 6 query 1721; tables supplier
SELECT ref_0.s_suppkey AS c0 FROM public.supplier AS ref_0 WHERE ref_0.s_name < ref_0.s_address ORDER BY 1 LIMIT 72;

-- sqlsmith seed 6 query 1765; tables nation, region, supplier
SELECT 24 AS c0, sample_0.n_name AS c1, sample_0.n_nationkey AS c2, sample_0.n_nationkey AS c3 FROM public.nation AS sample_0 WHERE EXISTS(SELECT sample_0.n_comment AS c0 FROM public.region AS sample_1 INNER JOIN public.supplier AS ref_0 ON ((sample_0.n_name < sample_0.n_comment) OR (FALSE)) WHERE ref_0.s_name IS NULL ORDER BY 1 LIMIT 118) ORDER BY 1, 2, 3, 4 LIMIT 162;

-- sqlsmith seed 6 query 1815; tables region
SELECT ref_0.r_regionkey AS c0, ref_0.r_name AS c1 FROM public.region AS ref_0 WHERE ref_0.r_name < ref_0.r_name;

-- sqlsmith seed 6 query 1826; tables kinds
SELECT ref_0.wide AS c0 FROM public.kinds AS ref_0 WHERE ref_0.dbl IS NULL;

-- sqlsmith seed 6 query 1836; tables customer, kinds
SELECT (SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) AS c0, sample_0.c_name AS c1, sample_0.c_address AS c2 FROM public.customer AS sample_0 WHERE (sample_0.c_custkey IS NOT NULL) AND (sample_0.c_custkey IS NOT NULL) ORDER BY 1, 2, 3 LIMIT 51;

-- sqlsmith seed 6 query 1897; tables part
SELECT ref_0.p_comment AS c0, ref_0.p_retailprice AS c1, ref_0.p_name AS c2 FROM public.part AS ref_0 WHERE ref_0.p_brand = ref_0.p_type ORDER BY 1, 2, 3 LIMIT 125;

-- sqlsmith seed 6 query 1978; tables partsupp
SELECT 46 AS c0, subq_0.c1 AS c1, 94 AS c2 FROM (SELECT sample_0.ps_supplycost AS c0, sample_0.ps_suppkey AS c1 FROM public.partsupp AS sample_0 WHERE sample_0.ps_partkey IS NULL) AS subq_0 WHERE subq_0.c1 IS NULL ORDER BY 1, 2, 3 LIMIT 48;

-- sqlsmith seed 6 query 2012; tables nation
SELECT 65 AS c0 FROM public.nation AS ref_0 WHERE 55 IS NULL ORDER BY 1 LIMIT 146;

-- sqlsmith seed 6 query 2155; tables part
SELECT sample_0.p_mfgr AS c0, CAST(COALESCE(sample_0.p_type, sample_0.p_mfgr) AS TEXT) AS c1, sample_0.p_container AS c2, sample_0.p_comment AS c3, sample_0.p_container AS c4, sample_0.p_name AS c5, sample_0.p_comment AS c6, sample_0.p_brand AS c7, sample_0.p_type AS c8 FROM public.part AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9 LIMIT 116;

-- sqlsmith seed 6 query 2213; tables small
SELECT sample_0.name AS c0 FROM public.small AS sample_0 WHERE sample_0.name IS NULL ORDER BY 1 LIMIT 92;

-- sqlsmith seed 6 query 2296; tables region
SELECT ref_0.r_name AS c0, ref_0.r_regionkey AS c1 FROM public.region AS ref_0 WHERE FALSE;

-- sqlsmith seed 6 query 2312; tables region
SELECT ref_0.r_name AS c0, ref_0.r_regionkey AS c1, ref_0.r_name AS c2, ref_0.r_comment AS c3, ref_0.r_comment AS c4, ref_0.r_regionkey AS c5, ref_0.r_regionkey AS c6, ref_0.r_comment AS c7 FROM public.region AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 LIMIT 64;

-- sqlsmith seed 6 query 2314; tables supplier
SELECT ref_0.s_phone AS c0 FROM public.supplier AS ref_0 WHERE CASE WHEN ref_0.s_comment NOT ILIKE ref_0.s_comment THEN ref_0.s_name ELSE ref_0.s_name END IS NOT NULL ORDER BY 1 LIMIT 28;

-- sqlsmith seed 6 query 2381; tables kinds
SELECT sample_0.wide AS c0, sample_0.id AS c1, sample_0.wide AS c2, sample_0.wide AS c3 FROM public.kinds AS sample_0 WHERE FALSE ORDER BY 1, 2, 3, 4 LIMIT 92;

-- sqlsmith seed 6 query 2415; tables part
SELECT CASE WHEN TRUE THEN sample_0.p_mfgr ELSE sample_0.p_mfgr END AS c0, sample_0.p_container AS c1 FROM public.part AS sample_0 WHERE TRUE ORDER BY 1, 2 LIMIT 110;

-- sqlsmith seed 6 query 2447; tables lineitem, small
SELECT sample_0.k AS c0 FROM public.lineitem AS ref_0 INNER JOIN public.small AS sample_0 ON (FALSE) WHERE ref_0.l_linestatus IS NULL;

-- sqlsmith seed 6 query 2693; tables kinds, nullable, part, partsupp, region; uses max
SELECT CAST(COALESCE(subq_1.c5, (SELECT p_name FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6)) AS TEXT) AS c0, subq_0.c2 AS c1, 91 AS c2, subq_1.c4 AS c3 FROM (SELECT sample_0.ps_suppkey AS c0, sample_0.ps_availqty AS c1, sample_0.ps_partkey AS c2 FROM public.nullable AS ref_0 INNER JOIN public.partsupp AS sample_0 ON (CAST(NULL AS BPCHAR) <= CAST(NULL AS BPCHAR)) WHERE (SELECT MAX(ts) FROM public.kinds) <> (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) ORDER BY 1, 2, 3 LIMIT 99) AS subq_0, LATERAL (SELECT 16 AS c0, ref_1.rl AS c1, (SELECT r_name FROM public.region ORDER BY 1 LIMIT 1 OFFSET 5) AS c2, ref_1.dbl AS c3, subq_0.c1 AS c4, ref_1.txt AS c5 FROM public.kinds AS ref_1 WHERE FALSE) AS subq_1 WHERE FALSE;

-- sqlsmith seed 6 query 2707; tables small
SELECT sample_0.name AS c0, sample_0.k AS c1 FROM public.small AS sample_0 WHERE FALSE ORDER BY 1, 2 LIMIT 40;

-- sqlsmith seed 6 query 2735; tables kinds, nullable, region; uses min
SELECT (SELECT s FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 5) AS c0, 98 AS c1, (SELECT r_name FROM public.region ORDER BY 1 LIMIT 1 OFFSET 19) AS c2 FROM (SELECT CAST(COALESCE(subq_0.c1, subq_0.c2) AS TEXT) AS c0 FROM (SELECT ref_0.r_regionkey AS c0, ref_0.r_name AS c1, ref_0.r_name AS c2, ref_0.r_regionkey AS c3 FROM public.region AS ref_0 WHERE CAST(NULL AS SMALLINT) <> (SELECT big FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 48)) AS subq_0 WHERE CAST(NULL AS REAL) <= CASE WHEN subq_0.c1 IS NOT NULL THEN (SELECT MIN(rl) FROM public.kinds) ELSE (SELECT MIN(rl) FROM public.kinds) END ORDER BY 1 LIMIT 18) AS subq_1 WHERE subq_1.c0 IS NULL ORDER BY 1, 2, 3 LIMIT 159;

-- sqlsmith seed 6 query 2743; tables part
SELECT ref_0.p_partkey AS c0, CAST(COALESCE(ref_0.p_type, ref_0.p_mfgr) AS TEXT) AS c1 FROM public.part AS ref_0 WHERE CAST(NULL AS SMALLINT) >= ref_0.p_size ORDER BY 1, 2 LIMIT 53;

-- sqlsmith seed 6 query 2811; tables partsupp
SELECT sample_0.ps_availqty AS c0, sample_0.ps_partkey AS c1 FROM public.partsupp AS sample_0 WHERE FALSE ORDER BY 1, 2 LIMIT 140;

-- sqlsmith seed 6 query 2838; tables kinds, part; uses max
SELECT DISTINCT 39 AS c0 FROM public.part AS ref_0 WHERE (ref_0.p_brand IS NOT NULL) OR ((CASE WHEN (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) <= (SELECT MAX(ts) FROM public.kinds) THEN (SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) ELSE (SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) END >= CAST(NULL AS DATE)) AND (ref_0.p_retailprice >= ref_0.p_retailprice));

-- sqlsmith seed 6 query 2911; tables nullable
SELECT sample_0.v AS c0, sample_0.s AS c1, sample_0.s AS c2 FROM public.nullable AS sample_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 106;

-- sqlsmith seed 6 query 2914; tables part
SELECT ref_0.p_name AS c0 FROM public.part AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 104;

-- sqlsmith seed 6 query 2974; tables partsupp
SELECT ref_0.ps_availqty AS c0, ref_0.ps_suppkey AS c1, ref_0.ps_comment AS c2, ref_0.ps_comment AS c3, ref_0.ps_supplycost AS c4 FROM public.partsupp AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5 LIMIT 133;

-- sqlsmith seed 6 query 2996; tables partsupp
SELECT sample_0.ps_suppkey AS c0, sample_0.ps_availqty AS c1, sample_0.ps_comment AS c2, sample_0.ps_availqty AS c3, sample_0.ps_comment AS c4 FROM public.partsupp AS sample_0 WHERE FALSE;

-- sqlsmith seed 7 query 137; tables part
SELECT sample_0.p_type AS c0, sample_0.p_comment AS c1 FROM public.part AS sample_0 WHERE TRUE ORDER BY 1, 2 LIMIT 113;

-- sqlsmith seed 7 query 141; tables orders
SELECT sample_0.o_shippriority AS c0, sample_0.o_comment AS c1, sample_0.o_totalprice AS c2, sample_0.o_orderstatus AS c3 FROM public.orders AS sample_0 WHERE sample_0.o_orderkey IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 116;

-- sqlsmith seed 7 query 184; tables nullable, supplier
SELECT ref_0.k AS c0 FROM public.nullable AS ref_0 WHERE (CAST(NULLIF(ref_0.v, ref_0.v) AS INT) <= CASE WHEN ref_0.k IS NOT NULL THEN (SELECT s_suppkey FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 22) ELSE (SELECT s_suppkey FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 22) END) OR (CAST(NULL AS SMALLINT) <> CAST(NULL AS BIGINT)) ORDER BY 1 LIMIT 90;

-- sqlsmith seed 7 query 189; tables nation
SELECT sample_0.n_comment AS c0, sample_0.n_comment AS c1, sample_0.n_name AS c2 FROM public.nation AS sample_0 WHERE sample_0.n_name IS NOT NULL ORDER BY 1, 2, 3 LIMIT 19;

-- sqlsmith seed 7 query 191; tables customer, nation, supplier; uses chr
SELECT ref_0.s_suppkey AS c0, ref_0.s_name AS c1, sample_0.n_comment AS c2, CAST(NULLIF((SELECT c_mktsegment FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1), sample_0.n_comment) AS TEXT) AS c3, ref_0.s_comment AS c4, sample_0.n_nationkey AS c5 FROM public.supplier AS ref_0 LEFT JOIN public.nation AS sample_0 ON (ref_0.s_nationkey IS NULL) WHERE CAST(NULL AS "char") < CASE WHEN TRUE THEN CHR(CAST(23 AS INT)) ELSE CHR(CAST(23 AS INT)) END ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 35;

-- sqlsmith seed 7 query 198; tables part, region
SELECT (SELECT p_container FROM public.part ORDER BY 1 LIMIT 1 OFFSET 5) AS c0, ref_0.r_name AS c1, ref_0.r_name AS c2, ref_0.r_regionkey AS c3 FROM public.region AS ref_0 WHERE CASE WHEN CASE WHEN FALSE THEN ref_0.r_comment ELSE ref_0.r_comment END IS NOT NULL THEN ref_0.r_comment ELSE ref_0.r_comment END IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 122;

-- sqlsmith seed 7 query 233; tables kinds
SELECT subq_0.c0 AS c0, CASE WHEN subq_0.c0 IS NOT NULL THEN subq_0.c0 ELSE subq_0.c0 END AS c1, subq_0.c0 AS c2, subq_0.c0 AS c3, 12 AS c4 FROM (SELECT ref_0.wide AS c0 FROM public.kinds AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 95) AS subq_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5 LIMIT 62;

-- sqlsmith seed 7 query 236; tables nullable, part, supplier
SELECT ref_0.s AS c0 FROM public.nullable AS ref_0, LATERAL (SELECT ref_1.p_container AS c0, (SELECT s_acctbal FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 1) AS c1, ref_0.k AS c2, ref_1.p_retailprice AS c3 FROM public.part AS ref_1 WHERE (ref_1.p_name IS NOT NULL) OR (CAST(NULL AS SMALLINT) > CAST(NULL AS SMALLINT)) ORDER BY 1, 2, 3, 4 LIMIT 117) AS subq_0 WHERE CAST(NULL AS SMALLINT) >= subq_0.c2 ORDER BY 1 LIMIT 138;

-- sqlsmith seed 7 query 272; tables kinds, nation, small; uses min
SELECT (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 4) AS c0, sample_0.name AS c1 FROM public.small AS sample_0 WHERE (sample_0.k IS NOT NULL) AND ((SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) > (SELECT MIN(tstz) FROM public.kinds));

-- sqlsmith seed 7 query 274; tables customer, orders, part, partsupp
SELECT subq_1.c0 AS c0, subq_1.c0 AS c1, subq_1.c0 AS c2, CAST(NULLIF(subq_1.c0, CAST(NULL AS BIGINT)) AS BIGINT) AS c3, CASE WHEN TRUE THEN subq_1.c0 ELSE subq_1.c0 END AS c4 FROM (SELECT subq_0.c5 AS c0 FROM (SELECT ref_0.o_orderstatus AS c0, ref_0.o_orderdate AS c1, (SELECT o_shippriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 2) AS c2, ref_0.o_orderstatus AS c3, (SELECT p_partkey FROM public.part ORDER BY 1 LIMIT 1 OFFSET 3) AS c4, ref_0.o_custkey AS c5, (SELECT ps_supplycost FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 1) AS c6, ref_0.o_totalprice AS c7, (SELECT c_custkey FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 2) AS c8, (SELECT c_phone FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1) AS c9, ref_0.o_shippriority AS c10, ref_0.o_comment AS c11 FROM public.orders AS ref_0 WHERE FALSE) AS subq_0 WHERE TRUE ORDER BY 1 LIMIT 132) AS subq_1 WHERE FALSE ORDER BY 1, 2, 3, 4, 5 LIMIT 85;

-- sqlsmith seed 7 query 332; tables nation, nullable, partsupp, supplier
SELECT ref_0.ps_supplycost AS c0 FROM public.partsupp AS ref_0 RIGHT JOIN (SELECT sample_0.s_phone AS c0, CASE WHEN TRUE THEN sample_0.s_phone ELSE sample_0.s_phone END AS c1, sample_0.s_acctbal AS c2, sample_0.s_phone AS c3, sample_0.s_phone AS c4, (SELECT n_name FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 3) AS c5, sample_0.s_address AS c6, sample_0.s_comment AS c7, (SELECT s FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 5) AS c8, sample_0.s_name AS c9 FROM public.supplier AS sample_0 WHERE TRUE) AS subq_0 ON (TRUE) WHERE TRUE ORDER BY 1 LIMIT 76;

-- sqlsmith seed 7 query 341; tables kinds, region, supplier
SELECT CAST(COALESCE((SELECT r_regionkey FROM public.region ORDER BY 1 LIMIT 1 OFFSET 1), (SELECT big FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 53)) AS BIGINT) AS c0, sample_0.s_suppkey AS c1, sample_0.s_address AS c2, sample_0.s_comment AS c3 FROM public.supplier AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 144;

-- sqlsmith seed 7 query 585; tables kinds
SELECT ref_0.ts AS c0 FROM public.kinds AS ref_0 WHERE ref_0.wide IS NULL ORDER BY 1 LIMIT 102;

-- sqlsmith seed 7 query 624; tables supplier
SELECT subq_0.c0 AS c0, CAST(NULLIF(subq_0.c0, subq_0.c0) AS TEXT) AS c1, subq_0.c1 AS c2 FROM (SELECT ref_0.s_name AS c0, ref_0.s_acctbal AS c1 FROM public.supplier AS ref_0 WHERE ref_0.s_nationkey IS NULL ORDER BY 1, 2 LIMIT 88) AS subq_0 WHERE subq_0.c1 IS NOT NULL ORDER BY 1, 2, 3 LIMIT 86;

-- sqlsmith seed 7 query 799; tables kinds, lineitem; uses max
SELECT ref_0.l_tax AS c0, ref_0.l_partkey AS c1, (SELECT MAX(tstz) FROM public.kinds) AS c2, ref_0.l_commitdate AS c3, ref_0.l_comment AS c4, ref_0.l_shipdate AS c5, ref_0.l_shipmode AS c6 FROM public.lineitem AS ref_0 WHERE (SELECT l_shipdate FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 5) <= CAST(NULL AS TIMESTAMPTZ) ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 114;

-- sqlsmith seed 7 query 858; tables nation
SELECT sample_0.n_comment AS c0, sample_0.n_nationkey AS c1, 13 AS c2 FROM public.nation AS sample_0 WHERE sample_0.n_nationkey IS NULL ORDER BY 1, 2, 3 LIMIT 84;

-- sqlsmith seed 7 query 922; tables supplier
SELECT ref_0.s_nationkey AS c0, 88 AS c1 FROM public.supplier AS ref_0 WHERE ((ref_0.s_suppkey IS NOT NULL) OR (ref_0.s_address IS NULL)) OR (ref_0.s_acctbal IS NULL);

-- sqlsmith seed 7 query 974; tables kinds
SELECT sample_0.dt AS c0, 73 AS c1, sample_0.ts AS c2, sample_0.flag AS c3 FROM public.kinds AS sample_0 WHERE sample_0.txt IS NULL;

-- sqlsmith seed 7 query 981; tables partsupp; uses min
SELECT sample_0.ps_availqty AS c0, CAST(COALESCE(sample_0.ps_comment, sample_0.ps_comment) AS TEXT) AS c1, sample_0.ps_suppkey AS c2, MIN(CAST(sample_0.ps_comment AS TEXT)) OVER (PARTITION BY sample_0.ps_comment ORDER BY sample_0.ps_comment, sample_0.ps_partkey, sample_0.ps_comment) AS c3, sample_0.ps_suppkey AS c4, sample_0.ps_availqty AS c5 FROM public.partsupp AS sample_0 WHERE FALSE;

-- sqlsmith seed 7 query 1068; tables kinds, nullable, orders, region, supplier
SELECT subq_0.c2 AS c0, CASE WHEN subq_0.c1 IS NOT NULL THEN subq_0.c2 ELSE subq_0.c2 END AS c1 FROM (SELECT ref_0.s_suppkey AS c0, ref_0.s_address AS c1, ref_0.s_comment AS c2 FROM public.supplier AS ref_0 WHERE (SELECT r_regionkey FROM public.region ORDER BY 1 LIMIT 1 OFFSET 2) = CAST(COALESCE((SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 1), CAST(NULLIF((SELECT o_shippriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 4), (SELECT id FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4)) AS INT)) AS INT)) AS subq_0 WHERE CASE WHEN FALSE THEN subq_0.c0 ELSE subq_0.c0 END IS NOT NULL ORDER BY 1, 2 LIMIT 82;

-- sqlsmith seed 7 query 1086; tables lineitem
SELECT ref_0.l_shipmode AS c0, ref_0.l_suppkey AS c1, ref_0.l_comment AS c2, ref_0.l_linenumber AS c3 FROM public.lineitem AS ref_0 WHERE ref_0.l_shipdate IS NULL ORDER BY 1, 2, 3, 4 LIMIT 109;

-- sqlsmith seed 7 query 1143; tables lineitem, part, partsupp, region; uses sum
SELECT subq_0.c1 AS c0 FROM (SELECT ref_0.l_quantity AS c0, sample_0.ps_suppkey AS c1, sample_0.ps_supplycost AS c2, sample_1.r_comment AS c3, ref_0.l_commitdate AS c4, sample_1.r_regionkey AS c5, ref_0.l_shipinstruct AS c6, sample_0.ps_comment AS c7, sample_0.ps_availqty AS c8 FROM public.partsupp AS sample_0 RIGHT JOIN public.region AS sample_1 ON (sample_0.ps_partkey = sample_1.r_regionkey) LEFT JOIN public.lineitem AS ref_0 ON (TRUE) WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9 LIMIT 45) AS subq_0 WHERE (SELECT SUM(p_size) FROM public.part) IS NULL;

-- sqlsmith seed 7 query 1224; tables part
SELECT sample_0.p_size AS c0 FROM public.part AS sample_0 WHERE (sample_0.p_size IS NOT NULL) OR (TRUE) ORDER BY 1 LIMIT 97;

-- sqlsmith seed 7 query 1299; tables kinds, region; uses max
SELECT (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) AS c0 FROM public.region AS sample_0 WHERE CAST(NULL AS DOUBLE PRECISION) < CAST(COALESCE((SELECT MAX(rl) FROM public.kinds), (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 44)) AS REAL);

-- sqlsmith seed 7 query 1462; tables part
SELECT ref_0.p_size AS c0, ref_0.p_name AS c1 FROM public.part AS ref_0 WHERE ref_0.p_partkey IS NULL ORDER BY 1, 2 LIMIT 53;

-- sqlsmith seed 7 query 1491; tables kinds
SELECT ref_0.num AS c0, ref_0.id AS c1 FROM public.kinds AS ref_0 WHERE ref_0.id = ref_0.big;

-- sqlsmith seed 7 query 1515; tables lineitem
SELECT ref_0.l_partkey AS c0, ref_0.l_orderkey AS c1, ref_0.l_shipmode AS c2 FROM public.lineitem AS ref_0 WHERE ref_0.l_partkey IS NOT NULL ORDER BY 1, 2, 3 LIMIT 103;

-- sqlsmith seed 7 query 1555; tables lineitem, part
SELECT (SELECT p_type FROM public.part ORDER BY 1 LIMIT 1 OFFSET 2) AS c0 FROM public.lineitem AS ref_0 WHERE ((SELECT l_suppkey FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 46) IS NULL) AND (ref_0.l_partkey IS NULL) ORDER BY 1 LIMIT 149;

-- sqlsmith seed 7 query 1633; tables lineitem
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1 FROM (SELECT ref_0.l_shipdate AS c0 FROM public.lineitem AS ref_0 WHERE ref_0.l_shipdate IS NULL ORDER BY 1 LIMIT 159) AS subq_0 WHERE FALSE ORDER BY 1, 2 LIMIT 88;

-- sqlsmith seed 7 query 1715; tables customer
SELECT subq_0.c2 AS c0 FROM (SELECT ref_0.c_nationkey AS c0, ref_0.c_phone AS c1, ref_0.c_address AS c2, ref_0.c_phone AS c3, ref_0.c_acctbal AS c4, ref_0.c_mktsegment AS c5, ref_0.c_name AS c6, ref_0.c_phone AS c7, ref_0.c_nationkey AS c8, ref_0.c_comment AS c9, ref_0.c_comment AS c10, ref_0.c_phone AS c11, ref_0.c_mktsegment AS c12, ref_0.c_comment AS c13, ref_0.c_acctbal AS c14, ref_0.c_phone AS c15 FROM public.customer AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 LIMIT 104) AS subq_0 WHERE subq_0.c3 IS NULL ORDER BY 1 LIMIT 83;

-- sqlsmith seed 7 query 1782; tables lineitem, nullable
SELECT sample_0.l_linenumber AS c0, sample_0.l_shipinstruct AS c1 FROM public.lineitem AS sample_0 WHERE (SELECT v FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 2) IS NULL ORDER BY 1, 2 LIMIT 74;

-- sqlsmith seed 7 query 1803; tables orders
SELECT ref_0.o_orderkey AS c0, ref_0.o_comment AS c1, ref_0.o_clerk AS c2 FROM public.orders AS ref_0 WHERE CAST(NULLIF(ref_0.o_orderstatus, ref_0.o_orderpriority) AS TEXT) IS NULL;

-- sqlsmith seed 7 query 1899; tables kinds, part, partsupp
SELECT ref_0.txt AS c0, ref_0.txt AS c1, ref_0.num AS c2, ref_0.tstz AS c3, ref_0.txt AS c4, (SELECT p_partkey FROM public.part ORDER BY 1 LIMIT 1 OFFSET 3) AS c5 FROM public.kinds AS ref_0 WHERE (SELECT ps_suppkey FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 2) IS NULL;

-- sqlsmith seed 7 query 2018; tables nullable
SELECT ref_0.k AS c0, ref_0.s AS c1 FROM public.nullable AS ref_0 WHERE ref_0.k IS NULL ORDER BY 1, 2 LIMIT 155;

-- sqlsmith seed 7 query 2030; tables customer, lineitem
SELECT 87 AS c0, sample_0.l_tax AS c1, (SELECT c_name FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 2) AS c2 FROM public.lineitem AS sample_0 WHERE sample_0.l_tax IS NOT NULL ORDER BY 1, 2, 3 LIMIT 95;

-- sqlsmith seed 7 query 2032; tables lineitem, small
SELECT subq_0.c3 AS c0, subq_0.c4 AS c1, CASE WHEN FALSE THEN subq_0.c4 ELSE subq_0.c4 END AS c2, subq_0.c4 AS c3 FROM (SELECT ref_0.l_quantity AS c0, (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 4) AS c1, ref_0.l_extendedprice AS c2, 23 AS c3, ref_0.l_orderkey AS c4 FROM public.lineitem AS ref_0 WHERE ref_0.l_extendedprice IS NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 152) AS subq_0 WHERE (FALSE) OR (subq_0.c1 IS NULL) ORDER BY 1, 2, 3, 4 LIMIT 112;

-- sqlsmith seed 7 query 2035; tables supplier
SELECT ref_0.s_address AS c0, ref_0.s_acctbal AS c1, ref_0.s_phone AS c2, ref_0.s_nationkey AS c3 FROM public.supplier AS ref_0 WHERE (FALSE) AND (ref_0.s_nationkey IS NULL);

-- sqlsmith seed 7 query 2123; tables region
SELECT ref_0.r_regionkey AS c0 FROM public.region AS ref_0 WHERE ref_0.r_name IS NOT NULL ORDER BY 1 LIMIT 122;

-- sqlsmith seed 7 query 2141; tables nation, nullable
SELECT (SELECT n_nationkey FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 71) AS c0, sample_0.k AS c1 FROM public.nullable AS sample_0 WHERE sample_0.k IS NOT NULL ORDER BY 1, 2 LIMIT 98;

-- sqlsmith seed 7 query 2227; tables orders
SELECT sample_0.o_orderstatus AS c0 FROM public.orders AS sample_0 WHERE sample_0.o_comment IS NULL;

-- sqlsmith seed 7 query 2235; tables kinds, region; uses sum
SELECT 99 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2, subq_0.c0 AS c3 FROM (SELECT ref_0.r_regionkey AS c0 FROM public.region AS ref_0 WHERE (SELECT SUM(rl) FROM public.kinds) <> (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 88)) AS subq_0 WHERE TRUE;

-- sqlsmith seed 7 query 2325; tables supplier
SELECT ref_0.s_nationkey AS c0 FROM public.supplier AS ref_0 WHERE ref_0.s_acctbal >= ref_0.s_acctbal ORDER BY 1 LIMIT 185;

-- sqlsmith seed 7 query 2356; tables kinds
SELECT sample_0.big AS c0 FROM public.kinds AS sample_0 WHERE FALSE;

-- sqlsmith seed 7 query 2401; tables lineitem, supplier
SELECT sample_0.l_commitdate AS c0 FROM public.lineitem AS sample_0 WHERE EXISTS(SELECT 75 AS c0, subq_0.c1 AS c1, sample_0.l_receiptdate AS c2, sample_0.l_shipinstruct AS c3, subq_0.c1 AS c4, sample_0.l_shipinstruct AS c5, sample_0.l_partkey AS c6, subq_0.c1 AS c7 FROM (SELECT ref_0.s_name AS c0, sample_0.l_extendedprice AS c1, sample_0.l_partkey AS c2 FROM public.supplier AS ref_0 WHERE CAST(NULL AS SMALLINT) < CAST(NULL AS SMALLINT)) AS subq_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 LIMIT 88) ORDER BY 1 LIMIT 179;

-- sqlsmith seed 7 query 2405; tables lineitem
SELECT sample_0.l_shipdate AS c0 FROM public.lineitem AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 149;

-- sqlsmith seed 7 query 2415; tables kinds, lineitem, orders, small
SELECT subq_0.c3 AS c0, ref_1.l_extendedprice AS c1, subq_0.c2 AS c2 FROM (SELECT (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 4) AS c0, (SELECT o_orderstatus FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 2) AS c1, ref_0.dbl AS c2, ref_0.ts AS c3, ref_0.num AS c4, ref_0.tstz AS c5, (SELECT l_suppkey FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 5) AS c6 FROM public.kinds AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 142) AS subq_0 INNER JOIN public.lineitem AS ref_1 ON (CAST(NULLIF(subq_0.c5, subq_0.c5) AS TIMESTAMPTZ) <> subq_0.c5) WHERE FALSE;

-- sqlsmith seed 7 query 2443; tables part
SELECT sample_0.p_retailprice AS c0, sample_0.p_size AS c1, sample_0.p_type AS c2 FROM public.part AS sample_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 99;

-- sqlsmith seed 7 query 2571; tables nation, supplier
SELECT ref_0.s_comment AS c0, ref_0.s_acctbal AS c1, ref_0.s_suppkey AS c2, ref_0.s_comment AS c3, ref_0.s_address AS c4, ref_0.s_acctbal AS c5, (SELECT n_regionkey FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 22) AS c6, ref_0.s_suppkey AS c7, ref_0.s_address AS c8, (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 2) AS c9 FROM public.supplier AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 LIMIT 69;

-- sqlsmith seed 7 query 2659; tables kinds
SELECT sample_0.flag AS c0, sample_0.dbl AS c1 FROM public.kinds AS sample_0 WHERE CAST(NULL AS TIMESTAMPTZ) <= sample_0.dt;

-- sqlsmith seed 7 query 2704; tables nation, orders
SELECT ref_1.o_orderstatus AS c0 FROM public.nation AS ref_0 LEFT JOIN public.orders AS ref_1 ON (ref_0.n_name IS NULL) WHERE FALSE;

-- sqlsmith seed 7 query 2803; tables region
SELECT 87 AS c0 FROM public.region AS ref_0 WHERE TRUE;

-- sqlsmith seed 7 query 2899; tables supplier
SELECT sample_0.s_suppkey AS c0, sample_0.s_suppkey AS c1, sample_0.s_address AS c2, sample_0.s_nationkey AS c3, 86 AS c4 FROM public.supplier AS sample_0 WHERE (sample_0.s_comment IS NULL) OR (sample_0.s_acctbal IS NULL) ORDER BY 1, 2, 3, 4, 5 LIMIT 79;

-- sqlsmith seed 7 query 2926; tables supplier
SELECT ref_0.s_comment AS c0 FROM public.supplier AS ref_0 WHERE (FALSE) OR (ref_0.s_address IS NOT NULL) ORDER BY 1 LIMIT 70;

-- sqlsmith seed 7 query 2928; tables customer
SELECT ref_0.c_name AS c0, ref_0.c_custkey AS c1 FROM public.customer AS ref_0 WHERE FALSE;

-- sqlsmith seed 7 query 2938; tables partsupp
SELECT ref_0.ps_comment AS c0, 49 AS c1, ref_0.ps_suppkey AS c2, ref_0.ps_comment AS c3, ref_0.ps_availqty AS c4, ref_0.ps_suppkey AS c5 FROM public.partsupp AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 73;

-- sqlsmith seed 7 query 2963; tables part
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, subq_0.c1 AS c2 FROM (SELECT ref_0.p_retailprice AS c0, ref_0.p_container AS c1, ref_0.p_name AS c2, ref_0.p_size AS c3, ref_0.p_name AS c4, ref_0.p_container AS c5 FROM public.part AS ref_0 WHERE CAST(NULL AS "char") > CAST(NULL AS "char") ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 106) AS subq_0 WHERE FALSE;

-- sqlsmith seed 7 query 2967; tables kinds
SELECT ref_0.ts AS c0 FROM public.kinds AS ref_0 WHERE ref_0.txt NOT LIKE ref_0.txt ORDER BY 1 LIMIT 99;

-- sqlsmith seed 8 query 58; tables nation
SELECT subq_0.c8 AS c0, subq_0.c10 AS c1 FROM (SELECT ref_0.n_name AS c0, ref_0.n_nationkey AS c1, CASE WHEN FALSE THEN ref_0.n_regionkey ELSE ref_0.n_regionkey END AS c2, ref_0.n_name AS c3, ref_0.n_comment AS c4, 42 AS c5, 22 AS c6, ref_0.n_name AS c7, ref_0.n_name AS c8, ref_0.n_nationkey AS c9, ref_0.n_comment AS c10, ref_0.n_regionkey AS c11, ref_0.n_nationkey AS c12 FROM public.nation AS ref_0 WHERE ref_0.n_regionkey IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 LIMIT 106) AS subq_0 WHERE subq_0.c5 > subq_0.c5 ORDER BY 1, 2 LIMIT 114;

-- sqlsmith seed 8 query 125; tables region
SELECT sample_0.r_name AS c0 FROM public.region AS sample_0 WHERE sample_0.r_comment IS NOT NULL ORDER BY 1 LIMIT 177;

-- sqlsmith seed 8 query 212; tables kinds, small; uses max
SELECT CAST(COALESCE(sample_0.txt, (SELECT MAX(name) FROM public.small)) AS TEXT) AS c0, sample_0.ts AS c1, sample_0.ts AS c2 FROM public.kinds AS sample_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 87;

-- sqlsmith seed 8 query 259; tables region
SELECT ref_0.r_comment AS c0, ref_0.r_regionkey AS c1 FROM public.region AS ref_0 WHERE ref_0.r_name IS NULL ORDER BY 1, 2 LIMIT 182;

-- sqlsmith seed 8 query 366; tables supplier
SELECT ref_0.s_comment AS c0, ref_0.s_name AS c1, ref_0.s_comment AS c2, ref_0.s_acctbal AS c3 FROM public.supplier AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4 LIMIT 111;

-- sqlsmith seed 8 query 551; tables customer
SELECT sample_0.c_address AS c0, sample_0.c_name AS c1, 37 AS c2, sample_0.c_mktsegment AS c3, sample_0.c_phone AS c4 FROM public.customer AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5 LIMIT 106;

-- sqlsmith seed 8 query 623; tables kinds, region; uses max
SELECT 60 AS c0, sample_0.r_name AS c1, sample_0.r_comment AS c2 FROM public.region AS sample_0 WHERE CASE WHEN sample_0.r_comment IS NULL THEN (SELECT MAX(ts) FROM public.kinds) ELSE (SELECT MAX(ts) FROM public.kinds) END <> (SELECT MAX(ts) FROM public.kinds) ORDER BY 1, 2, 3 LIMIT 111;

-- sqlsmith seed 8 query 699; tables nation, nullable
SELECT (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 6) AS c0 FROM public.nation AS sample_0 WHERE sample_0.n_name IS NOT NULL ORDER BY 1 LIMIT 49;

-- sqlsmith seed 8 query 709; tables region
SELECT sample_0.r_regionkey AS c0, sample_0.r_regionkey AS c1 FROM public.region AS sample_0 WHERE sample_0.r_comment IS NOT NULL ORDER BY 1, 2 LIMIT 95;

-- sqlsmith seed 8 query 720; tables part, small
SELECT ref_0.name AS c0, ref_0.name AS c1, ref_0.k AS c2, (SELECT p_mfgr FROM public.part ORDER BY 1 LIMIT 1 OFFSET 4) AS c3 FROM public.small AS ref_0 WHERE ref_0.name IS NULL;

-- sqlsmith seed 8 query 750; tables kinds, part, partsupp, small; uses min
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2 FROM (SELECT ref_0.tstz AS c0 FROM public.kinds AS ref_0 WHERE (CAST(NULL AS SMALLINT) < CAST(COALESCE(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT)) AND (ref_0.dbl > CAST(NULL AS REAL))) AS subq_0 WHERE CASE WHEN (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 5) IS NOT NULL THEN (SELECT MIN(p_size) FROM public.part) ELSE (SELECT MIN(p_size) FROM public.part) END <> (SELECT ps_partkey FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 4);

-- sqlsmith seed 8 query 842; tables nation
SELECT ref_0.n_nationkey AS c0, ref_0.n_name AS c1 FROM public.nation AS ref_0 WHERE ref_0.n_comment IS NOT NULL ORDER BY 1, 2 LIMIT 75;

-- sqlsmith seed 8 query 909; tables orders
SELECT sample_0.o_orderdate AS c0, sample_0.o_shippriority AS c1, sample_0.o_shippriority AS c2, sample_0.o_shippriority AS c3, sample_0.o_totalprice AS c4 FROM public.orders AS sample_0 WHERE sample_0.o_custkey IS NOT NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 60;

-- sqlsmith seed 8 query 985; tables part
SELECT sample_0.p_name AS c0, sample_0.p_brand AS c1, sample_0.p_container AS c2, sample_0.p_container AS c3, sample_0.p_partkey AS c4 FROM public.part AS sample_0 WHERE sample_0.p_type ILIKE sample_0.p_type ORDER BY 1, 2, 3, 4, 5 LIMIT 43;

-- sqlsmith seed 8 query 1026; tables nullable, orders, region
SELECT subq_0.c0 AS c0, subq_0.c2 AS c1, sample_0.o_comment AS c2 FROM public.orders AS sample_0, LATERAL (SELECT sample_0.o_orderkey AS c0, CASE WHEN FALSE THEN ref_0.v ELSE ref_0.v END AS c1, sample_0.o_orderpriority AS c2, (SELECT r_comment FROM public.region ORDER BY 1 LIMIT 1 OFFSET 2) AS c3 FROM public.nullable AS ref_0 WHERE ref_0.k > CAST(NULL AS SMALLINT) ORDER BY 1, 2, 3, 4 LIMIT 78) AS subq_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 104;

-- sqlsmith seed 8 query 1043; tables region
SELECT ref_0.r_regionkey AS c0 FROM public.region AS ref_0 WHERE ref_0.r_regionkey IS NULL ORDER BY 1 LIMIT 65;

-- sqlsmith seed 8 query 1074; tables kinds, small; uses min
SELECT sample_0.k AS c0, sample_0.k AS c1, sample_0.name AS c2 FROM public.small AS sample_0 WHERE CAST(NULLIF((SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4), CAST(NULL AS TIMESTAMP)) AS TIMESTAMP) <= (SELECT MIN(ts) FROM public.kinds) ORDER BY 1, 2, 3 LIMIT 132;

-- sqlsmith seed 8 query 1111; tables orders, partsupp
SELECT sample_0.o_clerk AS c0 FROM public.orders AS sample_0 WHERE (SELECT ps_suppkey FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 3) IS NULL;

-- sqlsmith seed 8 query 1121; tables orders
SELECT sample_0.o_comment AS c0, sample_0.o_orderpriority AS c1 FROM public.orders AS sample_0 WHERE FALSE ORDER BY 1, 2 LIMIT 87;

-- sqlsmith seed 8 query 1219; tables nation, small; uses min
SELECT ref_0.k AS c0, (SELECT MIN(n_nationkey) FROM public.nation) AS c1, ref_0.name AS c2, ref_0.k AS c3 FROM public.small AS ref_0 WHERE ref_0.k IS NOT NULL;

-- sqlsmith seed 8 query 1225; tables kinds, lineitem, nation, part
SELECT subq_0.c1 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2, CAST(NULLIF(subq_0.c0, CASE WHEN subq_0.c1 IS NULL THEN (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) ELSE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) END) AS TIMESTAMP) AS c3, subq_0.c0 AS c4, subq_0.c0 AS c5 FROM (SELECT sample_1.ts AS c0, ref_0.p_comment AS c1 FROM public.nation AS sample_0 INNER JOIN public.part AS ref_0 ON (sample_0.n_name = ref_0.p_name) INNER JOIN public.kinds AS sample_1 ON (sample_0.n_name = sample_1.txt) RIGHT JOIN public.lineitem AS ref_1 ON (TRUE) WHERE sample_1.ts < sample_1.tstz ORDER BY 1, 2 LIMIT 117) AS subq_0 WHERE FALSE;

-- sqlsmith seed 8 query 1242; tables nation, orders
SELECT (SELECT o_orderpriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 71) AS c0, sample_0.n_nationkey AS c1 FROM public.nation AS sample_0 WHERE TRUE ORDER BY 1, 2 LIMIT 52;

-- sqlsmith seed 8 query 1290; tables nullable
SELECT sample_0.v AS c0 FROM public.nullable AS sample_0 WHERE FALSE;

-- sqlsmith seed 8 query 1309; tables nullable
SELECT sample_0.v AS c0, sample_0.k AS c1 FROM public.nullable AS sample_0 WHERE sample_0.k IS NOT NULL ORDER BY 1, 2 LIMIT 142;

-- sqlsmith seed 8 query 1347; tables kinds
SELECT sample_0.txt AS c0 FROM public.kinds AS sample_0 WHERE sample_0.id <= sample_0.id ORDER BY 1 LIMIT 35;

-- sqlsmith seed 8 query 1454; tables lineitem, supplier
SELECT ref_0.l_tax AS c0, (SELECT s_nationkey FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 2) AS c1, ref_0.l_shipinstruct AS c2 FROM public.lineitem AS ref_0 WHERE ref_0.l_commitdate IS NULL;

-- sqlsmith seed 8 query 1564; tables region
SELECT sample_0.r_regionkey AS c0, sample_0.r_regionkey AS c1, sample_0.r_comment AS c2, 38 AS c3, sample_0.r_comment AS c4, sample_0.r_regionkey AS c5, sample_0.r_name AS c6 FROM public.region AS sample_0 WHERE sample_0.r_name IS NULL;

-- sqlsmith seed 8 query 1585; tables partsupp
SELECT ref_0.ps_supplycost AS c0 FROM public.partsupp AS ref_0 WHERE ref_0.ps_suppkey <> ref_0.ps_availqty ORDER BY 1 LIMIT 172;

-- sqlsmith seed 8 query 1587; tables lineitem, part
SELECT ref_0.p_brand AS c0, ref_0.p_brand AS c1, ref_0.p_brand AS c2, (SELECT l_shipmode FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 1) AS c3, ref_0.p_brand AS c4, ref_0.p_retailprice AS c5 FROM public.part AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 67;

-- sqlsmith seed 8 query 1599; tables nullable
SELECT sample_0.v AS c0, sample_0.s AS c1, sample_0.v AS c2 FROM public.nullable AS sample_0 WHERE sample_0.v IS NOT NULL;

-- sqlsmith seed 8 query 1680; tables kinds
SELECT ref_0.rl AS c0 FROM public.kinds AS ref_0 WHERE ref_0.dbl < ref_0.rl;

-- sqlsmith seed 1 query 2130; tables customer, orders; uses int2
SELECT CAST(COALESCE(ref_0.c_address, ref_0.c_address) AS TEXT) AS c0, ref_0.c_phone AS c1 FROM public.customer AS ref_0 WHERE INT2(CAST((SELECT o_shippriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 2) AS INT)) IS NOT NULL ORDER BY 1, 2 LIMIT 97;

-- sqlsmith seed 2 query 2115; tables customer, small; uses sum
SELECT sample_0.c_name AS c0, SUM(CAST(CASE WHEN (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 3) < sample_0.c_custkey THEN CAST(NULL AS REAL) ELSE CAST(NULL AS REAL) END AS REAL)) OVER (PARTITION BY sample_0.c_name, sample_0.c_address, sample_0.c_custkey ORDER BY sample_0.c_custkey) AS c1, sample_0.c_name AS c2, sample_0.c_acctbal AS c3 FROM public.customer AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 111;

-- sqlsmith seed 2 query 2328; tables supplier; uses float4
SELECT FLOAT4(CAST(sample_0.s_suppkey AS BIGINT)) AS c0, CAST(NULLIF(sample_0.s_address, sample_0.s_address) AS TEXT) AS c1, sample_0.s_comment AS c2, sample_0.s_phone AS c3 FROM public.supplier AS sample_0 WHERE sample_0.s_address IS NOT NULL;

-- sqlsmith seed 4 query 232; tables customer, kinds, lineitem, nation, part; uses every
SELECT subq_0.c1 AS c0, (SELECT p_size FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6) AS c1, (SELECT l_linenumber FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 4) AS c2, subq_0.c0 AS c3, subq_0.c1 AS c4, (SELECT c_nationkey FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 3) AS c5, subq_0.c1 AS c6 FROM (SELECT ref_0.n_comment AS c0, ref_0.n_name AS c1 FROM public.nation AS ref_0 WHERE (SELECT EVERY(flag) FROM public.kinds) <= (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6)) AS subq_0 WHERE TRUE;

-- sqlsmith seed 9 query 98; tables partsupp
SELECT sample_0.ps_comment AS c0, sample_0.ps_supplycost AS c1, sample_0.ps_partkey AS c2, sample_0.ps_suppkey AS c3, sample_0.ps_supplycost AS c4 FROM public.partsupp AS sample_0 WHERE sample_0.ps_supplycost IS NOT NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 125;

-- sqlsmith seed 9 query 132; tables kinds, small, supplier
SELECT CASE WHEN ((sample_0.k IS NULL) OR (subq_0.c0 IS NULL)) AND ((SELECT s_acctbal FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 5) <> CASE WHEN subq_0.c0 IS NULL THEN CAST(NULL AS DECIMAL) ELSE CAST(NULL AS DECIMAL) END) THEN sample_0.name ELSE sample_0.name END AS c0 FROM public.small AS sample_0, LATERAL (SELECT sample_0.k AS c0 FROM public.kinds AS ref_0 WHERE CAST(NULLIF(ref_0.dt, ref_0.dt) AS DATE) = ref_0.dt) AS subq_0 WHERE sample_0.name ILIKE sample_0.name ORDER BY 1 LIMIT 97;

-- sqlsmith seed 9 query 148; tables kinds, orders
SELECT (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 1) AS c0, sample_0.dbl AS c1, sample_0.tstz AS c2 FROM public.kinds AS sample_0 WHERE 14 IS NULL ORDER BY 1, 2, 3 LIMIT 178;

-- sqlsmith seed 9 query 171; tables part
SELECT ref_0.p_brand AS c0 FROM public.part AS ref_0 WHERE ref_0.p_name IS NOT NULL ORDER BY 1 LIMIT 82;

-- sqlsmith seed 9 query 206; tables region, small
SELECT ref_0.name AS c0 FROM public.small AS ref_0 WHERE (SELECT r_comment FROM public.region ORDER BY 1 LIMIT 1 OFFSET 6) IS NULL ORDER BY 1 LIMIT 171;

-- sqlsmith seed 9 query 269; tables kinds, supplier; uses min
SELECT sample_0.s_phone AS c0, sample_0.s_address AS c1, sample_0.s_phone AS c2, sample_0.s_comment AS c3, sample_0.s_phone AS c4, CASE WHEN MIN(CAST(41 AS INT)) OVER (PARTITION BY sample_0.s_nationkey ORDER BY sample_0.s_acctbal) = CAST(NULL AS BIGINT) THEN sample_0.s_comment ELSE sample_0.s_comment END AS c5, sample_0.s_suppkey AS c6, sample_0.s_comment AS c7, (SELECT num FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) AS c8, sample_0.s_comment AS c9 FROM public.supplier AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 LIMIT 44;

-- sqlsmith seed 9 query 356; tables region
SELECT sample_0.r_name AS c0 FROM public.region AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 102;

-- sqlsmith seed 9 query 470; tables lineitem
SELECT sample_0.l_partkey AS c0 FROM public.lineitem AS sample_0 WHERE FALSE;

-- sqlsmith seed 9 query 475; tables kinds
SELECT sample_0.dbl AS c0, sample_0.id AS c1, sample_0.id AS c2, sample_0.wide AS c3, sample_0.dt AS c4 FROM public.kinds AS sample_0 WHERE sample_0.dbl > sample_0.dbl;

-- sqlsmith seed 9 query 560; tables customer, part
SELECT subq_0.c2 AS c0, subq_0.c1 AS c1, 7 AS c2 FROM (SELECT ref_0.p_type AS c0, ref_0.p_size AS c1, ref_0.p_retailprice AS c2 FROM public.part AS ref_0 RIGHT JOIN public.customer AS ref_1 ON (ref_0.p_container = ref_1.c_name) WHERE ref_0.p_comment IS NOT NULL ORDER BY 1, 2, 3 LIMIT 80) AS subq_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 183;

-- sqlsmith seed 9 query 589; tables kinds
SELECT sample_0.ts AS c0, sample_0.tstz AS c1 FROM public.kinds AS sample_0 WHERE sample_0.ts IS NULL;

-- sqlsmith seed 9 query 630; tables nullable
SELECT ref_0.v AS c0, ref_0.k AS c1, ref_0.v AS c2, ref_0.k AS c3, ref_0.k AS c4 FROM public.nullable AS ref_0 WHERE ref_0.s IS NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 130;

-- sqlsmith seed 9 query 678; tables kinds, partsupp
SELECT subq_0.c1 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2 FROM (SELECT ref_0.ps_suppkey AS c0, ref_0.ps_suppkey AS c1 FROM public.partsupp AS ref_0 WHERE (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) >= (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) ORDER BY 1, 2 LIMIT 12) AS subq_0 WHERE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) > (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) ORDER BY 1, 2, 3 LIMIT 176;

-- sqlsmith seed 9 query 729; tables kinds
SELECT ref_0.num AS c0, ref_0.id AS c1, ref_0.dt AS c2, ref_0.id AS c3, ref_0.flag AS c4 FROM public.kinds AS ref_0 WHERE FALSE;

-- sqlsmith seed 9 query 773; tables nullable, orders
SELECT ref_0.s AS c0 FROM public.nullable AS ref_0 WHERE EXISTS(SELECT sample_0.o_orderkey AS c0, CAST(COALESCE(ref_0.v, ref_0.v) AS INT) AS c1 FROM public.orders AS sample_0 WHERE FALSE ORDER BY 1, 2 LIMIT 128);

-- sqlsmith seed 9 query 877; tables customer
SELECT ref_0.c_custkey AS c0 FROM public.customer AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 132;

-- sqlsmith seed 9 query 938; tables kinds, nation
SELECT 28 AS c0, ref_0.big AS c1, (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 94) AS c2, ref_0.ts AS c3 FROM public.kinds AS ref_0 WHERE ref_0.ts IS NOT NULL;

-- sqlsmith seed 9 query 942; tables customer, kinds, lineitem, nullable, orders, partsupp; uses sum
SELECT subq_0.c3 AS c0 FROM (SELECT ref_0.o_custkey AS c0, ref_0.o_orderdate AS c1, (SELECT ps_supplycost FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 3) AS c2, ref_0.o_orderstatus AS c3, ref_0.o_orderpriority AS c4, (SELECT v FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 6) AS c5, (SELECT l_orderkey FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 1) AS c6, (SELECT c_phone FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 3) AS c7, ref_0.o_custkey AS c8, ref_0.o_shippriority AS c9, ref_0.o_orderstatus AS c10, ref_0.o_orderkey AS c11 FROM public.orders AS ref_0 WHERE ref_0.o_totalprice < ref_0.o_totalprice ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 LIMIT 99) AS subq_0 WHERE ((SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) > (SELECT SUM(rl) FROM public.kinds)) AND (subq_0.c2 IS NULL) ORDER BY 1 LIMIT 158;

-- sqlsmith seed 9 query 972; tables orders, part, supplier; uses max
SELECT subq_0.c7 AS c0, subq_0.c3 AS c1, subq_0.c4 AS c2, subq_0.c4 AS c3 FROM (SELECT sample_0.p_retailprice AS c0, (SELECT s_name FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 25) AS c1, sample_0.p_mfgr AS c2, sample_0.p_name AS c3, sample_0.p_name AS c4, ref_0.p_comment AS c5, sample_0.p_size AS c6, sample_0.p_container AS c7, ref_0.p_partkey AS c8, sample_0.p_mfgr AS c9 FROM public.part AS sample_0 RIGHT JOIN public.part AS ref_0 ON (FALSE) WHERE (SELECT MAX(o_orderdate) FROM public.orders) >= CAST(NULL AS DATE) ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 LIMIT 56) AS subq_0 WHERE subq_0.c7 IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 165;

-- sqlsmith seed 9 query 1154; tables orders
SELECT ref_0.o_custkey AS c0, 22 AS c1, ref_0.o_comment AS c2 FROM public.orders AS ref_0 WHERE (FALSE) AND (TRUE);

-- sqlsmith seed 9 query 1179; tables customer, nation
SELECT sample_0.c_address AS c0, sample_0.c_name AS c1, sample_0.c_mktsegment AS c2, sample_0.c_phone AS c3 FROM public.customer AS sample_0 WHERE CASE WHEN sample_0.c_name > sample_0.c_mktsegment THEN (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 5) ELSE (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 5) END IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 144;

-- sqlsmith seed 9 query 1221; tables kinds, orders, partsupp, supplier; uses min
SELECT subq_0.c0 AS c0 FROM (SELECT sample_0.s_suppkey AS c0 FROM public.supplier AS sample_0 INNER JOIN public.partsupp AS ref_0 ON (sample_0.s_address = ref_0.ps_comment) WHERE ref_0.ps_suppkey IS NULL ORDER BY 1 LIMIT 119) AS subq_0 WHERE (SELECT MIN(o_orderdate) FROM public.orders) = (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 21);

-- sqlsmith seed 9 query 1251; tables kinds
SELECT sample_0.txt AS c0, sample_0.txt AS c1, sample_0.num AS c2 FROM public.kinds AS sample_0 WHERE sample_0.big IS NULL ORDER BY 1, 2, 3 LIMIT 69;

-- sqlsmith seed 9 query 1270; tables lineitem, supplier
SELECT sample_0.l_comment AS c0, sample_0.l_tax AS c1, sample_1.s_suppkey AS c2, sample_0.l_extendedprice AS c3, sample_1.s_comment AS c4, sample_0.l_shipinstruct AS c5 FROM public.lineitem AS sample_0 RIGHT JOIN public.supplier AS sample_1 ON (sample_0.l_returnflag = sample_1.s_name) WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 148;

-- sqlsmith seed 9 query 1355; tables region
SELECT sample_0.r_regionkey AS c0, sample_0.r_name AS c1 FROM public.region AS sample_0 WHERE sample_0.r_name IS NULL;

-- sqlsmith seed 9 query 1372; tables kinds, nullable
SELECT ref_0.k AS c0, ref_0.k AS c1 FROM public.nullable AS ref_0 WHERE (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) >= (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4) ORDER BY 1, 2 LIMIT 81;

-- sqlsmith seed 9 query 1375; tables lineitem
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2, subq_0.c0 AS c3 FROM (SELECT ref_0.l_partkey AS c0 FROM public.lineitem AS ref_0 WHERE CAST(NULL AS TIMESTAMPTZ) <> ref_0.l_commitdate ORDER BY 1 LIMIT 42) AS subq_0 WHERE CAST(NULL AS SMALLINT) > subq_0.c0 ORDER BY 1, 2, 3, 4 LIMIT 150;

-- sqlsmith seed 9 query 1392; tables part
SELECT ref_0.p_type AS c0, ref_0.p_container AS c1, ref_0.p_mfgr AS c2, ref_0.p_container AS c3 FROM public.part AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 72;

-- sqlsmith seed 9 query 1422; tables customer, part
SELECT 64 AS c0, sample_0.c_nationkey AS c1 FROM public.customer AS sample_0 WHERE sample_0.c_nationkey <= (SELECT p_size FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6) ORDER BY 1, 2 LIMIT 88;

-- sqlsmith seed 9 query 1433; tables small, supplier
SELECT (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 5) AS c0 FROM public.supplier AS sample_0 WHERE sample_0.s_acctbal > sample_0.s_acctbal ORDER BY 1 LIMIT 61;

-- sqlsmith seed 9 query 1471; tables kinds, orders
SELECT subq_0.c1 AS c0, subq_0.c0 AS c1, subq_0.c1 AS c2, subq_0.c1 AS c3, subq_0.c1 AS c4, subq_0.c1 AS c5 FROM (SELECT sample_0.o_orderkey AS c0, CASE WHEN ((SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 34) <= (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4)) AND (sample_0.o_orderstatus IS NOT NULL) THEN sample_0.o_clerk ELSE sample_0.o_clerk END AS c1 FROM public.orders AS sample_0 WHERE sample_0.o_comment IS NOT NULL ORDER BY 1, 2 LIMIT 64) AS subq_0 WHERE TRUE;

-- sqlsmith seed 9 query 1518; tables part, supplier
SELECT (SELECT p_comment FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6) AS c0 FROM public.supplier AS ref_0 WHERE CAST(NULL AS DATE) > CAST(NULL AS TIMESTAMP) ORDER BY 1 LIMIT 91;

-- sqlsmith seed 9 query 1527; tables lineitem
SELECT ref_0.l_commitdate AS c0, ref_0.l_shipdate AS c1 FROM public.lineitem AS ref_0 WHERE ref_0.l_shipmode IS NULL;

-- sqlsmith seed 9 query 1556; tables orders, supplier; uses min
SELECT MIN(CAST(CAST(NULL AS SMALLINT) AS SMALLINT)) OVER (PARTITION BY subq_0.c1, subq_0.c0 ORDER BY subq_0.c0, subq_0.c1, subq_0.c0) AS c0, subq_0.c0 AS c1 FROM (SELECT sample_0.s_suppkey AS c0, (SELECT o_totalprice FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 2) AS c1, sample_0.s_address AS c2 FROM public.supplier AS sample_0 WHERE FALSE ORDER BY 1, 2, 3 LIMIT 121) AS subq_0 WHERE subq_0.c0 IS NOT NULL;

-- sqlsmith seed 9 query 1607; tables customer, lineitem, supplier; uses max
SELECT sample_0.l_shipmode AS c0, 25 AS c1, sample_0.l_linestatus AS c2, sample_0.l_tax AS c3, sample_0.l_extendedprice AS c4, CASE WHEN FALSE THEN (SELECT MAX(s_acctbal) FROM public.supplier) ELSE (SELECT MAX(s_acctbal) FROM public.supplier) END AS c5, (SELECT c_comment FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 41) AS c6 FROM public.lineitem AS sample_0 WHERE sample_0.l_receiptdate IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 109;

-- sqlsmith seed 9 query 1608; tables lineitem
SELECT ref_0.l_commitdate AS c0 FROM public.lineitem AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 71;

-- sqlsmith seed 9 query 1658; tables nullable
SELECT CAST(COALESCE(sample_0.k, (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 2)) AS INT) AS c0, sample_0.s AS c1 FROM public.nullable AS sample_0 WHERE sample_0.s IS NULL;

-- sqlsmith seed 9 query 1718; tables kinds, lineitem, nation, nullable, partsupp
SELECT sample_1.n_name AS c0, sample_0.v AS c1, 33 AS c2, sample_0.s AS c3, sample_0.k AS c4, sample_1.n_nationkey AS c5 FROM public.nullable AS sample_0 INNER JOIN public.nation AS sample_1 ON (sample_0.s IS NOT NULL) WHERE EXISTS(SELECT sample_0.v AS c0, ref_0.v AS c1, ref_1.ps_comment AS c2, ref_0.k AS c3 FROM public.nullable AS ref_0 INNER JOIN public.partsupp AS ref_1 ON ((sample_1.n_comment IS NULL) OR (CAST(NULL AS DATE) > CAST(NULL AS DATE))) WHERE CAST(NULLIF(CAST(NULL AS DATE), CAST(COALESCE(CAST(NULL AS DATE), CAST(NULL AS DATE)) AS DATE)) AS DATE) = CASE WHEN FALSE THEN CAST(NULLIF((SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2), (SELECT l_shipdate FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 80)) AS DATE) ELSE CAST(NULLIF((SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2), (SELECT l_shipdate FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 80)) AS DATE) END ORDER BY 1, 2, 3, 4 LIMIT 95);

-- sqlsmith seed 9 query 1719; tables lineitem
SELECT ref_0.l_linenumber AS c0 FROM public.lineitem AS ref_0 WHERE ref_0.l_returnflag IS NULL ORDER BY 1 LIMIT 50;

-- sqlsmith seed 9 query 1822; tables part
SELECT sample_0.p_container AS c0, sample_0.p_name AS c1 FROM public.part AS sample_0 WHERE FALSE;

-- sqlsmith seed 9 query 1825; tables kinds
SELECT sample_0.txt AS c0 FROM public.kinds AS sample_0 WHERE sample_0.ts IS NULL ORDER BY 1 LIMIT 188;

-- sqlsmith seed 9 query 1870; tables customer
SELECT sample_0.c_custkey AS c0, sample_0.c_phone AS c1, sample_0.c_custkey AS c2, sample_0.c_acctbal AS c3, sample_0.c_address AS c4 FROM public.customer AS sample_0 WHERE FALSE;

-- sqlsmith seed 9 query 1881; tables partsupp
SELECT ref_0.ps_partkey AS c0 FROM public.partsupp AS ref_0 WHERE ref_0.ps_comment IS NULL;

-- sqlsmith seed 9 query 1940; tables nullable, partsupp
SELECT (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 5) AS c0 FROM public.partsupp AS sample_0 WHERE sample_0.ps_supplycost IS NOT NULL ORDER BY 1 LIMIT 137;

-- sqlsmith seed 9 query 1949; tables orders, part
SELECT ref_0.p_mfgr AS c0 FROM public.part AS ref_0 WHERE (SELECT o_totalprice FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 1) IS NULL;

-- sqlsmith seed 9 query 2013; tables kinds, nation, orders, supplier; uses max, min
SELECT sample_0.s_nationkey AS c0 FROM public.supplier AS sample_0, LATERAL (SELECT sample_1.n_nationkey AS c0, sample_1.n_nationkey AS c1 FROM public.nation AS sample_1 INNER JOIN public.orders AS ref_0 ON (sample_1.n_nationkey = ref_0.o_orderkey) WHERE sample_0.s_acctbal IS NULL ORDER BY 1, 2 LIMIT 101) AS subq_0 WHERE ((SELECT MAX(ts) FROM public.kinds) <= (SELECT MIN(ts) FROM public.kinds)) AND (CASE WHEN sample_0.s_address IS NOT NULL THEN CAST(NULL AS DATE) ELSE CAST(NULL AS DATE) END > CAST(NULL AS DATE)) ORDER BY 1 LIMIT 146;

-- sqlsmith seed 9 query 2113; tables region
SELECT sample_0.r_comment AS c0 FROM public.region AS sample_0 WHERE sample_0.r_regionkey IS NOT NULL ORDER BY 1 LIMIT 76;

-- sqlsmith seed 9 query 2395; tables nation, orders, partsupp, supplier
SELECT (SELECT o_orderkey FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 4) AS c0, subq_0.c3 AS c1 FROM (SELECT sample_0.n_comment AS c0, sample_0.n_nationkey AS c1, sample_0.n_name AS c2, sample_0.n_comment AS c3, sample_0.n_nationkey AS c4, sample_0.n_name AS c5 FROM public.nation AS sample_0 WHERE EXISTS(SELECT sample_0.n_nationkey AS c0, sample_0.n_regionkey AS c1 FROM public.supplier AS ref_0 WHERE TRUE ORDER BY 1, 2 LIMIT 112) ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 39) AS subq_0 WHERE (SELECT ps_availqty FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 3) <= CAST(NULL AS SMALLINT);

-- sqlsmith seed 9 query 2414; tables supplier
SELECT sample_0.s_nationkey AS c0 FROM public.supplier AS sample_0 WHERE sample_0.s_address IS NOT NULL ORDER BY 1 LIMIT 48;

-- sqlsmith seed 9 query 2544; tables customer, kinds
SELECT CASE WHEN (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) <> (SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) THEN subq_0.c1 ELSE subq_0.c1 END AS c0, subq_0.c2 AS c1 FROM (SELECT sample_0.big AS c0, sample_2.big AS c1, sample_1.id AS c2 FROM public.kinds AS sample_0 RIGHT JOIN public.kinds AS sample_1 RIGHT JOIN public.kinds AS sample_2 ON (sample_1.big IS NULL) ON (sample_0.id = sample_2.id) WHERE sample_0.rl = sample_1.rl ORDER BY 1, 2, 3 LIMIT 74) AS subq_0 WHERE EXISTS(SELECT 30 AS c0 FROM public.customer AS ref_0 WHERE 59 IS NOT NULL);

-- sqlsmith seed 9 query 2557; tables kinds; uses int2
SELECT sample_0.txt AS c0, sample_0.dt AS c1 FROM public.kinds AS sample_0 WHERE sample_0.id < CAST(COALESCE(INT2(CAST(sample_0.num AS DECIMAL)), CASE WHEN CAST(NULLIF(sample_0.dbl, sample_0.dbl) AS DOUBLE PRECISION) IS NOT NULL THEN CAST(NULL AS SMALLINT) ELSE CAST(NULL AS SMALLINT) END) AS SMALLINT) ORDER BY 1, 2 LIMIT 93;

-- sqlsmith seed 9 query 2570; tables nation
SELECT ref_0.n_comment AS c0 FROM public.nation AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 92;

-- sqlsmith seed 9 query 2594; tables nullable, region
SELECT (SELECT v FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 4) AS c0 FROM public.region AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 104;

-- sqlsmith seed 9 query 2632; tables partsupp
SELECT subq_0.c0 AS c0 FROM (SELECT ref_0.ps_suppkey AS c0, ref_0.ps_availqty AS c1 FROM public.partsupp AS ref_0 WHERE TRUE ORDER BY 1, 2 LIMIT 51) AS subq_0 WHERE FALSE ORDER BY 1 LIMIT 81;

-- sqlsmith seed 9 query 2693; tables part, partsupp
SELECT sample_0.ps_partkey AS c0 FROM public.partsupp AS sample_0 WHERE CASE WHEN sample_0.ps_suppkey IS NOT NULL THEN CAST(NULLIF(CAST(NULLIF(CAST(COALESCE(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT), CASE WHEN sample_0.ps_partkey >= sample_0.ps_suppkey THEN CAST(COALESCE(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT) ELSE CAST(COALESCE(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT) END) AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT) ELSE CAST(NULLIF(CAST(NULLIF(CAST(COALESCE(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT), CASE WHEN sample_0.ps_partkey >= sample_0.ps_suppkey THEN CAST(COALESCE(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT) ELSE CAST(COALESCE(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT) END) AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT) END <> (SELECT p_size FROM public.part ORDER BY 1 LIMIT 1 OFFSET 2);

-- sqlsmith seed 9 query 2761; tables customer, kinds, lineitem
SELECT subq_0.c1 AS c0, subq_0.c4 AS c1 FROM (SELECT ref_1.c_comment AS c0, (SELECT l_partkey FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 6) AS c1, ref_1.c_phone AS c2, ref_0.l_extendedprice AS c3, ref_1.c_comment AS c4 FROM public.lineitem AS ref_0 INNER JOIN public.customer AS ref_1 ON (TRUE > (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5)) WHERE ref_0.l_extendedprice IS NOT NULL) AS subq_0 WHERE FALSE ORDER BY 1, 2 LIMIT 101;

-- sqlsmith seed 9 query 2766; tables kinds
SELECT sample_0.rl AS c0, sample_0.dbl AS c1, 100 AS c2 FROM public.kinds AS sample_0 WHERE sample_0.ts IS NULL ORDER BY 1, 2, 3 LIMIT 99;

-- sqlsmith seed 9 query 2832; tables customer, kinds, nation, partsupp
SELECT ref_1.n_nationkey AS c0, sample_0.ps_supplycost AS c1, sample_0.ps_availqty AS c2, ref_0.c_comment AS c3 FROM public.customer AS ref_0 RIGHT JOIN public.nation AS ref_1 ON (TRUE) RIGHT JOIN public.partsupp AS sample_0 RIGHT JOIN public.kinds AS sample_1 ON (sample_0.ps_partkey = sample_1.big) ON (ref_0.c_comment = sample_1.txt) WHERE sample_1.tstz < sample_1.ts ORDER BY 1, 2, 3, 4 LIMIT 48;

-- sqlsmith seed 9 query 2915; tables orders
SELECT ref_0.o_orderstatus AS c0 FROM public.orders AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 86;

-- sqlsmith seed 9 query 2946; tables region
SELECT ref_0.r_name AS c0 FROM public.region AS ref_0 WHERE CAST(NULL AS TIMESTAMP) >= CAST(NULL AS DATE) ORDER BY 1 LIMIT 76;

-- sqlsmith seed 10 query 8; tables kinds, part
SELECT subq_1.c1 AS c0, subq_1.c1 AS c1 FROM (SELECT subq_0.c2 AS c0, subq_0.c2 AS c1 FROM (SELECT ref_0.p_container AS c0, sample_0.wide AS c1, sample_0.txt AS c2, 63 AS c3, 96 AS c4, sample_0.big AS c5, ref_0.p_mfgr AS c6, sample_0.big AS c7 FROM public.part AS ref_0 RIGHT JOIN public.kinds AS sample_0 ON (ref_0.p_brand = sample_0.txt) WHERE ((ref_0.p_mfgr IS NOT NULL) AND ((sample_0.wide IS NULL) OR (ref_0.p_size < ref_0.p_size))) OR (sample_0.tstz <> sample_0.tstz)) AS subq_0 WHERE FALSE) AS subq_1 WHERE TRUE ORDER BY 1, 2 LIMIT 120;

-- sqlsmith seed 10 query 28; tables orders
SELECT sample_0.o_custkey AS c0, sample_0.o_clerk AS c1, sample_0.o_orderstatus AS c2 FROM public.orders AS sample_0 WHERE (90 IS NULL) OR (sample_0.o_orderkey > sample_0.o_orderkey);

-- sqlsmith seed 10 query 54; tables part
SELECT ref_0.p_name AS c0, ref_0.p_partkey AS c1 FROM public.part AS ref_0 WHERE TRUE ORDER BY 1, 2 LIMIT 139;

-- sqlsmith seed 10 query 78; tables orders
SELECT CAST(COALESCE(ref_0.o_orderdate, CAST(NULL AS DATE)) AS DATE) AS c0, ref_0.o_comment AS c1 FROM public.orders AS ref_0 WHERE ref_0.o_clerk IS NULL;

-- sqlsmith seed 10 query 79; tables kinds, orders, small; uses min
SELECT (SELECT MIN(tstz) FROM public.kinds) AS c0, sample_0.k AS c1, sample_0.k AS c2, sample_0.k AS c3, sample_0.name AS c4, sample_0.name AS c5, sample_0.k AS c6, sample_0.name AS c7 FROM public.small AS sample_0 WHERE (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 5) <= (SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 18);

-- sqlsmith seed 10 query 179; tables partsupp, region
SELECT sample_0.r_comment AS c0, (SELECT ps_partkey FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 4) AS c1 FROM public.region AS sample_0 WHERE sample_0.r_name IS NULL ORDER BY 1, 2 LIMIT 116;

-- sqlsmith seed 10 query 202; tables partsupp
SELECT ref_0.ps_suppkey AS c0 FROM public.partsupp AS ref_0 WHERE ref_0.ps_supplycost IS NULL ORDER BY 1 LIMIT 57;

-- sqlsmith seed 10 query 270; tables nation
SELECT ref_0.n_regionkey AS c0 FROM public.nation AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 98;

-- sqlsmith seed 10 query 281; tables kinds, lineitem, nation
SELECT (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) AS c0, ref_0.n_regionkey AS c1, ref_0.n_nationkey AS c2 FROM public.nation AS ref_0 WHERE (FALSE) AND (EXISTS(SELECT ref_1.l_linestatus AS c0, ref_0.n_name AS c1 FROM public.lineitem AS ref_1 WHERE TRUE ORDER BY 1, 2 LIMIT 169)) ORDER BY 1, 2, 3 LIMIT 60;

-- sqlsmith seed 10 query 407; tables kinds, region, small; uses min
SELECT ref_0.r_comment AS c0, ref_0.r_name AS c1, (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 4) AS c2, ref_0.r_regionkey AS c3 FROM public.region AS ref_0 WHERE (SELECT MIN(ts) FROM public.kinds) <> CAST(NULL AS TIMESTAMP);

-- sqlsmith seed 10 query 411; tables customer, kinds
SELECT CASE WHEN (FALSE) OR (ref_0.num IS NOT NULL) THEN (SELECT c_name FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1) ELSE (SELECT c_name FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1) END AS c0, ref_0.dbl AS c1, ref_0.dt AS c2, ref_0.num AS c3 FROM public.kinds AS ref_0 WHERE ref_0.id <= ref_0.id;

-- sqlsmith seed 10 query 419; tables kinds, partsupp, small; uses max
SELECT (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) AS c0, ref_0.ps_comment AS c1, ref_1.k AS c2 FROM public.partsupp AS ref_0 INNER JOIN public.small AS ref_1 ON ((SELECT MAX(tstz) FROM public.kinds) > CAST(NULL AS DATE)) WHERE CAST(NULL AS REAL) > CAST(NULL AS REAL);

-- sqlsmith seed 10 query 428; tables lineitem, partsupp
SELECT (SELECT l_shipdate FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 2) AS c0, CAST(NULLIF(subq_0.c0, subq_0.c0) AS TEXT) AS c1 FROM (SELECT ref_0.ps_comment AS c0, ref_0.ps_suppkey AS c1, ref_0.ps_partkey AS c2 FROM public.partsupp AS ref_0 WHERE ref_0.ps_availqty <> ref_0.ps_availqty ORDER BY 1, 2, 3 LIMIT 136) AS subq_0 WHERE subq_0.c2 IS NULL ORDER BY 1, 2 LIMIT 128;

-- sqlsmith seed 10 query 505; tables customer, nullable
SELECT sample_0.c_mktsegment AS c0, subq_0.c2 AS c1, sample_0.c_custkey AS c2, subq_0.c1 AS c3 FROM public.customer AS sample_0, LATERAL (SELECT 68 AS c0, ref_0.k AS c1, sample_0.c_mktsegment AS c2, ref_0.v AS c3 FROM public.nullable AS ref_0 WHERE sample_0.c_name IS NOT NULL) AS subq_0 WHERE (FALSE) OR (FALSE);

-- sqlsmith seed 10 query 591; tables nullable, small
SELECT sample_0.k AS c0, sample_0.s AS c1, sample_0.v AS c2, sample_0.v AS c3, sample_0.v AS c4, sample_0.v AS c5 FROM public.nullable AS sample_0 WHERE (SELECT name FROM public.small ORDER BY 1 LIMIT 1 OFFSET 1) IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 92;

-- sqlsmith seed 10 query 639; tables orders
SELECT ref_0.o_orderpriority AS c0, ref_0.o_orderpriority AS c1, ref_0.o_orderkey AS c2 FROM public.orders AS ref_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 33;

-- sqlsmith seed 10 query 861; tables customer, part, supplier
SELECT (SELECT c_address FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 3) AS c0, (SELECT p_name FROM public.part ORDER BY 1 LIMIT 1 OFFSET 5) AS c1, 45 AS c2 FROM public.supplier AS sample_0 WHERE FALSE ORDER BY 1, 2, 3 LIMIT 107;

-- sqlsmith seed 10 query 867; tables customer, kinds, nation, nullable, orders
SELECT (SELECT c_comment FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 3) AS c0, subq_0.c2 AS c1, subq_0.c0 AS c2, subq_0.c1 AS c3 FROM (SELECT sample_0.n_nationkey AS c0, (SELECT o_orderpriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 5) AS c1, ref_1.dt AS c2 FROM public.nation AS sample_0 LEFT JOIN public.nullable AS ref_0 ON (TRUE) LEFT JOIN public.kinds AS ref_1 ON (sample_0.n_comment = ref_1.txt) WHERE (TRUE) AND (sample_0.n_nationkey IS NULL)) AS subq_0 WHERE subq_0.c1 IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 125;

-- sqlsmith seed 10 query 887; tables kinds, orders; uses min, sum
SELECT sample_0.o_clerk AS c0 FROM public.orders AS sample_0 WHERE CAST(NULL AS REAL) >= CAST(COALESCE((SELECT SUM(rl) FROM public.kinds), (SELECT MIN(rl) FROM public.kinds)) AS REAL);

-- sqlsmith seed 10 query 907; tables part
SELECT ref_0.p_brand AS c0, ref_0.p_brand AS c1, ref_0.p_mfgr AS c2, ref_0.p_container AS c3 FROM public.part AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4 LIMIT 78;

-- sqlsmith seed 10 query 993; tables kinds, lineitem, nation, partsupp, small
SELECT subq_1.c9 AS c0 FROM public.small AS ref_0, LATERAL (SELECT ref_1.l_discount AS c0, subq_0.c1 AS c1, (SELECT ps_suppkey FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 5) AS c2, subq_0.c2 AS c3, ref_1.l_shipdate AS c4, ref_0.k AS c5, ref_0.name AS c6, subq_0.c0 AS c7, subq_0.c1 AS c8, ref_0.name AS c9, ref_0.name AS c10, 59 AS c11 FROM public.lineitem AS ref_1, LATERAL (SELECT ref_0.name AS c0, ref_2.n_nationkey AS c1, ref_2.n_name AS c2 FROM public.kinds AS sample_0 RIGHT JOIN public.nation AS ref_2 ON (FALSE) WHERE sample_0.dbl < sample_0.dbl ORDER BY 1, 2, 3 LIMIT 106) AS subq_0 WHERE FALSE) AS subq_1 WHERE FALSE;

-- sqlsmith seed 10 query 1058; tables kinds, supplier
SELECT subq_0.c1 AS c0, subq_0.c3 AS c1 FROM (SELECT ref_0.s_comment AS c0, ref_0.s_nationkey AS c1, ref_0.s_acctbal AS c2, ref_0.s_acctbal AS c3 FROM public.supplier AS ref_0 WHERE CASE WHEN CAST(NULL AS BPCHAR) <= CAST(NULL AS BPCHAR) THEN (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) ELSE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) END <= CASE WHEN ref_0.s_comment IS NOT NULL THEN CAST(NULL AS TIMESTAMP) ELSE CAST(NULL AS TIMESTAMP) END ORDER BY 1, 2, 3, 4 LIMIT 80) AS subq_0 WHERE TRUE;

-- sqlsmith seed 10 query 1091; tables kinds, lineitem, region; uses sum
SELECT (SELECT l_linestatus FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 5) AS c0, sample_0.r_name AS c1, sample_0.r_name AS c2, sample_0.r_regionkey AS c3, sample_0.r_comment AS c4, sample_0.r_regionkey AS c5 FROM public.region AS sample_0 WHERE (SELECT SUM(rl) FROM public.kinds) IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 107;

-- sqlsmith seed 10 query 1123; tables nation, orders; uses min
SELECT ref_0.n_comment AS c0 FROM public.nation AS ref_0 WHERE CAST(NULL AS TIMESTAMPTZ) > (SELECT MIN(o_orderdate) FROM public.orders);

-- sqlsmith seed 10 query 1189; tables customer
SELECT ref_0.c_acctbal AS c0, ref_0.c_address AS c1 FROM public.customer AS ref_0 WHERE ref_0.c_acctbal IS NULL ORDER BY 1, 2 LIMIT 62;

-- sqlsmith seed 10 query 1253; tables kinds, nation, small
SELECT ref_2.k AS c0, ref_0.dbl AS c1, ref_2.name AS c2, 36 AS c3, ref_1.n_regionkey AS c4 FROM public.kinds AS ref_0 INNER JOIN public.nation AS ref_1 ON (ref_0.txt = ref_1.n_name) RIGHT JOIN public.small AS ref_2 ON (ref_1.n_comment IS NULL) RIGHT JOIN (SELECT sample_0.n_name AS c0, sample_0.n_name AS c1, sample_0.n_nationkey AS c2, sample_0.n_regionkey AS c3, sample_0.n_regionkey AS c4, sample_0.n_comment AS c5, sample_0.n_name AS c6, sample_0.n_regionkey AS c7, sample_0.n_name AS c8, 72 AS c9, sample_0.n_regionkey AS c10, sample_0.n_comment AS c11, sample_0.n_name AS c12 FROM public.nation AS sample_0 WHERE sample_0.n_regionkey IS NULL ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 LIMIT 137) AS subq_0 ON ((ref_0.id >= CAST(NULL AS SMALLINT)) AND (ref_0.ts = ref_0.dt)) WHERE ref_0.dt < ref_0.tstz;

-- sqlsmith seed 10 query 1269; tables customer, kinds, lineitem
WITH jennifer_0 AS (SELECT ref_0.l_shipinstruct AS c0, ref_0.l_linenumber AS c1, ref_0.l_linenumber AS c2, ref_0.l_extendedprice AS c3 FROM public.lineitem AS ref_0 WHERE FALSE) SELECT ref_1.c_custkey AS c0, ref_1.c_mktsegment AS c1, (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 63) AS c2, ref_1.c_custkey AS c3, ref_1.c_comment AS c4, ref_1.c_nationkey AS c5, ref_1.c_address AS c6, ref_1.c_nationkey AS c7 FROM public.customer AS ref_1 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 LIMIT 90;

-- sqlsmith seed 10 query 1280; tables small
SELECT ref_0.k AS c0 FROM public.small AS ref_0 WHERE ref_0.name IS NULL;

-- sqlsmith seed 10 query 1294; tables customer
SELECT CAST(COALESCE(sample_0.c_mktsegment, CAST(COALESCE(sample_0.c_name, sample_0.c_phone) AS TEXT)) AS TEXT) AS c0 FROM public.customer AS sample_0 WHERE sample_0.c_phone IS NULL ORDER BY 1 LIMIT 135;

-- sqlsmith seed 10 query 1346; tables nation, region
SELECT (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 54) AS c0, sample_0.r_comment AS c1, sample_0.r_name AS c2, sample_0.r_name AS c3, sample_0.r_regionkey AS c4 FROM public.region AS sample_0 WHERE TRUE;

-- sqlsmith seed 10 query 1365; tables part
SELECT sample_0.p_size AS c0, sample_0.p_type AS c1 FROM public.part AS sample_0 WHERE sample_0.p_type IS NOT NULL ORDER BY 1, 2 LIMIT 30;

-- sqlsmith seed 10 query 1366; tables customer
SELECT (SELECT c_comment FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 6) AS c0, sample_0.c_phone AS c1, sample_0.c_nationkey AS c2, sample_0.c_custkey AS c3, 75 AS c4 FROM public.customer AS sample_0 WHERE sample_0.c_nationkey IS NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 31;

-- sqlsmith seed 10 query 1467; tables customer; uses min
SELECT MIN(CAST(ref_0.c_acctbal AS DECIMAL)) OVER (PARTITION BY ref_0.c_address ORDER BY ref_0.c_nationkey) AS c0, ref_0.c_name AS c1, ref_0.c_comment AS c2, ref_0.c_acctbal AS c3, ref_0.c_phone AS c4 FROM public.customer AS ref_0 WHERE ref_0.c_nationkey IS NULL;

-- sqlsmith seed 10 query 1485; tables customer
SELECT subq_0.c0 AS c0, subq_0.c2 AS c1, subq_0.c0 AS c2, subq_0.c2 AS c3 FROM (SELECT ref_0.c_custkey AS c0, ref_0.c_comment AS c1, 69 AS c2 FROM public.customer AS ref_0 WHERE ref_0.c_comment IS NOT NULL ORDER BY 1, 2, 3 LIMIT 43) AS subq_0 WHERE subq_0.c0 IS NULL ORDER BY 1, 2, 3, 4 LIMIT 101;

-- sqlsmith seed 10 query 1573; tables part
SELECT sample_0.p_comment AS c0 FROM public.part AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 121;

-- sqlsmith seed 10 query 1612; tables kinds, nullable
SELECT CASE WHEN ref_0.k IS NULL THEN ref_1.flag ELSE ref_1.flag END AS c0, ref_1.big AS c1, ref_0.v AS c2, ref_1.dt AS c3, ref_1.wide AS c4 FROM public.nullable AS ref_0 INNER JOIN public.kinds AS ref_1 ON (CASE WHEN ref_0.s IS NOT NULL THEN CAST(NULL AS SMALLINT) ELSE CAST(NULL AS SMALLINT) END <= ref_0.k) WHERE CAST(NULLIF(CAST(NULL AS SMALLINT), CAST(NULL AS SMALLINT)) AS SMALLINT) >= ref_1.id ORDER BY 1, 2, 3, 4, 5 LIMIT 86;

-- sqlsmith seed 10 query 1663; tables kinds
SELECT sample_0.id AS c0 FROM public.kinds AS sample_0 WHERE sample_0.wide IS NOT NULL;

-- sqlsmith seed 10 query 1667; tables customer
SELECT sample_0.c_address AS c0 FROM public.customer AS sample_0 WHERE sample_0.c_comment <> CAST(NULLIF(sample_0.c_comment, sample_0.c_address) AS TEXT);

-- sqlsmith seed 10 query 1712; tables partsupp
SELECT ref_0.ps_supplycost AS c0, ref_0.ps_availqty AS c1, ref_0.ps_suppkey AS c2 FROM public.partsupp AS ref_0 WHERE ref_0.ps_availqty = ref_0.ps_partkey ORDER BY 1, 2, 3 LIMIT 139;

-- sqlsmith seed 10 query 1780; tables kinds, lineitem, nullable; uses max
SELECT CAST(COALESCE(sample_0.v, sample_0.k) AS INT) AS c0, sample_0.s AS c1 FROM public.lineitem AS ref_0 RIGHT JOIN public.nullable AS sample_0 ON (ref_0.l_linestatus = sample_0.s) WHERE (SELECT MAX(ts) FROM public.kinds) > CAST(NULL AS TIMESTAMPTZ);

-- sqlsmith seed 10 query 1795; tables region, supplier
SELECT (SELECT s_acctbal FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 4) AS c0 FROM public.region AS sample_0 WHERE FALSE;

-- sqlsmith seed 10 query 1836; tables nullable, partsupp, supplier
SELECT CASE WHEN (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 5) IS NULL THEN (SELECT ps_comment FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 2) ELSE (SELECT ps_comment FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 2) END AS c0, ref_0.s_comment AS c1 FROM public.supplier AS ref_0 WHERE TRUE ORDER BY 1, 2 LIMIT 49;

-- sqlsmith seed 10 query 1895; tables nation
SELECT sample_0.n_regionkey AS c0 FROM public.nation AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 128;

-- sqlsmith seed 10 query 1986; tables nation, part
SELECT sample_0.p_brand AS c0, sample_0.p_retailprice AS c1, (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 2) AS c2, CAST(COALESCE(sample_0.p_mfgr, sample_0.p_mfgr) AS TEXT) AS c3 FROM public.part AS sample_0 WHERE sample_0.p_retailprice > sample_0.p_retailprice;

-- sqlsmith seed 10 query 2095; tables nullable, region
SELECT sample_0.r_regionkey AS c0 FROM public.region AS sample_0 WHERE (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 4) IS NULL;

-- sqlsmith seed 10 query 2188; tables kinds, nullable
SELECT ref_0.k AS c0, ref_0.k AS c1 FROM public.nullable AS ref_0 WHERE EXISTS(SELECT ref_0.s AS c0, ref_0.s AS c1, ref_1.num AS c2, ref_0.v AS c3 FROM public.kinds AS ref_1 WHERE ref_0.k IS NULL ORDER BY 1, 2, 3, 4 LIMIT 156) ORDER BY 1, 2 LIMIT 162;

-- sqlsmith seed 10 query 2202; tables small, supplier
SELECT sample_0.name AS c0, sample_0.k AS c1 FROM public.small AS sample_0 INNER JOIN public.supplier AS ref_0 ON (sample_0.name = ref_0.s_name) WHERE sample_0.k IS NOT NULL ORDER BY 1, 2 LIMIT 176;

-- sqlsmith seed 10 query 2249; tables lineitem, region
SELECT ref_0.l_linestatus AS c0, ref_0.l_quantity AS c1, (SELECT r_name FROM public.region ORDER BY 1 LIMIT 1 OFFSET 4) AS c2 FROM public.lineitem AS ref_0 WHERE FALSE ORDER BY 1, 2, 3 LIMIT 96;

-- sqlsmith seed 10 query 2257; tables kinds, region
SELECT (SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) AS c0, ref_0.r_comment AS c1, ref_0.r_name AS c2 FROM public.region AS ref_0 WHERE ref_0.r_comment IS NULL ORDER BY 1, 2, 3 LIMIT 61;

-- sqlsmith seed 10 query 2371; tables kinds, nation, partsupp, supplier; uses max
SELECT CASE WHEN EXISTS(SELECT ref_1.n_comment AS c0, ref_1.n_name AS c1, 84 AS c2, ref_1.n_comment AS c3, (SELECT MAX(tstz) FROM public.kinds) AS c4, ref_0.ps_supplycost AS c5 FROM public.supplier AS sample_0 RIGHT JOIN public.nation AS ref_1 ON (TRUE) WHERE ref_1.n_nationkey IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 108) THEN ref_0.ps_supplycost ELSE ref_0.ps_supplycost END AS c0 FROM public.partsupp AS ref_0 WHERE ref_0.ps_suppkey IS NULL ORDER BY 1 LIMIT 160;

-- sqlsmith seed 10 query 2580; tables kinds, nullable, orders
SELECT sample_0.k AS c0, sample_0.s AS c1, sample_0.v AS c2, sample_0.k AS c3, CASE WHEN (FALSE) OR (EXISTS(SELECT sample_0.s AS c0, sample_0.v AS c1, 51 AS c2, sample_0.k AS c3, sample_0.v AS c4, sample_1.flag AS c5, sample_0.k AS c6, sample_0.v AS c7, sample_1.txt AS c8, sample_0.k AS c9 FROM public.kinds AS sample_1 WHERE sample_1.ts > (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 3))) THEN 99 ELSE 99 END AS c4 FROM public.nullable AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5 LIMIT 124;

-- sqlsmith seed 10 query 2594; tables part
SELECT sample_0.p_container AS c0 FROM public.part AS sample_0 WHERE sample_0.p_partkey >= sample_0.p_partkey ORDER BY 1 LIMIT 69;

-- sqlsmith seed 10 query 2634; tables nation
SELECT ref_0.n_comment AS c0 FROM public.nation AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 57;

-- sqlsmith seed 10 query 2692; tables customer, part
SELECT 98 AS c0 FROM public.customer AS sample_0 WHERE sample_0.c_acctbal = (SELECT p_retailprice FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6);

-- sqlsmith seed 10 query 2701; tables customer, nullable
SELECT subq_0.c4 AS c0 FROM (SELECT sample_0.c_nationkey AS c0, (SELECT v FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 4) AS c1, sample_0.c_comment AS c2, sample_0.c_custkey AS c3, sample_0.c_name AS c4, sample_0.c_comment AS c5, sample_0.c_acctbal AS c6 FROM public.customer AS sample_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 150) AS subq_0 WHERE FALSE ORDER BY 1 LIMIT 27;

-- sqlsmith seed 10 query 2743; tables kinds, small; uses min
SELECT subq_0.c0 AS c0 FROM (SELECT ref_0.name AS c0, ref_0.name AS c1 FROM public.small AS ref_0 WHERE ref_0.name LIKE ref_0.name ORDER BY 1, 2 LIMIT 69) AS subq_0 WHERE CAST(NULLIF(CAST(NULL AS REAL), (SELECT MIN(rl) FROM public.kinds)) AS REAL) <> (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5);

-- sqlsmith seed 11 query 107; tables nation, nullable, orders
SELECT subq_0.c1 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2 FROM (SELECT ref_0.n_regionkey AS c0, ref_0.n_name AS c1, ref_0.n_comment AS c2, ref_0.n_comment AS c3 FROM public.nation AS ref_0 WHERE (SELECT o_shippriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 4) <= CAST(NULL AS SMALLINT) ORDER BY 1, 2, 3, 4 LIMIT 99) AS subq_0 WHERE (SELECT s FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 3) IS NULL ORDER BY 1, 2, 3 LIMIT 121;

-- sqlsmith seed 11 query 115; tables kinds
SELECT ref_0.ts AS c0, ref_0.big AS c1 FROM public.kinds AS ref_0 WHERE ref_0.dt IS NULL;

-- sqlsmith seed 11 query 121; tables orders
SELECT sample_0.o_orderkey AS c0 FROM public.orders AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 194;

-- sqlsmith seed 11 query 141; tables customer, kinds
SELECT sample_0.ts AS c0, (SELECT c_comment FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1) AS c1, (SELECT id FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) AS c2 FROM public.kinds AS sample_0 WHERE sample_0.flag IS NULL ORDER BY 1, 2, 3 LIMIT 94;

-- sqlsmith seed 11 query 224; tables lineitem
SELECT sample_0.l_quantity AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_tax IS NOT NULL ORDER BY 1 LIMIT 45;

-- sqlsmith seed 11 query 259; tables region
SELECT 58 AS c0, ref_0.r_comment AS c1, ref_0.r_comment AS c2, 93 AS c3 FROM public.region AS ref_0 WHERE ref_0.r_regionkey IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 58;

-- sqlsmith seed 11 query 283; tables kinds
SELECT 96 AS c0 FROM public.kinds AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 114;

-- sqlsmith seed 11 query 451; tables partsupp
SELECT sample_0.ps_availqty AS c0, sample_0.ps_suppkey AS c1, sample_0.ps_availqty AS c2, sample_0.ps_partkey AS c3, sample_0.ps_partkey AS c4, sample_0.ps_partkey AS c5, sample_0.ps_supplycost AS c6 FROM public.partsupp AS sample_0 WHERE sample_0.ps_comment IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 25;

-- sqlsmith seed 11 query 469; tables kinds, nation; uses max, min
SELECT MAX(CAST((SELECT MIN(tstz) FROM public.kinds) AS TIMESTAMPTZ)) OVER (PARTITION BY ref_0.n_regionkey, ref_0.n_regionkey, ref_0.n_name ORDER BY ref_0.n_name) AS c0 FROM public.nation AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 107;

-- sqlsmith seed 11 query 576; tables customer
SELECT ref_0.c_comment AS c0 FROM public.customer AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 163;

-- sqlsmith seed 11 query 702; tables kinds, nation, orders
SELECT (SELECT n_name FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 25) AS c0, sample_0.o_orderpriority AS c1, sample_0.o_orderpriority AS c2, sample_0.o_orderpriority AS c3, sample_0.o_orderpriority AS c4, (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) AS c5 FROM public.orders AS sample_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 102;

-- sqlsmith seed 11 query 724; tables kinds
SELECT sample_0.num AS c0 FROM public.kinds AS sample_0 WHERE sample_0.big IS NULL ORDER BY 1 LIMIT 180;

-- sqlsmith seed 11 query 726; tables kinds, nullable, part; uses max
SELECT subq_1.c0 AS c0, (SELECT p_mfgr FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6) AS c1, subq_1.c1 AS c2 FROM (SELECT subq_0.c0 AS c0, subq_0.c0 AS c1 FROM (SELECT ref_0.v AS c0, ref_0.v AS c1, ref_0.k AS c2, 17 AS c3, ref_0.s AS c4 FROM public.nullable AS ref_0 WHERE ref_0.s <= ref_0.s ORDER BY 1, 2, 3, 4, 5 LIMIT 146) AS subq_0 WHERE CASE WHEN (subq_0.c3 IS NOT NULL) AND (TRUE) THEN CAST(NULLIF((SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2), (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4)) AS TIMESTAMP) ELSE CAST(NULLIF((SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2), (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4)) AS TIMESTAMP) END > (SELECT MAX(ts) FROM public.kinds) ORDER BY 1, 2 LIMIT 86) AS subq_1 WHERE subq_1.c0 IS NULL ORDER BY 1, 2, 3 LIMIT 45;

-- sqlsmith seed 11 query 743; tables nullable, part
SELECT ref_0.k AS c0, ref_0.k AS c1, CAST(NULLIF(ref_0.k, ref_0.k) AS INT) AS c2, ref_0.v AS c3, ref_0.v AS c4 FROM public.nullable AS ref_0 WHERE (SELECT p_type FROM public.part ORDER BY 1 LIMIT 1 OFFSET 2) IS NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 72;

-- sqlsmith seed 11 query 820; tables lineitem
SELECT CASE WHEN TRUE THEN sample_0.l_partkey ELSE sample_0.l_partkey END AS c0 FROM public.lineitem AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 58;

-- sqlsmith seed 11 query 881; tables nation
SELECT sample_0.n_regionkey AS c0 FROM public.nation AS sample_0 WHERE sample_0.n_name IS NOT NULL;

-- sqlsmith seed 11 query 902; tables region
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1 FROM (SELECT 23 AS c0 FROM public.region AS sample_0 WHERE EXISTS(SELECT sample_0.r_name AS c0, sample_0.r_name AS c1, ref_0.r_comment AS c2 FROM public.region AS ref_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 89)) AS subq_0 WHERE FALSE ORDER BY 1, 2 LIMIT 66;

-- sqlsmith seed 11 query 954; tables customer
SELECT ref_0.c_acctbal AS c0, ref_0.c_custkey AS c1, ref_0.c_custkey AS c2, ref_0.c_phone AS c3, ref_0.c_custkey AS c4, ref_0.c_address AS c5 FROM public.customer AS ref_0 WHERE ref_0.c_acctbal IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 23;

-- sqlsmith seed 11 query 988; tables kinds, nullable, region, small
SELECT ref_0.r_comment AS c0, subq_0.c8 AS c1, (SELECT v FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 4) AS c2 FROM public.region AS ref_0, LATERAL (SELECT sample_0.k AS c0, ref_0.r_regionkey AS c1, sample_0.k AS c2, sample_0.name AS c3, ref_0.r_name AS c4, CAST(NULLIF(sample_0.name, sample_0.name) AS TEXT) AS c5, sample_0.k AS c6, sample_0.name AS c7, sample_0.name AS c8 FROM public.small AS sample_0 WHERE FALSE <= (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2)) AS subq_0 WHERE (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 21) = CAST(NULL AS DATE);

-- sqlsmith seed 11 query 1035; tables customer, orders; uses min
SELECT ref_0.c_nationkey AS c0, ref_0.c_acctbal AS c1, ref_0.c_phone AS c2 FROM public.customer AS ref_0 WHERE CAST(NULL AS SMALLINT) >= (SELECT MIN(o_orderkey) FROM public.orders) ORDER BY 1, 2, 3 LIMIT 51;

-- sqlsmith seed 11 query 1113; tables lineitem
SELECT ref_0.l_returnflag AS c0, ref_0.l_linenumber AS c1, ref_0.l_shipinstruct AS c2 FROM public.lineitem AS ref_0 WHERE CAST(COALESCE(ref_0.l_discount, ref_0.l_extendedprice) AS DECIMAL) IS NOT NULL ORDER BY 1, 2, 3 LIMIT 63;

-- sqlsmith seed 11 query 1219; tables supplier
SELECT ref_0.s_comment AS c0, ref_0.s_phone AS c1, ref_0.s_suppkey AS c2 FROM public.supplier AS ref_0 WHERE ref_0.s_suppkey <= CASE WHEN ref_0.s_comment IS NOT NULL THEN CAST(NULL AS SMALLINT) ELSE CAST(NULL AS SMALLINT) END;

-- sqlsmith seed 11 query 1269; tables nullable, part
SELECT subq_0.c0 AS c0 FROM (SELECT sample_0.p_container AS c0 FROM public.part AS sample_0 WHERE EXISTS(SELECT ref_0.v AS c0 FROM public.nullable AS ref_0 WHERE CAST(NULL AS REAL) <= CAST(NULL AS REAL) ORDER BY 1 LIMIT 99)) AS subq_0 WHERE subq_0.c0 IS NOT NULL ORDER BY 1 LIMIT 93;

-- sqlsmith seed 11 query 1292; tables customer
SELECT ref_0.c_comment AS c0, ref_0.c_mktsegment AS c1, ref_0.c_acctbal AS c2, ref_0.c_custkey AS c3, ref_0.c_custkey AS c4, ref_0.c_custkey AS c5, ref_0.c_name AS c6 FROM public.customer AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 123;

-- sqlsmith seed 11 query 1312; tables lineitem, orders
SELECT sample_0.l_commitdate AS c0, (SELECT o_totalprice FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 59) AS c1, sample_0.l_discount AS c2, sample_0.l_shipinstruct AS c3 FROM public.lineitem AS sample_0 WHERE sample_0.l_extendedprice IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 107;

-- sqlsmith seed 11 query 1331; tables kinds
SELECT sample_0.num AS c0 FROM public.kinds AS sample_0 WHERE FALSE;

-- sqlsmith seed 11 query 1366; tables kinds; uses sum
SELECT (SELECT SUM(rl) FROM public.kinds) AS c0, ref_0.big AS c1 FROM public.kinds AS ref_0 WHERE ref_0.big IS NULL ORDER BY 1, 2 LIMIT 107;

-- sqlsmith seed 11 query 1367; tables supplier
SELECT sample_0.s_name AS c0 FROM public.supplier AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 92;

-- sqlsmith seed 11 query 1397; tables region
SELECT sample_0.r_regionkey AS c0, sample_0.r_regionkey AS c1 FROM public.region AS sample_0 WHERE sample_0.r_comment IS NULL;

-- sqlsmith seed 11 query 1493; tables small
SELECT ref_0.k AS c0 FROM public.small AS ref_0 WHERE FALSE;

-- sqlsmith seed 11 query 1507; tables lineitem
SELECT sample_0.l_linenumber AS c0, sample_0.l_partkey AS c1, sample_0.l_tax AS c2 FROM public.lineitem AS sample_0 WHERE sample_0.l_suppkey >= sample_0.l_partkey ORDER BY 1, 2, 3 LIMIT 115;

-- sqlsmith seed 11 query 1570; tables supplier
SELECT ref_0.s_acctbal AS c0, ref_0.s_name AS c1 FROM public.supplier AS ref_0 WHERE CAST(COALESCE(ref_0.s_nationkey, ref_0.s_suppkey) AS BIGINT) IS NULL ORDER BY 1, 2 LIMIT 97;

-- sqlsmith seed 11 query 1633; tables nullable, small
SELECT CASE WHEN (ref_0.name IS NOT NULL) OR (TRUE) THEN (SELECT s FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 2) ELSE (SELECT s FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 2) END AS c0, ref_0.name AS c1, ref_0.name AS c2 FROM public.small AS ref_0 WHERE ref_0.k IS NULL ORDER BY 1, 2, 3 LIMIT 49;

-- sqlsmith seed 11 query 1641; tables region
SELECT 93 AS c0 FROM public.region AS ref_0 WHERE ref_0.r_comment IS NULL ORDER BY 1 LIMIT 104;

-- sqlsmith seed 31 query 22; tables lineitem, region
SELECT (SELECT l_returnflag FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 87) AS c0 FROM public.region AS sample_0 WHERE sample_0.r_regionkey IS NULL ORDER BY 1 LIMIT 110;

-- sqlsmith seed 31 query 27; tables part, region
SELECT subq_0.c2 AS c0 FROM (SELECT ref_0.p_size AS c0, (SELECT r_regionkey FROM public.region ORDER BY 1 LIMIT 1 OFFSET 1) AS c1, 31 AS c2 FROM public.part AS ref_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 84) AS subq_0 WHERE subq_0.c1 IS NOT NULL;

-- sqlsmith seed 31 query 65; tables kinds, partsupp
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1 FROM (SELECT ref_0.ps_suppkey AS c0 FROM public.partsupp AS ref_0 WHERE (SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) <> CAST(NULL AS TIMESTAMPTZ)) AS subq_0 WHERE subq_0.c0 IS NOT NULL ORDER BY 1, 2 LIMIT 134;

-- sqlsmith seed 31 query 129; tables kinds
SELECT ref_0.id AS c0 FROM public.kinds AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 173;

-- sqlsmith seed 31 query 351; tables customer
SELECT ref_0.c_mktsegment AS c0 FROM public.customer AS ref_0 WHERE ref_0.c_name IS NOT NULL ORDER BY 1 LIMIT 110;

-- sqlsmith seed 31 query 450; tables customer, kinds, part, supplier
SELECT (SELECT c_nationkey FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 6) AS c0, (SELECT p_retailprice FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6) AS c1, sample_0.s_comment AS c2, sample_0.s_acctbal AS c3, sample_0.s_acctbal AS c4, sample_0.s_address AS c5, sample_0.s_comment AS c6, (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 17) AS c7 FROM public.supplier AS sample_0 WHERE sample_0.s_suppkey IS NULL;

-- sqlsmith seed 31 query 544; tables region, small
SELECT sample_0.r_name AS c0, sample_0.r_name AS c1, sample_0.r_comment AS c2, CAST(NULLIF(8, (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 2)) AS INT) AS c3, sample_0.r_name AS c4 FROM public.region AS sample_0 WHERE sample_0.r_name IS NULL ORDER BY 1, 2, 3, 4, 5 LIMIT 132;

-- sqlsmith seed 31 query 595; tables kinds, supplier
SELECT sample_0.s_address AS c0, CASE WHEN ((sample_0.s_suppkey IS NULL) AND (CAST(NULLIF((SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4), TRUE) AS BOOLEAN) <= (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3))) OR (TRUE) THEN sample_0.s_name ELSE sample_0.s_name END AS c1 FROM public.supplier AS sample_0 WHERE sample_0.s_nationkey IS NOT NULL ORDER BY 1, 2 LIMIT 124;

-- sqlsmith seed 31 query 688; tables lineitem
SELECT sample_0.l_returnflag AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_shipinstruct IS NULL ORDER BY 1 LIMIT 65;

-- sqlsmith seed 31 query 760; tables kinds
SELECT CASE WHEN TRUE THEN ref_0.flag ELSE ref_0.flag END AS c0, ref_0.dbl AS c1, ref_0.ts AS c2, ref_0.big AS c3, ref_0.dbl AS c4 FROM public.kinds AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5 LIMIT 59;

-- sqlsmith seed 31 query 812; tables nullable
SELECT ref_0.s AS c0, ref_0.v AS c1 FROM public.nullable AS ref_0 WHERE ref_0.s IS NULL ORDER BY 1, 2 LIMIT 83;

-- sqlsmith seed 31 query 830; tables orders, partsupp
SELECT sample_0.o_totalprice AS c0 FROM public.orders AS sample_0 WHERE EXISTS(SELECT sample_0.o_comment AS c0, ref_0.ps_partkey AS c1, sample_0.o_orderstatus AS c2, 42 AS c3, sample_0.o_totalprice AS c4 FROM public.partsupp AS ref_0 WHERE FALSE) ORDER BY 1 LIMIT 116;

-- sqlsmith seed 31 query 912; tables kinds, nation; uses max
SELECT ref_0.n_name AS c0, 40 AS c1, ref_0.n_name AS c2 FROM public.nation AS ref_0 WHERE (SELECT MAX(rl) FROM public.kinds) = (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1);

-- sqlsmith seed 31 query 1015; tables kinds, orders, part; uses int2
SELECT sample_0.o_custkey AS c0, sample_0.o_custkey AS c1, sample_0.o_shippriority AS c2, subq_1.c1 AS c3, sample_0.o_comment AS c4 FROM public.orders AS sample_0 INNER JOIN (SELECT ref_0.p_type AS c0, subq_0.c0 AS c1 FROM public.part AS ref_0, LATERAL (SELECT ref_0.p_name AS c0 FROM public.kinds AS sample_1 WHERE sample_1.dt >= CAST(NULL AS DATE) ORDER BY 1 LIMIT 126) AS subq_0 WHERE (SELECT p_size FROM public.part ORDER BY 1 LIMIT 1 OFFSET 1) <= ref_0.p_size ORDER BY 1, 2 LIMIT 101) AS subq_1 ON (CAST(NULL AS SMALLINT) <= sample_0.o_shippriority) WHERE (INT2(CAST(sample_0.o_shippriority AS INT)) <= sample_0.o_shippriority) OR (TRUE) ORDER BY 1, 2, 3, 4, 5 LIMIT 98;

-- sqlsmith seed 31 query 1030; tables customer, lineitem, nullable, orders, small
SELECT (SELECT v FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 91) AS c0, sample_0.name AS c1 FROM public.small AS sample_0 WHERE EXISTS(SELECT (SELECT v FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 4) AS c0 FROM (SELECT (SELECT c_phone FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 6) AS c0, sample_0.k AS c1, sample_1.l_comment AS c2, sample_0.name AS c3, sample_2.o_orderdate AS c4, sample_2.o_orderkey AS c5, sample_0.k AS c6, sample_0.k AS c7 FROM public.lineitem AS sample_1 INNER JOIN public.orders AS sample_2 ON (sample_1.l_discount = sample_2.o_totalprice) WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 LIMIT 31) AS subq_0 WHERE sample_0.k IS NOT NULL ORDER BY 1 LIMIT 108) ORDER BY 1, 2 LIMIT 114;

-- sqlsmith seed 31 query 1038; tables part
SELECT ref_0.p_size AS c0, ref_0.p_type AS c1 FROM public.part AS ref_0 WHERE ref_0.p_mfgr IS NOT NULL ORDER BY 1, 2 LIMIT 35;

-- sqlsmith seed 31 query 1092; tables orders, small
SELECT ref_0.k AS c0, ref_0.name AS c1 FROM public.small AS ref_0 WHERE ref_0.k < (SELECT o_orderkey FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 4) ORDER BY 1, 2 LIMIT 58;

-- sqlsmith seed 31 query 1120; tables kinds, nation, nullable, orders; uses count
SELECT CASE WHEN (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 5) IS NULL THEN COUNT(CAST(sample_0.k AS INT)) OVER (PARTITION BY sample_0.v ORDER BY sample_0.s) ELSE COUNT(CAST(sample_0.k AS INT)) OVER (PARTITION BY sample_0.v ORDER BY sample_0.s) END AS c0, sample_0.k AS c1, sample_0.k AS c2, sample_0.v AS c3, sample_0.v AS c4, sample_0.s AS c5, sample_0.k AS c6, sample_0.v AS c7, sample_0.v AS c8 FROM public.nullable AS sample_0 WHERE (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 4) <= (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 67);

-- sqlsmith seed 31 query 1151; tables kinds, small, supplier
SELECT ref_0.num AS c0 FROM public.kinds AS ref_0 WHERE EXISTS(SELECT ref_1.big AS c0, ref_1.big AS c1 FROM public.kinds AS ref_1 WHERE EXISTS(SELECT 13 AS c0, (SELECT s_name FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 4) AS c1 FROM public.small AS sample_0 WHERE TRUE) ORDER BY 1, 2 LIMIT 98);

-- sqlsmith seed 31 query 1220; tables partsupp
SELECT sample_0.ps_supplycost AS c0, sample_0.ps_partkey AS c1, sample_0.ps_partkey AS c2, sample_0.ps_availqty AS c3, sample_0.ps_partkey AS c4 FROM public.partsupp AS sample_0 WHERE FALSE;

-- sqlsmith seed 31 query 1271; tables orders
SELECT CASE WHEN FALSE THEN sample_0.o_orderpriority ELSE sample_0.o_orderpriority END AS c0, sample_0.o_comment AS c1 FROM public.orders AS sample_0 WHERE sample_0.o_clerk IS NULL ORDER BY 1, 2 LIMIT 117;

-- sqlsmith seed 31 query 1312; tables kinds
SELECT ref_0.txt AS c0, CAST(NULLIF(ref_0.num, ref_0.num) AS DECIMAL) AS c1 FROM public.kinds AS ref_0 WHERE ref_0.ts <> ref_0.dt ORDER BY 1, 2 LIMIT 95;

-- sqlsmith seed 31 query 1340; tables part
SELECT sample_0.p_type AS c0, sample_0.p_retailprice AS c1, CAST(COALESCE(sample_0.p_name, sample_0.p_brand) AS TEXT) AS c2 FROM public.part AS sample_0 WHERE sample_0.p_container IS NULL ORDER BY 1, 2, 3 LIMIT 64;

-- sqlsmith seed 31 query 1367; tables kinds, nullable
SELECT 25 AS c0, (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 6) AS c1 FROM public.kinds AS ref_0 WHERE ref_0.big >= CAST(NULLIF(ref_0.big, ref_0.big) AS BIGINT) ORDER BY 1, 2 LIMIT 126;

-- sqlsmith seed 31 query 1419; tables part
SELECT subq_0.c11 AS c0, 26 AS c1 FROM (SELECT sample_0.p_name AS c0, (SELECT p_comment FROM public.part ORDER BY 1 LIMIT 1 OFFSET 3) AS c1, sample_0.p_mfgr AS c2, sample_0.p_retailprice AS c3, sample_0.p_mfgr AS c4, sample_0.p_type AS c5, sample_0.p_name AS c6, sample_0.p_container AS c7, sample_0.p_partkey AS c8, sample_0.p_retailprice AS c9, sample_0.p_comment AS c10, sample_0.p_container AS c11 FROM public.part AS sample_0 WHERE CAST(NULL AS SMALLINT) = sample_0.p_size ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 LIMIT 86) AS subq_0 WHERE TRUE;

-- sqlsmith seed 31 query 1458; tables lineitem
SELECT sample_0.l_partkey AS c0 FROM public.lineitem AS sample_0 WHERE TRUE ORDER BY 1 LIMIT 75;

-- sqlsmith seed 31 query 1570; tables small
SELECT sample_0.k AS c0 FROM public.small AS sample_0 WHERE sample_0.k IS NULL ORDER BY 1 LIMIT 49;

-- sqlsmith seed 31 query 1709; tables orders
SELECT sample_0.o_shippriority AS c0, sample_0.o_shippriority AS c1, sample_0.o_comment AS c2, sample_0.o_orderstatus AS c3, sample_0.o_orderpriority AS c4, 2 AS c5, sample_0.o_orderpriority AS c6 FROM public.orders AS sample_0 WHERE sample_0.o_totalprice IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 46;

-- sqlsmith seed 31 query 1776; tables kinds, nullable
SELECT ref_0.k AS c0, (SELECT txt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6) AS c1, ref_0.v AS c2, ref_0.v AS c3, ref_0.s AS c4 FROM public.nullable AS ref_0 WHERE (SELECT flag FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) <= TRUE;

-- sqlsmith seed 31 query 1840; tables nullable
SELECT sample_0.s AS c0, sample_0.v AS c1 FROM public.nullable AS sample_0 WHERE sample_0.k IS NULL ORDER BY 1, 2 LIMIT 133;

-- sqlsmith seed 31 query 1884; tables nation
SELECT ref_0.n_nationkey AS c0 FROM public.nation AS ref_0 WHERE FALSE;

-- sqlsmith seed 31 query 1972; tables customer, kinds, orders
SELECT ref_0.c_custkey AS c0 FROM public.customer AS ref_0 WHERE (SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 52) <> CAST(COALESCE((SELECT dt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 99), (SELECT o_orderdate FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 6)) AS DATE) ORDER BY 1 LIMIT 74;

-- sqlsmith seed 31 query 2105; tables nullable, part
SELECT ref_0.p_partkey AS c0, ref_0.p_brand AS c1 FROM public.part AS ref_0 RIGHT JOIN (SELECT ref_1.s AS c0, ref_1.s AS c1, ref_1.s AS c2, ref_1.s AS c3, ref_1.v AS c4, ref_1.v AS c5 FROM public.nullable AS ref_1 WHERE (ref_1.s IS NULL) AND (FALSE)) AS subq_0 ON (ref_0.p_type = subq_0.c0) WHERE subq_0.c0 IS NOT NULL ORDER BY 1, 2 LIMIT 54;

-- sqlsmith seed 31 query 2112; tables kinds, nullable, orders
SELECT sample_0.o_shippriority AS c0, sample_0.o_orderdate AS c1 FROM public.orders AS sample_0 WHERE EXISTS(SELECT 6 AS c0 FROM public.nullable AS sample_1 WHERE (SELECT tstz FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 2) = sample_0.o_orderdate) ORDER BY 1, 2 LIMIT 52;

-- sqlsmith seed 31 query 2216; tables customer, nullable
SELECT sample_0.v AS c0, CASE WHEN (SELECT c_custkey FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 4) IS NULL THEN sample_0.v ELSE sample_0.v END AS c1, sample_0.s AS c2 FROM public.nullable AS sample_0 WHERE sample_0.s NOT LIKE sample_0.s ORDER BY 1, 2, 3 LIMIT 175;

-- sqlsmith seed 31 query 2255; tables kinds, region, small
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, ref_0.r_name AS c2, subq_0.c0 AS c3 FROM public.region AS ref_0, LATERAL (SELECT ref_0.r_comment AS c0, ref_0.r_name AS c1, ref_1.flag AS c2, ref_1.wide AS c3 FROM public.kinds AS ref_1 WHERE (66 IS NULL) OR (FALSE)) AS subq_0 WHERE (FALSE) AND ((SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 2) IS NULL) ORDER BY 1, 2, 3, 4 LIMIT 90;

-- sqlsmith seed 31 query 2343; tables region
SELECT ref_0.r_comment AS c0 FROM public.region AS ref_0 WHERE ref_0.r_name IS NOT NULL ORDER BY 1 LIMIT 32;

-- sqlsmith seed 31 query 2396; tables partsupp, small
SELECT ref_0.k AS c0 FROM public.small AS ref_0 WHERE CAST(NULL AS BIGINT) = CASE WHEN CAST(NULL AS "char") >= CAST(NULL AS "char") THEN (SELECT ps_availqty FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 2) ELSE (SELECT ps_availqty FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 2) END;

-- sqlsmith seed 31 query 2407; tables lineitem, nullable, orders, part
SELECT ref_1.o_orderkey AS c0, CAST(NULLIF((SELECT o_orderpriority FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 5), (SELECT s FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 1)) AS TEXT) AS c1, ref_0.p_container AS c2 FROM public.part AS ref_0 LEFT JOIN public.orders AS ref_1 ON (ref_0.p_type = ref_1.o_orderstatus) WHERE ref_0.p_retailprice < (SELECT l_quantity FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 1);

-- sqlsmith seed 31 query 2460; tables orders, part
SELECT ref_0.o_clerk AS c0 FROM public.orders AS ref_0 WHERE (SELECT p_comment FROM public.part ORDER BY 1 LIMIT 1 OFFSET 6) IS NULL ORDER BY 1 LIMIT 66;

-- sqlsmith seed 31 query 2474; tables nation
SELECT ref_0.n_regionkey AS c0 FROM public.nation AS ref_0 WHERE ref_0.n_regionkey IS NOT NULL;

-- sqlsmith seed 31 query 2481; tables region
SELECT ref_0.r_regionkey AS c0 FROM public.region AS ref_0 WHERE ref_0.r_comment IS NULL;

-- sqlsmith seed 31 query 2485; tables kinds; uses date
SELECT subq_0.c0 AS c0 FROM (SELECT ref_0.tstz AS c0, ref_0.dbl AS c1 FROM public.kinds AS ref_0 WHERE ref_0.ts < DATE(CAST(ref_0.tstz AS TIMESTAMPTZ))) AS subq_0 WHERE (subq_0.c1 IS NOT NULL) AND (TRUE) ORDER BY 1 LIMIT 57;

-- sqlsmith seed 31 query 2525; tables supplier
SELECT CAST(COALESCE(ref_0.s_suppkey, ref_0.s_suppkey) AS BIGINT) AS c0, ref_0.s_acctbal AS c1, ref_0.s_comment AS c2, ref_0.s_comment AS c3 FROM public.supplier AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4 LIMIT 60;

-- sqlsmith seed 31 query 2537; tables lineitem
SELECT sample_0.l_suppkey AS c0, sample_0.l_quantity AS c1 FROM public.lineitem AS sample_0 WHERE sample_0.l_suppkey IS NULL ORDER BY 1, 2 LIMIT 145;

-- sqlsmith seed 31 query 2559; tables partsupp, supplier
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2 FROM (SELECT ref_0.s_phone AS c0 FROM public.supplier AS ref_0 WHERE ref_0.s_comment IS NULL ORDER BY 1 LIMIT 102) AS subq_0 WHERE (SELECT ps_supplycost FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 4) IS NOT NULL ORDER BY 1, 2, 3 LIMIT 92;

-- sqlsmith seed 31 query 2733; tables kinds
SELECT 60 AS c0, ref_0.num AS c1 FROM public.kinds AS ref_0 WHERE ref_0.tstz > CAST(NULL AS TIMESTAMP);

-- sqlsmith seed 31 query 2799; tables region
SELECT ref_0.r_name AS c0, ref_0.r_comment AS c1 FROM public.region AS ref_0 WHERE TRUE ORDER BY 1, 2 LIMIT 9;

-- sqlsmith seed 31 query 2806; tables region
SELECT sample_0.r_comment AS c0, sample_0.r_regionkey AS c1 FROM public.region AS sample_0 WHERE sample_0.r_name IS NULL ORDER BY 1, 2 LIMIT 29;

-- sqlsmith seed 31 query 2900; tables nullable
SELECT sample_0.v AS c0 FROM public.nullable AS sample_0 WHERE sample_0.s = sample_0.s ORDER BY 1 LIMIT 121;

-- sqlsmith seed 32 query 12; tables kinds
SELECT ref_0.num AS c0, ref_0.flag AS c1, ref_0.id AS c2 FROM public.kinds AS ref_0 WHERE ref_0.txt IS NULL;

-- sqlsmith seed 32 query 246; tables small
SELECT ref_0.k AS c0 FROM public.small AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 125;

-- sqlsmith seed 32 query 325; tables small
SELECT sample_0.k AS c0, sample_0.name AS c1, sample_0.k AS c2, sample_0.k AS c3 FROM public.small AS sample_0 WHERE sample_0.k < sample_0.k ORDER BY 1, 2, 3, 4 LIMIT 63;

-- sqlsmith seed 32 query 326; tables region
SELECT ref_0.r_name AS c0, ref_0.r_name AS c1, ref_0.r_comment AS c2 FROM public.region AS ref_0 WHERE FALSE ORDER BY 1, 2, 3 LIMIT 127;

-- sqlsmith seed 32 query 397; tables nullable
SELECT sample_0.s AS c0, sample_0.s AS c1 FROM public.nullable AS sample_0 WHERE FALSE ORDER BY 1, 2 LIMIT 42;

-- sqlsmith seed 32 query 427; tables nation
SELECT ref_0.n_comment AS c0 FROM public.nation AS ref_0 WHERE ref_0.n_name IS NULL;

-- sqlsmith seed 32 query 473; tables region
SELECT sample_0.r_regionkey AS c0 FROM public.region AS sample_0 WHERE TRUE;

-- sqlsmith seed 32 query 511; tables nullable, supplier
SELECT sample_1.k AS c0, sample_0.s_name AS c1 FROM public.supplier AS sample_0 INNER JOIN public.nullable AS sample_1 ON (CAST(COALESCE(sample_0.s_suppkey, sample_0.s_nationkey) AS BIGINT) >= sample_0.s_suppkey) WHERE sample_1.v <> sample_1.k;

-- sqlsmith seed 32 query 586; tables lineitem, nullable
SELECT ref_0.l_commitdate AS c0, 69 AS c1, ref_0.l_shipdate AS c2 FROM public.lineitem AS ref_0 WHERE ref_0.l_partkey >= (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 1) ORDER BY 1, 2, 3 LIMIT 88;

-- sqlsmith seed 32 query 620; tables part
SELECT ref_0.p_container AS c0, ref_0.p_retailprice AS c1 FROM public.part AS ref_0 WHERE TRUE ORDER BY 1, 2 LIMIT 72;

-- sqlsmith seed 32 query 676; tables region
SELECT sample_0.r_name AS c0, sample_0.r_regionkey AS c1, sample_0.r_regionkey AS c2, sample_0.r_comment AS c3 FROM public.region AS sample_0 WHERE sample_0.r_regionkey IS NULL ORDER BY 1, 2, 3, 4 LIMIT 143;

-- sqlsmith seed 32 query 683; tables kinds, orders
SELECT ref_0.o_comment AS c0, ref_1.num AS c1, ref_0.o_totalprice AS c2, CAST(COALESCE(ref_1.dt, ref_0.o_orderdate) AS DATE) AS c3, ref_0.o_orderstatus AS c4, ref_0.o_custkey AS c5, ref_1.flag AS c6 FROM public.orders AS ref_0 LEFT JOIN public.kinds AS ref_1 ON (ref_0.o_custkey > CAST(NULL AS SMALLINT)) WHERE ref_1.dt IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 92;

-- sqlsmith seed 32 query 707; tables part
SELECT sample_0.p_comment AS c0, sample_0.p_type AS c1, sample_0.p_container AS c2, sample_0.p_brand AS c3 FROM public.part AS sample_0 WHERE sample_0.p_retailprice IS NOT NULL ORDER BY 1, 2, 3, 4 LIMIT 53;

-- sqlsmith seed 32 query 822; tables nation
SELECT sample_0.n_name AS c0, sample_0.n_name AS c1 FROM public.nation AS sample_0 WHERE CAST(NULL AS BPCHAR) LIKE sample_0.n_name ORDER BY 1, 2 LIMIT 62;

-- sqlsmith seed 32 query 942; tables orders, partsupp; uses sum
SELECT subq_0.c4 AS c0 FROM (SELECT ref_0.o_orderkey AS c0, ref_0.o_clerk AS c1, ref_0.o_totalprice AS c2, (SELECT ps_partkey FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 1) AS c3, ref_0.o_orderdate AS c4, SUM(CAST(CAST(NULL AS DECIMAL) AS DECIMAL)) OVER (PARTITION BY ref_0.o_orderdate, ref_0.o_orderpriority, ref_0.o_orderdate, ref_0.o_orderstatus ORDER BY ref_0.o_orderpriority) AS c5, ref_0.o_orderkey AS c6, ref_0.o_orderdate AS c7 FROM public.orders AS ref_0 WHERE TRUE) AS subq_0 WHERE subq_0.c2 IS NULL ORDER BY 1 LIMIT 21;

-- sqlsmith seed 32 query 973; tables customer, kinds, region
SELECT (SELECT c_acctbal FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 1) AS c0, (SELECT txt FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) AS c1, ref_0.r_comment AS c2 FROM public.region AS ref_0 WHERE FALSE;

-- sqlsmith seed 32 query 975; tables orders
SELECT ref_0.o_shippriority AS c0 FROM public.orders AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 131;

-- sqlsmith seed 32 query 991; tables small
SELECT ref_0.name AS c0, ref_0.name AS c1, ref_0.name AS c2, ref_0.k AS c3 FROM public.small AS ref_0 WHERE ref_0.k IS NULL ORDER BY 1, 2, 3, 4 LIMIT 169;

-- sqlsmith seed 32 query 1016; tables supplier; uses max
SELECT MAX(CAST(CAST(NULL AS BPCHAR) AS BPCHAR)) OVER (PARTITION BY ref_0.s_acctbal ORDER BY ref_0.s_address) AS c0 FROM public.supplier AS ref_0 WHERE ref_0.s_comment IS NOT NULL ORDER BY 1 LIMIT 79;

-- sqlsmith seed 32 query 1026; tables nation, orders, region
SELECT sample_0.n_regionkey AS c0, sample_0.n_nationkey AS c1, (SELECT r_name FROM public.region ORDER BY 1 LIMIT 1 OFFSET 3) AS c2, sample_0.n_comment AS c3, sample_0.n_regionkey AS c4, CAST(NULLIF(sample_0.n_name, (SELECT o_orderstatus FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 6)) AS TEXT) AS c5, sample_0.n_name AS c6 FROM public.nation AS sample_0 WHERE sample_0.n_regionkey IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 72;

-- sqlsmith seed 32 query 1047; tables partsupp
SELECT sample_0.ps_supplycost AS c0, sample_0.ps_suppkey AS c1, sample_0.ps_availqty AS c2, sample_0.ps_suppkey AS c3 FROM public.partsupp AS sample_0 WHERE sample_0.ps_comment IS NULL ORDER BY 1, 2, 3, 4 LIMIT 18;

-- sqlsmith seed 32 query 1069; tables nullable, orders
SELECT ref_0.s AS c0 FROM public.nullable AS ref_0 WHERE ref_0.k = (SELECT o_orderkey FROM public.orders ORDER BY 1 LIMIT 1 OFFSET 30) ORDER BY 1 LIMIT 39;

-- sqlsmith seed 32 query 1085; tables region
SELECT 33 AS c0, subq_0.c0 AS c1 FROM (SELECT ref_0.r_regionkey AS c0 FROM public.region AS ref_0 WHERE ref_0.r_name IS NULL ORDER BY 1 LIMIT 131) AS subq_0 WHERE TRUE ORDER BY 1, 2 LIMIT 13;

-- sqlsmith seed 32 query 1099; tables region
SELECT ref_0.r_comment AS c0, ref_0.r_regionkey AS c1 FROM public.region AS ref_0 WHERE ref_0.r_regionkey IS NULL ORDER BY 1, 2 LIMIT 182;

-- sqlsmith seed 32 query 1107; tables kinds, nation, region, small; uses max
SELECT subq_0.c2 AS c0, (SELECT k FROM public.small ORDER BY 1 LIMIT 1 OFFSET 1) AS c1, subq_0.c8 AS c2, subq_0.c0 AS c3, subq_0.c0 AS c4, subq_0.c2 AS c5 FROM (SELECT ref_0.r_comment AS c0, ref_0.r_comment AS c1, ref_0.r_regionkey AS c2, ref_0.r_comment AS c3, ref_0.r_comment AS c4, ref_0.r_regionkey AS c5, 62 AS c6, CASE WHEN (SELECT MAX(rl) FROM public.kinds) >= (SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) THEN CAST(COALESCE(ref_0.r_comment, ref_0.r_name) AS TEXT) ELSE CAST(COALESCE(ref_0.r_comment, ref_0.r_name) AS TEXT) END AS c7, ref_0.r_comment AS c8, (SELECT n_regionkey FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 5) AS c9 FROM public.region AS ref_0 WHERE ref_0.r_name IS NULL ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 LIMIT 28) AS subq_0 WHERE FALSE;

-- sqlsmith seed 32 query 1351; tables customer
SELECT ref_0.c_comment AS c0, ref_0.c_nationkey AS c1, ref_0.c_phone AS c2, CAST(NULLIF(ref_0.c_comment, ref_0.c_phone) AS TEXT) AS c3 FROM public.customer AS ref_0 WHERE 38 IS NULL;

-- sqlsmith seed 32 query 1380; tables customer, orders
SELECT 16 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2, subq_0.c0 AS c3, subq_0.c0 AS c4, subq_0.c0 AS c5, subq_0.c0 AS c6 FROM (SELECT sample_0.o_orderstatus AS c0 FROM public.customer AS ref_0 RIGHT JOIN public.orders AS sample_0 ON (ref_0.c_acctbal IS NOT NULL) WHERE (sample_0.o_shippriority IS NULL) AND (TRUE)) AS subq_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6, 7 LIMIT 73;

-- sqlsmith seed 32 query 1456; tables nation
SELECT ref_0.n_name AS c0, ref_0.n_regionkey AS c1 FROM public.nation AS ref_0 WHERE ref_0.n_name IS NULL;

-- sqlsmith seed 32 query 1515; tables nation, supplier
SELECT ref_0.s_acctbal AS c0, ref_0.s_phone AS c1, ref_0.s_comment AS c2, ref_0.s_name AS c3, ref_0.s_nationkey AS c4, (SELECT n_comment FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 6) AS c5 FROM public.supplier AS ref_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 113;

-- sqlsmith seed 32 query 1557; tables orders; uses max, min
SELECT (SELECT MIN(o_shippriority) FROM public.orders) AS c0, MAX(CAST(CAST(NULL AS REAL) AS REAL)) OVER (PARTITION BY sample_0.o_orderkey, sample_0.o_orderdate, sample_0.o_orderkey, sample_0.o_clerk ORDER BY sample_0.o_clerk) AS c1 FROM public.orders AS sample_0 WHERE (CAST(NULL AS SMALLINT) <= sample_0.o_custkey) AND (sample_0.o_orderpriority IS NOT NULL) ORDER BY 1, 2 LIMIT 100;

-- sqlsmith seed 32 query 1624; tables customer, nation
SELECT sample_0.n_name AS c0, (SELECT c_nationkey FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 96) AS c1, sample_0.n_nationkey AS c2, 80 AS c3, sample_0.n_nationkey AS c4, sample_0.n_regionkey AS c5 FROM public.nation AS sample_0 WHERE sample_0.n_comment IS NOT NULL;

-- sqlsmith seed 32 query 1663; tables lineitem, nullable
SELECT ref_0.v AS c0, ref_0.s AS c1, (SELECT l_partkey FROM public.lineitem ORDER BY 1 LIMIT 1 OFFSET 1) AS c2 FROM public.nullable AS ref_0 WHERE ref_0.s IS NOT NULL;

-- sqlsmith seed 32 query 1756; tables customer
SELECT CASE WHEN ref_0.c_custkey IS NULL THEN ref_0.c_address ELSE ref_0.c_address END AS c0 FROM public.customer AS ref_0 WHERE TRUE ORDER BY 1 LIMIT 101;

-- sqlsmith seed 32 query 1767; tables small
SELECT sample_0.name AS c0 FROM public.small AS sample_0 WHERE sample_0.k IS NOT NULL ORDER BY 1 LIMIT 95;

-- sqlsmith seed 32 query 1780; tables nation, region
SELECT ref_0.r_name AS c0 FROM public.region AS ref_0 WHERE (SELECT n_regionkey FROM public.nation ORDER BY 1 LIMIT 1 OFFSET 5) IS NOT NULL ORDER BY 1 LIMIT 177;

-- sqlsmith seed 32 query 1793; tables nation
SELECT sample_0.n_regionkey AS c0, CASE WHEN FALSE THEN sample_0.n_name ELSE sample_0.n_name END AS c1, sample_0.n_comment AS c2 FROM public.nation AS sample_0 WHERE sample_0.n_name IS NOT NULL;

-- sqlsmith seed 32 query 1816; tables nation
SELECT ref_0.n_name AS c0, ref_0.n_comment AS c1, ref_0.n_name AS c2, ref_0.n_name AS c3, ref_0.n_regionkey AS c4, ref_0.n_comment AS c5, ref_0.n_nationkey AS c6, ref_0.n_nationkey AS c7 FROM public.nation AS ref_0 WHERE ref_0.n_name IS NOT NULL ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 LIMIT 90;

-- sqlsmith seed 32 query 1829; tables kinds
SELECT subq_0.c0 AS c0, subq_0.c1 AS c1 FROM (SELECT sample_0.txt AS c0, sample_0.rl AS c1 FROM public.kinds AS sample_0 WHERE sample_0.rl IS NULL) AS subq_0 WHERE 87 IS NOT NULL ORDER BY 1, 2 LIMIT 160;

-- sqlsmith seed 32 query 1850; tables customer
SELECT sample_0.c_mktsegment AS c0 FROM public.customer AS sample_0 WHERE FALSE ORDER BY 1 LIMIT 23;

-- sqlsmith seed 32 query 1853; tables customer, kinds, nullable, part
SELECT (SELECT big FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 5) AS c0 FROM public.customer AS ref_0 WHERE (SELECT k FROM public.nullable ORDER BY 1 LIMIT 1 OFFSET 2) = (SELECT p_size FROM public.part ORDER BY 1 LIMIT 1 OFFSET 3);

-- sqlsmith seed 32 query 1885; tables kinds, nation, region
SELECT (SELECT rl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 3) AS c0 FROM public.nation AS sample_0 WHERE (SELECT r_regionkey FROM public.region ORDER BY 1 LIMIT 1 OFFSET 3) IS NULL;

-- sqlsmith seed 32 query 1898; tables kinds, orders
SELECT sample_0.o_orderstatus AS c0 FROM public.orders AS sample_0 WHERE (CASE WHEN CAST(NULL AS BPCHAR) NOT ILIKE sample_0.o_orderstatus THEN CASE WHEN CAST(NULL AS SMALLINT) = sample_0.o_custkey THEN CAST(NULL AS TIMESTAMP) ELSE CAST(NULL AS TIMESTAMP) END ELSE CASE WHEN CAST(NULL AS SMALLINT) = sample_0.o_custkey THEN CAST(NULL AS TIMESTAMP) ELSE CAST(NULL AS TIMESTAMP) END END < (SELECT ts FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 6)) AND (FALSE);

-- sqlsmith seed 32 query 1961; tables customer
SELECT ref_0.c_phone AS c0 FROM public.customer AS ref_0 WHERE FALSE ORDER BY 1 LIMIT 27;

-- sqlsmith seed 32 query 1967; tables kinds, part; uses max
SELECT 76 AS c0, sample_0.id AS c1, sample_0.dbl AS c2, sample_0.rl AS c3, sample_0.tstz AS c4 FROM public.kinds AS sample_0 WHERE (sample_0.id > (SELECT MAX(p_size) FROM public.part)) AND (((((SELECT dbl FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1) > sample_0.dbl) OR (sample_0.rl IS NULL)) AND (sample_0.big = sample_0.id)) OR (TRUE));

-- sqlsmith seed 32 query 2041; tables nullable
SELECT sample_0.v AS c0, sample_0.k AS c1, sample_0.k AS c2, sample_0.k AS c3, sample_0.v AS c4, sample_0.k AS c5, sample_0.s AS c6, sample_0.k AS c7 FROM public.nullable AS sample_0 WHERE sample_0.k IS NULL ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 LIMIT 174;

-- sqlsmith seed 32 query 2112; tables kinds, orders, partsupp, region, supplier
SELECT (SELECT s_name FROM public.supplier ORDER BY 1 LIMIT 1 OFFSET 8) AS c0, subq_0.c2 AS c1 FROM public.region AS ref_0, LATERAL (SELECT sample_0.o_comment AS c0, ref_0.r_regionkey AS c1, ref_0.r_regionkey AS c2 FROM public.orders AS sample_0 WHERE TRUE ORDER BY 1, 2, 3 LIMIT 51) AS subq_0 WHERE (CAST(NULLIF((SELECT ps_supplycost FROM public.partsupp ORDER BY 1 LIMIT 1 OFFSET 6), CASE WHEN FALSE THEN CAST(COALESCE(CAST(NULLIF((SELECT num FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4), CAST(NULL AS DECIMAL)) AS DECIMAL), CASE WHEN subq_0.c0 IS NULL THEN CAST(NULL AS DECIMAL) ELSE CAST(NULL AS DECIMAL) END) AS DECIMAL) ELSE CAST(COALESCE(CAST(NULLIF((SELECT num FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 4), CAST(NULL AS DECIMAL)) AS DECIMAL), CASE WHEN subq_0.c0 IS NULL THEN CAST(NULL AS DECIMAL) ELSE CAST(NULL AS DECIMAL) END) AS DECIMAL) END) AS DECIMAL) <> (SELECT num FROM public.kinds ORDER BY 1 LIMIT 1 OFFSET 1)) AND (subq_0.c1 IS NULL) ORDER BY 1, 2 LIMIT 103;

-- sqlsmith seed 32 query 2186; tables nation
SELECT ref_0.n_comment AS c0, ref_0.n_regionkey AS c1, ref_0.n_comment AS c2, ref_0.n_nationkey AS c3, ref_0.n_comment AS c4, ref_0.n_name AS c5 FROM public.nation AS ref_0 WHERE FALSE ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 106;

-- sqlsmith seed 32 query 2242; tables lineitem
SELECT sample_0.l_shipmode AS c0, sample_0.l_extendedprice AS c1, sample_0.l_commitdate AS c2, sample_0.l_quantity AS c3 FROM public.lineitem AS sample_0 WHERE sample_0.l_suppkey > CASE WHEN (sample_0.l_linenumber IS NOT NULL) AND (sample_0.l_shipmode IS NOT NULL) THEN CASE WHEN (sample_0.l_commitdate IS NULL) OR (sample_0.l_shipmode IS NOT NULL) THEN CAST(NULL AS SMALLINT) ELSE CAST(NULL AS SMALLINT) END ELSE CASE WHEN (sample_0.l_commitdate IS NULL) OR (sample_0.l_shipmode IS NOT NULL) THEN CAST(NULL AS SMALLINT) ELSE CAST(NULL AS SMALLINT) END END;

-- sqlsmith seed 32 query 2270; tables lineitem
SELECT subq_0.c0 AS c0, subq_0.c0 AS c1, subq_0.c0 AS c2, subq_0.c0 AS c3, subq_0.c0 AS c4, subq_0.c0 AS c5 FROM (SELECT sample_0.l_shipinstruct AS c0 FROM public.lineitem AS sample_0 WHERE sample_0.l_extendedprice IS NOT NULL ORDER BY 1 LIMIT 97) AS subq_0 WHERE TRUE ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 157;

-- sqlsmith seed 32 query 2372; tables orders
SELECT CASE WHEN TRUE THEN sample_0.o_clerk ELSE sample_0.o_clerk END AS c0, sample_0.o_orderdate AS c1 FROM public.orders AS sample_0 WHERE sample_0.o_orderstatus IS NOT NULL ORDER BY 1, 2 LIMIT 137;
