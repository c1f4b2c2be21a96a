"""`duckflight up --tls-cert --tls-key --tls-ca`: a local cluster locked all the way through.

The Postgres port, the workers' Flight servers and the control service all serve TLS with
the one certificate; the gateway (and each worker, dialling its peers) verifies the workers
against the CA and the name the certificate carries, "localhost", though it dials them at
127.0.0.1. A caller who holds the cluster secret but speaks in clear gets nothing: no
connection, no fragment run, no registration. Certificates come from trustme.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import grpc
import psycopg
import pyarrow.flight as flight
import pytest
import trustme

from duckflight.gateway.up import free_port
from duckflight.protos import fragment_pb2, registry_pb2, registry_pb2_grpc
from duckflight.worker.client import WorkerClient
from duckflight.worker.trust import Trust
from processes import UpProcess, duckflight_executable
from test_tpch import QUERIES, assert_same_result

SECRET = "an-up-tls-test-cluster-secret-0123456789"
QUERY = 13  # TPC-H Q13: customer left join orders; with a small --broadcast-limit, shuffled worker to worker


@pytest.fixture(scope="module")
def certs(tmp_path_factory) -> dict[str, str]:
    """A CA and a certificate it issued for "localhost" only (not for 127.0.0.1)."""
    folder = tmp_path_factory.mktemp("up-certs")
    ca = trustme.CA()
    leaf = ca.issue_cert("localhost")
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    leaf.cert_chain_pems[0].write_to_path(str(folder / "cert.pem"))
    leaf.private_key_pem.write_to_path(str(folder / "key.pem"))
    (folder / "key.pem").chmod(0o600)  # a key others may read is refused, as by PostgreSQL
    secret = folder / "cluster-secret"
    secret.write_text(SECRET + "\n")
    secret.chmod(0o600)
    return {**{name: str(folder / f"{name}.pem") for name in ("ca", "cert", "key")}, "secret": str(secret)}


@pytest.fixture(scope="module")
def cluster(certs, tpch_sf01, tmp_path_factory):
    """(Postgres port, control port, process) of `duckflight up` with TLS end to end."""
    port, control = free_port(), free_port()
    up = UpProcess(["--port", str(port), "--workers", "2", "--data", str(tpch_sf01), "--control-port", str(control),
                    "--health-interval", "0.5", "--broadcast-limit", "64KB", "--cluster-secret-file", certs["secret"],
                    "--tls-cert", certs["cert"], "--tls-key", certs["key"], "--tls-ca", certs["ca"]],
                   tmp_path_factory.mktemp("up-tls") / "up.log", env={"PYTHONUNBUFFERED": "1"})
    try:
        up.wait_for_output("duckflight is up")
        yield port, control, up
    finally:
        up.stop(signal.SIGTERM)


def verify_full(port: int, certs: dict[str, str]) -> str:
    return (f"host=localhost port={port} dbname=duckflight user=duckflight sslmode=verify-full "
            f"sslrootcert={certs['ca']} connect_timeout=10")


def workers(port: int, certs: dict[str, str]) -> list[tuple[str, str]]:
    with psycopg.connect(verify_full(port, certs), autocommit=True) as conn:
        return conn.execute("select address, state from duckflight.workers order by address").fetchall()


def over_tls(address: str, certs: dict[str, str]) -> WorkerClient:
    """A client as the gateway dials: the secret, the CA and the certificate's name."""
    return WorkerClient(address, Trust(secret=SECRET.encode(), tls_ca=Path(certs["ca"]).read_bytes(),
                                       tls_server_name="localhost"))


def test_a_tpch_query_over_verify_full_runs_on_tls_workers(cluster, certs, referee_sf01):
    port, _, up = cluster
    sql = QUERIES[QUERY]
    expected = referee_sf01.execute(sql)
    expected_cols, expected_rows = [d[0] for d in expected.description], expected.fetchall()
    with psycopg.connect(verify_full(port, certs), autocommit=True) as conn:
        assert conn.info.pgconn.ssl_in_use
        plan = "\n".join(row[0] for row in conn.execute("explain " + sql))
        cur = conn.execute(sql)
        actual_cols, actual_rows = [d.name for d in cur.description], [tuple(r) for r in cur.fetchall()]
    assert_same_result(sql, actual_cols, actual_rows, expected_cols, expected_rows)
    assert "Exchange shuffle" in plan, plan  # the workers sent each other rows, over TLS
    assert [state for _, state in workers(port, certs)] == ["healthy", "healthy"]
    assert up.output().count("listening on grpc+tls://127.0.0.1:") == 2, up.output()[-3000:]


def test_a_plaintext_flight_client_with_the_secret_runs_nothing(cluster, certs):
    port, _, _ = cluster
    for address, _ in workers(port, certs):
        checked = over_tls(address, certs)
        served = checked.info().fragments_served
        clear = WorkerClient(address, Trust(secret=SECRET.encode()))  # the right secret, no TLS
        try:
            with pytest.raises(flight.FlightUnavailableError):
                clear.fetch(fragment_pb2.Fragment(query_id="clear", stage_id=1, fragment_id=0,
                                                  sql="select count(*) from lineitem"), timeout=10)
            with pytest.raises(flight.FlightUnavailableError):
                clear.health_check(timeout=5)
        finally:
            clear.close()
        assert checked.info().fragments_served == served  # no fragment ran
        assert checked.health_check().ok
        checked.close()


def test_a_registration_in_clear_fails_and_the_pool_stays(cluster, certs):
    port, control, _ = cluster
    before = workers(port, certs)
    intruder = f"127.0.0.1:{free_port()}"
    with grpc.insecure_channel(f"127.0.0.1:{control}") as channel:
        with pytest.raises(grpc.RpcError) as failed:
            registry_pb2_grpc.RegistryStub(channel).Register(
                registry_pb2.RegisterRequest(address=intruder, node="clear"), timeout=5,
                metadata=(("authorization", f"Bearer {SECRET}"),))
    assert failed.value.code() == grpc.StatusCode.UNAVAILABLE, failed.value
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUCKFLIGHT_")}
    listed = subprocess.run([duckflight_executable(), "workers", "--gateway", f"127.0.0.1:{control}",
                             "--cluster-secret-file", certs["secret"], "--tls-ca", certs["ca"],
                             "--tls-server-name", "localhost"], env=env, capture_output=True, text=True, timeout=30)
    assert listed.returncode == 0, listed.stderr
    assert all(address in listed.stdout for address, _ in before) and intruder not in listed.stdout
    assert workers(port, certs) == before
