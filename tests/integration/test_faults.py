"""Workers join, fail and recover, with real processes and real signals.

Every cluster here runs with short health intervals and a short fragment
timeout, so a frozen worker costs a query seconds, not minutes. Every loop is
bounded in time; every process and network namespace a test starts is killed
or deleted at teardown. Addresses are 127.0.0.1 or the test's own namespace.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import grpc
import psycopg
import pytest

from duckflight.protos import registry_pb2, registry_pb2_grpc
from duckflight.worker.client import WorkerClient
from duckflight.worker.trust import SECRET_ENV, Trust

from duckflight.gateway.up import free_port
from processes import descendants

FRAGMENT_TIMEOUT = 3.0
FAST = ["--health-interval", "0.5", "--health-timeout", "0.5",
        "--fragment-timeout", str(FRAGMENT_TIMEOUT), "--fragment-retries", "2"]

# A query slow enough on a one-thread worker (~1 s a fragment) to kill a worker in
# the middle of it; its answer has per-group sums, so a lost or doubled fragment shows.
SLOW_FILTER = "l_comment"
for _ in range(24):
    SLOW_FILTER = f"md5({SLOW_FILTER})"
SLOW_QUERY = (f"select l_returnflag, l_linestatus, count(*) as n, sum(l_quantity) as qty from lineitem "
              f"where {SLOW_FILTER} < '8' group by l_returnflag, l_linestatus order by 1, 2")
Q1 = """select l_returnflag, l_linestatus, sum(l_quantity) as sum_qty, sum(l_extendedprice) as sum_base_price,
       count(*) as count_order from lineitem where l_shipdate <= date '1998-12-01' - interval '90' day
       group by l_returnflag, l_linestatus order by l_returnflag, l_linestatus"""


def until(condition, timeout: float, what: str, step: float = 0.1):
    """Poll condition until it returns something truthy; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout}s")
        time.sleep(step)


def query(url: str, sql: str, timeout: float = 30) -> list[tuple]:
    with psycopg.connect(url, autocommit=True, connect_timeout=10,
                         options=f"-c statement_timeout={int(timeout * 1000)}") as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


def sql_states(url: str) -> dict[str, str]:
    """address -> state, as `select * from duckflight.workers` shows them."""
    return {address: state for address, state in query(url, "select address, state from duckflight.workers")}


def rounded(rows):
    return [tuple(round(float(v), 2) if isinstance(v, (float, int)) or type(v).__name__ == "Decimal" else v
                  for v in row) for row in rows]


# The cluster secret of the processes these tests start (a worker beyond loopback needs one).
SECRET = "fault-tests-cluster-secret"
TRUST = Trust(secret=SECRET.encode())


class Registry:
    """A client of a gateway's control service."""

    def __init__(self, address: str):
        self.channel = grpc.insecure_channel(address)
        self.stub = registry_pb2_grpc.RegistryStub(self.channel)

    def states(self, node: str = "") -> dict[str, str]:
        try:
            reply = self.stub.List(registry_pb2.ListRequest(node=node), timeout=2, metadata=TRUST.grpc_metadata())
        except grpc.RpcError:
            return {}
        return {w.address: w.state for w in reply.workers}

    def close(self):
        self.channel.close()


