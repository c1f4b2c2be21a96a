"""The rule list of ``planner/rules.py``: one order, both pipelines, every rule module in it."""

from __future__ import annotations

import importlib
import pkgutil

import duckflight.gateway.planner
import duckflight.gateway.system
from duckflight.gateway.planner.rules import RULES, Pipeline, names

# Modules named after a function of theirs that is not a rule of either pipeline.
NOT_IN_RULES = {
    "parameter_lists",  # run by parse, before any rule
    "infer_parameters",  # Describe's parameter types, not a rewrite
    "cut_stages",  # the step after the rules: tree in, Plan out
    "system_sources",  # run by the rule "placed"
    "key_filter", "key_ranges",  # helpers of prune_splits and distribute_blocks
    "oid_arrays",  # retypes results, not trees
}


def test_each_rule_once():
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_the_system_pipeline_shares_the_planners_order():
    planner, system = names(Pipeline.PLANNER), names(Pipeline.SYSTEM)
    shared = [name for name in planner if name in system]
    assert shared == [name for name in system if name in planner]
    assert shared[:3] == ["file_access", "check_role_relations", "table_functions"]  # the sandbox judges first
    assert planner[-3:] == ["pushdown_scans", "prune_splits", "distribute_blocks"]
    assert system[-2:] == ["system_relations", "missing_functions"]  # calls DuckDB lacks: once all are rewritten


def test_every_rule_module_is_in_the_list():
    listed = {rule.name for rule in RULES}
    for package in (duckflight.gateway.planner, duckflight.gateway.system):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            if callable(getattr(module, info.name, None)) and info.name not in NOT_IN_RULES:
                assert info.name in listed, f"{info.name} is a rule module that no pipeline runs"


def test_the_architecture_document_lists_every_rule():
    """docs/architecture.md's rule table names each entry of RULES, so the document a newcomer
    reads first follows the list."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "docs" / "architecture.md").read_text()
    assert [rule.name for rule in RULES if f"`{rule.name}`" not in text] == []
