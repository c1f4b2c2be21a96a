"""A session's settings: SET, SET LOCAL, RESET, SHOW, and what a transaction does to them.

PostgreSQL keeps settings per session and makes them transactional: a SET inside a
transaction block is undone by ROLLBACK (or ROLLBACK TO SAVEPOINT), and SET LOCAL lasts
until the block ends. Settings that change how values are written are checked here, and
values we cannot honour are refused (0A000) instead of being accepted and ignored:
results are always written with DateStyle ISO, IntervalStyle postgres, UTF-8 and hex
bytea. TimeZone is honoured: timestamptz values are shown in it.

    >>> s = Settings({"user": "u", "application_name": "psql"})
    >>> s.set("timezone", "'utc'"); s.show("TimeZone")
    ('TimeZone', 'UTC')
"""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache

from sqlglot import exp

from duckflight.gateway.core.identifiers import read_ident
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.sandbox import check_setting
from duckflight.gateway.timeouts import SETTINGS as TIME_SETTINGS, canonical

SERVER_VERSION = "15.6"
# Settings PostgreSQL 15 reports with ParameterStatus (at startup, and when they change).
REPORTED = (
    "application_name", "client_encoding", "DateStyle", "default_transaction_read_only",
    "in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser", "server_encoding",
    "server_version", "session_authorization", "standard_conforming_strings", "TimeZone",
)
DEFAULTS = {
    "application_name": "", "client_encoding": "UTF8", "DateStyle": "ISO, MDY",
    "default_transaction_read_only": "off", "in_hot_standby": "off", "integer_datetimes": "on",
    "IntervalStyle": "postgres", "is_superuser": "off", "server_encoding": "UTF8",
    "server_version": SERVER_VERSION, "server_version_num": "150006", "session_authorization": "",
    "standard_conforming_strings": "on", "TimeZone": "UTC", "search_path": '"$user", public',
    "transaction_isolation": "read committed", "transaction_read_only": "off",
    "extra_float_digits": "1", "max_identifier_length": "63", "bytea_output": "hex",
    "statement_timeout": "0", "lock_timeout": "0", "idle_in_transaction_session_timeout": "0",
    "idle_session_timeout": "0",
    "client_min_messages": "notice", "datestyle_order": "MDY",
    "role": "none",  # SET ROLE never changes it (role_statement)
}
READ_ONLY = {"server_version", "server_version_num", "server_encoding", "integer_datetimes", "max_connections",
             "max_identifier_length", "in_hot_standby", "is_superuser", "session_authorization", "role"}
# Startup packet keys that are not settings.
NOT_SETTINGS = {"user", "database", "options", "replication"}


