"""Give every error that reaches a client PostgreSQL's SQLSTATE and wording.

DuckDB raises one exception class per kind of error; workers send that class
name along with a failed fragment (see ``worker/errors.py``). Both paths meet
here, in ``sql_error``.
"""

from __future__ import annotations

import re

from duckflight.gateway.core.sql_error import SqlError

# PostgreSQL's HINT when no function matches a call (ParseFuncOrColumn).
NO_FUNCTION_HINT = "No function matches the given name and argument types. You might need to add explicit type casts."

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

# A table's files: one that is missing, unreadable or not what its name says is an error
# of that file (PostgreSQL's errcode_for_file_access: ENOENT 58P01, EACCES 42501, other
# I/O 58030; a damaged file XX001 data_corrupted; malformed CSV rows 22P04).
FILE_ERRORS = [
    (re.compile(r"No magic bytes found at end of file '([^']+)'"), "XX001",
     'could not read file "{0}": not a Parquet file, or truncated (no Parquet footer at its end)'),
    (re.compile(r"File '([^']+)' too small to be a Parquet file"), "XX001",
     'could not read file "{0}": too small to be a Parquet file'),
    (re.compile(r"bytes outside file: ([^,]+),"), "XX001",
     'could not read file "{0}": shorter than its Parquet footer says (truncated)'),
    # worker/errors.py adds the fragment's files to a damaged-data message that names none
    (re.compile(r'^(?:TProtocolException: )?(.*?) \(reading ("[^\n]*")\)$'), "XX001",
     "could not read file {1}: damaged Parquet data ({0})"),
    (re.compile(r'No files found that match the pattern "([^"]+)"'), "58P01",
     'could not open file "{0}": No such file or directory'),
    (re.compile(r'Cannot open file "([^"]+)": Permission denied'), "42501",
     'could not open file "{0}": Permission denied'),
    (re.compile(r'Cannot open file "([^"]+)": ([^\n]+)'), "58030", 'could not open file "{0}": {1}'),
    (re.compile(r"Invalid unicode \(byte sequence mismatch\)"), "22021", 'invalid byte sequence for encoding "UTF8"'),
    (re.compile(r"CSV Error on Line: (\d+)(?:.|\n)*?\n(Error when converting[^\n]*|Expected Number of Columns[^\n]*)"),
     "22P04", "malformed CSV data at line {0}: {1}"),
]
FILE_STATES = {"XX001", "58P01", "58030", "42501", "22P04", "22021"}

# A query that needs more memory (or spill space) than the process may use: PostgreSQL's
# 53200 "out of memory", naming the limit DuckDB reports as "(used/limit used)".
MEMORY_ERRORS = [
    (re.compile(r"max_temp_directory_size"), "53200",
     "out of memory: the query needs more than the memory limit and the spill limit (--max-temp-size) allow"),
    (re.compile(r"(?:failed to|could not) allocate [^\n]*\([^/()\n]+/([^()\n]+) used\)"), "53200",
     "out of memory: the query needs more than the memory limit of {0} (--memory-limit)"),
]

