-- Hand-written queries of ordinary SQL, each run on duckflight and on PostgreSQL 15
-- holding the same rows (tests/clients/test_differential.py). An entry is '-- comment'
-- lines naming what it tests, then SQL ending with ';', then a blank line. Statements
-- before the last (SET ...) set up the entry's session. Rows are compared as multisets
-- unless the outermost SELECT has an ORDER BY, which must then be total.
-- Tables: TPC-H SF 0.01, and kinds, nullable, small (tests/clients/differential_support.py).

-- seed: current_date and localtimestamp
select current_date = current_date, localtimestamp is not null;

-- tables: every type of kinds, as stored
select id, flag, big, dbl, rl, txt, ts, tstz, dt, num from kinds order by id;

-- tables: nullable
select * from nullable;

-- tables: small
select * from small;

-- tables: nation whole
select * from nation order by n_nationkey;

-- tables: region whole
select * from region order by r_regionkey;

-- seed: identifier case (quoted and unquoted names)
select qty * 100 + 1 as total, "n_name" from (select 7 as qty, 'x' as n_name) s;

-- joins: inner join with ON
select n_name, r_name from nation join region on n_regionkey = r_regionkey order by n_name;

-- joins: USING of a derived table's column
select n_name, r_name from nation join (select r_regionkey as n_regionkey, r_name from region) r using (n_regionkey) order by n_name;

-- joins: natural join
select * from (select 1 as k, 'a' as x) a natural join (select 1 as k, 'b' as y) b;

-- joins: comma join with WHERE
select n_name, r_name from nation, region where n_regionkey = r_regionkey and r_name = 'ASIA' order by n_name;

-- joins: left join keeps unmatched rows with NULLs
select s.k, s.name, n.v from small s left join nullable n on s.k = n.k order by s.k nulls last, n.v nulls last;

-- joins: right join
select s.k, s.name, n.k, n.v from small s right join nullable n on s.k = n.k;

-- joins: full join
select s.k, s.name, n.k, n.v from small s full join nullable n on s.k = n.k;

-- joins: full join with USING and coalesced key
select k, s.name, n.v from small s full join nullable n using (k);

-- joins: cross join count
select count(*) from nation cross join region;

-- joins: self join
select a.n_name, b.n_name from nation a join nation b on a.n_regionkey = b.n_regionkey and a.n_nationkey < b.n_nationkey where a.n_regionkey = 1 order by 1, 2;

-- joins: non-equi join
select count(*) from nation a join nation b on a.n_nationkey between b.n_nationkey - 2 and b.n_nationkey + 2;

-- joins: join with OR condition
select count(*) from nation a join region r on a.n_regionkey = r.r_regionkey or a.n_nationkey = r.r_regionkey;

-- joins: left join with filter on the right side in ON
select n_name, r_name from nation left join region on n_regionkey = r_regionkey and r_name like 'A%' order by n_name;

-- joins: left join then IS NULL (anti join)
select count(*) from customer c left join orders o on o.o_custkey = c.c_custkey where o.o_orderkey is null;

-- joins: three tables with aggregate
select r_name, count(*) as customers, sum(c_acctbal) from customer join nation on c_nationkey = n_nationkey join region on n_regionkey = r_regionkey group by r_name order by r_name;

-- joins: lateral subquery
select n_name, x.cnt from nation, lateral (select count(*) as cnt from customer where c_nationkey = n_nationkey) x order by n_name;

-- joins: join NULL keys never match
select count(*) from nullable a join nullable b on a.k = b.k;

-- joins: IS NOT DISTINCT FROM matches NULLs
select count(*) from nullable a join nullable b on a.k is not distinct from b.k;

-- joins: TPC-H Q3 shape with top-N
select l_orderkey, sum(l_extendedprice * (1 - l_discount)) as revenue, o_orderdate, o_shippriority
from customer, orders, lineitem
where c_mktsegment = 'BUILDING' and c_custkey = o_custkey and l_orderkey = o_orderkey
  and o_orderdate < date '1995-03-15' and l_shipdate > date '1995-03-15'
group by l_orderkey, o_orderdate, o_shippriority
order by revenue desc, o_orderdate, l_orderkey limit 10;

-- aggregates: sum and avg of double
select sum(dbl), avg(dbl) from kinds where id in (1, 5, 9, 10);

-- aggregates: sum of real
select sum(rl) from kinds where id in (1, 9, 10);

-- aggregates: aggregate of an empty input
select count(*), sum(k), min(k), max(name), string_agg(name, ',') from small where k > 100;

-- aggregates: count(col) skips NULLs
select count(*), count(k), count(v), count(s), count(distinct v) from nullable;

-- aggregates: FILTER
select count(*) filter (where l_returnflag = 'R'), sum(l_quantity) filter (where l_linenumber = 1) from lineitem;

-- aggregates: FILTER with GROUP BY
select l_linestatus, count(*) filter (where l_discount > 0.05) as high, count(*) as all_rows from lineitem group by l_linestatus order by l_linestatus;

-- aggregates: bool_and, bool_or, every
select bool_and(flag), bool_or(flag), every(flag) from kinds;

-- aggregates: stddev and variance
select stddev(o_totalprice)::numeric(20,4), variance(p_size)::numeric(20,4), stddev_pop(p_size)::numeric(20,6), var_samp(p_size)::numeric(20,6) from part, (select o_totalprice from orders where o_orderkey = 1) o;

-- aggregates: stddev of double
select stddev_samp(dbl), var_pop(dbl) from kinds where id in (1, 9, 10, 5);

-- aggregates: string_agg with ORDER BY
select string_agg(n_name, ', ' order by n_name) from nation where n_regionkey = 2;

-- aggregates: string_agg grouped
select n_regionkey, string_agg(n_name, '|' order by n_nationkey desc) from nation group by n_regionkey order by n_regionkey;

-- aggregates: array_agg with ORDER BY
select n_regionkey, array_agg(n_nationkey order by n_nationkey) from nation group by n_regionkey order by n_regionkey;

-- aggregates: array_agg of text
select array_agg(r_name order by r_name) from region;

-- aggregates: percentile_cont
select percentile_cont(0.5) within group (order by p_size), percentile_cont(0.25) within group (order by p_retailprice) from part;

-- aggregates: percentile_disc
select percentile_disc(0.5) within group (order by p_size), percentile_disc(0.9) within group (order by p_retailprice) from part;

-- aggregates: percentile_cont grouped
select p_mfgr, percentile_cont(0.5) within group (order by p_size) from part group by p_mfgr order by p_mfgr;

-- aggregates: mode
select mode() within group (order by p_size) from part;

-- aggregates: mode per group
select l_returnflag, mode() within group (order by l_linenumber) from lineitem group by l_returnflag order by l_returnflag;

-- aggregates: HAVING
select c_nationkey, count(*) from customer group by c_nationkey having count(*) > 65 order by c_nationkey;

-- aggregates: GROUP BY expression
select substr(o_orderpriority, 1, 1) as p, count(*) from orders group by substr(o_orderpriority, 1, 1) order by p;

-- aggregates: GROUP BY ordinal
select o_orderstatus, o_orderpriority, count(*) from orders group by 1, 2 order by 1, 2;

-- aggregates: GROUP BY with NULL group
select v, count(*) from nullable group by v;

-- aggregates: aggregate of an expression
select sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) from lineitem;

-- aggregates: max and min of text and date
select max(n_name), min(n_name), max(o_orderdate), min(o_orderdate) from nation, (select o_orderdate from orders where o_orderkey < 100) o;

-- aggregates: count of a join
select count(*) from lineitem join orders on l_orderkey = o_orderkey where o_orderstatus = 'F';

-- aggregates: min/max of boolean-ish and bigint extremes
select min(big), max(big), sum(big::numeric) from kinds;

-- grouping sets: GROUPING SETS with grouping()
select l_returnflag, l_linestatus, grouping(l_returnflag, l_linestatus), count(*) from lineitem group by grouping sets ((l_returnflag), (l_linestatus), ());

-- grouping sets: ROLLUP
select n_regionkey, n_nationkey % 2 as odd, count(*) from nation group by rollup (n_regionkey, n_nationkey % 2);

-- grouping sets: CUBE
select o_orderstatus, o_orderpriority, count(*), sum(o_totalprice) from orders group by cube (o_orderstatus, o_orderpriority);

-- grouping sets: ROLLUP ordered with NULLS LAST
select r_name, n_name, count(*) from nation join region on n_regionkey = r_regionkey group by rollup (r_name, n_name) order by r_name nulls last, n_name nulls last;

-- window: row_number over partition
select n_name, n_regionkey, row_number() over (partition by n_regionkey order by n_name) from nation order by n_regionkey, n_name;

-- window: rank and dense_rank with ties
select p_size, rank() over (order by p_size), dense_rank() over (order by p_size) from (select distinct p_size from part where p_size < 10 union all select 3) s order by p_size, 2;

-- window: ntile
select n_nationkey, ntile(4) over (order by n_nationkey) from nation order by n_nationkey;

