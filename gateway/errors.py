"""Give every error that reaches a client PostgreSQL's SQLSTATE and wording.

DuckDB raises one exception class per kind of error; workers send that class
name along with a failed fragment (see ``worker/errors.py``). Both paths meet
here, in ``sql_error``.
"""

from __future__ import annotations

import re

from duckflight.gateway.pgwire.backend import SqlError

# DuckDB exception class → SQLSTATE, when the message says nothing more precise.
BY_KIND = {
    "ParserException": "42601",
    "SyntaxException": "42601",
    "CatalogException": "42704",
    "BinderException": "42000",
    "ConversionException": "22P02",
    "OutOfRangeException": "22003",
    "InvalidInputException": "22023",
    "InvalidTypeException": "42804",
    "TypeMismatchException": "42804",
    "ConstraintException": "23000",
    "NotImplementedException": "0A000",
    "OutOfMemoryException": "53200",
    "IOException": "58030",
    "HTTPException": "58030",
    "InterruptException": "57014",
    "PermissionException": "42501",
    "SequenceException": "55000",
    "DependencyException": "2BP01",
    "TransactionException": "25000",
}

# (pattern on DuckDB's message, SQLSTATE, PostgreSQL-style message template)
BY_MESSAGE = [
    (re.compile(r"division by zero", re.I), "22012", "division by zero"),
    (re.compile(r'Table with name "?([^"\s]+)"? does not exist', re.I), "42P01", 'relation "{0}" does not exist'),
    (re.compile(r'Referenced column "([^"]+)" not found', re.I), "42703", 'column "{0}" does not exist'),
    (re.compile(r"(?:Scalar|Aggregate|Table) Function with name \"?(\w+)\"? does not exist", re.I), "42883",
     "function {0} does not exist"),
    (re.compile(r"No function matches", re.I), "42883", None),
    (re.compile(r"must appear in the GROUP BY clause", re.I), "42803", None),
    (re.compile(r"Could not convert string '([^']*)' to (\w+)", re.I), "22P02", None),
    (re.compile(r"Could not cast value .* to DECIMAL", re.I), "22003", "numeric field overflow"),
    (re.compile(r"More than one row returned by a subquery", re.I), "21000",
     "more than one row returned by a subquery used as an expression"),
    (re.compile(r"Overflow|out of range", re.I), "22003", None),
    (re.compile(r"Interrupted", re.I), "57014", "canceling statement due to user request"),
]


def sql_error(kind: str | None, message: str) -> SqlError:
    """A client error for a DuckDB exception of class ``kind`` with ``message``."""
    text = _strip_prefix(message)
    for pattern, sqlstate, template in BY_MESSAGE:
        match = pattern.search(text)
        if match:
            shown = template.format(*match.groups()) if template else text
            return SqlError(sqlstate, shown, detail=None if shown == text else text)
    return SqlError(BY_KIND.get(kind or "", "XX000"), text)


def from_exception(exc: BaseException) -> SqlError:
    """Map any exception raised while running a query on the gateway's DuckDB."""
    if isinstance(exc, SqlError):
        return exc
    return sql_error(type(exc).__name__, str(exc))


def _strip_prefix(message: str) -> str:
    # DuckDB prefixes its messages with the error kind ("Binder Error: ...").
    return re.sub(r"^[A-Za-z ]+ Error: ", "", message.strip(), count=1)
