"""PostgreSQL arrays: Arrow lists out (text and binary), Bind parameters in.

A list column is a PG array of its element type (``list<int32>`` is int4[], OID 1007),
with the element's typmod; lists of lists are multi-dimensional arrays. Output is built
with Arrow kernels over the flattened elements, each encoded by its own type's encoder:

* text (array_out): ``{1,2,NULL}``, an element quoted when PG quotes it, nested lists
  as ``{{1,2},{3,4}}``;
* binary (array_send): int32 ndim, int32 has-nulls flag, int32 element OID, then per
  dimension int32 size and int32 lower bound (1), then each element as int32 length
  (-1 for NULL) and its binary form. An empty array has ndim 0 and no dimensions. PG
  arrays are rectangular, so other lists of lists fail with PG's error (2202E); text
  shows them as they are (``{{1,2},{3}}``), which only DuckDB can produce.

Array parameters, in either format, become Python lists (nested per dimension) of the
element type's parameter values.

    >>> import pyarrow as pa
    >>> encode_column(pa.array([[1, None]], pa.list_(pa.int16())), 1).to_pylist()[0].hex()
    '0000000100000001000000150000000200000001000000020001ffffffff'
"""

from __future__ import annotations

import math
import struct
from typing import Callable

import pyarrow as pa
import pyarrow.compute as pc

from duckflight.gateway.core import pg_types as pt
from duckflight.gateway.core.pg_types import ARRAY_OF
from duckflight.gateway.core.array_text import parse_array_text
from duckflight.gateway.core.sql_error import SqlError
from .registry import PARAM_DECODERS, PgType, big_endian, encode_column, pg_type, register, register_param

# Element type OID -> its array type OID (typarray), for the element types we send.
ARRAY_OIDS = {element: ARRAY_OF[element] for element in (
    pt.BOOL, pt.BYTEA, pt.CHAR, pt.NAME, pt.INT8, pt.INT2, pt.INT4, pt.TEXT, pt.OID, pt.JSON, pt.FLOAT4, pt.FLOAT8,
    pt.BPCHAR, pt.VARCHAR, pt.DATE, pt.TIME, pt.TIMESTAMP, pt.TIMESTAMPTZ, pt.INTERVAL, pt.NUMERIC, pt.UUID, pt.JSONB)}
ELEMENT_OIDS = {array: element for element, array in ARRAY_OIDS.items()}

_I32 = pa.int32()
_NO_BYTES = pa.scalar(None, pa.binary())
_LOWER_BOUND = struct.pack("!i", 1)
_NOT_RECTANGULAR = "multidimensional arrays must have array expressions with matching dimensions"


def is_list(t: pa.DataType) -> bool:
    return pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t)


def _plain_type(t: pa.DataType) -> pa.DataType:
    """``t`` with every list layer a plain list (int32 offsets, any length)."""
    return pa.list_(_plain_type(t.value_type)) if is_list(t) else t


def _plain(arr: pa.Array) -> pa.Array:
    plain = _plain_type(arr.type)
    return arr if plain == arr.type else arr.cast(plain)


def _children(arr: pa.ListArray) -> tuple[pa.Array, pa.Array]:
    """The child values a (possibly sliced) list array uses, and its offsets into them."""
    start, end = arr.offsets[0].as_py(), arr.offsets[len(arr)].as_py()
    return arr.values.slice(start, end - start), pc.subtract(arr.offsets, pa.scalar(start, _I32))


# ------------------------------------------------------------------------------ text

# PG quotes an element when it is empty, equals NULL in any case, or contains a
# delimiter, a brace, a double quote, a backslash or white space (array_out, with
# array_isspace's \v, which RE2's \s lacks).
_NEEDS_QUOTE = r'^$|^[nN][uU][lL][lL]$|[ \t\n\r\v\f,{}"\\]'


def _never_quoted(t: pa.DataType) -> bool:
    """Numbers and booleans print as digits, signs, dots, NaN, Infinity, t or f: no quotes
    (dates may not: '0044-03-15 BC')."""
    return pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t) or pa.types.is_boolean(t)


def _quote(elems: pa.Array) -> pa.Array:
    escaped = pc.replace_substring_regex(elems, r'(["\\])', r"\\\1")
    quoted = pc.binary_join_element_wise('"', escaped, '"', "")
    return pc.if_else(pc.match_substring_regex(elems, _NEEDS_QUOTE), quoted, elems)


def _array_text(arr: pa.Array) -> pa.Array:
    arr = _plain(arr)
    if len(arr) == 0:
        return pa.array([], pa.string())
    values, offsets = _children(arr)
    nested = is_list(values.type)
    elems = encode_column(values, 0).cast(pa.string()) if len(values) else pa.array([], pa.string())
    if not nested and not _never_quoted(values.type):
        elems = _quote(elems)  # sub-arrays print as {1,2}: never quoted
    lists = pa.ListArray.from_arrays(offsets, pc.fill_null(elems, "NULL"), mask=arr.is_null())
    out = pc.binary_join_element_wise("{", pc.binary_join(lists, ","), "}", "")
    # A multi-dimensional array without elements is PG's empty array: {} (not {{}}).
    return pc.replace_substring_regex(out, r"^[{},]+$", "{}") if nested else out


# ---------------------------------------------------------------------------- binary