class Settings:
    """One session's settings, with the transaction-block bookkeeping PG does for them."""

    def __init__(self, startup: dict[str, str], server: dict[str, str] | None = None):
        """``server``: the gateway's own defaults (e.g. its --statement-timeout), before the client's."""
        self.values = dict(DEFAULTS)
        self.values["session_authorization"] = startup.get("user", "")
        self._names = {k.lower(): k for k in self.values}
        self._block: dict[str, str] | None = None  # values at BEGIN
        self._local: dict[str, str | None] = {}  # value to restore at COMMIT, per SET LOCAL name
        self._savepoints: list[tuple[str, dict[str, str], dict[str, str | None]]] = []
        for key, value in (server or {}).items():  # the gateway's own: read-only ones too
            key = self.canonical(key)
            self.values[key] = _checked(key, value)
            self._names.setdefault(key.lower(), key)
        for key, value in startup.items():  # drivers send e.g. DateStyle=ISO, extra_float_digits=2
            if key not in NOT_SETTINGS:
                self.set(key, value, quoted=False, starting=True)
        for key, value in command_line_options(startup.get("options", "")):  # PGOPTIONS='-c name=value'
            self.set(key, value, quoted=False, starting=True)
        self._session = dict(self.values)  # what RESET goes back to: the values at startup

    @property
    def startup(self) -> dict[str, str]:
        """The values at startup (the defaults, then the startup packet's): what RESET restores."""
        return self._session

    def canonical(self, name: str) -> str:
        lower = name.lower()
        if lower == "time zone":
            return "TimeZone"
        if lower == "transaction isolation level":  # SQLAlchemy asks so on connect
            return "transaction_isolation"
        return self._names.get(lower, lower)

    def reported(self) -> dict[str, str]:
        return {k: self.values[k] for k in REPORTED}

    def show(self, name: str) -> tuple[str, str]:
        """(column name, value) for SHOW name; 42704 for an unknown name."""
        key = self.canonical(name)
        if key in self.values:
            return key, self.values[key]
        from duckflight.gateway.system.server_settings import shown  # system imports this module
        if (server := shown(name)) is not None:
            return name.lower(), server
        raise SqlError("42704", f'unrecognized configuration parameter "{name}"')

    def set(self, name: str, value: str | None, *, local: bool = False, quoted: bool = True,
            starting: bool = False) -> None:
        """SET name TO value (None: DEFAULT). ``quoted``: value is SQL (may be 'quoted');
        ``starting``: from the startup packet, which may set backend-context settings."""
        key = self.canonical(name)
        check_setting(key)  # before anything else: DuckDB's sandbox is not a session's to open
        if key not in self.values and not _known(key):
            raise SqlError("42704", f'unrecognized configuration parameter "{name}"')
        from duckflight.gateway.system.server_settings import unsettable  # system imports this module
        why = unsettable(key)
        if key in READ_ONLY:
            raise SqlError("55P02", f'parameter "{key}" {why or "cannot be changed"}')
        if why is not None and key not in DEFAULTS and not (starting and "connection start" in why):
            raise SqlError("55P02", f'parameter "{name.lower()}" {why}')
        text = DEFAULTS.get(key, "") if value is None else (_unquote(value) if quoted else value)
        text = _checked(key, text)
        self._names.setdefault(key.lower(), key)
        if local:
            self._local.setdefault(key, self.values.get(key))
        elif key in self._local:
            self._local[key] = text  # a SET after SET LOCAL is what the session keeps
        self.values[key] = text

    def reset(self, name: str) -> None:
        if name.lower() == "all":
            for key, value in self._session.items():
                if key not in READ_ONLY:
                    self.values[key] = value
            return
        key = self.canonical(name)
        check_setting(key)
        if key not in self.values:
            raise SqlError("42704", f'unrecognized configuration parameter "{name}"')
        self.set(key, self._session.get(key, DEFAULTS.get(key, "")), quoted=False)

    # -- transaction blocks ----------------------------------------------------
    def begin(self) -> None:
        self._block, self._local, self._savepoints = dict(self.values), {}, []

    def commit(self) -> None:
        for key, value in self._local.items():
            if value is None:
                self.values.pop(key, None)
            else:
                self.values[key] = value
        self._block, self._local, self._savepoints = None, {}, []

    def rollback(self) -> None:
        if self._block is not None:
            self.values = self._block
        self._block, self._local, self._savepoints = None, {}, []

    def savepoint(self, name: str) -> None:
        self._savepoints.append((name, dict(self.values), dict(self._local)))

    def has_savepoint(self, name: str) -> bool:
        return any(n == name for n, _, _ in self._savepoints)

    def rollback_to(self, name: str) -> None:
        """Undo to the newest savepoint ``name``, which stays (PG's ROLLBACK TO)."""
        i = max(i for i, (n, _, _) in enumerate(self._savepoints) if n == name)
        _, values, local = self._savepoints[i]
        del self._savepoints[i + 1:]
        self.values, self._local = dict(values), dict(local)

    def release(self, name: str) -> None:
        i = max(i for i, (n, _, _) in enumerate(self._savepoints) if n == name)
        del self._savepoints[i:]


def _known(key: str) -> bool:
    """A setting PostgreSQL 15 has, or a custom one: a name with a dot (``myapp.mode``), which
    PostgreSQL keeps as a placeholder. Any other name is 42704, as in PostgreSQL."""
    from duckflight.gateway.system.server_settings import known  # system imports this module
    return "." in key or known(key)


