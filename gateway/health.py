"""Worker health: the state machine, and the thread that checks every worker.

Every ``interval`` seconds each worker gets the Flight action ``health_check``
with a deadline of ``timeout`` seconds; the outcome moves its state along
``transition``. The scheduler reports a worker that failed a fragment through
the same function at once, without waiting for the next check.

>>> transition(HEALTHY, 0, ok=False)
('degraded', 1)
>>> transition(DEGRADED, 2, ok=False)
('unhealthy', 3)
>>> transition(UNHEALTHY, 7, ok=True)
('healthy', 0)
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from duckflight.worker.errors import error_message

log = logging.getLogger(__name__)

HEALTHY, DEGRADED, UNHEALTHY = "healthy", "degraded", "unhealthy"
UNHEALTHY_AFTER = 3  # consecutive failures


def transition(state: str, failures: int, ok: bool) -> tuple[str, int]:
    """The (state, consecutive failures) after one check or fragment outcome.

    One success makes any worker healthy. Failures degrade a healthy worker and
    make it unhealthy at the third in a row; an unhealthy worker stays unhealthy
    until it answers (a new registered worker starts there, never having answered).
    """
    if ok:
        return HEALTHY, 0
    failures += 1
    if state == UNHEALTHY or failures >= UNHEALTHY_AFTER:
        return UNHEALTHY, failures
    return DEGRADED, failures


def check(pool, address: str, timeout: float) -> bool:
    """Ask one worker for its health and record the answer; True when it is ok."""
    try:
        status = pool.client(address).health_check(timeout=timeout)
    except KeyError:
        return False  # removed while we were about to check it
    except Exception as exc:  # any failure to answer in time is the finding
        pool.report(address, False, error_message(exc))
        return False
    pool.report(address, status.ok, status.message, node=status.node)
    return status.ok


class HealthChecker:
    """A daemon thread checking every worker of a pool on an interval."""

    def __init__(self, pool, interval: float = 5.0, timeout: float = 2.0, expire_after: float | None = None):
        self.pool = pool
        self.interval = interval
        self.timeout = timeout
        # Registered workers that stay unhealthy without registering again are
        # forgotten after this long (default: 12 intervals, at least a minute).
        self.expire_after = expire_after if expire_after is not None else max(60.0, 12 * interval)
        self._stop = threading.Event()
        self._checks = ThreadPoolExecutor(max_workers=8, thread_name_prefix="health")
        self._thread = threading.Thread(target=self._loop, name="health-checker", daemon=True)

    def start(self) -> None:
        self.pool.changed.clear()  # the round below covers every worker added so far
        self.check_all()  # so the first query already sees which workers answer
        self._thread.start()

    def check_all(self) -> None:
        """One round: every worker in parallel, each bounded by the timeout."""
        addresses = self.pool.addresses()
        list(self._checks.map(lambda a: check(self.pool, a, self.timeout), addresses))

    def _loop(self) -> None:
        next_round = time.monotonic() + self.interval
        while not self._stop.is_set():
            # A newly added worker wakes the loop early so it is checked at once.
            self.pool.changed.wait(max(0.0, next_round - time.monotonic()))
            self.pool.changed.clear()
            if self._stop.is_set():
                return
            # Rounds start on the interval however long the last one waited for
            # a silent worker, so three failures take three intervals, not more.
            next_round = time.monotonic() + self.interval
            try:
                self.check_all()
                self.pool.expire(self.expire_after)
            except Exception:  # the checker must outlive any one bad round
                log.exception("health check round failed")

    def stop(self) -> None:
        self._stop.set()
        self.pool.changed.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self.timeout + 1)
        self._checks.shutdown(wait=False, cancel_futures=True)
