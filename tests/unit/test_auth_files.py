"""The users file and the hba rules (gateway/auth): what is stored, what a rule matches, and the
start-up errors of bad files, as a user of `duckflight gateway --users --hba --tls-*` meets them."""

from __future__ import annotations

import json

import pytest

from duckflight.gateway.auth.hba import HbaError, default_rules, first_match, parse_rule, read_rules
from duckflight.gateway.auth.policy import load_policy, tls_context
from duckflight.gateway.auth.users import User, UsersFileError, Verifier, read_users, write_users
from duckflight.gateway.startup import StartupError


def test_users_file_holds_verifiers_in_postgresql_format_and_no_password(tmp_path):
    path = tmp_path / "users"
    write_users(path, {"alice": User.make("alice", "admin", "s3cret-pw", md5=True)})
    text = path.read_text()
    assert "s3cret-pw" not in text and path.stat().st_mode & 0o777 == 0o600
    record = json.loads(text.splitlines()[1])
    assert record["scram-sha-256"].startswith("SCRAM-SHA-256$4096:")
    assert record["md5"] == "md5" + __import__("hashlib").md5(b"s3cret-pwalice").hexdigest()  # PostgreSQL's
    alice = read_users(path)["alice"]
    assert alice.role == "admin" and alice.scram.matches("s3cret-pw") and not alice.scram.matches("other")
    assert Verifier.parse(str(alice.scram)) == alice.scram


def test_bad_users_file_names_the_line(tmp_path):
    path = tmp_path / "users"
    path.write_text('# users\n{"user": "a", "role": "root", "scram-sha-256": "x"}\n')
    with pytest.raises(UsersFileError, match="line 2: role must be one of reader, admin"):
        read_users(path)
    with pytest.raises(UsersFileError, match="does not exist"):
        read_users(tmp_path / "missing")


def test_rules_match_type_database_user_role_and_address():
    rules = [parse_rule("hostssl all all 0.0.0.0/0 password", 1),
             parse_rule("host sales +admin 10.0.0.0/8 md5", 2),
             parse_rule("hostnossl all bob,carol 127.0.0.1 trust", 3),
             parse_rule("host all all ::1/128 scram-sha-256", 4)]
    match = lambda *a: (first_match(rules, *a) or parse_rule("host all all all reject")).line  # noqa: E731
    assert match(True, "duckflight", "x", None, "192.168.1.1") == 1
    assert match(False, "sales", "x", "admin", "10.1.2.3") == 2
    assert match(False, "other", "x", "admin", "10.1.2.3") == 0
    assert match(False, "sales", "x", "reader", "10.1.2.3") == 0
    assert match(False, "d", "carol", None, "127.0.0.1") == 3
    assert match(False, "d", "carol", None, "127.0.0.2") == 0
    assert match(False, "d", "x", None, "::1") == 4
    assert match(False, "sales", "x", "admin", "::ffff:10.0.0.7") == 2  # an IPv4 client of a dual-stack socket


def test_default_rules_trust_loopback_only_or_scram_for_all():
    loopback = default_rules(False)
    assert first_match(loopback, False, "d", "u", None, "127.0.0.1").method == "trust"
    assert first_match(loopback, False, "d", "u", None, "::1").method == "trust"
    assert first_match(loopback, False, "d", "u", None, "10.0.0.1") is None
    assert first_match(default_rules(True), True, "d", "u", None, "10.0.0.1").method == "scram-sha-256"


@pytest.mark.parametrize("line, error", [
    ("host all all", "expected TYPE DATABASE USER ADDRESS METHOD"),
    ("local all all all trust", "invalid connection type 'local'"),
    ("host all all all ident", "invalid authentication method 'ident'"),
    ("host all all 10.0.0.1/8 trust", "invalid IP address or CIDR block"),
    ("host all +root all trust", r"unknown role '\+root'"),
    # PostgreSQL's keywords and inclusions that duckflight lacks: refused, never read as literal names
    ("host sameuser all all trust", "database keyword 'sameuser' .* is not supported"),
    ("host sales,samerole all all trust", "database keyword 'samerole' .* is not supported"),
    ("host samegroup all all trust", "database keyword 'samegroup' .* is not supported"),
    ("host replication all all trust", "database keyword 'replication' .* is not supported"),
    ("host @dbs all all trust", r"database '@dbs': @file \(names read from a file\) is not supported"),
    ("host all alice,@admins all md5", r"user '@admins': @file \(names read from a file\) is not supported"),
    ('host "all" all all trust', "database '\"all\"': quoted names are not supported"),
])
def test_bad_rules_say_what_is_wrong(line, error):
    with pytest.raises(HbaError, match=error):
        parse_rule(line)


def test_startup_errors_name_file_and_line(tmp_path):
    hba = tmp_path / "hba"
    hba.write_text("# comment\nhost all all all trust\nhost all all all scram\n")
    with pytest.raises(HbaError, match=f"hba file {hba}, line 3: invalid authentication method"):
        read_rules(hba)
    with pytest.raises(StartupError, match=f"hba file {hba}, line 3"):
        load_policy(None, str(hba))
    hba.write_text("host all all all scram-sha-256\n")
    with pytest.raises(StartupError, match="method scram-sha-256 needs --users FILE"):
        load_policy(None, str(hba))
    with pytest.raises(StartupError, match="does not exist"):
        load_policy(str(tmp_path / "nousers"), None)


def test_unsupported_hba_names_stop_the_start_and_a_reload_keeps_the_old_rules(tmp_path):
    from duckflight.gateway.auth.policy import reload_rules

    hba = tmp_path / "hba"
    hba.write_text("host all all 127.0.0.1/32 trust\n")
    policy = load_policy(None, str(hba))
    old = policy.rules
    for line in ("host sameuser all 127.0.0.1/32 trust", "host all @admins 127.0.0.1/32 trust"):
        hba.write_text(f"# rules\n{line}\n")
        with pytest.raises(StartupError, match=f"hba file {hba}, line 2: .* is not supported"):
            load_policy(None, str(hba))
        reload_rules(policy, str(hba))
        assert policy.rules is old


def test_tls_needs_both_files_that_load(tmp_path):
    assert tls_context(None, None) is None
    with pytest.raises(StartupError, match="--tls-cert and --tls-key go together"):
        tls_context("cert.pem", None)
    with pytest.raises(StartupError, match="does not exist"):
        tls_context(str(tmp_path / "cert.pem"), str(tmp_path / "key.pem"))
    (tmp_path / "cert.pem").write_text("not a certificate")
    (tmp_path / "key.pem").write_text("not a key")
    with pytest.raises(StartupError, match="cannot load TLS certificate"):
        tls_context(str(tmp_path / "cert.pem"), str(tmp_path / "key.pem"))


def test_tls_key_others_may_read_is_refused_as_postgresql_refuses_it(tmp_path):
    import trustme

    pair = trustme.CA().issue_cert("localhost")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    pair.cert_chain_pems[0].write_to_path(str(cert))
    pair.private_key_pem.write_to_path(str(key))
    key.chmod(0o640)
    with pytest.raises(StartupError, match=rf"--tls-key {key}: has group or world access \(mode 0640\)"):
        tls_context(str(cert), str(key))
    key.chmod(0o600)
    assert tls_context(str(cert), str(key)) is not None
