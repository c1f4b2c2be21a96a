"""A real worker over Flight on loopback: fragments, actions and errors."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from duckflight.protos import fragment_pb2
from duckflight.worker.client import WorkerClient
from duckflight.worker.errors import error_kind, error_message
from duckflight.worker.resources import Resources
from duckflight.worker.server import WorkerServer


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    # Its data folder holds every test's files (``files`` and each tmp_path).
    server = WorkerServer("127.0.0.1", 0, data=[str(tmp_path_factory.getbasetemp())], node="test-node", threads=1)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    client = WorkerClient(server.address)
    yield server, client
    client.close()
    server.shutdown()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("t")
    con = duckdb.connect()
    for i in range(2):
        con.execute(f"copy (select range + {i * 100} as id, (range % 3)::varchar as k from range(100)) "
                    f"to '{root}/part{i}.parquet'")
    con.execute(f"copy (select 1 as a, 'x,y' as b union all select 2, 'z') to '{root}/small.csv' (header)")
    return root


def _fragment(sql: str, name: str, paths: list[str], fmt: str = "parquet") -> fragment_pb2.Fragment:
    fragment = fragment_pb2.Fragment(query_id="test", stage_id=1, fragment_id=0, sql=sql)
    scan = fragment.scans.add(name=name, format=fmt)
    for path in paths:
        scan.splits.add(path=path)
    return fragment


def test_fragment_reads_only_its_splits_with_filters(worker, files):
    _, client = worker
    table = client.fetch(_fragment('SELECT "id" FROM "t" WHERE "k" = \'1\'', "t", [f"{files}/part1.parquet"]))
    ids = table.column("id").to_pylist()
    assert ids == [i for i in range(100, 200) if (i - 100) % 3 == 1]


def test_csv_scan_uses_the_given_dialect_and_types(worker, files):
    _, client = worker
    fragment = _fragment('SELECT * FROM "c" ORDER BY a', "c", [f"{files}/small.csv"], "csv")
    csv = fragment.scans[0].csv
    csv.delimiter, csv.quote, csv.escape, csv.header = ",", '"', '"', True
    csv.columns.add(name="a", type="BIGINT")
    csv.columns.add(name="b", type="VARCHAR")
    assert client.fetch(fragment).to_pylist() == [{"a": 1, "b": "x,y"}, {"a": 2, "b": "z"}]


def test_health_check_and_info(worker):
    server, client = worker
    health = client.health_check()
    assert health.ok and health.node == "test-node"
    info = client.info()
    assert info.address == server.address and info.threads == 1
    assert info.duckdb_version == duckdb.__version__ and info.running_fragments == 0
    assert info.fragments_served >= 0 and info.pid > 0


def test_errors_carry_duckdb_kind(worker, files):
    _, client = worker
    with pytest.raises(Exception) as error:
        client.fetch(_fragment('SELECT "nope" FROM "t"', "t", [f"{files}/part0.parquet"]))
    assert error_kind(error.value) == "BinderException"
    assert 'Referenced column "nope" not found' in error_message(error.value)


def test_scans_are_private_to_their_fragment(worker, files):
    _, client = worker
    client.fetch(_fragment('SELECT count(*) FROM "t"', "t", [f"{files}/part0.parquet"]))
    with pytest.raises(Exception) as error:
        client.fetch(_fragment('SELECT count(*) FROM "t"', "other", [f"{files}/part0.parquet"]))
    assert error_kind(error.value) == "CatalogException"


def test_memory_and_concurrency_limits(files):
    """A worker runs at most max_fragments fragments at once; the rest wait their turn."""
    server = WorkerServer("127.0.0.1", 0, data=[str(files)], threads=1, resources=Resources("worker", 512 << 20), max_fragments=1)
    threading.Thread(target=server.serve, daemon=True).start()
    client = WorkerClient(server.address)
    try:
        assert client.info().memory_limit == "512.0 MiB"
        slow = _fragment('SELECT count(DISTINCT hash(r.range * 1000 + id)) AS n FROM "t", range(20000) r', "t",
                         [f"{files}/part0.parquet"])
        results, peak = [], 0
        runners = [threading.Thread(target=lambda: results.append(client.fetch(slow))) for _ in range(3)]
        for runner in runners:
            runner.start()
        while any(r.is_alive() for r in runners):
            peak = max(peak, client.info().running_fragments)
        assert peak == 1
        assert len(results) == 3 and all(t.column("n")[0].as_py() > 1_900_000 for t in results)
    finally:
        client.close()
        server.shutdown()


def test_a_rewritten_file_is_read_anew_despite_the_footer_cache(worker, tmp_path):
    """Workers keep Parquet footers between fragments; a file written again must not be read by its old footer."""
    _, client = worker
    path = tmp_path / "t.parquet"
    con = duckdb.connect()
    con.execute(f"copy (select range as id from range(10)) to '{path}'")
    fragment = _fragment("select count(*) as n, sum(id) as s from t", "t", [str(path)])
    assert client.fetch(fragment).to_pylist() == [{"n": 10, "s": 45}]
    con.execute(f"copy (select range * 2 as id from range(1000)) to '{path}'")
    assert client.fetch(fragment).to_pylist() == [{"n": 1000, "s": 999000}]


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM glob('/etc/*')",
    "SELECT * FROM '/etc/passwd'",
    "COPY (SELECT 1) TO '/tmp/duckflight-escape.csv'",
    "ATTACH '/tmp/duckflight-escape.db' AS escape",
    "LOAD httpfs",
])
def test_the_worker_duckdb_opens_no_file_outside_its_data(worker, sql):
    """A fragment is DuckDB SQL: one the planner would never send still cannot leave the data folder."""
    _, client = worker
    with pytest.raises(Exception) as error:
        client.fetch(fragment_pb2.Fragment(query_id="test", stage_id=1, fragment_id=0, sql=sql))
    assert error_kind(error.value) in ("PermissionException", "CatalogException")
    assert not any(Path("/tmp").glob("duckflight-escape*"))


@pytest.mark.parametrize("setting", ["enable_external_access = true", "allowed_directories = ['/']",
                                     "lock_configuration = false", "allowed_configs = ['enable_external_access']"])
def test_a_fragment_cannot_lift_the_worker_sandbox(worker, setting):
    _, client = worker
    with pytest.raises(Exception) as error:
        client.fetch(fragment_pb2.Fragment(query_id="test", stage_id=1, fragment_id=0, sql=f"SET {setting}"))
    assert "the configuration has been locked" in error_message(error.value)
    table = client.fetch(fragment_pb2.Fragment(query_id="test", stage_id=1, fragment_id=0,
                                               sql="SELECT current_setting('enable_external_access') AS open"))
    assert table.to_pylist() == [{"open": False}]
