"""A locked cluster: `duckflight up --users --hba --tls-cert --tls-key --tls-ca`, logged into by psql,
psycopg, asyncpg and pgjdbc, with PostgreSQL 15 under the same users and rules as referee.

Users come from the installed `duckflight user add`; certificates from trustme (a CA and a
certificate for "localhost"). The rules give each method a user: carol cleartext (refused
without TLS), bob md5, alice and unknown names SCRAM-SHA-256, anyone else nothing.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import asyncpg
import psycopg
import pytest
import trustme

from duckflight.gateway.up import free_port

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pg15 import postgres15  # noqa: E402
from processes import UpProcess, duckflight_executable  # noqa: E402  (tests/integration, see conftest)

JAR = Path("/usr/share/java/postgresql.jar")
RULES = """\
hostssl all carol all           password
host    all carol all           password
host    all bob   all           md5
host    all alice,nobody 127.0.0.1/32 scram-sha-256
host    all ghost 127.0.0.1/32 trust
"""
PASSWORDS = {"alice": "alice-Secret1", "bob": "bob-Secret2", "carol": "carol-Secret3"}


def duckflight(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([duckflight_executable(), *args], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("locked")
    ca = trustme.CA()
    cert = ca.issue_cert("localhost")
    paths = {name: folder / f"{name}.pem" for name in ("ca", "cert", "key")}
    ca.cert_pem.write_to_path(str(paths["ca"]))
    cert.cert_chain_pems[0].write_to_path(str(paths["cert"]))
    cert.private_key_pem.write_to_path(str(paths["key"]))
    paths["key"].chmod(0o600)  # a key others may read is refused, as by PostgreSQL
    paths["users"], paths["hba"] = folder / "users", folder / "hba.conf"
    paths["hba"].write_text(RULES)
    for user, role, extra in (("alice", "admin", ()), ("bob", "reader", ("--md5",)), ("carol", "reader", ())):
        run = duckflight("user", "add", user, "--role", role, "--password", PASSWORDS[user],
                         "--users", str(paths["users"]), *extra)
        assert run.returncode == 0, run.stderr
    return paths


@pytest.fixture(scope="module")
def locked(files, tpch_data, tmp_path_factory) -> tuple[int, UpProcess]:
    """(Postgres port, process) of a locked `duckflight up`."""
    port = free_port()
    up = UpProcess(["--port", str(port), "--workers", "1", "--data", str(tpch_data), "--users", str(files["users"]),
                    "--hba", str(files["hba"]), "--tls-cert", str(files["cert"]), "--tls-key", str(files["key"]),
                    "--tls-ca", str(files["ca"])],
                   tmp_path_factory.mktemp("up") / "up.log")
    try:
        up.wait_for_output("duckflight is up")
        yield port, up
    finally:
        up.stop(signal.SIGTERM)


@pytest.fixture(scope="module")
def port(locked) -> int:
    return locked[0]


@pytest.fixture(scope="module")
def referee(files, tmp_path_factory) -> int:
    """The port of PostgreSQL 15 with the same users and rules (and its superuser trusted)."""
    with postgres15(tmp_path_factory.mktemp("pg15")) as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("create database duckflight")
            for user in ("alice", "carol"):
                conn.execute(f"create role {user} login password '{PASSWORDS[user]}'")
            conn.execute("set password_encryption = 'md5'")
            conn.execute(f"create role bob login password '{PASSWORDS['bob']}'")
            hba = conn.execute("show hba_file").fetchone()[0]
            Path(hba).write_text("host all postgres 127.0.0.1/32 trust\n" + RULES)
            conn.execute("select pg_reload_conf()")
        time.sleep(0.5)
        yield int(url.rsplit(":", 1)[1].split("/")[0])


def conninfo(port: int, user: str, password: str | None = None, host: str = "127.0.0.1", **options) -> str:
    parts = {"host": host, "port": port, "user": user, "dbname": "duckflight", "sslmode": "disable",
             "connect_timeout": 10, **options}
    if password is not None:
        parts["password"] = password
    return " ".join(f"{k}={v}" for k, v in parts.items())


def refusal(port: int, user: str, password: str, **options) -> str:
    """What psycopg (libpq) reports when the login fails: the server's message after "failed: "."""
    with pytest.raises(psycopg.OperationalError) as failed:
        psycopg.connect(conninfo(port, user, password, **options)).close()
    return str(failed.value).rsplit("failed: ", 1)[1].strip()


