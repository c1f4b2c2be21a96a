"""Carry DuckDB errors from a worker to the gateway without losing their kind.

A Flight error only has a message and opaque ``extra_info`` bytes. The worker
puts the DuckDB exception class name in ``extra_info`` so the gateway can give
the client the same SQLSTATE a local DuckDB error would get.
"""

from __future__ import annotations

import pyarrow.flight as flight

PREFIX = b"duckdb-error:"


# DuckDB's words for a Parquet file whose bytes are not what its footer promises; such
# a message does not say which file, so the worker adds the files the fragment read.
# The Thrift decoder's own errors ("don't know what type", "Negative size", ...) reach
# Python as the untyped duckdb.Error, which no SQL mistake raises.
DAMAGED = ("TProtocolException", "Invalid data", "Corrupt", "corrupt")


def to_flight_error(exc: BaseException, files: list[str] | None = None) -> flight.FlightServerError:
    """A Flight error carrying ``exc``'s DuckDB class; ``files`` are the files the fragment read."""
    kind = type(exc).__name__
    if kind == "PeerLost":  # the gateway needs to know which worker was lost
        kind = f"PeerLost:{exc.address}"
    message = str(exc)
    damaged = kind == "Error" or any(word in message for word in DAMAGED)
    if files and damaged and not any(f in message for f in files):
        shown = ", ".join(f'"{f}"' for f in files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        message = f"{message.strip()} (reading {shown})"
    return flight.FlightServerError(message, extra_info=PREFIX + kind.encode())


def fragment_files(fragment) -> list[str]:
    """The files a Fragment's scans read, each once, in order."""
    return list(dict.fromkeys(split.path for scan in fragment.scans for split in scan.splits))


def error_kind(exc: BaseException) -> str | None:
    """The DuckDB exception class name a worker sent, if this error carries one."""
    extra = getattr(exc, "extra_info", None) or b""
    if extra.startswith(PREFIX):
        return extra[len(PREFIX):].decode()
    return None


def error_message(exc: BaseException) -> str:
    """The worker's message without the Flight/gRPC decoration around it."""
    text = str(exc)
    # pyarrow formats server errors as "<message>. Detail: Internal; gRPC client debug context: ..."
    for marker in (". Detail:", ". gRPC client debug context:"):
        cut = text.find(marker)
        if cut != -1:
            text = text[:cut]
    return text
