-- case: bare NULL outputs are text, typed NULLs stay
select null as table_cat, null, cast(null as int) as n, 1
-- expected
SELECT CAST(NULL AS TEXT) AS table_cat, CAST(NULL AS TEXT), CAST(NULL AS INT) AS n, 1
-- case: in every SELECT of a union
select null as a union all select null
-- expected
SELECT CAST(NULL AS TEXT) AS a UNION ALL SELECT CAST(NULL AS TEXT)
