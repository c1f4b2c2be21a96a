"""The README is true, command by command.

Its shell blocks run as written in a clean copy of the checkout (the files git tracks, no
.venv), with two substitutions so the test can run beside other clusters: the gateway's
port 5433 and the control port 5434 become free ports. The quick-start block installs with
`pip install .` and starts `duckflight up` (its ports, data folder and cluster secret file
set through the DUCKFLIGHT_UP_* variables the README documents); the blocks after it then
run against that cluster and must succeed. Blocks for other machines (the deploy commands) and the test
command itself cannot run here: every `duckflight` command line in them is checked with
the real argument parser instead, and so is every flag the prose names.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from duckflight.gateway.cli import COMMANDS, build_parser
from duckflight.gateway.up import free_port
from processes import UpProcess

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text()
BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
ELSEWHERE = ("node1", "node2", "node3", "tests/run")  # blocks for other machines, and the suite itself


def command_lines(block: str) -> list[list[str]]:
    """Each `duckflight …` invocation of a block, as argv after the program name."""
    found = []
    for line in block.replace("\\\n", " ").splitlines():
        for part in line.split("&&"):
            words = shlex.split(part, comments=True)
            if words and words[0].endswith("duckflight"):
                found.append(words[1:])
    return found


def test_every_command_line_parses():
    lines = [argv for block in BLOCKS for argv in command_lines(block)]
    assert len(lines) >= 5
    for argv in lines:
        try:
            build_parser().parse_args(argv)
        except SystemExit:
            pytest.fail(f"README: `duckflight {' '.join(argv)}` is rejected by the CLI")


def parser_flags(parser) -> set[str]:
    """Every --flag of a parser and of its subcommands (`duckflight user add --role` too)."""
    flags = set()
    for action in parser._actions:
        flags.update(flag for flag in action.option_strings if flag.startswith("--"))
        for sub in (action.choices or {}).values() if isinstance(action.choices, dict) else ():
            flags |= parser_flags(sub)
    return flags


def test_every_flag_the_readme_names_exists():
    known = parser_flags(build_parser())
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]+", README))
    assert named - known == set()


def test_every_variable_the_readme_names_exists():
    known = {o.env(c) for c, options in COMMANDS.items() for o in options} | {"DUCKFLIGHT_CONFIG",
                                                                              "DUCKFLIGHT_DATA_HOME",
                                                                              "DUCKFLIGHT_CLUSTER_SECRET"}
    named = set(re.findall(r"DUCKFLIGHT_[A-Z_]+", README))
    assert named - known == set()


def test_toml_example_is_a_valid_config(tmp_path):
    from duckflight.gateway.config import load_config

    (example,) = re.findall(r"```toml\n(.*?)```", README, flags=re.S)
    path = tmp_path / "duckflight.toml"
    path.write_text(example)
    tables = load_config(str(path), COMMANDS)
    assert set(tables) == {"up", "gateway", "worker"}


@pytest.fixture
def clean_copy(tmp_path) -> Path:
    """The checkout's files as a fresh clone has them (tracked and new, not ignored)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    copy = tmp_path / "duckflight"
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


@pytest.mark.timeout(900)
def test_readme_blocks_run_as_written(clean_copy, data_cache, tpch_sf01, tmp_path):
    port, control = free_port(), free_port()
    runnable = [b for b in BLOCKS if not any(word in b for word in ELSEWHERE)]
    assert "duckflight up" in runnable[0], "the README must begin with the command that starts a cluster"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DUCKFLIGHT_", "PG", "VIRTUAL_ENV"))}
    # The secret that the README's `duckflight workers` block names, as a user would make it.
    (clean_copy / "cluster-secret").write_text("a-readme-cluster-secret\n")
    (clean_copy / "cluster-secret").chmod(0o600)
    env.update(DUCKFLIGHT_UP_PORT=str(port), DUCKFLIGHT_UP_CONTROL_PORT=str(control),
               DUCKFLIGHT_UP_CLUSTER_SECRET_FILE="cluster-secret",
               DUCKFLIGHT_DATA_HOME=str(data_cache), PGCONNECT_TIMEOUT="10")

    def substituted(block: str) -> str:
        return block.replace("5433", str(port)).replace("5434", str(control))

    up = UpProcess([], tmp_path / "up.log", env=env, cwd=clean_copy, shell=substituted(runnable[0]))
    try:
        up.wait_for_output(r"duckflight is up", timeout=600)
        for block in runnable[1:]:
            done = subprocess.run(["bash", "-euo", "pipefail", "-c", substituted(block)], cwd=clean_copy, env=env,
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, f"README block failed:\n{block}\n--- stderr ---\n{done.stderr}"
            assert done.stdout.strip(), f"README block printed nothing:\n{block}"
            if "lineitem" in block:
                assert "600572" in done.stdout  # TPC-H sf0.1
            if "workers" in block:
                assert done.stdout.count("healthy") == 2, done.stdout
        up.stop(signal.SIGINT, whole_group=True)
    finally:
        if up.proc.poll() is None:
            up.kill()
