"""What a process takes as its cluster secret and TLS material, and whom it admits."""

from __future__ import annotations

import argparse
import os

import pytest

from duckflight.gateway.startup import StartupError, private_file_problem
from duckflight.worker.trust import (SECRET_ENV, Trust, from_options, is_loopback, read_secret,
                                     require_secret_off_loopback, write_secret_file)


def options(**given) -> argparse.Namespace:
    return argparse.Namespace(**{"cluster_secret_file": None, "tls_cert": None, "tls_key": None, "tls_ca": None,
                                 **given})


def test_the_secret_file_wins_and_the_variable_leaves_the_environment(tmp_path, monkeypatch):
    secret = tmp_path / "secret"
    secret.write_text("from-the-file\n")
    secret.chmod(0o600)
    monkeypatch.setenv(SECRET_ENV, "from-the-environment")
    assert read_secret(str(secret)) == b"from-the-file"
    assert SECRET_ENV not in os.environ  # nothing this process starts inherits it
    monkeypatch.setenv(SECRET_ENV, "from-the-environment")
    assert read_secret(None) == b"from-the-environment"
    assert read_secret(None) is None


@pytest.mark.parametrize("text, words", [("\n", "is empty"), ("two words", "printable ASCII without spaces")])
def test_a_bad_secret_is_a_startup_error_that_does_not_show_it(tmp_path, text, words):
    secret = tmp_path / "secret"
    secret.write_text(text)
    secret.chmod(0o600)
    with pytest.raises(StartupError) as error:
        read_secret(str(secret))
    assert words in str(error.value) and "two words" not in str(error.value)


def test_unreadable_files_and_half_a_key_pair_are_startup_errors(tmp_path):
    with pytest.raises(StartupError, match="--cluster-secret-file /no/such: cannot be read"):
        from_options(options(cluster_secret_file="/no/such"))
    with pytest.raises(StartupError, match="--tls-cert and --tls-key go together"):
        from_options(options(tls_cert=str(tmp_path)))
    with pytest.raises(StartupError, match="--tls-ca /no/ca.pem: cannot be read"):
        from_options(options(tls_ca="/no/ca.pem"))


def test_only_the_right_token_is_admitted():
    trust = Trust(secret=b"s3cret")
    assert trust.admits("Bearer s3cret")
    assert not trust.admits("Bearer s3cre") and not trust.admits("s3cret") and not trust.admits(None)
    assert Trust().admits(None)  # no secret: every call runs (loopback only, see below)
    assert "s3cret" not in repr(trust) and "s3cret" not in str(trust)


def test_no_secret_is_refused_beyond_loopback_only():
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        assert is_loopback(host)
        require_secret_off_loopback(Trust(), host, "this worker")
    for host in ("0.0.0.0", "10.1.2.3", "node1", "::"):
        assert not is_loopback(host)
        with pytest.raises(StartupError, match="no cluster secret is set"):
            require_secret_off_loopback(Trust(), host, "this worker")
        require_secret_off_loopback(Trust(secret=b"x"), host, "this worker")


def test_a_secret_file_is_made_once_and_private(tmp_path):
    path = tmp_path / "cluster-secret"
    assert write_secret_file(str(path))
    first = path.read_bytes()
    assert not write_secret_file(str(path)) and path.read_bytes() == first
    assert path.stat().st_mode & 0o777 == 0o600
    assert len(read_secret(str(path))) >= 32


def test_key_and_secret_files_others_may_read_are_refused(tmp_path):
    secret, key = tmp_path / "secret", tmp_path / "key.pem"
    secret.write_text("s3cret\n")
    key.write_text("a key\n")
    for mode in (0o640, 0o604, 0o644, 0o660, 0o700 | 0o010):
        secret.chmod(mode)
        with pytest.raises(StartupError, match=f"--cluster-secret-file {secret}: has group or world access "
                                               rf"\(mode {mode:04o}\); it must be u=rw \(0600\) or less"):
            read_secret(str(secret))
    for mode in (0o600, 0o400):
        secret.chmod(mode)
        assert read_secret(str(secret)) == b"s3cret"
    secret.chmod(0o600)
    key.chmod(0o644)
    with pytest.raises(StartupError, match=f"--tls-key {key}: has group or world access"):
        from_options(options(tls_cert=str(key), tls_key=str(key)))
    key.chmod(0o600)
    assert from_options(options(tls_cert=str(key), tls_key=str(key), cluster_secret_file=str(secret))).serves_tls


@pytest.mark.parametrize("mode, owner, euid, problem", [
    (0o600, 1000, 1000, None),
    (0o400, 1000, 1000, None),
    (0o640, 1000, 1000, "has group or world access (mode 0640)"),
    (0o604, 1000, 1000, "has group or world access (mode 0604)"),
    (0o640, 0, 1000, None),  # root's key, readable by the server's group: PostgreSQL's second case
    (0o660, 0, 1000, "has group or world access (mode 0660)"),
    (0o644, 0, 1000, "has group or world access (mode 0644)"),
    (0o640, 0, 0, "has group or world access (mode 0640)"),  # run as root: the owner's rule
    (0o600, 1001, 1000, "must be owned by the user duckflight runs as (uid 1000) or by root, not uid 1001"),
])
def test_the_private_file_rule_is_postgresqls_rule_for_its_key(mode, owner, euid, problem):
    found = private_file_problem(0o100000 | mode, owner, euid)
    assert found == problem if problem is None else problem in found
