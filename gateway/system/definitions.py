"""The SQL text of the image's views, their rewrite rules and functions (pg_get_viewdef & co).

The functions in ``pg_proc`` are PostgreSQL's own rows (``generated/builtin_functions.py``)
for the PostgreSQL functions the image implements as macros, with their PostgreSQL OIDs
and signatures, and ``duckflight.worker_status()``.

duckflight has no user views, indexes, constraints or triggers: its views are the
catalog relations PostgreSQL defines as views (``pg_tables``, ``information_schema.*``),
whose text is PostgreSQL 15's own (``generated/viewdefs.py``), and
``duckflight.workers``, which reads the set-returning function
``duckflight.worker_status()`` (the gateway's live worker table) as
``pg_stat_activity`` reads ``pg_stat_get_activity()``. As in PostgreSQL every view
has a ``_RETURN`` rule in ``pg_rewrite`` whose text is the view's. The functions
here give the rows; ``functions.py`` has the macros that read them.
"""

from __future__ import annotations

import pyarrow as pa

from duckflight.gateway.system.generated import builtin_functions
from duckflight.gateway.system.pg_types import arrow_column_types
from duckflight.gateway.system.generated.viewdefs import RULES, VIEWDEFS

FIRST_RULE_OID = 14000
WORKER_STATUS_OID = 16388  # the function beside duckflight.workers (16387)
WORKER_STATUS = "worker_status"
RECORD_OID = 2249


def system_view(schema: str, name: str) -> tuple[str, str] | None:
    """(plain, pretty) text of a catalog view, as PostgreSQL 15 prints it."""
    return VIEWDEFS.get((schema, name))


def workers_view(status: pa.Schema) -> tuple[str, str]:
    """duckflight.workers over duckflight.worker_status(), printed as PostgreSQL prints such a view."""
    names = status.names
    columns = ",\n    ".join(f"{WORKER_STATUS}.{n}" for n in names)
    text = (f" SELECT {columns}\n   FROM duckflight.{WORKER_STATUS}() {WORKER_STATUS}({', '.join(names)});")
    return text, text  # nothing to parenthesize: both forms are the same


def worker_status_function(status: pa.Schema) -> tuple[dict, dict]:
    """The pg_proc row of duckflight.worker_status(), and the texts of pg_get_functiondef,
    pg_get_function_result, pg_get_function_arguments and pg_get_function_identity_arguments."""
    types = arrow_column_types(status)
    row = {"oid": WORKER_STATUS_OID, "proname": WORKER_STATUS, "pronamespace": 16384, "proowner": 10,
           "prolang": 12, "procost": 1.0, "prorows": 1000.0, "prokind": "f", "proretset": True,
           "provolatile": "s", "proparallel": "u", "pronargs": 0, "prorettype": RECORD_OID, "proargtypes": [],
           "proallargtypes": [t.oid for t in types], "proargmodes": ["o"] * len(types),
           "proargnames": list(status.names), "prosrc": WORKER_STATUS}
    arguments = ", ".join(f"OUT {n} {t.formatted}" for n, t in zip(status.names, types))
    text = (f"CREATE OR REPLACE FUNCTION duckflight.{WORKER_STATUS}({arguments})\n RETURNS SETOF record\n"
            f" LANGUAGE internal\n STABLE\nAS $function${WORKER_STATUS}$function$\n")
    return row, {"oid": WORKER_STATUS_OID, "text": text, "result": "SETOF record", "arguments": arguments,
                 "identity": arguments}


def functions(namespaces: dict[str, int], status: pa.Schema) -> tuple[list[dict], list[dict]]:
    """pg_proc rows, and the text of pg_get_functiondef & co for each (oid, text, result, arguments, identity)."""
    rows, texts = [], []
    for values in builtin_functions.FUNCTIONS:
        row = dict(zip(builtin_functions.COLUMNS, values))
        texts.append({"oid": row["oid"], "text": row.pop("definition"), "result": row.pop("result"),
                      "arguments": row.pop("arguments"), "identity": row.pop("identity")})
        row["pronamespace"], row["proowner"] = namespaces[row.pop("nspname")], 10
        rows.append(row)
    row, text = worker_status_function(status)
    return rows + [row], texts + [text]


def routines(database: str) -> list[dict]:
    """information_schema.routines: PostgreSQL's rows for the functions of ``pg_proc``, in this
    database, and duckflight.worker_status() written as PostgreSQL writes an internal function."""
    rows = [{k: database if k.endswith("_catalog") else v for k, v in row.items()}
            for row in builtin_functions.ROUTINES]
    name = f"{WORKER_STATUS}_{WORKER_STATUS_OID}"
    rows.append({"specific_catalog": database, "specific_schema": "duckflight", "specific_name": name,
                 "routine_catalog": database, "routine_schema": "duckflight", "routine_name": WORKER_STATUS,
                 "routine_type": "FUNCTION", "data_type": "record", "type_udt_catalog": database,
                 "type_udt_schema": "pg_catalog", "type_udt_name": "record", "dtd_identifier": "0",
                 "routine_body": "EXTERNAL", "routine_definition": WORKER_STATUS, "external_language": "INTERNAL",
                 "parameter_style": "GENERAL", "is_deterministic": "NO", "sql_data_access": "MODIFIES",
                 "is_null_call": "NO", "schema_level_routine": "YES", "max_dynamic_result_sets": 0,
                 "security_type": "INVOKER", "as_locator": "NO", "is_udt_dependent": "NO"})
    return rows


def rules(relations) -> tuple[list[dict], list[dict]]:
    """pg_rewrite rows of the views, and (oid, plain, pretty) rows of pg_get_ruledef."""
    rows, texts = [], []
    for relation in relations:
        if relation.definition is None:
            continue
        qualified = f"{relation.schema}.{relation.name}"
        shown = relation.name if relation.schema in ("pg_catalog", "public") else qualified  # visible: bare
        plain, pretty = relation.definition
        found = [("_RETURN", "1", True, "O", f'CREATE RULE "_RETURN" AS\n    ON SELECT TO {qualified} DO INSTEAD {plain}',
                  f'CREATE RULE "_RETURN" AS\n    ON SELECT TO {shown} DO INSTEAD {pretty}')]
        found += RULES.get((relation.schema, relation.name), [])
        for name, event, instead, enabled, plain_rule, pretty_rule in found:
            oid = FIRST_RULE_OID + len(rows)
            rows.append({"oid": oid, "rulename": name, "ev_class": relation.oid, "ev_type": event,
                         "ev_enabled": enabled, "is_instead": instead,
                         "ev_qual": None if "\n   WHERE " in plain_rule else "<>"})  # no node trees here
            texts.append({"oid": oid, "plain": plain_rule, "pretty": pretty_rule})
    return rows, texts
