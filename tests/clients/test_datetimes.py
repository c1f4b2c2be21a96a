"""Dates, times, time zones and intervals as PostgreSQL 15 answers them, seen through psycopg.

Both servers hold the same ``events`` table: instants seven hours and 13 minutes apart across
the 2021 daylight-saving changes of New York, with their naive timestamps, dates,
intervals of months, days and times, and text. duckflight keeps it in two Parquet
files, so each of its two workers reads one and computes in the session's TimeZone (casts,
date_trunc, extract, to_char, interval arithmetic); ``test_fragments_compute_on_workers``
checks that these queries do run there. Every query runs under three TimeZone settings, in
text and in binary, as a simple query and as a prepared statement; the column names, type
OIDs, modifiers and rows must be PostgreSQL's. The clock (now(), current_date, ...) cannot
be compared value by value: its types and names are, and what PostgreSQL promises of it
(stable in a transaction, statement_timestamp() per statement) is checked on both servers.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

import asyncpg
import duckdb
import psycopg
import pytest

from inprocess import cluster  # noqa: E402  (tests/clients/conftest.py puts integration/ on the path)
from pg15 import postgres15

ZONES = ["America/New_York", "Asia/Kolkata", "UTC"]
START = dt.datetime(2021, 3, 12, 20, 0)  # UTC; New York moves its clocks on 2021-03-14 and 2021-11-07


def _rows() -> list[str]:
    """The events as SQL rows both databases read the same way."""
    rows = []
    for i in range(240):
        at = START + dt.timedelta(minutes=433 * i) + (dt.timedelta(days=230) if i >= 120 else dt.timedelta())
        # Parquet keeps intervals as unsigned months, days and milliseconds.
        interval = f"{i % 3} months {i % 5} days {(i * 97 * 60_000 + i * 11) * 1000} microseconds"
        rows.append(f"({i}, TIMESTAMP '{at:%Y-%m-%d %H:%M:%S}', TIMESTAMPTZ '{at:%Y-%m-%d %H:%M:%S}+00', "
                    f"DATE '{(at - dt.timedelta(days=i % 4)):%Y-%m-%d}', INTERVAL '{interval}', "
                    f"'{at + dt.timedelta(hours=i % 24):%Y-%m-%d %H:%M}')")
    return rows


COLUMNS = "id INTEGER, ts TIMESTAMP, tstz TIMESTAMPTZ, d DATE, iv INTERVAL, note VARCHAR"


@pytest.fixture(scope="module")
def servers():
    """(duckflight URL, PostgreSQL URL), both with the events table."""
    folder = Path(tempfile.mkdtemp(prefix="duckflight-datetimes-"))
    try:
        (folder / "data" / "events").mkdir(parents=True)
        rows = _rows()
        con = duckdb.connect()
        for part, chunk in enumerate((rows[:120], rows[120:])):
            con.execute(f"CREATE OR REPLACE TABLE events ({COLUMNS})")
            con.execute(f"INSERT INTO events VALUES {', '.join(chunk)}")
            con.execute(f"COPY events TO '{folder}/data/events/part-{part}.parquet' (FORMAT parquet)")
        con.close()
        with postgres15(folder / "pg") as pg_url, cluster(str(folder / "data")) as (url, _, _):
            with psycopg.connect(pg_url, autocommit=True) as pg:
                pg.execute(f"CREATE TABLE events ({COLUMNS.replace('VARCHAR', 'text')})")
                pg.execute(f"INSERT INTO events VALUES {', '.join(rows)}")
            yield url, pg_url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def result(url: str, sql: str, zone: str, binary: bool = False, prepare: bool = False, params=None):
    """(columns as (name, OID, modifier), rows), or the SQLSTATE of the error."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"SET TimeZone = '{zone}'")
        cursor = conn.cursor(binary=binary)
        try:
            cursor.execute(sql, params, prepare=prepare)
        except psycopg.Error as error:
            return error.sqlstate
        res = cursor.pgresult
        columns = [(res.fname(i).decode(), res.ftype(i), res.fmod(i)) for i in range(res.nfields)]
        if cursor.description is None:  # a command: no rows
            return columns, []
        try:
            return columns, cursor.fetchall()
        except psycopg.DataError as error:  # a value psycopg cannot load (a binary infinity)
            return columns, type(error).__name__


