"""Run a plan's fragments on their workers, in parallel, and gather the results.

Every fragment is one Flight ``do_get`` with a deadline. A fragment whose
worker cannot be reached is tried on the other workers before the query
fails; a query never goes on with part of a stage missing. The output of each
stage is one Arrow table: the gather exchange.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait

import pyarrow as pa
import pyarrow.flight as flight

from duckflight.gateway.errors import sql_error
from duckflight.gateway.pgwire.backend import SqlError
from duckflight.gateway.planner.plan import Plan, Stage
from duckflight.gateway.workers import WorkerPool
from duckflight.protos import fragment_pb2
from duckflight.worker.errors import error_kind, error_message

log = logging.getLogger(__name__)

# Errors that say the worker, not the fragment, is at fault: try another worker.
WORKER_FAULTS = (flight.FlightUnavailableError, flight.FlightTimedOutError, flight.FlightCancelledError)


class Scheduler:
    """Runs fragments for every query of the gateway on one shared thread pool."""

    def __init__(self, workers: WorkerPool, *, fragment_timeout: float = 600.0, threads: int = 32):
        self.workers = workers
        self.fragment_timeout = fragment_timeout
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="fragment")

    def gather(self, plan: Plan, cancelled: threading.Event | None = None) -> dict[str, pa.Table]:
        """Run every fragment; return each stage's whole output by stage name."""
        started = time.monotonic()
        futures: dict[Future, Stage] = {}
        for stage, fragment, address in plan.fragments():
            futures[self.pool.submit(self._run, fragment, address, cancelled)] = stage
        done, pending = wait(futures, return_when=FIRST_EXCEPTION)
        for future in pending:
            future.cancel()
        parts: dict[str, list[pa.Table]] = {s.name: [] for s in plan.stages}
        for future in futures:
            if future in done:
                parts[futures[future].name].append(future.result())  # raises the first failure
        tables = {s.name: _concat(parts[s.name], s) for s in plan.stages}
        log.info("[query %s] gathered %d stage(s), %d rows in %.3fs", plan.query_id, len(tables),
                 sum(t.num_rows for t in tables.values()), time.monotonic() - started)
        return tables

    def _run(self, fragment: fragment_pb2.Fragment, address: str, cancelled) -> pa.Table:
        candidates = [address] + [a for a in self.workers.schedulable() if a != address]
        last: Exception | None = None
        for candidate in candidates:
            if cancelled is not None and cancelled.is_set():
                raise SqlError("57014", "canceling statement due to user request")
            try:
                return self.workers.client(candidate).fetch(fragment, timeout=self.fragment_timeout)
            except WORKER_FAULTS as exc:
                log.warning("[query %s] fragment %d.%d failed on worker %s: %s", fragment.query_id,
                            fragment.stage_id, fragment.fragment_id, candidate, error_message(exc))
                last = exc
            except flight.FlightError as exc:
                raise sql_error(error_kind(exc), error_message(exc)) from exc
        raise SqlError("58000", f"no worker could run fragment {fragment.stage_id}.{fragment.fragment_id}: "
                       f"{error_message(last) if last else 'no workers configured'}")

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def _concat(tables: list[pa.Table], stage: Stage) -> pa.Table:
    if not tables:
        raise SqlError("XX000", f"stage {stage.id} produced no fragments")
    return pa.concat_tables(tables, promote_options="permissive")
