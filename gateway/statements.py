"""Cut a simple-query string into statements and tell what kind each one is.

Splitting uses the Postgres lexer of ``dialect.py``, so semicolons inside strings,
dollar quotes, quoted identifiers and comments do not cut. The kind of a
statement comes from its first words; only queries go to the planner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot.tokens import TokenType

from duckflight.gateway.dialect import tokenize

# Statements the session answers itself, by their leading keyword(s).
UTILITY = {
    "explain": "EXPLAIN", "show": "SHOW", "set": "SET", "reset": "RESET",
    "begin": "BEGIN", "start": "BEGIN", "commit": "COMMIT", "end": "COMMIT",
    "rollback": "ROLLBACK", "abort": "ROLLBACK", "savepoint": "SAVEPOINT",
    "release": "RELEASE", "discard": "DISCARD", "deallocate": "DEALLOCATE",
    "declare": "DECLARE", "fetch": "FETCH", "move": "MOVE", "close": "CLOSE", "copy": "COPY",
}
QUERY_WORDS = {"select", "with", "values", "table", "("}
# Other commands PostgreSQL knows: refused as unsupported, not as syntax errors.
COMMAND_WORDS = {
    "alter", "analyze", "call", "checkpoint", "close", "cluster", "comment", "copy", "create",
    "declare", "delete", "do", "drop", "execute", "fetch", "grant", "import", "insert", "listen",
    "load", "lock", "merge", "move", "notify", "prepare", "reassign", "refresh", "reindex",
    "revoke", "security", "truncate", "unlisten", "update", "vacuum",
}
_COMMENTS = re.compile(r"^(\s+|--[^\n]*(\n|$)|/\*.*?\*/)+", re.S)


@dataclass
class Statement:
    kind: str  # "QUERY", "EXPLAIN", "SET", "SHOW", "BEGIN", ..., "OTHER" or "UNKNOWN"
    sql: str  # the statement's text, without leading comments


def split(sql: str) -> list[str]:
    """Statements of a simple query, in order; empty ones are dropped."""
    cuts = [t.start for t in tokenize(sql) if t.token_type == TokenType.SEMICOLON]
    pieces, start = [], 0
    for cut in cuts + [len(sql)]:
        piece = sql[start:cut]
        if strip_comments(piece).strip():
            pieces.append(piece.strip())
        start = cut + 1
    return pieces


def strip_comments(sql: str) -> str:
    """The statement without its leading comments and white space."""
    return _COMMENTS.sub("", sql, count=1)


def classify(sql: str) -> Statement:
    text = strip_comments(sql).rstrip().rstrip(";").rstrip()
    first = re.match(r"\(|[A-Za-z_]+", text)
    word = first.group(0).lower() if first else ""
    if word in QUERY_WORDS:
        return Statement("QUERY", text)
    if word in UTILITY:
        return Statement(UTILITY[word], text)
    return Statement("OTHER" if word in COMMAND_WORDS else "UNKNOWN", text)
