"""The differential test's two servers, its query files and its comparison.

* ``differential_data(folder, tpch)`` — a data folder: the TPC-H tables (links to the
  cached SF 0.01 set) and small extra tables, written as Parquet, with the types TPC-H
  lacks: booleans, NULLs everywhere, timestamps with and without time zone, unicode
  text, doubles with NaN and infinities, wide numerics;
* ``referee(folder)`` — a throwaway PostgreSQL 15 holding the same tables with the
  types duckflight reports (bi_support.load_tables); yields its URL;
* ``servers(folder, tpch)`` — both: an in-process duckflight cluster and the referee
  over the same data; yields their URLs;
* ``read_entries(path)`` — the entries of a query file (see tests/clients/differential/);
* ``answer(conn, sql)`` / ``differences(ours, theirs, ordered)`` — one server's answer to
  an entry and what differs between two answers.

Used by tests/clients/test_differential.py and by tests/clients/differential/generate.py.
"""

from __future__ import annotations

import decimal

import math
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psycopg
import sqlglot
from sqlglot import exp

from bi_support import load_tables
from inprocess import cluster
from pg15 import postgres15

FILES = Path(__file__).resolve().parent / "differential"
CORPUS, GENERATED, KNOWN = FILES / "corpus.sql", FILES / "generated.sql", FILES / "known_differences.txt"

# Small tables of the types TPC-H lacks. Each is one DuckDB query, written as Parquet;
# PostgreSQL gets the same rows through the same loader as TPC-H.
EXTRA_TABLES = {
    "kinds": """
        select * from (values
          (1, true,  10::bigint,  1.5::double,        1.5::real, 'alpha',  timestamp '2021-06-01 02:30:00',
           timestamptz '2021-06-01 02:30:00+00', date '2021-06-01', 12.345::decimal(10,3), 1.0000000001::decimal(38,10)),
          (2, false, -3::bigint,  'NaN'::double,      'NaN'::real, 'Ünïcödé', timestamp '1999-12-31 23:59:59.999999',
           timestamptz '2000-01-01 04:59:59.5+00', date '2000-02-29', -0.001::decimal(10,3), -12345678901234567.5::decimal(38,10)),
          (3, null,  null,        'Infinity'::double, 'Infinity'::real, '', timestamp '2021-03-14 02:30:00',
           timestamptz '2021-03-14 07:30:00+00', date '1970-01-01', null, 0::decimal(38,10)),
          (4, true,  9223372036854775807::bigint, '-Infinity'::double, '-Infinity'::real, null, null,
           null, null, 0::decimal(10,3), null),
          (5, false, 0::bigint,   -0.0::double,       0.1::real, 'naïve café', timestamp '2021-11-07 01:30:00',
           timestamptz '2021-11-07 05:30:00+00', date '2021-11-07', 99.999::decimal(10,3), 3.1415926535::decimal(38,10)),
          (6, null,  42::bigint,  null,               null, 'Zebra', timestamp '1900-01-01 00:00:00',
           timestamptz '1900-01-01 00:00:00+00', date '1900-01-01', -5::decimal(10,3), 100::decimal(38,10)),
          (7, true,  (-9223372036854775807 - 1)::bigint, 1e300::double, 3.4e38::real, 'zebra', timestamp '2038-01-19 03:14:07',
           timestamptz '2038-01-19 03:14:07+00', date '2038-01-19', 1::decimal(10,3), -0.0000000001::decimal(38,10)),
          (8, false, 7::bigint,   1e-300::double,     1e-30::real, '日本語テキスト', timestamp '2021-06-01 00:00:00',
           timestamptz '2021-06-01 00:00:00-07', date '2021-06-01', 2.5::decimal(10,3), 2.5::decimal(38,10)),
          (9, true,  7::bigint,   2.5::double,        2.5::real, 'a b  c ', timestamp '2021-06-01 12:00:00',
           timestamptz '2021-06-01 12:00:00+05:30', date '2021-05-31', 3.5::decimal(10,3), 3.5::decimal(38,10)),
          (10, null, 1::bigint,   -2.5::double,       -2.5::real, 'x%_\\y', timestamp '2021-12-31 23:59:59',
           timestamptz '2021-12-31 23:59:59+00', date '2021-12-31', -2.5::decimal(10,3), -2.5::decimal(38,10))
        ) t(id, flag, big, dbl, rl, txt, ts, tstz, dt, num, wide)""",
    "nullable": """
        select * from (values (1, 10, 'a'), (2, null, 'b'), (3, 30, null), (null, 40, 'd'),
                              (5, 50, 'e'), (null, null, null), (7, 10, 'a')) t(k, v, s)""",
    "small": """
        select * from (values (1, 'one'), (2, 'two'), (3, null), (null, 'four')) t(k, name)""",
}


