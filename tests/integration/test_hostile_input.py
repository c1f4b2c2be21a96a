"""A live fuzz run: 10,000 hostile wire-protocol inputs (tests/fuzz_protocol.py writes them)
sent to a running gateway over many connections, while a psycopg session queries every
50 ms. Every answer is well-formed with no internal error, no connection hangs, the
watching session never fails, and afterwards the gateway answers it and a new
connection, with its threads and memory back where they were. The same for 10,000 inputs of
the authentication phase (SCRAM and md5 exchanges, broken, reordered, repeated) sent to a
gateway with a users file, watched by a session that logged in with SCRAM."""

from __future__ import annotations

import pytest

from fuzz_protocol import AUTH_USERS, fuzz, locked_files
from process_stats import gateway_pid
from processes import UpProcess, dsn
from duckflight.gateway.demo import ensure_tpch
from duckflight.gateway.up import free_port

CASES = 10_000
# Measured after a first tenth of the run. Every session's thread ends (no connection is
# left open); what threads remain are the gateway's pools (fragment runners start threads
# as concurrent queries first need them), which a busy machine can grow a little later.
THREADS_GROWTH = 8
RSS_GROWTH_MB = 64


@pytest.mark.timeout(300)
@pytest.mark.parametrize("locked", [False, True], ids=["trust", "users"])
def test_hostile_inputs_leave_the_gateway_whole(data_cache, tmp_path, locked):
    port = free_port()
    users, hba = locked_files(tmp_path) if locked else (None, None)
    options = ["--users", str(users), "--hba", str(hba)] if locked else []
    up = UpProcess(["--workers", "1", "--port", str(port), "--data", str(ensure_tpch(0.01, root=data_cache)), *options],
                   tmp_path / "up.log")
    url = dsn(port).replace("duckflight@", f"alice:{AUTH_USERS[b'alice']}@") if locked else dsn(port)
    try:
        up.wait_until_accepting(url)
        report = fuzz(url, gateway_pid(up.proc.pid), CASES, seed_value=13, authenticating=locked)
        print("\n".join(report.lines()))
        assert report.inputs >= CASES and report.failures == [], "\n".join(report.lines())
        assert report.watcher_errors == [] and report.watcher_queries > 0, "\n".join(report.lines())
        if locked:  # every way to fail a login was reached, and logins succeeded, then queries
            assert {"28P01", "08P01", "0A000"} <= set(report.states) and report.answers["Z"] > 200, report.lines()
        else:
            assert report.answers["Z"] > 500 and report.answers["D"] > 10  # the fuzz reached queries too
        assert report.connections_left == 0, "\n".join(report.lines())
        assert report.threads[1] <= report.threads[0] + THREADS_GROWTH, report.threads
        assert report.rss_mb[1] <= report.rss_mb[0] + RSS_GROWTH_MB, report.rss_mb
    finally:
        up.kill()
