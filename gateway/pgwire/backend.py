"""The contract between the Postgres wire protocol and the engine behind it.

The protocol state machine (``protocol.py``) knows nothing of planning or workers:
it asks a ``Backend`` to split, describe and execute statements, and gets Arrow
back. The gateway's session (``gateway/session.py``) is the real implementation;
unit tests use small fakes.

Errors that should reach the client travel as ``SqlError`` carrying a SQLSTATE.
Anything else that escapes a backend call is reported as SQLSTATE XX000. Notices
(WARNING, NOTICE) travel on the ``Outcome`` of the statement that raised them.
Reported settings (``parameter_status``) are compared before every ReadyForQuery
and the changed ones sent as ParameterStatus, as PostgreSQL 15 does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional, Protocol

import pyarrow as pa

from duckflight.gateway.core.params import BoundParam
from duckflight.gateway.core.sql_error import SqlError


@dataclass
class Described:
    """What Describe reports about a statement, without executing it."""

    param_oids: list[int]
    # None means the statement returns no rows (the protocol answers NoData).
    schema: Optional[pa.Schema]


@dataclass
class CopyOut:
    """How ``COPY (query) TO STDOUT`` writes its rows: the options PG's COPY takes."""

    format: str = "text"  # "text", "csv" or "binary"
    header: bool = False  # csv only: a first line of column names
    delimiter: str = "\t"  # "," for csv
    null: str = "\\N"  # "" for csv
    quote: str = '"'  # csv only
    escape: str = '"'  # csv only


@dataclass
class Outcome:
    """The result of executing one statement.

    ``command`` is the command tag's verb ("SELECT", "SET", "BEGIN", "EXPLAIN",
    "SHOW", ...). For "SELECT", "FETCH" and "COPY" the protocol appends the
    number of rows it sent; for everything else the tag is sent as given (so a
    backend may put a count in it itself, e.g. "MOVE 3"). ``batches`` is consumed
    lazily, so results stream; it is empty when ``schema`` is None.

    ``copy`` set: the rows go out as COPY data (CopyOutResponse, CopyData,
    CopyDone) instead of DataRows. ``binary``: rows in binary whatever the
    portal asked (a FETCH from a ``DECLARE ... BINARY`` cursor in a simple query).
    ``notices`` are sent, in order, before the statement's CommandComplete.
    """

    command: str
    schema: Optional[pa.Schema] = None
    batches: Iterator[pa.RecordBatch] = field(default_factory=lambda: iter(()))
    copy: Optional[CopyOut] = None
    binary: bool = False
    notices: list[SqlError] = field(default_factory=list)


class Backend(Protocol):
    """One client session's engine. Created per connection after startup."""

    # The process id BackendKeyData gives the client; the protocol sets it once registered.
    process_id: int

    def parameter_status(self) -> dict[str, str]:
        """Reported settings: all sent after authentication; afterwards, before every
        ReadyForQuery, the ones whose value changed since last sent (e.g. by SET)."""

    def transaction_status(self) -> bytes:
        """b"I" idle, b"T" in a transaction block, b"E" in a failed one."""

    def split(self, sql: str) -> list[str]:
        """Cut a simple-query string into statements; [] for an empty query."""

    def describe(self, sql: str, param_oids: list[int]) -> Described:
        """Parameter types (inferring the ones given as 0) and result schema."""

    def execute(self, sql: str, params: list[BoundParam]) -> Outcome:
        """Run one statement; raise SqlError for anything the client should see."""

    def cursor(self, name: str) -> Optional[Described]:
        """A cursor opened by DECLARE, which the protocol also serves as a portal of
        that name (Describe/Execute): its Described, or None if there is none.
        Executing it runs ``FETCH ALL FROM name``."""

    def cancel(self) -> None:
        """Stop the running statement (called from another thread)."""

    def waiting(self, waiting: bool) -> None:
        """Optional: the connection starts (True) or stops (False) waiting for the client.
        As in PostgreSQL, a cancel that arrives while it waits does nothing."""

    def idle_timeout(self) -> tuple[Optional[float], SqlError]:
        """Seconds to wait for the client's next message (None: forever), and the FATAL
        error to send when it does not come in time. Optional: without it, no limit."""
        ...

    def terminated(self) -> Optional[SqlError]:
        """Optional: the FATAL error that ends the session when it was ended from elsewhere
        (pg_terminate_backend); None while it was not. Its ``wake`` attribute, when it has one,
        is set by the protocol to the socket layer's way to stop waiting for the client."""
        ...

    def close(self) -> None:
        """The connection ended: release everything the session holds."""


class BackendFactory(Protocol):
    def __call__(self, startup: dict[str, str], peer: Optional[tuple] = None) -> Backend:
        """Open a session for these startup parameters (user, database, ...), from the
        client at ``peer`` (its socket address, when the server knows it).

        Raises SqlError (e.g. 3D000 for an unknown database) to refuse it.
        """
