"""ensure_tpch: generates once, reuses after, survives racing processes, cleans up failures."""

from __future__ import annotations

import subprocess
import sys

import pytest

from duckflight.gateway import demo
from duckflight.gateway.demo import TPCH_TABLES, default_root, ensure_tpch


def test_generates_every_table_then_reuses_it(tmp_path, monkeypatch):
    path = ensure_tpch(0.01, root=tmp_path, parts=2)
    assert path == tmp_path / "tpch-sf0.01"
    for table in TPCH_TABLES:
        assert list((path / table).glob("*.parquet")), table
    assert len(list((path / "lineitem").glob("*.parquet"))) == 2

    monkeypatch.setattr(demo, "_run_tpchgen", lambda *a: pytest.fail("regenerated an existing data set"))
    assert ensure_tpch(0.01, root=tmp_path, parts=2) == path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tpch-sf0.01"]  # no temp folders left


def test_racing_processes_agree_on_one_folder(tmp_path):
    code = "import sys; from duckflight.gateway.demo import ensure_tpch; print(ensure_tpch(0.01, sys.argv[1]))"
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
             for _ in range(3)]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0]
    assert outputs == [str(tmp_path / "tpch-sf0.01")] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tpch-sf0.01"]


def test_failed_generation_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "tpchgen_executable", lambda: "false")
    with pytest.raises(RuntimeError, match="failed"):
        ensure_tpch(0.01, root=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_incomplete_folder_is_an_error_not_a_data_set(tmp_path):
    (tmp_path / "tpch-sf0.01" / "lineitem").mkdir(parents=True)
    with pytest.raises(RuntimeError, match="not a complete TPC-H data set"):
        ensure_tpch(0.01, root=tmp_path)


def test_default_root(monkeypatch, tmp_path):
    monkeypatch.setenv("DUCKFLIGHT_DATA_HOME", str(tmp_path / "home"))
    assert default_root() == tmp_path / "home"
    monkeypatch.delenv("DUCKFLIGHT_DATA_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_root() == tmp_path / "xdg" / "duckflight"