def _unquote(value: str) -> str:
    """A SET value as PG reads it: 'quoted' strings, identifiers, numbers, lists."""
    value = value.strip().rstrip(";").strip()
    parts = [p.strip() for p in _split_list(value)]
    out = []
    for p in parts:
        if len(p) >= 2 and p[0] == p[-1] == "'":
            out.append(p[1:-1].replace("''", "'"))
        elif len(p) >= 2 and p[0] == p[-1] == '"':
            out.append(read_ident(p))
        else:
            out.append(p)
    return ", ".join(out)


def _split_list(value: str) -> list[str]:
    return re.findall(r"(?:'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[^,])+", value) or [value]


def _checked(key: str, value: str) -> str:
    """The value as PG would store it; refuse what we cannot honour."""
    check = _CHECKS.get(key)
    return check(value) if check else value


def _timezone(value: str) -> str:
    name = zone_name(value)
    if name is not None:
        return name
    if re.fullmatch(r"\s*(?:interval\b.*|(?:[a-z]{3,}|<[^>]*>)?[+-]?\d{1,2}(?::\d{2}){0,2})\s*", value, re.I | re.S):
        raise SqlError("0A000", f'TimeZone "{value}" is not supported: duckflight takes zone names only '
                                "(an offset such as -5 is 'Etc/GMT+5')")
    raise SqlError("22023", f'invalid value for parameter "TimeZone": "{value}"')


def unknown_zone(name: str) -> SqlError:
    """A zone that is no zone name: an abbreviation is refused (0A000), anything else unknown (22023)."""
    if re.fullmatch(r"[A-Za-z]{2,6}", name):
        return SqlError("0A000", f'time zone abbreviation "{name}" is not supported: DuckDB reads some '
                                 "abbreviations as other offsets than PostgreSQL; use a zone name or an offset")
    return SqlError("22023", f'time zone "{name}" not recognized')


def zone_name(value: str) -> str | None:
    """The zone a name means, matched without regard to case as PostgreSQL does (None: not a
    zone name). 'localtime' is the server's own zone in PostgreSQL; DuckDB has no such zone."""
    if value.lower() in ("utc", "etc/utc", "z", "zulu", "gmt", "etc/gmt", "utc0", "gmt0"):
        return "UTC"
    return _zone_names().get(value.lower())


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    return {n.lower(): n for n in zoneinfo.available_timezones() if n != "localtime"}


def _datestyle(value: str) -> str:
    words = [w.strip().upper() for w in value.split(",") if w.strip()]
    styles = [w for w in words if w in ("ISO", "SQL", "POSTGRES", "GERMAN")]
    orders = [w for w in words if w in ("MDY", "DMY", "YMD", "US", "EUROPEAN", "NONEURO", "NONEUROPEAN")]
    if len(styles) + len(orders) != len(words) or len(styles) > 1 or len(orders) > 1:
        raise SqlError("22023", f'invalid value for parameter "DateStyle": "{value}"')
    if styles and styles[0] != "ISO":
        raise SqlError("0A000", f'DateStyle "{styles[0]}" is not supported: duckflight writes dates in ISO style')
    order = {"US": "MDY", "NONEURO": "MDY", "NONEUROPEAN": "MDY", "EUROPEAN": "DMY"}.get(orders[0], orders[0]) \
        if orders else "MDY"
    return f"ISO, {order}"


def _only(key: str, allowed: dict[str, str], what: str):
    def check(value: str) -> str:
        # As PG's clean_encoding_name: case, punctuation and quotes do not count ('utf-8' is UTF8).
        found = allowed.get(re.sub(r"[^a-z0-9]", "", value.lower()))
        if found is None:
            raise SqlError("0A000", f'{key} "{value}" is not supported: duckflight {what}')
        return found

    return check


