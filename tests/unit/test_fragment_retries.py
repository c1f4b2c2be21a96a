"""The scheduler's per-fragment retry logic, against fake workers (no sockets)."""

from __future__ import annotations

import threading
import time

import pyarrow as pa
import pyarrow.flight as flight
import pytest

from duckflight.gateway.health import DEGRADED, HEALTHY
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.scheduler import Scheduler
from duckflight.gateway.workers import WorkerPool
from duckflight.protos import control_pb2, fragment_pb2
from duckflight.worker.errors import to_flight_error

ANSWER = pa.table({"x": [1, 2, 3]})


class FakeWorker:
    """fetch() raises the scripted errors in turn, then answers; health_check says `alive`."""

    def __init__(self, *errors, alive=False):
        self.errors = list(errors)
        self.alive = alive
        self.fetched = 0

    def fetch(self, fragment, timeout=None, on_batch=None):
        self.fetched += 1
        if self.errors:
            raise self.errors.pop(0)
        return ANSWER

    def health_check(self, timeout):
        if not self.alive:
            raise flight.FlightUnavailableError("connection refused")
        return control_pb2.HealthStatus(ok=True)

    def close(self):
        pass


def scheduler_over(retries: int = 2, **fakes) -> Scheduler:
    pool = WorkerPool([f"{name}:{i}" for i, name in enumerate(fakes, 1)])
    for fake, address in zip(fakes.values(), pool.addresses()):
        pool._workers[address].client = fake
    return Scheduler(pool, fragment_timeout=1.0, fragment_retries=retries, threads=1)


FRAGMENT = fragment_pb2.Fragment(query_id="q1", stage_id=1, fragment_id=0, sql="select 1")


def test_a_dead_worker_is_reported_at_once_and_the_fragment_moves():
    a, b = FakeWorker(flight.FlightUnavailableError("socket closed")), FakeWorker()
    scheduler = scheduler_over(a=a, b=b)
    assert scheduler.run(FRAGMENT, "a:1", None) == ANSWER
    assert (a.fetched, b.fetched) == (1, 1)
    assert scheduler.workers.state("a:1") == DEGRADED  # without waiting for a health check
    assert scheduler.workers.state("b:2") == HEALTHY


def test_a_frozen_worker_times_out_and_the_fragment_moves():
    a, b = FakeWorker(flight.FlightTimedOutError("deadline exceeded"), alive=False), FakeWorker()
    scheduler = scheduler_over(a=a, b=b)
    assert scheduler.run(FRAGMENT, "a:1", None) == ANSWER
    assert scheduler.workers.state("a:1") == DEGRADED


def test_a_slow_fragment_on_a_live_worker_fails_without_retry():
    a, b = FakeWorker(flight.FlightTimedOutError("deadline exceeded"), alive=True), FakeWorker()
    scheduler = scheduler_over(a=a, b=b)
    with pytest.raises(SqlError) as error:
        scheduler.run(FRAGMENT, "a:1", None)
    assert error.value.sqlstate == "57014" and "fragment timeout" in error.value.message
    assert b.fetched == 0 and scheduler.workers.state("a:1") == HEALTHY


def test_sql_errors_are_not_retried():
    a, b = FakeWorker(to_flight_error(ZeroDivisionError("division by zero"))), FakeWorker()
    scheduler = scheduler_over(a=a, b=b)
    with pytest.raises(SqlError) as error:
        scheduler.run(FRAGMENT, "a:1", None)
    assert error.value.sqlstate == "22012" and b.fetched == 0


def test_retries_stop_at_the_limit_with_an_error_naming_the_cause():
    fakes = {n: FakeWorker(flight.FlightUnavailableError(f"{n} is down")) for n in "abcd"}
    scheduler = scheduler_over(retries=2, **fakes)
    with pytest.raises(SqlError) as error:
        scheduler.run(FRAGMENT, "a:1", None)
    assert error.value.sqlstate == "58000"
    assert "after 3 attempt(s)" in error.value.message and "is down" in error.value.message
    assert sum(f.fetched for f in fakes.values()) == 3  # the first try and two retries


def test_no_schedulable_worker_left():
    a = FakeWorker(flight.FlightUnavailableError("down"))
    scheduler = scheduler_over(a=a)
    with pytest.raises(SqlError) as error:
        scheduler.run(FRAGMENT, "a:1", None)
    assert error.value.sqlstate == "58000" and "a:1: down" in error.value.message


def test_a_fragment_planned_on_a_worker_that_turned_unhealthy_starts_elsewhere():
    a, b = FakeWorker(), FakeWorker()
    scheduler = scheduler_over(a=a, b=b)
    for _ in range(3):
        scheduler.workers.report_failure("a:1", "down")
    assert scheduler.run(FRAGMENT, "a:1", None) == ANSWER
    assert (a.fetched, b.fetched) == (0, 1)


class FrozenWorker(FakeWorker):
    """fetch() blocks until released, as a call to a SIGSTOPped worker does."""

    def __init__(self):
        super().__init__()
        self.release = threading.Event()

    def fetch(self, fragment, timeout=None, on_batch=None):
        self.fetched += 1
        self.release.wait(10)
        raise flight.FlightTimedOutError("deadline exceeded")


def test_a_fragment_stops_waiting_when_its_worker_turns_unhealthy():
    a, b = FrozenWorker(), FakeWorker()
    scheduler = scheduler_over(a=a, b=b)
    freeze_found = threading.Timer(0.3, lambda: [scheduler.workers.report_failure("a:1", "timeout") for _ in range(3)])
    freeze_found.start()
    started = time.monotonic()
    try:
        assert scheduler.run(FRAGMENT, "a:1", None) == ANSWER
        assert time.monotonic() - started < 5  # not the 10 s the frozen call would take
        assert b.fetched == 1
    finally:
        a.release.set()


def test_a_cancel_reaches_a_fragment_waiting_on_a_frozen_worker():
    a = FrozenWorker()
    scheduler = scheduler_over(a=a, b=FakeWorker())
    cancelled = threading.Event()
    threading.Timer(0.3, cancelled.set).start()
    try:
        with pytest.raises(SqlError) as error:
            scheduler.run(FRAGMENT, "a:1", cancelled)
        assert error.value.sqlstate == "57014"
    finally:
        a.release.set()
