"""Options come from flags, then environment, then the config file, then defaults; each
command has its own variables and TOML table, and every bad setting is one clear line."""

import subprocess
import sys

import pytest

from duckflight.gateway.cli import COMMANDS, build_parser
from duckflight.gateway.config import resolve
from duckflight.gateway.startup import StartupError


def _args(argv, monkeypatch, env=None):
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    args = build_parser().parse_args(argv)
    return resolve(args, COMMANDS, args.command)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch):
    import os
    for key in list(os.environ):
        if key.startswith("DUCKFLIGHT_"):
            monkeypatch.delenv(key)


def test_defaults(monkeypatch):
    args = _args(["worker", "--data", "/srv"], monkeypatch)
    assert (args.host, args.port, args.threads, args.data) == ("127.0.0.1", 8815, None, ["/srv"])


def test_flag_beats_env_beats_file_beats_default(tmp_path, monkeypatch):
    config = tmp_path / "duckflight.toml"
    config.write_text('[gateway]\nport = 6000\ndata = "/srv"\nworker = ["a:1", "b:2"]\nfragment_timeout = 5\n')
    args = _args(["gateway", "--config", str(config)], monkeypatch)
    assert (args.port, args.data, args.worker, args.fragment_timeout) == (6000, "/srv", ["a:1", "b:2"], 5)
    env = {"DUCKFLIGHT_GATEWAY_PORT": "7000", "DUCKFLIGHT_GATEWAY_WORKER": "c:3,d:4"}
    args = _args(["gateway", "--config", str(config)], monkeypatch, env)
    assert (args.port, args.worker) == (7000, ["c:3", "d:4"])
    args = _args(["gateway", "--config", str(config), "--port", "8000", "--worker", "e:5"], monkeypatch, env)
    assert (args.port, args.worker) == (8000, ["e:5"])


def test_each_command_has_its_own_variables_and_table(tmp_path, monkeypatch):
    """A gateway's port in the environment does not move a worker started from the same shell."""
    config = tmp_path / "c.toml"
    config.write_text('[gateway]\nport = 6000\ndata = "/srv"\n\n[worker]\nport = 9000\ndata = ["/srv"]\n')
    env = {"DUCKFLIGHT_GATEWAY_PORT": "7000", "DUCKFLIGHT_CONFIG": str(config)}
    assert _args(["worker"], monkeypatch, env).port == 9000
    assert _args(["gateway"], monkeypatch, env).port == 7000
    assert _args(["up"], monkeypatch, env).port == 5433


def test_config_file_from_environment(tmp_path, monkeypatch):
    config = tmp_path / "c.toml"
    config.write_text("[up]\nworkers = 3\n")
    assert _args(["up"], monkeypatch, {"DUCKFLIGHT_CONFIG": str(config)}).workers == 3


@pytest.mark.parametrize("text, words", [
    ("[gateway]\nprot = 7000\n", ["unknown key prot in [gateway]", "did you mean port?"]),
    ("[gatway]\nport = 7000\n", ["unknown table [gatway]", "did you mean gateway?"]),
    ('[gateway]\nport = "seven"\n', ["[gateway] port", "expected an integer, got 'seven'"]),
    ("[gateway]\nport = 70000\n", ["[gateway] port", "0 to 65535"]),
    ("[gateway]\nworker = [5]\n", ["[gateway] worker", "expected a string"]),
    ("[gateway]\nfragment_timeout = true\n", ["[gateway] fragment_timeout", "expected a number"]),
    ("[gateway]\nbroadcast_limit = \"lots\"\n", ["[gateway] broadcast_limit", "expected a size"]),
    ("[gateway\n", ["is not valid TOML"]),
    ("gateway = 5\n", ["gateway must be a table"]),
    ("port = 5433\n[gateway]\n", ["key port is outside any table", "put it under [worker] or [gateway] or [up]"]),
])
def test_bad_config_file_names_file_and_key(tmp_path, monkeypatch, text, words):
    config = tmp_path / "bad.toml"
    config.write_text(text)
    with pytest.raises(StartupError) as raised:
        _args(["gateway", "--config", str(config), "--data", "/srv"], monkeypatch)
    message = str(raised.value)
    assert "\n" not in message and str(config) in message
    for word in words:
        assert word in message


def test_missing_config_file(tmp_path, monkeypatch):
    with pytest.raises(StartupError, match=r"config file .*nothere.toml does not exist"):
        _args(["up", "--config", str(tmp_path / "nothere.toml")], monkeypatch)


def test_bad_environment_value_names_the_variable(monkeypatch):
    with pytest.raises(StartupError, match="environment variable DUCKFLIGHT_WORKER_THREADS: expected 1 or more"):
        _args(["worker", "--data", "/srv"], monkeypatch, {"DUCKFLIGHT_WORKER_THREADS": "0"})


def test_required_option_missing(monkeypatch):
    with pytest.raises(StartupError, match="--data is required .*DUCKFLIGHT_GATEWAY_DATA"):
        _args(["gateway"], monkeypatch)
    with pytest.raises(StartupError, match="--data is required .*DUCKFLIGHT_WORKER_DATA"):
        _args(["worker"], monkeypatch)


def test_help_shows_every_default_and_what_is_required():
    for command, options in COMMANDS.items():
        text = build_parser()._subparsers._group_actions[0].choices[command].format_help()
        flat = " ".join(text.split())
        for option in options:
            assert f"--{option.name}" in flat
            assert option.env(command) in flat
            if option.required:
                assert "(required)" in flat
            elif option.default not in (None, []):
                assert f"(default: {option.default})" in flat, (command, option.name)


def _cli(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "duckflight.gateway.cli", *argv], capture_output=True, text=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin"})


def test_bad_flag_is_one_line_no_traceback():
    done = _cli("up", "--port", "abc")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["duckflight up: argument --port: expected an integer, got 'abc' "
                                                "(see --help)"]


def test_version():
    done = _cli("--version")
    assert done.returncode == 0 and done.stdout.startswith("duckflight ")


def test_authentication_settings_come_from_flag_env_and_file_alike(tmp_path, monkeypatch):
    config = tmp_path / "duckflight.toml"
    config.write_text('[gateway]\ndata = "/srv"\nusers = "/etc/df/users"\nhba = "/etc/df/hba"\n'
                      '[up]\ntls_cert = "/etc/df/cert.pem"\ntls_key = "/etc/df/key.pem"\n')
    args = _args(["gateway", "--config", str(config)], monkeypatch, {"DUCKFLIGHT_GATEWAY_TLS_CERT": "c.pem"})
    assert (args.users, args.hba, args.tls_cert, args.tls_key) == ("/etc/df/users", "/etc/df/hba", "c.pem", None)
    args = _args(["up", "--config", str(config), "--users", "u"], monkeypatch)
    assert (args.users, args.hba, args.tls_cert, args.tls_key) == ("u", None, "/etc/df/cert.pem", "/etc/df/key.pem")