# (pattern on DuckDB's message, SQLSTATE, PostgreSQL-style message template)
BY_MESSAGE = FILE_ERRORS + MEMORY_ERRORS + [
    # Raised by the catalog image's own lookups (reg_casts): PostgreSQL's words already.
    (re.compile(r'^relation "[^"]*" does not exist$'), "42P01", None),
    (re.compile(r'^(?:type|role) "[^"]*" does not exist$'), "42704", None),
    (re.compile(r'^schema "[^"]*" does not exist$'), "3F000", None),
    (re.compile(r'^function "[^"]*" does not exist$'), "42883", None),
    (re.compile(r"division by zero", re.I), "22012", "division by zero"),
    (re.compile(r"Like pattern must not end with escape character", re.I), "22025",
     "LIKE pattern must not end with escape character"),
    (re.compile(r"Invalid escape string", re.I), "22025", "invalid escape string"),
    # PostgreSQL's numeric as computed by worker/numeric_macros
    (re.compile(r'invalid input syntax for type numeric: "(.*)"', re.S), "22P02",
     'invalid input syntax for type numeric: "{0}"'),
    (re.compile(r"cannot convert (NaN|infinity) to (\w+)"), "0A000", "cannot convert {0} to {1}"),
    (re.compile(r"NaN cannot be held in a numeric with a precision"), "0A000",
     "NaN cannot be held in a numeric with a precision and scale (duckflight's numeric(p,s) is DuckDB's DECIMAL)"),
    (re.compile(r"Casting value .* to type DECIMAL\(\d+,\d+\) failed: value is out of range"), "22003",
     "numeric field overflow"),
    (re.compile(r"numeric value does not fit in 38 digits|Overflow in \w+ of (?:INT128|DECIMAL\(38\))|"
                r"Needed scale \d+ to accurately"),
     "0A000", "numeric value does not fit in 38 digits (duckflight's limit; PostgreSQL's is 131072)"),
    (re.compile(r'Table with name "?([^"\s]+)"? does not exist', re.I), "42P01", 'relation "{0}" does not exist'),
    (re.compile(r'Referenced column "([^"]+)" not found', re.I), "42703", 'column "{0}" does not exist'),
    (re.compile(r"(?:Scalar|Aggregate|Table) Function with name \"?(\w+)\"? does not exist", re.I), "42883",
     "function {0} does not exist"),
    (re.compile(r"No function matches", re.I), "42883", None),
    # PostgreSQL finds no operator for the two types: "operator does not exist: bigint = text".
    (re.compile(r"Cannot compare values of type", re.I), "42883", None),
    (re.compile(r"must appear in the GROUP BY clause", re.I), "42803", None),
    (re.compile(r"Could not convert string '([^']*)' to (\w+)", re.I), "22P02", None),
    (re.compile(r"invalid input syntax for type", re.I), "22P02", None),  # planner/text_input.py
    (re.compile(r"LIMIT/OFFSET cannot be negative", re.I), "2201W", "LIMIT must not be negative"),
    # errors planner/postgres_functions.py raises with PostgreSQL's words
    (re.compile(r"null character not permitted"), "54000", "null character not permitted"),
    (re.compile(r"ValueError: input is out of range"), "22003", "input is out of range"),  # worker/degree_functions.py
    (re.compile(r"null values cannot be formatted as an SQL identifier"), "22004",
     "null values cannot be formatted as an SQL identifier"),
    (re.compile(r"(a negative number raised to a non-integer power yields a complex result|"
                r"zero raised to a negative power is undefined)"), "2201F", "{0}"),
    # DuckDB's planner cannot run some correlated subqueries (PostgreSQL can): a missing feature.
    (re.compile(r"not \(yet\) supported", re.I), "0A000", None),
    (re.compile(r"(?:extract|age) of an infinite (?:date or time|timestamp) is not supported[^\n]*"), "0A000", None),
    # Date/time text DuckDB cannot read: PostgreSQL's invalid_datetime_format and field overflow.
    (re.compile(r'invalid (?:date|timestamp|time) field format: "([^"]*)"', re.I), "22007", None),
    (re.compile(r'(?:date|timestamp|time) field value out of range: "([^"]*)"', re.I), "22008", None),
    (re.compile(r"Could not cast value .* to DECIMAL", re.I), "22003", "numeric field overflow"),
    (re.compile(r"More than one row returned by a subquery", re.I), "21000",
     "more than one row returned by a subquery used as an expression"),
    (re.compile(r"Overflow|out of range", re.I), "22003", None),
    (re.compile(r"Interrupted", re.I), "57014", "canceling statement due to user request"),
]


class TableChanged(SqlError):
    """A file of the query's tables was removed or rewritten after the query was planned
    (``worker/file_versions.py``); the engine plans it again over the folder as it is now."""


# A worker's refusal of a file that is not the version the query was planned over.
CHANGED_FILES = {"FileRemoved": "58P01", "FileChanged": "58030"}


def sql_error(kind: str | None, message: str) -> SqlError:
    """A client error for a DuckDB exception of class ``kind`` with ``message``."""
    text = _strip_prefix(message)
    if kind in CHANGED_FILES:
        return TableChanged(CHANGED_FILES[kind], text,
                            hint="The table's files changed while the query ran; run it again.")
    for pattern, sqlstate, template in BY_MESSAGE:
        match = pattern.search(text)
        if match:
            shown = template.format(*match.groups()) if template else text
            if sqlstate == "42883" and template:  # DuckDB's "Did you mean" names a function of its own
                return SqlError(sqlstate, shown, hint=NO_FUNCTION_HINT)
            return SqlError(sqlstate, shown, detail=None if shown == text else text)
    return SqlError(BY_KIND.get(kind or "", "XX000"), text)


def fragment_error(kind: str | None, message: str) -> SqlError:
    """A fragment's failure as its client sees it (``sql_error``), except a relation the
    fragment cannot find: a fragment names only the tables its stage reads and the
    exchanges before it, and the planner has already found every table of the query, so
    that is a subquery the planner could not distribute, refused as not supported."""
    error = sql_error(kind, message)
    if error.sqlstate != "42P01":
        return error
    return SqlError("0A000", f"duckflight cannot run this query yet: a fragment of it reads "
                             f"{error.message.removesuffix(' does not exist')}, which its stage was not given "
                             "(a subquery the planner does not distribute)")


def from_exception(exc: BaseException) -> SqlError:
    """Map any exception raised while running a query on the gateway's DuckDB."""
    if isinstance(exc, SqlError):
        return exc
    return sql_error(type(exc).__name__, str(exc))


def _strip_prefix(message: str) -> str:
    # DuckDB prefixes its messages with the error kind ("Binder Error: ..."), and may end
    # them with the SQL it ran ("LINE 1: SELECT ..." and a caret): that is our SQL, not the
    # client's, and never shown.
    text = re.sub(r"^[A-Za-z ]+ Error: ", "", message.strip(), count=1)
    return re.split(r"\n\s*LINE \d+:", text, maxsplit=1)[0].rstrip()
