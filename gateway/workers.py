"""The workers the gateway may send fragments to, and the health state of each.

Workers come from static configuration (``--worker HOST:PORT``) and from the
control service (``gateway/registry.py``), where workers register themselves.
Each has one shared Flight client and a health state that the health checker
(``gateway/health.py``) and the scheduler's failure reports move along
``health.transition``. ``schedulable()`` is the list the planner spreads
fragments over; ``status_table()`` is ``duckflight.workers`` in SQL.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pyarrow as pa

from duckflight.gateway.health import DEGRADED, HEALTHY, UNHEALTHY, transition
from duckflight.worker.client import WorkerClient
from duckflight.worker.trust import Trust

log = logging.getLogger(__name__)

STATUS_SCHEMA = pa.schema([
    ("address", pa.string()),
    ("node", pa.string()),
    ("state", pa.string()),
    ("consecutive_failures", pa.int32()),
    ("last_check", pa.timestamp("us", tz="UTC")),
    ("last_error", pa.string()),
    ("running_fragments", pa.int32()),
    ("registered_at", pa.timestamp("us", tz="UTC")),
])


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Worker:
    """One worker as the gateway sees it."""

    address: str
    client: WorkerClient
    node: str = ""
    static: bool = True  # from configuration; registered workers may be forgotten
    state: str = HEALTHY
    consecutive_failures: int = 0
    last_check: datetime | None = None
    last_error: str = ""
    running_fragments: int = 0  # fragments this gateway has in flight on it
    registered_at: datetime = field(default_factory=_now)
    last_seen: float = field(default_factory=time.monotonic)  # last registration (monotonic)


class WorkerPool:
    """Every known worker, by address, in the order they became known."""

    def __init__(self, addresses: list[str] = (), trust: Trust = Trust()):
        """``trust``: the cluster secret and CA every worker client uses (worker/trust.py)."""
        self.trust = trust
        self._lock = threading.Lock()
        self._workers: dict[str, Worker] = {}
        self.changed = threading.Event()  # set when a worker is added: check it now
        self.checker = None  # the HealthChecker started by start_health_checks
        for address in dict.fromkeys(addresses):
            self.add(address)

    # -- membership --------------------------------------------------------
    def add(self, address: str, node: str = "", static: bool = True) -> bool:
        """Know a worker (again); True when it is new. Registering refreshes it."""
        with self._lock:
            worker = self._workers.get(address)
            if worker is not None:
                worker.last_seen = time.monotonic()
                worker.node = node or worker.node
                return False
            # Configured workers are trusted until a check fails (the checker runs at
            # once); a registered one gets fragments only after a check saw it answer.
            state = HEALTHY if static else UNHEALTHY
            self._workers[address] = Worker(address, WorkerClient(address, self.trust), node=node, static=static,
                                            state=state)
        log.info("worker %s (%s) added, %s", address, node or "node unknown", "static" if static else "registered")
        self.changed.set()
        return True

    def remove(self, address: str) -> bool:
        """Forget a worker; fragments already running on it finish or fail over."""
        with self._lock:
            worker = self._workers.pop(address, None)
        if worker is None:
            return False
        log.info("worker %s (%s) removed", address, worker.node or "node unknown")
        worker.client.close()
        return True

    def expire(self, older_than: float) -> list[str]:
        """Forget registered workers that are unhealthy and silent for older_than seconds."""
        limit = time.monotonic() - older_than
        with self._lock:
            gone = [w.address for w in self._workers.values()
                    if not w.static and w.state == UNHEALTHY and w.last_seen < limit]
        for address in gone:
            log.warning("worker %s stopped registering and is unhealthy; forgetting it", address)
            self.remove(address)
        return gone

    def addresses(self) -> list[str]:
        with self._lock:
            return list(self._workers)

    def static_addresses(self) -> set[str]:
        with self._lock:
            return {a for a, w in self._workers.items() if w.static}

    def client(self, address: str) -> WorkerClient:
        with self._lock:
            return self._workers[address].client

    @property
    def clients(self) -> dict[str, WorkerClient]:
        with self._lock:
            return {a: w.client for a, w in self._workers.items()}

    # -- health ------------------------------------------------------------
    def schedulable(self) -> list[str]:
        """Healthy workers; degraded ones only when none is healthy. Stable order."""
        with self._lock:
            for state in (HEALTHY, DEGRADED):
                chosen = [a for a, w in self._workers.items() if w.state == state]
                if chosen:
                    return chosen
        return []

    def state(self, address: str) -> str | None:
        with self._lock:
            worker = self._workers.get(address)
            return worker.state if worker else None

    def report(self, address: str, ok: bool, error: str = "", node: str = "") -> str | None:
        """Record a health check or fragment outcome; return the worker's new state."""
        with self._lock:
            worker = self._workers.get(address)
            if worker is None:
                return None  # removed meanwhile
            before = worker.state
            worker.state, worker.consecutive_failures = transition(before, worker.consecutive_failures, ok)
            worker.last_check = _now()
            worker.last_error = "" if ok else error
            worker.node = node or worker.node
            after, failures = worker.state, worker.consecutive_failures
        if after != before:
            level = logging.INFO if ok else logging.WARNING
            log.log(level, "worker %s: %s -> %s%s", address, before, after,
                    f" after {failures} failure(s): {error}" if not ok else "")
        return after

    def report_failure(self, address: str, error: str) -> str | None:
        return self.report(address, False, error)

    @contextmanager
    def running(self, address: str):
        """Count a fragment as in flight on a worker while the block runs."""
        self._count(address, 1)
        try:
            yield
        finally:
            self._count(address, -1)

    def _count(self, address: str, delta: int) -> None:
        with self._lock:
            worker = self._workers.get(address)
            if worker is not None:
                worker.running_fragments += delta

    def status_table(self) -> pa.Table:
        """One row per worker: what ``select * from duckflight.workers`` shows."""
        with self._lock:
            rows = [(w.address, w.node, w.state, w.consecutive_failures, w.last_check, w.last_error or None,
                     w.running_fragments, w.registered_at) for w in self._workers.values()]
        columns = list(zip(*rows)) if rows else [[] for _ in STATUS_SCHEMA]
        return pa.Table.from_arrays([pa.array(c, f.type) for c, f in zip(columns, STATUS_SCHEMA)],
                                    schema=STATUS_SCHEMA)

    # -- lifecycle ---------------------------------------------------------
    def start_health_checks(self, interval: float = 5.0, timeout: float = 2.0):
        """Check every worker now, then every ``interval`` seconds in a thread."""
        from duckflight.gateway.health import HealthChecker

        self.checker = HealthChecker(self, interval=interval, timeout=timeout)
        self.checker.start()
        return self.checker

    def close(self) -> None:
        if self.checker is not None:
            self.checker.stop()
        with self._lock:
            workers, self._workers = list(self._workers.values()), {}
        for worker in workers:
            worker.client.close()