def command_line_options(options: str) -> list[tuple[str, str]]:
    """The settings of the startup packet's ``options`` (``-c name=value``, ``--name=value``),
    as PostgreSQL's process_postgres_switches reads them; backslash escapes a space.

    >>> command_line_options(r"-c statement_timeout=1s --application_name=a\\ b")
    [('statement_timeout', '1s'), ('application_name', 'a b')]
    """
    words = [w.replace("\\ ", " ") for w in re.findall(r"(?:\\ |\S)+", options)]
    found, i = [], 0
    while i < len(words):
        word = words[i]
        if word == "-c" and i + 1 < len(words):
            word, i = "--" + words[i + 1], i + 1
        elif word.startswith("-c") and len(word) > 2:
            word = "--" + word[2:]
        if not word.startswith("--") or "=" not in word:
            raise SqlError("42601", f'invalid command-line argument for server process: {word}', severity="FATAL",
                           hint='Try "-c name=value".')
        name, value = word[2:].split("=", 1)
        found.append((name.replace("-", "_"), value))
        i += 1
    return found


_CHECKS = {
    **{name: canonical(name) for name in TIME_SETTINGS},
    "TimeZone": _timezone,
    "DateStyle": _datestyle,
    "IntervalStyle": _only("IntervalStyle", {"postgres": "postgres"}, "writes intervals in postgres style"),
    # SQL_ASCII is PG's "no conversion": the client gets the UTF-8 bytes as they are.
    "client_encoding": _only("client_encoding", {"utf8": "UTF8", "unicode": "UTF8", "sqlascii": "SQL_ASCII"},
                             "sends UTF-8 only"),
    "bytea_output": _only("bytea_output", {"hex": "hex"}, "writes bytea in hex"),
    "standard_conforming_strings": _only("standard_conforming_strings", {"on": "on", "true": "on"},
                                         "reads strings in the standard way only"),
}


# -- SET / RESET / SHOW statements ---------------------------------------------------

_SET = re.compile(r"^set\s+(?:(?P<scope>session|local)\s+)?(?P<name>time\s+zone|[\w.]+)(?:\s*=\s*|\s+to\s+|\s+)(?P<value>.*)$",
                  re.I | re.S)


def set_statement(settings: Settings, sql: str, in_block: bool) -> list[SqlError]:
    """Run SET ...; the notices PG would send (SET LOCAL outside a block)."""
    text = sql.strip().rstrip(";").strip()
    if re.match(r"^set\s+(session\s+characteristics|transaction|constraints)\b", text, re.I):
        return []  # transaction modes: nothing here depends on them
    m = _SET.match(text)
    if not m or not m.group("value").strip():
        raise SqlError("42601", "syntax error in SET")
    name, value = m.group("name"), m.group("value").strip()
    if re.match(r"time\s+zone", name, re.I):
        name = "TimeZone"
    local = (m.group("scope") or "").lower() == "local"
    if local and not in_block:
        return [SqlError("25P01", "SET LOCAL can only be used in transaction blocks", severity="WARNING")]
    if value.lower() in ("default", "local") and (value.lower() == "default" or name == "TimeZone"):
        settings.set(name, None, local=local)
    else:
        settings.set(name, value, local=local)
    return []


_ROLE = re.compile(r"^(?:set\s+(?:(?:session|local)\s+)?(?P<what>role|session\s+authorization)(?:\s*=\s*|\s+to\s+|\s+)"
                   r"(?P<name>.+)|reset\s+(?P<reset>role|session\s+authorization))$", re.I | re.S)


def role_statement(sql: str, user: str, superuser: bool, role_exists) -> bool:
    """Judge SET ROLE, SET SESSION AUTHORIZATION and their RESETs (True: it is one) as
    PostgreSQL's check_role/check_session_authorization (variable.c) would, for a session
    that always runs with the rights of the user who logged in: becoming that user again
    (or NONE, DEFAULT, RESET) changes nothing and is accepted; a role that does not exist is
    22023; a user who is no superuser may not become another (42501, as PostgreSQL says it
    to a non-member); a superuser becoming another role is 0A000, which duckflight lacks
    (never accepted while changing nothing). ``role_exists(name)``: whether the role exists."""
    m = _ROLE.match(sql.strip().rstrip(";").strip())
    if m is None:
        return False
    if m.group("reset"):
        return True
    name = m.group("name").strip()
    authorization = m.group("what").lower() != "role"
    if name.lower() == ("default" if authorization else "none"):
        return True
    name = read_ident(name) if not name.startswith("'") else name[1:-1].replace("''", "'")
    if name == user:
        return True
    if not role_exists(name):
        raise SqlError("22023", f'role "{name}" does not exist')
    if not superuser:
        raise SqlError("42501", "permission denied to set session authorization" if authorization
                       else f'permission denied to set role "{name}"')
    raise SqlError("0A000", f"{'SET SESSION AUTHORIZATION' if authorization else 'SET ROLE'} to another role "
                   "is not supported", hint=f'A session keeps the rights of the user who logged in: log in as "{name}".')


