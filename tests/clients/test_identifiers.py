"""Identifiers follow PostgreSQL end to end, checked against PostgreSQL 15 holding the same rows.

Quoted names keep their case, unquoted ones fold to lower case, and two names that
differ only in case are two columns (or tables, aliases, CTEs). DuckDB binds names
ignoring case, so the data here is made of what it would confuse: a table with
columns ``IsEven``, ``Qty`` and ``qty`` in three files (large enough to be
distributed: partial aggregates, top N, shuffles), one with columns ``a`` and
``A``, a CSV file with ``Code`` and ``code``, and two tables ``MyTable`` and
``mytable``. PostgreSQL gets the same tables with quoted names and the same rows.
Every query runs on both through psycopg: the same column names, type OIDs and
rows, or the same SQLSTATE; EXPLAIN shows that the distributed ones stayed
distributed; psql's ``\\d`` and the catalog relations list the names as the files
spell them.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from catalog_support import create_tables, pg_database
from duckflight.gateway.catalog import Catalog
from duckflight.gateway.core.identifiers import quote_ident
from inprocess import cluster


def _evens(start: int, count: int) -> pa.Table:
    ids = list(range(start, start + count))
    return pa.table({
        "id": pa.array(ids, pa.int64()),
        "IsEven": [i % 2 == 0 for i in ids],
        "Qty": pa.array([None if i % 97 == 0 else (i * 7) % 101 for i in ids], pa.int64()),
        "qty": pa.array([i % 13 for i in ids], pa.int64()),
        "Group": [f"g{i % 5}" for i in ids],
    })


def _parts(start: int, count: int) -> pa.Table:
    rows = list(range(start, start + count))
    return pa.table({
        "ID": pa.array([(r * 11) % 3000 for r in rows], pa.int64()),
        "Qty": pa.array([r % 17 for r in rows], pa.int64()),
        "Name": [f"part {r % 23}" for r in rows],
    })


@pytest.fixture(scope="module")
def data() -> Path:
    root = Path(tempfile.mkdtemp(prefix="duckflight-identifiers-"))
    for name, make, sizes in (("evens", _evens, (900, 1000, 1100)), ("parts", _parts, (1200, 1300, 1500))):
        (root / name).mkdir()
        start = 0
        for i, size in enumerate(sizes):
            pq.write_table(make(start, size), root / name / f"part{i}.parquet")
            start += size
    pq.write_table(pa.table({"a": pa.array(range(6), pa.int64()), "A": pa.array([-i for i in range(6)], pa.int64())}),
                   root / "twocase.parquet")
    (root / "MyTable").mkdir()
    pq.write_table(pa.table({"k": pa.array(range(4), pa.int64()), "Name": [f"upper {i}" for i in range(4)]}),
                   root / "MyTable" / "part0.parquet")
    pq.write_table(pa.table({"k": pa.array(range(2, 6), pa.int64()), "note": [f"lower {i}" for i in range(2, 6)]}),
                   root / "mytable.parquet")
    (root / "codes.csv").write_text("Code,code,Label\n1,10,one\n2,20,two\n3,30,three\n")
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def ours(data):
    with cluster(str(data)) as (url, _, _):
        yield url


@pytest.fixture(scope="module")
def theirs(data):
    """PostgreSQL 15 with the same tables (role and database duckflight), names quoted as the files spell them."""
    with pg_database() as url:
        catalog = Catalog.from_folder(data)
        with psycopg.connect(url, autocommit=True) as pg:
            create_tables(pg, catalog)
            for table in catalog.tables.values():
                with pg.cursor().copy(f"COPY {quote_ident(table.name)} FROM STDIN") as copy:
                    for row in _rows(table):
                        copy.write_row(row)
        yield url


def _rows(table) -> list[tuple]:
    """The table's rows by position (the files' names, which DuckDB would confuse, play no part)."""
    if table.format == "csv":
        lines = Path(table.files[0]).read_text().splitlines()[1:]
        return [tuple(line.split(",")) for line in lines]
    rows = []
    for path in table.files:
        columns = pq.read_table(path).columns
        rows += list(zip(*(c.to_pylist() for c in columns)))
    return rows


def answer(url: str, sql: str, prepare: bool = False, params=None):
    """(names, type OIDs, rows) of a query, or its SQLSTATE."""
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            cursor = conn.execute(sql, params, prepare=prepare)
            names = [d.name for d in cursor.description]
            return names, [d.type_code for d in cursor.description], cursor.fetchall()
    except psycopg.Error as error:
        return error.sqlstate


# name -> (query, what its EXPLAIN must show: the plan it is meant to test)
QUERIES = {
    "subquery columns that differ in case": (
        'select "Qty", qty, "Qty" + qty * 100 from (select 5 as "Qty", 7 as qty) s', None),
    "a quoted column": ('select "IsEven", count(*) from evens group by "IsEven" order by 1', "partial aggregate"),
    "an unquoted name folds to lower case": ("select IsEven from evens", None),
    "a lower-case name is not the column": ("select iseven from evens", None),
    "a quoted name must match exactly": ('select "ISEVEN" from evens', None),
    "star keeps the files' names": ("select * from evens order by id limit 5", None),
    "Qty and qty are two columns": (
        'select id, "Qty", qty, "Qty" - qty from evens where qty > 10 and "Qty" < 20 order by id limit 8', None),
    "columns a and A of one file": ('select a, "A", a + "A" * 10 from twocase order by a', None),
    "star over columns a and A": ("select * from twocase order by 1", None),
    "a and A through a subquery": ('select * from (select * from twocase) s where s."A" < -1 order by a', None),
    "a table spelled MyTable": ('select * from "MyTable" order by k', None),
    "MyTable unquoted is mytable": ("select * from MyTable order by k", None),
    "the implicit alias keeps the case": ('select "MyTable".k, "MyTable"."Name" from "MyTable" order by 1', None),
    "the implicit alias is not folded": ('select mytable.k from "MyTable"', None),
    "two tables that differ in case, joined": (
        'select m.k, m."Name", t.note from "MyTable" m join mytable t using (k) order by 1', None),
    "the schema keeps its case too": ('select * from public."MyTable" order by 1', None),
    "a schema spelled otherwise": ('select * from "PUBLIC"."MyTable"', None),
    "a CTE and its columns with capitals": (
        'with "Totals" as (select "Group", sum("Qty") as "Sum", sum(qty) as sum from evens group by "Group") '
        'select "Group", "Sum", sum, "Sum" - sum as diff from "Totals" order by "Group"', "partial aggregate"),
    "CTE names that differ in case": (
        'with t as (select 1 as x), "T" as (select 2 as x) select t.x, "T".x from t, "T"', None),
    "aliases that differ in case": (
        'select "E".id, e.id from evens "E" join evens e on "E".id = e.id + 1 where "E".id < 4 order by 1', None),
    "GROUP BY and ORDER BY output names that differ in case": (
        'select "Group" as "G", count(*) as g, sum("Qty") from evens group by "G" order by g desc, "G"',
        "partial aggregate"),
    "top N by output names that differ in case": (
        'select id as "K", qty as k from evens order by k desc, "K" limit 5', "top 5"),
    "a join USING a quoted column": (
        'select "Qty", count(*) from (select "Qty" from evens where id < 50) e join parts using ("Qty") '
        'group by "Qty" order by 1', None),
    "a join of two tables on quoted columns": (
        'select e."Group", count(*), sum(p."Qty"), sum(e.qty), sum(e."Qty") from evens e '
        'join parts p on e.id = p."ID" group by e."Group" order by 1', "reads parts whole on every worker"),
    "a shuffle join on Qty = qty": (
        'select count(*), sum(a.id), sum(b."Qty") from evens a join evens b on a."Qty" = b.qty', "Exchange shuffle"),
    "DISTINCT aggregates of Qty and qty": (
        'select "IsEven", count(distinct "Qty"), count(distinct qty) from evens group by 1 order by 1', None),
    "a set operation ordered by output names that differ in case": (
        'select "Qty" as q, qty as "Q" from evens where id < 3 union all select 1, 2 order by "Q", q', None),
    "LATERAL columns that differ in case": (
        'select e.id, l.* from evens e, lateral (select e."Qty" as "V", e.qty as v) l where e.id < 4 order by 1', None),
    "a subquery's set operation ordered by names that differ in case": (
        'select * from (select "Qty" as "Q", qty as q from evens where id < 9 union all select 3, 4 '
        'order by q desc, "Q" limit 3) s', None),
    "VALUES with columns that differ in case": (
        'select v."A" + v.a * 10, * from (values (1, 2)) as v("A", a)', None),
    "a CSV file with columns Code and code": ('select *, "Code" + code from codes order by 1', None),
    "a correlated subquery on quoted columns": (
        'select id, (select max(p."Name") from parts p where p."ID" = e.id) from evens e where id < 5 order by id',
        None),
    "a window over a quoted column": (
        'select id, sum("Qty") over (partition by "IsEven" order by id) as "Running" from evens where id < 6 '
        'order by id', None),
    "footer statistics of Qty and of qty": (
        'select count(*), min(id) from evens where "Qty" > 50 and qty < 3 and id > 1000', None),
    "grouping sets of quoted columns": (
        'select "IsEven", "Group", count(*), sum(qty) from evens group by grouping sets (("IsEven"), ("Group"), ()) '
        'order by 1, 2', None),
    "DISTINCT ON a quoted column": (
        'select distinct on ("Group") "Group", id, "Qty" from evens order by "Group", "Qty" desc nulls last, id',
        None),
    "an unknown quoted column of a subquery": ('select "A" from (select 1 as a) s', None),
    "an ambiguous column of two tables": ('select k from "MyTable", mytable', None),
    "a qualified column spelled otherwise": ('select t."qty_1" from evens t', None),
}


@pytest.mark.parametrize("prepare", [False, True], ids=["simple", "prepared"])
@pytest.mark.parametrize("name", list(QUERIES))
def test_query_matches_postgresql(name, prepare, ours, theirs):
    sql, plan = QUERIES[name]
    assert answer(ours, sql, prepare) == answer(theirs, sql, prepare)
    if plan is not None and not prepare:
        assert plan in explain(ours, sql)


def test_parameters_beside_quoted_columns(ours, theirs):
    sql = 'select id, "Qty", qty from evens where qty = %s and "Qty" > %s order by id limit 5'
    assert answer(ours, sql, True, (3, 40)) == answer(theirs, sql, True, (3, 40))


@pytest.mark.parametrize("command", ['copy "MyTable" to stdout', "copy mytable to stdout",
                                     'copy evens ("Qty", qty, "IsEven") to stdout',
                                     'copy (select * from twocase order by a) to stdout with (format csv, header)'])
def test_copy_matches_postgresql(command, ours, theirs):
    def copied(url: str) -> bytes:
        with psycopg.connect(url, autocommit=True) as conn, conn.cursor().copy(command) as copy:
            return b"".join(bytes(chunk) for chunk in copy)
    if command.startswith("copy evens"):  # rows in file order on both: sort the lines
        assert sorted(copied(ours).splitlines()) == sorted(copied(theirs).splitlines())
    else:
        assert copied(ours) == copied(theirs)


def explain(url: str, sql: str) -> str:
    with psycopg.connect(url, autocommit=True) as conn:
        return "\n".join(row[0] for row in conn.execute(f"explain {sql}"))


def test_fragments_quote_the_names(ours):
    """The SQL workers run spells each column as DuckDB reads it, quoted: Qty, and qty as qty_1."""
    text = explain(ours, 'select "IsEven", sum("Qty"), sum(qty) from evens where qty > 3 group by 1')
    assert 'SUM("evens"."Qty") AS "__p0", SUM("evens"."qty_1") AS "__p1"' in text
    assert 'WHERE "evens"."qty_1" > 3 GROUP BY "evens"."IsEven"' in text


CATALOG_QUERIES = {
    "pg_attribute": ("select c.relname::text, a.attname::text, a.attnum from pg_attribute a join pg_class c on c.oid = a.attrelid "
                     "where c.relnamespace = 'public'::regnamespace and a.attnum > 0 order by 1, 3"),
    "information_schema.columns": ("select table_name::text, column_name::text, ordinal_position, data_type::text "
                                   "from information_schema.columns where table_schema = 'public' order by 1, 3"),
    "regclass of a quoted name": """select attname::text from pg_attribute where attrelid = '"MyTable"'::regclass
                                    and attnum > 0 order by attnum""",
    "regclass of an unquoted name folds": """select attname::text from pg_attribute where attrelid = 'MyTable'::regclass
                                             and attnum > 0 order by attnum""",
}


@pytest.mark.parametrize("name", list(CATALOG_QUERIES))
def test_catalog_matches_postgresql(name, ours, theirs):
    assert answer(ours, CATALOG_QUERIES[name]) == answer(theirs, CATALOG_QUERIES[name])


@pytest.mark.parametrize("command", [r'\d "MyTable"', r"\d MyTable", r"\d evens", r"\d twocase", r"\d codes",
                                     r'\d "IsEven"', r"\dt"])
def test_psql_describe_matches_postgresql(command, ours, theirs):
    def psql(url: str) -> str:
        proc = subprocess.run(["psql", url, "-X", "-c", command], capture_output=True, text=True, timeout=60)
        return proc.stdout + proc.stderr
    assert psql(ours.replace("tester@", "duckflight@")) == psql(theirs)
