"""One client session: what the wire protocol's Backend asks, answered.

The session keeps what PostgreSQL keeps per connection (settings, the
transaction block and whether it failed) and sends queries through the
engine. Utility statements (SET, SHOW, BEGIN, EXPLAIN, ...) are answered here.
"""

from __future__ import annotations

import logging
import re

import pyarrow as pa

from duckflight.gateway import statements
from duckflight.gateway.engine import Engine, Running
from duckflight.gateway.pgwire.backend import BoundParam, Described, Outcome, SqlError
from duckflight.gateway.planner.planner import parse

log = logging.getLogger(__name__)

DATABASE = "duckflight"

# Settings PostgreSQL reports to the client with ParameterStatus when they change.
REPORTED = {
    "application_name", "client_encoding", "DateStyle", "IntervalStyle", "is_superuser",
    "server_encoding", "server_version", "session_authorization", "standard_conforming_strings",
    "TimeZone", "integer_datetimes",
}
DEFAULTS = {
    "server_version": "15.6", "server_encoding": "UTF8", "client_encoding": "UTF8",
    "DateStyle": "ISO, MDY", "IntervalStyle": "postgres", "TimeZone": "UTC",
    "integer_datetimes": "on", "standard_conforming_strings": "on", "is_superuser": "off",
    "search_path": '"$user", public', "transaction_isolation": "read committed",
    "default_transaction_read_only": "off", "extra_float_digits": "1", "max_identifier_length": "63",
}
# Statements allowed in a failed transaction block.
ENDS_BLOCK = {"ROLLBACK", "COMMIT"}
TEXT = pa.schema([pa.field("QUERY PLAN", pa.string())])


