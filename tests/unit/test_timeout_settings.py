"""Time settings read and shown as PostgreSQL's GUC code does; the statement timer fires once."""

import threading

import pytest

from duckflight.gateway import timeouts
from duckflight.gateway.core.sql_error import SqlError


@pytest.mark.parametrize("value, ms", [("0", 0), ("250", 250), ("1s", 1000), ("1.5 s", 1500), ("2min", 120000),
                                       ("1h", 3600000), ("1d", 86400000), ("500us", 0), ("1500us", 2)])
def test_milliseconds(value, ms):
    assert timeouts.milliseconds(value) == ms


@pytest.mark.parametrize("value", ["x", "1 fortnight", "-1", "9999999999", "1 s s"])
def test_refused(value):
    with pytest.raises(SqlError) as raised:
        timeouts.milliseconds(value)
    assert raised.value.sqlstate == "22023"


def test_timer_fires_once_and_stops():
    fired = threading.Event()
    timer = timeouts.StatementTimer(50, fired.set)
    assert fired.wait(2) and timer.fired
    quiet = threading.Event()
    timeouts.StatementTimer(200, quiet.set).stop()
    assert not quiet.wait(0.4)
    assert not timeouts.StatementTimer(0, quiet.set).fired


def test_idle_timeout_by_transaction_state():
    values = {"idle_session_timeout": "2s", "idle_in_transaction_session_timeout": "0"}
    assert timeouts.idle_timeout(False, values)[0] == 2.0
    seconds, error = timeouts.idle_timeout(True, values)
    assert seconds is None and error.sqlstate == "25P03" and error.severity == "FATAL"
