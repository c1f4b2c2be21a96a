"""Run a shuffle fragment: hash its rows into buckets, append each to its worker.

The fragment's SQL runs here over this worker's splits; each row goes to
bucket ``hash(key) % n``, and each bucket streams (Flight ``do_put``, append
mode) to the worker that owns it, or straight into this worker's tables when
the bucket is its own. The fragment's SQL runs once; each batch is cut into
its buckets as it streams. Every target gets a stream, even an empty one, so
every bucket table exists afterwards with the right columns. The answer is
one row per target with the rows and bytes sent to it.
"""

from __future__ import annotations

import logging

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.flight as flight

from duckflight.gateway.planner.plan import relation
from duckflight.protos import fragment_pb2
from duckflight.gateway.core.identifiers import quote_ident
from duckflight.worker.execute import BATCH_ROWS, fragment_cursor, with_relations

log = logging.getLogger(__name__)

# The column carrying each row's bucket while a shuffle fragment streams.
BUCKET = "__bucket"


class PeerLost(Exception):
    """A target worker could not be reached: the exchange cannot complete.

    The gateway reads this kind as a fault of that worker, not of the query,
    and runs the query again without it.
    """

    def __init__(self, address: str, error: Exception):
        super().__init__(f"worker {address} could not be reached: {error}")
        self.address = address


def _to_peer(address: str, action):
    """Run ``action`` against a peer; its unreachability becomes PeerLost."""
    try:
        return action()
    except (flight.FlightUnavailableError, flight.FlightTimedOutError, flight.FlightCancelledError, OSError) as exc:
        raise PeerLost(address, exc) from exc


def run_shuffle(database: duckdb.DuckDBPyConnection, fragment: fragment_pb2.Fragment, connect,
                local: tuple[set[str], object] | None = None, timeout: float | None = None) -> pa.Table:
    """Send the fragment's rows to their buckets.

    ``connect(address)`` gives a FlightClient to another worker; ``local`` is
    (this worker's addresses, put(name, table) storing a bucket here), so the
    worker's own bucket skips the network.
    """
    out = fragment.shuffle
    own, put_here = local if local is not None else (set(), None)
    cursor = fragment_cursor(database, fragment)
    try:
        if out.replicate:
            sent = _replicate(cursor, fragment, connect, own, put_here, timeout)
        else:
            sent = _partition(cursor, fragment, connect, own, put_here, timeout)
    finally:
        cursor.close()
    log.debug("[query %s stage %d fragment %d] shuffled %s rows", fragment.query_id, fragment.stage_id,
             fragment.fragment_id, sent)
    return pa.table({"target": list(range(len(out.targets))), "rows": [r for r, _ in sent],
                     "bytes": [b for _, b in sent]})


def _partition(cursor, fragment: fragment_pb2.Fragment, connect, own: set[str], put_here, timeout) -> list[int]:
    """Hash partitioning: run the SQL once with each row's bucket beside it and
    cut every batch into one piece per bucket as it streams.

    One run, not one per bucket: the scan (and any costly filter in it, such
    as a LIKE or a key filter) is paid once whatever the number of workers.
    """
    out = fragment.shuffle
    n = len(out.targets)
    sql = (f"SELECT *, (hash({quote_ident(out.key)}) % {n})::UINTEGER AS {BUCKET} "
           f"FROM ({fragment.sql}) AS __shuffled")
    reader = cursor.execute(with_relations(fragment, sql)).to_arrow_reader(BATCH_ROWS)
    schema = reader.schema.remove(reader.schema.get_field_index(BUCKET))
    names = [relation(fragment.stage_id, bucket) for bucket in range(n)]

    def piece(batch: pa.RecordBatch, bucket: int) -> pa.RecordBatch:
        rows = batch.drop_columns([BUCKET])
        return rows.filter(pc.equal(batch.column(BUCKET), bucket)) if n > 1 else rows

    return _stream(reader, schema, names, fragment, connect, own, put_here, timeout, piece)


def _stream(reader, schema: pa.Schema, names: list[str], fragment: fragment_pb2.Fragment, connect,
            own: set[str], put_here, timeout, piece) -> list[int]:
    """Send ``piece(batch, i)`` of every batch to target i as table ``names[i]``; (rows, bytes) per target."""
    sinks = [_Sink(address, name, fragment.query_id, schema, put_here if address in own else None)
             for address, name in zip(fragment.shuffle.targets, names)]
    try:
        for sink in sinks:
            sink.open(connect, timeout)
        for batch in reader:
            for target, sink in enumerate(sinks):
                sink.write(piece(batch, target))
    finally:
        _close_all(sinks)
    return [(sink.rows, sink.bytes) for sink in sinks]


def _close_all(sinks: list["_Sink"]) -> None:
    """Close every sink even when one fails (a lost worker): a stream left open would keep its
    peer's do_put waiting for the rest forever, and that worker from shutting down. Raises the
    first failure."""
    failure = None
    for sink in sinks:
        try:
            sink.close()
        except Exception as exc:  # noqa: BLE001 - the next sinks still need closing
            failure = failure or exc
    if failure is not None:
        raise failure


class _Sink:
    """Where one bucket's rows go: a do_put stream to its worker, or this worker's table."""

    def __init__(self, address: str, name: str, query_id: str, schema: pa.Schema, put_here):
        self.address, self.name, self.query_id, self.schema = address, name, query_id, schema
        self.put_here = put_here
        self.kept: list[pa.RecordBatch] = []
        self.writer = None
        self.rows = self.bytes = 0

    def open(self, connect, timeout) -> None:
        # Every target gets a stream, even an empty one, so every bucket table exists.
        if self.put_here is None:
            descriptor = flight.FlightDescriptor.for_path(self.query_id, self.name)
            options = flight.FlightCallOptions(timeout=timeout)
            self.writer = _to_peer(self.address, lambda: connect(self.address).do_put(descriptor, self.schema, options)[0])

    def write(self, batch: pa.RecordBatch) -> None:
        self.rows += batch.num_rows
        self.bytes += batch.nbytes
        if self.writer is not None:
            if batch.num_rows:
                _to_peer(self.address, lambda: self.writer.write_batch(batch))
        else:
            self.kept.append(batch)

    def close(self) -> None:
        if self.writer is not None:
            writer, self.writer = self.writer, None
            _to_peer(self.address, writer.close)
        elif self.put_here is not None:
            self.put_here(self.query_id, self.name, pa.Table.from_batches(self.kept, schema=self.schema))
            self.kept = []
            self.put_here = None


def _replicate(cursor, fragment: fragment_pb2.Fragment, connect, own: set[str], put_here, timeout) -> list[int]:
    """Broadcast: run the SQL once and send every batch to every target."""
    targets = len(fragment.shuffle.targets)
    reader = cursor.execute(with_relations(fragment, fragment.sql)).to_arrow_reader(BATCH_ROWS)
    return _stream(reader, reader.schema, [relation(fragment.stage_id)] * targets, fragment, connect, own, put_here,
                   timeout, lambda batch, target: batch)