class Session:
    """A Backend (see pgwire/backend.py) for one client connection."""

    def __init__(self, engine: Engine, startup: dict[str, str]):
        self.engine = engine
        database = startup.get("database") or startup.get("user", "")
        if database != DATABASE:
            raise SqlError("3D000", f'database "{database}" does not exist')
        self.user = startup.get("user", "")
        self.settings = dict(DEFAULTS)
        self._names = {k.lower(): k for k in self.settings}
        self.settings["application_name"] = startup.get("application_name", "")
        self.settings["session_authorization"] = self.user
        self._names.update({"application_name": "application_name", "session_authorization": "session_authorization"})
        self.in_block = False
        self.failed = False
        self.running: Running | None = None

    # -- Backend ---------------------------------------------------------------
    def parameter_status(self) -> dict[str, str]:
        return {k: v for k, v in self.settings.items() if k in REPORTED}

    def transaction_status(self) -> bytes:
        if not self.in_block:
            return b"I"
        return b"E" if self.failed else b"T"

    def split(self, sql: str) -> list[str]:
        return statements.split(sql)

    def describe(self, sql: str, param_oids: list[int]) -> Described:
        statement = statements.classify(sql)
        count = max(len(param_oids), _max_param(sql))
        declared = [param_oids[i] if i < len(param_oids) else 0 for i in range(count)]
        # An untyped parameter is reported as text until the planner infers types.
        oids = [oid or 25 for oid in declared]
        if statement.kind == "EXPLAIN":
            return Described(oids, TEXT)
        if statement.kind == "SHOW":
            return Described(oids, pa.schema([pa.field(self._show_name(statement.sql), pa.string())]))
        if statement.kind != "QUERY":
            return Described(oids, None)
        tree = parse(statement.sql)
        nulls = [BoundParam(oid, None) for oid in declared]
        if self.engine.system.answers(tree):
            return Described(oids, self.engine.system.describe(tree, nulls))
        plan = self.engine.plan(tree, self.engine.new_query_id(), nulls)
        return Described(oids, self.engine.schema(plan))

    def execute(self, sql: str, params: list[BoundParam]) -> Outcome:
        statement = statements.classify(sql)
        if self.failed and statement.kind not in ENDS_BLOCK:
            raise SqlError("25P02", "current transaction is aborted, commands ignored until end of transaction block")
        try:
            return self._dispatch(statement, params)
        except SqlError:
            if self.in_block:
                self.failed = True
            raise

    def cancel(self) -> None:
        running = self.running
        if running is not None:
            running.cancel()

    def close(self) -> None:
        self.cancel()

    # -- statements ------------------------------------------------------------
    def _dispatch(self, statement: statements.Statement, params: list[BoundParam]) -> Outcome:
        kind = statement.kind
        if kind == "QUERY":
            return self._query(statement.sql, params)
        if kind == "EXPLAIN":
            return self._explain(statement.sql, params)
        if kind in ("SET", "RESET"):
            return self._set(statement.sql, kind)
        if kind == "SHOW":
            return self._show(statement.sql)
        if kind in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"):
            return self._transaction(kind)
        if kind in ("DISCARD", "DEALLOCATE"):
            return Outcome("DISCARD ALL" if kind == "DISCARD" else "DEALLOCATE")
        word = statement.sql.split(None, 1)[0] if statement.sql else ""
        if kind == "UNKNOWN":
            raise SqlError("42601", f'syntax error at or near "{word}"', position=1)
        word = word.upper()
        raise SqlError("0A000", f"{word} is not supported: duckflight answers queries (SELECT) over its tables")

    def _query(self, sql: str, params: list[BoundParam]) -> Outcome:
        tree = parse(sql)
        running = Running(self.engine.new_query_id())
        self.running = running
        log.info("[query %s] %s", running.query_id, " ".join(sql.split()))
        if self.engine.system.answers(tree):
            schema, batches = self.engine.system.run(tree, params)
            return Outcome("SELECT", schema, batches)
        plan = self.engine.plan(tree, running.query_id, params)
        schema, batches = self.engine.run(plan, running)
        return Outcome("SELECT", schema, batches)

    def _explain(self, sql: str, params: list[BoundParam]) -> Outcome:
        body = re.sub(r"^explain\s+", "", sql, flags=re.I)
        options = re.match(r"^\(([^)]*)\)\s*", body)
        words = []
        if options:
            words = [w.strip().split()[0].lower() for w in options.group(1).split(",") if w.strip()]
            body = body[options.end():]
        while (m := re.match(r"^(analyze|verbose)\s+", body, flags=re.I)):
            words.append(m.group(1).lower())
            body = body[m.end():]
        if "analyze" in words:
            raise SqlError("0A000", "EXPLAIN ANALYZE is not supported yet")
        if statements.classify(body).kind != "QUERY":
            raise SqlError("0A000", "EXPLAIN is supported for queries only")
        text = self.engine.explain(parse(body), params)
        table = pa.table({"QUERY PLAN": text.split("\n")}, schema=TEXT)
        return Outcome("EXPLAIN", TEXT, iter(table.to_batches()))

    def _set(self, sql: str, kind: str) -> Outcome:
        if kind == "RESET":
            name = sql.split(None, 1)[1].strip() if len(sql.split()) > 1 else ""
            if name.lower() == "all":
                keep = {k: self.settings[k] for k in ("application_name", "session_authorization")}
                self.settings = {**DEFAULTS, **keep}
            elif name.lower() in self._names and self._names[name.lower()] in DEFAULTS:
                key = self._names[name.lower()]
                self.settings[key] = DEFAULTS[key]
            return Outcome("RESET")
        match = re.match(r"^set\s+(?:session\s+|local\s+)?([\w.]+)\s*(?:=|\s+to\s+|\s+)(.*)$", sql, flags=re.I | re.S)
        if not match:
            return Outcome("SET")  # e.g. SET SESSION CHARACTERISTICS ...: accepted, nothing to keep
        name, value = match.group(1), match.group(2).strip()
        if name.lower() == "time" and value.lower().startswith("zone"):
            name, value = "TimeZone", value[4:].strip()
        key = self._names.setdefault(name.lower(), name)
        self.settings[key] = _setting_value(value)
        return Outcome("SET")

    def _show_name(self, sql: str) -> str:
        name = sql.split(None, 1)[1].strip() if len(sql.split()) > 1 else ""
        return self._names.get(name.lower(), name).lower() if name.lower() != "time zone" else "TimeZone"

    def _show(self, sql: str) -> Outcome:
        name = sql.split(None, 1)[1].strip() if len(sql.split()) > 1 else ""
        if name.lower() == "all":
            rows = sorted(self.settings.items(), key=lambda kv: kv[0].lower())
            table = pa.table({"name": [k for k, _ in rows], "setting": [v for _, v in rows],
                              "description": [""] * len(rows)})
            return Outcome("SHOW", table.schema, iter(table.to_batches()))
        key = "TimeZone" if name.lower() == "time zone" else self._names.get(name.lower())
        if key is None:
            raise SqlError("42704", f'unrecognized configuration parameter "{name}"')
        table = pa.table({self._show_name(sql): [self.settings[key]]})
        return Outcome("SHOW", table.schema, iter(table.to_batches()))

    def _transaction(self, kind: str) -> Outcome:
        if kind == "BEGIN":
            self.in_block = True
            return Outcome("BEGIN")
        if kind in ("COMMIT", "ROLLBACK"):
            failed = self.failed
            self.in_block = False
            self.failed = False
            return Outcome("ROLLBACK" if failed else kind)
        return Outcome(kind)


def _setting_value(value: str) -> str:
    value = value.strip().rstrip(";").strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _max_param(sql: str) -> int:
    numbers = [int(n) for n in re.findall(r"\$(\d+)", sql)]
    return max(numbers, default=0)
