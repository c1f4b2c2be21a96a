"""Run a plan's stages on the workers, in parallel, and move rows between them.

Every fragment is one Flight ``do_get`` with a deadline. A fragment whose
worker cannot be reached is tried on the other workers before the query
fails; a query never goes on with part of a stage missing. A gather stage's
output is one Arrow table on the gateway; broadcast and shuffle stages send
their rows worker to worker (``do_put``) for the stages that read them.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout

import pyarrow as pa
import pyarrow.flight as flight

from duckflight.gateway.errors import fragment_error
from duckflight.gateway.gather_budget import GatherBudget, counted
from duckflight.gateway.health import UNHEALTHY
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.planner.plan import Plan, Stage
from duckflight.gateway.workers import WorkerPool
from duckflight.protos import fragment_pb2
from duckflight.worker.errors import error_kind, error_message

log = logging.getLogger(__name__)

# Errors that say the worker, not the fragment, is at fault: try another worker.
WORKER_FAULTS = (flight.FlightUnavailableError, flight.FlightTimedOutError, flight.FlightCancelledError)
WATCH_INTERVAL = 0.25  # seconds between looks at the health of a fragment's worker


class WorkerFault(SqlError):
    """A fragment could not finish because a worker was lost (never a SQL error).

    A plan that moves rows between workers can be run again on the workers
    left (see Engine.run); the query's error when it cannot.
    """


class WorkerLost(Exception):
    """A fragment's worker turned unhealthy while the gateway waited for it."""


