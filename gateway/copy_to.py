"""Read a ``COPY ... TO STDOUT`` statement: the query it copies and the output options.

Both of PostgreSQL's option syntaxes are read: ``WITH (FORMAT csv, HEADER, DELIMITER ';')``
and the older ``CSV HEADER DELIMITER ';'`` / ``BINARY`` that psql's ``\\copy`` still sends.
Only COPY TO STDOUT is served: tables are read-only files (COPY FROM is refused), and a
client may not read or write files or run programs on the gateway (COPY TO or FROM 'file'
or PROGRAM is refused as PostgreSQL refuses a user without pg_read_server_files,
pg_write_server_files or pg_execute_server_program).

    >>> query, options = parse_copy("COPY (select 1) TO STDOUT WITH (FORMAT csv, HEADER true)")
    >>> query, options.format, options.header, options.delimiter
    ('select 1', 'csv', True, ',')
    >>> parse_copy("copy lineitem (l_orderkey) to stdout binary")[0]
    'SELECT "l_orderkey" FROM "lineitem"'
"""

from __future__ import annotations

import re

from duckflight.gateway.core.identifiers import quote_ident, read_ident
from duckflight.gateway.core.sql_error import SqlError
from duckflight.gateway.pgwire.backend import CopyOut

_HEAD = re.compile(r"^copy\s+", re.I)
_TABLE = re.compile(r'^(?P<table>(?:"(?:[^"]|"")+"|[\w$]+)(?:\.(?:"(?:[^"]|"")+"|[\w$]+))*)\s*(?:\((?P<cols>[^)]*)\))?\s*', re.S)
_TARGET = re.compile(r"^(?P<dir>to|from)\s+(?P<where>stdout|stdin|program\s+'(?:[^']|'')*'|'(?:[^']|'')*')\s*", re.I)
_BOOL = {"true": True, "on": True, "1": True, "false": False, "off": False, "0": False}


def parse_copy(sql: str, admin: bool = False) -> tuple[str, CopyOut]:
    """(query SQL, options) of a COPY TO STDOUT; SqlError for any other COPY (``admin``: the
    session is PostgreSQL's superuser, whom PostgreSQL would let read and write files)."""
    rest = _HEAD.sub("", sql.strip().rstrip(";").strip(), count=1)
    if rest.startswith("("):
        end = _closing_paren(rest)
        query, rest = rest[1:end].strip(), rest[end + 1 :].lstrip()
    else:
        m = _TABLE.match(rest)
        if not m:
            raise SqlError("42601", "syntax error in COPY")
        cols = m.group("cols")
        names = ", ".join(_quote(c.strip()) for c in cols.split(",")) if cols else "*"
        query, rest = f"SELECT {names} FROM {_quote_path(m.group('table'))}", rest[m.end():]
    m = _TARGET.match(rest)
    if not m:
        raise SqlError("42601", "syntax error in COPY: expected TO STDOUT")
    where = m.group("where").lower()
    if where.startswith("program"):
        raise _server_files("pg_execute_server_program", "COPY to or from an external program", admin)
    if m.group("dir").lower() == "from":
        if where != "stdin":
            raise _server_files("pg_read_server_files", "COPY from a file", admin)
        raise SqlError("0A000", "COPY FROM is not supported: duckflight tables are read-only files")
    if where != "stdout":
        raise _server_files("pg_write_server_files", "COPY to a file", admin)
    return query, _options(rest[m.end():])


def _server_files(role: str, what: str, admin: bool) -> SqlError:
    """PostgreSQL's refusal (DoCopy) of a COPY that reads or writes the server's files or programs;
    for an admin, whom PostgreSQL would let, duckflight's own: it never touches its host's files."""
    hint = "Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone."
    if admin:
        return SqlError("0A000", f"{what} is not supported: duckflight reads and writes no files on its host "
                        "for a client", hint=hint)
    return SqlError("42501", f"must be superuser or have privileges of the {role} role to {what}", hint=hint)


