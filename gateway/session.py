"""One client session: what the wire protocol's Backend asks, answered.

The session keeps what PostgreSQL keeps per connection (settings, the
transaction block and whether it failed) and sends queries through the
engine. Utility statements (SET, SHOW, BEGIN, EXPLAIN, ...) are answered here.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import logging
import re
import threading

import pyarrow as pa

from duckflight.gateway import statements
from duckflight.gateway.admission import Activity
from duckflight.gateway.copy_to import parse_copy
from duckflight.gateway.dialect import max_parameter
from duckflight.gateway.cursors import Cursor, Cursors, parse_close, parse_declare, parse_fetch
from duckflight.gateway.engine import Engine, Running
from duckflight.gateway.core.params import BoundParam
from duckflight.gateway.core.pg_types import NUMERIC
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.pgwire.backend import Described, Outcome
from duckflight.gateway.planner.infer_parameters import infer_parameters, parameter_oids
from duckflight.gateway.planner.planner import parse
from duckflight.gateway.planner.session_time import utc_now
from duckflight.gateway.query_log import StatementLog
from duckflight.gateway.sandbox import refused_command
from duckflight.gateway.timeouts import StatementTimer, idle_timeout, milliseconds, timed_out
from duckflight.gateway.system.session_view import SessionView
from duckflight.gateway.settings import (DEFAULTS, REPORTED, Settings, reset_statement,  # noqa: F401
                                         role_statement, set_config_calls, set_statement, show_statement)

log = logging.getLogger(__name__)

DATABASE = "duckflight"

class TransactionState(enum.Enum):
    """Where a session stands, as ReadyForQuery's status byte says it (protocol.sgml,
    "ReadyForQuery"): idle, in a transaction block, or in one that failed."""

    IDLE = b"I"
    IN_BLOCK = b"T"
    FAILED = b"E"


# pg_stat_activity.state of a session waiting for its client, by transaction state.
IDLE_STATES = {TransactionState.IDLE: "idle", TransactionState.IN_BLOCK: "idle in transaction",
               TransactionState.FAILED: "idle in transaction (aborted)"}
# Statements allowed in a failed transaction block.
ENDS_BLOCK = {"ROLLBACK", "COMMIT"}
TEXT = pa.schema([pa.field("QUERY PLAN", pa.string())])
ROLES = ("reader", "admin")


class Session:
    """A Backend (see pgwire/backend.py) for one client connection."""

    def __init__(self, engine: Engine, startup: dict[str, str], peer: tuple | None = None, role: str = "reader",
                 users=None):
        """``peer``: the client's (address, port), for pg_stat_activity. ``role``: "reader" or
        "admin", as authentication gave it (gateway/auth); what it may do (``planner/file_access.py``,
        ``sandbox.py``). ``users``: the users file (``auth.users.UserStore``) the role is read from
        again at every use, so a changed role counts at once, as ALTER ROLE does in PostgreSQL.
        Raises FATAL 53300 past max_connections, 3D000 for another database."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        self.engine = engine
        self._role, self._users = role, users
        database = startup.get("database") or startup.get("user", "")
        self.user = startup.get("user", "")
        self.activity = Activity(0, self.user, startup.get("application_name", ""),
                                 *(peer[:2] if peer else (None, None)))
        engine.admission.connect(id(self), self.activity, self)
        if database != DATABASE:
            engine.admission.disconnect(id(self))
            raise SqlError("3D000", f'database "{database}" does not exist')
        # An admin is what PostgreSQL calls a superuser: is_superuser (psql's =# prompt) says so.
        try:  # 42704 for a setting PostgreSQL has not
            self.config = Settings(startup, {**(engine.session_defaults or {}),
                                             "is_superuser": "on" if role == "admin" else "off"})
        except SqlError:
            engine.admission.disconnect(id(self))
            raise
        self.cursors = Cursors()
        self.transaction = TransactionState.IDLE
        self.running: Running | None = None
        self._timer: StatementTimer | None = None  # statement_timeout of the statement being executed
        self._query_id = ""  # the id of the statement being executed: its log line and its plan's
        self._described = None  # (statement, Plan) of the last Describe, for the Execute after it
        # A cancel counts only while the connection works on what the client sent (see waiting()).
        self._cancel_lock = threading.Lock()
        self._waiting = True
        self._cancel_pending = False
        self._terminating = False  # pg_terminate_backend ended the session: FATAL 57P01 at the next check
        self.wake = None  # set by the protocol: makes the connection stop waiting for its client
        # When the current statement and transaction block started (PostgreSQL's
        # statement_timestamp() and transaction_timestamp(); see view()).
        self._statement_start = utc_now()
        self._block_start: dt.datetime | None = None

    @property
    def process_id(self) -> int:
        """The pid BackendKeyData gave the client (set by the protocol): pg_backend_pid()."""
        return self.activity.pid

    @process_id.setter
    def process_id(self, pid: int) -> None:
        self.activity.pid = pid

    @property
    def settings(self) -> dict[str, str]:
        """The session's settings by name (SHOW's values)."""
        return self.config.values

    @property
    def role(self) -> str:
        """The session user's role now: a user removed from the users file is a reader."""
        if self._users is None:
            return self._role
        record = self._users.get(self.user)
        return record.role if record is not None else "reader"

    def view(self) -> SessionView:
        """What a query may read of this session (session functions, pg_settings, pg_cursors,
        the TimeZone and the starts of the transaction and the statement)."""
        return SessionView(dict(self.settings), self.config.startup, self.process_id, self.cursors.listed(),
                           self._block_start or self._statement_start, self._statement_start, self.role)

    # -- Backend ---------------------------------------------------------------
    def parameter_status(self) -> dict[str, str]:
        return self.config.reported()

    @property
    def in_block(self) -> bool:
        """Inside BEGIN … COMMIT/ROLLBACK, failed or not."""
        return self.transaction is not TransactionState.IDLE

    def transaction_status(self) -> bytes:
        return self.transaction.value

    def split(self, sql: str) -> list[str]:
        return statements.split(sql)

    def describe(self, sql: str, param_oids: list[int]) -> Described:
        # As in PostgreSQL, a statement that fails while being prepared (e.g. a
        # missing table found at Describe, before any Execute) aborts the block too.
        if self.transaction is TransactionState.FAILED and statements.classify(sql).kind not in ENDS_BLOCK:
            raise SqlError("25P02", "current transaction is aborted, commands ignored until end of transaction block")
        try:
            self._statement_start = utc_now()
            self.check_cancel()
            described = self._describe(sql, param_oids)
            self.check_cancel()  # a cancel while planning ends the statement: no Execute follows
            return described
        except Exception:
            self._forget_cancel()
            if self.in_block:
                self.transaction = TransactionState.FAILED
            raise

    def _describe(self, sql: str, param_oids: list[int]) -> Described:
        statement = statements.classify(sql)
        if statement.kind != "QUERY":
            return self._describe_utility(statement, param_oids)
        tree = set_config_calls(parse(statement.sql), self.config, self.in_block, apply=False)
        system = self.engine.system.answers(tree)
        catalog = None if system else self.engine.catalog
        oids = parameter_oids(infer_parameters(tree, catalog, self.engine.system.sources, self.role), param_oids)
        # Planned with NULLs, except numerics: DuckDB types arithmetic on a NULL decimal
        # (`NULL::numeric * 2`) as an integer NULL, and the client would then read numbers as int4.
        samples = [BoundParam(oid, decimal.Decimal("1.0") if oid == NUMERIC else None) for oid in oids]
        if system:
            return Described(oids, self._zoned(self.engine.system.describe(tree, samples, self.view())))
        plan = self.engine.plan(tree, self.engine.new_query_id(), samples, self.view())
        self.check_cancel()
        schema = self.engine.schema(plan)
        # Drivers describe a statement right before executing it: without
        # parameters (whose values change the plan) Execute may use this plan.
        self._described = (statement.sql, plan) if not oids else None
        return Described(oids, self._zoned(schema))

    def _describe_utility(self, statement: statements.Statement, param_oids: list[int]) -> Described:
        count = max(len(param_oids), max_parameter(statement.sql))
        oids = [(param_oids[i] if i < len(param_oids) else 0) or 25 for i in range(count)]  # untyped: text
        if statement.kind == "EXPLAIN":
            return Described(oids, TEXT)
        if statement.kind == "SHOW":
            columns, _ = show_statement(self.config, statement.sql)
            return Described(oids, pa.schema([pa.field(c, pa.string()) for c in columns]))
        if statement.kind == "FETCH":  # of no open cursor: no rows, as PG (UtilityTupleDescriptor); Execute fails
            cursor = self.cursors.open.get(parse_fetch(statement.sql)[0])
            return Described(oids, None if cursor is None else cursor.schema)
        return Described(oids, None)  # DECLARE, MOVE, COPY, SET, ...: no rows (COPY's go as CopyData)

    def cursor(self, name: str) -> Described | None:
        cursor = self.cursors.open.get(name)
        return None if cursor is None else Described([], cursor.schema)

    def execute(self, sql: str, params: list[BoundParam]) -> Outcome:
        statement = statements.classify(sql)
        if self._described is None or self._described[0] != statement.sql:
            self._statement_start = utc_now()  # Execute right after its Describe is the same statement
        self._query_id = self.engine.new_query_id()  # a query's own, or the described plan's (see _query)
        self.activity.state, self.activity.query = "active", statement.sql
        self.activity.query_start = self.activity.state_change = self._statement_start
        line = StatementLog(self._query_id, self.user, statement.kind, (statement.sql.split(None, 1) or [""])[0])
        if self.transaction is TransactionState.FAILED and statement.kind not in ENDS_BLOCK:
            error = SqlError("25P02", "current transaction is aborted, commands ignored until end of transaction block")
            line.failed(error)
            raise error
        self._timer = timer = StatementTimer(milliseconds(self.settings["statement_timeout"]), self._time_out)
        try:
            self.check_cancel()
            outcome = self._dispatch(statement, params)
        except Exception as error:
            timer.stop()
            failure = self._interrupted(error, timer)
            if isinstance(failure, SqlError):
                self._forget_cancel()
                if self.in_block:
                    self.transaction = TransactionState.FAILED
            line.query_id = self._query_id
            line.failed(failure)
            if failure is error:
                raise
            raise failure from error
        line.query_id = self._query_id
        return line.finished(self._timed(outcome, timer))

    def _time_out(self) -> None:
        """statement_timeout has passed: cancel the statement as a cancel request would."""
        with self._cancel_lock:
            self._cancel_pending = True
            running = self.running
        if running is not None:
            running.cancel()

    def _interrupted(self, error: BaseException, timer: StatementTimer) -> BaseException:
        """A cancel caused by pg_terminate_backend ends the session (FATAL 57P01), one caused by
        statement_timeout says so (57014, "statement timeout")."""
        if self._terminating:
            return terminated()
        if timer.fired and getattr(error, "sqlstate", None) == "57014":
            return timed_out()
        return error

    def _timed(self, outcome: Outcome, timer: StatementTimer) -> Outcome:
        """The statement's time runs until its last row is sent."""
        if outcome.schema is None:
            timer.stop()
            return outcome
        outcome.batches = self._until_sent(outcome.batches, timer)
        return outcome

    def _until_sent(self, batches, timer: StatementTimer):
        try:
            for batch in batches:
                yield batch
        except Exception as error:
            failure = self._interrupted(error, timer)
            if failure is error:
                raise
            raise failure from error
        finally:
            timer.stop()
            close = getattr(batches, "close", None)
            if close is not None:
                close()

    def cancel(self) -> None:
        with self._cancel_lock:
            if self._waiting:
                return  # as in PostgreSQL, a cancel while idle does nothing
            self._cancel_pending = True
            running = self.running
        if running is not None:
            running.cancel()

    def terminate(self) -> None:
        """pg_terminate_backend: the running statement stops (its fragments are cancelled on the
        workers) and the session ends with FATAL 57P01; an idle session ends at once (``wake``)."""
        with self._cancel_lock:
            self._terminating = self._cancel_pending = True
            running, waiting = self.running, self._waiting
        if running is not None:
            running.cancel()
        if waiting and self.wake is not None:
            self.wake()

    def terminated(self) -> SqlError | None:
        """The FATAL error that ends the session, once pg_terminate_backend has ended it."""
        return terminated() if self._terminating else None

    def waiting(self, waiting: bool) -> None:
        """The connection waits for the client (True) or works on what it sent (False).

        PostgreSQL ignores a cancel that arrives while it waits for a command, and
        forgets one that came after the statement's last check once it waits again.
        """
        with self._cancel_lock:
            self._waiting = waiting
            if waiting:
                self._cancel_pending = False
        if waiting:  # pg_stat_activity: the session waits for its client
            self.activity.state = IDLE_STATES[self.transaction]
            self.activity.state_change = utc_now()

    def check_cancel(self) -> None:
        """57014 if a cancel arrived for the work in progress (PostgreSQL's CHECK_FOR_INTERRUPTS)."""
        with self._cancel_lock:
            pending, self._cancel_pending = self._cancel_pending, False
        if self._terminating:
            raise terminated()
        if pending:
            timer = self._timer
            raise timed_out() if timer is not None and timer.fired else \
                SqlError("57014", "canceling statement due to user request")

    def _forget_cancel(self) -> None:
        # After an error PostgreSQL forgets a pending cancel: it must not hit the next statement.
        with self._cancel_lock:
            self._cancel_pending = False

    def idle_timeout(self) -> tuple[float | None, SqlError]:
        """Seconds the connection may wait for its client's next command, and the FATAL
        error that ends it after that (idle_session_timeout, or inside a transaction block
        idle_in_transaction_session_timeout)."""
        return idle_timeout(self.in_block, self.settings)

    def close(self) -> None:
        running = self.running  # the client is gone: stop what it left running, waiting or not
        if running is not None:
            running.cancel()
        self.cursors.close(None)
        self.engine.admission.disconnect(id(self))

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
            return self._transaction(statement.sql, kind)
        if kind in ("DECLARE", "FETCH", "MOVE", "CLOSE"):
            return self._cursor(statement.sql, kind, params)
        if kind == "COPY":
            query, options = parse_copy(statement.sql, self.role == "admin")
            outcome = self._query(query, params)
            return Outcome("COPY", outcome.schema, outcome.batches, copy=options)
        if kind in ("DISCARD", "DEALLOCATE"):
            return Outcome("DISCARD ALL" if kind == "DISCARD" else _deallocate_tag(statement.sql))
        refused = refused_command(statement.sql)
        if refused is not None:
            raise refused
        word = statement.sql.split(None, 1)[0] if statement.sql else ""
        if kind == "UNKNOWN":
            raise SqlError("42601", f'syntax error at or near "{word}"', position=1)
        word = word.upper()
        raise SqlError("0A000", f"{word} is not supported: duckflight answers queries (SELECT) over its tables")

    def _query(self, sql: str, params: list[BoundParam]) -> Outcome:
        tree = set_config_calls(parse(sql), self.config, self.in_block, apply=True, params=params)
        described = self._described_plan(sql, params)
        running = Running(described.query_id if described else self._query_id)
        self._query_id = running.query_id
        with self._cancel_lock:
            self.running = running
        log.debug("[query %s] %s", running.query_id, " ".join(sql.split()))
        view = self.view()
        if self.engine.system.answers(tree):
            schema, batches = self.engine.system.run(tree, params, view, running)
        else:
            plan = described or self.engine.plan(tree, running.query_id, params, view)
            self.check_cancel()  # cancelled while planning: nothing has run yet
            slot = self.engine.admission.query_slot(self.user, self.activity, running.cancelled)
            slot.__enter__()  # waits in line; let go when the rows have all been sent (_guarded)
            try:
                self.check_cancel()
                schema, batches = self.engine.run(
                    plan, running, replan=lambda: self.engine.plan(tree, self.engine.new_query_id(), params, view),
                    view=view)
            except BaseException:
                slot.__exit__(None, None, None)
                raise
            batches = self._released(batches, slot)
        zoned = self._zoned(schema)
        if zoned is not schema:
            batches = (pa.RecordBatch.from_arrays(b.columns, schema=zoned) for b in batches)
        return Outcome("SELECT", zoned, self._guarded(batches, running), notices=view.notices)

    @staticmethod
    def _released(batches, slot):
        """``batches``; the query's slot is given back when they end, however they end."""
        try:
            yield from batches
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()
            slot.__exit__(None, None, None)

    def _described_plan(self, sql: str, params: list[BoundParam]):
        """The plan Describe made for this very statement, once (its query id is used up after)."""
        described, self._described = self._described, None
        if described is not None and not params and described[0] == statements.classify(sql).sql:
            return described[1]
        return None

    def _zoned(self, schema: pa.Schema) -> pa.Schema:
        """timestamptz columns (and arrays) in the session's TimeZone, which their text output shows."""
        zone = self.config.values["TimeZone"]
        fields = [f if _in_zone(f.type, zone) == f.type else f.with_type(_in_zone(f.type, zone)) for f in schema]
        return schema if all(a is b for a, b in zip(fields, schema)) else pa.schema(fields, metadata=schema.metadata)

    def _guarded(self, batches, running: Running):
        """Errors found while streaming (after execute returned) fail the block too; a
        cancel ends the stream between batches (DuckDB's interrupt ends it within one)."""
        try:
            for batch in batches:
                self.check_cancel()
                yield batch
        except Exception:
            self._forget_cancel()
            if self.in_block:
                self.transaction = TransactionState.FAILED
            raise
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()
            with self._cancel_lock:
                if self.running is running:
                    self.running = None  # done: a later cancel must not reach its workers

    def _cursor(self, sql: str, kind: str, params: list[BoundParam]) -> Outcome:
        if kind == "DECLARE":
            declare = parse_declare(sql)
            if not declare.hold and not self.in_block:
                raise SqlError("25P01", "DECLARE CURSOR can only be used in transaction blocks")
            if declare.name in self.cursors.open:
                raise SqlError("42P03", f'cursor "{declare.name}" already exists')
            outcome = self._query(declare.query, params)
            self.cursors.add(Cursor(declare.name, outcome.schema, outcome.batches, declare.binary, declare.hold,
                                    declare.scroll, sql))
            return Outcome("DECLARE CURSOR")
        if kind == "CLOSE":
            name = parse_close(sql)
            self.cursors.close(name)
            return Outcome("CLOSE CURSOR" if name else "CLOSE CURSOR ALL")
        name, how = parse_fetch(sql)
        cursor = self.cursors.get(name)
        if kind == "MOVE":
            return Outcome(f"MOVE {cursor.move(how)}")
        return Outcome("FETCH", cursor.schema, cursor.fetch(how), binary=cursor.binary)

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
        if statements.classify(body).kind != "QUERY":
            raise SqlError("0A000", "EXPLAIN is supported for queries only")
        if "analyze" in words:
            running = Running(self._query_id)
            with self._cancel_lock:
                self.running = running
            try:
                text = self.engine.explain_analyze(parse(body), params, running, self.view())
            finally:
                with self._cancel_lock:
                    self.running = None
        else:
            text = self.engine.explain(parse(body), params, self.view())
        table = pa.table({"QUERY PLAN": text.split("\n")}, schema=TEXT)
        return Outcome("EXPLAIN", TEXT, iter(table.to_batches()))

    def _set(self, sql: str, kind: str) -> Outcome:
        names = {role.name for role in self.engine.system.roles()}
        if role_statement(sql, self.user, self.role == "admin", names.__contains__):
            return Outcome(kind)
        if kind == "RESET":
            reset_statement(self.config, sql)
            return Outcome("RESET")
        return Outcome("SET", notices=set_statement(self.config, sql, self.in_block))

    def _show(self, sql: str) -> Outcome:
        columns, rows = show_statement(self.config, sql)
        table = pa.table(dict(zip(columns, rows)))
        return Outcome("SHOW", table.schema, iter(table.to_batches()))

    def _transaction(self, sql: str, kind: str) -> Outcome:
        """BEGIN, COMMIT, ROLLBACK [TO SAVEPOINT], SAVEPOINT and RELEASE, as PG answers them."""
        words = sql.lower().split()
        if kind == "BEGIN":
            tag = "START TRANSACTION" if words[0] == "start" else "BEGIN"
            if self.in_block:
                return Outcome(tag, notices=[_warning("25001", "there is already a transaction in progress")])
            self.transaction = TransactionState.IN_BLOCK
            self._block_start = self._statement_start
            self.config.begin()
            return Outcome(tag)
        if kind == "ROLLBACK" and "to" in words[1:3]:
            return self._rollback_to(_savepoint_name(sql))
        if kind in ("COMMIT", "ROLLBACK"):
            if not self.in_block:
                return Outcome(kind, notices=[_warning("25P01", "there is no transaction in progress")])
            failed, self.transaction = self.transaction is TransactionState.FAILED, TransactionState.IDLE
            self._block_start = None
            if failed or kind == "ROLLBACK":
                self.config.rollback()
            else:
                self.config.commit()
            self.cursors.end_transaction()
            return Outcome("ROLLBACK" if failed else kind)
        if not self.in_block:
            raise SqlError("25P01", f"{kind} can only be used in transaction blocks")
        name = _savepoint_name(sql)
        if kind == "SAVEPOINT":
            self.config.savepoint(name)
            return Outcome("SAVEPOINT")
        if not self.config.has_savepoint(name):
            raise SqlError("3B001", f'savepoint "{name}" does not exist')
        self.config.release(name)
        return Outcome("RELEASE")

    def _rollback_to(self, name: str) -> Outcome:
        if not self.in_block:
            raise SqlError("25P01", "ROLLBACK TO SAVEPOINT can only be used in transaction blocks")
        if not self.config.has_savepoint(name):
            raise SqlError("3B001", f'savepoint "{name}" does not exist')
        self.config.rollback_to(name)
        self.transaction = TransactionState.IN_BLOCK  # the failure is undone with everything after the savepoint
        return Outcome("ROLLBACK")


