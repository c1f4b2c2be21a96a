"""Files change under a running cluster: new files and tables are seen without a restart,
and every query reads one version of each table, whole, even while files come and go."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import duckdb
import psycopg
import pytest

from processes import UpProcess, dsn
from duckflight.gateway.up import free_port

ROWS = 50_000  # rows per file; file k holds the values k * ROWS .. (k + 1) * ROWS - 1
SEEN_WITHIN = 15.0  # seconds: the default look every 2 s, and a loaded machine


def write(path: Path, k: int, rows: int = ROWS) -> None:
    """File ``k`` of a table, written beside it and renamed into place, as tools that write
    Parquet do (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.parent / f".{path.name}.partial"
    duckdb.execute(f"copy (select {k} * {ROWS} + i as v, {k} as file from range({rows}) r(i)) "
                   f"to '{partial}' (format parquet, row_group_size 10000)")
    partial.rename(path)


@pytest.fixture()
def cluster(tmp_path):
    data = tmp_path / "data"
    for k in range(4):
        write(data / "events" / f"part-{k}.parquet", k)
    write(data / "fixed" / "one.parquet", 0)
    port = free_port()
    up = UpProcess(["--workers", "2", "--port", str(port), "--data", str(data)], tmp_path / "up.log")
    try:
        up.wait_for_output(re.escape(dsn(port)))
        up.wait_until_accepting(dsn(port))
        yield data, dsn(port), up
    finally:
        up.kill()


def answer(url: str, sql: str):
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql).fetchall()


def eventually(url: str, sql: str, expected, within: float = SEEN_WITHIN):
    deadline, got = time.monotonic() + within, None
    while time.monotonic() < deadline:
        try:
            got = answer(url, sql)
        except psycopg.Error as error:
            got = error
        if got == expected:
            return
        time.sleep(0.2)
    pytest.fail(f"{sql!r} answered {got!r}, not {expected!r}, within {within}s")


def test_a_new_file_and_a_new_table_are_seen_without_a_restart(cluster):
    data, url, _ = cluster
    assert answer(url, "select count(*) from events") == [(4 * ROWS,)]
    oid = answer(url, "select 'events'::regclass::oid")
    write(data / "events" / "part-4.parquet", 4)
    eventually(url, "select count(*), max(v) from events", [(5 * ROWS, 5 * ROWS - 1)])
    write(data / "later" / "a.parquet", 7, rows=10)
    eventually(url, "select count(*), min(file) from later", [(10, 7)])
    # The catalog follows: the new table is listed, the old one keeps its OID.
    assert answer(url, "select relname from pg_class where relnamespace = 'public'::regnamespace order by 1") == \
        [("events",), ("fixed",), ("later",)]
    assert answer(url, "select 'events'::regclass::oid") == oid


def test_a_removed_file_and_a_removed_table(cluster):
    data, url, _ = cluster
    (data / "events" / "part-3.parquet").unlink()
    eventually(url, "select count(*) from events", [(3 * ROWS,)])
    (data / "fixed" / "one.parquet").unlink()
    (data / "fixed").rmdir()
    with pytest.raises(psycopg.errors.UndefinedTable):
        deadline = time.monotonic() + SEEN_WITHIN
        while time.monotonic() < deadline:
            answer(url, "select count(*) from fixed")
            time.sleep(0.2)


def test_a_query_reads_one_version_of_a_table_while_files_come_and_go(cluster):
    """While files are removed, added and rewritten in place (same name, other rows),
    each answer is the whole table as it was at some moment: no error, no part of a file,
    no mixture of a file's old and new rows."""
    data, url, _ = cluster
    stop, errors = threading.Event(), []

    def churn():
        rounds = 0
        try:
            while not stop.is_set() and rounds < 200:
                rounds += 1
                k = 10 + rounds
                write(data / "events" / f"part-{k}.parquet", k)
                (data / "events" / f"part-{k}.parquet").unlink()
                write(data / "events" / "part-0.parquet", 20 + rounds % 2)  # rewritten: other rows, same name
                time.sleep(1.0)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    writer = threading.Thread(target=churn)
    writer.start()
    answers = []
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                # Per file: its rows, and whether they are one file's whole set of values.
                rows = conn.execute("select file, count(*), min(v), max(v) from events group by file "
                                    "order by file").fetchall()
                answers.append(rows)
    finally:
        stop.set()
        writer.join()
    assert not errors
    assert len(answers) > 20
    for rows in answers:
        files = [file for file, _, _, _ in rows]
        assert len(files) == len(set(files))
        for file, count, low, high in rows:
            assert (count, low, high) == (ROWS, file * ROWS, (file + 1) * ROWS - 1), rows
        assert {1, 2, 3} <= set(files), rows  # the files that never changed are always there, whole


def test_a_damaged_file_replaced_by_a_good_one_mends_its_table(cluster):
    data, url, _ = cluster
    broken = data / "mended" / "x.parquet"
    broken.parent.mkdir()
    broken.write_bytes(b"PAR1 not really parquet")
    eventually(url, "select 1 from pg_class where relname = 'mended'", [(1,)])
    with pytest.raises(psycopg.errors.DataCorrupted) as raised:
        answer(url, "select count(*) from mended")
    assert str(broken) in str(raised.value)
    write(broken, 3, rows=5)
    eventually(url, "select count(*), min(file) from mended", [(5, 3)])