def differential_data(folder: Path, tpch: Path) -> Path:
    """``folder`` with a link per TPC-H table of ``tpch`` and a Parquet folder per extra table."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in sorted(p for p in tpch.iterdir() if p.is_dir()):
        (folder / table.name).symlink_to(table.resolve(), target_is_directory=True)
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    for name, sql in EXTRA_TABLES.items():
        (folder / name).mkdir()
        con.execute(f"copy ({sql}) to '{folder / name / 'part-0.parquet'}' (format parquet)")
    con.close()
    return folder


@contextmanager
def referee(data: Path):
    """PostgreSQL 15 with every table of ``data``: yields ``postgresql://postgres@…/duckflight``.

    Not under pytest's temporary folder, which another pytest run may make private
    (see bi_support.pg15_server).
    """
    folder = Path(tempfile.mkdtemp(prefix="duckflight-pg15-differential-"))
    try:
        with postgres15(folder) as admin:
            with psycopg.connect(admin, autocommit=True) as pg:
                pg.execute("create database duckflight")
            url = admin.rsplit("/", 1)[0] + "/duckflight"
            load_tables(url, data, sorted(p.name for p in data.iterdir() if p.is_dir()))
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def servers(folder: Path, tpch: Path):
    """(duckflight URL, PostgreSQL URL): both over the data of ``differential_data(folder / "data", tpch)``."""
    data = differential_data(folder / "data", tpch)
    with referee(data) as pg_url, cluster(str(data)) as (dsn, _, _):
        yield dsn, pg_url


@dataclass
class Entry:
    """One query of a query file: its comment (what it tests), the statements run before
    it in the same session (SET ...), and the query whose answers are compared."""

    comment: str
    setup: list[str]
    sql: str
    line: int

    @property
    def name(self) -> str:
        return f"{self.line}: {self.comment}"


def read_entries(path: Path) -> list[Entry]:
    """The entries of a query file.

    An entry is a block of lines between blank lines: comment lines (``-- what it
    tests``) and then SQL, one or more statements each ending with ``;`` at the end of a
    line. The last statement is the query compared; those before it (SET ...) set up its
    session. A block of comments only is a note to the reader.
    """
    entries, block, start = [], [], 0
    lines = path.read_text().splitlines() + [""]
    for number, line in enumerate(lines, 1):
        if line.strip():
            start = start or number
            block.append(line)
            continue
        if any(not b.startswith("--") for b in block):  # a block of comments only is a note
            entries.append(_entry(block, start, path))
        block, start = [], 0
    return entries


# The areas other work is fixing; a known difference names one, or "open: <kind>" for one
# this harness found elsewhere and nobody fixes yet.
AREAS = ("identifier case", "like escapes", "numeric exactness", "time zones and intervals", "parameters",
         "catalog functions")


def read_known(path: Path = KNOWN) -> list[tuple[str, Entry]]:
    """(area, entry) of each line ``area | what it tests | SQL`` of the known-differences
    file; statements in SQL are separated by ``; `` as in an entry. ``#`` starts a note."""
    known = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        area, comment, sql = (part.strip() for part in line.split(" | ", 2))
        assert area in AREAS or area.startswith("open: "), f"{path}:{number}: unknown area {area!r}"
        statements = [s.strip() for s in sql.rstrip(";").split("; ")]
        known.append((area, Entry(comment, statements[:-1], statements[-1], number)))
    return known


def known_line(area: str, entry: Entry) -> str:
    """The line of the known-differences file for an entry."""
    sql = "; ".join(entry.setup + [" ".join(line.strip() for line in entry.sql.splitlines())])
    return f"{area} | {entry.comment} | {sql};"


def _entry(block: list[str], line: int, path: Path) -> Entry:
    comments = [b[2:].strip() for b in block if b.startswith("--")]
    sql = "\n".join(b for b in block if not b.startswith("--")).strip()
    assert comments and sql.endswith(";"), f"{path}:{line}: an entry is '-- comment' lines, then SQL ending with ;"
    statements = [s.strip() for s in re.split(r";\s*\n", sql[:-1])]
    return Entry(" ".join(comments), statements[:-1], statements[-1], line)