LITERALS = {
    "time zones": "select date_trunc('day', timestamptz '2021-06-01 02:30:00+00'), date '2021-06-01'::timestamptz",
    "arithmetic across daylight saving": (
        "select timestamptz '2021-03-13 12:00:00-05' + interval '1 day', timestamptz '2021-03-13 12:00:00-05' "
        "+ interval '24 hours', timestamptz '2021-11-06 12:00:00-04' + interval '1 day 2 hours', "
        "timestamptz '2021-03-15 00:00:00+00' - timestamptz '2021-03-13 00:00:00+00', "
        "timestamptz '2021-01-31 12:00-05' + interval '1 month'"),
    "casts": (
        "select timestamptz '2021-06-01 02:30:00+00'::timestamp, timestamptz '2021-06-01 02:30:00+00'::date, "
        "timestamptz '2021-06-01 02:30:00+00'::text, timestamp '2021-06-01 02:30:00'::timestamptz, "
        "'2021-06-01 02:30'::timestamptz, timestamptz '2021-06-01 02:30:00+00'::time, date '2021-06-01'::timestamp"),
    "extract and date_part": (
        "select extract(hour from timestamptz '2021-06-01 02:30:00+00'), date_part('day', timestamptz "
        "'2021-06-01 02:30:00+00'), extract(epoch from timestamptz '2021-06-01 02:30:00.5+00'), extract(second "
        "from timestamp '2021-01-01 00:00:01.5'), extract(milliseconds from time '10:00:01.5'), extract(timezone "
        "from timestamptz '2021-06-01 00:00:00+00'), extract(year from date '0044-03-15 BC'), extract(century "
        "from date '2000-06-01'), extract(epoch from interval '1 year 1 month 1.5 seconds'), extract(quarter "
        "from interval '-14 months'), date_part('epoch', date '2021-06-06'), extract(isoyear from date '2021-01-01')"),
    "to_char": (
        "select to_char(timestamptz '2021-06-01 02:30:00+00', 'YYYY-MM-DD HH24:MI:SS TZ OF'), to_char(timestamp "
        "'2021-06-01 14:05:06.789', 'FMDay, DDth FMMonth YYYY HH12:MI:SS.MS AM \"week\" WW IW Q J RM'), "
        "to_char(date '2021-06-01', 'Dy Mon DD YYYY TZ'), to_char(interval '1 day 26:03:04.5', 'DD HH24:MI:SS.US'), "
        "to_char(timestamp '0044-03-15 10:00 BC', 'Y,YYY YYYY BC CC')"),
    "at time zone": (
        "select timestamptz '2021-06-01 02:30:00+00' at time zone 'UTC', timestamp '2021-06-01 02:30:00' at time "
        "zone 'Asia/Kolkata', timestamptz '2021-06-01 02:30:00+00' at time zone 'america/denver', timestamptz "
        "'2021-06-01 02:30:00+00' at time zone 'UTC+3', timestamptz '2021-06-01 02:30:00+00' at time zone "
        "'+05:30', timestamptz '2021-06-01 02:30:00+00' at time zone interval '-08:00', timezone('UTC', "
        "timestamp '2021-06-01 02:30:00')"),
    "intervals": "select interval '2 days 03:04:05', timestamp '2000-01-01' + interval '1 day 06:00:00'",
    "interval input": (
        "select interval '1 year 2 months 3 days 04:05:06.789', interval '-1 day', interval 'P1Y2M', "
        "interval '1.5 hours', interval '3 weeks', interval '@ 1 minute ago', interval '1' day, interval '1-2', "
        "interval '1 2:03' day to minute, interval 'P0001-02-03T04:05:06', interval '1 day -02:03:04', "
        "interval(3) '1.23456 seconds', interval '1.5 years', '1:02'::interval minute to second"),
    "interval arithmetic": (
        "select interval '1 day' * 2.5, interval '1 month' / 3, interval '10 days' - interval '1 month', "
        "-interval '1 day', justify_hours(interval '27 hours'), justify_days(interval '35 days'), "
        "justify_interval(interval '1 month -1 hour'), date '2021-06-01' - date '2021-01-01', "
        "age(timestamp '2021-03-01', timestamp '2020-01-15'), date_trunc('hour', interval '1 day 05:30:00')"),
    "special values": (
        "select timestamp 'infinity', timestamp '-infinity', timestamp 'epoch', date 'infinity', time 'allballs', "
        "timestamptz 'epoch', date '0044-03-15 BC', timestamp '0044-03-15 10:00 BC', timetz '10:00:00.5+05:30', "
        "date 'today' = current_date, timestamp 'tomorrow' = current_date + 1"),
    "more operators": (
        "select date '2021-06-01' + time '10:00', timestamp '2021-06-01' + time '10:00:01.5', isfinite(interval "
        "'1 day'), time '24:00:00', time '23:59:60', timestamp '2021-12-31 23:59:60', "
        "generate_series(date '2021-03-13', date '2021-03-15', interval '1 day')"),
    "written as text": "select (interval '-1 day +02:03:04')::text, interval '1 year -2 mons' || '!', "
                       "date '0044-03-15 BC'::text, timestamp '0044-03-15 10:00 BC'::text, date 'infinity'::text",
    "parts of infinity": "select date_part('year', date 'infinity'), date_part('epoch', timestamp '-infinity'), "
                         "extract(day from date 'infinity'), extract(hour from timestamp '-infinity')",
    "names of typed literals": "select timestamp '2021-01-01', timestamptz '2021-01-01 00:00+00', time '10:00', "
                               "interval '1 day' as x, date_trunc('month', date '2021-06-15') m, "
                               "(date '2021-01-01', date '2021-02-01') overlaps (date '2021-01-15', date '2021-03-01')",
}

