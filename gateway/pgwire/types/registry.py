"""The one table of type adapters, and the vectorized helpers the families share.

Each family module (``numbers``, ``textual``, ``datetimes``, ``composite``) registers
*resolvers* — functions from an Arrow type to a ``PgType`` or None — and *parameter
decoders* keyed by Postgres OID. ``pg_type`` asks the resolvers in registration order.

Column encoders take a ``pa.Array`` and return a ``pa.BinaryArray``-compatible array
(binary or string, int32 offsets) with the same nulls: one cell's bytes per row.
"""

from __future__ import annotations

import array as _array
import sys
from dataclasses import dataclass
from typing import Any, Callable, Optional

import pyarrow as pa
import pyarrow.compute as pc

from duckflight.gateway.core.sql_error import SqlError

Encoder = Callable[[pa.Array], pa.Array]


@dataclass(frozen=True)
class PgType:
    """How one Arrow type appears to a Postgres client."""

    name: str
    oid: int
    typlen: int
    text: Encoder
    binary: Optional[Encoder] = None  # None: this type cannot be sent in binary
    typmod: int = -1


class TagType(pa.ExtensionType):
    """A PostgreSQL type Arrow lacks, carried as a named extension over plain storage
    (subclasses say which: ``STORAGE`` and ``NAME``); it has no parameters."""

    STORAGE: pa.DataType
    NAME: str

    def __init__(self):
        super().__init__(self.STORAGE, self.NAME)

    def __arrow_ext_serialize__(self) -> bytes:
        return b""

    @classmethod
    def __arrow_ext_deserialize__(cls, storage_type, serialized):
        return cls()

    def __hash__(self):  # pg_type caches by Arrow type
        return hash(self.extension_name)


Resolver = Callable[[pa.DataType], Optional[PgType]]

_RESOLVERS: list[Resolver] = []
_CACHE: dict[pa.DataType, PgType] = {}


@dataclass(frozen=True)
class ParamDecoder:
    text: Callable[[str], Any]
    binary: Optional[Callable[[bytes], Any]]


PARAM_DECODERS: dict[int, ParamDecoder] = {}


def register(resolver: Resolver) -> Resolver:
    """Decorator: add a resolver to the table."""
    _RESOLVERS.append(resolver)
    return resolver


def register_param(oids, text: Callable[[str], Any], binary: Optional[Callable[[bytes], Any]]):
    for oid in oids if isinstance(oids, (list, tuple)) else [oids]:
        PARAM_DECODERS[oid] = ParamDecoder(text, binary)


def pg_type(t: pa.DataType) -> PgType:
    """The Postgres view of Arrow type ``t`` (text with a str() fallback if unknown)."""
    hit = _CACHE.get(t)
    if hit is None:
        for resolver in _RESOLVERS:
            hit = resolver(t)
            if hit is not None:
                break
        else:
            hit = PgType("text", 25, -1, fallback_text)
        _CACHE[t] = hit
    return hit


def encode_column(arr: pa.Array, fmt: int) -> pa.Array:
    """One column's cells in format ``fmt`` (0 text, 1 binary), as a binary array."""
    t = pg_type(arr.type)
    if fmt == 0:
        out = t.text(arr)
    elif t.binary is None:
        raise SqlError("0A000", f"binary output is not supported for type {t.name}")
    else:
        out = t.binary(arr)
    return out if out.type == pa.binary() else out.cast(pa.binary())


# --------------------------------------------------------------- shared helpers


def validity(arr: pa.Array) -> Optional[pa.Buffer]:
    """A validity bitmap at offset 0 for ``arr`` (None when it has no nulls)."""
    if arr.null_count == 0:
        return None
    return pc.is_valid(arr).buffers()[1]


def fixed_binary(data, width: int, n: int, valid: Optional[pa.Buffer]) -> pa.Array:
    """n values of ``width`` bytes packed in ``data`` -> a binary array (nulls from valid)."""
    fsb = pa.Array.from_buffers(pa.binary(width), n, [valid, pa.py_buffer(data)])
    return fsb.cast(pa.binary())


_TYPECODE = {2: "h", 4: "i", 8: "q"}
assert _array.array("i").itemsize == 4 and _array.array("q").itemsize == 8


def big_endian(arr: pa.Array) -> pa.Array:
    """Fixed-width numbers -> their network-order bytes, one C-level byteswap per column."""
    width = arr.type.bit_width // 8
    n = len(arr)
    raw = memoryview(arr.buffers()[1])[arr.offset * width : (arr.offset + n) * width]
    if width == 1:
        return fixed_binary(bytes(raw), 1, n, validity(arr))
    swapped = _array.array(_TYPECODE[width])
    swapped.frombytes(raw)
    if sys.byteorder == "little":
        swapped.byteswap()
    return fixed_binary(swapped, width, n, validity(arr))


def py_text(arr: pa.Array, fmt: Callable[[Any], str]) -> pa.Array:
    """Per-row Python text encoding: only for rare types (said at each use)."""
    return pa.array([None if v is None else fmt(v) for v in arr.to_pylist()], pa.string())


def py_binary(arr: pa.Array, fmt: Callable[[Any], bytes]) -> pa.Array:
    """Per-row Python binary encoding: only for rare types (said at each use)."""
    return pa.array([None if v is None else fmt(v) for v in arr.to_pylist()], pa.binary())


def fallback_text(arr: pa.Array) -> pa.Array:
    # Types nobody registered: their Python str(), per row (rare by definition).
    return py_text(arr, str)


def trim_fraction(s: pa.Array) -> pa.Array:
    """'12:34:56.500000' -> '12:34:56.5', '12:34:56.000000' -> '12:34:56' (as PG prints)."""
    s = pc.replace_substring_regex(s, r"(\.\d*?[1-9])0+$", r"\1")
    return pc.replace_substring_regex(s, r"\.0+$", "")


def replace_rows(out: pa.Array, mask: pa.Array, fix: Callable[[pa.Array], pa.Array]) -> pa.Array:
    """Re-encode the rows selected by ``mask`` with ``fix`` (a rare-value slow path)."""
    mask = pc.fill_null(mask, False)
    if not pc.any(mask).as_py():
        return out
    fixed = fix(pc.filter(out, mask))
    return pc.replace_with_mask(out, mask, fixed.cast(out.type))
