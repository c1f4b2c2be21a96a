"""Options come from flags, then environment, then the config file, then defaults."""

import pytest

from duckflight.gateway.cli import build_parser, COMMANDS
from duckflight.gateway.config import resolve


def _args(argv, monkeypatch, env=None):
    for key, value in (env or {}).items():
        monkeypatch.setenv(key, value)
    args = build_parser().parse_args(argv)
    return resolve(args, COMMANDS[args.command], args.command)


def test_defaults(monkeypatch):
    args = _args(["worker"], monkeypatch)
    assert (args.host, args.port, args.threads) == ("127.0.0.1", 8815, None)


def test_flag_beats_env_beats_file_beats_default(tmp_path, monkeypatch):
    config = tmp_path / "duckflight.toml"
    config.write_text('[gateway]\nport = 6000\ndata = "/srv"\nworker = ["a:1", "b:2"]\nfragment_timeout = 5\n')
    args = _args(["gateway", "--config", str(config)], monkeypatch)
    assert (args.port, args.data, args.worker, args.fragment_timeout) == (6000, "/srv", ["a:1", "b:2"], 5)
    args = _args(["gateway", "--config", str(config)], monkeypatch, {"DUCKFLIGHT_PORT": "7000", "DUCKFLIGHT_WORKER": "c:3,d:4"})
    assert (args.port, args.worker) == (7000, ["c:3", "d:4"])
    args = _args(["gateway", "--config", str(config), "--port", "8000", "--worker", "e:5"], monkeypatch, {"DUCKFLIGHT_PORT": "7000"})
    assert (args.port, args.worker) == (8000, ["e:5"])


def test_config_file_from_environment(tmp_path, monkeypatch):
    config = tmp_path / "c.toml"
    config.write_text("[up]\nworkers = 3\n")
    assert _args(["up"], monkeypatch, {"DUCKFLIGHT_CONFIG": str(config)}).workers == 3


def test_required_option_missing(monkeypatch):
    monkeypatch.delenv("DUCKFLIGHT_DATA", raising=False)
    with pytest.raises(SystemExit, match="--data is required"):
        _args(["gateway"], monkeypatch)