class Processes:
    """Processes a test starts, each logging to a file; all killed at teardown."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.started: list[subprocess.Popen] = []

    def start(self, name: str, args: list[str], prefix: list[str] = ()) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "ab")
        env = {k: v for k, v in os.environ.items() if not k.startswith("DUCKFLIGHT_")}
        proc = subprocess.Popen([*prefix, duckflight_executable(), *args], stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, env={**env, "PYTHONUNBUFFERED": "1", SECRET_ENV: SECRET},
                                start_new_session=True)
        proc.log_path = self.folder / f"{name}.log"
        self.started.append(proc)
        return proc

    def kill_all(self):
        for proc in self.started:
            for sig in (signal.SIGCONT, signal.SIGKILL):
                try:
                    os.killpg(proc.pid, sig)
                except ProcessLookupError:
                    pass
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass


@pytest.fixture
def processes(tmp_path):
    found = Processes(tmp_path)
    yield found
    found.kill_all()


def dsn(port: int) -> str:
    return f"postgresql://duckflight@127.0.0.1:{port}/duckflight"


def duckflight_executable() -> str:
    return str(Path(os.sys.executable).parent / "duckflight")


def worker_pids(up) -> dict[str, int]:
    """address -> pid of the live worker processes of a `duckflight up` (its process group)."""
    found = {}
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            argv = (entry / "cmdline").read_bytes().decode().split("\0")
        except (OSError, NotADirectoryError):
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z" and int(fields[2]) == up.pgid and "worker" in argv and "--port" in argv:
            found[f"127.0.0.1:{argv[argv.index('--port') + 1]}"] = int(entry.name)
    return found


def start_up(launch_up, data: Path, port: int, *extra: str):
    up = launch_up(["--workers", "2", "--port", str(port), "--data", str(data), "--worker-threads", "1",
                    *FAST, *extra], env={"PYTHONUNBUFFERED": "1"})
    up.wait_for_output(re.escape(dsn(port)))
    until(lambda: len(worker_pids(up)) == 2, 10, "two worker processes")
    return up


@pytest.mark.timeout(120)
def test_kill_9_a_worker_in_the_middle_of_a_query(tpch_sf01, referee_sf01, launch_up, free_tcp_port):
    # The survivor runs the dead worker's fragments too: give them time.
    up = start_up(launch_up, tpch_sf01, free_tcp_port, "--fragment-timeout", "30")
    url = dsn(free_tcp_port)
    expected = rounded(referee_sf01.sql(SLOW_QUERY).fetchall())
    result: dict = {}
    runner = threading.Thread(target=lambda: result.update(rows=_try(query, url, SLOW_QUERY)), daemon=True)
    runner.start()

    pids = worker_pids(up)
    with psycopg.connect(url, autocommit=True) as conn:
        def busy_worker():
            rows = conn.execute("select address from duckflight.workers where running_fragments > 0").fetchall()
            return rows and (rows[0][0], pids[rows[0][0]])
        address, pid = until(busy_worker, 20, "a worker running a fragment of the query", step=0.02)
    os.kill(pid, signal.SIGKILL)
    runner.join(timeout=60)
    assert not runner.is_alive(), "the query hangs after its worker died"
    assert not isinstance(result["rows"], Exception), f"query failed: {result['rows']}\n{up.output()[-3000:]}"
    assert rounded(result["rows"]) == expected
    assert re.search(rf"worker {re.escape(address)} \(pid {pid}\) exited with code -9; restarting", up.output())

    # `up` starts it again on the same port, and the gateway sees it healthy again.
    until(lambda: worker_pids(up).get(address) not in (None, pid), 15, "the worker restarted")
    until(lambda: sql_states(url).get(address) == "healthy", 15, "the restarted worker healthy in SQL")
    assert rounded(query(url, SLOW_QUERY)) == expected


def _try(function, *args):
    try:
        return function(*args)
    except Exception as exc:  # reported by the test thread
        return exc


@pytest.mark.timeout(120)
def test_a_frozen_worker_costs_a_query_its_deadline_and_recovers(tpch_sf01, referee_sf01, launch_up, free_tcp_port):
    # Checks every 2 s, so the query below is planned before a check notices the
    # freeze: its fragments on the frozen worker must come back through the deadline.
    up = start_up(launch_up, tpch_sf01, free_tcp_port, "--health-interval", "2")
    url = dsn(free_tcp_port)
    expected = rounded(referee_sf01.sql(Q1).fetchall())
    assert rounded(query(url, Q1)) == expected
    address, pid = sorted(worker_pids(up).items())[0]
    os.kill(pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        assert rounded(query(url, Q1)) == expected
        elapsed = time.monotonic() - started
        assert elapsed < FRAGMENT_TIMEOUT + 5, f"the query took {elapsed:.1f}s with one worker frozen"
        states = until(lambda: (s := sql_states(url)).get(address) == "unhealthy" and s, 20,
                       "the frozen worker unhealthy in duckflight.workers")
        assert list(states.values()).count("healthy") == 1
        assert rounded(query(url, Q1)) == expected  # quick now: the frozen worker gets no fragments
    finally:
        os.kill(pid, signal.SIGCONT)
    until(lambda: sql_states(url).get(address) == "healthy", 15, "the thawed worker healthy again")
    assert worker_pids(up)[address] == pid  # frozen is not dead: `up` did not restart it


@pytest.mark.timeout(300)
def test_a_worker_frozen_during_a_streamed_export_costs_seconds_not_the_deadline(tpch_sf01, launch_up,
                                                                                  free_tcp_port):
    """An export streams its fragments' rows through the gateway as they come. When a
    worker freezes under it, the gateway must stop waiting as soon as the health checks
    notice, not at the fragment deadline (150 s here): either the fragment had sent
    nothing and runs again on the other worker, and the export is whole, or rows of
    it were already on their way and the export fails with 58000, never passing
    part of the table off as all of it. The deadline is far above what the rerun of a
    fragment takes even on a loaded machine (seen: 45 s), so the two cannot be confused."""
    up = start_up(launch_up, tpch_sf01, free_tcp_port, "--fragment-timeout", "150")
    url = dsn(free_tcp_port)
    total = query(url, "select count(*) from lineitem")[0][0]
    pids = worker_pids(up)
    received: list[int] = []

    def export():
        # Hashing long strings keeps the workers busy for a second or two.
        sql = "COPY (select l_orderkey, md5(repeat(l_comment, 500)) from lineitem) TO STDOUT"
        with psycopg.connect(url, autocommit=True) as conn, conn.cursor().copy(sql) as copy:
            received.extend(bytes(chunk).count(b"\n") for chunk in copy)

    result: dict = {}
    runner = threading.Thread(target=lambda: result.update(outcome=_try(export)), daemon=True)
    runner.start()
    busy = until(lambda: [a for a, n in running_fragments(url).items() if n > 0], 20, "a worker running a fragment",
                 step=0.02)
    address, pid = busy[0], pids[busy[0]]
    try:
        os.kill(pid, signal.SIGSTOP)
        frozen_at = time.monotonic()
        runner.join(timeout=140)
        elapsed = time.monotonic() - frozen_at
        assert not runner.is_alive(), "the export still waits on the frozen worker"
        outcome = result["outcome"]
        if isinstance(outcome, psycopg.Error):
            assert outcome.sqlstate == "58000" and address in str(outcome), outcome
            assert sum(received) < total
        else:
            assert outcome is None and sum(received) == total, outcome
        assert elapsed < 100, f"the export ended {elapsed:.1f}s after the freeze (fragment deadline 150s)"
    finally:
        os.kill(pid, signal.SIGCONT)
    until(lambda: sql_states(url).get(address) == "healthy", 15, "the thawed worker healthy again")
    assert query(url, "select count(*) from (select * from lineitem) as t") == [(total,)]


def running_fragments(url: str) -> dict[str, int]:
    return dict(query(url, "select address, running_fragments from duckflight.workers"))


@pytest.mark.timeout(120)
def test_self_registered_workers_come_back_after_a_gateway_restart(tpch_sf01, referee_sf01, processes):
    port, control = free_port(), free_port()
    gateway_args = ["gateway", "--port", str(port), "--control-port", str(control), "--data", str(tpch_sf01), *FAST]
    gateway = processes.start("gateway", gateway_args)
    workers = [processes.start(f"worker{i}", ["worker", "--port", str(free_port()), "--node", f"node{i}",
                                              "--data", str(tpch_sf01), "--threads", "1",
                                              "--gateway", f"127.0.0.1:{control}"])
               for i in (1, 2)]
    registry = Registry(f"127.0.0.1:{control}")
    try:
        until(lambda: list(registry.states().values()) == ["healthy", "healthy"], 20, "two registered workers")
        assert len(registry.states(node="node2")) == 1 and registry.states(node="nosuch") == {}
        listed = subprocess.run([duckflight_executable(), "workers", "--gateway", f"127.0.0.1:{control}",
                                 "--node", "node2"], capture_output=True, text=True, timeout=30,
                                env={**os.environ, SECRET_ENV: SECRET})
        assert listed.returncode == 0 and "node2" in listed.stdout and "node1" not in listed.stdout, listed
        url = dsn(port)
        expected = rounded(referee_sf01.sql(Q1).fetchall())
        assert rounded(query(url, Q1)) == expected

        gateway.kill()
        gateway.wait(timeout=10)
        processes.start("gateway-again", gateway_args)
        until(lambda: list(registry.states().values()) == ["healthy", "healthy"], 20,
              "both workers registered with the restarted gateway")
        assert rounded(query(url, Q1)) == expected

        # A cleanly stopped worker leaves the pool at once.
        workers[0].send_signal(signal.SIGTERM)
        assert workers[0].wait(timeout=10) == 0
        assert list(registry.states().values()) == ["healthy"]
        assert "deregistered" in workers[0].log_path.read_text()
        assert rounded(query(url, Q1)) == expected
    finally:
        registry.close()


# -- a worker behind a network link that is cut and reconnected ---------------

def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, timeout=10, check=check)


@pytest.fixture
def namespace():
    """A network namespace joined to this one by a veth pair in a private /30.

    Yields (namespace, host-side link, host address, namespace address).
    """
    if shutil.which("ip") is None:
        pytest.skip("the `ip` command (iproute2) is not installed")
    tag = os.getpid() % 100_000
    name, host_link, ns_link = f"dfns{tag}", f"dfh{tag}", f"dfn{tag}"
    subnet = f"10.250.{tag % 250}"  # 10.250.K.0/30: .1 here, .2 in the namespace
    made = _ip("netns", "add", name, check=False)
    if made.returncode != 0:
        pytest.skip(f"network namespaces are not permitted here: {made.stderr.strip()}")
    try:
        _ip("link", "add", host_link, "type", "veth", "peer", "name", ns_link)
        _ip("link", "set", ns_link, "netns", name)
        _ip("addr", "add", f"{subnet}.1/30", "dev", host_link)
        _ip("link", "set", host_link, "up")
        _ip("netns", "exec", name, "ip", "addr", "add", f"{subnet}.2/30", "dev", ns_link)
        _ip("netns", "exec", name, "ip", "link", "set", ns_link, "up")
        _ip("netns", "exec", name, "ip", "link", "set", "lo", "up")
        yield name, host_link, f"{subnet}.1", f"{subnet}.2"
    finally:
        _ip("netns", "del", name, check=False)  # takes the veth pair with it
        _ip("link", "del", host_link, check=False)


@pytest.mark.timeout(120)
def test_a_worker_cut_off_by_the_network_turns_unhealthy_and_comes_back(tpch_sf01, referee_sf01, processes, namespace):
    name, host_link, _, ns_address = namespace
    remote = f"{ns_address}:8815"
    local = f"127.0.0.1:{free_port()}"
    processes.start("worker-ns", ["worker", "--host", ns_address, "--port", "8815", "--data", str(tpch_sf01),
                                  "--threads", "1"],
                    prefix=["ip", "netns", "exec", name])
    processes.start("worker-local", ["worker", "--port", local.split(":")[1], "--data", str(tpch_sf01),
                                     "--threads", "1"])
    for address in (remote, local):
        until(lambda: _answers(address), 20, f"worker {address} up")
    port, control = free_port(), free_port()
    processes.start("gateway", ["gateway", "--port", str(port), "--control-port", str(control), "--data",
                                str(tpch_sf01), "--worker", remote, "--worker", local, *FAST])
    registry = Registry(f"127.0.0.1:{control}")
    url = dsn(port)
    expected = rounded(referee_sf01.sql(Q1).fetchall())
    try:
        until(lambda: registry.states() == {remote: "healthy", local: "healthy"}, 20, "both workers healthy")
        assert rounded(query(url, Q1)) == expected

        _ip("link", "set", host_link, "down")
        assert rounded(query(url, Q1)) == expected  # never a partial answer
        until(lambda: registry.states().get(remote) == "unhealthy", 15, "the cut-off worker unhealthy")
        assert rounded(query(url, Q1)) == expected

        _ip("link", "set", host_link, "up")
        until(lambda: registry.states().get(remote) == "healthy", 20, "the reconnected worker healthy")
        assert rounded(query(url, Q1)) == expected
    finally:
        registry.close()


def _answers(address: str) -> bool:
    client = WorkerClient(address, TRUST)
    try:
        return client.health_check(timeout=1).ok
    except Exception:
        return False
    finally:
        client.close()


@pytest.mark.timeout(120)
def test_kill_9_the_gateway_under_up(tpch_sf01, referee_sf01, launch_up, free_tcp_port):
    """`up` starts a killed gateway again over the same workers; clients connect again."""
    up = start_up(launch_up, tpch_sf01, free_tcp_port)
    url = dsn(free_tcp_port)
    workers = worker_pids(up)
    gateway = next(p for p in descendants(up.proc.pid) if "gateway" in _cmdline(p).split())
    conn = psycopg.connect(url, autocommit=True)
    os.kill(gateway, signal.SIGKILL)
    with pytest.raises(psycopg.OperationalError):
        conn.execute("select count(*) from nation")
    until(lambda: _try(query, url, "select count(*) from nation") == [(25,)], 20, "the gateway back")
    assert re.search(rf"gateway \(pid {gateway}\) exited with code -9; restarting", up.output())
    assert worker_pids(up) == workers  # the workers stayed
    total = "select l_returnflag, count(*), sum(l_quantity) from lineitem group by 1 order by 1"
    assert rounded(query(url, total)) == rounded(referee_sf01.sql(total).fetchall())


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
