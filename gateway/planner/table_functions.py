"""Rule: DuckDB's own table functions in FROM get PostgreSQL's answer, not DuckDB's.

DuckDB has table functions PostgreSQL does not (``range(3)``, ``summary``,
``test_all_types`` …), a ``json_each`` with six more columns than PostgreSQL's, and a
table function ``repeat`` where PostgreSQL's is a scalar. Answering them would answer
what PostgreSQL refuses, or differently. So DuckDB's table functions that PostgreSQL 15
lacks are 42883 ``function range(integer) does not exist``, as PostgreSQL says it
(ParseFuncOrColumn), and those that would answer otherwise are 0A000. DuckDB's file and
internal functions are ``file_access``'s to judge (it runs first). ``SET_RETURNING``,
PostgreSQL's set-returning functions (``pg_proc.proretset``), is what tests check the lists
against.

>>> import sqlglot
>>> table_functions(sqlglot.parse_one("select * from range(3)", read="postgres"))
Traceback (most recent call last):
...
duckflight.gateway.core.sql_error.SqlError: function range(integer) does not exist
>>> table_functions(sqlglot.parse_one("select * from generate_series(1, 3) g(x)", read="postgres")).sql()
'SELECT * FROM GENERATE_SERIES(1, 3) AS g(x)'
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.missing_functions import missing

# PostgreSQL 15's set-returning functions: SELECT DISTINCT proname FROM pg_proc WHERE proretset.
SET_RETURNING = frozenset("""
_pg_expandarray aclexplode generate_series generate_subscripts json_array_elements
json_array_elements_text json_each json_each_text json_object_keys json_populate_recordset
json_to_recordset jsonb_array_elements jsonb_array_elements_text jsonb_each jsonb_each_text
jsonb_object_keys jsonb_path_query jsonb_path_query_tz jsonb_populate_recordset jsonb_to_recordset
pg_available_extension_versions pg_available_extensions pg_config pg_cursor
pg_event_trigger_ddl_commands pg_event_trigger_dropped_objects pg_extension_update_paths
pg_get_backend_memory_contexts pg_get_catalog_foreign_keys pg_get_keywords pg_get_multixact_members
pg_get_publication_tables pg_get_replication_slots pg_get_shmem_allocations
pg_get_wal_resource_managers pg_hba_file_rules pg_ident_file_mappings pg_listening_channels
pg_lock_status pg_logical_slot_get_binary_changes pg_logical_slot_get_changes
pg_logical_slot_peek_binary_changes pg_logical_slot_peek_changes pg_ls_archive_statusdir pg_ls_dir
pg_ls_logdir pg_ls_logicalmapdir pg_ls_logicalsnapdir pg_ls_replslotdir pg_ls_tmpdir pg_ls_waldir
pg_mcv_list_items pg_options_to_table pg_partition_ancestors pg_partition_tree pg_prepared_statement
pg_prepared_xact pg_show_all_file_settings pg_show_all_settings pg_show_replication_origin_status
pg_snapshot_xip pg_stat_get_activity pg_stat_get_backend_idset pg_stat_get_progress_info
pg_stat_get_recovery_prefetch pg_stat_get_slru pg_stat_get_subscription pg_stat_get_wal_senders
pg_tablespace_databases pg_timezone_abbrevs pg_timezone_names regexp_matches regexp_split_to_table
string_to_table ts_debug ts_parse ts_stat ts_token_type txid_snapshot_xip unnest
""".split()) | {"worker_status"}  # duckflight.worker_status(), behind the duckflight.workers view
# DuckDB 1.5's table functions that PostgreSQL has under no name (tests/unit check the list
# against duckdb_functions()): 42883, as PostgreSQL answers.
DUCKDB_ONLY = {"range", "repeat_row", "seq_scan", "summary", "test_all_types", "test_vector_types",
               "icu_calendar_names", "json_tree"}
# PostgreSQL's, but DuckDB's namesake in FROM answers otherwise: 0A000 naming how.
OTHER_ANSWER = {
    "json_each": "DuckDB's gives the columns key, value, type, atom, id, parent, fullkey and path",
    "repeat": "PostgreSQL's repeat(text, n) is one row of one value, DuckDB's repeats a row n times",
}


def table_functions(tree: exp.Expression) -> exp.Expression:
    """``tree`` unchanged, or SqlError 42883/0A000 for a DuckDB table function in FROM."""
    for node in tree.find_all(exp.Func):
        if not isinstance(node.parent, (exp.Table, exp.Lateral)) or node is not node.parent.this:
            continue
        name = node.name.lower() if isinstance(node, exp.Anonymous) else node.sql("postgres").split("(")[0].lower()
        if name in OTHER_ANSWER:
            raise SqlError("0A000", f"{name}() in FROM is not supported: {OTHER_ANSWER[name]}")
        if name in DUCKDB_ONLY:
            raise missing(name, node)
    return tree
