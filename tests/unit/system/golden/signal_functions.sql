-- case: a cancel per row, with the query's key
select pg_cancel_backend(pid) from pg_stat_activity where usename = 'x'
-- expected
SELECT __DUCKFLIGHT_SIGNAL('k', 'cancel', CAST(pid AS INT), CAST(0 AS BIGINT)) FROM pg_stat_activity WHERE usename = 'x'
-- case: terminate with and without a timeout
select pg_terminate_backend(42), pg_terminate_backend(42, 500)
-- expected
SELECT __DUCKFLIGHT_SIGNAL('k', 'terminate', CAST(42 AS INT), CAST(0 AS BIGINT)), __DUCKFLIGHT_SIGNAL('k', 'terminate', CAST(42 AS INT), CAST(500 AS BIGINT))
