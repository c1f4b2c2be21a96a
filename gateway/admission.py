"""Who gets in, and how many queries run at once: the gateway's admission control.

- At most ``max_connections`` sessions (PostgreSQL's setting of that name, default 100):
  the next gets FATAL 53300 "sorry, too many clients already", as PostgreSQL answers,
  and the sessions already in are not touched.
- At most ``max_queries`` queries over tables run at once, and at most
  ``max_queries_per_user`` of one user (0: no cap of its own). The others wait their
  turn in arrival order; while they wait, ``pg_stat_activity`` shows them ``active``
  with ``wait_event_type`` Extension and ``wait_event`` QueryQueue. A waiting query can
  be cancelled, and its statement_timeout counts the wait.

The activity of every session (what ``pg_stat_activity`` lists) lives here too, since
this is where sessions come and go.
"""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from duckflight.gateway.core.sql_error import SqlError

DEFAULT_MAX_CONNECTIONS = 100
QUEUE_POLL = 0.05  # seconds between looks at a waiting query's cancel flag


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class Activity:
    """One session as pg_stat_activity shows it (its columns, by PostgreSQL's names)."""

    pid: int
    usename: str
    application_name: str = ""
    client_addr: str | None = None
    client_port: int | None = None
    backend_start: dt.datetime = field(default_factory=_now)
    xact_start: dt.datetime | None = None
    query_start: dt.datetime | None = None
    state_change: dt.datetime = field(default_factory=_now)
    state: str = "idle"  # idle, active, idle in transaction, idle in transaction (aborted)
    wait_event_type: str | None = None
    wait_event: str | None = None
    query: str = ""


class Admission:
    """Connection and query slots of one gateway (thread-safe)."""

    def __init__(self, max_connections: int = DEFAULT_MAX_CONNECTIONS, max_queries: int = 0,
                 max_queries_per_user: int = 0):
        """``max_queries`` 0: no cap; ``max_queries_per_user`` 0: only the global cap."""
        self.max_connections = max_connections
        self.max_queries = max_queries
        self.max_queries_per_user = max_queries_per_user
        self._lock = threading.Condition()
        self._sessions: dict[int, Activity] = {}  # by the session's object id
        self._backends: dict[int, object] = {}  # the sessions themselves, by the same key
        self._running: dict[str, int] = {}  # user -> queries running
        self._queue: list[tuple[object, str]] = []  # (ticket, user) of waiting queries, oldest first

    # -- connections -------------------------------------------------------------
    def connect(self, key: int, activity: Activity, backend=None) -> None:
        """Admit a session, or raise FATAL 53300 when max_connections are in. ``backend``: the
        session itself, which ``backend(pid)`` finds (pg_cancel_backend, pg_terminate_backend)."""
        with self._lock:
            if len(self._sessions) >= self.max_connections:
                raise SqlError("53300", "sorry, too many clients already", severity="FATAL")
            self._sessions[key] = activity
            self._backends[key] = backend

    def disconnect(self, key: int) -> None:
        with self._lock:
            self._sessions.pop(key, None)
            self._backends.pop(key, None)

    def backend(self, pid: int):
        """The session whose process id (pg_backend_pid()) is ``pid``, None when there is none."""
        with self._lock:
            for key, activity in self._sessions.items():
                if pid and activity.pid == pid:
                    return self._backends.get(key)
        return None

    def activity(self) -> list[Activity]:
        """A snapshot of every session's activity (copies: they change as we read)."""
        with self._lock:
            return [Activity(**vars(a)) for a in self._sessions.values()]

    # -- queries -----------------------------------------------------------------
    @contextmanager
    def query_slot(self, user: str, activity: Activity, cancelled: threading.Event) -> Iterator[None]:
        """Hold a running-query slot for the block; wait in line for one first.

        Raises SqlError 57014 if ``cancelled`` is set while the query waits (a cancel
        request or statement_timeout; the caller words the error).
        """
        ticket = object()
        with self._lock:
            self._queue.append((ticket, user))
            try:
                while not self._may_run(ticket, user):
                    activity.wait_event_type, activity.wait_event = "Extension", "QueryQueue"
                    self._lock.wait(QUEUE_POLL)
                    if cancelled.is_set():
                        raise SqlError("57014", "canceling statement due to user request")
            finally:
                self._queue.remove((ticket, user))
                activity.wait_event_type = activity.wait_event = None
                self._lock.notify_all()
            self._running[user] = self._running.get(user, 0) + 1
        try:
            yield
        finally:
            with self._lock:
                self._running[user] -= 1
                self._lock.notify_all()

    def _may_run(self, ticket: object, user: str) -> bool:
        """First in line among those who may run now, and under both caps."""
        if self.max_queries and sum(self._running.values()) >= self.max_queries:
            return False
        if self.max_queries_per_user and self._running.get(user, 0) >= self.max_queries_per_user:
            return False
        # A query ahead goes first, unless its user is at its own cap.
        for waiting, who in self._queue:
            if waiting is ticket:
                return True
            if not (self.max_queries_per_user and self._running.get(who, 0) >= self.max_queries_per_user):
                return False
        return True
