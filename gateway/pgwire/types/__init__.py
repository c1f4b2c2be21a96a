"""Arrow <-> Postgres type adapters, one module per type family.

Importing this package registers every family in the one table of ``registry``:
``pg_type(arrow_type)`` gives the OID, typlen, typmod and the vectorized text/binary
encoders; ``encode_column(array, fmt)`` encodes one column; ``decode_param`` turns a
Bind parameter into a Python value.

    >>> import pyarrow as pa
    >>> pg_type(pa.decimal128(15, 2)).oid, pg_type(pa.decimal128(15, 2)).typmod
    (1700, 983046)
    >>> encode_column(pa.array([1.5, None, 1e20]), 0).to_pylist()
    [b'1.5', None, b'1e+20']
"""

from __future__ import annotations

from typing import Any, Optional

from duckflight.gateway.core.sql_error import SqlError
from ..messages import utf8
# Registration order is lookup order: specific families first, wrappers last.
from . import numbers, textual, datetimes, arrays, composite  # noqa: F401,E402
from .registry import PARAM_DECODERS, PgType, encode_column, pg_type

__all__ = ["PgType", "pg_type", "encode_column", "decode_param"]


def decode_param(oid: int, fmt: int, data: Optional[bytes]) -> Any:
    """A Bind parameter as a Python value (None for NULL); SqlError if undecodable."""
    if data is None:
        return None
    decoder = PARAM_DECODERS.get(oid)
    if fmt == 0:
        text = utf8(data) if isinstance(data, bytes) else str(data)
        return text if decoder is None else decoder.text(text)
    if decoder is None or decoder.binary is None:
        raise SqlError("0A000", f"binary format is not supported for parameters of type oid {oid}")
    try:
        return decoder.binary(data)
    except SqlError:
        raise
    except Exception as exc:  # struct errors and the like: the client's bytes are wrong
        raise SqlError("22P03", f"incorrect binary data format in bind parameter: {exc}") from None
