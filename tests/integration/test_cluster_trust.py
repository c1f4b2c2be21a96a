"""Trust between gateway and workers, on real processes: the cluster secret and TLS.

Workers run only Flight calls that carry the cluster secret, the control service takes
registrations only from its holders, worker-to-worker exchanges carry it too, and it
shows nowhere: not in logs, EXPLAIN, the workers list or command lines. With TLS the
gateway reaches its workers only when their certificates chain to its --tls-ca.
"""

from __future__ import annotations

import math
import os
import re
import shlex
import signal
import subprocess
import threading
import time
from pathlib import Path

import duckdb
import grpc
import psycopg
import pyarrow as pa
import pyarrow.flight as flight
import pytest
import trustme

from duckflight.gateway.up import free_port
from duckflight.protos import control_pb2, registry_pb2, registry_pb2_grpc
from duckflight.worker.client import WorkerClient
from duckflight.worker.server import WorkerServer
from duckflight.worker.trust import Trust
from duckdb_referee import duckdb_over
from processes import UpProcess, descendants, dsn, duckflight_executable

# A self join on a column that is not a key: its rows move worker to worker (do_put).
SHUFFLED = "select count(*), sum(a.v) from t a join t b on a.k = b.k2"
SECRET = "a-test-cluster-secret-0123456789abcdef"


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("trust")
    (root / "t").mkdir()
    for i in range(3):
        duckdb.execute(f"""copy (select (range * 7 + {i}) % 50 as k, (range * 13 + {i}) % 40 as k2,
                           (range % 101)::decimal(10,2) as v from range({i * 700 + 500}))
                           to '{root}/t/part{i}.parquet'""")
    return root


def expected_answer(data: Path) -> list[tuple]:
    return duckdb_over(data).execute(SHUFFLED).fetchall()


def query_with_plan(url: str, sql: str) -> tuple[str, list[tuple]]:
    with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
        plan = "\n".join(r[0] for r in conn.execute("explain " + sql))
        return plan, conn.execute(sql).fetchall()


def assert_same(rows: list[tuple], expected: list[tuple]) -> None:
    assert len(rows) == len(expected) == 1
    assert rows[0][0] == expected[0][0] and math.isclose(float(rows[0][1]), float(expected[0][1]))


# -- raw Flight calls, each of which a worker must refuse without the secret ----------

def _put(client, options):
    writer, _ = client.do_put(flight.FlightDescriptor.for_path("q1", "stolen"), pa.schema([("a", pa.int64())]),
                              options)
    writer.write_table(pa.table({"a": [1, 2, 3]}))
    writer.close()


def _exchange(client, options):
    writer, reader = client.do_exchange(flight.FlightDescriptor.for_path("x"), options)
    writer.done_writing()
    reader.read_all()


CALLS = {
    "do_get": lambda c, o: c.do_get(flight.Ticket(b"\x0a\x01q"), o).read_all(),
    "do_action": lambda c, o: list(c.do_action(flight.Action("health_check", b""), o)),
    "do_put": _put,
    "list_flights": lambda c, o: list(c.list_flights(b"", o)),
    "list_actions": lambda c, o: c.list_actions(o),
    "get_flight_info": lambda c, o: c.get_flight_info(flight.FlightDescriptor.for_path("x"), o),
    "get_schema": lambda c, o: c.get_schema(flight.FlightDescriptor.for_path("x"), o),
    "do_exchange": _exchange,
}
NO_TOKEN = flight.FlightCallOptions(timeout=10)
WRONG_TOKEN = flight.FlightCallOptions(timeout=10, headers=[(b"authorization", b"Bearer not-the-secret")])


def assert_refused(client: flight.FlightClient, calls=CALLS) -> None:
    for name in calls:
        for options in (NO_TOKEN, WRONG_TOKEN):
            with pytest.raises(Exception) as refused:
                CALLS[name](client, options)
            assert "cluster secret" in str(refused.value), name
            if name == "get_schema":  # pyarrow's client reports this call's status as a plain OSError
                assert "Detail: Unauthenticated" in str(refused.value)
            else:
                assert isinstance(refused.value, flight.FlightUnauthenticatedError), (name, refused.value)


