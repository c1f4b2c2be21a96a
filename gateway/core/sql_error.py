"""SqlError: an error for the client, carried from any layer to the wire.

Each becomes one ErrorResponse (protocol.sgml, "Error and Notice Message Fields") with the
SQLSTATE PostgreSQL gives the same failure (errcodes.txt); anything else that escapes a
statement is reported as XX000 by the protocol layer.
"""

from __future__ import annotations

from typing import Optional


class SqlError(Exception):
    """An error for the client: becomes one ErrorResponse with these fields.

    ``sqlstate``: five characters (errcodes.txt); ``severity``: ERROR, FATAL or PANIC;
    ``position``: 1-based character offset into the statement text, as PostgreSQL's P field.
    """

    def __init__(
        self,
        sqlstate: str,
        message: str,
        *,
        severity: str = "ERROR",
        detail: Optional[str] = None,
        hint: Optional[str] = None,
        position: Optional[int] = None,
    ):
        super().__init__(message)
        self.sqlstate = sqlstate
        self.message = message
        self.severity = severity
        self.detail = detail
        self.hint = hint
        self.position = position