TABLE = {
    "rows in the session's zone": (
        "select id, tstz, tstz::date, tstz::timestamp, tstz::text, date_trunc('day', tstz), extract(hour from tstz), "
        "date_part('epoch', tstz), to_char(tstz, 'YYYY-MM-DD HH24:MI TZ'), tstz + interval '1 day', "
        "tstz at time zone 'UTC', ts::timestamptz, d::timestamptz from events order by id"),
    "groups by local day": "select date_trunc('day', tstz) d, count(*), min(tstz), max(ts) from events group by 1 order by 1",
    "groups by hour of the day": "select extract(hour from tstz) h, count(*) from events group by 1 order by 1",
    "intervals of the table": (
        "select id, iv, ts + iv, d + iv, tstz + iv, extract(epoch from iv), justify_interval(iv), "
        "to_char(iv, 'HH24:MI:SS'), extract(hour from iv), iv * 2 from events order by id"),
    "sums of intervals": "select d, sum(iv), avg(iv), min(iv), max(iv), count(*) from events group by d order by d",
    "as text": "select id, iv::text, 'took ' || iv, (-iv)::text, (iv - interval '1 month 3 days')::varchar(12), "
               "d::text, ts::text from events order by id",
    "sum of all intervals": "select sum(iv), avg(iv) from events",
    "differences": (
        "select id, d - date '2021-01-01', tstz - timestamptz '2021-03-14 00:00:00+00', ts - timestamp '2021-01-01', "
        "age(ts, timestamp '2021-01-01') from events order by id"),
    "filters on local times": "select id from events where tstz >= timestamptz '2021-03-14 03:00' "
                              "and tstz < '2021-03-15'::timestamptz order by id",
    "dates written out": "select id, to_char(d, 'FMDay DDth Month YYYY'), to_char(ts, 'Dy HH12:MI AM'), "
                         "to_timestamp(note, 'YYYY-MM-DD HH24:MI') from events order by id",
}
CASES = {**LITERALS, **TABLE}


@pytest.mark.parametrize("prepare", [False, True], ids=["simple", "prepared"])
@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("name", list(CASES))
def test_same_answer_as_postgresql(servers, name, zone, binary, prepare):
    ours, theirs = (result(url, CASES[name], zone, binary, prepare) for url in servers)
    assert ours == theirs


def test_fragments_compute_on_workers(servers):
    """The table's queries run their date/time expressions in the workers' fragments."""
    with psycopg.connect(servers[0], autocommit=True) as conn:
        conn.execute("SET TimeZone = 'America/New_York'")
        for name in ("rows in the session's zone", "groups by local day", "groups by hour of the day"):
            plan = "\n".join(r[0] for r in conn.execute("explain " + TABLE[name]))
            stage = next(line for line in plan.splitlines() if "SQL:" in line and "FROM \"events\"" in line)
            assert "block over events" in plan and "2 fragment(s)" in plan, plan
            assert "DATE_PART" in stage or "DATE_TRUNC" in stage, plan


