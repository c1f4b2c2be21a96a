"""Arrays: Arrow lists out as PostgreSQL arrays (OIDs, array_out text, array_send binary),
array parameters in (array_in text, array_recv binary), and the SQL rules around them.

Every expected text and hex string below is what PostgreSQL 15 returned for the SQL
in the case's comment (``select <sql>`` in text and in binary format).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pyarrow as pa
import pytest
import sqlglot

from duckflight.gateway.core.params import BoundParam
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.pgwire.encoder import describe_fields
from duckflight.gateway.pgwire.types import decode_param, encode_column, pg_type
from duckflight.gateway.pgwire.types.arrays import ARRAY_OIDS
from duckflight.gateway.planner.array_literals import array_literals
from duckflight.gateway.planner.bind_parameters import bind_parameters
from duckflight.gateway.planner.infer_parameters import infer_parameters, parameter_oids
from duckflight.gateway.planner.planner import parse
from duckflight.gateway.system.generated.builtin_types import TYPES
from duckflight.gateway.system.oid_arrays import oid_arrays
from duckflight.gateway.system.reg_casts import qualify_alias_arrays

UTC = dt.timezone.utc
I32 = pa.list_(pa.int32())

# (PostgreSQL expression, Arrow values and type, array OID, text, binary hex)
CASES = [
    ("array[1::int2, null]", [[1, None]], pa.list_(pa.int16()), 1005, "{1,NULL}",
     "0000000100000001000000150000000200000001000000020001ffffffff"),
    ("array[1, 2, null]::int4[]", [[1, 2, None]], I32, 1007, "{1,2,NULL}",
     "000000010000000100000017000000030000000100000004000000010000000400000002ffffffff"),
    ("array[5::int8]", [[5]], pa.list_(pa.int64()), 1016, "{5}",
     "0000000100000000000000140000000100000001000000080000000000000005"),
    ("array[1.5::float4, 'NaN', 'Infinity', 1e20]", [[1.5, float("nan"), float("inf"), 1e20]],
     pa.list_(pa.float32()), 1021, "{1.5,NaN,Infinity,1e+20}",
     "0000000100000000000002bc0000000400000001000000043fc00000000000047fc00000000000047f8000000000000460ad78ec"),
    ("array[2.5::float8, '-Infinity', 1e-7]", [[2.5, float("-inf"), 1e-7]], pa.list_(pa.float64()), 1022,
     "{2.5,-Infinity,1e-07}",
     "0000000100000000000002bd000000030000000100000008400400000000000000000008fff0000000000000000000083e7ad7f29abcaf48"),
    ("array[1.50::numeric(10,2), -12345.67, null]", [[Decimal("1.50"), Decimal("-12345.67"), None]],
     pa.list_(pa.decimal128(10, 2)), 1231, "{1.50,-12345.67,NULL}",
     "0000000100000001000006a400000003000000010000000c0002000000000002000113880000000e0003000140000002000109291a2cffffffff"),
    ("array[true, false, null]", [[True, False, None]], pa.list_(pa.bool_()), 1000, "{t,f,NULL}",
     "000000010000000100000010000000030000000100000001010000000100ffffffff"),
    ("""array['a', 'b c', '', 'NULL', 'x"y', 'a\\b', e'\\t', e'\\x0b', 'é', '{}', null]""",
     [["a", "b c", "", "NULL", 'x"y', "a\\b", "\t", "\x0b", "é", "{}", None]], pa.list_(pa.string()), 1009,
     '{a,"b c","","NULL","x\\"y","a\\\\b","\t","\x0b",é,"{}",NULL}',
     "0000000100000001000000190000000b0000000100000001610000000362206300000000000000044e554c4c00000003782279"
     "00000003615c620000000109000000010b00000002c3a9000000027b7dffffffff"),
    ("array['2024-01-02'::date, null]", [[dt.date(2024, 1, 2), None]], pa.list_(pa.date32()), 1182,
     "{2024-01-02,NULL}", "00000001000000010000043a0000000200000001000000040000223fffffffff"),
    ("array['2024-01-02 03:04:05.5'::timestamp]", [[dt.datetime(2024, 1, 2, 3, 4, 5, 500000)]],
     pa.list_(pa.timestamp("us")), 1115, '{"2024-01-02 03:04:05.5"}',
     "00000001000000000000045a0000000100000001000000080002b0ec851d9460"),
    ("array['2024-01-02 03:04:05.5+00'::timestamptz]", [[dt.datetime(2024, 1, 2, 3, 4, 5, 500000, tzinfo=UTC)]],
     pa.list_(pa.timestamp("us", tz="UTC")), 1185, '{"2024-01-02 03:04:05.5+00"}',
     "0000000100000000000004a00000000100000001000000080002b0ec851d9460"),
    ("array['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid]",
     [[uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").bytes]], pa.list_(pa.uuid()), 2951,
     "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
     "000000010000000000000b86000000010000000100000010a0eebc999c0b4ef8bb6d6bb9bd380a11"),
    ("array['1 day 02:00:00'::interval]", [[pa.MonthDayNano([0, 1, 2 * 3600 * 10**9])]],
     pa.list_(pa.month_day_nano_interval()), 1187, '{"1 day 02:00:00"}',
     "0000000100000000000004a200000001000000010000001000000001ad2748000000000100000000"),
    ("array['\\xdead'::bytea]", [[b"\xde\xad"]], pa.list_(pa.binary()), 1001, '{"\\\\xdead"}',
     "000000010000000000000011000000010000000100000002dead"),
    ("array['01:02:03.5'::time]", [[dt.time(1, 2, 3, 500000)]], pa.list_(pa.time64("us")), 1183, "{01:02:03.5}",
     "00000001000000000000043b00000001000000010000000800000000ddf019e0"),
    ("""array['{"a": 1}'::json]""", [['{"a": 1}']], pa.list_(pa.json_()), 199, '{"{\\"a\\": 1}"}',
     "0000000100000000000000720000000100000001000000087b2261223a20317d"),
    ("array[array[1,null],array[3,4]]", [[[1, None], [3, 4]]], pa.list_(I32), 1007, "{{1,NULL},{3,4}}",
     "000000020000000100000017000000020000000100000002000000010000000400000001ffffffff00000004000000030000000400000004"),
    ("'{}'::int4[]", [[]], I32, 1007, "{}", "000000000000000000000017"),
    ("array[array[]::int[], array[]::int[]]", [[[], []]], pa.list_(I32), 1007, "{}", "000000000000000000000017"),
    ("null::int[]", [None], I32, 1007, None, None),
]
IDS = [c[0] for c in CASES]


def cells(values, t, fmt: int) -> list:
    if isinstance(t.value_type, pa.BaseExtensionType):  # pa.array cannot build these from Python values
        arr = pa.array(values, pa.list_(t.value_type.storage_type)).view(t)
    else:
        arr = pa.array(values, t)
    return encode_column(arr, fmt).to_pylist()


@pytest.mark.parametrize("sql, values, t, oid, text, binary", CASES, ids=IDS)
def test_text_and_binary_as_postgres_sends_them(sql, values, t, oid, text, binary):
    assert pg_type(t).oid == oid
    assert cells(values, t, 0) == [None if text is None else text.encode()]
    assert cells(values, t, 1) == [None if binary is None else bytes.fromhex(binary)]


@pytest.mark.parametrize("sql, values, t, oid, text, binary", CASES, ids=IDS)
def test_parameters_read_what_postgres_sends(sql, values, t, oid, text, binary):
    if text is None or oid == 1187:  # interval parameters in text stay strings
        return
    from_text, from_binary = decode_param(oid, 0, text.encode()), decode_param(oid, 1, bytes.fromhex(binary))
    assert isinstance(from_text, list) and _same(from_text, from_binary)


def _same(a, b) -> bool:
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float):  # NaN is NaN; a float4 read from text is a float8
        return a == b or a != a and b != b or abs(a - b) <= 1e-7 * abs(a)
    return a == b


def test_array_oids_are_pg_types_typarray():
    typarray = {row[0]: row[9] for row in TYPES}
    assert ARRAY_OIDS == {element: typarray[element] for element in ARRAY_OIDS}


def test_array_types():
    assert pg_type(pa.list_(pa.decimal128(10, 2))).typmod == (10 << 16 | 2) + 4  # the element's modifier
    assert pg_type(pa.large_list(pa.int32())).oid == pg_type(pa.list_(pa.int32(), 2)).oid == 1007
    assert pg_type(pa.list_(pa.list_(pa.string()))).oid == 1009
    assert pg_type(pa.list_(pa.struct([("a", pa.int8())]))).binary is None  # json from structs: text only
    with pytest.raises(SqlError) as e:
        describe_fields(pa.schema([("s", pa.list_(pa.struct([("a", pa.int8())])))]), [1])
    assert e.value.sqlstate == "0A000"


def test_fixed_size_large_sliced_and_chunked_lists():
    fixed = pa.array([[1, 2], [3, None]], pa.list_(pa.int32(), 2))
    assert encode_column(fixed, 0).to_pylist() == [b"{1,2}", b"{3,NULL}"]
    large = pa.array([[1], None, []], pa.large_list(pa.int64()))
    assert encode_column(large, 1).to_pylist()[1:] == [None, bytes.fromhex("000000000000000000000014")]
    sliced = pa.array([[9, 9], [1, None], [], [[7]][0]], I32).slice(1, 2)
    assert encode_column(sliced, 0).to_pylist() == [b"{1,NULL}", b"{}"]
    assert encode_column(sliced, 1).to_pylist() == [
        bytes.fromhex("00000001000000010000001700000002000000010000000400000001ffffffff"),
        bytes.fromhex("000000000000000000000017")]
    nested = pa.array([[[1]], [[2, 3], [4, 5]]], pa.list_(I32)).slice(1)
    assert encode_column(nested, 0).to_pylist() == [b"{{2,3},{4,5}}"]


@pytest.mark.parametrize("values", [[[[1, 2], [3]]], [[[1], None]]], ids=["ragged", "null sub-array"])
def test_binary_refuses_what_postgres_arrays_cannot_be(values):
    with pytest.raises(SqlError) as e:
        encode_column(pa.array(values, pa.list_(I32)), 1)
    assert e.value.sqlstate == "2202E"


@pytest.mark.parametrize("oid, text, value", [
    (1007, "{1, 2 ,NULL}", [1, 2, None]),
    (1009, '{"a b","",NULL,"NULL",null,x\\,y, spaced }', ["a b", "", None, "NULL", None, "x,y", "spaced"]),
    (1016, "{{1,2},{3,4}}", [[1, 2], [3, 4]]),
    (1007, "[0:1]={1,2}", [1, 2]),
    (1009, "{}", []),
    (1182, "{2024-01-02}", [dt.date(2024, 1, 2)]),
    (1000, "{t,f}", [True, False]),
])
def test_text_parameters(oid, text, value):
    assert decode_param(oid, 0, text.encode()) == value


@pytest.mark.parametrize("text", ["{1,2", "1,2", "{1,2}x", '{"a}', "{{1},2}x", "[1,2]"])
def test_malformed_text_parameters(text):
    with pytest.raises(SqlError) as e:
        decode_param(1007, 0, text.encode())
    assert e.value.sqlstate == "22P02"


def test_binary_parameters():
    # What asyncpg sends for [1007] as oid[] and for ['x', None] as text[].
    oids = bytes.fromhex("00000001" "00000000" "0000001a" "00000001" "00000001" "00000004" "000003ef")
    assert decode_param(1028, 1, oids) == [1007]
    texts = bytes.fromhex("00000001" "00000001" "00000019" "00000002" "00000001" "00000001" "78" "ffffffff")
    assert decode_param(1009, 1, texts) == ["x", None]
    assert decode_param(1007, 1, bytes.fromhex("000000000000000000000017")) == []
    with pytest.raises(SqlError) as e:
        decode_param(1007, 1, bytes.fromhex("000000010000000000000017000000010000000100000004000000"))
    assert e.value.sqlstate == "22P03"


@pytest.mark.parametrize("oid, value, sql", [
    (1007, [1, None, 3], "CAST([1, NULL, 3] AS INT[])"),
    (1009, ["a", None, "it's"], "CAST(['a', NULL, 'it''s'] AS TEXT[])"),
    (1016, [[1, 2], [3, 4]], "CAST([[1, 2], [3, 4]] AS BIGINT[][])"),
    (1007, [], "CAST([] AS INT[])"),
    (1182, [dt.date(2024, 1, 2)], "CAST(['2024-01-02'] AS DATE[])"),
    (1001, [b"\x01"], "CAST([CAST('\\x01' AS BLOB)] AS BLOB[])"),
    (1231, [Decimal("1.25"), None], "[1.25, NULL]"),  # numeric keeps its literals' precision
])
def test_array_parameters_bind_as_lists(oid, value, sql):
    tree = bind_parameters(parse("select $1"), [BoundParam(oid, value)])
    assert tree.sql("duckdb") == f"SELECT {sql}"


def test_cast_array_parameters_take_the_values_dimensions():
    def bound(oid, value):
        return array_literals(bind_parameters(parse("select $1::int[]"), [BoundParam(oid, value)])).sql("duckdb")

    assert bound(1016, [[1, 2]]) == "SELECT CAST(CAST([[1, 2]] AS BIGINT[][]) AS INT[][])"
    assert bound(0, "{1,2}") == "SELECT CAST(['1', '2'] AS INT[])"  # untyped: read as an array constant


@pytest.mark.parametrize("sql, oids", [
    ("select $1::int[]", [1007]), ("select $1::text[][]", [1009]), ("select $1::oid[]", [1028]),
    ("select $1::oid", [26]), ("select $1::numeric[]", [1231]),
    ("select 1 from t where k = any($1)", [1016]),
    ("select 1 from generate_series(1, 2) g(x) where x = any($1)", [1009]),  # x untyped: still an array
])
def test_array_parameter_types(sql, oids):
    from duckflight.gateway.catalog import Catalog, Table
    catalog = Catalog({"t": Table("t", "parquet", [], [("k", "BIGINT")])})
    assert parameter_oids(infer_parameters(parse(sql), catalog), []) == oids


def test_alias_type_arrays_parse():
    assert qualify_alias_arrays("select $1::oid[], cast(x as regtype [ ]), t.oid[1], '::oid[]' -- ::oid[]") == \
        "select $1::pg_catalog.oid[], cast(x as pg_catalog.regtype [ ]), t.oid[1], '::oid[]' -- ::oid[]"
    assert parse("select $1::oid[]").sql("postgres") == "SELECT CAST($1 AS pg_catalog.oid[])"


def test_catalog_bigint_arrays_are_oid_arrays():
    batch = pa.record_batch({"n": pa.array([1], pa.int64()), "oids": pa.array([[23, None]], pa.list_(pa.int64()))})
    retyped = oid_arrays(batch)
    assert [pg_type(f.type).oid for f in retyped.schema] == [20, 1028]
    assert encode_column(retyped.column(1), 1).to_pylist() == [
        bytes.fromhex("00000001000000010000001a00000002000000010000000400000017ffffffff")]
    assert oid_arrays(pa.schema([("n", pa.int64())])) == pa.schema([("n", pa.int64())])


def test_array_literal_rule():
    tree = array_literals(sqlglot.parse_one("select '{1,NULL}'::int[], '{{a,\"b c\"}}'::text[], '{}'::int[][]",
                                            read="postgres"))
    assert tree.sql("duckdb") == \
        "SELECT CAST(['1', NULL] AS INT[]), CAST([['a', 'b c']] AS TEXT[][]), CAST([] AS INT[])"
    with pytest.raises(SqlError) as e:
        array_literals(sqlglot.parse_one("select '{1'::int[]", read="postgres"))
    assert e.value.sqlstate == "22P02"


def test_numeric_arrays_keep_every_digit():
    from duckflight.gateway.planner.postgres_casts import postgres_casts

    def planned(sql, *params):
        tree = bind_parameters(parse(sql), [BoundParam(1231, p) for p in params])
        return postgres_casts(array_literals(tree)).sql("duckdb")

    assert planned("select $1::numeric[]", [Decimal("1.2345"), None, Decimal("-120")]) == \
        "SELECT CAST([1.2345, NULL, -120] AS DECIMAL(7, 4)[])"
    assert planned("select '{-1.5,22.25}'::numeric[]") == "SELECT CAST(['-1.5', '22.25'] AS DECIMAL(4, 2)[])"
    assert planned("select x::numeric[]") == "SELECT CAST(x AS DECIMAL[])"  # not a constant: DuckDB's cast
