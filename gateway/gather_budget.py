"""How many bytes of workers' rows one query may gather into the gateway.

A gathered stage's output is Arrow in the gateway's Python process, outside
DuckDB's buffer manager and its memory limit: a query whose workers return a
large cross product grew the gateway by gigabytes (the sqlsmith soak saw 1.4 GB
over a 1 GB limit). Each query reads its fragments' answers batch by batch
against a budget of the gateway's ``--memory-limit`` and fails with PostgreSQL's
53200 past it, as a query that needs more than DuckDB's limit does.
"""

from __future__ import annotations

import threading

from duckflight.gateway.core.sql_error import SqlError


class GatherBudget:
    """Bytes a query's gathered answers may hold together (None: no limit). Thread-safe."""

    def __init__(self, limit: int | None):
        self.limit, self.used = limit, 0
        self._lock = threading.Lock()

    def take(self, size: int) -> None:
        """Count ``size`` more bytes; SqlError 53200 when they go past the limit."""
        with self._lock:
            if self.limit is not None and self.used + size > self.limit:
                raise SqlError("53200", f"out of memory: the rows the query gathers on the gateway need more "
                                        f"than the memory limit of {_gib(self.limit)} (--memory-limit)",
                               hint="Aggregate or filter on the workers, or raise the gateway's --memory-limit.")
            self.used += size

    def give_back(self, size: int) -> None:
        with self._lock:
            self.used -= size


def counted(budget: GatherBudget):
    """(on_batch, taken): a callback for ``WorkerClient.fetch`` that counts each batch against
    ``budget``, and a function giving the bytes counted so far (to give back if the fetch fails
    and the fragment runs again on another worker)."""
    taken = [0]

    def on_batch(size: int) -> None:
        budget.take(size)
        taken[0] += size

    return on_batch, lambda: taken[0]


def _gib(size: int) -> str:
    """Bytes as DuckDB prints a memory limit: 256.0 MiB, 9.3 GiB."""
    return f"{size / 2**30:.1f} GiB" if size >= 2**30 else f"{size / 2**20:.1f} MiB"
