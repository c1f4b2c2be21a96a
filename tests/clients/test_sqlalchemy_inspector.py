"""SQLAlchemy's Inspector sees duckflight's tables as it sees PostgreSQL's.

Superset, and many notebooks, discover tables this way. Every Inspector method
(``sqlalchemy_inspect.py``) is called on both servers (same tables, see
catalog_support.py) and the answers compared, under SQLAlchemy 2.x (the project's,
with psycopg) and 1.4 (Superset's line, with psycopg2; in a venv of its own, since
the two cannot share one).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sqlalchemy = pytest.importorskip("sqlalchemy")

from catalog_support import catalog_data, catalog_duckflight, catalog_pg, sqlalchemy14  # noqa: E402,F401

SCRIPT = Path(__file__).with_name("sqlalchemy_inspect.py")


def engine(url: str):
    return sqlalchemy.create_engine(url.replace("tester@", "duckflight@").replace("postgresql://", "postgresql+psycopg://"))


def inspected(python: str, url: str) -> dict:
    done = subprocess.run([python, str(SCRIPT), url], capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout)


# Where duckflight answers otherwise on purpose (docs/postgres-differences.md): our answer,
# where the SQLAlchemy version asks.
KNOWN = {
    # A table's access method is its file format, not heap.
    "get_table_options(None.orders)": {"postgresql_using": "parquet"},
    "get_table_options(None.events)": {"postgresql_using": "csv"},
    "get_multi_table_options(None)": [[[None, "events"], {"postgresql_using": "csv"}],
                                      [[None, "orders"], {"postgresql_using": "parquet"}]],
}


def assert_same(python: str, url: str, duckflight: str, pg: str) -> None:
    ours = inspected(python, duckflight.replace("tester@", "duckflight@").replace("postgresql://", url))
    theirs = inspected(python, pg.replace("postgresql://", url))
    # The view's text names its function with its schema; PostgreSQL leaves the schema out
    # when it is on the search path, as "$user" puts duckflight here (docs/decisions.md).
    view = "get_view_definition(duckflight.workers)"
    assert ours[view] == theirs[view].replace(" FROM worker_status()", " FROM duckflight.worker_status()")
    theirs[view] = ours[view]
    differences = {k: (ours.get(k), theirs[k]) for k in theirs
                   if ours.get(k) != theirs[k] and (k not in KNOWN or ours.get(k) != KNOWN[k])}
    assert not differences, "\n".join(f"{k}:\n  duckflight: {a}\n  PostgreSQL: {b}" for k, (a, b) in differences.items())


def test_every_inspector_method_matches_postgresql(catalog_duckflight, catalog_pg):
    assert_same(sys.executable, "postgresql+psycopg://", catalog_duckflight, catalog_pg)


@pytest.mark.timeout(900)
def test_sqlalchemy_14_inspector_matches_postgresql(sqlalchemy14, catalog_duckflight, catalog_pg):
    version = subprocess.run([sqlalchemy14, "-c", "import sqlalchemy; print(sqlalchemy.__version__)"],
                             capture_output=True, text=True, check=True).stdout
    assert version.startswith("1.4.")
    assert_same(sqlalchemy14, "postgresql+psycopg2://", catalog_duckflight, catalog_pg)


def test_reflected_table_is_queryable(catalog_duckflight):
    e = engine(catalog_duckflight)
    try:
        orders = sqlalchemy.Table("orders", sqlalchemy.MetaData(), autoload_with=e)
        with e.connect() as connection:
            count = connection.execute(sqlalchemy.select(sqlalchemy.func.count()).select_from(orders)).scalar()
        assert count == 10
    finally:
        e.dispose()
