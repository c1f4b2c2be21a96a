-- case: pgcli's casing words: the split runs in a LATERAL subquery, grouped after
SELECT regexp_split_to_table(prosrc, '\W+') AS Word, COUNT(1) FROM pg_catalog.pg_proc P GROUP BY Word
-- expected
SELECT __srf0.Word AS Word, COUNT(1) FROM pg_catalog.pg_proc AS P, LATERAL (SELECT REGEXP_SPLIT_TO_TABLE(prosrc, '\W+') AS Word) AS __srf0 GROUP BY Word
-- case: without grouping or aggregates the select list keeps its set-returning function
select unnest(proargnames) as n, proname from pg_proc
-- expected
SELECT UNNEST(proargnames) AS n, proname FROM pg_proc
