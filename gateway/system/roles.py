"""The roles of the catalog image: pg_authid, pg_roles and pg_user as the users file has them.

PostgreSQL keeps one pg_authid row per role; its views pg_roles and pg_user show them with the
password masked (``'********'``, system_views.sql). Here the roles are:

- ``duckflight`` (OID 10, PostgreSQL's BOOTSTRAP_SUPERUSERID): the owner of the database and of
  every relation, a superuser. It logs in only in trust mode (no users file) or when the file has
  a user of that name, whose role then gives its attributes.
- with a users file (``auth.users.UserStore``), one role per user: an ``admin`` is what
  ``createuser --superuser`` makes (SUPERUSER CREATEROLE CREATEDB LOGIN), a ``reader`` what plain
  ``createuser`` makes (LOGIN). The file is read again when it changes, so the image follows it.
- without one (trust from loopback), one ordinary login role per user name connected now, so
  ``current_user`` always has its pg_roles row, as it has in PostgreSQL.

A role's OID is derived from its name (``role_oid``), so it is the same on every gateway and
after a restart: 2^30 plus the first four bytes of the name's SHA-256 modulo 2^30, far above
the relation OIDs (``rows.FIRST_RELATION_OID`` onwards, one per table) and below 2^31, so a
driver reading an oid as a signed int4 reads it right. Of two names whose OIDs collide, the
later in sort order takes the next free one.

No verifier or hash ever reaches the image: pg_authid.rolpassword is NULL (PostgreSQL shows
superusers the verifier; docs/decisions.md says why we do not), and pg_authid is a superuser's
table: ``check_role_relations`` refuses it to readers as PostgreSQL does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError

OWNER_OID, OWNER = 10, "duckflight"
DATABASE_OWNER_OID = 6171  # pg_database_owner, PostgreSQL's owner of schema public
FIRST_ROLE_OID = 2 ** 30
ROLE_OIDS = 2 ** 30
MASKED = "********"  # what pg_roles.rolpassword and pg_user.passwd show, as in PostgreSQL
SUPERUSER_ONLY = {"pg_authid"}  # pg_catalog tables PostgreSQL revokes from PUBLIC (that the image has)


@dataclass(frozen=True)
class Role:
    name: str
    oid: int
    superuser: bool
    can_login: bool
    owner: bool = False  # the bootstrap role: also Bypass RLS, as duckflight always showed it


def role_oid(name: str) -> int:
    """The OID a role of this name gets (see the module docstring)."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return FIRST_ROLE_OID + int.from_bytes(digest[:4], "big") % ROLE_OIDS


def catalog_roles(users: dict[str, str] | None, connected: list[str] = ()) -> tuple[Role, ...]:
    """The roles for ``users`` (name → "admin"/"reader", from the users file; None: trust mode,
    where the ``connected`` names are the roles besides the owner)."""
    logins = dict(users) if users is not None else {name: "reader" for name in connected if name != OWNER}
    owner = logins.pop(OWNER, None)  # a user of the file named so: its role gives the owner's attributes
    roles = [Role(OWNER, OWNER_OID, owner != "reader", users is None or owner is not None, owner is None)]
    taken = {OWNER_OID}
    for name in sorted(logins):
        oid = role_oid(name)
        while oid in taken:
            oid = FIRST_ROLE_OID + (oid + 1 - FIRST_ROLE_OID) % ROLE_OIDS
        taken.add(oid)
        roles.append(Role(name, oid, logins[name] == "admin", True))
    return tuple(roles)


def authid_rows(roles: tuple[Role, ...]) -> list[dict]:
    """pg_authid: the roles, and PostgreSQL's pg_database_owner (owner of schema public)."""
    rows = [{"oid": r.oid, "rolname": r.name, "rolsuper": r.superuser, "rolinherit": True,
             "rolcreaterole": r.superuser, "rolcreatedb": r.superuser, "rolcanlogin": r.can_login,
             "rolreplication": False, "rolbypassrls": r.owner, "rolconnlimit": -1, "rolpassword": None,
             "rolvaliduntil": None} for r in roles]
    rows.append({"oid": DATABASE_OWNER_OID, "rolname": "pg_database_owner", "rolsuper": False, "rolinherit": True,
                 "rolcreaterole": False, "rolcreatedb": False, "rolcanlogin": False, "rolreplication": False,
                 "rolbypassrls": False, "rolconnlimit": -1, "rolpassword": None, "rolvaliduntil": None})
    return rows


def role_rows(roles: tuple[Role, ...]) -> dict[tuple[str, str], list[dict]]:
    """The image's rows of every relation that lists roles."""
    authid = authid_rows(roles)
    return {
        ("pg_catalog", "pg_authid"): authid,
        ("pg_catalog", "pg_roles"): [{**r, "rolpassword": MASKED} for r in authid],
        ("pg_catalog", "pg_user"): [
            {"usename": r["rolname"], "usesysid": r["oid"], "usecreatedb": r["rolcreatedb"], "usesuper": r["rolsuper"],
             "userepl": r["rolreplication"], "usebypassrls": r["rolbypassrls"], "passwd": MASKED, "valuntil": None}
            for r in authid if r["rolcanlogin"]],
    }


def enabled_roles(roles: tuple[Role, ...], user: str, superuser: bool) -> list[dict]:
    """information_schema.enabled_roles: the roles whose privileges ``user`` has (pg_has_role
    USAGE): every role for a superuser, else its own."""
    names = [r.name for r in roles] + ["pg_database_owner"] if superuser else [r.name for r in roles if r.name == user]
    return [{"role_name": name} for name in names]


def check_role_relations(tree: exp.Expression, role: str) -> None:
    """42501 for a reader's query that reads pg_authid, as PostgreSQL answers a role that is
    not a superuser ("permission denied for table pg_authid")."""
    if role == "admin":
        return
    for table in tree.find_all(exp.Table):
        if table.name in SUPERUSER_ONLY and table.db in ("", "pg_catalog") and not isinstance(table.this, exp.Func):
            raise SqlError("42501", f"permission denied for table {table.name}")
