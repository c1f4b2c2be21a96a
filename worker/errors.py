"""Carry DuckDB errors from a worker to the gateway without losing their kind.

A Flight error only has a message and opaque ``extra_info`` bytes. The worker
puts the DuckDB exception class name in ``extra_info`` so the gateway can give
the client the same SQLSTATE a local DuckDB error would get.
"""

from __future__ import annotations

import pyarrow.flight as flight

PREFIX = b"duckdb-error:"


def to_flight_error(exc: BaseException) -> flight.FlightServerError:
    kind = type(exc).__name__
    if kind == "PeerLost":  # the gateway needs to know which worker was lost
        kind = f"PeerLost:{exc.address}"
    return flight.FlightServerError(str(exc), extra_info=PREFIX + kind.encode())


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
