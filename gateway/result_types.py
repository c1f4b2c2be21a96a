"""Result columns whose PostgreSQL type Arrow would lose: UUID and JSON.

DuckDB hands UUID and JSON columns to Arrow as plain strings, so clients would
see text (OID 25) where PostgreSQL says uuid (2950) or json (114). The final
SQL is wrapped so DuckDB turns each UUID into its 16 bytes (vectorised), and
the batches are re-typed, without copying, as Arrow's canonical ``uuid`` and
``json`` extension types, which the wire layer maps to those OIDs.
"""

from __future__ import annotations

from typing import Callable

import duckdb
import pyarrow as pa

from duckflight.worker.execute import quote_ident


def typed(cursor: duckdb.DuckDBPyConnection, sql: str) -> tuple[str, Callable | None]:
    """(SQL to run, function re-typing its schema or batches; None when nothing to do)."""
    relation = cursor.sql(sql)  # binds only: names and DuckDB types, no execution
    names, types = relation.columns, [str(t) for t in relation.types]
    special = {i: t for i, t in enumerate(types) if t in ("UUID", "JSON")}
    if not special or len(set(names)) != len(names):
        return sql, None
    uuids = [names[i] for i, t in special.items() if t == "UUID"]
    if uuids:
        replaced = ", ".join(f"unhex(replace(CAST({quote_ident(n)} AS VARCHAR), '-', '')) AS {quote_ident(n)}" for n in uuids)
        sql = f"SELECT * REPLACE ({replaced}) FROM ({sql}) AS __typed"
    return sql, lambda item: _retype(item, special)


def _retype(item, special: dict[int, str]):
    if isinstance(item, pa.Schema):
        fields = list(item)
        for i, kind in special.items():
            fields[i] = fields[i].with_type(pa.uuid() if kind == "UUID" else pa.json_())
        return pa.schema(fields, metadata=item.metadata)
    columns = list(item.columns)
    for i, kind in special.items():
        if kind == "UUID":
            columns[i] = pa.ExtensionArray.from_storage(pa.uuid(), columns[i].cast(pa.binary(16)))
        else:
            columns[i] = pa.ExtensionArray.from_storage(pa.json_(), columns[i].cast(pa.string()))
    return pa.RecordBatch.from_arrays(columns, schema=_retype(item.schema, special))
