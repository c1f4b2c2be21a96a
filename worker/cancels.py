"""Cancelling a query's fragments on this worker: the ``cancel`` Flight action.

Every fragment's DuckDB cursor is tracked under its query id from before it runs
anything; ``cancel(query_id)`` interrupts them all, so DuckDB stops the fragment with an
InterruptException that reaches the gateway as SQLSTATE 57014. The id is remembered for
a while, so a fragment of the query that arrives after the cancel (a retry, a later
wave) is refused at once instead of starting.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections import OrderedDict

import duckdb

log = logging.getLogger(__name__)

REMEMBERED = 1024  # cancelled query ids kept to refuse their late fragments


class Cancels:
    """The running fragments' cursors by query id."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # Weak: a cursor leaves the set when its fragment ends and it is collected.
        self._cursors: dict[str, weakref.WeakSet] = {}
        self._cancelled: OrderedDict[str, None] = OrderedDict()

    def track(self, query_id: str, cursor: duckdb.DuckDBPyConnection) -> None:
        """Register a fragment's cursor; raises InterruptException if the query was cancelled."""
        with self._lock:
            if query_id in self._cancelled:
                raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")
            for key in [k for k, v in self._cursors.items() if not v]:
                del self._cursors[key]
            self._cursors.setdefault(query_id, weakref.WeakSet()).add(cursor)

    def cancel(self, query_id: str) -> int:
        """Interrupt the query's running fragments; the number interrupted."""
        with self._lock:
            self._cancelled[query_id] = None
            while len(self._cancelled) > REMEMBERED:
                self._cancelled.popitem(last=False)
            cursors = list(self._cursors.pop(query_id, ()))
        interrupted = 0
        for cursor in cursors:
            try:
                cursor.interrupt()
                interrupted += 1
            except duckdb.Error:
                pass  # the fragment ended and closed its cursor meanwhile
        log.info("[query %s] cancelled: %d running fragment(s) interrupted", query_id, interrupted)
        return interrupted
