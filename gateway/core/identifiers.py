"""Quoting and reading names and string literals, as PostgreSQL and DuckDB both read them.

PostgreSQL's lexical rules (docs, "Identifiers and Key Words" and "String Constants"):
a quoted identifier keeps its case and doubles its double quotes; an unquoted one folds to
lower case; a string literal doubles its single quotes. DuckDB reads both the same way, so
SQL written here for the gateway's or a worker's DuckDB uses these too.

>>> quote_ident('a"b'), quote_literal("it's"), read_ident('"Qty"'), read_ident("Qty")
('"a""b"', "'it''s'", 'Qty', 'qty')
>>> quote_ident_if_needed("pg_class", set()), quote_ident_if_needed("Order", set()), quote_ident_if_needed("user", {"user"})
('pg_class', '"Order"', '"user"')
"""

from __future__ import annotations

import re

_PLAIN = re.compile(r"[a-z_][a-z0-9_]*")


def quote_ident(name: str) -> str:
    """``name`` as a quoted identifier: always in double quotes, its own doubled."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    """``text`` as a string literal: in single quotes, its own doubled (standard_conforming_strings)."""
    return "'" + text.replace("'", "''") + "'"


def quote_ident_if_needed(name: str, keywords: set[str]) -> str:
    """PostgreSQL's quote_identifier (ruleutils.c): bare when it is lower case letters, digits
    and _ (not first a digit) and not one of ``keywords`` (the reserved ones), else quoted."""
    return name if _PLAIN.fullmatch(name) and name not in keywords else quote_ident(name)


def read_ident(text: str) -> str:
    """The name an identifier token spells: a quoted one as written, an unquoted one folded
    to lower case (PostgreSQL's downcase_identifier for ASCII)."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text.lower()
