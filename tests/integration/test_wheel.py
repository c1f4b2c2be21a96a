"""duckflight installed as users install it: `python -m build` gives an sdist and a wheel
(the wheel built from the sdist, so a file the sdist leaves out is missing from it too);
the wheel goes into a fresh venv outside the checkout; every module of the package imports
there, `duckflight --version` answers, and `duckflight up` serves its demo data to psql.

An editable install (what `tests/run` uses for the rest of the suite) reads modules
straight from the checkout and would hide a package the distribution leaves out.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
from test_up import dsn, psql_env

VERSION = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def run(cmd: list, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed ({done.returncode}):\n{done.stderr[-4000:]}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """sdist and wheel of the checkout, built as `python -m build` builds them."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", out, REPO], cwd=out)
    return out


@pytest.fixture(scope="module")
def venv(dist, tmp_path_factory) -> Path:
    """A new venv, outside the checkout, with the wheel (and its dependencies) installed."""
    folder = tmp_path_factory.mktemp("user") / "venv"
    base = getattr(sys, "_base_executable", None) or shutil.which("python3")
    run([base, "-m", "venv", folder], cwd=folder.parent)
    (wheel,) = dist.glob("duckflight-*.whl")
    run([folder / "bin" / "python", "-m", "pip", "install", "-q", wheel], cwd=folder.parent)
    return folder


@pytest.mark.timeout(900)
def test_build_gives_sdist_and_wheel(dist):
    assert sorted(p.name for p in dist.iterdir()) == [f"duckflight-{VERSION}-py3-none-any.whl",
                                                      f"duckflight-{VERSION}.tar.gz"]


@pytest.mark.timeout(900)
def test_every_module_of_the_tree_is_installed_and_imports(venv):
    """Each .py file under gateway/, worker/ and protos/ is a module of the installed package."""
    expected = sorted(
        "duckflight." + ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        for top in ("gateway", "worker", "protos") for path in (REPO / top).rglob("*.py")
    )
    script = (
        "import importlib, pkgutil, sys\n"
        "import duckflight.gateway, duckflight.worker, duckflight.protos\n"
        "names = []\n"
        "for package in (duckflight.gateway, duckflight.worker, duckflight.protos):\n"
        "    names.append(package.__name__)\n"
        "    names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + '.')]\n"
        "for name in names:\n"
        "    module = importlib.import_module(name)\n"
        "    assert '/site-packages/' in module.__file__, module.__file__\n"
        "print('\\n'.join(sorted(names)))\n"
    )
    done = run([venv / "bin" / "python", "-c", script], cwd=venv.parent)
    assert done.stdout.split() == expected
    protos = list((venv / "lib").glob("python3*/site-packages/duckflight/protos/*.proto"))
    assert sorted(p.name for p in protos) == sorted(p.name for p in (REPO / "protos").glob("*.proto"))


@pytest.mark.timeout(900)
def test_version(venv):
    done = run([venv / "bin" / "duckflight", "--version"], cwd=venv.parent)
    assert done.stdout.strip() == f"duckflight {VERSION}"


@pytest.mark.timeout(900)
def test_up_from_the_wheel_answers_psql(venv, launch_up, free_tcp_port, tmp_path):
    port = free_tcp_port
    up = launch_up(["--port", str(port)], env={"DUCKFLIGHT_DATA_HOME": str(tmp_path / "cache")},
                   executable=str(venv / "bin" / "duckflight"), cwd=venv.parent)
    up.wait_for_output(re.escape(dsn(port)))
    cmd = ["psql", "-h", "127.0.0.1", "-p", str(port), "-d", "duckflight", "-X", "-A", "-t", "-w",
           "-c", "select count(*) from lineitem", "-c", "select n_name from nation where n_nationkey = 7"]
    out = subprocess.run(cmd, env=psql_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, f"psql failed: {out.stderr}\n--- up output ---\n{up.output()[-4000:]}"
    # TPC-H at scale factor 0.1 (the demo set): 600,572 lineitem rows; nation 7 is GERMANY.
    assert out.stdout.split() == ["600572", "GERMANY"]
    up.stop(signal.SIGINT, whole_group=True)
    assert up.proc.returncode == 0
