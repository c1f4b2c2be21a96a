"""The worker's Arrow Flight server.

``do_get`` takes a Fragment (protobuf in the ticket) and streams its Arrow
record batches (or, for a broadcast or shuffle fragment, sends them to their
workers: ``shuffle.py``); ``do_put`` appends rows to a query's table (``tables.py``);
``do_action`` answers ``health_check``, ``info``, ``drop_query`` and ``cancel``. The
worker owns one DuckDB database; every fragment runs on its own cursor of it.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import weakref

import duckdb
import pyarrow.flight as flight

from duckflight.protos import control_pb2, fragment_pb2
from duckflight.worker import degree_functions, numeric_macros
from duckflight.worker.cancels import Cancels
from duckflight.worker.errors import fragment_files, to_flight_error
from duckflight.worker.file_versions import blame_changed_files
from duckflight.worker.execute import run_fragment
from duckflight.worker.shuffle import run_shuffle
from duckflight.worker.resources import Resources, memory_limit
from duckflight.worker.sandbox import lock_down
from duckflight.worker.tables import QueryTables
from duckflight.worker.trust import Trust, require_flight_access

log = logging.getLogger(__name__)


class WorkerServer(flight.FlightServerBase):
    """A Flight server running fragments on one DuckDB connection."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        data: list[str],
        node: str | None = None,
        threads: int | None = None,
        resources: Resources | None = None,
        max_fragments: int | None = None,
        trust: Trust = Trust(),
    ):
        """``data``: the folders of the tables it reads, the only files its DuckDB may open
        (``worker/sandbox.py``); ``resources``: memory and spill limits (default: the worker's
        share of this machine); ``trust``: the cluster secret every call must carry and the TLS
        it serves (worker/trust.py)."""
        self.trust = trust
        self.host = host
        self.node = node or socket.gethostname()
        resources = resources or Resources("worker", memory_limit(None, "worker"))
        resources.threads = threads or resources.threads
        self.database = duckdb.connect(config=resources.duckdb_config())
        # Every fragment opens its files anew: keep their Parquet footers decoded
        # (DuckDB checks each file's modification time before using an entry).
        self.database.execute("SET parquet_metadata_cache = true")
        numeric_macros.install(self.database)  # fragments compute PostgreSQL's numeric
        degree_functions.install(self.database)  # sind, cosd, ... as PostgreSQL has them
        lock_down(self.database, data)  # last: no setting changes after it
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self.running = 0
        self.served = 0
        self.tables = QueryTables(self.database)
        self._peers: dict[str, flight.FlightClient] = {}
        self.advertised: set[str] = set()  # other addresses this worker is known by (see registration)
        self.cancels = Cancels()
        # At most this many fragments execute at once; the rest wait their turn,
        # so one big query cannot take every thread and all memory from the others.
        self.max_fragments = max_fragments or 2 * (threads or os.cpu_count() or 1)
        self._slots = threading.BoundedSemaphore(self.max_fragments)
        # Last: the Flight server takes calls from here on, and they need everything above.
        super().__init__(trust.flight_location(host, port), **trust.flight_server_options())

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    # -- fragments ---------------------------------------------------------
    def do_get(self, context, ticket):
        require_flight_access(context, "do_get")
        fragment = fragment_pb2.Fragment.FromString(ticket.ticket)
        tag = f"[query {fragment.query_id} stage {fragment.stage_id} fragment {fragment.fragment_id}]"
        log.debug("%s start: %s", tag, fragment.sql)
        if fragment.HasField("shuffle"):
            return self._shuffle(tag, fragment)
        release = self._occupy()
        try:
            schema, batches = run_fragment(self.database, fragment, self.tables.names(fragment.query_id),
                                           on_cursor=lambda cursor: self.cancels.track(fragment.query_id, cursor))
        except Exception as exc:
            release()
            log.warning("%s failed: %s", tag, exc)
            raise to_flight_error(blame_changed_files(fragment, exc), fragment_files(fragment)) from exc
        stream = self._tracked(tag, batches, release, fragment)
        # A client may go away before the stream starts, and then the generator's
        # finally never runs: give the slot back when the generator is collected.
        weakref.finalize(stream, release)
        return flight.GeneratorStream(schema, stream)

    def _shuffle(self, tag: str, fragment: fragment_pb2.Fragment):
        """Run a shuffle fragment to the end; answer how many rows went to each bucket."""
        release = self._occupy()
        local = ({self.address, *self.advertised}, self.tables.put)
        try:
            summary = run_shuffle(self.database, fragment, self._peer, local)
        except Exception as exc:
            log.warning("%s shuffle failed: %s", tag, exc)
            raise to_flight_error(blame_changed_files(fragment, exc), fragment_files(fragment)) from exc
        finally:
            release()
        return flight.RecordBatchStream(summary)

    def _peer(self, address: str) -> flight.FlightClient:
        """A Flight client to another worker, kept for the next shuffle."""
        with self._lock:
            if address not in self._peers:
                self._peers[address] = self.trust.flight_client(address)
            return self._peers[address]

    def do_put(self, context, descriptor, reader, writer):
        """Append rows to a query's table: path = [query id, table name]."""
        require_flight_access(context, "do_put")
        query_id, name = (part.decode() for part in descriptor.path)
        table = reader.read_all()
        self.tables.put(query_id, name, table)
        log.debug("[query %s] received %s: %d rows, %d bytes", query_id, name, table.num_rows, table.nbytes)

    def _occupy(self):
        """Wait for an execution slot; the fragment counts as running until the
        returned function (safe to call twice) gives the slot back."""
        self._slots.acquire()
        with self._lock:
            self.running += 1
            self.served += 1

        def give_back():
            with self._lock:
                self.running -= 1
            self._slots.release()

        return _once(give_back)

    def _tracked(self, tag, batches, release, fragment: fragment_pb2.Fragment):
        """Stream the fragment's batches; its slot is given back when the stream ends."""
        rows = 0
        started = time.monotonic()
        try:
            for batch in batches:
                rows += batch.num_rows
                yield batch
        except Exception as exc:
            log.warning("%s failed while streaming: %s", tag, exc)
            raise to_flight_error(blame_changed_files(fragment, exc), fragment_files(fragment)) from exc
        finally:
            release()
            log.debug("%s done: %d rows in %.3fs", tag, rows, time.monotonic() - started)

    # -- calls a worker does not serve: refused alike without the secret ---
    def list_flights(self, context, criteria):
        require_flight_access(context, "list_flights")
        return super().list_flights(context, criteria)

    def get_flight_info(self, context, descriptor):
        require_flight_access(context, "get_flight_info")
        return super().get_flight_info(context, descriptor)

    def do_exchange(self, context, descriptor, reader, writer):
        require_flight_access(context, "do_exchange")
        return super().do_exchange(context, descriptor, reader, writer)

    # -- actions -----------------------------------------------------------
    def list_actions(self, context):
        require_flight_access(context, "list_actions")
        return [
            ("health_check", "Answer whether this worker's DuckDB works (HealthStatus)."),
            ("info", "Node, address, DuckDB version, memory and running fragments (WorkerInfo)."),
            ("drop_query", "Forget the tables put for a query (body: the query id)."),
            ("cancel", "Interrupt a query's running fragments and refuse its later ones (body: the query id)."),
        ]

    def do_action(self, context, action):
        require_flight_access(context, "do_action")
        if action.type == "health_check":
            return [self.health_check().SerializeToString()]
        if action.type == "info":
            return [self.info().SerializeToString()]
        if action.type == "cancel":
            return [str(self.cancels.cancel(action.body.to_pybytes().decode())).encode()]
        if action.type == "drop_query":
            query_id = action.body.to_pybytes().decode()
            dropped = self.tables.drop_query(query_id)
            log.debug("[query %s] dropped %d input table(s)", query_id, dropped)
            return [str(dropped).encode()]
        raise flight.FlightServerError(f"unknown action {action.type!r}")

    def health_check(self) -> control_pb2.HealthStatus:
        try:
            cursor = self.database.cursor()
            try:
                cursor.execute("SELECT 1").fetchall()
            finally:
                cursor.close()
        except Exception as exc:  # the answer is the report, not a crash
            return control_pb2.HealthStatus(ok=False, node=self.node, message=str(exc))
        return control_pb2.HealthStatus(ok=True, node=self.node)

    def info(self) -> control_pb2.WorkerInfo:
        cursor = self.database.cursor()
        try:
            threads, memory_limit = cursor.execute(
                "SELECT current_setting('threads'), current_setting('memory_limit')"
            ).fetchone()
            used = cursor.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()").fetchone()[0]
        finally:
            cursor.close()
        with self._lock:
            running, served = self.running, self.served
        return control_pb2.WorkerInfo(
            node=self.node,
            address=self.address,
            duckdb_version=duckdb.__version__,
            threads=int(threads),
            memory_limit=str(memory_limit),
            memory_used_bytes=int(used),
            running_fragments=running,
            fragments_served=served,
            uptime_seconds=time.monotonic() - self.started,
            pid=os.getpid(),
            query_tables=self.tables.count(),
        )


def _once(action):
    """``action`` wrapped so that only its first call does anything."""
    done = threading.Lock()

    def run():
        if done.acquire(blocking=False):
            action()

    return run
