"""What a query may read of the session that runs it.

PostgreSQL's session functions and views answer from the backend that runs the
query: ``current_setting`` and ``pg_settings`` from its settings,
``pg_backend_pid()`` from its process id (the one BackendKeyData sent the
client), ``pg_cursors`` from its open cursors; ``now()`` and ``statement_timestamp()``
from the start of its transaction and of its statement (read by
``planner/session_time.py``). A ``SessionView`` carries these from
``gateway/session.py`` to the catalog rules and relations, whichever path
(system catalog or planner) the query takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class OpenCursor:
    """One row of pg_cursors: a cursor as DECLARE made it."""

    name: str
    statement: str  # the DECLARE statement's text, as the client sent it
    is_holdable: bool
    is_binary: bool
    is_scrollable: bool
    creation_time: datetime


@dataclass
class SessionView:
    settings: dict[str, str] = field(default_factory=dict)  # SHOW's values by name
    startup: dict[str, str] = field(default_factory=dict)  # the values at startup, which RESET restores
    backend_pid: int = 0
    cursors: list[OpenCursor] = field(default_factory=list)
    transaction_start: datetime | None = None  # aware; None: now
    statement_start: datetime | None = None
    role: str = "reader"  # "reader" or "admin": what the session may do (planner/file_access.py)
    notices: list = field(default_factory=list)  # WARNINGs the query raised (pg_cancel_backend's), for the client
