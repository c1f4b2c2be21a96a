"""Stream a plan's one gathered stage into the final query instead of holding it whole.

A query whose plan is a single stage of rows (``select * from lineitem``,
``COPY (select ...) TO STDOUT``, a cursor over a big table) would otherwise
gather every row in the gateway's memory before the first one reaches the
client: 6 M lineitem rows took 2.3 GB. Here the fragments' batches are read
one fragment after the other as the final query pulls them.

A fragment whose worker fails before sending anything is run elsewhere, as
the scheduler does; once rows of it have gone on toward the client it cannot
be, and the query fails (58000) rather than answer in part. A worker that
turns unhealthy (frozen, cut off) fails the query as soon as the health
checks say so, not at the fragment's deadline.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import wait
from typing import Iterator

import pyarrow as pa
import pyarrow.flight as flight

from duckflight.gateway.errors import fragment_error
from duckflight.gateway.planner.plan import Plan, Stage
from duckflight.gateway.scheduler import WORKER_FAULTS, Scheduler, WorkerFault, WorkerLost
from duckflight.protos import fragment_pb2
from duckflight.worker.errors import error_kind, error_message

log = logging.getLogger(__name__)


def streamable(plan: Plan) -> Stage | None:
    """The stage the planner found the final query can read as a stream, if any."""
    return next((s for s in plan.stages if s.id == plan.streamed), None)


def stream_stage(scheduler: Scheduler, plan: Plan, stage: Stage, cancelled) -> "StageStream":
    """The stage's rows, fragment after fragment, as they are read.

    Every fragment starts at once, so the workers scan in parallel; Flight's
    flow control holds back those not being read (measured: the gateway's peak
    stays where DuckDB's read-ahead puts it, 1.3 GB for 6 M lineitem rows, and
    the export takes 14-16 s against 18-19 s with one fragment after another;
    since then gateway/stream_pieces.py bounds it for row-local final queries).
    They are opened at once too: a worker answers a fragment's call only once
    DuckDB has its first rows, which for a costly projection is most of them.
    """
    calls = [scheduler.pool.submit(_open, scheduler, fragment, address, cancelled)
             for _, fragment, address in plan.fragments([stage])]
    wait(calls)  # every one, so that none is left sending when another failed
    failed = [call.exception() for call in calls if call.exception() is not None]
    if failed:
        for call in calls:
            if call.exception() is None:
                call.result()[1].cancel()
        raise failed[0]
    opened = [call.result() for call in calls]
    return StageStream(_batches(scheduler, plan.query_id, opened, cancelled), opened[0][1].schema,
                       [reader for _, reader in opened])


class StageStream:
    """A stage's batches for DuckDB to read (``reader``), and the error that ended them.

    DuckDB reports an error raised inside a stream as its own (``arrow_scan:
    get_next failed``, XX000); the engine raises ``failure`` instead, so that a
    lost worker reaches the client as 58000 and a cancel as 57014.
    The iterator is safe to advance from several threads: DuckDB may scan one
    stream from more than one (a generator raises if entered twice at once).
    """

    def __init__(self, iterator: Iterator[pa.RecordBatch], schema: pa.Schema,
                 calls: list[flight.FlightStreamReader] = ()):
        self._iterator = iterator
        self._lock = threading.Lock()
        self._calls = list(calls)
        self.failure: Exception | None = None
        self.reader = pa.RecordBatchReader.from_batches(schema, self)

    def cancel(self) -> None:
        """End the fragments' calls (a stream has no deadline: a client may read it for
        hours), e.g. when the gateway stops while a cursor is open."""
        for call in self._calls:
            call.cancel()
        try:  # let go of the calls now, not when the interpreter ends (gRPC aborts then)
            self._iterator.close()
        except ValueError:  # being read in another thread: the cancel ends that read
            pass
        self._calls = []

    def __iter__(self):
        return self

    def __next__(self) -> pa.RecordBatch:
        with self._lock:
            try:
                return next(self._iterator)
            except StopIteration:
                raise
            except Exception as exc:
                self.failure = exc
                raise


def _open(scheduler: Scheduler, fragment: fragment_pb2.Fragment, address: str, cancelled):
    """(worker, reader) with the fragment started and its schema received, on
    another worker when its own fails before that (the scheduler's retries)."""

    def start(candidate: str):
        # No gRPC deadline: the stream is read at the client's pace, however long that
        # takes (statement_timeout bounds it). The fragment timeout bounds its start.
        opened: list[flight.FlightStreamReader] = []

        def first_message():
            reader = scheduler.workers.client(candidate).stream(fragment)  # may wait for the worker
            opened.append(reader)
            reader.schema  # the first message: the fragment has bound and started
            return reader

        try:
            reader = scheduler.watched(candidate, first_message, cancelled, deadline=scheduler.fragment_timeout)
        except BaseException:
            for reader in opened:
                reader.cancel()  # ends the abandoned wait for the first message too
            raise
        return candidate, reader

    return scheduler.run(fragment, address, cancelled, start)


def _batches(scheduler: Scheduler, query_id: str, opened, cancelled) -> Iterator[pa.RecordBatch]:
    """Every fragment's batches in turn. Each read is watched as a fragment call is
    (``Scheduler.watched``): a worker that freezes or is cut off mid-stream fails
    the query as soon as the health checks say so, not at the fragment deadline."""
    started, rows = time.monotonic(), 0
    try:
        for address, reader in opened:
            while True:
                try:
                    chunk = scheduler.watched(address, reader.read_chunk, cancelled)
                except StopIteration:
                    break
                except (WorkerLost, *WORKER_FAULTS) as exc:
                    message = str(exc) if isinstance(exc, WorkerLost) else error_message(exc)
                    raise WorkerFault("58000", f"worker {address} was lost while streaming rows: {message}") from exc
                except flight.FlightError as exc:
                    raise fragment_error(error_kind(exc) or None, error_message(exc)) from exc
                rows += chunk.data.num_rows
                yield chunk.data
    except BaseException:
        for _, reader in opened:  # stop every worker still sending (a frozen one's read ends too)
            reader.cancel()
        raise
    log.debug("[query %s] streamed %d rows from %d fragment(s) in %.3fs", query_id, rows, len(opened),
             time.monotonic() - started)
