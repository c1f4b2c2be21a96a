"""Result columns whose PostgreSQL type Arrow would lose: UUID, JSON (and arrays of them), timetz, type modifiers.

DuckDB hands UUID and JSON columns to Arrow as plain strings, so clients would
see text (OID 25) where PostgreSQL says uuid (2950) or json (114). The final
SQL is wrapped so DuckDB turns each UUID into its 16 bytes (vectorised, also
inside a UUID[]), and the batches are re-typed as Arrow's canonical ``uuid`` and
``json`` extension types (lists of them for arrays), which the wire layer maps to
those OIDs (uuid[] 2951, json[] 199). A TIME WITH TIME ZONE reaches Arrow without
its offset: it is sent as its text, typed ``pgwire.types.datetimes.TIMETZ`` (1266).

A numeric whose display scale is each value's own (a quotient, an average: the
struct of ``worker/numeric_macros``) leaves as PostgreSQL's text of each value,
typed numeric (``NumericTextType``).

Arrow has no varchar(n), char(n) or timestamp(p) either, and a decimal's
precision is DuckDB's: the planner says what PostgreSQL would declare for each
output column (``planner/output_types.PgColumn``), and the schema's fields
carry it as metadata for RowDescription (``pgwire/encoder.PG_OID``). Columns of
type char(n) are padded to n characters here, as PostgreSQL stores them.
"""

from __future__ import annotations

from typing import Callable, Sequence

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from duckflight.gateway.pgwire.encoder import PG_OID, PG_TYPMOD
from duckflight.gateway.pgwire.types import pg_type
from duckflight.gateway.pgwire.types.datetimes import TIMETZ
from duckflight.gateway.pgwire.types.numbers import NUMERIC_TEXT, OID
from duckflight.gateway.planner.output_types import BPCHAR, NAME, VARCHAR, PgColumn
from duckflight.gateway.core.pg_types import OID as OID_TYPE
from duckflight.worker import numeric_macros
from duckflight.gateway.core.identifiers import quote_ident

TEXT, CHAR = 25, 18  # CHAR: PostgreSQL's one-byte "char" (pg_class.relkind), not char(n)
# DuckDB types whose values Arrow gets as plain strings -> the Arrow extension type they are.
_EXTENSION_TYPES = {"UUID": pa.uuid(), "JSON": pa.json_(),
                    "UUID[]": pa.list_(pa.uuid()), "JSON[]": pa.list_(pa.json_()),
                    "TIME WITH TIME ZONE": TIMETZ, numeric_macros.STRUCT_TYPE: NUMERIC_TEXT,
                    "OID": OID}  # a BIGINT that PostgreSQL types oid (x::oid): its int64 values, viewed
# Those sent as their text: DuckDB SQL for it.
_AS_TEXT = {"TIME WITH TIME ZONE": "CAST({} AS VARCHAR)", numeric_macros.STRUCT_TYPE: "pg_numeric_text({})"}


def typed(cursor: duckdb.DuckDBPyConnection, sql: str,
          declared: Sequence[PgColumn] = ()) -> tuple[str, Callable | None]:
    """(SQL to run, function re-typing its schema or batches; None when nothing to do)."""
    relation = cursor.sql(sql)  # binds only: names and DuckDB types, no execution
    names, types = relation.columns, [str(t) for t in relation.types]
    if len(declared) != len(names):
        declared = ()  # not this query's columns (or not known): Arrow's types stand
    special = {i: t for i, t in enumerate(types) if t in _EXTENSION_TYPES}
    special.update({i: "OID" for i, c in enumerate(declared) if c.oid == OID_TYPE and types[i] == "BIGINT"})
    # UUIDs as their 16 bytes, timetz values and dynamic numerics as their text (PostgreSQL's
    # output form); columns renamed by position, as names may repeat (select avg(a), avg(b)).
    converted = {i for i, t in special.items() if t.startswith("UUID") or t in _AS_TEXT}
    if converted:
        columns = ", ".join(f"{_converted(f'__c{i}', types[i]) if i in converted else f'__c{i}'} AS {quote_ident(n)}"
                            for i, n in enumerate(names))
        renamed = ", ".join(f"__c{i}" for i in range(len(names)))
        sql = f"SELECT {columns} FROM ({sql}) AS __typed({renamed})"
    padded = {i: c.pad for i, c in enumerate(declared) if c.oid == BPCHAR and c.pad and types[i] == "VARCHAR"}
    if not special and not declared:
        return sql, None
    return sql, lambda item: _retype(item, special, declared, padded)


def _retype(item, special: dict[int, str], declared: Sequence[PgColumn], padded: dict[int, int]):
    if isinstance(item, pa.Schema):
        fields = list(item)
        for i, kind in special.items():
            fields[i] = fields[i].with_type(_EXTENSION_TYPES[kind])
        for i, column in enumerate(declared):
            fields[i] = _declare(fields[i], column)
        return pa.schema(fields, metadata=item.metadata)
    if not special and not padded:
        return item  # the batches' values are right; only the schema carries the declaration
    columns = list(item.columns)
    for i, kind in special.items():
        columns[i] = _as_extension(columns[i], kind)
    for i, width in padded.items():  # char(n) is n characters, trailing spaces included
        columns[i] = pc.utf8_rpad(columns[i], width=width, padding=" ")
    return pa.RecordBatch.from_arrays(columns, schema=_retype(item.schema, special, (), {}))


def _converted(column: str, kind: str) -> str:
    """DuckDB SQL for the 16 bytes of each UUID of a UUID (or UUID[]) column, or a timetz's or
    dynamic numeric's text."""
    if kind in _AS_TEXT:
        return _AS_TEXT[kind].format(column)
    one = "unhex(replace(CAST({} AS VARCHAR), '-', ''))"
    if kind == "UUID":
        return one.format(column)
    return f"list_transform({column}, lambda u: {one.format('u')})"


def _as_extension(column: pa.Array, kind: str) -> pa.Array:
    """A UUID/JSON (or UUID[]/JSON[]) column's values as the extension type, without copying."""
    if kind == "OID":
        return column.view(OID)
    storage = pa.binary(16) if kind.startswith("UUID") else pa.string()  # JSON, timetz, numeric: text
    return column.cast(pa.list_(storage) if kind.endswith("[]") else storage).view(_EXTENSION_TYPES[kind])


def _declare(field: pa.Field, column: PgColumn) -> pa.Field:
    """The field with PostgreSQL's OID and modifier as metadata, where they differ from Arrow's."""
    wire = pg_type(field.type)
    oid, typmod = wire.oid, -1  # no modifier unless PostgreSQL would declare one
    if column.oid in (BPCHAR, VARCHAR, NAME, CHAR) and wire.oid == TEXT:
        oid, typmod = column.oid, column.typmod
    elif column.oid == TEXT and pa.types.is_int32(field.type):
        oid = TEXT  # DuckDB types `NULL::text || 'x'` (a NULL parameter at Describe) as an integer NULL
    elif column.oid is not None and column.oid == wire.oid:
        typmod = column.typmod
    if (oid, typmod) == (wire.oid, wire.typmod):
        return field
    return field.with_metadata({**(field.metadata or {}), PG_OID: str(oid), PG_TYPMOD: str(typmod)})


def declare(schema: pa.Schema, declared: Sequence[PgColumn]) -> pa.Schema:
    """``schema`` with PostgreSQL's declared types (for schemas found without ``typed``)."""
    if len(declared) != len(schema):
        return schema
    return pa.schema([_declare(f, c) for f, c in zip(schema, declared)], metadata=schema.metadata)