def sqlstate(port: int, user: str, password: str) -> str:
    """The SQLSTATE asyncpg reads from the FATAL ErrorResponse of a failed login."""
    async def attempt():
        conn = await asyncpg.connect(host="127.0.0.1", port=port, user=user, password=password,
                                     database="duckflight", ssl=False, timeout=10)
        await conn.close()
    with pytest.raises(asyncpg.PostgresError) as failed:
        asyncio.run(attempt())
    return failed.value.sqlstate


# ------------------------------------------------------------------------------ users file


def test_user_commands_keep_roles_and_verifiers_never_passwords(tmp_path):
    users = tmp_path / "users"
    assert duckflight("user", "add", "ann", "--role", "admin", "--password", "pw-one", "--users", str(users)).returncode == 0
    assert duckflight("user", "add", "ben", "--password", "pw-two", "--users", str(users)).returncode == 0
    assert users.stat().st_mode & 0o777 == 0o600
    text = users.read_text()
    assert "pw-one" not in text and "pw-two" not in text and text.count("SCRAM-SHA-256$4096:") == 2
    listed = duckflight("user", "list", "--users", str(users))
    assert listed.stdout.splitlines() == ["ann\tadmin", "ben\treader"] and "SCRAM" not in listed.stdout
    assert duckflight("user", "remove", "ann", "--users", str(users)).returncode == 0
    assert duckflight("user", "list", "--users", str(users)).stdout.splitlines() == ["ben\treader"]
    gone = duckflight("user", "remove", "ann", "--users", str(users))
    assert gone.returncode == 1 and gone.stderr.strip() == f'duckflight user remove: user "ann" is not in {users}'


def test_user_add_without_a_terminal_reads_the_password_from_standard_input(tmp_path):
    """A script pipes the password (a command line shows in `ps`); no line is a usage error (2)."""
    from duckflight.gateway.auth.users import read_users

    users = tmp_path / "users"
    add = [duckflight_executable(), "user", "add", "dave", "--users", str(users)]
    piped = subprocess.run(add, input="pass word 4\nignored\n", capture_output=True, text=True, timeout=60)
    assert piped.returncode == 0 and not piped.stderr, piped.stderr
    dave = read_users(users)["dave"]
    assert dave.scram.matches("pass word 4") and "pass word" not in users.read_text()
    for given in ("", "\n"):  # /dev/null, then an empty first line
        empty = subprocess.run(add, input=given, capture_output=True, text=True, timeout=60)
        assert empty.returncode == 2, empty
        assert empty.stderr.splitlines() == ["duckflight user add: no password on the first line of standard input "
                                             "(or give --password)"]
    assert duckflight("user", "add", "dave", "--users", str(users)).returncode == 2  # stdin /dev/null
    assert read_users(users)["dave"].scram.matches("pass word 4")  # unchanged
    usage = duckflight("user", "add", "--help").stdout
    assert "first line of standard input" in " ".join(usage.split())


def _on_a_terminal(argv: list[str], answers: list[str]) -> tuple[int, str]:
    """Run argv with a pseudo-terminal as its controlling terminal, typing each answer once a new
    prompt (text ending in ": ") shows; (exit code, what the terminal showed)."""
    import os
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    shown, prompts, deadline = b"", 0, time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            if not select.select([fd], [], [], 1)[0]:
                continue
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            if answers and shown.endswith(b": ") and shown.count(b": ") > prompts:
                prompts = shown.count(b": ")
                os.write(fd, answers.pop(0).encode() + b"\n")
    finally:
        os.close(fd)
        if time.monotonic() >= deadline:  # it never finished: do not wait for it
            os.kill(pid, signal.SIGKILL)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), shown.decode(errors="replace")


def test_user_add_on_a_terminal_asks_twice_without_echo(tmp_path):
    from duckflight.gateway.auth.users import read_users

    users = tmp_path / "users"
    add = [duckflight_executable(), "user", "add", "erin", "--users", str(users)]
    code, shown = _on_a_terminal(add, ["terminal-pw", "terminal-pw"])
    assert code == 0, shown
    assert "Password for user erin:" in shown and "Enter it again:" in shown and "terminal-pw" not in shown
    assert read_users(users)["erin"].scram.matches("terminal-pw")
    code, shown = _on_a_terminal(add, ["one-pw", "other-pw"])
    assert code == 1 and "duckflight user add: the passwords do not match" in shown and "Traceback" not in shown