-- window: lag and lead with default
select n_nationkey, lag(n_name) over (order by n_nationkey), lead(n_name, 2, 'none') over (order by n_nationkey) from nation order by n_nationkey;

-- window: running sum with default frame (RANGE, peers included)
select p_size, sum(p_size) over (order by p_size) from (select p_size from part where p_partkey < 20) s order by p_size, 2;

-- window: ROWS frame sum following
select o_orderkey, sum(o_shippriority + 1) over (order by o_orderkey rows between current row and 3 following) from orders where o_orderkey < 40 order by o_orderkey;

-- window: first_value and last_value with full frame
select n_regionkey, n_name, first_value(n_name) over w, last_value(n_name) over w from nation
window w as (partition by n_regionkey order by n_name rows between unbounded preceding and unbounded following) order by n_regionkey, n_name;

-- window: last_value with default frame
select n_nationkey, last_value(n_nationkey) over (order by n_nationkey) from nation order by n_nationkey;

-- window: nth_value
select n_nationkey, nth_value(n_name, 2) over (order by n_nationkey) from nation order by n_nationkey;

-- window: percent_rank and cume_dist
select n_regionkey, percent_rank() over (order by n_regionkey), cume_dist() over (order by n_regionkey) from nation order by n_regionkey, 2;

-- window: aggregate over whole partition
select c_nationkey, c_custkey, count(*) over (partition by c_nationkey), max(c_acctbal) over (partition by c_nationkey) from customer where c_custkey < 30 order by c_custkey;

-- window: RANGE with offset
select o_orderkey, count(*) over (order by o_orderkey range between 5 preceding and 5 following) from orders where o_orderkey < 70 order by o_orderkey;

-- window: GROUPS frame
select p_size, count(*) over (order by p_size groups between 1 preceding and current row) from (select p_size from part where p_partkey < 25) s order by p_size, 2;

-- window: frame EXCLUDE CURRENT ROW
select n_nationkey, sum(n_nationkey) over (order by n_nationkey rows between 1 preceding and 1 following exclude current row) from nation order by n_nationkey;

-- window: window over aggregate
select n_regionkey, count(*), sum(count(*)) over () from nation group by n_regionkey order by n_regionkey;

-- window: rank filter in subquery (top per group)
select * from (select c_nationkey, c_custkey, c_acctbal, row_number() over (partition by c_nationkey order by c_acctbal desc, c_custkey) as rn from customer) s where rn = 1 order by c_nationkey;

-- window: row_number over NULLs
select k, v, row_number() over (order by v nulls first, k nulls first, s nulls first) from nullable order by 3;

-- set operations: UNION removes duplicates
select n_regionkey from nation union select r_regionkey from region;

-- set operations: UNION ALL keeps duplicates
select n_regionkey from nation union all select r_regionkey from region;

-- set operations: INTERSECT
select c_nationkey from customer intersect select s_nationkey from supplier;

-- set operations: EXCEPT
select n_nationkey from nation except select s_nationkey from supplier where s_suppkey < 20;

-- set operations: INTERSECT ALL
select v from nullable intersect all select v from nullable where k is not null;

-- set operations: EXCEPT ALL
select v from nullable except all select 10;

-- set operations: UNION with ORDER BY and LIMIT
select n_name from nation where n_regionkey = 1 union select r_name from region order by 1 limit 5;

-- set operations: UNION of NULLs
select null as x union select null;

-- set operations: nested
(select 1 union select 2) except (select 2 intersect select 2);

-- expressions: CASE searched
select n_nationkey, case when n_nationkey < 5 then 'low' when n_nationkey < 15 then 'mid' else 'high' end from nation order by n_nationkey;

-- expressions: CASE simple with NULL
select k, case v when 10 then 'ten' when 30 then 'thirty' else 'other' end from nullable;

-- expressions: CASE without ELSE gives NULL
select k, case when v > 20 then v end from nullable;

-- expressions: COALESCE and NULLIF
select k, coalesce(v, -1), nullif(v, 10), coalesce(s, 'none') from nullable;

-- expressions: GREATEST and LEAST ignore NULLs
select k, greatest(k, v), least(k, v, 20) from nullable;

-- expressions: three-valued logic
select k, v, k > 2 and v > 20, k > 2 or v > 20, not (v > 20) from nullable;

-- expressions: IS DISTINCT FROM
select k, v, k is distinct from v, k is not distinct from 1 from nullable;

-- expressions: BETWEEN and NOT BETWEEN
select count(*) filter (where p_size between 10 and 20), count(*) filter (where p_size not between 10 and 20) from part;

-- expressions: BETWEEN SYMMETRIC
select 5 between symmetric 10 and 1, 5 between 10 and 1;

-- expressions: IN list with NULL
select k, k in (1, 2, null), k not in (1, 2, null) from nullable;

-- expressions: boolean columns
select id, flag, not flag, flag is true, flag is not false, flag is unknown from kinds order by id;

-- expressions: row comparison
select (1, 2) < (1, 3), (1, null) = (1, 2), (2, 'a') > (1, 'b');

-- strings: substr and substring
select substr('PostgreSQL', 5), substr('PostgreSQL', 5, 3), substring('PostgreSQL' from 2 for 4), substring('PostgreSQL' from 8);

-- strings: substr with out-of-range start
select substr('abc', 0, 2), substr('abc', -1, 3), substr('abc', 10);

-- strings: position and strpos
select position('gre' in 'PostgreSQL'), strpos('PostgreSQL', 'SQL'), position('x' in 'abc');

-- strings: split_part
select split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 4), split_part('abc~@~def', '~@~', 2);

-- strings: split_part negative index
select split_part('a,b,c', ',', -1);

-- strings: regexp_replace first and global
select regexp_replace('foobarbaz', 'b..', 'X'), regexp_replace('foobarbaz', 'b..', 'X', 'g'), regexp_replace('Hello', 'l', 'L', 'g');

-- strings: regexp_replace with backreference
select regexp_replace('John Smith', '(\w+) (\w+)', '\2, \1');

-- strings: regexp_replace case-insensitive flag
select regexp_replace('ABCabc', 'b', '-', 'gi');

-- strings: lpad and rpad
select lpad('hi', 5), lpad('hi', 5, 'xy'), rpad('hi', 5, '*'), lpad('hello', 3), rpad('', 2, 'a');

-- strings: initcap
select initcap('hello wORLD foo-bar'), initcap(n_name) from nation where n_nationkey < 3 order by n_nationkey;

-- strings: concat and concat_ws skip NULLs
select concat('a', null, 1, 2.5), concat_ws('-', 'a', null, 'b'), concat_ws(',', k, v, s) from nullable;

-- strings: || with NULL gives NULL
select 'a' || null, 'a' || 1, 1 || 'b', s || '!' from nullable;

-- strings: format
select format('Hello %s, %s', 'World', 42), format('%s and %L', 'col', 'it''s'), format('%s|%s', null, 'x'), format('%L', null);

-- strings: format with positions and width
select format('%2$s %1$s', 'a', 'b'), format('|%5s|%-5s|', 'ab', 'cd');

-- strings: upper, lower, length
select upper(txt), lower(txt), length(txt), char_length(txt), octet_length(txt) from kinds order by id;

-- strings: trim family
select trim('  x  '), ltrim('  x  '), rtrim('  x  '), btrim('xxaxx', 'x'), trim(both 'x' from 'xxbxx'), trim(leading 'x' from 'xxb');

-- strings: replace, reverse, repeat
select replace('abcabc', 'b', 'XY'), reverse('abc'), repeat('ab', 3), repeat('x', 0);

-- strings: left and right
select left('abcdef', 2), right('abcdef', 2), left('abcdef', -2), right('abcdef', -2);

-- strings: md5, ascii, chr
select md5('abc'), ascii('A'), chr(65), ascii('é');

-- strings: translate and starts_with
select translate('12345', '143', 'ax'), starts_with('alphabet', 'alph');

-- strings: to_hex
select to_hex(255), to_hex(-1), to_hex(9223372036854775807);

-- strings: text functions over a table column
select c_custkey, upper(substr(c_name, 1, 8)), length(c_address), split_part(c_phone, '-', 1) from customer where c_custkey <= 5 order by c_custkey;

-- strings: LIKE and NOT LIKE on a column
select count(*) filter (where p_name like '%green%'), count(*) filter (where p_type not like 'PROMO%') from part;

-- strings: ILIKE
select n_name from nation where n_name ilike '%an%' order by n_name;

-- strings: regular expression match operators
select n_name, n_name ~ '^[A-C]', n_name ~* 'a$', n_name !~ 'A' from nation where n_nationkey < 6 order by n_nationkey;

-- strings: unicode length and upper
select txt, length(txt), upper(txt) from kinds where id in (2, 5, 8) order by id;

-- strings: string comparison is by code point (C collation)
select txt from kinds where txt is not null order by txt;

