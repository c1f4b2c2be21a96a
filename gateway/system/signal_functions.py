"""Rule: pg_cancel_backend and pg_terminate_backend call the gateway, which signals the session.

PostgreSQL 15's signalfuncs.c: ``pg_cancel_backend(pid int)`` cancels the running query of a
backend (SIGINT) and ``pg_terminate_backend(pid int, timeout bigint DEFAULT 0)`` ends it
(SIGTERM), waiting up to ``timeout`` ms for it to be gone. Both answer true when signalled; a
pid that is no session is a WARNING and false; a superuser's session is a superuser's to
signal, another role's its own role's (42501 otherwise); a negative timeout is 22003.

Here a pid is a session's (pg_backend_pid(), pg_stat_activity.pid), and the calls run inside
the query's DuckDB, one per row, as a Python function of the gateway's database
(``Signals.install``). A client must not be able to call it as someone else, so the rule
passes it a key that ``Signals.call`` made for this one query of this one session: the
function finds the caller by that key and signals the target session (``Session.cancel``,
the path of a CancelRequest, or ``Session.terminate``). A query that calls them is answered
by the system catalog and read whole before its first row goes out, so the WARNINGs go with
it as notices.

>>> import sqlglot
>>> tree = sqlglot.parse_one("select pg_terminate_backend(pid) from pg_stat_activity", read="postgres")
>>> signal_functions(tree, "k").sql("duckdb")
"SELECT __DUCKFLIGHT_SIGNAL('k', 'terminate', CAST(pid AS INT), CAST(0 AS BIGINT)) FROM pg_stat_activity"
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

import duckdb
from sqlglot import exp

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.system.session_view import SessionView

log = logging.getLogger(__name__)

FUNCTION = "__duckflight_signal"  # (key, action, pid, timeout) -> boolean
NAMES = {"pg_cancel_backend": "cancel", "pg_terminate_backend": "terminate"}
WAIT_STEP = 0.1  # seconds between looks at a terminated session (PostgreSQL waits 100 ms too)
# PostgreSQL 15's errors, by (action, why)
REFUSALS = {
    ("cancel", "superuser"): "must be a superuser to cancel superuser query",
    ("cancel", "member"): "must be a member of the role whose query is being canceled or member of pg_signal_backend",
    ("terminate", "superuser"): "must be a superuser to terminate superuser process",
    ("terminate", "member"):
        "must be a member of the role whose process is being terminated or member of pg_signal_backend",
}


def calls_signal(tree: exp.Expression) -> bool:
    """Whether the query calls pg_cancel_backend or pg_terminate_backend."""
    return any(isinstance(node, exp.Anonymous) and node.name.lower() in NAMES for node in tree.walk())


def signal_functions(tree: exp.Expression, key: str) -> exp.Expression:
    for node in list(tree.walk()):
        if isinstance(node, exp.Anonymous) and node.name.lower() in NAMES:
            args = node.expressions
            action = NAMES[node.name.lower()]
            timeout = args[1] if action == "terminate" and len(args) > 1 else exp.Literal.number(0)
            node.replace(exp.func(FUNCTION, exp.Literal.string(key), exp.Literal.string(action),
                                  exp.cast(args[0] if args else exp.Null(), "int"), exp.cast(timeout, "bigint")))
    return tree


@dataclass
class Call:
    """One query's calls: who calls, and what they tell the client."""

    view: SessionView
    notices: list = field(default_factory=list)
    error: SqlError | None = None


class Signals:
    """The gateway's side of pg_cancel_backend and pg_terminate_backend."""

    def __init__(self, sessions: Callable[[int], object]):
        """``sessions(pid)``: the session of that pid, None when there is none (admission.py)."""
        self.sessions = sessions
        self._calls: dict[str, Call] = {}
        self._lock = threading.Lock()

    def install(self, database: duckdb.DuckDBPyConnection) -> None:
        database.create_function(FUNCTION, self._function, ["VARCHAR", "VARCHAR", "INTEGER", "BIGINT"], "BOOLEAN",
                                 side_effects=True)

    @contextmanager
    def call(self, view: SessionView) -> Iterator[tuple[str, Call]]:
        """A key for one query of the session of ``view``, valid while the block runs."""
        key = secrets.token_hex(16)
        call = Call(view)
        with self._lock:
            self._calls[key] = call
        try:
            yield key, call
        finally:
            with self._lock:
                self._calls.pop(key, None)

    def _function(self, key: str, action: str, pid: int, timeout: int) -> bool:
        with self._lock:
            call = self._calls.get(key)
        if call is None:
            raise SqlError("42501", f"permission denied for function {FUNCTION}")
        try:
            return self._signal(call, action, pid, timeout)
        except SqlError as error:
            call.error = error  # DuckDB keeps only the text: the caller raises this one
            raise

    def _signal(self, call: Call, action: str, pid: int, timeout: int) -> bool:
        """PostgreSQL's pg_signal_backend, then the wait of pg_terminate_backend."""
        if timeout < 0:
            raise SqlError("22003", '"timeout" must not be negative')
        target = self.sessions(pid)
        if target is None:
            call.notices.append(SqlError("01000", f"PID {pid} is not a PostgreSQL backend process", severity="WARNING"))
            return False
        caller = call.view
        if target.role == "admin" and caller.role != "admin":
            raise SqlError("42501", REFUSALS[(action, "superuser")])
        if caller.role != "admin" and target.user != caller.settings.get("session_authorization"):
            raise SqlError("42501", REFUSALS[(action, "member")])
        log.info("%s of session %d by session %d", action, pid, caller.backend_pid)
        if action == "cancel":
            target.cancel()
            return True
        target.terminate()
        return self._wait(call, pid, timeout) if timeout > 0 else True

    def _wait(self, call: Call, pid: int, timeout: int) -> bool:
        """pg_wait_until_termination: true once the session is gone, else a WARNING and false."""
        deadline = time.monotonic() + timeout / 1000
        caller = self.sessions(call.view.backend_pid)
        while self.sessions(pid) is not None:
            if caller is not None:
                caller.check_cancel()  # as CHECK_FOR_INTERRUPTS: the caller may be cancelled meanwhile
            if time.monotonic() >= deadline:
                unit = "millisecond" if timeout == 1 else "milliseconds"
                call.notices.append(SqlError(
                    "01000", f"backend with PID {pid} did not terminate within {timeout} {unit}", severity="WARNING"))
                return False
            time.sleep(min(WAIT_STEP, max(0.0, deadline - time.monotonic())))
        return True
