-- case: a pg_catalog function loses its schema
select pg_catalog.format_type(a.atttypid, a.atttypmod), pg_catalog.pg_get_userbyid(c.relowner) from t
-- expected
SELECT FORMAT_TYPE(a.atttypid, a.atttypmod), PG_GET_USERBYID(c.relowner) FROM t
-- case: information_schema helpers too
select (information_schema._pg_expandarray(i.indkey)).n from t
-- expected
SELECT (_PG_EXPANDARRAY(i.indkey)).n FROM t
