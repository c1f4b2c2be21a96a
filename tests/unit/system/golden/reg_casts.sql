-- case: an OID cast to regclass prints its name; a name cast to regclass is its OID
select c.oid::regclass, c.oid::pg_catalog.regclass::pg_catalog.text from pg_class c where c.oid = 'public.orders'::regclass
-- expected
SELECT catalog_image.pg.regclass_name(c.oid), CAST(catalog_image.pg.regclass_name(c.oid) AS TEXT) FROM pg_class AS c WHERE c.oid = COALESCE(catalog_image.pg.to_regclass('public.orders'), ERROR('relation "public.orders" does not exist'))
-- case: a computed name is looked up, NULL when missing
select cast(pg_get_serial_sequence('t', 'c') as regclass), ('"' || s || '"')::regclass::oid
-- expected
SELECT catalog_image.pg.to_regclass(PG_GET_SERIAL_SEQUENCE('t', 'c')), CAST(catalog_image.pg.to_regclass(('"' || s || '"')) AS BIGINT)
-- case: regtype, regnamespace, regproc
select t::regtype, 'int4'::regtype, n::regnamespace::text, 'pg_catalog.array_in'::regproc
-- expected
SELECT catalog_image.pg.regtype_name(t), catalog_image.pg.regtype_name(COALESCE(catalog_image.pg.to_regtype('int4'), ERROR('type "int4" does not exist'))), CAST(catalog_image.pg.regnamespace_name(n) AS TEXT), 'array_in'
-- case: catalog types become the types the image stores
select x::oid, y::name, z::"char", w::pg_catalog.int2[], v::int2vector
-- expected
SELECT CAST(x AS BIGINT), CAST(y AS TEXT), CAST(z AS TEXT), CAST(w AS SMALLINT[]), CAST(v AS SMALLINT[])
-- case: arrays of OID alias types, element by element (array_literals reads '{...}' first)
select x::pg_catalog.oid[], y::pg_catalog.regclass[], cast(z as pg_catalog.regtype[]), array['orders', null]::pg_catalog.regclass[]
-- expected
SELECT CAST(x AS BIGINT[]), catalog_image.pg.regclass_names(y), catalog_image.pg.regtype_names(z), [COALESCE(catalog_image.pg.to_regclass('orders'), ERROR('relation "orders" does not exist')), NULL]
-- case: compared OID alias values are compared as OIDs, as PostgreSQL compares them
select 23::regtype <> 'trigger'::regtype, t.oid::regclass = 'orders'::regclass, (x::regtype) in ('int4'::regtype)
-- expected
SELECT CAST(23 AS BIGINT) <> COALESCE(catalog_image.pg.to_regtype('trigger'), ERROR('type "trigger" does not exist')), CAST(t.oid AS BIGINT) = COALESCE(catalog_image.pg.to_regclass('orders'), ERROR('relation "orders" does not exist')), (CAST(x AS BIGINT)) IN (COALESCE(catalog_image.pg.to_regtype('int4'), ERROR('type "int4" does not exist')))