class Scheduler:
    """Runs fragments for every query of the gateway on one shared thread pool."""

    def __init__(self, workers: WorkerPool, *, fragment_timeout: float = 120.0, fragment_retries: int = 2,
                 probe_timeout: float = 2.0, threads: int = 32, gather_limit: int | None = None):
        """``gather_limit``: bytes of answers one query may gather into the gateway (gather_budget.py)."""
        self.workers = workers
        self.fragment_timeout = fragment_timeout
        self.gather_limit = gather_limit
        self.fragment_retries = fragment_retries  # further workers a fragment may try after its first
        self.probe_timeout = probe_timeout  # health check of a worker whose fragment timed out
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="fragment")

    def execute(self, plan: Plan, cancelled: threading.Event | None = None,
                stats: dict | None = None) -> dict[str, pa.Table]:
        """Run every stage; return the outputs of gather stages by stage name.

        Stages run in waves (a stage after the stages it reads). Broadcast and
        shuffle stages leave their rows in tables on the workers, which are
        dropped when the query ends, however it ends.
        ``stats``, if given, receives per-fragment figures for EXPLAIN ANALYZE.
        """
        started = time.monotonic()
        outputs: dict[str, pa.Table] = {}
        put_on: set[str] = set()
        budget = GatherBudget(self.gather_limit)
        try:
            # Shuffle and broadcast fragments append to tables on their target
            # workers: those are dropped when the query ends, however it ends.
            put_on |= {t for s in plan.stages for f in s.fragments[:1] for t in f.shuffle.targets}
            gathered = {s.id for s in plan.gathered()}
            for wave in plan.waves():
                tables = self._run_stages(plan, wave, cancelled, stats, budget)
                outputs.update({s.name: tables[s.name] for s in wave if s.id in gathered})
        finally:
            self._drop(plan.query_id, put_on)
        log.debug("[query %s] ran %d stage(s), gathered %d rows in %.3fs", plan.query_id, len(plan.stages),
                 sum(t.num_rows for t in outputs.values()), time.monotonic() - started)
        return outputs

    def _run_stages(self, plan: Plan, stages: list[Stage], cancelled, stats, budget) -> dict[str, pa.Table]:
        """Run the fragments of these stages in parallel; each stage's whole output."""
        futures: dict[Future, Stage] = {}
        for stage, fragment, address in plan.fragments(stages):
            futures[self.pool.submit(self._measured, fragment, address, cancelled, stats, budget)] = stage
        done, pending = wait(futures, return_when=FIRST_EXCEPTION)
        for future in pending:
            future.cancel()
        parts: dict[str, list[pa.Table]] = {s.name: [] for s in stages}
        for future in futures:
            if future in done:
                parts[futures[future].name].append(future.result())  # raises the first failure
        return {s.name: _concat(parts[s.name], s) for s in stages}

    def _measured(self, fragment, address, cancelled, stats, budget) -> pa.Table:
        started = time.monotonic()
        log.debug("[query %s] fragment %d.%d to worker %s", fragment.query_id, fragment.stage_id,
                  fragment.fragment_id, address)
        table = self.run(fragment, address, cancelled,
                         lambda candidate: self._fetch(candidate, fragment, cancelled, budget))
        elapsed = time.monotonic() - started
        if fragment.HasField("shuffle"):  # the answer counts what went to each target worker
            sent = table.to_pydict()
            figures = f"rows sent={sum(sent['rows'])} bytes sent={sum(sent['bytes'])}"
        else:
            figures = f"rows={table.num_rows} bytes={table.nbytes}"
        log.debug("[query %s] fragment %d.%d done: %s time=%.3fs", fragment.query_id, fragment.stage_id,
                  fragment.fragment_id, figures, elapsed)
        if stats is not None:
            stats[(fragment.stage_id, fragment.fragment_id)] = f"({figures} time={elapsed:.3f}s)"
        return table

    def cancel(self, query_id: str) -> None:
        """Tell every worker to interrupt the query's fragments (called from a cancel)."""
        for address in self.workers.schedulable():
            try:
                self.workers.client(address).cancel_query(query_id)
            except Exception as exc:  # its fragments then end by the query's own failure
                log.warning("[query %s] could not cancel on %s: %s", query_id, address, exc)

    def _drop(self, query_id: str, addresses: set[str]) -> None:
        for address in addresses:
            try:
                self.workers.client(address).drop_query(query_id)
            except Exception as exc:  # the worker may be gone; its tables went with it
                log.warning("[query %s] could not drop tables on %s: %s", query_id, address, exc)

    def run(self, fragment: fragment_pb2.Fragment, address: str, cancelled, attempt=None):
        """Run one fragment, on another worker when its worker fails (retry logic).

        A worker fault (unreachable, dead, frozen past the deadline) is reported
        to the pool at once and the fragment moves to a schedulable worker it has
        not tried, at most ``fragment_retries`` times. Errors of the fragment
        itself (SQL, data) are the query's and are never retried.
        ``attempt(worker)`` does one try; by default it fetches the whole result.
        """
        attempt = attempt or (lambda candidate: self._fetch(candidate, fragment, cancelled))
        tag = f"[query {fragment.query_id}] fragment {fragment.stage_id}.{fragment.fragment_id}"
        tried: list[str] = []
        failures: list[str] = []
        candidate = address if address in self.workers.schedulable() else self._another(fragment, tried)
        while candidate is not None:
            if cancelled is not None and cancelled.is_set():
                raise SqlError("57014", "canceling statement due to user request")
            tried.append(candidate)
            try:
                with self.workers.running(candidate):
                    return attempt(candidate)
            except KeyError:
                failures.append(f"{candidate}: removed from the pool")
            except WorkerLost as exc:  # already unhealthy: nothing to report
                log.warning("%s abandoned on worker %s: %s", tag, candidate, exc)
                failures.append(f"{candidate}: {exc}")
            except WORKER_FAULTS as exc:
                message = error_message(exc)
                if isinstance(exc, flight.FlightTimedOutError) and self._answers(candidate):
                    raise self._too_slow(tag, candidate) from exc
                log.warning("%s failed on worker %s: %s", tag, candidate, message)
                self.workers.report_failure(candidate, message)
                failures.append(f"{candidate}: {message}")
            except flight.FlightError as exc:
                kind = error_kind(exc) or ""
                if kind.startswith("PeerLost:"):  # another worker of the exchange is gone
                    peer = kind.split(":", 1)[1]
                    self.workers.report_failure(peer, error_message(exc))
                    raise WorkerFault("58000", f"{tag} lost worker {peer} during an exchange") from exc
                raise fragment_error(kind or None, error_message(exc)) from exc
            if len(tried) > self.fragment_retries:
                break
            candidate = self._another(fragment, tried)
            if candidate is not None:
                log.info("%s retrying on worker %s (attempt %d)", tag, candidate, len(tried) + 1)
        raise _no_worker(fragment, failures)

    def _fetch(self, address: str, fragment: fragment_pb2.Fragment, cancelled,
               budget: GatherBudget | None = None) -> pa.Table:
        """Fetch a fragment's whole result within the query's ``budget``, giving up early
        when its worker turns unhealthy."""
        client = self.workers.client(address)
        budget = budget or GatherBudget(self.gather_limit)
        on_batch, taken = counted(budget)
        try:
            return self.watched(address, lambda: client.fetch(fragment, timeout=self.fragment_timeout,
                                                              on_batch=on_batch), cancelled)
        except BaseException:
            budget.give_back(taken())
            raise

    def watched(self, address: str, call, cancelled, deadline: float | None = None):
        """``call()``'s answer, or WorkerLost as soon as ``address`` turns unhealthy.

        A frozen worker holds a call until its deadline (``do_get`` cannot be
        cancelled before the first answer), so the call runs in its own thread
        and the query stops waiting for it as soon as the health checks find
        the worker unhealthy; the abandoned call ends at its deadline.
        ``deadline`` (seconds) bounds the wait for a call that has none of its
        own: past it, FlightTimedOutError, as a gRPC deadline would raise.
        """
        result: Future = Future()
        give_up = None if deadline is None else time.monotonic() + deadline

        def run():
            try:
                result.set_result(call())
            except BaseException as exc:  # handed to the waiting thread
                result.set_exception(exc)

        threading.Thread(target=run, name=f"call-{address}", daemon=True).start()
        while True:
            try:
                return result.result(timeout=WATCH_INTERVAL)
            except FutureTimeout:
                pass
            if self.workers.state(address) == UNHEALTHY:
                raise WorkerLost("the worker turned unhealthy while running the fragment")
            if cancelled is not None and cancelled.is_set():
                raise SqlError("57014", "canceling statement due to user request")
            if give_up is not None and time.monotonic() > give_up:
                raise flight.FlightTimedOutError(f"no answer within {deadline:g}s")

    def _another(self, fragment: fragment_pb2.Fragment, tried: list[str]) -> str | None:
        """A schedulable worker not tried yet, spreading retries by fragment id."""
        if fragment.HasField("shuffle") or fragment.bind:
            # Its rows went (shuffle, broadcast) or its buckets live on particular
            # workers: run elsewhere, it would double rows or read another bucket.
            return None
        left = [a for a in self.workers.schedulable() if a not in tried]
        return left[fragment.fragment_id % len(left)] if left else None

    def _answers(self, address: str) -> bool:
        """Whether a worker whose fragment timed out still answers a health check."""
        try:
            return self.workers.client(address).health_check(timeout=self.probe_timeout).ok
        except Exception:  # not answering is the finding
            return False

    def _too_slow(self, tag: str, address: str) -> SqlError:
        # The worker is alive, the fragment is just long: another worker would
        # take as long, so fail rather than retry.
        log.warning("%s ran longer than the fragment timeout (%gs) on worker %s", tag, self.fragment_timeout, address)
        return SqlError("57014", f"canceling statement due to fragment timeout: a fragment ran longer than "
                                 f"{self.fragment_timeout:g}s on worker {address}",
                        hint="Raise the gateway's --fragment-timeout for long scans.")

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def _no_worker(fragment: fragment_pb2.Fragment, failures: list[str]) -> SqlError:
    """The query's error when no worker could run one of its fragments."""
    where = f"fragment {fragment.stage_id}.{fragment.fragment_id}"
    if not failures:
        return WorkerFault("58000", f"no worker is available to run {where}")
    return WorkerFault("58000", f"no worker could run {where} after {len(failures)} attempt(s); last: {failures[-1]}",
                       detail="\n".join(failures))


def _concat(tables: list[pa.Table], stage: Stage) -> pa.Table:
    if not tables:
        raise SqlError("XX000", f"stage {stage.id} produced no fragments")
    return pa.concat_tables(tables, promote_options="permissive")