-- math: integer arithmetic and division truncates
select 7 / 2, -7 / 2, 7 % 3, -7 % 3, 2 ^ 10;

-- math: abs, sign, ceil, floor
select abs(-5), abs(-5.5), sign(-3), ceil(4.2), floor(-4.2), ceiling(4.0);

-- math: round and trunc
select round(2.5), round(-2.5), round(3.14159, 2), trunc(3.789, 1), trunc(-3.7), round(1234.5678, -2);

-- math: round of double is half-to-even
select round(2.5::float8), round(3.5::float8), round(-2.5::float8);

-- math: power, sqrt, cbrt, exp, ln, log
select power(2, 10), sqrt(16), cbrt(27.0::float8), exp(1.0::float8), ln(10.0::float8), log(100), log10(1000.0::float8);

-- math: mod and div
select mod(17, 5), mod(-17, 5), div(17, 5), mod(17.5, 5);

-- math: gcd and lcm
select gcd(12, 18), lcm(4, 6);

-- math: pi and trigonometry
select pi(), sin(0.0::float8), cos(0.0::float8), degrees(pi()), radians(180.0::float8);

-- math: width_bucket
select p_size, width_bucket(p_size, 0, 50, 5) from part where p_partkey <= 5 order by p_partkey;

-- math: bit operators
select 12 & 10, 12 | 10, 12 # 10, ~12, 1 << 4, 256 >> 2;

-- math: double division
select 1.0::float8 / 3, 2::float8 / 7, 1e10::float8 * 1e10;

-- math: NaN and infinities
select dbl, dbl + 1, dbl * 0, dbl > 0, dbl = 'NaN'::float8 from kinds order by id;

-- math: NaN sorts above infinity
select dbl from kinds order by dbl nulls first;

-- math: integer overflow is an error
select 2147483647 + 1;

-- math: bigint overflow is an error
select 9223372036854775807 + 1;

-- math: division by zero
select 1 / 0;

-- math: modulo by zero
select 5 % 0;

-- math: sqrt of a negative number
select sqrt(-1.0);

-- math: factorial-like product with generate_series
select sum(x * x) from generate_series(1, 100) x;

-- casts: text to integer and back
select '42'::int, 42::text, '  7 '::int, '-0'::int, cast('123' as bigint);

-- casts: invalid integer text
select 'abc'::int;

-- casts: numeric to integer rounds half away from zero
select 2.5::int, -2.5::int, 3.5::int, 2.4999::bigint, 1.5::smallint;

-- casts: double to integer rounds half to even
select 2.5::float8::int, 3.5::float8::int, -2.5::float8::int;

-- casts: integer out of range of smallint
select 40000::smallint;

-- casts: boolean to and from text
select true::text, 'yes'::boolean, 'off'::boolean, 't'::boolean, 1::boolean, 0::boolean;

-- casts: dates to and from text
select '2021-06-01'::date, '2021-06-01'::date + 30, date '2021-03-01' - date '2021-02-01', cast(date '2021-06-01' as text);

-- casts: float text
select '1.5'::float8, '1e-5'::float8, 0.1::float8 + 0.2::float8, 1e20::float8, '-0'::float8, 100.0::real / 3;

-- casts: numeric with typmod rounds
select 1.005::numeric(10,2), 123.456::numeric(6,1), 0.5::numeric(3,0);

-- casts: numeric overflow of typmod
select 12345.6::numeric(4,1);

-- casts: integer to double to text
select 1::float8, 1000000::float8, 123456789012::float8, 1.0e15::float8, 1.0e16::float8;

-- casts: real output digits
select 1.1::real, 0.1::real * 3, 16777217::real;

-- casts: varchar and char typmods
select 'abc'::varchar(2), 'a'::char(3) || 'b', length('a  '::char(3));

-- casts: CAST of columns
select cast(n_nationkey as text) || ':' || n_name, cast(n_regionkey as int) + 1 from nation where n_nationkey < 4 order by n_nationkey;

-- casts: bool to int
select true::int, false::int;

-- casts: date to timestamp
select (date '2021-06-01' + time '10:30')::text;

-- order: DESC puts NULLs first by default
select v from nullable order by v desc;

-- order: ASC puts NULLs last by default
select v from nullable order by v;

-- order: NULLS FIRST and NULLS LAST
select k, v from nullable order by v asc nulls first, k desc nulls last;

-- order: DESC NULLS LAST on text
select s from nullable order by s desc nulls last;

-- order: text ordering is byte order, uppercase first
select x from (values ('b'), ('B'), ('a'), ('A'), ('_'), ('1'), ('é'), ('Z'), ('z'), (' ')) t(x) order by x;

-- order: ordering by expression and alias
select n_name, length(n_name) as len from nation order by len desc, n_name;

-- order: ORDER BY a column not selected
select n_name from nation order by n_comment;

-- order: LIMIT and OFFSET
select o_orderkey from orders order by o_orderkey limit 5 offset 10;

-- order: OFFSET without LIMIT
select n_nationkey from nation order by n_nationkey offset 20;

-- order: FETCH FIRST
select n_name from nation order by n_name fetch first 3 rows only;

-- order: LIMIT ALL and LIMIT 0
select count(*) from (select * from nation limit all) s union all select count(*) from (select * from nation limit 0) t;

-- order: top-N over a big table
select l_orderkey, l_linenumber, l_extendedprice from lineitem order by l_extendedprice desc, l_orderkey, l_linenumber limit 7;

-- subqueries: correlated scalar subquery
select n_name, (select count(*) from supplier where s_nationkey = n_nationkey) from nation order by n_name;

-- subqueries: scalar subquery in WHERE
select c_custkey from customer where c_acctbal > (select avg(c_acctbal) + 4000 from customer) order by c_custkey;

-- subqueries: scalar subquery with more than one row
select (select n_nationkey from nation);

-- subqueries: scalar subquery with no row is NULL
select (select n_nationkey from nation where n_nationkey < 0) is null;

-- subqueries: EXISTS
select r_name from region r where exists (select 1 from nation where n_regionkey = r.r_regionkey and n_name like 'C%') order by r_name;

-- subqueries: NOT EXISTS
select count(*) from customer c where not exists (select * from orders o where o.o_custkey = c.c_custkey);

-- subqueries: IN subquery
select count(*) from orders where o_custkey in (select c_custkey from customer where c_mktsegment = 'AUTOMOBILE');

-- subqueries: NOT IN with a NULL in the subquery gives no rows
select k from small where k not in (select k from nullable);

-- subqueries: NOT IN without NULLs
select k from small where k not in (select k from nullable where k is not null);

-- subqueries: IN with NULL on the left
select k, k in (select k from small) from nullable;

-- subqueries: NOT IN as a value with NULLs
select k, k not in (select v from nullable) from small;

-- subqueries: ANY and ALL
select k from small where k > any (select k from nullable where k < 3);

-- subqueries: ALL with NULL
select k, k > all (select k from nullable where k < 3), k < all (select 10 union select null) from small;

-- subqueries: correlated subquery in SELECT with aggregate
select o_orderkey, (select max(l_linenumber) from lineitem where l_orderkey = o_orderkey) from orders where o_orderkey < 40 order by o_orderkey;

-- subqueries: TPC-H Q4 shape
select o_orderpriority, count(*) as order_count from orders
where o_orderdate >= date '1993-07-01' and o_orderdate < date '1993-10-01'
  and exists (select * from lineitem where l_orderkey = o_orderkey and l_commitdate < l_receiptdate)
group by o_orderpriority order by o_orderpriority;

-- cte: simple WITH
with r as (select r_regionkey, r_name from region where r_regionkey < 3) select * from r order by r_regionkey;

-- cte: WITH used twice
with c as (select c_nationkey, count(*) n from customer group by c_nationkey) select a.c_nationkey, a.n, b.n from c a join c b on a.c_nationkey = b.c_nationkey + 1 order by 1;

-- cte: recursive counting
with recursive t(n) as (select 1 union all select n + 1 from t where n < 10) select sum(n), count(*) from t;

-- cte: recursive fibonacci
with recursive fib(i, a, b) as (select 1, 0::bigint, 1::bigint union all select i + 1, b, a + b from fib where i < 30) select i, a from fib order by i;

-- cte: recursive with UNION (distinct)
with recursive t(n) as (select 1 union select (n * 2) % 7 from t) select n from t order by n;

-- cte: recursive tree walk over nation and region
with recursive chain(k, depth) as (select 0::bigint, 0 union all select k + 5, depth + 1 from chain where k + 5 < 25) select chain.depth, n_name from chain join nation on n_nationkey = k order by depth;

-- values: VALUES as a table
select * from (values (1, 'one'), (2, 'two'), (3, null)) as t(n, word) order by n;

-- values: bare VALUES
values (1, 'a'), (2, 'b');

-- values: VALUES column names
select * from (values (1, 2)) t;

-- generate_series: integers
select * from generate_series(1, 5);

-- generate_series: with step and negative step
select * from generate_series(10, 1, -3);

