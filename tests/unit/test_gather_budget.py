"""A query's gathered answers are counted against the gateway's memory limit."""

import pyarrow as pa
import pytest

from duckflight.gateway.gather_budget import GatherBudget
from duckflight.gateway.core.sql_error import SqlError


def test_take_and_give_back():
    budget = GatherBudget(100)
    budget.take(60)
    with pytest.raises(SqlError) as raised:
        budget.take(41)
    assert raised.value.sqlstate == "53200"
    assert raised.value.message.endswith("the memory limit of 0.0 MiB (--memory-limit)")
    budget.give_back(60)
    budget.take(100)


def test_no_limit():
    budget = GatherBudget(None)
    budget.take(pa.array(range(1000)).nbytes * 1000)
    assert budget.used == 8_000_000
