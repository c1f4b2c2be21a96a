"""Arrow record batches -> DataRow messages, with no per-row Python on the hot path.

A DataRow is ``'D' int32 len, int16 ncols, (int32 cell_len, cell bytes)*``; NULL is a
cell length of -1 and no bytes. For a whole batch at once:

1. each column is encoded to an Arrow binary array (``types.encode_column``);
2. its cell lengths (-1 for NULL) become 4-byte big-endian prefixes by one byteswap;
3. the message lengths are summed from the cell lengths the same way;
4. ``binary_join_element_wise`` concatenates header, prefixes and cells row by row,
   NULL cells joining as empty, and the result's data buffer *is* the wire bytes.

    >>> import pyarrow as pa
    >>> batch = pa.record_batch([pa.array([1], pa.int32()), pa.array([None], pa.string())], names=["a", "b"])
    >>> encode_batch(batch)
    b'D\\x00\\x00\\x00\\x0f\\x00\\x02\\x00\\x00\\x00\\x011\\xff\\xff\\xff\\xff'
"""

from __future__ import annotations

import struct
from typing import Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from duckflight.gateway.core.sql_error import SqlError
from .messages import FieldDescription
from .types import encode_column, pg_type
from .types.registry import big_endian

# Rows encoded per join: keeps each output buffer a few MB, well under Arrow's 2 GiB
# limit for int32 offsets, and lets large results leave the process while encoding.
CHUNK_ROWS = 65536
_MAX_CHUNK_BYTES = 1 << 30
_I32 = pa.int32()
# Field metadata set where the gateway knows a column's PostgreSQL type better than its
# Arrow type says (varchar(n), char(n), numeric's modifier, timestamp(p)): result_types.py.
PG_OID, PG_TYPMOD = b"pg_oid", b"pg_typmod"


def result_formats(codes: Sequence[int], ncols: int) -> list[int]:
    """Bind's result format codes expanded to one per column (0 text, 1 binary)."""
    if len(codes) == 0:
        return [0] * ncols
    if len(codes) == 1:
        out = [codes[0]] * ncols
    elif len(codes) == ncols:
        out = list(codes)
    else:
        raise SqlError("08P01", f"bind message has {len(codes)} result formats but query has {ncols} columns")
    for c in out:
        if c not in (0, 1):
            raise SqlError("22023", f"unsupported format code: {c}")
    return out


def describe_fields(schema: pa.Schema, formats: Sequence[int]) -> list[FieldDescription]:
    """RowDescription fields for ``schema``; refuses binary for types without it."""
    fields = []
    for f, fmt in zip(schema, result_formats(formats, len(schema))):
        t = pg_type(f.type)
        if fmt == 1 and t.binary is None:
            raise SqlError("0A000", f"binary output is not supported for type {t.name} (column {f.name})")
        meta = f.metadata or {}
        oid, typmod = int(meta.get(PG_OID, t.oid)), int(meta.get(PG_TYPMOD, t.typmod))
        fields.append(FieldDescription(f.name, oid, t.typlen, typmod, fmt))
    return fields


class RowEncoder:
    """Encodes batches of one result schema in fixed per-column formats."""

    def __init__(self, schema: pa.Schema, formats: Sequence[int], code: bytes = b"D"):
        # code b"d": the same rows as CopyData messages (a binary COPY tuple is a DataRow body).
        self.code = code
        self.ncols = len(schema)
        self.formats = result_formats(formats, self.ncols)
        describe_fields(schema, self.formats)  # fail before the first row, not mid-stream
        # Header tail after 'D' + length: the column count, the same for every row.
        self._ncols_bytes = struct.pack("!h", self.ncols)

    def encode(self, batch: pa.RecordBatch) -> Iterator[pa.Buffer]:
        """The DataRow bytes of ``batch``, a few MB per yielded buffer."""
        for start in range(0, batch.num_rows, CHUNK_ROWS):
            yield from self._encode(batch.slice(start, CHUNK_ROWS))

    def _encode(self, batch: pa.RecordBatch) -> Iterator[pa.Buffer]:
        n = batch.num_rows
        if n == 0:
            return
        parts: list = []
        total = pa.scalar(6 + 4 * self.ncols, _I32)  # int32 len + int16 ncols + prefixes
        msg_len = None
        for col, fmt in zip(batch.columns, self.formats):
            cells = encode_column(col, fmt)
            lengths = pc.binary_length(cells)  # int32, null where the cell is NULL
            parts.append(big_endian(pc.fill_null(lengths, pa.scalar(-1, _I32))))
            parts.append(cells)
            body = pc.fill_null(lengths, pa.scalar(0, _I32))
            msg_len = body if msg_len is None else pc.add(msg_len, body)
        msg_len = pc.add(msg_len, total) if msg_len is not None else pa.array([6] * n, _I32)
        if n > 1 and pc.sum(msg_len).as_py() + n > _MAX_CHUNK_BYTES:
            half = n // 2  # too big for one int32-offset array: split and recurse
            yield from self._encode(batch.slice(0, half))
            yield from self._encode(batch.slice(half))
            return
        rows = pc.binary_join_element_wise(
            self.code, big_endian(msg_len), self._ncols_bytes, *parts, b"",
            null_handling="replace", null_replacement=b"",
        )
        yield data_slice(rows)


def data_slice(rows: pa.Array) -> pa.Buffer:
    """The contiguous bytes of all values of a binary array (zero-copy)."""
    offsets = rows.buffers()[1]
    (first,) = struct.unpack_from("=i", offsets, rows.offset * 4)
    (last,) = struct.unpack_from("=i", offsets, (rows.offset + len(rows)) * 4)
    return rows.buffers()[2].slice(first, last - first)


def encode_batch(batch: pa.RecordBatch, formats: Sequence[int] = ()) -> bytes:
    """All DataRows of one batch as bytes (convenience for tests and small results)."""
    enc = RowEncoder(batch.schema, formats)
    return b"".join(bytes(b) for b in enc.encode(batch))