def _shape(arr: pa.ListArray) -> tuple[list[pa.Array], pa.Array, pa.Array]:
    """Each row's size per dimension, its span (offsets) of the innermost values, and those.

    A row's size in an inner dimension is the length of its first sub-list there;
    every other sub-list of the row must have the same length (and none be NULL).
    """
    values, spans = _children(arr)
    dims = [pc.list_value_length(arr)]
    while is_list(values.type):
        lengths = pc.list_value_length(values)
        starts, ends = spans.slice(0, len(arr)), spans.slice(1)
        first = pc.take(pa.concat_arrays([lengths.fill_null(0), pa.array([0], _I32)]), starts)
        dim = pc.if_else(pc.equal(starts, ends), pa.scalar(0, _I32), first)
        row = pc.list_parent_indices(pa.ListArray.from_arrays(spans, values))
        if values.null_count or not pc.all(pc.equal(lengths, pc.take(dim, row))).as_py():
            raise SqlError("2202E", _NOT_RECTANGULAR)
        dims.append(dim)
        values, inner = _children(values)
        spans = pc.take(inner, spans)
    return dims, spans, values


def _nulls_per_row(leaves: pa.Array, starts: pa.Array, ends: pa.Array) -> pa.Array:
    """How many NULL elements lie in each row's span (a running count, taken at both ends)."""
    running = pc.cumulative_sum(pc.cast(pc.is_null(leaves), pa.int64()))
    running = pa.concat_arrays([pa.array([0], pa.int64()), running])
    return pc.subtract(pc.take(running, ends), pc.take(running, starts))


def _elements_binary(leaves: pa.Array) -> pa.Array:
    """Each element as int32 length (-1 for NULL) + its binary form."""
    if len(leaves) == 0:
        return pa.array([], pa.binary())
    cells = encode_column(leaves, 1)
    lengths = pc.fill_null(pc.binary_length(cells), pa.scalar(-1, _I32))
    return pc.binary_join_element_wise(big_endian(lengths), cells, b"",
                                       null_handling="replace", null_replacement=b"")


def _array_binary(element_oid: int):
    oid_bytes = struct.pack("!i", element_oid)

    def enc(arr: pa.Array) -> pa.Array:
        arr = _plain(arr)
        if len(arr) == 0:
            return pa.array([], pa.binary())
        dims, spans, leaves = _shape(arr)
        body = pc.binary_join(pa.ListArray.from_arrays(spans, _elements_binary(leaves)), b"")
        starts, ends = spans.slice(0, len(arr)), spans.slice(1)
        filled = pc.greater(pc.subtract(ends, starts), 0)  # else an empty array: no dimensions
        ndim = pc.if_else(filled, pa.scalar(len(dims), _I32), pa.scalar(0, _I32))
        has_null = pc.cast(pc.greater(_nulls_per_row(leaves, starts, ends), 0), _I32)
        sizes = [pc.if_else(filled, pc.binary_join_element_wise(big_endian(pc.cast(d, _I32)), _LOWER_BOUND, b""),
                            _NO_BYTES) for d in dims]
        rows = pc.binary_join_element_wise(big_endian(ndim), big_endian(has_null), oid_bytes, *sizes, body, b"",
                                           null_handling="replace", null_replacement=b"")
        return pc.if_else(pc.is_valid(arr), rows, _NO_BYTES)

    return enc


@register
def _lists(t: pa.DataType):
    if not is_list(t):
        return None
    leaf = t
    while is_list(leaf):
        leaf = leaf.value_type
    element = pg_type(leaf)
    if element.oid not in ARRAY_OIDS:  # no array type of its own: text[], in text only
        return PgType("text[]", 1009, -1, _array_text)
    binary = _array_binary(element.oid) if element.binary is not None else None
    return PgType(f"{element.name}[]", ARRAY_OIDS[element.oid], -1, _array_text, binary, element.typmod)


# -------------------------------------------------------------------- Bind parameters


def array_from_binary(data: bytes) -> list:
    """array_send's layout -> nested lists of the element type's parameter values."""
    ndim, _flags, element_oid = struct.unpack_from("!iii", data)
    sizes = [struct.unpack_from("!i", data, 12 + 8 * d)[0] for d in range(ndim)]
    decoder = PARAM_DECODERS.get(element_oid)
    if decoder is None or decoder.binary is None:
        raise SqlError("0A000", f"binary format is not supported for array elements of type oid {element_oid}")
    pos, items = 12 + 8 * ndim, []
    for _ in range(math.prod(sizes) if ndim else 0):
        (length,) = struct.unpack_from("!i", data, pos)
        pos += 4
        items.append(None if length < 0 else decoder.binary(bytes(data[pos:pos + length])))
        pos += max(length, 0)
    if pos != len(data):
        raise SqlError("22P03", "incorrect binary data format in array parameter")
    return _nest(items, sizes)


def _nest(items: list, sizes: list[int]) -> list:
    """A flat row-major list cut into nested lists of the given dimension sizes."""
    for size in reversed(sizes[1:]):
        items = [items[k:k + size] for k in range(0, len(items), size)]
    return items


def _text_decoder(element_oid: int) -> Callable[[str], list]:
    def dec(text: str) -> list:
        decoder = PARAM_DECODERS.get(element_oid)  # looked up late: every family registers first
        return parse_array_text(text, decoder.text if decoder else str)

    return dec


for _array, _element in ELEMENT_OIDS.items():
    register_param(_array, _text_decoder(_element), array_from_binary)