-- generate_series: as a column with alias
select g, g * g from generate_series(1, 4) as g order by g;

-- generate_series: named column
select s.i from generate_series(0, 20, 5) as s(i) order by 1;

-- generate_series: timestamps
select * from generate_series(timestamp '2021-01-01', timestamp '2021-01-02', interval '6 hours');

-- generate_series: empty range
select count(*) from generate_series(5, 1);

-- distinct: DISTINCT
select distinct l_returnflag, l_linestatus from lineitem;

-- distinct: DISTINCT ON
select distinct on (n_regionkey) n_regionkey, n_name from nation order by n_regionkey, n_name;

-- distinct: DISTINCT with NULLs
select distinct v from nullable;

-- distinct: count(distinct) of two expressions via subquery
select count(*) from (select distinct o_orderstatus, o_orderpriority from orders) s;

-- dates: date arithmetic
select o_orderdate + 7, o_orderdate - 1, o_orderdate - date '1992-01-01' from orders where o_orderkey <= 3 order by o_orderkey;

-- dates: date comparisons with literals
select count(*) from lineitem where l_shipdate >= '1995-01-01' and l_shipdate < '1995-02-01';

-- dates: date plus interval
select date '2021-01-31' + interval '1 month', date '2021-06-01' - interval '1 day';

-- dates: make_date and to_char
select make_date(2021, 6, 1), to_char(date '2021-06-01', 'YYYY/MM/DD');

-- dates: ordering dates with NULL
select dt from kinds order by dt nulls first, id;

-- dates: timestamp columns
select id, ts, ts::date, ts + interval '1 hour' from kinds order by id;

-- errors: unknown column
select no_such_column from nation;

-- errors: unknown table
select * from no_such_table;

-- errors: syntax error
select from where;

-- errors: function that does not exist
select no_such_function(1);

-- errors: operator type mismatch
select 1 + 'a'::text;

-- errors: invalid date
select '2021-02-30'::date;

-- errors: aggregate in WHERE
select n_name from nation where count(*) > 1;

-- errors: column not in GROUP BY
select n_name, count(*) from nation group by n_regionkey;

-- misc: SELECT without FROM
select 1, 'a', null, true, 1.5;

-- misc: column names of expressions
select 1 + 1, count(*), sum(1), upper('a'), cast(1 as text), 'x'::text, case when true then 1 end, coalesce(1, 2), (select 1) from nation where n_nationkey = 0;

-- misc: count(*) of every table
select (select count(*) from lineitem), (select count(*) from orders), (select count(*) from customer), (select count(*) from part), (select count(*) from partsupp), (select count(*) from supplier);

-- misc: array constructor and subscript
select array[1, 2, 3], (array[1, 2, 3])[2], array_length(array[1, 2, 3], 1), cardinality(array['a', 'b']);

-- misc: unnest
select unnest(array[3, 1, 2]) as x order by x;

-- misc: any with an array
select count(*) from nation where n_nationkey = any(array[1, 2, 3]);

-- misc: boolean aggregates in HAVING
select n_regionkey from nation group by n_regionkey having bool_and(n_nationkey < 20) order by 1;

-- misc: repeated column names
select 1 as a, 2 as a;

-- misc: star expansion of a join
select * from region r join nation n on n.n_regionkey = r.r_regionkey where n.n_nationkey = 3;

-- misc: qualified star
select r.*, n.n_name from region r join nation n on n.n_regionkey = r.r_regionkey where n.n_nationkey < 2 order by n.n_name;

-- joins: IN with two columns
select count(*) from lineitem where (l_orderkey, l_linenumber) in (select o_orderkey, 1 from orders where o_orderkey < 100);

-- joins: NOT IN with a NULL on the left
select k, k not in (select 1) from nullable;

-- joins: left join with aggregate over the right side
select c_custkey, count(o_orderkey) from customer left join orders on o_custkey = c_custkey where c_custkey <= 10 group by c_custkey order by c_custkey;

-- joins: full join with coalesce of both keys
select coalesce(a.k, b.k) as k, a.v, b.name from nullable a full join small b on a.k = b.k order by 1 nulls first, 2 nulls first, 3 nulls first;

-- joins: join on expression
select count(*) from orders join customer on o_custkey = c_custkey + 1;

-- joins: cross join with filter
select n_name, r_name from nation cross join region where n_nationkey = r_regionkey * 5 order by n_name;

-- aggregates: string_agg DISTINCT
select string_agg(distinct o_orderstatus, ',' order by o_orderstatus) from orders;

-- aggregates: array_agg DISTINCT
select array_agg(distinct n_regionkey order by n_regionkey) from nation;

-- aggregates: min of boolean does not exist
select min(flag) from kinds;

-- aggregates: sum of boolean does not exist
select sum(flag) from kinds;

-- aggregates: bit_and and bit_or
select bit_and(n_nationkey), bit_or(n_nationkey), bit_and(id), bit_or(id) from nation, (select id from kinds where id < 3) k;

-- aggregates: count of NULL literal and sum of typed NULL
select count(null), sum(null::int), max(null::text) from nation;

-- aggregates: aggregate over an expression with CASE
select sum(case when l_returnflag = 'R' then 1 else 0 end), count(case when l_linestatus = 'O' then 1 end) from lineitem;

-- aggregates: HAVING with a subquery
select n_regionkey, count(*) from nation group by n_regionkey having count(*) >= (select count(*) from region) order by 1;

-- aggregates: ORDER BY an aggregate
select o_orderpriority, count(*) from orders group by o_orderpriority order by count(*) desc, 1;

-- aggregates: GROUP BY a boolean
select flag, count(*) from kinds group by flag;

-- aggregates: min and max of double with NaN
select min(dbl), max(dbl) from kinds;

-- aggregates: count distinct over text with NULLs
select count(distinct s), count(distinct k) from nullable;

-- window: sum over partition descending with NULLs first
select k, v, sum(v) over (order by k desc nulls first rows between unbounded preceding and current row) from nullable order by k desc nulls first, v nulls first;

-- window: count over whole partition as a frame
select n_regionkey, count(*) over (partition by n_regionkey rows between unbounded preceding and unbounded following) from nation order by n_nationkey;

-- window: rank over several keys
select o_orderstatus, o_orderpriority, rank() over (order by o_orderstatus, o_orderpriority) from (select distinct o_orderstatus, o_orderpriority from orders) s order by 3, 1, 2;

-- window: lag with offset 0
select n_nationkey, lag(n_nationkey, 0) over (order by n_nationkey) from nation order by 1;

-- window: min and max running
select o_orderkey, min(o_totalprice) over w, max(o_totalprice) over w from orders where o_orderkey < 40 window w as (order by o_orderkey) order by 1;

-- window: row_number in a filter of the outer query
select count(*) from (select row_number() over (order by o_orderkey) as rn from orders) s where rn % 100 = 0;

-- set operations: UNION ALL of int and bigint
select 1 as x union all select 9223372036854775807 order by 1;

-- set operations: UNION with LIMIT in parentheses
(select n_name from nation order by n_name limit 2) union all (select r_name from region order by r_name limit 2);

-- set operations: INTERSECT with NULLs
select k from nullable intersect select k from small;

-- set operations: EXCEPT with NULLs
select k from nullable except select k from small;

-- expressions: CASE mixing integer and numeric
select case when n_nationkey > 10 then 1 else 2.5 end from nation order by n_nationkey limit 3;

-- expressions: COALESCE of integer and bigint
select coalesce(k, big) from nullable, (select big from kinds where id = 1) x order by 1 nulls first;

-- expressions: NULL comparisons
select null = null, null is null, null::int + 1, null::text || 'a', not null::boolean;

-- expressions: boolean ordering and comparison
select false < true, true > null, flag from kinds order by flag nulls first, id;

-- strings: concat of non-text values
select concat(true, 1, 2.50, date '2021-06-01', null), concat_ws('|', false, 3);

-- strings: position of the empty string and strpos of NULL
select position('' in 'abc'), strpos(null, 'a'), strpos('abc', '');

-- strings: left and right of unicode
select left('日本語', 2), right('naïve', 3), reverse('naïve'), length('ß'), upper('ß');

-- strings: replace with empty and ltrim with characters
select replace('banana', 'a', ''), ltrim('xxyxz', 'xy'), rtrim('zyxx', 'xy'), btrim('  ');

-- strings: text comparison with trailing spaces
select 'a ' = 'a', 'a '::char(3) = 'a'::char(1), 'a' < 'a ', 'B' < 'a';

-- strings: string to integer concatenation
select 'n' || n_nationkey || '-' || n_regionkey from nation where n_nationkey < 3 order by 1;

-- math: integer overflow in multiplication
select 2147483647 * 2;

-- math: bigint division overflow
select (-9223372036854775807 - 1) / -1;

-- math: log and ln of zero
select ln(0.0::float8);

-- math: log of zero numeric
select log(0);

-- math: float division by zero
select 1.0::float8 / 0;

-- math: numeric zero divided by zero
select 0.0 / 0;