def test_a_worker_refuses_every_flight_call_without_the_secret(caplog):
    server = WorkerServer("127.0.0.1", 0, data=[], threads=1, trust=Trust(secret=SECRET.encode()))
    threading.Thread(target=server.serve, daemon=True).start()
    client = flight.FlightClient(f"grpc://{server.address}")
    try:
        assert_refused(client)
        assert server.tables.count() == 0  # the refused do_put stored nothing
        right = flight.FlightCallOptions(timeout=10, headers=[(b"authorization", f"Bearer {SECRET}".encode())])
        body = list(client.do_action(flight.Action("health_check", b""), right))[0].body.to_pybytes()
        assert control_pb2.HealthStatus.FromString(body).ok
    finally:
        client.close()
        server.shutdown()
    refusals = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 2 * len(CALLS)  # one line per refused call
    # Each names the peer, but get_schema's, which pyarrow refuses before a handler knows it.
    with_peer = [line for line in refusals if "get_schema" not in line]
    assert all(re.search(r"from ipv[46]:(127\.0\.0\.1|\[::1\]):\d+", line) for line in with_peer), refusals
    assert not any(SECRET in r.getMessage() or "not-the-secret" in r.getMessage() for r in caplog.records)


# -- `duckflight up`: locked with no set-up ------------------------------------------

def _environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").split("=", 1) for item in raw if b"=" in item)


def _cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")


@pytest.mark.timeout(180)
def test_up_without_options_runs_a_locked_cluster(data, launch_up):
    up = launch_up(["--port", "0", "--data", str(data)], env={"PYTHONUNBUFFERED": "1"})
    port = int(up.wait_for_output(r"postgresql://duckflight@127\.0\.0\.1:(\d+)/duckflight")[1])
    plan, rows = query_with_plan(dsn(port), SHUFFLED)
    assert "Exchange shuffle" in plan, plan  # workers sent each other rows, with the secret
    assert_same(rows, expected_answer(data))
    with psycopg.connect(dsn(port), autocommit=True) as conn:
        workers = conn.execute("select address, state, last_error from duckflight.workers").fetchall()
    assert [state for _, state, _ in workers] == ["healthy", "healthy"]

    children = descendants(up.proc.pid)
    secrets = {_environ(pid).get("DUCKFLIGHT_CLUSTER_SECRET") for pid in children} - {None}
    assert len(secrets) == 1, "every child of `up` has the one secret of its cluster"
    secret = secrets.pop()
    assert len(secret) >= 32
    for pid in children | {up.proc.pid}:
        assert secret not in _cmdline(pid)

    worker = workers[0][0]
    client = flight.FlightClient(f"grpc://{worker}")
    try:
        assert_refused(client, ["do_get", "do_action", "do_put", "list_flights"])
        right = flight.FlightCallOptions(timeout=10, headers=[(b"authorization", f"Bearer {secret}".encode())])
        assert list(client.do_action(flight.Action("health_check", b""), right))
    finally:
        client.close()

    up.stop(signal.SIGTERM)
    log = up.output()
    assert re.search(r"refused a do_get call from ipv4:127\.0\.0\.1:\d+", log), log[-3000:]
    for place in (log, plan, repr(workers)):
        assert secret not in place
    assert "not-the-secret" not in log


# -- a gateway and workers as separate processes, over TLS ---------------------------

@pytest.fixture(scope="module")
def certs(tmp_path_factory) -> dict[str, str]:
    """A CA with a certificate for 127.0.0.1, and a second CA that signed nothing here."""
    folder = tmp_path_factory.mktemp("certs")
    ca, stranger = trustme.CA(), trustme.CA()
    leaf = ca.issue_cert("127.0.0.1", "localhost")
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    stranger.cert_pem.write_to_path(str(folder / "other-ca.pem"))
    leaf.cert_chain_pems[0].write_to_path(str(folder / "cert.pem"))
    leaf.private_key_pem.write_to_path(str(folder / "key.pem"))
    (folder / "key.pem").chmod(0o600)  # a key others may read is refused, as by PostgreSQL
    return {name: str(folder / f"{name}.pem") for name in ("ca", "other-ca", "cert", "key")}


