"""Byte-level pins for what the BI drivers (pgjdbc, psqlODBC) rely on, found by
comparing their traffic with PostgreSQL 15's answers (tests/clients/ drive the real ones)."""

from __future__ import annotations

import datetime as dt

from duckflight.gateway.pgwire.backend import Outcome
from duckflight.gateway.pgwire.protocol import CancelRegistry, ProtocolConnection
from duckflight.gateway.pgwire.types import decode_param

import pgwire_fakes as f
from pgwire_fakes import FakeBackend


class SqlPrepareBackend(FakeBackend):
    """A fake whose session answers DEALLOCATE / DISCARD as gateway/session.py does."""

    def execute(self, sql, params):
        word = sql.split()[0].upper()
        if word == "DEALLOCATE":
            self.executed.append(sql)
            return Outcome("DEALLOCATE")
        if word == "DISCARD":
            self.executed.append(sql)
            return Outcome("DISCARD ALL")
        return super().execute(sql, params)


def connect():
    conn = ProtocolConnection(SqlPrepareBackend, CancelRegistry())
    send(conn, f.startup(user="alice"))
    return conn


def send(conn, data: bytes) -> bytes:
    return b"".join(bytes(c) for c in conn.receive(data))


def test_sql_deallocate_frees_the_protocol_statement_name():
    # psqlODBC (UseServerSidePrepare=1) reuses one name per statement handle:
    # Parse "_PLAN0x.." ... Query 'DEALLOCATE "_PLAN0x.."', then Parse "_PLAN0x.." again.
    conn = connect()
    name = "_PLAN0x5653323df6c0"
    assert send(conn, f.parse("select $1", name, (23,)) + f.SYNC) == b"1\x00\x00\x00\x04Z\x00\x00\x00\x05I"
    out = send(conn, f.query(f'DEALLOCATE "{name}"'))
    assert out == b"C\x00\x00\x00\x0fDEALLOCATE\x00Z\x00\x00\x00\x05I"
    assert send(conn, f.parse("select $1, $2", name, (23, 23)) + f.SYNC) == b"1\x00\x00\x00\x04Z\x00\x00\x00\x05I"
    assert conn.statements[name].sql == "select $1, $2"


def test_deallocate_folds_unquoted_names_and_reports_unknown_ones():
    conn = connect()
    send(conn, f.parse("select 1", "mixed") + f.parse("select 2", "Other") + f.SYNC)
    assert f.types_of(send(conn, f.query("deallocate prepare MIXED"))) == "CZ"
    assert set(conn.statements) == {"Other"}
    out = f.messages(send(conn, f.query("deallocate Other")))  # folds to "other": not there
    assert [t for t, _ in out] == ["E", "Z"]
    assert f.error_fields(out[0][1])["C"] == "26000"
    assert f.error_fields(out[0][1])["M"] == 'prepared statement "other" does not exist'
    assert set(conn.statements) == {"Other"}


def test_deallocate_all_and_discard_all_drop_every_statement():
    conn = connect()
    send(conn, f.parse("select 1", "a") + f.parse("select 2", "b") + f.SYNC)
    assert f.types_of(send(conn, f.query("DEALLOCATE ALL"))) == "CZ"
    assert conn.statements == {}
    send(conn, f.parse("select 1", "a") + f.SYNC)
    # In the extended protocol too (pgjdbc and poolers send DISCARD ALL so).
    assert f.types_of(send(conn, f.parse("DISCARD ALL") + f.bind() + f.execute() + f.SYNC)) == "12CZ"
    assert "a" not in conn.statements


def test_pgjdbc_date_and_timestamp_parameters_carry_a_zone_that_postgresql_ignores():
    # setDate / setTimestamp: text with the JVM's UTC offset, type unspecified (so the
    # server's inferred type decodes it).
    assert decode_param(1082, 0, b"1995-06-17 +00") == dt.date(1995, 6, 17)
    assert decode_param(1082, 0, b"1995-06-17 +05:30") == dt.date(1995, 6, 17)
    assert decode_param(1082, 0, b"1995-06-17") == dt.date(1995, 6, 17)
    assert decode_param(1114, 0, b"2024-01-31 10:00:00.5+02") == dt.datetime(2024, 1, 31, 10, 0, 0, 500000)
    assert decode_param(1114, 0, b"2024-01-31 10:00:00") == dt.datetime(2024, 1, 31, 10, 0, 0)