-- math: ceil and round to negative zero
select ceil(-0.5::float8), round(-0.4::float8), trunc(-0.5::float8), -0.0::float8;

-- math: smallint arithmetic
select 100::smallint * 2::smallint, 32767::smallint + 1::smallint;

-- math: mod of negative numbers and of bigint
select mod(-7, 3), mod(7, -3), -7 % -3, 9223372036854775807 % 10;

-- math: double text output
select 1e-7::float8, 123456789.123::float8, 1.0e100::float8, 0.1::float8 * 3, 2.0::float8 / 3;

-- casts: empty and fractional text to integer
select ''::int;

-- casts: fractional text to integer
select '1.5'::int;

-- casts: big double to integer
select 1e20::float8::int;

-- casts: invalid month
select '2021-13-01'::date;

-- casts: integer to boolean and boolean to integer
select 5::boolean, 0::boolean, true::int + 1;

-- casts: real to double keeps the float digits
select 0.1::real::float8, 1.5::real::float8;

-- casts: double to real to text
select 1.23456789::float8::real, 3.4e39::float8::real;

-- order: ORDER BY boolean
select id, flag from kinds order by flag desc, id;

-- order: ORDER BY double with NaN and negative zero
select id, dbl from kinds order by dbl desc nulls last, id;

-- order: ORDER BY a scalar subquery
select n_name from nation order by (select count(*) from customer where c_nationkey = n_nationkey) desc, n_name limit 5;

-- order: LIMIT of an expression and LIMIT NULL
select n_nationkey from nation order by 1 limit 1 + 2;

-- order: LIMIT NULL is no limit
select count(*) from (select * from nation limit null) s;

-- order: negative LIMIT
select * from nation limit -1;

-- order: OFFSET past the end
select n_nationkey from nation order by 1 offset 100;

-- subqueries: IN an empty subquery
select count(*) from nation where n_nationkey in (select k from small where k > 100);

-- subqueries: NOT IN an empty subquery includes NULLs
select count(*) from nullable where k not in (select k from small where k > 100);

-- subqueries: ANY of an array with NULL
select 1 = any(array[1, null]), 2 = any(array[1, null]), 2 <> all(array[1, 3]);

-- subqueries: three levels of correlation
select r_name, (select count(*) from nation where n_regionkey = r_regionkey and exists (select 1 from supplier where s_nationkey = n_nationkey)) from region order by r_name;

-- subqueries: EXISTS with LIMIT 0
select exists (select 1 from nation limit 0), exists (select 1 from nation);

-- cte: chained CTEs
with a as (select n_regionkey r, count(*) c from nation group by 1), b as (select r, c * 2 d from a) select * from b order by r;

-- cte: recursive string building
with recursive s(n, str) as (select 1, 'a' union all select n + 1, str || chr(97 + n) from s where n < 5) select str from s order by n;

-- cte: CTE in a subquery
select (with x as (select max(n_nationkey) m from nation) select m from x) + 1;

-- values: VALUES with NULLs and mixed types
select * from (values (1, null), (null, 'b')) t(a, b) order by a nulls last;

-- values: VALUES with ORDER BY and LIMIT
values (3), (1), (2) order by 1 limit 2;

-- srf: generate_series in the select list
select generate_series(1, 3);

-- srf: unnest in the select list
select unnest(array['a', 'b']) as x;

-- misc: TABLE statement
table region;

-- misc: WHERE false
select * from nation where false;

-- misc: GROUP BY alias
select n_regionkey as r, count(*) from nation group by r order by r;

-- misc: DISTINCT with ORDER BY not in select list
select distinct n_regionkey from nation order by n_name;

-- misc: column alias in WHERE is an error
select n_nationkey as k from nation where k > 1;

-- misc: GROUP BY and ORDER BY an alias, HAVING an aggregate
select n_regionkey as r, count(*) as c from nation group by r having count(*) > 4 order by r;

-- misc: a correlated subquery naming an inner column like an outer alias
select n_name as r_name from nation where exists (select 1 from region where r_name = 'ASIA' and r_regionkey = n_regionkey) order by 1;

-- joins: inner join with USING
select r_regionkey, count(*) from nation join region on n_regionkey = r_regionkey join (select r_regionkey from region) r2 using (r_regionkey) group by r_regionkey order by r_regionkey;

-- strings: chr of zero
select chr(0);

-- math: power of a negative number to a fraction
select power(-8, 0.5);

-- strings: split_part with an empty delimiter
select split_part('abc', '', 1), split_part('abc', '', 2);

-- arrays: array_agg of text with NULLs and spaces in the text output
select array_agg(s order by k nulls first, s nulls first) from nullable;

-- arrays: array of text needing quotes
select array['a b', 'c', '', null, 'd"e', 'f,g'];

-- arrays: array of integers with NULL and empty array
select array[1, null, 3], array[]::int[], array_length(array[]::int[], 1);

-- arrays: array_to_string and string_to_array
select array_to_string(array[1, 2, 3], '-'), string_to_array('a,b,,c', ','), array_to_string(array['a', null, 'b'], ',', '*');

-- arrays: array_position and array_cat
select array_position(array['a', 'b', 'c'], 'b'), array_cat(array[1, 2], array[3]), array_append(array[1], 2), array_prepend(0, array[1]);

-- arrays: unnest with ordinality
select * from unnest(array['x', 'y', 'z']) with ordinality as t(v, n) order by n;

-- arrays: array comparison and containment
select array[1, 2] = array[1, 2], array[1, 2] < array[1, 3], array[1, 2, 3] @> array[2], array[1] && array[2];

-- arrays: array of booleans and of dates
select array[true, false, null], array[date '2021-06-01', null];

-- arrays: ANY over an aggregated array
select n_name from nation where n_nationkey = any (select array_agg(s_nationkey) from supplier where s_suppkey < 3) order by 1;

-- strings: overlay
select overlay('Txxxxas' placing 'hom' from 2 for 4), overlay('abc' placing 'Z' from 2);

-- strings: regexp_replace with a POSIX class and anchors
select regexp_replace('abc123def', '[[:digit:]]+', '#'), regexp_replace('  trim me  ', '^\s+|\s+$', '', 'g');

-- strings: regular expression operators with classes
select 'abc' ~ '^[a-c]+$', 'ABC' ~* '^[a-c]+$', 'a.c' ~ 'a\.c', 'foo' !~* 'O';

-- strings: md5 and length of a column
select c_custkey, md5(c_name), octet_length(c_name), bit_length(c_name) from customer where c_custkey < 4 order by 1;

-- strings: lower and upper of mixed text columns
select lower(p_type), upper(p_container) from part where p_partkey < 4 order by p_partkey;

-- strings: ascii of the empty string and of unicode
select ascii(''), ascii('日');

-- strings: strpos and position with unicode
select strpos('naïve café', 'café'), position('é' in 'café');

-- strings: substring with a regular expression
select substring('foobar123' from '[0-9]+'), substring('foobar' from 'o(b.)');

-- strings: quote_literal and quote_nullable
select quote_literal('it''s'), quote_literal('a\b'), quote_literal(null), quote_nullable(null), quote_nullable(42);

-- strings: quote_ident
select quote_ident('my col'), quote_ident('abc'), quote_ident('select');

-- strings: concat_ws with NULL separator
select concat_ws(null, 'a', 'b'), concat_ws('', 'a', null, 'b');

-- strings: text ordering with unicode and case
select txt from kinds where txt is not null order by upper(txt), txt;

-- strings: starts_with and the ^@ operator
select starts_with('alphabet', 'alp'), 'alphabet' ^@ 'alp';

-- strings: left and right with zero
select left('abc', 0), right('abc', 0), repeat('-', 3) || 'x';

-- window: moving sum with RANGE of numeric offsets
select o_orderkey, o_totalprice, sum(o_shippriority + 1) over (order by o_totalprice range between 1000 preceding and 1000 following) from orders where o_orderkey < 50 order by o_orderkey;

-- window: first_value over an empty frame
select n_nationkey, first_value(n_nationkey) over (order by n_nationkey rows between 3 following and 5 following) from nation order by 1;

-- window: ntile with more buckets than rows
select r_regionkey, ntile(10) over (order by r_regionkey) from region order by 1;

-- window: cume_dist and percent_rank with ties
select k, percent_rank() over (order by k nulls first), cume_dist() over (order by k nulls first) from nullable order by k nulls first, 2, 3;

-- window: count distinct is not allowed in a window
select count(distinct n_regionkey) over () from nation;

-- window: window function in WHERE is an error
select n_name from nation where row_number() over () > 1;

-- window: lead over partitions with default of another type
select n_regionkey, n_nationkey, lead(n_nationkey, 1, -1) over (partition by n_regionkey order by n_nationkey) from nation order by 1, 2;

-- aggregates: GROUP BY CUBE with grouping of each key
select o_orderstatus, o_shippriority, grouping(o_orderstatus), grouping(o_shippriority), count(*) from orders group by cube (o_orderstatus, o_shippriority);

