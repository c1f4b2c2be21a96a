-- case: psql's OPERATOR(pg_catalog.~) and COLLATE pg_catalog.default
select c.oid from pg_class c where c.relname OPERATOR(pg_catalog.~) '^(orders)$' COLLATE pg_catalog.default
-- expected
SELECT c.oid FROM pg_class AS c WHERE REGEXP_MATCHES(c.relname, '^(orders)$')
-- case: negated and case-insensitive regex operators
select 1 where a OPERATOR(pg_catalog.!~) 'x' and b OPERATOR(pg_catalog.~*) 'y'
-- expected
SELECT 1 WHERE NOT REGEXP_MATCHES(a, 'x') AND REGEXP_MATCHES(b, 'y', 'i')
-- case: an array literal in PostgreSQL's text form
select 1 from pg_policy pol where pol.polroles = '{0}' or pol.names <> '{a,b}'
-- expected
SELECT 1 FROM pg_policy AS pol WHERE pol.polroles = [0] OR pol.names <> ['a', 'b']
-- case: = ANY(array) in a join condition is list_contains; elsewhere it stays
select 1 from pg_class t left join pg_attribute a on t.oid = a.attrelid and a.attnum = any(ix.indkey) where a.attnum = any(ix.indkey)
-- expected
SELECT 1 FROM pg_class AS t LEFT JOIN pg_attribute AS a ON t.oid = a.attrelid AND ARRAY_CONTAINS(ix.indkey, a.attnum) WHERE a.attnum = ANY(ix.indkey)
