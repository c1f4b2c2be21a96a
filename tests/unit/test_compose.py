"""compose/docker-compose.yml stays runnable: every engine service's command is a valid
`duckflight` invocation (checked with the real CLI parser), the gateway lists exactly the
worker services and their ports, gateway and workers share the data volume at one path, and
the users step writes the users file the gateway reads.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from duckflight.gateway.auth.policy import load_policy
from duckflight.gateway.cli import build_parser

COMPOSE = Path(__file__).resolve().parents[2] / "compose" / "docker-compose.yml"


@pytest.fixture(scope="module")
def services() -> dict:
    return yaml.safe_load(COMPOSE.read_text())["services"]


def duckflight_services(services: dict, subcommand: str) -> dict[str, list[str]]:
    """{service name: argv after `duckflight`} for services running `duckflight SUBCOMMAND`."""
    found = {}
    for name, spec in services.items():
        command = spec.get("command")
        if isinstance(command, list) and command[:2] == ["duckflight", subcommand]:
            found[name] = [str(a) for a in command[1:]]
    return found


def parse(argv: list[str]):
    try:
        return build_parser().parse_args(argv)
    except SystemExit as e:  # argparse reports errors by exiting
        pytest.fail(f"`duckflight {' '.join(argv)}` is rejected by the CLI parser (exit {e.code})")


def option_values(argv: list[str], option: str) -> list[str]:
    return [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == option]


def test_commands_are_lists(services):
    for name, spec in services.items():
        command = spec.get("command")
        assert command is None or isinstance(command, list), f"{name}: write command as a list (exec form)"


def test_every_duckflight_command_parses(services):
    commands = [spec["command"] for spec in services.values() if (spec.get("command") or [None])[0] == "duckflight"]
    assert len(commands) >= 3, "expected a gateway and at least two workers"
    for command in commands:
        parse([str(a) for a in command[1:]])


def test_one_gateway_two_workers_and_object_store(services):
    assert len(duckflight_services(services, "gateway")) == 1
    assert len(duckflight_services(services, "worker")) >= 2
    assert any("minio" in str(spec.get("image", "")) for spec in services.values()), "no object store service"


def test_gateway_lists_worker_services_and_ports(services):
    workers = {name: option_values(argv, "--port") for name, argv in duckflight_services(services, "worker").items()}
    [gateway] = duckflight_services(services, "gateway").values()
    listed = {}
    for entry in option_values(gateway, "--worker"):
        host, _, port = entry.rpartition(":")
        listed[host] = port
    assert set(listed) == set(workers), "the gateway's --worker hosts must be exactly the worker services"
    for name, ports in workers.items():
        assert ports == [listed[name]], f"{name} listens on {ports}, the gateway dials {listed[name]}"


def test_data_volume_shared_at_one_path(services):
    def mounts(name):
        return {v.split(":")[1] for v in services[name].get("volumes", []) if v.split(":")[0] == "data"}

    [gateway_name] = duckflight_services(services, "gateway")
    worker_names = list(duckflight_services(services, "worker"))
    paths = mounts(gateway_name)
    assert paths, "the gateway does not mount the data volume"
    for name in worker_names:
        assert mounts(name) == paths, f"{name} mounts the data volume at {mounts(name)}, the gateway at {paths}"
    [data] = option_values(duckflight_services(services, "gateway")[gateway_name], "--data")
    assert any(data == p or data.startswith(p.rstrip("/") + "/") for p in paths), f"--data {data} is outside the volume"


def test_demo_data_lands_where_the_gateway_reads(services):
    command = [str(a) for a in services["demo-data"]["command"]]
    assert command[:3] == ["python", "-m", "duckflight.gateway.demo"]
    [root] = option_values(command, "--root")
    [scale] = option_values(command, "--scale")
    [gateway] = duckflight_services(services, "gateway").values()
    assert option_values(gateway, "--data") == [f"{root}/tpch-sf{float(scale):g}"]


def test_image_copies_what_the_build_needs():
    """The Dockerfile's `pip install .` sees every file the sdist is built from."""
    dockerfile = (COMPOSE.parent / "Dockerfile").read_text()
    copied = {source.rstrip("/") for line in dockerfile.splitlines() if line.startswith("COPY ")
              for source in line.split()[1:-1]}
    assert {"pyproject.toml", "setup.py", "README.md", "gateway", "worker", "protos"} <= copied
    assert "RUN pip install --no-cache-dir .\n" in dockerfile  # a real install, not an editable one


def test_users_step_writes_the_file_the_gateway_reads(services, tmp_path):
    """The `users` service's command, run outside a container (its volume a folder here), makes
    a users file the gateway's --users loads, in the volume the gateway mounts at that path."""
    command = [re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", str(a)) for a in services["users"]["command"]]
    [mount] = [v for v in services["users"]["volumes"]]
    volume, path = mount.split(":")
    [gateway_name] = duckflight_services(services, "gateway")
    assert mount in services[gateway_name]["volumes"], "the gateway does not mount the users volume"
    [users] = option_values(duckflight_services(services, "gateway")[gateway_name], "--users")
    assert option_values(command, "--users") == [users] and users.startswith(path + "/")
    assert services[gateway_name]["depends_on"]["users"] == {"condition": "service_completed_successfully"}
    local = str(tmp_path) + users[len(path):]
    argv = [a.replace(users, local) for a in command]
    script = Path(sys.executable).parent / "duckflight"
    run = subprocess.run([str(script), *argv[1:]], capture_output=True, text=True, timeout=60,
                         env={k: v for k, v in os.environ.items() if not k.startswith("DUCKFLIGHT_")})
    assert run.returncode == 0, run.stderr
    policy = load_policy(local, None)
    assert policy.users.get("duckflight").role == "admin"
