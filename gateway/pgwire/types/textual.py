"""Strings, bytes and UUIDs: text, bytea, uuid, and Arrow's null type (as text).

Text and binary output of a string are its UTF-8 bytes; bytea text output is PG's
default ``bytea_output = hex`` (``\\x`` + lowercase hex), produced for a whole column
with one ``bytes.hex()`` over the Arrow data buffer.
"""

from __future__ import annotations

import binascii
import uuid

import pyarrow as pa
import pyarrow.compute as pc

from duckflight.gateway.core.sql_error import SqlError
from .registry import PgType, fixed_binary, register, register_param, validity

# -------------------------------------------------------------------------- text


def _as_binary(arr: pa.Array) -> pa.Array:
    if pa.types.is_string_view(arr.type) or pa.types.is_binary_view(arr.type):
        arr = arr.cast(pa.string() if pa.types.is_string_view(arr.type) else pa.binary())
    return arr.cast(pa.binary())


_TEXT = PgType("text", 25, -1, _as_binary, _as_binary)


@register
def _strings(t: pa.DataType):
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return _TEXT
    if pa.types.is_null(t):
        return PgType("text", 25, -1, _nulls, _nulls)
    return None


def _nulls(arr: pa.Array) -> pa.Array:
    return pa.nulls(len(arr), pa.binary())


# ------------------------------------------------------------------------- bytea


def _bytea_text(arr: pa.Array) -> pa.Array:
    arr = _as_binary(arr)
    n = len(arr)
    offsets = pa.Array.from_buffers(pa.int32(), n + 1, [None, arr.buffers()[1]], offset=arr.offset)
    start, end = offsets[0].as_py(), offsets[n].as_py()
    data = arr.buffers()[2]
    hexed = memoryview(data)[start:end].hex().encode("ascii") if end > start else b""
    # Every byte becomes two hex digits, so the new offsets are the old ones doubled.
    i32 = pa.int32()
    new_offsets = pc.multiply(pc.subtract(offsets, pa.scalar(start, i32)), pa.scalar(2, i32))
    hex_arr = pa.Array.from_buffers(
        pa.binary(), n, [validity(arr), new_offsets.buffers()[1], pa.py_buffer(hexed)]
    )
    return pc.binary_join_element_wise(b"\\x", hex_arr, b"")


_BYTEA = PgType("bytea", 17, -1, _bytea_text, _as_binary)


@register
def _binaries(t: pa.DataType):
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_binary_view(t):
        return _BYTEA
    if pa.types.is_fixed_size_binary(t) and t.byte_width != 16:
        return PgType("bytea", 17, -1, lambda a: _bytea_text(a.cast(pa.binary())),
                      lambda a: a.cast(pa.binary()))
    return None


# -------------------------------------------------------------------------- uuid


def _uuid_storage(arr: pa.Array) -> pa.Array:
    return arr.storage if isinstance(arr.type, pa.BaseExtensionType) else arr


def _uuid_text(arr: pa.Array) -> pa.Array:
    arr = _uuid_storage(arr)
    n = len(arr)
    raw = memoryview(arr.buffers()[1])[arr.offset * 16 : (arr.offset + n) * 16]
    hexed = fixed_binary(raw.hex().encode("ascii"), 32, n, validity(arr)).cast(pa.string())
    cuts = [(0, 8), (8, 12), (12, 16), (16, 20), (20, 32)]
    parts = [pc.utf8_slice_codeunits(hexed, a, b) for a, b in cuts]
    return pc.binary_join_element_wise(*parts, "-")


def _uuid_binary(arr: pa.Array) -> pa.Array:
    return _uuid_storage(arr).cast(pa.binary())


_UUID = PgType("uuid", 2950, 16, _uuid_text, _uuid_binary)


def _json_storage_text(arr: pa.Array) -> pa.Array:
    # JSON arrives as its text (Arrow's canonical json type over strings), which
    # is also PostgreSQL's binary format for json.
    return arr.storage.cast(pa.binary())


_JSON = PgType("json", 114, -1, _json_storage_text, _json_storage_text)


@register
def _json_texts(t: pa.DataType):
    if isinstance(t, pa.BaseExtensionType) and t.extension_name == "arrow.json":
        return _JSON
    return None


@register
def _uuids(t: pa.DataType):
    if isinstance(t, pa.BaseExtensionType) and t.extension_name == "arrow.uuid":
        return _UUID
    if pa.types.is_fixed_size_binary(t) and t.byte_width == 16:
        return _UUID
    return None


# -------------------------------------------------------------- Bind parameters


def _utf8(b: bytes) -> str:
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        raise SqlError("22021", "invalid byte sequence for encoding \"UTF8\"") from None


def _bytea_from_text(s: str) -> bytes:
    if s.startswith("\\x"):
        try:
            return binascii.unhexlify(s[2:])
        except (binascii.Error, ValueError):
            raise SqlError("22P02", "invalid hexadecimal data in bytea") from None
    # PG's escape format: backslash-octal sequences and doubled backslashes.
    return s.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1")


def _uuid_from_text(s: str) -> uuid.UUID:
    try:
        return uuid.UUID(s.strip())
    except ValueError:
        raise SqlError("22P02", f'invalid input syntax for type uuid: "{s}"') from None


register_param([0, 18, 19, 25, 705, 1042, 1043, 114, 3802], str, _utf8)
register_param(3802, str, lambda b: _utf8(b[1:]) if b[:1] == b"\x01" else _utf8(b))  # jsonb v1
register_param(17, _bytea_from_text, bytes)
register_param(2950, _uuid_from_text, lambda b: uuid.UUID(bytes=bytes(b)))
