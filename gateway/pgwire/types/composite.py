"""Wrapper and composite types: dictionaries, extension types, structs and maps.

Dictionaries are decoded and sent as their value type, extension types as their storage
type. Structs and maps have no PG counterpart: they go out as JSON text, per row in
Python (rare in results), and have no binary encoder. Lists (PG arrays) are ``arrays``.
"""

from __future__ import annotations

import json

import pyarrow as pa

from .registry import PgType, pg_type, py_text, register


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
