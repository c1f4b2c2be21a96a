"""The rows of the catalog relations of the moment: pg_settings, pg_cursors, pg_stat_activity,
information_schema.enabled_roles.

``pg_settings`` has PostgreSQL 15's rows (``builtin_settings``, generated from a real
server), with the session's values where duckflight has the setting: ``setting`` now,
``reset_val`` at startup, and ``source`` as PostgreSQL says it: 'default', 'client'
(the startup packet) or 'session' (SET). ``pg_cursors`` lists the cursors the
session opened with DECLARE, as PostgreSQL's ``pg_cursor()`` does (a protocol-level
portal is not a cursor here: PostgreSQL hides the unnamed one too). ``pg_stat_activity``
has a row per session of the gateway (``admission.Activity``), as PostgreSQL's
``pg_stat_get_activity`` gives for client backends.
"""

from __future__ import annotations

import pyarrow as pa

from duckflight.gateway.settings import DEFAULTS
from duckflight.gateway.system.generated.builtin_settings import COLUMNS, SETTINGS
from duckflight.gateway.system.roles import Role, enabled_roles, role_oid
from duckflight.gateway.system.rows import DATABASE, DATABASE_OID
from duckflight.gateway.system.session_view import SessionView


def settings_table(view: SessionView, schema: pa.Schema) -> pa.Table:
    """pg_settings: one row per PostgreSQL 15 setting, the session's value where we have it."""
    ours = {name.lower(): value for name, value in view.settings.items()}
    startup = {name.lower(): value for name, value in view.startup.items()}
    defaults = {name.lower(): value for name, value in DEFAULTS.items()}
    rows = []
    for values in SETTINGS:
        row = dict(zip(COLUMNS, values))
        name = row["name"].lower()
        value = ours.get(name)
        if value is not None and value != row["setting"]:
            source = "session" if value != startup.get(name, value) else \
                "client" if value != defaults.get(name, value) else "default"
            row.update(setting=value, reset_val=startup.get(name, value), source=source)
        rows.append(row)
    return _table(rows, schema)


def cursors_table(view: SessionView, schema: pa.Schema) -> pa.Table:
    rows = [{"name": c.name, "statement": c.statement, "is_holdable": c.is_holdable, "is_binary": c.is_binary,
             "is_scrollable": c.is_scrollable, "creation_time": c.creation_time} for c in view.cursors]
    return _table(rows, schema)


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return pa.table({f.name: pa.array([r.get(f.name) for r in rows], f.type) for f in schema}, schema=schema)


def activity_table(sessions, schema: pa.Schema, view: SessionView | None = None,
                   roles: tuple[Role, ...] = ()) -> pa.Table:
    """pg_stat_activity: a reader sees only its own user's sessions whole; of another's, as
    pg_stat_get_activity shows them without the privilege, the query is
    ``<insufficient privilege>`` and what it does and where it comes from are NULL.
    ``usesysid`` is the OID of the user's role in pg_authid (``roles``)."""
    user = (view.settings.get("session_authorization") if view else None)
    oids = {r.name: r.oid for r in roles}
    rows = []
    for a in sessions:
        row = {**vars(a), "datid": DATABASE_OID, "datname": DATABASE,
               "usesysid": oids.get(a.usename) or role_oid(a.usename), "backend_type": "client backend"}
        if view is not None and view.role != "admin" and a.usename != user:
            row = {k: row[k] for k in ("datid", "datname", "pid", "usesysid", "usename", "application_name",
                                       "backend_type")}
            row["query"] = "<insufficient privilege>"
        rows.append(row)
    return _table(rows, schema)


def enabled_roles_table(view: SessionView, roles: tuple[Role, ...], schema: pa.Schema) -> pa.Table:
    """information_schema.enabled_roles of the session's user (``roles.enabled_roles``)."""
    return _table(enabled_roles(roles, view.settings.get("session_authorization", ""), view.role == "admin"), schema)
