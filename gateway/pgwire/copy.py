"""``COPY (query) TO STDOUT``: Arrow record batches -> CopyData messages, one row each.

PostgreSQL sends one CopyData message per row, and clients rely on it (psycopg parses
each message as one row), so we do too. Every format is built a whole batch at a time
with Arrow kernels, like the DataRows of ``encoder.py``:

* text — cells in their text output form, ``\\``, tab, newline, CR and the other control
  characters PG escapes written as ``\\t``-style escapes, NULL as ``\\N``;
* csv — a cell is quoted when it holds the delimiter, the quote, CR or LF, or is empty
  (so it is told apart from NULL, which is nothing); quotes inside are doubled;
* binary — the signature and header go in front of the first row, a tuple is a DataRow's
  body (int16 column count, then int32 length + bytes per cell), and the trailer
  (int16 -1) is the last message, exactly as PG 15 sends them.

    >>> import pyarrow as pa
    >>> enc = CopyEncoder(pa.schema([("a", pa.int32()), ("b", pa.string())]), CopyOut())
    >>> b"".join(bytes(c) for c in enc.encode(pa.record_batch([[1], ["x\\ty"]], names=["a", "b"])))
    b'd\\x00\\x00\\x00\\x0b1\\tx\\\\ty\\n'
"""

from __future__ import annotations

import struct
from typing import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from . import messages as m
from duckflight.gateway.core.sql_error import SqlError
from .backend import CopyOut
from .encoder import CHUNK_ROWS, RowEncoder, data_slice
from .types import encode_column
from .types.registry import big_endian

BINARY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0)  # signature, flags, no extension
BINARY_TRAILER = struct.pack("!h", -1)

# COPY TEXT escapes (CopyAttributeOutText in copyto.c); the backslash goes first.
_TEXT_ESCAPES = [("\\", "\\\\"), ("\b", "\\b"), ("\f", "\\f"), ("\n", "\\n"), ("\r", "\\r"),
                 ("\t", "\\t"), ("\v", "\\v")]
_I32 = pa.int32()


class CopyEncoder:
    """Encodes batches of one schema as the CopyData messages of one COPY TO STDOUT."""

    def __init__(self, schema: pa.Schema, options: CopyOut):
        if options.format not in ("text", "csv", "binary"):
            raise SqlError("22023", f'COPY format "{options.format}" not recognized')
        self.schema = schema
        self.options = options
        self.binary = options.format == "binary"
        self._rows = RowEncoder(schema, [1], code=b"d") if self.binary else None
        self._started = False  # binary: the header still has to go out

    def response(self) -> bytes:
        """The CopyOutResponse that opens the copy."""
        return m.copy_out_response(self.binary, len(self.schema))

    def start(self) -> bytes:
        """Messages before the first row: the csv header line, if asked for."""
        if self.options.format == "csv" and self.options.header:
            names = pa.array([f.name for f in self.schema], pa.string())
            line = self.options.delimiter.join(self._csv_cells(names).to_pylist()) + "\n"
            return m.copy_data(line.encode("utf-8"))
        return b""

    def finish(self) -> bytes:
        """Messages after the last row (binary: the trailer, with the header if no row went)."""
        if not self.binary:
            return b""
        head, self._started = (b"" if self._started else BINARY_HEADER), True
        return m.copy_data(head + BINARY_TRAILER)

    def encode(self, batch: pa.RecordBatch) -> Iterator[bytes | pa.Buffer]:
        if batch.num_rows == 0:
            return
        if self.binary:
            for chunk in self._rows.encode(batch):
                if not self._started:
                    self._started = True
                    chunk = _prepend_to_first(bytes(chunk), BINARY_HEADER)
                yield chunk
            return
        for start in range(0, batch.num_rows, CHUNK_ROWS):
            yield self._lines(batch.slice(start, CHUNK_ROWS))

    def _lines(self, batch: pa.RecordBatch) -> pa.Buffer:
        o = self.options
        cells = []
        for col in batch.columns:
            text = encode_column(col, 0).cast(pa.string())
            text = self._csv_cells(text) if o.format == "csv" else _text_escape(text, o.delimiter)
            cells.append(pc.fill_null(text, o.null))
        if cells:
            line = pc.binary_join_element_wise(*cells, o.delimiter)
        else:
            line = pa.array([""] * batch.num_rows, pa.string())
        line = pc.binary_join_element_wise(line, "\n", "")
        size = pc.add(pc.binary_length(line), pa.scalar(4, _I32))
        return data_slice(pc.binary_join_element_wise(b"d", big_endian(size), line.cast(pa.binary()), b""))

    def _csv_cells(self, text: pa.Array) -> pa.Array:
        o = self.options
        special = "".join("\\" + c for c in {o.delimiter, o.quote, "\r", "\n"})
        needs = pc.match_substring_regex(text, f"[{special}]")
        if o.null == "":
            needs = pc.or_(needs, pc.equal(pc.binary_length(text), 0))
        needs = pc.or_(needs, pc.equal(text, o.null)) if o.null else needs
        doubled = pc.replace_substring(text, o.quote, o.escape + o.quote)
        quoted = pc.binary_join_element_wise(o.quote, doubled, o.quote, "")
        return pc.if_else(pc.fill_null(needs, False), quoted, text)


def _text_escape(text: pa.Array, delimiter: str) -> pa.Array:
    escapes = list(_TEXT_ESCAPES)
    if delimiter not in "\t\n\r\\":
        escapes.append((delimiter, "\\" + delimiter))
    pattern = "[" + "".join("\\" + a if a in "\\]^-[" else a for a, _ in escapes) + "]"
    if not pc.any(pc.match_substring_regex(text, pattern)).as_py():
        return text  # the common case: nothing to escape, no string copies
    for raw, escaped in escapes:
        text = pc.replace_substring(text, raw, escaped)
    return text


def _prepend_to_first(chunk: bytes, head: bytes) -> bytes:
    """Put ``head`` inside the first CopyData message of ``chunk`` (fixing its length)."""
    (length,) = struct.unpack_from("!i", chunk, 1)
    return m.copy_data(head + chunk[5 : 1 + length]) + chunk[1 + length :]