-- aggregates: GROUPING SETS with an expression
select n_regionkey % 2 as parity, count(*) from nation group by grouping sets ((n_regionkey % 2), ()) order by 1 nulls last;

-- aggregates: count(*) with a FILTER and no rows
select count(*) filter (where false), sum(1) filter (where false) from nation;

-- aggregates: min and max of text with unicode
select min(txt), max(txt) from kinds;

-- aggregates: string_agg of integers cast to text
select string_agg(n_nationkey::text, ',' order by n_nationkey desc) from nation where n_regionkey = 0;

-- aggregates: bool_or over NULLs only
select bool_or(flag), bool_and(flag), count(flag) from kinds where flag is null;

-- aggregates: nested aggregate is an error
select max(count(*)) from nation;

-- aggregates: DISTINCT inside count of an expression
select count(distinct n_regionkey * 10 + 1) from nation;

-- aggregates: percentile_disc of text
select percentile_disc(0.5) within group (order by n_name) from nation;

-- aggregates: mode of text
select mode() within group (order by c_mktsegment) from customer;

-- subqueries: correlated EXISTS with OR
select count(*) from customer c where exists (select 1 from orders o where o.o_custkey = c.c_custkey and o.o_totalprice > 400000) or c.c_acctbal < -990;

-- subqueries: scalar subquery in a CASE
select n_name, case when n_nationkey = (select min(n_nationkey) from nation) then 'first' else 'other' end from nation order by n_nationkey limit 3;

-- subqueries: derived table with DISTINCT ON
select count(*) from (select distinct on (o_custkey) o_custkey, o_orderkey from orders order by o_custkey, o_orderdate desc, o_orderkey) s;

-- subqueries: lateral with ORDER BY and LIMIT
select r_name, x.n_name from region, lateral (select n_name from nation where n_regionkey = r_regionkey order by n_name desc limit 2) x order by r_name, x.n_name;

-- subqueries: IN with a list of expressions
select count(*) from lineitem where l_linenumber in (1, 1 + 1, (select max(r_regionkey) from region));

-- joins: join using two columns
select count(*) from (select n_nationkey as a, n_regionkey as b from nation) x join (select n_nationkey as a, n_regionkey as b from nation) y using (a, b);

-- joins: left join on false
select count(*), count(r_name) from nation left join region on false;

-- joins: anti join through NOT EXISTS with a NULL-able key
select k from nullable n where not exists (select 1 from small s where s.k = n.k) order by k nulls first;

-- casts: timestamp to date and date to text in a query over a table
select o_orderkey, o_orderdate::text, cast(o_orderdate as varchar) from orders where o_orderkey < 4 order by 1;

-- casts: numeric column to integer and double
select l_quantity::int, l_extendedprice::float8, l_discount::real from lineitem where l_orderkey = 1 order by l_linenumber;

-- casts: bigint to smallint out of range
select n_nationkey::smallint * 10000::smallint from nation where n_nationkey = 24;

-- casts: boolean to text
select true::text, false::varchar, cast(null::boolean as text);

-- math: double rounding and formatting
select round(2.675::float8 * 100) / 100, 1 / 3::float8, sqrt(2), exp(10), ln(2);

-- math: integer and bigint arithmetic mixing
select n_nationkey * 2147483647 from nation where n_nationkey = 2;

-- math: factorial
select factorial(5), 5 !;

-- misc: CASE with no match and no ELSE in a WHERE
select count(*) from nation where case when n_nationkey > 100 then true end;

-- misc: IS TRUE / IS NOT UNKNOWN on an expression
select count(*) filter (where (k > 2) is true), count(*) filter (where (k > 2) is not unknown) from nullable;

-- misc: ORDER BY NULLS FIRST on text with collation-free ordering
select name from small order by name nulls first;

-- misc: LIMIT with OFFSET in a subquery used by IN
select count(*) from nation where n_nationkey in (select n_nationkey from nation order by n_nationkey limit 5 offset 5);

-- misc: SELECT with a comment and a trailing semicolon inside a string
select 'a;b' as x /* comment */, 'c' -- trailing;

-- bi: integer ratio is integer division
select count(*) filter (where o_orderstatus = 'F') / count(*), count(*) filter (where o_orderstatus = 'F') * 100 / count(*) from orders;

-- bi: cumulative sum by month key
select substr(o_orderdate::text, 1, 7) as month, count(*), sum(count(*)) over (order by substr(o_orderdate::text, 1, 7)) from orders where o_orderdate < date '1992-06-01' group by 1 order by 1;

-- bi: top 3 per group with ROW_NUMBER
select * from (select c_nationkey, c_name, c_acctbal, row_number() over (partition by c_nationkey order by c_acctbal desc, c_custkey) rn from customer) t where rn <= 3 and c_nationkey < 3 order by c_nationkey, rn;

-- bi: labels built by concatenation in a GROUP BY
select r_name || ' / ' || n_name as label, count(*) from customer join nation on c_nationkey = n_nationkey join region on n_regionkey = r_regionkey group by 1 order by 2 desc, 1 limit 5;

-- bi: CASE buckets in GROUP BY
select case when c_acctbal < 0 then 'negative' when c_acctbal < 5000 then 'low' else 'high' end as bucket, count(*), min(c_acctbal), max(c_acctbal) from customer group by 1 order by 1;

-- bi: COUNT DISTINCT per group with HAVING
select o_orderstatus, count(distinct o_custkey) from orders group by 1 having count(distinct o_custkey) > 100 order by 1;

-- bi: EXISTS flag in the select list
select c_custkey, exists (select 1 from orders where o_custkey = c_custkey) from customer where c_custkey <= 6 order by 1;

-- bi: comparison with an average in a CTE
with a as (select avg(c_acctbal) m from customer) select count(*) from customer, a where c_acctbal > a.m;

-- bi: pivot with FILTER
select n_regionkey, count(*) filter (where n_name like 'A%') as a, count(*) filter (where n_name like 'I%') as i from nation group by 1 order by 1;

-- bi: pivot with SUM of CASE
select l_shipmode, sum(case when l_returnflag = 'R' then 1 else 0 end) as returned, sum(case when l_returnflag <> 'R' then 1 else 0 end) as kept from lineitem group by 1 order by 1;

-- bi: running difference with LAG
select o_orderkey, o_totalprice - lag(o_totalprice) over (order by o_orderkey) from orders where o_orderkey < 40 order by 1;

-- bi: rank of groups by an aggregate
select c_mktsegment, sum(c_acctbal), rank() over (order by sum(c_acctbal) desc) from customer group by 1 order by 3;

-- bi: distinct count of a concatenation
select count(distinct l_returnflag || l_linestatus) from lineitem;

-- bi: median per group
select c_mktsegment, percentile_cont(0.5) within group (order by c_acctbal) from customer group by 1 order by 1;

-- bi: string_agg of distinct values per group
select r_name, string_agg(distinct substr(n_name, 1, 1), '' order by substr(n_name, 1, 1)) from nation join region on n_regionkey = r_regionkey group by 1 order by 1;

-- bi: nested CTEs with a join back
with big as (select o_custkey, sum(o_totalprice) t from orders group by 1 having sum(o_totalprice) > 2000000), named as (select c_name, t from big join customer on c_custkey = o_custkey) select count(*), min(c_name) from named;

-- bi: UNION ALL of two aggregates with labels
select 'orders' as what, count(*) from orders union all select 'lineitem', count(*) from lineitem order by 1;

-- bi: greatest and least of columns
select greatest(l_shipdate, l_commitdate, l_receiptdate), least(l_quantity, l_discount * 100) from lineitem where l_orderkey = 1 order by l_linenumber;

-- bi: BETWEEN on dates and IN on text
select count(*) from orders where o_orderdate between '1995-01-01' and '1995-03-31' and o_orderpriority in ('1-URGENT', '2-HIGH');

-- bi: LIKE with a column pattern
select count(*) from part where p_name like '%' || p_container || '%';

-- bi: NOT LIKE and IS DISTINCT FROM together
select count(*) from customer where c_mktsegment not like 'B%' and c_nationkey is distinct from 1;

-- bi: ratio of floats
select sum(l_discount::float8) / count(*) from lineitem;

-- bi: sum of integer column with many rows
select sum(ps_availqty), sum(ps_availqty::bigint * 2) from partsupp;

-- bi: max of a date and text per group
select o_orderstatus, max(o_orderdate), min(o_clerk) from orders group by 1 order by 1;

-- bi: count(*) of a cross join with filter on both
select count(*) from region r, nation n where r.r_regionkey = n.n_regionkey and r.r_name <> 'ASIA';

-- bi: window over a join
select n_name, c_custkey, sum(c_acctbal) over (partition by n_name) from customer join nation on c_nationkey = n_nationkey where c_custkey < 8 order by 2;

-- misc: ORDER BY alias in expression is an error
select n_nationkey as k from nation order by k + 1;