def set_config_calls(tree, settings: Settings, in_block: bool, apply: bool, params=None):
    """``tree`` with each ``set_config(name, value, is_local)`` replaced by the value SHOW then
    shows, the setting set as SET would set it when ``apply`` (Execute; Describe only types
    it). As PostgreSQL's set_config (guc.c): is_local outside a transaction block lasts for
    the statement only. Arguments are constants or parameters (``params``, the bound ones;
    0A000 otherwise). asyncpg calls it around its type introspection
    (``set_config('jit', 'off', false)``, then ``set_config('jit', $1, false)``)."""
    for call in list(tree.find_all(exp.Anonymous)):
        if call.name.lower() != "set_config":
            continue
        args = [_constant(a, params) for a in call.expressions]
        if len(args) != 3 or not all(isinstance(a, str) for a in args[:2]) or not isinstance(args[2], bool):
            if not apply and len(args) == 3:  # Describe, before the parameters are bound: text
                call.replace(exp.cast(call.expressions[1].copy(), "text"))
                continue
            raise SqlError("0A000", "set_config() is supported with constant arguments only")
        name, value, local = args
        if apply and (in_block or not local):
            settings.set(name, value, local=local, quoted=False)
            shown = settings.show(name)[1]
        else:
            shown = _checked(settings.canonical(name), value)
        call.replace(exp.cast(exp.Literal.string(shown), "text"))
    return tree


def _constant(node, params):
    """A constant's Python value (str, bool), a bound parameter's, or the node itself."""
    if node.is_string:
        return node.name
    if isinstance(node, exp.Boolean):
        return bool(node.this)
    if isinstance(node, exp.Parameter) and params is not None and node.this.is_int:
        index = int(node.this.name) - 1
        return params[index].value if 0 <= index < len(params) else node
    return node


def reset_statement(settings: Settings, sql: str) -> None:
    words = sql.strip().rstrip(";").split(None, 1)
    if len(words) < 2:
        raise SqlError("42601", "syntax error at end of input")
    settings.reset("TimeZone" if re.fullmatch(r"time\s+zone", words[1].strip(), re.I) else words[1].strip())


def show_statement(settings: Settings, sql: str) -> tuple[list[str], list[list[str]]]:
    """(column names, rows) that SHOW answers."""
    words = sql.strip().rstrip(";").split(None, 1)
    if len(words) < 2:
        raise SqlError("42601", "syntax error at end of input")
    name = words[1].strip()
    if name.lower() == "all":
        return ["name", "setting", "description"], _show_all(settings)
    if re.fullmatch(r'"[^"]+"', name):  # a quoted identifier: setting names ignore case anyway
        name = name[1:-1]
    column, value = settings.show(name)
    return [column], [[value]]


def _show_all(settings: Settings) -> list[list[str]]:
    """SHOW ALL's columns: every setting PostgreSQL has and every one of the session, by name."""
    from duckflight.gateway.system.server_settings import described  # system imports this module
    rows = {name.lower(): (name, value, text) for name, value, text in described()}
    rows.update({k.lower(): (k, v, rows.get(k.lower(), ("", "", ""))[2]) for k, v in settings.values.items()})
    ordered = [rows[k] for k in sorted(rows)]
    return [[r[0] for r in ordered], [r[1] for r in ordered], [r[2] for r in ordered]]