ERRORS = {
    "interval syntax": "select interval 'abc'",
    "interval field out of range": "select interval '1-13'",
    "unit a date does not have": "select extract(hour from date '2021-06-06')",
    "unknown unit": "select extract(fortnight from timestamp '2021-06-06')",
    "day out of range": "select date '2021-02-30'",
    "unknown zone": "select timestamptz '2021-06-01 02:30:00+00' at time zone 'Mars/Olympus'",
    "day name of an interval": "select to_char(interval '1 day', 'Day')",
    "date text": "select 'not a date'::date",
}


@pytest.mark.parametrize("name", list(ERRORS))
def test_same_errors_as_postgresql(servers, name):
    ours, theirs = (result(url, ERRORS[name], "America/New_York") for url in servers)
    assert isinstance(theirs, str) and ours == theirs


PARAMETERS = [
    ("select %s::timestamptz", "2021-06-01 10:00"),  # text without offset: in the session's zone
    ("select %s::timestamptz", dt.datetime(2021, 6, 1, 10, 0, tzinfo=dt.timezone.utc)),
    ("select %s::timestamp, %s::date", ("2021-06-01 10:00:00+02", "1995-06-17 +02")),
    ("select %s::interval", "1 year 2 mons 3 days 04:05:06"),
    ("select %s::interval", dt.timedelta(days=3, seconds=3661)),
    ("select %s::date, %s::timestamp", ("infinity", "-infinity")),
    ("select %s::date = current_date", "today"),
    ("select %s::date", "nope"),
]


@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
@pytest.mark.parametrize("sql,value", PARAMETERS, ids=[f"{i}" for i in range(len(PARAMETERS))])
def test_parameters_as_postgresql_reads_them(servers, sql, value, binary):
    params = value if isinstance(value, tuple) else (value,)
    for zone in ZONES:
        ours, theirs = (result(url, sql, zone, binary, params=params) for url in servers)
        assert ours == theirs, zone


CLOCK = ("select current_date, current_time, current_timestamp, localtimestamp, localtime, now(), "
         "current_timestamp(3), current_time(2), localtime(0), localtimestamp(1), statement_timestamp(), "
         "transaction_timestamp(), clock_timestamp(), 'now'::timestamptz")


@pytest.mark.parametrize("zone", ZONES)
def test_clock_names_and_types(servers, zone):
    ours, theirs = (result(url, CLOCK, zone) for url in servers)
    assert ours[0] == theirs[0]


def _clock_facts(url: str) -> dict:
    """What PostgreSQL promises of its clock, as seen by one client."""
    with psycopg.connect(url) as conn:  # not autocommit: a transaction block
        conn.execute("SET TimeZone = 'Asia/Kolkata'")
        conn.commit()
        first = conn.execute("select now(), statement_timestamp(), clock_timestamp(), current_date, "
                             "localtimestamp").fetchone()
        time.sleep(0.05)
        second = conn.execute("select now(), transaction_timestamp(), current_timestamp, statement_timestamp(), "
                              "clock_timestamp() from events limit 1").fetchone()
        conn.commit()
        third = conn.execute("select now()").fetchone()
        conn.commit()
    zone = dt.timezone(dt.timedelta(hours=5, minutes=30))
    return {
        "now is the transaction's start": first[0] == second[0] == second[1] == second[2],
        "statement_timestamp is the statement's": second[3] > first[1],
        "clock_timestamp is not before the statement": second[4] >= second[3],
        "a new transaction, a new now": third[0] > first[0],
        "current_date is now's date in the zone": first[3] == first[0].astimezone(zone).date(),
        "localtimestamp is now in the zone": first[4] == first[0].astimezone(zone).replace(tzinfo=None),
    }


def test_clock_within_a_transaction(servers):
    ours, theirs = (_clock_facts(url) for url in servers)
    assert ours == theirs and all(theirs.values()), (ours, theirs)


def test_asyncpg_binary(servers):
    async def fetch(url: str):
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("SET TimeZone = 'America/New_York'")
            rows = await conn.fetch("select id, tstz, ts, d, iv, current_time is not null, timetz '10:00:00+05:30', "
                                    "date_trunc('day', tstz), date 'infinity' from events where id < $1 order by id", 30)
            return [tuple(r) for r in rows]
        finally:
            await conn.close()

    ours, theirs = (asyncio.run(fetch(url)) for url in servers)
    assert ours == theirs


