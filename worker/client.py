"""The gateway's client for one worker: run fragments, ask for health and info, drop and cancel queries.

Every call has a deadline, so a frozen worker can only cost a query its timeout, except a
streamed fragment's (``stream`` without ``timeout``): it lasts as long as the client reads,
and the gateway bounds only the wait for its first rows (``gateway/stream_stage.py``;
docs/decisions.md, "Large answers are streamed at the client's pace, a piece at a time").
"""

from __future__ import annotations

import threading

import pyarrow as pa
import pyarrow.flight as flight

from duckflight.protos import control_pb2, fragment_pb2
from duckflight.worker.trust import Trust

# gRPC waits up to 2 minutes between reconnects to a server that went away; a
# restarted worker would look unhealthy that long. (No keepalive pings: workers
# answer frequent pings with GOAWAY; the deadline on every call does that job.)
CHANNEL_OPTIONS = [
    ("grpc.initial_reconnect_backoff_ms", 250),
    ("grpc.min_reconnect_backoff_ms", 250),
    ("grpc.max_reconnect_backoff_ms", 2000),
]


class WorkerClient:
    """A Flight connection to one worker, shared by all threads of the gateway."""

    def __init__(self, address: str, trust: Trust = Trust()):
        """``trust``: the cluster secret sent on every call and the CA the worker's TLS is checked with."""
        self.address = address
        self._client = trust.flight_client(address, generic_options=CHANNEL_OPTIONS)
        self._lock = threading.Lock()

    def stream(self, fragment: fragment_pb2.Fragment, timeout: float | None = None) -> flight.FlightStreamReader:
        """Start a fragment; the returned reader yields its record batches."""
        options = flight.FlightCallOptions(timeout=timeout)
        return self._client.do_get(flight.Ticket(fragment.SerializeToString()), options)

    def fetch(self, fragment: fragment_pb2.Fragment, timeout: float | None = None, on_batch=None) -> pa.Table:
        """Run a fragment and collect its whole result. ``on_batch(size)`` is told each
        batch's size in bytes as it arrives; what it raises cancels the call and is raised."""
        reader = self.stream(fragment, timeout)
        if on_batch is None:
            return reader.read_all()
        batches = []
        try:
            for chunk in reader:
                on_batch(chunk.data.nbytes)
                batches.append(chunk.data)
        except BaseException:
            reader.cancel()
            raise
        return pa.Table.from_batches(batches, reader.schema)

    def drop_query(self, query_id: str, timeout: float = 10.0) -> None:
        """Let the worker forget every table put for the query."""
        options = flight.FlightCallOptions(timeout=timeout)
        list(self._client.do_action(flight.Action("drop_query", query_id.encode()), options))

    def cancel_query(self, query_id: str, timeout: float = 2.0) -> None:
        """Interrupt every fragment of the query running on the worker (and refuse later ones)."""
        options = flight.FlightCallOptions(timeout=timeout)
        list(self._client.do_action(flight.Action("cancel", query_id.encode()), options))

    def health_check(self, timeout: float = 2.0) -> control_pb2.HealthStatus:
        body = self._action("health_check", timeout)
        return control_pb2.HealthStatus.FromString(body)

    def info(self, timeout: float = 5.0) -> control_pb2.WorkerInfo:
        return control_pb2.WorkerInfo.FromString(self._action("info", timeout))

    def _action(self, name: str, timeout: float) -> bytes:
        options = flight.FlightCallOptions(timeout=timeout)
        results = list(self._client.do_action(flight.Action(name, b""), options))
        return results[0].body.to_pybytes()

    def close(self) -> None:
        self._client.close()
