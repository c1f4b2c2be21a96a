"""Composite and wrapper types: lists (PG arrays), dictionaries, structs and maps.

Lists become one-dimensional PG arrays in text format (``{1,2,NULL}``), built with Arrow
kernels: the element type's own text encoder over the flattened child array, PG's
quoting rule applied by regex, then ``binary_join`` per list. Dictionaries are decoded
and sent as their value type. Structs and maps have no PG counterpart: they go out as
JSON text, per row in Python (rare in results). None of these have a binary encoder.
"""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.compute as pc

from .registry import PgType, encode_column, pg_type, py_text, register

# Array type OID for an element's OID; elements without their own array type use _text.
_ARRAY_OIDS = {
    16: 1000, 17: 1001, 20: 1016, 21: 1005, 23: 1007, 25: 1009, 700: 1021, 701: 1022,
    1082: 1182, 1083: 1183, 1114: 1115, 1184: 1185, 1186: 1187, 1700: 1231, 2950: 2951,
}
_TEXT_ARRAY = 1009

# PG quotes an array element when it is empty, equals NULL in any case, or contains a
# space, a comma, braces, a double quote or a backslash (array_out in arrayfuncs.c).
_NEEDS_QUOTE = r'^$|^[nN][uU][lL][lL]$|[\s,{}"\\]'


def _quote(elems: pa.Array) -> pa.Array:
    elems = elems.cast(pa.string())
    escaped = pc.replace_substring_regex(elems, r'(["\\])', r"\\\1")
    quoted = pc.binary_join_element_wise('"', escaped, '"', "")
    return pc.if_else(pc.match_substring_regex(elems, _NEEDS_QUOTE), quoted, elems)


def _list_text(arr: pa.Array) -> pa.Array:
    if pa.types.is_fixed_size_list(arr.type):
        arr = arr.cast(pa.list_(arr.type.value_type))
    # Only the child values this (possibly sliced) array uses, with offsets from 0.
    start, end = arr.offsets[0], arr.offsets[len(arr)]
    offsets = pc.subtract(arr.offsets, start)
    values = arr.values.slice(start.as_py(), end.as_py() - start.as_py())
    elems = encode_column(values, 0).cast(pa.string())
    if not pa.types.is_list(values.type) and not pa.types.is_large_list(values.type):
        elems = _quote(elems)  # nested arrays print as {{1,2},{3}}: never quoted
    elems = pc.fill_null(elems, "NULL")
    cls = pa.LargeListArray if pa.types.is_large_list(arr.type) else pa.ListArray
    lists = cls.from_arrays(offsets, elems, mask=arr.is_null())
    return pc.binary_join_element_wise("{", pc.binary_join(lists, ","), "}", "")


def _element_oid(t: pa.DataType) -> int:
    while pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        t = t.value_type
    return pg_type(t).oid


@register
def _lists(t: pa.DataType):
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        oid = _ARRAY_OIDS.get(_element_oid(t), _TEXT_ARRAY)
        return PgType("array", oid, -1, _list_text)
    return None


@register
def _dictionaries(t: pa.DataType):
    if not pa.types.is_dictionary(t):
        return None
    inner = pg_type(t.value_type)

    def decoded(enc):
        return None if enc is None else (lambda a: enc(a.dictionary_decode()))

    return PgType(inner.name, inner.oid, inner.typlen, decoded(inner.text),
                  decoded(inner.binary), inner.typmod)


@register
def _extensions(t: pa.DataType):
    # Extension types other than the ones registered before (uuid): their storage type.
    if not isinstance(t, pa.BaseExtensionType):
        return None
    inner = pg_type(t.storage_type)

    def storage(enc):
        return None if enc is None else (lambda a: enc(a.storage))

    return PgType(inner.name, inner.oid, inner.typlen, storage(inner.text),
                  storage(inner.binary), inner.typmod)


def _json_text(arr: pa.Array) -> pa.Array:
    def default(v):
        return v.isoformat() if hasattr(v, "isoformat") else str(v)

    return py_text(arr, lambda v: json.dumps(v, default=default, separators=(",", ":")))


@register
def _structs_and_maps(t: pa.DataType):
    if pa.types.is_struct(t) or pa.types.is_map(t):
        return PgType("json", 114, -1, _json_text)
    return None
