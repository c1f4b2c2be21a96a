"""Every docstring example in the package runs as a doctest: an example that no longer says
what the code does fails here, so the docs a newcomer reads first stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import duckflight.gateway
import duckflight.worker


def _modules() -> list[str]:
    names = []
    for package in (duckflight.gateway, duckflight.worker):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            names.append(info.name)
    return sorted(names)


WITH_EXAMPLES = [name for name in _modules() if ">>>" in (importlib.util.find_spec(name).loader.get_source(name) or "")]


def test_examples_are_found():
    assert "duckflight.gateway.planner.pushdown_scans" in WITH_EXAMPLES


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} fail (run python -m doctest -v on it)"
