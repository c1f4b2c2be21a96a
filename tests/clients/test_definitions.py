"""pg_get_viewdef and its kin on duckflight, with PostgreSQL 15 as the referee.

duckflight's views are the catalog relations PostgreSQL defines as views, whose text is
PostgreSQL's, and ``duckflight.workers`` over ``duckflight.worker_status()``. It has no
indexes, constraints or triggers, so their functions give NULL, as PostgreSQL does for
an OID that names nothing. psql's ``\\sv`` and ``\\d+`` print the same on both servers.
"""

from __future__ import annotations

import psycopg
import pytest

from catalog_support import catalog_data, catalog_duckflight, catalog_pg  # noqa: F401
from pg15 import postgres15
from test_psql_describe import as_owner, psql

from duckflight.gateway.system import generate
from duckflight.gateway.system.generated.viewdefs import VIEWDEFS

CATALOG_VIEWS = ", ".join(f"'{name}'" for schema, name in VIEWDEFS if schema == "pg_catalog")
INFORMATION_VIEWS = ", ".join(f"'{name}'" for schema, name in VIEWDEFS if schema == "information_schema")

QUERIES = {
    "pg_views": f"select viewname, definition from pg_views where schemaname = 'pg_catalog'"
                f" and viewname in ({CATALOG_VIEWS}) order by 1",
    "information_schema.views": f"select table_name, view_definition from information_schema.views"
                                f" where table_schema = 'information_schema' and table_name in ({INFORMATION_VIEWS})"
                                " order by 1",
    "pg_get_viewdef": "select pg_get_viewdef('pg_tables'::regclass), pg_get_viewdef('pg_tables'::regclass, true),"
                      " pg_get_viewdef('information_schema.columns'::regclass, false),"
                      " pg_get_viewdef(c.oid, 0) from pg_class c where c.relname = 'pg_user'",
    "nothing to print": "select pg_get_viewdef(0), pg_get_viewdef('pg_class'::regclass), pg_get_indexdef(0),"
                        " pg_get_constraintdef(0), pg_get_triggerdef(0), pg_get_functiondef(0), pg_get_ruledef(0),"
                        " pg_get_viewdef(null::oid), pg_get_viewdef('pg_tables'::regclass, null::boolean)",
    "rules": "select c.relname, r.rulename, r.ev_type, r.is_instead, r.ev_enabled, pg_get_ruledef(r.oid),"
             " pg_get_ruledef(r.oid, true) from pg_rewrite r join pg_class c on c.oid = r.ev_class"
             " join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('pg_catalog', 'information_schema')"
             " and c.relname in ('pg_tables', 'pg_settings', 'pg_roles', 'tables') order by 1, 2",
    "function": "select p.proname, p.proretset, pg_get_function_result(p.oid), pg_get_function_arguments(p.oid)"
                " from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'duckflight'",
}
COMMANDS = [r"\sv pg_tables", r"\sv+ information_schema.views", r"\sv pg_roles", r"\d+ pg_settings",
            r"\df duckflight.*"]


def rows(url: str, sql: str):
    with psycopg.connect(url, autocommit=True) as connection:
        return connection.execute(sql).fetchall()


@pytest.mark.parametrize("name", list(QUERIES))
def test_definitions_match_postgresql(name, catalog_duckflight, catalog_pg):
    ours = rows(as_owner(catalog_duckflight), QUERIES[name])
    assert ours == rows(catalog_pg, QUERIES[name])
    assert ours and ours[0][-1] is not None or name in ("nothing to print",)


@pytest.mark.parametrize("command", COMMANDS)
def test_psql_prints_definitions_as_postgresql(command, catalog_duckflight, catalog_pg):
    ours = psql(as_owner(catalog_duckflight), command)
    assert "ERROR" not in ours
    assert ours == psql(catalog_pg, command)


def test_workers_view_reads_worker_status(catalog_duckflight):
    (definition,) = rows(catalog_duckflight, "select pg_get_viewdef('duckflight.workers'::regclass, true)")[0]
    assert definition.startswith(" SELECT worker_status.address,\n    worker_status.node,")
    assert definition.endswith("FROM duckflight.worker_status() worker_status(address, node, state, consecutive_failures,"
                               " last_check, last_error, running_fragments, registered_at);")
    direct = rows(catalog_duckflight, "select address, state from duckflight.worker_status() order by 1")
    assert direct == rows(catalog_duckflight, "select address, state from duckflight.workers order by 1")
    assert len(direct) == 1
    out = psql(as_owner(catalog_duckflight), r"\sv duckflight.workers")
    assert out.startswith("CREATE OR REPLACE VIEW duckflight.workers AS\n SELECT worker_status.address,")


def test_the_generated_modules_are_what_the_generator_writes_from_postgresql_15(tmp_path):
    """gateway/system/generated/ is PostgreSQL 15's own: generate.py, run against a fresh
    PostgreSQL 15, writes the same files byte for byte (none was edited by hand)."""
    out = tmp_path / "generated"
    out.mkdir()
    with postgres15(tmp_path / "pg") as url:
        generate.main(url, out)
    written = sorted(p.name for p in out.glob("*.py"))
    assert written == ["builtin_functions.py", "builtin_keywords.py", "builtin_settings.py", "builtin_types.py",
                       "layout.py", "viewdefs.py"]
    for name in written:
        assert (out / name).read_text() == (generate.HERE / name).read_text(), f"{name} differs from the generator's"
