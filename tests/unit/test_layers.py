"""Imports run one way, from the wire inwards: what each layer may import, checked on the source.

The planner turns SQL into a plan and knows nothing of the protocol or of how workers run
fragments; the neutral core (gateway/core/) is imported by every layer and imports none.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(folder: str) -> list[tuple[str, str]]:
    """(module file, imported duckflight module) of every import under ``folder``."""
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            found += [(str(path.relative_to(ROOT)), name) for name in names if name.startswith("duckflight.")]
    return found


@pytest.mark.parametrize("folder, forbidden", [
    ("gateway/planner", ("duckflight.gateway.pgwire", "duckflight.worker")),
    ("gateway/core", ("duckflight.gateway.pgwire", "duckflight.worker", "duckflight.gateway.planner",
                      "duckflight.gateway.session", "duckflight.gateway.engine")),
])
def test_a_layer_imports_nothing_from_the_layers_outside_it(folder, forbidden):
    wrong = [(path, name) for path, name in _imports(folder) if name.startswith(forbidden)]
    assert wrong == []