def _start(folder: Path, name: str, argv: list[str]) -> UpProcess:
    shell = "exec " + shlex.join([duckflight_executable(), *argv])
    return UpProcess([], folder / f"{name}.log", env={"PYTHONUNBUFFERED": "1"}, shell=shell)


class TlsCluster:
    def __init__(self, folder: Path, data: Path, certs: dict[str, str]):
        self.folder = folder
        self.secret_file = folder / "cluster-secret"
        self.secret_file.write_text(SECRET + "\n")
        self.secret_file.chmod(0o600)
        tls = ["--tls-cert", certs["cert"], "--tls-key", certs["key"], "--tls-ca", certs["ca"]]
        self.port, self.control = free_port(), free_port()
        self.processes = [_start(folder, "gateway", [
            "gateway", "--port", str(self.port), "--control-port", str(self.control), "--data", str(data),
            "--health-interval", "0.5", "--cluster-secret-file", str(self.secret_file), *tls])]
        self.processes[0].wait_until_accepting(dsn(self.port))
        self.workers = [f"127.0.0.1:{free_port()}" for _ in range(2)]
        for i, address in enumerate(self.workers):
            self.processes.append(_start(folder, f"worker-{i}", [
                "worker", "--port", address.split(":")[1], "--data", str(data), "--threads", "1",
                "--memory-limit", "1GB",
                "--gateway", f"127.0.0.1:{self.control}", "--cluster-secret-file", str(self.secret_file), *tls]))
        self.wait_healthy(dsn(self.port), 2)

    def wait_healthy(self, url: str, count: int) -> None:
        deadline = time.monotonic() + 60
        while self.workers_view(url).count("healthy") < count:
            if time.monotonic() > deadline:
                pytest.fail(f"workers not healthy: {self.workers_view(url)}\n{self.logs()[-4000:]}")
            time.sleep(0.2)

    @staticmethod
    def workers_view(url: str) -> list[str]:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
            return [r[0] for r in conn.execute("select state from duckflight.workers order by address")]

    def logs(self) -> str:
        return "".join(p.output() for p in self.processes)

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.proc.poll() is None:
                process.stop(signal.SIGTERM)


@pytest.fixture(scope="module")
def tls_cluster(data, certs, tmp_path_factory):
    cluster = None
    try:
        cluster = TlsCluster(tmp_path_factory.mktemp("tls-cluster"), data, certs)
        yield cluster
    finally:
        if cluster is not None:
            cluster.stop()


def test_a_tls_cluster_with_a_secret_answers_queries(tls_cluster, data):
    plan, rows = query_with_plan(dsn(tls_cluster.port), SHUFFLED)
    assert "Exchange shuffle" in plan, plan
    assert_same(rows, expected_answer(data))
    assert SECRET not in plan
    assert re.search(r"control service listening on 127\.0\.0\.1:\d+ \(TLS\)", tls_cluster.logs())


def _control(tls_cluster, certs) -> registry_pb2_grpc.RegistryStub:
    creds = grpc.ssl_channel_credentials(root_certificates=Path(certs["ca"]).read_bytes())
    channel = grpc.secure_channel(f"127.0.0.1:{tls_cluster.control}", creds)
    return registry_pb2_grpc.RegistryStub(channel)