def terminated() -> SqlError:
    """What pg_terminate_backend's target gets (PostgreSQL's ProcessInterrupts on ProcDiePending)."""
    return SqlError("57P01", "terminating connection due to administrator command", severity="FATAL")


def _warning(sqlstate: str, message: str) -> SqlError:
    return SqlError(sqlstate, message, severity="WARNING")


def _savepoint_name(sql: str) -> str:
    """The savepoint of SAVEPOINT x / RELEASE [SAVEPOINT] x / ROLLBACK [WORK] TO [SAVEPOINT] x."""
    last = sql.strip().rstrip(";").split()[-1]
    return last[1:-1].replace('""', '"') if last.startswith('"') else last.lower()


def _in_zone(t: pa.DataType, zone: str) -> pa.DataType:
    """``t`` with its timestamptz values, also an array's, shown in ``zone``."""
    if pa.types.is_timestamp(t) and t.tz is not None and t.tz != zone:
        return pa.timestamp(t.unit, zone)
    if pa.types.is_list(t):
        inner = _in_zone(t.value_type, zone)
        return t if inner == t.value_type else pa.list_(inner)
    return t


def _deallocate_tag(sql: str) -> str:
    """PG's command tag: DEALLOCATE ALL for ``DEALLOCATE [PREPARE] ALL``, else DEALLOCATE."""
    return "DEALLOCATE ALL" if re.fullmatch(r"\s*deallocate\s+(prepare\s+)?all\s*;?\s*", sql, re.I) else "DEALLOCATE"
