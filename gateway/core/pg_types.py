"""PostgreSQL's type table: the OIDs, names, array types and modifiers every layer speaks of.

The rows are PostgreSQL 15's own (pg_type.dat, in ``system/generated/builtin_types.py``, written by
``system/generate.py`` from a real server); this module names the OIDs the code uses, maps
each type to its array type and back (typarray/typelem), and reads and writes type
modifiers as PostgreSQL does (numeric's packed precision and scale, the length of varchar
and bpchar: format_type.c, numeric.c's make_numeric_typmod).

>>> ARRAY_OF[INT4], ELEMENT_OF[1231], format_type(NUMERIC, numeric_typmod(15, 2)), format_type(VARCHAR, 7)
(1007, 1700, 'numeric(15,2)', 'character varying(3)')
>>> numeric_precision_scale(983046), format_type(TIMESTAMPTZ, 3), format_type(1231, -1)
((15, 2), 'timestamp(3) with time zone', 'numeric[]')
"""

from __future__ import annotations

from duckflight.gateway.system.generated.builtin_types import TYPES

# The OIDs the code names (pg_type.dat).
BOOL, BYTEA, CHAR, NAME, INT8, INT2, INT4, TEXT, OID = 16, 17, 18, 19, 20, 21, 23, 25, 26
JSON, FLOAT4, FLOAT8, UNKNOWN = 114, 700, 701, 705
BPCHAR, VARCHAR, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, TIMETZ = 1042, 1043, 1082, 1083, 1114, 1184, 1186, 1266
NUMERIC, UUID, JSONB = 1700, 2950, 3802

# oid -> its row of builtin_types.TYPES (oid, typname, typlen, typbyval, typtype, typcategory,
# typispreferred, typdelim, typelem, typarray, ..., format_type(oid, NULL)).
BUILTIN = {row[0]: row for row in TYPES}
# Element type -> its array type (typarray), and back (an array type's typelem).
ARRAY_OF = {row[0]: row[9] for row in TYPES if row[9]}
ELEMENT_OF = {row[0]: row[8] for row in TYPES if row[5] == "A" and row[8]}
# The string types (PostgreSQL's category S less name): their values are text on the wire.
STRINGS = frozenset({TEXT, VARCHAR, BPCHAR})
# Types whose modifier is a fractional-seconds precision.
WITH_PRECISION = frozenset({TIME, TIMESTAMP, TIMESTAMPTZ, TIMETZ})
VARHDRSZ = 4  # the modifier of varchar(n), bpchar(n) and numeric(p,s) counts this header
# How a numeric with a scale of its own per value travels in DuckDB (worker/numeric_macros.py
# computes with it; planner/postgres_numeric.py writes it; result_types.py prints it).
NUMERIC_STRUCT = "STRUCT(whole DECIMAL(38,0), frac DECIMAL(38,0), scale INTEGER, unscaled DECIMAL(38,0))"


def numeric_typmod(precision: int, scale: int) -> int:
    """numeric(p,s)'s modifier: ((p << 16) | s) + VARHDRSZ (make_numeric_typmod)."""
    return ((precision << 16) | (scale & 0xFFFF)) + VARHDRSZ


def numeric_precision_scale(typmod: int) -> tuple[int, int] | None:
    """(precision, scale) of a numeric modifier, or None for bare numeric (typmod < VARHDRSZ)."""
    if typmod < VARHDRSZ:
        return None
    packed = typmod - VARHDRSZ
    return packed >> 16, packed & 0xFFFF


def type_name(oid: int) -> str:
    """The name PostgreSQL prints for a type in messages (format_type(oid, NULL)); 'unknown' for
    an OID it does not know, as for an untyped literal."""
    return BUILTIN[oid][17] if oid in BUILTIN else "unknown"


def format_type(oid: int, typmod: int | None) -> str:
    """PostgreSQL's format_type for the built-in types, modifiers included ('???' if unknown)."""
    row = BUILTIN.get(oid)
    if row is None:
        return "???"
    if row[5] == "A" and row[8]:
        return format_type(row[8], typmod) + "[]"
    name = row[17]
    if typmod is None or typmod < 0:
        return name
    if oid == NUMERIC and typmod >= VARHDRSZ:
        return f"{name}(%d,%d)" % numeric_precision_scale(typmod)
    if oid in (BPCHAR, VARCHAR) and typmod >= VARHDRSZ:
        return f"{name}({typmod - VARHDRSZ})"
    if oid in WITH_PRECISION:
        base, _, zone = name.partition(" ")
        return f"{base}({typmod}) {zone}"
    return name
