"""The date and time rules' docstring examples run (their golden cases are golden/datetime.sql).

The values they give are compared with PostgreSQL 15's in tests/clients/test_datetimes.py.
"""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["current_datetime", "datetime_constants", "datetime_format", "dialect", "interval_input",
           "postgres_datetime", "postgres_extract", "session_time", "to_char", "to_timestamp"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_example(name):
    result = doctest.testmod(importlib.import_module(f"duckflight.gateway.planner.{name}"))
    assert result.failed == 0 and result.attempted > 0
