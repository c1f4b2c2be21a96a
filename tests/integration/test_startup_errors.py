"""Start-up errors as a user meets them: one line on standard error naming the port, folder,
file, key or flag, a non-zero exit, no traceback, and nothing left running or claiming success."""

from __future__ import annotations

import os
import socket
import subprocess
import time

import pytest
import trustme

from processes import alive, describe, duckflight_executable


def duckflight(*argv: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DUCKFLIGHT_")}
    proc = subprocess.Popen([duckflight_executable(), *argv], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**clean, **(env or {})}, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        left = alive(set(), proc.pid)  # the whole process group: children too
        if left:
            os.killpg(proc.pid, 9)
            pytest.fail(f"`duckflight {' '.join(argv)}` left processes running:\n{describe(left)}")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def assert_one_line(done: subprocess.CompletedProcess, *words: str) -> None:
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0, done
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert "is up" not in done.stdout


@pytest.fixture
def taken_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("command", ["up", "gateway", "worker"])
def test_port_in_use(command, taken_port, tmp_path):
    extra = ["--data", str(tmp_path)]  # every command needs its data folder
    started = time.monotonic()
    done = duckflight(command, "--port", str(taken_port), *extra)
    assert_one_line(done, f"duckflight {command}: --port: port {taken_port} on 127.0.0.1 is already in use")
    assert time.monotonic() - started < 30  # found before anything was started


@pytest.mark.timeout(120)
def test_control_port_in_use(taken_port, tmp_path, free_tcp_port):
    done = duckflight("gateway", "--data", str(tmp_path), "--port", str(free_tcp_port),
                      "--control-port", str(taken_port))
    assert_one_line(done, f"--control-port: port {taken_port} on 127.0.0.1 is already in use")


@pytest.mark.timeout(120)
@pytest.mark.parametrize("argv, words", [
    (["up", "--data", "/no/such/folder"], ["duckflight up: --data /no/such/folder: no such folder"]),
    (["gateway", "--data", "/no/such/folder"], ["duckflight gateway: --data /no/such/folder: no such folder"]),
    (["gateway", "--data", "/etc/hostname"], ["--data /etc/hostname: not a folder"]),
    (["up", "--config", "/no/such.toml"], ["duckflight up: config file /no/such.toml does not exist"]),
    (["up", "--workers", "many"], ["duckflight up: argument --workers: expected an integer, got 'many'"]),
    (["worker", "--threads", "0"], ["argument --threads: expected 1 or more, got '0'"]),
    (["gateway"], ["--data is required"]),
    (["worker"], ["--data is required"]),
    (["up", "--bogus"], ["unrecognized arguments: --bogus"]),
])
def test_bad_settings(argv, words):
    assert_one_line(duckflight(*argv), *words)


@pytest.mark.timeout(120)
def test_bad_config_file(tmp_path):
    config = tmp_path / "duckflight.toml"
    config.write_text("[up]\nprot = 7000\n")
    assert_one_line(duckflight("up", "--config", str(config)),
                    f"config file {config}: unknown key prot in [up] (did you mean port?)")
    config.write_text('[up]\nworkers = "two"\n')
    assert_one_line(duckflight("up", env={"DUCKFLIGHT_CONFIG": str(config)}),
                    f"config file {config}: [up] workers: expected an integer, got 'two'")


@pytest.mark.timeout(120)
def test_bad_environment_value():
    assert_one_line(duckflight("up", env={"DUCKFLIGHT_UP_PORT": "five"}),
                    "environment variable DUCKFLIGHT_UP_PORT: expected an integer, got 'five'")


@pytest.mark.timeout(120)
@pytest.mark.parametrize("command", ["up", "gateway"])
def test_bad_authentication_settings(command, tmp_path, free_tcp_port):
    (tmp_path / "hba").write_text("host all all all ident\n")
    base = [command, "--data", str(tmp_path), "--port", str(free_tcp_port)]
    done = duckflight(*base, "--users", str(tmp_path / "nousers"))
    assert_one_line(done, f"duckflight {command}: users file {tmp_path / 'nousers'} does not exist")
    done = duckflight(*base, "--hba", str(tmp_path / "hba"))
    assert_one_line(done, f"hba file {tmp_path / 'hba'}, line 1: invalid authentication method 'ident'")
    done = duckflight(*base, "--tls-cert", str(tmp_path / "hba"))
    assert_one_line(done, "--tls-cert and --tls-key go together")


@pytest.mark.timeout(120)
@pytest.mark.parametrize("command", ["up", "gateway", "worker"])
def test_key_and_secret_files_others_may_read(command, tmp_path, free_tcp_port):
    """PostgreSQL refuses a private key file with group or world access; so does every duckflight
    process, for its --tls-key and its --cluster-secret-file."""
    pair = trustme.CA().issue_cert("localhost")
    cert, key, secret = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "cluster-secret"
    pair.cert_chain_pems[0].write_to_path(str(cert))
    pair.private_key_pem.write_to_path(str(key))
    secret.write_text("a-cluster-secret\n")
    base = [command, "--data", str(tmp_path), "--port", str(free_tcp_port)]
    rule = "it must be u=rw (0600) or less if owned by the user duckflight runs as, or u=rw,g=r (0640) or less"
    key.chmod(0o644)
    done = duckflight(*base, "--tls-cert", str(cert), "--tls-key", str(key))
    assert_one_line(done, f"duckflight {command}: --tls-key {key}: has group or world access (mode 0644)", rule)
    key.chmod(0o600)
    secret.chmod(0o640)
    done = duckflight(*base, "--cluster-secret-file", str(secret))
    assert_one_line(done, f"duckflight {command}: --cluster-secret-file {secret}: has group or world access "
                          "(mode 0640)", rule)
    assert done.returncode == 1  # as every other start error


def test_up_with_tls_whose_workers_the_gateway_could_not_verify(tmp_path, free_tcp_port):
    """`up` serves its workers TLS with --tls-cert: without the CA that issued it, it stops at once."""
    ca, stranger = trustme.CA(), trustme.CA()
    leaf = ca.issue_cert("localhost")
    cert, key, issuer, other = (str(tmp_path / f"{name}.pem") for name in ("cert", "key", "ca", "other"))
    leaf.cert_chain_pems[0].write_to_path(cert)
    leaf.private_key_pem.write_to_path(key)
    os.chmod(key, 0o600)  # a key others may read is refused first
    ca.cert_pem.write_to_path(issuer)
    stranger.cert_pem.write_to_path(other)
    base = ["up", "--data", str(tmp_path), "--port", str(free_tcp_port)]
    assert_one_line(duckflight(*base, "--tls-cert", cert, "--tls-key", key),
                    f"duckflight up: --tls-cert {cert} is not self-signed: give --tls-ca FILE, the CA that issued it")
    assert_one_line(duckflight(*base, "--tls-cert", cert, "--tls-key", key, "--tls-ca", other),
                    f"duckflight up: --tls-cert {cert} does not chain to --tls-ca {other}: unable to get local "
                    f"issuer certificate")
    assert_one_line(duckflight(*base, "--tls-ca", issuer),
                    "duckflight up: --tls-ca is the CA of --tls-cert: give --tls-cert and --tls-key with it")
