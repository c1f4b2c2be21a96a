"""The planner owns the plan and the names of what crosses the network: the worker imports
from it (plan.relation), never the other way round."""

import ast
from pathlib import Path

import duckflight.gateway.planner as planner


def test_the_planner_imports_nothing_from_the_worker():
    offenders = []
    for path in sorted(Path(planner.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            offenders += [f"{path.name}: {name}" for name in names if name.startswith("duckflight.worker")]
    assert offenders == []