# interval_in's forms: (text, type); each is read by both servers, also where PostgreSQL refuses it.
INTERVAL_INPUTS = [
    ("1 year 2 months 3 days 04:05:06.789", "interval"), ("-1 day", "interval"), ("P1Y2M", "interval"),
    ("1.5 hours", "interval"), ("3 weeks", "interval"), ("@ 1 minute ago", "interval"), ("1", "interval day"),
    ("1-2", "interval"), ("1 2:03", "interval day to minute"), ("5", "interval"), ("1:02", "interval minute to second"),
    ("1:02", "interval"), ("1.5", "interval"), ("-1.5 hours", "interval"), ("1 day -02:03:04", "interval"),
    ("-1 day +02:03:04", "interval"), ("P1Y2M3DT4H5M6S", "interval"), ("P0001-02-03T04:05:06", "interval"),
    ("PT1.5S", "interval"), ("P1.5Y", "interval"), ("P2W", "interval"), ("P1.5M", "interval"), ("PT", "interval"),
    ("P00010203T040506", "interval"), ("PT04:05", "interval"), ("P1YT2H", "interval"), ("PT-1.5M", "interval"),
    ("1.234567891 sec", "interval"), ("1.2345 sec", "interval(3)"), ("1.2345 sec", "interval second(2)"),
    ("1 day 2 hours 3 minutes", "interval hour"), ("14 months", "interval year"), ("1 year 5 days", "interval year to month"),
    ("1 2", "interval day to hour"), ("12:34:56.789", "interval hour to second(1)"), ("1.5 months", "interval"),
    ("0.1 weeks", "interval"), ("1 millennium 2 centuries 3 decades", "interval"), ("10 us 5 ms", "interval"),
    ("1 days ago", "interval"), ("ago 1 day", "interval"), ("1 mon", "interval"), ("+1 day", "interval"),
    ("1 day 1", "interval"), ("1 hour 30", "interval"), ("-00:01:00", "interval"), ("24:00:00", "interval"),
    ("-1-2", "interval"), (".5 day", "interval"), ("1 hr 2 mins 3 secs", "interval"), ("1y 2mon 3d 4h 5m 6s", "interval"),
    ("1 week 2.5 days", "interval"), ("-1.25 weeks", "interval"), ("1 2:3", "interval"), ("-1 2:3", "interval"),
    ("P-1Y-2M", "interval"), ("1-2-3-4", "interval"),
    # refused by PostgreSQL
    ("abc", "interval"), ("1 hour 02:00:00", "interval"), ("1 second 2 seconds", "interval"), ("1-13", "interval"),
    ("2147483648 days", "interval"), ("1:60", "interval"), ("1 qtr", "interval"), ("1.5 1", "interval"),
    ("P1Y2M3D4H", "interval"), ("P1X", "interval"), ("PT1H2", "interval"), ("infinity", "interval"),
]


def _read_intervals(url: str) -> list:
    out = []
    with psycopg.connect(url, autocommit=True) as conn:
        for text, type_name in INTERVAL_INPUTS:
            try:
                cursor = conn.execute(f"select '{text}'::{type_name}, ('{text}'::{type_name})::text")
                out.append((cursor.fetchone()[1], cursor.pgresult.fmod(0)))
            except psycopg.Error as error:
                out.append(error.sqlstate)
    return out


def test_interval_input_as_postgresql_reads_it(servers):
    ours, theirs = (_read_intervals(url) for url in servers)
    assert dict(zip(INTERVAL_INPUTS, ours)) == dict(zip(INTERVAL_INPUTS, theirs))


REFUSED = {  # where DuckDB cannot give PostgreSQL's answer (docs/postgres-differences.md)
    "a zone abbreviation": "select timestamptz '2021-06-01 02:30:00+00' at time zone 'IST'",
    "a zone abbreviation in a timestamptz": "select timestamptz '2021-06-01 02:30:00 PST'",
    "an offset as TimeZone": "set time zone -5",
    "numeric infinity": "select extract(year from date 'infinity')",
    "julian of a timestamp": "select extract(julian from timestamp '2021-06-01 12:00')",
    "interval fields of a column": "select iv::interval hour from events",
    "age of infinity": "select age(timestamp 'infinity', timestamp '2021-01-01')",
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_where_duckdb_differs(servers, name):
    theirs = result(servers[1], REFUSED[name], "UTC")
    assert not isinstance(theirs, str), theirs  # PostgreSQL answers
    assert result(servers[0], REFUSED[name], "UTC") == "0A000"
