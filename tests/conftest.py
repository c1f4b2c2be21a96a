"""Shared test setup: puts tests/ on sys.path (for tpch_queries) and owns the data cache.

Generated data sets (TPC-H demo data) are cached in the repository's `.pytest_data/`,
so a fresh clone in CI builds them once per run and a developer's reruns reuse them.
The folder ignores itself for git, so it never shows up as untracked.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def data_cache() -> Path:
    """The repository-local cache folder for generated test data."""
    folder = REPO / ".pytest_data"
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# generated test data, see tests/conftest.py\n*\n")
    return folder


def pytest_unconfigure(config):
    """Collect what in-process clusters left (Flight readers of sessions a test never closed)
    while gRPC is whole: destroyed at the interpreter's exit instead, they abort the process
    after every test passed ("terminate called without an active exception", exit 134)."""
    gc.collect()
