"""Type adapters: OIDs/typmods, text output as PostgreSQL 15 prints it, binary output as
PG's *_send functions produce it, and Bind parameter decoding.

Every expected string/bytes below was checked against a real PostgreSQL 15.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pyarrow as pa
import pytest

from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.pgwire.types import decode_param, encode_column, pg_type

UTC = dt.timezone.utc


def text(values, type=None):
    return [None if v is None else v.decode() for v in encode_column(pa.array(values, type), 0).to_pylist()]


def binary_hex(values, type=None):
    return [None if v is None else v.hex() for v in encode_column(pa.array(values, type), 1).to_pylist()]


@pytest.mark.parametrize("t, oid, typlen, typmod", [
    (pa.int8(), 21, 2, -1), (pa.int16(), 21, 2, -1), (pa.int32(), 23, 4, -1), (pa.int64(), 20, 8, -1),
    (pa.uint8(), 21, 2, -1), (pa.uint16(), 23, 4, -1), (pa.uint32(), 20, 8, -1), (pa.uint64(), 1700, -1, -1),
    (pa.float32(), 700, 4, -1), (pa.float64(), 701, 8, -1), (pa.bool_(), 16, 1, -1),
    (pa.decimal128(15, 2), 1700, -1, (15 << 16 | 2) + 4),
    (pa.string(), 25, -1, -1), (pa.large_string(), 25, -1, -1), (pa.string_view(), 25, -1, -1),
    (pa.binary(), 17, -1, -1), (pa.date32(), 1082, 4, -1), (pa.time64("us"), 1083, 8, -1),
    (pa.timestamp("us"), 1114, 8, -1), (pa.timestamp("ns", tz="UTC"), 1184, 8, -1),
    (pa.month_day_nano_interval(), 1186, 16, -1), (pa.duration("us"), 1186, 16, -1),
    (pa.list_(pa.int32()), 1007, -1, -1), (pa.list_(pa.int64()), 1016, -1, -1),
    (pa.list_(pa.string()), 1009, -1, -1), (pa.list_(pa.float64()), 1022, -1, -1),
    (pa.list_(pa.bool_()), 1000, -1, -1), (pa.list_(pa.struct([("a", pa.int8())])), 199, -1, -1),
    (pa.null(), 25, -1, -1), (pa.dictionary(pa.int32(), pa.string()), 25, -1, -1),
    (pa.uuid(), 2950, 16, -1), (pa.binary(16), 2950, 16, -1),
    (pa.struct([("a", pa.int8())]), 114, -1, -1), (pa.map_(pa.string(), pa.int8()), 114, -1, -1),
])
def test_type_mapping(t, oid, typlen, typmod):
    pt = pg_type(t)
    assert (pt.oid, pt.typlen, pt.typmod) == (oid, typlen, typmod)


def test_float8_text():
    values = [0.1, 1e20, 1e-7, float("inf"), float("-inf"), float("nan"), -0.0, 1e15, 1e14,
              123456789012345.0, 1234567890123456.0, 0.0001, 0.00001, 1.5e300, 5e-324,
              1.7976931348623157e308, 100.0, 123.456, 1e16, 12345678901234567.0, 3.0000000000000004e-05,
              1.0000000000000002, 12345678901.5, None]
    assert text(values) == [
        "0.1", "1e+20", "1e-07", "Infinity", "-Infinity", "NaN", "-0", "1e+15", "100000000000000",
        "123456789012345", "1.234567890123456e+15", "0.0001", "1e-05", "1.5e+300", "5e-324",
        "1.7976931348623157e+308", "100", "123.456", "1e+16", "1.2345678901234568e+16", "3.0000000000000004e-05",
        "1.0000000000000002", "12345678901.5", None]


def test_float4_text():
    values = [0.1, 1e6, 1e5, 123456, 1234567, 0.0001, 0.00001, 3.4028235e38, 1.1, 16777216, 1e-45, -123.4]
    assert text(values, pa.float32()) == [
        "0.1", "1e+06", "100000", "123456", "1.234567e+06", "0.0001", "1e-05", "3.4028235e+38", "1.1",
        "1.6777216e+07", "1e-45", "-123.4"]


def test_scalar_text():
    assert text([1, -2, None], pa.int16()) == ["1", "-2", None]
    assert text([True, False, None]) == ["t", "f", None]
    assert text([Decimal("12.30"), Decimal("0.00"), Decimal("-0.50"), None], pa.decimal128(10, 2)) == ["12.30", "0.00", "-0.50", None]
    assert text(["héllo", "", None]) == ["héllo", "", None]
    assert text([b"\xde\xad\xbe\xef", b"", None]) == ["\\xdeadbeef", "\\x", None]
    assert text([uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").bytes], pa.binary(16)) == ["a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"]
    assert text(["x", "y", "x"], pa.dictionary(pa.int8(), pa.string())) == ["x", "y", "x"]
    assert text([None, None], pa.null()) == [None, None]


def test_datetime_text():
    assert text([dt.date(2024, 1, 31), dt.date(10000 - 1, 12, 31), None]) == ["2024-01-31", "9999-12-31", None]
    assert text([-800000], pa.date32()) == ["0222-09-04 BC"]  # '0044-03-15'::date - 50000 style
    assert text([dt.datetime(2024, 1, 31, 12, 34, 56, 500000), dt.datetime(2024, 1, 31, 12, 34, 56),
                 dt.datetime(2024, 1, 31, 0, 0, 0, 1), dt.datetime(1, 1, 1)], pa.timestamp("us")) == [
        "2024-01-31 12:34:56.5", "2024-01-31 12:34:56", "2024-01-31 00:00:00.000001", "0001-01-01 00:00:00"]
    assert text([dt.datetime(2024, 1, 31, 12, 34, 56, 123456, tzinfo=UTC)], pa.timestamp("ns", tz="UTC")) == [
        "2024-01-31 12:34:56.123456+00"]
    # A time zone on the type (the session's TimeZone) is where the value is shown.
    assert text([dt.datetime(2024, 1, 31, 12, 34, 56)], pa.timestamp("s", tz="Europe/Paris")) == ["2024-01-31 13:34:56+01"]
    assert text([dt.datetime(2024, 7, 1), dt.datetime(1900, 1, 1)], pa.timestamp("us", tz="Asia/Kolkata")) == [
        "2024-07-01 05:30:00+05:30", "1900-01-01 05:21:10+05:21:10"]  # as PG 15 prints them
    assert text([dt.datetime(2024, 1, 1)], pa.timestamp("us", tz="America/New_York")) == ["2023-12-31 19:00:00-05"]
    assert text([dt.time(12, 34, 56, 100000), dt.time(12, 34, 56), dt.time(0, 0, 0, 1)]) == [
        "12:34:56.1", "12:34:56", "00:00:00.000001"]


def test_interval_text():
    mdn = pa.MonthDayNano
    values = [mdn([14, 3, (4 * 3600 + 5 * 60 + 6) * 10**9]), mdn([0, 0, 0]), mdn([0, -1, 0]),
              mdn([0, -1, -(2 * 3600 + 3 * 60 + 4.5) * 10**9]), mdn([1, -1, 3600 * 10**9]), mdn([-3, 0, 0]),
              mdn([0, 0, 100 * 3600 * 10**9]), mdn([0, 0, 1000]), mdn([0, 0, -10**9]), mdn([11, 0, 0])]
    assert text(values, pa.month_day_nano_interval()) == [
        "1 year 2 mons 3 days 04:05:06", "00:00:00", "-1 days", "-1 days -02:03:04.5", "1 mon -1 days +01:00:00",
        "-3 mons", "100:00:00", "00:00:00.000001", "-00:00:01", "11 mons"]
    assert text([dt.timedelta(days=1, seconds=1)], pa.duration("us")) == ["24:00:01"]


def test_array_text():
    assert text([[1, 2, None], [], None], pa.list_(pa.int32())) == ["{1,2,NULL}", "{}", None]
    assert text([["a", "", "b c", "NULL", "null", "x,y", "{}", '"q"', "back\\slash", "é", None, "{x}", 'a"b']]) == [
        '{a,"","b c","NULL","null","x,y","{}","\\"q\\"","back\\\\slash",é,NULL,"{x}","a\\"b"}']
    assert text([[True, False]]) == ["{t,f}"]
    assert text([[1.5, float("nan")]]) == ["{1.5,NaN}"]
    assert text([[Decimal("1.50")]], pa.list_(pa.decimal128(4, 2))) == ["{1.50}"]
    assert text([[dt.datetime(2024, 1, 1)]], pa.list_(pa.timestamp("us"))) == ['{"2024-01-01 00:00:00"}']
    assert text([[[1, 2], [3, 4]]]) == ["{{1,2},{3,4}}"]
    assert text([["  lead"]]) == ['{"  lead"}']
    sliced = pa.array([[9], [1, None], ["x"][:0]], pa.list_(pa.int64())).slice(1)
    assert [v.decode() for v in encode_column(sliced, 0).to_pylist()] == ["{1,NULL}", "{}"]


def test_binary_output():  # hex of what PG's *_send functions return
    assert binary_hex([1, None], pa.int16()) == ["0001", None]
    assert binary_hex([-2], pa.int32()) == ["fffffffe"]
    assert binary_hex([1], pa.int8()) == ["0001"]
    assert binary_hex([5], pa.int64()) == ["0000000000000005"]
    assert binary_hex([1.5]) == ["3ff8000000000000"]
    assert binary_hex([1.5], pa.float32()) == ["3fc00000"]
    assert binary_hex([True, False]) == ["01", "00"]
    assert binary_hex(["hé"]) == ["68c3a9"]
    assert binary_hex([b"\x00\x01"]) == ["0001"]
    assert binary_hex([dt.date(2000, 1, 2)]) == ["00000001"]
    assert binary_hex([dt.datetime(2000, 1, 1, 0, 0, 1)], pa.timestamp("us")) == ["00000000000f4240"]
    assert binary_hex([dt.datetime(2000, 1, 1, 0, 0, 1, tzinfo=UTC)], pa.timestamp("ms", tz="UTC")) == ["00000000000f4240"]
    assert binary_hex([dt.time(0, 0, 1)]) == ["00000000000f4240"]
    assert binary_hex([uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").bytes], pa.binary(16)) == ["a0eebc999c0b4ef8bb6d6bb9bd380a11"]
    assert binary_hex([Decimal("-12345.678")], pa.decimal128(12, 3)) == ["0003000140000003000109291a7c"]
    assert binary_hex([Decimal("0.00")], pa.decimal128(5, 2)) == ["0000000000000002"]
    assert binary_hex([Decimal("0.0001")], pa.decimal128(8, 4)) == ["0001ffff000000040001"]
    assert binary_hex([Decimal("10000")], pa.decimal128(8, 0)) == ["00010001000000000001"]
    assert binary_hex([pa.MonthDayNano([1, 2, 3 * 10**9])], pa.month_day_nano_interval()) == ["00000000002dc6c00000000200000001"]


def test_binary_refused_for_types_without_it():
    with pytest.raises(SqlError) as e:
        encode_column(pa.array([{"a": 1}]), 1)  # json from a struct: text only
    assert e.value.sqlstate == "0A000"


@pytest.mark.parametrize("oid, fmt, data, value", [
    (0, 0, b"hello", "hello"), (25, 0, b"x", "x"), (999999, 0, b"?", "?"), (25, 1, b"h\xc3\xa9", "hé"),
    (23, 0, b"42", 42), (23, 1, b"\x00\x00\x00\x2a", 42), (21, 1, b"\xff\xfe", -2), (20, 1, b"\x00" * 7 + b"\x05", 5),
    (701, 0, b"1.5", 1.5), (701, 1, bytes.fromhex("3ff8000000000000"), 1.5), (700, 1, bytes.fromhex("3fc00000"), 1.5),
    (16, 0, b"t", True), (16, 1, b"\x00", False), (1700, 0, b"12.30", Decimal("12.30")),
    (1700, 1, bytes.fromhex("0003000140000003000109291a7c"), Decimal("-12345.678")),
    (17, 0, b"\\xdead", b"\xde\xad"), (17, 1, b"\x01\x02", b"\x01\x02"),
    (1082, 0, b"2024-01-31", dt.date(2024, 1, 31)), (1082, 1, b"\x00\x00\x00\x01", dt.date(2000, 1, 2)),
    (1083, 1, bytes.fromhex("00000000000f4240"), dt.time(0, 0, 1)),
    (1114, 0, b"2024-01-31 12:34:56.5", dt.datetime(2024, 1, 31, 12, 34, 56, 500000)),
    (1114, 1, bytes.fromhex("00000000000f4240"), dt.datetime(2000, 1, 1, 0, 0, 1)),
    (1184, 0, b"2024-01-31 13:34:56+01", dt.datetime(2024, 1, 31, 12, 34, 56, tzinfo=UTC)),
    (1184, 1, bytes.fromhex("00000000000f4240"), dt.datetime(2000, 1, 1, 0, 0, 1, tzinfo=UTC)),
    (2950, 0, b"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
    (2950, 1, bytes.fromhex("a0eebc999c0b4ef8bb6d6bb9bd380a11"), uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
    (23, 0, None, None),
])
def test_decode_param(oid, fmt, data, value):
    got = decode_param(oid, fmt, data)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("oid, fmt, data, state", [
    (23, 0, b"x", "22P02"), (23, 1, b"\x00", "22P03"), (999999, 1, b"\x00", "0A000"),
])
def test_decode_param_errors(oid, fmt, data, state):
    with pytest.raises(SqlError) as e:
        decode_param(oid, fmt, data)
    assert e.value.sqlstate == state
