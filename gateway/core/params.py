"""BoundParam: one parameter value of a Bind message, as every layer after the wire sees it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class BoundParam:
    """One parameter value from a Bind message, already decoded.

    ``oid`` is the type the client declared in Parse (0 when it left it to the
    server); ``value`` is None for SQL NULL, else a Python value: ``str`` for text
    format with an unknown/text type, otherwise int, float, Decimal, bool, bytes,
    date, time, datetime, timedelta, UUID or str as the OID says.
    """

    oid: int
    value: Any
