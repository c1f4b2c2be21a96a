"""The lexer every statement is read with: sqlglot's Postgres tokenizer, with PostgreSQL's rules for ``$``.

sqlglot reads ``$`` as the start of a dollar quote and takes everything up to the next
``$`` as its tag, so ``in ($1,$2)`` or ``$1+$2`` failed to tokenize. PostgreSQL's scanner
(src/backend/parser/scan.l) has three rules for ``$``:

* ``$`` and digits is a parameter (``param``): ``$1``, whatever follows it;
* ``$tag$`` (a tag is an identifier without ``$``: a letter, ``_`` or a non-ASCII character
  first, then those or digits) and ``$$`` open a dollar-quoted string (``dolqdelim``);
* any other ``$`` is a character of its own, which no rule of the grammar accepts.

Inside a string, a quoted identifier, a comment or a dollar quote, ``$1`` is text, not a
parameter; inside an identifier (``a$1``) it is part of the name.

One more token of our own: an ``IN (`` list of ``LIST_MIN`` or more parameters and nothing
else, ``IN ($1, $2, ..., $n)`` (or all cast to one type name, ``$1::int, $2::int``), is one
token of its text (read with one regular expression
instead of 3n tokens: 10,000 parameters took 0.2 s to tokenize), which the parser reads
as a column named ``$1, $2, ...`` and ``planner/parameter_lists.py`` as one list node.

>>> [t.text for t in tokenize("select $1,$2||$tag$ $3 $tag$")]
['select', '$', '1', ',', '$', '2', '||', ' $3 ']
>>> max_parameter("select $2, '$9' -- $8\\n, $$ $7 $$, x$5 from t where a in ($1,$3)")
3
"""

from __future__ import annotations

import re

from sqlglot.dialects.postgres import Postgres
from sqlglot.errors import TokenError
from sqlglot.tokenizer_core import TokenizerCore
from sqlglot.tokens import TokenType

from duckflight.gateway.core.sql_error import SqlError

# scan.l's dolqdelim: $, an optional tag (dolq_start dolq_cont*), $.
_DOLLAR_QUOTE = re.compile(r"(?:[A-Za-z_\x80-\U0010ffff][A-Za-z_0-9\x80-\U0010ffff]*)?\$")
# A list of parameters up to its closing parenthesis (white space is the lexer's: no comments).
# `$1, $2, ...`, or `$1::int, $2::int, ...` (SQLAlchemy's asyncpg dialect casts each), one cast for all.
_PARAMETER_RUN = re.compile(r"\$\d+((?:::[A-Za-z_]\w*)?)(?:\s*,\s*\$\d+\1)*(?=\s*\))")
_NUMBER = re.compile(r"\$(\d+)")
LIST_MIN = 32  # shorter lists stay tokens: their cost is small, and their literals prune splits


class _PostgresLexer(TokenizerCore):
    """sqlglot's tokenizer core with PostgreSQL's rules for ``$``."""

    __slots__ = ()

    def _scan_string(self, start: str) -> bool:
        if start == "$" and not _DOLLAR_QUOTE.match(self.sql, self._current):
            if not self._scan_parameter_list():
                self._add(TokenType.PARAMETER)  # `$` then its number: the parser makes them one Parameter
            return True
        return super()._scan_string(start)

    def _scan_parameter_list(self) -> bool:
        tokens = self.tokens
        if len(tokens) < 2 or tokens[-1].token_type != TokenType.L_PAREN or tokens[-2].token_type != TokenType.IN:
            return False
        run = _PARAMETER_RUN.match(self.sql, self._current - 1)
        if run is None or run.group().count("$") < LIST_MIN:
            return False
        self._advance(len(run.group()) - 1)
        self._add(TokenType.VAR)
        return True


class PostgresTokenizer(Postgres.Tokenizer):
    """sqlglot's Postgres tokenizer with the lexer above (the tokenizer of ``PostgresInput``)."""

    def _init_core(self) -> TokenizerCore:
        core = super()._init_core()
        core.__class__ = _PostgresLexer  # same slots: only _scan_string differs
        return core


def tokenize(sql: str):
    """The statement's tokens; an unterminated string or quote is PostgreSQL's 42601."""
    try:
        return PostgresTokenizer(dialect="postgres").tokenize(sql)
    except TokenError as error:
        raise token_error(sql, error) from error


def token_error(sql: str, error: TokenError) -> SqlError:
    """42601 for text the lexer cannot cut into tokens (an unterminated string, quote or comment)."""
    return SqlError("42601", f"syntax error: {error}")


def max_parameter(sql: str) -> int:
    """The highest ``$n`` the statement uses (0 for none): PostgreSQL's count of its parameters."""
    tokens = tokenize(sql)
    numbers = [int(t.text) for prev, t in zip(tokens, tokens[1:])
               if prev.token_type == TokenType.PARAMETER and prev.end + 1 == t.start and t.text.isdigit()]
    numbers += [int(n) for t in tokens if t.token_type == TokenType.VAR and t.text.startswith("$")
                for n in _NUMBER.findall(t.text)]
    return max(numbers, default=0)