# ---------------------------------------------------------------------------- SCRAM, md5


def test_psql_logs_in_with_scram_as_admin(port):
    run = subprocess.run(["psql", conninfo(port, "alice"), "-X", "-A", "-t", "-c",
                          "select current_user, count(*) from nation", "-c", "show is_superuser"],
                         capture_output=True, text=True, timeout=60,
                         env={"PGPASSWORD": PASSWORDS["alice"], "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["alice|25", "on"]


def test_psycopg_logs_in_with_scram_and_md5(port):
    with psycopg.connect(conninfo(port, "alice", PASSWORDS["alice"])) as conn:
        assert conn.execute("select count(*) from nation").fetchone() == (25,)
        assert conn.info.parameter_status("is_superuser") == "on"
    with psycopg.connect(conninfo(port, "bob", PASSWORDS["bob"])) as conn:  # the md5 rule, bob's md5 hash
        assert conn.execute("select current_user, count(*) from region").fetchone() == ("bob", 5)
        assert conn.info.parameter_status("is_superuser") == "off"


def test_wrong_password_and_unknown_user_are_refused_alike_as_postgresql_does(port, referee):
    for user, password in (("alice", "wrong"), ("nobody", "whatever")):
        message = refusal(port, user, password)
        assert message == f'FATAL:  password authentication failed for user "{user}"'
        assert message == refusal(referee, user, password)
        assert sqlstate(port, user, password) == sqlstate(referee, user, password) == "28P01"


def test_a_failed_login_is_one_log_line_with_why_and_no_secret(locked):
    port, up = locked
    refusal(port, "alice", "not-her-password")
    refusal(port, "nobody", "not-her-password")
    log = up.wait_for_output(r'Role "nobody" does not exist').string
    lines = [line for line in log.splitlines() if "authentication failed" in line]
    assert any(line.endswith('authentication failed for user "alice" from 127.0.0.1 (scram-sha-256): '
                             'Password does not match for user "alice".') for line in lines), lines
    assert any(line.endswith('authentication failed for user "nobody" from 127.0.0.1 (scram-sha-256): '
                             'Role "nobody" does not exist.') for line in lines), lines
    assert "not-her-password" not in log and "SCRAM-SHA-256$" not in log and PASSWORDS["alice"] not in log


def test_no_rule_for_the_user_is_28000_as_postgresql_says_it(port, referee):
    message = refusal(port, "dave", "x")
    assert message == ('FATAL:  no pg_hba.conf entry for host "127.0.0.1", user "dave", database "duckflight", '
                       'no encryption')
    assert message == refusal(referee, "dave", "x")
    assert sqlstate(port, "dave", "x") == sqlstate(referee, "dave", "x") == "28000"


def test_trust_for_a_name_the_users_file_lacks_is_28000_role_does_not_exist(port, referee):
    message = refusal(port, "ghost", "")
    assert message == 'FATAL:  role "ghost" does not exist'
    assert message == refusal(referee, "ghost", "")
    assert sqlstate(port, "ghost", "") == sqlstate(referee, "ghost", "") == "28000"


def test_cleartext_password_is_refused_in_plain_and_accepted_over_tls(port, files):
    assert refusal(port, "carol", PASSWORDS["carol"]).startswith(
        'FATAL:  pg_hba.conf rejects connection for host "127.0.0.1", user "carol", database "duckflight", '
        'no encryption')
    assert sqlstate(port, "carol", PASSWORDS["carol"]) == "28000"
    with psycopg.connect(conninfo(port, "carol", PASSWORDS["carol"], sslmode="require")) as conn:
        assert conn.info.pgconn.ssl_in_use
        assert conn.execute("select count(*) from nation").fetchone() == (25,)


# -------------------------------------------------------------------------------------- TLS


def test_psycopg_over_tls_require_and_verify_full(port, files):
    for options in ({"sslmode": "require"},
                    {"sslmode": "verify-full", "sslrootcert": files["ca"], "host": "localhost"}):
        with psycopg.connect(conninfo(port, "alice", PASSWORDS["alice"], **options)) as conn:
            assert conn.info.pgconn.ssl_in_use
            assert conn.execute("select count(*) from nation").fetchone() == (25,)


def test_verify_full_refuses_a_host_name_the_certificate_does_not_name(port, files):
    message = refusal(port, "alice", PASSWORDS["alice"], sslmode="verify-full", sslrootcert=files["ca"])
    assert message == 'server certificate for "localhost" does not match host name "127.0.0.1"'


def test_psql_over_tls(port, files):
    """verify-full with channel_binding=require: SCRAM-SHA-256-PLUS, bound to the certificate."""
    env = {"PGPASSWORD": PASSWORDS["alice"], "PATH": "/usr/bin:/bin"}
    for options, host in (({"sslmode": "require"}, "127.0.0.1"),
                          ({"sslmode": "verify-full", "sslrootcert": files["ca"], "channel_binding": "require"},
                           "localhost")):
        run = subprocess.run(["psql", conninfo(port, "alice", host=host, **options), "-X", "-A", "-t", "-c",
                              "select count(*) from region"], capture_output=True, text=True, timeout=60, env=env)
        assert (run.returncode, run.stdout.strip()) == (0, "5"), run.stderr
    run = subprocess.run(["psql", conninfo(port, "alice", sslmode="verify-full", sslrootcert=files["ca"]), "-X",
                          "-c", "select 1"], capture_output=True, text=True, timeout=60, env=env)
    assert run.returncode == 2 and 'does not match host name "127.0.0.1"' in run.stderr


def test_cancel_reaches_a_statement_of_a_tls_session(port):
    """libpq 17+ sends the CancelRequest over TLS too when the session is encrypted."""
    with psycopg.connect(conninfo(port, "alice", PASSWORDS["alice"], sslmode="require")) as conn:
        failures = []

        def cancel():
            try:
                conn.cancel_safe(timeout=10)  # waits for the server to end the cancel connection
            except Exception as error:
                failures.append(error)

        timer = threading.Timer(1.5, cancel)
        timer.start()
        try:
            with pytest.raises(psycopg.errors.QueryCanceled):
                conn.execute("select count(*) from lineitem a, lineitem b where a.l_comment < b.l_comment")
        finally:
            timer.join()
        assert failures == []
        conn.rollback()
        assert conn.execute("select count(*) from region").fetchone() == (5,)


# ------------------------------------------------------------------------------------ pgjdbc


@pytest.fixture(scope="module")
def jdbc_login(tmp_path_factory) -> Path:
    assert shutil.which("javac"), "javac is not installed (tests/run installs openjdk-17-jdk-headless)"
    out = tmp_path_factory.mktemp("jdbc-login")
    source = Path(__file__).resolve().parent / "java" / "JdbcLogin.java"
    compiled = subprocess.run(["javac", "-d", str(out), "-cp", str(JAR), str(source)], capture_output=True, text=True)
    assert compiled.returncode == 0, compiled.stderr
    return out


def test_pgjdbc_logs_in_with_scram_md5_and_tls(port, files, jdbc_login):
    url = f"jdbc:postgresql://{{}}:{port}/duckflight?{{}}"
    attempts = [
        (url.format("127.0.0.1", "sslmode=disable"), "alice", PASSWORDS["alice"]),
        (url.format("127.0.0.1", "sslmode=disable"), "alice", "wrong"),
        (url.format("127.0.0.1", "sslmode=disable"), "nobody", "wrong"),
        (url.format("127.0.0.1", "sslmode=disable"), "bob", PASSWORDS["bob"]),
        (url.format("127.0.0.1", "sslmode=require"), "carol", PASSWORDS["carol"]),
        (url.format("localhost", f"sslmode=verify-full&sslrootcert={files['ca']}"), "alice", PASSWORDS["alice"]),
        (url.format("127.0.0.1", f"sslmode=verify-full&sslrootcert={files['ca']}"), "alice", PASSWORDS["alice"]),
    ]
    run = subprocess.run(["java", "-cp", f"{JAR}:{jdbc_login}", "JdbcLogin", *[a for t in attempts for a in t]],
                         capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stderr
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert results[0] == {"user": "alice", "count": 25}
    assert results[1] == {"sqlstate": "28P01", "message": 'FATAL: password authentication failed for user "alice"'}
    assert results[2] == {"sqlstate": "28P01", "message": 'FATAL: password authentication failed for user "nobody"'}
    assert results[3] == {"user": "bob", "count": 25}
    assert results[4] == {"user": "carol", "count": 25}
    assert results[5] == {"user": "alice", "count": 25}
    assert "sqlstate" in results[6] and "127.0.0.1" in results[6]["message"]  # the certificate names localhost


# ------------------------------------------------------------------------ no users: loopback


NAMESPACE_SCRIPT = r"""
set -u
ip link set lo up && ip addr add 192.0.2.10/32 dev lo
"$DUCKFLIGHT" up --host 0.0.0.0 --port "$PORT" --workers 1 --data "$DATA" > "$LOG" 2>&1 &
up=$!
trap 'kill $up; wait $up' EXIT
for _ in $(seq 120); do
    psql "host=127.0.0.1 port=$PORT user=u dbname=duckflight sslmode=disable" -Atc 'select 1' >/dev/null 2>&1 && break
    sleep 0.5
done
echo "loopback: $(psql "host=127.0.0.1 port=$PORT user=u dbname=duckflight sslmode=disable" -XAtc 'select count(*) from region' 2>&1)"
echo "network: $(psql "host=192.0.2.10 port=$PORT user=u dbname=duckflight sslmode=disable" -XAtc 'select 1' 2>&1)"
"""


@pytest.mark.skipif(shutil.which("unshare") is None or shutil.which("ip") is None, reason="needs unshare and ip")
def test_without_users_loopback_is_trusted_and_the_network_refused(tpch_data, tmp_path):
    """In a network namespace of its own, `duckflight up --host 0.0.0.0` (no --users) admits a
    client from 127.0.0.1 and refuses one from 192.0.2.10 (an address of that namespace)."""
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/sbin:/usr/bin:/sbin:/bin", "DUCKFLIGHT": duckflight_executable(),
           "PORT": str(free_port()), "DATA": str(tpch_data), "LOG": str(tmp_path / "up.log")}
    run = subprocess.run(["unshare", "--net", "bash", "-c", NAMESPACE_SCRIPT], capture_output=True, text=True,
                         timeout=150, env=env, stdin=subprocess.DEVNULL)
    lines = run.stdout.splitlines()
    assert lines[0] == "loopback: 5", (run.stdout, run.stderr, (tmp_path / "up.log").read_text()[-3000:])
    assert lines[1].endswith('FATAL:  no pg_hba.conf entry for host "192.0.2.10", user "u", database "duckflight", '
                             'no encryption'), lines[1]


def test_the_role_of_the_users_file_decides_what_files_a_session_may_read(port, tpch_data):
    """An admin may read the data folder's files with DuckDB's file functions, a reader may not,
    and neither any file outside it (docs/decisions.md, "A sandbox in two walls")."""
    parquet = f"select count(*) from read_parquet('{tpch_data}/nation/*.parquet')"
    with psycopg.connect(conninfo(port, "alice", PASSWORDS["alice"]), autocommit=True) as admin:
        assert admin.execute(parquet).fetchone() == (25,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied for function read_text"):
            admin.execute("select * from read_text('/etc/hostname')")
    with psycopg.connect(conninfo(port, "bob", PASSWORDS["bob"]), autocommit=True) as reader:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied for function read_parquet"):
            reader.execute(parquet)
        assert reader.execute("select count(*) from nation").fetchone() == (25,)


def test_a_reader_sees_only_its_own_sessions_queries_in_pg_stat_activity(port):
    """As pg_stat_get_activity without the privilege: another user's query is hidden."""
    with psycopg.connect(conninfo(port, "alice", PASSWORDS["alice"]), autocommit=True) as alice, \
            psycopg.connect(conninfo(port, "bob", PASSWORDS["bob"]), autocommit=True) as bob:
        alice.execute("select 'alice was here'")
        bob.execute("select 'bob was here'")
        seen = "select usename, query, state, client_addr from pg_stat_activity where usename in ('alice', 'bob')"
        by_bob = {user: rest for user, *rest in bob.execute(seen).fetchall()}
        assert by_bob["alice"] == ["<insufficient privilege>", None, None]
        assert by_bob["bob"][0].startswith("select usename") and by_bob["bob"][1] == "active"
        by_alice = {user: rest for user, *rest in alice.execute(seen).fetchall()}
        assert by_alice["bob"][:2] == [seen, "idle"]  # bob's last query, whole


def test_sighup_reloads_the_hba_rules_as_pg_ctl_reload_does(tpch_data, tmp_path):
    """New connections follow the rules read again on SIGHUP; a broken file keeps the old ones."""
    hba, port = tmp_path / "hba.conf", free_port()
    hba.write_text("host all all 127.0.0.1/32 reject\n")
    log = (tmp_path / "gateway.log").open("w")
    gateway = subprocess.Popen([duckflight_executable(), "gateway", "--port", str(port), "--data", str(tpch_data),
                                "--control-port", "0", "--hba", str(hba)], stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while "pg_hba.conf rejects" not in _login_error(port):
            assert time.monotonic() < deadline and gateway.poll() is None, (tmp_path / "gateway.log").read_text()
            time.sleep(0.3)
        hba.write_text("host all all 127.0.0.1/32 trust\n")
        gateway.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 20
        while _login_error(port):
            assert time.monotonic() < deadline, (tmp_path / "gateway.log").read_text()
            time.sleep(0.2)
        hba.write_text("host all all 127.0.0.1/32 no-such-method\n")
        gateway.send_signal(signal.SIGHUP)
        time.sleep(1)
        assert gateway.poll() is None and _login_error(port) == ""
        assert "not reloaded, the old rules stay" in (tmp_path / "gateway.log").read_text()
    finally:
        gateway.terminate()
        gateway.wait(30)
        log.close()


def _login_error(port: int) -> str:
    """The error of a login as "u" (empty when it works)."""
    try:
        with psycopg.connect(conninfo(port, "u"), autocommit=True) as conn:
            conn.execute("select 1")
        return ""
    except psycopg.OperationalError as error:
        return str(error)


def test_a_role_changed_in_the_users_file_counts_at_once_in_open_sessions(port, files, tpch_data):
    """As ALTER ROLE … NOSUPERUSER does: an open session of alice loses what admins may do."""
    parquet = f"select count(*) from read_parquet('{tpch_data}/nation/*.parquet')"
    add = ("user", "add", "alice", "--password", PASSWORDS["alice"], "--users", str(files["users"]))
    with psycopg.connect(conninfo(port, "alice", PASSWORDS["alice"]), autocommit=True) as alice:
        assert alice.execute(parquet).fetchone() == (25,)
        try:
            assert duckflight(*add, "--role", "reader").returncode == 0
            time.sleep(0.05)  # the file's mtime moves on
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                alice.execute(parquet)
            assert alice.execute("select count(*) from region").fetchone() == (5,)
        finally:
            assert duckflight(*add, "--role", "admin").returncode == 0
        time.sleep(0.05)
        assert alice.execute(parquet).fetchone() == (25,)


def test_show_ssl_says_whether_the_port_serves_tls(port, files, referee):
    """`ssl` is on for a server with a certificate (PostgreSQL's postgresql.conf ssl = on), and
    cannot be SET in a session (55P02 as PostgreSQL: its context is sighup)."""
    with psycopg.connect(conninfo(port, "alice", PASSWORDS["alice"]), autocommit=True) as conn:
        assert conn.execute("show ssl").fetchone() == ("on",)
        assert conn.execute("select setting from pg_settings where name = 'ssl'").fetchone() == ("on",)
        with pytest.raises(psycopg.Error) as error:
            conn.execute("set ssl = off")
        assert error.value.sqlstate == "55P02"


def test_set_role_answers_as_postgresql_or_refuses(port, referee):
    """A session keeps the rights of the user who logged in. Becoming oneself, NONE, DEFAULT and
    RESET change nothing and are accepted; an unknown role is 22023 and a reader becoming
    another role 42501, as in PostgreSQL 15 (checked side by side); an admin becoming another
    role is 0A000, never a SET that changes nothing."""
    statements = ["set role none", "reset role", "set role bob", "set session authorization default",
                  "reset session authorization", "set session authorization bob", "set role nosuch",
                  "set role alice", "set session authorization alice", "show role"]

    def answers(server_port: int) -> list[str]:
        out = []
        with psycopg.connect(conninfo(server_port, "bob", PASSWORDS["bob"]), autocommit=True) as bob:
            for statement in statements:
                try:
                    cursor = bob.execute(statement)
                    out.append(cursor.statusmessage if cursor.description is None else str(cursor.fetchall()))
                except psycopg.Error as error:
                    out.append(error.sqlstate)
        return out

    assert answers(port) == answers(referee) == [
        "SET", "RESET", "SET", "SET", "RESET", "SET", "22023", "42501", "42501", "[('none',)]"]
    with psycopg.connect(conninfo(port, "alice", PASSWORDS["alice"]), autocommit=True) as admin:
        with pytest.raises(psycopg.errors.FeatureNotSupported, match='SET ROLE to another role is not supported'):
            admin.execute("set role bob")
        assert admin.execute("select current_user, current_setting('is_superuser')").fetchone() == ("alice", "on")
