"""PostgreSQL's view of a column's DuckDB type, taken from the wire layer.

A column's ``atttypid`` must be the OID its RowDescription reports, so the
type of a DuckDB column is found the way the encoder finds it: DuckDB type →
Arrow type → ``pgwire.types.pg_type``. The rest (name, length, the text
``format_type`` and ``information_schema.columns`` print) comes from
PostgreSQL's built-in type table.

>>> import duckdb
>>> [(t.oid, t.typmod, t.formatted) for t in column_types(duckdb.connect(), ["DECIMAL(15,2)", "VARCHAR"])]
[(1700, 983046, 'numeric(15,2)'), (25, -1, 'text')]
"""

from __future__ import annotations

from types import SimpleNamespace

from dataclasses import dataclass

import duckdb

from duckflight.gateway.core.pg_types import (BUILTIN, DATE, FLOAT4, FLOAT8, INT2, INT4, INT8, INTERVAL, NUMERIC, TEXT,
                                              TIME, TIMESTAMP, TIMESTAMPTZ, TIMETZ, format_type, numeric_precision_scale)
from duckflight.gateway.pgwire.types import pg_type
from duckflight.gateway.system.generated.builtin_types import TYPES

# information_schema.columns' numeric_precision and radix of the binary numbers (_pg_numeric_precision).
NUMERIC_PRECISION = {INT2: (16, 2), INT4: (32, 2), INT8: (64, 2), FLOAT4: (24, 2), FLOAT8: (53, 2)}
DATETIME_PRECISION = {DATE: 0, TIME: 6, TIMESTAMP: 6, TIMESTAMPTZ: 6, INTERVAL: 6, TIMETZ: 6}


@dataclass(frozen=True)
class ColumnType:
    oid: int
    typmod: int
    typname: str
    typlen: int
    typbyval: bool
    typalign: str
    typstorage: str
    collation: int
    formatted: str  # format_type(oid, typmod)

    @property
    def data_type(self) -> str:
        """information_schema.columns.data_type: the name without modifiers, or ARRAY."""
        if BUILTIN[self.oid][5] == "A":
            return "ARRAY"
        return BUILTIN[self.oid][17]

    def precision(self) -> tuple[int | None, int | None, int | None]:
        """numeric_precision, numeric_precision_radix, numeric_scale."""
        if self.oid in NUMERIC_PRECISION:
            bits, radix = NUMERIC_PRECISION[self.oid]
            return bits, radix, 0 if self.oid in (INT8, INT2, INT4) else None
        if self.oid == NUMERIC:
            precision, scale = numeric_precision_scale(self.typmod) or (None, None)
            return precision, 10, scale
        return None, None, None


def column_types(database: duckdb.DuckDBPyConnection, duckdb_types: list[str]) -> list[ColumnType]:
    """The PostgreSQL type of each DuckDB type, as the encoder will report it."""
    if not duckdb_types:
        return []
    select = ", ".join(f"CAST(NULL AS {t}) AS c{i}" for i, t in enumerate(duckdb_types))
    schema = database.sql(f"SELECT {select} LIMIT 0").to_arrow_table().schema
    return [_column_type(pg_type(field.type)) for field in schema]


# DuckDB's base types (typeof's words); a DECIMAL's precision varies, so it is matched apart.
DUCKDB_TYPES = ["BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UBIGINT", "FLOAT", "DOUBLE", "VARCHAR", "BLOB",
                "DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "INTERVAL", "UUID", "JSON"]


def type_oids(database: duckdb.DuckDBPyConnection) -> list[dict]:
    """DuckDB type name (as typeof() writes it) -> the OID a value of it is sent as (pg_typeof)."""
    names = DUCKDB_TYPES + [f"{t}[]" for t in DUCKDB_TYPES]
    return [{"duckdb": name, "oid": t.oid} for name, t in zip(names, column_types(database, names))]


def builtin_column_type(oid: int, typmod: int = -1) -> ColumnType:
    """The column type of a built-in type OID and modifier (name is 19, oid 26)."""
    return _column_type(SimpleNamespace(oid=oid, typmod=typmod))


def _column_type(wire) -> ColumnType:
    row = BUILTIN.get(wire.oid, BUILTIN[TEXT])
    return ColumnType(
        oid=row[0], typmod=wire.typmod, typname=row[1], typlen=row[2], typbyval=row[3],
        typalign=row[14], typstorage=row[15], collation=row[16],
        formatted=format_type(row[0], wire.typmod),
    )


def arrow_column_types(schema) -> list[ColumnType]:
    """The PostgreSQL type of each field of an Arrow schema."""
    return [_column_type(pg_type(field.type)) for field in schema]


def type_names() -> list[dict]:
    """Rows for format_type and to_regtype: each type's printed name, split at its array suffix."""
    rows = []
    for row in TYPES:
        oid, typname, category, elem = row[0], row[1], row[5], row[8]
        array = category == "A" and elem in BUILTIN
        base = BUILTIN[elem] if array else row
        rows.append({"oid": oid, "typname": typname, "full_name": row[17], "name": base[17],
                     "base": base[0], "suffix": "[]" if array else ""})
    return rows