-- strings: repeat with a negative count and lpad with empty fill
select repeat('ab', -1), lpad('ab', 5, ''), rpad('ab', 1);

-- seed: session functions in a data query
select pg_backend_pid() > 0, current_setting('TimeZone') is not null, count(*) from nation;

-- math: random is not checked but its type is
select pg_typeof(random())::text, random() < 1;

-- seed: quoted and unquoted names that differ only in case
select "Qty", qty, "Qty" + qty * 100 from (select 5 as "Qty", 7 as qty) s;

-- seed: = ANY of an array literal
select count(*) from nation where n_name = ANY('{FRANCE,PERU}');

-- seed: date_trunc of timestamptz and date to timestamptz in a session time zone
SET TimeZone = 'America/New_York';
select date_trunc('day', timestamptz '2021-06-01 02:30:00+00'), date '2021-06-01'::timestamptz;

-- seed: interval output and timestamp plus interval
select interval '2 days 03:04:05', timestamp '2000-01-01' + interval '1 day 06:00:00';

-- casts: a typed date literal cast with ::
select date '2021-06-01'::text, date '2021-06-01'::timestamp;

-- dates: extract and date_part
select extract(year from o_orderdate), extract(month from o_orderdate), extract(dow from o_orderdate), date_part('day', o_orderdate) from orders where o_orderkey = 1;

-- dates: extract from timestamp
select extract(hour from ts), extract(minute from ts), extract(second from ts) from kinds where id = 2;

-- seed: LIKE and ILIKE with backslash escapes
select 'x%' like 'x\%', 'xy' like 'x\%', 'x\y' like 'x\\%', 'X_Z' ilike 'x\_z', 'xqz' ilike 'x\_z';

-- seed: avg of numerics past double precision
select avg(x) from (values (12345678901234567.01::numeric), (12345678901234567.04::numeric)) t(x);

-- seed: zero with scale 10
select 0::numeric(38,10);

-- tables: numeric(38,10) values as stored
select id, wide from kinds order by id;

-- aggregates: count, sum, min, max, avg over integers
select count(*), count(o_shippriority), sum(o_shippriority), min(o_orderkey), max(o_orderkey), avg(o_shippriority) from orders;

-- aggregates: sum and avg of bigint give numeric
select sum(n_nationkey), avg(n_nationkey) from nation;

-- aggregates: sum and avg of numeric(15,2)
select sum(l_quantity), avg(l_quantity), min(l_extendedprice), max(l_discount) from lineitem;

-- aggregates: avg of numeric has PostgreSQL's scale
select l_returnflag, avg(l_discount), avg(l_quantity) from lineitem group by l_returnflag order by l_returnflag;

-- aggregates: DISTINCT aggregates
select count(distinct l_suppkey), sum(distinct l_linenumber), avg(distinct l_linenumber) from lineitem;

-- aggregates: TPC-H Q1
select l_returnflag, l_linestatus, sum(l_quantity) as sum_qty, sum(l_extendedprice) as sum_base_price, sum(l_extendedprice * (1 - l_discount)) as sum_disc_price, sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge, avg(l_quantity) as avg_qty, avg(l_extendedprice) as avg_price, avg(l_discount) as avg_disc, count(*) as count_order from lineitem where l_shipdate <= date '1998-12-01' - interval '90' day group by l_returnflag, l_linestatus order by l_returnflag, l_linestatus;

-- window: ROWS frame moving average
select o_orderkey, avg(o_totalprice) over (order by o_orderkey rows between 2 preceding and current row) from orders where o_orderkey < 40 order by o_orderkey;

-- set operations: UNION of integer and numeric gives numeric
select 1 as x union all select 2.5 order by 1;

-- math: integer divided by numeric is numeric
select 7 / 2.0, 1 / 3.0;

-- math: numeric precision of multiplication and division
select 1.10 * 2.5, 10.0 / 3, 1 / 3.0, 2.50 + 1.125;

-- casts: text to numeric and numeric to text
select '3.14159'::numeric, 3.14159::numeric::text, '1e3'::numeric;

-- subqueries: derived table with aggregate
select avg(cnt) from (select o_custkey, count(*) as cnt from orders group by o_custkey) s;

-- misc: typeof-sensitive output of literals
select 1, 1.0, 1e3, 2147483648, '1'::text, 'x';

-- sqlsmith seed 3 query 406; tables kinds
SELECT sample_0.dt AS c0, sample_0.num AS c1, sample_0.id AS c2, sample_0.ts AS c3, sample_0.ts AS c4, CAST(NULLIF(sample_0.wide, sample_0.num) AS DECIMAL) AS c5, 55 AS c6 FROM public.kinds AS sample_0 WHERE sample_0.wide IS NOT NULL;

-- sqlsmith seed 5 query 2531; tables kinds, supplier
SELECT ref_0.wide AS c0 FROM public.kinds AS ref_0 WHERE EXISTS(SELECT sample_0.s_suppkey AS c0 FROM public.supplier AS sample_0 WHERE ref_0.rl >= ref_0.dbl);

-- sqlsmith seed 8 query 704; tables kinds
SELECT subq_0.c0 AS c0, subq_0.c2 AS c1 FROM (SELECT ref_0.dbl AS c0, ref_0.dt AS c1, ref_0.wide AS c2, CAST(COALESCE(ref_0.dt, ref_0.dt) AS DATE) AS c3, ref_0.flag AS c4 FROM public.kinds AS ref_0 WHERE CASE WHEN (TRUE) OR (ref_0.ts <= CAST(NULL AS DATE)) THEN ref_0.big ELSE ref_0.big END <= ref_0.big ORDER BY 1, 2, 3, 4, 5 LIMIT 24) AS subq_0 WHERE subq_0.c1 IS NOT NULL;

-- sqlsmith seed 8 query 1560; tables customer, kinds, nation
SELECT sample_0.n_nationkey AS c0, ref_0.wide AS c1, (SELECT c_address FROM public.customer ORDER BY 1 LIMIT 1 OFFSET 3) AS c2, ref_0.dbl AS c3, sample_0.n_nationkey AS c4, ref_0.dbl AS c5, sample_0.n_nationkey AS c6, CAST(COALESCE(sample_0.n_regionkey, CAST(COALESCE(sample_0.n_nationkey, sample_0.n_nationkey) AS BIGINT)) AS BIGINT) AS c7 FROM public.nation AS sample_0 RIGHT JOIN public.kinds AS ref_0 ON (sample_0.n_nationkey IS NOT NULL) WHERE ref_0.dt < ref_0.tstz;

-- window: avg of integers over a window is numeric
select n_nationkey, avg(n_nationkey) over (partition by n_regionkey) from nation order by 1;

-- casts: text with spaces to double and to numeric
select ' 1.5 '::float8, ' -2 '::numeric, 'Infinity'::float8, '-inf'::float8, 'nan'::float8;

-- bi: share of total with a window sum
select o_orderpriority, count(*), round(100.0 * count(*) / sum(count(*)) over (), 2) from orders group by 1 order by 1;

-- bi: NULLIF to avoid division by zero
select n_regionkey, sum(n_nationkey) / nullif(count(*) - 5, 0) from nation group by 1 order by 1;

-- bi: COALESCE over a LEFT JOIN aggregate
select c_custkey, coalesce(sum(o_totalprice), 0) from customer left join orders on o_custkey = c_custkey where c_custkey in (1, 2, 3, 4) group by 1 order by 1;

-- bi: integer average rounded
select round(avg(p_size)) from part;

-- strings: ILIKE and LIKE with unicode
select 'ÉCOLE' ilike 'école', 'école' like '_cole', 'naïve' like 'na_ve';

-- strings: initcap with digits and punctuation
select initcap('hi THERE 2nd-place o''neil'), initcap('ÉCOLE école');

-- math: a minus sign belongs to the constant (int4 and int8 at their smallest)
select -2147483648, pg_typeof(-2147483648)::text, -(2147483648), -9223372036854775808, pg_typeof(-9223372036854775808)::text, -2147483649;

-- settings: SHOW and current_setting of settings duckflight only reports
select current_setting('work_mem'), current_setting('lc_ctype'), current_setting('segment_size'), current_setting('no_such', true);

-- math: abs of the smallest integer overflows
select abs(-2147483648);

-- set operations: UNION of text and varchar
select 'a'::varchar(3) as x union select 'b'::text order by 1;

-- set operations: of text, varchar and char the first branch's type is the type
select 'a'::text as x union all select 'b'::varchar order by 1;

-- types: COALESCE keeps its first argument's string type, CASE its ELSE's
select coalesce('a'::varchar, 'b'::text), case when true then 'a'::varchar else 'b'::text end, case when random() < 2 then 'a'::text else 'b'::varchar(5) end;

-- set operations: varchar and text columns of tables
select n_name::varchar(30) as n from nation union select r_name::text from region order by 1 limit 3;

-- math: sign of numeric is numeric
select sign(0.0), sign(-2.5);

