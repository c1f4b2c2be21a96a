"""The worker's Arrow Flight server.

``do_get`` takes a Fragment (protobuf in the ticket) and streams its Arrow
record batches; ``do_action`` answers ``health_check`` and ``info``. The worker
owns one DuckDB database; every fragment runs on its own cursor of it.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time

import duckdb
import pyarrow.flight as flight

from duckflight.protos import control_pb2, fragment_pb2
from duckflight.worker.errors import to_flight_error
from duckflight.worker.execute import run_fragment

log = logging.getLogger(__name__)


class WorkerServer(flight.FlightServerBase):
    """A Flight server running fragments on one DuckDB connection."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        node: str | None = None,
        threads: int | None = None,
        memory_limit: str | None = None,
    ):
        super().__init__(f"grpc://{host}:{port}")
        self.host = host
        self.node = node or socket.gethostname()
        self.database = duckdb.connect(config=_duckdb_config(threads, memory_limit))
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self.running = 0
        self.served = 0

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    # -- fragments ---------------------------------------------------------
    def do_get(self, context, ticket):
        fragment = fragment_pb2.Fragment.FromString(ticket.ticket)
        tag = f"[query {fragment.query_id} stage {fragment.stage_id} fragment {fragment.fragment_id}]"
        log.info("%s start: %s", tag, fragment.sql)
        try:
            schema, batches = run_fragment(self.database, fragment)
        except Exception as exc:
            log.warning("%s failed: %s", tag, exc)
            raise to_flight_error(exc) from exc
        return flight.GeneratorStream(schema, self._tracked(tag, batches))

    def _tracked(self, tag, batches):
        """Count the fragment as running until its stream ends, however it ends."""
        with self._lock:
            self.running += 1
            self.served += 1
        rows = 0
        started = time.monotonic()
        try:
            for batch in batches:
                rows += batch.num_rows
                yield batch
        except Exception as exc:
            log.warning("%s failed while streaming: %s", tag, exc)
            raise to_flight_error(exc) from exc
        finally:
            with self._lock:
                self.running -= 1
            log.info("%s done: %d rows in %.3fs", tag, rows, time.monotonic() - started)

    # -- actions -----------------------------------------------------------
    def list_actions(self, context):
        return [
            ("health_check", "Answer whether this worker's DuckDB works (HealthStatus)."),
            ("info", "Node, address, DuckDB version, memory and running fragments (WorkerInfo)."),
        ]

    def do_action(self, context, action):
        if action.type == "health_check":
            return [self.health_check().SerializeToString()]
        if action.type == "info":
            return [self.info().SerializeToString()]
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
        )


def _duckdb_config(threads: int | None, memory_limit: str | None) -> dict:
    config = {}
    if threads:
        config["threads"] = threads
    if memory_limit:
        config["memory_limit"] = memory_limit
    return config
