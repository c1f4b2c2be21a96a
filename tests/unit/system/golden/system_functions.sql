-- case: image functions are qualified, DuckDB's own are not
select format_type(a, b), pg_get_userbyid(c.relowner), upper(x), array_to_string(y, ',')
-- expected
SELECT catalog_image.pg.format_type(a, b), catalog_image.pg.pg_get_userbyid(c.relowner), UPPER(x), ARRAY_TO_STRING(y, ',')
-- case: a table function of the image in FROM
select word from pg_get_keywords() where catcode = 'R'
-- expected
SELECT word FROM catalog_image.pg.PG_GET_KEYWORDS() WHERE catcode = 'R'
-- case: json_build_object is DuckDB's json_object
select json_build_object('a', 1)
-- expected
SELECT JSON_OBJECT('a', 1)
-- case: pg_typeof reads the image's types; of an untyped constant it is unknown
select pg_typeof(x), pg_typeof('a'), pg_typeof(null), pg_typeof('a'::text)
-- expected
SELECT catalog_image.pg.pg_typeof(x), 'unknown', 'unknown', catalog_image.pg.pg_typeof(CAST('a' AS TEXT))