-- math: sign of numeric is numeric, of anything else float8; NaN and infinities
select sign(5), sign(-2.5), sign(0.0), sign(-3::float8), sign(null), sign(2::int8), sign('NaN'::numeric), sign(1/3.0), sign('-Infinity'::numeric);

-- math: sign over table columns
select sign(n_nationkey - 5), sign(n_nationkey * 1.5 - 5), sign(n_nationkey / 7.0 - 1), sign(n_nationkey::real) from nation order by n_nationkey;

-- misc: pg_typeof of expressions
select pg_typeof(1)::text, pg_typeof(1.5)::text, pg_typeof(2147483648)::text, pg_typeof(1::bigint + 1)::text, pg_typeof(sum(1))::text, pg_typeof(avg(1))::text;

-- values: VALUES type resolution int and numeric
select x, pg_typeof(x)::text from (values (1), (2.5)) t(x) order by x;

-- misc: pg_typeof of numeric aggregates over a table
select pg_typeof(sum(n_nationkey))::text, pg_typeof(avg(n_nationkey))::text, pg_typeof(sum(n_nationkey / 3.0))::text, count(*) from nation;

-- catalog functions: an OID string cast to an OID alias type is that OID, found or not
select '23'::regtype::text, '99999'::regtype::text, '23'::regtype::oid::int8, 'integer'::regtype::oid::int8, 23::regtype::oid::int8;

-- strings: quote_ident quotes PostgreSQL's reserved keywords, not DuckDB's
select quote_ident('select'), quote_ident('name'), quote_ident('Mixed'), quote_ident('abc'), quote_ident('year'), quote_ident('value'), quote_ident('left'), quote_ident('a b'), quote_ident('int');

-- strings: quote_ident over a table's column
select quote_ident(n_name), quote_ident(lower(n_name)) from nation order by 1;

-- strings: format %I quotes identifiers that need it
select format('%I, %I', 'col', 'Mixed Case');

-- strings: format %I with keywords, widths and positions, over a table
select format('%2$I.%1$I %3$-8I|', n_name, lower(n_name), 'select'), format('%I', 'a$b') from nation order by 1 limit 5;

-- strings: format %I of NULL is an error
select format('%I', NULL::text);

-- math: trigonometry in degrees
select sind(30), cosd(60), atan2(1, 1), atan2d(1, 1);

-- math: every degree function at the usual angles, negative and past a turn
select x, sind(x), cosd(x), tand(x), cotd(x) from (values (0), (30), (45), (60), (90), (135), (180), (270), (-390), (725.5)) t(x) order by x;

-- math: inverse functions in degrees
select asind(0.5), acosd(-1), acosd(0.5), atand(1), atand(-1e10), asind(1), acosd(0.2);

-- math: degree functions over a table's column
select n_nationkey, sind(n_nationkey * 15), cosd(n_nationkey * 15.0) from nation order by 1;

-- math: a sine of infinity is out of range
select sind('infinity'::float8);

-- math: asind past one is out of range
select asind(1.5);

-- catalog functions: the session's names are of type name
select current_database(), current_schema, current_schema(), current_catalog, pg_typeof(current_user)::text, current_database() || '!' from nation where n_nationkey = 0;

-- strings: regexp_match and regexp_matches
select regexp_match('foo123bar', '\d+'), (regexp_match('a1b2', '([a-z])(\d)'))[2];

-- strings: regexp_match with groups, flags and no match, over a table
select n_name, regexp_match(n_name, '^([A-Z])([A-Z]*)A$'), regexp_match(lower(n_name), 'AN', 'i'), regexp_match(n_name, 'an', 'ic') from nation order by 1;

-- strings: regexp_match has no global option
select regexp_match('abc', 'b', 'g');

-- subqueries: ordered by the position of a scalar subquery
select (select count(*) from nation where n_regionkey = r_regionkey) from region order by 1;

-- subqueries: an unqualified column two relations of the subquery have is ambiguous
select (select count(*) from nation a join nation b on a.n_nationkey = b.n_nationkey where n_regionkey = r_regionkey) from region order by 1;

-- subqueries: a named scalar subquery ordered by name and by position
select (select max(n_name) from nation where n_regionkey = r_regionkey) as top, r_name from region order by top desc, 2;

-- set operations: UNION ALL of char(3) and a constant keeps each value's padding
select 'a'::char(3) as x union all select 'x' order by 1;

-- set operations: UNION ALL of char(3), char(5), a constant and text
select 'a'::char(3) as x union all select 'bb'::char(5) union all select 'c' union all select 'd'::text order by 1;

-- strings: COALESCE, CASE and GREATEST of char(n) and constants keep each value's padding
select coalesce(null::char(3), 'x'), coalesce('a'::char(3), 'x'), coalesce('a'::char(3), 'x') || '|',
       case when n_nationkey < 2 then n_name::char(9) else 'zz' end, greatest(n_name::char(10), 'B')
from nation order by n_nationkey limit 4;

-- strings: CASE of text first and char(n) is text, without padding
select case when n_nationkey < 2 then n_name::char(12) else n_comment::text end from nation order by n_nationkey limit 3;

-- strings: min, max and lag of a COALESCE of char(n) and a constant keep the value's padding
select n_regionkey, min(coalesce(n_name::char(30), 'x')), max(coalesce(n_name::char(30), 'x'))
from nation group by 1 order by 1;

-- strings: lag of a COALESCE of char(n) and a constant
select lag(coalesce(n_name::char(10), 'x')) over (order by n_nationkey) from nation order by n_nationkey limit 3;

-- strings: a COALESCE of char(n) and a constant cast to text loses the padding
select x || '|' from (select 'a'::char(3) as x union all select 'x') s order by 1;

-- names: a CASE is named as its ELSE when that has a name of its own, a cast after its type otherwise (FigureColnameInternal)
select case when true then 1 else n_nationkey end, case when true then 1 else 2 end,
       case when true then 'x' else n_name::text end, (case when true then 1 end)::text,
       case when true then 'a' else upper(n_name) end, case when true then 1 else case when false then n_nationkey end end,
       1::int::text, n_name::text, (case when true then 1 else n_nationkey end)::text
from nation order by n_name limit 2;

-- names: ORDER BY a name two different output columns have is ambiguous (42702), the same column twice is not
select n_nationkey, n_regionkey as n_nationkey from nation order by n_nationkey limit 1;

-- names: ORDER BY a name the same output column has twice
select n_nationkey, n_nationkey from nation order by n_nationkey limit 2;

-- names: ORDER BY of a UNION takes the first branch's names, and can be ambiguous
select 1 as a, 2 as a union select 3, 4 order by a;

-- catalog: a name cast to an OID alias type prints as the name, is the OID where compared or cast to oid; catalogs have PostgreSQL's OIDs
select 'pg_class'::regclass::text, 'int4'::regtype::text, '1259'::regclass::text, 'public'::regnamespace::text, 'pg_class'::regclass::text,
       'pg_class'::regclass || 'x', 'pg_class'::regclass::oid = 'pg_class'::regclass, ('int4'::regtype)::varchar,
       'pg_class'::regclass::oid::text, 'information_schema.tables'::regclass::oid::int8, 'pg_settings'::regclass::oid::text;

-- types: a cast to oid is an oid (26), in text and binary
select 1::oid, n_nationkey::oid, n_regionkey::pg_catalog.oid from nation order by n_nationkey limit 3;

-- catalog: oid, name and "char" columns of catalog relations are sent as those types; catalogs have PostgreSQL's OIDs
select oid, relname, relnamespace, relkind, relpersistence from pg_class where relname in ('pg_class', 'pg_type', 'tables') order by relname;

-- catalog: a star over a catalog relation types its oid and name columns
select * from pg_inherits;

-- catalog: information_schema columns are name (sql_identifier) and varchar (character_data, yes_or_no)
select table_schema, table_name, column_name, data_type, is_nullable from information_schema.columns where table_name = 'nation' order by ordinal_position;

-- catalog: the types of a catalog relation's columns, as pg_attribute lists them
select a.attname, t.typname, format_type(a.atttypid, a.atttypmod) from pg_attribute a join pg_type t on t.oid = a.atttypid
where a.attrelid = 'pg_namespace'::regclass and a.attnum > 0 and a.attname <> 'nspacl' order by a.attnum;

-- functions: DuckDB's table functions PostgreSQL lacks are 42883, not DuckDB's rows
select * from region join range(2) t on r_regionkey = t.range;

-- settings: SET of a setting PostgreSQL fixes at start, reload or connection is 55P02
set ssl = off;

-- settings: SET of a postmaster setting
set shared_buffers = '1GB';

-- settings: SET of a backend setting after connection start
set log_connections = on;

-- names: a one-column unnest in FROM names its column after the table alias (addRangeTableEntryForFunction)
select * from unnest(array[1,2]) u order by 1;

-- names: a one-column unnest's alias is both the table and its column
select u, u.u, u * 2 from unnest(array[3,4]) u order by 1;

-- names: a column alias list names the column
select * from unnest(array[1,2]) as u(x) order by 1;