def _duckflight_workers(tls_cluster, certs, *extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUCKFLIGHT_")}
    return subprocess.run([duckflight_executable(), "workers", "--gateway", f"127.0.0.1:{tls_cluster.control}",
                           "--tls-ca", certs["ca"], *extra], env=env, capture_output=True, text=True, timeout=30)


def test_registration_without_the_secret_is_refused_and_the_pool_stays(tls_cluster, certs):
    stub = _control(tls_cluster, certs)
    intruder = f"127.0.0.1:{free_port()}"
    calls = [lambda md: stub.Register(registry_pb2.RegisterRequest(address=intruder, node="evil"), timeout=5,
                                      metadata=md),
             lambda md: stub.Deregister(registry_pb2.DeregisterRequest(address=tls_cluster.workers[0]), timeout=5,
                                        metadata=md),
             lambda md: stub.List(registry_pb2.ListRequest(), timeout=5, metadata=md)]
    for call in calls:
        for metadata in ((), (("authorization", "Bearer not-the-secret"),), (("authorization", SECRET),)):
            with pytest.raises(grpc.RpcError) as refused:
                call(metadata)
            assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
            assert SECRET not in refused.value.details()

    listed = _duckflight_workers(tls_cluster, certs, "--cluster-secret-file", str(tls_cluster.secret_file))
    assert listed.returncode == 0, listed.stderr
    assert intruder not in listed.stdout and "evil" not in listed.stdout
    assert all(address in listed.stdout for address in tls_cluster.workers)
    assert SECRET not in listed.stdout
    assert TlsCluster.workers_view(dsn(tls_cluster.port)) == ["healthy", "healthy"]

    without = _duckflight_workers(tls_cluster, certs)
    assert without.returncode == 1 and "cluster secret" in without.stderr, without.stderr
    assert re.search(r"refused a Register call from ipv4:127\.0\.0\.1:\d+", tls_cluster.processes[0].output())


def test_a_tls_worker_refuses_flight_calls_without_the_secret(tls_cluster, certs):
    client = flight.FlightClient(f"grpc+tls://{tls_cluster.workers[0]}",
                                 tls_root_certs=Path(certs["ca"]).read_bytes())
    try:
        assert_refused(client, ["do_get", "do_action", "do_put", "list_flights"])
    finally:
        client.close()


def test_a_gateway_with_the_wrong_ca_cannot_reach_the_workers(tls_cluster, data, certs):
    port = free_port()
    gateway = _start(tls_cluster.folder, "stranger-gateway", [
        "gateway", "--port", str(port), "--control-port", "0", "--data", str(data), "--health-interval", "0.5",
        "--fragment-timeout", "10", "--cluster-secret-file", str(tls_cluster.secret_file),
        "--tls-ca", certs["other-ca"], *[flag for a in tls_cluster.workers for flag in ("--worker", a)]])
    try:
        gateway.wait_until_accepting(dsn(port))
        with psycopg.connect(dsn(port), autocommit=True, connect_timeout=10) as conn:
            with pytest.raises(psycopg.Error) as failed:
                conn.execute("select count(*) from t").fetchall()
            deadline = time.monotonic() + 30
            while True:
                workers = conn.execute("select state, last_error from duckflight.workers").fetchall()
                if all(state == "unhealthy" for state, _ in workers) or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
        assert [state for state, _ in workers] == ["unhealthy", "unhealthy"], workers
        assert all("certificate verify failed" in error for _, error in workers), workers
        # The query fails whole, naming the cause (or, once the health checks have already taken
        # both workers out of the schedule, saying none is left: duckflight.workers names the cause).
        assert failed.value.sqlstate == "58000", str(failed.value)
        message = str(failed.value)
        assert "no worker could run" in message and "certificate verify failed" in message \
            or "no worker is available" in message, message
    finally:
        gateway.stop(signal.SIGTERM)
    assert SECRET not in gateway.output()


def test_the_secret_is_in_no_log_of_the_cluster(tls_cluster):
    query_with_plan(dsn(tls_cluster.port), SHUFFLED)
    logs = tls_cluster.logs()
    assert "registered 127.0.0.1" in logs
    assert SECRET not in logs and "not-the-secret" not in logs


# -- start-up without a secret ---------------------------------------------------------

def _run(argv: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DUCKFLIGHT_")}
    return subprocess.run([duckflight_executable(), *argv], env={**clean, **(env or {})}, capture_output=True,
                          text=True, timeout=60)


def test_a_worker_beyond_loopback_refuses_to_start_without_a_secret(tmp_path):
    done = _run(["worker", "--host", "0.0.0.0", "--port", str(free_port()), "--data", str(tmp_path)])
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("duckflight worker: this worker (--host 0.0.0.0) "
                                                           "listens on 0.0.0.0 but no cluster secret is set")
    gateway = _run(["gateway", "--host", "0.0.0.0", "--port", str(free_port()), "--data", str(tmp_path)])
    assert gateway.returncode == 1 and "no cluster secret" in gateway.stderr
    empty = tmp_path / "empty"
    empty.write_text("\n")
    empty.chmod(0o600)
    done = _run(["worker", "--port", str(free_port()), "--data", str(tmp_path), "--cluster-secret-file", str(empty)])
    assert done.returncode == 1 and "the cluster secret is empty" in done.stderr
    half = _run(["worker", "--port", str(free_port()), "--data", str(tmp_path), "--tls-cert", str(empty)])
    assert half.returncode == 1 and "--tls-cert and --tls-key go together" in half.stderr


def test_a_gateway_with_a_wrong_secret_gets_no_rows_from_the_workers(data):
    from duckflight.gateway.main import backend_factory, build_engine
    from duckflight.gateway.pgwire.server import PgServer

    server = WorkerServer("127.0.0.1", 0, data=[str(data)], threads=1, trust=Trust(secret=SECRET.encode()))
    threading.Thread(target=server.serve, daemon=True).start()
    engine = build_engine(str(data), [server.address], fragment_timeout=10, health_interval=0.3,
                          trust=Trust(secret=b"not-the-secret"))
    gateway = PgServer(("127.0.0.1", 0), backend_factory(engine))
    gateway.serve_in_thread()
    try:
        with psycopg.connect(f"postgresql://tester@127.0.0.1:{gateway.server_address[1]}/duckflight",
                             autocommit=True) as conn:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:  # three failed checks, 0.3 s apart
                [(state, error)] = conn.execute("select state, last_error from duckflight.workers").fetchall()
                if state == "unhealthy":
                    break
                time.sleep(0.1)
            with pytest.raises(psycopg.Error) as failed:
                conn.execute("select count(*) from t").fetchall()
    finally:
        gateway.shutdown()
        engine.close()
        server.shutdown()
    assert failed.value.sqlstate == "58000" and "no worker" in str(failed.value)
    assert state == "unhealthy" and "cluster secret" in error
    assert "not-the-secret" not in str(failed.value) + error


# -- `duckflight up` with a self-signed certificate ----------------------------------

def _self_signed(folder: Path, name: str) -> tuple[str, str]:
    """A certificate that signs itself, for ``name`` only, and its key (as `openssl req -x509` makes)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    (folder / "self.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "self.key").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                        serialization.NoEncryption()))
    (folder / "self.key").chmod(0o600)
    return str(folder / "self.pem"), str(folder / "self.key")


def test_up_trusts_a_self_signed_certificate_by_the_name_it_carries(tmp_path):
    """Without --tls-ca, `up` trusts a self-signed --tls-cert itself, and checks its workers, dialled
    at 127.0.0.1, against the name the certificate carries."""
    import argparse

    from duckflight.gateway.up import worker_tls

    cert, key = _self_signed(tmp_path, "gw.example.test")
    ca, name = worker_tls(argparse.Namespace(tls_cert=cert, tls_key=key, tls_ca=None))
    assert (ca, name) == (cert, "gw.example.test")
    served = Trust(secret=SECRET.encode(), tls_cert=Path(cert).read_bytes(), tls_key=Path(key).read_bytes())
    server = WorkerServer("127.0.0.1", 0, data=[], threads=1, trust=served)
    threading.Thread(target=server.serve, daemon=True).start()
    dial = {"secret": SECRET.encode(), "tls_ca": Path(ca).read_bytes()}
    checked, by_address = WorkerClient(server.address, Trust(**dial, tls_server_name=name)), WorkerClient(
        server.address, Trust(**dial))
    try:
        assert checked.health_check(timeout=5).ok
        with pytest.raises(flight.FlightUnavailableError, match="127.0.0.1"):  # the name the certificate lacks
            by_address.health_check(timeout=5)
    finally:
        checked.close()
        by_address.close()
        server.shutdown()
