"""PostgreSQL's array input syntax (array_in, arrayfuncs.c): ``'{1,NULL,"x y"}'`` as nested lists.

Clients send array parameters in it, and SQL writes array constants in it; the wire layer
and the planner both read it here.

>>> parse_array_text('{1,NULL,"x y"}', str)
['1', None, 'x y']
>>> parse_array_text('[1:2]={{1},{2}}', int)
[[1], [2]]
"""

from __future__ import annotations

from typing import Any, Callable

from duckflight.gateway.core.sql_error import SqlError


def _malformed(text: str) -> SqlError:
    return SqlError("22P02", f'malformed array literal: "{text}"')


def parse_array_text(text: str, element: Callable[[str], Any]) -> list:
    """PG's array input syntax (array_in) -> nested lists of ``element(item)`` or None."""
    s = text.strip()
    if s.startswith("["):  # explicit bounds ("[1:2]={1,2}"): the values are what count
        s = s.partition("=")[2].lstrip()
    if not s.startswith("{"):
        raise _malformed(text)
    value, end = _parse_braces(s, 0, element, text)
    if s[end:].strip():
        raise _malformed(text)
    return value


def _parse_braces(s: str, i: int, element, text: str) -> tuple[list, int]:
    """The array starting at s[i] == '{' and the index after its closing brace."""
    items: list = []
    i += 1
    while True:
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s):
            raise _malformed(text)
        if s[i] == "}" and not items:
            return items, i + 1
        if s[i] == "{":
            item, i = _parse_braces(s, i, element, text)
        else:
            item, i = _parse_item(s, i, element, text)
        items.append(item)
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s) or s[i] not in ",}":
            raise _malformed(text)
        if s[i] == "}":
            return items, i + 1
        i += 1


def _parse_item(s: str, i: int, element, text: str) -> tuple[Any, int]:
    """One element (quoted or not, backslash escapes) and the index after it."""
    out, quoted, was_quoted = [], False, False
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
            continue
        if c == '"':
            quoted, was_quoted = not quoted, True
        elif not quoted and c in ",}":
            break
        elif not quoted and c in "{":
            raise _malformed(text)
        else:
            out.append(c)
        i += 1
    if quoted:
        raise _malformed(text)
    item = "".join(out) if was_quoted else "".join(out).strip()
    if not was_quoted and item.upper() == "NULL":
        return None, i
    return element(item), i
