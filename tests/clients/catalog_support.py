"""What the catalog tests share: the same tables in duckflight and in PostgreSQL 15.

* ``catalog_data`` — a data folder: ``orders`` (Parquet, one file per type family
  we map) and ``events`` (CSV);
* ``catalog_duckflight`` — an in-process cluster over it (URL);
* ``sqlalchemy14`` — the python of a venv of its own with SQLAlchemy 1.4 and psycopg2
  (Superset's line; it cannot share a venv with the project's SQLAlchemy 2.x);
* ``catalog_pg`` — PostgreSQL 15 with a database ``duckflight`` where the role
  ``duckflight`` owns the same tables (column types as duckflight reports them, same rows)
  and a schema ``duckflight`` with a function ``worker_status()`` and a view ``workers``
  over it, as duckflight has (URL).

Test modules import the fixtures they use (``from catalog_support import ...``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import duckdb
import psycopg
import pytest

from duckflight.gateway.catalog import Catalog
from duckflight.gateway.system.pg_types import arrow_column_types
from duckflight.gateway.workers import WorkerPool
from duckflight.gateway.core.identifiers import quote_ident

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "integration"))
from inprocess import cluster  # noqa: E402
from pg15 import postgres15  # noqa: E402

# DuckDB type -> the PostgreSQL type duckflight reports for it.
PG_TYPES = {"BIGINT": "bigint", "INTEGER": "integer", "SMALLINT": "smallint", "DOUBLE": "double precision",
            "FLOAT": "real", "BOOLEAN": "boolean", "DATE": "date", "VARCHAR": "text", "TIMESTAMP": "timestamp",
            "TIMESTAMP WITH TIME ZONE": "timestamptz", "BLOB": "bytea", "DECIMAL(15,2)": "numeric(15,2)"}


def workers_columns() -> str:
    """NULLs typed as duckflight.workers' columns, for the same view in PostgreSQL."""
    schema = WorkerPool([]).status_table().schema
    return ", ".join(f'NULL::{t.formatted} AS "{name}"' for name, t in zip(schema.names, arrow_column_types(schema)))


def worker_status_function() -> str:
    """duckflight.worker_status() in PostgreSQL: the same signature, no rows (SQL, not internal)."""
    schema = WorkerPool([]).status_table().schema
    out = ", ".join(f'OUT "{n}" {t.formatted}' for n, t in zip(schema.names, arrow_column_types(schema)))
    return (f"CREATE FUNCTION duckflight.worker_status({out}) RETURNS SETOF record LANGUAGE sql STABLE "
            f"AS $$ SELECT {workers_columns()} WHERE false $$")


def _rows(table) -> list[tuple]:
    """A table's rows, read as duckflight reads its files."""
    files = ", ".join(f"'{f}'" for f in table.files)
    reader = f"read_parquet([{files}])" if table.format == "parquet" else f"read_csv([{files}])"
    with duckdb.connect() as con:
        return con.execute(f"SELECT * FROM {reader}").fetchall()


@pytest.fixture(scope="session")
def catalog_data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("catalog-data")
    con = duckdb.connect()
    (folder / "orders").mkdir()
    con.execute(f"""COPY (SELECT i::BIGINT AS o_orderkey, (i * 1.5)::DECIMAL(15,2) AS o_totalprice,
        'note ' || i AS o_comment, DATE '2024-01-01' + i::INTEGER AS o_orderdate, i::INTEGER AS o_qty,
        i / 3 AS o_price, i % 2 = 0 AS o_paid, i::SMALLINT AS o_small, i::REAL AS o_real,
        TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) SECOND AS o_at, 'x'::BLOB AS o_bytes
        FROM range(10) t(i)) TO '{folder}/orders/part-0.parquet' (FORMAT parquet)""")
    (folder / "events.csv").write_text("id,kind,happened\n1,start,2024-01-01\n2,stop,2024-01-02\n")
    con.close()
    return folder


@pytest.fixture(scope="session")
def catalog_duckflight(catalog_data):
    with cluster(str(catalog_data), workers=1) as (url, _workers, _engine):
        yield url


@pytest.fixture(scope="session")
def catalog_pg(catalog_data):
    with pg_database() as url:
        with psycopg.connect(url, autocommit=True) as pg:
            catalog = Catalog.from_folder(catalog_data)
            create_tables(pg, catalog)
            for table in catalog.tables.values():
                marks = ", ".join(["%s"] * len(table.columns))
                pg.cursor().executemany(f"INSERT INTO {quote_ident(table.name)} VALUES ({marks})", _rows(table))
            pg.execute("CREATE SCHEMA duckflight AUTHORIZATION duckflight")
            pg.execute(worker_status_function())
            pg.execute("CREATE VIEW duckflight.workers AS SELECT * FROM duckflight.worker_status()")
        yield url


@contextmanager
def pg_database():
    """A throwaway PostgreSQL 15 with a database ``duckflight`` owned by the role ``duckflight``
    (its URL). Not under pytest's temporary folder: every pytest run makes
    /tmp/pytest-of-<user> private again, which would lock the ``postgres`` user out."""
    folder = Path(tempfile.mkdtemp(prefix="duckflight-pg15-"))
    try:
        with postgres15(folder) as admin:
            with psycopg.connect(admin, autocommit=True) as pg:
                pg.execute("CREATE ROLE duckflight LOGIN SUPERUSER CREATEDB CREATEROLE BYPASSRLS")  # as duckflight describes it
                pg.execute("CREATE DATABASE duckflight OWNER duckflight")
            yield admin.replace("postgres@", "duckflight@").rsplit("/", 1)[0] + "/duckflight"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def create_tables(pg: psycopg.Connection, catalog: Catalog) -> None:
    """The catalog's tables, empty, with their columns' names as the files spell them."""
    for table in catalog.tables.values():
        columns = ", ".join(f"{quote_ident(n)} {PG_TYPES[t]}" for n, t in table.pg_columns())
        pg.execute(f"CREATE TABLE {quote_ident(table.name)} ({columns})")


@pytest.fixture(scope="session")
def sqlalchemy14(tmp_path_factory) -> str:
    """The python of a fresh venv with SQLAlchemy 1.4 and psycopg2 (its default PostgreSQL driver)."""
    folder = tmp_path_factory.mktemp("sqlalchemy14") / "venv"
    base = getattr(sys, "_base_executable", None) or shutil.which("python3")
    subprocess.run([base, "-m", "venv", str(folder)], check=True, timeout=120)
    python = str(folder / "bin" / "python")
    done = subprocess.run([python, "-m", "pip", "install", "-q", "sqlalchemy>=1.4,<1.5", "psycopg2-binary>=2.9,<3"],
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-4000:]
    return python
