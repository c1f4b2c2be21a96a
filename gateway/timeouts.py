"""Time limits a session honours: statement_timeout and the two idle timeouts.

PostgreSQL (runtime config, "Client Connection Defaults"):

- ``statement_timeout`` aborts any statement that takes more than the given time,
  from the moment the command arrives until it completes (rows sent included), with
  57014 "canceling statement due to statement timeout";
- ``idle_in_transaction_session_timeout`` ends a session idle inside a transaction
  block for longer than that, with FATAL 25P03;
- ``idle_session_timeout`` ends a session idle outside a transaction block for
  longer than that, with FATAL 57P05.

0 turns each off. Values are integers of milliseconds or numbers with a unit
(``'1.5s'``, ``'5min'``); SHOW writes them back as PostgreSQL does (``1500ms``, ``5min``).

    >>> milliseconds("1.5s"), milliseconds("100"), milliseconds("2min")
    (1500, 100, 120000)
    >>> shown(1500), shown(60000), shown(0)
    ('1500ms', '1min', '0')
"""

from __future__ import annotations

import re
import threading
from typing import Callable

from duckflight.gateway.core.sql_error import SqlError

SETTINGS = ("statement_timeout", "idle_in_transaction_session_timeout", "idle_session_timeout")
# PostgreSQL's time units (guc.c memory_unit_conversion_table's time half), in ms.
UNITS = {"us": 0.001, "ms": 1, "s": 1000, "min": 60_000, "h": 3_600_000, "d": 86_400_000}
MAX_MS = 2_147_483_647  # INT_MAX, the settings' upper bound
_VALUE = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-z]*)\s*$")


def milliseconds(value: str, name: str = "statement_timeout") -> int:
    """A time setting in ms, as PostgreSQL's parse_int with GUC_UNIT_MS reads it.

    Raises SqlError 22023 for a value PostgreSQL refuses (its wording).
    """
    match = _VALUE.match(str(value))
    unit = match.group(2) if match else ""
    if match is None or (unit and unit not in UNITS):
        hint = 'Valid units for this parameter are "us", "ms", "s", "min", "h", and "d".' if match else None
        raise SqlError("22023", f'invalid value for parameter "{name}": "{value}"', hint=hint)
    result = round(float(match.group(1)) * UNITS.get(unit or "ms", 1))
    if not 0 <= result <= MAX_MS:
        raise SqlError("22023", f"{result} ms is outside the valid range for parameter \"{name}\" (0 .. {MAX_MS})")
    return result


def shown(ms: int) -> str:
    """How SHOW writes a time setting: the largest unit that divides it (guc.c convert_int_from_base_unit)."""
    if ms == 0:
        return "0"
    for unit in ("d", "h", "min", "s"):
        if ms % UNITS[unit] == 0:
            return f"{ms // UNITS[unit]}{unit}"
    return f"{ms}ms"


def canonical(name: str) -> Callable[[str], str]:
    """The settings check that stores a time setting as SHOW writes it."""
    return lambda value: shown(milliseconds(value, name))


class StatementTimer:
    """statement_timeout for one statement: ``fire`` runs once if it outlasts ``ms``.

    ``fired`` tells, afterwards, whether a cancel came from the timeout (so its
    error says "statement timeout", not "user request").
    """

    def __init__(self, ms: int, fire: Callable[[], None]):
        self.fired = False
        self._fire = fire
        self._timer = threading.Timer(ms / 1000, self._expire) if ms > 0 else None
        if self._timer is not None:
            self._timer.daemon = True
            self._timer.start()

    def _expire(self) -> None:
        self.fired = True
        self._fire()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


def timed_out() -> SqlError:
    return SqlError("57014", "canceling statement due to statement timeout")


def idle_timeout(in_block: bool, settings: dict[str, str]) -> tuple[float | None, SqlError]:
    """(seconds the session may wait for its client, or None; the FATAL error when it has waited longer)."""
    if in_block:
        ms = milliseconds(settings.get("idle_in_transaction_session_timeout", "0"))
        error = SqlError("25P03", "terminating connection due to idle-in-transaction timeout", severity="FATAL")
    else:
        ms = milliseconds(settings.get("idle_session_timeout", "0"))
        error = SqlError("57P05", "terminating connection due to idle-session timeout", severity="FATAL")
    return (ms / 1000 if ms else None), error
