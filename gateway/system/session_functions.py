"""Rule: functions whose value is the session's become constants.

``current_user``, ``current_schema``, ``current_setting('x')``, ``version()``,
``pg_backend_pid()`` and their kin read the session, not the catalog; within one
query PostgreSQL gives them one value, so the rule puts that value in the tree,
which also lets a query over tables call them (the workers know no session).
``settings`` is the session's (name → value; ``session_authorization`` is the
user), ``backend_pid`` the process id BackendKeyData gave the client.

>>> import sqlglot
>>> tree = sqlglot.parse_one("select current_user, current_schemas(true), current_setting('TimeZone')", read="postgres")
>>> session_functions(tree, {"session_authorization": "ann", "TimeZone": "UTC"}).sql("duckdb")
"SELECT CAST('ann' AS NAME), ['pg_catalog', 'public'], 'UTC'"
"""

from __future__ import annotations

from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.system.server_settings import shown

VERSION = "PostgreSQL {} on x86_64-pc-linux-gnu, compiled by duckflight (sqlglot, DuckDB), 64-bit"
SCHEMAS = ("pg_catalog", "public", "information_schema", "duckflight")
# The functions this rule replaces, by name and as sqlglot's nodes for SQL's keywords (CURRENT_USER ...).
NAMES = {"current_setting", "current_schemas", "current_schema", "current_database", "version",
         "current_catalog", "session_user", "current_user", "pg_backend_pid"}
NODES = (exp.CurrentUser, exp.SessionUser, exp.CurrentSchema, exp.CurrentSchemas, exp.CurrentCatalog,
         exp.CurrentVersion, exp.CurrentDatabase)
# Visibility functions get the search path as a second argument (and pg_has_role(role, privilege)
# the current user as its first).
VISIBILITY = {"pg_table_is_visible", "pg_type_is_visible", "pg_function_is_visible", "pg_collation_is_visible"}


def search_path(settings: dict[str, str]) -> list[str]:
    """The schemas of the session's search_path that exist ("$user" is the user's schema)."""
    user = settings.get("session_authorization", "")
    names = [n.strip().strip('"') for n in settings.get("search_path", '"$user", public').split(",")]
    names = [user if n == "$user" else n for n in names]
    return [n for n in dict.fromkeys(names) if n in SCHEMAS and n != "pg_catalog"]


def calls_session(tree: exp.Expression) -> bool:
    """Whether the query calls a function this rule replaces."""
    return any(isinstance(node, NODES) or isinstance(node, exp.Anonymous) and node.name.lower() in NAMES
               or isinstance(node, exp.Column) and not node.table and node.name == "user" for node in tree.walk())


def session_functions(tree: exp.Expression, settings: dict[str, str], backend_pid: int = 0) -> exp.Expression:
    user = settings.get("session_authorization", "")
    path = search_path(settings)
    constants = {
        exp.CurrentUser: name_constant(user), exp.SessionUser: name_constant(user),
        exp.CurrentDatabase: name_constant("duckflight"),
        exp.CurrentSchema: name_constant(path[0]) if path else exp.Null(),
        exp.CurrentCatalog: name_constant("duckflight"),
        exp.CurrentVersion: exp.Literal.string(VERSION.format(settings.get("server_version", "15"))),
    }
    for node in list(tree.walk()):
        if type(node) in constants:
            node.replace(constants[type(node)].copy())
        elif isinstance(node, exp.CurrentSchemas):
            node.replace(_schemas([node.this] if node.this else [], path))
        elif isinstance(node, exp.Column) and not node.table and node.name == "user" and not node.this.quoted:
            node.replace(name_constant(user))  # unquoted USER is a keyword in PostgreSQL
        elif isinstance(node, exp.Anonymous):
            value = _call(node, settings, user, path, backend_pid)
            if value is not None:
                node.replace(value)
    return tree


def name_constant(text: str) -> exp.Expression:
    """A constant of PostgreSQL's type name (OID 19), which these functions return."""
    return exp.cast(exp.Literal.string(text), exp.DataType.build("name", dialect="postgres"))


def _call(node: exp.Anonymous, settings: dict[str, str], user: str, path: list[str],
          backend_pid: int) -> exp.Expression | None:
    name = node.name.lower()
    args = node.expressions
    if name == "pg_backend_pid" and not args:
        return exp.cast(exp.Literal.number(backend_pid), "int")
    if name in ("current_database", "current_catalog"):
        return name_constant("duckflight")
    if name in ("current_user", "session_user", "user"):
        return name_constant(user)
    if name == "version":
        return exp.Literal.string(VERSION.format(settings.get("server_version", "15")))
    if name == "current_schema":
        return name_constant(path[0]) if path else exp.Null()
    if name == "current_schemas":
        return _schemas(args, path)
    if name == "pg_has_role" and len(args) == 2:  # the current user's privileges of a role
        node.set("expressions", [name_constant(user), *args])
        return None
    if name in VISIBILITY and len(args) == 1:
        node.append("expressions", _schemas([], path))
        return None
    if name == "current_setting" and args:
        args = [_uncast(args[0]), *args[1:]]  # a bound parameter arrives as $1::VARCHAR
    if name == "current_setting" and args and isinstance(args[0], exp.Null):
        return exp.cast(exp.Null(), "text")  # strict: NULL in, NULL out (Describe binds NULLs)
    if name == "current_setting" and args and args[0].is_string:
        return _setting(args[0].name, settings, missing_ok=len(args) > 1 and args[1].this is True)
    if name == "current_setting":  # DuckDB's namesake would read DuckDB's settings
        raise SqlError("0A000", "current_setting() is supported with a constant setting name only")
    return None


def _uncast(value: exp.Expression) -> exp.Expression:
    while isinstance(value, exp.Cast) and isinstance(value.this, (exp.Literal, exp.Null, exp.Cast)):
        value = value.this
    return value


def _schemas(args: list[exp.Expression], path: list[str]) -> exp.Expression:
    implicit = not (args and isinstance(args[0], exp.Boolean) and not args[0].this)
    return exp.Array(expressions=[exp.Literal.string(s) for s in (["pg_catalog"] if implicit else []) + path])


def _setting(name: str, settings: dict[str, str], missing_ok: bool) -> exp.Expression:
    lower = {k.lower(): v for k, v in settings.items()}
    if name.lower() in lower:
        return exp.Literal.string(lower[name.lower()])
    if (server := shown(name)) is not None:
        return exp.Literal.string(server)
    if missing_ok:
        return exp.Null()
    raise SqlError("42704", f'unrecognized configuration parameter "{name}"')