def _closing_paren(text: str) -> int:
    """Index of the parenthesis closing text[0], skipping strings and quoted names."""
    depth, i, quote = 0, 0, None
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise SqlError("42601", "syntax error at end of input")


def _quote(name: str) -> str:
    return quote_ident(read_ident(name))


def _quote_path(path: str) -> str:
    return ".".join(_quote(p) for p in re.findall(r'"(?:[^"]|"")+"|[\w$]+', path))


_TOKEN = re.compile(r"\s*('(?:[^']|'')*'|E'(?:[^'\\]|\\.|'')*'|[(),]|[^\s(),]+)", re.S)


def _options(text: str) -> CopyOut:
    tokens = [t for t in _TOKEN.findall(text) if t]
    if tokens and tokens[0].lower() == "with":
        tokens = tokens[1:]
    pairs: list[tuple[str, str | None]] = []
    if tokens and tokens[0] == "(":
        if tokens[-1] != ")":
            raise SqlError("42601", "syntax error in COPY options")
        for item in _split(tokens[1:-1]):
            pairs.append((item[0].lower(), " ".join(item[1:]) if len(item) > 1 else None))
    else:
        pairs = _legacy(tokens)
    return _build(pairs)


def _split(tokens: list[str]) -> list[list[str]]:
    items, current = [], []
    for t in tokens:
        if t == ",":
            items.append(current)
            current = []
        else:
            current.append(t)
    if current:
        items.append(current)
    return [i for i in items if i]


def _legacy(tokens: list[str]) -> list[tuple[str, str | None]]:
    pairs, i = [], 0
    while i < len(tokens):
        word = tokens[i].lower()
        if word in ("binary", "csv"):
            pairs.append(("format", word))
        elif word == "header":
            pairs.append(("header", None))
        elif word in ("delimiter", "null", "quote", "escape"):
            i += 1
            if i < len(tokens) and tokens[i].lower() == "as":
                i += 1
            if i >= len(tokens):
                raise SqlError("42601", "syntax error at end of input")
            pairs.append((word, tokens[i]))
        else:
            raise SqlError("42601", f'syntax error at or near "{tokens[i]}"')
        i += 1
    return pairs


def _string(value: str | None, option: str) -> str:
    if value is None:
        raise SqlError("42601", f"COPY option {option} needs a value")
    if value.startswith("E'"):
        return value[2:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    if value.startswith("'"):
        return value[1:-1].replace("''", "'")
    return value


def _build(pairs: list[tuple[str, str | None]]) -> CopyOut:
    given = dict(pairs)
    fmt = _string(given.get("format", "text"), "format").lower()
    if fmt not in ("text", "csv", "binary"):
        raise SqlError("22023", f'COPY format "{fmt}" not recognized')
    csv = fmt == "csv"
    options = CopyOut(format=fmt, delimiter="," if csv else "\t", null="" if csv else "\\N")
    for name, value in pairs:
        if name == "format":
            continue
        if name == "header":
            flag = _BOOL.get((_string(value, name) if value else "true").lower())
            if flag is None:
                raise SqlError("22023", f"{name} requires a Boolean value")
            if flag and not csv:
                raise SqlError("0A000", "COPY HEADER available only in CSV mode")
            options.header = flag
        elif name in ("delimiter", "null", "quote", "escape"):
            if fmt == "binary":
                raise SqlError("42601", f"cannot specify {name.upper()} in BINARY mode")
            if name in ("quote", "escape") and not csv:
                raise SqlError("0A000", f"COPY {name} available only in CSV mode")
            setattr(options, name, _string(value, name))
        else:
            raise SqlError("42601", f'option "{name}" not recognized')
    if len(options.delimiter) != 1:
        raise SqlError("0A000", "COPY delimiter must be a single one-byte character")
    return options