@dataclass
class Answer:
    """What a client sees of one query: column names, type OIDs and modifiers, each row
    as the server's text and as psycopg's Python values; or the error's SQLSTATE."""

    columns: list[tuple[str, int, int]] = field(default_factory=list)
    text: list[tuple] = field(default_factory=list)
    values: list[tuple] = field(default_factory=list)
    sqlstate: str | None = None
    message: str = ""

    def show(self) -> str:
        if self.sqlstate:
            return f"ERROR {self.sqlstate}: {self.message}"
        rows = "\n    ".join(repr(r) for r in self.text[:20])
        more = f"\n    … {len(self.text) - 20} more rows" if len(self.text) > 20 else ""
        return f"columns {self.columns}\n    {rows}{more}"


def answer(conn: psycopg.Connection, entry: Entry) -> Answer:
    """Run an entry's statements on ``conn`` (autocommit, text results) and read the last one."""
    try:
        for statement in entry.setup:
            conn.execute(statement)
        cursor = conn.execute(entry.sql)
        res = cursor.pgresult
        if res is None or cursor.description is None:
            return Answer()
        columns = [(res.fname(i).decode(), res.ftype(i), res.fmod(i)) for i in range(res.nfields)]
        text = [tuple(_text(res.get_value(r, c)) for c in range(res.nfields)) for r in range(res.ntuples)]
        return Answer(columns, text, [tuple(map(_comparable, row)) for row in cursor.fetchall()])
    except psycopg.Error as e:
        return Answer(sqlstate=e.sqlstate or "?????", message=str(e).splitlines()[0] if str(e) else type(e).__name__)


def _comparable(value):
    """A numeric NaN as a word: Decimal('NaN') equals nothing, not even itself."""
    return "NaN" if isinstance(value, decimal.Decimal) and value.is_nan() else value


def _text(value: bytes | None) -> str | None:
    return None if value is None else value.decode()


FLOAT_OIDS = {700, 701}
FLOAT_TOLERANCE = 1e-12  # relative: sums of doubles depend on the order they are added in


def ordered(sql: str) -> bool:
    """Whether the query's outermost SELECT has an ORDER BY (the corpus makes each total)."""
    try:
        tree = sqlglot.parse_one(sql, read="postgres")
    except sqlglot.errors.ParseError:
        return False
    return isinstance(tree, exp.Query) and tree.args.get("order") is not None


def differences(ours: Answer, theirs: Answer, in_order: bool) -> list[str]:
    """What a user would see differ: the error class, or names, types, and rows."""
    if ours.sqlstate or theirs.sqlstate:
        if (ours.sqlstate or "")[:2] != (theirs.sqlstate or "")[:2]:
            return ["outcome"]
        return []
    found = []
    if [c[0] for c in ours.columns] != [c[0] for c in theirs.columns]:
        found.append("column names")
    if [c[1:] for c in ours.columns] != [c[1:] for c in theirs.columns]:
        found.append("column types")
    floats = [c[1] in FLOAT_OIDS for c in theirs.columns]
    if not _same_rows(ours.text, theirs.text, floats, in_order):
        found.append("text values" if len(ours.text) == len(theirs.text) else "row count")
    elif not _same_rows(ours.values, theirs.values, floats, in_order):
        found.append("python values")
    return found


def _same_rows(a: list[tuple], b: list[tuple], floats: list[bool], in_order: bool) -> bool:
    if len(a) != len(b):
        return False
    if not in_order:
        a, b = sorted(a, key=_sort_key), sorted(b, key=_sort_key)
    return all(_same_row(x, y, floats) for x, y in zip(a, b))


def _sort_key(row: tuple) -> tuple:
    return tuple((v is None, repr(v)) for v in row)


def _same_row(x: tuple, y: tuple, floats: list[bool]) -> bool:
    if len(x) != len(y):
        return False
    return all(u == v or (f and _close(u, v)) or _both_nan(u, v) for u, v, f in zip(x, y, floats + [False] * len(x)))


def _close(u, v) -> bool:
    try:
        a, b = float(u), float(v)
    except (TypeError, ValueError):
        return False
    return math.isclose(a, b, rel_tol=FLOAT_TOLERANCE, abs_tol=1e-300)


def _both_nan(u, v) -> bool:
    return isinstance(u, float) and isinstance(v, float) and math.isnan(u) and math.isnan(v)
