"""Worker health: the state machine, the pool's view of it, and the checker (no sockets)."""

from __future__ import annotations

import time

import pyarrow as pa
import pyarrow.flight as flight
import pytest

from duckflight.gateway.health import DEGRADED, HEALTHY, UNHEALTHY, HealthChecker, check, transition
from duckflight.gateway.up import FIRST_RESTART_DELAY, MAX_RESTART_DELAY, STABLE_AFTER, restart_delay
from duckflight.gateway.workers import STATUS_SCHEMA, WorkerPool
from duckflight.protos import control_pb2
from duckflight.worker.registration import next_backoff


@pytest.mark.parametrize("state, failures, ok, expected", [
    (HEALTHY, 0, True, (HEALTHY, 0)),
    (HEALTHY, 0, False, (DEGRADED, 1)),
    (DEGRADED, 1, False, (DEGRADED, 2)),
    (DEGRADED, 2, False, (UNHEALTHY, 3)),
    (UNHEALTHY, 3, False, (UNHEALTHY, 4)),
    (DEGRADED, 2, True, (HEALTHY, 0)),
    (UNHEALTHY, 9, True, (HEALTHY, 0)),
    # A registered worker starts unhealthy and has never answered: failing keeps it there.
    (UNHEALTHY, 0, False, (UNHEALTHY, 1)),
])
def test_transition(state, failures, ok, expected):
    assert transition(state, failures, ok) == expected


class FakeClient:
    """Answers health checks from a script: True, False, or an exception to raise."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.closed = False
        self.checks = 0

    def health_check(self, timeout):
        self.checks += 1
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return control_pb2.HealthStatus(ok=answer, node="n1", message="" if answer else "duckdb is broken")

    def close(self):
        self.closed = True


def pool_of(**fakes) -> WorkerPool:
    """A pool whose workers a:1, b:2 ... answer through fake clients."""
    pool = WorkerPool([f"{name}:{i}" for i, name in enumerate(fakes, 1)])
    for (name, fake), address in zip(fakes.items(), pool.addresses()):
        pool._workers[address].client = fake
    return pool


def test_static_workers_start_healthy_and_degrade_then_turn_unhealthy():
    pool = pool_of(a=FakeClient(True), b=FakeClient(True))
    assert pool.schedulable() == ["a:1", "b:2"]
    assert pool.report_failure("a:1", "connection refused") == DEGRADED
    assert pool.schedulable() == ["b:2"]  # degraded ones only when nothing healthy is left
    pool.report_failure("b:2", "timeout")
    assert pool.schedulable() == ["a:1", "b:2"]  # both degraded: both may be used
    pool.report_failure("a:1", "x")
    assert pool.report_failure("a:1", "x") == UNHEALTHY
    assert pool.schedulable() == ["b:2"]
    pool.report_failure("b:2", "x"), pool.report_failure("b:2", "x")
    assert pool.schedulable() == []
    assert pool.report("a:1", True) == HEALTHY
    assert pool.schedulable() == ["a:1"]


def test_registered_workers_get_fragments_only_after_a_good_check():
    pool = WorkerPool()
    assert pool.add("c:3", node="n3", static=False) is True
    assert pool.add("c:3", node="n3", static=False) is False  # registering again only refreshes
    assert pool.schedulable() == [] and pool.state("c:3") == UNHEALTHY
    pool._workers["c:3"].client = FakeClient(True)
    assert check(pool, "c:3", timeout=1.0) is True
    assert pool.schedulable() == ["c:3"]


def test_check_records_errors_and_nodes():
    pool = pool_of(a=FakeClient(flight.FlightTimedOutError("deadline exceeded")), b=FakeClient(False))
    assert check(pool, "a:1", 1.0) is False and check(pool, "b:2", 1.0) is False
    rows = {r["address"]: r for r in pool.status_table().to_pylist()}
    assert rows["a:1"]["state"] == DEGRADED and "deadline exceeded" in rows["a:1"]["last_error"]
    assert rows["b:2"]["last_error"] == "duckdb is broken" and rows["b:2"]["node"] == "n1"
    assert check(pool, "gone:9", 1.0) is False  # removed meanwhile: no error


def test_status_table_has_the_catalog_columns():
    pool = pool_of(a=FakeClient(True))
    empty = WorkerPool().status_table()
    assert empty.schema == STATUS_SCHEMA and empty.num_rows == 0
    table = pool.status_table()
    assert table.schema.names == ["address", "node", "state", "consecutive_failures", "last_check", "last_error",
                                  "running_fragments", "registered_at"]
    assert table.schema.field("last_check").type == pa.timestamp("us", tz="UTC")
    row = table.to_pylist()[0]
    assert row["last_check"] is None and row["registered_at"] is not None and row["last_error"] is None
    with pool.running("a:1"):
        assert pool.status_table().column("running_fragments").to_pylist() == [1]
    assert pool.status_table().column("running_fragments").to_pylist() == [0]


def test_expire_forgets_only_silent_unhealthy_registered_workers():
    pool = pool_of(a=FakeClient(True))
    pool.add("r:5", static=False)
    pool.add("s:6", static=False)
    pool.report("s:6", True)
    for _ in range(3):
        pool.report_failure("a:1", "down")  # static: never forgotten
    assert pool.expire(older_than=60) == []  # r:5 is unhealthy but registered just now
    time.sleep(0.01)
    assert pool.expire(older_than=0.001) == ["r:5"]
    assert pool.addresses() == ["a:1", "s:6"]


def test_remove_closes_the_client():
    fake = FakeClient(True)
    pool = pool_of(a=fake)
    assert pool.remove("a:1") is True and fake.closed
    assert pool.remove("a:1") is False


def test_checker_checks_at_start_and_on_each_interval():
    pool = pool_of(a=FakeClient(True, False, False, False, True), b=FakeClient(True))
    checker = HealthChecker(pool, interval=0.02, timeout=0.1)
    checker.start()
    try:
        assert pool._workers["a:1"].client.checks >= 1  # the first round ran before start() returned
        assert _wait_for(lambda: pool.state("a:1") == UNHEALTHY)  # three failed checks
        assert _wait_for(lambda: pool.state("a:1") == HEALTHY)  # then one good one
        assert pool.state("b:2") == HEALTHY
    finally:
        checker.stop()


def _wait_for(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def test_restart_delay_doubles_in_a_crash_loop_and_resets_after_a_stable_run():
    assert restart_delay(0, 0.5) == FIRST_RESTART_DELAY
    assert restart_delay(1.0, 0.5) == 2.0
    assert restart_delay(16.0, 1.0) == MAX_RESTART_DELAY == restart_delay(MAX_RESTART_DELAY, 1.0)
    assert restart_delay(16.0, STABLE_AFTER) == FIRST_RESTART_DELAY


def test_registration_backoff_doubles_up_to_its_limit():
    waits = [0.0]
    for _ in range(6):
        waits.append(next_backoff(waits[-1], 5.0))
    assert waits[1:] == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0]
