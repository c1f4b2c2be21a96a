"""Run a shuffle fragment: hash its rows into buckets, append each to its worker.

The fragment's SQL runs here over this worker's splits; each row goes to
bucket ``hash(key) % n``, and each bucket streams (Flight ``do_put``, append
mode) to the worker that owns it, or straight into this worker's tables when
the bucket is its own. Every target gets a stream, even an empty one, so every
bucket table exists afterwards with the right columns. The answer is one row
per bucket with the number of rows sent.
"""

from __future__ import annotations

import logging

import duckdb
import pyarrow as pa
import pyarrow.flight as flight

from duckflight.protos import fragment_pb2
from duckflight.worker.execute import BATCH_ROWS, bind_scans, quote_ident

log = logging.getLogger(__name__)

def bucket_table(prefix: str, bucket: int) -> str:
    return f"{prefix}_b{bucket}"


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
    worker's own bucket skips the network. Each bucket is one run of the
    fragment's SQL filtered on its hash: shuffle fragments are scans, and
    DuckDB filtering while it scans is cheaper than cutting Arrow batches apart.
    """
    out = fragment.shuffle
    n = len(out.targets)
    own, put_here = local if local is not None else (set(), None)
    sent = []
    cursor = database.cursor()
    try:
        bind_scans(cursor, fragment)
        if out.replicate:
            sent = _replicate(cursor, fragment, connect, own, put_here, timeout)
        for bucket, address in enumerate([] if out.replicate else out.targets):
            sql = (f"SELECT * FROM ({fragment.sql}) AS __shuffled "
                   f"WHERE (hash({quote_ident(out.key)}) % {n}) = {bucket}")
            reader = cursor.execute(sql).to_arrow_reader(BATCH_ROWS)
            name = bucket_table(out.table, bucket)
            if address in own and put_here is not None:
                table = reader.read_all()
                put_here(fragment.query_id, name, table)
                sent.append(table.num_rows)
            else:
                sent.append(_to_peer(address, lambda: _send(connect(address), fragment.query_id, name, reader, timeout)))
    finally:
        cursor.close()
    log.info("[query %s stage %d fragment %d] shuffled %s rows", fragment.query_id, fragment.stage_id,
             fragment.fragment_id, sent)
    return pa.table({"target": list(range(n)), "rows": sent})


def _replicate(cursor, fragment: fragment_pb2.Fragment, connect, own: set[str], put_here, timeout) -> list[int]:
    """Broadcast: run the SQL once and send every batch to every target."""
    out = fragment.shuffle
    reader = cursor.execute(fragment.sql).to_arrow_reader(BATCH_ROWS)
    options = flight.FlightCallOptions(timeout=timeout)
    remote = [a for a in out.targets if a not in own or put_here is None]
    writers = []
    kept: list[pa.RecordBatch] = []
    try:
        for address in remote:
            descriptor = flight.FlightDescriptor.for_path(fragment.query_id, out.table)
            writers.append((address, _to_peer(address, lambda: connect(address).do_put(descriptor, reader.schema, options)[0])))
        for batch in reader:
            for address, writer in writers:
                _to_peer(address, lambda: writer.write_batch(batch))
            kept.append(batch)
    finally:
        for address, writer in writers:
            _to_peer(address, writer.close)
    if len(remote) < len(out.targets):
        put_here(fragment.query_id, out.table, pa.Table.from_batches(kept, schema=reader.schema))
    rows = sum(b.num_rows for b in kept)
    return [rows] * len(out.targets)


def _send(client: flight.FlightClient, query_id: str, name: str, reader: pa.RecordBatchReader, timeout) -> int:
    """Append a stream of batches to a table on another worker (an empty one too)."""
    descriptor = flight.FlightDescriptor.for_path(query_id, name)
    writer, _ = client.do_put(descriptor, reader.schema, flight.FlightCallOptions(timeout=timeout))
    rows = 0
    try:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    finally:
        writer.close()
    return rows
