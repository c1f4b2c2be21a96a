"""Arrays of OIDs in catalog results: their BIGINT[] columns reach clients as oid[] (1028).

The image keeps OIDs as BIGINT, so an oid[] or oidvector column, or ``array_agg`` of
an OID column, comes out of DuckDB as BIGINT[]. No catalog relation has a bigint[]
column, so in a catalog query's result a BIGINT[] is an array of OIDs, and is sent
as PostgreSQL types it. That matters to asyncpg: it decodes oid[] and text[] without
asking the catalog about them, and asks with a query returning ``array_agg(atttypid)``;
an int8[] there would make it ask about int8[] with the same query, forever.
Scalar BIGINTs stay int8: in results they are also counts and sizes.

>>> import pyarrow as pa
>>> from duckflight.gateway.pgwire.types import pg_type
>>> schema = pa.schema([("n", pa.int64()), ("oids", pa.list_(pa.int64()))])
>>> [pg_type(f.type).oid for f in oid_arrays(schema)]
[20, 1028]
"""

from __future__ import annotations

import pyarrow as pa

from duckflight.gateway.pgwire.types.numbers import OID

_OID_ARRAY = pa.list_(OID)


def oid_arrays(item):
    """A schema or record batch with its BIGINT[] columns as oid[] (the same buffers)."""
    schema = item if isinstance(item, pa.Schema) else item.schema
    columns = [i for i, f in enumerate(schema) if pa.types.is_list(f.type) and f.type.value_type == pa.int64()]
    if not columns:
        return item
    fields = list(schema)
    for i in columns:
        fields[i] = fields[i].with_type(_OID_ARRAY)
    retyped = pa.schema(fields, metadata=schema.metadata)
    if isinstance(item, pa.Schema):
        return retyped
    arrays = list(item.columns)
    for i in columns:
        arrays[i] = arrays[i].view(_OID_ARRAY)
    return pa.RecordBatch.from_arrays(arrays, schema=retyped)
